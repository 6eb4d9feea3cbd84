// The index cache in workspace storage, for quick restarts: written in chunks so no single
// stored value grows past what the storage handles well.

import type * as vscode from 'vscode';
import type { DraftStore, DraftCache } from '../core/draftStore';
import { log } from '../util/logger';
import { errorMessage } from '../core/util/result';

const CACHE_MANIFEST_KEY = 'devrel.index.manifest';
const CACHE_CHUNK_KEY = 'devrel.index.chunk.';
/** Entries per stored key: a few hundred drafts keep each key well under a megabyte. */
const CACHE_CHUNK_SIZE = 400;

export class IndexCacheStore {
  constructor(private readonly storage: vscode.Memento) {}

  /** Loads the stored cache into `index` when it was written under the same config; returns how many entries it loaded. */
  restore(index: DraftStore, configKey: string): number {
    try {
      const manifest = this.storage.get<{ version: number; configKey: string; chunks: number }>(CACHE_MANIFEST_KEY);
      if (!manifest) return 0;
      const entries: DraftCache['entries'] = [];
      for (let i = 0; i < manifest.chunks; i++) entries.push(...(this.storage.get<DraftCache['entries']>(CACHE_CHUNK_KEY + i) ?? []));
      const result = index.loadCache({ version: manifest.version, configKey: manifest.configKey, entries }, configKey);
      if (result.reason) log().info(`Index cache not used: ${result.reason}.`);
      if (result.dropped) log().warn(`Dropped ${result.dropped} malformed index cache entries; their files are read again.`);
      return result.loaded;
    } catch (error) {
      log().warn(`The index cache could not be read and will be rebuilt: ${errorMessage(error)}`);
      return 0;
    }
  }

  async save(index: DraftStore, configKey: string): Promise<void> {
    try {
      const cache = index.toCache(configKey);
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
}
