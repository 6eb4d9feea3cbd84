import * as l10n from '@vscode/l10n';
import { MONTH_NAMES } from './util/strings';
import { type Result } from './util/result';

/**
 * Result of reading what a person typed into a date prompt.
 * `skipped` means the box was left empty on purpose: the field stays unset.
 */
export type DateInputResult = Result<{ skipped: false; date: string } | { skipped: true; date: undefined }>;
export const DATE_INPUT_HINT = 'Use YYYY-MM-DD, today, tomorrow, yesterday, +14d, -3d, +2w, +3m, friday or next monday';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// Anything further away is almost certainly a typo (`+1400d` for `+14d`) rather than a plan.
const MAX_OFFSET_DAYS = 3660;

/** A calendar date with no time and no zone, so adding days can never land on the wrong day. */
interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Reads a date typed into a prompt. Accepts `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`,
 * `+14d`, `-3d`, `+2w` (also `14d`, `+14 days`, `in 2 weeks`), and weekday names such as `friday` or
 * `next monday`, which both mean the first such day after today. Empty input is a skip.
 *
 * `today` is either a `YYYY-MM-DD` string or a `Date` whose local calendar day is used.
 */
export function parseDateInput(input: string, today: Date | string): DateInputResult {
  const text = (typeof input === 'string' ? input : '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') {
    return { ok: true, skipped: true, date: undefined };
  }
  const base = toCalendarDate(today);
  if (base === undefined) {
    return { ok: false, message: l10n.t('Today’s date is not known, so only YYYY-MM-DD can be used.') };
  }

  const absolute = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (absolute) {
    const year = Number(absolute[1]);
    const month = Number(absolute[2]);
    const day = Number(absolute[3]);
    const problem = calendarProblem(year, month, day);
    if (problem !== undefined) {
      return { ok: false, message: l10n.t('{0} is not a real date: {1}.', text, problem) };
    }
    return found({ year, month, day });
  }
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(text)) {
    return { ok: false, message: l10n.t('Write the date as YYYY-MM-DD with two-digit month and day, e.g. {0}.', format(base)) };
  }

  const named: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  if (text in named) {
    return found(addDays(base, named[text] ?? 0));
  }

  const offset = /^(?:in )?([+-])? ?(\d{1,5}) ?(d|day|days|w|wk|wks|week|weeks)$/.exec(text);
  if (offset) {
    const sign = offset[1] === '-' ? -1 : 1;
    const unit = offset[3]?.startsWith('w') ? 7 : 1;
    const days = sign * Number(offset[2]) * unit;
    if (Math.abs(days) > MAX_OFFSET_DAYS) {
      return { ok: false, message: l10n.t('{0} is more than ten years away. {1}.', input.trim(), DATE_INPUT_HINT) };
    }
    return found(addDays(base, days));
  }

  const months = /^(?:in )?([+-])? ?(\d{1,3}) ?(m|mo|mos|month|months)$/.exec(text);
  if (months) {
    const count = (months[1] === '-' ? -1 : 1) * Number(months[2]);
    if (Math.abs(count) > 120) {
      return { ok: false, message: l10n.t('{0} is more than ten years away. {1}.', input.trim(), DATE_INPUT_HINT) };
    }
    return found(addMonths(base, count));
  }

  const weekday = /^(next )?([a-z]+)$/.exec(text);
  if (weekday) {
    const index = weekdayIndex(weekday[2] ?? '');
    if (index !== undefined) {
      const current = weekdayOf(base);
      const ahead = (index - current + 7) % 7 || 7;
      // `friday` is the first Friday after today; `next friday` is the Friday of next week
      // (weeks start on Monday), so on a Wednesday `next thursday` is not tomorrow.
      const mondayAhead = (1 - current + 7) % 7 || 7;
      const nextWeek = weekday[1] !== undefined && ahead < mondayAhead ? ahead + 7 : ahead;
      return found(addDays(base, nextWeek));
    }
  }

  return { ok: false, message: `${DATE_INPUT_HINT}.` };
}

/**
 * What a typed date means, for a prompt to show while typing: `Thu 2027-04-01, in 3 months`.
 * Every accepted form gets one, a typed `YYYY-MM-DD` too, so a wrong guess is caught before it
 * is saved. Undefined for empty or unreadable text.
 */
export function datePreview(input: string, today: Date | string): string | undefined {
  const result = parseDateInput(input, today);
  const base = toCalendarDate(today);
  if (!result.ok || result.skipped || base === undefined) return undefined;
  const date = toCalendarDate(result.date) as CalendarDate;
  const days = Math.round((utcDate(date).getTime() - utcDate(base).getTime()) / 86_400_000);
  const name = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekdayOf(date)];
  return `${name} ${result.date}, ${distance(days)}`;
}

function distance(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const ahead = days > 0;
  const n = Math.abs(days);
  const words = n >= 60 ? `${Math.round(n / 30.44)} months` : n >= 14 ? `${Math.round(n / 7)} weeks` : `${n} days`;
  return ahead ? `in ${words}` : `${words} ago`;
}

/**
 * For an input box's `validateInput`: a message while the text is not a date, otherwise undefined.
 * Empty text is fine, because leaving the box empty skips the date.
 */
export function dateInputProblem(input: string, today: Date | string): string | undefined {
  const result = parseDateInput(input, today);
  return result.ok ? undefined : result.message;
}

function found(date: CalendarDate): DateInputResult {
  if (date.year < 1 || date.year > 9999) {
    return { ok: false, message: l10n.t('That date is outside the years 0001–9999. {0}.', DATE_INPUT_HINT) };
  }
  return { ok: true, skipped: false, date: format(date) };
}

function toCalendarDate(value: Date | string): CalendarDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      return undefined;
    }
    // The person's calendar day is the local one: at 00:30 in Berlin it is already tomorrow in UTC terms.
    return { year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof value === 'string' ? value.trim() : '');
  if (!match) {
    return undefined;
  }
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return calendarProblem(date.year, date.month, date.day) === undefined ? date : undefined;
}

function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (year < 1) {
    return l10n.t('the year must be 0001 or later');
  }
  if (month < 1 || month > 12) {
    return l10n.t('the month must be between 01 and 12');
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return l10n.t('{0} {1} has {2} days', MONTH_NAMES[month - 1], String(year).padStart(4, '0'), last);
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps daylight saving out of it.
  return utcDate({ year, month: month + 1, day: 0 }).getUTCDate();
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = utcDate(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Same day of the month, months later; the 31st of a shorter month becomes its last day. */
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

function weekdayOf(date: CalendarDate): number {
  return utcDate(date).getUTCDay();
}

function utcDate(date: CalendarDate): Date {
  const result = new Date(0);
  // Date.UTC would map years 0–99 to 1900–1999; setUTCFullYear takes the year as written.
  result.setUTCFullYear(date.year, date.month - 1, date.day);
  return result;
}

function weekdayIndex(word: string): number | undefined {
  if (word.length < 3) {
    return undefined;
  }
  const index = WEEKDAYS.findIndex((name) => name.startsWith(word));
  return index === -1 ? undefined : index;
}

function format(date: CalendarDate): string {
  const year = String(date.year).padStart(4, '0');
  const month = String(date.month).padStart(2, '0');
  const day = String(date.day).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
