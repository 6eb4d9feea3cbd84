import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { normaliseFolder, toCoreConfig, type DevRelSettings } from '../core/config';
import { type Settings } from './settings';
import { ContextKeys } from '../constants';
import { analyzeDraft, applyAnalysis, bodyOf, isMarkdownPath, parseDraft } from '../core/draft';
import { AnalysisPool } from '../core/analysis/pool';
import { DraftStore, type DraftChange, type FileStamp } from '../core/draftStore';
import { analysisSkippedProblem, MAIN_THREAD_ANALYSIS_MAX_CHARS, scanFiles, type Analyzer } from '../core/scanner';
import { decodeDraftBytes } from '../core/text';
import { configKey, type KindOverride } from '../core/kinds/resolve';
import { siteContaining, type DetectedSite, type SiteDetection } from '../core/sites/detect';
import { generatorRules, type SiteGenerator } from '../core/sites/generators';
import { enclosingBundle, isBundleIndex, siteConfigOf, type SiteRule } from '../core/sites/postRules';
import type { CoreConfig, Draft, FolderKindMapping, ReadResult } from '../core/types';
import { today } from '../util/clock';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import { IndexCacheStore } from './indexCacheStore';
import { detectFolderSites, SITE_CONFIG_GLOB } from './siteDetection';
import { excludedPaths, findMarkdownFiles, MARKDOWN_GLOB, scanHost, statFile, workspaceRelativePath } from './workspaceScanner';
import { errorDetail, errorMessage } from '../core/util/result';
import { focusState, type FocusState } from '../core/focus';

const PROGRESS_THRESHOLD = 500;
const EDIT_DEBOUNCE_MS = 300;
/** Below this many files to read, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 300;
/** Config files come in bursts (a checkout, a scaffold); detection runs once after them. */
const SITE_CHANGE_DEBOUNCE_MS = 500;
/** The names of a page bundle's page, as the index keys them. */
const BUNDLE_INDEX_NAMES = ['index.md', 'index.markdown', 'index.mdx'];

/** A site found in a workspace folder. */
export interface WorkspaceSite extends DetectedSite {
  folder: vscode.WorkspaceFolder;
}

export interface ScanStats {
  /** Milliseconds from the start of the first scan until every draft was listed. */
  firstListMs?: number;
  /** Milliseconds from the start of the first scan until every draft was analysed. */
  firstIndexMs?: number;
  files?: number;
  reusedFromCache?: number;
}

/**
 * Keeps the core's index in step with the workspace: finds the sites, runs the initial scan
 * after activation, follows the file watcher and unsaved edits, and restores the cache on a
 * restart. Listing files, detecting sites and storing the cache are each done elsewhere.
 */
export class WorkspaceDrafts extends Disposable {
  readonly index = new DraftStore();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<DraftChange>());
  /** Fires after the index changed; carries the URIs so views can refresh narrowly. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly sitesEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires after the sites were detected again. */
  readonly onDidChangeSites = this.sitesEmitter.event;
  private coreConfig: CoreConfig;
  private isExcluded: (relativePath: string) => boolean;
  private detections = new Map<string, { folder: vscode.WorkspaceFolder; detection: SiteDetection }>();
  private detecting: Promise<void> | undefined;
  private readonly firstScan: Promise<void>;
  private resolveFirstScan!: () => void;
  private scanGeneration = 0;
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  /** Analyses running on a worker, by URI; a newer read of the same file aborts the older one. */
  private readonly analyses = new Map<string, AbortController>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private siteTimer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: ScanStats = {};
  private readonly cache: IndexCacheStore;

  private pool: AnalysisPool | undefined;
  private templateKinds: Record<string, KindOverride> = {};
  private started = false;
  /** Counts forgets, so a read that straddled a delete can tell it happened. */
  private forgetCount = 0;
  private readonly queuedChanged = new Set<string>();
  private readonly queuedRemoved = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning = false;
  private idleWaiters: (() => void)[] = [];

  /** `workerScript` is the bundled analysis worker; without it, analysis runs on the extension host thread. */
  constructor(
    storage: vscode.Memento,
    private readonly settings: Settings,
    private readonly workerScript?: string,
  ) {
    super();
    this.cache = new IndexCacheStore(storage);
    this.register({ dispose: () => this.pool?.dispose() });
    this.coreConfig = toCoreConfig(settings.current).config;
    this.isExcluded = excludedPaths(settings.current);
    this.firstScan = new Promise((resolve) => (this.resolveFirstScan = resolve));
    this.register(this.index.onDidChange((change) => this.queueChange(change)));
    this.register(settings.onDidChange((next) => this.updateSettings(next)));
    this.register({ dispose: () => this.clearTimers() });
  }

  get config(): CoreConfig {
    return this.coreConfig;
  }

  get currentSettings(): DevRelSettings {
    return this.settings.current;
  }

  /** Every site found, in workspace folder order, each folder's sites by root. */
  sites(): WorkspaceSite[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.flatMap((folder) => (this.detections.get(folder.uri.toString())?.detection.sites ?? []).map((site) => ({ ...site, folder })));
  }

  /** The sites of one workspace folder, once detection has run. */
  async sitesOf(folder: vscode.WorkspaceFolder): Promise<WorkspaceSite[]> {
    if (!this.detections.has(folder.uri.toString())) await this.detectSites();
    return this.sites().filter((site) => site.folder.uri.toString() === folder.uri.toString());
  }

  /** The detection of one workspace folder, for Set Up Workspace. */
  async detectionOf(folder: vscode.WorkspaceFolder): Promise<SiteDetection | undefined> {
    if (!this.detections.has(folder.uri.toString())) await this.detectSites();
    return this.detections.get(folder.uri.toString())?.detection;
  }

  /** The site a file belongs to: the one with the deepest root that holds it. */
  siteOf(uri: vscode.Uri | string): WorkspaceSite | undefined {
    const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const folder = vscode.workspace.getWorkspaceFolder(parsed);
    const relativePath = folder ? workspaceRelativePath(parsed, [folder]) : undefined;
    if (!folder || relativePath === undefined) return undefined;
    const site = siteContaining(this.detections.get(folder.uri.toString())?.detection.sites ?? [], relativePath);
    return site ? { ...site, folder } : undefined;
  }

  /** The generator that builds a file, for the fields that publish it. */
  generatorFor(uri: vscode.Uri | string): SiteGenerator {
    const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const folder = vscode.workspace.getWorkspaceFolder(parsed);
    const setting = this.settings.forFolder(folder?.uri).siteGenerator;
    const site = this.siteOf(parsed);
    // The setting names the root site's generator; it applies at once, before detection runs again.
    if (setting === 'none') return 'none';
    if (setting !== 'auto' && (site === undefined || site.root === '')) return setting;
    return site?.generator ?? 'none';
  }

  /** Resolves once the first full scan (listing and analysis) is done. */
  ready(): Promise<void> {
    return this.firstScan;
  }

  /**
   * Resolves once no detection or scan is running, for answers that must count every file under
   * the current rules (Set Up Workspace right after a Refresh or a settings change).
   */
  async idle(): Promise<void> {
    await this.firstScan;
    for (;;) {
      await this.detecting?.catch(() => undefined);
      if (!this.scanning) return;
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  drafts(): Draft[] {
    return this.index.drafts();
  }

  /** The focus count and deadlines across the workspace today, with the limits from settings. */
  focus(): FocusState {
    const settings = this.currentSettings;
    return focusState(this.drafts(), this.config.kinds, { maxActive: settings.focusMaxActive, maxDeadlinesPer14Days: settings.focusMaxDeadlines, today: today() });
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
    // A site's config appearing, changing or going away can change what its posts are.
    const configs = this.register(vscode.workspace.createFileSystemWatcher(SITE_CONFIG_GLOB));
    for (const event of [configs.onDidCreate, configs.onDidChange, configs.onDidDelete]) this.register(event(() => this.scheduleSiteDetection()));
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
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.redetect('workspace folders changed')));
    void this.runFirstScan();
  }

  /** Applies new settings; a change that alters how files are read rescans from scratch. */
  private updateSettings(settings: DevRelSettings): void {
    this.isExcluded = excludedPaths(settings);
    // The generator setting and the excludes decide which sites there are.
    void this.redetect('settings changed');
  }

  /** Kinds that workspace templates add; a change that alters how files are read rescans. */
  setTemplateKinds(kinds: Record<string, KindOverride>): void {
    this.templateKinds = kinds;
    this.reconfigure('workspace templates changed');
  }

  private reconfigure(reason: string): void {
    // Before the first scan nothing has been read under the old rules; that scan works out the config.
    if (!this.started) return;
    const next = this.buildConfig();
    const changed = configKey(next) !== configKey(this.coreConfig);
    this.coreConfig = next;
    if (changed) {
      this.index.clear();
      void this.rescan(reason);
    }
  }

  private buildConfig(): CoreConfig {
    const folderKinds: FolderKindMapping[] = [];
    const rules: SiteRule[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const scope = folder.uri.toString();
      const site = siteConfigOf(scope, this.detections.get(scope)?.detection.sites ?? []);
      // Each folder's own settings, so a multi-root workspace can map each folder differently.
      const explicit = Object.entries(this.settings.forFolder(folder.uri).folderKinds).map(([path, kind]) => ({ folder: normaliseFolder(path), kind, scope }));
      folderKinds.push(...site.folderKinds.filter((d) => !explicit.some((e) => e.folder === d.folder)), ...explicit);
      rules.push(...site.rules);
    }
    // Mappings were made per folder above.
    return toCoreConfig({ ...this.settings.current, folderKinds: {} }, folderKinds, this.templateKinds, rules).config;
  }

  async rescan(reason: string): Promise<void> {
    if (!this.started) return this.firstScan;
    log().info(`Rescanning the workspace: ${reason}.`);
    await this.scanAll(false);
  }

  /** Refresh: finds the sites again and reads the whole workspace under what they say. */
  async refresh(reason: string): Promise<void> {
    // Before the first scan has started there is nothing to refresh: that scan is about to read everything.
    if (!this.started) return this.firstScan;
    await this.detectSites();
    const next = this.buildConfig();
    if (configKey(next) !== configKey(this.coreConfig)) {
      this.coreConfig = next;
      this.index.clear();
    }
    await this.rescan(reason);
  }

  /** Detects the sites again, then rescans if that changed how files are read. */
  async redetect(reason: string): Promise<void> {
    if (!this.started) return;
    await this.detectSites();
    this.reconfigure(reason);
  }

  private scheduleSiteDetection(): void {
    clearTimeout(this.siteTimer);
    this.siteTimer = setTimeout(() => void this.redetect('a site config changed'), SITE_CHANGE_DEBOUNCE_MS);
  }

  private async runFirstScan(): Promise<void> {
    try {
      await this.detectSites();
      const config = this.buildConfig();
      // Anything read before the sites were known was read under other rules.
      if (configKey(config) !== configKey(this.coreConfig)) this.index.clear();
      this.coreConfig = config;
      const restored = this.cache.restore(this.index, configKey(this.coreConfig));
      if (restored > 0) log().info(`Restored ${restored} entries from the index cache.`);
      await this.scanAll(true);
    } catch (error) {
      log().error(`The first scan failed: ${errorDetail(error)}`);
    } finally {
      this.resolveFirstScan();
    }
  }

  /** One detection at a time; a call while one runs waits for it and then runs again, since something changed. */
  private async detectSites(): Promise<void> {
    const previous = this.detecting;
    const run = (async (): Promise<void> => {
      await previous?.catch(() => undefined);
      const next = new Map<string, { folder: vscode.WorkspaceFolder; detection: SiteDetection }>();
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        try {
          next.set(folder.uri.toString(), { folder, detection: await detectFolderSites(folder, this.settings.forFolder(folder.uri)) });
        } catch (error) {
          log().warn(`Could not look for sites in ${folder.name}: ${errorMessage(error)}`);
        }
      }
      this.detections = next;
      this.sitesEmitter.fire();
    })();
    this.detecting = run;
    await run;
  }

  private async scanAll(first: boolean): Promise<void> {
    const generation = ++this.scanGeneration;
    const started = performance.now();
    this.scanning = true;
    void vscode.commands.executeCommand('setContext', ContextKeys.scanning, true);
    try {
      const files = await findMarkdownFiles(this.settings.current);
      log().info(`Found ${files.length} Markdown files in ${Math.round(performance.now() - started)} ms.`);
      if (generation !== this.scanGeneration) return;
      const reading = files.length > PROGRESS_THRESHOLD;
      const run = async (progress?: vscode.Progress<{ message?: string }>): Promise<void> => {
        const report = await scanFiles(this.index, files, scanHost, {
          config: this.coreConfig,
          analyzer: files.length >= WORKER_THRESHOLD ? this.analysisPool()?.analyze : undefined,
          mainThreadMaxChars: MAIN_THREAD_ANALYSIS_MAX_CHARS,
          offThreadAnalyzer: this.offThreadAnalyzer(),
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
          `Scanned ${files.length} Markdown files in ${Math.round(performance.now() - started)} ms: ${this.index.drafts().length} drafts, ${report.read} read (${report.frontMatterOnly} only as far as their front matter), ${report.reused} unchanged, ${report.removed} removed.`,
        );
        this.scheduleSave(0);
      };
      if (reading) {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('DevRel Desk: indexing drafts') }, run);
      } else {
        await run();
      }
    } finally {
      if (generation === this.scanGeneration) {
        this.scanning = false;
        this.flushChanges();
        void vscode.commands.executeCommand('setContext', ContextKeys.scanning, false);
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    }
  }

  /** The worker pool as an analyzer, started only when something is sent to it. */
  private offThreadAnalyzer(): Analyzer | undefined {
    if (!this.workerScript) return undefined;
    return (jobs, options) => {
      const pool = this.analysisPool();
      return pool ? pool.analyze(jobs, options) : Promise.reject(new Error('The analysis pool is closed.'));
    };
  }

  private analysisPool(): AnalysisPool | undefined {
    if (this.isDisposed) return undefined;
    if (!this.workerScript) return undefined;
    // Leave a core for the editor itself.
    this.pool ??= new AnalysisPool(this.workerScript, Math.max(1, Math.min(4, availableParallelism() - 1)));
    return this.pool;
  }

  private async refreshFile(uri: vscode.Uri): Promise<void> {
    const relativePath = workspaceRelativePath(uri);
    if (relativePath === undefined || !isMarkdownPath(uri.path) || this.isExcluded(relativePath)) return;
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open?.isDirty) {
      this.applyDocument(open);
      return;
    }
    const forgotten = this.forgetCount;
    const wasIndexed = this.index.has(key);
    const stat = await statFile(uri);
    if (!stat) {
      this.forget(uri);
      return;
    }
    try {
      const bytes = await Promise.resolve(scanHost.readFile(key));
      // A delete reported while the file was being read must win: no later event would remove it again.
      if (this.forgetCount !== forgotten && !(await statFile(uri))) {
        this.forget(uri);
        return;
      }
      const decoded = decodeDraftBytes(bytes, this.coreConfig.maxFileBytes);
      const stamp = { size: stat.size, mtimeMs: stat.mtime };
      if (decoded.ok) {
        this.storeRead(
          key,
          decoded.text,
          parseDraft({ uri: key, relativePath, bundleFolder: this.bundleFolderOf(key, relativePath) }, decoded.text, this.coreConfig, { analyze: false }),
          stamp,
        );
      } else {
        this.storeRead(key, '', { skipped: { uri: key, reason: decoded.reason, message: decoded.message } }, stamp);
      }
      this.scheduleSave();
      if (!wasIndexed) this.rereadBundle(key);
    } catch (error) {
      log().warn(`Could not read ${key}: ${errorMessage(error)}`);
    }
  }

  private forget(uri: vscode.Uri): void {
    this.forgetCount++;
    const key = uri.toString();
    this.cancelAnalysis(key);
    const had = this.index.remove(key);
    this.index.removeUnder(key);
    this.scheduleSave();
    if (had) this.rereadBundle(key);
  }

  /**
   * The nearest page bundle above a file, from the index's own entries: a file read on its own
   * has no scan list beside it, and every Markdown file the scan saw is in the index.
   */
  private bundleFolderOf(key: string, relativePath: string): string | undefined {
    return enclosingBundle(key, relativePath, (folder) => BUNDLE_INDEX_NAMES.some((name) => this.index.has(`${folder}/${name}`)));
  }

  /** An index.md that came or went makes the other files of its folder posts or page resources (Hugo): they are read again. */
  private rereadBundle(key: string): void {
    const slash = key.lastIndexOf('/');
    if (!isBundleIndex(key.slice(slash + 1)) || !this.coreConfig.sites?.some((site) => generatorRules(site.generator).leafBundleResources)) return;
    const prefix = key.slice(0, slash + 1);
    for (const other of this.index.uris()) {
      if (other !== key && other.startsWith(prefix)) void this.refreshFile(vscode.Uri.parse(other));
    }
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
    const relativePath = workspaceRelativePath(document.uri);
    if (relativePath === undefined || !isMarkdownPath(document.uri.path) || this.isExcluded(relativePath)) return;
    const key = document.uri.toString();
    // A saved document whose file was deleted is only a leftover in memory; unsaved work is kept.
    if (!document.isDirty && document.uri.scheme === 'file' && !fs.existsSync(document.uri.fsPath)) {
      this.forget(document.uri);
      return;
    }
    const text = document.getText();
    const result = parseDraft({ uri: key, relativePath, bundleFolder: this.bundleFolderOf(key, relativePath) }, text, this.coreConfig, { analyze: false });
    // An impossible stamp makes the next scan read the file from disk again.
    this.storeRead(key, text, result, document.isDirty ? { size: -1, mtimeMs: -1 } : { size: -1, mtimeMs: document.version });
  }

  /**
   * Puts a freshly read draft in the index and analyses it: here when its body is short, on a
   * worker when it is long, so a large or hostile draft never holds up the editor. A long one is
   * listed at once and gets its counts when the worker is done, unless a newer read of the same
   * file came first; that read cancels it.
   */
  private storeRead(key: string, text: string, result: ReadResult, stamp: FileStamp): void {
    this.cancelAnalysis(key);
    if (!('draft' in result)) {
      this.index.update(key, result, stamp);
      return;
    }
    const listed = result.draft;
    const { body, bodyStartLine } = bodyOf(text);
    const analyzer = body.length > MAIN_THREAD_ANALYSIS_MAX_CHARS ? this.offThreadAnalyzer() : undefined;
    if (body.length <= MAIN_THREAD_ANALYSIS_MAX_CHARS) {
      analyzeDraft(listed, body, bodyStartLine, this.coreConfig);
    } else if (!analyzer) {
      listed.problems.push(analysisSkippedProblem(body.length, 'is not available'));
    }
    // Counts from the worker start from the listing alone.
    const base: Draft = { ...listed, problems: [...listed.problems] };
    // While the worker counts, the last counts stay on show, so typing in a long draft doesn't
    // make the status bar and the views flicker to "Counting…" on every pause.
    const previous = analyzer ? this.index.get(key)?.analysis : undefined;
    if (previous) applyAnalysis(listed, { ...previous, headings: [] });
    this.index.update(key, result, stamp);
    if (!analyzer) return;

    const controller = new AbortController();
    this.analyses.set(key, controller);
    const settle = (finish: (draft: Draft) => Draft): void => {
      if (controller.signal.aborted || this.isDisposed) return;
      this.analyses.delete(key);
      // Replaced since (a rescan, a rename): that read has its own analysis.
      if (this.index.get(key) !== listed) return;
      this.index.update(key, { draft: finish({ ...base, problems: [...base.problems] }) }, stamp);
    };
    analyzer([{ body, bodyStartLine }], { wordsPerMinute: this.coreConfig.wordsPerMinute, signal: controller.signal }).then(
      ([analysis]) => settle((draft) => applyAnalysis(draft, analysis)),
      (error: unknown) =>
        settle((draft) => {
          draft.problems.push(analysisSkippedProblem(body.length, `failed (${error instanceof Error ? error.message : String(error)})`));
          return draft;
        }),
    );
  }

  private cancelAnalysis(key: string): void {
    this.analyses.get(key)?.abort();
    this.analyses.delete(key);
  }

  private scheduleSave(delayMs = 5000): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      if (!this.isDisposed) void this.cache.save(this.index, configKey(this.coreConfig));
    }, delayMs);
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
    // Nothing will scan any more: whoever waits for quiet gets it now.
    this.scanning = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    clearTimeout(this.flushTimer);
    clearTimeout(this.saveTimer);
    clearTimeout(this.siteTimer);
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    for (const controller of this.analyses.values()) controller.abort();
    this.analyses.clear();
  }
}
