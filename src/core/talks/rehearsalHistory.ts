// The dashboard's rehearsal section: per talk, the history of total minutes against the slot and
// the latest run against the plan, section by section.

import type { RehearsalsModel, RehearsalTalk } from '../dashboardProtocol';
import type { Draft } from '../types';
import { compareRun, describeRun } from './rehearsal';

/** Enough runs to see a trend; older ones stay in the front matter. */
export const HISTORY_RUNS = 12;

export function buildRehearsalHistory(drafts: readonly Draft[]): RehearsalsModel {
  const talks: RehearsalTalk[] = [];
  for (const draft of drafts) {
    const runs = draft.rehearsals;
    if (!runs || runs.length === 0) continue;
    const last = runs[runs.length - 1];
    const comparison = compareRun(last, draft.duration);
    const talk: RehearsalTalk = {
      uri: draft.uri,
      title: draft.title,
      relativePath: draft.relativePath,
      runs: runs.slice(-HISTORY_RUNS).map((run) => ({ date: run.date, minutes: run.minutes })),
      runCount: runs.length,
      latest: {
        date: last.date,
        minutes: last.minutes,
        summary: describeRun(comparison),
        sections: comparison.sections.map((s) => ({ ...s })),
      },
    };
    if (draft.duration !== undefined) talk.slot = draft.duration;
    if (comparison.overSlot !== undefined) talk.latest.overSlot = comparison.overSlot;
    talks.push(talk);
  }
  talks.sort((a, b) => b.latest.date.localeCompare(a.latest.date) || a.title.localeCompare(b.title) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { talks };
}
