import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { analyzeJobs, type AnalysisJob } from '../../src/core/analysis/analysis';
import { AnalysisPool } from '../../src/core/analysis/pool';
import { DraftStore } from '../../src/core/draftStore';
import { scanFiles, type ScanFile } from '../../src/core/scanner';
import { makeConfig, uriOf, utf8 } from './helpers';

const jobs: AnalysisJob[] = [
  { body: '# Title\n\nOne two three.\n\n- [x] done\n- [ ] open\n', bodyStartLine: 4 },
  { body: '## Intro (5 min)\n\n## Demo (10 min)\n\nWords here.\n', bodyStartLine: 7 },
  { body: '', bodyStartLine: 0 },
];

describe('AnalysisPool', function () {
  this.timeout(30_000);
  let dir: string;
  let workerScript: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-pool-'));
    workerScript = path.join(dir, 'analysisWorker.js');
    buildSync({
      entryPoints: [path.resolve(__dirname, '../../src/core/analysis/worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: workerScript,
      logLevel: 'silent',
    });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same analysis as this thread', async () => {
    const pool = new AnalysisPool(workerScript, 2);
    try {
      const results = await Promise.all([pool.analyze(jobs, { wordsPerMinute: 200 }), pool.analyze(jobs.slice(1), { wordsPerMinute: 200 })]);
      assert.deepEqual(results[0], analyzeJobs(jobs, { wordsPerMinute: 200 }));
      assert.deepEqual(results[1], analyzeJobs(jobs.slice(1), { wordsPerMinute: 200 }));
      assert.equal(results[0][1].talk?.plannedMinutes, 15);
    } finally {
      pool.dispose();
    }
  });

  it('rejects the batches of a worker that dies, and refuses work once closed', async () => {
    const crashing = path.join(dir, 'crash.js');
    fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const pool = new AnalysisPool(crashing, 1);
    await assert.rejects(pool.analyze(jobs, { wordsPerMinute: 238 }), /exit code 3/);
    pool.dispose();
    await assert.rejects(pool.analyze(jobs, { wordsPerMinute: 238 }), /closed/);
  });

  it('lets scanFiles fall back to this thread when the analyzer fails', async () => {
    const config = makeConfig();
    const files: ScanFile[] = ['a.md', 'b.md'].map((name) => ({ uri: uriOf(name), relativePath: name, size: 1, mtimeMs: 1 }));
    const text = '---\nkind: blog\ntitle: Post\n---\nThree little words.\n';
    const index = new DraftStore();
    const report = await scanFiles(index, files, { readFile: () => utf8(text) }, { config, analyzer: () => Promise.reject(new Error('no workers')), yieldBetweenBatches: false });
    assert.equal(report.analyzerFailures, 1);
    assert.deepEqual(
      index.drafts().map((d) => d.analysis?.words),
      [3, 3],
    );
  });

  it('lets scanFiles use the pool for the analysis pass', async () => {
    const pool = new AnalysisPool(workerScript, 1);
    try {
      const config = makeConfig();
      const files: ScanFile[] = Array.from({ length: 30 }, (_, i) => ({ uri: uriOf(`t${i}.md`), relativePath: `t${i}.md`, size: 1, mtimeMs: 1 }));
      const text = '---\nkind: talk\ntitle: Talk\nduration: 10\n---\n## Intro (5 min)\n## Demo (8 min)\n';
      const index = new DraftStore();
      let listedBeforeAnalysed = false;
      const report = await scanFiles(
        index,
        files,
        { readFile: () => utf8(text) },
        {
          config,
          analyzer: pool.analyze,
          batchSize: 7,
          yieldBetweenBatches: false,
          onListed: () => (listedBeforeAnalysed = index.drafts().length === 30),
        },
      );
      assert.equal(report.analyzerFailures, 0);
      assert.ok(listedBeforeAnalysed, 'every draft is listed before onListed');
      const drafts = index.drafts();
      assert.equal(drafts.length, 30);
      assert.ok(drafts.every((d) => d.analysis?.talk?.plannedMinutes === 13));
      assert.ok(
        drafts.every((d) => d.problems.some((p) => p.code === 'talk-over-duration')),
        'problems that need the analysis are added',
      );
    } finally {
      pool.dispose();
    }
  });

  it('cancels a queued batch and stops a running one, then keeps working', async () => {
    const pool = new AnalysisPool(workerScript, 1);
    try {
      // A body that takes the worker a while, so it is still running when it is cancelled.
      const slow: AnalysisJob[] = [{ body: '[a]('.repeat(400_000), bodyStartLine: 0 }];
      const running = new AbortController();
      const queued = new AbortController();
      const first = pool.analyze(slow, { wordsPerMinute: 238, signal: running.signal });
      const second = pool.analyze(jobs, { wordsPerMinute: 238, signal: queued.signal });
      queued.abort();
      running.abort();
      await assert.rejects(first, { name: 'AbortError' });
      await assert.rejects(second, { name: 'AbortError' });
      assert.deepEqual(await pool.analyze(jobs, { wordsPerMinute: 238 }), analyzeJobs(jobs, { wordsPerMinute: 238 }));
      const already = new AbortController();
      already.abort();
      await assert.rejects(pool.analyze(jobs, { wordsPerMinute: 238, signal: already.signal }), { name: 'AbortError' });
    } finally {
      pool.dispose();
    }
  });

  it('lets scanFiles send long bodies to the pool even when the rest is analysed here', async () => {
    const pool = new AnalysisPool(workerScript, 1);
    try {
      const config = makeConfig();
      const files: ScanFile[] = ['short.md', 'long.md'].map((name) => ({ uri: uriOf(name), relativePath: name, size: 1, mtimeMs: 1 }));
      const texts: Record<string, string> = {
        [uriOf('short.md')]: '---\nkind: blog\n---\nThree little words.\n',
        [uriOf('long.md')]: `---\nkind: blog\n---\n${'word '.repeat(10_000)}\n`,
      };
      const sent: number[] = [];
      const index = new DraftStore();
      await scanFiles(
        index,
        files,
        { readFile: (uri) => utf8(texts[uri]) },
        {
          config,
          mainThreadMaxChars: 1_000,
          offThreadAnalyzer: (batch, options) => {
            sent.push(...batch.map((job) => job.body.length));
            return pool.analyze(batch, options);
          },
          yieldBetweenBatches: false,
        },
      );
      assert.deepEqual(sent, [50_001]);
      assert.deepEqual(
        index
          .drafts()
          .map((d) => [d.relativePath, d.analysis?.words])
          .sort(),
        [
          ['long.md', 10_000],
          ['short.md', 3],
        ],
      );
    } finally {
      pool.dispose();
    }
  });
});
