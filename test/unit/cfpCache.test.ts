import assert from 'node:assert/strict';
import { chooseFeed, decodeCfpCache, describeFeedState, encodeCfpCache, mergeCfpCaches, type CachedFeed, type CfpCache } from '../../src/core/talks/cfpCache';
import type { Cfp, FeedRead } from '../../src/core/talks/cfpFeed';

const FEED = 'https://feeds.example.org/all-cfps.json';
const FILE = 'file:///home/someone/talks/cfps.json';

const call = (name: string, extra: Partial<Cfp> = {}): Cfp => ({
  name,
  cfpUrl: `https://cfp.example.org/${name.toLowerCase().replace(/\W+/g, '-')}`,
  cfpDeadline: '2027-01-10',
  sources: [FEED],
  ...extra,
});

const read = (calls: Cfp[], problems: string[] = []): FeedRead => ({ calls, problems, skipped: problems.length });

describe('CFP cache', () => {
  describe('encode and decode', () => {
    it('reads back what it wrote, every field of a call included', () => {
      const feeds: CfpCache = new Map([
        [
          FEED,
          {
            fetchedAt: 1_790_000_000_000,
            calls: [call('Devoxx', { url: 'https://devoxx.example.fr', eventStart: '2027-04-14', eventEnd: '2027-04-16', location: 'Paris (France)', country: 'France' })],
          },
        ],
        [FILE, { fetchedAt: 1_790_000_100_000, calls: [call('Online Days', { online: true, location: 'Online', sources: ['talks/cfps.json'] })] }],
      ]);
      const back = decodeCfpCache(encodeCfpCache(feeds));
      assert.deepEqual(back, { feeds, problems: [], ignored: false });
    });

    it('keeps a feed whose key is "__proto__"-like as data', () => {
      const feeds: CfpCache = new Map([['x-proto:__proto__', { fetchedAt: 5, calls: [] }]]);
      assert.deepEqual(decodeCfpCache(encodeCfpCache(feeds)).feeds, feeds);
      const hostile = decodeCfpCache('{"version":2,"feeds":{"__proto__":{"fetchedAt":5,"calls":[]}}}');
      assert.equal(hostile.feeds.size, 0, 'a key that is no URI is left out');
      assert.equal(({} as Record<string, unknown>).fetchedAt, undefined);
    });

    for (const [what, text, problem] of [
      ['not JSON', '{"version":2,"feeds":{', /not JSON/],
      ['empty', '', /not JSON/],
      ['a list', '[]', /not an object/],
      ['null', 'null', /not an object/],
      ['from another version', '{"version":99,"feeds":{}}', /version 99/],
      ['without a version', '{"feeds":{}}', /version none/],
      ['without feeds', '{"version":2}', /no feeds/],
      ['with feeds as a list', '{"version":2,"feeds":[]}', /no feeds/],
    ] as const) {
      it(`ignores a cache file that is ${what}, with a problem`, () => {
        const result = decodeCfpCache(text);
        assert.equal(result.feeds.size, 0);
        assert.equal(result.ignored, true);
        assert.equal(result.problems.length, 1);
        assert.match(result.problems[0], problem);
      });
    }

    it('leaves out damaged feeds and calls and keeps the rest', () => {
      const good = call('Good Conf');
      const text = JSON.stringify({
        version: 2,
        feeds: {
          [FEED]: { fetchedAt: 1000, calls: [good, { ...good, cfpDeadline: '2027-02-30' }, { ...good, cfpUrl: 'javascript:alert(1)' }, 'text', null, { ...good, sources: 'x' }] },
          [FILE]: { fetchedAt: 'yesterday', calls: [] },
          'https://b.example.org/feed.json': { fetchedAt: 2000 },
          'relative/path.json': { fetchedAt: 3000, calls: [] },
          'https://c.example.org/feed.json': null,
          'https://d.example.org/feed.json': { fetchedAt: -1, calls: [] },
        },
      });
      const result = decodeCfpCache(text);
      assert.equal(result.ignored, false);
      assert.deepEqual([...result.feeds.keys()], [FEED]);
      assert.deepEqual(result.feeds.get(FEED)?.calls, [good]);
      assert.deepEqual(result.problems, [
        'The CFP cache had 5 feeds that could not be read; they were left out.',
        'The CFP cache had 5 calls that could not be read; they were left out.',
      ]);
    });

    it('drops fields a call does not have and values of the wrong type', () => {
      const text = JSON.stringify({
        version: 2,
        feeds: { [FEED]: { fetchedAt: 1, calls: [{ ...call('A'), online: 'yes', eventStart: 12, location: '', extra: { deep: true } }] } },
      });
      assert.deepEqual(decodeCfpCache(text).feeds.get(FEED)?.calls, [call('A')]);
    });

    it('reads an older cache, but not its workspace-file entries, which were keyed by a relative path', () => {
      const text = JSON.stringify({ version: 1, feeds: { [FEED]: { fetchedAt: 1, calls: [call('A')] }, 'talks/cfps.json': { fetchedAt: 1, calls: [call('B')] } } });
      const result = decodeCfpCache(text);
      assert.deepEqual([...result.feeds.keys()], [FEED]);
      assert.deepEqual(result.problems, []);
    });

    it('writes the current version', () => {
      assert.equal(JSON.parse(encodeCfpCache(new Map())).version, 2);
    });
  });

  describe('choosing the cached or the fresh copy', () => {
    const cached: CachedFeed = { fetchedAt: 1000, calls: [call('Cached Conf')] };

    it('shows a feed read just now', () => {
      assert.deepEqual(chooseFeed(cached, { ok: true, read: read([call('Fresh Conf')]), fetchedAt: 5000 }), {
        feed: { fetchedAt: 5000, calls: [call('Fresh Conf')] },
        fresh: true,
      });
    });

    it('shows the cached copy of a feed that could not be read', () => {
      assert.deepEqual(chooseFeed(cached, { ok: false, reason: 'connect ECONNREFUSED' }), { feed: cached, fresh: false });
      assert.deepEqual(chooseFeed(undefined, { ok: false, reason: 'connect ECONNREFUSED' }), { fresh: false });
    });

    it('keeps the cached copy of a feed that is all problems, but shows a partly bad one', () => {
      assert.deepEqual(chooseFeed(cached, { ok: true, read: read([], ['x is not JSON']), fetchedAt: 5000 }), { feed: cached, fresh: false });
      assert.deepEqual(chooseFeed(undefined, { ok: true, read: read([], ['x is not JSON']), fetchedAt: 5000 }), { feed: { fetchedAt: 5000, calls: [] }, fresh: true });
      assert.deepEqual(chooseFeed(cached, { ok: true, read: read([call('Good')], ['1 entry was skipped']), fetchedAt: 5000 }), {
        feed: { fetchedAt: 5000, calls: [call('Good')] },
        fresh: true,
      });
    });

    it('shows an empty feed read just now as empty, not the cached copy', () => {
      assert.deepEqual(chooseFeed(cached, { ok: true, read: read([]), fetchedAt: 5000 }), { feed: { fetchedAt: 5000, calls: [] }, fresh: true });
    });
  });

  describe('merging two copies of the cache', () => {
    it('keeps the feed read later, and the other window’s feeds too', () => {
      const disk: CfpCache = new Map([
        [FEED, { fetchedAt: 3000, calls: [call('From another window')] }],
        [FILE, { fetchedAt: 1000, calls: [] }],
      ]);
      const mine: CfpCache = new Map([
        [FEED, { fetchedAt: 2000, calls: [call('Mine, older')] }],
        ['https://b.example.org/x.json', { fetchedAt: 2500, calls: [] }],
      ]);
      const merged = mergeCfpCaches(disk, mine);
      assert.equal(merged.get(FEED)?.calls[0].name, 'From another window');
      assert.deepEqual([...merged.keys()].sort(), [FEED, FILE, 'https://b.example.org/x.json'].sort());
      assert.equal(mergeCfpCaches(disk, new Map([[FEED, { fetchedAt: 3000, calls: [] }]])).get(FEED)?.calls.length, 0, 'a tie goes to the newer write');
    });
  });

  describe("the view's words", () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    it('says updating, updated, offline with the cache age, or offline', () => {
      assert.equal(describeFeedState({ loading: false, loaded: false, failed: [] }, now), undefined);
      assert.equal(describeFeedState({ loading: true, loaded: false, failed: [] }, now), 'updating…');
      assert.equal(describeFeedState({ loading: false, loaded: true, fetchedAt: now - 5 * 60_000, failed: [] }, now), 'updated 5 min ago');
      assert.equal(describeFeedState({ loading: false, loaded: true, fetchedAt: now - 3 * 86_400_000, failed: [FEED] }, now), 'offline · cached 3 days ago');
      assert.equal(describeFeedState({ loading: false, loaded: true, failed: [FEED] }, now), 'offline');
    });
  });
});
