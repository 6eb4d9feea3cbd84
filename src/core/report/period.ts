// The period a report covers and the one it is compared with.

import { addDays, daysBetween, formatDate, parseDateValue } from '../dates';
import { quarterOf } from '../impact';
import { type Result } from '../util/result';

export interface ReportPeriod {
  /** `YYYY-MM-DD`, first day included. */
  from: string;
  /** `YYYY-MM-DD`, last day included. */
  to: string;
  /** e.g. `2026 Q3`, or `2026-07-01 to 2026-08-15` for a period that isn't a calendar quarter. */
  label: string;
}

/** The last calendar quarter that has ended by `today`: a report describes a quarter that is over. */
export function lastFullQuarter(today: string): ReportPeriod {
  const current = quarterOf(today);
  const previous = quarterOf(addDays(current.from, -1));
  return { from: previous.from, to: previous.to, label: previous.label };
}

/** A label for any period: a calendar quarter or year by its name, otherwise its two dates. */
export function periodLabel(from: string, to: string): string {
  const quarter = quarterOf(from);
  if (quarter.from === from && quarter.to === to) return quarter.label;
  if (from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31`) return from.slice(0, 4);
  return `${from} to ${to}`;
}

/**
 * The period just before `period`: the previous quarter or year for a quarter or a year, the
 * previous month for a whole month, otherwise as many days ending the day before.
 */
export function previousPeriod(period: Pick<ReportPeriod, 'from' | 'to'>): ReportPeriod {
  const { from, to } = period;
  const quarter = quarterOf(from);
  if (quarter.from === from && quarter.to === to) {
    const before = quarterOf(addDays(from, -1));
    return { from: before.from, to: before.to, label: before.label };
  }
  if (from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31`) {
    const year = String(Number(from.slice(0, 4)) - 1).padStart(4, '0');
    return { from: `${year}-01-01`, to: `${year}-12-31`, label: year };
  }
  const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  if (from.endsWith('-01') && to === addDays(formatDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1)) {
    const end = addDays(from, -1);
    const start = `${end.slice(0, 8)}01`;
    return { from: start, to: end, label: periodLabel(start, end) };
  }
  const days = daysBetween(from, to) + 1;
  const end = addDays(from, -1);
  const start = addDays(end, -(days - 1));
  return { from: start, to: end, label: periodLabel(start, end) };
}

/**
 * The period asked for: both dates, or neither for the last full quarter. With only `to`, the
 * period starts on the first day of its quarter; with only `from`, it ends today.
 */
export function resolvePeriod(input: { from?: unknown; to?: unknown }, today: string): Result<{ period: ReportPeriod; previous: ReportPeriod }> {
  const given = (value: unknown): boolean => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  let from: string | undefined;
  let to: string | undefined;
  for (const [name, value] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (!given(value)) continue;
    const parsed = parseDateValue(typeof value === 'string' ? value.trim() : value);
    if (!parsed.ok) return { ok: false, message: `The ${name} date ${parsed.message}.` };
    if (name === 'from') from = parsed.date;
    else to = parsed.date;
  }
  if (from === undefined && to === undefined) {
    const period = lastFullQuarter(today);
    return { ok: true, period, previous: previousPeriod(period) };
  }
  to ??= today;
  from ??= quarterOf(to).from;
  if (from > to) return { ok: false, message: `The period starts on ${from}, after it ends on ${to}. Swap the dates.` };
  const period = { from, to, label: periodLabel(from, to) };
  return { ok: true, period, previous: previousPeriod(period) };
}

export function inPeriod(date: string | undefined, period: Pick<ReportPeriod, 'from' | 'to'>): boolean {
  return date !== undefined && date >= period.from && date <= period.to;
}
