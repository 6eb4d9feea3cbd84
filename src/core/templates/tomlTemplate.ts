// Templates with TOML (`+++`) front matter, as Hugo and Zola sites write their posts. Markers
// (`{{title}}`) stand inside strings, `title = "{{title}}"`, or as a whole value,
// `date = {{date}}`; neither is TOML until it is filled in, so the front matter is read with each
// marker masked: as filler inside a string or a comment, as a string where it stands for a value.
// Masking keeps every offset, so what the masked text says about places holds for the template.

import { parse as parseToml, stringify as stringifyToml, TomlError } from 'smol-toml';
import { commentLinesAbove, scanToml, tomlStringsAndComments } from '../frontMatter/tomlScan';
import type { TomlTextSpan } from '../frontMatter/tomlScan';
import { hasOwn } from '../util/objects';

/** Where a marker stands in TOML front matter. */
export type TomlMarkerContext = TomlTextSpan['kind'] | 'value';

export interface MaskedToml {
  masked: string;
  /** Strings and comments of the front matter, offsets as in the template. */
  spans: TomlTextSpan[];
}

export type TomlTemplateFrontMatter = { ok: true; masked: string; data: Record<string, unknown> } | { ok: false; problems: string[] };

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
    const message = error.message
      .split('\n')[0]
      .replace(/^Invalid TOML document:\s*/, '')
      .trim();
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

  const block = hasOwn(data, 'template') ? data.template : undefined;
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

// ---------------------------------------------------------------------------------------------
// Making a template from a TOML draft

export interface TomlTemplateFromDraftOptions {
  kind: string;
  name: string;
  firstStatus: string | undefined;
  /** Date fields a new draft is asked for, which become variables of their own name. */
  promptedDateKeys: ReadonlySet<string>;
  lineBreak: '\n' | '\r\n';
}

/**
 * The TOML front matter of a draft made into a template's: the title and slug become markers,
 * the status the kind's first, dates `{{date}}` or a prompted variable (bare for a local date,
 * quoted for text), missing `kind`/`title`/`status` keys are added after the last top-level key,
 * and a `[template]` table with the kind and name replaces any there was, at the end.
 */
export function tomlTemplateFromDraft(content: string, options: TomlTemplateFromDraftOptions): { ok: true; content: string; title?: string } | { ok: false; problems: string[] } {
  const read = readTomlTemplateFrontMatter(content);
  if (!read.ok) return read;
  const scanned = scanToml(read.masked);
  if (!scanned.ok) return { ok: false, problems: ['The draft’s TOML front matter could not be followed; check it for errors.'] };
  const info = readTomlTemplateBlock(content, read.masked, read.data);
  const separationProblem = info.problems.find((problem) => problem.includes('[template] table'));
  if (separationProblem !== undefined) return { ok: false, problems: [separationProblem] };

  const lb = options.lineBreak;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  if (info.cut) edits.push({ start: info.cut[0], end: info.cut[1], text: '' });
  const seen = new Set<string>();
  let title: string | undefined;
  for (const pair of scanned.layout.pairs) {
    if (pair.table !== undefined || pair.path.length !== 1) continue;
    const key = pair.path[0];
    seen.add(key);
    const value = read.data[key];
    if (key === 'title' && typeof value === 'string') title = value;
    const replacement = replacementFor(key, value, options);
    if (replacement !== undefined) edits.push({ start: pair.valueStart, end: pair.valueEnd, text: replacement });
  }
  let added = '';
  if (!seen.has('kind')) added += `kind = ${tomlString(options.kind)}${lb}`;
  if (!seen.has('title')) added += `title = "{{title}}"${lb}`;
  if (!seen.has('status') && options.firstStatus !== undefined) added += `status = ${tomlString(options.firstStatus)}${lb}`;
  if (added !== '') edits.push({ start: scanned.layout.appendAt, end: scanned.layout.appendAt, text: added });

  let result = content;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  const separator = result === '' || /(?:^|\n)[ \t]*\r?\n$/.test(result) ? '' : lb;
  result += `${separator}[template]${lb}kind = ${tomlString(options.kind)}${lb}name = ${tomlString(options.name)}${lb}`;
  return { ok: true, content: result, title };
}

function replacementFor(key: string, value: unknown, options: TomlTemplateFromDraftOptions): string | undefined {
  if (key === 'title') return '"{{title}}"';
  if (key === 'slug') return '"{{slug}}"';
  if (key === 'status') return options.firstStatus === undefined ? undefined : tomlString(options.firstStatus);
  if (key === 'kind') return tomlString(options.kind);
  const variable = options.promptedDateKeys.has(key) ? key : 'date';
  if (value instanceof Date && /^\d{4}-\d{2}-\d{2}/.test(value.toISOString())) return `{{${variable}}}`;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(?:$|[T ])/.test(value.trim())) return `"{{${variable}}}"`;
  return undefined;
}

/** A TOML string as smol-toml writes it. */
export function tomlString(value: string): string {
  const written = stringifyToml({ v: value });
  return written.slice('v = '.length, written.length - 1);
}
