// Indexing benchmark: our core against raw I/O and against the pipeline other extensions use,
// then hostile input per MB against markdown-it.
// Usage: npm run bench [-- --json] [-- --runs N] [-- --sizes 1000,10000] [-- --docs 20000] [-- --docs-runs 7] [-- --pathological-mb 1]
//        [-- --pathological-only | --skip-pathological]
// Prints a table per corpus size and one for hostile input; with --json the last line is one
// JSON object for the largest size, with the hostile-input figures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { buildSync } from 'esbuild';
import { availableParallelism } from 'node:os';
import type { FrontDecision, FrontRead, ScanFile } from '../src/core/scanner';
import { generateCorpus, generateDocsCorpus } from './benchCorpus';
import { readFrontSync } from '../src/util/readHead';
import { formatPathological, measurePathological, type PathologicalRow } from './benchPathological';
import type * as Core from './benchCore';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(valueOf('--runs') ?? 5);
const sizes = (valueOf('--sizes') ?? '1000,10000').split(',').map(Number);
/** Pages in the docs-site corpus; 0 leaves it out. */
const docsPages = Number(valueOf('--docs') ?? 20000);
/** Runs of the docs-site corpus: its ratio moves with the machine's load, so it gets more runs for a steady median. */
const docsRuns = Number(valueOf('--docs-runs') ?? Math.max(runs, 7));
const pathologicalOnly = args.includes('--pathological-only');
const skipPathological = args.includes('--skip-pathological');
const pathologicalMb = Number(valueOf('--pathological-mb') ?? 1);
const root = path.resolve(__dirname, '..', '.bench');

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

function log(line: string): void {
  // With --json, only the last line is for machines; the rest still helps a person.
  console.log(line);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function corpus(files: number, kind: 'drafts' | 'docs' = 'drafts'): string {
  const dir = path.join(root, kind === 'docs' ? `docs-${files}` : `corpus-${files}`);
  const marker = path.join(dir, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    (kind === 'docs' ? generateDocsCorpus : generateCorpus)({ root: dir, files, seed: files });
    fs.writeFileSync(marker, '');
  }
  return dir;
}

function walkAndStat(dir: string): ScanFile[] {
  const out: ScanFile[] = [];
  const visit = (current: string, relative: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(full, rel);
      else if (entry.isFile() && /\.(md|markdown|mdx)$/i.test(entry.name)) {
        const stat = fs.statSync(full);
        // The path the walk built goes along, as the extension's walk passes it on.
        out.push({ uri: pathToFileURL(full).href, relativePath: rel, size: stat.size, mtimeMs: stat.mtimeMs, localPath: full });
      }
    }
  };
  visit(dir, '');
  return out;
}

/** Bundles an entry the same way esbuild.config.mjs bundles the extension, and returns the file. */
function bundle(entry: string, name: string): string {
  const outfile = path.join(root, name);
  buildSync({ entryPoints: [path.resolve(__dirname, '..', entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'silent' });
  return outfile;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is built just above, at run time
const core = require(bundle('scripts/benchCore.ts', 'benchCore.js')) as typeof Core;
const { AnalysisPool, DraftStore, readDraft, scanFiles, configKey, DEFAULT_CONFIG } = core;

/** The same pool size rule the extension uses: leave a core for the editor, use at least one worker. */
export const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

const host = { readFile: (uri: string, localPath?: string): Uint8Array => fs.readFileSync(localPath ?? new URL(uri)) };

async function measure(files: number): Promise<Record<string, number>> {
  const dir = corpus(files);
  const list = walkAndStat(dir);
  const paths = list.map((f) => new URL(f.uri));
  const config = DEFAULT_CONFIG;
  const key = configKey(config);
  const pool = new AnalysisPool(bundle('src/core/analysis/worker.ts', 'analysisWorker.js'), POOL_SIZE);
  const scanOptions = { config, yieldBetweenBatches: false };

  const rawRead: number[] = [];
  const statWalk: number[] = [];
  const coldList: number[] = [];
  const coldIndex: number[] = [];
  const coldIndexOneThread: number[] = [];
  const warm: number[] = [];
  const baseline: number[] = [];
  let cacheText = '';
  let drafts = 0;
  let lastIndex = new DraftStore();

  const md = new MarkdownIt();
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    for (const p of paths) fs.readFileSync(p);
    rawRead.push(performance.now() - t);

    t = performance.now();
    walkAndStat(dir);
    statWalk.push(performance.now() - t);

    // Cold: read every file of the list, list them, then analyse them. Nothing is cached.
    // Like the raw read, it starts from the list of files; the walk is measured on its own.
    const index = new DraftStore();
    const found = walkAndStat(dir);
    t = performance.now();
    let listedAt = 0;
    await scanFiles(index, found, host, { ...scanOptions, analyzer: pool.analyze, onListed: () => (listedAt = performance.now()) });
    coldIndex.push(performance.now() - t);
    coldList.push(listedAt - t);

    // The same scan with analysis on this thread, for comparison.
    t = performance.now();
    await scanFiles(new DraftStore(), found, host, scanOptions);
    coldIndexOneThread.push(performance.now() - t);
    drafts = index.drafts().length;
    cacheText = JSON.stringify(index.toCache(key));
    fs.writeFileSync(path.join(dir, '.cache.json'), cacheText);
    lastIndex = index;

    // Warm: load the cache from disk, walk and stat every file, re-read nothing that is unchanged.
    t = performance.now();
    const warmIndex = new DraftStore();
    warmIndex.loadCache(JSON.parse(fs.readFileSync(path.join(dir, '.cache.json'), 'utf8')), key);
    const report = await scanFiles(warmIndex, walkAndStat(dir), host, scanOptions);
    warm.push(performance.now() - t);
    if (report.read !== 0) throw new Error(`warm start re-read ${report.read} files`);

    if (run < Math.min(runs, 3)) {
      t = performance.now();
      for (const p of paths) {
        const parsed = matter(fs.readFileSync(p, 'utf8'), { cache: false } as never);
        md.render(parsed.content);
      }
      baseline.push(performance.now() - t);
    }
  }

  pool.dispose();

  // Re-indexing one changed file inside the full index, as the file watcher does.
  const updates: number[] = [];
  const sample = list.slice(0, 50);
  for (const file of sample) {
    const filePath = new URL(file.uri);
    const original = fs.readFileSync(filePath);
    fs.writeFileSync(filePath, Buffer.concat([original, Buffer.from('\nOne more sentence about the demo.\n')]));
    const t = performance.now();
    const stat = fs.statSync(filePath);
    const result = readDraft(file, fs.readFileSync(filePath), config, { analyze: true });
    lastIndex.update(file.uri, result, { size: stat.size, mtimeMs: stat.mtimeMs });
    updates.push(performance.now() - t);
    fs.writeFileSync(filePath, original);
  }

  return {
    files: list.length,
    drafts,
    cacheKB: Math.round(cacheText.length / 1024),
    rawReadMs: median(rawRead),
    statWalkMs: median(statWalk),
    coldListMs: median(coldList),
    coldIndexMs: median(coldIndex),
    coldIndexOneThreadMs: median(coldIndexOneThread),
    warmIndexMs: median(warm),
    baselineMs: median(baseline),
    updateMedianMs: median(updates),
  };
}

/**
 * A docs site with no drafts: the cold scan reads each page only as far as its front matter,
 * so it should cost little more than listing the files.
 */
async function measureDocs(files: number): Promise<Record<string, number>> {
  const dir = corpus(files, 'docs');
  const config = DEFAULT_CONFIG;
  const headHost = {
    ...host,
    readFront: (uri: string, first: number, decide: FrontDecision, localPath?: string): FrontRead => readFrontSync(localPath ?? fileURLToPath(uri), first, decide),
  };
  const statWalk: number[] = [];
  const cold: number[] = [];
  const coldWhole: number[] = [];
  // Each run's ratio pairs a walk and a scan measured back to back: on a busy machine the load
  // shifts between runs, and the median of ratios moves less than a ratio of medians.
  const coldRatio: number[] = [];
  const wholeRatio: number[] = [];
  let drafts = 0;
  let frontMatterOnly = 0;
  // One scan first, so every measured run finds the same warm page cache.
  await scanFiles(new DraftStore(), walkAndStat(dir), headHost, { config, yieldBetweenBatches: false });
  for (let run = 0; run < docsRuns; run++) {
    let t = performance.now();
    const found = walkAndStat(dir);
    statWalk.push(performance.now() - t);
    const index = new DraftStore();
    t = performance.now();
    const report = await scanFiles(index, found, headHost, { config, yieldBetweenBatches: false });
    cold.push(performance.now() - t);
    drafts = index.drafts().length;
    frontMatterOnly = report.frontMatterOnly;
    t = performance.now();
    await scanFiles(new DraftStore(), found, host, { config, yieldBetweenBatches: false });
    coldWhole.push(performance.now() - t);
    coldRatio.push(cold[run] / statWalk[run]);
    wholeRatio.push(coldWhole[run] / statWalk[run]);
  }
  return {
    files: walkAndStat(dir).length,
    drafts,
    frontMatterOnly,
    statWalkMs: median(statWalk),
    coldScanMs: median(cold),
    coldWholeMs: median(coldWhole),
    coldRatio: median(coldRatio),
    coldRatioMin: Math.min(...coldRatio),
    coldRatioMax: Math.max(...coldRatio),
    wholeRatio: median(wholeRatio),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  let last: Record<string, number> = {};
  for (const size of pathologicalOnly ? [] : sizes) {
    const r = await measure(size);
    last = r;
    const ratio = (a: number, b: number): string => (a / b).toFixed(2);
    log(`\n${r.files} files (${r.drafts} drafts), median of ${runs} runs (baseline of ${Math.min(runs, 3)}):`);
    log(`  raw read           ${r.rawReadMs.toFixed(1).padStart(8)} ms`);
    log(`  walk + stat        ${r.statWalkMs.toFixed(1).padStart(8)} ms`);
    log(`  cold list          ${r.coldListMs.toFixed(1).padStart(8)} ms  ${ratio(r.coldListMs, r.rawReadMs)} x raw read   (target <= 3)`);
    log(`  cold index         ${r.coldIndexMs.toFixed(1).padStart(8)} ms  ${ratio(r.coldIndexMs, r.rawReadMs)} x raw read   (target <= 6; ${POOL_SIZE} analysis workers)`);
    log(`  cold index, 1 thr. ${r.coldIndexOneThreadMs.toFixed(1).padStart(8)} ms  ${ratio(r.coldIndexOneThreadMs, r.rawReadMs)} x raw read   (analysis on the main thread)`);
    log(`  warm index         ${r.warmIndexMs.toFixed(1).padStart(8)} ms  ${ratio(r.warmIndexMs, r.statWalkMs)} x walk + stat (target <= 1.5)`);
    log(`  gray-matter+render ${r.baselineMs.toFixed(1).padStart(8)} ms  ${ratio(r.baselineMs, r.coldIndexMs)} x cold index (target >= 2)`);
    log(`  one-file update    ${r.updateMedianMs.toFixed(3).padStart(8)} ms  median (target < 2)`);
    log(`  cache size         ${String(r.cacheKB).padStart(8)} KB`);
  }
  let docs: Record<string, number> | undefined;
  if (docsPages > 0 && !pathologicalOnly) {
    docs = await measureDocs(docsPages);
    log(`\ndocs site: ${docs.files} pages of 2-8 KB, ${docs.drafts} drafts, median of ${docsRuns} runs (ratios: median of each run's ratio):`);
    log(`  walk + stat        ${docs.statWalkMs.toFixed(1).padStart(8)} ms`);
    log(
      `  cold scan          ${docs.coldScanMs.toFixed(1).padStart(8)} ms  ${docs.coldRatio.toFixed(2)} x walk + stat (target <= 2; runs ${docs.coldRatioMin.toFixed(2)}-${docs.coldRatioMax.toFixed(2)}; ${docs.frontMatterOnly} read only to the end of their front matter)`,
    );
    log(`  reading every page ${docs.coldWholeMs.toFixed(1).padStart(8)} ms  ${docs.wholeRatio.toFixed(2)} x walk + stat (for comparison)`);
  }
  let pathological: PathologicalRow[] = [];
  if (!skipPathological) {
    fs.mkdirSync(root, { recursive: true });
    pathological = measurePathological(core, { mb: pathologicalMb, runs: Math.min(runs, 3) });
    log('');
    for (const line of formatPathological(pathological)) log(line);
  }
  if (json) {
    const { files, rawReadMs, statWalkMs, coldListMs, coldIndexMs, warmIndexMs, baselineMs, updateMedianMs } = last;
    const perMb = (ms: number, bytes: number): number => round((ms * 1024 * 1024) / bytes);
    const corpus = pathologicalOnly
      ? {}
      : {
          files,
          rawReadMs: round(rawReadMs),
          statWalkMs: round(statWalkMs),
          coldListMs: round(coldListMs),
          coldIndexMs: round(coldIndexMs),
          warmIndexMs: round(warmIndexMs),
          baselineMs: round(baselineMs),
          updateMedianMs: round(updateMedianMs),
        };
    console.log(
      JSON.stringify({
        ...(docs ? { docsPages: docs.files, docsStatWalkMs: round(docs.statWalkMs), docsColdScanMs: round(docs.coldScanMs), docsColdScanRatio: round(docs.coldRatio) } : {}),
        ...corpus,
        pathological: pathological.map((row) => ({
          step: row.step,
          name: row.name,
          bytes: row.bytes,
          msPerMB: perMb(row.oursMs, row.bytes),
          markdownItMsPerMB: perMb(row.markdownItMs, row.bytes),
          ratio: round(row.oursMs / row.markdownItMs),
        })),
      }),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
