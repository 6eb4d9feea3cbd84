// The `devrel.*` settings as the core takes them: every value checked, with its default when it is
// missing or unusable, and the `CoreConfig` that reading drafts needs. The editor's adapter
// (services/settings.ts) only fetches the raw values.

import { DEFAULT_MAX_ACTIVE, DEFAULT_MAX_DEADLINES_PER_14_DAYS } from './focus';
import type { MetricOverride } from './impact';
import { DEFAULT_CONFIG, resolveKinds, type KindOverride, type KindProblem } from './kinds/resolve';
import type { CoreConfig, FolderKindMapping } from './types';
import { UNTRACKED_KIND } from './draft';
import { SITE_GENERATORS, type SiteGenerator } from './sites/generators';
import type { SiteRule } from './sites/postRules';

export type GroupBy = 'kind' | 'status' | 'site' | 'none';
export type SiteGeneratorSetting = 'auto' | SiteGenerator;

const SITE_GENERATOR_SETTINGS: readonly SiteGeneratorSetting[] = ['auto', ...SITE_GENERATORS];
const GROUP_BY: readonly GroupBy[] = ['kind', 'status', 'site', 'none'];

export const DEFAULT_EXCLUDES = [
  '**/node_modules/**',
  '**/.git/**',
  '**/public/**',
  '**/_site/**',
  '**/dist/**',
  '**/out/**',
  '**/build/**',
  '**/.astro/**',
  '**/resources/_gen/**',
  '**/.devrel/templates/**',
];

export interface DevRelSettings {
  kinds: Record<string, KindOverride>;
  /** Workspace-relative folder → kind, e.g. `content/posts` → `blog`. */
  folderKinds: Record<string, string>;
  /** Kind → workspace-relative folder new drafts go into. */
  folders: Record<string, string>;
  /** Kind → file name pattern, e.g. `{date}-{slug}.md`. */
  fileNamePatterns: Record<string, string>;
  wordsPerMinute: number;
  abstractMaxChars: number;
  exclude: string[];
  siteGenerator: SiteGeneratorSetting;
  author: string;
  groupBy: GroupBy;
  hideFinished: boolean;
  /** null (written as 0 or null) turns the limit off. */
  focusMaxActive: number | null;
  /** null (written as 0 or null) turns the warning off. */
  focusMaxDeadlines: number | null;
  impactMetrics: Record<string, MetricOverride>;
  /** The patterns of the editor's own `files.exclude` that are switched on. */
  filesExclude: string[];
  /** Character budgets of named abstract variants, e.g. `{ short: 300 }`. */
  abstractBudgets: Record<string, number>;
  /** Timing lenses above a talk's timed section headings. */
  talkTimingLens: boolean;
  /** Which prose and publishing checks run on open drafts. */
  proseChecks: ProseCheckSettings;
}

export interface ProseCheckSettings {
  imageAlt: boolean;
  summary: boolean;
  headingLevels: boolean;
  placeholderLinks: boolean;
  cfpAbstractLength: boolean;
}

/**
 * Checks every `devrel.*` setting. `get` gives the raw value of a key below `devrel.`, e.g.
 * `drafts.groupBy`, or undefined; settings are typed by hand and can hold anything.
 */
export function checkSettings(get: (key: string) => unknown, filesExclude: unknown = {}): DevRelSettings {
  const excludes = get('exclude');
  const author = get('author');
  return {
    kinds: objectOr(get('kinds'), {}),
    folderKinds: stringMap(get('folderKinds')),
    folders: stringMap(get('folders')),
    fileNamePatterns: stringMap(get('fileNamePatterns')),
    wordsPerMinute: positive(get('wordsPerMinute'), DEFAULT_CONFIG.wordsPerMinute),
    abstractMaxChars: positive(get('talk.abstractMaxChars'), DEFAULT_CONFIG.abstractMaxChars),
    exclude: (Array.isArray(excludes) ? (excludes as unknown[]) : DEFAULT_EXCLUDES).filter((g): g is string => typeof g === 'string' && g.length > 0),
    siteGenerator: oneOf(get('siteGenerator'), SITE_GENERATOR_SETTINGS, 'auto'),
    author: typeof author === 'string' ? author : '',
    groupBy: oneOf(get('drafts.groupBy'), GROUP_BY, 'kind'),
    hideFinished: get('drafts.hideFinished') === true,
    focusMaxActive: limit(get('focus.maxDraftsInHand'), DEFAULT_MAX_ACTIVE),
    focusMaxDeadlines: limit(get('focus.maxDeadlinesInTwoWeeks'), DEFAULT_MAX_DEADLINES_PER_14_DAYS),
    impactMetrics: objectOr(get('impact.metrics'), {}),
    filesExclude: Object.entries(objectOr<Record<string, unknown>>(filesExclude, {}))
      .filter(([, on]) => on === true)
      .map(([pattern]) => pattern),
    abstractBudgets: budgetMap(get('talk.abstractBudgets')),
    talkTimingLens: get('codeLens.talkTiming') !== false,
    proseChecks: {
      imageAlt: get('checks.imageAlt') !== false,
      summary: get('checks.summary') !== false,
      headingLevels: get('checks.headingLevels') !== false,
      placeholderLinks: get('checks.placeholderLinks') !== false,
      cfpAbstractLength: get('checks.cfpAbstractLength') !== false,
    },
  };
}

/** A renamed setting: keys below `devrel.`. */
export interface SettingRename {
  readonly from: string;
  readonly to: string;
}

/**
 * Keys renamed so that the Settings editor titles them well (it splits camelCase and keeps digits
 * to the word before them: `maxDeadlinesPer14Days` read "Max Deadlines Per14 Days"). The old key is
 * still read, and the editor moves it to the new key where it finds it.
 */
export const RENAMED_SETTINGS: readonly SettingRename[] = [
  { from: 'focus.maxActive', to: 'focus.maxDraftsInHand' },
  { from: 'focus.maxDeadlinesPer14Days', to: 'focus.maxDeadlinesInTwoWeeks' },
];

/** Where a setting can be written, least specific first. */
export const SETTING_LEVELS = ['user', 'workspace', 'folder'] as const;
export type SettingLevel = (typeof SETTING_LEVELS)[number];

/** The values a setting has where it is written; a level missing from the object is not written there. */
export type SettingLevels = Partial<Record<SettingLevel, unknown>>;

/**
 * The value a renamed setting takes from its new and its old key: the most specific level that
 * writes either wins, and at one level the new key wins. Undefined when neither is written.
 */
export function renamedValue(current: SettingLevels, old: SettingLevels): unknown {
  for (const level of [...SETTING_LEVELS].reverse()) {
    if (current[level] !== undefined) return current[level];
    if (old[level] !== undefined) return old[level];
  }
  return undefined;
}

/** One old key found at one level: moved to the new key, or kept because the new key is written there too. */
export interface SettingMove {
  rename: SettingRename;
  level: SettingLevel;
  value: unknown;
  /** `move` writes the value to the new key and removes the old one; `keep` leaves both alone. */
  action: 'move' | 'keep';
}

/**
 * What to do about old keys: `inspect` gives the written values of a key below `devrel.` at the
 * levels that can be changed. A value is never dropped: where the new key is written too, the old
 * one stays for the person to remove.
 */
export function planSettingMoves(inspect: (key: string) => SettingLevels): SettingMove[] {
  const moves: SettingMove[] = [];
  for (const rename of RENAMED_SETTINGS) {
    const old = inspect(rename.from);
    const current = inspect(rename.to);
    for (const level of SETTING_LEVELS) {
      if (old[level] === undefined) continue;
      moves.push({ rename, level, value: old[level], action: current[level] === undefined ? 'move' : 'keep' });
    }
  }
  return moves;
}

/**
 * The core's view of the settings. Folder mappings detected from the site generator come
 * first so that explicit settings for the same folder win.
 */
export function toCoreConfig(
  settings: DevRelSettings,
  detectedFolderKinds: FolderKindMapping[] = [],
  templateKinds: Record<string, KindOverride> = {},
  sites: SiteRule[] = [],
): { config: CoreConfig; problems: KindProblem[] } {
  // Kinds that workspace templates add come first, so a setting for the same kind wins.
  const { kinds, problems } = resolveKinds({ ...templateKinds, ...settings.kinds });
  const explicit = Object.entries(settings.folderKinds).map(([folder, kind]) => ({ folder: normaliseFolder(folder), kind }));
  const folderKinds = [...detectedFolderKinds.filter((d) => !explicit.some((e) => e.folder === d.folder)), ...explicit];
  for (const mapping of folderKinds) {
    if (!kinds[mapping.kind] && mapping.kind !== UNTRACKED_KIND)
      problems.push({ kind: mapping.kind, message: `devrel.folderKinds maps "${mapping.folder}" to unknown kind "${mapping.kind}".` });
  }
  return {
    config: {
      kinds,
      folderKinds,
      wordsPerMinute: settings.wordsPerMinute,
      abstractMaxChars: settings.abstractMaxChars,
      maxFileBytes: DEFAULT_CONFIG.maxFileBytes,
      sites,
      abstractBudgets: settings.abstractBudgets,
    },
    problems,
  };
}

export function normaliseFolder(folder: string): string {
  return folder.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A limit the person can switch off with null; anything else unusable falls back to the default. */
/** A focus limit: 0 (what the Settings UI can write) or null turns it off. */
function limit(value: unknown, fallback: number): number | null {
  if (value === null || value === 0) return null;
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function objectOr<T extends object>(value: unknown, fallback: T): T {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : fallback;
}

function budgetMap(value: unknown): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, item] of Object.entries(objectOr<Record<string, unknown>>(value, {}))) {
    if (typeof item === 'number' && Number.isFinite(item) && item > 0) result[key] = item;
  }
  return result;
}

function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(objectOr<Record<string, unknown>>(value, {}))) {
    if (typeof item === 'string' && item.trim()) result[key] = item.trim();
  }
  return result;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
