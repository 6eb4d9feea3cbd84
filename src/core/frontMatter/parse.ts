import * as l10n from '@vscode/l10n';
import { CORE_SCHEMA, load as loadFast, YAMLException } from 'js-yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineMap } from '../text';
import { checkFrontMatter, FRONT_MATTER_LIMITS } from './limits';
import { parseYamlDocument } from './yamlDocument';
import type { Problem, Range } from '../types';
import { errorMessage } from '../util/result';
import { escapeRegExp, firstLine } from '../util/strings';

export type FrontMatterFormat = 'yaml' | 'toml';

export interface FrontMatterBlock {
  format: FrontMatterFormat;
  /** Offset of the opening fence, after any BOM. */
  start: number;
  /** Offset of the first character after the opening fence's line break. */
  contentStart: number;
  /** Offset of the start of the closing fence line. */
  contentEnd: number;
  /** Offset where the body starts, after the closing fence and its line break. */
  end: number;
  /** The line break the opening fence uses, so inserted lines match the file. */
  lineBreak: '\n' | '\r\n';
  /** Zero-based line of `contentStart`. */
  contentStartLine: number;
  /** Zero-based line where the body starts. */
  bodyStartLine: number;
}

export type FrontMatterLocation =
  { type: 'none'; bodyStart: number } | { type: 'closed'; block: FrontMatterBlock } | { type: 'unclosed'; format: FrontMatterFormat; start: number; contentStart: number };

const FENCES: Record<FrontMatterFormat, string> = { yaml: '---', toml: '+++' };

/** Finds the fenced block at the top of a file. Only the first line may open it. */
export function locateFrontMatter(text: string): FrontMatterLocation {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const format: FrontMatterFormat | undefined = text.startsWith('---', start) ? 'yaml' : text.startsWith('+++', start) ? 'toml' : undefined;
  if (!format) return { type: 'none', bodyStart: start };
  const fence = FENCES[format];
  const firstBreak = text.indexOf('\n', start);
  const firstLine = text.slice(start, firstBreak === -1 ? text.length : firstBreak);
  if (fenceLine(firstLine) !== fence) return { type: 'none', bodyStart: start };
  if (firstBreak === -1) return { type: 'unclosed', format, start, contentStart: text.length };
  const lineBreak = text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
  const contentStart = firstBreak + 1;

  let lineStart = contentStart;
  let line = 1;
  while (lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const rawEnd = lineEnd === -1 ? text.length : lineEnd;
    const content = fenceLine(text.slice(lineStart, rawEnd));
    // YAML also allows `...` to end a document.
    if (content === fence || (format === 'yaml' && content === '...')) {
      const end = lineEnd === -1 ? text.length : lineEnd + 1;
      return {
        type: 'closed',
        block: {
          format,
          start,
          contentStart,
          contentEnd: lineStart,
          end,
          lineBreak,
          contentStartLine: 1,
          bodyStartLine: lineEnd === -1 ? line : line + 1,
        },
      };
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return { type: 'unclosed', format, start, contentStart };
}

/**
 * A line as a fence compares it: without its CR and trailing ASCII spaces and tabs. Not
 * `trimEnd()`, which also drops a no-break space, and site generators take `---` followed by
 * one for text, not for a fence.
 */
function fenceLine(line: string): string {
  let end = line.length;
  if (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}

export interface ParsedFrontMatter {
  data: Record<string, unknown>;
  problems: Problem[];
}

/**
 * Parses front matter into plain data. Parsing never runs code: both YAML readers use
 * schemas without functions or custom types, and TOML has none.
 *
 * Front matter over the caps in `limits.ts` is not parsed at all: the draft gets a problem
 * saying so, and no fields. Within them, most front matter goes through js-yaml, which is
 * several times faster than the `yaml` Document parser. Anything that could expand (aliases)
 * goes through `yaml`, which keeps its alias-count guard, and so does small front matter that
 * js-yaml rejects, because `yaml` reports every error with a place. Larger invalid front matter
 * gets js-yaml's first error, which costs nothing more to find.
 */
export function parseFrontMatter(text: string, block: FrontMatterBlock, lines?: LineMap): ParsedFrontMatter {
  const content = text.slice(block.contentStart, block.contentEnd);
  const { over, aliases } = checkFrontMatter(content, block.format);
  if (over !== undefined) {
    const map = lines ?? new LineMap(text);
    return {
      data: {},
      problems: [
        {
          code: 'front-matter-too-large',
          severity: 'error',
          message: l10n.t("{0} DevRel Desk lists the draft without reading its fields, and won't edit them.", over),
          range: rangeOf(map, block.start, block.start + FENCES[block.format].length),
        },
      ],
    };
  }
  if (block.format === 'toml') return parseTomlBlock(text, content, block, lines);
  if (content.trim().length === 0) return { data: {}, problems: [] };
  // Anchors alone expand nothing, and "Q&A" in a title is not even an anchor: only aliases
  // need `yaml`'s guard. The scan may count an alias that isn't one, never miss one.
  const mayAlias = aliases > 0;
  const small = content.length <= PRECISE_ERRORS_MAX_CHARS;
  if (!mayAlias || !small) {
    try {
      // CORE_SCHEMA, like `yaml`'s default: dates stay the strings their author wrote. js-yaml's
      // default schema makes Dates and rolls 2026-02-30 over to March 2 and shifts offset times to UTC.
      const value = loadFast(content, { filename: undefined, json: false, schema: CORE_SCHEMA });
      if (!mayAlias) return asMap(value, text, block, lines);
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      // Small front matter falls through: the precise parser explains what is wrong, with places.
      if (!small) return { data: {}, problems: [fastSyntaxProblem(error, text, block, lines)] };
    }
  }
  return parseYamlPrecisely(text, content, block, lines);
}

/** Front matter up to this size that js-yaml rejects is parsed again by `yaml` for better errors. */
const PRECISE_ERRORS_MAX_CHARS = 4 * 1024;

function fastSyntaxProblem(error: YAMLException, text: string, block: FrontMatterBlock, lines?: LineMap): Problem {
  const map = lines ?? new LineMap(text);
  const mark = (error as YAMLException & { mark?: { position?: number } }).mark;
  const at = block.contentStart + Math.min(Math.max(0, mark?.position ?? 0), block.contentEnd - block.contentStart);
  const reason = (error as YAMLException & { reason?: string }).reason ?? firstLine(error.message);
  const duplicate = reason.startsWith('duplicated mapping key');
  return {
    code: duplicate ? 'duplicate-key' : 'yaml-syntax',
    severity: 'error',
    message: duplicate ? l10n.t('Duplicate key in front matter. Keep one of them.') : l10n.t('Front matter is not valid YAML: {0}', reason),
    range: rangeOf(map, at, at + 1),
  };
}

const MAX_SYNTAX_PROBLEMS = 5;

function parseYamlPrecisely(text: string, content: string, block: FrontMatterBlock, lines?: LineMap): ParsedFrontMatter {
  const map = lines ?? new LineMap(text);
  const problems: Problem[] = [];
  const doc = parseYamlDocument(content);
  // One bad line can cascade into thousands of errors; the first few say what to fix. One
  // mistake often raises two errors on its line, so each line reports its first only.
  const linesReported = new Set<number>();
  for (const error of doc.errors) {
    if (problems.length >= MAX_SYNTAX_PROBLEMS) break;
    const [from, to] = error.pos;
    const duplicate = error.code === 'DUPLICATE_KEY';
    const range = syntaxRange(text, map, rangeOf(map, block.contentStart + from, block.contentStart + Math.max(to, from + 1)));
    if (!duplicate && linesReported.has(range.start.line)) continue;
    linesReported.add(range.start.line);
    problems.push({
      code: duplicate ? 'duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message: duplicate
        ? l10n.t('Duplicate key in front matter: {0}. Keep one of them.', firstLine(error.message))
        : l10n.t('Front matter is not valid YAML: {0}', firstLine(error.message)),
      range,
    });
  }
  let value: unknown;
  try {
    // toJS enforces maxAliasCount (100 by default), which stops alias bombs.
    value = doc.toJS();
  } catch (error) {
    problems.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: l10n.t('Front matter could not be read: {0}', firstLine(errorMessage(error))),
      range: rangeOf(map, block.contentStart, block.contentStart),
    });
    return { data: {}, problems };
  }
  const result = asMap(value, text, block, map);
  return { data: result.data, problems: [...problems, ...result.problems] };
}

function parseTomlBlock(text: string, content: string, block: FrontMatterBlock, lines?: LineMap): ParsedFrontMatter {
  try {
    return asMap(parseToml(content, { maxDepth: FRONT_MATTER_LIMITS.depth }), text, block, lines);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const map = lines ?? new LineMap(text);
    const base = map.positionAt(block.contentStart);
    const line = base.line + Math.max(0, error.line - 1);
    const character = Math.max(0, error.column - 1);
    return {
      data: {},
      problems: [
        {
          code: 'toml-syntax',
          severity: 'error',
          message: l10n.t('Front matter is not valid TOML: {0}', firstLine(error.message)),
          range: { start: { line, character }, end: { line, character: character + 1 } },
        },
      ],
    };
  }
}

function asMap(value: unknown, text: string, block: FrontMatterBlock, lines?: LineMap): ParsedFrontMatter {
  if (value === null || value === undefined) return { data: {}, problems: [] };
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    return { data: value as Record<string, unknown>, problems: [] };
  }
  const map = lines ?? new LineMap(text);
  return {
    data: {},
    problems: [
      {
        code: 'front-matter-not-a-map',
        severity: 'error',
        message: l10n.t('Front matter must be a set of "key: value" fields.'),
        range: rangeOf(map, block.contentStart, block.contentEnd),
      },
    ],
  };
}

export function unclosedProblem(text: string, location: { format: FrontMatterFormat; start: number }, lines?: LineMap): Problem {
  const map = lines ?? new LineMap(text);
  const fence = FENCES[location.format];
  return {
    code: 'front-matter-unclosed',
    severity: 'error',
    message: l10n.t('Front matter opens with "{0}" but never closes. Add a "{1}" line after the last field.', fence, fence),
    range: rangeOf(map, location.start, location.start + fence.length),
  };
}

/**
 * Where a top-level field's value is written, found by its line. Used to place problems
 * found in the data; good enough because front-matter keys we check are top-level scalars.
 */
export function findFieldValueRange(text: string, block: FrontMatterBlock, field: string, lines?: LineMap): Range | undefined {
  const content = text.slice(block.contentStart, block.contentEnd);
  const escaped = escapeRegExp(field);
  const separator = block.format === 'toml' ? '=' : ':';
  const pattern = new RegExp(`^(["']?)${escaped}\\1[ \\t]*${separator}[ \\t]*([^\\r\\n]*)`, 'm');
  const match = pattern.exec(content);
  if (!match) return undefined;
  const map = lines ?? new LineMap(text);
  const rawValue = stripComment(match[2]).trimEnd();
  const valueStart = block.contentStart + match.index + match[0].length - match[2].length;
  if (rawValue.length === 0) {
    const keyStart = block.contentStart + match.index;
    return rangeOf(map, keyStart, keyStart + match[0].length - match[2].length);
  }
  return rangeOf(map, valueStart, valueStart + rawValue.length);
}

/** Cuts a trailing ` # comment`. A scan rather than /[ \t]+#.*$/, which is quadratic on long runs of spaces. */
function stripComment(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    // A `#` inside a quoted value is text; the comment can only start after the closing quote.
    let close = value.indexOf(quote, 1);
    while (quote === '"' && close > 0 && value[close - 1] === '\\') close = value.indexOf(quote, close + 1);
    // After the closing quote only spaces and a comment can follow.
    if (close > 0) return value.slice(0, close + 1);
  }
  for (let i = value.indexOf('#'); i !== -1; i = value.indexOf('#', i + 1)) {
    if (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t') return value.slice(0, i);
  }
  return value;
}

function rangeOf(lines: LineMap, from: number, to: number): Range {
  return { start: lines.positionAt(from), end: lines.positionAt(Math.max(from, to)) };
}

/**
 * A parser's place for a mistake is often one character, or the end of a line running into the
 * next; neither is easy to see or click. Such a place covers its line's text instead.
 */
function syntaxRange(text: string, lines: LineMap, range: Range): Range {
  const wide = range.end.line === range.start.line && range.end.character - range.start.character > 1;
  if (wide) return range;
  const line = range.start.line;
  const start = lines.offsetAt({ line, character: 0 });
  const next = text.indexOf('\n', start);
  const lineText = text.slice(start, next === -1 ? text.length : next).replace(/\r$/, '');
  const first = lineText.length - lineText.trimStart().length;
  const last = lineText.trimEnd().length;
  if (last <= first) return range;
  return { start: { line, character: first }, end: { line, character: last } };
}
