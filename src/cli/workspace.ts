// Reads a workspace folder the way the editor does, with Node and no editor: its
// `.vscode/settings.json` (JSON with comments), its `.devrel/templates`, its sites, and every
// Markdown draft through the same core, so the command line and the editor agree.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { checkSettings, normaliseFolder, toCoreConfig, type DevRelSettings } from '../core/config';
import { isMarkdownPath } from '../core/draft';
import { DraftStore } from '../core/draftStore';
import { compileGlobs } from '../core/glob';
import { kindOverridesFromTemplates } from '../core/kinds/resolve';
import { BUILT_IN_KINDS } from '../core/kinds/registry';
import { scanFiles, type ScanFile } from '../core/scanner';
import { detectSites } from '../core/sites/detect';
import { siteConfigOf } from '../core/sites/postRules';
import { parseTemplate, type Template } from '../core/templates/parseTemplate';
import type { CoreConfig, Draft, FolderKindMapping } from '../core/types';
import { nodeDetectionHost, readFrontSync } from '../util/readHead';

/** A problem with the input that stops the command: it is printed as one line, without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface LoadedWorkspace {
  root: string;
  settings: DevRelSettings;
  config: CoreConfig;
  drafts: Draft[];
  /** Things worth saying that don't stop the command: a trailing comma, a template that didn't parse. */
  notes: string[];
}

const SETTINGS_FILE = '.vscode/settings.json';
const TEMPLATES_FOLDER = '.devrel/templates';
/** Past this many files, progress goes to stderr. */
const PROGRESS_THRESHOLD = 500;

export async function loadWorkspace(root: string, progress: (message: string) => void): Promise<LoadedWorkspace> {
  const absolute = path.resolve(root);
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) throw new CliError(`${root} is not a folder.`);
  const notes: string[] = [];
  const raw = readSettingsFile(absolute, notes);
  const settings = checkSettings((key) => settingValue(raw, `devrel.${key}`), settingValue(raw, 'files.exclude') ?? {});
  const isExcluded = compileGlobs([...settings.exclude, ...settings.filesExclude]);
  const scope = folderUri(absolute);

  const sites =
    settings.siteGenerator === 'none'
      ? []
      : (await detectSites(nodeDetectionHost(absolute), { isExcluded, rootGenerator: settings.siteGenerator === 'auto' ? undefined : settings.siteGenerator })).sites;
  const site = siteConfigOf(scope, sites);
  const explicit: FolderKindMapping[] = Object.entries(settings.folderKinds).map(([folder, kind]) => ({ folder: normaliseFolder(folder), kind, scope }));
  const folderKinds = [...site.folderKinds.filter((d) => !explicit.some((e) => e.folder === d.folder)), ...explicit];
  const templateKinds = kindOverridesFromTemplates(readTemplates(absolute, notes), Object.keys(BUILT_IN_KINDS));
  const { config, problems } = toCoreConfig({ ...settings, folderKinds: {} }, folderKinds, templateKinds, site.rules);
  for (const problem of problems) notes.push(`${SETTINGS_FILE}: ${problem.message}`);

  const files = listMarkdownFiles(absolute, scope, isExcluded);
  const index = new DraftStore();
  const large = files.length > PROGRESS_THRESHOLD;
  if (large) progress(`Reading ${files.length.toLocaleString('en-US')} Markdown files…`);
  let lastReport = Date.now();
  const report = await scanFiles(
    index,
    files,
    {
      readFile: (uri, localPath) => fs.readFileSync(localPath ?? fileOf(absolute, scope, uri)),
      readFront: (uri, firstBytes, decide, localPath) => readFrontSync(localPath ?? fileOf(absolute, scope, uri), firstBytes, decide),
    },
    {
      config,
      yieldBetweenBatches: false,
      onProgress: (done, total) => {
        if (!large || Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        progress(`${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files`);
      },
    },
  );
  for (const failure of report.failed) notes.push(`Could not read ${failure.uri}: ${failure.message}`);
  const drafts = index.drafts().sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  return { root: absolute, settings, config, drafts, notes };
}

/** The folder's URI as the editor writes it: the prefix every draft's URI starts with. */
function folderUri(absolute: string): string {
  return pathToFileURL(absolute).href.replace(/\/$/, '');
}

function fileOf(root: string, scope: string, uri: string): string {
  return path.join(
    root,
    ...uri
      .slice(scope.length + 1)
      .split('/')
      .map(decodeURIComponent),
  );
}

/**
 * The settings file as data. Comments are fine, as in the editor; a trailing comma is accepted,
 * as the editor does, with a note; anything else stops the command with the line to fix.
 */
function readSettingsFile(root: string, notes: string[]): Record<string, unknown> {
  const file = path.join(root, SETTINGS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CliError(`${SETTINGS_FILE}: could not be read (${(error as Error).message}).`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: true });
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  const trailing = errors.filter((e) => printParseErrorCode(e.error) === 'PropertyNameExpected' || printParseErrorCode(e.error) === 'ValueExpected');
  const strictErrors = errors.filter((e) => !trailing.includes(e));
  if (strictErrors.length > 0 || trailing.some((e) => !isTrailingComma(text, e.offset))) {
    const first = [...errors].filter((e) => !trailing.includes(e) || !isTrailingComma(text, e.offset)).sort((a, b) => a.offset - b.offset)[0];
    throw new CliError(`${SETTINGS_FILE}:${lineOf(first.offset)}: ${describe(printParseErrorCode(first.error))}; fix the file and run again.`);
  }
  for (const e of trailing) notes.push(`${SETTINGS_FILE}:${lineOf(e.offset)}: trailing comma; the editor accepts it, stricter JSON tools don't.`);
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${SETTINGS_FILE}:1: it must hold a JSON object of settings.`);
  return value as Record<string, unknown>;
}

/** Whether the error at `offset` is a `}` or `]` right after a comma, comments and space aside. */
function isTrailingComma(text: string, offset: number): boolean {
  if (text[offset] !== '}' && text[offset] !== ']') return false;
  const before = text
    .slice(0, offset)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*$/gm, '')
    .trimEnd();
  return before.endsWith(',');
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `devrel.kinds` written flat, as the editor writes it, or nested as `"devrel": { "kinds": … }`. */
function settingValue(settings: Record<string, unknown>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(settings, key)) return settings[key];
  let value: unknown = settings;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function readTemplates(root: string, notes: string[]): Template[] {
  const dir = path.join(root, TEMPLATES_FOLDER);
  let names: string[];
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.md$/i.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
  } catch {
    return [];
  }
  const templates: Template[] = [];
  for (const name of names) {
    const source = `${TEMPLATES_FOLDER}/${name}`;
    const parsed = parseTemplate(fs.readFileSync(path.join(dir, name), 'utf8'), source);
    if (parsed.problems.length > 0) notes.push(`${source}: ${parsed.problems.join(' ')}`);
    if (parsed.template) templates.push(parsed.template);
  }
  return templates;
}

/** Every Markdown file no exclude covers; excluded folders are never entered and links are not followed. */
function listMarkdownFiles(root: string, scope: string, isExcluded: (relativePath: string) => boolean): ScanFile[] {
  const files: ScanFile[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relativeDir = pending.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(relativeDir ? path.join(root, relativeDir) : root, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (isExcluded(relativePath)) continue;
      if (entry.isDirectory()) pending.push(relativePath);
      else if (entry.isFile() && isMarkdownPath(relativePath)) {
        const localPath = path.join(root, relativePath);
        const stat = fs.statSync(localPath);
        files.push({ uri: `${scope}/${relativePath.split('/').map(encodeURIComponent).join('/')}`, relativePath, size: stat.size, mtimeMs: stat.mtimeMs, localPath });
      }
    }
  }
  return files;
}
