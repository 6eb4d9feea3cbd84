import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import { Document, isCollection, isMap, isNode, isScalar, isSeq, visit } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { frontMatterOverLimit } from './limits';
import { locateFrontMatter } from './parse';
import { parseYamlDocument } from './yamlDocument';
import { stringifyOptions, styleScalars } from './yamlScalar';
import type { FrontMatterBlock } from './parse';
import { appendTomlFrontMatterListItem, removeTomlFrontMatterListItem, replaceTomlFrontMatterListItem, setTomlFrontMatterFields } from './tomlEdit';
import { describeValue, minimalEdit, type TextEdit } from './editShared';
import { getOwn, sameData, setOwn } from '../util/objects';
import { errorMessage, type Failure, type Result } from '../util/result';
import { firstLine, lineNumberAt } from '../util/strings';

export type { TextEdit } from './editShared';

// Edits work on the source text, not on a re-serialised document: `yaml`'s `toString()`
// re-indents sequences, re-spaces flow collections and joins multi-line scalars, so only the
// byte ranges of the fields being changed are replaced and everything else is copied as is.

export type EditResult = Result<{ text: string; edit: TextEdit }>;

/** Front-matter data. `undefined` inside a map means "leave this key out", so optional fields can be passed as they are. */
export type FrontMatterValue = string | number | boolean | null | FrontMatterValue[] | { [key: string]: FrontMatterValue | undefined };

type LineBreak = '\n' | '\r\n';
type QuoteType = 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

interface Layout {
  /** Spaces per nesting level in block maps. */
  indent: number;
  /** Spaces before the `-` of a block sequence under its key; 0 when written flush with the key. */
  seqIndent: number;
}

/** A top-level field and where its parts sit in the front-matter content. */
interface Entry {
  name: string | undefined;
  value: Node | null;
  lineStart: number;
  column: number;
  /** Just after the `:`; undefined for explicit `? key` pairs, which are left alone. */
  colonEnd: number | undefined;
  hasValue: boolean;
  /** Includes the value's anchor and tag. */
  valueStart: number;
  valueEnd: number;
  /** The value ends on the key's line. */
  inline: boolean;
  /** Start of the first line after the field, past comments indented under it. */
  spanEnd: number;
  /** For values below the key, a comment after the `:` worth keeping. */
  keyLineComment: string;
}

interface YamlFrontMatter {
  kind: 'yaml';
  block: FrontMatterBlock;
  content: string;
  lineBreak: LineBreak;
  entries: Entry[];
  data: Record<string, unknown>;
  layout: Layout;
  keyColumn: number;
  /** Where new fields go: after the last field, or at the end when there is none. */
  appendAt: number;
}

interface MissingFrontMatter {
  kind: 'none';
  insertAt: number;
  lineBreak: LineBreak;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

const DEFAULT_LAYOUT: Layout = { indent: 2, seqIndent: 2 };

/**
 * Sets top-level front-matter fields; `undefined` removes a field. Creates the front matter
 * when the file has none. Only the changed fields' text changes; the body is never touched.
 */
export function setFrontMatterFields(text: string, fields: Record<string, FrontMatterValue | undefined>): EditResult {
  const changes: Array<[string, FrontMatterValue | undefined]> = [];
  for (const name of Object.keys(fields)) {
    const raw: unknown = fields[name];
    if (raw === undefined) {
      changes.push([name, undefined]);
      continue;
    }
    const clean = toPlainValue(raw, name);
    if (!clean.ok) return clean;
    changes.push([name, clean.value]);
  }
  if (isTomlFrontMatter(text)) return tomlOverLimit(text) ?? setTomlFrontMatterFields(text, Object.fromEntries(changes));

  const opened = openFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;

  if (fm.kind === 'none') {
    const additions = changes.filter((change): change is [string, FrontMatterValue] => change[1] !== undefined);
    const expected: Record<string, unknown> = {};
    for (const [name, value] of additions) setOwn(expected, name, value);
    return createFrontMatter(text, fm, additions, expected);
  }

  const expected = { ...fm.data };
  const splices: Splice[] = [];
  const appended: string[] = [];
  for (const [name, value] of changes) {
    const entry = fm.entries.find((candidate) => candidate.name === name);
    if (value === undefined) {
      if (!entry) continue;
      delete expected[name];
      splices.push({ start: entry.lineStart, end: removalEnd(fm, entry), text: '' });
      continue;
    }
    setOwn(expected, name, value);
    if (!entry) {
      appended.push(renderNewField(name, value, fm));
      continue;
    }
    if (entry.colonEnd === undefined) return unsupportedField(name);
    if (sameData(getOwn(fm.data, name), value)) continue;
    splices.push(replaceValue(fm, entry, entry.colonEnd, value));
  }
  if (appended.length > 0) splices.push({ start: fm.appendAt, end: fm.appendAt, text: appended.join('') });
  return finish(text, fm, splices, expected, Object.keys(fields));
}

/**
 * Adds an item to the end of a top-level list field, creating the list when the field is
 * absent or empty. A block list gets a block item indented like the others; `[a, b]` stays flow.
 */
export function appendFrontMatterListItem(text: string, key: string, item: FrontMatterValue): EditResult {
  const clean = toPlainValue(item, key);
  if (!clean.ok) return clean;
  const value = clean.value;
  if (isTomlFrontMatter(text)) return tomlOverLimit(text) ?? appendTomlFrontMatterListItem(text, key, value);

  const opened = openFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;

  if (fm.kind === 'none') {
    const expected: Record<string, unknown> = {};
    setOwn(expected, key, [value]);
    return createFrontMatter(text, fm, [[key, [value]]], expected);
  }

  const expected = { ...fm.data };
  const entry = fm.entries.find((candidate) => candidate.name === key);
  if (!entry) {
    setOwn(expected, key, [value]);
    const field = renderNewField(key, [value], fm);
    return finish(text, fm, [{ start: fm.appendAt, end: fm.appendAt, text: field }], expected, [key]);
  }
  if (entry.colonEnd === undefined) return unsupportedField(key);

  const current = getOwn(fm.data, key);
  if (current === null || current === undefined) {
    setOwn(expected, key, [value]);
    return finish(text, fm, [replaceValue(fm, entry, entry.colonEnd, [value])], expected, [key]);
  }
  const node = entry.value;
  if (!Array.isArray(current) || !isSeq(node) || !node.range) {
    return {
      ok: false,
      message: `The front-matter field "${key}" holds ${describeValue(current)}, not a list, so DevRel Desk can't add an entry to it. Turn "${key}" into a list (one "- item" per line) or use another field, then try again.`,
    };
  }
  setOwn(expected, key, [...current, value]);
  const splice = node.flow ? appendToFlowList(fm, node.range, value) : appendToBlockList(fm, node, value);
  if (!splice.ok) return splice;
  return finish(text, fm, [splice.splice], expected, [key]);
}

/**
 * Replaces the item at `index` of a top-level list field, e.g. to update one synced impact
 * entry in place. The other items keep their text; in a flow list (`[a, b]`) only the item's
 * own text changes.
 */
export function replaceFrontMatterListItem(text: string, key: string, index: number, item: FrontMatterValue): EditResult {
  const clean = toPlainValue(item, key);
  if (!clean.ok) return clean;
  if (isTomlFrontMatter(text)) return tomlOverLimit(text) ?? replaceTomlFrontMatterListItem(text, key, index, clean.value);
  const opened = openFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;
  const current = fm.kind === 'yaml' ? getOwn(fm.data, key) : undefined;
  const entry = fm.kind === 'yaml' ? fm.entries.find((candidate) => candidate.name === key) : undefined;
  if (fm.kind !== 'yaml' || !entry || !Array.isArray(current) || !Number.isInteger(index) || index < 0 || index >= current.length) {
    return { ok: false, message: `The front-matter list "${key}" has no item ${index + 1} to change.` };
  }
  const node = entry.value;
  const target = isSeq(node) ? node.items[index] : undefined;
  if (!isSeq(node) || !node.range || !isNode(target) || !target.range) return cannotEdit([key]);
  const content = fm.content;
  const expected = { ...fm.data };
  setOwn(
    expected,
    key,
    current.map((value, i) => (i === index ? clean.value : value)),
  );
  if (sameData(current[index], clean.value)) return unchanged(text, fm.block.contentStart);
  if (node.flow) {
    // `[a, b]` keeps its brackets, commas and spacing; the item is written the way an appended one would be.
    const padded = content[node.range[0] + 1] === ' ';
    const rendered = renderFlowItem(clean.value, fm.lineBreak, padded);
    return finish(text, fm, [{ start: target.range[0], end: target.range[1], text: rendered }], expected, [key]);
  }
  const dashColumn = columnOf(content, node.range[0]);
  const start = content.lastIndexOf('\n', target.range[0] - 1) + 1;
  // The item's own line must start with its dash; anything else is a layout this doesn't handle.
  if (!/^ *- +$/.test(content.slice(start, target.range[0]))) return cannotEdit([key]);
  const end = lineEndAfter(content, target.range[1]);
  const doc = new Document([clean.value], { aliasDuplicateObjects: false });
  styleScalars(doc);
  const rendered = doc.toString(stringifyOptions(indentFor([clean.value], fm.layout), fm.layout.seqIndent > 0));
  return finish(text, fm, [{ start, end, text: shape(rendered, dashColumn, fm.lineBreak, true) }], expected, [key]);
}

/**
 * Sets fields of one map in a top-level list, e.g. the status of the second entry of
 * `submissions:`. Fields already in the entry change in place; new ones go after its last
 * field, at the same indentation. `undefined` leaves a field as it is. Only block lists of
 * `key: value` entries are edited; anything else is refused with a message.
 */
export function setFrontMatterListItemFields(text: string, key: string, index: number, fields: Record<string, FrontMatterValue | undefined>): EditResult {
  const changes: Array<[string, FrontMatterValue]> = [];
  for (const name of Object.keys(fields)) {
    const raw: unknown = fields[name];
    if (raw === undefined) continue;
    const clean = toPlainValue(raw, name);
    if (!clean.ok) return clean;
    changes.push([name, clean.value]);
  }
  const located = locateListItem(text, key, index);
  if (!located.ok) return located;
  const { fm, node, list } = located;
  const item = node.items[index];
  if (!isMap(item) || item.flow || !item.range || item.items.length === 0) {
    return {
      ok: false,
      message: `Entry ${index + 1} of "${key}" isn't written as "key: value" lines, so DevRel Desk can't change it. Write each field of the entry on its own line, then try again.`,
    };
  }
  const entries: Entry[] = [];
  for (const pair of item.items) {
    const described = describeEntry(fm.content, pair, true);
    if (!described || described.colonEnd === undefined) return cannotEdit([key]);
    entries.push(described);
  }
  const current = list[index] as Record<string, unknown>;
  const updated: Record<string, unknown> = { ...current };
  const splices: Splice[] = [];
  const appended: string[] = [];
  const itemColumn = entries[0].column;
  for (const [name, value] of changes) {
    setOwn(updated, name, value);
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry) {
      appended.push(renderNewField(name, value, { layout: fm.layout, lineBreak: fm.lineBreak, keyColumn: itemColumn }));
      continue;
    }
    if (sameData(getOwn(current, name), value)) continue;
    splices.push(replaceValue(fm, entry, entry.colonEnd as number, value));
  }
  if (appended.length > 0) {
    const at = entries[entries.length - 1].spanEnd;
    splices.push({ start: at, end: at, text: appended.join('') });
  }
  const expected = { ...fm.data };
  const nextList = [...list];
  nextList[index] = updated;
  setOwn(expected, key, nextList);
  return finish(text, fm, splices, expected, [key]);
}

/** Removes one entry of a top-level block list, with its lines. Removing the last entry leaves the field empty. */
export function removeFrontMatterListItem(text: string, key: string, index: number): EditResult {
  if (isTomlFrontMatter(text)) return tomlOverLimit(text) ?? removeTomlFrontMatterListItem(text, key, index);
  const located = locateListItem(text, key, index);
  if (!located.ok) return located;
  const { fm, node, list } = located;
  const item = node.items[index];
  const content = fm.content;
  const start = isNode(item) ? item.range?.[0] : undefined;
  const end = isNode(item) ? item.range?.[1] : undefined;
  if (start === undefined || end === undefined) return cannotEdit([key]);
  let dash = start - 1;
  while (dash >= 0 && /\s/.test(content[dash])) dash--;
  const lineStart = content.lastIndexOf('\n', dash - 1) + 1;
  // Only an entry whose dash starts its own line: `- - a` can't lose one entry alone.
  if (content[dash] !== '-' || !/^[ \t]*$/.test(content.slice(lineStart, dash))) return cannotEdit([key]);
  const lineEnd = lineEndAfter(content, Math.max(end, start));
  const expected = { ...fm.data };
  const rest = list.filter((_, i) => i !== index);
  setOwn(expected, key, rest.length > 0 ? rest : null);
  return finish(text, fm, [{ start: lineStart, end: lineEnd, text: '' }], expected, [key]);
}

type LocatedItem = { ok: true; fm: YamlFrontMatter; node: YAMLSeq; list: unknown[] } | Failure;

function locateListItem(text: string, key: string, index: number): LocatedItem {
  if (isTomlFrontMatter(text)) {
    return { ok: false, message: `DevRel Desk can't change one entry of a TOML "[[${key}]]" list yet. Edit the entry by hand, or write the front matter as YAML.` };
  }
  const opened = openFrontMatter(text);
  if (!opened.ok) return opened;
  const fm = opened.frontMatter;
  const list = fm.kind === 'yaml' ? getOwn(fm.data, key) : undefined;
  const entry = fm.kind === 'yaml' ? fm.entries.find((candidate) => candidate.name === key) : undefined;
  if (fm.kind !== 'yaml' || !entry || !Array.isArray(list)) {
    return { ok: false, message: `The front matter has no "${key}" list, so there is no entry to change.` };
  }
  if (!Number.isInteger(index) || index < 0 || index >= list.length) {
    return { ok: false, message: `"${key}" has ${list.length} ${list.length === 1 ? 'entry' : 'entries'}, so there is no entry ${index + 1} to change.` };
  }
  const node = entry.value;
  if (!isSeq(node) || node.flow || !node.range) {
    return {
      ok: false,
      message: `"${key}" is written as a "[ … ]" list, which DevRel Desk can't edit entry by entry. Write one "- " entry per line, then try again.`,
    };
  }
  return { ok: true, fm, node, list };
}

// ---------------------------------------------------------------------------------------------
// Reading the front matter

type Opened = Result<{ frontMatter: YamlFrontMatter | MissingFrontMatter }>;

/** TOML front matter is held to the byte cap before it is edited, like YAML before it is parsed. */
function tomlOverLimit(text: string): Failure | undefined {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') return undefined;
  const over = frontMatterOverLimit(text.slice(location.block.contentStart, location.block.contentEnd), 'toml');
  return over === undefined ? undefined : { ok: false, message: `${over} DevRel Desk won't change it; edit the fields by hand.` };
}

function isTomlFrontMatter(text: string): boolean {
  const location = locateFrontMatter(text);
  return location.type === 'closed' && location.block.format === 'toml';
}

function openFrontMatter(text: string): Opened {
  const location = locateFrontMatter(text);
  if (location.type === 'none') {
    const lineBreak = lineBreakOf(text, location.bodyStart);
    return { ok: true, frontMatter: { kind: 'none', insertAt: location.bodyStart, lineBreak } };
  }
  if (location.type === 'unclosed') {
    const fence = location.format === 'toml' ? '+++' : '---';
    return {
      ok: false,
      message: `The front matter opens with "${fence}" on the first line but never closes, so DevRel Desk won't edit this file. Add a "${fence}" line after the last field, then try again.`,
    };
  }
  const block = location.block;
  // Closed TOML front matter went to tomlEdit.ts before this point.
  if (block.format === 'toml') return cannotEdit();

  const content = text.slice(block.contentStart, block.contentEnd);
  const over = frontMatterOverLimit(content, 'yaml');
  if (over !== undefined) return { ok: false, message: `${over} DevRel Desk won't change it; edit the fields by hand.` };
  const doc = parseYamlDocument(content, { keepSourceTokens: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineNumberAt(text, block.contentStart + error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const keyText = keyNameAt(doc, error.pos[0]) ?? content.slice(error.pos[0], error.pos[1]).trim();
      return {
        ok: false,
        message: `The front matter has the field "${keyText}" more than once (again on line ${line}), so DevRel Desk won't guess which one to change. Remove one of them, then try again.`,
      };
    }
    return {
      ok: false,
      message: `The front matter isn't valid YAML (line ${line}: ${firstLine(error.message)}), so DevRel Desk won't change it. Fix the YAML, then try again.`,
    };
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    return {
      ok: false,
      message: `The front matter can't be read (${firstLine(errorMessage(error))}), so DevRel Desk won't change it. Fix the front matter, then try again.`,
    };
  }

  const lineBreak = block.lineBreak;
  const contents = doc.contents;
  if (contents === null) {
    const frontMatter: YamlFrontMatter = {
      kind: 'yaml',
      block,
      content,
      lineBreak,
      entries: [],
      data: {},
      layout: DEFAULT_LAYOUT,
      keyColumn: 0,
      appendAt: content.length,
    };
    return { ok: true, frontMatter };
  }
  if (!isMap(contents) || data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      message: `The front matter isn't a list of "key: value" fields, so DevRel Desk can't change its fields. Write it as one "key: value" per line, then try again.`,
    };
  }
  if (contents.flow) {
    return {
      ok: false,
      message: 'The front matter is written as a single "{ … }" map, which DevRel Desk can\'t edit without rewriting it. Write it as one "key: value" per line, then try again.',
    };
  }

  const entries: Entry[] = [];
  for (const pair of contents.items) {
    const entry = describeEntry(content, pair);
    if (!entry) {
      return {
        ok: false,
        message: `The front matter has a field DevRel Desk can't place (near line ${lineNumberAt(text, block.contentStart + firstOffset(pair))}). Write it as "key: value", then try again.`,
      };
    }
    entries.push(entry);
  }
  const last = entries[entries.length - 1];
  return {
    ok: true,
    frontMatter: {
      kind: 'yaml',
      block,
      content,
      lineBreak,
      entries,
      data: data as Record<string, unknown>,
      layout: detectLayout(content, entries),
      keyColumn: entries[0]?.column ?? 0,
      appendAt: last ? last.spanEnd : content.length,
    },
  };
}

/** `nested` measures the key's own column, for pairs inside a list entry (`- key:` starts left of its key). */
function describeEntry(content: string, pair: Pair<unknown, unknown>, nested = false): Entry | undefined {
  const token = pair.srcToken;
  const key = pair.key;
  if (!token || !isNode(key) || !key.range) return undefined;
  const keyStart = key.range[0];
  const lineStart = content.lastIndexOf('\n', keyStart - 1) + 1;
  // Measured from the line, not the key, so that `? key` and `&anchor key:` count as written.
  const column = nested ? keyStart - lineStart : (/^ */.exec(content.slice(lineStart, keyStart))?.[0].length ?? 0);
  const name = isScalar(key) && key.value !== null && typeof key.value !== 'object' ? String(key.value) : undefined;
  const explicit = token.start.some((part) => part.type === 'explicit-key-ind');
  const indicator = token.sep?.find((part) => part.type === 'map-value-ind');
  const sameLine = indicator !== undefined && !content.slice(keyStart, indicator.offset).includes('\n');
  const colonEnd = !explicit && indicator && sameLine ? indicator.offset + 1 : undefined;

  const value = isNode(pair.value) ? pair.value : null;
  const hasValue = token.value !== undefined && value !== null && value.range !== undefined && value.range !== null;
  const afterKey = colonEnd ?? key.range[1];
  let valueStart = afterKey;
  let valueEnd = afterKey;
  if (hasValue && value?.range) {
    valueStart = value.range[0];
    valueEnd = value.range[1];
    for (const part of token.sep ?? []) {
      if ((part.type === 'anchor' || part.type === 'tag') && part.offset >= afterKey && part.offset < valueStart) {
        valueStart = part.offset;
        break;
      }
    }
  }
  const inline = !content.slice(lineStart, valueEnd).includes('\n');

  let spanEnd = lineEndAfter(content, valueEnd);
  // Comments indented under a field read as part of it, so they go when the field goes.
  while (spanEnd < content.length) {
    const next = content.indexOf('\n', spanEnd);
    const lineEnd = next === -1 ? content.length : next + 1;
    const line = content.slice(spanEnd, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (!line.trimStart().startsWith('#') || indent <= column) break;
    spanEnd = lineEnd;
  }

  let keyLineComment = '';
  if (!inline && colonEnd !== undefined) {
    for (const part of token.sep ?? []) {
      if (part.type === 'newline') break;
      if (part.type === 'comment' && part.offset >= colonEnd) keyLineComment = part.source.trimEnd();
    }
  }
  return { name, value, lineStart, column, colonEnd, hasValue, valueStart, valueEnd, inline, spanEnd, keyLineComment };
}

/** Reuses the file's own indentation so new nested values look like the existing ones. */
function detectLayout(content: string, entries: Entry[]): Layout {
  let mapIndent: number | undefined;
  let seqIndent: number | undefined;
  for (const entry of entries) {
    const value = entry.value;
    if (!isCollection(value) || value.flow || !value.range || value.items.length === 0) continue;
    const offset = columnOf(content, value.range[0]) - entry.column;
    if (isMap(value) && mapIndent === undefined && offset > 0) mapIndent = offset;
    if (isSeq(value) && seqIndent === undefined && offset >= 0) seqIndent = offset;
  }
  const indent = mapIndent ?? (seqIndent !== undefined && seqIndent > 0 ? seqIndent : DEFAULT_LAYOUT.indent);
  return { indent, seqIndent: seqIndent ?? indent };
}

// ---------------------------------------------------------------------------------------------
// Changing fields

function replaceValue(fm: YamlFrontMatter, entry: Entry, colonEnd: number, value: FrontMatterValue): Splice {
  const old = entry.value;
  const quoted = isScalar(old) && typeof old.value === 'string' && (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE');
  const quote = quoted ? (old.type as QuoteType) : undefined;
  const content = fm.content;
  const flow = isCollection(old) && old.flow === true;
  const padded = flow ? content[entry.valueStart + 1] === ' ' : true;
  const rendered = renderFieldValue(value, fm, entry.column, { quote, flow, padded });

  if (entry.inline) {
    const lineEnd = lineEndWithoutBreak(content, entry.valueEnd);
    if (rendered.inline !== undefined) {
      return entry.hasValue ? { start: entry.valueStart, end: entry.valueEnd, text: rendered.inline } : { start: colonEnd, end: colonEnd, text: ` ${rendered.inline}` };
    }
    const rest = content.slice(entry.valueEnd, lineEnd).trim();
    const comment = rest.startsWith('#') ? rest : '';
    return { start: colonEnd, end: lineEnd, text: withComment(rendered.block, comment, fm.lineBreak) };
  }

  const text =
    rendered.inline !== undefined
      ? ` ${rendered.inline}${entry.keyLineComment ? ` ${entry.keyLineComment}` : ''}`
      : withComment(rendered.block, entry.keyLineComment, fm.lineBreak);
  return { start: colonEnd, end: entry.spanEnd, text: text + fm.lineBreak };
}

/**
 * A `|+` block scalar keeps the blank lines that follow it, so blank lines after a removed
 * field that comes right after one would silently become part of its value.
 */
function removalEnd(fm: YamlFrontMatter, entry: Entry): number {
  const index = fm.entries.indexOf(entry);
  const previous = index > 0 ? fm.entries[index - 1] : undefined;
  if (!previous || previous.spanEnd !== entry.lineStart || !keepsTrailingLines(fm.content, previous.value)) return entry.spanEnd;
  let end = entry.spanEnd;
  while (end < fm.content.length) {
    const next = fm.content.indexOf('\n', end);
    const lineEnd = next === -1 ? fm.content.length : next + 1;
    if (fm.content.slice(end, lineEnd).trim() !== '') break;
    end = lineEnd;
  }
  return end;
}

function keepsTrailingLines(content: string, value: Node | null): boolean {
  if (!isScalar(value) || (value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED') || !value.range) return false;
  const header = /^[|>][0-9+-]*/.exec(content.slice(value.range[0]));
  return header !== null && header[0].includes('+');
}

/** A comment that followed the old value stays on the key's line, after any block-scalar header. */
function withComment(block: string, comment: string, lineBreak: LineBreak): string {
  if (!comment) return block;
  const breakAt = block.indexOf(lineBreak);
  const head = breakAt === -1 ? block : block.slice(0, breakAt);
  const tail = breakAt === -1 ? '' : block.slice(breakAt);
  return `${head} ${comment}${tail}`;
}

type Placed = Result<{ splice: Splice }>;

function appendToFlowList(fm: YamlFrontMatter, range: [number, number, number], value: FrontMatterValue): Placed {
  const content = fm.content;
  const close = range[1] - 1;
  if (content[close] !== ']') return cannotEdit();
  let at = close;
  while (at > range[0] + 1 && /\s/.test(content[at - 1])) at--;
  const before = content[at - 1];
  // `[a, b]` gets `{a: 1}` items and `[ a, b ]` gets `{ a: 1 }`, like the list around them.
  const padded = content[range[0] + 1] === ' ';
  const item = renderFlowItem(value, fm.lineBreak, padded);
  const text = before === '[' ? item : before === ',' ? ` ${item}` : `, ${item}`;
  return { ok: true, splice: { start: at, end: at, text } };
}

function appendToBlockList(fm: YamlFrontMatter, node: YAMLSeq, value: FrontMatterValue): Placed {
  const content = fm.content;
  if (!node.range) return cannotEdit();
  const dashColumn = columnOf(content, node.range[0]);
  const doc = new Document([value], { aliasDuplicateObjects: false });
  styleScalars(doc);
  const rendered = doc.toString(stringifyOptions(indentFor([value], fm.layout), fm.layout.seqIndent > 0));
  const at = lineEndAfter(content, node.range[1]);
  return { ok: true, splice: { start: at, end: at, text: shape(rendered, dashColumn, fm.lineBreak, true) } };
}

// ---------------------------------------------------------------------------------------------
// Rendering values

interface RenderedValue {
  /** Set when the value fits after `key: ` on one line. */
  inline?: string;
  /** Otherwise the text that follows the `:`, starting with a line break or a block-scalar header. */
  block: string;
}

function renderFieldValue(
  value: FrontMatterValue,
  fm: { layout: Layout; lineBreak: LineBreak },
  column: number,
  prefer: { quote?: QuoteType; flow?: boolean; padded?: boolean },
): RenderedValue {
  const doc = new Document({ k: value }, { aliasDuplicateObjects: false });
  styleScalars(doc);
  const node = ((doc.contents as YAMLMap).items[0] as Pair<unknown, unknown>).value;
  if (prefer.flow && isCollection(node)) node.flow = true;
  // Quotes keep a string a string; putting them on a number or boolean would change its type.
  if (prefer.quote && isScalar(node) && typeof node.value === 'string') {
    node.type = prefer.quote === 'QUOTE_SINGLE' && /[\n\r]/.test(node.value) ? 'QUOTE_DOUBLE' : prefer.quote;
  }
  const indent = indentFor(value, fm.layout);
  const rendered = doc.toString(stringifyOptions(indent, fm.layout.seqIndent > 0, prefer.padded));
  const afterKey = rendered.slice('k:'.length, rendered.length - 1);
  if (afterKey.startsWith(' ') && !afterKey.includes('\n')) return { inline: afterKey.slice(1), block: afterKey };
  return { block: shape(afterKey, column, fm.lineBreak, false) };
}

function renderNewField(name: string, value: FrontMatterValue, fm: Pick<YamlFrontMatter, 'layout' | 'lineBreak' | 'keyColumn'>): string {
  const field: Record<string, unknown> = {};
  setOwn(field, name, value);
  const doc = new Document(field, { aliasDuplicateObjects: false });
  styleScalars(doc);
  const indent = indentFor(value, fm.layout);
  return shape(doc.toString(stringifyOptions(indent, fm.layout.seqIndent > 0)), fm.keyColumn, fm.lineBreak, true);
}

function renderFlowItem(value: FrontMatterValue, lineBreak: LineBreak, padded: boolean): string {
  const doc = new Document([value], { aliasDuplicateObjects: false });
  styleScalars(doc);
  const seq = doc.contents;
  if (isCollection(seq)) seq.flow = true;
  const rendered = doc.toString(stringifyOptions(2, true, padded)).trimEnd();
  // Rendered inside a list so that commas and brackets in the item get quoted; then unwrapped.
  return rendered.slice(1, -1).trim().split('\n').join(lineBreak);
}

/**
 * `yaml` writes a flush list two columns left of where an indented one would go, so flush
 * lists are rendered with two-space indentation; nested maps inside them then use two too.
 */
function indentFor(value: FrontMatterValue, layout: Layout): number {
  if (layout.seqIndent === 0) return Array.isArray(value) ? 2 : layout.indent;
  return Array.isArray(value) ? layout.seqIndent : layout.indent;
}

/**
 * Moves `yaml`'s output (LF, column 0) to the field's column and the file's line break.
 * `wholeLines` output is complete lines ending in a break; otherwise it continues the key's line.
 */
function shape(rendered: string, column: number, lineBreak: LineBreak, wholeLines: boolean): string {
  const body = wholeLines ? rendered.slice(0, -1) : rendered;
  const pad = ' '.repeat(column);
  const lines = body.split('\n').map((line, index) => (line === '' || (index === 0 && !wholeLines) ? line : pad + line));
  return lines.join(lineBreak) + (wholeLines ? lineBreak : '');
}

// ---------------------------------------------------------------------------------------------
// Producing the result

function createFrontMatter(text: string, fm: MissingFrontMatter, fields: Array<[string, FrontMatterValue]>, expected: Record<string, unknown>): EditResult {
  if (fields.length === 0) return unchanged(text, fm.insertAt);
  const context = { layout: DEFAULT_LAYOUT, lineBreak: fm.lineBreak, keyColumn: 0 };
  const lines = fields.map(([name, value]) => renderNewField(name, value, context)).join('');
  const newText = `---${fm.lineBreak}${lines}---${fm.lineBreak}`;
  const result = text.slice(0, fm.insertAt) + newText + text.slice(fm.insertAt);
  const check = verify(
    result,
    text.slice(fm.insertAt),
    expected,
    fields.map(([name]) => name),
  );
  if (!check.ok) return check;
  return { ok: true, text: result, edit: { offset: fm.insertAt, length: 0, newText } };
}

function finish(text: string, fm: YamlFrontMatter, splices: Splice[], expected: Record<string, unknown>, names: string[]): EditResult {
  if (splices.length === 0) return unchanged(text, fm.block.contentStart);
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let content = '';
  let cursor = 0;
  for (const splice of ordered) {
    // New fields go after the last one; if that one's removal also took blank lines after
    // it, they go where those lines were.
    const start = splice.start === splice.end ? Math.max(splice.start, cursor) : splice.start;
    if (start < cursor) return cannotEdit(names);
    content += fm.content.slice(cursor, start) + splice.text;
    cursor = Math.max(splice.end, start);
  }
  content += fm.content.slice(cursor);

  const { block } = fm;
  const result = text.slice(0, block.contentStart) + content + text.slice(block.contentEnd);
  const check = verify(result, text.slice(block.end), expected, names);
  if (!check.ok) return check;
  return { ok: true, text: result, edit: minimalEdit(fm.content, content, block.contentStart) };
}

/**
 * The last line of defence: the new file must still have closed front matter that parses to
 * exactly the expected data, followed by the untouched body. Anything else is refused.
 */
function verify(result: string, body: string, expected: Record<string, unknown>, names: string[]): Result {
  const location = locateFrontMatter(result);
  if (location.type !== 'closed' || result.slice(location.block.end) !== body) return cannotEdit(names);
  const content = result.slice(location.block.contentStart, location.block.contentEnd);
  const over = frontMatterOverLimit(content, 'yaml');
  if (over !== undefined) {
    return {
      ok: false,
      message: `The change would leave the front matter too large to read: ${over.replace(/^Front matter too large to edit safely: /, '')} Remove fields or entries first.`,
    };
  }
  let data: unknown;
  try {
    data = readBack(content) ?? {};
  } catch {
    return cannotEdit(names);
  }
  return sameData(data, expected) ? { ok: true } : cannotEdit(names);
}

/**
 * The data a draft reader gets from the new front matter, read the way it reads it: js-yaml for
 * text without anchors or aliases, which also keeps an edit to one `yaml` document parse, and
 * the `yaml` parser, with its alias guard, for the rest. Throws when either finds an error.
 */
function readBack(content: string): unknown {
  if (!/[&*]/.test(content)) return loadFast(content, { schema: CORE_SCHEMA });
  const doc = parseYamlDocument(content);
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.toJS();
}

function unchanged(text: string, offset: number): EditResult {
  return { ok: true, text, edit: { offset, length: 0, newText: '' } };
}

// ---------------------------------------------------------------------------------------------
// Values and small helpers

type Plain = Result<{ value: FrontMatterValue }>;

/** Accepts what JSON would write, so callers can pass objects with optional fields left undefined. */
function toPlainValue(value: unknown, name: string, seen: Set<object> = new Set()): Plain {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return { ok: true, value };
    return invalidValue(name, 'is not a finite number');
  }
  if (typeof value !== 'object') return invalidValue(name, `is a ${typeof value}`);
  if (seen.has(value)) return invalidValue(name, 'contains itself');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items: FrontMatterValue[] = [];
      for (const item of value as unknown[]) {
        const clean = toPlainValue(item === undefined ? null : item, name, seen);
        if (!clean.ok) return clean;
        items.push(clean.value);
      }
      return { ok: true, value: items };
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      return invalidValue(name, value instanceof Date ? 'is a Date object (pass it as a "YYYY-MM-DD" string)' : 'is not plain data');
    }
    const map: { [key: string]: FrontMatterValue } = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined) continue;
      const clean = toPlainValue(item, name, seen);
      if (!clean.ok) return clean;
      setOwn(map, key, clean.value);
    }
    return { ok: true, value: map };
  } finally {
    seen.delete(value);
  }
}

function invalidValue(name: string, why: string): Failure {
  return { ok: false, message: `The value for the front-matter field "${name}" ${why}, so it can't be written into the front matter.` };
}

function cannotEdit(names: string[] = []): Failure {
  const which = names.length === 1 ? ` "${names[0]}"` : names.length > 1 ? `s ${names.map((name) => `"${name}"`).join(', ')}` : 's';
  return {
    ok: false,
    message: `DevRel Desk couldn't change the front matter without risking the rest of the file, so the file was left as it is. Edit the field${which} by hand.`,
  };
}

function unsupportedField(name: string): Failure {
  return {
    ok: false,
    message: `The front-matter field "${name}" is written in a form DevRel Desk can't edit (an explicit "? key"). Write it as "${name}: value", then try again.`,
  };
}

function keyNameAt(doc: Document.Parsed, offset: number): string | undefined {
  let name: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        name = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return name;
}

function firstOffset(pair: Pair<unknown, unknown>): number {
  const key = pair.key;
  return isNode(key) && key.range ? key.range[0] : (pair.srcToken?.start[0]?.offset ?? 0);
}

function lineBreakOf(text: string, from: number): LineBreak {
  const next = text.indexOf('\n', from);
  return next > 0 && text.charCodeAt(next - 1) === 13 ? '\r\n' : '\n';
}

/** Start of the line after `offset`, or `offset` itself when it already starts a line. */
function lineEndAfter(content: string, offset: number): number {
  if (offset > 0 && content[offset - 1] === '\n') return offset;
  const next = content.indexOf('\n', offset);
  return next === -1 ? content.length : next + 1;
}

function lineEndWithoutBreak(content: string, offset: number): number {
  const next = content.indexOf('\n', offset);
  if (next === -1) return content.length;
  return next > 0 && content[next - 1] === '\r' ? next - 1 : next;
}

function columnOf(content: string, offset: number): number {
  return offset - (content.lastIndexOf('\n', offset - 1) + 1);
}
