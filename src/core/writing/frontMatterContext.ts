// What the cursor is on inside a draft's front matter, from the text and an offset alone.
// Completion and hovers run on keystrokes in drafts that may be a megabyte long, so nothing here
// parses the file: it finds the fenced block at the top, no further than the front-matter size
// cap, then reads the cursor's line and walks up the lines above it for the keys that enclose it.

import { FRONT_MATTER_LIMITS, frontMatterOverLimit } from '../frontMatter/limits';
import { locateFrontMatter, type FrontMatterFormat } from '../frontMatter/parse';

export interface FrontMatterRegion {
  format: FrontMatterFormat;
  /** Offset of the first character after the opening fence's line. */
  contentStart: number;
  /** Offset of the closing fence line; for an unclosed block, the end of its first run of non-blank lines. */
  contentEnd: number;
  closed: boolean;
}

/** A key that encloses the cursor, outermost first; `item` when the cursor is inside an entry of its list. */
export interface EnclosingKey {
  key: string;
  item: boolean;
}

interface ContextBase {
  format: FrontMatterFormat;
  region: FrontMatterRegion;
  /** Keys around the cursor, outermost first: `impact` (item) inside an impact entry, `extra` in Zola's table. */
  parents: EnclosingKey[];
  /** The draft's `kind`, when the front matter names one at the top level (or in a TOML table). */
  kind?: string;
}

/** The cursor is where a key goes: at the start of a line, or after `- ` in a list. */
export interface KeyContext extends ContextBase {
  position: 'key';
  /** The part of the key typed so far. */
  prefix: string;
  /** Whether the line starts a list entry (`- `), where a list of words takes a word rather than a key. */
  dash: boolean;
  /** What goes before a chosen item: a space right after a dash just typed (`-` then the list opened). */
  lead: '' | ' ';
  /** Offsets of the text a chosen item replaces. */
  replaceStart: number;
  replaceEnd: number;
  /** Column of `replaceStart` in its line, for the indentation of what follows. */
  column: number;
  /** Keys already written at the same level, so they are not offered twice. */
  siblings: string[];
}

/** The cursor is in the value of `key`. */
export interface ValueContext extends ContextBase {
  position: 'value';
  key: string;
  /** The value typed so far, without an opening quote. */
  prefix: string;
  /** The quote the value opened with, so an item goes inside it. */
  quote?: '"' | "'";
  /** Whether the value is an item of a list written on the line (`[a, b]`) or on its own line (`- a`). */
  inList: boolean;
  /** Whether there is a space between the separator and the cursor; without one an item brings its own. */
  spaced: boolean;
  /** Whether a closing quote already follows the replaced text. */
  closed: boolean;
  replaceStart: number;
  replaceEnd: number;
  /** Words already in the list, for a list of words. */
  listed: string[];
}

export type CompletionContext = KeyContext | ValueContext;

/** A `key: value` line under the cursor, for a hover. */
export interface FieldAt {
  format: FrontMatterFormat;
  region: FrontMatterRegion;
  parents: EnclosingKey[];
  kind?: string;
  key: string;
  /** The value as written, unquoted and without a trailing comment; empty when the key has none on its line. */
  value: string;
  /** Offsets of the key and of the whole `key: value`, for the hover's range. */
  start: number;
  end: number;
}

/** How far into a file front matter can reach: the size cap and its fences. Callers may pass only this much of a long text. */
export const FRONT_MATTER_WINDOW: number = FRONT_MATTER_LIMITS.bytes + 16;

/**
 * The front-matter block at the top of `text`, looked for no further than the size cap. A block
 * over the cap is left alone, as the reader and the editor leave it. An unclosed block ends at
 * its first blank line, which is where a person still writing it usually is.
 */
export function frontMatterRegion(text: string): FrontMatterRegion | undefined {
  const window = FRONT_MATTER_WINDOW;
  let head = text;
  if (text.length > window) {
    // Cut at a line break so the last line read is whole: a `----` must not read as `---`.
    const cut = text.lastIndexOf('\n', window);
    head = text.slice(0, cut === -1 ? window : cut + 1);
  }
  const location = locateFrontMatter(head);
  if (location.type === 'none') return undefined;
  if (location.type === 'closed') {
    const { format, contentStart, contentEnd } = location.block;
    if (frontMatterOverLimit(text.slice(contentStart, contentEnd), format) !== undefined) return undefined;
    return { format, contentStart, contentEnd, closed: true };
  }
  const { format, contentStart } = location;
  const blank = /\r?\n[ \t]*\r?\n/g;
  blank.lastIndex = Math.max(0, contentStart - 1);
  const found = blank.exec(head);
  const contentEnd = found ? found.index + 1 : head === text ? text.length : -1;
  // A block still open at the cap is over it.
  if (contentEnd < 0 || frontMatterOverLimit(text.slice(contentStart, contentEnd), format) !== undefined) return undefined;
  return { format, contentStart, contentEnd, closed: false };
}

/** What completion can offer at `offset`; undefined outside the front matter, in comments, long texts and anything unclear. */
export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const located = locate(text, offset);
  if (!located) return undefined;
  const { region, line } = located;
  const before = line.text.slice(0, offset - line.start);
  if (region.format === 'toml') return tomlCompletion(text, region, line, before, offset);
  return yamlCompletion(text, region, line, before, offset);
}

/** The field on the line under `offset`, when the offset is on its key or its value. */
export function fieldAt(text: string, offset: number): FieldAt | undefined {
  const located = locate(text, offset);
  if (!located) return undefined;
  const { region, line } = located;
  const parsed = region.format === 'toml' ? tomlKeyLine(line.text) : yamlKeyLine(line.text);
  if (!parsed || parsed.key === undefined) return undefined;
  const column = offset - line.start;
  const valueEnd = parsed.valueStart + parsed.value.length;
  const end = Math.max(parsed.keyEnd, parsed.value === '' ? parsed.keyEnd : valueEnd);
  if (column < parsed.keyStart || column > end) return undefined;
  const parents = region.format === 'toml' ? tomlParents(text, region, line.start) : yamlParents(text, region, line.start, parsed.nodeColumn, parsed.dash);
  if (parents === undefined) return undefined;
  return {
    format: region.format,
    region,
    parents: parents.parents,
    kind: kindOf(text, region),
    key: parsed.key,
    value: unquote(parsed.value),
    start: line.start + parsed.keyStart,
    end: line.start + end,
  };
}

interface Line {
  start: number;
  /** Without its line break. */
  text: string;
}

function locate(text: string, offset: number): { region: FrontMatterRegion; line: Line } | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
  // Past the cap nothing can be front matter, so a long body is never searched.
  if (offset > FRONT_MATTER_WINDOW) return undefined;
  const region = frontMatterRegion(text);
  if (!region || offset < region.contentStart || offset > region.contentEnd) return undefined;
  const start = lineStartBefore(text, offset, 0);
  if (start >= region.contentEnd && region.closed) return undefined;
  let end = text.indexOf('\n', offset);
  if (end === -1 || end > region.contentEnd) end = Math.min(text.length, Math.max(offset, region.contentEnd));
  let lineText = text.slice(start, end);
  if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
  if (offset - start > lineText.length) return undefined;
  return { region, line: { start, text: lineText } };
}

const KIND_YAML = /^kind[ \t]*:[ \t]*["']?([A-Za-z0-9][\w-]*)/m;
const KIND_TOML = /^[ \t]*kind[ \t]*=[ \t]*["']([A-Za-z0-9][\w-]*)/m;

function kindOf(text: string, region: FrontMatterRegion): string | undefined {
  const content = text.slice(region.contentStart, region.contentEnd);
  return (region.format === 'toml' ? KIND_TOML : KIND_YAML).exec(content)?.[1];
}

// ---------------------------------------------------------------------------------------------
// YAML

interface KeyLine {
  indent: number;
  dash: boolean;
  /** Column of the line's node: its key, or its first dash. */
  nodeColumn: number;
  /** Column where the text after any dashes starts. */
  contentColumn: number;
  key?: string;
  keyStart: number;
  keyEnd: number;
  /** Column of the value's first character. */
  valueStart: number;
  /** The value as written, without a trailing comment. */
  value: string;
}

const YAML_KEY = /^("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_$][\w.$-]*)[ \t]*:(?=[ \t]|$)/;

function yamlKeyLine(line: string): KeyLine | undefined {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const indent = i;
  if (line[i] === '\t') return undefined;
  let dash = false;
  let firstDash = -1;
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    if (firstDash < 0) firstDash = i;
    dash = true;
    i++;
    while (line[i] === ' ') i++;
  }
  const contentColumn = i;
  const rest = line.slice(i);
  const match = YAML_KEY.exec(rest);
  const base = { indent, dash, nodeColumn: dash ? firstDash : i, contentColumn };
  if (!match) return { ...base, keyStart: i, keyEnd: i, valueStart: i, value: stripComment(rest) };
  let valueStart = i + match[0].length;
  while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart++;
  return { ...base, key: unquote(match[1]), keyStart: i, keyEnd: i + match[1].length, valueStart, value: stripComment(line.slice(valueStart)) };
}

interface Parents {
  parents: EnclosingKey[];
  /** Keys at the cursor's level on the lines above it. */
  siblingsAbove: string[];
}

/**
 * The keys enclosing a node at `column` on the line at `lineStart`, walking up. Undefined when
 * the line is text inside a longer value (a block scalar, a plain scalar over several lines).
 */
function yamlParents(text: string, region: FrontMatterRegion, lineStart: number, column: number, dash: boolean): Parents | undefined {
  const parents: EnclosingKey[] = [];
  const siblingsAbove: string[] = [];
  let level = column;
  let inList = dash;
  let end = lineStart - 1;
  // A list may sit at its key's own column (`tags:` then `- a`), so a list at column 0 still has a parent.
  // At the top level the walk goes on to the fence, for the keys already written.
  while (end >= region.contentStart && (level > 0 || inList || parents.length === 0)) {
    const start = lineStartBefore(text, end, region.contentStart);
    const lineEnd = end;
    end = start - 1;
    // Lines deeper than the level are passed over unread: most of a long block is.
    const indent = readableIndent(text, start, lineEnd, level);
    if (indent < 0) continue;
    // Other entries of the list we are in say nothing about where we are.
    if (inList && indent === level && text.charCodeAt(start + level) === 0x2d && isBlankOrEnd(text.charCodeAt(start + level + 1))) continue;
    const line = yamlKeyLine(trimCr(text.slice(start, lineEnd)));
    if (!line) return undefined;
    if (line.indent > level) continue;
    // The line's nodes from the right: its key, then its dash.
    if (line.key !== undefined) {
      const keyColumn = line.contentColumn;
      if (keyColumn === level && !inList && parents.length === 0) siblingsAbove.push(line.key);
      else if (keyColumn < level || (keyColumn === level && inList && !line.dash)) {
        if (line.value !== '') {
          // Text indented under a key with a value belongs to that value: a block scalar or a long plain one.
          return undefined;
        }
        parents.unshift({ key: line.key, item: inList });
        level = keyColumn;
        inList = false;
      }
    } else if (line.contentColumn < level && !line.dash) {
      // A line of plain text that is not a key, above and left of us: we are inside a long value.
      return undefined;
    }
    if (line.dash && line.nodeColumn < level) {
      inList = true;
      level = line.nodeColumn;
    }
  }
  return { parents, siblingsAbove };
}

/** The indentation of a line with a node at `level` or left of it; -1 for a blank line, a comment or a deeper line. */
function readableIndent(text: string, start: number, end: number, level: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  if (i - start > level) return -1;
  const ch = text.charCodeAt(i);
  return i < end && ch !== 0x0d && ch !== 0x23 ? i - start : -1;
}

/**
 * The start of the line holding the character before `end`, not before `floor`. A scan by hand:
 * `lastIndexOf` with a position costs time in proportion to the whole string in V8.
 */
function lineStartBefore(text: string, end: number, floor: number): number {
  let i = end - 1;
  while (i >= floor && text.charCodeAt(i) !== 0x0a) i--;
  return Math.max(i + 1, floor);
}

function isBlankOrEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x0d || Number.isNaN(ch);
}

function trimCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line;
}

/** Keys at `column` from the line after `lineEnd` down, until the level ends. */
function yamlSiblingsBelow(text: string, region: FrontMatterRegion, lineEnd: number, column: number): string[] {
  const keys: string[] = [];
  let start = lineEnd + 1;
  while (start > 0 && start < region.contentEnd) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > region.contentEnd) end = region.contentEnd;
    const lineStart = start;
    start = end + 1;
    if (readableIndent(text, lineStart, end, column) < 0) {
      if (end >= region.contentEnd) break;
      continue;
    }
    const line = yamlKeyLine(trimCr(text.slice(lineStart, end)));
    if (!line) break;
    if (line.nodeColumn < column) break;
    if (line.nodeColumn === column && line.key !== undefined && !line.dash) keys.push(line.key);
    if (end >= region.contentEnd) break;
  }
  return keys;
}

function yamlCompletion(text: string, region: FrontMatterRegion, line: Line, before: string, offset: number): CompletionContext | undefined {
  const parsed = yamlKeyLine(before);
  if (!parsed) return undefined;
  const kind = kindOf(text, region);
  const after = line.text.slice(before.length);
  if (parsed.key === undefined) {
    const rest = before.slice(parsed.contentColumn);
    const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : undefined;
    const word = quote ? rest.slice(1) : rest;
    if (!/^[\w.+-]*$/.test(word) || (quote && word.includes(quote))) return undefined;
    const structure = yamlParents(text, region, line.start, parsed.nodeColumn, parsed.dash);
    if (!structure) return undefined;
    const replaceEnd = offset + wordLength(after);
    const replaceStart = offset - word.length;
    // `- ` under a key: a word of a list, or the first key of an entry; completion decides which.
    const listItem = parsed.dash && structure.parents.length > 0;
    if (quote || (parsed.dash && !listItem)) return undefined;
    return {
      position: 'key',
      format: 'yaml',
      region,
      parents: structure.parents,
      kind,
      prefix: word,
      dash: listItem,
      lead: listItem && before.endsWith('-') ? ' ' : '',
      replaceStart,
      replaceEnd,
      column: replaceStart - line.start,
      siblings: listItem ? [] : [...structure.siblingsAbove, ...yamlSiblingsBelow(text, region, line.start + line.text.length, parsed.nodeColumn)],
    };
  }
  const raw = before.slice(parsed.keyEnd);
  const colon = raw.indexOf(':');
  const afterColon = raw.slice(colon + 1);
  if (hasComment(afterColon)) return undefined;
  const structure = yamlParents(text, region, line.start, parsed.dash ? parsed.nodeColumn : parsed.contentColumn, parsed.dash);
  if (!structure) return undefined;
  return valueContext('yaml', region, structure.parents, kind, parsed.key, afterColon, after, offset);
}

// ---------------------------------------------------------------------------------------------
// TOML

const TOML_KEY = /^[ \t]*("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)[ \t]*=/;
const TOML_HEADER = /^[ \t]*(\[\[?)[ \t]*([^\]\n]*?)[ \t]*\]\]?/;

function tomlKeyLine(line: string): KeyLine | undefined {
  const match = TOML_KEY.exec(line);
  const indent = line.length - line.trimStart().length;
  if (!match) return { indent, dash: false, nodeColumn: indent, contentColumn: indent, keyStart: indent, keyEnd: indent, valueStart: indent, value: '' };
  let valueStart = match[0].length;
  while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart++;
  const keyStart = line.indexOf(match[1]);
  return {
    indent,
    dash: false,
    nodeColumn: indent,
    contentColumn: indent,
    key: unquote(match[1]),
    keyStart,
    keyEnd: keyStart + match[1].length,
    valueStart,
    value: stripComment(line.slice(valueStart)),
  };
}

/** The table the line at `lineStart` is in: `[extra]` gives `extra`, `[[impact]]` an entry of `impact`. Undefined inside a multi-line string. */
function tomlParents(text: string, region: FrontMatterRegion, lineStart: number): Parents | undefined {
  const above = text.slice(region.contentStart, lineStart);
  // An odd number of triple quotes above means the line is inside a multi-line string.
  if ((above.match(/"""/g)?.length ?? 0) % 2 === 1 || (above.match(/'''/g)?.length ?? 0) % 2 === 1) return undefined;
  const lines = above.split('\n');
  const siblingsAbove: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const lineText = lines[i].replace(/\r$/, '');
    const header = TOML_HEADER.exec(lineText);
    if (header) {
      const names = header[2].split('.').map((name) => unquote(name.trim()));
      const array = header[1] === '[[';
      return { parents: names.map((key, index) => ({ key, item: array && index === names.length - 1 })), siblingsAbove };
    }
    const key = TOML_KEY.exec(lineText);
    if (key) siblingsAbove.push(unquote(key[1]));
  }
  return { parents: [], siblingsAbove };
}

function tomlSiblingsBelow(text: string, region: FrontMatterRegion, lineEnd: number): string[] {
  const keys: string[] = [];
  for (const lineText of text.slice(lineEnd + 1, region.contentEnd).split('\n')) {
    if (TOML_HEADER.test(lineText)) break;
    const key = TOML_KEY.exec(lineText);
    if (key) keys.push(unquote(key[1]));
  }
  return keys;
}

function tomlCompletion(text: string, region: FrontMatterRegion, line: Line, before: string, offset: number): CompletionContext | undefined {
  if (/^[ \t]*\[/.test(before)) return undefined;
  const structure = tomlParents(text, region, line.start);
  if (!structure) return undefined;
  const kind = kindOf(text, region);
  const after = line.text.slice(before.length);
  const key = TOML_KEY.exec(before);
  if (!key) {
    const word = before.trimStart();
    if (!/^[\w-]*$/.test(word)) return undefined;
    return {
      position: 'key',
      format: 'toml',
      region,
      parents: structure.parents,
      kind,
      prefix: word,
      dash: false,
      lead: '',
      replaceStart: offset - word.length,
      replaceEnd: offset + wordLength(after),
      column: before.length - word.length,
      siblings: [...structure.siblingsAbove, ...tomlSiblingsBelow(text, region, line.start + line.text.length)],
    };
  }
  const afterSeparator = before.slice(key[0].length);
  if (hasComment(afterSeparator)) return undefined;
  return valueContext('toml', region, structure.parents, kind, unquote(key[1]), afterSeparator, after, offset);
}

// ---------------------------------------------------------------------------------------------
// Shared

/** The value part of a line up to the cursor, after `:` or `=`: a plain value, a quoted one, or an item of a `[…]` list. */
function valueContext(
  format: FrontMatterFormat,
  region: FrontMatterRegion,
  parents: EnclosingKey[],
  kind: string | undefined,
  key: string,
  typed: string,
  after: string,
  offset: number,
): ValueContext | undefined {
  const spaced = /^[ \t]/.test(typed);
  let value = typed.trimStart();
  let inList = false;
  let listed: string[] = [];
  if (value.startsWith('[')) {
    if (value.includes(']')) return undefined;
    inList = true;
    const items = value.slice(1).split(',');
    value = (items.pop() ?? '').trimStart();
    listed = items.map((item) => unquote(item.trim())).filter((item) => item !== '');
  } else if (/^[|>{&*!]/.test(value)) {
    // Block scalars, inline maps, anchors and tags: nothing to offer.
    return undefined;
  }
  let quote: '"' | "'" | undefined;
  if (value.startsWith('"') || value.startsWith("'")) {
    quote = value[0] as '"' | "'";
    value = value.slice(1);
    if (value.includes(quote)) return undefined;
  }
  // A value with spaces is a sentence, except a date phrase such as "next friday" that a date key reads.
  if (!quote && !/^[\w.+-]*(?: [\w.+-]*)?$/.test(value)) return undefined;
  if (quote && value.length > 40) return undefined;
  const rest = wordLength(after);
  const closed = quote !== undefined && after.slice(rest).startsWith(quote);
  return {
    position: 'value',
    format,
    region,
    parents,
    kind,
    key,
    prefix: value,
    quote,
    inList,
    spaced,
    closed,
    replaceStart: offset - value.length,
    replaceEnd: offset + rest,
    listed,
  };
}

/** How many characters of a word continue after the cursor, so choosing an item replaces all of it. */
function wordLength(after: string): number {
  return /^[\w.+-]*/.exec(after)?.[0].length ?? 0;
}

/** Where a ` # comment` starts outside quotes, or -1. Completion stays out of comments, and values are read without them. */
function commentStart(value: string): number {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t')) return i;
  }
  return -1;
}

function hasComment(value: string): boolean {
  return commentStart(value) !== -1;
}

function stripComment(value: string): string {
  const start = commentStart(value);
  return (start === -1 ? value : value.slice(0, start)).trimEnd();
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.endsWith(trimmed[0])) return trimmed.slice(1, -1);
  return trimmed;
}
