// What the YAML and the TOML front-matter editors share: the edit they return, and how they
// describe a value in a message.

/** Replace `length` characters at `offset` (UTF-16 code units, like VS Code) with `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** The smallest single replacement between two contents, never splitting a CRLF or a surrogate pair. */
export function minimalEdit(before: string, after: string, base: number): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  while (start > 0 && isPairStart(before.charCodeAt(start - 1))) start--;
  while (end > 0 && isPairEnd(before.charCodeAt(before.length - end))) end--;
  return { offset: base + start, length: before.length - start - end, newText: after.slice(start, after.length - end) };
}

function isPairStart(code: number): boolean {
  return code === 13 || (code >= 0xd800 && code <= 0xdbff);
}

function isPairEnd(code: number): boolean {
  return code === 10 || (code >= 0xdc00 && code <= 0xdfff);
}

/** What a field holds, in words, for a message that says why it can't be changed. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a set of fields';
  return 'a value';
}
