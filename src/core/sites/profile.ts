// Where new drafts go and what their front matter says so the site does not publish them yet,
// for the site a draft belongs to, and what to write when a post is published or taken back.

import type { FolderKindMapping } from '../types';
import { DEFAULT_FILE_NAME_PATTERN } from '../fileName';
import { BUILT_IN_KIND_LIST, SITE_POST_KIND } from '../kinds/registry';
import { generatorLabel, generatorRules, type GeneratorId, type SiteGenerator } from './generators';

export interface SiteGeneratorProfile {
  generator: SiteGenerator;
  label: string;
  /** Workspace-relative folder, with forward slashes, where new drafts of each kind go. */
  folders: Record<string, string>;
  /** Used for kinds that `folders` does not name (custom kinds). */
  defaultFolder: string;
  /** File name pattern per kind; see `expandFileNamePattern`. */
  fileNamePatterns: Record<string, string>;
  defaultFileNamePattern: string;
}

/** A site as placement needs it: detected or configured. */
export interface SiteSummary {
  root: string;
  generator: GeneratorId;
  newPostFolder?: string;
  postFolders: string[];
}

/**
 * Where the kinds that are private working notes (speaker notes, leads) go: folders no generator
 * renders. Generators that render Markdown in any folder (Jekyll) get underscore folders instead.
 */
export const PRIVATE_FOLDERS: Readonly<Record<string, string>> = Object.fromEntries(
  BUILT_IN_KIND_LIST.flatMap((kind) => (kind.folder.type === 'private' ? [[kind.id, kind.folder.name]] : [])),
);
const DEFAULT_FOLDER = 'drafts';
const DEFAULT_POSTS_FOLDER = 'posts';

/**
 * Where drafts go and how they are named for the site at the workspace folder's root, or for no
 * site. Blog posts go where the generator publishes posts.
 */
export function siteProfile(site: SiteSummary | undefined, privateFolders: Readonly<Record<string, string>> = PRIVATE_FOLDERS): SiteGeneratorProfile {
  const rules = site ? generatorRules(site.generator) : undefined;
  // Only a site at the workspace root renders the root's folders.
  const underscore = rules?.rendersEveryFolder === true && site?.root === '';
  const privateFolder = (folder: string): string => (underscore ? `_${folder}` : folder);
  const folders: Record<string, string> = {};
  for (const [kind, folder] of Object.entries(privateFolders)) folders[kind] = privateFolder(folder);
  folders[SITE_POST_KIND] = site?.newPostFolder ?? DEFAULT_POSTS_FOLDER;
  const fileNamePatterns: Record<string, string> = {};
  for (const kind of Object.keys(folders)) fileNamePatterns[kind] = DEFAULT_FILE_NAME_PATTERN;
  if (rules) fileNamePatterns[SITE_POST_KIND] = rules.postFileName;
  return {
    generator: site?.generator ?? 'none',
    label: site ? `${rules?.label} site${site.root ? ` in ${site.root}/` : ''}` : generatorLabel('none'),
    folders,
    defaultFolder: underscore ? '_devrel' : DEFAULT_FOLDER,
    fileNamePatterns,
    defaultFileNamePattern: DEFAULT_FILE_NAME_PATTERN,
  };
}

export interface FolderCandidate {
  /** Workspace-relative. */
  folder: string;
  /** Why, for a person: "Jekyll site in docs/", "mapped in devrel.folderKinds". */
  source: string;
  /** The site whose folder it is, if any. */
  site?: SiteSummary;
}

/**
 * The folders a new draft of `kind` could go to: folders the settings map to the kind, and for
 * blog posts every site's post folder. Several candidates mean the person is asked, once.
 */
export function kindFolderCandidates(kind: string, sites: readonly SiteSummary[], settingsFolderKinds: readonly FolderKindMapping[]): FolderCandidate[] {
  const candidates: FolderCandidate[] = [];
  const add = (candidate: FolderCandidate): void => {
    if (!candidates.some((c) => c.folder === candidate.folder)) candidates.push(candidate);
  };
  for (const mapping of settingsFolderKinds) {
    if (mapping.kind !== kind) continue;
    const site = sites.find((s) => s.postFolders.includes(mapping.folder));
    add({ folder: mapping.folder, source: site ? siteProfile(site).label : 'mapped in devrel.folderKinds', site });
  }
  if (kind === SITE_POST_KIND) {
    for (const site of sites) {
      if (site.newPostFolder !== undefined) add({ folder: site.newPostFolder, source: siteProfile(site).label, site });
    }
  }
  return candidates;
}

/** The site whose post folders hold `folder`, for the published field and file name of a new post. */
export function siteOfFolder<T extends SiteSummary>(sites: readonly T[], folder: string): T | undefined {
  let best: T | undefined;
  for (const site of sites) {
    const inside = [...site.postFolders, ...(site.newPostFolder !== undefined ? [site.newPostFolder] : [])].some((f) => folder === f || folder.startsWith(`${f}/`));
    if (inside && (!best || site.root.length > best.root.length)) best = site;
  }
  return best;
}

/**
 * The extension most existing files in a folder use, so a new post in a folder of `.mdx` posts
 * is `.mdx` too. Undefined when the folder has none.
 */
export function dominantExtension(fileNames: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of fileNames) {
    const match = /\.(md|markdown|mdx)$/i.exec(name);
    if (match) counts.set(match[1].toLowerCase(), (counts.get(match[1].toLowerCase()) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best ? `.${best[0]}` : undefined;
}

/**
 * The front-matter format most existing posts in a folder use: `toml` only when more of them are
 * TOML than YAML, so a Hugo site written in `+++` gets new posts in `+++` too. Undefined otherwise.
 */
export function dominantFrontMatterFormat(formats: readonly ('yaml' | 'toml' | undefined)[]): 'toml' | undefined {
  let toml = 0;
  let yaml = 0;
  for (const format of formats) {
    if (format === 'toml') toml++;
    else if (format === 'yaml') yaml++;
  }
  return toml > yaml ? 'toml' : undefined;
}

/** A file name pattern with its Markdown extension swapped, e.g. `{slug}.md` → `{slug}.mdx`. */
export function withExtension(pattern: string, extension: string): string {
  return /\.(md|markdown|mdx)$/i.test(pattern) ? pattern.replace(/\.(md|markdown|mdx)$/i, extension) : `${pattern}${extension}`;
}

/** What to change in a post's front matter so that the site really (un)publishes it. */
export interface PublishedFieldChanges {
  /** Fields to set, overwriting what is there. */
  set: Record<string, string | boolean>;
  /** Fields to remove. */
  remove: string[];
  /** Fields to set only when none of `unlessPresent` has a value. */
  setIfMissing: { field: string; value: string; unlessPresent: string[] }[];
  /** One sentence for the person, e.g. in a confirmation or a log. */
  description: string;
}

/**
 * The front-matter changes that make a post really published or unpublished on `gen`: its own
 * field (`draft` or `published`), and when publishing, the other fields that would still hide it.
 * Publishing also dates a post that has no date yet, because generators sort and link posts by it.
 * `status` is not included: the kind's workflow decides which status that is.
 */
export function publishedFields(gen: SiteGenerator, status: 'published' | 'unpublished', today: string, current: Readonly<Record<string, unknown>> = {}): PublishedFieldChanges {
  const publishing = status === 'published';
  const dated = publishing
    ? [{ field: 'date', value: today, unlessPresent: ['date', 'publish_date', 'publishDate', 'pubDate', ...(gen === 'none' ? [] : generatorRules(gen).dateFields)] }]
    : [];
  if (gen === 'none') {
    return { set: {}, remove: [], setIfMissing: dated, description: 'No site generator: only the status and, when publishing, a missing date change.' };
  }
  const rules = generatorRules(gen);
  const set: Record<string, string | boolean> = { [rules.publishedField]: rules.publishedField === 'draft' ? !publishing : publishing };
  const remove: string[] = [];
  const also: string[] = [];
  if (publishing) {
    for (const hidden of rules.hiddenWhen) {
      if (!looselyEqual(current[hidden.field], hidden.value)) continue;
      // `permalink: false` has no "on" value to go back to: without the field, Eleventy's default permalink applies.
      if (hidden.value === false) {
        remove.push(hidden.field);
        also.push(`removes ${hidden.field}: false`);
      } else {
        set[hidden.field] = !hidden.value;
        also.push(`sets ${hidden.field}: ${String(!hidden.value)}`);
      }
    }
  }
  const field = `${rules.publishedField}: ${String(set[rules.publishedField])}`;
  const effect = publishing ? `so ${rules.label} ${gen === 'devto' ? 'shows' : 'builds'} the post` : `so ${rules.label} leaves the post out`;
  return { set, remove, setIfMissing: dated, description: `Sets ${field}${also.length ? ` and ${also.join(' and ')}` : ''} ${effect}.` };
}

/** The front-matter field and value a new post starts with so the site does not publish it yet. */
export function unpublishedField(gen: SiteGenerator): Record<string, boolean> {
  if (gen === 'none') return {};
  const rules = generatorRules(gen);
  return { [rules.publishedField]: rules.publishedField === 'draft' };
}

function looselyEqual(value: unknown, expected: unknown): boolean {
  if (typeof expected === 'boolean') return value === expected || value === String(expected);
  return value === expected;
}
