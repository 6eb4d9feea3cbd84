// Templates with TOML (`+++`) front matter, as Hugo and Zola sites write their posts. Markers
// (`{{title}}`) stand inside strings, `title = "{{title}}"`, or as a whole value,
// `date = {{date}}`; neither is TOML until it is filled in, so the front matter is read with each
// marker masked: as filler inside a string or a comment, as a string where it stands for a value.
// Masking keeps every offset, so what the masked text says about places holds for the template.

import { parse as parseToml, TomlError } from 'smol-toml';
import { commentLinesAbove, scanToml, tomlStringsAndComments } from '../frontMatter/tomlScan';
import type { TomlTextSpan } from '../frontMatter/tomlScan';

/** Where a marker stands in TOML front matter. */
export type TomlMarkerContext = TomlTextSpan['kind'] | 'value';

export interface MaskedToml {
  masked: string;
  /** Strings and comments of the front matter, offsets as in the template. */
  spans: TomlTextSpan[];
}

export type TomlTemplateFrontMatter =
  | { ok: true; masked: string; data: Record<string, unknown> }
  | { ok: false; problems: string[] };

/** Anything brace-brace on one line, markers or not (Liquid, Hugo shortcodes). */
const BRACED = /\{\{[^\n]*?\}\}/g;

export function maskTomlTemplate(content: string): MaskedToml {
  const filled = content.replace(BRACED, (braced) => '_'.repeat(braced.length));
  const spans = tomlStringsAndComments(filled);
  const masked = content.replace(BRACED, (braced, offset: number) =>
    spans.some((span) => span.start <= offset && offset < span.end) ? '_'.repeat(braced.length) : `"${'_'.repeat(braced.length - 2)}"`,
  );
  return { masked, spans };
}

/** The context of the marker at `start` (an offset into the front matter). */
export function tomlMarkerContext(spans: readonly TomlTextSpan[], start: number): { context: TomlMarkerContext; span?: TomlTextSpan } {
  const span = spans.find((candidate) => candidate.start < start && start < candidate.end);
  return span ? { context: span.kind, span } : { context: 'value' };
}

/** Reads masked TOML front matter; errors are numbered as lines of the file, after the `+++` line. */
export function readTomlTemplateFrontMatter(content: string): TomlTemplateFrontMatter {
  const { masked } = maskTomlTemplate(content);
  try {
    return { ok: true, masked, data: parseToml(masked) as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = error.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '').trim();
    return { ok: false, problems: [`Line ${error.line + 1}: ${message}`] };
  }
}

export interface TomlTemplateBlock {
  /** The front matter's own `kind`, unless a marker stands for it. */
  kind?: string;
  /** The `[template]` table's values, as text. */
  settings: Record<string, unknown>;
  /** Offsets (into the front matter) of the lines to cut so that drafts don't get the block. */
  cut?: [number, number];
  problems: string[];
}

/**
 * The `[template]` table (or `template = { … }`) of TOML front matter, and the lines it takes:
 * the table and the comment lines directly above it.
 */
export function readTomlTemplateBlock(content: string, masked: string, data: Record<string, unknown>): TomlTemplateBlock {
  const result: TomlTemplateBlock = { settings: {}, problems: [] };
  const scanned = scanToml(masked);
  if (!scanned.ok) return result;
  const { pairs, headers } = scanned.layout;
  const kindPair = pairs.find((pair) => pair.table === undefined && pair.path.length === 1 && pair.path[0] === 'kind');
  if (kindPair && typeof data.kind === 'string' && !content.slice(kindPair.valueStart, kindPair.valueEnd).includes('{{')) {
    result.kind = data.kind.trim();
  }

  const block = Object.prototype.hasOwnProperty.call(data, 'template') ? data.template : undefined;
  if (block === undefined) return result;
  if (typeof block !== 'object' || block === null || Array.isArray(block) || block instanceof Date) {
    result.problems.push('template must be a [template] table of kind, name, description, folder and filename.');
    return result;
  }
  result.settings = block as Record<string, unknown>;

  const tableHeaders = headers.filter((header) => header.path[0] === 'template');
  const rootPairs = pairs.filter((pair) => pair.table === undefined && pair.path[0] === 'template');
  const [header] = tableHeaders;
  if (tableHeaders.length === 1 && rootPairs.length === 0 && header.path.length === 1 && !header.array) {
    let end = header.lineEnd;
    for (const pair of pairs) if (pair.table === header) end = Math.max(end, pair.lineEnd);
    result.cut = [commentLinesAbove(masked, header.lineStart), end];
  } else if (tableHeaders.length === 0 && rootPairs.length === 1 && rootPairs[0].path.length === 1) {
    result.cut = [commentLinesAbove(masked, rootPairs[0].lineStart), rootPairs[0].lineEnd];
  } else {
    result.problems.push('The template settings could not be separated from the front matter; write them as one [template] table.');
    return result;
  }
  // A table at the end takes the blank lines around it along, so none is left before the closing +++.
  let [start, end] = result.cut;
  if (content.slice(end).trim() === '') {
    end = content.length;
    while (start > 0) {
      const previous = content.lastIndexOf('\n', start - 2) + 1;
      if (content.slice(previous, start).trim() !== '') break;
      start = previous;
    }
  }
  result.cut = [start, end];
  return result;
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * Whether `value` can stand as a bare TOML value and read back as what it says: a whole number
 * written the plain way, `true`/`false`, or a real `YYYY-MM-DD` day (a local date). Anything else
 * is written as a string.
 */
export function isTomlBareSafe(value: string): boolean {
  if (/^(?:0|-?[1-9]\d{0,14})$/.test(value) || value === 'true' || value === 'false') return true;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!date) return false;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The inside of a TOML basic string for `text`. */
export function escapeTomlBasic(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/\u007f/g, '\\u007f')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Whether `text` can go inside a TOML literal string as it is: no quote, no control characters, no line breaks (one-line strings). */
export function fitsTomlLiteral(text: string, multiLine: boolean): boolean {
  if (multiLine) return !text.includes("'''") && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  return !/['\u0000-\u0008\u000a-\u001f\u007f]/.test(text);
}
