import assert from 'node:assert/strict';
import { load as loadJsYaml } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { addDays, daysBetween, formatDate, isValidCalendarDate, localDate, normaliseDateText, parseDateValue } from '../../src/core/dates';

function okDate(value: unknown): string {
  const parsed = parseDateValue(value);
  if (!parsed.ok) assert.fail(`expected ${String(value)} to parse, got: ${parsed.message}`);
  return parsed.date;
}

function failure(value: unknown): string {
  const parsed = parseDateValue(value);
  if (parsed.ok) assert.fail(`expected ${String(value)} to be rejected, got ${parsed.date}`);
  return parsed.message;
}

describe('dates', () => {
  describe('isValidCalendarDate', () => {
    it('knows month lengths and leap years', () => {
      assert.equal(isValidCalendarDate(2026, 1, 31), true);
      assert.equal(isValidCalendarDate(2026, 4, 30), true);
      assert.equal(isValidCalendarDate(2026, 4, 31), false);
      assert.equal(isValidCalendarDate(2026, 2, 28), true);
      assert.equal(isValidCalendarDate(2026, 2, 29), false);
      assert.equal(isValidCalendarDate(2024, 2, 29), true);
      assert.equal(isValidCalendarDate(2000, 2, 29), true);
      assert.equal(isValidCalendarDate(1900, 2, 29), false);
      assert.equal(isValidCalendarDate(2026, 12, 31), true);
    });

    it('rejects months and days out of range', () => {
      assert.equal(isValidCalendarDate(2026, 0, 10), false);
      assert.equal(isValidCalendarDate(2026, 13, 1), false);
      assert.equal(isValidCalendarDate(2026, 1, 0), false);
      assert.equal(isValidCalendarDate(2026, 1, 32), false);
    });
  });

  describe('parseDateValue with strings', () => {
    it('accepts YYYY-MM-DD', () => {
      assert.deepEqual(parseDateValue('2026-03-07'), { ok: true, date: '2026-03-07' });
      assert.equal(okDate('2024-02-29'), '2024-02-29');
      assert.equal(okDate('  2026-03-07  '), '2026-03-07');
    });

    it('accepts ISO timestamps and keeps the calendar day the author wrote', () => {
      assert.equal(okDate('2026-03-07T10:00:00Z'), '2026-03-07');
      assert.equal(okDate('2026-03-07T10:00'), '2026-03-07');
      assert.equal(okDate('2026-03-07 10:00:00'), '2026-03-07');
      assert.equal(okDate('2026-03-07T10:00:00.123Z'), '2026-03-07');
      // Late in the day west of UTC, early in the day east of it: a UTC conversion would move the day.
      assert.equal(okDate('2026-03-07T23:30:00-05:00'), '2026-03-07');
      assert.equal(okDate('2026-03-07T01:00:00+05:00'), '2026-03-07');
      assert.equal(okDate('2026-03-07T01:00:00+0530'), '2026-03-07');
      assert.equal(okDate('2026-03-07T23:59:60Z'), '2026-03-07', 'a leap second is allowed');
    });

    it('rejects impossible calendar dates', () => {
      assert.match(failure('2026-02-30'), /"2026-02-30" is not a real calendar date/);
      assert.match(failure('2026-13-01'), /not a real calendar date/);
      assert.match(failure('2026-00-10'), /not a real calendar date/);
      assert.match(failure('2026-04-31'), /not a real calendar date/);
      assert.match(failure('2026-02-29'), /not a real calendar date/);
      assert.match(failure('2026-02-30T10:00:00Z'), /not a real calendar date/);
    });

    it('rejects impossible times', () => {
      assert.match(failure('2026-03-07T24:00'), /"2026-03-07T24:00" has an invalid time/);
      assert.match(failure('2026-03-07T10:60'), /invalid time/);
      assert.match(failure('2026-03-07T10:00:61'), /invalid time/);
    });

    it('rejects text that is not a date', () => {
      assert.equal(failure('next week'), '"next week" is not a date: use YYYY-MM-DD');
      for (const text of ['', '2026-3-7', '2026/03/07', '07-03-2026', '2026-03-07x', '2026-03-07T', '20260307', 'March 7, 2026']) {
        assert.match(failure(text), /is not a date: use YYYY-MM-DD/, text);
      }
    });
  });

  describe('parseDateValue with Date objects', () => {
    it('reads a Date as its UTC day', () => {
      assert.equal(okDate(new Date(Date.UTC(2026, 2, 7))), '2026-03-07');
      assert.equal(okDate(new Date('2026-12-31T23:59:59Z')), '2026-12-31');
    });

    it('rejects an invalid Date', () => {
      assert.equal(failure(new Date('nonsense')), 'is not a valid date');
    });

    it('reads the Date js-yaml makes of an unquoted date (default schema)', () => {
      const data = loadJsYaml('unquoted: 2026-03-07\nquoted: "2026-03-07"') as Record<string, unknown>;
      assert.ok(data.unquoted instanceof Date, 'js-yaml default schema gives a Date');
      assert.equal(typeof data.quoted, 'string');
      assert.equal(okDate(data.unquoted), '2026-03-07');
      assert.equal(okDate(data.quoted), '2026-03-07');
    });

    it('reads TOML dates and keeps the written day of an offset date-time', () => {
      const data = parseToml(
        ['day = 2026-03-07', 'local = 2026-03-07T23:30:00', 'west = 2026-03-07T23:30:00-05:00', 'east = 2026-03-07T01:00:00+05:00', 'utc = 2026-03-07T10:00:00Z'].join('\n'),
      ) as Record<string, unknown>;
      for (const key of ['day', 'local', 'west', 'east', 'utc']) {
        assert.ok(data[key] instanceof Date, key);
        assert.equal(okDate(data[key]), '2026-03-07', key);
      }
    });

    it('rejects a TOML local time, which has no day', () => {
      const data = parseToml('at = 10:00:00') as Record<string, unknown>;
      assert.ok(data.at instanceof Date);
      assert.match(failure(data.at), /not a date/);
    });
  });

  describe('parseDateValue with other types', () => {
    it('rejects numbers, booleans, null, arrays and objects', () => {
      for (const value of [20260307, 2026, true, null, undefined, ['2026-03-07'], { date: '2026-03-07' }]) {
        assert.equal(failure(value), 'must be a date written as YYYY-MM-DD', JSON.stringify(value));
      }
    });
  });

  describe('normaliseDateText', () => {
    it('keeps valid dates and shortens timestamps', () => {
      assert.equal(normaliseDateText('2026-03-07'), '2026-03-07');
      assert.equal(normaliseDateText('2026-03-07T23:30:00-05:00'), '2026-03-07');
      assert.equal(normaliseDateText('"2026-03-07"'), '2026-03-07');
      assert.equal(normaliseDateText("'2026-03-07'"), '2026-03-07');
    });

    it('pads numeric dates with other separators', () => {
      assert.equal(normaliseDateText('2026/3/7'), '2026-03-07');
      assert.equal(normaliseDateText('2026.03.07'), '2026-03-07');
      assert.equal(normaliseDateText('2026-3-7'), '2026-03-07');
    });

    it('reads dates with a month name', () => {
      assert.equal(normaliseDateText('7 March 2026'), '2026-03-07');
      assert.equal(normaliseDateText('March 7, 2026'), '2026-03-07');
      assert.equal(normaliseDateText('Mar 7 2026'), '2026-03-07');
    });

    it('gives up on ambiguous, impossible or vague text', () => {
      assert.equal(normaliseDateText('03/04/2026'), undefined);
      assert.equal(normaliseDateText('2026/2/30'), undefined);
      assert.equal(normaliseDateText('2026-13-01'), undefined);
      assert.equal(normaliseDateText('next week'), undefined);
      assert.equal(normaliseDateText(''), undefined);
    });
  });

  describe('formatDate, localDate, daysBetween, addDays', () => {
    it('formats with zero padding', () => {
      assert.equal(formatDate(2026, 3, 7), '2026-03-07');
      assert.equal(formatDate(2026, 12, 31), '2026-12-31');
      assert.equal(formatDate(999, 1, 1), '0999-01-01');
    });

    it('gives the local calendar day of an instant', () => {
      assert.equal(localDate(new Date(2026, 2, 7, 0, 0, 1)), '2026-03-07');
      assert.equal(localDate(new Date(2026, 2, 7, 23, 59, 59)), '2026-03-07');
      assert.equal(localDate(new Date(2026, 0, 1, 12)), '2026-01-01');
    });

    it('counts whole days between dates, negative backwards', () => {
      assert.equal(daysBetween('2026-03-07', '2026-03-07'), 0);
      assert.equal(daysBetween('2026-03-07', '2026-03-10'), 3);
      assert.equal(daysBetween('2026-03-10', '2026-03-07'), -3);
      assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
      assert.equal(daysBetween('2026-02-28', '2026-03-01'), 1);
      assert.equal(daysBetween('2025-01-01', '2026-01-01'), 365);
      // Spans both DST changes in most zones; calendar days are not affected.
      assert.equal(daysBetween('2026-03-01', '2026-11-30'), 274);
    });

    it('adds days across month and year ends', () => {
      assert.equal(addDays('2026-02-28', 1), '2026-03-01');
      assert.equal(addDays('2024-02-28', 1), '2024-02-29');
      assert.equal(addDays('2026-01-01', -1), '2025-12-31');
      assert.equal(addDays('2026-03-07', 0), '2026-03-07');
      assert.equal(addDays('2026-03-07', 30), '2026-04-06');
      assert.equal(daysBetween('2026-03-07', addDays('2026-03-07', 400)), 400);
    });
  });
});
