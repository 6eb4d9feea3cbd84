// The CFP feeds' cache: what was last read from each feed and when. It lives in a file that
// every window of the editor shares, so it is read back at each refresh, and a file that is
// damaged or from another version costs the cache, never the view.

import { isIsoDate } from '../dates';
import { hasOwn } from '../util/objects';
import { describeAge, type Cfp, type FeedRead } from './cfpFeed';

export const CFP_CACHE_VERSION = 2;

export interface CachedFeed {
  /** When the feed was read, in ms since the epoch. */
  fetchedAt: number;
  calls: Cfp[];
}

/** Feeds by cache key: a feed's URL, or the full URI of a workspace file. */
export type CfpCache = Map<string, CachedFeed>;

export interface CfpCacheRead {
  feeds: CfpCache;
  /** What was wrong with the file; whatever could not be read is left out. */
  problems: string[];
  /** Whether the whole file was set aside: not JSON, another version, the wrong shape. */
  ignored: boolean;
}

/** What fetching a feed gave: its parsed text, or why it could not be read. */
export type FeedFetch = { ok: true; read: FeedRead; fetchedAt: number } | { ok: false; reason: string };

export interface FeedChoice {
  /** The copy to show; undefined when there is none. */
  feed?: CachedFeed;
  /** Whether it was read just now; false when it comes from the cache, or there is nothing. */
  fresh: boolean;
}

export interface CfpFeedState {
  loading: boolean;
  loaded: boolean;
  /** The oldest fetch time among the feeds shown. */
  fetchedAt?: number;
  /** Feeds that could not be read at the last refresh. */
  failed: readonly string[];
}

const MAX_TEXT = 300;
const MAX_URL = 2048;

/** Reads the cache file's text. Never throws: a bad file is an empty cache and a problem. */
export function decodeCfpCache(text: string): CfpCacheRead {
  const feeds: CfpCache = new Map();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { feeds, ignored: true, problems: ['The CFP cache is not JSON; it was ignored.'] };
  }
  if (!isRecord(value)) return { feeds, ignored: true, problems: ['The CFP cache is not an object; it was ignored.'] };
  const version = own(value, 'version');
  if (version !== 1 && version !== CFP_CACHE_VERSION) {
    return { feeds, ignored: true, problems: [`The CFP cache has version ${JSON.stringify(version) ?? 'none'}, which this version does not read; it was ignored.`] };
  }
  const stored = own(value, 'feeds');
  if (!isRecord(stored)) return { feeds, ignored: true, problems: ['The CFP cache has no feeds; it was ignored.'] };
  const problems: string[] = [];
  let badFeeds = 0;
  let badCalls = 0;
  for (const [key, entry] of Object.entries(stored)) {
    // Version 1 keyed a workspace file by its path as written, which two workspaces could share.
    if (version === 1 && !/^https?:\/\//i.test(key)) continue;
    const fetchedAt = isRecord(entry) ? own(entry, 'fetchedAt') : undefined;
    const calls = isRecord(entry) ? own(entry, 'calls') : undefined;
    if (!isUriKey(key) || typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt) || fetchedAt <= 0 || !Array.isArray(calls)) {
      badFeeds++;
      continue;
    }
    const good: Cfp[] = [];
    for (const call of calls) {
      const read = readCachedCall(call);
      if (read) good.push(read);
      else badCalls++;
    }
    feeds.set(key, { fetchedAt, calls: good });
  }
  if (badFeeds > 0)
    problems.push(`The CFP cache had ${badFeeds === 1 ? 'a feed' : `${badFeeds} feeds`} that could not be read; ${badFeeds === 1 ? 'it was' : 'they were'} left out.`);
  if (badCalls > 0)
    problems.push(`The CFP cache had ${badCalls === 1 ? 'a call' : `${badCalls} calls`} that could not be read; ${badCalls === 1 ? 'it was' : 'they were'} left out.`);
  return { feeds, problems, ignored: false };
}

/** The cache file's text. */
export function encodeCfpCache(feeds: ReadonlyMap<string, CachedFeed>): string {
  const out: Record<string, CachedFeed> = {};
  for (const [key, feed] of feeds) Object.defineProperty(out, key, { value: feed, enumerable: true, writable: true, configurable: true });
  return JSON.stringify({ version: CFP_CACHE_VERSION, feeds: out });
}

/**
 * Which copy of a feed to show after fetching it: the fresh one when it could be read, else the
 * cached one. A feed that is all problems and no calls is a broken feed, not an empty one, so
 * the last good copy stays.
 */
export function chooseFeed(cached: CachedFeed | undefined, fetched: FeedFetch): FeedChoice {
  if (!fetched.ok) return cached ? { feed: cached, fresh: false } : { fresh: false };
  if (fetched.read.calls.length === 0 && fetched.read.problems.length > 0 && cached) return { feed: cached, fresh: false };
  return { feed: { fetchedAt: fetched.fetchedAt, calls: fetched.read.calls }, fresh: true };
}

/** Two copies of the cache as one: per feed, the one read later wins; on a tie, `over`. */
export function mergeCfpCaches(base: ReadonlyMap<string, CachedFeed>, over: ReadonlyMap<string, CachedFeed>): CfpCache {
  const merged: CfpCache = new Map(base);
  for (const [key, feed] of over) {
    const known = merged.get(key);
    if (!known || feed.fetchedAt >= known.fetchedAt) merged.set(key, feed);
  }
  return merged;
}

/** What the CFPs view says about its data: `updated 5 min ago`, `offline · cached 3 days ago`, `updating…`. */
export function describeFeedState(state: CfpFeedState, now: number): string | undefined {
  if (state.loading) return 'updating…';
  if (state.fetchedAt !== undefined) {
    const age = describeAge(state.fetchedAt, now);
    return state.failed.length > 0 ? `offline · cached ${age}` : `updated ${age}`;
  }
  if (state.loaded && state.failed.length > 0) return 'offline';
  return undefined;
}

function readCachedCall(value: unknown): Cfp | undefined {
  if (!isRecord(value)) return undefined;
  const name = text(own(value, 'name'));
  const cfpUrl = httpUrl(own(value, 'cfpUrl'));
  const cfpDeadline = day(own(value, 'cfpDeadline'));
  const sources = own(value, 'sources');
  if (!name || !cfpUrl || !cfpDeadline || !Array.isArray(sources) || !sources.every((s) => typeof s === 'string')) return undefined;
  const call: Cfp = { name, cfpUrl, cfpDeadline, sources: [...(sources as string[])] };
  const url = httpUrl(own(value, 'url'));
  if (url) call.url = url;
  const eventStart = day(own(value, 'eventStart'));
  if (eventStart) call.eventStart = eventStart;
  const eventEnd = day(own(value, 'eventEnd'));
  if (eventEnd) call.eventEnd = eventEnd;
  const location = text(own(value, 'location'));
  if (location) call.location = location;
  const country = text(own(value, 'country'));
  if (country) call.country = country;
  if (own(value, 'online') === true) call.online = true;
  return call;
}

function isUriKey(key: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(key) && key.length <= MAX_URL;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() && value.length <= MAX_TEXT ? value : undefined;
}

function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_URL && /^https?:\/\/\S+$/i.test(value) ? value : undefined;
}

function day(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoDate(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return hasOwn(record, key) ? record[key] : undefined;
}
