import assert from 'node:assert/strict';
import { buildDashboardModel, checkDashboardRequest, crowdedLimit, mondayOf, type DashboardOptions } from '../../src/core/dashboardModel';
import { BUILT_IN_METRICS } from '../../src/core/impact';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import type { Draft, DraftDate, ImpactEntry } from '../../src/core/types';

const kinds = BUILT_IN_KINDS;
// A Wednesday: the calendar starts on Monday 2026-05-11.
const today = '2026-05-13';
const options: DashboardOptions = { today, metrics: BUILT_IN_METRICS, focus: { maxActive: 3, maxDeadlinesPer14Days: 4 } };

function draft(title: string, kind: string, status: string, extra: Partial<Draft> = {}): Draft {
  return {
    uri: `file:///ws/${title.replace(/\W+/g, '-')}.md`,
    relativePath: `${title}.md`,
    kind,
    kindSource: 'front-matter',
    title,
    status,
    statusSource: 'front-matter',
    dates: [],
    tags: [],
    fields: {},
    problems: [],
    ...extra,
  };
}

const cfp = (date: string): DraftDate => ({ field: 'cfp_deadline', label: 'CFP closes', date, deadline: true });
const event = (date: string): DraftDate => ({ field: 'event_date', label: 'Event', date, deadline: true });
const publish = (date: string): DraftDate => ({ field: 'publish_date', label: 'Publish', date, deadline: true });
const due = (date: string): DraftDate => ({ field: 'due', label: 'Due', date, deadline: true });
const entry = (date: string, metric: string, value: number): ImpactEntry => ({ date, metric, value });
const analysis = (words: number, checklist = { done: 0, total: 0 }): NonNullable<Draft['analysis']> => ({ words, readingMinutes: Math.ceil(words / 238), checklist });

describe('dashboardModel', () => {
  describe('pipeline', () => {
    const drafts = [
      draft('Later post', 'blog', 'drafting', { dates: [due('2026-06-30')] }),
      draft('Sooner post', 'blog', 'drafting', { dates: [due('2026-05-20')] }),
      draft('Undated post', 'blog', 'drafting'),
      draft('Late post', 'blog', 'drafting', { dates: [due('2026-05-01')] }),
      draft('Typo post', 'blog', 'polishing'),
      draft('Talk', 'talk', 'submitted', { dates: [cfp('2026-05-16'), event('2026-09-01')], duration: 30 }),
      draft('Podcast', 'podcast', 'recording'),
    ];
    const model = buildDashboardModel(drafts, kinds, options);

    it('has a board for each kind with drafts, in the kinds order, unknown kinds last', () => {
      assert.deepEqual(
        model.pipeline.map((k) => [k.kind, k.label, k.known, k.count]),
        [
          ['blog', 'Blog post', true, 5],
          ['talk', 'Talk', true, 1],
          ['podcast', 'podcast', false, 1],
        ],
      );
    });

    it('has a column per workflow status in order, empty ones included, then stray statuses', () => {
      const blog = model.pipeline[0];
      assert.deepEqual(
        blog.columns.map((c) => [c.status, c.inWorkflow, c.finished, c.cards.length]),
        [
          ['idea', true, false, 0],
          ['drafting', true, false, 4],
          ['review', true, false, 0],
          ['scheduled', true, false, 0],
          ['published', true, true, 0],
          ['polishing', false, false, 1],
        ],
      );
      assert.deepEqual(blog.statuses, ['idea', 'drafting', 'review', 'scheduled', 'published']);
      assert.deepEqual(
        model.pipeline[1].columns.map((c) => c.status),
        BUILT_IN_KINDS.talk.statuses,
      );
    });

    it('offers no statuses to move to for an unknown kind', () => {
      const podcast = model.pipeline[2];
      assert.deepEqual(podcast.statuses, []);
      assert.deepEqual(
        podcast.columns.map((c) => [c.status, c.inWorkflow]),
        [['recording', false]],
      );
    });

    it('sorts cards overdue first, then by the nearest date, undated last', () => {
      assert.deepEqual(
        model.pipeline[0].columns[1].cards.map((c) => c.title),
        ['Late post', 'Sooner post', 'Later post', 'Undated post'],
      );
    });

    it('labels the next date the way a person says it and marks overdue work', () => {
      const [late, sooner] = model.pipeline[0].columns[1].cards;
      assert.equal(late.overdue, true);
      assert.equal(late.overdueLabel, 'Due 12 days ago');
      assert.equal(sooner.dateLabel, 'Due in 7 days');
      assert.equal(sooner.overdue, false);
      assert.equal(sooner.overdueLabel, undefined);
      const talk = model.pipeline[1].columns.find((c) => c.status === 'submitted')?.cards[0];
      assert.equal(talk?.dateLabel, 'CFP closes in 3 days');
      assert.equal(talk?.measure, '~0/30 min');
    });

    it('shows the measure that fits the kind: tasks, talk minutes or words', () => {
      const measured = buildDashboardModel(
        [
          draft('Essay', 'blog', 'drafting', { analysis: analysis(1240) }),
          draft('PR', 'oss', 'in-progress', { analysis: analysis(400, { done: 6, total: 10 }) }),
          draft('Slides', 'talk', 'drafting', { duration: 30, analysis: { ...analysis(300), talk: { plannedMinutes: 28, sections: [] } } }),
          draft('Stub', 'blog', 'idea', { analysis: analysis(1) }),
        ],
        kinds,
        options,
      );
      const measures = measured.pipeline.flatMap((k) => k.columns.flatMap((c) => c.cards.map((card) => [card.title, card.measure])));
      assert.deepEqual(measures, [
        ['Stub', '1 word'],
        ['Essay', '1,240 words'],
        ['Slides', '~28/30 min'],
        ['PR', '6/10 tasks'],
      ]);
    });

    it('is empty without drafts', () => {
      assert.deepEqual(buildDashboardModel([], kinds, options).pipeline, []);
    });

    it('is plain data that survives JSON', () => {
      const withImpact = [...drafts, draft('Talked', 'talk', 'delivered', { impact: [entry('2026-04-02', 'attendees', 80)] })];
      const built = buildDashboardModel(withImpact, kinds, options);
      assert.deepEqual(JSON.parse(JSON.stringify(built)), built);
    });

    it('does not find a kind called constructor on Object', () => {
      const model = buildDashboardModel([draft('Odd', 'constructor', 'x')], kinds, options);
      assert.deepEqual(
        model.pipeline.map((k) => [k.kind, k.known, k.statuses]),
        [['constructor', false, []]],
      );
    });
  });

  describe('calendar', () => {
    it('starts on the Monday of the week today falls in', () => {
      assert.equal(mondayOf('2026-05-13'), '2026-05-11');
      assert.equal(mondayOf('2026-05-11'), '2026-05-11');
      assert.equal(mondayOf('2026-05-17'), '2026-05-11', 'Sunday belongs to the week before it');
      assert.equal(mondayOf('2027-01-01'), '2026-12-28');
    });

    it('has eight whole weeks with labels, the first one current', () => {
      const { calendar } = buildDashboardModel([], kinds, options);
      assert.equal(calendar.weeks.length, 8);
      assert.equal(calendar.from, '2026-05-11');
      assert.equal(calendar.to, '2026-07-05');
      assert.deepEqual(
        calendar.weeks.map((w) => w.start),
        ['2026-05-11', '2026-05-18', '2026-05-25', '2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29'],
      );
      assert.equal(calendar.weeks[0].label, 'May 11 – May 17');
      assert.equal(calendar.weeks[7].label, 'Jun 29 – Jul 5');
      assert.deepEqual(
        calendar.weeks.map((w) => w.current),
        [true, false, false, false, false, false, false, false],
      );
    });

    it('shows the year only for weeks outside this one', () => {
      const { calendar } = buildDashboardModel([], kinds, { ...options, today: '2026-12-02' });
      assert.equal(calendar.weeks[4].label, 'Dec 28 – Jan 3, 2027');
      assert.equal(calendar.weeks[5].label, 'Jan 4 – Jan 10, 2027');
      const { calendar: late } = buildDashboardModel([], kinds, { ...options, today: '2027-12-20' });
      assert.equal(late.weeks[1].label, 'Dec 27 – Jan 2, 2028');
      const { calendar: early } = buildDashboardModel([], kinds, { ...options, today: '2027-01-01' });
      assert.equal(early.weeks[0].label, 'Dec 28, 2026 – Jan 3');
    });

    it('puts each date in its week and lists overdue items first, apart from the weeks', () => {
      const drafts = [
        draft('Talk', 'talk', 'drafting', { dates: [cfp('2026-05-14'), event('2026-06-20')] }),
        draft('Old', 'blog', 'drafting', { dates: [due('2026-05-12')] }),
        draft('Older', 'oss', 'todo', { dates: [due('2026-04-30')] }),
        draft('Done', 'blog', 'published', { dates: [publish('2026-05-20')] }),
        draft('Far', 'blog', 'review', { dates: [publish('2026-07-06')] }),
      ];
      const { calendar } = buildDashboardModel(drafts, kinds, options);
      assert.deepEqual(
        calendar.overdue.map((i) => [i.title, i.label, i.date, i.when, i.overdue]),
        [
          ['Older', 'Due', '2026-04-30', '13 days ago', true],
          ['Old', 'Due', '2026-05-12', 'yesterday', true],
        ],
      );
      const placed = calendar.weeks.map((w) => w.items.map((i) => `${i.title}: ${i.label}`));
      assert.deepEqual(placed, [['Talk: CFP closes'], [], [], [], [], ['Talk: Event'], [], []]);
      const cfpItem = calendar.weeks[0].items[0];
      assert.equal(cfpItem.dayLabel, 'Thu May 14');
      assert.equal(cfpItem.when, 'tomorrow');
      assert.equal(cfpItem.kindLabel, 'Talk');
      assert.equal(cfpItem.overdue, false);
    });

    it('marks a week crowded past half the 14-day limit, counting only CFP closings, events and publishes', () => {
      const drafts = [
        draft('A', 'talk', 'drafting', { dates: [cfp('2026-05-19'), event('2026-05-21')] }),
        draft('B', 'blog', 'scheduled', { dates: [publish('2026-05-22'), due('2026-05-20')] }),
        draft('C', 'blog', 'drafting', { dates: [publish('2026-05-26'), due('2026-05-27')] }),
        draft('D', 'oss', 'todo', { dates: [due('2026-05-28'), due('2026-05-29')] }),
      ];
      const { calendar } = buildDashboardModel(drafts, kinds, options);
      assert.equal(calendar.crowdedAbove, 2);
      assert.deepEqual(
        calendar.weeks.slice(0, 3).map((w) => [w.commitments, w.items.length, w.crowded]),
        [
          [0, 0, false],
          [3, 4, true],
          [1, 4, false],
        ],
      );
      assert.deepEqual(
        calendar.weeks[1].items.map((i) => [i.label, i.commitment]),
        [
          ['CFP closes', true],
          ['Due', false],
          ['Event', true],
          ['Publish', true],
        ],
      );
      assert.match(calendar.crowdedRule, /more than 2 CFP closings, events and publishes.*limit of 4 in 14 days/);
    });

    it('follows the focus limit, and marks nothing when the limit is off', () => {
      const drafts = [draft('A', 'talk', 'drafting', { dates: [cfp('2026-05-19'), event('2026-05-21')] })];
      const strict = buildDashboardModel(drafts, kinds, { ...options, focus: { maxActive: 3, maxDeadlinesPer14Days: 2 } });
      assert.equal(strict.calendar.weeks[1].crowded, true);
      const off = buildDashboardModel(drafts, kinds, { ...options, focus: { maxActive: 3, maxDeadlinesPer14Days: null } });
      assert.equal(off.calendar.crowdedAbove, null);
      assert.equal(off.calendar.weeks[1].crowded, false);
      assert.match(off.calendar.crowdedRule, /not marked/);
    });

    it('counts commitments beyond the first 14 days too', () => {
      const drafts = [draft('Late summer', 'talk', 'drafting', { dates: [cfp('2026-06-30'), event('2026-07-01'), event('2026-07-02')] })];
      const { calendar } = buildDashboardModel(drafts, kinds, options);
      assert.equal(calendar.weeks[7].commitments, 3);
      assert.equal(calendar.weeks[7].crowded, true);
    });

    it('does not count a CFP once the talk is submitted', () => {
      const drafts = [draft('Sent', 'talk', 'submitted', { dates: [cfp('2026-05-19'), event('2026-05-20')] })];
      const { calendar } = buildDashboardModel(drafts, kinds, options);
      assert.deepEqual(
        calendar.weeks[1].items.map((i) => [i.label, i.commitment]),
        [
          ['CFP closes', false],
          ['Event', true],
        ],
      );
    });

    it('reads limits as the focus settings do', () => {
      assert.equal(crowdedLimit(4), 2);
      assert.equal(crowdedLimit(5), 2.5);
      assert.equal(crowdedLimit(0), 0);
      assert.equal(crowdedLimit(null), null);
      assert.equal(crowdedLimit(-1), null);
      assert.equal(crowdedLimit(Number.NaN), null);
    });
  });

  describe('impact', () => {
    it('has charts only for metrics with entries, with twelve months and totals', () => {
      const drafts = [
        draft('Talk', 'talk', 'delivered', { impact: [entry('2026-04-20', 'attendees', 120), entry('2026-04-20', 'questions', 9), entry('2026-05-02', 'attendees', 30)] }),
        draft('Post', 'blog', 'published', { impact: [entry('2025-01-10', 'views', 500), entry('2026-05-01', 'hugs', 2)] }),
        draft('Quiet', 'blog', 'drafting'),
      ];
      const { impact } = buildDashboardModel(drafts, kinds, options);
      assert.equal(impact.quarterLabel, '2026 Q2');
      assert.equal(impact.entryCount, 5);
      assert.equal(impact.draftCount, 2);
      assert.deepEqual(
        impact.metrics.map((m) => [m.id, m.label, m.known, m.thisQuarter, m.allTime, m.max]),
        [
          ['views', 'Views', true, 0, 500, 0],
          ['attendees', 'Attendees', true, 150, 150, 120],
          ['questions', 'Questions', true, 9, 9, 9],
          ['hugs', 'Hugs', false, 2, 2, 2],
        ],
      );
      const attendees = impact.metrics[1];
      assert.equal(attendees.unit, 'people in the room');
      assert.equal(attendees.series.length, 12);
      assert.equal(attendees.series[0].month, '2025-06');
      assert.equal(attendees.series[11].month, '2026-05');
      assert.deepEqual(
        attendees.series.slice(-2).map((m) => [m.label, m.total]),
        [
          ['Apr 2026', 120],
          ['May 2026', 30],
        ],
      );
    });

    it('is empty when nothing is logged', () => {
      const { impact } = buildDashboardModel([draft('Quiet', 'blog', 'drafting')], kinds, options);
      assert.equal(impact.entryCount, 0);
      assert.deepEqual(impact.metrics, []);
    });
  });

  describe('focus line', () => {
    it('says how many drafts are active and how many deadlines are near', () => {
      const drafts = [
        draft('A', 'blog', 'drafting', { dates: [publish('2026-05-20')] }),
        draft('B', 'talk', 'rehearsing', { dates: [event('2026-05-14')] }),
        draft('C', 'blog', 'idea'),
        draft('D', 'talk', 'accepted', { dates: [event('2026-07-14')] }),
      ];
      const { focus } = buildDashboardModel(drafts, kinds, options);
      assert.equal(focus.text, 'Focus 2/3 · 2 deadlines in the next 14 days');
      assert.equal(focus.over, false);
      assert.deepEqual(focus.warnings, []);
    });

    it('uses the singular, drops the limit when it is off, and flags going over', () => {
      const drafts = [draft('A', 'blog', 'drafting', { dates: [publish('2026-05-20')] }), draft('B', 'blog', 'review')];
      const { focus } = buildDashboardModel(drafts, kinds, { ...options, focus: { maxActive: null, maxDeadlinesPer14Days: 0 } });
      assert.equal(focus.text, 'Focus 2 · 1 deadline in the next 14 days');
      assert.equal(focus.over, false, '0 turns the deadline limit off');
      const over = buildDashboardModel(drafts, kinds, { ...options, focus: { maxActive: 1, maxDeadlinesPer14Days: null } }).focus;
      assert.equal(over.text, 'Focus 2/1 · 1 deadline in the next 14 days');
      assert.equal(over.over, true);
      assert.equal(over.warnings.length, 1);
    });
  });

  describe('checkDashboardRequest', () => {
    const talk = draft('Talk', 'talk', 'drafting');
    const odd = draft('Odd', 'podcast', 'recording');
    const find = (uri: string): Draft | undefined => [talk, odd].find((d) => d.uri === uri);
    const check = (message: unknown): ReturnType<typeof checkDashboardRequest> => checkDashboardRequest(message, find, kinds);

    it('accepts ready, open of a known draft and a move within its workflow', () => {
      assert.deepEqual(check({ type: 'ready' }), { ok: true, request: { type: 'ready' } });
      assert.deepEqual(check({ type: 'open', uri: talk.uri }), { ok: true, request: { type: 'open', uri: talk.uri } });
      assert.deepEqual(check({ type: 'setStatus', uri: talk.uri, status: 'submitted', extra: 1 }), {
        ok: true,
        request: { type: 'setStatus', uri: talk.uri, status: 'submitted' },
      });
    });

    it('refuses anything else, saying why', () => {
      const refused: unknown[] = [
        null,
        'open',
        [],
        {},
        { type: 'runCommand', command: 'workbench.action.quit' },
        { type: 'open' },
        { type: 'open', uri: 42 },
        { type: 'open', uri: 'file:///etc/passwd' },
        { type: 'setStatus', uri: talk.uri },
        { type: 'setStatus', uri: talk.uri, status: 'published' },
        { type: 'setStatus', uri: talk.uri, status: 'constructor' },
        { type: 'setStatus', uri: odd.uri, status: 'recording' },
      ];
      for (const message of refused) {
        const result = check(message);
        assert.equal(result.ok, false, JSON.stringify(message));
        if (!result.ok) assert.ok(result.reason.length > 0);
      }
      const wrongStatus = check({ type: 'setStatus', uri: talk.uri, status: 'published' });
      assert.deepEqual(wrongStatus, { ok: false, reason: 'setStatus: "published" is not a status of talks' });
    });
  });
});
