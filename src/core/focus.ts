import * as l10n from '@vscode/l10n';
// Quality over quantity: a few pieces of work in flight at once, and a warning when the
// calendar fills up. The limits only warn; nothing here stops anyone from working.

import { addDays, daysBetween } from './dates';
import { isActive, isFinished, isWaiting } from './kinds/workflow';
import { isParked } from './parked';
import { nextDate } from './schedule';
import type { Draft, DraftDate, KindDefinition } from './types';
import { getOwn } from './util/objects';

export const DEFAULT_MAX_ACTIVE = 3;
export const DEFAULT_MAX_DEADLINES_PER_14_DAYS = 4;
export const DEADLINE_WINDOW_DAYS = 14;

/**
 * The dates that crowd a calendar: CFP closings, events and publishes, by the field a kind
 * declares (a `date` read in place of `publish_date` counts as a publish). Due dates are left
 * out: they are self-set and can move; these three are commitments to other people. A date
 * its kind marks as no deadline, such as the event a trip report is about, is left out too:
 * the talk or workshop at that event already counts it.
 */
export const FOCUS_DATE_FIELDS: readonly string[] = ['cfp_deadline', 'event_date', 'publish_date'];

/** Work in hand: an active status, not parked. Only these count against the focus limit. */
export function isInHand(draft: Draft, kind: KindDefinition | undefined): boolean {
  return !isParked(draft) && isActive(kind, draft.status);
}

/** How to turn the focus warning off, for every message that warns. */
export const FOCUS_OFF_HINT = 'To turn this warning off, set Focus: Max Drafts In Hand to 0.';

export interface FocusOptions {
  /** How many drafts may be in hand at once; null or 0 turns the limit off. */
  maxActive: number | null;
  /** How many CFP closings, events and publishes may fall in the next 14 days; null or 0 turns it off. */
  maxDeadlinesPer14Days: number | null;
  today: string;
}

export interface FocusDeadline {
  draft: Draft;
  date: DraftDate;
  /** Days from today, 0 to 13. */
  days: number;
}

export interface FocusState {
  /** Drafts in hand: in a status the advocate works in, and not parked. */
  active: Draft[];
  /** Drafts in flight that wait on others (submitted, scheduled, pr-open), not parked; never load. */
  waiting: Draft[];
  /** Drafts set aside with Park, whatever their status, until resumed; finished ones left out. */
  parked: Draft[];
  activeCount: number;
  /** The limit in use after checking the setting; null when off. */
  maxActive: number | null;
  overActive: boolean;
  deadlines: FocusDeadline[];
  maxDeadlines: number | null;
  overDeadlines: boolean;
  /** `Focus 2/3`, or `Focus 2` with the limit off. */
  statusText: string;
  warnings: string[];
}

export function focusState(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, options: FocusOptions): FocusState {
  const warnings: string[] = [];
  const maxActive = readLimit(options.maxActive, 'devrel.focus.maxDraftsInHand', warnings);
  const maxDeadlines = readLimit(options.maxDeadlinesPer14Days, 'devrel.focus.maxDeadlinesInTwoWeeks', warnings);
  const active = drafts.filter((d) => isInHand(d, kindOf(kinds, d.kind)));
  const waiting = drafts.filter((d) => !isParked(d) && isWaiting(kindOf(kinds, d.kind), d.status));
  const parked = drafts.filter((d) => isParked(d) && !isFinished(kindOf(kinds, d.kind), d.status));
  const deadlines = focusDeadlines(drafts, kinds, options.today);
  const overActive = maxActive !== null && active.length > maxActive;
  const overDeadlines = maxDeadlines !== null && deadlines.length > maxDeadlines;
  if (overActive) {
    warnings.push(l10n.t('{0} drafts in hand; your focus limit is {1}. Use “Park a draft…” to set one aside.', active.length, maxActive));
  }
  if (overDeadlines) {
    warnings.push(
      l10n.t('{0} CFP closings, events and publishes fall in the next {1} days; your limit is {2}. Consider moving one.', deadlines.length, DEADLINE_WINDOW_DAYS, maxDeadlines),
    );
  }
  return {
    active,
    waiting,
    parked,
    activeCount: active.length,
    maxActive,
    overActive,
    deadlines,
    maxDeadlines,
    overDeadlines,
    statusText: maxActive === null ? `Focus ${active.length}` : `Focus ${active.length}/${maxActive}`,
    warnings,
  };
}

/** A limit from settings: a whole number of 1 or more; 0 or null is off. Anything else turns it off, with a warning. */
function readLimit(value: number | null, setting: string, warnings: string[]): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    warnings.push(l10n.t('{0} must be a whole number of 1 or more, or 0 to turn it off; the limit is off.', setting));
    return null;
  }
  return Math.floor(value) === 0 ? null : Math.floor(value);
}

/** The limit in use for a setting's value: null when off (0, null, or not a usable number). */
export function focusLimit(value: number | null): number | null {
  return value === null || !Number.isFinite(value) || value < 1 ? null : Math.floor(value);
}

/**
 * CFP closings, events and publishes of unfinished drafts from today through the 13th day
 * after it: fourteen days, today included, as "this week" is seven days with today.
 */
export function focusDeadlines(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, today: string): FocusDeadline[] {
  const last = addDays(today, DEADLINE_WINDOW_DAYS - 1);
  const found: FocusDeadline[] = [];
  for (const draft of drafts) {
    const kind = kindOf(kinds, draft.kind);
    if (isFinished(kind, draft.status)) continue;
    for (const date of draft.dates) {
      if (!date.deadline || date.date < today || date.date > last) continue;
      const field = canonicalField(kind, date.field);
      if (!FOCUS_DATE_FIELDS.includes(field)) continue;
      if (field === 'cfp_deadline' && isSubmitted(kind, draft.status)) continue;
      found.push({ draft, date, days: daysBetween(today, date.date) });
    }
  }
  return found.sort((a, b) => a.date.date.localeCompare(b.date.date) || a.draft.title.localeCompare(b.draft.title));
}

/** An own kind only: a draft of kind `constructor` must not find Object's. */
function kindOf(kinds: Readonly<Record<string, KindDefinition>>, id: string): KindDefinition | undefined {
  return getOwn(kinds, id);
}

function canonicalField(kind: KindDefinition | undefined, field: string): string {
  const definition = kind?.dateFields.find((d) => d.field === field || d.alternatives?.includes(field));
  return definition?.field ?? field;
}

/** A closing CFP is no work once the draft has been submitted to it, the same rule as for overdue dates. */
function isSubmitted(kind: KindDefinition | undefined, status: string): boolean {
  const submitted = kind?.statuses.indexOf('submitted') ?? -1;
  return submitted >= 0 && (kind as KindDefinition).statuses.indexOf(status) >= submitted;
}

export interface FocusChange {
  /** The draft being advanced; absent when creating one. */
  uri?: string;
  /** For the message; the draft's own title is used when absent. */
  title?: string;
  kind: string;
  /** The status before the change; read from the draft when absent. */
  fromStatus?: string;
  toStatus: string;
}

export interface FocusCheck {
  exceeds: boolean;
  /** Active drafts once the change is made. */
  activeAfter: number;
  /** The non-modal warning to show when `exceeds`. */
  message?: string;
}

/**
 * Whether creating or moving a draft takes the work in hand over the limit. Only the change
 * that crosses it warns: one that adds a draft in hand while at the limit. Moving between two
 * active statuses doesn't add load, and once over, further starts aren't warned about again
 * until the count has come back down; the status bar keeps showing it meanwhile.
 */
export function wouldExceedFocus(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, change: FocusChange, maxActive: number | null): FocusCheck {
  const kind = kindOf(kinds, change.kind);
  const existing = change.uri === undefined ? undefined : drafts.find((d) => d.uri === change.uri);
  const fromStatus = change.fromStatus ?? existing?.status;
  const parked = existing !== undefined && isParked(existing);
  const wasActive = fromStatus !== undefined && !parked && isActive(kind, fromStatus);
  // A parked draft stays parked through a status change; it comes back with Resume.
  const becomesActive = !parked && isActive(kind, change.toStatus);
  const others = drafts.filter((d) => d.uri !== change.uri && isInHand(d, kindOf(kinds, d.kind))).length;
  const activeAfter = others + (becomesActive ? 1 : 0);
  const limit = focusLimit(maxActive);
  const exceeds = limit !== null && becomesActive && !wasActive && activeAfter > limit && others <= limit;
  if (!exceeds) return { exceeds, activeAfter };
  const title = change.title ?? existing?.title ?? 'this draft';
  const message =
    fromStatus === undefined
      ? l10n.t('Creating “{0}” makes {1} drafts in hand; your focus limit is {2}.', title, activeAfter, limit)
      : isFinished(kind, fromStatus)
        ? l10n.t('Reopening “{0}” makes {1} drafts in hand; your focus limit is {2}.', title, activeAfter, limit)
        : l10n.t('Starting “{0}” makes {1} drafts in hand; your focus limit is {2}.', title, activeAfter, limit);
  return { exceeds, activeAfter, message };
}

/** Whether resuming a parked draft takes the work in hand over the limit; the same crossing rule. */
export function wouldExceedOnResume(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, draft: Draft, maxActive: number | null): FocusCheck {
  const kind = kindOf(kinds, draft.kind);
  const others = drafts.filter((d) => d.uri !== draft.uri && isInHand(d, kindOf(kinds, d.kind))).length;
  const becomesActive = isActive(kind, draft.status);
  const activeAfter = others + (becomesActive ? 1 : 0);
  const limit = focusLimit(maxActive);
  const exceeds = limit !== null && becomesActive && activeAfter > limit && others <= limit;
  if (!exceeds) return { exceeds, activeAfter };
  return { exceeds, activeAfter, message: l10n.t('Resuming “{0}” makes {1} drafts in hand; your focus limit is {2}.', draft.title, activeAfter, limit) };
}

export interface ParkCandidate {
  draft: Draft;
  /** The date that makes it urgent, if any. */
  nextDate?: DraftDate;
}

/**
 * Drafts in hand for "Park one", least urgent first: drafts with no date ahead or overdue,
 * then the furthest next date. Overdue work sorts last, since its date is the nearest of all.
 */
export function parkCandidates(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, today: string): ParkCandidate[] {
  const candidates: ParkCandidate[] = [];
  for (const draft of drafts) {
    const kind = kindOf(kinds, draft.kind);
    if (!kind || !isInHand(draft, kind)) continue;
    const date = nextDate(draft, kind, today);
    candidates.push(date ? { draft, nextDate: date } : { draft });
  }
  const far = '9999-99-99';
  return candidates.sort(
    (a, b) =>
      (b.nextDate?.date ?? far).localeCompare(a.nextDate?.date ?? far) ||
      a.draft.title.localeCompare(b.draft.title) ||
      (a.draft.uri < b.draft.uri ? -1 : a.draft.uri > b.draft.uri ? 1 : 0),
  );
}
