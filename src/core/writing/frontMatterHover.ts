// Hovers in a draft's front matter, as Markdown text: what a date means from today, where a status
// sits in its workflow, how the timed sections fill the slot, and what an impact metric adds up to.

import { daysBetween, parseDateValue } from '../dates';
import { FEEDBACK_FIELD, FEEDBACK_STATUSES } from '../feedback';
import { parseFrontMatter } from '../frontMatter/parse';
import { parseImpactEntries, type MetricDefinition } from '../impact';
import { relativeDay } from '../schedule';
import { SUBMISSION_DATE_LABELS, SUBMISSION_KEYS, SUBMISSIONS_FIELD, SUBMISSION_STATUSES } from '../talks/submissions';
import type { ImpactEntry, KindDefinition } from '../types';
import { getOwn, hasOwn } from '../util/objects';
import { humanise, SHORT_MONTH_NAMES } from '../util/strings';
import { fieldAt, type FieldAt } from './frontMatterContext';
import { dateLabel, describe, describeEntryKey, keysForKind } from './frontMatterKeys';

export interface HoverFacts {
  kinds: Readonly<Record<string, KindDefinition>>;
  metrics: Readonly<Record<string, MetricDefinition>>;
  /** `YYYY-MM-DD`, the person's local day. */
  today: string;
  /** The draft's kind as the index knows it, for front matter that names none. */
  kind?: string;
  /** The body's timed sections, as the index counted them: their minutes added up and how many there are. */
  talk?: { plannedMinutes: number; sections: number };
}

export interface FrontMatterHover {
  /** Markdown. */
  markdown: string;
  /** Offsets of the field the hover is about. */
  start: number;
  end: number;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The hover for the field under `offset`; undefined where there is nothing to say. Never throws. */
export function frontMatterHover(text: string, offset: number, facts: HoverFacts): FrontMatterHover | undefined {
  let field: FieldAt | undefined;
  try {
    field = fieldAt(text, offset);
    if (!field) return undefined;
    const markdown = hoverText(text, field, facts);
    return markdown === undefined ? undefined : { markdown, start: field.start, end: field.end };
  } catch {
    return undefined;
  }
}

function hoverText(text: string, field: FieldAt, facts: HoverFacts): string | undefined {
  const parents =
    field.parents.length > 0 && (field.parents[0].key === 'extra' || field.parents[0].key === 'taxonomies') && !field.parents[0].item ? field.parents.slice(1) : field.parents;
  const kindId = field.kind ?? facts.kind;
  const kind = kindId === undefined ? undefined : getOwn(facts.kinds, kindId);
  if (parents.length === 0) {
    if (field.key === 'status' && kind) return workflowLines(kind.label, kind.statuses, field.value, kind.sideStatuses);
    if (field.key === 'kind') {
      const named = getOwn(facts.kinds, field.value);
      return named
        ? workflowLines(named.label, named.statuses, undefined, named.sideStatuses)
        : `${code(field.value)} is not a kind. Kinds: ${Object.keys(facts.kinds).join(', ')}.`;
    }
    if (field.key === 'duration') return durationText(field.value, facts.talk);
    if (field.key === 'impact') return impactTotalsText(text, field, facts.metrics);
    const info = describe(field.key) ?? keysForKind(kindId, facts.kinds).find((k) => k.key === field.key);
    if (info?.shape === 'date') return dateText(dateLabel(field.key, kind) ?? info.key, field.value, facts.today);
    return undefined;
  }
  if (parents.length !== 1 || !parents[0].item) return undefined;
  const list = parents[0].key;
  if (list === 'impact' && field.key === 'metric') return metricTotalText(text, field, field.value, facts.metrics);
  if (list === SUBMISSIONS_FIELD && field.key === SUBMISSION_KEYS.status) return workflowLines('Submission', SUBMISSION_STATUSES, field.value);
  if (list === FEEDBACK_FIELD && field.key === 'status') return workflowLines('Feedback', FEEDBACK_STATUSES, field.value);
  const entryKey = describeEntryKey(list, field.key);
  if (entryKey?.shape === 'date') {
    const label = list === SUBMISSIONS_FIELD ? getOwn(SUBMISSION_DATE_LABELS, field.key) : undefined;
    return dateText(label ?? humanise(field.key), field.value, facts.today);
  }
  return undefined;
}

/**
 * A workflow as a numbered list with `current` marked: the hover of a status, and the
 * documentation of each status offered by completion.
 */
export function workflowLines(label: string, statuses: readonly string[], current: string | undefined, side?: readonly string[]): string {
  const lines = [`**${escape(label)} workflow**`, ''];
  statuses.forEach((status, index) => {
    const outcome = side?.includes(status) ? ' (an outcome, not a step)' : '';
    lines.push(status === current ? `${index + 1}. **${escape(status)}** ← here${outcome}` : `${index + 1}. ${escape(status)}${outcome}`);
  });
  if (current !== undefined && current !== '' && !statuses.includes(current)) lines.push('', `${code(current)} is not in this workflow.`);
  return lines.join('\n');
}

/** "Tue 15 Dec, in 13 days"; the year is added when it is not this year's. */
export function describeDate(date: string, today: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = WEEKDAY_NAMES[day.getUTCDay()];
  const month = SHORT_MONTH_NAMES[day.getUTCMonth()];
  const year = date.slice(0, 4) === today.slice(0, 4) ? '' : ` ${date.slice(0, 4)}`;
  return `${weekday} ${day.getUTCDate()} ${month}${year}, ${relativeDay(daysBetween(today, date))}`;
}

function dateText(label: string, value: string, today: string): string | undefined {
  if (value === '') return undefined;
  const parsed = parseDateValue(value);
  if (!parsed.ok) return `**${escape(label)}**: ${code(value)} is not a date. Write it as YYYY-MM-DD.`;
  return `**${escape(label)}**: ${describeDate(parsed.date, today)}`;
}

function durationText(value: string, talk: HoverFacts['talk']): string {
  const slot = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : undefined;
  const lines = [slot === undefined ? `**Slot**: ${code(value)} is not a number of minutes.` : `**Slot**: ${formatMinutes(slot)}`];
  if (!talk || talk.sections === 0) {
    lines.push('', 'No section has a minute budget yet. Add one to each heading, such as `## Intro (5 min)`.');
    return lines.join('\n');
  }
  const planned = talk.plannedMinutes;
  const sections = talk.sections === 1 ? '1 timed section' : `${talk.sections} timed sections`;
  let balance = '';
  if (slot !== undefined) {
    const spare = Math.round((slot - planned) * 1000) / 1000;
    balance = spare === 0 ? ', exactly the slot' : spare > 0 ? `, ${formatMinutes(spare)} to spare` : `, **${formatMinutes(-spare)} over the slot**`;
  }
  lines.push('', `**Planned**: ${formatMinutes(planned)} in ${sections}${balance}`);
  return lines.join('\n');
}

function formatMinutes(minutes: number): string {
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

/** Impact entries as the draft's front matter has them now; Zola keeps them in `[extra]`. */
function impactEntries(text: string, field: FieldAt): ImpactEntry[] {
  if (!field.region.closed) return [];
  const block = {
    format: field.format,
    start: 0,
    contentStart: field.region.contentStart,
    contentEnd: field.region.contentEnd,
    end: field.region.contentEnd,
    lineBreak: '\n' as const,
    contentStartLine: 1,
    bodyStartLine: 1,
  };
  const data = parseFrontMatter(text, block).data;
  const extra = data.extra;
  const list = data.impact ?? (typeof extra === 'object' && extra !== null && !Array.isArray(extra) ? (extra as Record<string, unknown>).impact : undefined);
  return parseImpactEntries(list).entries;
}

function metricTotalText(text: string, field: FieldAt, metricId: string, metrics: HoverFacts['metrics']): string | undefined {
  const id = metricId.trim().toLowerCase();
  if (id === '') return undefined;
  const entries = impactEntries(text, field).filter((entry) => entry.metric === id);
  const metric = hasOwn(metrics, id) ? metrics[id] : undefined;
  const title = metric ? `**${escape(metric.label)}**` : `**${escape(id)}**`;
  const known = metric ? '' : '\n\nNot a configured metric: it is counted, and `devrel.impact.metrics` can give it a label and a unit.';
  if (entries.length === 0) return `${title}: no complete entry for it yet in this draft.${known}`;
  const total = entries.reduce((sum, entry) => sum + entry.value, 0);
  const unit = metric ? ` ${escape(metric.unit)}` : '';
  const from = entries.length === 1 ? 'from 1 entry' : `from ${entries.length} entries`;
  return `${title}: ${formatNumber(total)}${unit} in this draft, ${from}.${known}`;
}

function impactTotalsText(text: string, field: FieldAt, metrics: HoverFacts['metrics']): string {
  const entries = impactEntries(text, field);
  if (entries.length === 0) return '**Impact**: no complete entry yet. Each entry has a date, a metric and a value.';
  const totals = new Map<string, number>();
  for (const entry of entries) totals.set(entry.metric, (totals.get(entry.metric) ?? 0) + entry.value);
  const lines = ['**Impact of this draft**', ''];
  for (const [id, total] of totals) {
    const metric = hasOwn(metrics, id) ? metrics[id] : undefined;
    lines.push(`- ${metric ? escape(metric.label) : escape(id)}: ${formatNumber(total)}${metric ? ` ${escape(metric.unit)}` : ''}`);
  }
  return lines.join('\n');
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Text from the file shown in Markdown: its own asterisks, backticks and brackets stay text. */
function escape(value: string): string {
  return value.replace(/[\\`*_[\]<>#|]/g, (ch) => `\\${ch}`);
}

/** A value from the file as inline code; a backtick in it would end the span early. */
function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``;
}
