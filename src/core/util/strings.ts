// Small text helpers several core modules need.

/** `trip-report` or `prs_merged` → `Trip report`, `Prs merged`: a label for an id nobody labelled. */
export function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Orders by UTF-16 code units, the same on every machine, unlike `localeCompare`: for tie-breaks
 * that must not shuffle a list between refreshes.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first line of a message, e.g. of a parser's multi-line error. */
export function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/** The one-based line of `offset` in `text`. */
export function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Month names in English, January first: labels must not depend on the machine's locale. */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `Jan` to `Dec`. */
export const SHORT_MONTH_NAMES: readonly string[] = MONTH_NAMES.map((name) => name.slice(0, 3));

/** An absolute `http://` or `https://` address with a host: what a link in front matter must be. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Text, a scalar read as text, undefined when absent or blank, false when it can't be text. */
export function optionalText(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return false;
}

/** Words a cut title should not end on: "Caching CI in a…" says less than "Caching CI…". */
const DANGLING_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'into', 'that', 'is', 'are', 'your', 'our', 'my']);

/**
 * `title` in at most `max` characters, ellipsis included: cut after the last whole word that fits,
 * without a dangling `:` or `,` or a trailing little word such as `a` or `in`, then `…`. A first word
 * longer than half of `max` is cut inside, so a long compound never shrinks to one stub. Titles
 * that fit come back unchanged.
 */
export function shortenTitle(title: string, max: number): string {
  const chars = Array.from(title.trim().replace(/\s+/g, ' '));
  if (chars.length <= max) return chars.join('');
  const room = Math.max(1, max - 1);
  // A space at `room` ends a word that fits exactly.
  let end = -1;
  for (let i = room; i >= Math.ceil(room / 2); i--) {
    if (chars[i] === ' ') {
      end = i;
      break;
    }
  }
  if (end < 0) return `${chars.slice(0, room).join('')}…`;
  const words = chars.slice(0, end).join('').split(' ');
  while (words.length > 1 && DANGLING_WORDS.has(words[words.length - 1].toLowerCase().replace(/[^\p{L}]/gu, ''))) words.pop();
  const head = words.join(' ').replace(/[\s,;:.·\-–—/&+(]+$/u, '');
  return `${head || chars.slice(0, room).join('')}…`;
}
