import { daysBetween } from './dates';
import { isParked } from './parked';
import { kindProgress } from './kinds/registry';
import { isFinished } from './kinds/workflow';
import { activeSubmissionDates, repeatsTalkDate, submissionSummary } from './talks/submissions';
import type { Draft, DraftDate, KindDefinition, Submission } from './types';

/** The plain, stable shape the extension API hands to other extensions and tests. */
export interface DraftInfo {
  uri: string;
  kind: string;
  title: string;
  status: string;
  words: number;
  readingMinutes: number;
  checklist: { done: number; total: number };
  talkMinutes?: { planned: number; duration?: number };
  dates: { field: string; label: string; date: string }[];
  overdue: boolean;
  /** Set aside with Park Draft (`parked: true` in front matter): the status is kept, but it is not in hand. */
  parked: boolean;
  problems: { message: string; line?: number }[];
  /** Talks sent to calls for papers, one per event; dates as `YYYY-MM-DD`. */
  submissions?: SubmissionInfo[];
  /** Product feedback from the front-matter `feedback:` list; dates as `YYYY-MM-DD`. */
  feedback?: { summary: string; status: string; area?: string; link?: string; date: string }[];
}

export interface SubmissionInfo {
  event: string;
  status: string;
  cfpDeadline?: string;
  notificationDate?: string;
  eventDate?: string;
  cfpUrl?: string;
}

export function toSubmissionInfo(s: Submission): SubmissionInfo {
  const info: SubmissionInfo = { event: s.event, status: s.status };
  if (s.cfpDeadline) info.cfpDeadline = s.cfpDeadline;
  if (s.notificationDate) info.notificationDate = s.notificationDate;
  if (s.eventDate) info.eventDate = s.eventDate;
  if (s.cfpUrl) info.cfpUrl = s.cfpUrl;
  return info;
}

/** A deadline that has passed while the work is still open; a multi-day event is not late while it runs. */
export function overdueDates(draft: Draft, kind: KindDefinition | undefined, today: string): DraftDate[] {
  if (isFinished(kind, draft.status)) return [];
  return draft.dates.filter((d) => d.deadline && d.date < today && !isDatePassedByStatus(draft, d) && !runsOn(draft, d, kind, today));
}

function runsOn(draft: Draft, start: DraftDate, kind: KindDefinition | undefined, today: string): boolean {
  const end = spanEnd(draft, start, kind);
  return end !== undefined && end >= today;
}

/**
 * The last day of the span `date` starts, when its kind says the span ends at another of the
 * draft's dates (a hackathon's `end_date`) and that day is not before the start.
 */
export function spanEnd(draft: Draft, date: DraftDate, kind: KindDefinition | undefined): string | undefined {
  const until = kind?.dateFields.find((d) => d.field === date.field || (d.alternatives ?? []).includes(date.field))?.until;
  if (until === undefined) return undefined;
  const end = draft.dates.find((d) => d.field === until)?.date;
  return end !== undefined && end > date.date ? end : undefined;
}

/** Whether `date` is the end of a span whose start the draft also has, so it is shown with the span. */
export function isSpanEnd(draft: Draft, date: DraftDate, kind: KindDefinition | undefined): boolean {
  return draft.dates.some((start) => start !== date && spanEnd(draft, start, kind) === date.date && kind?.dateFields.find((d) => d.field === start.field)?.until === date.field);
}

export function isOverdue(draft: Draft, kind: KindDefinition | undefined, today: string): boolean {
  return overdueDates(draft, kind, today).length > 0;
}

/**
 * A talk's CFP deadline stops mattering once the talk has been submitted; an event date
 * stops mattering once the event has happened and only the delivery status is missing.
 */
function isDatePassedByStatus(draft: Draft, date: DraftDate): boolean {
  if (draft.kind !== 'talk' || date.field !== 'cfp_deadline') return false;
  return ['submitted', 'accepted', 'rehearsing'].includes(draft.status);
}

export function toDraftInfo(draft: Draft, kind: KindDefinition | undefined, today: string): DraftInfo {
  const analysis = draft.analysis;
  const info: DraftInfo = {
    uri: draft.uri,
    kind: draft.kind,
    title: draft.title,
    status: draft.status,
    words: analysis?.words ?? 0,
    readingMinutes: analysis?.readingMinutes ?? 0,
    checklist: analysis ? { ...analysis.checklist } : { done: 0, total: 0 },
    dates: draft.dates.map(({ field, label, date }) => ({ field, label, date })),
    overdue: isOverdue(draft, kind, today),
    parked: isParked(draft),
    problems: draft.problems.map((p) => (p.range ? { message: p.message, line: p.range.start.line } : { message: p.message })),
  };
  if (analysis?.talk || draft.duration !== undefined) {
    info.talkMinutes = { planned: analysis?.talk?.plannedMinutes ?? 0, duration: draft.duration };
  }
  if (draft.submissions) info.submissions = draft.submissions.map(toSubmissionInfo);
  if (draft.feedback)
    info.feedback = draft.feedback.map(({ summary, status, area, link, date }) => ({ summary, status, date, ...(area ? { area } : {}), ...(link ? { link } : {}) }));
  return info;
}

export type UpcomingGroup = 'overdue' | 'this-week' | 'next-30-days' | 'later';

export interface UpcomingItem {
  draft: Draft;
  date: DraftDate;
  /** Set when the date belongs to one of a talk's submissions rather than to the draft itself. */
  submission?: Submission;
  group: UpcomingGroup;
  /** Days from today; negative when past. */
  days: number;
}

export const UPCOMING_GROUP_LABELS: Record<UpcomingGroup, string> = {
  overdue: 'Overdue',
  'this-week': 'This week',
  'next-30-days': 'Next 30 days',
  later: 'Later',
};

/**
 * Every dated item across kinds that still matters: dates of finished work and past dates
 * that are not deadlines drop out. "This week" is the next seven days, today included.
 */
export function upcoming(drafts: readonly Draft[], kinds: Record<string, KindDefinition>, today: string): UpcomingItem[] {
  const items: UpcomingItem[] = [];
  const place = (days: number, overdue: boolean): UpcomingGroup | undefined => {
    if (days < 0) return overdue ? 'overdue' : undefined;
    if (days < 7) return 'this-week';
    if (days <= 30) return 'next-30-days';
    return 'later';
  };
  for (const draft of drafts) {
    const kind = kinds[draft.kind];
    const finished = isFinished(kind, draft.status);
    if (!finished) {
      const overdue = new Set(overdueDates(draft, kind, today));
      for (const date of draft.dates) {
        const days = daysBetween(today, date.date);
        const group = place(days, overdue.has(date));
        if (group) items.push({ draft, date, group, days });
      }
    }
    // A talk delivered once can still be on its way to other events, so submissions follow their own statuses.
    for (const submission of draft.submissions ?? []) {
      for (const date of activeSubmissionDates(submission)) {
        if (!finished && repeatsTalkDate(draft, date.field.slice(date.field.lastIndexOf('.') + 1), date.date, submission.event)) continue;
        const days = daysBetween(today, date.date);
        const group = place(days, date.deadline);
        if (group) items.push({ draft, date, group, days, submission });
      }
    }
  }
  return items.sort(
    (a, b) => a.date.date.localeCompare(b.date.date) || a.draft.title.localeCompare(b.draft.title) || (a.submission?.event ?? '').localeCompare(b.submission?.event ?? ''),
  );
}

/** Overdue items plus those due within seven days: what the Upcoming badge counts. */
export function urgentCount(items: readonly UpcomingItem[]): number {
  return items.filter((i) => i.group === 'overdue' || i.group === 'this-week').length;
}

/** "due in 3 days", "CFP closes today", "event 2 days ago". */
export function relativeDay(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 0) return `in ${days} days`;
  return `${-days} days ago`;
}

/** The date a person most needs to see next for a draft: the nearest one still ahead, else the latest overdue. */
export function nextDate(draft: Draft, kind: KindDefinition | undefined, today: string): DraftDate | undefined {
  if (isFinished(kind, draft.status)) return undefined;
  const ahead = draft.dates.filter((d) => d.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  if (ahead.length > 0) return ahead[0];
  const overdue = overdueDates(draft, kind, today).sort((a, b) => b.date.localeCompare(a.date));
  return overdue[0];
}

/** The compact facts shown after a draft's title, e.g. `drafting · due in 3 days · 1,240 words`. */
export function describeDraft(draft: Draft, kind: KindDefinition | undefined, today: string): string {
  // Essentials first, so status and the next date stay readable at the default sidebar width;
  // the rest is in the tooltip too.
  const parts: string[] = [draft.status];
  const date = nextDate(draft, kind, today);
  if (date) parts.push(`${lowerLabel(date.label)} ${relativeDay(daysBetween(today, date.date))}`);
  const analysis = draft.analysis;
  if (analysis) {
    if (analysis.checklist.total > 0 && (kindProgress(draft.kind) === 'checklist' || analysis.words < 150)) {
      parts.push(`${analysis.checklist.done}/${analysis.checklist.total}`);
    } else if (kindProgress(draft.kind) === 'timing' && (analysis.talk || draft.duration !== undefined)) {
      parts.push(talkMeasure(analysis.talk?.plannedMinutes ?? 0, draft.duration));
    } else {
      parts.push(`${analysis.words.toLocaleString('en-US')} words`);
    }
  }
  if (draft.submissions && draft.submissions.length > 0) parts.push(submissionSummary(draft.submissions));
  return parts.join(' · ');
}

/** `CFP closes` reads `CFP closes` mid-sentence, `Due` reads `due`: acronyms keep their capitals. */
export function lowerLabel(label: string): string {
  const [first = '', ...rest] = label.split(' ');
  const word = /^[A-Z0-9]{2,}$/.test(first) ? first : first.toLowerCase();
  return [word, ...rest].join(' ');
}

export function talkMeasure(planned: number, duration: number | undefined): string {
  const p = Number.isInteger(planned) ? String(planned) : planned.toFixed(1);
  return duration !== undefined ? `~${p}/${duration} min` : `~${p} min`;
}

/** Sort key within a group: workflow order first, then the nearest date. */
export function compareDrafts(a: Draft, b: Draft, kinds: Record<string, KindDefinition>, today: string): number {
  const order = (d: Draft): number => {
    const index = kinds[d.kind]?.statuses.indexOf(d.status) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const byStatus = order(a) - order(b);
  if (byStatus !== 0) return byStatus;
  const dateA = nextDate(a, kinds[a.kind], today)?.date ?? '9999-12-31';
  const dateB = nextDate(b, kinds[b.kind], today)?.date ?? '9999-12-31';
  return dateA.localeCompare(dateB) || a.title.localeCompare(b.title);
}
