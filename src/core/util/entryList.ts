// Front-matter lists of entries (`impact:`, `feedback:`) are read alike: a bad entry is left out
// and reported with its number, the others are kept, and one that is kept but looks wrong is
// reported as a warning.

export interface EntryList<T> {
  entries: T[];
  /** One message per entry left out, and one if the list itself is not a list. */
  problems: string[];
  /** Entries kept that look wrong. */
  warnings: string[];
}

export type EntryCheck<T> = { ok: true; entry: T; warning?: string } | { ok: false; issues: string[] };

export interface EntryListWords {
  /** `Impact entry`: numbered from 1 in every message. */
  entry: string;
  /** The whole message when the value is not a list. */
  notAList: string;
  /** Said after the entry's label when an entry is not a set of fields. */
  fields: string;
}

/** Reads a list; absent, null or blank is an empty list, not a problem. */
export function readEntryList<T>(value: unknown, words: EntryListWords, check: (fields: Record<string, unknown>, index: number) => EntryCheck<T>): EntryList<T> {
  const result: EntryList<T> = { entries: [], problems: [], warnings: [] };
  if (value === undefined || value === null || value === '') return result;
  if (!Array.isArray(value)) {
    result.problems.push(words.notAList);
    return result;
  }
  value.forEach((item: unknown, index) => {
    const label = `${words.entry} ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item) || item instanceof Date) {
      result.problems.push(`${label} must be a set of fields: ${words.fields}.`);
      return;
    }
    const checked = check(item as Record<string, unknown>, index);
    if (!checked.ok) {
      result.problems.push(`${label}: ${checked.issues.join('; ')}.`);
      return;
    }
    result.entries.push(checked.entry);
    if (checked.warning) result.warnings.push(`${label}: ${checked.warning}.`);
  });
  return result;
}
