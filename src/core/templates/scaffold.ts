// The decisions behind creating a draft from a template, kept free of the editor so they can be
// unit-tested: what a scripted caller may pass, where the file goes and what it is called, and
// how extra front-matter fields reach both the file and its snippet.

import { DEFAULT_FILE_NAME_PATTERN } from '../fileName';
import { yamlFrontMatterToToml, type StrictKeys } from '../frontMatter/convert';
import { locateFrontMatter } from '../frontMatter/parse';
import { setFrontMatterFields, type FrontMatterValue } from '../frontMatter/edit';
import { yamlScalar } from '../frontMatter/yamlScalar';
import type { SiteGeneratorProfile } from '../sites/profile';
import { isPlainObject } from '../util/objects';
import type { Result } from '../util/result';
import { checkRelativeFolder } from '../workspacePaths';
import type { Template } from './parseTemplate';
import { escapeSnippetText, snippetToPlainText } from './snippet';

/** What a command was asked to create, after checking the argument object. */
export interface NewDraftRequest {
  kind?: string;
  title?: string;
  /** Checked by the caller: a workspace-relative path, an absolute path or a Uri. */
  folder?: unknown;
  fields: Record<string, FrontMatterValue>;
  open: boolean;
}

const REQUEST_KEYS = ['kind', 'title', 'folder', 'fields', 'open'];

/**
 * Checks the one argument object of New Draft and the per-kind commands:
 * `{ kind, title, folder?, fields?, open? }`. `undefined` or `null` means "ask for everything".
 * `fixedKind` is the kind of a per-kind command, where `kind` may be left out.
 */
export function parseNewDraftRequest(arg: unknown, fixedKind?: string): Result<{ value: NewDraftRequest }> {
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
      // Assigned as it stands it would set the prototype, and the field would vanish.
      if (name === '__proto__') {
        return { ok: false, message: '"__proto__" cannot be a front-matter field name: site generators and JavaScript tools read it as something else. Rename the field.' };
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
export function placeDraft(input: PlacementInput): Result<{ value: Placement }> {
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
        : (siteChoice(input.patternFor?.(folder.value)) ?? {
            value: profile.fileNamePatterns[kind] ?? profile.defaultFileNamePattern ?? DEFAULT_FILE_NAME_PATTERN,
            source: `the ${profile.label} defaults`,
          });
  return { ok: true, value: { folder: folder.value, folderSource: folderChoice.source, pattern: patternChoice.value, patternSource: patternChoice.source } };
}

function siteChoice(site: { pattern: string; source: string } | undefined): { value: string; source: string } | undefined {
  return site ? { value: site.pattern, source: site.source } : undefined;
}

/**
 * A workspace-relative folder, normalised to forward slashes without `./` or trailing slashes.
 * Refuses absolute paths, anything that climbs out with `..`, a leading `~`, and segments that
 * could not be created on every platform (see `checkRelativeFolder`).
 */
export function relativeFolder(folder: string): Result<{ value: string }> {
  return checkRelativeFolder(folder);
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

export interface UntrustedTemplateQuestion {
  message: string;
  detail: string;
  /** The button that uses the workspace template. */
  use: string;
  /** The button that uses the built-in template of the same kind, when there is one. */
  builtin?: string;
}

/**
 * What to ask before a workspace template is used in a workspace that is not trusted
 * (Restricted Mode): the template's text becomes the new draft, and the person should know
 * which file of the workspace it comes from before it does.
 */
export function untrustedTemplateQuestion(template: Pick<Template, 'name' | 'source'>, folderName: string, builtinAvailable: boolean): UntrustedTemplateQuestion {
  const question: UntrustedTemplateQuestion = {
    message: `Use the template "${template.name}" from this workspace?`,
    detail:
      `It comes from ${folderName}/${template.source}, a file in this workspace, and the workspace is not trusted (Restricted Mode). ` +
      'The template’s text becomes the new draft. Use it only if you know where that file comes from.',
    use: 'Use Workspace Template',
  };
  if (builtinAvailable) question.builtin = 'Use Built-in Template';
  return question;
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
  return [
    '---',
    `kind: ${yamlScalar(kind)}`,
    "title: '{{title}}'",
    ...(status ? [`status: ${yamlScalar(status)}`] : []),
    'tags: []',
    '---',
    '',
    '# {{title}}',
    '',
    '{{cursor}}',
    '',
  ].join('\n');
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
): Result<{ text: string; snippet: string; tabStopsKept: 'all' | 'body' | 'none' }> {
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

// ---------------------------------------------------------------------------------------------

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
export function withTomlFrontMatter(draft: { text: string; snippet: string }, strict?: StrictKeys): Result<{ value: { text: string; snippet: string } }> {
  const converted = yamlFrontMatterToToml(draft.text, strict);
  if (!converted.ok) return { ok: false, message: converted.message };
  if (converted.text === draft.text) return { ok: true, value: draft };
  const snippetBlock = locateFrontMatter(draft.snippet);
  const snippetBody = snippetBlock.type === 'closed' ? draft.snippet.slice(snippetBlock.block.end) : undefined;
  const snippet = escapeSnippetText(converted.text.slice(0, converted.frontMatterEnd)) + (snippetBody ?? escapeSnippetText(converted.text.slice(converted.frontMatterEnd)));
  return { ok: true, value: { text: converted.text, snippet: snippetToPlainText(snippet) === converted.text ? snippet : escapeSnippetText(converted.text) } };
}
