// What Set Up Workspace shows for one workspace folder: the sites, the folders mapped to each
// kind with counts, folders that look like posts or talks but are not mapped, and settings
// that are wrong or conflict, each with what to do. Nothing here guesses silently.

import type { DetectedSite, SiteDetection } from './detect';
import { generatorRules, type GeneratorId } from './generators';
import { datePrefix } from './postRules';
import { siteProfile } from './profile';

import { UNTRACKED_KIND as UNTRACKED } from '../draft';
import { kindNamedByFolder, SITE_POST_KIND } from '../kinds/registry';

export interface SetupInput {
  detection: SiteDetection;
  /** `devrel.folderKinds` of the workspace folder, normalised. */
  folderKinds: Readonly<Record<string, string>>;
  /** `devrel.folders` of the workspace folder. */
  folders: Readonly<Record<string, string>>;
  /** Kind id → label. */
  kinds: Readonly<Record<string, string>>;
  /** Every Markdown file the scan saw in the workspace folder, workspace-relative. */
  files: readonly string[];
  /** Every draft in the workspace folder. */
  drafts: readonly { relativePath: string; kind: string }[];
  /** Folders the settings name that do not exist. */
  missingFolders: ReadonlySet<string>;
}

export interface SetupSite {
  root: string;
  generator: GeneratorId;
  label: string;
  configFile: string;
  postFolders: string[];
  draftsFolders: string[];
  newPostFolder?: string;
  note?: string;
}

export interface SetupMapping {
  folder: string;
  kind: string;
  /** `site`: found by detection; `setting`: in devrel.folderKinds; `both`: detected and confirmed. */
  source: 'site' | 'setting' | 'both';
  /** Root of the site whose folder it is, if any. */
  site?: string;
  files: number;
  drafts: number;
}

export interface SetupCandidate {
  folder: string;
  kind: string;
  reason: string;
  files: number;
}

export interface SetupProblem {
  message: string;
  /** What to do about it, for a person. */
  fix: string;
  /** A `devrel.folderKinds` entry whose removal fixes it. */
  removeFolderKind?: string;
  /** A `devrel.folders` entry whose removal fixes it. */
  removeFolder?: string;
}

export interface SetupReport {
  sites: SetupSite[];
  mappings: SetupMapping[];
  candidates: SetupCandidate[];
  problems: SetupProblem[];
}

/** A folder of dated files is a blog when at least this many are dated. */
const DATED_FILES_FOR_BLOG = 2;

export function buildSetupReport(input: SetupInput): SetupReport {
  const sites = input.detection.sites.map(toSetupSite);
  const detected = new Map<string, DetectedSite>();
  for (const site of input.detection.sites) for (const folder of [...site.postFolders, ...site.draftsFolders]) if (!detected.has(folder)) detected.set(folder, site);

  const mappings: SetupMapping[] = [];
  const count = (folder: string, kind: string): { files: number; drafts: number } => ({
    files: input.files.filter((path) => inside(path, folder)).length,
    drafts: input.drafts.filter((d) => d.kind === kind && inside(d.relativePath, folder)).length,
  });
  for (const [folder, site] of detected) {
    const setting = input.folderKinds[folder];
    if (setting !== undefined && setting !== SITE_POST_KIND) continue;
    mappings.push({ folder, kind: SITE_POST_KIND, source: setting === SITE_POST_KIND ? 'both' : 'site', site: site.root, ...count(folder, SITE_POST_KIND) });
  }
  for (const [folder, kind] of Object.entries(input.folderKinds)) {
    if (kind === SITE_POST_KIND && detected.has(folder)) continue;
    if (kind === UNTRACKED || !input.kinds[kind] || input.missingFolders.has(folder)) continue;
    mappings.push({ folder, kind, source: 'setting', site: detected.get(folder)?.root, ...count(folder, kind) });
  }
  mappings.sort((a, b) => a.folder.localeCompare(b.folder));

  const tracked = [...mappings.map((m) => m.folder), ...Object.keys(input.folderKinds)];
  const candidates = findCandidates(input.files, tracked, input.kinds);
  return { sites, mappings, candidates, problems: findProblems(input, sites) };
}

function toSetupSite(site: DetectedSite): SetupSite {
  return {
    root: site.root,
    generator: site.generator,
    label: siteProfile(site).label,
    configFile: site.configFile,
    postFolders: site.postFolders,
    draftsFolders: site.draftsFolders,
    newPostFolder: site.newPostFolder,
    note: site.note,
  };
}

/**
 * Folders that look like they hold posts or talks but that nothing maps: a folder of
 * `YYYY-MM-DD-…` files no generator claims, or a folder named for a kind.
 */
function findCandidates(files: readonly string[], tracked: readonly string[], kinds: Readonly<Record<string, string>>): SetupCandidate[] {
  const byFolder = new Map<string, string[]>();
  for (const path of files) {
    if (tracked.some((folder) => inside(path, folder))) continue;
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    if (folder === '') continue;
    const names = byFolder.get(folder) ?? [];
    names.push(path.slice(slash + 1));
    byFolder.set(folder, names);
  }
  const candidates: SetupCandidate[] = [];
  for (const [folder, names] of byFolder) {
    const dated = names.filter((name) => datePrefix(name) !== undefined).length;
    const named = kindNamedByFolder(folder.slice(folder.lastIndexOf('/') + 1));
    if (dated >= DATED_FILES_FOR_BLOG && kinds[SITE_POST_KIND]) {
      candidates.push({ folder, kind: SITE_POST_KIND, reason: `${dated} files named YYYY-MM-DD-…`, files: names.length });
    } else if (named && kinds[named]) {
      candidates.push({ folder, kind: named, reason: `named ${folder.slice(folder.lastIndexOf('/') + 1)}`, files: names.length });
    }
  }
  return candidates.sort((a, b) => a.folder.localeCompare(b.folder));
}

function findProblems(input: SetupInput, sites: readonly SetupSite[]): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const known = Object.keys(input.kinds);
  for (const [folder, kind] of Object.entries(input.folderKinds)) {
    if (kind !== UNTRACKED && !input.kinds[kind]) {
      problems.push({
        message: `devrel.folderKinds maps ${folder || 'the workspace folder'} to "${kind}", which is not a kind.`,
        fix: `Use one of ${known.join(', ')}, or define "${kind}" in devrel.kinds. Check it here to remove the mapping.`,
        removeFolderKind: folder,
      });
    } else if (input.missingFolders.has(folder)) {
      problems.push({
        message: `devrel.folderKinds maps ${folder}, which does not exist.`,
        fix: 'Create the folder, or check it here to remove the mapping.',
        removeFolderKind: folder,
      });
    }
  }
  for (const kind of Object.keys(input.folders)) {
    if (!input.kinds[kind]) {
      problems.push({
        message: `devrel.folders says where "${kind}" drafts go, but "${kind}" is not a kind.`,
        fix: `Use one of ${known.join(', ')}, or check it here to remove the entry.`,
        removeFolder: kind,
      });
    }
  }
  // Two sites claiming one folder: the deeper one wins, and the person should know.
  for (const a of sites) {
    for (const b of sites) {
      if (a === b || b.root.length <= a.root.length) continue;
      for (const folder of a.postFolders) {
        if (b.root === folder || b.root.startsWith(`${folder}/`) || b.postFolders.some((f) => f === folder)) {
          problems.push({
            message: `${folder} is claimed by the ${a.label} and by the ${b.label}.`,
            fix: `DevRel Desk follows the ${b.label} inside it. To decide yourself, map ${folder} in devrel.folderKinds, or leave one site out with devrel.exclude.`,
          });
        }
      }
    }
  }
  for (const site of input.detection.sites) {
    const others = site.alsoMatched.filter((id) => !(site.generator === 'hexo' && id === 'jekyll'));
    if (others.length > 0) {
      problems.push({
        message: `${site.root || 'The workspace folder'} has config files for ${[site.generator, ...others].map((id) => generatorRules(id).label).join(' and ')}; DevRel Desk took it for ${generatorRules(site.generator).label}.`,
        fix: `If that is wrong, set devrel.siteGenerator for this folder${site.root ? ' (it applies to the site at the root)' : ''}.`,
      });
    }
    if (site.postFolders.length === 0 && site.newPostFolder !== undefined) {
      problems.push({
        message: `The ${siteProfile(site).label} has no post folder yet.`,
        fix: `New posts will go to ${site.newPostFolder}. If the posts live elsewhere, map that folder to blog.`,
      });
    }
  }
  if (input.detection.truncated) {
    problems.push({
      message: `DevRel Desk stopped looking for sites after ${input.detection.foldersListed} folders.`,
      fix: 'Add large folders (dependencies, build output) to devrel.exclude, then run Set Up Workspace again.',
    });
  }
  return problems;
}

/**
 * The `devrel.folderKinds` to write when the person confirms: every folder they kept checked,
 * with the kind they chose, and `none` for a detected folder they unchecked, which detection
 * would otherwise keep mapping.
 */
export function folderKindsToWrite(
  report: SetupReport,
  current: Readonly<Record<string, string>>,
  chosen: readonly { folder: string; kind: string }[],
  removals: readonly string[] = [],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [folder, kind] of Object.entries(current)) if (!removals.includes(folder)) result[folder] = kind;
  const chosenFolders = new Set(chosen.map((c) => c.folder));
  for (const mapping of report.mappings) {
    if (chosenFolders.has(mapping.folder)) continue;
    if (mapping.source === 'setting') delete result[mapping.folder];
    else result[mapping.folder] = UNTRACKED;
  }
  for (const { folder, kind } of chosen) result[folder] = kind;
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

/** The report as Markdown, for a person to read beside the editor. */
export function setupReportMarkdown(folderName: string, report: SetupReport, kinds: Readonly<Record<string, string>>): string {
  const lines: string[] = [`# DevRel Desk in ${folderName}`, ''];
  const label = (kind: string): string => kinds[kind] ?? kind;
  lines.push('## Sites', '');
  if (report.sites.length === 0) lines.push('No site generator found. Drafts are tracked by `kind:` in their front matter and by the folders mapped below.', '');
  else {
    lines.push('| site | generator | root | config | posts | new posts go to |', '|---|---|---|---|---|---|');
    for (const site of report.sites) {
      lines.push(
        `| ${site.label} | ${generatorRules(site.generator).label} | \`${site.root || '.'}\` | \`${site.configFile || '(setting)'}\` | ${site.postFolders.map((f) => `\`${f}\``).join(', ') || '—'} | ${site.newPostFolder ? `\`${site.newPostFolder}\`` : '—'} |`,
      );
    }
    for (const site of report.sites) if (site.note) lines.push('', `*${site.label}*: ${site.note}.`);
    lines.push('');
  }
  lines.push('## Folders tracked as a kind', '');
  if (report.mappings.length === 0) lines.push('None yet.', '');
  else {
    lines.push('| folder | kind | from | files | drafts |', '|---|---|---|---|---|');
    for (const m of report.mappings)
      lines.push(
        `| \`${m.folder}\` | ${label(m.kind)} | ${m.source === 'site' ? 'detected' : m.source === 'setting' ? 'settings' : 'detected, in settings'} | ${m.files} | ${m.drafts} |`,
      );
    lines.push('');
  }
  lines.push('## Folders that look like drafts but are not tracked', '');
  if (report.candidates.length === 0) lines.push('None.', '');
  else for (const c of report.candidates) lines.push(`- \`${c.folder}\`: ${label(c.kind)}? ${c.reason}, ${c.files} file${c.files === 1 ? '' : 's'}.`);
  lines.push('', '## Needs attention', '');
  if (report.problems.length === 0) lines.push('Nothing.', '');
  else for (const p of report.problems) lines.push(`- ${p.message} ${p.fix}`);
  lines.push('');
  return lines.join('\n');
}

function inside(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}
