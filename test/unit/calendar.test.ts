import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { buildCalendar, calendarEntries, calendarUid, isOurCalendar } from '../../src/core/calendar';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import type { Draft } from '../../src/core/types';
import { draftOf } from './helpers';

const NOW = new Date(Date.UTC(2026, 11, 2, 9, 30));

function talk(cfpDeadline = '2026-11-24'): Draft {
  return draftOf(
    `---
kind: talk
title: "Tail sampling, at scale; really"
status: submitted
cfp_deadline: ${cfpDeadline}
submissions:
  - event: KubeCon EU 2027
    cfp_url: https://events.example.org/cfp?a=1&b=2
    cfp_deadline: ${cfpDeadline}
    notification_date: 2027-01-15
    event_date: 2027-03-23
    status: submitted
  - event: QCon London 2027
    event_date: 2027-03-15
    status: rejected
---
`,
    { path: 'talks/tail.md' },
  );
}

function post(): Draft {
  return draftOf('---\nkind: blog\ntitle: Pipelines\nstatus: drafting\npublish_date: 2027-01-05\n---\n', { path: 'content/posts/p.md' });
}

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  url: string | null;
}

function parse(text: string): { name: unknown; events: ParsedEvent[] } {
  const component = new ICAL.Component(ICAL.parse(text));
  assert.equal(component.name, 'vcalendar');
  assert.equal(component.getFirstPropertyValue('version'), '2.0');
  assert.ok(component.getFirstPropertyValue('prodid'));
  const events = component.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    assert.ok(vevent.getFirstPropertyValue('dtstamp'), 'every event has a DTSTAMP (RFC 5545 3.6.1)');
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
    };
  });
  return { name: component.getFirstPropertyValue('x-wr-calname'), events };
}

describe('calendar', () => {
  it('writes one all-day event per date, parsed back by an iCalendar library', () => {
    const text = buildCalendar(calendarEntries([talk(), post()], BUILT_IN_KINDS), { now: NOW });
    assert.match(text, /\r\n/, 'lines end in CRLF');
    for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, `folded: ${line}`);
    const { name, events } = parse(text);
    assert.equal(name, 'DevRel Desk');
    assert.deepEqual(
      events.map((e) => [e.start, e.end, e.summary]),
      [
        ['2026-11-24', '2026-11-25', 'CFP closes: Tail sampling, at scale; really'],
        ['2027-01-05', '2027-01-06', 'Publish: Pipelines'],
        ['2027-01-15', '2027-01-16', 'CFP answer due: KubeCon EU 2027 (Tail sampling, at scale; really)'],
        ['2027-03-23', '2027-03-24', 'Event: KubeCon EU 2027 (Tail sampling, at scale; really)'],
      ],
      "the submission deadline that repeats the talk's own is kept once per UID; the rejected submission is left out",
    );
    assert.ok(events.every((e) => e.allDay));
    assert.equal(events[3].url, 'https://events.example.org/cfp?a=1&b=2');
  });

  it('keeps UIDs when dates move, so a re-import updates instead of duplicating', () => {
    const before = parse(buildCalendar(calendarEntries([talk('2026-11-24')], BUILT_IN_KINDS), { now: NOW })).events;
    const after = parse(buildCalendar(calendarEntries([talk('2026-11-30')], BUILT_IN_KINDS), { now: NOW })).events;
    assert.deepEqual(after.map((e) => e.uid).sort(), before.map((e) => e.uid).sort());
    assert.equal(new Set(before.map((e) => e.uid)).size, before.length, 'UIDs are unique');
    assert.equal(calendarUid('talks/tail.md', 'submissions.event_date', 'KubeCon EU 2027'), calendarUid('talks/tail.md', 'submissions.event_date', ' kubecon eu 2027'));
    assert.notEqual(calendarUid('talks/a.md', 'due'), calendarUid('talks/b.md', 'due'));
    assert.match(calendarUid('talks/a.md', 'due'), /^[0-9a-f]{32}@devrel-desk$/);
  });

  it('writes an empty but valid calendar, and recognises its own files', () => {
    const text = buildCalendar([], { now: NOW });
    assert.deepEqual(parse(text).events, []);
    assert.equal(isOurCalendar(text), true);
    assert.equal(isOurCalendar('BEGIN:VCALENDAR\r\nPRODID:-//Someone//Else//EN\r\n'), false);
    assert.equal(isOurCalendar('# notes'), false);
  });
});
