import { analyzeJobs, type AnalysisJob, type AnalysisOptions } from './analysis/analysis';

export type { AnalysisJob } from './analysis/analysis';
import { applyAnalysis, bodyOf, isMarkdownPath, kindForFolder, notADraft, parseDraft } from './draft';
import { locateFrontMatter } from './frontMatter/parse';
import { bundleFinder, bundleLayoutChanged } from './sites/postRules';
import type { DraftStore, FileStamp, DraftUpdate } from './draftStore';
import { decodeDraftBytes } from './text';
import type { CoreConfig, Draft, DraftAnalysis, Problem, Skipped } from './types';

export interface ScanFile extends FileStamp {
  uri: string;
  relativePath: string;
  /** The file's path on the local disk, when the listing built one: the host reads it without parsing the URI back. */
  localPath?: string;
}

export interface ScanHost {
  readFile(uri: string, localPath?: string): Uint8Array | Promise<Uint8Array>;
  /**
   * Reads a file from its start, `firstBytes` at first, asking `decide` after each read whether
   * to stop there, read more, or read it all. With it, a file that no folder maps to a kind is
   * read only as far as its front matter: it is a draft only if the front matter names a kind.
   * One open serves the whole file when it turns out to be a draft.
   */
  readFront?(uri: string, firstBytes: number, decide: FrontDecision, localPath?: string): FrontRead | Promise<FrontRead>;
}

/** `complete`: the bytes are the whole file. */
export type FrontDecision = (bytes: Uint8Array, complete: boolean) => 'stop' | 'more' | 'all';
export interface FrontRead {
  bytes: Uint8Array;
  complete: boolean;
}

/** Enough for nearly every front matter; a longer one is read further. */
export const HEAD_BYTES = 1024;
/** Past this, a fence that still hasn't closed is read as a whole file. */
const MAX_HEAD_BYTES = 64 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export type HeadVerdict = 'not-a-draft' | 'read-more' | 'read-all';

/**
 * What the start of an unmapped file says: no front matter, or front matter that never mentions
 * `kind`, means it is not a draft; a fence that hasn't closed within `head` needs more bytes.
 * Only ASCII matters here (fences and the key), so the bytes are read as Latin-1: no UTF-8
 * decoding, and a character cut at the end of `head` can't break anything.
 */
export function headVerdict(head: Uint8Array, isWholeFile: boolean): HeadVerdict {
  const bom = UTF8_BOM.every((byte, i) => head[i] === byte) ? 3 : 0;
  const text = Buffer.from(head.buffer, head.byteOffset + bom, head.byteLength - bom).toString('latin1');
  const location = locateFrontMatter(text);
  if (location.type === 'none') return 'not-a-draft';
  // Any `kind` at all, even nested or in flow style, is worth a full read; a docs page rarely says it.
  const mentionsKind = (content: string): boolean => /\bkind\b/.test(content);
  if (location.type === 'closed') return mentionsKind(text.slice(location.block.contentStart, location.block.contentEnd)) ? 'read-all' : 'not-a-draft';
  if (isWholeFile) return mentionsKind(text) ? 'read-all' : 'not-a-draft';
  return 'read-more';
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
  /**
   * Bodies longer than this many characters are never analysed on this thread: they go to
   * `offThreadAnalyzer` (else `analyzer`) one at a time, and get an `analysis-skipped` problem
   * when there is neither or it fails. Unset, every body may be analysed here.
   */
  mainThreadMaxChars?: number;
  offThreadAnalyzer?: Analyzer;
}

/**
 * Bodies up to this many characters are analysed on the extension host's thread, in under
 * 40 ms of CPU even for the slowest Markdown measured (runs of `![` and thousands of tiny
 * paragraphs, which markdown-it itself parses at about 3 s per MB; see `npm run bench`).
 * Longer ones are analysed on a worker thread.
 */
export const MAIN_THREAD_ANALYSIS_MAX_CHARS = 12 * 1024;

/** The problem a draft gets when its body is too long to analyse here and can't be analysed elsewhere. */
export function analysisSkippedProblem(bodyChars: number, reason: string): Problem {
  const kb = Math.ceil(bodyChars / 1024).toLocaleString('en-US');
  return {
    code: 'analysis-skipped',
    severity: 'info',
    message: `Words, tasks and talk timing were not counted: the body is ${kb} KB, and bodies that long are counted on a worker thread, which ${reason}.`,
  };
}

export type Analyzer = (jobs: AnalysisJob[], options: Pick<AnalysisOptions, 'wordsPerMinute'> & { signal?: AbortSignal }) => Promise<DraftAnalysis[]>;

export interface ScanReport {
  total: number;
  reused: number;
  read: number;
  /** Of those read, the files read only as far as their front matter. */
  frontMatterOnly: number;
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
  const report: ScanReport = { total: files.length, reused: 0, read: 0, frontMatterOnly: 0, removed: 0, skipped: [], failed: [], analyzerFailures: 0, cancelled: false };

  const present = new Set(files.map((f) => f.uri));
  const removals = index.uris().filter((uri) => !present.has(uri));
  report.removed = removals.length;
  if (removals.length > 0) index.apply([], removals);

  // A draft listed but never analysed (a scan cancelled between passes) is read again, or it would stay unanalysed.
  const unanalysed = (uri: string): boolean => {
    const draft = index.get(uri);
    return draft !== undefined && draft.analysis === undefined;
  };
  // Hugo's page bundles: whether a file is a post depends on an index.md beside it, known from the list itself.
  const bundleOf = bundleFinder(config.sites, files);
  const bundleChanged = (file: ScanFile): boolean =>
    bundleOf !== undefined &&
    bundleLayoutChanged(config.sites, file, bundleOf(file.uri, file.relativePath), {
      postByFolder: index.get(file.uri)?.kindSource === 'folder',
      notADraft: index.skipped(file.uri)?.reason === 'not-a-draft',
    });
  const stale = files.filter((file) => isMarkdownPath(file.relativePath) && (!index.isCurrent(file.uri, file) || unanalysed(file.uri) || bundleChanged(file)));
  report.reused = files.length - stale.length;
  const wordsPerMinute = { wordsPerMinute: config.wordsPerMinute };
  type Pending = { draft: Draft; job: AnalysisJob; stamp: FileStamp };
  const pending: Pending[] = [];
  const dispatched: { items: Pending[]; results: Promise<DraftAnalysis[] | Error>; offThreadOnly: boolean }[] = [];
  const dispatch = (items: Pending[]): void => {
    if (!options.analyzer || items.length === 0) return;
    const jobs = items.map((item) => item.job);
    dispatched.push({ items, results: options.analyzer(jobs, wordsPerMinute).catch(toError), offThreadOnly: false });
  };
  const offThread = options.offThreadAnalyzer ?? options.analyzer;
  const maxHere = options.mainThreadMaxChars ?? Number.POSITIVE_INFINITY;
  const skip = (items: Pending[], reason: string): void => {
    if (items.length === 0) return;
    index.apply(
      items.map((item) => ({
        uri: item.draft.uri,
        result: { draft: { ...item.draft, problems: [...item.draft.problems, analysisSkippedProblem(item.job.body.length, reason)] } },
        stamp: item.stamp,
      })),
    );
  };

  for (let start = 0; start < stale.length; start += batchSize) {
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    const batch = stale.slice(start, start + batchSize);
    const contents = await readBatch(batch, host, config);
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
      if (content === HEAD_ONLY) {
        report.frontMatterOnly++;
        updates.push({ uri: file.uri, result: notADraft(file.uri), stamp });
        return;
      }
      const decoded = decodeDraftBytes(content, config.maxFileBytes);
      const source = bundleOf ? { uri: file.uri, relativePath: file.relativePath, bundleFolder: bundleOf(file.uri, file.relativePath) } : file;
      const result = decoded.ok ? parseDraft(source, decoded.text, config, { analyze: false }) : { skipped: { uri: file.uri, reason: decoded.reason, message: decoded.message } };
      if ('skipped' in result) report.skipped.push(result.skipped);
      else if (decoded.ok) listed.push({ draft: result.draft, job: bodyOf(decoded.text), stamp });
      updates.push({ uri: file.uri, result, stamp });
    });
    index.apply(updates);
    const long = listed.filter((item) => item.job.body.length > maxHere);
    const short = long.length === 0 ? listed : listed.filter((item) => item.job.body.length <= maxHere);
    if (options.analyzer) dispatch(short);
    else pending.push(...short);
    for (const item of long) {
      // One at a time, so a slow body doesn't hold up a batch of quick ones.
      if (offThread) dispatched.push({ items: [item], results: offThread([item.job], wordsPerMinute).catch(toError), offThreadOnly: true });
    }
    if (!offThread) skip(long, 'is not available');
    options.onProgress?.(Math.min(start + batchSize, stale.length), stale.length);
    if (options.yieldBetweenBatches !== false) await yieldToHost();
  }
  options.onListed?.();

  const finish = (items: Pending[], analyses: readonly DraftAnalysis[]): void => {
    // A fresh object, so views holding the listed draft never see it change under them.
    index.apply(
      items.map((item, i) => ({ uri: item.draft.uri, result: { draft: applyAnalysis({ ...item.draft, problems: [...item.draft.problems] }, analyses[i]) }, stamp: item.stamp })),
    );
  };
  for (const { items, results, offThreadOnly } of dispatched) {
    const analyses = await results;
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    if (analyses instanceof Error || analyses.length !== items.length) {
      report.analyzerFailures++;
      if (offThreadOnly) skip(items, `failed (${analyses instanceof Error ? analyses.message : 'no result'})`);
      else pending.push(...items);
    } else {
      finish(items, analyses);
    }
  }
  for (let start = 0; start < pending.length; start += batchSize) {
    if (options.isCancelled?.()) return { ...report, cancelled: true };
    const items = pending.slice(start, start + batchSize);
    finish(
      items,
      analyzeJobs(
        items.map((item) => item.job),
        wordsPerMinute,
      ),
    );
    if (options.yieldBetweenBatches !== false) await yieldToHost();
  }
  return report;
}

async function readBatch(batch: readonly ScanFile[], host: ScanHost, config: CoreConfig): Promise<(Uint8Array | Error | HeadOnly)[]> {
  const results: (Uint8Array | Error | HeadOnly | Promise<Uint8Array | Error | HeadOnly>)[] = batch.map((file) => {
    try {
      if (host.readFront && file.size <= config.maxFileBytes && kindForFolder(file.relativePath, config, file.uri) === undefined) {
        const value = readFrontMatterOnly(file, host, host.readFront);
        return value instanceof Promise ? value.catch(toError) : value;
      }
      const value = host.readFile(file.uri, file.localPath);
      return value instanceof Promise ? value.catch(toError) : value;
    } catch (error) {
      return toError(error);
    }
  });
  return results.some((r) => r instanceof Promise) ? Promise.all(results) : (results as (Uint8Array | Error | HeadOnly)[]);
}

/** A file whose start showed it is not a draft: nothing more was read. */
const HEAD_ONLY = Symbol('head only');
type HeadOnly = typeof HEAD_ONLY;

/** Reads an unmapped file's front matter, and the whole file only when the front matter may name a kind. */
function readFrontMatterOnly(file: ScanFile, host: ScanHost, readFront: NonNullable<ScanHost['readFront']>): Uint8Array | HeadOnly | Promise<Uint8Array | HeadOnly> {
  let verdict: HeadVerdict = 'read-all';
  const decide: FrontDecision = (bytes, complete) => {
    verdict = headVerdict(bytes, complete);
    if (verdict === 'not-a-draft') return 'stop';
    // A fence still open this far in is read whole: parsing reports it.
    return verdict === 'read-all' || bytes.byteLength >= MAX_HEAD_BYTES ? 'all' : 'more';
  };
  const finish = (read: FrontRead): Uint8Array | HeadOnly | Promise<Uint8Array> => {
    if (verdict === 'not-a-draft') return HEAD_ONLY;
    return read.complete ? read.bytes : host.readFile(file.uri, file.localPath);
  };
  const read = readFront(file.uri, HEAD_BYTES, decide, file.localPath);
  return read instanceof Promise ? read.then(finish) : finish(read);
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
