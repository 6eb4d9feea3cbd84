/**
 * Keeps the demo workspace current. Its drafts and CFP feeds were written with
 * fixed dates for the week of `demoAnchor`; every copy of it (`npm start`, the
 * editor tests) moves those dates forward by the whole weeks that have passed
 * since, so deadlines stay ahead, calls for papers stay open and weekdays stay
 * the same. Tests that expect a demo date compute it with `demoDate`, through
 * the same shift.
 *
 * Pure: no file system, no `vscode`; the integration suites load it in the
 * extension host and the runner in Node.
 */

/** The Wednesday of the week the demo workspace's dates were written for. */
export const demoAnchor = '2026-12-02';

/** Overrides the number of weeks (any integer, negative too) to run the suites as if time had moved. */
export const demoWeeksVariable = 'DEVREL_DEMO_WEEKS';

const dayMs = 86_400_000;

// A calendar date that is not part of a longer token: not a path segment, a version number or a
// dated file name (`2026-11-02-devrel.md`); a date-time's `T` is allowed after it.
const isoDatePattern = /(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?=T\d|[^\w/-]|$)/g;

/** Day number (days since 1970-01-01) of a valid `YYYY-MM-DD`, or undefined. */
function dayNumber(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return time / dayMs;
}

function formatDay(days: number): string {
  const date = new Date(days * dayMs);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** `iso` (`YYYY-MM-DD`) moved by `days` calendar days; anything that is not a valid date is returned as it is. */
export function shiftIsoDate(iso: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const start = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  return start === undefined ? iso : formatDay(start + days);
}

/** Whole weeks from the anchor to `today` (its local calendar day), never fewer than 0. */
export function weeksSinceAnchor(today: Date): number {
  const anchor = dayNumber(...(demoAnchor.split('-').map(Number) as [number, number, number])) as number;
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) / dayMs;
  return Math.max(0, Math.floor((now - anchor) / 7));
}

/**
 * The weeks the demo is moved by: `DEVREL_DEMO_WEEKS` when it is set (the runner
 * sets it for the editor it starts, so the tests there use the same number),
 * otherwise the weeks since the anchor.
 */
export function demoWeeks(env: Record<string, string | undefined> = process.env, today: Date = new Date()): number {
  const override = env[demoWeeksVariable];
  if (override !== undefined && override.trim() !== '') {
    if (!/^\s*-?\d+\s*$/.test(override)) {
      throw new Error(`${demoWeeksVariable} must be a whole number of weeks, not "${override}"`);
    }
    return Number(override);
  }
  return weeksSinceAnchor(today);
}

/** A date the demo workspace holds as `iso`, as the copy under test holds it. */
export function demoDate(iso: string, weeks: number = demoWeeks()): string {
  // A valid date always moves by a day; anything else comes back unchanged.
  if (shiftIsoDate(iso, 1) === iso) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return shiftIsoDate(iso, weeks * 7);
}

/** Every ISO date (and the date part of every date-time) in Markdown or TOML text, front matter and body alike. */
export function shiftTextDates(text: string, days: number): string {
  if (days === 0) return text;
  return text.replace(isoDatePattern, (whole: string) => shiftIsoDate(whole, days));
}

const jsonDateString = /"(\d{4}-\d{2}-\d{2})(T[^"\\]*)?"/g;
// developers.events: `"untilDate": 1799539200000` and `"date": [1807660800000, 1807833600000]`.
const jsonEpochField = /("[A-Za-z_]*(?:date|Date)"\s*:\s*)(\[[\d\s,]*\]|\d{12,13}\b)/g;

/**
 * A CFP feed's dates: JSON strings that are ISO dates or date-times (confs.tech's
 * `cfpEndDate`, `startDate`…) and epoch milliseconds in fields named `…date`/`…Date`
 * (developers.events' `untilDate`, `conf.date`). The rest of the text is kept byte for byte.
 */
export function shiftJsonDates(text: string, days: number): string {
  if (days === 0) return text;
  const strings = text.replace(jsonDateString, (whole: string, date: string, time: string | undefined) => {
    const moved = shiftIsoDate(date, days);
    return moved === date ? whole : `"${moved}${time ?? ''}"`;
  });
  return strings.replace(jsonEpochField, (_whole: string, key: string, value: string) => key + value.replace(/\d{12,13}/g, (ms) => String(Number(ms) + days * dayMs)));
}

/** The text of a demo file moved by `weeks`, by its name; files with no dates of their own come back unchanged. */
export function shiftDemoFile(fileName: string, text: string, weeks: number): string {
  const days = weeks * 7;
  if (/\.(md|markdown|mdx|toml)$/i.test(fileName)) return shiftTextDates(text, days);
  if (/\.json$/i.test(fileName)) return shiftJsonDates(text, days);
  return text;
}

/** The calendar quarter holding `iso`, labelled as reports label it (`2026 Q4`), and the label of the one before. */
export function calendarQuarter(iso: string): { from: string; to: string; label: string; previousLabel: string } {
  const year = Number(iso.slice(0, 4));
  const index = Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
  const firstMonth = index * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return {
    from: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
    to: `${year}-${String(firstMonth + 2).padStart(2, '0')}-${lastDay}`,
    label: `${year} Q${index + 1}`,
    previousLabel: index === 0 ? `${year - 1} Q4` : `${year} Q${index}`,
  };
}

/**
 * The demo's 2026 Q4 as moved, for tests that report on a period: it holds the same entries
 * whatever the shift, and the one before it the same as Q3. Labelled as reports label a period:
 * a calendar quarter by its name (`2026 Q4` when the demo has not moved), otherwise by its dates.
 */
export function demoReportPeriod(weeks: number = demoWeeks()): { from: string; to: string; label: string; previousLabel: string } {
  const from = demoDate('2026-10-01', weeks);
  const to = demoDate('2026-12-31', weeks);
  const quarter = calendarQuarter(from);
  if (quarter.from === from && quarter.to === to) return { from, to, label: quarter.label, previousLabel: quarter.previousLabel };
  const [before, end] = [demoDate('2026-07-01', weeks), demoDate('2026-09-30', weeks)];
  const previous = calendarQuarter(before);
  return { from, to, label: `${from} to ${to}`, previousLabel: previous.from === before && previous.to === end ? previous.label : `${before} to ${end}` };
}

/** Today in the machine's time zone, as `YYYY-MM-DD`: the day the extension counts from. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
