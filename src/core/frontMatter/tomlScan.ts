import { parse as parseToml } from 'smol-toml';

// Where things are written in a TOML document, which smol-toml does not report: each key/value
// pair with the span of its value, each `[table]` and `[[array table]]` header, and the lines they
// take. The scanner only finds boundaries; the document has already been read (and checked) by
// smol-toml, and quoted keys are decoded by smol-toml too.

/** How a value is written, so a replacement can be written the same way. */
export type ValueShape = 'basic' | 'literal' | 'multiBasic' | 'multiLiteral' | 'array' | 'inlineTable' | 'dateTime' | 'bare';

export interface TomlHeader {
  path: string[];
  array: boolean;
  lineStart: number;
  /** Start of the next line, or the end of the content. */
  lineEnd: number;
}

export interface TomlPair {
  /** The decoded key, one entry per dotted part. */
  path: string[];
  /** The header the pair sits under; undefined for top-level pairs. */
  table: TomlHeader | undefined;
  lineStart: number;
  valueStart: number;
  valueEnd: number;
  /** Start of the line after the value and any comment after it, or the end of the content. */
  lineEnd: number;
  shape: ValueShape;
}

export interface TomlLayout {
  pairs: TomlPair[];
  headers: TomlHeader[];
  /** Where a new top-level key goes: after the last top-level pair, else before the first table. */
  appendAt: number;
}

export type Scanned = { ok: true; layout: TomlLayout } | { ok: false; offset: number };

export interface InlineArrayItem {
  start: number;
  end: number;
  /** Offset of the comma after the item, if there is one. */
  comma?: number;
}

const BARE_KEY = /[A-Za-z0-9_-]/;
const DATE_START = /^\d{4}-\d{2}-\d{2}$/;
const TIME_START = /^\d{2}:\d{2}/;

class Failed extends Error {
  constructor(readonly offset: number) {
    super(`unexpected text at ${offset}`);
  }
}

export function scanToml(content: string): Scanned {
  try {
    return { ok: true, layout: new Scanner(content).document() };
  } catch (error) {
    if (error instanceof Failed) return { ok: false, offset: error.offset };
    throw error;
  }
}

/** The items of the inline array that opens at `open`, or undefined if it isn't one. */
export function readInlineArray(content: string, open: number): { items: InlineArrayItem[]; close: number } | undefined {
  try {
    return new Scanner(content).arrayItems(open);
  } catch (error) {
    if (error instanceof Failed) return undefined;
    throw error;
  }
}

export interface TomlTextSpan {
  start: number;
  end: number;
  /** A string's shape, or `comment`. */
  kind: Extract<ValueShape, 'basic' | 'literal' | 'multiBasic' | 'multiLiteral'> | 'comment';
}

/**
 * The strings (keys included) and comments of a TOML text, in order, without reading anything
 * else. For text that is not TOML yet, such as a template with markers in it: an unclosed string
 * runs to the end of the text.
 */
export function tomlStringsAndComments(content: string): TomlTextSpan[] {
  const scanner = new Scanner(content);
  const spans: TomlTextSpan[] = [];
  let pos = 0;
  while (pos < content.length) {
    const ch = content[pos];
    if (ch === '#') {
      const end = content.indexOf('\n', pos);
      spans.push({ start: pos, end: end === -1 ? content.length : end, kind: 'comment' });
      pos = end === -1 ? content.length : end;
    } else if (ch === '"' || ch === "'") {
      let end = content.length;
      let kind: TomlTextSpan['kind'] = ch === '"' ? 'basic' : 'literal';
      try {
        const string = scanner.stringAt(pos);
        end = string.end;
        kind = string.shape as TomlTextSpan['kind'];
      } catch (error) {
        if (!(error instanceof Failed)) throw error;
        if (content.startsWith(ch.repeat(3), pos)) kind = ch === '"' ? 'multiBasic' : 'multiLiteral';
      }
      spans.push({ start: pos, end, kind });
      pos = end;
    } else {
      pos++;
    }
  }
  return spans;
}

class Scanner {
  constructor(private readonly text: string) {}

  document(): TomlLayout {
    const text = this.text;
    const pairs: TomlPair[] = [];
    const headers: TomlHeader[] = [];
    let table: TomlHeader | undefined;
    let pos = 0;
    while (pos < text.length) {
      const lineStart = pos;
      pos = this.spaces(pos);
      if (pos >= text.length) break;
      const ch = text[pos];
      if (ch === '\n' || ch === '\r' || ch === '#') {
        pos = this.endOfLine(pos);
        continue;
      }
      if (ch === '[') {
        const array = text[pos + 1] === '[';
        const key = this.key(pos + (array ? 2 : 1));
        pos = this.spaces(key.end);
        const close = array ? ']]' : ']';
        if (!text.startsWith(close, pos)) throw new Failed(pos);
        table = { path: key.path, array, lineStart, lineEnd: this.endOfLine(pos + close.length) };
        headers.push(table);
        pos = table.lineEnd;
        continue;
      }
      const key = this.key(pos);
      pos = this.spaces(key.end);
      if (text[pos] !== '=') throw new Failed(pos);
      const valueStart = this.spaces(pos + 1);
      const value = this.value(valueStart);
      const lineEnd = this.endOfLine(value.end);
      pairs.push({ path: key.path, table, lineStart, valueStart, valueEnd: value.end, lineEnd, shape: value.shape });
      pos = lineEnd;
    }
    const topLevel = pairs.filter((pair) => pair.table === undefined);
    const lastTopLevel = topLevel[topLevel.length - 1];
    const appendAt = lastTopLevel ? lastTopLevel.lineEnd : headers[0] ? this.commentsAbove(headers[0].lineStart) : text.length;
    return { pairs, headers, appendAt };
  }

  arrayItems(open: number): { items: InlineArrayItem[]; close: number } {
    const text = this.text;
    if (text[open] !== '[') throw new Failed(open);
    const items: InlineArrayItem[] = [];
    let pos = this.gap(open + 1);
    while (text[pos] !== ']') {
      const value = this.value(pos);
      const item: InlineArrayItem = { start: pos, end: value.end };
      items.push(item);
      pos = this.gap(value.end);
      if (text[pos] === ',') {
        item.comma = pos;
        pos = this.gap(pos + 1);
      } else if (text[pos] !== ']') {
        throw new Failed(pos);
      }
    }
    return { items, close: pos };
  }

  stringAt(pos: number): { end: number; shape: ValueShape } {
    return this.string(pos);
  }

  /** A comment line directly above the first table belongs to it, so new keys go above the comment. */
  commentsAbove(lineStart: number): number {
    let start = lineStart;
    while (start > 0) {
      const previous = this.text.lastIndexOf('\n', start - 2) + 1;
      if (!/^[ \t]*#/.test(this.text.slice(previous, start))) break;
      start = previous;
    }
    return start;
  }

  private spaces(pos: number): number {
    while (this.text[pos] === ' ' || this.text[pos] === '\t') pos++;
    return pos;
  }

  /** Spaces, line breaks and comments between the items of an inline array. */
  private gap(pos: number): number {
    const text = this.text;
    for (;;) {
      const ch = text[pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') pos++;
      else if (ch === '#') pos = this.commentEnd(pos);
      else if (pos >= text.length) throw new Failed(pos);
      else return pos;
    }
  }

  private commentEnd(pos: number): number {
    const newline = this.text.indexOf('\n', pos);
    const end = newline === -1 ? this.text.length : newline;
    return end > pos && this.text[end - 1] === '\r' ? end - 1 : end;
  }

  /** After a statement: optional spaces and comment, then the line break (or the end). */
  private endOfLine(pos: number): number {
    const text = this.text;
    pos = this.spaces(pos);
    if (text[pos] === '#') pos = this.commentEnd(pos);
    if (pos >= text.length) return pos;
    if (text[pos] === '\n') return pos + 1;
    if (text[pos] === '\r' && text[pos + 1] === '\n') return pos + 2;
    throw new Failed(pos);
  }

  private key(pos: number): { path: string[]; end: number } {
    const text = this.text;
    const path: string[] = [];
    for (;;) {
      pos = this.spaces(pos);
      const ch = text[pos];
      let end: number;
      let part: string;
      if (ch === '"' || ch === "'") {
        end = this.string(pos).end;
        part = decodeKey(text.slice(pos, end), pos);
      } else {
        end = pos;
        while (end < text.length && BARE_KEY.test(text[end])) end++;
        if (end === pos) throw new Failed(pos);
        part = text.slice(pos, end);
      }
      path.push(part);
      const next = this.spaces(end);
      if (text[next] !== '.') return { path, end };
      pos = next + 1;
    }
  }

  private value(pos: number): { end: number; shape: ValueShape } {
    const text = this.text;
    const ch = text[pos];
    if (ch === '"' || ch === "'") return this.string(pos);
    if (ch === '[' || ch === '{') return { end: this.collection(pos), shape: ch === '[' ? 'array' : 'inlineTable' };
    let end = this.bare(pos);
    if (end === pos) throw new Failed(pos);
    const token = text.slice(pos, end);
    // `1979-05-27 07:32:00`: TOML allows a space between the date and the time.
    if (DATE_START.test(token) && text[end] === ' ' && TIME_START.test(text.slice(end + 1, end + 6))) end = this.bare(end + 1);
    return { end, shape: DATE_START.test(text.slice(pos, pos + 10)) || TIME_START.test(token) ? 'dateTime' : 'bare' };
  }

  private bare(pos: number): number {
    while (pos < this.text.length && !/[ \t\r\n#,\]}]/.test(this.text[pos])) pos++;
    return pos;
  }

  private string(pos: number): { end: number; shape: ValueShape } {
    const text = this.text;
    const quote = text[pos];
    const escapes = quote === '"';
    if (text.startsWith(quote.repeat(3), pos)) {
      for (let i = pos + 3; i < text.length; i++) {
        if (escapes && text[i] === '\\') {
          i++;
          continue;
        }
        if (text.startsWith(quote.repeat(3), i)) {
          // Up to two quotes right before the closing three belong to the string.
          let run = 3;
          while (run < 5 && text[i + run] === quote) run++;
          return { end: i + run, shape: escapes ? 'multiBasic' : 'multiLiteral' };
        }
      }
      throw new Failed(pos);
    }
    for (let i = pos + 1; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\n') break;
      if (escapes && ch === '\\') {
        i++;
        continue;
      }
      if (ch === quote) return { end: i + 1, shape: escapes ? 'basic' : 'literal' };
    }
    throw new Failed(pos);
  }

  /** An inline array or table, with everything nested in it. */
  private collection(pos: number): number {
    const text = this.text;
    let depth = 0;
    let i = pos;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '[' || ch === '{') {
        depth++;
        i++;
      } else if (ch === ']' || ch === '}') {
        depth--;
        i++;
        if (depth === 0) return i;
      } else if (ch === '"' || ch === "'") {
        i = this.string(i).end;
      } else if (ch === '#') {
        i = this.commentEnd(i);
      } else {
        i++;
      }
    }
    throw new Failed(pos);
  }
}

/** The start of the comment lines directly above `lineStart`, or `lineStart` when there are none. */
export function commentLinesAbove(content: string, lineStart: number): number {
  return new Scanner(content).commentsAbove(lineStart);
}

/** A quoted key part, decoded by smol-toml so that escapes mean what TOML says they mean. */
function decodeKey(source: string, offset: number): string {
  try {
    const keys = Object.keys(parseToml(`${source} = 0`));
    if (keys.length === 1) return keys[0];
  } catch {
    // Reported below with the place.
  }
  throw new Failed(offset);
}
