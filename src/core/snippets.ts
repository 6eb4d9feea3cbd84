// Which of DevRel Desk's Markdown snippets suit which draft, for Insert Snippet…: a list that
// only offers what fits the draft in front of the person, so nobody has to remember prefixes.

/** One entry of the contributed snippets file, as VS Code reads it. */
export interface SnippetEntry {
  name: string;
  prefix: string;
  description: string;
  body: string;
}

/**
 * The kinds each body snippet is for; `all` fits any draft. Front-matter snippets (`devrel-<kind>`)
 * are not listed: they start a draft, so they are offered only for a file that is not one yet.
 */
export const SNIPPET_KINDS: Readonly<Record<string, readonly string[] | 'all'>> = {
  'devrel-talk-section': ['talk', 'workshop'],
  'devrel-speaker-note': ['talk', 'workshop'],
  'devrel-notes': ['talk', 'workshop'],
  'devrel-cfp-abstract': ['talk'],
  'devrel-demo-step': ['talk', 'workshop', 'blog'],
  'devrel-oss-item': ['oss'],
  'devrel-tldr': ['blog', 'trip-report'],
  'devrel-cta': ['blog', 'talk'],
  'devrel-image': 'all',
  'devrel-callout': 'all',
  'devrel-learned': ['oss', 'talk', 'trip-report', 'blog'],
  'devrel-event-feedback': ['talk', 'workshop', 'trip-report'],
  'devrel-follow-up': 'all',
  'devrel-qa': ['talk', 'workshop'],
  'devrel-hackathon-criterion': ['hackathon'],
  'devrel-hackathon-project': ['hackathon'],
  'devrel-hackathon-challenge': ['hackathon'],
};

/** Reads the snippets file's text into entries; anything that is not a snippet is skipped. */
export function parseSnippetFile(text: string): SnippetEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const entries: SnippetEntry[] = [];
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const { prefix, description, body } = value as Record<string, unknown>;
    const first = Array.isArray(prefix) ? prefix[0] : prefix;
    const text = Array.isArray(body) ? body.join('\n') : body;
    if (typeof first !== 'string' || typeof text !== 'string') continue;
    entries.push({ name, prefix: first, description: typeof description === 'string' ? description.replace(/^DevRel Desk: /, '') : '', body: text });
  }
  return entries;
}

/**
 * The snippets to offer: for a draft of a kind, the body snippets for that kind; for a Markdown
 * file that is no draft yet (kind undefined), the front matter of each kind first, then those for any kind.
 */
export function snippetsFor(entries: readonly SnippetEntry[], kind: string | undefined, kinds: readonly string[]): SnippetEntry[] {
  const frontMatter = new Set(kinds.map((id) => `devrel-${id}`));
  if (kind === undefined) {
    return [...entries.filter((e) => frontMatter.has(e.prefix)), ...entries.filter((e) => SNIPPET_KINDS[e.prefix] === 'all')];
  }
  return entries.filter((e) => {
    const fits = SNIPPET_KINDS[e.prefix];
    return fits === 'all' || (fits !== undefined && fits.includes(kind));
  });
}
