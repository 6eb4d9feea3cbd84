import * as vscode from 'vscode';
import { mergeCfps, parseCfpFeed, type Cfp } from '../core/talks/cfpFeed';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import { httpGet, noProxyList, proxyFor } from './httpGet';
import { errorMessage } from '../core/util/result';

const CACHE_FILE = 'cfp-cache.json';
const CACHE_VERSION = 1;
const MAX_FEED_BYTES = 25 * 1_048_576;
const DEFAULT_TIMEOUT_S = 20;

interface CachedFeed {
  fetchedAt: number;
  calls: Cfp[];
}

interface CacheFile {
  version: number;
  feeds: Record<string, CachedFeed>;
}

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

/**
 * Reads the CFP feeds of `devrel.cfp.sources`. Nothing is fetched until the CFPs view opens or
 * Refresh CFPs runs. Every fetched feed is cached in global storage with its fetch time, and a
 * feed that can't be fetched is shown from that cache. Each feed problem is reported once.
 */
export class CfpFeedService extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private cache: CacheFile = { version: CACHE_VERSION, feeds: {} };
  private state: CfpState = { calls: [], failed: [], loading: false, loaded: false };
  private cacheRead: Promise<void> | undefined;
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
      await (this.cacheRead ??= this.readCache());
      const sources = configuredSources();
      if (!this.state.loaded) {
        // The cached copy shows while the feeds are fetched.
        this.show(sources, []);
        this.emitter.fire();
      }
      const failed: string[] = [];
      await Promise.all(
        sources.map(async (source) => {
          const ok = await this.fetchFeed(source);
          if (!ok) failed.push(source);
        }),
      );
      await this.writeCache();
      this.show(sources, failed);
    } finally {
      this.state = { ...this.state, loading: false, loaded: true };
      this.running = undefined;
      this.emitter.fire();
    }
  }

  private show(sources: string[], failed: string[]): void {
    const feeds = sources.map((source) => this.cache.feeds[source]).filter((feed): feed is CachedFeed => feed !== undefined);
    const times = feeds.map((feed) => feed.fetchedAt);
    this.state = {
      calls: mergeCfps(feeds.map((feed) => feed.calls)),
      fetchedAt: times.length > 0 ? Math.min(...times) : undefined,
      failed,
      loading: this.state.loading,
      loaded: this.state.loaded,
    };
  }

  /** Fetches and parses one feed into the cache; false when it could not be fetched. */
  private async fetchFeed(source: string): Promise<boolean> {
    let text: string;
    try {
      text = await readSource(source);
    } catch (error) {
      const cached = this.cache.feeds[source];
      const reason = errorMessage(error);
      log().warn(`CFPs: ${source} could not be read: ${reason}.${cached ? ` Showing the copy from ${new Date(cached.fetchedAt).toISOString()}.` : ''}`);
      this.reportOnce(source, `the feed ${source} could not be read (${reason})${cached ? '; showing the cached copy' : ''}.`);
      return false;
    }
    const read = parseCfpFeed(text, source);
    for (const problem of read.problems) {
      log().warn(`CFPs: ${problem}`);
      this.reportOnce(source, problem);
    }
    // A feed that is all problems is a broken feed, not an empty one: keep the last good copy.
    if (read.calls.length === 0 && read.problems.length > 0 && this.cache.feeds[source]) return false;
    this.cache.feeds[source] = { fetchedAt: Date.now(), calls: read.calls };
    log().info(`CFPs: read ${read.calls.length} calls from ${source}.`);
    return true;
  }

  private reportOnce(source: string, message: string): void {
    const key = `${source}\n${message.replace(/\d+/g, '#')}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    void vscode.window.showWarningMessage(`DevRel Desk: ${message}`);
  }

  private get cacheUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, CACHE_FILE);
  }

  private async readCache(): Promise<void> {
    try {
      const parsed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.cacheUri))) as Partial<CacheFile>;
      if (parsed.version === CACHE_VERSION && typeof parsed.feeds === 'object' && parsed.feeds !== null) {
        for (const [source, feed] of Object.entries(parsed.feeds)) {
          if (typeof feed?.fetchedAt === 'number' && Array.isArray(feed.calls)) this.cache.feeds[source] = feed;
        }
      }
    } catch {
      // No cache yet, or an unreadable one: the feeds are fetched anyway.
    }
  }

  private async writeCache(): Promise<void> {
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(this.cacheUri, new TextEncoder().encode(JSON.stringify(this.cache)));
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
async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const http = vscode.workspace.getConfiguration('http');
    const timeout = vscode.workspace.getConfiguration('devrel').get<number>('cfp.timeoutSeconds');
    return httpGet(source, {
      timeoutMs: (typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_S) * 1000,
      maxBytes: MAX_FEED_BYTES,
      proxy: proxyFor(source, http.get<string>('proxy'), process.env),
      noProxy: noProxyList(process.env, http.get<string[]>('noProxy') ?? []),
      strictSSL: http.get<boolean>('proxyStrictSSL') !== false,
    });
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  let uri: vscode.Uri;
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(source)) uri = vscode.Uri.parse(source);
  else if (source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(source)) uri = vscode.Uri.file(source);
  else if (folder) uri = vscode.Uri.joinPath(folder.uri, ...source.split(/[\\/]/).filter(Boolean));
  else throw new Error('it is a relative path and no folder is open');
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.length > MAX_FEED_BYTES) throw new Error(`it is larger than ${MAX_FEED_BYTES / 1_048_576} MB`);
  return new TextDecoder().decode(bytes);
}
