import assert from 'node:assert/strict';
import { appendFrontMatterListItem } from '../../src/core/frontMatter/edit';
import {
  aggregateImpact,
  BUILT_IN_METRICS,
  impactDateFor,
  impactEntryFields,
  metricsForKind,
  metricUnitNote,
  monthlySeries,
  newImpactEntry,
  parseImpactEntries,
  parseImpactValue,
  quarterOf,
  resolveMetrics,
  topDrafts,
} from '../../src/core/impact';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import type { Draft, DraftDate, ImpactEntry } from '../../src/core/types';
import { draftOf, onlyProblem, problemCodes, range, tomlDoc, yamlDoc } from './helpers';

function draftWith(title: string, kind: string, impact: ImpactEntry[] | undefined, uri = `file:///ws/${title}.md`): Draft {
  const draft: Draft = {
    uri,
    relativePath: `${title}.md`,
    kind,
    kindSource: 'front-matter',
    title,
    status: 'published',
    statusSource: 'front-matter',
    dates: [],
    tags: [],
    fields: {},
    problems: [],
  };
  if (impact) draft.impact = impact;
  return draft;
}

function e(date: string, metric: string, value: number): ImpactEntry {
  return { date, metric, value };
}

describe('impact', () => {
  describe('BUILT_IN_METRICS', () => {
    it('has the twelve metrics from the impact issue, comments for cross-posts and the hackathon metrics, each keyed by its id', () => {
      assert.deepEqual(Object.keys(BUILT_IN_METRICS), [
        'views',
        'reactions',
        'comments',
        'attendees',
        'questions',
        'stars',
        'prs-merged',
        'issues-closed',
        'signups',
        'conversations',
        'leads',
        'feedback',
        'participants',
        'projects',
        'beers',
      ]);
      for (const [id, metric] of Object.entries(BUILT_IN_METRICS)) {
        assert.equal(metric.id, id);
        assert.match(metric.icon, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
        assert.ok(metric.label && metric.unit && metric.description, id);
      }
    });

    it('gives each metric the unit the issue describes', () => {
      const units = Object.fromEntries(Object.values(BUILT_IN_METRICS).map((m) => [m.id, m.unit]));
      assert.equal(units.views, 'page views');
      assert.equal(units.attendees, 'people in the room');
      assert.equal(units.questions, 'questions asked');
      assert.equal(units.stars, 'repository stars');
      assert.equal(units['prs-merged'], 'PRs merged');
      assert.equal(units.signups, 'sign-ups');
      assert.equal(units.beers, 'beers paid off');
      assert.match(BUILT_IN_METRICS.feedback.description, /product team/);
      assert.equal(BUILT_IN_METRICS.views.icon, 'eye');
    });
  });

  describe('resolveMetrics', () => {
    it('returns a copy of the built-ins when nothing is set', () => {
      for (const overrides of [undefined, null, {}]) {
        const { metrics, problems } = resolveMetrics(overrides);
        assert.deepEqual(metrics, BUILT_IN_METRICS);
        assert.deepEqual(problems, []);
      }
      const { metrics } = resolveMetrics(undefined);
      metrics.views.label = 'changed';
      assert.equal(BUILT_IN_METRICS.views.label, 'Views');
    });

    it('overrides single fields of a built-in and keeps the rest', () => {
      const { metrics, problems } = resolveMetrics({ views: { label: 'Reads', unit: 'reads' } });
      assert.deepEqual(metrics.views, { id: 'views', label: 'Reads', unit: 'reads', icon: 'eye', description: 'Page views of a published piece.' });
      assert.deepEqual(problems, []);
    });

    it('adds new metrics with defaults from the id', () => {
      const { metrics } = resolveMetrics({ 'webinar-hours': {}, demos: { label: 'Demos', icon: '$(rocket)', description: 'Live demos given' } });
      assert.deepEqual(metrics['webinar-hours'], { id: 'webinar-hours', label: 'Webinar hours', unit: 'webinar hours', icon: 'graph', description: '' });
      assert.deepEqual(metrics.demos, { id: 'demos', label: 'Demos', unit: 'demos', icon: 'rocket', description: 'Live demos given' });
      assert.equal(Object.keys(metrics).length, 17);
    });

    it('removes a built-in set to null or false', () => {
      const { metrics, problems } = resolveMetrics({ beers: null, leads: false });
      assert.equal('beers' in metrics, false);
      assert.equal('leads' in metrics, false);
      assert.equal(Object.keys(metrics).length, 13);
      assert.deepEqual(problems, []);
    });

    it('reports bad ids, bad shapes and bad fields instead of throwing', () => {
      const { metrics, problems } = resolveMetrics({
        'Page Views': { label: 'x' },
        talks: 'yes' as never,
        stars: { label: 5, icon: 'Star Ship' },
      });
      assert.equal('Page Views' in metrics, false);
      assert.equal('talks' in metrics, false);
      assert.deepEqual(metrics.stars, BUILT_IN_METRICS.stars);
      assert.deepEqual(problems, [
        { metric: 'Page Views', message: 'Metric "Page Views" is not a valid id: use lowercase letters, digits and hyphens.' },
        { metric: 'talks', message: 'Metric "talks" must be an object with a label, unit, icon and description.' },
        { metric: 'stars', message: 'Metric "stars": label must be text.' },
        { metric: 'stars', message: 'Metric "stars": icon must be a codicon id such as "eye"; using "star-full".' },
      ]);
    });

    it('reports a setting that is not an object at all', () => {
      const { metrics, problems } = resolveMetrics(['views'] as never);
      assert.deepEqual(metrics, BUILT_IN_METRICS);
      assert.deepEqual(problems, [{ metric: '', message: 'devrel.impact.metrics must be an object of metrics by id.' }]);
    });
  });

  describe('parseImpactValue', () => {
    it('accepts numbers and numeric text, with thousands commas', () => {
      const cases: [unknown, number][] = [
        [0, 0],
        [42, 42],
        [2.5, 2.5],
        ['1200', 1200],
        ['1,200', 1200],
        [' 12,345,678.5 ', 12345678.5],
        ['0.75', 0.75],
        ['-0', 0],
      ];
      for (const [input, expected] of cases) assert.deepEqual(parseImpactValue(input), { ok: true, value: expected }, String(input));
    });

    it('refuses what is not a number, with the reason', () => {
      assert.deepEqual(parseImpactValue('lots'), { ok: false, message: 'value "lots" is not a number; write digits such as 120 or 1,200' });
      assert.deepEqual(parseImpactValue(''), { ok: false, message: 'value is empty; write a number such as 120 or 1,200' });
      assert.deepEqual(parseImpactValue(-5), { ok: false, message: 'value -5 is negative; impact values are counts of 0 or more' });
      assert.deepEqual(parseImpactValue('-1,000'), { ok: false, message: 'value -1,000 is negative; impact values are counts of 0 or more' });
      for (const bad of ['1,20', '1.2k', '~300', '300+', '1 200', '12,3456', '+5', '.5', '5.']) {
        assert.equal(parseImpactValue(bad).ok, false, bad);
      }
      for (const bad of [true, null, [], {}, Number.NaN, Number.POSITIVE_INFINITY]) {
        assert.deepEqual(parseImpactValue(bad), { ok: false, message: 'value must be a number' }, String(bad));
      }
    });
  });

  describe('parseImpactEntries', () => {
    it('reads valid entries with every field', () => {
      const parsed = parseImpactEntries([
        { date: '2026-03-01', metric: 'views', value: 1200, note: 'HN front page', link: 'https://example.com/post' },
        { date: '2026-03-02', metric: 'stars', value: '1,500' },
      ]);
      assert.deepEqual(parsed, {
        entries: [
          { date: '2026-03-01', metric: 'views', value: 1200, note: 'HN front page', link: 'https://example.com/post' },
          { date: '2026-03-02', metric: 'stars', value: 1500 },
        ],
        problems: [],
        warnings: [],
      });
    });

    it('normalises metric names and reads scalar notes as text', () => {
      const parsed = parseImpactEntries([{ date: '2026-03-01T18:30:00+02:00', metric: '  Views ', value: 3, note: 42, link: '  ' }]);
      assert.deepEqual(parsed.entries, [{ date: '2026-03-01', metric: 'views', value: 3, note: '42' }]);
    });

    it('treats an absent or empty list as no entries', () => {
      for (const value of [undefined, null, '', []]) assert.deepEqual(parseImpactEntries(value), { entries: [], problems: [], warnings: [] });
    });

    it('reports a field that is not a list', () => {
      assert.deepEqual(parseImpactEntries('lots').problems, ['impact must be a list of entries, each with a date, a metric and a value.']);
      assert.deepEqual(parseImpactEntries({ date: '2026-03-01', metric: 'views', value: 1 }).entries, []);
    });

    it('skips malformed entries, keeps the rest, and numbers problems by position', () => {
      const parsed = parseImpactEntries([
        { date: '2026-03-01', metric: 'views', value: 10 },
        {},
        'views: 10',
        { date: '2026-02-30', metric: 'stars', value: 'many' },
        { date: '2026-03-05', metric: ['views'], value: -2 },
        { date: '2026-03-06', metric: 'views', value: 5, link: 'ftp://example.com/x' },
        { date: '2026-03-07', metric: 'views', value: 5, note: { text: 'x' } },
        { date: '2026-03-08', metric: 'reactions', value: 7 },
      ]);
      assert.deepEqual(parsed.entries, [e('2026-03-01', 'views', 10), e('2026-03-08', 'reactions', 7)]);
      assert.deepEqual(parsed.problems, [
        'Impact entry 2: date is missing; metric is missing; value is missing.',
        'Impact entry 3 must be a set of fields: date, metric and value.',
        'Impact entry 4: date "2026-02-30" is not a real calendar date; value "many" is not a number; write digits such as 120 or 1,200.',
        'Impact entry 5: metric must be a name such as views; value -2 is negative; impact values are counts of 0 or more.',
        'Impact entry 6: link "ftp://example.com/x" must be an http:// or https:// address.',
        'Impact entry 7: note must be text.',
      ]);
      assert.deepEqual(parsed.warnings, []);
    });

    it('keeps unknown metrics, and warns about them only when the metric settings are given', () => {
      const list = [
        { date: '2026-03-01', metric: 'podcast-downloads', value: 300 },
        { date: '2026-03-01', metric: 'views', value: 1 },
      ];
      const withoutSettings = parseImpactEntries(list);
      assert.equal(withoutSettings.entries.length, 2);
      assert.deepEqual(withoutSettings.warnings, []);
      const withSettings = parseImpactEntries(list, BUILT_IN_METRICS);
      assert.deepEqual(withSettings.entries, withoutSettings.entries);
      assert.deepEqual(withSettings.problems, []);
      assert.deepEqual(withSettings.warnings, [
        'Impact entry 1: unknown metric "podcast-downloads": it is kept and counted; add it to devrel.impact.metrics to give it a label, a unit and an icon.',
      ]);
      const configured = resolveMetrics({ 'podcast-downloads': {} }).metrics;
      assert.deepEqual(parseImpactEntries(list, configured).warnings, []);
    });
  });

  describe('newImpactEntry', () => {
    const today = '2026-05-10';
    const metrics = BUILT_IN_METRICS;

    it('dates the entry today unless told otherwise', () => {
      assert.deepEqual(newImpactEntry({ metric: 'views', value: '1,200' }, today, metrics), { ok: true, entry: e(today, 'views', 1200) });
      assert.deepEqual(newImpactEntry({ metric: 'views', value: 3, date: '  ' }, today, metrics), { ok: true, entry: e(today, 'views', 3) });
      assert.deepEqual(newImpactEntry({ metric: 'stars', value: 9, date: '2026-04-30' }, today, metrics), { ok: true, entry: e('2026-04-30', 'stars', 9) });
      assert.deepEqual(newImpactEntry({ metric: 'stars', value: 9, date: '2026-05-10T23:30:00-07:00' }, today, metrics), {
        ok: true,
        entry: e('2026-05-10', 'stars', 9),
      });
    });

    it('keeps a note and an http(s) link, and drops blank ones', () => {
      assert.deepEqual(newImpactEntry({ metric: 'attendees', value: '80', note: ' Full room ', link: 'http://example.com/t' }, today, metrics), {
        ok: true,
        entry: { date: today, metric: 'attendees', value: 80, note: 'Full room', link: 'http://example.com/t' },
      });
      assert.deepEqual(newImpactEntry({ metric: 'attendees', value: '80', note: '', link: '' }, today, metrics), {
        ok: true,
        entry: e(today, 'attendees', 80),
      });
    });

    it('refuses bad input with a message for the person typing', () => {
      const failures: [Parameters<typeof newImpactEntry>[0], string][] = [
        [{ metric: 'views', value: 'abc' }, 'Value "abc" is not a number; write digits such as 120 or 1,200.'],
        [{ metric: 'views', value: '' }, 'Value is empty; write a number such as 120 or 1,200.'],
        [{ metric: 'views', value: '-3' }, 'Value -3 is negative; impact values are counts of 0 or more.'],
        [{ metric: '', value: 3 }, 'Metric is missing.'],
        [{ metric: 'views', value: 3, link: 'example.com/post' }, 'Link "example.com/post" must be an http:// or https:// address.'],
        [{ metric: 'views', value: 3, link: 'javascript:alert(1)' }, 'Link "javascript:alert(1)" must be an http:// or https:// address.'],
        [{ metric: 'views', value: 3, date: '10/05/2026' }, 'Date "10/05/2026" is not a date: use YYYY-MM-DD.'],
        [{ metric: 'views', value: 3, date: '2026-05-11' }, 'The date 2026-05-11 is after today; log impact once it has happened.'],
      ];
      for (const [input, message] of failures) assert.deepEqual(newImpactEntry(input, today, metrics), { ok: false, message }, JSON.stringify(input));
    });

    it('accepts an unknown metric with a warning', () => {
      assert.deepEqual(newImpactEntry({ metric: 'Podcast-Downloads', value: 12 }, today, metrics), {
        ok: true,
        entry: e(today, 'podcast-downloads', 12),
        warning: 'Unknown metric "podcast-downloads": it is kept and counted; add it to devrel.impact.metrics to give it a label, a unit and an icon.',
      });
    });

    it('writes an entry that reads back from the front matter unchanged', () => {
      const result = newImpactEntry({ metric: 'views', value: '1,200', note: 'Shared: "#1" on HN', link: 'https://example.com/p?a=1' }, today, metrics);
      assert.ok(result.ok);
      const before = yamlDoc(['kind: blog', 'title: Post', 'impact:', '  - date: 2026-04-01', '    metric: stars', '    value: 10'], 'Body\n');
      const edit = appendFrontMatterListItem(before, 'impact', impactEntryFields(result.entry));
      assert.ok(edit.ok, edit.ok ? '' : edit.message);
      assert.deepEqual(draftOf(edit.text).impact, [e('2026-04-01', 'stars', 10), result.entry]);
    });
  });

  describe('front matter', () => {
    it('reads the impact list into the draft', () => {
      const draft = draftOf(
        yamlDoc([
          'kind: talk',
          'title: Wasm plugins',
          'impact:',
          '  - date: 2026-03-01',
          '    metric: attendees',
          '    value: 120',
          '    note: Standing room only',
          '  - date: "2026-03-02"',
          '    metric: views',
          '    value: 1,200',
          '    link: https://example.com/recording',
        ]),
      );
      assert.deepEqual(draft.impact, [
        { date: '2026-03-01', metric: 'attendees', value: 120, note: 'Standing room only' },
        { date: '2026-03-02', metric: 'views', value: 1200, link: 'https://example.com/recording' },
      ]);
      assert.deepEqual(draft.problems, []);
      assert.equal('impact' in draft.fields, false);
    });

    it('reads a flow list and TOML tables too', () => {
      const flow = draftOf(yamlDoc(['kind: blog', 'impact: [{date: 2026-03-01, metric: views, value: 5}]']));
      assert.deepEqual(flow.impact, [e('2026-03-01', 'views', 5)]);
      const toml = draftOf(
        tomlDoc(['kind = "blog"', '[[impact]]', 'date = 2026-03-01', 'metric = "views"', 'value = 5', '[[impact]]', 'date = "2026-03-02"', 'metric = "stars"', 'value = "1,000"']),
      );
      assert.deepEqual(toml.impact, [e('2026-03-01', 'views', 5), e('2026-03-02', 'stars', 1000)]);
    });

    it('leaves impact out when there is none', () => {
      assert.equal('impact' in draftOf(yamlDoc(['kind: blog'])), false);
      assert.equal('impact' in draftOf(yamlDoc(['kind: blog', 'impact: []'])), false);
      assert.equal('impact' in draftOf(yamlDoc(['kind: blog', 'impact:'])), false);
    });

    it('reports each malformed entry on its own first line and keeps the valid ones', () => {
      const draft = draftOf(
        yamlDoc([
          'kind: blog',
          'title: Post',
          'impact:',
          '  - date: 2026-03-01',
          '    metric: views',
          '    value: lots',
          '  - date: 2026-03-02',
          '    metric: views',
          '    value: 10',
          '  - metric: stars',
          '    value: 3',
        ]),
      );
      assert.deepEqual(draft.impact, [e('2026-03-02', 'views', 10)]);
      assert.deepEqual(problemCodes(draft), ['invalid-impact', 'invalid-impact']);
      assert.deepEqual(draft.problems, [
        {
          code: 'invalid-impact',
          severity: 'warning',
          message: 'Impact entry 1: value "lots" is not a number; write digits such as 120 or 1,200.',
          field: 'impact',
          range: range(4, 4, 20),
        },
        { code: 'invalid-impact', severity: 'warning', message: 'Impact entry 3: date is missing.', field: 'impact', range: range(10, 4, 17) },
      ]);
    });

    it('reports an impact field that is not a list, on its value', () => {
      const draft = draftOf(yamlDoc(['kind: blog', 'impact: lots of views']));
      assert.equal('impact' in draft, false);
      assert.equal('impact' in draft.fields, false);
      const problem = onlyProblem(draft, 'invalid-impact');
      assert.equal(problem.message, 'impact must be a list of entries, each with a date, a metric and a value.');
      assert.deepEqual(problem.range, range(2, 8, 21));
    });
  });

  describe('quarterOf', () => {
    it('finds the calendar quarter of a day, edges included', () => {
      assert.deepEqual(quarterOf('2026-01-01'), { label: '2026 Q1', from: '2026-01-01', to: '2026-03-31' });
      assert.deepEqual(quarterOf('2026-03-31'), { label: '2026 Q1', from: '2026-01-01', to: '2026-03-31' });
      assert.deepEqual(quarterOf('2026-04-01'), { label: '2026 Q2', from: '2026-04-01', to: '2026-06-30' });
      assert.deepEqual(quarterOf('2026-08-15'), { label: '2026 Q3', from: '2026-07-01', to: '2026-09-30' });
      assert.deepEqual(quarterOf('2024-12-31'), { label: '2024 Q4', from: '2024-10-01', to: '2024-12-31' });
    });
  });

  describe('aggregateImpact', () => {
    const drafts = [
      draftWith('Talk A', 'talk', [e('2026-03-31', 'attendees', 100), e('2026-04-01', 'attendees', 50), e('2026-04-02', 'questions', 7)]),
      draftWith('Post B', 'blog', [e('2026-06-30', 'views', 1000), e('2025-12-31', 'views', 300), e('2026-07-01', 'views', 5)]),
      draftWith('Post C', 'blog', [e('2026-05-05', 'podcast-downloads', 40), e('2026-05-06', 'beers', 2)]),
      draftWith('Side project', 'meetup', [e('2026-04-15', 'stars', 12)]),
      draftWith('No impact', 'blog', undefined),
    ];

    it('totals this quarter and all time, at the quarter edges', () => {
      const summary = aggregateImpact(drafts, { today: '2026-04-01', kinds: BUILT_IN_KINDS });
      assert.deepEqual(summary.quarter, { label: '2026 Q2', from: '2026-04-01', to: '2026-06-30' });
      assert.deepEqual(summary.allTime, { views: 1305, attendees: 150, questions: 7, stars: 12, beers: 2, 'podcast-downloads': 40 });
      assert.deepEqual(summary.thisQuarter, { views: 1000, attendees: 50, questions: 7, stars: 12, beers: 2, 'podcast-downloads': 40 });
      assert.deepEqual(summary.metricOrder, ['views', 'attendees', 'questions', 'stars', 'beers', 'podcast-downloads']);
      assert.deepEqual(summary.unknownMetrics, ['podcast-downloads']);
      assert.equal(summary.entryCount, 9);
      assert.equal(summary.draftCount, 4);
    });

    it('moves entries out of this quarter when the quarter turns', () => {
      const q1 = aggregateImpact(drafts, { today: '2026-03-31', kinds: BUILT_IN_KINDS });
      assert.deepEqual(q1.thisQuarter, { views: 0, attendees: 100, questions: 0, stars: 0, beers: 0, 'podcast-downloads': 0 });
      const q3 = aggregateImpact(drafts, { today: '2026-07-01', kinds: BUILT_IN_KINDS });
      assert.deepEqual(q3.thisQuarter, { views: 5, attendees: 0, questions: 0, stars: 0, beers: 0, 'podcast-downloads': 0 });
      assert.deepEqual(q3.allTime, q1.allTime);
    });

    it('totals per kind, in the order of the kinds, with unknown kinds last', () => {
      const summary = aggregateImpact(drafts, { today: '2026-04-01', kinds: BUILT_IN_KINDS });
      assert.deepEqual(summary.byKind, [
        { kind: 'blog', label: 'Blog post', thisQuarter: { views: 1000, beers: 2, 'podcast-downloads': 40 }, allTime: { views: 1305, beers: 2, 'podcast-downloads': 40 } },
        { kind: 'talk', label: 'Talk', thisQuarter: { attendees: 50, questions: 7 }, allTime: { attendees: 150, questions: 7 } },
        { kind: 'meetup', label: 'meetup', thisQuarter: { stars: 12 }, allTime: { stars: 12 } },
      ]);
    });

    it('uses the configured metrics for order and unknowns', () => {
      const metrics = resolveMetrics({ 'podcast-downloads': { label: 'Downloads' }, beers: null }).metrics;
      const summary = aggregateImpact(drafts, { today: '2026-04-01', kinds: BUILT_IN_KINDS, metrics });
      assert.deepEqual(summary.metricOrder, ['views', 'attendees', 'questions', 'stars', 'podcast-downloads', 'beers']);
      assert.deepEqual(summary.unknownMetrics, ['beers']);
    });

    it('treats metric and kind names that shadow object properties as plain names', () => {
      const odd = [draftWith('Odd', 'constructor', [e('2026-04-02', 'constructor', 2), e('2026-04-03', '__proto__', 3), e('2026-04-04', 'constructor', 1)])];
      const summary = aggregateImpact(odd, { today: '2026-04-05', kinds: BUILT_IN_KINDS });
      assert.deepEqual(summary.unknownMetrics, ['__proto__', 'constructor']);
      assert.deepEqual(Object.entries(summary.allTime), [
        ['__proto__', 3],
        ['constructor', 3],
      ]);
      assert.deepEqual(
        summary.byKind.map((k) => [k.kind, k.label, Object.entries(k.thisQuarter)]),
        [
          [
            'constructor',
            'constructor',
            [
              ['__proto__', 3],
              ['constructor', 3],
            ],
          ],
        ],
      );
      assert.deepEqual(resolveMetrics({ constructor: {} }).metrics.constructor, { id: 'constructor', label: 'Constructor', unit: 'constructor', icon: 'graph', description: '' });
    });

    it('is empty without impact', () => {
      const summary = aggregateImpact([draftWith('x', 'blog', undefined)], { today: '2026-04-01', kinds: BUILT_IN_KINDS });
      assert.deepEqual([summary.allTime, summary.thisQuarter, summary.byKind, summary.metricOrder, summary.entryCount], [{}, {}, [], [], 0]);
    });
  });

  describe('topDrafts', () => {
    const drafts = [
      draftWith('Echo', 'blog', [e('2026-01-01', 'views', 50), e('2026-02-01', 'views', 60)]),
      draftWith('Alpha', 'blog', [e('2026-01-01', 'views', 100)]),
      draftWith('Bravo', 'blog', [e('2026-01-01', 'views', 300)]),
      draftWith('Delta', 'blog', [e('2026-01-01', 'views', 100)]),
      draftWith('Charlie', 'blog', [e('2026-01-01', 'views', 100), e('2026-01-02', 'stars', 999)]),
      draftWith('Foxtrot', 'blog', [e('2026-01-01', 'views', 20)]),
      draftWith('Golf', 'talk', [e('2026-01-01', 'attendees', 500)]),
      draftWith('Hotel', 'blog', undefined),
    ];

    it('ranks the top five by the metric summed per draft, ties by title', () => {
      const top = topDrafts(drafts, 'views');
      assert.deepEqual(
        top.map((t) => [t.draft.title, t.total, t.entries]),
        [
          ['Bravo', 300, 1],
          ['Echo', 110, 2],
          ['Alpha', 100, 1],
          ['Charlie', 100, 1],
          ['Delta', 100, 1],
        ],
      );
    });

    it('breaks a tie of title and total by uri, and takes n', () => {
      const twins = [draftWith('Same', 'blog', [e('2026-01-01', 'views', 1)], 'file:///ws/b.md'), draftWith('Same', 'blog', [e('2026-01-01', 'views', 1)], 'file:///ws/a.md')];
      assert.deepEqual(
        topDrafts(twins, 'views', 2).map((t) => t.draft.uri),
        ['file:///ws/a.md', 'file:///ws/b.md'],
      );
      assert.deepEqual(
        topDrafts(drafts, 'views', 2).map((t) => t.draft.title),
        ['Bravo', 'Echo'],
      );
      assert.deepEqual(
        topDrafts(drafts, 'views', 10).map((t) => t.draft.title),
        ['Bravo', 'Echo', 'Alpha', 'Charlie', 'Delta', 'Foxtrot'],
      );
      assert.deepEqual(topDrafts(drafts, 'views', 0), []);
    });

    it('leaves out drafts without the metric and matches its name loosely', () => {
      assert.deepEqual(
        topDrafts(drafts, ' Attendees ').map((t) => [t.draft.title, t.total]),
        [['Golf', 500]],
      );
      assert.deepEqual(topDrafts(drafts, 'leads'), []);
    });
  });

  describe('monthlySeries', () => {
    const drafts = [
      draftWith('A', 'blog', [e('2026-02-14', 'views', 10), e('2026-02-01', 'views', 5), e('2025-12-31', 'views', 7), e('2026-02-10', 'stars', 99)]),
      draftWith('B', 'blog', [e('2025-11-01', 'views', 3), e('2025-10-31', 'views', 1000), e('2026-03-01', 'views', 2000)]),
    ];

    it('gives months oldest first across a year change, with 0 for gaps', () => {
      assert.deepEqual(monthlySeries(drafts, 'views', '2026-02-15', 4), [
        { month: '2025-11', label: 'Nov 2025', total: 3 },
        { month: '2025-12', label: 'Dec 2025', total: 7 },
        { month: '2026-01', label: 'Jan 2026', total: 0 },
        { month: '2026-02', label: 'Feb 2026', total: 15 },
      ]);
    });

    it('defaults to twelve months ending with today’s', () => {
      const series = monthlySeries(drafts, 'views', '2026-02-15');
      assert.equal(series.length, 12);
      assert.equal(series[0].month, '2025-03');
      assert.equal(series[11].month, '2026-02');
      assert.deepEqual(
        series.map((m) => m.total),
        [0, 0, 0, 0, 0, 0, 0, 1000, 3, 7, 0, 15],
      );
    });

    it('handles a one-month window and none', () => {
      assert.deepEqual(monthlySeries(drafts, 'stars', '2026-02-28', 1), [{ month: '2026-02', label: 'Feb 2026', total: 99 }]);
      assert.deepEqual(monthlySeries(drafts, 'views', '2026-02-28', 0), []);
    });
  });
});

describe('Log Impact defaults', () => {
  const list = Object.values(BUILT_IN_METRICS);

  it('orders metrics by what fits the kind: talks start with attendees, posts with views', () => {
    assert.deepEqual(
      metricsForKind('talk', list)
        .slice(0, 3)
        .map((m) => m.id),
      ['attendees', 'questions', 'feedback'],
    );
    assert.deepEqual(
      metricsForKind('blog', list)
        .slice(0, 3)
        .map((m) => m.id),
      ['views', 'reactions', 'comments'],
    );
    assert.deepEqual(metricsForKind('oss', list)[0].id, 'prs-merged');
    assert.deepEqual(
      metricsForKind('podcast', list).map((m) => m.id),
      list.map((m) => m.id),
      'an unknown kind keeps the usual order',
    );
    assert.equal(metricsForKind('talk', list).length, list.length, 'nothing is left out');
  });

  it('dates an entry on the day the work met its audience, once that has passed', () => {
    const on = (field: string, date: string): DraftDate => ({ field, label: field, date, deadline: true });
    assert.equal(impactDateFor({ dates: [on('cfp_deadline', '2026-06-01'), on('event_date', '2026-10-14')] }, '2026-12-02'), '2026-10-14');
    assert.equal(impactDateFor({ dates: [on('date', '2026-11-20')] }, '2026-12-02'), '2026-11-20', "a site's date is the publish date");
    assert.equal(impactDateFor({ dates: [on('event_date', '2027-04-13')] }, '2026-12-02'), '2026-12-02', 'an event still ahead: today');
    assert.equal(impactDateFor({ dates: [on('due', '2026-11-01')] }, '2026-12-02'), '2026-12-02', 'a due date is no occasion');
  });

  it('never says the same words twice for a metric', () => {
    assert.equal(metricUnitNote(BUILT_IN_METRICS['prs-merged']), undefined);
    assert.equal(metricUnitNote(BUILT_IN_METRICS.views), 'page views');
  });
});
