// Dates of one draft that contradict each other: a multi-day event that ends before it starts,
// or registration that closes after the event. The kind says which dates relate, so the checks
// hold for any kind that declares them.

import { setFrontMatterFields } from './frontMatter/edit';
import type { LineMap } from './text';
import type { DraftDate, KindDefinition, Problem, ProblemFix, Range } from './types';

export interface DateOrderInput {
  text: string;
  dates: readonly DraftDate[];
  kind: KindDefinition | undefined;
  fieldRange: (field: string) => Range | undefined;
  lines: () => LineMap;
}

export function dateOrderProblems(input: DateOrderInput): Problem[] {
  const { dates, kind } = input;
  const problems: Problem[] = [];
  const written = (field: string): DraftDate | undefined => dates.find((d) => d.field === field);
  for (const definition of kind?.dateFields ?? []) {
    const start = dates.find((d) => d.field === definition.field || (definition.alternatives ?? []).includes(d.field));
    if (!start) continue;
    const end = definition.until !== undefined ? written(definition.until) : undefined;
    if (end && end.date < start.date) {
      const fix = swapFix(input, start, end);
      problems.push({
        code: 'span-ends-before-start',
        severity: 'warning',
        message: `${end.field} ${end.date} is before ${start.field} ${start.date}: an event ends on or after its first day. Are the two dates swapped?`,
        field: end.field,
        value: end.date,
        range: input.fieldRange(end.field),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    const limit = definition.notAfter !== undefined ? dates.find((d) => d.field === definition.notAfter) : undefined;
    if (limit && start.date > limit.date) {
      problems.push({
        code: 'date-after-date',
        severity: 'warning',
        message: `${start.field} ${start.date} is after ${limit.field} ${limit.date}. ${start.label} should be on or before ${limit.label} (${limit.field}); is one of them mistyped?`,
        field: start.field,
        value: start.date,
        range: input.fieldRange(start.field),
      });
    }
  }
  return problems;
}

/** Swaps the two dates as one edit of the front matter, leaving every other byte as it was. */
function swapFix(input: DateOrderInput, start: DraftDate, end: DraftDate): ProblemFix | undefined {
  const result = setFrontMatterFields(input.text, { [start.field]: end.date, [end.field]: start.date });
  if (!result.ok) return undefined;
  const { offset, length, newText } = result.edit;
  const lines = input.lines();
  return {
    title: `Swap ${start.field} and ${end.field}`,
    range: { start: lines.positionAt(offset), end: lines.positionAt(offset + length) },
    newText,
    preferred: true,
  };
}
