// How DevRel Desk writes YAML scalars, shared by the front-matter editor and the templates: when
// a string may stand plain, how it is quoted and escaped, and the one function that writes a
// whole value. A value must read back as itself for `yaml`, js-yaml and YAML 1.1 site generators.

import { load as loadFast } from 'js-yaml';
import { Document, isScalar, parseDocument, visit } from 'yaml';
import type { Scalar } from 'yaml';
import { isIsoDate } from '../dates';

/** YAML 1.1 booleans: js-yaml reads them as text, but Jekyll and other YAML 1.1 readers don't. */
const YAML11_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

// YAML allows only printable characters outside double-quoted escapes (YAML 1.2, c-printable).
export const NOT_PRINTABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const NEEDS_DOUBLE_QUOTES = new RegExp(`${NOT_PRINTABLE.source}|[\\t\\r\\n\\u0085\\u2028\\u2029]`);

/** A string as one YAML scalar: plain when that reads back as the same string, else quoted on one line. */
export function yamlScalar(value: string): string {
  const doc = new Document(value);
  styleScalars(doc);
  if (isScalar(doc.contents) && /[\n\r]/.test(value)) doc.contents.type = 'QUOTE_DOUBLE';
  return doc.toString(stringifyOptions(2, true)).trimEnd();
}

/** How DevRel Desk has `yaml` write values: no line folding, and double quotes kept on one line. */
export function stringifyOptions(indent: number, indentSeq: boolean, flowCollectionPadding = true): Parameters<Document['toString']>[0] {
  return {
    indent,
    indentSeq,
    flowCollectionPadding,
    lineWidth: 0,
    minContentWidth: 0,
    doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
  };
}

/**
 * `YYYY-MM-DD` stays plain because that is how people write dates. Other strings are quoted
 * when js-yaml, which reads most drafts, or a YAML 1.1 site generator would take their plain
 * form for something else (`0b101`, timestamps, `yes`), though `yaml`'s core schema would not.
 */
export function styleScalars(doc: Document): void {
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value !== 'string') return;
      const value = node.value;
      if (isIsoDate(value)) node.type = 'PLAIN';
      else if (YAML11_BOOLEAN.test(value) || (!/[\n\r]/.test(value) && misreadAsPlain(value))) node.type = 'QUOTE_DOUBLE';
    },
  });
}

function misreadAsPlain(value: string): boolean {
  try {
    return loadFast(value) !== value;
  } catch {
    return true;
  }
}

/**
 * Whether `value` can stand unquoted in YAML and read back as itself: as the same string (to
 * js-yaml and YAML 1.1 readers too), or as a number written the canonical way (so `duration: 30`
 * stays a number but `007` is quoted). Template rendering asks this of values with tab stops in
 * them, which `yamlScalar` cannot write.
 */
export function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim() || YAML11_BOOLEAN.test(value)) {
    return false;
  }
  if (NEEDS_DOUBLE_QUOTES.test(value) || value.includes('\ufeff') || /^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) {
    return false;
  }
  if (/: |:$| #|\{\{/.test(value) || (inFlow && /[,[\]{}:]/.test(value))) {
    return false;
  }
  const doc = parseDocument(inFlow ? `[${value}]` : `k: ${value}`);
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    return false;
  }
  const parsed: unknown = doc.toJS();
  const read = inFlow ? (parsed as unknown[] | undefined)?.[0] : (parsed as Record<string, unknown> | undefined)?.k;
  if (typeof read === 'string') {
    return read === value && (isIsoDate(value) || !misreadAsPlain(value));
  }
  return typeof read === 'number' && Number.isFinite(read) && String(read) === value;
}

export function escapeDoubleQuoted(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(NOT_PRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** For contexts that cannot escape (single quotes, comments): one line, printable characters only. */
export function escapeSingleQuoted(text: string): string {
  return printableLine(text).replace(/'/g, "''");
}

export function printableLine(text: string): string {
  return oneLine(text).replace(NOT_PRINTABLE, '');
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
