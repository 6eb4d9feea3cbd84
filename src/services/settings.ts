import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import { DEFAULT_CONFIG, resolveKinds, type KindOverride, type KindProblem } from '../core/kinds';
import { DEFAULT_MAX_ACTIVE, DEFAULT_MAX_DEADLINES_PER_14_DAYS } from '../core/focus';
import type { MetricOverride } from '../core/impact';
import { UNTRACKED_KIND } from '../core/draft';
import { SITE_GENERATORS, type SiteGenerator } from '../core/sites/generators';
import type { SiteRule } from '../core/sites/postRules';
import type { CoreConfig, FolderKindMapping } from '../core/types';
import { Disposable } from '../util/disposable';

export type GroupBy = 'kind' | 'status' | 'site' | 'none';
export type SiteGeneratorSetting = 'auto' | SiteGenerator;
const SITE_GENERATOR_SETTINGS: readonly SiteGeneratorSetting[] = ['auto', ...SITE_GENERATORS];

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
  /** null turns the limit off. */
  focusMaxActive: number | null;
  /** null turns the warning off. */
  focusMaxDeadlines: number | null;
  impactMetrics: Record<string, MetricOverride>;
  /** The patterns of the editor's own `files.exclude` that are switched on. */
  filesExclude: string[];
}

/** Reads every `devrel.*` setting, and the editor settings DevRel Desk follows, with types and defaults. */
function readSettings(scope?: vscode.ConfigurationScope): DevRelSettings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const filesExclude = vscode.workspace.getConfiguration('files', scope).get<Record<string, unknown>>('exclude') ?? {};
  const positive = (value: number | undefined, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    kinds: objectOr(c.get('kinds'), {}),
    folderKinds: stringMap(c.get('folderKinds')),
    folders: stringMap(c.get('folders')),
    fileNamePatterns: stringMap(c.get('fileNamePatterns')),
    wordsPerMinute: positive(c.get<number>('wordsPerMinute'), DEFAULT_CONFIG.wordsPerMinute),
    abstractMaxChars: positive(c.get<number>('talk.abstractMaxChars'), DEFAULT_CONFIG.abstractMaxChars),
    exclude: (c.get<string[]>('exclude') ?? DEFAULT_EXCLUDES).filter((g) => typeof g === 'string' && g.length > 0),
    siteGenerator: oneOf(c.get('siteGenerator'), SITE_GENERATOR_SETTINGS, 'auto'),
    author: typeof c.get('author') === 'string' ? (c.get('author') as string) : '',
    groupBy: oneOf(c.get('drafts.groupBy'), ['kind', 'status', 'site', 'none'], 'kind'),
    hideFinished: c.get<boolean>('drafts.hideFinished') === true,
    focusMaxActive: limit(c.get('focus.maxActive'), DEFAULT_MAX_ACTIVE),
    focusMaxDeadlines: limit(c.get('focus.maxDeadlinesPer14Days'), DEFAULT_MAX_DEADLINES_PER_14_DAYS),
    impactMetrics: objectOr(c.get('impact.metrics'), {}),
    filesExclude: Object.entries(objectOr<Record<string, unknown>>(filesExclude, {}))
      .filter(([, on]) => on === true)
      .map(([pattern]) => pattern),
  };
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
    if (!kinds[mapping.kind] && mapping.kind !== UNTRACKED_KIND) problems.push({ kind: mapping.kind, message: `devrel.folderKinds maps "${mapping.folder}" to unknown kind "${mapping.kind}".` });
  }
  return {
    config: {
      kinds,
      folderKinds,
      wordsPerMinute: settings.wordsPerMinute,
      abstractMaxChars: settings.abstractMaxChars,
      maxFileBytes: DEFAULT_CONFIG.maxFileBytes,
      sites,
    },
    problems,
  };
}

export function normaliseFolder(folder: string): string {
  return folder.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
}

/**
 * The one place settings are read: a typed snapshot of the workspace's settings, snapshots per
 * workspace folder for resource-scoped values, and one event when any of them changes.
 */
export class Settings extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<DevRelSettings>());
  /** Fires with the new snapshot after `devrel.*` or `files.exclude` changed. */
  readonly onDidChange = this.emitter.event;
  private snapshot = readSettings();
  private readonly perFolder = new Map<string, DevRelSettings>();

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(CONFIG_SECTION) && !event.affectsConfiguration('files.exclude')) return;
        this.snapshot = readSettings();
        this.perFolder.clear();
        this.emitter.fire(this.snapshot);
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.perFolder.clear()));
  }

  /** The settings as they apply to the whole workspace. */
  get current(): DevRelSettings {
    return this.snapshot;
  }

  /** The settings as they apply inside one workspace folder, where `.vscode/settings.json` may differ. */
  forFolder(folder: vscode.Uri | undefined): DevRelSettings {
    if (!folder) return this.snapshot;
    const key = folder.toString();
    let settings = this.perFolder.get(key);
    if (!settings) this.perFolder.set(key, (settings = readSettings(folder)));
    return settings;
  }
}

/** A limit the person can switch off with null; anything else unusable falls back to the default. */
function limit(value: unknown, fallback: number): number | null {
  if (value === null) return null;
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function objectOr<T extends object>(value: unknown, fallback: T): T {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : fallback;
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
