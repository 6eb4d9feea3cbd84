import * as vscode from 'vscode';
import { chooseFeed, decodeCfpCache, encodeCfpCache, mergeCfpCaches, type CachedFeed, type CfpCache, type FeedFetch } from '../core/talks/cfpCache';
import { mergeCfps, parseCfpFeed, type Cfp } from '../core/talks/cfpFeed';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import { httpGet, noProxyList, proxyFor } from './httpGet';
import { errorMessage } from '../core/util/result';

const CACHE_FILE = 'cfp-cache.json';
const MAX_FEED_BYTES = 25 * 1_048_576;
const DEFAULT_TIMEOUT_S = 20;

export interface CfpState {
  calls: Cfp[];
  /** Oldest fetch time among the feeds shown, in ms since the epoch; undefined before any. */
  fetchedAt?: number;
  /** Feeds that could not be fetched this time and are shown from the cache, or not at all. */
  failed: string[];
  loading: boolean;
  /** Whether anything has been loaded or fetched yet. */
  loaded: boolean;
}

/** A `devrel.cfp.sources` entry: a URL, or a file with the full URI it resolves to. */
interface FeedSource {
  /** As the setting writes it. */
  source: string;
  /** The cache key: the URL, or the file's full URI, so two workspaces' `cfps.json` stay apart. */
  key?: string;
  uri?: vscode.Uri;
  /** Why it can't be read at all, for a relative path with no folder open. */
  error?: string;
}

/**
 * Reads the CFP feeds of `devrel.cfp.sources`. Nothing is fetched until the CFPs view opens or
 * Refresh CFPs runs. Every fetched feed is cached in global storage with its fetch time, and a
 * feed that can't be fetched is shown from that cache. The cache file is shared by every window,
 * so each refresh reads it again and each write keeps what other windows fetched meanwhile.
 * Each feed problem is reported once.
 */
export class CfpFeedService extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  /** This window's copy of the cache; it stands in only when the file can't be read. */
  private cache: CfpCache = new Map();
  private state: CfpState = { calls: [], failed: [], loading: false, loaded: false };
  private running: Promise<void> | undefined;
  private readonly reported = new Set<string>();

  constructor(private readonly storage: vscode.Uri) {
    super();
  }

  get current(): CfpState {
    return this.state;
  }

  /** The first time: the cache at once, then a fetch. Later calls wait for whatever is running. */
  async ensureLoaded(): Promise<void> {
    if (this.state.loaded && !this.running) return;
    if (!this.running && !this.state.loaded) this.running = this.load();
    await this.running;
  }

  /** Fetches every feed again. */
  async refresh(): Promise<void> {
    if (this.running) await this.running;
    this.running = this.load();
    await this.running;
  }

  private async load(): Promise<void> {
    this.state = { ...this.state, loading: true };
    this.emitter.fire();
    try {
      const stored = await this.readCache();
      if (stored) this.cache = stored;
      const sources = configuredSources().map(resolveSource);
      if (!this.state.loaded) {
        // The cached copy shows while the feeds are fetched.
        this.show(sources, this.cache, []);
        this.emitter.fire();
      }
      const shown: CfpCache = new Map();
      const fresh: CfpCache = new Map();
      const failed: string[] = [];
      await Promise.all(
        sources.map(async (feed) => {
          const cached = feed.key !== undefined ? this.cache.get(feed.key) : undefined;
          const choice = chooseFeed(cached, await this.fetchFeed(feed, cached));
          if (feed.key !== undefined && choice.feed) shown.set(feed.key, choice.feed);
          if (feed.key !== undefined && choice.fresh && choice.feed) fresh.set(feed.key, choice.feed);
          else failed.push(feed.source);
        }),
      );
      if (fresh.size > 0) await this.writeCache(fresh);
      this.show(sources, shown, failed);
    } finally {
      this.state = { ...this.state, loading: false, loaded: true };
      this.running = undefined;
      this.emitter.fire();
    }
  }

  private show(sources: readonly FeedSource[], feeds: CfpCache, failed: string[]): void {
    const listed = sources.map((source) => (source.key !== undefined ? feeds.get(source.key) : undefined)).filter((feed): feed is CachedFeed => feed !== undefined);
    const times = listed.map((feed) => feed.fetchedAt);
    this.state = {
      calls: mergeCfps(listed.map((feed) => feed.calls)),
      fetchedAt: times.length > 0 ? Math.min(...times) : undefined,
      failed,
      loading: this.state.loading,
      loaded: this.state.loaded,
    };
  }

  /** Fetches and parses one feed, reporting what went wrong. */
  private async fetchFeed(feed: FeedSource, cached: CachedFeed | undefined): Promise<FeedFetch> {
    const { source } = feed;
    let text: string;
    try {
      text = await readSource(feed);
    } catch (error) {
      const reason = errorMessage(error);
      this.report(
        source,
        `CFPs: ${source} could not be read: ${reason}.${cached ? ` Showing the copy from ${new Date(cached.fetchedAt).toISOString()}.` : ''}`,
        cached
          ? vscode.l10n.t('the feed {0} could not be read ({1}); showing the cached copy.', source, reason)
          : vscode.l10n.t('the feed {0} could not be read ({1}).', source, reason),
      );
      return { ok: false, reason };
    }
    const read = parseCfpFeed(text, source);
    for (const problem of read.problems) this.report(source, `CFPs: ${problem}`, problem);
    log().info(`CFPs: read ${read.calls.length} calls from ${source}.`);
    return { ok: true, read, fetchedAt: Date.now() };
  }

  /** A problem is a warning, in the log and on screen, the first time; after that, a line of the log. */
  private report(source: string, logLine: string, message: string): void {
    const key = `${source}\n${message.replace(/\d+/g, '#')}`;
    if (this.reported.has(key)) {
      log().info(`${logLine} (reported before)`);
      return;
    }
    this.reported.add(key);
    log().warn(logLine);
    void vscode.window.showWarningMessage(vscode.l10n.t('DevRel Desk: {0}', message));
  }

  private get cacheUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, CACHE_FILE);
  }

  /** The cache file's feeds; undefined when there is no file yet, or it could not be used. */
  private async readCache(): Promise<CfpCache | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.cacheUri);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) log().warn(`CFPs: the cache could not be read: ${errorMessage(error)}`);
      return undefined;
    }
    const read = decodeCfpCache(new TextDecoder().decode(bytes));
    for (const problem of read.problems) log().warn(`CFPs: ${problem}`);
    return read.ignored ? undefined : read.feeds;
  }

  /** Adds the feeds read just now to the file, keeping whatever other windows wrote since. */
  private async writeCache(fresh: CfpCache): Promise<void> {
    this.cache = mergeCfpCaches((await this.readCache()) ?? this.cache, fresh);
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(this.cacheUri, new TextEncoder().encode(encodeCfpCache(this.cache)));
    } catch (error) {
      log().warn(`CFPs: the cache could not be written: ${errorMessage(error)}`);
    }
  }
}

export function configuredSources(): string[] {
  const value = vscode.workspace.getConfiguration('devrel').get<unknown>('cfp.sources');
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((s): s is string => typeof s === 'string' && s.trim().length > 0).map((s) => s.trim()))];
}

/** An http(s) address is fetched; anything else is a file, relative to the first workspace folder. */
function resolveSource(source: string): FeedSource {
  if (/^https?:\/\//i.test(source)) return { source, key: source };
  const folder = vscode.workspace.workspaceFolders?.[0];
  let uri: vscode.Uri;
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(source)) uri = vscode.Uri.parse(source);
  else if (source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(source)) uri = vscode.Uri.file(source);
  else if (folder) uri = vscode.Uri.joinPath(folder.uri, ...source.split(/[\\/]/).filter(Boolean));
  else return { source, error: 'it is a relative path and no folder is open' };
  return { source, key: uri.toString(), uri };
}

async function readSource(feed: FeedSource): Promise<string> {
  if (feed.error !== undefined) throw new Error(feed.error);
  if (!feed.uri) {
    const http = vscode.workspace.getConfiguration('http');
    const timeout = vscode.workspace.getConfiguration('devrel').get<number>('cfp.timeoutSeconds');
    return httpGet(feed.source, {
      timeoutMs: (typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_S) * 1000,
      maxBytes: MAX_FEED_BYTES,
      proxy: proxyFor(feed.source, http.get<string>('proxy'), process.env),
      noProxy: noProxyList(process.env, http.get<string[]>('noProxy') ?? []),
      strictSSL: http.get<boolean>('proxyStrictSSL') !== false,
    });
  }
  const bytes = await vscode.workspace.fs.readFile(feed.uri);
  if (bytes.length > MAX_FEED_BYTES) throw new Error(`it is larger than ${MAX_FEED_BYTES / 1_048_576} MB`);
  return new TextDecoder().decode(bytes);
}
