import assert from 'node:assert/strict';
import { focusDeadlines, focusState, isInHand, parkCandidates, wouldExceedFocus, wouldExceedOnResume } from '../../src/core/focus';
import { isParked } from '../../src/core/parked';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import type { Draft, DraftDate } from '../../src/core/types';
import { draftOf, yamlDoc } from './helpers';

const kinds = BUILT_IN_KINDS;
const today = '2026-05-10';

function draft(title: string, kind: string, status: string, dates: DraftDate[] = []): Draft {
  return {
    uri: `file:///ws/${title.replace(/\W+/g, '-')}.md`,
    relativePath: `${title}.md`,
    kind,
    kindSource: 'front-matter',
    title,
    status,
    statusSource: 'front-matter',
    dates,
    tags: [],
    fields: {},
    problems: [],
  };
}

function on(field: string, date: string, deadline = true): DraftDate {
  return { field, label: field, date, deadline };
}

const titles = (list: readonly { title: string }[]): string[] => list.map((d) => d.title);

describe('focus', () => {
  describe('focusState: active drafts', () => {
    const mixed = [
      draft('blog idea', 'blog', 'idea'),
      draft('blog drafting', 'blog', 'drafting'),
      draft('blog scheduled', 'blog', 'scheduled'),
      draft('blog published', 'blog', 'published'),
      draft('talk submitted', 'talk', 'submitted'),
      draft('talk rejected', 'talk', 'rejected'),
      draft('talk delivered', 'talk', 'delivered'),
      draft('talk rehearsing', 'talk', 'rehearsing'),
      draft('oss todo', 'oss', 'todo'),
      draft('oss in-progress', 'oss', 'in-progress'),
      draft('oss pr-open', 'oss', 'pr-open'),
      draft('oss merged', 'oss', 'merged'),
      draft('trip drafting', 'trip-report', 'drafting'),
      draft('mystery', 'podcast', 'recording'),
      draft('blog typo', 'blog', 'drafted'),
    ];

    it('counts work in hand, the statuses each kind names as active, and shows the rest as waiting', () => {
      const state = focusState(mixed, kinds, { maxActive: 5, maxDeadlinesPer14Days: 4, today });
      assert.deepEqual(titles(state.active), ['blog drafting', 'talk rehearsing', 'oss in-progress', 'trip drafting']);
      assert.deepEqual(titles(state.waiting), ['blog scheduled', 'talk submitted', 'oss pr-open']);
      assert.deepEqual(state.parked, []);
      assert.equal(state.activeCount, 4);
      assert.equal(state.statusText, 'Focus 4/5');
      assert.equal(state.overActive, false);
      assert.deepEqual(state.warnings, []);
    });

    it('is not over at the limit, and over past it with a warning', () => {
      const at = focusState(mixed, kinds, { maxActive: 4, maxDeadlinesPer14Days: 4, today });
      assert.equal(at.overActive, false);
      assert.equal(at.statusText, 'Focus 4/4');
      const over = focusState(mixed, kinds, { maxActive: 3, maxDeadlinesPer14Days: 4, today });
      assert.equal(over.overActive, true);
      assert.equal(over.maxActive, 3);
      assert.equal(over.statusText, 'Focus 4/3');
      assert.deepEqual(over.warnings, ['4 drafts in hand; your focus limit is 3. Use “Park a draft…” to set one aside.']);
    });

    it('turns the limits off with null', () => {
      const state = focusState(mixed, kinds, { maxActive: null, maxDeadlinesPer14Days: null, today });
      assert.equal(state.maxActive, null);
      assert.equal(state.overActive, false);
      assert.equal(state.statusText, 'Focus 4');
      assert.equal(state.activeCount, 4);
      assert.deepEqual(state.warnings, []);
    });

    it('turns a broken limit off with a warning, and rounds a fraction down', () => {
      const broken = focusState(mixed, kinds, { maxActive: -1, maxDeadlinesPer14Days: Number.NaN, today });
      assert.equal(broken.maxActive, null);
      assert.equal(broken.maxDeadlines, null);
      assert.equal(broken.overActive, false);
      assert.deepEqual(broken.warnings, [
        'devrel.focus.maxDraftsInHand must be a whole number of 1 or more, or 0 to turn it off; the limit is off.',
        'devrel.focus.maxDeadlinesInTwoWeeks must be a whole number of 1 or more, or 0 to turn it off; the limit is off.',
      ]);
      const fraction = focusState(mixed, kinds, { maxActive: 4.9, maxDeadlinesPer14Days: 4, today });
      assert.equal(fraction.maxActive, 4);
      assert.equal(fraction.statusText, 'Focus 4/4');
    });

    it('turns the limits off with 0, which the Settings UI can write', () => {
      const zero = focusState(mixed, kinds, { maxActive: 0, maxDeadlinesPer14Days: 0, today });
      assert.equal(zero.maxActive, null);
      assert.equal(zero.maxDeadlines, null);
      assert.equal(zero.overActive, false);
      assert.equal(zero.statusText, 'Focus 4');
      assert.deepEqual(zero.warnings, []);
    });

    it('leaves parked drafts out of the count and lists them apart, keeping their status', () => {
      const parked = { ...draft('parked drafting', 'blog', 'drafting'), fields: { parked: true } };
      const parkedWaiting = { ...draft('parked submitted', 'talk', 'submitted'), fields: { parked: true } };
      const parkedDone = { ...draft('parked published', 'blog', 'published'), fields: { parked: true } };
      const notReallyParked = { ...draft('parked as text', 'blog', 'drafting'), fields: { parked: 'yes' } };
      const state = focusState([...mixed, parked, parkedWaiting, parkedDone, notReallyParked], kinds, { maxActive: 5, maxDeadlinesPer14Days: 4, today });
      assert.deepEqual(titles(state.active), ['blog drafting', 'talk rehearsing', 'oss in-progress', 'trip drafting', 'parked as text']);
      assert.deepEqual(titles(state.waiting), ['blog scheduled', 'talk submitted', 'oss pr-open']);
      assert.deepEqual(titles(state.parked), ['parked drafting', 'parked submitted'], 'a finished draft has nothing left to park');
      assert.equal(isParked(parked), true);
      assert.equal(isInHand(parked, kinds.blog), false);
      assert.equal(isInHand(notReallyParked, kinds.blog), true, 'only `parked: true` parks');
    });
  });

  describe('focusState: deadlines in the next 14 days', () => {
    it('counts today through the 13th day after, and nothing either side', () => {
      const drafts = [
        draft('today', 'talk', 'idea', [on('cfp_deadline', '2026-05-10')]),
        draft('day 13', 'workshop', 'drafting', [on('event_date', '2026-05-23')]),
        draft('day 14', 'workshop', 'drafting', [on('event_date', '2026-05-24')]),
        draft('yesterday', 'blog', 'scheduled', [on('publish_date', '2026-05-09')]),
      ];
      const deadlines = focusDeadlines(drafts, kinds, today);
      assert.deepEqual(
        deadlines.map((d) => [d.draft.title, d.date.date, d.days]),
        [
          ['today', '2026-05-10', 0],
          ['day 13', '2026-05-23', 13],
        ],
      );
    });

    it('counts CFP closings, events and publishes only, by the field the kind declares', () => {
      const hugo = draftOf(yamlDoc(['kind: blog', 'title: Hugo post', 'status: scheduled', 'date: 2026-05-12', 'due: 2026-05-11']));
      const drafts = [
        hugo,
        draft('due only', 'oss', 'in-progress', [on('due', '2026-05-11')]),
        draft('talk', 'talk', 'drafting', [on('cfp_deadline', '2026-05-15'), on('event_date', '2026-05-20'), on('due', '2026-05-12')]),
      ];
      assert.deepEqual(
        focusDeadlines(drafts, kinds, today).map((d) => [d.draft.title, d.date.field]),
        [
          ['Hugo post', 'date'],
          ['talk', 'cfp_deadline'],
          ['talk', 'event_date'],
        ],
      );
    });

    it('leaves out finished drafts, CFPs already submitted to and dates that are no deadline', () => {
      const drafts = [
        draft('published', 'blog', 'published', [on('publish_date', '2026-05-12')]),
        draft('rejected', 'talk', 'rejected', [on('event_date', '2026-05-12')]),
        draft('submitted', 'talk', 'submitted', [on('cfp_deadline', '2026-05-12'), on('event_date', '2026-05-13')]),
        draft('accepted', 'talk', 'accepted', [on('cfp_deadline', '2026-05-12')]),
        draft('idea', 'talk', 'idea', [on('cfp_deadline', '2026-05-14')]),
        draft('trip report', 'trip-report', 'drafting', [on('event_date', '2026-05-13', false)]),
      ];
      assert.deepEqual(
        focusDeadlines(drafts, kinds, today).map((d) => [d.draft.title, d.date.field]),
        [
          ['submitted', 'event_date'],
          ['idea', 'cfp_deadline'],
        ],
      );
    });

    it('warns when more fall in the window than the limit, and not at it', () => {
      const drafts = ['11', '12', '13', '14', '15'].map((day) => draft(`event ${day}`, 'workshop', 'idea', [on('event_date', `2026-05-${day}`)]));
      const atLimit = focusState(drafts.slice(0, 4), kinds, { maxActive: 3, maxDeadlinesPer14Days: 4, today });
      assert.equal(atLimit.deadlines.length, 4);
      assert.equal(atLimit.overDeadlines, false);
      const over = focusState(drafts, kinds, { maxActive: 3, maxDeadlinesPer14Days: 4, today });
      assert.equal(over.overDeadlines, true);
      assert.deepEqual(over.warnings, ['5 CFP closings, events and publishes fall in the next 14 days; your limit is 4. Consider moving one.']);
      const off = focusState(drafts, kinds, { maxActive: 3, maxDeadlinesPer14Days: null, today });
      assert.equal(off.deadlines.length, 5);
      assert.equal(off.overDeadlines, false);
      assert.deepEqual(off.warnings, []);
    });
  });

  describe('wouldExceedFocus', () => {
    const three = [draft('A', 'blog', 'drafting'), draft('B', 'talk', 'rehearsing'), draft('C', 'oss', 'in-progress'), draft('Idea', 'blog', 'idea')];

    it('lets a new draft start at its first status, which is not active', () => {
      assert.deepEqual(wouldExceedFocus(three, kinds, { kind: 'blog', toStatus: 'idea', title: 'New' }, 3), { exceeds: false, activeAfter: 3 });
    });

    it('warns when a new draft starts active and goes over', () => {
      assert.deepEqual(wouldExceedFocus(three, kinds, { kind: 'blog', toStatus: 'drafting', title: 'New post' }, 3), {
        exceeds: true,
        activeAfter: 4,
        message: 'Creating “New post” makes 4 drafts in hand; your focus limit is 3.',
      });
      assert.deepEqual(wouldExceedFocus(three, kinds, { kind: 'blog', toStatus: 'drafting', title: 'New post' }, 4), { exceeds: false, activeAfter: 4 });
    });

    it('warns when advancing from the first status goes over', () => {
      const idea = three[3];
      assert.deepEqual(wouldExceedFocus(three, kinds, { uri: idea.uri, kind: 'blog', toStatus: 'drafting' }, 3), {
        exceeds: true,
        activeAfter: 4,
        message: 'Starting “Idea” makes 4 drafts in hand; your focus limit is 3.',
      });
    });

    it('does not warn when an active draft moves on or finishes', () => {
      const a = three[0];
      assert.deepEqual(wouldExceedFocus(three, kinds, { uri: a.uri, kind: 'blog', toStatus: 'review' }, 3), { exceeds: false, activeAfter: 3 });
      assert.deepEqual(wouldExceedFocus(three, kinds, { uri: a.uri, kind: 'blog', toStatus: 'published' }, 3), { exceeds: false, activeAfter: 2 });
      const crowded = [...three, draft('D', 'blog', 'review')];
      assert.deepEqual(wouldExceedFocus(crowded, kinds, { uri: a.uri, kind: 'blog', toStatus: 'review' }, 3), { exceeds: false, activeAfter: 4 });
    });

    it('trusts fromStatus over a stale index and names a reopening', () => {
      const a = three[0];
      assert.deepEqual(wouldExceedFocus(three, kinds, { uri: a.uri, kind: 'blog', fromStatus: 'published', toStatus: 'review' }, 2), {
        exceeds: true,
        activeAfter: 3,
        message: 'Reopening “A” makes 3 drafts in hand; your focus limit is 2.',
      });
    });

    it('warns once per crossing: not again while already over the limit', () => {
      const over = [...three, draft('D', 'blog', 'review')];
      assert.deepEqual(wouldExceedFocus(over, kinds, { uri: three[3].uri, kind: 'blog', toStatus: 'drafting' }, 3), { exceeds: false, activeAfter: 5 });
      const atLimitAgain = over.filter((d) => d.title !== 'D');
      assert.equal(wouldExceedFocus(atLimitAgain, kinds, { uri: three[3].uri, kind: 'blog', toStatus: 'drafting' }, 3).exceeds, true, 'back at the limit, the next crossing warns');
    });

    it('does not count a move into a waiting status as load', () => {
      const submittedIdea = draft('Talk idea', 'talk', 'idea');
      assert.deepEqual(wouldExceedFocus([...three, submittedIdea], kinds, { uri: submittedIdea.uri, kind: 'talk', toStatus: 'submitted' }, 3), {
        exceeds: false,
        activeAfter: 3,
      });
      assert.deepEqual(wouldExceedFocus(three, kinds, { uri: three[2].uri, kind: 'oss', toStatus: 'pr-open' }, 3), { exceeds: false, activeAfter: 2 });
    });

    it('leaves parked drafts out: a parked draft changing status adds no load', () => {
      const parkedIdea = { ...draft('Parked idea', 'blog', 'idea'), fields: { parked: true } };
      assert.deepEqual(wouldExceedFocus([...three, parkedIdea], kinds, { uri: parkedIdea.uri, kind: 'blog', toStatus: 'drafting' }, 3), { exceeds: false, activeAfter: 3 });
      const parkedA = { ...three[0], fields: { parked: true } };
      const withParked = [parkedA, ...three.slice(1)];
      assert.deepEqual(wouldExceedFocus(withParked, kinds, { kind: 'blog', toStatus: 'drafting', title: 'New' }, 3), { exceeds: false, activeAfter: 3 });
    });

    it('warns when resuming a parked draft crosses the limit', () => {
      const parked = { ...draft('Parked', 'blog', 'review'), fields: { parked: true } };
      assert.deepEqual(wouldExceedOnResume([...three, parked], kinds, parked, 3), {
        exceeds: true,
        activeAfter: 4,
        message: 'Resuming “Parked” makes 4 drafts in hand; your focus limit is 3.',
      });
      assert.deepEqual(wouldExceedOnResume([...three, parked], kinds, parked, 4), { exceeds: false, activeAfter: 4 });
      const parkedWaiting = { ...draft('Parked PR', 'oss', 'pr-open'), fields: { parked: true } };
      assert.deepEqual(wouldExceedOnResume([...three, parkedWaiting], kinds, parkedWaiting, 3), { exceeds: false, activeAfter: 3 });
    });

    it('never warns with the limit off or for a kind it does not know', () => {
      assert.deepEqual(wouldExceedFocus(three, kinds, { kind: 'blog', toStatus: 'drafting' }, null), { exceeds: false, activeAfter: 4 });
      assert.deepEqual(wouldExceedFocus(three, kinds, { kind: 'podcast', toStatus: 'recording' }, 0), { exceeds: false, activeAfter: 3 });
      assert.deepEqual(wouldExceedFocus([...three, draft('Odd', 'constructor', 'drafting')], kinds, { kind: 'constructor', toStatus: 'drafting' }, 0), {
        exceeds: false,
        activeAfter: 3,
      });
    });
  });

  describe('parkCandidates', () => {
    it('lists drafts in hand least urgent first; waiting and parked ones are not offered', () => {
      const drafts = [
        draft('Overdue', 'blog', 'review', [on('due', '2026-05-01')]),
        draft('Soon', 'talk', 'drafting', [on('cfp_deadline', '2026-05-12'), on('event_date', '2026-09-01')]),
        draft('Later', 'workshop', 'drafting', [on('event_date', '2026-08-01')]),
        draft('Undated b', 'oss', 'in-progress'),
        draft('Undated a', 'blog', 'drafting'),
        draft('Waiting on the CFP', 'talk', 'accepted', [on('event_date', '2026-06-01')]),
        draft('Waiting on review', 'oss', 'pr-open'),
        { ...draft('Already parked', 'blog', 'drafting'), fields: { parked: true } },
        draft('Idea', 'blog', 'idea'),
        draft('Done', 'blog', 'published'),
      ];
      const candidates = parkCandidates(drafts, kinds, today);
      assert.deepEqual(
        candidates.map((c) => [c.draft.title, c.nextDate?.date]),
        [
          ['Undated a', undefined],
          ['Undated b', undefined],
          ['Later', '2026-08-01'],
          ['Soon', '2026-05-12'],
          ['Overdue', '2026-05-01'],
        ],
      );
    });
  });
});
