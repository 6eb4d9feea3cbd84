import { analyzeDraft, bodyOf, isMarkdownPath, parseDraft } from './draft';
import type { DraftIndex, FileStamp, IndexUpdate } from './draftIndex';
import { decodeDraftBytes } from './text';
import type { CoreConfig, Draft, Skipped } from './types';

export interface ScanFile extends FileStamp {
  uri: string;
  relativePath: string;
}

export interface ScanHost {
  readFile(uri: string): Uint8Array | Promise<Uint8Array>;
}

export interface ScanOptions {
  config: CoreConfig;
  /** Called once every file is listed with kind, status, title and dates, before the analysis pass. */
  onListed?(): void;
  /** Called after each batch with the files done so far, for progress. */
  onProgress?(done: number, total: number): void;
  isCancelled?(): boolean;
  /** Files per batch; between batches the scanner yields so the host stays responsive. */
  batchSize?: number;
  /** Whether to wait on the event loop between batches. Off in benchmarks that measure raw speed. */
  yieldBetweenBatches?: boolean;
}

export interface ScanReport {
  total: number;
  reused: number;
  read: number;
  removed: number;
  skipped: Skipped[];
  failed: { uri: string; message: string }[];
  cancelled: boolean;
}

/**
 * Brings the index up to date with a list of files in two passes: the listing pass reads
 * front matter so views can show every draft quickly, then the analysis pass counts words,
 * tasks and talk timing. Files whose size and mtime match the index are not read again.
 */
export async function scanFiles(index: DraftIndex, files: readonly ScanFile[], host: ScanHost, options: ScanOptions): Promise<ScanReport> {
  const { config } = options;
  const batchSize = options.batchSize ?? 250;
  const report: ScanReport = { total: files.length, reused: 0, read: 0, removed: 0, skipped: [], failed: [], cancelled: false };

  const present = new Set(files.map((f) => f.uri));
  const removals = index.uris().filter((uri) => !present.has(uri));
  report.removed = removals.length;
  if (removals.length > 0) index.apply([], removals);

  // A draft listed but never analysed (a scan cancelled between passes) is read again, or it would stay unanalysed.
  const unanalysed = (uri: string): boolean => {
    const draft = index.get(uri);
    return draft !== undefined && draft.analysis === undefined;
  };
  const stale = files.filter((file) => isMarkdownPath(file.relativePath) && (!index.isCurrent(file.uri, file) || unanalysed(file.uri)));
  report.reused = files.length - stale.length;
  const pending: { draft: Draft; text: string; stamp: FileStamp }[] = [];

  for (let start = 0; start < stale.length; start += batchSize) {
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    const batch = stale.slice(start, start + batchSize);
    const contents = await readBatch(batch, host);
    const updates: IndexUpdate[] = [];
    batch.forEach((file, i) => {
      const content = contents[i];
      const stamp = { size: file.size, mtimeMs: file.mtimeMs };
      if (content instanceof Error) {
        report.failed.push({ uri: file.uri, message: content.message });
        return;
      }
      report.read++;
      const decoded = decodeDraftBytes(content, config.maxFileBytes);
      const result = decoded.ok
        ? parseDraft(file, decoded.text, config, { analyze: false })
        : { skipped: { uri: file.uri, reason: decoded.reason, message: decoded.message } };
      if ('skipped' in result) report.skipped.push(result.skipped);
      else if (decoded.ok) pending.push({ draft: result.draft, text: decoded.text, stamp });
      updates.push({ uri: file.uri, result, stamp });
    });
    index.apply(updates);
    options.onProgress?.(Math.min(start + batchSize, stale.length), stale.length);
    if (options.yieldBetweenBatches !== false) await yieldToHost();
  }
  options.onListed?.();

  for (let start = 0; start < pending.length; start += batchSize) {
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    const updates: IndexUpdate[] = [];
    for (const item of pending.slice(start, start + batchSize)) {
      const { body, bodyStartLine } = bodyOf(item.text);
      const analysed = analyzeDraft({ ...item.draft, problems: [...item.draft.problems] }, body, bodyStartLine, config);
      updates.push({ uri: analysed.uri, result: { draft: analysed }, stamp: item.stamp });
    }
    index.apply(updates);
    if (options.yieldBetweenBatches !== false) await yieldToHost();
  }
  return report;
}

async function readBatch(batch: readonly ScanFile[], host: ScanHost): Promise<(Uint8Array | Error)[]> {
  const results: (Uint8Array | Error | Promise<Uint8Array | Error>)[] = batch.map((file) => {
    try {
      const value = host.readFile(file.uri);
      return value instanceof Promise ? value.catch(toError) : value;
    } catch (error) {
      return toError(error);
    }
  });
  return results.some((r) => r instanceof Promise) ? Promise.all(results) : (results as (Uint8Array | Error)[]);
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
