import assert from 'node:assert/strict';
import { cfpCountries, cfpKey, describeAge, trackingTalk, describeFilter, MAX_FEED_ENTRIES, mergeCfps, openCfps, parseCfpFeed, type Cfp } from '../../src/core/talks/cfpFeed';

const TODAY = '2026-12-02';
const ms = (date: string): number => Date.parse(`${date}T00:00:00Z`);

const DEVELOPERS_EVENTS = JSON.stringify([
  {
    link: 'https://sessionize.example.com/devoxx-fr-2027/',
    until: '10-January-2027',
    untilDate: ms('2027-01-10'),
    conf: { name: 'Devoxx France 2027', date: [ms('2027-04-14'), ms('2027-04-16')], hyperlink: 'https://devoxx.example.fr', location: 'Paris (France)', status: 'open' },
  },
  {
    link: 'https://cfp.example.org/online-summit',
    untilDate: ms('2026-12-20') + 3_600_000,
    conf: { name: 'Online Summit', date: [ms('2027-02-01')], hyperlink: 'https://summit.example.org', location: 'Online' },
  },
  {
    link: 'https://cfp.example.org/closed',
    untilDate: ms('2026-11-01'),
    conf: { name: 'Closed Conf', date: [ms('2027-01-01')], location: 'Berlin (Germany)' },
  },
]);

const CONFS_TECH = JSON.stringify([
  {
    name: 'KubeCon EU',
    url: 'https://events.example.org/kubecon-eu/',
    startDate: '2027-03-23',
    endDate: '2027-03-26',
    city: 'Amsterdam',
    country: 'Netherlands',
    online: false,
    cfpUrl: 'https://events.example.org/kubecon-eu/cfp/',
    cfpEndDate: '2026-12-15',
    locales: 'EN',
  },
  { name: 'No CFP', url: 'https://nocfp.example.org', startDate: '2027-05-01', endDate: '2027-05-01', city: 'Lyon', country: 'France' },
  {
    name: 'Hybrid Days',
    url: 'https://hybrid.example.org',
    startDate: '2027-02-10',
    endDate: '2027-02-11',
    city: 'Lisbon',
    country: 'Portugal',
    online: true,
    cfpEndDate: '2026-12-05',
  },
  // The same call as in the developers.events feed, written slightly differently.
  {
    name: 'Devoxx FR',
    url: 'https://devoxx.example.fr',
    startDate: '2027-04-14',
    endDate: '2027-04-16',
    city: 'Paris',
    country: 'France',
    cfpUrl: 'HTTPS://Sessionize.example.com/devoxx-fr-2027?utm_source=x',
    cfpEndDate: '2027-01-12',
  },
]);

describe('CFP feeds', () => {
  it('reads the developers.events format', () => {
    const read = parseCfpFeed(DEVELOPERS_EVENTS, 'de');
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.calls[0], {
      name: 'Devoxx France 2027',
      cfpUrl: 'https://sessionize.example.com/devoxx-fr-2027/',
      cfpDeadline: '2027-01-10',
      url: 'https://devoxx.example.fr/',
      eventStart: '2027-04-14',
      eventEnd: '2027-04-16',
      location: 'Paris (France)',
      country: 'France',
      sources: ['de'],
    });
    assert.equal(read.calls[1].online, true);
    assert.equal(read.calls[1].cfpDeadline, '2026-12-20', 'an instant is read as its UTC day');
    assert.equal(read.calls[1].eventEnd, undefined);
  });

  it('reads the confs.tech format, skipping conferences without a call', () => {
    const read = parseCfpFeed(CONFS_TECH, 'ct');
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      read.calls.map((c) => c.name),
      ['KubeCon EU', 'Hybrid Days', 'Devoxx FR'],
    );
    assert.deepEqual(read.calls[0], {
      name: 'KubeCon EU',
      cfpUrl: 'https://events.example.org/kubecon-eu/cfp/',
      cfpDeadline: '2026-12-15',
      url: 'https://events.example.org/kubecon-eu/',
      eventStart: '2027-03-23',
      eventEnd: '2027-03-26',
      country: 'Netherlands',
      location: 'Amsterdam, Netherlands',
      sources: ['ct'],
    });
    assert.equal(read.calls[1].location, 'Lisbon, Portugal & online');
    assert.equal(read.calls[1].cfpUrl, 'https://hybrid.example.org/', 'the event site stands in for a missing CFP link');
  });

  it('reports a feed that is not JSON or not a list, once, with no calls', () => {
    const notJson = parseCfpFeed('<html>Oops</html>', 'feed.json');
    assert.equal(notJson.calls.length, 0);
    assert.match(notJson.problems[0], /^feed\.json is not JSON/);
    const object = parseCfpFeed('{"cfps": []}', 'feed.json');
    assert.match(object.problems[0], /expected a JSON array, found an object/);
    assert.deepEqual(parseCfpFeed('\uFEFF[]', 'bom.json'), { calls: [], problems: [], skipped: 0 });
  });

  it('keeps the good entries of a feed with hostile ones, and says what was skipped', () => {
    const feed = JSON.stringify([
      null,
      42,
      'text',
      [],
      { conf: 'x' },
      { link: 'javascript:alert(1)', untilDate: ms('2027-01-01'), conf: { name: 'Evil' } },
      { link: 'https://ok.example.org/cfp', untilDate: 'tomorrow', conf: { name: 'Bad date' } },
      { link: 'https://ok.example.org/cfp', untilDate: 1e20, conf: { name: 'Far future' } },
      { name: 'X'.repeat(100_000), cfpUrl: 'https://long.example.org', cfpEndDate: '2027-02-30' },
      { name: 'Control\u0000chars\u001b[31m', cfpUrl: 'https://ok.example.org/ctrl', cfpEndDate: '2027-02-01' },
      { __proto__: { polluted: true }, name: 'Proto', cfpUrl: 'https://ok.example.org/proto', cfpEndDate: '2027-02-02' },
      { something: 'else' },
      { link: 'https://good.example.org/cfp', untilDate: ms('2027-01-05'), conf: { name: 'Good', date: 'soon', location: 42 } },
    ]);
    const read = parseCfpFeed(feed, 'hostile');
    assert.deepEqual(
      read.calls.map((c) => c.name),
      ['Control chars [31m', 'Proto', 'Good'],
    );
    assert.equal(read.skipped, 10);
    assert.equal(read.problems.length, 1, 'one message for the feed, not one per entry');
    assert.match(
      read.problems[0],
      /^hostile: 10 entries were skipped \(entry 1 is null, not an object; entry 2 is a number, not an object; entry 3 is a string, not an object; and 7 more\)\.$/,
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reads a huge feed and caps the number of entries', () => {
    const entries = Array.from({ length: MAX_FEED_ENTRIES + 10 }, (_, i) => ({
      name: `Conf ${i}`,
      cfpUrl: `https://conf${i}.example.org/cfp`,
      cfpEndDate: '2027-01-01',
      startDate: '2027-03-01',
      city: 'Somewhere',
      country: 'Nowhere',
    }));
    const read = parseCfpFeed(JSON.stringify(entries), 'huge');
    assert.equal(read.calls.length, MAX_FEED_ENTRIES);
    assert.match(read.problems[0], /only the first 50000 were read/);
    assert.equal(mergeCfps([read.calls]).length, MAX_FEED_ENTRIES);
  });

  it('merges duplicates by CFP URL across feeds, keeping the earlier deadline and every source', () => {
    const merged = mergeCfps([parseCfpFeed(DEVELOPERS_EVENTS, 'de').calls, parseCfpFeed(CONFS_TECH, 'ct').calls]);
    const devoxx = merged.filter((c) => c.name.startsWith('Devoxx'));
    assert.equal(devoxx.length, 1);
    assert.deepEqual(devoxx[0].sources, ['de', 'ct']);
    assert.equal(devoxx[0].cfpDeadline, '2027-01-10');
    assert.equal(devoxx[0].name, 'Devoxx France 2027', 'the first feed names it');
    assert.equal(merged.length, 5);
    assert.equal(cfpKey('https://A.example.org/cfp/#top'), cfpKey('http://a.example.org/cfp?utm_campaign=x'));
    assert.notEqual(cfpKey('https://a.example.org/cfp?id=1'), cfpKey('https://a.example.org/cfp?id=2'));
  });

  it('hides past deadlines, sorts by deadline and filters by text, attendance, country and days', () => {
    const all = mergeCfps([parseCfpFeed(DEVELOPERS_EVENTS, 'de').calls, parseCfpFeed(CONFS_TECH, 'ct').calls]);
    const names = (calls: Cfp[]): string[] => calls.map((c) => c.name);
    assert.deepEqual(names(openCfps(all, {}, TODAY)), ['Hybrid Days', 'KubeCon EU', 'Online Summit', 'Devoxx France 2027']);
    assert.deepEqual(names(openCfps(all, {}, '2026-12-15')), ['KubeCon EU', 'Online Summit', 'Devoxx France 2027'], 'closing today is still open');
    assert.deepEqual(names(openCfps(all, { text: 'KUBE' }, TODAY)), ['KubeCon EU']);
    assert.deepEqual(names(openCfps(all, { attendance: 'online' }, TODAY)), ['Hybrid Days', 'Online Summit']);
    assert.deepEqual(names(openCfps(all, { attendance: 'in-person' }, TODAY)), ['Hybrid Days', 'KubeCon EU', 'Devoxx France 2027']);
    assert.deepEqual(names(openCfps(all, { country: 'france' }, TODAY)), ['Devoxx France 2027']);
    assert.deepEqual(names(openCfps(all, { withinDays: 13 }, TODAY)), ['Hybrid Days', 'KubeCon EU']);
    assert.deepEqual(names(openCfps(all, { withinDays: 0 }, TODAY)), []);
    assert.deepEqual(
      cfpCountries(all).map((c) => c.country),
      ['France', 'Germany', 'Netherlands', 'Portugal'],
    );
    assert.equal(describeFilter({ text: 'go', attendance: 'in-person', withinDays: 30 }), '“go” · in person · closing within 30 days');
  });

  it('says how old the cache is', () => {
    const now = Date.UTC(2026, 11, 2, 12);
    assert.equal(describeAge(now - 20_000, now), 'just now');
    assert.equal(describeAge(now - 12 * 60_000, now), '12 min ago');
    assert.equal(describeAge(now - 3 * 3_600_000, now), '3 h ago');
    assert.equal(describeAge(now - 26 * 3_600_000, now), '1 day ago');
    assert.equal(describeAge(now - 5 * 86_400_000, now), '5 days ago');
    assert.equal(describeAge(now + 60_000, now), 'just now', 'a clock that went back is not the future');
  });

  it('finds the talk that already tracks a call, by CFP URL or event name', () => {
    const call = parseCfpFeed(CONFS_TECH, 'ct').calls[0];
    const drafts = [
      { title: 'Other', submissions: [{ event: 'Somewhere' }] },
      { title: 'Tail sampling', submissions: [{ event: 'KubeCon Europe', cfpUrl: 'https://events.example.org/kubecon-eu/cfp?utm_source=feed' }] },
    ];
    assert.equal(trackingTalk(drafts, call), 'Tail sampling');
    assert.equal(trackingTalk([{ title: 'By name', submissions: [{ event: 'kubecon eu' }] }], call), 'By name');
    assert.equal(trackingTalk([{ title: 'None' }], call), undefined);
  });
});
