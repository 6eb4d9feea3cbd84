import { decodeResult, encodeResult, type EncodedResult } from './cacheCodec';
import type { Draft, ReadResult, Skipped } from './types';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface DraftChange {
  changed: string[];
  removed: string[];
}

export interface Disposable {
  dispose(): void;
}

interface Entry {
  result: ReadResult;
  stamp: FileStamp;
}

export const CACHE_VERSION = 8;

/** A serialisable snapshot, checked against the files' size and mtime on the next start. */
export interface DraftCache {
  version: number;
  configKey: string;
  /** Each result is encoded positionally by `encodeResult`, and carries its URI. */
  entries: [size: number, mtimeMs: number, result: EncodedResult][];
}

export interface DraftUpdate {
  uri: string;
  result: ReadResult;
  stamp: FileStamp;
}

/** Every file the scanner has looked at, keyed by URI string: drafts and the files it skipped. */
export class DraftStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(change: DraftChange) => void>();

  onDidChange(listener: (change: DraftChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Applies many updates and removals with a single change event. */
  apply(updates: readonly DraftUpdate[], removals: readonly string[] = []): void {
    const changed: string[] = [];
    const removed: string[] = [];
    for (const update of updates) {
      this.entries.set(update.uri, { result: update.result, stamp: update.stamp });
      changed.push(update.uri);
    }
    for (const uri of removals) {
      if (this.entries.delete(uri)) removed.push(uri);
    }
    if (changed.length > 0 || removed.length > 0) this.fire({ changed, removed });
  }

  update(uri: string, result: ReadResult, stamp: FileStamp): void {
    this.apply([{ uri, result, stamp }]);
  }

  remove(uri: string): boolean {
    const had = this.entries.has(uri);
    this.apply([], [uri]);
    return had;
  }

  /** Removes every entry under a folder URI, for a deleted folder. */
  removeUnder(folderUri: string): string[] {
    const prefix = folderUri.endsWith('/') ? folderUri : folderUri + '/';
    const removals = [...this.entries.keys()].filter((uri) => uri.startsWith(prefix));
    this.apply([], removals);
    return removals;
  }

  get(uri: string): Draft | undefined {
    const result = this.entries.get(uri)?.result;
    return result && 'draft' in result ? result.draft : undefined;
  }

  skipped(uri: string): Skipped | undefined {
    const result = this.entries.get(uri)?.result;
    return result && 'skipped' in result ? result.skipped : undefined;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** True when the entry was read from a file of this size and mtime, so reading it again would change nothing. */
  isCurrent(uri: string, stamp: FileStamp): boolean {
    const entry = this.entries.get(uri);
    return entry !== undefined && entry.stamp.size === stamp.size && entry.stamp.mtimeMs === stamp.mtimeMs;
  }

  drafts(): Draft[] {
    const drafts: Draft[] = [];
    for (const entry of this.entries.values()) if ('draft' in entry.result) drafts.push(entry.result.draft);
    return drafts;
  }

  allSkipped(): Skipped[] {
    const skipped: Skipped[] = [];
    for (const entry of this.entries.values()) if ('skipped' in entry.result) skipped.push(entry.result.skipped);
    return skipped;
  }

  clear(): void {
    this.apply([], [...this.entries.keys()]);
  }

  toCache(configKey: string): DraftCache {
    const entries: DraftCache['entries'] = [];
    for (const entry of this.entries.values()) entries.push([entry.stamp.size, entry.stamp.mtimeMs, encodeResult(entry.result)]);
    return { version: CACHE_VERSION, configKey, entries };
  }

  /**
   * Loads a cache written by `toCache`. A cache from another version or configuration is
   * ignored, because its drafts were read under different rules. An entry that is malformed in
   * any field is dropped, not half-trusted: its file is not in the index, so the next scan reads it.
   */
  loadCache(cache: unknown, configKey: string): { loaded: number; dropped?: number; reason?: string } {
    if (!isCache(cache)) return { loaded: 0, reason: 'not a DevRel Desk cache' };
    if (cache.version !== CACHE_VERSION) return { loaded: 0, reason: `cache version ${cache.version} is not ${CACHE_VERSION}` };
    if (cache.configKey !== configKey) return { loaded: 0, reason: 'settings changed since the cache was written' };
    const updates: DraftUpdate[] = [];
    let dropped = 0;
    for (const entry of cache.entries as unknown[]) {
      const [size, mtimeMs, encoded] = Array.isArray(entry) && entry.length === 3 ? (entry as unknown[]) : [];
      const result = decodeResult(encoded);
      if (!result || !Number.isFinite(size) || !Number.isFinite(mtimeMs)) {
        dropped++;
        continue;
      }
      updates.push({ uri: uriOf(result), result, stamp: { size: size as number, mtimeMs: mtimeMs as number } });
    }
    this.apply(updates);
    return dropped > 0 ? { loaded: updates.length, dropped } : { loaded: updates.length };
  }

  private fire(change: DraftChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

function uriOf(result: ReadResult): string {
  return 'draft' in result ? result.draft.uri : result.skipped.uri;
}

function isCache(value: unknown): value is DraftCache {
  if (typeof value !== 'object' || value === null) return false;
  const cache = value as Partial<DraftCache>;
  return typeof cache.version === 'number' && typeof cache.configKey === 'string' && Array.isArray(cache.entries);
}
