// A calendar of every dated thing: deadlines, CFP answers, events and publish dates, one
// all-day event each. UIDs come from what the date is (the draft's path, the field and the
// submission's event), never from its value, so a re-import moves an event instead of adding one.

import { createHash } from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';
import { addDays } from './dates';
import { isSpanEnd, spanEnd } from './schedule';
import { allSubmissionDates, repeatsTalkDate } from './talks/submissions';
import type { Draft, KindDefinition } from './types';

const UID_DOMAIN = 'devrel-desk';
export const CALENDAR_PRODUCT = { company: 'DevRel Desk', product: 'Calendar export', language: 'EN' } as const;
/** Submissions that will not happen leave the calendar, as they leave Upcoming. */
const DROPPED_STATUSES = new Set(['rejected', 'withdrawn', 'declined']);

export interface CalendarEntry {
  uid: string;
  /** `YYYY-MM-DD`, an all-day event. */
  date: string;
  /** The last day, `YYYY-MM-DD`, of an event over several days; absent for one day. */
  endDate?: string;
  summary: string;
  description: string;
  url?: string;
  category: string;
}

export interface CalendarOptions {
  /** When the file is made: the DTSTAMP of every event. */
  now: Date;
  name?: string;
}

/** A stable UID from what a date is, not when it is. */
export function calendarUid(relativePath: string, field: string, event?: string): string {
  const hash = createHash('sha256')
    .update([relativePath, field, event?.trim().toLowerCase() ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
  return `${hash}@${UID_DOMAIN}`;
}

/** Every dated thing across the drafts, sorted by date. */
export function calendarEntries(drafts: readonly Draft[], kinds: Record<string, KindDefinition>): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const draft of drafts) {
    const kind = kinds[draft.kind];
    const kindLabel = kind?.label ?? draft.kind;
    for (const date of draft.dates) {
      // A multi-day event is one event from its first to its last day, not two.
      if (isSpanEnd(draft, date, kind)) continue;
      const end = spanEnd(draft, date, kind);
      entries.push({
        uid: calendarUid(draft.relativePath, date.field),
        date: date.date,
        ...(end ? { endDate: end } : {}),
        summary: `${date.label}: ${draft.title}`,
        description: `${kindLabel} · ${draft.status}\n${draft.relativePath}`,
        category: draft.kind,
      });
    }
    for (const submission of draft.submissions ?? []) {
      if (DROPPED_STATUSES.has(submission.status)) continue;
      for (const date of allSubmissionDates(submission)) {
        if (repeatsTalkDate(draft, date.key, date.date, submission.event)) continue;
        const entry: CalendarEntry = {
          uid: calendarUid(draft.relativePath, `submissions.${date.key}`, submission.event),
          date: date.date,
          summary: `${date.label}: ${submission.event} (${draft.title})`,
          description: `Submission ${submission.status} · ${kindLabel}: ${draft.title}\n${draft.relativePath}`,
          category: draft.kind,
        };
        if (submission.cfpUrl) entry.url = submission.cfpUrl;
        entries.push(entry);
      }
    }
  }
  // Two identical UIDs would make a calendar app keep only one; the first wins, like a re-import would.
  const seen = new Set<string>();
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary)).filter((e) => (seen.has(e.uid) ? false : (seen.add(e.uid), true)));
}

/** The `.ics` text (RFC 5545) for the entries, written by a maintained iCalendar library. */
export function buildCalendar(entries: readonly CalendarEntry[], options: CalendarOptions): string {
  const calendar = ical({ name: options.name ?? 'DevRel Desk', prodId: CALENDAR_PRODUCT });
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      start: utcDay(entry.date),
      end: utcDay(addDays(entry.endDate ?? entry.date, 1)),
      allDay: true,
      stamp: options.now,
      summary: entry.summary,
      description: entry.description,
      url: entry.url ?? null,
      categories: [{ name: entry.category }],
      // Deadlines don't make the person busy; free/busy lookups should ignore them.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

/** All-day dates are written from UTC fields, so a Date at UTC midnight is the day itself in every time zone. */
function utcDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Whether a file's text is a calendar this extension wrote, so it may be replaced. */
export function isOurCalendar(text: string): boolean {
  return /^BEGIN:VCALENDAR\r?\n/.test(text) && text.includes(`PRODID:-//${CALENDAR_PRODUCT.company}//${CALENDAR_PRODUCT.product}//${CALENDAR_PRODUCT.language}`);
}
