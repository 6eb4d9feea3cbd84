import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { readSettings } from './settings';
import { DEFAULT_EXCLUDES, toCoreConfig, type DevRelSettings } from '../core/config';
import { ContextKeys } from '../constants';
import { parseDraft, readDraft, isMarkdownPath } from '../core/draft';
import { AnalysisPool } from '../core/analysis/pool';
import { DraftStore, type DraftCache, type DraftChange } from '../core/draftStore';
import { compileGlobs } from '../core/glob';
import { scanFiles, type ScanFile, type ScanHost } from '../core/scanner';
import { configKey, type KindOverride } from '../core/kinds/resolve';
import { detectSiteGenerator, generatorProfile, type SiteGenerator } from '../core/siteGenerator';
import type { CoreConfig, Draft, FolderKindMapping } from '../core/types';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import { errorDetail, errorMessage } from '../core/util/result';

const MARKDOWN_GLOB = '**/*.{md,markdown,mdx,MD}';
const CACHE_MANIFEST_KEY = 'devrel.index.manifest';
const CACHE_CHUNK_KEY = 'devrel.index.chunk.';
/** Entries per stored key: a few hundred drafts keep each key well under a megabyte. */
const CACHE_CHUNK_SIZE = 400;
const PROGRESS_THRESHOLD = 500;
const EDIT_DEBOUNCE_MS = 300;
/** Below this many files to read, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 300;

export interface ScanStats {
  /** Milliseconds from the start of the first scan until every draft was listed. */
  firstListMs?: number;
  /** Milliseconds from the start of the first scan until every draft was analysed. */
  firstIndexMs?: number;
  files?: number;
  reusedFromCache?: number;
}

/**
 * Keeps the core's index in step with the workspace: an initial scan after activation,
 * a file watcher, unsaved edits, and a cache in workspace storage for quick restarts.
 */
export class WorkspaceDrafts extends Disposable {
  readonly index = new DraftStore();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<DraftChange>());
  /** Fires after the index changed; carries the URIs so views can refresh narrowly. */
  readonly onDidChange = this.changeEmitter.event;
  private coreConfig: CoreConfig;
  private settings: DevRelSettings;
  private generators = new Map<string, SiteGenerator>();
  private isExcluded: (relativePath: string) => boolean;
  private readonly firstScan: Promise<void>;
  private resolveFirstScan!: () => void;
  private scanGeneration = 0;
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: ScanStats = {};

  private pool: AnalysisPool | undefined;
  private templateKinds: Record<string, KindOverride> = {};
  private started = false;
  private readonly queuedChanged = new Set<string>();
  private readonly queuedRemoved = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning = false;

  /** `workerScript` is the bundled analysis worker; without it, analysis runs on the extension host thread. */
  constructor(private readonly storage: vscode.Memento, private readonly workerScript?: string) {
    super();
    this.register({ dispose: () => this.pool?.dispose() });
    this.settings = readSettings();
    this.coreConfig = toCoreConfig(this.settings).config;
    this.isExcluded = compileGlobs(this.settings.exclude);
    this.firstScan = new Promise((resolve) => (this.resolveFirstScan = resolve));
    this.register(this.index.onDidChange((change) => this.queueChange(change)));
    this.register({ dispose: () => this.clearTimers() });
  }

  get config(): CoreConfig {
    return this.coreConfig;
  }

  get currentSettings(): DevRelSettings {
    return this.settings;
  }

  siteGenerator(folder: vscode.WorkspaceFolder | undefined): SiteGenerator {
    if (this.settings.siteGenerator !== 'auto') return this.settings.siteGenerator;
    return (folder && this.generators.get(folder.uri.toString())) ?? 'none';
  }

  /** Resolves once the first full scan (listing and analysis) is done. */
  ready(): Promise<void> {
    return this.firstScan;
  }

  drafts(): Draft[] {
    return this.index.drafts();
  }

  get(uri: vscode.Uri | string): Draft | undefined {
    return this.index.get(typeof uri === 'string' ? uri : uri.toString());
  }

  /** Starts watching and scanning. Called once, after activate() has returned. */
  start(): void {
    if (this.isDisposed || this.started) return;
    this.started = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB));
    this.register(watcher.onDidCreate((uri) => void this.refreshFile(uri)));
    this.register(watcher.onDidChange((uri) => void this.refreshFile(uri)));
    this.register(watcher.onDidDelete((uri) => this.forget(uri)));
    // A deleted folder is reported once, as the folder; the Markdown watcher never sees it.
    const folders = this.register(vscode.workspace.createFileSystemWatcher('**/*', true, true, false));
    this.register(folders.onDidDelete((uri) => this.forget(uri)));
    // Folder deletes and renames made in the editor don't always reach a Markdown-only watcher.
    this.register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))));
    this.register(
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach(({ oldUri, newUri }) => {
          this.forget(oldUri);
          void this.refreshFile(newUri);
        }),
      ),
    );
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.scheduleEdit(e.document)));
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        // An unsaved edit is dropped on close; the file on disk is the truth again.
        if (this.index.has(document.uri.toString()) || isMarkdownPath(document.uri.path)) void this.refreshFile(document.uri);
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan('workspace folders changed')));
    void this.runFirstScan();
  }

  /** Applies new settings; a change that alters how files are read rescans from scratch. */
  updateSettings(settings: DevRelSettings): void {
    this.settings = settings;
    this.isExcluded = compileGlobs(settings.exclude);
    this.reconfigure('settings changed');
  }

  /** Kinds that workspace templates add; a change that alters how files are read rescans. */
  setTemplateKinds(kinds: Record<string, KindOverride>): void {
    this.templateKinds = kinds;
    this.reconfigure('workspace templates changed');
  }

  private reconfigure(reason: string): void {
    // Before the first scan nothing has been read under the old rules; that scan works out the config.
    if (!this.started) return;
    const next = toCoreConfig(this.settings, this.detectedFolderKinds(), this.templateKinds).config;
    const changed = configKey(next) !== configKey(this.coreConfig);
    this.coreConfig = next;
    if (changed) {
      this.index.clear();
      void this.rescan(reason);
    }
  }

  async rescan(reason: string): Promise<void> {
    log().info(`Rescanning the workspace: ${reason}.`);
    await this.scanAll(false);
  }

  private async runFirstScan(): Promise<void> {
    try {
      await this.detectSiteGenerators();
      this.coreConfig = toCoreConfig(this.settings, this.detectedFolderKinds(), this.templateKinds).config;
      const restored = this.restoreCache();
      if (restored > 0) log().info(`Restored ${restored} entries from the index cache.`);
      await this.scanAll(true);
    } catch (error) {
      log().error(`The first scan failed: ${errorDetail(error)}`);
    } finally {
      this.resolveFirstScan();
    }
  }

  private async scanAll(first: boolean): Promise<void> {
    const generation = ++this.scanGeneration;
    const started = performance.now();
    this.scanning = true;
    void vscode.commands.executeCommand('setContext', ContextKeys.scanning, true);
    try {
      const files = await this.findFiles();
      log().info(`Found ${files.length} Markdown files in ${Math.round(performance.now() - started)} ms.`);
      if (generation !== this.scanGeneration) return;
      const reading = files.length > PROGRESS_THRESHOLD;
      const run = async (progress?: vscode.Progress<{ message?: string }>): Promise<void> => {
        const report = await scanFiles(this.index, files, this.host(), {
          config: this.coreConfig,
          analyzer: files.length >= WORKER_THRESHOLD ? this.analysisPool()?.analyze : undefined,
          isCancelled: () => generation !== this.scanGeneration || this.isDisposed,
          onListed: () => {
            // Show every listed draft now rather than at the next merged event.
            this.flushChanges();
            if (first) this.stats.firstListMs = performance.now() - started;
          },
          onProgress: (done, total) => progress?.report({ message: `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files` }),
        });
        if (report.cancelled) return;
        if (first) {
          this.stats.firstIndexMs = performance.now() - started;
          this.stats.files = files.length;
          this.stats.reusedFromCache = report.reused;
        }
        if (report.analyzerFailures > 0) log().warn(`${report.analyzerFailures} analysis batches failed on worker threads and ran on the main thread instead.`);
        for (const failure of report.failed) log().warn(`Could not read ${failure.uri}: ${failure.message}`);
        for (const skipped of report.skipped) {
          if (skipped.reason !== 'not-a-draft') log().info(`${skipped.uri}: ${skipped.message}`);
        }
        log().info(
          `Scanned ${files.length} Markdown files in ${Math.round(performance.now() - started)} ms: ${this.index.drafts().length} drafts, ${report.read} read, ${report.reused} unchanged, ${report.removed} removed.`,
        );
        this.scheduleSave(0);
      };
      if (reading) {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'DevRel Desk: indexing drafts' }, run);
      } else {
        await run();
      }
    } finally {
      if (generation === this.scanGeneration) {
        this.scanning = false;
        this.flushChanges();
        void vscode.commands.executeCommand('setContext', ContextKeys.scanning, false);
      }
    }
  }

  private analysisPool(): AnalysisPool | undefined {
    if (!this.workerScript) return undefined;
    // Leave a core for the editor itself.
    this.pool ??= new AnalysisPool(this.workerScript, Math.max(1, Math.min(4, availableParallelism() - 1)));
    return this.pool;
  }

  private async findFiles(): Promise<ScanFile[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const files: ScanFile[] = [];
    const local = folders.filter((f) => f.uri.scheme === 'file');
    if (local.length > 0) {
      // Local folders are walked directly: a search round trip per workspace cost far more
      // than reading the folders, and excluded folders are skipped without being entered.
      const excluded = this.excludedPaths();
      for (const folder of local) await this.walkFolder(folder, excluded, files);
    }
    if (local.length === folders.length) return files;
    const uris = (await vscode.workspace.findFiles(MARKDOWN_GLOB, this.excludeGlob())).filter((uri) => uri.scheme !== 'file');
    const batch = 64;
    for (let i = 0; i < uris.length; i += batch) {
      const stats = await Promise.all(uris.slice(i, i + batch).map((uri) => this.stat(uri)));
      stats.forEach((stat, j) => {
        const uri = uris[i + j];
        const relativePath = this.relativePath(uri, folders);
        if (stat && relativePath !== undefined && !this.isExcluded(relativePath)) {
          files.push({ uri: uri.toString(), relativePath, size: stat.size, mtimeMs: stat.mtime });
        }
      });
    }
    return files;
  }

  /** Our excludes plus the user's `files.exclude`, as one predicate on workspace-relative paths. */
  private excludedPaths(): (relativePath: string) => boolean {
    const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {};
    return compileGlobs([...this.settings.exclude, ...Object.entries(filesExclude).filter(([, on]) => on === true).map(([pattern]) => pattern)]);
  }

  private async walkFolder(folder: vscode.WorkspaceFolder, excluded: (relativePath: string) => boolean, into: ScanFile[]): Promise<void> {
    const root = folder.uri.fsPath;
    const pending: string[] = [''];
    let visited = 0;
    while (pending.length > 0) {
      const relativeDir = pending.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(relativeDir ? `${root}/${relativeDir}` : root, { withFileTypes: true });
      } catch (error) {
        log().warn(`Could not list ${relativeDir || folder.name}: ${errorMessage(error)}`);
        continue;
      }
      for (const entry of entries) {
        const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
        // Links are not followed, so a loop of links can't trap the scan.
        if (entry.isDirectory()) {
          if (!excluded(relativePath)) pending.push(relativePath);
        } else if (entry.isFile() && isMarkdownPath(entry.name) && !excluded(relativePath)) {
          try {
            const stat = fs.statSync(`${root}/${relativePath}`);
            into.push({ uri: vscode.Uri.joinPath(folder.uri, ...relativePath.split('/')).toString(), relativePath, size: stat.size, mtimeMs: stat.mtimeMs });
          } catch {
            // Deleted while we looked: the watcher reports it.
          }
        }
      }
      // Stay responsive in very large trees.
      if (++visited % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Our excludes plus the user's `files.exclude`, since passing any exclude to findFiles replaces the default. */
  private excludeGlob(): string | undefined {
    const patterns = new Set(this.settings.exclude.length ? this.settings.exclude : DEFAULT_EXCLUDES);
    const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {};
    for (const [pattern, on] of Object.entries(filesExclude)) if (on === true) patterns.add(pattern);
    return patterns.size ? `{${[...patterns].join(',')}}` : undefined;
  }

  private relativePath(uri: vscode.Uri, folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? folders.find((f) => uri.path.startsWith(f.uri.path + '/'));
    if (!folder) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  private async stat(uri: vscode.Uri): Promise<{ size: number; mtime: number } | undefined> {
    try {
      if (uri.scheme === 'file') {
        // Local files are stat-ed synchronously: a batch of small calls is far quicker than
        // a round trip through the thread pool each, and the scan yields between batches.
        const stat = fs.statSync(uri.fsPath);
        return stat.isFile() ? { size: stat.size, mtime: stat.mtimeMs } : undefined;
      }
      const stat = await vscode.workspace.fs.stat(uri);
      return stat.type & vscode.FileType.File ? { size: stat.size, mtime: stat.mtime } : undefined;
    } catch {
      // Gone between listing and stat: the watcher will report the delete.
      return undefined;
    }
  }

  private host(): ScanHost {
    return {
      // Local files are read with Node directly and synchronously, a batch at a time: much faster
      // than a promise per file, and the scanner yields to the host between batches.
      readFile: (uriString: string): Uint8Array | Promise<Uint8Array> => {
        const uri = vscode.Uri.parse(uriString);
        return uri.scheme === 'file' ? fs.readFileSync(uri.fsPath) : Promise.resolve(vscode.workspace.fs.readFile(uri));
      },
    };
  }

  private async refreshFile(uri: vscode.Uri): Promise<void> {
    const relativePath = this.relativePath(uri);
    if (relativePath === undefined || !isMarkdownPath(uri.path) || this.isExcluded(relativePath)) return;
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open?.isDirty) {
      this.applyDocument(open);
      return;
    }
    const stat = await this.stat(uri);
    if (!stat) {
      this.forget(uri);
      return;
    }
    try {
      const bytes = await Promise.resolve(this.host().readFile(key));
      const result = readDraft({ uri: key, relativePath }, bytes, this.coreConfig, { analyze: true });
      this.index.update(key, result, { size: stat.size, mtimeMs: stat.mtime });
      this.scheduleSave();
    } catch (error) {
      log().warn(`Could not read ${key}: ${errorMessage(error)}`);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.index.remove(key);
    this.index.removeUnder(key);
    this.scheduleSave();
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    // Output channels, settings and other editors' documents are not ours; applyDocument also
    // checks the file is inside a workspace folder.
    if (!isMarkdownPath(document.uri.path)) return;
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        this.applyDocument(document);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** Reads an open document's current text, saved or not. */
  applyDocument(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const relativePath = this.relativePath(document.uri);
    if (relativePath === undefined || !isMarkdownPath(document.uri.path) || this.isExcluded(relativePath)) return;
    const key = document.uri.toString();
    const result = parseDraft({ uri: key, relativePath }, document.getText(), this.coreConfig, { analyze: true });
    // An impossible stamp makes the next scan read the file from disk again.
    this.index.update(key, result, document.isDirty ? { size: -1, mtimeMs: -1 } : { size: -1, mtimeMs: document.version });
  }

  private async detectSiteGenerators(): Promise<void> {
    this.generators.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(folder.uri);
        const names = entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
        let configToml: string | undefined;
        if (names.includes('config.toml')) {
          configToml = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'config.toml')));
        }
        const generator = detectSiteGenerator(names, configToml);
        this.generators.set(folder.uri.toString(), generator);
        if (generator !== 'none') log().info(`${folder.name}: detected ${generator}.`);
      } catch (error) {
        log().warn(`Could not look for a site generator in ${folder.name}: ${errorMessage(error)}`);
      }
    }
  }

  private detectedFolderKinds(): FolderKindMapping[] {
    const mappings: FolderKindMapping[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const generator = this.siteGenerator(folder);
      for (const mapping of generatorProfile(generator).folderKinds) {
        if (!mappings.some((m) => m.folder === mapping.folder)) mappings.push(mapping);
      }
    }
    return mappings;
  }

  private restoreCache(): number {
    try {
      const manifest = this.storage.get<{ version: number; configKey: string; chunks: number }>(CACHE_MANIFEST_KEY);
      if (!manifest) return 0;
      const entries: DraftCache['entries'] = [];
      for (let i = 0; i < manifest.chunks; i++) entries.push(...(this.storage.get<DraftCache['entries']>(CACHE_CHUNK_KEY + i) ?? []));
      const result = this.index.loadCache({ version: manifest.version, configKey: manifest.configKey, entries }, configKey(this.coreConfig));
      if (result.reason) log().info(`Index cache not used: ${result.reason}.`);
      return result.loaded;
    } catch (error) {
      log().warn(`The index cache could not be read and will be rebuilt: ${errorMessage(error)}`);
      return 0;
    }
  }

  private scheduleSave(delayMs = 5000): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), delayMs);
  }

  private async saveCache(): Promise<void> {
    if (this.isDisposed) return;
    try {
      const cache = this.index.toCache(configKey(this.coreConfig));
      // Unsaved edits are never cached: their stamp can't match a file on disk.
      const entries = cache.entries.filter(([size]) => size >= 0);
      const previous = this.storage.get<{ chunks: number }>(CACHE_MANIFEST_KEY)?.chunks ?? 0;
      const chunks = Math.ceil(entries.length / CACHE_CHUNK_SIZE);
      for (let i = 0; i < chunks; i++) await this.storage.update(CACHE_CHUNK_KEY + i, entries.slice(i * CACHE_CHUNK_SIZE, (i + 1) * CACHE_CHUNK_SIZE));
      for (let i = chunks; i < previous; i++) await this.storage.update(CACHE_CHUNK_KEY + i, undefined);
      await this.storage.update(CACHE_MANIFEST_KEY, { version: cache.version, configKey: cache.configKey, chunks });
    } catch (error) {
      log().warn(`The index cache could not be saved: ${errorMessage(error)}`);
    }
  }

  /**
   * Views redraw on every event, so bursts are merged: a scan delivers hundreds of batches,
   * and redrawing thousands of rows for each made a large first scan several times slower.
   */
  private queueChange(change: DraftChange): void {
    for (const uri of change.changed) {
      this.queuedRemoved.delete(uri);
      this.queuedChanged.add(uri);
    }
    for (const uri of change.removed) {
      this.queuedChanged.delete(uri);
      this.queuedRemoved.add(uri);
    }
    if (this.flushTimer === undefined) this.flushTimer = setTimeout(() => this.flushChanges(), this.scanning ? 2000 : 15);
  }

  private flushChanges(): void {
    this.flushTimer = undefined;
    if (this.queuedChanged.size === 0 && this.queuedRemoved.size === 0) return;
    const change = { changed: [...this.queuedChanged], removed: [...this.queuedRemoved] };
    this.queuedChanged.clear();
    this.queuedRemoved.clear();
    this.changeEmitter.fire(change);
  }

  private clearTimers(): void {
    clearTimeout(this.flushTimer);
    clearTimeout(this.saveTimer);
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
  }
}
