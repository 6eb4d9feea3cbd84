import * as assert from 'node:assert/strict';
import { dateInputProblem, datePreview, parseDateInput } from '../../src/core/relativeDate';

function dateOf(input: string, today: Date | string): string {
  const result = parseDateInput(input, today);
  assert.ok(result.ok && !result.skipped, `${input}: ${JSON.stringify(result)}`);
  return result.date;
}

function messageOf(input: string, today: Date | string = '2026-03-01'): string {
  const result = parseDateInput(input, today);
  assert.equal(result.ok, false, `${input} should be rejected`);
  return result.ok ? '' : result.message;
}

describe('parseDateInput', () => {
  it('accepts real YYYY-MM-DD dates', () => {
    assert.equal(dateOf('2026-03-01', '2020-01-01'), '2026-03-01');
    assert.equal(dateOf(' 2024-02-29 ', '2020-01-01'), '2024-02-29');
    assert.equal(dateOf('2000-02-29', '2020-01-01'), '2000-02-29');
  });

  it('rejects dates that are not on the calendar, saying why', () => {
    assert.match(messageOf('2026-02-30'), /February 2026 has 28 days/);
    assert.match(messageOf('2025-02-29'), /February 2025 has 28 days/);
    assert.match(messageOf('1900-02-29'), /February 1900 has 28 days/);
    assert.match(messageOf('2026-04-31'), /April 2026 has 30 days/);
    assert.match(messageOf('2026-13-01'), /month must be between 01 and 12/);
    assert.match(messageOf('2026-00-10'), /month/);
    assert.match(messageOf('2026-01-00'), /January 2026 has 31 days/);
  });

  it('asks for two-digit parts when the shape is almost right', () => {
    assert.match(messageOf('2026-3-5'), /YYYY-MM-DD/);
    assert.match(messageOf('2026/03/05'), /YYYY-MM-DD/);
    assert.match(messageOf('05.03.2026'), /YYYY-MM-DD/);
  });

  it('understands today, tomorrow and yesterday in any case', () => {
    assert.equal(dateOf('today', '2026-03-01'), '2026-03-01');
    assert.equal(dateOf('Tomorrow', '2026-03-01'), '2026-03-02');
    assert.equal(dateOf('  YESTERDAY ', '2026-03-01'), '2026-02-28');
  });

  it('adds and subtracts days and weeks', () => {
    assert.equal(dateOf('+14d', '2026-03-01'), '2026-03-15');
    assert.equal(dateOf('14d', '2026-03-01'), '2026-03-15');
    assert.equal(dateOf('+2w', '2026-03-01'), '2026-03-15');
    assert.equal(dateOf('-3d', '2026-03-01'), '2026-02-26');
    assert.equal(dateOf('+14 days', '2026-03-01'), '2026-03-15');
    assert.equal(dateOf('in 2 weeks', '2026-03-01'), '2026-03-15');
    assert.equal(dateOf('+0d', '2026-03-01'), '2026-03-01');
  });

  it('rolls over months, years and leap days', () => {
    assert.equal(dateOf('+1d', '2026-12-31'), '2027-01-01');
    assert.equal(dateOf('-1d', '2027-01-01'), '2026-12-31');
    assert.equal(dateOf('tomorrow', '2026-01-31'), '2026-02-01');
    assert.equal(dateOf('+1d', '2024-02-28'), '2024-02-29');
    assert.equal(dateOf('+1d', '2024-02-29'), '2024-03-01');
    assert.equal(dateOf('+1d', '2026-02-28'), '2026-03-01');
    assert.equal(dateOf('+14d', '2026-02-20'), '2026-03-06');
    assert.equal(dateOf('-3d', '2026-01-02'), '2025-12-30');
    assert.equal(dateOf('+52w', '2024-02-29'), '2025-02-27');
    assert.equal(dateOf('yesterday', '2024-03-01'), '2024-02-29');
  });

  it('finds the next weekday, never today', () => {
    // 2026-03-01 is a Sunday.
    assert.equal(dateOf('next monday', '2026-03-01'), '2026-03-02');
    assert.equal(dateOf('monday', '2026-03-01'), '2026-03-02');
    assert.equal(dateOf('sunday', '2026-03-01'), '2026-03-08');
    assert.equal(dateOf('next fri', '2026-03-01'), '2026-03-06');
    assert.equal(dateOf('Saturday', '2026-12-31'), '2027-01-02');
  });

  it('reads `next <weekday>` as that day of next week, so on a Wednesday it is not tomorrow', () => {
    // 2026-03-04 is a Wednesday.
    assert.equal(dateOf('thursday', '2026-03-04'), '2026-03-05');
    assert.equal(dateOf('next thursday', '2026-03-04'), '2026-03-12');
    assert.equal(dateOf('next monday', '2026-03-04'), '2026-03-09');
    assert.equal(dateOf('next wednesday', '2026-03-04'), '2026-03-11');
  });

  it('adds months, keeping the day or the month’s last day', () => {
    assert.equal(dateOf('+3m', '2026-03-04'), '2026-06-04');
    assert.equal(dateOf('in 2 months', '2026-11-15'), '2027-01-15');
    assert.equal(dateOf('+1m', '2026-01-31'), '2026-02-28');
    assert.equal(dateOf('-1 month', '2026-03-31'), '2026-02-28');
    assert.match(messageOf('+999m'), /more than ten years/);
  });

  it('previews every accepted form, a typed ISO date too', () => {
    assert.equal(datePreview('2027-04-02', '2026-12-02'), 'Fri 2027-04-02, in 4 months');
    assert.equal(datePreview('+3m', '2026-12-02'), 'Tue 2027-03-02, in 3 months');
    assert.equal(datePreview('next thursday', '2026-12-02'), 'Thu 2026-12-10, in 8 days');
    assert.equal(datePreview('tomorrow', '2026-12-02'), 'Thu 2026-12-03, tomorrow');
    assert.equal(datePreview('2026-10-14', '2026-12-02'), 'Wed 2026-10-14, 7 weeks ago');
    assert.equal(datePreview('', '2026-12-02'), undefined);
    assert.equal(datePreview('soon', '2026-12-02'), undefined);
  });

  it('treats empty input as a skip, not an error', () => {
    for (const input of ['', '   ', '\t']) {
      const result = parseDateInput(input, '2026-03-01');
      assert.deepEqual(result, { ok: true, skipped: true, date: undefined });
    }
  });

  it('says what is expected for anything else', () => {
    for (const input of ['soon', 'next', 'mo', '+d', '2 weeks ago', '+1y', '20260301']) {
      assert.match(messageOf(input), /Use YYYY-MM-DD, today, tomorrow.*\+14d/, input);
    }
    assert.match(messageOf('+99999d'), /more than ten years/);
  });

  it('uses the local calendar day of a Date, whatever the time', () => {
    assert.equal(dateOf('today', new Date(2026, 2, 1, 23, 59, 59)), '2026-03-01');
    assert.equal(dateOf('tomorrow', new Date(2026, 2, 1, 0, 0, 1)), '2026-03-02');
    assert.equal(dateOf('today', new Date(2026, 11, 31, 23, 30)), '2026-12-31');
  });

  it('reports an unknown today instead of throwing', () => {
    assert.equal(parseDateInput('tomorrow', 'not a date').ok, false);
    assert.equal(parseDateInput('tomorrow', '2026-02-30').ok, false);
    assert.equal(parseDateInput('tomorrow', new Date(Number.NaN)).ok, false);
  });

  it('keeps results inside four-digit years', () => {
    assert.match(messageOf('-3d', '0001-01-01'), /0001–9999/);
    assert.match(messageOf('+1d', '9999-12-31'), /0001–9999/);
    assert.equal(dateOf('+1d', '0099-12-31'), '0100-01-01');
  });

  it('gives input boxes a message only when the text is wrong', () => {
    assert.equal(dateInputProblem('', '2026-03-01'), undefined);
    assert.equal(dateInputProblem('+2w', '2026-03-01'), undefined);
    assert.match(dateInputProblem('next year', '2026-03-01') ?? '', /YYYY-MM-DD/);
  });
});
