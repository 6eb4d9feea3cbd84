// Reading a template file: its `template:` block, once, and the text drafts are made from.

import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Pair } from 'yaml';
import { expandFileNamePattern } from '../fileName';
import { humanise } from '../util/strings';
import { checkRelativeFolder } from '../workspacePaths';
import { mask } from './markers';
import { readTomlTemplateBlock, readTomlTemplateFrontMatter } from './tomlTemplate';
import { locateTemplateFrontMatter, keyName, originalScalarValue, pairCutRange, templateFrontMatterOverLimit, yamlErrorMessage } from './templateSource';

export interface Template {
  kind: string;
  name: string;
  description?: string;
  /** Workspace-relative folder with forward slashes, overriding the site generator's default. */
  folder?: string;
  /** File name pattern, e.g. `{date}-{slug}.md`; see `expandFileNamePattern`. */
  fileNamePattern?: string;
  /** The label of the kind the template adds, from `template.label`. */
  label?: string;
  /** The workflow of the kind, from `template.statuses`. */
  statuses?: string[];
  /** Where the template came from: a workspace-relative path, or `builtin:<kind>`. */
  source: string;
  builtin: boolean;
  /** The template with its `template:` block removed; markers are still in it. */
  text: string;
}

export interface ParsedTemplate {
  template?: Template;
  problems: string[];
}

/**
 * Reads a template file. Its front matter may carry a `template:` block, or a `[template]` table
 * in TOML (kind, name, description, folder, filename, and for the kind it defines, label and
 * statuses) that configures the template; the block is cut out of the text, together with
 * comment lines directly above it, and everything else is kept byte for byte. The kind comes
 * from the block, then the front matter's `kind`, then the file name.
 */
export function parseTemplate(text: string, source: string): ParsedTemplate {
  const problems: string[] = [];
  const located = locateTemplateFrontMatter(text);
  if (located !== undefined && 'unclosed' in located) {
    return { problems: [`The front matter has no closing ${located.unclosed} line.`] };
  }
  const span = located?.format === 'yaml' ? located.span : undefined;
  const toml = located?.format === 'toml' ? located.span : undefined;
  // Without front matter a file is not a template, whatever its name: refusing it keeps any
  // other file that ends up here (a link to a notes or credentials file) out of new drafts.
  if (span === undefined && toml === undefined) {
    return { problems: ['Templates need front matter between --- (or +++) lines; this file has none, so it is not used as a template.'] };
  }
  const over = templateFrontMatterOverLimit(text, located);
  if (over !== undefined) return { problems: [over] };

  let templateText = text;
  let block: TemplateBlock = {};
  let frontMatterKind: string | undefined;
  if (toml !== undefined) {
    const content = text.slice(toml.start, toml.end);
    const read = readTomlTemplateFrontMatter(content);
    if (!read.ok) {
      return { problems: read.problems };
    }
    const info = readTomlTemplateBlock(content, read.masked, read.data);
    problems.push(...info.problems);
    frontMatterKind = info.kind;
    block = tomlTemplateSettings(info.settings, problems);
    if (info.cut !== undefined) {
      templateText = text.slice(0, toml.start + info.cut[0]) + text.slice(toml.start + info.cut[1]);
    }
  } else if (span !== undefined) {
    const yamlText = text.slice(span.start, span.end);
    const masked = mask(yamlText);
    const doc = parseDocument(masked, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      problems.push(...doc.errors.map((error) => yamlErrorMessage(error, 1)));
      if (/^\s*filename:\s*\{[^{]/m.test(yamlText)) {
        problems.push("Quote the file name pattern, e.g. filename: '{date}-{slug}.md'.");
      }
      return { problems };
    }
    if (doc.contents !== null && !isMap(doc.contents)) {
      return { problems: ['The front matter must be a list of key: value lines.'] };
    }
    const map = doc.contents;
    const kindPair = map?.items.find((pair) => keyName(pair) === 'kind');
    if (kindPair && isScalar(kindPair.value) && kindPair.value.value !== null) {
      const value = originalScalarValue(kindPair.value, yamlText, masked);
      frontMatterKind = value.startsWith('{{') ? undefined : value.trim();
    }
    const templatePairs = map?.items.filter((pair) => keyName(pair) === 'template') ?? [];
    if (templatePairs.length > 1) {
      problems.push('The front matter has more than one template: block; only the first is used.');
    }
    const templatePair = templatePairs[0];
    if (templatePair !== undefined) {
      block = readTemplateBlock(templatePair, yamlText, masked, problems);
      const cut = pairCutRange(text, span, templatePair);
      if (cut === undefined) {
        problems.push('The template: block could not be separated from the front matter; keep it on its own lines.');
      } else {
        templateText = text.slice(0, cut[0]) + text.slice(cut[1]);
      }
    }
  }

  const kind = (block.kind ?? frontMatterKind ?? kindFromSource(source)).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(kind)) {
    problems.push(
      kind === ''
        ? 'The template’s kind is unknown: add kind: to its front matter or name the file after the kind.'
        : `"${kind}" is not a usable kind name (letters, digits, - and _).`,
    );
    return { problems };
  }
  if (block.kind !== undefined && frontMatterKind !== undefined && block.kind !== frontMatterKind) {
    problems.push(`template.kind is ${block.kind} but the front matter says kind: ${frontMatterKind}; drafts made from it will be ${frontMatterKind}.`);
  }

  const template: Template = {
    kind,
    name: block.name?.trim() || humanise(kind),
    source,
    builtin: false,
    text: templateText,
  };
  if (block.description !== undefined && block.description.trim() !== '') {
    template.description = block.description.trim();
  }
  if (block.folder !== undefined && block.folder.trim() !== '') {
    const folder = checkRelativeFolder(block.folder);
    if (folder.ok) template.folder = folder.value;
    else problems.push(`template.folder: ${folder.message}`);
  }
  if (block.label !== undefined) template.label = block.label;
  if (block.statuses !== undefined) template.statuses = block.statuses;
  if (block.filename !== undefined && block.filename.trim() !== '') {
    const check = expandFileNamePattern(block.filename, {
      date: '2000-01-01',
      slug: 'slug',
      year: '2000',
      month: '01',
      kind,
      title: 'Title',
    });
    if (check.ok) {
      template.fileNamePattern = block.filename.trim();
    } else {
      problems.push(`template.filename: ${check.message}`);
    }
  }
  return { template, problems };
}

/** What a `template:` block may say; every value as the author wrote it, markers included. */
interface TemplateBlock {
  kind?: string;
  name?: string;
  description?: string;
  folder?: string;
  filename?: string;
  label?: string;
  statuses?: string[];
}

const TEMPLATE_BLOCK_KEYS: readonly (keyof TemplateBlock)[] = ['kind', 'name', 'description', 'folder', 'filename', 'label', 'statuses'];

function readTemplateBlock(pair: Pair<unknown, unknown>, original: string, masked: string, problems: string[]): TemplateBlock {
  const block: TemplateBlock = {};
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    return block;
  }
  if (!isMap(pair.value)) {
    problems.push(`template: must be a block of ${TEMPLATE_BLOCK_KEYS.join(', ')} lines.`);
    return block;
  }
  for (const item of pair.value.items) {
    const key = keyName(item);
    if (key === undefined || !isBlockKey(key)) {
      problems.push(`template.${key ?? '?'} is not a template setting; use ${TEMPLATE_BLOCK_KEYS.join(', ')}.`);
    } else if (key === 'statuses') {
      const node = item.value;
      const statuses = statusList(isSeq(node) ? node.items.map((s) => (isScalar(s) ? s.value : undefined)) : isScalar(node) ? node.value : undefined);
      if (statuses) block.statuses = statuses;
      else problems.push('template.statuses must be a list of statuses, e.g. [idea, drafting, sent].');
    } else if (key === 'label') {
      if (isScalar(item.value) && typeof item.value.value === 'string' && item.value.value.trim() !== '') block.label = originalScalarValue(item.value, original, masked).trim();
      else problems.push('template.label must be text, e.g. label: Newsletter.');
    } else if (!isScalar(item.value)) {
      problems.push(`template.${key} must be a single value.`);
    } else if (item.value.value !== null) {
      block[key] = originalScalarValue(item.value, original, masked);
    }
  }
  return block;
}

/** The `[template]` table's settings, with the same complaints as a YAML `template:` block. */
function tomlTemplateSettings(settings: Record<string, unknown>, problems: string[]): TemplateBlock {
  const block: TemplateBlock = {};
  for (const [key, value] of Object.entries(settings)) {
    if (!isBlockKey(key)) {
      problems.push(`template.${key} is not a template setting; use ${TEMPLATE_BLOCK_KEYS.join(', ')}.`);
    } else if (key === 'label' || key === 'statuses') {
      // Read below, in a fixed order.
    } else if (typeof value === 'string' || typeof value === 'number') {
      block[key] = String(value);
    } else {
      problems.push(`template.${key} must be a single value.`);
    }
  }
  const { label, statuses } = settings;
  if (label !== undefined) {
    if (typeof label === 'string' && label.trim() !== '') block.label = label.trim();
    else problems.push('template.label must be text, e.g. label = "Newsletter".');
  }
  if (statuses !== undefined) {
    const list = statusList(statuses);
    if (list) block.statuses = list;
    else problems.push('template.statuses must be a list of statuses, e.g. statuses = ["idea", "drafting", "sent"].');
  }
  return block;
}

function isBlockKey(key: string): key is keyof TemplateBlock {
  return (TEMPLATE_BLOCK_KEYS as readonly string[]).includes(key);
}

/** A kind's workflow as a template declares it: a list, or comma-separated text; undefined when it is neither. */
function statusList(value: unknown): string[] | undefined {
  const items: unknown[] | undefined = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  const statuses = items
    ?.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number')
    .map((s) => String(s).trim())
    .filter((s) => s !== '');
  if (!statuses || statuses.length === 0 || statuses.length !== items?.length) return undefined;
  return [...new Set(statuses)];
}

function kindFromSource(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(md|markdown|mdx)$/i, '').toLowerCase();
}
