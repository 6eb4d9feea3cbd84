// Reading a template's front matter as its author wrote it: where it is and, for YAML, values and
// lines recovered from the source text that the parser saw with its markers hidden.

import { isScalar, parseDocument } from 'yaml';
import type { Pair, Scalar } from 'yaml';
import { frontMatterOverLimit } from '../frontMatter/limits';
import { locateFrontMatter } from '../frontMatter/parse';

export interface FrontMatterSpan {
  /** Offset of the first character of the YAML. */
  start: number;
  /** Offset of the closing `---` line. */
  end: number;
}

/**
 * The front matter of a template or draft when it is written in `format`: YAML between `---`
 * lines, or TOML between `+++` lines, where Hugo and Zola templates keep it.
 */
export function findFrontMatter(text: string, format: 'yaml' | 'toml'): FrontMatterSpan | 'unclosed' | undefined {
  const location = locateFrontMatter(text);
  if (location.type === 'unclosed') return location.format === format ? 'unclosed' : undefined;
  if (location.type !== 'closed' || location.block.format !== format) return undefined;
  return { start: location.block.contentStart, end: location.block.contentEnd };
}

/** A template's or draft's front matter: its format and span, or the fence it never closes. */
export function locateTemplateFrontMatter(text: string): { format: 'yaml' | 'toml'; span: FrontMatterSpan } | { unclosed: '---' | '+++' } | undefined {
  const location = locateFrontMatter(text);
  if (location.type === 'unclosed') return { unclosed: location.format === 'yaml' ? '---' : '+++' };
  if (location.type !== 'closed') return undefined;
  return { format: location.block.format, span: { start: location.block.contentStart, end: location.block.contentEnd } };
}

/** Why a template's front matter is too large or deep to read, or undefined when it is fine. */
export function templateFrontMatterOverLimit(text: string, located: { format: 'yaml' | 'toml'; span: FrontMatterSpan } | undefined): string | undefined {
  return located === undefined ? undefined : frontMatterOverLimit(text.slice(located.span.start, located.span.end), located.format);
}

export function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

/** A scalar's value as the author wrote it, with markers (which the parser saw masked) restored. */
export function originalScalarValue(node: Scalar, original: string, masked: string): string {
  if (!node.range) {
    return String(node.value);
  }
  const slice = original.slice(node.range[0], node.range[1]);
  if (slice === masked.slice(node.range[0], node.range[1])) {
    return String(node.value);
  }
  if (node.type === 'PLAIN') {
    return slice.trim();
  }
  const reparsed = parseDocument(slice);
  const value: unknown = reparsed.errors.length === 0 ? reparsed.toJS() : undefined;
  return typeof value === 'string' ? value : String(node.value);
}

/**
 * The bytes to cut for a top-level pair: whole lines from the key (and the comment lines directly
 * above it) to the end of its value, plus indented comment lines that still belong to it.
 */
export function pairCutRange(text: string, span: FrontMatterSpan, pair: Pair<unknown, unknown>): [number, number] | undefined {
  const key = pair.key as { range?: [number, number, number] } | null;
  const value = pair.value as { range?: [number, number, number] } | null;
  if (!key?.range) {
    return undefined;
  }
  const keyStart = span.start + key.range[0];
  let start = text.lastIndexOf('\n', keyStart - 1) + 1;
  if (start < span.start || text.slice(start, keyStart).trim() !== '') {
    return undefined;
  }
  while (start > span.start) {
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    if (previousStart < span.start || !/^[ \t]*#/.test(text.slice(previousStart, start))) {
      break;
    }
    start = previousStart;
  }
  let end = span.start + (value?.range ? value.range[1] : key.range[2]);
  end = lineEndAfter(text, end, span.end);
  while (end < span.end) {
    const newline = text.indexOf('\n', end);
    const nextEnd = newline === -1 || newline >= span.end ? span.end : newline + 1;
    if (!/^[ \t]+#/.test(text.slice(end, nextEnd))) {
      break;
    }
    end = nextEnd;
  }
  return [start, end];
}

/** Offset just past the line break of the line containing `offset` (or `limit`). */
function lineEndAfter(text: string, offset: number, limit: number): number {
  if (offset > 0 && text[offset - 1] === '\n') {
    return offset;
  }
  const newline = text.indexOf('\n', offset);
  return newline === -1 || newline >= limit ? limit : newline + 1;
}

export function yamlErrorMessage(error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }, lineOffset: number): string {
  const first = error.message.split('\n')[0] ?? error.message;
  const position = error.linePos?.[0];
  const withoutPosition = first.replace(/ at line \d+, column \d+:?$/, '');
  return position ? `Line ${position.line + lineOffset}: ${withoutPosition}` : withoutPosition;
}
