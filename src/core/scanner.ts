import { analyzeJobs, type AnalysisJob, type AnalysisOptions } from './analysis/analysis';

export type { AnalysisJob } from './analysis/analysis';
import { applyAnalysis, bodyOf, isMarkdownPath, parseDraft } from './draft';
import type { DraftStore, FileStamp, DraftUpdate } from './draftStore';
import { decodeDraftBytes } from './text';
import type { CoreConfig, Draft, DraftAnalysis, Skipped } from './types';

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
  /**
   * Runs the analysis pass elsewhere, e.g. on worker threads, so it overlaps the listing pass.
   * Without one, analysis runs here after listing.
   */
  analyzer?: Analyzer;
}

export type Analyzer = (jobs: AnalysisJob[], options: Pick<AnalysisOptions, 'wordsPerMinute'>) => Promise<DraftAnalysis[]>;

export interface ScanReport {
  total: number;
  reused: number;
  read: number;
  removed: number;
  skipped: Skipped[];
  failed: { uri: string; message: string }[];
  /** Batches the analyzer could not do, analysed here instead. */
  analyzerFailures: number;
  cancelled: boolean;
}

/**
 * Brings the index up to date with a list of files in two passes: the listing pass reads
 * front matter so views can show every draft quickly, then the analysis pass counts words,
 * tasks and talk timing. Files whose size and mtime match the index are not read again.
 */
export async function scanFiles(index: DraftStore, files: readonly ScanFile[], host: ScanHost, options: ScanOptions): Promise<ScanReport> {
  const { config } = options;
  const batchSize = options.batchSize ?? 250;
  const report: ScanReport = { total: files.length, reused: 0, read: 0, removed: 0, skipped: [], failed: [], analyzerFailures: 0, cancelled: false };

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
  const wordsPerMinute = { wordsPerMinute: config.wordsPerMinute };
  type Pending = { draft: Draft; job: AnalysisJob; stamp: FileStamp };
  const pending: Pending[] = [];
  const dispatched: { items: Pending[]; results: Promise<DraftAnalysis[] | Error> }[] = [];
  const dispatch = (items: Pending[]): void => {
    if (!options.analyzer || items.length === 0) return;
    const jobs = items.map((item) => item.job);
    dispatched.push({ items, results: options.analyzer(jobs, wordsPerMinute).catch(toError) });
  };

  for (let start = 0; start < stale.length; start += batchSize) {
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    const batch = stale.slice(start, start + batchSize);
    const contents = await readBatch(batch, host);
    const updates: DraftUpdate[] = [];
    const listed: Pending[] = [];
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
      else if (decoded.ok) listed.push({ draft: result.draft, job: bodyOf(decoded.text), stamp });
      updates.push({ uri: file.uri, result, stamp });
    });
    index.apply(updates);
    if (options.analyzer) dispatch(listed);
    else pending.push(...listed);
    options.onProgress?.(Math.min(start + batchSize, stale.length), stale.length);
    if (options.yieldBetweenBatches !== false) await yieldToHost();
  }
  options.onListed?.();

  const finish = (items: Pending[], analyses: readonly DraftAnalysis[]): void => {
    // A fresh object, so views holding the listed draft never see it change under them.
    index.apply(items.map((item, i) => ({ uri: item.draft.uri, result: { draft: applyAnalysis({ ...item.draft, problems: [...item.draft.problems] }, analyses[i]) }, stamp: item.stamp })));
  };
  for (const { items, results } of dispatched) {
    const analyses = await results;
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    if (analyses instanceof Error || analyses.length !== items.length) {
      report.analyzerFailures++;
      pending.push(...items);
    } else {
      finish(items, analyses);
    }
  }
  for (let start = 0; start < pending.length; start += batchSize) {
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    const items = pending.slice(start, start + batchSize);
    finish(items, analyzeJobs(items.map((item) => item.job), wordsPerMinute));
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
