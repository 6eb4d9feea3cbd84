// The per-file side of the generator table: given a file in a site's post folder, whether it
// is a post at all, whether the site publishes it, and the date its path gives it.

import { isValidCalendarDate } from '../dates';
import { SITE_POST_KIND } from '../kinds/registry';
import { generatorRules, type GeneratorId, type GeneratorRules } from './generators';

/** A detected (or configured) site, as the core reads files with it. Plain data: it is part of the cache key. */
export interface SiteRule {
  /** The workspace folder's URI; the rule applies only to files under it. Undefined applies everywhere. */
  scope?: string;
  /** Workspace-relative root, `''` for the folder itself. */
  root: string;
  generator: GeneratorId;
  /** Workspace-relative post folders. */
  postFolders: string[];
  /** Workspace-relative folders of posts the generator does not publish. */
  draftsFolders: string[];
}

export interface PostPlace {
  site: SiteRule;
  rules: GeneratorRules;
  /** The post or drafts folder, workspace-relative. */
  folder: string;
  /** The path below that folder, e.g. `my-post/index.md`. */
  pathInFolder: string;
  inDraftsFolder: boolean;
}

/** Which site's post (or drafts) folder a file is in; the deepest folder wins. */
export function postPlaceOf(sites: readonly SiteRule[] | undefined, uri: string, relativePath: string): PostPlace | undefined {
  let best: PostPlace | undefined;
  for (const site of sites ?? []) {
    if (site.scope !== undefined && !uri.startsWith(site.scope.endsWith('/') ? site.scope : `${site.scope}/`)) continue;
    for (const [folders, inDraftsFolder] of [
      [site.postFolders, false],
      [site.draftsFolders, true],
    ] as const) {
      for (const folder of folders) {
        if (folder !== '' && !relativePath.startsWith(`${folder}/`)) continue;
        if (best && best.folder.length >= folder.length) continue;
        const pathInFolder = folder === '' ? relativePath : relativePath.slice(folder.length + 1);
        best = { site, rules: generatorRules(site.generator), folder, pathInFolder, inDraftsFolder };
      }
    }
  }
  return best;
}

/** The site whose root holds a file, the deepest first, whether or not the file is in a post folder. */
export function siteRuleAt(sites: readonly SiteRule[] | undefined, uri: string, relativePath: string): SiteRule | undefined {
  let best: SiteRule | undefined;
  for (const site of sites ?? []) {
    if (site.scope !== undefined && !uri.startsWith(site.scope.endsWith('/') ? site.scope : `${site.scope}/`)) continue;
    const inside = site.root === '' || relativePath.startsWith(`${site.root}/`);
    if (inside && (!best || site.root.length > best.root.length)) best = site;
  }
  return best;
}

/**
 * Front matter as DevRel Desk reads it on a generator that keeps custom fields in a table
 * (Zola's `[extra]`, and tags in `[taxonomies]`): those fields are lifted to the top level.
 */
export function liftCustomFields(site: SiteRule | undefined, data: Record<string, unknown>): Record<string, unknown> {
  const strict = site ? generatorRules(site.generator).strictFrontMatter : undefined;
  if (!strict) return data;
  const table = (name: string | undefined): Record<string, unknown> => {
    const value = name === undefined ? undefined : data[name];
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : {};
  };
  const taxonomies = table(strict.taxonomiesTable);
  return { ...table(strict.extraTable), ...(taxonomies.tags !== undefined ? { tags: taxonomies.tags } : {}), ...data };
}

/**
 * Why a file in a post folder is not a post (`_index.md`, an undated Jekyll file, a Hugo page
 * bundle's resource…), or undefined. `bundleFolder` is the folder of the nearest `index.md` above
 * the file (see `enclosingBundle`), when the caller knows it.
 */
export function notAPostReason(place: PostPlace, bundleFolder?: string): string | undefined {
  const fileName = place.pathInFolder.slice(place.pathInFolder.lastIndexOf('/') + 1);
  const own = place.rules.notAPost(fileName, place.inDraftsFolder);
  if (own || !place.rules.leafBundleResources || bundleFolder === undefined) return own;
  // Only a bundle inside the post folder counts: the folder itself is a section, never a page.
  if (place.folder !== '' && !bundleFolder.startsWith(`${place.folder}/`)) return undefined;
  if (bundleFolder === place.folder) return undefined;
  const bundle = place.folder === '' ? bundleFolder : bundleFolder.slice(place.folder.length + 1);
  return `a resource of the page bundle ${bundle}/, whose page is its index.md`;
}

const BUNDLE_INDEX = /^index\.(md|markdown|mdx)$/i;

/** Whether a file name is a page bundle's page: `index.md` (not a section's `_index.md`). */
export function isBundleIndex(fileName: string): boolean {
  return BUNDLE_INDEX.test(fileName);
}

/**
 * The workspace-relative folder of the nearest `index.md` above a file, the file's own folder
 * first (when the file is not that `index.md` itself), or undefined. `hasIndex` answers for a
 * folder by its URI; callers answer from names they already have (the scan's file list, the index),
 * so nothing is read for it.
 */
export function enclosingBundle(uri: string, relativePath: string, hasIndex: (folderUri: string) => boolean): string | undefined {
  const parts = relativePath.split('/');
  // Walked on the URI itself, whose segments may be percent-encoded where the relative path's are not.
  const up = (folderUri: string): string => folderUri.slice(0, folderUri.lastIndexOf('/'));
  let folderUri = up(uri);
  let depth = parts.length - 1;
  // The file's own folder counts unless the file is its index.md; a nested index.md still belongs to a bundle above.
  if (isBundleIndex(parts[depth] ?? '')) {
    folderUri = up(folderUri);
    depth--;
  }
  for (; depth >= 1; depth--, folderUri = up(folderUri)) {
    if (hasIndex(folderUri)) return parts.slice(0, depth).join('/');
  }
  return undefined;
}

/**
 * For a scan: the enclosing bundle of each file, answered from the scan's own list of files, or
 * undefined when no site reads page bundles, so a scan of other sites pays nothing for it.
 */
export function bundleFinder(sites: readonly SiteRule[] | undefined, files: readonly { uri: string }[]): ((uri: string, relativePath: string) => string | undefined) | undefined {
  if (!sites?.some((site) => generatorRules(site.generator).leafBundleResources)) return undefined;
  const folders = bundleFolderUris(files.map((file) => file.uri));
  if (folders.size === 0) return () => undefined;
  return (uri, relativePath) => enclosingBundle(uri, relativePath, (folder) => folders.has(folder));
}

/**
 * Whether a stored result was read under another bundle layout than the one `bundleFolder` says
 * (an `index.md` added or removed beside an unchanged file): a post that is now a resource, or
 * the other way round. Only files in the post folders of sites with leaf bundles can differ.
 */
export function bundleLayoutChanged(
  sites: readonly SiteRule[] | undefined,
  file: { uri: string; relativePath: string },
  bundleFolder: string | undefined,
  stored: { postByFolder: boolean; notADraft: boolean },
): boolean {
  const place = postPlaceOf(sites, file.uri, file.relativePath);
  if (!place?.rules.leafBundleResources) return false;
  const resource = notAPostReason(place, bundleFolder) !== undefined;
  // A kind in front matter keeps a file a draft wherever it is, so only the folder's posts can change.
  return resource ? stored.postByFolder : stored.notADraft;
}

/** The folder URIs that hold an `index.md`, from a list of files the caller already has. */
export function bundleFolderUris(uris: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const uri of uris) {
    const slash = uri.lastIndexOf('/');
    if (isBundleIndex(uri.slice(slash + 1))) folders.add(uri.slice(0, slash));
  }
  return folders;
}

export interface SiteStatus {
  published: boolean;
  /** Why, for a person: "in _drafts", "unlisted: true…". */
  reason: string;
}

/**
 * Whether the site publishes the post, from its own field (`draft` or `published`), the other
 * fields that hide a post, and the drafts folder. Undefined when nothing says either way.
 */
export function siteStatus(place: PostPlace, data: Record<string, unknown>): SiteStatus | undefined {
  if (place.inDraftsFolder) return { published: false, reason: `in ${place.folder.slice(place.folder.lastIndexOf('/') + 1)}` };
  for (const hidden of place.rules.hiddenWhen) {
    if (sameFlag(data[hidden.field], hidden.value)) return { published: false, reason: hidden.note };
  }
  const own = asBoolean(data[place.rules.publishedField]);
  if (own !== undefined) return { published: place.rules.publishedField === 'draft' ? !own : own, reason: `${place.rules.publishedField}: ${own}` };
  return undefined;
}

/**
 * The date a post's path gives it, for generators that read one: Jekyll from the file name
 * (`2016-03-10-title.md`), Docusaurus, Zola and Eleventy also from a folder name
 * (`2021-05-28-title/index.md`) or from `2021/05/28/` folders.
 */
export function dateFromPath(place: PostPlace): string | undefined {
  const mode = place.rules.pathDates;
  if (mode === 'none') return undefined;
  const parts = place.pathInFolder.split('/');
  const fileName = parts[parts.length - 1] ?? '';
  const fromName = datePrefix(fileName);
  if (fromName || mode === 'file-name') return fromName;
  for (let i = parts.length - 2; i >= 0; i--) {
    const fromFolder = datePrefix(parts[i] ?? '');
    if (fromFolder) return fromFolder;
  }
  // `2021/05/28/title.md`
  for (let i = 0; i + 2 < parts.length; i++) {
    const [y, m, d] = [parts[i], parts[i + 1], parts[i + 2]];
    if (/^\d{4}$/.test(y ?? '') && /^\d{2}$/.test(m ?? '') && /^\d{2}$/.test(d ?? '') && isValidCalendarDate(Number(y), Number(m), Number(d))) return `${y}-${m}-${d}`;
  }
  return undefined;
}

/** `YYYY-MM-DD` at the start of a name, followed by `-`, `_`, `.` or nothing, when it is a real day. */
export function datePrefix(name: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?=$|[-_.])/.exec(name);
  if (!match) return undefined;
  return isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** A front-matter value at a dotted path, e.g. MkDocs's `date.created`. */
export function valueAt(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || value instanceof Date || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A page bundle's folder name, for a title when `index.md` has none. */
export function bundleName(relativePath: string): string | undefined {
  const parts = relativePath.split('/');
  const fileName = parts[parts.length - 1] ?? '';
  return /^index\.(md|markdown|mdx)$/i.test(fileName) && parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

function sameFlag(value: unknown, expected: unknown): boolean {
  if (typeof expected === 'boolean') return asBoolean(value) === expected;
  return value === expected;
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/**
 * The rules and folder mappings a workspace folder's detected sites add to the core's config:
 * each post and drafts folder is a blog folder, in that workspace folder only.
 */
export function siteConfigOf(
  scope: string,
  sites: readonly { root: string; generator: GeneratorId; postFolders: string[]; draftsFolders: string[] }[],
): { rules: SiteRule[]; folderKinds: { folder: string; kind: string; scope: string }[] } {
  const rules = sites.map((site) => ({ scope, root: site.root, generator: site.generator, postFolders: [...site.postFolders], draftsFolders: [...site.draftsFolders] }));
  const folderKinds = sites.flatMap((site) => [...site.postFolders, ...site.draftsFolders].map((folder) => ({ folder, kind: SITE_POST_KIND, scope })));
  return { rules, folderKinds };
}
