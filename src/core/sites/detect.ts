// Finding the sites in a workspace folder from folder listings and a few small config files.
// Nothing here reads a post: detection must stay cheap even in a large monorepo.

import { gitignoreMatcher, type IgnoredPath } from '../gitignore';
import { GENERATORS, generatorRules, type GeneratorId, type GeneratorRules } from './generators';

export interface DetectionHost {
  /** The names in a folder relative to the workspace folder (`''` is the folder itself), or undefined when it can't be listed. */
  list(relativeDir: string): Promise<{ files: string[]; folders: string[] } | undefined>;
  /** At most `maxBytes` of a file as text, or undefined when it can't be read. */
  read(relativePath: string, maxBytes: number): Promise<string | undefined>;
}

export interface DetectOptions {
  /** How many folder levels below the workspace folder a site root may be. */
  maxDepth?: number;
  /** Workspace-relative paths never looked into (`devrel.exclude`, `files.exclude`); the root `.gitignore` is read as well. */
  isExcluded?(relativePath: string): boolean;
  /** Stop listing after this many folders, so a huge tree can't stall activation. */
  maxFolders?: number;
  /** The generator of the site at the workspace folder's root, when the person set one; detection still finds the others. */
  rootGenerator?: GeneratorId;
}

export interface DetectedSite {
  /** Workspace-relative root, `''` for the workspace folder itself. */
  root: string;
  generator: GeneratorId;
  /** The config file that named the generator, workspace-relative. */
  configFile: string;
  /** Post folders that exist, workspace-relative. */
  postFolders: string[];
  /** Existing folders of posts the generator does not publish (`_drafts`), workspace-relative. */
  draftsFolders: string[];
  /** Where new posts go, workspace-relative; undefined for a site without posts (MkDocs without its blog). */
  newPostFolder?: string;
  /** Other generators whose config is at the same root and lost to this one. */
  alsoMatched: GeneratorId[];
  note?: string;
}

export interface SiteDetection {
  sites: DetectedSite[];
  /** Folders listed, for the log. */
  foldersListed: number;
  /** True when `maxFolders` stopped the search early. */
  truncated: boolean;
}

const DEFAULT_MAX_DEPTH = 3;
const DEFAULT_MAX_FOLDERS = 2000;
/** Config files worth reading are small; anything larger is not read past this. */
const CONFIG_READ_BYTES = 64 * 1024;
/** Folders that hold other people's projects or build output, never a site of the workspace's own. */
const NEVER_ENTER = new Set(['node_modules', 'bower_components', 'vendor', 'themes', 'exampleSite', '__pycache__', 'target', 'venv']);

/**
 * Looks for site generators' config files in the workspace folder and in folders up to
 * `maxDepth` levels below it. Each folder is listed once; a config file is read only when its
 * name is shared with other tools. A folder can hold several sites.
 */
export async function detectSites(host: DetectionHost, options: DetectOptions = {}): Promise<SiteDetection> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxFolders = options.maxFolders ?? DEFAULT_MAX_FOLDERS;
  const listings = new Map<string, { files: string[]; folders: string[] } | undefined>();
  const list = async (dir: string): Promise<{ files: string[]; folders: string[] } | undefined> => {
    if (!listings.has(dir)) listings.set(dir, await host.list(dir));
    return listings.get(dir);
  };
  const sites: DetectedSite[] = [];
  let listed = 0;
  let truncated = false;
  let level: string[] = [''];
  let ignored: IgnoredPath | undefined;
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (listed >= maxFolders) {
        truncated = true;
        break;
      }
      listed++;
      const entries = await list(dir);
      if (!entries) continue;
      // The root's .gitignore: one small read, and only when the listing shows one.
      if (dir === '' && entries.files.includes('.gitignore')) {
        const text = await host.read('.gitignore', CONFIG_READ_BYTES);
        ignored = text === undefined ? undefined : gitignoreMatcher(text);
      }
      const site = await siteAt(dir, entries, host, list, dir === '' ? options.rootGenerator : undefined);
      if (site) sites.push(site);
      if (depth === maxDepth) continue;
      for (const name of entries.folders) {
        const child = join(dir, name);
        if (name.startsWith('.') || NEVER_ENTER.has(name) || options.isExcluded?.(child) || options.isExcluded?.(`${child}/`) || ignored?.(child, true)) continue;
        next.push(child);
      }
    }
    level = next.sort();
  }
  return { sites: sites.sort((a, b) => a.root.localeCompare(b.root)), foldersListed: listed, truncated };
}

async function siteAt(
  dir: string,
  entries: { files: string[]; folders: string[] },
  host: DetectionHost,
  list: (dir: string) => Promise<{ files: string[]; folders: string[] } | undefined>,
  forced?: GeneratorId,
): Promise<DetectedSite | undefined> {
  const files = new Set(entries.files);
  const names = new Set([...entries.files, ...entries.folders]);
  const matches: { rules: GeneratorRules; configFile: string; postFolders?: string[]; note?: string }[] = [];
  const texts = new Map<string, string | undefined>();
  const read = async (name: string): Promise<string | undefined> => {
    if (!texts.has(name)) texts.set(name, await host.read(join(dir, name), CONFIG_READ_BYTES));
    return texts.get(name);
  };
  for (const rules of GENERATORS) {
    const configs = rules.configFiles.filter((name) => files.has(name));
    const others = (rules.alsoRead ?? []).filter((name) => files.has(name));
    if (configs.length === 0 && others.length === 0) continue;
    if (!rules.confirm) {
      if (configs.length > 0) matches.push({ rules, configFile: configs[0] });
      continue;
    }
    // A shared name is confirmed by the config itself, or by a file such as package.json.
    for (const name of [...configs, ...others]) {
      const text = await read(name);
      const facts = text === undefined ? undefined : rules.confirm(name, text, names);
      if (facts) {
        matches.push({ rules, configFile: name, postFolders: facts.postFolders, note: facts.note });
        break;
      }
    }
  }
  if (forced) {
    const rules = generatorRules(forced);
    const own = matches.find((m) => m.rules.id === forced);
    matches.splice(0, matches.length, own ?? { rules, configFile: rules.configFiles.find((name) => files.has(name)) ?? '' });
  }
  if (matches.length === 0) return undefined;
  matches.sort((a, b) => b.rules.specificity - a.rules.specificity);
  const [best, ...others] = matches;
  const rules = best.rules;
  const relativePostFolders = best.postFolders ?? [...rules.postFolders];
  const postFolders: string[] = [];
  for (const folder of relativePostFolders) if (await folderExists(join(dir, folder), list)) postFolders.push(join(dir, folder));
  const draftsFolders: string[] = [];
  for (const folder of rules.draftsFolders) if (await folderExists(join(dir, folder), list)) draftsFolders.push(join(dir, folder));
  const newPostFolder = postFolders[0] ?? (relativePostFolders[0] !== undefined ? join(dir, relativePostFolders[0]) : undefined);
  return {
    root: dir,
    generator: rules.id,
    configFile: best.configFile === '' ? '' : join(dir, best.configFile),
    postFolders,
    draftsFolders,
    newPostFolder,
    alsoMatched: others.map((m) => m.rules.id).filter((id) => id !== rules.id),
    note: best.note,
  };
}

async function folderExists(path: string, list: (dir: string) => Promise<{ files: string[]; folders: string[] } | undefined>): Promise<boolean> {
  const slash = path.lastIndexOf('/');
  const parent = slash < 0 ? '' : path.slice(0, slash);
  const name = slash < 0 ? path : path.slice(slash + 1);
  if (parent !== '' && !(await folderExists(parent, list))) return false;
  return (await list(parent))?.folders.includes(name) ?? false;
}

/** Joins workspace-relative path parts with `/`, dropping empty parts. */
export function join(...parts: string[]): string {
  return parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** The site a workspace-relative path belongs to: the one with the deepest root that contains it. */
export function siteContaining<T extends { root: string }>(sites: readonly T[], relativePath: string): T | undefined {
  let best: T | undefined;
  for (const site of sites) {
    const inside = site.root === '' || relativePath === site.root || relativePath.startsWith(`${site.root}/`);
    if (inside && (!best || site.root.length > best.root.length)) best = site;
  }
  return best;
}
