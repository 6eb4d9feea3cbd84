import * as l10n from '@vscode/l10n';
// Calendar dates are handled as `YYYY-MM-DD` strings: a deadline is a day, not an instant,
// and strings never drift across time zones.

import type { Result } from './util/result';

const DAY_MS = 86_400_000;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$)/;

export type DateParse = Result<{ date: string }>;

/** Whether `value` is exactly a real `YYYY-MM-DD` day. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a front-matter date as YAML or TOML gives it: a `YYYY-MM-DD` string, an ISO
 * timestamp string, or a Date. A timestamp keeps the calendar day its author wrote.
 */
/** A date an entry can't do without: its `YYYY-MM-DD`, or what is wrong with it as a lowercase fragment such as `date is missing`. */
export function requiredDate(value: unknown, field = 'date'): { ok: true; date: string } | { ok: false; issue: string } {
  if (value === undefined || value === null || value === '') return { ok: false, issue: l10n.t('{0} is missing', field) };
  const parsed = parseDateValue(value);
  return parsed.ok ? { ok: true, date: parsed.date } : { ok: false, issue: `${field} ${parsed.message}` };
}

export function parseDateValue(value: unknown): DateParse {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: l10n.t('is not a valid date') };
    // A TOML local time (`10:00:00`) is a Date too, with no day in it.
    const iso = value.toISOString();
    if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return { ok: false, message: l10n.t('is not a date: use YYYY-MM-DD') };
    return { ok: true, date: iso.slice(0, 10) };
  }
  if (typeof value !== 'string') {
    return { ok: false, message: l10n.t('must be a date written as YYYY-MM-DD') };
  }
  const match = DATE_PREFIX.exec(value.trim());
  if (!match) return { ok: false, message: l10n.t('"{0}" is not a date: use YYYY-MM-DD', value) };
  const [, y, m, d, hh, mm, ss] = match;
  if (!isValidCalendarDate(Number(y), Number(m), Number(d))) {
    return { ok: false, message: l10n.t('"{0}" is not a real calendar date', value) };
  }
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 60))) {
    return { ok: false, message: l10n.t('"{0}" has an invalid time', value) };
  }
  return { ok: true, date: `${y}-${m}-${d}` };
}

/** Best-effort normalisation for a quick fix: `2026/3/7`, `7 March 2026` or a timestamp become `2026-03-07`. */
export function normaliseDateText(text: string): string | undefined {
  const trimmed = text.trim().replace(/^['"]|['"]$/g, '');
  const strict = parseDateValue(trimmed);
  if (strict.ok) return strict.date;
  const numeric = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(trimmed);
  if (numeric) {
    const [y, m, d] = numeric.slice(1).map(Number);
    return isValidCalendarDate(y, m, d) ? formatDate(y, m, d) : undefined;
  }
  // Only unambiguous forms with a month name; 03/04/2026 could be either order.
  const parsed = /[a-z]{3}/i.test(trimmed) ? new Date(`${trimmed} 12:00 UTC`) : undefined;
  if (parsed && !Number.isNaN(parsed.getTime())) {
    return formatDate(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate());
  }
  return undefined;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local calendar day of an instant, which is what "today" means to the person at the keyboard. */
export function localDate(now: Date): string {
  return formatDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
