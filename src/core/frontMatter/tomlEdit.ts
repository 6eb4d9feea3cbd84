import { parse as parseToml, stringify as stringifyToml, TomlDate, TomlError } from 'smol-toml';
import { isIsoDate } from '../dates';
import { locateFrontMatter } from './parse';
import type { FrontMatterBlock } from './parse';
import type { EditResult, FrontMatterValue } from './edit';
import { describeValue, minimalEdit } from './editShared';
import { scanToml, readInlineArray } from './tomlScan';
import type { InlineArrayItem, TomlHeader, TomlLayout, TomlPair, ValueShape } from './tomlScan';
import { getOwn, sameData, setOwn } from '../util/objects';
import { firstLine, lineNumberAt } from '../util/strings';
import { type Failure } from '../util/result';

// TOML front matter is edited like YAML front matter: on the source text. smol-toml reads the
// data and writes every value; a small scanner (tomlScan.ts) finds where keys, values and tables
// sit, which smol-toml does not report. Only the bytes of a changed value change, new top-level
// keys go after the last top-level key (so before the first table), and the result is read back
// and compared with the old data plus the change before it is returned.

type LineBreak = '\n' | '\r\n';

/** What TOML can hold: FrontMatterValue without null, plus local dates. */
type TomlData = string | number | boolean | TomlDate | TomlData[] | { [key: string]: TomlData };

interface Splice {
  start: number;
  end: number;
  text: string;
}

interface TomlFrontMatter {
  block: FrontMatterBlock;
  content: string;
  lineBreak: LineBreak;
  layout: TomlLayout;
  data: Record<string, unknown>;
}

/**
 * Sets top-level fields of `+++` front matter; `undefined` removes a field. A value that was a
 * local date stays one, a quoted string stays a string (in single quotes if it was and still can
 * be), and a new `YYYY-MM-DD` field is written as a local date, which Hugo and Zola read as a date.
 */
export function setTomlFrontMatterFields(text: string, fields: Record<string, FrontMatterValue | undefined>): EditResult {
  const opened = openTomlFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;
  const names = Object.keys(fields);
  const expected: Record<string, unknown> = { ...fm.data };
  const splices: Splice[] = [];
  const added: string[] = [];

  for (const name of names) {
    const value = fields[name];
    const place = placeOf(fm.layout, name);
    if (value === undefined) {
      if (place.tables.length > 0 || place.dotted.length > 0) return writtenAsTable(name);
      if (!place.pair) continue;
      delete expected[name];
      splices.push({ start: place.pair.lineStart, end: place.pair.lineEnd, text: '' });
      continue;
    }
    const checked = checkValue(value, name);
    if (!checked.ok) return checked;
    if (place.tables.length > 0 || place.dotted.length > 0) return writtenAsTable(name);

    const data = topLevelData(value, place.pair?.shape);
    setOwn(expected, name, data);
    if (!place.pair) {
      const line = renderNewKey(name, data, fm.lineBreak);
      if (!line.ok) return line;
      added.push(line.text);
      continue;
    }
    if (sameData(getOwn(fm.data, name), data)) continue;
    const rendered = renderValueLike(data, place.pair.shape);
    if (!rendered.ok) return rendered;
    splices.push({ start: place.pair.valueStart, end: place.pair.valueEnd, text: rendered.text });
  }
  if (added.length > 0) splices.push({ start: fm.layout.appendAt, end: fm.layout.appendAt, text: added.join('') });
  return finish(text, fm, splices, expected, names);
}

/**
 * Adds an item to a top-level list of `+++` front matter. A table of fields (an impact entry)
 * becomes a new `[[key]]` table after the existing ones, or at the end when there are none; a
 * list written inline, `key = [ … ]`, gets the item inline, on its own line if the list has one
 * item per line.
 */
export function appendTomlFrontMatterListItem(text: string, key: string, item: FrontMatterValue): EditResult {
  const opened = openTomlFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;
  const checked = checkValue(item, key);
  if (!checked.ok) return checked;

  const place = placeOf(fm.layout, key);
  const current = getOwn(fm.data, key);
  const expected: Record<string, unknown> = { ...fm.data };
  const isTable = isPlainObject(item);

  if (place.pair) {
    if (place.pair.shape !== 'array' || !Array.isArray(current)) return notAList(key, current);
    const data = itemData(item, current);
    setOwn(expected, key, [...current, data]);
    const rendered = inlineValue(data);
    if (!rendered.ok) return rendered;
    const whole = inlineValue([data]);
    if (!whole.ok) return whole;
    const splices = appendToInlineArray(fm, place.pair, rendered.text, whole.text);
    if (!splices) return cannotEdit([key]);
    return finish(text, fm, splices, expected, [key]);
  }

  const arrayTables = place.tables.filter((header) => header.array && header.path.length === 1);
  if (arrayTables.length > 0 && Array.isArray(current)) {
    if (!isTable) {
      return {
        ok: false,
        message: `The front-matter field "${key}" is a list of [[${key}]] tables, so DevRel Desk can only add a table of fields to it, not ${describeValue(item)}.`,
      };
    }
    const data = itemData(item, current);
    setOwn(expected, key, [...current, data]);
    const last = arrayTables[arrayTables.length - 1];
    const at = endOfArrayTable(fm.layout, last);
    const blankBefore = last.lineStart > 0 && isBlankLineBefore(fm.content, last.lineStart);
    const rendered = renderArrayTable(key, data, fm.lineBreak);
    if (!rendered.ok) return rendered;
    return finish(text, fm, [{ start: at, end: at, text: (blankBefore ? fm.lineBreak : '') + rendered.text }], expected, [key]);
  }
  if (current !== undefined) return notAList(key, current);

  const data = itemData(item, []);
  setOwn(expected, key, [data]);
  if (isTable) {
    const at = fm.content.length;
    const blankBefore = at > 0 && !isBlankLineBefore(fm.content, at);
    const rendered = renderArrayTable(key, data, fm.lineBreak);
    if (!rendered.ok) return rendered;
    return finish(text, fm, [{ start: at, end: at, text: (blankBefore ? fm.lineBreak : '') + rendered.text }], expected, [key]);
  }
  const line = renderNewKey(key, [data], fm.lineBreak);
  if (!line.ok) return line;
  return finish(text, fm, [{ start: fm.layout.appendAt, end: fm.layout.appendAt, text: line.text }], expected, [key]);
}

/**
 * Replaces item `index` of a top-level list of `+++` front matter, e.g. one synced impact entry.
 * An item written as a `[[key]]` table keeps its header, comments and key order: fields it
 * already has change their value in place, new ones go after its last field and fields the new
 * item lacks are removed. An item of an inline list (`key = [ … ]`) is rewritten where it stands.
 */
export function replaceTomlFrontMatterListItem(text: string, key: string, index: number, item: FrontMatterValue): EditResult {
  const located = locateTomlItem(text, key, index);
  if (!located.ok) return located;
  const { fm, current, table, inline } = located;
  const checked = checkValue(item, key);
  if (!checked.ok) return checked;
  const old = current[index];
  const data = itemData(item, [old]);
  const expected: Record<string, unknown> = { ...fm.data };
  setOwn(
    expected,
    key,
    current.map((value, i) => (i === index ? data : value)),
  );
  if (sameData(old, data)) return finish(text, fm, [], expected, [key]);

  if (inline) {
    const rendered = inlineValue(data);
    if (!rendered.ok) return rendered;
    return finish(text, fm, [{ start: inline.start, end: inline.end, text: rendered.text }], expected, [key]);
  }
  if (!table || !isPlainObject(item) || !isPlainObject(old)) return cannotEdit([key]);
  const own = fm.layout.pairs.filter((pair) => pair.table === table);
  // Fields written as dotted keys or as sub-tables of this entry aren't rewritten in place.
  if (own.some((pair) => pair.path.length > 1) || hasSubTables(fm.layout, table)) return cannotEdit([key]);
  const splices: Splice[] = [];
  const added: string[] = [];
  const fields = data as Record<string, TomlData>;
  for (const pair of own) {
    const name = pair.path[0];
    if (getOwn(fields, name) === undefined) splices.push({ start: pair.lineStart, end: pair.lineEnd, text: '' });
  }
  for (const name of Object.keys(fields)) {
    const value = fields[name];
    const pair = own.find((p) => p.path[0] === name);
    if (!pair) {
      const line = renderNewKey(name, value, fm.lineBreak);
      if (!line.ok) return line;
      added.push(line.text);
      continue;
    }
    if (sameData(getOwn(old, name), value)) continue;
    const rendered = renderValueLike(value, pair.shape);
    if (!rendered.ok) return rendered;
    splices.push({ start: pair.valueStart, end: pair.valueEnd, text: rendered.text });
  }
  if (added.length > 0) {
    const at = Math.max(table.lineEnd, ...own.map((pair) => pair.lineEnd));
    const needsBreak = at > 0 && !fm.content.slice(0, at).endsWith('\n');
    splices.push({ start: at, end: at, text: (needsBreak ? fm.lineBreak : '') + added.join('') });
  }
  return finish(text, fm, splices, expected, [key]);
}

/**
 * Removes item `index` of a top-level list of `+++` front matter: a `[[key]]` table with its
 * lines (and its sub-tables), or one item of an inline list with its comma. Removing the only
 * `[[key]]` table removes the field.
 */
export function removeTomlFrontMatterListItem(text: string, key: string, index: number): EditResult {
  const located = locateTomlItem(text, key, index);
  if (!located.ok) return located;
  const { fm, current, table, inline, items } = located;
  const rest = current.filter((_, i) => i !== index);
  const expected: Record<string, unknown> = { ...fm.data };
  if (table) {
    if (rest.length > 0) setOwn(expected, key, rest);
    else delete expected[key];
    return finish(text, fm, [{ start: table.lineStart, end: endOfArrayTable(fm.layout, table), text: '' }], expected, [key]);
  }
  if (!inline || !items) return cannotEdit([key]);
  setOwn(expected, key, rest);
  const next = items[index + 1];
  const previous = items[index - 1];
  // `[a, b, c]` loses `b, `; the last item takes the comma before it, so `[a, b]` becomes `[a]` and `[a, b,]` becomes `[a,]`.
  // An item on a line of its own goes with its line, so comments on the other lines stay.
  const content = fm.content;
  const lineStart = content.lastIndexOf('\n', inline.start - 1) + 1;
  const afterItem = inline.comma !== undefined ? inline.comma + 1 : inline.end;
  const newline = content.indexOf('\n', afterItem);
  const ownLine = previous !== undefined && content.slice(lineStart, inline.start).trim() === '' && newline !== -1 && /^[ \t]*(?:#.*)?\r?$/.test(content.slice(afterItem, newline));
  const splice: Splice = next
    ? { start: inline.start, end: next.start, text: '' }
    : ownLine
      ? { start: lineStart, end: newline + 1, text: '' }
      : previous
        ? { start: previous.end, end: inline.end, text: '' }
        : { start: inline.start, end: afterItem, text: '' };
  return finish(text, fm, [splice], expected, [key]);
}

type LocatedTomlItem = { ok: true; fm: TomlFrontMatter; current: unknown[]; table?: TomlHeader; inline?: InlineArrayItem; items?: InlineArrayItem[] } | Failure;

function locateTomlItem(text: string, key: string, index: number): LocatedTomlItem {
  const opened = openTomlFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;
  const current = getOwn(fm.data, key);
  if (!Array.isArray(current)) return { ok: false, message: `The front matter has no "${key}" list, so there is no entry to change.` };
  if (!Number.isInteger(index) || index < 0 || index >= current.length) {
    return { ok: false, message: `"${key}" has ${current.length} ${current.length === 1 ? 'entry' : 'entries'}, so there is no entry ${index + 1} to change.` };
  }
  const place = placeOf(fm.layout, key);
  if (place.pair) {
    if (place.pair.shape !== 'array') return cannotEdit([key]);
    const list = readInlineArray(fm.content, place.pair.valueStart);
    const item = list?.items[index];
    if (!list || !item || list.items.length !== current.length) return cannotEdit([key]);
    return { ok: true, fm, current, inline: item, items: list.items };
  }
  const tables = place.tables.filter((header) => header.array && header.path.length === 1);
  if (place.dotted.length > 0 || tables.length !== current.length) return cannotEdit([key]);
  return { ok: true, fm, current, table: tables[index] };
}

/** `[key.sub]` or `[[key.sub]]` headers that belong to the `[[key]]` table `table`. */
function hasSubTables(layout: TomlLayout, table: TomlHeader): boolean {
  const next = layout.headers[layout.headers.indexOf(table) + 1];
  return next !== undefined && next.path.length > table.path.length && table.path.every((part, i) => next.path[i] === part);
}

/**
 * Sets fields inside one `[table]` of `+++` front matter (`undefined` removes one), for
 * generators that refuse unknown top-level keys and keep custom fields in a table, such as
 * Zola's `[extra]`. A missing key goes after the table's last key; a missing table is added at
 * the end of the front matter. Everything else keeps its bytes.
 */
export function setTomlTableFields(text: string, table: string, fields: Record<string, FrontMatterValue | undefined>): EditResult {
  const opened = openTomlFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;
  const names = Object.keys(fields).map((name) => `${table}.${name}`);
  const headers = fm.layout.headers.filter((header) => header.path[0] === table);
  const header = headers.find((h) => !h.array && h.path.length === 1);
  // Written inline (`extra = { … }`), as dotted keys, or as an array of tables: not ours to rewrite.
  if (fm.layout.pairs.some((pair) => pair.table === undefined && pair.path[0] === table) || headers.some((h) => h.array)) return writtenAsTable(table);
  const current = fm.data[table];
  if (current !== undefined && !isPlainObject(current)) return writtenAsTable(table);
  const tableData: Record<string, unknown> = { ...(current ?? {}) };
  const expected: Record<string, unknown> = { ...fm.data, [table]: tableData };
  const splices: Splice[] = [];
  const added: string[] = [];
  const own = header ? fm.layout.pairs.filter((pair) => pair.table === header) : [];

  for (const name of Object.keys(fields)) {
    const value = fields[name];
    const pair = own.find((p) => p.path.length === 1 && p.path[0] === name);
    if (own.some((p) => p.path.length > 1 && p.path[0] === name) || headers.some((h) => h.path.length > 1 && h.path[1] === name)) return writtenAsTable(`${table}.${name}`);
    if (value === undefined) {
      if (!pair) continue;
      delete tableData[name];
      splices.push({ start: pair.lineStart, end: pair.lineEnd, text: '' });
      continue;
    }
    const checked = checkValue(value, name);
    if (!checked.ok) return checked;
    const data = topLevelData(value, pair?.shape);
    setOwn(tableData, name, data);
    if (!pair) {
      const line = renderNewKey(name, data, fm.lineBreak);
      if (!line.ok) return line;
      added.push(line.text);
      continue;
    }
    if (sameData(getOwn(current ?? {}, name), data)) continue;
    const rendered = renderValueLike(data, pair.shape);
    if (!rendered.ok) return rendered;
    splices.push({ start: pair.valueStart, end: pair.valueEnd, text: rendered.text });
  }
  if (added.length > 0) {
    if (header) {
      const at = Math.max(header.lineEnd, ...own.map((pair) => pair.lineEnd));
      splices.push({ start: at, end: at, text: (fm.content.slice(0, at).endsWith('\n') || at === 0 ? '' : fm.lineBreak) + added.join('') });
    } else {
      const end = fm.content.length;
      const content = fm.content;
      const gap = content === '' ? '' : content.endsWith(`${fm.lineBreak}${fm.lineBreak}`) ? '' : content.endsWith('\n') ? fm.lineBreak : fm.lineBreak + fm.lineBreak;
      const key = keyText(table);
      if (!key.ok) return key;
      splices.push({ start: end, end, text: `${gap}[${key.text}]${fm.lineBreak}${added.join('')}` });
    }
  }
  return finish(text, fm, splices, expected, names);
}

// ---------------------------------------------------------------------------------------------
// Reading

type Opened = { ok: true; frontMatter: TomlFrontMatter } | Failure;

function openTomlFrontMatter(text: string): Opened {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed' || location.block.format !== 'toml') {
    return { ok: false, message: 'The file has no closed "+++" TOML front matter to edit.' };
  }
  const block = location.block;
  const content = text.slice(block.contentStart, block.contentEnd);
  let data: Record<string, unknown>;
  try {
    data = parseToml(content) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const line = lineNumberAt(text, block.contentStart) + Math.max(0, error.line - 1);
    return {
      ok: false,
      message: `The front matter isn't valid TOML (line ${line}: ${firstLine(error.message.replace(/^Invalid TOML document:\s*/, ''))}), so DevRel Desk won't change it. Fix the TOML, then try again.`,
    };
  }
  const layout = scanToml(content);
  if (!layout.ok) {
    const line = lineNumberAt(text, block.contentStart + layout.offset);
    return {
      ok: false,
      message: `DevRel Desk couldn't follow how the TOML front matter is laid out (near line ${line}), so the file was left as it is. Edit the fields by hand.`,
    };
  }
  return { ok: true, frontMatter: { block, content, lineBreak: block.lineBreak, layout: layout.layout, data } };
}

interface Place {
  /** `name = value` before the first table. */
  pair?: TomlPair;
  /** `name.more = value` before the first table: `name` is a table. */
  dotted: TomlPair[];
  /** `[name…]` and `[[name…]]` headers. */
  tables: TomlHeader[];
}

/** Where a top-level field is written. Keys inside tables belong to the table, not to the draft. */
function placeOf(layout: TomlLayout, name: string): Place {
  const place: Place = { dotted: [], tables: [] };
  for (const pair of layout.pairs) {
    if (pair.table !== undefined || pair.path[0] !== name) continue;
    if (pair.path.length === 1) place.pair = pair;
    else place.dotted.push(pair);
  }
  place.tables = layout.headers.filter((header) => header.path[0] === name);
  return place;
}

/** Just after the last line of the `[[name]]` table that starts at `last`, sub-tables included. */
function endOfArrayTable(layout: TomlLayout, last: TomlHeader): number {
  const owned = new Set<TomlHeader>([last]);
  // `[impact.links]` or `[[impact.links]]` after `[[impact]]` belong to that last entry.
  for (const header of layout.headers.slice(layout.headers.indexOf(last) + 1)) {
    if (header.path.length <= last.path.length || !last.path.every((part, i) => header.path[i] === part)) break;
    owned.add(header);
  }
  let end = 0;
  for (const header of owned) end = Math.max(end, header.lineEnd);
  for (const pair of layout.pairs) if (pair.table !== undefined && owned.has(pair.table)) end = Math.max(end, pair.lineEnd);
  return end;
}

function isBlankLineBefore(content: string, lineStart: number): boolean {
  if (lineStart === 0) return false;
  const previousStart = content.lastIndexOf('\n', lineStart - 2) + 1;
  return content.slice(previousStart, lineStart).trim() === '';
}

// ---------------------------------------------------------------------------------------------
// Values

type Checked = { ok: true } | Failure;

/** TOML has no null: a value holding one is refused rather than silently dropped. */
function checkValue(value: FrontMatterValue, name: string): Checked {
  const hasNull = (item: unknown): boolean =>
    item === null || (Array.isArray(item) ? item.some(hasNull) : typeof item === 'object' && Object.values(item as object).some((v) => v !== undefined && hasNull(v)));
  if (hasNull(value)) {
    return {
      ok: false,
      message: `The value for the front-matter field "${name}" is or holds an empty value (null), which TOML can't write. Leave that part out, then try again.`,
    };
  }
  return { ok: true };
}

/** A top-level value as it will read back: a date stays a date, and a string field stays text. */
function topLevelData(value: FrontMatterValue, shape: ValueShape | undefined): TomlData {
  if (typeof value === 'string' && isIsoDate(value) && (shape === undefined || shape === 'dateTime' || shape === 'bare')) return new TomlDate(value);
  return toTomlData(value);
}

/**
 * A list item as it will read back. A `YYYY-MM-DD` field of a new table (an impact entry's
 * date) is a local date, unless the list's last table writes that field as text.
 */
function itemData(item: FrontMatterValue, siblings: unknown[]): TomlData {
  const last = siblings[siblings.length - 1];
  if (!isPlainObject(item)) {
    return typeof item === 'string' && isIsoDate(item) && last instanceof Date ? new TomlDate(item) : toTomlData(item);
  }
  const lastFields = isPlainObject(last) ? (last as Record<string, unknown>) : {};
  const data: { [key: string]: TomlData } = {};
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined) continue;
    const keepText = typeof getOwn(lastFields, key) === 'string';
    setOwn(data, key, typeof value === 'string' && isIsoDate(value) && !keepText ? new TomlDate(value) : toTomlData(value));
  }
  return data;
}

function toTomlData(value: FrontMatterValue): TomlData {
  if (Array.isArray(value)) return value.map(toTomlData);
  if (value !== null && typeof value === 'object') {
    const map: { [key: string]: TomlData } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) setOwn(map, key, toTomlData(item));
    }
    return map;
  }
  // checkValue has refused null already.
  return value as string | number | boolean;
}

type Rendered = { ok: true; text: string } | Failure;

/**
 * One value as smol-toml writes it inline. smol-toml writes a document, not a value, and turns a
 * list of tables into `[[…]]` tables; inside a list that also holds a number it stays inline,
 * so the value is written as the first item of such a list and cut out again.
 */
function inlineValue(value: TomlData): Rendered {
  if (typeof value === 'number' && Object.is(value, -0)) return { ok: true, text: '-0.0' };
  let written: string;
  try {
    written = stringifyToml({ v: [value, 0] });
  } catch (error) {
    return cannotWrite(error);
  }
  const head = 'v = [ ';
  const tail = ', 0 ]\n';
  if (!written.startsWith(head) || !written.endsWith(tail)) return cannotWrite(undefined);
  return { ok: true, text: written.slice(head.length, written.length - tail.length) };
}

/** Replacing a value keeps single quotes where the new text can be written in them. */
function renderValueLike(value: TomlData, shape: ValueShape): Rendered {
  if (typeof value === 'string' && (shape === 'literal' || shape === 'multiLiteral') && fitsLiteral(value)) {
    return { ok: true, text: `'${value}'` };
  }
  return inlineValue(value);
}

/** TOML literal strings have no escapes: one line, no `'`, no control characters. */
function fitsLiteral(value: string): boolean {
  return !/['\u0000-\u0008\u000a-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

function renderNewKey(name: string, value: TomlData, lineBreak: LineBreak): Rendered {
  const key = keyText(name);
  if (!key.ok) return key;
  const rendered = inlineValue(value);
  if (!rendered.ok) return rendered;
  return { ok: true, text: `${key.text} = ${rendered.text}${lineBreak}` };
}

/** The key as smol-toml writes it: bare when it can be, quoted otherwise. */
function keyText(name: string): Rendered {
  const probe: Record<string, unknown> = {};
  setOwn(probe, name, 0);
  let written: string;
  try {
    written = stringifyToml(probe);
  } catch (error) {
    return cannotWrite(error);
  }
  const tail = ' = 0\n';
  if (!written.endsWith(tail)) return cannotWrite(undefined);
  return { ok: true, text: written.slice(0, written.length - tail.length) };
}

/** `[[name]]` and the item's fields, as smol-toml writes a list of tables, in the file's line break. */
function renderArrayTable(name: string, value: TomlData, lineBreak: LineBreak): Rendered {
  const document: Record<string, unknown> = {};
  setOwn(document, name, [value]);
  let written: string;
  try {
    written = stringifyToml(document);
  } catch (error) {
    return cannotWrite(error);
  }
  return { ok: true, text: written.split('\n').join(lineBreak) };
}

// ---------------------------------------------------------------------------------------------
// Inline lists

/**
 * Splices that add `itemText` after the last item of an inline list. A list with one item per
 * line gets a new line, indented like the last item and with a comma if the others have one;
 * `[a, b]` becomes `[a, b, c]` and `[a, b, ]` becomes `[a, b, c, ]`.
 */
function appendToInlineArray(fm: TomlFrontMatter, pair: TomlPair, itemText: string, listText: string): Splice[] | undefined {
  const content = fm.content;
  const list = readInlineArray(content, pair.valueStart);
  if (!list) return undefined;
  const last = list.items[list.items.length - 1];
  if (!last) {
    // `[]`, `[ ]` or brackets around comments only: the whole list is written afresh.
    if (content.slice(pair.valueStart, pair.valueEnd).includes('#')) return undefined;
    return [{ start: pair.valueStart, end: pair.valueEnd, text: listText }];
  }
  const afterLast = last.comma !== undefined ? last.comma + 1 : last.end;
  const lineStart = content.lastIndexOf('\n', last.start - 1) + 1;
  const ownLine = content.slice(lineStart, last.start).trim() === '' && content.slice(last.end, list.close).includes('\n');
  const newline = content.indexOf('\n', afterLast);
  const restOfLine = newline === -1 ? '' : content.slice(afterLast, newline);
  if (ownLine && newline !== -1 && newline < list.close && /^[ \t]*(?:#.*)?\r?$/.test(restOfLine)) {
    const indent = content.slice(lineStart, last.start);
    const splices: Splice[] = [];
    if (last.comma === undefined) splices.push({ start: last.end, end: last.end, text: ',' });
    const comma = last.comma !== undefined ? ',' : '';
    splices.push({ start: newline + 1, end: newline + 1, text: `${indent}${itemText}${comma}${fm.lineBreak}` });
    return splices;
  }
  if (last.comma !== undefined) return [{ start: last.comma + 1, end: last.comma + 1, text: ` ${itemText},` }];
  return [{ start: last.end, end: last.end, text: `, ${itemText}` }];
}

// ---------------------------------------------------------------------------------------------
// Producing the result

function finish(text: string, fm: TomlFrontMatter, splices: Splice[], expected: Record<string, unknown>, names: string[]): EditResult {
  if (splices.length === 0) return { ok: true, text, edit: { offset: fm.block.contentStart, length: 0, newText: '' } };
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let content = '';
  let cursor = 0;
  for (const splice of ordered) {
    if (splice.start < cursor) return cannotEdit(names);
    content += fm.content.slice(cursor, splice.start) + splice.text;
    cursor = splice.end;
  }
  content += fm.content.slice(cursor);

  const { block } = fm;
  const result = text.slice(0, block.contentStart) + content + text.slice(block.contentEnd);
  if (!verify(result, text.slice(block.end), expected)) return cannotEdit(names);
  return { ok: true, text: result, edit: minimalEdit(fm.content, content, block.contentStart) };
}

/** The new file must still have closed TOML front matter that reads as exactly the expected data, then the same body. */
function verify(result: string, body: string, expected: Record<string, unknown>): boolean {
  const location = locateFrontMatter(result);
  if (location.type !== 'closed' || location.block.format !== 'toml' || result.slice(location.block.end) !== body) return false;
  try {
    return sameData(parseToml(result.slice(location.block.contentStart, location.block.contentEnd)), expected);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Messages and small helpers

function cannotEdit(names: string[]): Failure {
  const which = names.length === 1 ? ` "${names[0]}"` : names.length > 1 ? `s ${names.map((name) => `"${name}"`).join(', ')}` : 's';
  return {
    ok: false,
    message: `DevRel Desk couldn't change the front matter without risking the rest of the file, so the file was left as it is. Edit the field${which} by hand.`,
  };
}

function cannotWrite(error: unknown): Failure {
  const why = error instanceof Error ? ` (${firstLine(error.message)})` : '';
  return { ok: false, message: `The value can't be written as TOML${why}, so the file was left as it is.` };
}

function writtenAsTable(name: string): Failure {
  return {
    ok: false,
    message: `The front-matter field "${name}" is written as a TOML table ([${name}] or ${name}.key = …), which DevRel Desk can't change without rewriting it. Edit "${name}" by hand.`,
  };
}

function notAList(key: string, current: unknown): Failure {
  return {
    ok: false,
    message: `The front-matter field "${key}" holds ${describeValue(current)}, not a list, so DevRel Desk can't add an entry to it. Turn "${key}" into a list (${key} = [ … ]) or use another field, then try again.`,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
