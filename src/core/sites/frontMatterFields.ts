// Front-matter edits as a site generator needs them: on Zola, which refuses keys it doesn't
// know, DevRel Desk's own fields go into `[extra]` while `draft`, `date` and the like stay at the
// top; everywhere else fields are set where they are.

import { appendFrontMatterListItem, setFrontMatterFields, type EditResult, type FrontMatterValue } from '../frontMatter/edit';
import { locateFrontMatter } from '../frontMatter/parse';
import { setTomlTableFields } from '../frontMatter/tomlEdit';
import { generatorLabel, generatorRules, type SiteGenerator } from './generators';

/** Sets front-matter fields of a draft built by `generator`; `undefined` removes a field. */
export function setSiteFrontMatterFields(text: string, fields: Record<string, FrontMatterValue | undefined>, generator: SiteGenerator): EditResult {
  const strict = generator === 'none' ? undefined : generatorRules(generator).strictFrontMatter;
  if (!strict) return setFrontMatterFields(text, fields);
  const top: Record<string, FrontMatterValue | undefined> = {};
  const extra: Record<string, FrontMatterValue | undefined> = {};
  for (const [name, value] of Object.entries(fields)) (strict.topLevel.includes(name) ? top : extra)[name] = value;
  if (Object.keys(extra).length === 0) return setFrontMatterFields(text, top);
  const location = locateFrontMatter(text);
  if (location.type !== 'closed' || location.block.format !== 'toml') {
    return {
      ok: false,
      message: `${generatorLabel(generator)} only builds posts whose own fields sit in [${strict.extraTable}], and DevRel Desk writes that table only in TOML (+++) front matter. Set ${Object.keys(extra).join(', ')} by hand under ${strict.extraTable}.`,
    };
  }
  const first = Object.keys(top).length > 0 ? setFrontMatterFields(text, top) : undefined;
  if (first && !first.ok) return first;
  const second = setTomlTableFields(first?.text ?? text, strict.extraTable, extra);
  if (!second.ok) return second;
  return { ok: true, text: second.text, edit: singleEdit(text, second.text) };
}

/** Adds an item to a list field of a draft built by `generator`, e.g. an impact entry. */
export function appendSiteFrontMatterListItem(text: string, key: string, item: FrontMatterValue, generator: SiteGenerator): EditResult {
  const strict = generator === 'none' ? undefined : generatorRules(generator).strictFrontMatter;
  if (strict && !strict.topLevel.includes(key)) {
    return {
      ok: false,
      message: `${generatorLabel(generator)} refuses a top-level "${key}" field, and DevRel Desk can't add to [[${strict.extraTable}.${key}]] yet. Add the entry by hand under [[${strict.extraTable}.${key}]]; DevRel Desk reads it from there.`,
    };
  }
  return appendFrontMatterListItem(text, key, item);
}

/** The one replacement that turns `before` into `after`, never splitting a CRLF or a surrogate pair. */
function singleEdit(before: string, after: string): { offset: number; length: number; newText: string } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  while (start > 0 && (before.charCodeAt(start - 1) === 13 || (before.charCodeAt(start - 1) & 0xfc00) === 0xd800)) start--;
  while (end > 0 && (before.charCodeAt(before.length - end) === 10 || (before.charCodeAt(before.length - end) & 0xfc00) === 0xdc00)) end--;
  return { offset: start, length: before.length - start - end, newText: after.slice(start, after.length - end) };
}
