// Which quick fixes a problem has: only those whose fix is clear, as text to put in its range.

import { normaliseDateText } from './dates';
import { rankBySimilarity } from './similarity';
import type { Problem } from './types';

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

/**
 * Fixes for one problem. `written` is the text its range covers now: an unknown status or kind
 * gets every valid value, closest first and preferred; a date written another way gets the
 * `YYYY-MM-DD` form when that is unambiguous.
 */
export function quickFixes(problem: Problem, written: string): QuickFix[] {
  if ((problem.code === 'unknown-status' || problem.code === 'unknown-kind') && problem.validValues) {
    return rankBySimilarity(problem.value ?? written, problem.validValues).map((value, index) => ({
      title: `Change ${problem.field} to "${value}"`,
      newText: value,
      preferred: index === 0,
    }));
  }
  if (problem.code === 'invalid-date') {
    const normalised = normaliseDateText(written);
    if (normalised) return [{ title: `Write ${problem.field} as ${normalised}`, newText: normalised, preferred: true }];
  }
  return [];
}
