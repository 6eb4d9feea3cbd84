import assert from 'node:assert/strict';
import { CACHE_VERSION, DraftStore, type DraftCache, type DraftChange } from '../../src/core/draftStore';
import type { Draft, DraftDate, ReadResult } from '../../src/core/types';
import { uriOf } from './helpers';

function makeDraft(relativePath: string, overrides: Partial<Draft> = {}): Draft {
  return {
    uri: uriOf(relativePath),
    relativePath,
    kind: 'blog',
    kindSource: 'front-matter',
    title: relativePath,
    status: 'idea',
    statusSource: 'default',
    dates: [],
    tags: [],
    fields: {},
    problems: [],
    ...overrides,
  };
}

function due(date: string, field = 'due'): DraftDate {
  return { field, label: 'Due', date, deadline: true };
}

function add(index: DraftStore, draft: Draft, size = 10, mtimeMs = 1): void {
  index.update(draft.uri, { draft }, { size, mtimeMs });
}

function skippedResult(relativePath: string): ReadResult {
  return { skipped: { uri: uriOf(relativePath), reason: 'not-a-draft', message: 'Not a draft.' } };
}

function record(index: DraftStore): DraftChange[] {
  const events: DraftChange[] = [];
  index.onDidChange((change) => events.push(change));
  return events;
}

function titles(drafts: Draft[]): string[] {
  return drafts.map((d) => d.title).sort();
}

describe('DraftStore', () => {
  describe('update, get and remove', () => {
    it('stores drafts and skipped files by uri', () => {
      const index = new DraftStore();
      const draft = makeDraft('drafts/a.md');
      add(index, draft);
      index.update(uriOf('notes/n.md'), skippedResult('notes/n.md'), { size: 3, mtimeMs: 1 });
      assert.equal(index.get(uriOf('drafts/a.md')), draft);
      assert.equal(index.get(uriOf('notes/n.md')), undefined, 'a skipped file is not a draft');
      assert.equal(index.skipped(uriOf('notes/n.md'))?.reason, 'not-a-draft');
      assert.equal(index.skipped(uriOf('drafts/a.md')), undefined);
      assert.equal(index.has(uriOf('notes/n.md')), true);
      assert.equal(index.has(uriOf('nope.md')), false);
      assert.deepEqual(index.uris().sort(), [uriOf('drafts/a.md'), uriOf('notes/n.md')]);
      assert.deepEqual(index.drafts(), [draft]);
      assert.deepEqual(
        index.allSkipped().map((s) => s.uri),
        [uriOf('notes/n.md')],
      );
    });

    it('replaces an entry on update, including a draft that becomes skipped', () => {
      const index = new DraftStore();
      add(index, makeDraft('a.md', { title: 'Old' }));
      add(index, makeDraft('a.md', { title: 'New' }));
      assert.equal(index.get(uriOf('a.md'))?.title, 'New');
      assert.equal(index.drafts().length, 1);
      index.update(uriOf('a.md'), skippedResult('a.md'), { size: 1, mtimeMs: 2 });
      assert.equal(index.get(uriOf('a.md')), undefined);
      assert.deepEqual(index.drafts(), []);
    });

    it('removes by uri and says whether there was anything to remove', () => {
      const index = new DraftStore();
      add(index, makeDraft('a.md'));
      assert.equal(index.remove(uriOf('a.md')), true);
      assert.equal(index.has(uriOf('a.md')), false);
      assert.equal(index.remove(uriOf('a.md')), false);
    });

    it('knows whether an entry matches a file’s size and mtime', () => {
      const index = new DraftStore();
      add(index, makeDraft('a.md'), 100, 5000);
      assert.equal(index.isCurrent(uriOf('a.md'), { size: 100, mtimeMs: 5000 }), true);
      assert.equal(index.isCurrent(uriOf('a.md'), { size: 101, mtimeMs: 5000 }), false);
      assert.equal(index.isCurrent(uriOf('a.md'), { size: 100, mtimeMs: 5001 }), false);
      assert.equal(index.isCurrent(uriOf('b.md'), { size: 100, mtimeMs: 5000 }), false);
    });

    it('clears everything', () => {
      const index = new DraftStore();
      add(index, makeDraft('a.md'));
      add(index, makeDraft('b.md'));
      const events = record(index);
      index.clear();
      assert.deepEqual(index.uris(), []);
      assert.equal(events.length, 1);
      assert.deepEqual(events[0].removed.sort(), [uriOf('a.md'), uriOf('b.md')]);
    });
  });

  describe('drafts', () => {
    it('lists every draft and never a skipped file', () => {
      const index = new DraftStore();
      add(index, makeDraft('b1.md', { title: 'b1', kind: 'blog', status: 'drafting', dates: [due('2026-03-01')] }));
      add(index, makeDraft('t1.md', { title: 't1', kind: 'talk', status: 'submitted' }));
      index.update(uriOf('skip.md'), skippedResult('skip.md'), { size: 1, mtimeMs: 1 });
      assert.deepEqual(titles(index.drafts()), ['b1', 't1']);
    });
  });

  describe('change events', () => {
    it('fires one event per apply with what changed and what was removed', () => {
      const index = new DraftStore();
      add(index, makeDraft('old.md'));
      const events = record(index);
      const a = makeDraft('a.md');
      const b = makeDraft('b.md');
      index.apply(
        [
          { uri: a.uri, result: { draft: a }, stamp: { size: 1, mtimeMs: 1 } },
          { uri: b.uri, result: { draft: b }, stamp: { size: 1, mtimeMs: 1 } },
        ],
        [uriOf('old.md'), uriOf('never-there.md')],
      );
      assert.deepEqual(events, [{ changed: [a.uri, b.uri], removed: [uriOf('old.md')] }]);
    });

    it('fires for update and remove, and not when nothing changed', () => {
      const index = new DraftStore();
      const events = record(index);
      add(index, makeDraft('a.md'));
      index.remove(uriOf('missing.md'));
      index.apply([], []);
      index.remove(uriOf('a.md'));
      assert.deepEqual(events, [
        { changed: [uriOf('a.md')], removed: [] },
        { changed: [], removed: [uriOf('a.md')] },
      ]);
    });

    it('stops calling a listener once disposed, even from inside an event', () => {
      const index = new DraftStore();
      let calls = 0;
      const subscription = index.onDidChange(() => {
        calls++;
        subscription.dispose();
      });
      const other = record(index);
      add(index, makeDraft('a.md'));
      add(index, makeDraft('b.md'));
      assert.equal(calls, 1);
      assert.equal(other.length, 2);
    });

    it('lets a listener read the index as it is after the change', () => {
      const index = new DraftStore();
      let seen: string[] = [];
      index.onDidChange(() => (seen = index.uris()));
      add(index, makeDraft('a.md'));
      assert.deepEqual(seen, [uriOf('a.md')]);
    });
  });

  describe('removeUnder', () => {
    function tree(): DraftStore {
      const index = new DraftStore();
      for (const path of ['content/posts/a.md', 'content/posts/2024/b.md', 'content/posts-old/c.md', 'content/d.md']) add(index, makeDraft(path));
      index.update(uriOf('content/posts/skip.md'), skippedResult('content/posts/skip.md'), { size: 1, mtimeMs: 1 });
      return index;
    }

    it('removes everything under a folder, drafts and skipped files, in one event', () => {
      for (const folder of [uriOf('content/posts'), uriOf('content/posts/')]) {
        const index = tree();
        const events = record(index);
        const removed = index.removeUnder(folder);
        assert.deepEqual(removed.sort(), [uriOf('content/posts/2024/b.md'), uriOf('content/posts/a.md'), uriOf('content/posts/skip.md')]);
        assert.deepEqual(index.uris().sort(), [uriOf('content/d.md'), uriOf('content/posts-old/c.md')], 'a folder sharing the prefix stays');
        assert.equal(events.length, 1);
        assert.deepEqual(events[0].removed.sort(), removed.sort());
      }
    });

    it('removes nothing, silently, under a folder with no entries', () => {
      const index = tree();
      const events = record(index);
      assert.deepEqual(index.removeUnder(uriOf('elsewhere')), []);
      assert.deepEqual(index.removeUnder(uriOf('content/d.md')), [], 'a file uri is not a folder');
      assert.equal(events.length, 0);
    });
  });

  describe('cache', () => {
    function cached(): { index: DraftStore; cache: DraftCache } {
      const index = new DraftStore();
      add(index, makeDraft('a.md', { title: 'A', dates: [due('2026-03-07')], fields: { event: 'X' }, duration: 30 }), 120, 1700000000123.5);
      index.update(uriOf('n.md'), skippedResult('n.md'), { size: 7, mtimeMs: 42 });
      return { index, cache: index.toCache('key-1') };
    }

    it('writes every entry with its stamp', () => {
      const { cache } = cached();
      assert.equal(cache.version, CACHE_VERSION);
      assert.equal(cache.configKey, 'key-1');
      assert.deepEqual(
        cache.entries.map(([size, mtimeMs, encoded]) => [encoded[1], size, mtimeMs]),
        [
          [uriOf('a.md'), 120, 1700000000123.5],
          [uriOf('n.md'), 7, 42],
        ],
      );
    });

    it('round-trips through JSON into a new index with one event', () => {
      const { index, cache } = cached();
      const restored = new DraftStore();
      const events = record(restored);
      assert.deepEqual(restored.loadCache(JSON.parse(JSON.stringify(cache)), 'key-1'), { loaded: 2 });
      assert.equal(events.length, 1);
      assert.deepEqual(events[0].changed.sort(), [uriOf('a.md'), uriOf('n.md')]);
      assert.deepEqual(JSON.parse(JSON.stringify(restored.drafts())), JSON.parse(JSON.stringify(index.drafts())));
      assert.equal(restored.get(uriOf('a.md'))?.title, 'A');
      assert.equal(restored.get(uriOf('a.md'))?.duration, 30);
      assert.equal(restored.skipped(uriOf('n.md'))?.reason, 'not-a-draft');
      assert.equal(restored.isCurrent(uriOf('a.md'), { size: 120, mtimeMs: 1700000000123.5 }), true);
      assert.equal(restored.isCurrent(uriOf('n.md'), { size: 7, mtimeMs: 42 }), true);
      assert.deepEqual(JSON.parse(JSON.stringify(restored.toCache('key-1'))), JSON.parse(JSON.stringify(cache)));
    });

    it('ignores a cache written under other settings', () => {
      const { cache } = cached();
      const index = new DraftStore();
      const events = record(index);
      assert.deepEqual(index.loadCache(cache, 'key-2'), { loaded: 0, reason: 'settings changed since the cache was written' });
      assert.deepEqual(index.uris(), []);
      assert.equal(events.length, 0);
    });

    it('ignores a cache from another version', () => {
      const { cache } = cached();
      const index = new DraftStore();
      assert.deepEqual(index.loadCache({ ...cache, version: CACHE_VERSION + 1 }, 'key-1'), {
        loaded: 0,
        reason: `cache version ${CACHE_VERSION + 1} is not ${CACHE_VERSION}`,
      });
      assert.deepEqual(index.uris(), []);
    });

    it('ignores things that are not a cache', () => {
      const index = new DraftStore();
      for (const value of [undefined, null, 'cache', 42, [], {}, { version: 1, configKey: 'key-1' }, { version: '1', configKey: 'key-1', entries: [] }]) {
        assert.deepEqual(index.loadCache(value, 'key-1'), { loaded: 0, reason: 'not a DevRel Desk cache' }, JSON.stringify(value));
      }
      assert.deepEqual(index.uris(), []);
    });

    it('drops corrupt entries instead of breaking later, and keeps the others', () => {
      const { cache } = cached();
      const corruptions: unknown[] = [
        null,
        'x',
        [1, 1],
        ['1', 1, skippedResult('z.md')],
        [1, null, skippedResult('z.md')],
        [1, 1, null],
        [1, 1, {}],
        [1, 1, { draft: null }],
        [1, 1, { draft: { title: 'no uri' } }],
        [1, 1, { skipped: { uri: 42 } }],
      ];
      for (const bad of corruptions) {
        const index = new DraftStore();
        const result = index.loadCache({ ...cache, entries: [...cache.entries, bad] }, 'key-1');
        assert.deepEqual(result, { loaded: cache.entries.length, dropped: 1 }, JSON.stringify(bad));
        assert.deepEqual(index.uris().sort(), cache.entries.map((entry) => entry[2][1]).sort());
      }
    });

    it('loads an empty cache', () => {
      const index = new DraftStore();
      const events = record(index);
      assert.deepEqual(index.loadCache(new DraftStore().toCache('k'), 'k'), { loaded: 0 });
      assert.equal(events.length, 0);
    });
  });
});
