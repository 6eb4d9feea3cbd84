import * as l10n from '@vscode/l10n';
// Which quick fixes a problem has: only those whose fix is clear, as text to put in its range.

import { normaliseDateText } from './dates';
import { findFieldValueRange, locateFrontMatter } from './frontMatter/parse';
import { activeStatuses } from './kinds/workflow';
import { editDistance, rankBySimilarity } from './similarity';
import type { KindDefinition, Problem, ProblemFix } from './types';

export interface QuickFix {
  title: string;
  /** Replaces the problem's range. */
  newText: string;
  preferred: boolean;
}

/** The problem a diagnostic stands for: the same code, starting on the same line. */
export function problemAt(problems: readonly Problem[], code: string | number | undefined, line: number): Problem | undefined {
  return problems.find((p) => p.code === code && p.range !== undefined && p.range.start.line === line);
}

/** How far a written status may be from a valid one and still read as a typo of it. */
const TYPO_DISTANCE = 2;

/**
 * Fixes for one problem. `written` is the text its range covers now; `kind` is the draft's kind,
 * which an unknown status needs. An unknown status gets every status of the workflow in its
 * order: a near typo of an unfinished one first and preferred, finished statuses last and never
 * preferred, since one Enter must not publish a post. An unknown kind gets every kind, closest
 * first and preferred. A date written another way gets the `YYYY-MM-DD` form when that is
 * unambiguous. A fix that would write what is already there is left out.
 */
export function quickFixes(problem: Problem, written: string, kind?: KindDefinition): QuickFix[] {
  if (problem.code === 'unknown-status' && problem.validValues) return statusFixes(problem, problem.value ?? written, problem.validValues, kind);
  if (problem.code === 'unknown-kind' && problem.validValues) {
    return rankBySimilarity(problem.value ?? written, problem.validValues).map((value, index) => ({
      title: l10n.t('Change {0} to "{1}"', String(problem.field), value),
      newText: value,
      preferred: index === 0,
    }));
  }
  if (problem.code === 'invalid-date') {
    const normalised = normaliseDateText(written);
    if (normalised && normalised !== written.trim().replace(/^['"]|['"]$/g, ''))
      return [{ title: l10n.t('Write {0} as {1}', String(problem.field), normalised), newText: normalised, preferred: true }];
  }
  return [];
}

function statusFixes(problem: Problem, written: string, values: readonly string[], kind: KindDefinition | undefined): QuickFix[] {
  const finished = new Set(kind?.finishedStatuses ?? []);
  const target = written
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .toLowerCase();
  const open = values.filter((value) => !finished.has(value));
  const typo = rankBySimilarity(target, open).find((value) => editDistance(target, value.toLowerCase()) <= TYPO_DISTANCE);
  const ordered = [...(typo ? [typo] : []), ...open.filter((value) => value !== typo), ...values.filter((value) => finished.has(value))];
  const fixes = ordered.map((value) => ({
    title: finished.has(value) ? l10n.t('Change {0} to "{1}" (finished)', String(problem.field), value) : l10n.t('Change {0} to "{1}"', String(problem.field), value),
    newText: value,
    preferred: value === typo,
  }));
  return fixes;
}

/**
 * The kind's workflow with a new status added after its last working step (before waiting and
 * finished ones), for "Add `polishing` to this kind's workflow". The new status counts as work in
 * hand, since it sits among the working steps. Undefined when the status is already there.
 */
export function workflowWithStatus(kind: KindDefinition, status: string): { statuses: string[]; activeStatuses: string[] } | undefined {
  const name = status.trim();
  if (!name || kind.statuses.includes(name)) return undefined;
  const active = activeStatuses(kind);
  const lastActive = Math.max(-1, ...active.map((s) => kind.statuses.indexOf(s)));
  const firstFinished = kind.statuses.findIndex((s) => kind.finishedStatuses.includes(s));
  const at = lastActive >= 0 ? lastActive + 1 : firstFinished >= 0 ? firstFinished : kind.statuses.length;
  const statuses = [...kind.statuses.slice(0, at), name, ...kind.statuses.slice(at)];
  return { statuses, activeStatuses: [...active, name].sort((a, b) => statuses.indexOf(a) - statuses.indexOf(b)) };
}

/**
 * "Set duration to N": for a talk whose sections or last rehearsal run over its slot, when the
 * slot is written as a plain number that can be replaced in place. Undefined otherwise.
 */
export function durationFix(text: string, minutes: number): ProblemFix | undefined {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed' || !Number.isFinite(minutes) || minutes <= 0) return undefined;
  const range = findFieldValueRange(text, location.block, 'duration');
  if (!range || range.start.line !== range.end.line) return undefined;
  const lines = text.split('\n');
  const written = lines[range.start.line]?.slice(range.start.character, range.end.character) ?? '';
  if (!/^["']?\d+(\.\d+)?["']?$/.test(written.trim())) return undefined;
  const rounded = Math.ceil(minutes);
  if (Number(written.replace(/["']/g, '')) === rounded) return undefined;
  return { title: l10n.t('Set duration to {0} min', rounded), range, newText: String(rounded) };
}
