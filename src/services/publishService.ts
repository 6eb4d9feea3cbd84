import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import { proxyFor, redact, redactUrl } from '../core/publish/proxy';
import {
  devtoStats,
  hashnodeStats,
  hashnodeStatsQuery,
  httpFailure,
  interpretPublishResponse,
  parseJson,
  type HttpAnswer,
  type PublishResponse,
  type RemoteError,
  type StatsResponse,
} from '../core/publish/remote';
import { localReferences, repoPathOf, isAbsoluteTarget } from '../core/publish/markdown';
import { COVER_FIELDS, readText, splitDraft } from '../core/publish/payload';
import { defaultPermalink, normaliseSiteUrl, SITE_CONFIG_FILES, siteUrlFromConfig } from '../core/publish/siteUrl';
import type { WorkspaceDrafts } from './workspaceDrafts';
import { Disposable } from '../util/disposable';
import { chooseEndpoint, PLATFORM_INFO, type Platform, type PlannedRequest, type PublishContext, type RemoteStats } from '../core/publish/types';
import { log } from '../util/logger';
import { sendRequest, TransportError } from './publishHttp';

export const DEFAULT_ENDPOINTS: Readonly<Record<Platform, string>> = { devto: 'https://dev.to', hashnode: 'https://gql.hashnode.com' };
const DEFAULT_TIMEOUT_SECONDS = 30;
/** The longest a Retry-After is waited out before retrying; longer waits are reported instead. */
const MAX_RETRY_WAIT_MS = 60_000;
const DEVTO_PAGE_SIZE = 1000;
const DEVTO_MAX_PAGES = 10;

export interface PublishSettings {
  endpoints: Record<Platform, string>;
  timeoutMs: number;
  siteUrl?: string;
  /** Empty: the generator's rule. */
  permalink: string;
  assetsBaseUrl?: string;
  hashnodePublicationId?: string;
}

export function readPublishSettings(scope?: vscode.ConfigurationScope): PublishSettings {
  const c = vscode.workspace.getConfiguration(`${CONFIG_SECTION}.publish`, scope);
  const text = (key: string): string => (typeof c.get(key) === 'string' ? (c.get(key) as string).trim() : '');
  const top = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  // The declared default would hide the other name, so only a value the person wrote counts here.
  const written = (platform: Platform): unknown => {
    const inspected = c.inspect<string>(`${platform}.endpoint`);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  };
  const endpoint = (platform: Platform): string => chooseEndpoint(written(platform), top.get(`${platform}.apiUrl`), DEFAULT_ENDPOINTS[platform]);
  const timeout = c.get<number>('timeoutSeconds');
  return {
    endpoints: { devto: endpoint('devto'), hashnode: endpoint('hashnode') },
    timeoutMs: (typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS) * 1000,
    siteUrl: normaliseSiteUrl(text('siteUrl')),
    permalink: text('permalink'),
    assetsBaseUrl: normaliseSiteUrl(text('assetsBaseUrl')),
    hashnodePublicationId: text('hashnode.publicationId') || undefined,
  };
}

/** API keys live in the editor's secret storage, never in settings or files. */
export class PublishKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private static id(platform: Platform): string {
    return `devrel.publish.${platform}.apiKey`;
  }

  get(platform: Platform): Thenable<string | undefined> {
    return this.secrets.get(PublishKeys.id(platform));
  }

  store(platform: Platform, key: string): Thenable<void> {
    return this.secrets.store(PublishKeys.id(platform), key);
  }

  delete(platform: Platform): Thenable<void> {
    return this.secrets.delete(PublishKeys.id(platform));
  }
}

/** A failed exchange, with a message that is safe to show and log. */
export class RemoteFailure extends Error {
  constructor(readonly error: RemoteError) {
    super(error.message);
  }
}

interface CachedStats {
  fetchedAt: string;
  stats: RemoteStats[];
}

const STATS_CACHE_KEY = 'devrel.publish.stats';

/** Talks to dev.to and Hashnode: one request at a time, with the key from secret storage. */
export class PublishClient {
  constructor(private readonly state: vscode.Memento) {}

  /** Sends a planned create or update. A 429 with a short Retry-After is waited out and tried once more. */
  async publish(platform: Platform, request: PlannedRequest, key: string): Promise<{ id: string; url?: string }> {
    const answer = await this.exchange(platform, request, key);
    const result: PublishResponse = interpretPublishResponse(platform, answer);
    if (!result.ok) throw new RemoteFailure(result.error);
    return result;
  }

  /** Reach of the given articles. Articles the platform doesn't list (deleted, unpublished) are left out. */
  async stats(platform: Platform, ids: readonly string[], key: string): Promise<RemoteStats[]> {
    let stats: RemoteStats[];
    if (platform === 'devto') {
      stats = [];
      const wanted = new Set(ids);
      for (let page = 1; page <= DEVTO_MAX_PAGES; page++) {
        const answer = await this.exchange(platform, { method: 'GET', path: `/api/articles/me?per_page=${DEVTO_PAGE_SIZE}&page=${page}`, json: undefined }, key);
        const failure = httpFailure(platform, answer);
        if (failure) throw new RemoteFailure(failure);
        const json = parseJson(answer.body);
        if (!Array.isArray(json))
          throw new RemoteFailure({ kind: 'bad-response', message: vscode.l10n.t("dev.to's article list was not a list; check devrel.publish.devto.endpoint.") });
        stats.push(...devtoStats(json).filter((s) => wanted.has(s.id)));
        if (json.length < DEVTO_PAGE_SIZE || stats.length === wanted.size) break;
      }
    } else {
      const query = hashnodeStatsQuery(ids);
      const answer = await this.exchange(platform, { method: 'POST', path: '', json: query }, key);
      const result: StatsResponse = hashnodeStats(answer, ids);
      if (!result.ok) throw new RemoteFailure(result.error);
      stats = result.stats;
    }
    await this.state.update(`${STATS_CACHE_KEY}.${platform}`, { fetchedAt: new Date().toISOString(), stats } satisfies CachedStats);
    return stats;
  }

  /** The last stats fetched for a platform, for when it can't be reached. */
  cachedStats(platform: Platform): CachedStats | undefined {
    return this.state.get<CachedStats>(`${STATS_CACHE_KEY}.${platform}`);
  }

  private async exchange(platform: Platform, request: PlannedRequest, key: string): Promise<HttpAnswer> {
    const first = await this.send(platform, request, key);
    if (first.status !== 429) return first;
    const failure = httpFailure(platform, first);
    const wait = failure?.retryAfterMs;
    const label = PLATFORM_INFO[platform].label;
    if (wait === undefined || wait > MAX_RETRY_WAIT_MS) {
      const when = wait === undefined ? 'in a minute' : `after ${new Date(Date.now() + wait).toLocaleTimeString()}`;
      throw new RemoteFailure({
        kind: 'rate-limited',
        status: 429,
        retryAfterMs: wait,
        message: vscode.l10n.t('{0} is limiting requests (HTTP 429). Try again {1}.', label, when),
      });
    }
    log().info(`${label} asked to wait ${Math.ceil(wait / 1000)} s (HTTP 429); retrying once.`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    const second = await this.send(platform, request, key);
    if (second.status === 429) {
      throw new RemoteFailure({ kind: 'rate-limited', status: 429, message: vscode.l10n.t('{0} is still limiting requests (HTTP 429). Try again in a few minutes.', label) });
    }
    return second;
  }

  private async send(platform: Platform, request: PlannedRequest, key: string): Promise<HttpAnswer> {
    const settings = readPublishSettings();
    const url = settings.endpoints[platform] + request.path;
    const http = vscode.workspace.getConfiguration('http');
    const proxy = proxyFor(url, { setting: http.get<string>('proxy'), env: process.env, noProxy: http.get<string[]>('noProxy') ?? [] });
    const headers: Record<string, string> = platform === 'devto' ? { 'api-key': key, accept: 'application/vnd.forem.api-v1+json' } : { authorization: key };
    const started = Date.now();
    const shown = `${request.method} ${redactUrl(url)}${proxy ? ` via ${redactUrl(proxy)}` : ''}`;
    try {
      const answer = await sendRequest({
        url,
        method: request.method,
        headers,
        json: request.json,
        timeoutMs: settings.timeoutMs,
        proxy,
        strictSSL: http.get<boolean>('proxyStrictSSL') !== false,
      });
      log().info(`${shown} → HTTP ${answer.status} in ${Date.now() - started} ms`);
      if (answer.status >= 400) log().debug(`${PLATFORM_INFO[platform].label} said: ${redact(answer.body.slice(0, 500), [key])}`);
      return answer;
    } catch (error) {
      if (error instanceof TransportError) {
        log().warn(`${shown} failed after ${Date.now() - started} ms: ${redact(error.message, [key])}`);
        throw new RemoteFailure({ kind: error.kind, message: vscode.l10n.t('{0} could not be reached: {1}', PLATFORM_INFO[platform].label, error.message) });
      }
      throw error;
    }
  }
}

/** The site's URL as a workspace folder's generator config states it, or undefined. */
export async function siteUrlOfFolder(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  for (const name of SITE_CONFIG_FILES) {
    const text = await readFileText(vscode.Uri.joinPath(folder.uri, name));
    const url = text === undefined ? undefined : siteUrlFromConfig(name, text);
    if (url) return url;
  }
  return undefined;
}

export async function readFileText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * `siteUrlOfFolder` read once per folder and kept until one of the config files changes, for
 * checks that run on every edit. `onDidChange` fires when a kept URL may be stale.
 */
export class SiteUrls extends Disposable {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/{${SITE_CONFIG_FILES.join(',')}}`));
    const forget = (): void => {
      this.cache.clear();
      this.changed.fire();
    };
    this.register(watcher.onDidCreate(forget));
    this.register(watcher.onDidChange(forget));
    this.register(watcher.onDidDelete(forget));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(forget));
  }

  get(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
    const key = folder.uri.toString();
    let url = this.cache.get(key);
    if (!url) this.cache.set(key, (url = siteUrlOfFolder(folder)));
    return url;
  }
}

/**
 * Site URL, permalink rule and missing files: what the core needs besides the draft's text.
 * The editor's checks pass `siteUrls` to read the generator config once per folder.
 */
export async function publishContextFor(workspace: WorkspaceDrafts, uri: vscode.Uri, text: string, siteUrls?: SiteUrls): Promise<PublishContext> {
  const settings = readPublishSettings(uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const relativePath = folder ? uri.path.slice(folder.uri.path.replace(/\/+$/, '').length + 1) : (uri.path.split('/').pop() ?? uri.path);
  const generator = workspace.generatorFor(uri);
  const siteUrl = settings.siteUrl ?? (folder ? await (siteUrls ? siteUrls.get(folder) : siteUrlOfFolder(folder)) : undefined);
  const jekyllConfig = generator === 'jekyll' && folder ? await readFileText(vscode.Uri.joinPath(folder.uri, '_config.yml')) : undefined;
  const permalink = settings.permalink || defaultPermalink(generator, jekyllConfig);
  const parts = splitDraft(text);
  const references = localReferences(parts.body, relativePath);
  const cover = readText(parts.data, COVER_FIELDS);
  if (cover && !isAbsoluteTarget(cover.value) && !cover.value.startsWith('/')) {
    const path = repoPathOf(relativePath, cover.value);
    if (path) references.push(path);
  }
  const missing = new Set<string>();
  if (folder) {
    await Promise.all(
      references.map(async (path) => {
        try {
          await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, ...path.split('/')));
        } catch {
          missing.add(path);
        }
      }),
    );
  }
  return { relativePath, siteUrl, permalink, assetsBaseUrl: settings.assetsBaseUrl, hashnodePublicationId: settings.hashnodePublicationId, missingFiles: missing };
}
