// The one text diff both front-matter editors (YAML and TOML) use to turn a rewritten block into a single edit.

import type { TextEdit } from './edit';

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
