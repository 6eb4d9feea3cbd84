// What the agent tools answer: short plain text a model reads in its context window, built from
// the same data the views show. Paths are workspace-relative so the model can hand them back.

import { daysBetween } from '../dates';
import { isParked } from '../parked';
import type { MetricDefinition } from '../impact';
import { isFinished } from '../kinds/workflow';
import { buildImpactReport, formatNumber, type ImpactReport } from '../report/build';
import { resolvePeriod } from '../report/period';
import { describeDraft, isOverdue, lowerLabel, nextDate, relativeDay, upcoming, UPCOMING_GROUP_LABELS } from '../schedule';
import type { Draft, KindDefinition } from '../types';
import { hasOwn } from '../util/objects';
import { compareText } from '../util/strings';

type Kinds = Readonly<Record<string, KindDefinition>>;

export interface ListDraftsInput {
  kind?: string;
  status?: string;
  activeOnly?: boolean;
  limit?: number;
}

export const DEFAULT_LIST_LIMIT = 50;

/** The drafts that pass the filters, nearest date first, one line each. */
export function listDraftsText(drafts: readonly Draft[], kinds: Kinds, input: ListDraftsInput, today: string): string {
  const unknown = input.kind !== undefined ? unknownKindText(input.kind, kinds) : undefined;
  if (unknown) return unknown;
  const status = input.status?.trim();
  const matching = drafts.filter(
    (d) =>
      (input.kind === undefined || d.kind === input.kind.trim()) &&
      (status === undefined || d.status.toLowerCase() === status.toLowerCase()) &&
      (!input.activeOnly || (!isFinished(getKind(kinds, d.kind), d.status) && !isParked(d))),
  );
  const filters = [
    input.kind !== undefined ? `kind ${input.kind.trim()}` : undefined,
    status !== undefined ? `status ${status}` : undefined,
    input.activeOnly ? 'not finished or parked' : undefined,
  ].filter((f): f is string => f !== undefined);
  const scope = filters.length > 0 ? ` (${filters.join(', ')})` : '';
  if (matching.length === 0) {
    const hint = status !== undefined ? statusHint(status, input.kind, kinds) : '';
    return `No drafts${scope}. The workspace has ${drafts.length} draft${drafts.length === 1 ? '' : 's'} in all.${hint}`;
  }
  const dated = matching.map((draft) => ({ draft, date: nextDate(draft, getKind(kinds, draft.kind), today)?.date ?? '9999-12-31' }));
  dated.sort((a, b) => compareText(a.date, b.date) || compareText(a.draft.title, b.draft.title) || compareText(a.draft.relativePath, b.draft.relativePath));
  const limit = input.limit ?? DEFAULT_LIST_LIMIT;
  const shown = dated.slice(0, limit);
  const head = `${matching.length} draft${matching.length === 1 ? '' : 's'}${scope}${matching.length > shown.length ? `, the ${shown.length} with the nearest dates shown` : ''}:`;
  return [head, ...shown.map(({ draft }) => draftLine(draft, kinds, today))].join('\n');
}

function draftLine(draft: Draft, kinds: Kinds, today: string): string {
  const kind = getKind(kinds, draft.kind);
  const flags = [
    isOverdue(draft, kind, today) ? 'OVERDUE' : undefined,
    isParked(draft) ? 'parked' : undefined,
    draft.problems.length > 0 ? `${draft.problems.length} problem${draft.problems.length === 1 ? '' : 's'}` : undefined,
  ].filter((f): f is string => f !== undefined);
  return `- "${draft.title}" [${draft.kind}] ${draft.relativePath}: ${describeDraft(draft, kind, today)}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
}

export interface DeadlinesInput {
  days?: number;
  kind?: string;
  includeOverdue?: boolean;
}

export const DEFAULT_DEADLINE_DAYS = 30;

/** The Upcoming view's items within `days`, grouped as it groups them. */
export function upcomingDeadlinesText(drafts: readonly Draft[], kinds: Kinds, input: DeadlinesInput, today: string): string {
  const unknown = input.kind !== undefined ? unknownKindText(input.kind, kinds) : undefined;
  if (unknown) return unknown;
  const days = input.days ?? DEFAULT_DEADLINE_DAYS;
  const includeOverdue = input.includeOverdue ?? true;
  const kind = input.kind?.trim();
  const items = upcoming(drafts, kinds as Record<string, KindDefinition>, today).filter(
    (item) => (kind === undefined || item.draft.kind === kind) && (item.group === 'overdue' ? includeOverdue : item.days < days),
  );
  const window = `in the next ${days} day${days === 1 ? '' : 's'}${kind !== undefined ? ` for ${kind} drafts` : ''}`;
  if (items.length === 0) return `Nothing is due ${window}${includeOverdue ? ', and nothing is overdue' : ''}. Today is ${today}.`;
  const lines = [`${items.length} date${items.length === 1 ? '' : 's'} ${includeOverdue ? `overdue or ${window}` : window}; today is ${weekday(today)} ${today}.`];
  let group: string | undefined;
  for (const item of items) {
    if (item.group !== group) {
      group = item.group;
      lines.push(`${UPCOMING_GROUP_LABELS[item.group]}:`);
    }
    const what = item.submission ? `${lowerLabel(item.date.label)} (${item.submission.event}, ${item.submission.status})` : lowerLabel(item.date.label);
    lines.push(
      `- ${weekday(item.date.date)} ${item.date.date} (${relativeDay(item.days)}): ${what}, "${item.draft.title}" [${item.draft.kind}, ${item.draft.status}] ${item.draft.relativePath}`,
    );
  }
  return lines.join('\n');
}

export interface ImpactSummaryInput {
  from?: string;
  to?: string;
}

/** The impact report for the period, told in a few lines; a period with nothing in it says so. */
export function impactSummaryText(drafts: readonly Draft[], kinds: Kinds, metrics: Readonly<Record<string, MetricDefinition>>, input: ImpactSummaryInput, today: string): string {
  const resolved = resolvePeriod(input, today);
  if (!resolved.ok) return `No summary: ${resolved.message}`;
  const built = buildImpactReport(drafts, { period: resolved.period, previous: resolved.previous, kinds, metrics });
  if (!built.ok) return `No impact for ${resolved.period.label}. ${built.problems.map((p) => p.message.replace(/ with DevRel: Log Impact…/, ' with devrel_logImpact')).join(' ')}`;
  return reportText(built.report);
}

const TOP_WORKS = 5;

function reportText(report: ImpactReport): string {
  const { period, previous } = report;
  const span = period.label === `${period.from} to ${period.to}` ? period.label : `${period.label}, ${period.from} to ${period.to}`;
  const lines = [`Impact for ${span}, compared with ${previous.label}:`];
  if (report.totals.length === 0) lines.push('- No metrics logged in either period.');
  for (const total of report.totals) lines.push(`- ${total.label}: ${formatNumber(total.current)} ${total.unit} (before: ${formatNumber(total.previous)})`);
  if (report.byKind.length > 0) {
    lines.push(
      `By kind: ${report.byKind.map((k) => `${k.label} ${k.works} piece${k.works === 1 ? '' : 's'}${k.reach > 0 ? `, reach ${formatNumber(k.reach)}` : ''}`).join('; ')}.`,
    );
  }
  const top = [...report.rows].filter((r) => r.achieved !== '').sort((a, b) => b.reach - a.reach || compareText(a.title, b.title));
  if (top.length > 0) {
    lines.push('Top work:');
    for (const row of top.slice(0, TOP_WORKS)) lines.push(`- "${row.title}" [${row.kind}, ${row.status}] ${row.path}: ${row.achieved}`);
    if (top.length > TOP_WORKS) lines.push(`- and ${top.length - TOP_WORKS} more`);
  }
  const facts = [
    `talks given ${report.talks.given.length} (before: ${report.talks.previousGiven})`,
    report.talks.decided > 0 ? `CFP acceptance ${report.talks.accepted}/${report.talks.decided}` : undefined,
    `posts published ${report.posts.published.length} (before: ${report.posts.previousPublished})`,
    report.oss.merged.length > 0 || report.oss.previousMerged > 0 ? `OSS merged ${report.oss.merged.length} (before: ${report.oss.previousMerged})` : undefined,
    report.feedback.entries.length > 0 ? `product feedback ${report.feedback.entries.length}, ${report.feedback.byStatus.shipped ?? 0} shipped` : undefined,
    `work finished ${report.quality.done} (before: ${report.quality.previousDone})`,
  ].filter((f): f is string => f !== undefined);
  lines.push(`Also: ${facts.join('; ')}.`);
  for (const problem of report.problems) lines.push(`Note: ${problem.message}`);
  return lines.join('\n');
}

/** A kind filter or new draft that names no kind the workspace knows: the ids it does know. */
export function unknownKindText(kind: string, kinds: Kinds): string | undefined {
  if (hasOwn(kinds, kind.trim())) return undefined;
  return `"${kind}" is not a kind this workspace knows. Use one of: ${Object.keys(kinds).join(', ')}.`;
}

function statusHint(status: string, kind: string | undefined, kinds: Kinds): string {
  const candidates = kind !== undefined ? [getKind(kinds, kind.trim())].filter((k): k is KindDefinition => k !== undefined) : Object.values(kinds);
  if (candidates.some((k) => k.statuses.includes(status))) return '';
  const statuses = [...new Set(candidates.flatMap((k) => k.statuses))];
  return ` "${status}" is not a status of ${kind !== undefined ? `the ${kind} workflow` : 'any workflow'}; statuses are: ${statuses.join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------
// The write tools: what the person confirms, and what the model is told afterwards.

export interface Confirmation {
  title: string;
  message: string;
  /** Shown while the tool runs. */
  invocation: string;
}

export function createDraftConfirmation(input: { kind: string; title: string; folder?: string }, kindLabel: string | undefined): Confirmation {
  const what = (kindLabel ?? input.kind).toLowerCase();
  const where = input.folder !== undefined ? ` in ${input.folder}` : ` in the folder for ${what}s`;
  return {
    title: `Create a ${what}?`,
    message: `Create a new ${what} "${input.title.trim()}" from its template${where}, and open it.`,
    invocation: `Creating ${what} "${input.title.trim()}"`,
  };
}

export function createdDraftText(kindLabel: string | undefined, kind: string, title: string, path: string | undefined): string {
  const what = (kindLabel ?? kind).toLowerCase();
  return path !== undefined ? `Created the ${what} "${title.trim()}" at ${path}, and opened it.` : `The ${what} "${title.trim()}" was not created: nothing was written.`;
}

export interface DraftSummary {
  title: string;
  path: string;
  status: string;
}

export function logImpactConfirmation(
  draft: DraftSummary,
  input: { metric: string; value: number; note?: string; link?: string; date?: string },
  metric: MetricDefinition | undefined,
): Confirmation {
  const figure = `${formatNumber(input.value)} ${metric?.unit ?? input.metric}`;
  const extras = [
    input.date !== undefined ? `for ${input.date}` : undefined,
    input.note !== undefined ? `note "${input.note}"` : undefined,
    input.link !== undefined ? `link ${input.link}` : undefined,
  ].filter((e): e is string => e !== undefined);
  return {
    title: 'Log impact?',
    message: `Add ${figure}${extras.length > 0 ? ` (${extras.join(', ')})` : ''} to the impact log of "${draft.title}" (${draft.path}).`,
    invocation: `Logging ${figure} on "${draft.title}"`,
  };
}

export function loggedImpactText(draft: DraftSummary, input: { metric: string; value: number }, metric: MetricDefinition | undefined, logged: boolean): string {
  const figure = `${formatNumber(input.value)} ${metric?.unit ?? input.metric}`;
  return logged ? `Logged ${figure} on "${draft.title}" (${draft.path}).` : `Nothing was logged on "${draft.title}".`;
}

export function setStatusConfirmation(draft: DraftSummary, status: string): Confirmation {
  return {
    title: 'Set status?',
    message: `Move "${draft.title}" (${draft.path}) from ${draft.status} to ${status.trim()}.`,
    invocation: `Setting "${draft.title}" to ${status.trim()}`,
  };
}

export function statusSetText(draft: DraftSummary, status: string, changed: boolean): string {
  return changed ? `"${draft.title}" (${draft.path}) is now ${status.trim()}; it was ${draft.status}.` : `"${draft.title}" is still ${draft.status}: nothing was changed.`;
}

/** A write that failed: the reason, and that the file is as it was. */
export function failedText(action: string, reason: string): string {
  return `${action} failed: ${reason} Nothing was changed.`;
}

function getKind(kinds: Kinds, id: string): KindDefinition | undefined {
  return hasOwn(kinds, id) ? kinds[id] : undefined;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function weekday(date: string): string {
  return WEEKDAYS[((daysBetween('1970-01-04', date) % 7) + 7) % 7];
}
