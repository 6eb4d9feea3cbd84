/** Closest values first, so the preferred fix for "drafitng" is "drafting". Ties keep their order. */
export function rankBySimilarity(written: string, values: readonly string[]): string[] {
  const target = written
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .toLowerCase();
  return values
    .map((value, index) => ({ value, index, score: editDistance(target, value.toLowerCase()) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.value);
}

/** Levenshtein distance with one reused row. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
