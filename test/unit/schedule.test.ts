import assert from 'node:assert/strict';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { compareDrafts, describeDraft, isOverdue, lowerLabel, nextDate, relativeDay, toDraftInfo, upcoming, urgentCount } from '../../src/core/schedule';
import { draftOf } from './helpers';

const TODAY = '2026-11-28';
const kinds = BUILT_IN_KINDS;

function talk(status: string, dates: string, path = 'talks/t.md', body = ''): ReturnType<typeof draftOf> {
  return draftOf(`---\nkind: talk\ntitle: ${path}\nstatus: ${status}\n${dates}\n---\n${body}`, { path, analyze: true });
}

describe('schedule', () => {
  it('marks a passed deadline of unfinished work as overdue, and never finished work', () => {
    assert.equal(isOverdue(talk('drafting', 'cfp_deadline: 2026-11-20'), kinds.talk, TODAY), true);
    assert.equal(isOverdue(talk('delivered', 'event_date: 2026-11-20'), kinds.talk, TODAY), false);
    assert.equal(isOverdue(talk('drafting', 'cfp_deadline: 2026-11-28'), kinds.talk, TODAY), false, 'due today is not overdue yet');
  });

  it('stops counting a CFP deadline once the talk is submitted', () => {
    assert.equal(isOverdue(talk('submitted', 'cfp_deadline: 2026-11-01'), kinds.talk, TODAY), false);
    assert.equal(isOverdue(talk('submitted', 'cfp_deadline: 2026-11-01\nevent_date: 2026-11-10'), kinds.talk, TODAY), true, 'the event still counts');
  });

  it('never makes a trip report overdue for its event, only for its due date', () => {
    const report = (dates: string) => draftOf(`---\nkind: trip-report\ntitle: R\nstatus: drafting\n${dates}\n---\n`);
    assert.equal(isOverdue(report('event_date: 2026-11-10'), kinds['trip-report'], TODAY), false);
    assert.equal(isOverdue(report('event_date: 2026-11-10\ndue: 2026-11-20'), kinds['trip-report'], TODAY), true);
  });

  it('groups upcoming dates relative to today, with the badge count', () => {
    const drafts = [
      talk('drafting', 'cfp_deadline: 2026-11-25', 'talks/a.md'),
      talk('drafting', 'cfp_deadline: 2026-11-28', 'talks/b.md'),
      talk('drafting', 'cfp_deadline: 2026-12-04', 'talks/c.md'),
      talk('drafting', 'cfp_deadline: 2026-12-05', 'talks/d.md'),
      talk('drafting', 'cfp_deadline: 2026-12-28', 'talks/e.md'),
      talk('drafting', 'cfp_deadline: 2026-12-29', 'talks/f.md'),
      talk('delivered', 'event_date: 2026-12-01', 'talks/g.md'),
    ];
    const items = upcoming(drafts, kinds, TODAY);
    const byFile = Object.fromEntries(items.map((i) => [i.draft.relativePath, i.group]));
    assert.deepEqual(byFile, {
      'talks/a.md': 'overdue',
      'talks/b.md': 'this-week',
      'talks/c.md': 'this-week',
      'talks/d.md': 'next-30-days',
      'talks/e.md': 'next-30-days',
      'talks/f.md': 'later',
    });
    assert.equal(urgentCount(items), 3);
    assert.deepEqual(
      items.map((i) => i.date.label),
      ['CFP closes', 'CFP closes', 'CFP closes', 'CFP closes', 'CFP closes', 'CFP closes'],
    );
  });

  it('drops past dates that are not deadlines from Upcoming', () => {
    const report = draftOf('---\nkind: trip-report\ntitle: R\nstatus: drafting\nevent_date: 2026-11-10\n---\n');
    assert.deepEqual(upcoming([report], kinds, TODAY), []);
  });

  it('describes a draft by its kind’s key measure', () => {
    const post = draftOf('---\nkind: blog\ntitle: P\nstatus: drafting\ndue: 2026-12-01\n---\n' + 'word '.repeat(1240), { analyze: true });
    assert.equal(describeDraft(post, kinds.blog, TODAY), 'drafting · due in 3 days · 1,240 words');
    const oss = draftOf('---\nkind: oss\ntitle: O\nstatus: in-progress\n---\n- [x] a\n- [ ] b\n', { analyze: true });
    assert.equal(describeDraft(oss, kinds.oss, TODAY), 'in-progress · 1/2');
    const t = talk('drafting', 'duration: 30\nevent_date: 2026-11-29', 'talks/x.md', '## A (12 min)\n## B (15 min)\n');
    assert.equal(describeDraft(t, kinds.talk, TODAY), 'drafting · event tomorrow · ~27/30 min');
  });

  it('puts status and the next date first, submissions last, and keeps CFP in capitals', () => {
    const text =
      '---\nkind: talk\ntitle: T\nstatus: submitted\ncfp_deadline: 2026-12-01\nsubmissions:\n  - event: A\n    status: submitted\n  - event: B\n    status: accepted\n---\n';
    assert.equal(describeDraft(draftOf(text), kinds.talk, TODAY), 'submitted · CFP closes in 3 days · 1 submitted · 1 accepted');
    assert.equal(lowerLabel('Due'), 'due');
    assert.equal(lowerLabel('CFP answer due'), 'CFP answer due');
    assert.equal(lowerLabel('Publish'), 'publish');
  });

  it('says relative days in words', () => {
    assert.deepEqual([-3, -1, 0, 1, 5].map(relativeDay), ['3 days ago', 'yesterday', 'today', 'tomorrow', 'in 5 days']);
  });

  it('picks the nearest date ahead, else the latest overdue one', () => {
    const d = talk('drafting', 'cfp_deadline: 2026-11-01\nevent_date: 2026-12-10\ndue: 2026-12-02');
    assert.equal(nextDate(d, kinds.talk, TODAY)?.field, 'due');
    const past = talk('drafting', 'cfp_deadline: 2026-11-01\nevent_date: 2026-11-05');
    assert.equal(nextDate(past, kinds.talk, TODAY)?.field, 'event_date');
  });

  it('sorts by workflow order, then the nearest date', () => {
    const a = talk('submitted', 'event_date: 2026-12-01', 'talks/a.md');
    const b = talk('drafting', 'event_date: 2027-01-01', 'talks/b.md');
    const c = talk('drafting', 'event_date: 2026-12-15', 'talks/c.md');
    assert.deepEqual(
      [a, b, c].sort((x, y) => compareDrafts(x, y, kinds, TODAY)).map((d) => d.relativePath),
      ['talks/c.md', 'talks/b.md', 'talks/a.md'],
    );
  });

  it('turns a draft into the stable API shape', () => {
    const t = talk('drafting', 'duration: 20\ncfp_deadline: 2026-11-20', 'talks/api.md', '## A (25 min)\n\nSome words here.\n');
    const info = toDraftInfo(t, kinds.talk, TODAY);
    assert.equal(info.overdue, true);
    assert.deepEqual(info.talkMinutes, { planned: 25, duration: 20 });
    assert.deepEqual(info.dates, [{ field: 'cfp_deadline', label: 'CFP closes', date: '2026-11-20' }]);
    assert.ok(info.problems.some((p) => /over the 20 min slot/.test(p.message) && p.line !== undefined));
    assert.equal(info.parked, false);
    assert.equal(toDraftInfo({ ...t, fields: { ...t.fields, parked: true } }, kinds.talk, TODAY).parked, true);
    assert.deepEqual(Object.keys(info).sort(), ['checklist', 'dates', 'kind', 'overdue', 'parked', 'problems', 'readingMinutes', 'status', 'talkMinutes', 'title', 'uri', 'words']);
  });
});
