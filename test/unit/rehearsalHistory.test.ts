import assert from 'node:assert/strict';
import { buildDashboardModel } from '../../src/core/dashboardModel';
import { BUILT_IN_METRICS } from '../../src/core/impact';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { buildRehearsalHistory, HISTORY_RUNS } from '../../src/core/talks/rehearsalHistory';
import type { Draft, RehearsalRun } from '../../src/core/types';

function talk(title: string, rehearsals: RehearsalRun[] | undefined, duration?: number): Draft {
  const draft: Draft = {
    uri: `file:///ws/talks/${title}.md`,
    relativePath: `talks/${title}.md`,
    kind: 'talk',
    kindSource: 'front-matter',
    title,
    status: 'rehearsing',
    statusSource: 'front-matter',
    dates: [],
    tags: [],
    fields: {},
    problems: [],
  };
  if (rehearsals) draft.rehearsals = rehearsals;
  if (duration !== undefined) draft.duration = duration;
  return draft;
}

describe('rehearsal history for the dashboard', () => {
  it('lists rehearsed talks, the most recently rehearsed first, with the latest run against the plan', () => {
    const model = buildRehearsalHistory([
      talk('never', undefined, 30),
      talk('older', [{ date: '2026-11-20', minutes: 19 }], 20),
      talk(
        'newer',
        [
          { date: '2026-11-28', minutes: 33 },
          {
            date: '2026-12-02',
            minutes: 31.5,
            sections: [
              { title: 'Intro', planned: 5, actual: 6.2 },
              { title: 'Demo', planned: 10, actual: 13.1 },
              { title: 'Q&A', actual: 2 },
            ],
          },
        ],
        30,
      ),
    ]);
    assert.deepEqual(
      model.talks.map((t) => t.title),
      ['newer', 'older'],
    );
    const [newer, older] = model.talks;
    assert.deepEqual(newer.runs, [
      { date: '2026-11-28', minutes: 33 },
      { date: '2026-12-02', minutes: 31.5 },
    ]);
    assert.equal(newer.slot, 30);
    assert.equal(newer.latest.overSlot, 1.5);
    assert.equal(newer.latest.summary, '31.5 min, 1.5 over the 30 min slot; ran long: Demo +3.1, Intro +1.2');
    assert.deepEqual(newer.latest.sections, [
      { title: 'Intro', planned: 5, actual: 6.2, over: 1.2 },
      { title: 'Demo', planned: 10, actual: 13.1, over: 3.1 },
      { title: 'Q&A', actual: 2 },
    ]);
    assert.equal(older.latest.overSlot, -1);
    assert.equal(older.latest.summary, '19 min of the 20 min slot');
  });

  it('keeps the last runs for the chart and counts them all', () => {
    const runs = Array.from({ length: HISTORY_RUNS + 3 }, (_, i) => ({ date: `2026-10-${String(i + 1).padStart(2, '0')}`, minutes: 20 + i }));
    const [only] = buildRehearsalHistory([talk('many', runs)]).talks;
    assert.equal(only.runs.length, HISTORY_RUNS);
    assert.equal(only.runCount, HISTORY_RUNS + 3);
    assert.equal(only.runs[0].date, '2026-10-04');
    assert.equal(only.slot, undefined);
  });

  it('is part of the dashboard model', () => {
    const model = buildDashboardModel([talk('newer', [{ date: '2026-12-02', minutes: 31 }], 30)], BUILT_IN_KINDS, {
      today: '2026-12-03',
      metrics: BUILT_IN_METRICS,
      focus: { maxActive: 3, maxDeadlinesPer14Days: 4 },
    });
    assert.equal(model.rehearsals?.talks.length, 1);
  });
});
