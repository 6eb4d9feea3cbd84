// A talk is written once and sent to many calls for papers. Each entry of `submissions:` is
// one of those: its own event, dates and outcome. The talk's own status stays the talk's.

import { isHttpUrl } from '../util/strings';
import { parseDateValue } from '../dates';
import { removeFrontMatterListItem, setFrontMatterListItemFields, type EditResult, type FrontMatterValue } from '../frontMatter/edit';
import { locateFrontMatter, parseFrontMatter } from '../frontMatter/parse';
import { rankBySimilarity } from '../similarity';
import type { LineMap } from '../text';
import type { Draft, DraftDate, Problem, ProblemFix, Range, Submission } from '../types';
import type { FieldPath } from './yamlRanges';
import { getOwn } from '../util/objects';
import { type Result } from '../util/result';

export const SUBMISSIONS_FIELD = 'submissions';

/** In the order a submission usually moves through them; summaries list counts in this order. */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'waitlisted', 'confirmed', 'declined', 'withdrawn', 'delivered'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const TRAVEL_VALUES = ['covered', 'partly', 'self', 'n/a'] as const;

/** The call said yes. `declined` is the speaker turning down an acceptance, so the call said yes too. */
export const ACCEPTED_STATUSES: readonly string[] = ['accepted', 'confirmed', 'delivered', 'declined'];
/** The call has answered, either way. */
export const DECIDED_STATUSES: readonly string[] = [...ACCEPTED_STATUSES, 'rejected'];
/** Nothing more will happen at this event: its dates leave Upcoming. */
export const CLOSED_STATUSES: readonly string[] = ['rejected', 'withdrawn', 'declined', 'delivered'];
/** Still waiting for the call's answer, so its notification date matters. */
const AWAITING_STATUSES: readonly string[] = ['draft', 'submitted', 'waitlisted'];
/** Going to the event, so its day matters until it is marked delivered. */
const GOING_STATUSES: readonly string[] = ['accepted', 'confirmed'];

/** The front-matter keys of a submission, as written. */
export const SUBMISSION_KEYS = {
  event: 'event',
  cfpUrl: 'cfp_url',
  cfpDeadline: 'cfp_deadline',
  notificationDate: 'notification_date',
  eventDate: 'event_date',
  status: 'status',
  format: 'format',
  abstract: 'abstract',
  travel: 'travel',
  /** The call's limit on the abstract, in characters, when it has one. */
  abstractMaxChars: 'abstract_max_chars',
} as const;

const MAX_TEXT = 300;
const MAX_SUBMISSIONS = 500;

export interface SubmissionContext {
  text: string;
  lines: () => LineMap;
  /** Where a nested value is written; undefined when unknown (TOML, or not found). */
  rangeOf: (path: FieldPath, part?: 'value' | 'key' | 'entry') => Range | undefined;
  /** The talk's own `event:`, offered as the fix for a submission without one. */
  talkEvent?: string;
  /** Names of the talk's abstract variants; undefined skips the check. */
  abstractNames?: readonly string[];
}

export interface SubmissionsRead {
  submissions: Submission[];
  problems: Problem[];
}

/** Reads `submissions:` into data and problems. Never throws; a bad entry is reported and left out. */
export function readSubmissions(value: unknown, context: SubmissionContext): SubmissionsRead {
  const submissions: Submission[] = [];
  const problems: Problem[] = [];
  if (value === undefined || value === null || value === '') return { submissions, problems };
  const at = (path: FieldPath, part?: 'value' | 'key' | 'entry'): Range | undefined =>
    context.rangeOf([SUBMISSIONS_FIELD, ...path], part) ?? context.rangeOf([SUBMISSIONS_FIELD], 'key');
  if (!Array.isArray(value)) {
    problems.push({
      code: 'invalid-submission',
      severity: 'warning',
      field: SUBMISSIONS_FIELD,
      message: 'submissions must be a list, one "- event: …" entry per call for papers.',
      range: context.rangeOf([SUBMISSIONS_FIELD]) ?? context.rangeOf([SUBMISSIONS_FIELD], 'key'),
    });
    return { submissions, problems };
  }
  const seen = new Map<string, number>();
  const entries = value.slice(0, MAX_SUBMISSIONS);
  for (let index = 0; index < entries.length; index++) {
    const entry: unknown = entries[index];
    const label = `Submission ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || entry instanceof Date) {
      problems.push({
        code: 'invalid-submission',
        severity: 'warning',
        field: SUBMISSIONS_FIELD,
        message: `${label} must be a set of fields such as event, status and cfp_deadline.`,
        range: at([index], 'entry'),
        fixes: fixes(context, [{ title: `Remove ${label.toLowerCase()}`, result: () => removeFrontMatterListItem(context.text, SUBMISSIONS_FIELD, index) }]),
      });
      continue;
    }
    const fields = entry as Record<string, unknown>;
    const event = text(own(fields, SUBMISSION_KEYS.event));
    if (!event) {
      const talkEvent = context.talkEvent?.trim();
      problems.push({
        code: 'submission-without-event',
        severity: 'warning',
        field: SUBMISSIONS_FIELD,
        message: `${label} has no event. Name the conference or meetup it went to, e.g. "event: KubeCon EU 2027".`,
        range: at([index], 'entry'),
        fixes: fixes(context, [
          ...(talkEvent
            ? [
                {
                  title: `Set the event to "${talkEvent}"`,
                  preferred: true,
                  result: () => setFrontMatterListItemFields(context.text, SUBMISSIONS_FIELD, index, { event: talkEvent }),
                },
              ]
            : []),
          { title: `Remove ${label.toLowerCase()}`, result: () => removeFrontMatterListItem(context.text, SUBMISSIONS_FIELD, index) },
        ]),
      });
      continue;
    }
    const submission: Submission = { index, event, status: 'draft' };
    const named = `${label} (${event})`;

    const status = own(fields, SUBMISSION_KEYS.status);
    if (status !== undefined && status !== null && status !== '') {
      const written = typeof status === 'string' ? status.trim() : String(status);
      const normal = written.toLowerCase();
      if ((SUBMISSION_STATUSES as readonly string[]).includes(normal)) submission.status = normal;
      else {
        submission.status = written;
        const suggestions = rankBySimilarity(written, SUBMISSION_STATUSES).slice(0, 3);
        problems.push({
          code: 'unknown-submission-status',
          severity: 'error',
          field: SUBMISSION_KEYS.status,
          value: written,
          validValues: [...SUBMISSION_STATUSES],
          message: `${named} has the unknown status "${written}". Use one of: ${SUBMISSION_STATUSES.join(', ')}.`,
          range: at([index, SUBMISSION_KEYS.status]),
          fixes: fixes(
            context,
            suggestions.map((s, i) => ({
              title: `Change the status to "${s}"`,
              preferred: i === 0,
              result: () => setFrontMatterListItemFields(context.text, SUBMISSIONS_FIELD, index, { status: s }),
            })),
          ),
        });
      }
    }

    for (const [property, key] of [
      ['cfpDeadline', SUBMISSION_KEYS.cfpDeadline],
      ['notificationDate', SUBMISSION_KEYS.notificationDate],
      ['eventDate', SUBMISSION_KEYS.eventDate],
    ] as const) {
      const raw = own(fields, key);
      if (raw === undefined || raw === null || raw === '') continue;
      const parsed = parseDateValue(raw);
      if (parsed.ok) submission[property] = parsed.date;
      else {
        problems.push({
          code: 'invalid-date',
          severity: 'error',
          field: key,
          value: typeof raw === 'string' ? raw : undefined,
          message: `${named}: ${key} ${parsed.message}.`,
          range: at([index, key]),
        });
      }
    }

    const url = text(own(fields, SUBMISSION_KEYS.cfpUrl));
    if (url !== undefined) {
      if (isHttpUrl(url)) submission.cfpUrl = url;
      else {
        problems.push({
          code: 'invalid-submission',
          severity: 'warning',
          field: SUBMISSION_KEYS.cfpUrl,
          message: `${named}: cfp_url "${url.slice(0, 80)}" must be an http:// or https:// address.`,
          range: at([index, SUBMISSION_KEYS.cfpUrl]),
        });
      }
    }
    const format = text(own(fields, SUBMISSION_KEYS.format));
    if (format !== undefined) submission.format = format;

    const travel = text(own(fields, SUBMISSION_KEYS.travel));
    if (travel !== undefined) {
      const normal = travel.toLowerCase();
      if ((TRAVEL_VALUES as readonly string[]).includes(normal)) submission.travel = normal;
      else {
        problems.push({
          code: 'invalid-submission',
          severity: 'warning',
          field: SUBMISSION_KEYS.travel,
          value: travel,
          validValues: [...TRAVEL_VALUES],
          message: `${named}: travel "${travel}" is not one of ${TRAVEL_VALUES.join(', ')}.`,
          range: at([index, SUBMISSION_KEYS.travel]),
          fixes: fixes(
            context,
            rankBySimilarity(travel, TRAVEL_VALUES)
              .slice(0, 2)
              .map((t, i) => ({
                title: `Change travel to "${t}"`,
                preferred: i === 0,
                result: () => setFrontMatterListItemFields(context.text, SUBMISSIONS_FIELD, index, { travel: t }),
              })),
          ),
        });
      }
    }

    const abstract = text(own(fields, SUBMISSION_KEYS.abstract));
    if (abstract !== undefined) {
      submission.abstract = abstract;
      const names = context.abstractNames;
      if (names && !names.includes(abstract)) {
        problems.push({
          code: 'unknown-abstract-variant',
          severity: 'warning',
          field: SUBMISSION_KEYS.abstract,
          value: abstract,
          validValues: [...names],
          message:
            names.length > 0
              ? `${named} names the abstract "${abstract}", which this talk doesn't have. Its abstracts are: ${names.join(', ')}.`
              : `${named} names the abstract "${abstract}", but this talk keeps no named abstracts. Add "abstracts: { ${abstract}: … }" or a "## Abstract (${abstract})" section.`,
          range: at([index, SUBMISSION_KEYS.abstract]),
          fixes: fixes(
            context,
            rankBySimilarity(abstract, names)
              .slice(0, 3)
              .map((n, i) => ({
                title: `Change the abstract to "${n}"`,
                preferred: i === 0,
                result: () => setFrontMatterListItemFields(context.text, SUBMISSIONS_FIELD, index, { abstract: n }),
              })),
          ),
        });
      }
    }

    if (submission.cfpDeadline && submission.notificationDate && submission.notificationDate < submission.cfpDeadline) {
      const swapped: Record<string, FrontMatterValue> = {
        [SUBMISSION_KEYS.cfpDeadline]: submission.notificationDate,
        [SUBMISSION_KEYS.notificationDate]: submission.cfpDeadline,
      };
      problems.push({
        code: 'notification-before-deadline',
        severity: 'warning',
        field: SUBMISSION_KEYS.notificationDate,
        message: `${named}: the notification date ${submission.notificationDate} is before the CFP deadline ${submission.cfpDeadline}. Calls answer after they close; are the two dates swapped?`,
        range: at([index, SUBMISSION_KEYS.notificationDate]),
        fixes: fixes(context, [
          {
            title: 'Swap the CFP deadline and the notification date',
            preferred: true,
            result: () => setFrontMatterListItemFields(context.text, SUBMISSIONS_FIELD, index, swapped),
          },
        ]),
      });
    }

    const key = event.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        code: 'duplicate-submission',
        severity: 'warning',
        field: SUBMISSION_KEYS.event,
        value: event,
        message: `${named} repeats submission ${first + 1}: a talk goes to an event once. Keep one entry, or name the events apart (e.g. add the year).`,
        range: at([index, SUBMISSION_KEYS.event]),
        fixes: fixes(context, [
          { title: `Remove this second entry for ${event}`, preferred: true, result: () => removeFrontMatterListItem(context.text, SUBMISSIONS_FIELD, index) },
        ]),
      });
    } else seen.set(key, index);
    submissions.push(submission);
  }
  return { submissions, problems };
}

interface FixRequest {
  title: string;
  preferred?: boolean;
  result: () => EditResult;
}

/** Works each fix out through the byte-exact editor; a fix it refuses is simply not offered. */
function fixes(context: SubmissionContext, requests: FixRequest[]): ProblemFix[] | undefined {
  const out: ProblemFix[] = [];
  for (const request of requests) {
    let result: EditResult;
    try {
      result = request.result();
    } catch {
      continue;
    }
    if (!result.ok || (result.edit.length === 0 && result.edit.newText === '')) continue;
    const lines = context.lines();
    const { offset, length, newText } = result.edit;
    const fix: ProblemFix = { title: request.title, range: { start: lines.positionAt(offset), end: lines.positionAt(offset + length) }, newText };
    if (request.preferred) fix.preferred = true;
    out.push(fix);
  }
  return out.length > 0 ? out : undefined;
}

function own(fields: Record<string, unknown>, key: string): unknown {
  return getOwn(fields, key);
}

/** A scalar as trimmed text, cut to a sane length; undefined when absent, blank or not a scalar. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().slice(0, MAX_TEXT) || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function isSubmissionStatus(status: string): status is SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(status);
}

/** `3 submitted · 1 accepted`: counts per status, in workflow order; empty for no submissions. */
export function submissionSummary(submissions: readonly Submission[]): string {
  const counts = new Map<string, number>();
  for (const s of submissions) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const known = SUBMISSION_STATUSES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  const unknown = [...counts].filter(([s]) => !isSubmissionStatus(s)).map(([s, n]) => `${n} ${s}`);
  return [...known, ...unknown].join(' · ');
}

/** What a submission date means to a person, for labels and calendars. */
export const SUBMISSION_DATE_LABELS = { cfp_deadline: 'CFP closes', notification_date: 'CFP answer due', event_date: 'Event' } as const;

export interface SubmissionDate extends DraftDate {
  submission: Submission;
}

/**
 * The dates of a submission that still matter, as draft dates whose field names the entry
 * (`submissions[1].cfp_deadline`). A closed submission has none. A deadline is missed only
 * while the submission is unsent; an event is due while the speaker is still going.
 */
export function activeSubmissionDates(submission: Submission): SubmissionDate[] {
  if (CLOSED_STATUSES.includes(submission.status)) return [];
  const dates: SubmissionDate[] = [];
  const add = (key: keyof typeof SUBMISSION_DATE_LABELS, date: string | undefined, deadline: boolean, show: boolean): void => {
    if (date && show) dates.push({ field: `${SUBMISSIONS_FIELD}[${submission.index}].${key}`, label: SUBMISSION_DATE_LABELS[key], date, deadline, submission });
  };
  add('cfp_deadline', submission.cfpDeadline, submission.status === 'draft', true);
  add('notification_date', submission.notificationDate, false, AWAITING_STATUSES.includes(submission.status));
  add('event_date', submission.eventDate, GOING_STATUSES.includes(submission.status), submission.status !== 'withdrawn');
  return dates;
}

/** Every date of a submission, whatever its status, for calendars. */
export function allSubmissionDates(submission: Submission): { key: keyof typeof SUBMISSION_DATE_LABELS; label: string; date: string }[] {
  const out: { key: keyof typeof SUBMISSION_DATE_LABELS; label: string; date: string }[] = [];
  if (submission.cfpDeadline) out.push({ key: 'cfp_deadline', label: SUBMISSION_DATE_LABELS.cfp_deadline, date: submission.cfpDeadline });
  if (submission.notificationDate) out.push({ key: 'notification_date', label: SUBMISSION_DATE_LABELS.notification_date, date: submission.notificationDate });
  if (submission.eventDate) out.push({ key: 'event_date', label: SUBMISSION_DATE_LABELS.event_date, date: submission.eventDate });
  return out;
}

export interface AcceptanceYear {
  year: string;
  accepted: number;
  decided: number;
  /** accepted / decided, from 0 to 1. */
  rate: number;
}

/**
 * Acceptance rate per year: accepted (with confirmed, delivered and declined) over decided.
 * A submission counts in the year of its event, else of its notification, else of its deadline;
 * one with no date at all is left out. Oldest year first.
 */
export function acceptanceByYear(submissionLists: Iterable<readonly Submission[] | undefined>): AcceptanceYear[] {
  const years = new Map<string, { accepted: number; decided: number }>();
  for (const list of submissionLists) {
    for (const s of list ?? []) {
      if (!DECIDED_STATUSES.includes(s.status)) continue;
      const date = s.eventDate ?? s.notificationDate ?? s.cfpDeadline;
      if (!date) continue;
      const year = date.slice(0, 4);
      const entry = years.get(year) ?? { accepted: 0, decided: 0 };
      entry.decided++;
      if (ACCEPTED_STATUSES.includes(s.status)) entry.accepted++;
      years.set(year, entry);
    }
  }
  return [...years].sort(([a], [b]) => a.localeCompare(b)).map(([year, { accepted, decided }]) => ({ year, accepted, decided, rate: decided === 0 ? 0 : accepted / decided }));
}

/** The input of Add Submission, as a caller passes it. */
export interface NewSubmissionInput {
  event?: unknown;
  cfpUrl?: unknown;
  cfpDeadline?: unknown;
  notificationDate?: unknown;
  eventDate?: unknown;
  status?: unknown;
  format?: unknown;
  abstract?: unknown;
  travel?: unknown;
}

export type NewSubmissionCheck = Result<{ fields: Record<string, FrontMatterValue> }>;

/**
 * Checks a new submission and gives the front-matter entry to append, keys in the documented
 * order. Refuses a second entry for an event the talk already has.
 */
export function newSubmissionEntry(input: NewSubmissionInput, existing: readonly Submission[]): NewSubmissionCheck {
  if (typeof input !== 'object' || input === null)
    return { ok: false, message: 'Add Submission takes { event, cfpUrl?, cfpDeadline?, notificationDate?, eventDate?, status?, format?, abstract? }.' };
  const event = typeof input.event === 'string' ? input.event.trim() : '';
  if (!event) return { ok: false, message: 'A submission needs an event: the conference or meetup the talk goes to.' };
  if (event.length > MAX_TEXT) return { ok: false, message: `The event name is ${event.length} characters; keep it under ${MAX_TEXT}.` };
  const key = event.toLowerCase().replace(/\s+/g, ' ');
  if (existing.some((s) => s.event.toLowerCase().replace(/\s+/g, ' ') === key)) {
    return { ok: false, message: `This talk already has a submission to ${event}. Change its status with Set Submission Status instead.` };
  }
  const fields: Record<string, FrontMatterValue> = { event };
  const optionalText = (value: unknown): string | undefined | false => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return false;
    return value.trim() || undefined;
  };
  const url = optionalText(input.cfpUrl);
  if (url === false || (url !== undefined && !isHttpUrl(url))) return { ok: false, message: 'cfpUrl must be an http:// or https:// address.' };
  if (url) fields[SUBMISSION_KEYS.cfpUrl] = url;
  for (const [name, key] of [
    ['cfpDeadline', SUBMISSION_KEYS.cfpDeadline],
    ['notificationDate', SUBMISSION_KEYS.notificationDate],
    ['eventDate', SUBMISSION_KEYS.eventDate],
  ] as const) {
    const value = input[name];
    if (value === undefined || value === null || value === '') continue;
    const parsed = parseDateValue(value);
    if (!parsed.ok) return { ok: false, message: `${name} ${parsed.message}.` };
    fields[key] = parsed.date;
  }
  const deadline = fields[SUBMISSION_KEYS.cfpDeadline];
  const notification = fields[SUBMISSION_KEYS.notificationDate];
  if (typeof deadline === 'string' && typeof notification === 'string' && notification < deadline) {
    return { ok: false, message: `The notification date ${notification} is before the CFP deadline ${deadline}; check the two dates.` };
  }
  const status = optionalText(input.status);
  if (status === false || (status !== undefined && !isSubmissionStatus(status.toLowerCase()))) {
    return { ok: false, message: `The status must be one of: ${SUBMISSION_STATUSES.join(', ')}.` };
  }
  fields[SUBMISSION_KEYS.status] = status?.toLowerCase() ?? 'draft';
  const format = optionalText(input.format);
  if (format === false) return { ok: false, message: 'format must be text, such as "30 min talk".' };
  if (format) fields[SUBMISSION_KEYS.format] = format;
  const abstract = optionalText(input.abstract);
  if (abstract === false) return { ok: false, message: 'abstract must name an abstract variant, such as "short".' };
  if (abstract) fields[SUBMISSION_KEYS.abstract] = abstract;
  const travel = optionalText(input.travel);
  if (travel === false || (travel !== undefined && !(TRAVEL_VALUES as readonly string[]).includes(travel.toLowerCase()))) {
    return { ok: false, message: `travel must be one of: ${TRAVEL_VALUES.join(', ')}.` };
  }
  if (travel) fields[SUBMISSION_KEYS.travel] = travel.toLowerCase();
  // Keys in the order the README documents, so a new entry reads like a hand-written one.
  const order = [
    SUBMISSION_KEYS.event,
    SUBMISSION_KEYS.cfpUrl,
    SUBMISSION_KEYS.cfpDeadline,
    SUBMISSION_KEYS.notificationDate,
    SUBMISSION_KEYS.eventDate,
    SUBMISSION_KEYS.status,
    SUBMISSION_KEYS.format,
    SUBMISSION_KEYS.abstract,
    SUBMISSION_KEYS.travel,
  ];
  const ordered: Record<string, FrontMatterValue> = {};
  for (const name of order) if (fields[name] !== undefined) ordered[name] = fields[name];
  return { ok: true, fields: ordered };
}

/** Finds a submission by its event, ignoring case and spacing. */
export function findSubmission(submissions: readonly Submission[] | undefined, event: string): Submission | undefined {
  const key = event.trim().toLowerCase().replace(/\s+/g, ' ');
  return submissions?.find((s) => s.event.toLowerCase().replace(/\s+/g, ' ') === key);
}

/**
 * Where the submission to an event sits in a file's current text. Edits look it up again in
 * the text they change, so an entry added or removed since the last scan can't shift them.
 */
export function submissionIndexIn(text: string, event: string): number | undefined {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') return undefined;
  const list = parseFrontMatter(text, location.block).data[SUBMISSIONS_FIELD];
  if (!Array.isArray(list)) return undefined;
  const key = event.trim().toLowerCase().replace(/\s+/g, ' ');
  const index = list.findIndex((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return false;
    const written = (entry as Record<string, unknown>)[SUBMISSION_KEYS.event];
    return (typeof written === 'string' || typeof written === 'number') && String(written).trim().toLowerCase().replace(/\s+/g, ' ') === key;
  });
  return index < 0 ? undefined : index;
}

/**
 * A talk's own `event:` and dates often describe the same event as one of its submissions;
 * views and calendars show such a date once, as the talk's.
 */
export function repeatsTalkDate(draft: Pick<Draft, 'dates' | 'fields'>, key: string, date: string, event: string): boolean {
  const own = draft.fields.event;
  const sameEvent = own === undefined || (typeof own === 'string' && own.trim().toLowerCase() === event.trim().toLowerCase());
  return sameEvent && draft.dates.some((d) => d.field === key && d.date === date);
}
