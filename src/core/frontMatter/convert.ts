// Turns a new draft's YAML front matter into TOML, for generators whose posts are written in
// TOML (Zola). Only for files DevRel Desk is creating: a person's existing file is never
// rewritten this way, since converting loses comments and layout.

import { stringify, TomlDate, type TomlTable, type TomlValue } from 'smol-toml';
import { parseDocument } from 'yaml';
import { locateFrontMatter } from './parse';
import { type Result } from '../util/result';

const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export type Conversion = Result<{ text: string; frontMatterEnd: number }>;

/** For a generator that refuses unknown keys: what may stay at the top, and where the rest goes. */
export interface StrictKeys {
  topLevel: readonly string[];
  extraTable: string;
  /** Where `tags` goes, as `[taxonomies] tags = [...]`. */
  taxonomiesTable?: string;
}

/**
 * The same text with its `---` front matter written as `+++` TOML. Dates written as text become
 * TOML dates; empty values, which TOML cannot hold, are left out. Text without YAML front matter
 * is returned as it is.
 */
export function yamlFrontMatterToToml(text: string, strict?: StrictKeys): Conversion {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed' || location.block.format !== 'yaml') {
    return { ok: true, text, frontMatterEnd: location.type === 'closed' ? location.block.end : 0 };
  }
  const { block } = location;
  const doc = parseDocument(text.slice(block.contentStart, block.contentEnd));
  if (doc.errors.length > 0) return { ok: false, message: `the front matter is not valid YAML: ${doc.errors[0]?.message ?? ''}` };
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: 'the front matter is not a map of fields' };
  const table = arrange(toToml(data) as TomlTable, strict);
  const eol = block.lineBreak;
  const body = stringify(table).replace(/\n/g, eol);
  const frontMatter = `${text.slice(0, block.start)}+++${eol}${body}${body.endsWith(eol) || body === '' ? '' : eol}+++${eol}`;
  return { ok: true, text: frontMatter + text.slice(block.end), frontMatterEnd: frontMatter.length };
}

/** Moves every key the generator doesn't accept into its custom table, keeping their order. */
function arrange(table: TomlTable, strict: StrictKeys | undefined): TomlTable {
  if (!strict) return table;
  const top: TomlTable = {};
  const extra: TomlTable = {};
  const taxonomies: TomlTable = {};
  for (const [key, value] of Object.entries(table)) {
    if (key === 'tags' && strict.taxonomiesTable !== undefined) taxonomies.tags = value;
    else if (strict.topLevel.includes(key)) top[key] = value;
    else extra[key] = value;
  }
  if (strict.taxonomiesTable !== undefined && Object.keys(taxonomies).length > 0) top[strict.taxonomiesTable] = { ...asTable(top[strict.taxonomiesTable]), ...taxonomies };
  if (Object.keys(extra).length > 0) top[strict.extraTable] = { ...asTable(top[strict.extraTable]), ...extra };
  return top;
}

function asTable(value: TomlValue | undefined): TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as TomlTable) : {};
}

function toToml(value: unknown): TomlValue | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return ISO_DATE_OR_TIME.test(value) && !Number.isNaN(new TomlDate(value).getTime()) ? new TomlDate(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return new TomlDate(value);
  if (Array.isArray(value)) return value.map(toToml).filter((item): item is TomlValue => item !== undefined);
  if (typeof value === 'object') {
    const table: TomlTable = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toToml(item);
      if (converted !== undefined) table[key] = converted;
    }
    return table;
  }
  return String(value);
}
