// The decisions behind creating a draft from a template, kept free of the editor so they can be
// unit-tested: what a scripted caller may pass, which variables are asked for, where the file goes
// and what it is called, and how extra front-matter fields reach both the file and its snippet.

import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { BUILTIN_TEMPLATES } from './builtin';
import { DEFAULT_FILE_NAME_PATTERN } from '../fileName';
import { yamlFrontMatterToToml, type StrictKeys } from '../frontMatter/convert';
import { locateFrontMatter } from '../frontMatter/parse';
import { setFrontMatterFields, type FrontMatterValue } from '../frontMatter/edit';
import { readTomlTemplateFrontMatter } from './tomlTemplate';
import type { SiteGeneratorProfile } from '../sites/profile';
import { templatePromptVariables, VARIABLE_PROMPTS, type Template } from './templates';

/** What a command was asked to create, after checking the argument object. */
export interface NewDraftRequest {
  kind?: string;
  title?: string;
  /** Checked by the caller: a workspace-relative path, an absolute path or a Uri. */
  folder?: unknown;
  fields: Record<string, FrontMatterValue>;
  open: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A workflow for kinds that only a workspace template defines and that declares none. */
export const DEFAULT_WORKFLOW: readonly string[] = ['idea', 'drafting', 'review', 'done'];

const REQUEST_KEYS = ['kind', 'title', 'folder', 'fields', 'open'];

/**
 * What the issue asks each built-in kind for. A built-in template also uses `due` and others;
 * those stay empty so a new idea doesn't start with a wall of questions. A variable someone adds
 * to a customised built-in template is asked for, since they added it on purpose.
 */
const BUILTIN_KIND_PROMPTS: Readonly<Record<string, readonly string[]>> = {
  blog: [],
  talk: ['event', 'cfp_deadline', 'event_date', 'duration'],
  oss: ['repository', 'issue'],
  workshop: ['event_date'],
  'trip-report': ['event', 'event_date', 'end_date'],
};

const BUILTIN_TEMPLATE_VARIABLES: ReadonlyMap<string, readonly string[]> = new Map(
  BUILTIN_TEMPLATES.map((builtin) => [builtin.kind, templatePromptVariables(builtin)]),
);

/**
 * Checks the one argument object of New Draft and the per-kind commands:
 * `{ kind, title, folder?, fields?, open? }`. `undefined` or `null` means "ask for everything".
 * `fixedKind` is the kind of a per-kind command, where `kind` may be left out.
 */
export function parseNewDraftRequest(arg: unknown, fixedKind?: string): Checked<NewDraftRequest> {
  if (arg === undefined || arg === null) {
    return { ok: true, value: { kind: fixedKind, fields: {}, open: true } };
  }
  if (!isPlainObject(arg)) {
    return { ok: false, message: `New Draft takes one object like { kind: 'talk', title: 'My talk' }, not ${describeValue(arg)}.` };
  }
  const stray = Object.keys(arg).filter((key) => !REQUEST_KEYS.includes(key));
  if (stray.length > 0) {
    return { ok: false, message: `New Draft does not know the option${stray.length === 1 ? '' : 's'} ${stray.map((k) => `"${k}"`).join(', ')}; use ${REQUEST_KEYS.join(', ')}.` };
  }
  const request: NewDraftRequest = { kind: fixedKind, fields: {}, open: true };
  if (arg.kind !== undefined) {
    if (typeof arg.kind !== 'string' || arg.kind.trim() === '') {
      return { ok: false, message: `The kind must be a kind id such as "talk", not ${describeValue(arg.kind)}.` };
    }
    const kind = arg.kind.trim();
    if (fixedKind !== undefined && kind !== fixedKind) {
      return { ok: false, message: `This command creates a ${fixedKind}; use New Draft to create a ${kind}.` };
    }
    request.kind = kind;
  }
  if (arg.title !== undefined) {
    if (typeof arg.title !== 'string') {
      return { ok: false, message: `The title must be text, not ${describeValue(arg.title)}.` };
    }
    if (arg.title.trim() === '') {
      return { ok: false, message: 'The title is empty. It names the file and goes into the front matter, so give the draft a title.' };
    }
    request.title = arg.title.trim();
  }
  if (arg.folder !== undefined) {
    if (typeof arg.folder === 'string' ? arg.folder.trim() === '' : typeof arg.folder !== 'object' || arg.folder === null) {
      return { ok: false, message: 'The folder must be a workspace-relative path, an absolute path or a Uri.' };
    }
    request.folder = typeof arg.folder === 'string' ? arg.folder.trim() : arg.folder;
  }
  if (arg.fields !== undefined) {
    if (!isPlainObject(arg.fields)) {
      return { ok: false, message: `fields must be an object of front-matter values, like { event: 'KubeCon' }, not ${describeValue(arg.fields)}.` };
    }
    for (const [name, value] of Object.entries(arg.fields)) {
      if (!/^[^\s#:][^\r\n:]*$/.test(name) || name.trim() !== name) {
        return { ok: false, message: `"${name}" cannot be a front-matter field name.` };
      }
      if (name === 'kind' || name === 'title') {
        return { ok: false, message: `Pass the ${name} as ${name}, not inside fields.` };
      }
      // Undefined is what an optional property left unset looks like; it is not a request to remove.
      if (value !== undefined) request.fields[name] = value as FrontMatterValue;
    }
  }
  if (arg.open !== undefined) {
    if (typeof arg.open !== 'boolean') {
      return { ok: false, message: `open must be true or false, not ${describeValue(arg.open)}.` };
    }
    request.open = arg.open;
  }
  return { ok: true, value: request };
}

export function unknownKindMessage(kind: string, known: readonly string[]): string {
  return `"${kind}" is not a kind DevRel Desk knows. Use one of: ${known.join(', ')}.`;
}

/**
 * Which template variables to ask the person for, in the template's order. Only variables with a
 * known prompt are asked; anything else is an unknown variable (kept visible, and reported).
 * Variables whose value the caller already gave (`given`) are not asked again.
 */
export function variablesToAsk(template: Pick<Template, 'kind' | 'text'>, given: readonly string[] = []): string[] {
  const used = templatePromptVariables(template).filter((name) => VARIABLE_PROMPTS[name] !== undefined && !given.includes(name));
  const chosen = BUILTIN_KIND_PROMPTS[template.kind];
  if (chosen === undefined) return used;
  const builtinUses = BUILTIN_TEMPLATE_VARIABLES.get(template.kind) ?? [];
  return used.filter((name) => chosen.includes(name) || !builtinUses.includes(name));
}

/** Every variable a template uses that has a prompt: the ones not asked are rendered empty. */
export function promptableVariables(template: Pick<Template, 'text'>): string[] {
  return templatePromptVariables(template).filter((name) => VARIABLE_PROMPTS[name] !== undefined);
}

export interface PlacementInput {
  kind: string;
  /** A folder the person or caller asked for, e.g. New Draft Here's folder: it beats everything. */
  requestedFolder?: string;
  /** `devrel.folders[kind]`, if set. */
  settingFolder?: string;
  /** `devrel.fileNamePatterns[kind]`, if set. */
  settingPattern?: string;
  template: Pick<Template, 'folder' | 'fileNamePattern'>;
  profile: SiteGeneratorProfile;
  /**
   * The site's own pattern for the folder the draft lands in, e.g. Jekyll's dated names in
   * `_posts`, with the extension the folder's posts use; undefined falls back to the profile.
   */
  patternFor?(folder: string): { pattern: string; source: string } | undefined;
}

export interface Placement {
  /** Workspace-relative, forward slashes, `''` for the root. */
  folder: string;
  folderSource: string;
  pattern: string;
  patternSource: string;
}

/**
 * Where a new draft goes and how its file is named: the requested folder first, then the
 * setting, then the template's own `folder`/`filename`, then the site's defaults.
 */
export function placeDraft(input: PlacementInput): Checked<Placement> {
  const { kind, profile } = input;
  const folderChoice =
    input.requestedFolder !== undefined
      ? { value: input.requestedFolder, source: 'the folder you chose' }
      : input.settingFolder !== undefined && input.settingFolder.trim() !== ''
        ? { value: input.settingFolder, source: `the setting devrel.folders.${kind}` }
        : input.template.folder !== undefined
          ? { value: input.template.folder, source: 'the template' }
          : { value: profile.folders[kind] ?? profile.defaultFolder, source: `the ${profile.label} defaults` };
  const folder = relativeFolder(folderChoice.value);
  if (!folder.ok) return { ok: false, message: `${folder.message} (from ${folderChoice.source})` };
  const patternChoice =
    input.settingPattern !== undefined && input.settingPattern.trim() !== ''
      ? { value: input.settingPattern.trim(), source: `the setting devrel.fileNamePatterns.${kind}` }
      : input.template.fileNamePattern !== undefined
        ? { value: input.template.fileNamePattern, source: 'the template' }
        : siteChoice(input.patternFor?.(folder.value)) ??
          { value: profile.fileNamePatterns[kind] ?? profile.defaultFileNamePattern ?? DEFAULT_FILE_NAME_PATTERN, source: `the ${profile.label} defaults` };
  return { ok: true, value: { folder: folder.value, folderSource: folderChoice.source, pattern: patternChoice.value, patternSource: patternChoice.source } };
}

function siteChoice(site: { pattern: string; source: string } | undefined): { value: string; source: string } | undefined {
  return site ? { value: site.pattern, source: site.source } : undefined;
}

/**
 * A workspace-relative folder, normalised to forward slashes without `./` or trailing slashes.
 * Refuses absolute paths and anything that climbs out with `..`.
 */
export function relativeFolder(folder: string): Checked<string> {
  const slashed = folder.trim().replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    return { ok: false, message: `The folder "${folder}" must be relative to the workspace folder, like talks or content/posts.` };
  }
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) {
    return { ok: false, message: `The folder "${folder}" climbs out of the workspace folder with "..".` };
  }
  return { ok: true, value: parts.join('/') };
}

/**
 * The path of `target` inside `base` (both posix paths, e.g. Uri paths), `''` when they are the
 * same folder, or undefined when `target` is not inside `base`.
 */
export function pathInside(base: string, target: string): string | undefined {
  const trim = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const from = trim(base);
  const to = trim(target);
  if (to === from) return '';
  const prefix = from.endsWith('/') ? from : `${from}/`;
  if (!to.startsWith(prefix)) return undefined;
  const rest = to.slice(prefix.length);
  return rest.split('/').some((part) => part === '..' || part === '.') ? undefined : rest;
}

/**
 * The first status of the kind's workflow for a new draft: the configured kind's, else the
 * workflow a workspace template declares, else undefined (keep what the template says).
 */
export function firstStatus(configured: { statuses: readonly string[] } | undefined, templateStatuses?: readonly string[]): string | undefined {
  return configured?.statuses[0] ?? templateStatuses?.[0];
}

/** A plain template for a kind that settings define but no template covers. */
export function genericTemplateText(kind: string, status: string | undefined): string {
  return ['---', `kind: ${kind}`, "title: '{{title}}'", ...(status ? [`status: ${status}`] : []), 'tags: []', '---', '', '# {{title}}', '', '{{cursor}}', ''].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Fields and snippets

/**
 * Sets front-matter fields in a rendered draft and in its snippet twin, so that the snippet still
 * inserts exactly the file's text with the template's tab stops. Each field is applied to the
 * snippet on its own so that every edit holds only newly written YAML or TOML, which is then
 * escaped. When the snippet cannot follow (its front matter holds tab stops YAML or TOML can't
 * read, say), the front matter loses its tab stops and the body keeps them; failing that, the
 * snippet is plain.
 */
export function applyDraftFields(
  rendered: { text: string; snippet: string },
  fields: Record<string, FrontMatterValue>,
): { ok: true; text: string; snippet: string; tabStopsKept: 'all' | 'body' | 'none' } | { ok: false; message: string } {
  if (Object.keys(fields).length === 0) return { ok: true, text: rendered.text, snippet: rendered.snippet, tabStopsKept: 'all' };
  const applied = setFrontMatterFields(rendered.text, fields);
  if (!applied.ok) return applied;
  const text = applied.text;

  let snippet: string | undefined = rendered.snippet;
  for (const [name, value] of Object.entries(fields)) {
    // The edit is planned on a twin where each escape pair `\$` becomes `$$`: same offsets, but
    // YAML that a double-quoted string written by an earlier field can still hold.
    const twin = snippet.replace(/\\([\\$}])/g, '$1$1');
    const edit = setFrontMatterFields(twin, { [name]: value });
    if (!edit.ok) {
      snippet = undefined;
      break;
    }
    const { offset, length, newText } = edit.edit;
    snippet = snippet.slice(0, offset) + escapeSnippetText(newText) + snippet.slice(offset + length);
  }
  if (snippet !== undefined && snippetToPlainText(snippet) === text) return { ok: true, text, snippet, tabStopsKept: 'all' };

  const textBlock = locateFrontMatter(text);
  const snippetBlock = locateFrontMatter(rendered.snippet);
  if (textBlock.type === 'closed' && snippetBlock.type === 'closed') {
    const mixed = escapeSnippetText(text.slice(0, textBlock.block.end)) + rendered.snippet.slice(snippetBlock.block.end);
    if (snippetToPlainText(mixed) === text) return { ok: true, text, snippet: mixed, tabStopsKept: 'body' };
  }
  return { ok: true, text, snippet: escapeSnippetText(text), tabStopsKept: 'none' };
}

/** Text → snippet text that inserts it literally. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * What a snippet inserts when every placeholder keeps its default and every choice its first
 * option: the check that a snippet and the file it stands for say the same thing. Covers the
 * syntax templates produce (`$1`, `${1}`, `${1:text}`, `${1|a,b|}`, `$0`, and `\` escapes);
 * variables such as `$TM_FILENAME` are not expanded and come out as written.
 */
export function snippetToPlainText(snippet: string): string {
  let position = 0;
  const read = (insidePlaceholder: boolean): string => {
    let out = '';
    while (position < snippet.length) {
      const ch = snippet[position];
      if (ch === '\\' && position + 1 < snippet.length && '\\$}'.includes(snippet[position + 1] ?? '')) {
        out += snippet[position + 1];
        position += 2;
        continue;
      }
      if (ch === '}' && insidePlaceholder) {
        position++;
        return out;
      }
      if (ch === '$') {
        const rest = snippet.slice(position + 1);
        const bare = /^\d+/.exec(rest);
        if (bare) {
          position += 1 + bare[0].length;
          continue;
        }
        const braced = /^\{(\d+)([:|}])/.exec(rest);
        if (braced) {
          position += 1 + braced[0].length;
          if (braced[2] === '}') continue;
          if (braced[2] === ':') {
            out += read(true);
            continue;
          }
          out += readChoice();
          continue;
        }
      }
      out += ch;
      position++;
    }
    return out;
  };
  const readChoice = (): string => {
    const options: string[] = [''];
    while (position < snippet.length) {
      const ch = snippet[position];
      if (ch === '\\' && position + 1 < snippet.length && '\\,|$}'.includes(snippet[position + 1] ?? '')) {
        options[options.length - 1] += snippet[position + 1];
        position += 2;
        continue;
      }
      if (ch === '|' && snippet[position + 1] === '}') {
        position += 2;
        break;
      }
      if (ch === ',') options.push('');
      else options[options.length - 1] += ch;
      position++;
    }
    return options[0] ?? '';
  };
  return read(false);
}

// ---------------------------------------------------------------------------------------------
// Workspace templates and kinds

export interface TemplateKindInfo {
  /** From `template.label`, for a kind the template adds. */
  label?: string;
  /** From `template.statuses`, the kind's workflow. */
  statuses?: string[];
  problems: string[];
}

/**
 * Reads what `parseTemplate` leaves to its caller from a template's `template:` block: the
 * `label` and `statuses` of the kind it defines. `statuses` may be a list or comma-separated text.
 */
export function readTemplateKindInfo(text: string): TemplateKindInfo {
  const location = locateFrontMatter(text);
  if (location.type === 'closed' && location.block.format === 'toml') {
    return tomlTemplateKindInfo(text.slice(location.block.contentStart, location.block.contentEnd));
  }
  if (location.type !== 'closed' || location.block.format !== 'yaml') return { problems: [] };
  const yamlText = text.slice(location.block.contentStart, location.block.contentEnd);
  // Markers are hidden from the parser as templates.ts does, so `{{title}}` can't read as a mapping.
  const doc = parseDocument(yamlText.replace(/\{\{[^\n]*?\}\}/g, (braced) => '_'.repeat(braced.length)), { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { problems: [] };
  const block = doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'template')?.value;
  if (!isMap(block)) return { problems: [] };
  const info: TemplateKindInfo = { problems: [] };
  for (const pair of block.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (key === 'label') {
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.trim() !== '') info.label = pair.value.value.trim();
      else info.problems.push('template.label must be text, e.g. label: Newsletter.');
    } else if (key === 'statuses') {
      const items = isSeq(pair.value)
        ? pair.value.items.map((item) => (isScalar(item) ? item.value : undefined))
        : isScalar(pair.value) && typeof pair.value.value === 'string'
          ? pair.value.value.split(',')
          : undefined;
      const statuses = items?.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number').map((s) => String(s).trim()).filter((s) => s !== '');
      if (!statuses || statuses.length === 0 || statuses.length !== items?.length) {
        info.problems.push('template.statuses must be a list of statuses, e.g. [idea, drafting, sent].');
      } else {
        info.statuses = [...new Set(statuses)];
      }
    }
  }
  return info;
}

/** The same for a `[template]` table in TOML front matter. */
function tomlTemplateKindInfo(content: string): TemplateKindInfo {
  const read = readTomlTemplateFrontMatter(content);
  if (!read.ok) return { problems: [] };
  const block: unknown = Object.prototype.hasOwnProperty.call(read.data, 'template') ? read.data.template : undefined;
  if (typeof block !== 'object' || block === null || Array.isArray(block) || block instanceof Date) return { problems: [] };
  const info: TemplateKindInfo = { problems: [] };
  const { label, statuses } = block as Record<string, unknown>;
  if (label !== undefined) {
    if (typeof label === 'string' && label.trim() !== '') info.label = label.trim();
    else info.problems.push('template.label must be text, e.g. label = "Newsletter".');
  }
  if (statuses !== undefined) {
    const items: unknown[] | undefined = Array.isArray(statuses) ? statuses : typeof statuses === 'string' ? statuses.split(',') : undefined;
    const list = items?.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number').map((s) => String(s).trim()).filter((s) => s !== '');
    if (!list || list.length === 0 || list.length !== items?.length) {
      info.problems.push('template.statuses must be a list of statuses, e.g. statuses = ["idea", "drafting", "sent"].');
    } else {
      info.statuses = [...new Set(list)];
    }
  }
  return info;
}

/** Drops parseTemplate's complaints about the block keys that `readTemplateKindInfo` reads. */
export function withoutKindInfoProblems(problems: readonly string[]): string[] {
  return problems.filter((problem) => !/^template\.(label|statuses) is not a template setting/.test(problem));
}

export interface WorkspaceTemplateKind {
  kind: string;
  name: string;
  label?: string;
  statuses?: string[];
}

/**
 * The kinds workspace templates contribute, for merging into the kind settings (which win):
 * a kind that isn't built in gets a label (the template's `label`, else its name) and a workflow
 * (its `statuses`, else the default one); a built-in kind only gets the workflow it declares.
 * The first template of a kind decides. Kind ids the settings would refuse are left out.
 */
export function kindOverridesFromTemplates(
  templates: readonly WorkspaceTemplateKind[],
  builtinKinds: readonly string[],
): Record<string, { label?: string; statuses?: string[] }> {
  const result: Record<string, { label?: string; statuses?: string[] }> = {};
  for (const template of templates) {
    if (Object.prototype.hasOwnProperty.call(result, template.kind) || !/^[a-z0-9][a-z0-9-]*$/.test(template.kind)) continue;
    if (builtinKinds.includes(template.kind)) {
      if (template.statuses) result[template.kind] = { statuses: [...template.statuses] };
      continue;
    }
    result[template.kind] = { label: template.label ?? template.name, statuses: [...(template.statuses ?? DEFAULT_WORKFLOW)] };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'that object';
  return `${typeof value} ${String(value)}`;
}

/**
 * A new draft with TOML front matter, for a site that writes its posts in TOML. The front matter
 * loses its tab stops (the TOML is written fresh); the body keeps them.
 */
export function withTomlFrontMatter(draft: { text: string; snippet: string }, strict?: StrictKeys): Checked<{ text: string; snippet: string }> {
  const converted = yamlFrontMatterToToml(draft.text, strict);
  if (!converted.ok) return { ok: false, message: converted.message };
  if (converted.text === draft.text) return { ok: true, value: draft };
  const snippetBlock = locateFrontMatter(draft.snippet);
  const snippetBody = snippetBlock.type === 'closed' ? draft.snippet.slice(snippetBlock.block.end) : undefined;
  const snippet = escapeSnippetText(converted.text.slice(0, converted.frontMatterEnd)) + (snippetBody ?? escapeSnippetText(converted.text.slice(converted.frontMatterEnd)));
  return { ok: true, value: { text: converted.text, snippet: snippetToPlainText(snippet) === converted.text ? snippet : escapeSnippetText(converted.text) } };
}
