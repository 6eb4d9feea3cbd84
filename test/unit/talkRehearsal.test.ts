import assert from 'node:assert/strict';
import { appendFrontMatterListItem } from '../../src/core/frontMatter/edit';
import { buildHandout, handoutOwnership } from '../../src/core/talks/handout';
import { parseTalkOutline } from '../../src/core/talks/outline';
import {
  compareRun,
  describeRun,
  parseRehearsals,
  Rehearsal,
  rehearsalEntryFields,
  rehearsalPlan,
  WHOLE_TALK,
  type RehearsalOutcome,
  type RehearsalRun,
} from '../../src/core/talks/rehearsal';
import { parseFrontMatter, locateFrontMatter } from '../../src/core/frontMatter/parse';
import { draftOf, onlyProblem, problemCodes } from './helpers';

const TALK = `---
kind: talk
title: Config at the edge
event: CfgMgmtCamp 2027
duration: 30
---

## Intro (5 min)

<!-- Speaker note: start with the outage -->

## How it works (7.5 min)

Notes: draw the diagram

## Q&A

## Demo (12 min)

- Live

## Wrap-up (5 min)
`;

const MINUTE = 60_000;

class FakeClock {
  time = 1_000_000;
  readonly now = (): number => this.time;
  advance(minutes: number): void {
    this.time += minutes * MINUTE;
  }
}

function recorded(outcome: RehearsalOutcome): { run: RehearsalRun; partial: boolean } {
  assert.ok(outcome.recorded, outcome.recorded ? '' : outcome.message);
  return outcome;
}

describe('speaker-notes handout', () => {
  it('lists each section with its running start time, budget and notes', () => {
    const handout = buildHandout(parseTalkOutline(TALK, { fallbackTitle: 'talk' }), { source: 'talks/edge.md' });
    assert.deepEqual(
      handout.entries.map((e) => [e.start, e.title, e.minutes]),
      [
        ['00:00', 'Intro', 5],
        ['05:00', 'How it works', 7.5],
        ['12:30', 'Q&A', undefined],
        ['12:30', 'Demo', 12],
        ['24:30', 'Wrap-up', 5],
      ],
    );
    assert.equal(handout.end, '29:30');
    assert.match(handout.text, /^## 00:00 Intro \(5 min\)\n\n- start with the outage$/m);
    assert.match(handout.text, /^## 05:00 How it works \(7\.5 min\)\n\n- draw the diagram$/m);
    assert.match(handout.text, /^## 12:30 Q&A \(no budget\)\n\n_No notes\._$/m);
    assert.match(handout.text, /^CfgMgmtCamp 2027 · 30 min slot · 29\.5 min planned$/m);
    assert.match(handout.text, /^Ends at 29:30\.$/m);
  });

  it('counts past an hour and says when the plan runs over the slot', () => {
    const long = parseTalkOutline('---\nduration: 60\n---\n## Part one (45 min)\n## Part two (30 min)\n## Part three (1 min)\n', { fallbackTitle: 'x' });
    const handout = buildHandout(long);
    assert.deepEqual(
      handout.entries.map((e) => e.start),
      ['00:00', '45:00', '1:15:00'],
    );
    assert.match(handout.text, /Ends at 1:16:00, over the 60 min slot\./);
  });

  it("knows its own untouched text from an edited copy and from someone else's file", () => {
    const { text } = buildHandout(parseTalkOutline(TALK, { fallbackTitle: 'talk' }));
    assert.equal(handoutOwnership(text), 'untouched');
    assert.equal(handoutOwnership(text.replace(/\n/g, '\r\n')), 'untouched');
    assert.equal(handoutOwnership(text.replace('start with the outage', 'start with a joke')), 'edited');
    assert.equal(handoutOwnership('# My notes\n'), 'not-ours');
  });

  it('explains an outline without sections', () => {
    const { text, entries } = buildHandout(parseTalkOutline('Just an idea.\n', { fallbackTitle: 'idea' }));
    assert.deepEqual(entries, []);
    assert.match(text, /no sections yet/);
  });
});

describe('rehearsal timer', () => {
  it('times each section against its budget with a stepped clock, pauses excluded', () => {
    const clock = new FakeClock();
    const rehearsal = new Rehearsal(rehearsalPlan(parseTalkOutline(TALK, { fallbackTitle: 'talk' })), clock.now);
    assert.equal(rehearsal.phase, 'ready');
    rehearsal.start();
    clock.advance(6.2);
    let snap = rehearsal.snapshot();
    assert.equal(snap.section.title, 'Intro');
    assert.equal(snap.sectionMs, 6.2 * MINUTE);
    assert.equal(snap.sectionOver, true);
    assert.equal(snap.next?.title, 'How it works');

    assert.equal(rehearsal.next(), false);
    clock.advance(3);
    assert.equal(rehearsal.pause(), true);
    clock.advance(20);
    snap = rehearsal.snapshot();
    assert.equal(snap.phase, 'paused');
    assert.equal(snap.sectionMs, 3 * MINUTE, 'paused time does not count');
    assert.equal(rehearsal.pause(), false, 'pausing twice does nothing');
    assert.equal(rehearsal.resume(), true);
    clock.advance(4);
    rehearsal.next();
    clock.advance(1);
    rehearsal.next();
    clock.advance(13.1);
    snap = rehearsal.snapshot();
    assert.equal(snap.section.title, 'Demo');
    assert.equal(Math.round(snap.totalMs), Math.round((6.2 + 7 + 1 + 13.1) * MINUTE));
    assert.equal(snap.plannedThroughMs, 24.5 * MINUTE);
    assert.equal(snap.totalOver, false);
    rehearsal.next();
    clock.advance(4.2);
    assert.equal(rehearsal.next(), true, 'next after the last section ends the rehearsal');
    clock.advance(10);

    const { run, partial } = recorded(rehearsal.outcome('2026-12-02'));
    assert.equal(partial, false);
    assert.deepEqual(run, {
      date: '2026-12-02',
      minutes: 31.5,
      sections: [
        { title: 'Intro', planned: 5, actual: 6.2 },
        { title: 'How it works', planned: 7.5, actual: 7 },
        { title: 'Q&A', actual: 1 },
        { title: 'Demo', planned: 12, actual: 13.1 },
        { title: 'Wrap-up', planned: 5, actual: 4.2 },
      ],
    });
  });

  it('records the sections reached when stopped part-way, the current one included', () => {
    const clock = new FakeClock();
    const rehearsal = new Rehearsal(rehearsalPlan(parseTalkOutline(TALK, { fallbackTitle: 'talk' })), clock.now);
    rehearsal.start();
    clock.advance(5);
    rehearsal.next();
    clock.advance(2);
    rehearsal.stop();
    clock.advance(5);
    const { run, partial } = recorded(rehearsal.outcome('2026-12-03'));
    assert.equal(partial, true);
    assert.equal(run.minutes, 7);
    assert.deepEqual(
      run.sections?.map((s) => s.title),
      ['Intro', 'How it works'],
    );
  });

  it('records nothing when stopped during the first section or before any time passed', () => {
    const clock = new FakeClock();
    const plan = rehearsalPlan(parseTalkOutline(TALK, { fallbackTitle: 'talk' }));
    const early = new Rehearsal(plan, clock.now);
    early.start();
    clock.advance(2);
    early.stop();
    const outcome = early.outcome('2026-12-03');
    assert.equal(outcome.recorded, false);
    assert.match(!outcome.recorded ? outcome.message : '', /stopped during the first section \("Intro"\)/);

    const instant = new Rehearsal(plan, clock.now);
    instant.start();
    assert.equal(instant.outcome('2026-12-03').recorded, false);
  });

  it('times the whole talk when no section has a budget', () => {
    const clock = new FakeClock();
    const plan = rehearsalPlan(parseTalkOutline('---\nduration: 20\n---\n## Opening\n<!-- Speaker note: smile -->\n## Closing\n', { fallbackTitle: 'x' }));
    assert.equal(plan.wholeTalk, true);
    assert.deepEqual(plan.sections, [{ title: WHOLE_TALK, minutes: 20, notes: ['smile'] }]);
    const rehearsal = new Rehearsal(plan, clock.now);
    rehearsal.start();
    clock.advance(21.04);
    assert.equal(rehearsal.snapshot().totalOver, true);
    rehearsal.stop();
    const { run, partial } = recorded(rehearsal.outcome('2026-12-04'));
    assert.equal(partial, false);
    assert.deepEqual(run, { date: '2026-12-04', minutes: 21 });
  });

  it('writes a run to the front matter that reads back the same, leaving the body alone', () => {
    const run: RehearsalRun = {
      date: '2026-12-02',
      minutes: 31.5,
      sections: [
        { title: 'Intro', planned: 5, actual: 6.2 },
        { title: 'Q&A: live', actual: 1 },
      ],
    };
    const first = appendFrontMatterListItem(TALK, 'rehearsals', rehearsalEntryFields(run));
    assert.ok(first.ok);
    const second = appendFrontMatterListItem(first.text, 'rehearsals', rehearsalEntryFields({ date: '2026-12-03', minutes: 29 }));
    assert.ok(second.ok);
    assert.equal(second.text.slice(second.text.indexOf('\n---\n', 4)), TALK.slice(TALK.indexOf('\n---\n', 4)), 'the body is byte for byte the same');
    const location = locateFrontMatter(second.text);
    assert.ok(location.type === 'closed');
    const runs = parseRehearsals(parseFrontMatter(second.text, location.block).data.rehearsals);
    assert.deepEqual(runs, [run, { date: '2026-12-03', minutes: 29 }]);
  });

  it('skips malformed entries when reading runs back', () => {
    assert.deepEqual(parseRehearsals('nope'), []);
    assert.deepEqual(
      parseRehearsals([
        null,
        { date: 'soon', minutes: 3 },
        { date: '2026-12-01', minutes: 'x' },
        { date: '2026-12-01', minutes: '12.5', sections: [{ title: 1 }, { title: 'A', actual: 2 }] },
      ]),
      [{ date: '2026-12-01', minutes: 12.5, sections: [{ title: 'A', actual: 2 }] }],
    );
  });

  it('compares a run with the plan: the slot, and which sections ran long by how much', () => {
    const comparison = compareRun(
      {
        date: '2026-12-02',
        minutes: 31.5,
        sections: [
          { title: 'Intro', planned: 5, actual: 6.2 },
          { title: 'Demo', planned: 10, actual: 13.1 },
          { title: 'End', planned: 5, actual: 4 },
          { title: 'Q&A', actual: 2 },
        ],
      },
      30,
    );
    assert.equal(comparison.overSlot, 1.5);
    assert.deepEqual(
      comparison.ranLong.map((s) => [s.title, s.over]),
      [
        ['Demo', 3.1],
        ['Intro', 1.2],
      ],
    );
    assert.equal(describeRun(comparison), '31.5 min, 1.5 over the 30 min slot; ran long: Demo +3.1, Intro +1.2');
    assert.equal(
      describeRun(compareRun({ date: '2026-12-02', minutes: 28, sections: [{ title: 'A', planned: 30, actual: 28 }] }, 30)),
      '28 min of the 30 min slot; every section within its budget',
    );
  });
});

describe('rehearsals on a draft', () => {
  const runs = (lastMinutes: number): string =>
    [
      '---',
      'kind: talk',
      'duration: 30',
      'rehearsals:',
      '  - date: 2026-12-01',
      '    minutes: 35',
      `  - date: 2026-12-02`,
      `    minutes: ${lastMinutes}`,
      '    sections:',
      '      - { title: Intro, planned: 5, actual: 6.2 }',
      '      - { title: Demo, planned: 10, actual: 13.1 }',
      '---',
      '## Intro (5 min)',
      '',
    ].join('\n');

  it('warns on the rehearsals field when the last run went over the slot', () => {
    const draft = draftOf(runs(31.5), { path: 'talks/t.md' });
    assert.equal(draft.rehearsals?.length, 2);
    const problem = onlyProblem(draft, 'rehearsal-over-slot');
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.message, 'The last rehearsal (2026-12-02) took 31.5 min, 1.5 min over the 30 min slot. Demo ran 3.1 min over its budget.');
    assert.deepEqual(problem.range, { start: { line: 7, character: 4 }, end: { line: 7, character: 17 } }, 'on the minutes of the run that went over');
  });

  it('points at the last run it could read, skipping an unreadable entry after it', () => {
    const text = runs(31.5).replace('---\n## Intro', '  - date: soon\n    minutes: 3\n---\n## Intro');
    const problem = onlyProblem(draftOf(text, { path: 'talks/t.md' }), 'rehearsal-over-slot');
    assert.equal(problem.range?.start.line, 7);
  });

  it('points at a run written as a flow map', () => {
    const text = '---\nkind: talk\nduration: 10\nrehearsals: [{ date: 2026-12-02, minutes: 12 }]\n---\n';
    const problem = onlyProblem(draftOf(text, { path: 'talks/t.md' }), 'rehearsal-over-slot');
    const line = text.split('\n')[3];
    assert.equal(line.slice(problem.range?.start.character, problem.range?.end.character), 'minutes: 12');
  });

  it('stays quiet when the last run fit, even if an earlier one did not', () => {
    assert.deepEqual(problemCodes(draftOf(runs(29), { path: 'talks/t.md' })), []);
  });

  it('reads TOML rehearsals too', () => {
    const draft = draftOf('+++\nkind = "talk"\nduration = 10\n\n[[rehearsals]]\ndate = 2026-12-02\nminutes = 12\n+++\n', { path: 'talks/t.md' });
    assert.deepEqual(draft.rehearsals, [{ date: '2026-12-02', minutes: 12 }]);
    assert.match(onlyProblem(draft, 'rehearsal-over-slot').message, /took 12 min, 2 min over the 10 min slot\.$/);
  });
});
