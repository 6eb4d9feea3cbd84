import assert from 'node:assert/strict';
import { DraftStore, type DraftChange } from '../../src/core/draftStore';
import { scanFiles, type ScanFile, type ScanOptions } from '../../src/core/scanner';
import { configKey } from '../../src/core/kinds/resolve';
import type { CoreConfig, Draft } from '../../src/core/types';
import { FakeHost, makeConfig, uriOf, utf8, yamlDoc } from './helpers';

function workspace(): FakeHost {
  return new FakeHost()
    .write('content/posts/hello.md', yamlDoc(['title: Hello', 'draft: true'], 'Some words in the body.\n'))
    .write('content/posts/old.md', '# An old post\n\nPublished long ago.\n')
    .write('drafts/talk.md', yamlDoc(['kind: talk', 'title: Talk', 'status: accepted', 'duration: 20'], '## Intro (5 min)\n\n## Demo (20 min)\n'))
    .write('drafts/oss.md', yamlDoc(['kind: oss', 'status: pr-open', 'due: 2026-02-30']))
    .write('notes/readme.md', '# Just notes\n')
    .write('notes/binary.md', new Uint8Array([0x23, 0x00, 0x41]))
    .write('assets/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
}

const MARKDOWN_FILES = 6;

function options(config: CoreConfig, extra: Partial<ScanOptions> = {}): ScanOptions {
  return { config, yieldBetweenBatches: false, ...extra };
}

function byTitle(index: DraftStore): Record<string, Draft> {
  return Object.fromEntries(index.drafts().map((d) => [d.title, d]));
}

describe('scanFiles', () => {
  const config = makeConfig();

  it('cold: reads every markdown file, lists drafts, records skipped files', async () => {
    const host = workspace();
    const index = new DraftStore();
    const report = await scanFiles(index, host.list(), host, options(config));
    assert.equal(host.reads.length, MARKDOWN_FILES);
    assert.ok(!host.reads.includes(uriOf('assets/logo.png')), 'non-markdown files are not read');
    assert.equal(report.total, 7);
    assert.equal(report.read, MARKDOWN_FILES);
    assert.equal(report.removed, 0);
    assert.deepEqual(report.failed, []);
    assert.equal(report.cancelled, false);
    assert.deepEqual(report.skipped.map((s) => [s.uri, s.reason]).sort(), [
      [uriOf('notes/binary.md'), 'binary'],
      [uriOf('notes/readme.md'), 'not-a-draft'],
    ]);
    assert.deepEqual(
      index
        .drafts()
        .map((d) => d.title)
        .sort(),
      ['An old post', 'Hello', 'Talk', 'oss'],
    );
    assert.equal(index.has(uriOf('assets/logo.png')), false);
    assert.equal(index.skipped(uriOf('notes/readme.md'))?.reason, 'not-a-draft');

    const drafts = byTitle(index);
    assert.deepEqual([drafts.Hello.kind, drafts.Hello.status], ['blog', 'drafting']);
    assert.deepEqual([drafts['An old post'].kind, drafts['An old post'].status], ['blog', 'published']);
    assert.deepEqual(
      drafts.oss.problems.map((p) => p.code),
      ['invalid-date'],
    );
  });

  it('runs the analysis pass on every draft after listing them', async () => {
    const host = workspace();
    const index = new DraftStore();
    let listed: Draft[] = [];
    const order: string[] = [];
    index.onDidChange(() => order.push('change'));
    await scanFiles(index, host.list(), host, {
      ...options(config),
      onListed: () => {
        order.push('listed');
        listed = index.drafts().map((d) => structuredClone(d));
      },
    });
    assert.deepEqual(listed.map((d) => d.title).sort(), ['An old post', 'Hello', 'Talk', 'oss'], 'every draft is listed before onListed');
    for (const draft of listed) assert.equal(draft.analysis, undefined, `${draft.title} is not analysed yet`);
    assert.deepEqual(order, ['change', 'listed', 'change'], 'one listing batch, then one analysis batch');

    for (const draft of index.drafts()) assert.ok(draft.analysis, `${draft.title} is analysed`);
    const talk = byTitle(index).Talk;
    assert.equal(talk.analysis?.talk?.plannedMinutes, 25);
    assert.deepEqual(
      talk.problems.map((p) => p.code),
      ['talk-over-duration'],
    );
    assert.deepEqual(listed.find((d) => d.title === 'Talk')?.problems, [], 'the listed draft is not changed by the analysis pass');
    assert.ok((byTitle(index).Hello.analysis?.words ?? 0) >= 5);
  });

  it('warm with unchanged stamps reads nothing', async () => {
    const host = workspace();
    const index = new DraftStore();
    await scanFiles(index, host.list(), host, options(config));
    const before = JSON.stringify(index.toCache('k'));
    host.resetReads();
    const events: DraftChange[] = [];
    index.onDidChange((e) => events.push(e));
    let listedCalled = false;
    const report = await scanFiles(index, host.list(), host, { ...options(config), onListed: () => (listedCalled = true) });
    assert.deepEqual(host.reads, []);
    assert.equal(report.read, 0);
    assert.equal(report.reused, 7);
    assert.deepEqual(report.skipped, []);
    assert.deepEqual(events, []);
    assert.equal(listedCalled, true, 'onListed is called even when nothing was read');
    assert.equal(JSON.stringify(index.toCache('k')), before);
  });

  it('warm from a JSON round-tripped cache reads nothing and gives the same drafts', async () => {
    const host = workspace();
    const first = new DraftStore();
    await scanFiles(first, host.list(), host, options(config));
    const stored = JSON.parse(JSON.stringify(first.toCache(configKey(config))));
    host.resetReads();

    const second = new DraftStore();
    assert.deepEqual(second.loadCache(stored, configKey(config)), { loaded: MARKDOWN_FILES });
    const report = await scanFiles(second, host.list(), host, options(config));
    assert.deepEqual(host.reads, []);
    assert.equal(report.read, 0);
    assert.deepEqual(JSON.parse(JSON.stringify(second.drafts())), JSON.parse(JSON.stringify(first.drafts())));
  });

  it('re-reads only a file whose mtime or size changed', async () => {
    const host = workspace();
    const index = new DraftStore();
    await scanFiles(index, host.list(), host, options(config));

    host.resetReads();
    host.touch('drafts/talk.md', 2000);
    const report = await scanFiles(index, host.list(), host, options(config));
    assert.deepEqual(host.reads, [uriOf('drafts/talk.md')]);
    assert.equal(report.read, 1);
    assert.equal(report.reused, 6);

    host.resetReads();
    host.write('drafts/oss.md', yamlDoc(['kind: oss', 'status: merged', 'due: 2026-02-28']), 1000);
    await scanFiles(index, host.list(), host, options(config));
    assert.deepEqual(host.reads, [uriOf('drafts/oss.md')], 'a new size with the same mtime is a change too');
    const oss = index.get(uriOf('drafts/oss.md'));
    assert.deepEqual([oss?.status, oss?.dates[0]?.date, oss?.problems], ['merged', '2026-02-28', []]);
    assert.ok(oss?.analysis);
  });

  it('removes files that are gone', async () => {
    const host = workspace();
    const index = new DraftStore();
    await scanFiles(index, host.list(), host, options(config));
    host.delete('drafts/talk.md');
    host.delete('notes/readme.md');
    host.resetReads();
    const events: DraftChange[] = [];
    index.onDidChange((e) => events.push(e));
    const report = await scanFiles(index, host.list(), host, options(config));
    assert.equal(report.removed, 2);
    assert.deepEqual(host.reads, []);
    assert.equal(index.has(uriOf('drafts/talk.md')), false);
    assert.equal(index.has(uriOf('notes/readme.md')), false);
    assert.deepEqual(events, [{ changed: [], removed: [uriOf('drafts/talk.md'), uriOf('notes/readme.md')] }]);
  });

  it('ignores a cache from other settings or another version, says why, and reads everything', async () => {
    const host = workspace();
    const first = new DraftStore();
    await scanFiles(first, host.list(), host, options(config));
    const cache = JSON.parse(JSON.stringify(first.toCache(configKey(config))));
    const otherConfig = makeConfig({ abstractMaxChars: 500 });

    for (const [stored, key, reason] of [
      [cache, configKey(otherConfig), 'settings changed since the cache was written'],
      [{ ...cache, version: cache.version + 1 }, configKey(config), `cache version ${cache.version + 1} is not ${cache.version}`],
    ] as const) {
      host.resetReads();
      const index = new DraftStore();
      assert.deepEqual(index.loadCache(stored, key), { loaded: 0, reason });
      const report = await scanFiles(index, host.list(), host, options(config));
      assert.equal(host.reads.length, MARKDOWN_FILES);
      assert.equal(report.read, MARKDOWN_FILES);
    }
  });

  it('a changed setting shows up once the cache is ignored', async () => {
    const host = new FakeHost().write('talks/t.md', yamlDoc(['kind: talk', `abstract: ${'a'.repeat(600)}`]));
    const first = new DraftStore();
    await scanFiles(first, host.list(), host, options(config));
    assert.deepEqual(first.drafts()[0].problems, []);
    const strict = makeConfig({ abstractMaxChars: 500 });
    const second = new DraftStore();
    second.loadCache(first.toCache(configKey(config)), configKey(strict));
    await scanFiles(second, host.list(), host, options(strict));
    assert.deepEqual(
      second.drafts()[0].problems.map((p) => p.code),
      ['abstract-too-long'],
    );
  });

  it('records read failures, sync and async, without stopping', async () => {
    for (const mode of ['sync', 'async'] as const) {
      const host = workspace();
      host.async = mode === 'async';
      host.throwOn.add(uriOf('drafts/talk.md'));
      host.rejectOn.add(uriOf('content/posts/old.md'));
      const index = new DraftStore();
      const report = await scanFiles(index, host.list(), host, options(config));
      assert.deepEqual(report.failed.map((f) => f.uri).sort(), [uriOf('content/posts/old.md'), uriOf('drafts/talk.md')], mode);
      assert.match(report.failed.find((f) => f.uri === uriOf('drafts/talk.md'))?.message ?? '', /EACCES/);
      assert.match(report.failed.find((f) => f.uri === uriOf('content/posts/old.md'))?.message ?? '', /EIO/);
      assert.equal(report.read, MARKDOWN_FILES - 2);
      assert.equal(index.has(uriOf('drafts/talk.md')), false);
      assert.deepEqual(
        index
          .drafts()
          .map((d) => d.title)
          .sort(),
        ['Hello', 'oss'],
        mode,
      );
      for (const draft of index.drafts()) assert.ok(draft.analysis);

      // Once the files can be read, the next scan reads just them.
      host.throwOn.clear();
      host.rejectOn.clear();
      host.resetReads();
      const retry = await scanFiles(index, host.list(), host, options(config));
      assert.deepEqual([...host.reads].sort(), [uriOf('content/posts/old.md'), uriOf('drafts/talk.md')]);
      assert.deepEqual(retry.failed, []);
    }
  });

  it('turns a non-Error rejection into a message', async () => {
    const host = new FakeHost().write('drafts/a.md', yamlDoc(['kind: blog']));
    const report = await scanFiles(new DraftStore(), host.list(), { readFile: () => Promise.reject('disk on fire') }, options(config));
    assert.deepEqual(report.failed, [{ uri: uriOf('drafts/a.md'), message: 'disk on fire' }]);
  });

  it('keeps the last good entry of a file that fails to read on a later scan', async () => {
    const host = workspace();
    const index = new DraftStore();
    await scanFiles(index, host.list(), host, options(config));
    host.touch('drafts/talk.md', 5000);
    host.throwOn.add(uriOf('drafts/talk.md'));
    const report = await scanFiles(index, host.list(), host, options(config));
    assert.equal(report.failed.length, 1);
    assert.equal(index.get(uriOf('drafts/talk.md'))?.title, 'Talk');
    assert.equal(index.isCurrent(uriOf('drafts/talk.md'), { size: host.list().find((f) => f.uri === uriOf('drafts/talk.md'))!.size, mtimeMs: 5000 }), false);
  });

  it('works through files in batches, reporting progress and yielding', async () => {
    const host = new FakeHost();
    for (let i = 0; i < 5; i++) host.write(`drafts/d${i}.md`, yamlDoc(['kind: blog', `title: D${i}`]));
    host.async = true;
    const index = new DraftStore();
    const events: DraftChange[] = [];
    index.onDidChange((e) => events.push(e));
    const progress: [number, number][] = [];
    const report = await scanFiles(index, host.list(), host, { config, batchSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    assert.deepEqual(progress, [
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    assert.deepEqual(
      events.map((e) => e.changed.length),
      [2, 2, 1, 2, 2, 1],
      'three listing batches, then three analysis batches',
    );
    assert.equal(report.read, 5);
    assert.equal(index.drafts().length, 5);
  });

  it('stops when cancelled before reading anything', async () => {
    const host = workspace();
    const index = new DraftStore();
    const report = await scanFiles(index, host.list(), host, { ...options(config), isCancelled: () => true });
    assert.equal(report.cancelled, true);
    assert.deepEqual(host.reads, []);
    assert.deepEqual(index.uris(), []);
  });

  it('after a scan cancelled between passes, the next scan analyses what was only listed', async () => {
    const host = workspace();
    const index = new DraftStore();
    let listed = false;
    const report = await scanFiles(index, host.list(), host, { ...options(config), onListed: () => (listed = true), isCancelled: () => listed });
    assert.equal(report.cancelled, true);
    assert.equal(index.drafts().length, 4);
    for (const draft of index.drafts()) assert.equal(draft.analysis, undefined);

    host.resetReads();
    const next = await scanFiles(index, host.list(), host, options(config));
    assert.equal(next.cancelled, false);
    assert.deepEqual(
      [...host.reads].sort(),
      index
        .drafts()
        .map((d) => d.uri)
        .sort(),
      'only the unanalysed drafts are read again',
    );
    for (const draft of index.drafts()) assert.ok(draft.analysis, draft.title);
    assert.deepEqual(
      byTitle(index).Talk.problems.map((p) => p.code),
      ['talk-over-duration'],
    );
  });

  it('skips files over the size limit from config', async () => {
    const host = new FakeHost().write('drafts/big.md', yamlDoc(['kind: blog'], 'x'.repeat(2000))).write('drafts/small.md', yamlDoc(['kind: blog']));
    const index = new DraftStore();
    const report = await scanFiles(index, host.list(), host, options(makeConfig({ maxFileBytes: 1000 })));
    assert.deepEqual(
      report.skipped.map((s) => [s.uri, s.reason]),
      [[uriOf('drafts/big.md'), 'too-large']],
    );
    assert.equal(index.drafts().length, 1);
  });

  it('handles an empty workspace', async () => {
    const index = new DraftStore();
    let listed = 0;
    const report = await scanFiles(index, [], new FakeHost(), { ...options(config), onListed: () => listed++ });
    assert.deepEqual(report, { total: 0, reused: 0, read: 0, frontMatterOnly: 0, removed: 0, skipped: [], failed: [], analyzerFailures: 0, cancelled: false });
    assert.equal(listed, 1);
  });

  describe('long bodies', () => {
    const config = makeConfig();
    const files: ScanFile[] = ['short.md', 'long.md'].map((name) => ({ uri: uriOf(name), relativePath: name, size: 1, mtimeMs: 1 }));
    const texts: Record<string, string> = {
      [uriOf('short.md')]: '---\nkind: blog\n---\nThree little words.\n',
      [uriOf('long.md')]: `---\nkind: blog\n---\n${'word '.repeat(1_000)}\n`,
    };
    const host = { readFile: (uri: string): Uint8Array => utf8(texts[uri]) };
    const problems = (index: DraftStore, name: string): string[] => index.get(uriOf(name))?.problems.map((p) => p.code) ?? [];

    it('lists a long body without analysing it here when nothing can analyse it elsewhere', async () => {
      const index = new DraftStore();
      await scanFiles(index, files, host, { config, mainThreadMaxChars: 1_000, yieldBetweenBatches: false });
      assert.equal(index.get(uriOf('short.md'))?.analysis?.words, 3);
      assert.equal(index.get(uriOf('long.md'))?.analysis, undefined);
      assert.deepEqual(problems(index, 'long.md'), ['analysis-skipped']);
      assert.match(index.get(uriOf('long.md'))?.problems[0].message ?? '', /the body is 5 KB, and bodies that long are counted on a worker thread, which is not available\./);
    });

    it('never falls back to this thread for a long body when the worker fails', async () => {
      const index = new DraftStore();
      const report = await scanFiles(index, files, host, {
        config,
        mainThreadMaxChars: 1_000,
        offThreadAnalyzer: () => Promise.reject(new Error('worker crashed')),
        yieldBetweenBatches: false,
      });
      assert.equal(report.analyzerFailures, 1);
      assert.equal(index.get(uriOf('long.md'))?.analysis, undefined);
      assert.match(index.get(uriOf('long.md'))?.problems[0].message ?? '', /which failed \(worker crashed\)\./);
      assert.equal(index.get(uriOf('short.md'))?.analysis?.words, 3);
    });

    it('reads a skipped draft again on the next scan', async () => {
      const index = new DraftStore();
      await scanFiles(index, files, host, { config, mainThreadMaxChars: 1_000, yieldBetweenBatches: false });
      const report = await scanFiles(index, files, host, { config, yieldBetweenBatches: false });
      assert.equal(report.read, 1);
      assert.equal(index.get(uriOf('long.md'))?.analysis?.words, 1_000);
      assert.deepEqual(problems(index, 'long.md'), []);
    });
  });
});
