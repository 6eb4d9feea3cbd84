import * as l10n from '@vscode/l10n';
// Product feedback an advocate brings back from events and conversations, kept in the front
// matter of the draft it came from (`feedback:`), so it can be followed up until the product
// team has answered it one way or another.

import { readEntryList, type EntryList } from './util/entryList';
import { isHttpUrl, optionalText } from './util/strings';
import { requiredDate } from './dates';
import { locateFrontMatter, parseFrontMatter } from './frontMatter/parse';
import type { FeedbackEntry } from './types';
import { type Result } from './util/result';

export const FEEDBACK_FIELD = 'feedback';

/** In the order feedback moves through; `declined` is an answer too, just not the hoped-for one. */
export const FEEDBACK_STATUSES = ['open', 'acknowledged', 'planned', 'shipped', 'declined'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export function isFeedbackStatus(status: string): status is FeedbackStatus {
  return (FEEDBACK_STATUSES as readonly string[]).includes(status);
}

/** A summary longer than this belongs in the draft's body, with the entry linking to it. */
export const MAX_FEEDBACK_SUMMARY = 500;

/** Entries kept but looking wrong are warnings: an unknown status. */
export type ParsedFeedback = EntryList<FeedbackEntry>;

/**
 * Reads a front-matter `feedback:` list. An entry without a summary or with a bad date or link is
 * left out and reported; an unknown status is kept as written and reported, like a submission's.
 */
export function parseFeedbackEntries(value: unknown): ParsedFeedback {
  const words = {
    entry: l10n.t('Feedback entry'),
    notAList: l10n.t('feedback must be a list of entries, each with a summary and a date.'),
    fields: l10n.t('summary, date, status and optionally area and link'),
  };
  return readEntryList(value, words, (fields, index) => {
    const checked = checkFeedback(fields);
    if (!checked.ok) return checked;
    const entry: FeedbackEntry = { ...checked.entry, index };
    return isFeedbackStatus(entry.status)
      ? { ok: true, entry }
      : { ok: true, entry, warning: l10n.t('unknown status "{0}"; use one of {1}', entry.status, FEEDBACK_STATUSES.join(', ')) };
  });
}

type FeedbackCheck = { ok: true; entry: Omit<FeedbackEntry, 'index'> } | { ok: false; issues: string[] };

function checkFeedback(fields: Record<string, unknown>): FeedbackCheck {
  const issues: string[] = [];
  const summary = optionalText(fields.summary);
  if (summary === undefined) issues.push(l10n.t('summary is missing; say in a sentence what the developers asked for'));
  else if (summary === false) issues.push(l10n.t('summary must be text'));
  else if (summary.length > MAX_FEEDBACK_SUMMARY) issues.push(l10n.t('summary is {0} characters; keep it under {1} and link to the details', summary.length, MAX_FEEDBACK_SUMMARY));
  const when = requiredDate(fields.date);
  const date = when.ok ? when.date : undefined;
  if (!when.ok) issues.push(when.issue);
  const status = fields.status === undefined || fields.status === null || fields.status === '' ? 'open' : optionalText(fields.status);
  if (status === false || status === undefined) issues.push(l10n.t('status must be text such as open'));
  const area = optionalText(fields.area);
  if (area === false) issues.push(l10n.t('area must be text'));
  const link = optionalText(fields.link);
  if (link === false) issues.push(l10n.t('link must be text'));
  else if (link !== undefined && !isHttpUrl(link)) issues.push(l10n.t('link "{0}" must be an http:// or https:// address', link));
  if (issues.length > 0 || typeof summary !== 'string' || date === undefined || typeof status !== 'string') return { ok: false, issues };
  const entry: Omit<FeedbackEntry, 'index'> = { summary, status: status.toLowerCase(), date };
  if (typeof area === 'string') entry.area = area;
  if (typeof link === 'string') entry.link = link;
  return { ok: true, entry };
}

/** What Log Feedback collected, as a caller passes it. */
export interface NewFeedbackInput {
  summary?: unknown;
  area?: unknown;
  link?: unknown;
  /** `YYYY-MM-DD`; today when absent. */
  date?: unknown;
  status?: unknown;
}

/** Checks Log Feedback's input with the front matter's rules; a future date is refused, as for impact. */
export function newFeedbackEntry(input: NewFeedbackInput, today: string): Result<{ entry: Omit<FeedbackEntry, 'index'> }> {
  const date = input.date === undefined || input.date === null || (typeof input.date === 'string' && input.date.trim() === '') ? today : input.date;
  const checked = checkFeedback({ summary: input.summary, area: input.area, link: input.link, date, status: input.status });
  if (!checked.ok) return { ok: false, message: sentence(checked.issues.join('; ')) };
  if (!isFeedbackStatus(checked.entry.status)) {
    return { ok: false, message: l10n.t('"{0}" is not a feedback status. Use one of: {1}.', checked.entry.status, FEEDBACK_STATUSES.join(', ')) };
  }
  if (checked.entry.date > today) return { ok: false, message: l10n.t('The date {0} is after today; log feedback once it was given.', checked.entry.date) };
  return { ok: true, entry: checked.entry };
}

function sentence(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1) + '.';
}

/** The entry as front-matter data, in the order people write it. */
export function feedbackEntryFields(entry: Omit<FeedbackEntry, 'index'>): Record<string, string | undefined> {
  return { summary: entry.summary, status: entry.status, area: entry.area, link: entry.link, date: entry.date };
}

/**
 * Where an entry sits in a file's current text, found by its summary (and, among equal
 * summaries, the one nearest the index it had when last read): edits look it up again in the
 * text they change, so an entry added or removed since the last scan can't shift them.
 */
export function feedbackIndexIn(text: string, summary: string, hint?: number): number | undefined {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') return undefined;
  const list = parseFrontMatter(text, location.block).data[FEEDBACK_FIELD];
  if (!Array.isArray(list)) return undefined;
  const key = normalise(summary);
  const matches: number[] = [];
  list.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    const written = (entry as Record<string, unknown>).summary;
    if ((typeof written === 'string' || typeof written === 'number') && normalise(String(written)) === key) matches.push(index);
  });
  if (matches.length === 0) return undefined;
  if (hint === undefined) return matches[0];
  return matches.reduce((best, index) => (Math.abs(index - hint) < Math.abs(best - hint) ? index : best));
}

function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}
