import assert from 'node:assert/strict';
import { parseTalkOutline } from '../../src/core/talks/outline';
import { clock, talkTimingLenses } from '../../src/core/talks/timingLens';

const TALK = `---
kind: talk
title: Tail sampling
duration: 30
---

## Abstract (short)

Not part of the talk.

## Intro (5 min)

Hello.

## Demo (10 min)

Live.

## Q&A

## Deep dive (12.5 min)

## Wrap-up (5 min)   
`;

function lensesOf(text: string, run?: Parameters<typeof talkTimingLenses>[2]): ReturnType<typeof talkTimingLenses> {
  return talkTimingLenses(parseTalkOutline(text, { fallbackTitle: 'talk' }), text.split('\n'), run);
}

describe('talk timing lenses', () => {
  it('puts one lens on each timed heading, with start, end, budget and running total against the slot', () => {
    const lenses = lensesOf(TALK);
    assert.deepEqual(
      lenses.map((l) => [l.line, l.title]),
      [
        [10, '00:00 → 05:00 · 5 min · 5/30'],
        [14, '05:00 → 15:00 · 10 min · 15/30'],
        [20, '15:00 → 27:30 · 12.5 min · 27.5/30'],
        [22, '27:30 → 32:30 · 5 min · 32.5/30 · ⚠ over the 30 min slot'],
      ],
    );
    assert.deepEqual(lenses[1].range, { start: { line: 14, character: 0 }, end: { line: 14, character: '## Demo (10 min)'.length } });
    // Trailing blanks are not part of the underlined heading.
    assert.deepEqual(lenses[3].range.end, { line: 22, character: '## Wrap-up (5 min)'.length });
    assert.deepEqual(
      lenses.map((l) => l.overSlot),
      [false, false, false, true],
    );
  });

  it('adds the last rehearsal time of each section it timed, matched by title', () => {
    const lenses = lensesOf(TALK, {
      date: '2026-12-01',
      minutes: 31,
      sections: [
        { title: 'Intro', planned: 5, actual: 4.5 },
        { title: 'demo', planned: 10, actual: 11.2 },
        { title: 'Deep dive', planned: 12.5, actual: 12.5 },
      ],
    });
    assert.equal(lenses[0].title, '00:00 → 05:00 · 5 min · 5/30 · rehearsed 4.5 min (−0.5)');
    assert.equal(lenses[1].title, '05:00 → 15:00 · 10 min · 15/30 · rehearsed 11.2 min (+1.2)');
    assert.equal(lenses[2].title, '15:00 → 27:30 · 12.5 min · 27.5/30 · rehearsed 12.5 min');
    assert.equal(lenses[3].rehearsed, undefined);
    assert.match(lenses[1].tooltip, /last rehearsal \(2026-12-01\) spent 11\.2 min/);
  });

  it('counts minutes without a slot, and gives no lenses to an untimed outline', () => {
    const noSlot = lensesOf('## One (3 min)\n\n## Two (4 min)\n');
    assert.deepEqual(
      noSlot.map((l) => l.title),
      ['00:00 → 03:00 · 3 min · 3 min in', '03:00 → 07:00 · 4 min · 7 min in'],
    );
    assert.deepEqual(lensesOf('# Talk\n\n## Intro\n\n## Demo\n'), []);
    assert.deepEqual(lensesOf(''), []);
  });

  it('writes minutes into the talk as mm:ss', () => {
    assert.equal(clock(0), '00:00');
    assert.equal(clock(2.25), '02:15');
    assert.equal(clock(62.5), '62:30');
  });
});
