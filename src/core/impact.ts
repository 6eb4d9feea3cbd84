// Impact is logged by hand, entry by entry, in each draft's front matter. The numbers are
// there to show which work mattered, not to be chased, so the summaries favour a few totals
// and the best pieces of work over rankings of the person doing them.

import { formatDate, requiredDate } from './dates';
import type { Draft, ImpactEntry, KindDefinition } from './types';
import { hasOwn } from './util/objects';
import { readEntryList, type EntryList } from './util/entryList';
import { compareText, humanise, isHttpUrl, optionalText, SHORT_MONTH_NAMES } from './util/strings';
import { type Result } from './util/result';

export interface MetricDefinition {
  id: string;
  label: string;
  /** What a number counts, written after it: `1,200 page views`. */
  unit: string;
  /** A codicon id, e.g. `eye`. */
  icon: string;
  description: string;
}

export const BUILT_IN_METRICS: Readonly<Record<string, MetricDefinition>> = Object.freeze({
  views: { id: 'views', label: 'Views', unit: 'page views', icon: 'eye', description: 'Page views of a published piece.' },
  reactions: { id: 'reactions', label: 'Reactions', unit: 'reactions', icon: 'reactions', description: 'Likes, claps, emoji and shares.' },
  comments: { id: 'comments', label: 'Comments', unit: 'comments', icon: 'comment', description: 'Comments on a published piece or a cross-post.' },
  attendees: { id: 'attendees', label: 'Attendees', unit: 'people in the room', icon: 'organization', description: 'People at a talk or workshop.' },
  questions: { id: 'questions', label: 'Questions', unit: 'questions asked', icon: 'question', description: 'Questions asked during or after a session.' },
  stars: { id: 'stars', label: 'Stars', unit: 'repository stars', icon: 'star-full', description: 'Stars gained by a repository.' },
  'prs-merged': { id: 'prs-merged', label: 'PRs merged', unit: 'PRs merged', icon: 'git-merge', description: 'Pull requests merged.' },
  'issues-closed': { id: 'issues-closed', label: 'Issues closed', unit: 'issues closed', icon: 'issue-closed', description: 'Issues closed.' },
  signups: { id: 'signups', label: 'Sign-ups', unit: 'sign-ups', icon: 'person-add', description: 'Sign-ups that came from the work.' },
  conversations: {
    id: 'conversations',
    label: 'Conversations',
    unit: 'conversations',
    icon: 'comment-discussion',
    description: 'Real conversations with developers.',
  },
  leads: { id: 'leads', label: 'Leads', unit: 'leads', icon: 'target', description: 'Contacts worth following up.' },
  feedback: {
    id: 'feedback',
    label: 'Feedback',
    unit: 'feedback items',
    icon: 'feedback',
    description: 'Feedback items handed to the product team.',
  },
  participants: { id: 'participants', label: 'Participants', unit: 'participants', icon: 'person', description: 'People who took part in a hackathon.' },
  projects: { id: 'projects', label: 'Projects', unit: 'projects built', icon: 'rocket', description: 'Projects built at a hackathon.' },
  beers: { id: 'beers', label: 'Beers', unit: 'beers paid off', icon: 'coffee', description: 'Beers owed for help, now paid off.' },
});

/** A metric as written in settings: every field optional; `null` or `false` removes a built-in metric. */
export type MetricOverride = { label?: unknown; unit?: unknown; icon?: unknown; description?: unknown } | null | false;

export interface MetricProblem {
  metric: string;
  message: string;
}

const METRIC_ID = /^[a-z0-9][a-z0-9-]*$/;
const CODICON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DEFAULT_ICON = 'graph';

/**
 * Merges `devrel.impact.metrics` into the built-in metrics. A bad field falls back to the
 * built-in or default value and is reported; a bad id or a non-object is reported and left out.
 */
export function resolveMetrics(overrides: Record<string, MetricOverride> | undefined | null): {
  metrics: Record<string, MetricDefinition>;
  problems: MetricProblem[];
} {
  const metrics: Record<string, MetricDefinition> = {};
  const problems: MetricProblem[] = [];
  for (const [id, metric] of Object.entries(BUILT_IN_METRICS)) metrics[id] = { ...metric };
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    if (overrides !== undefined && overrides !== null) problems.push({ metric: '', message: 'devrel.impact.metrics must be an object of metrics by id.' });
    return { metrics, problems };
  }
  for (const [id, override] of Object.entries(overrides)) {
    if (!METRIC_ID.test(id)) {
      problems.push({ metric: id, message: `Metric "${id}" is not a valid id: use lowercase letters, digits and hyphens.` });
      continue;
    }
    if (override === null || override === false) {
      delete metrics[id];
      continue;
    }
    if (typeof override !== 'object' || Array.isArray(override)) {
      problems.push({ metric: id, message: `Metric "${id}" must be an object with a label, unit, icon and description.` });
      continue;
    }
    const base = hasOwn(metrics, id) ? metrics[id] : undefined;
    const text = (field: 'label' | 'unit' | 'description'): string | undefined => {
      const value = override[field];
      if (value === undefined) return undefined;
      if (typeof value === 'string' && (value.trim() || field === 'description')) return value.trim();
      problems.push({ metric: id, message: `Metric "${id}": ${field} must be text.` });
      return undefined;
    };
    const label = text('label') ?? base?.label ?? humanise(id);
    const unit = text('unit') ?? base?.unit ?? label.toLowerCase();
    const description = text('description') ?? base?.description ?? '';
    let icon = base?.icon ?? DEFAULT_ICON;
    if (override.icon !== undefined) {
      const written = typeof override.icon === 'string' ? override.icon.trim().replace(/^\$\((.*)\)$/, '$1') : undefined;
      if (written !== undefined && CODICON_ID.test(written)) icon = written;
      else problems.push({ metric: id, message: `Metric "${id}": icon must be a codicon id such as "eye"; using "${icon}".` });
    }
    metrics[id] = { id, label, unit, icon, description };
  }
  return { metrics, problems };
}

export function normaliseMetricId(metric: string): string {
  return metric.trim().toLowerCase();
}

export type ValueParse = Result<{ value: number }>;

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The largest impact value one entry may hold: a trillion, far beyond any audience, and small
 * enough that totals of many entries stay exact and finite on the way to the dashboard.
 */
export const MAX_IMPACT_VALUE = 1_000_000_000_000;

/** Whether `value` is a number an impact entry may hold: finite, 0 or more, at most `MAX_IMPACT_VALUE`. */
export function isImpactValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_IMPACT_VALUE;
}

function outOfRange(written: string): ValueParse {
  return { ok: false, message: `value ${written} is out of range; impact values go up to ${MAX_IMPACT_VALUE.toLocaleString('en-US')}` };
}

/**
 * Reads an impact value: a YAML number or text such as `1200`, `1,200` or `12.5`. Negative
 * values are refused: each entry is a count of something that happened, and a correction is
 * made by editing the entry it corrects. Values above `MAX_IMPACT_VALUE` are refused too.
 */
export function parseImpactValue(value: unknown): ValueParse {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: 'value must be a number' };
    if (value < 0) return { ok: false, message: `value ${value} is negative; impact values are counts of 0 or more` };
    if (!isImpactValue(value)) return outOfRange(String(value));
    return { ok: true, value };
  }
  if (typeof value !== 'string') return { ok: false, message: 'value must be a number' };
  const text = value.trim();
  if (text === '') return { ok: false, message: 'value is empty; write a number such as 120 or 1,200' };
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1).trim() : text;
  if (!PLAIN_NUMBER.test(digits) && !GROUPED_NUMBER.test(digits)) {
    return { ok: false, message: `value "${text}" is not a number; write digits such as 120 or 1,200` };
  }
  const number = Number(digits.replace(/,/g, ''));
  if (negative && number !== 0) {
    return { ok: false, message: `value ${text} is negative; impact values are counts of 0 or more` };
  }
  if (!isImpactValue(number)) return outOfRange(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return { ok: true, value: number };
}

type EntryCheck = { ok: true; entry: ImpactEntry } | { ok: false; issues: string[] };

/** The rules shared by front matter and the Log Impact command; `issues` are lowercase fragments. */
function checkEntry(fields: { date: unknown; metric: unknown; value: unknown; note?: unknown; link?: unknown; source?: unknown; unit?: unknown }): EntryCheck {
  const issues: string[] = [];
  const when = requiredDate(fields.date);
  const date = when.ok ? when.date : undefined;
  if (!when.ok) issues.push(when.issue);
  let metric: string | undefined;
  if (typeof fields.metric === 'string' && fields.metric.trim()) metric = normaliseMetricId(fields.metric);
  else if (fields.metric === undefined || fields.metric === null || fields.metric === '') issues.push('metric is missing');
  else issues.push('metric must be a name such as views');
  let value: number | undefined;
  if (fields.value === undefined || fields.value === null) issues.push('value is missing');
  else {
    const parsed = parseImpactValue(fields.value);
    if (parsed.ok) value = parsed.value;
    else issues.push(parsed.message);
  }
  const note = optionalText(fields.note);
  if (note === false) issues.push('note must be text');
  const link = optionalText(fields.link);
  if (link === false) issues.push('link must be text');
  else if (link !== undefined && !isHttpUrl(link)) issues.push(`link "${link}" must be an http:// or https:// address`);
  if (issues.length > 0 || date === undefined || metric === undefined || value === undefined) return { ok: false, issues };
  const entry: ImpactEntry = { date, metric, value };
  if (typeof note === 'string') entry.note = note;
  if (typeof link === 'string') entry.link = link;
  const source = optionalText(fields.source);
  if (typeof source === 'string') entry.source = source;
  const unit = optionalText(fields.unit);
  if (typeof unit === 'string') entry.unit = unit.toLowerCase();
  return { ok: true, entry };
}

export function unknownMetricMessage(metric: string): string {
  return `unknown metric "${metric}": it is kept and counted; add it to devrel.impact.metrics to give it a label, a unit and an icon`;
}

/** Entries kept but looking wrong are warnings: metrics not among `metrics`. */
export type ParsedImpact = EntryList<ImpactEntry>;

/**
 * Reads a front-matter `impact:` list. A malformed entry is left out and reported; the
 * others are kept. Unknown metrics are only flagged when `metrics` is given: the draft
 * reader doesn't know the user's metric settings, so it would flag their own metrics.
 */
export function parseImpactEntries(value: unknown, metrics?: Readonly<Record<string, MetricDefinition>>): ParsedImpact {
  const words = { entry: 'Impact entry', notAList: 'impact must be a list of entries, each with a date, a metric and a value.', fields: 'date, metric and value' };
  return readEntryList(value, words, (fields) => {
    const checked = checkEntry({ date: fields.date, metric: fields.metric, value: fields.value, note: fields.note, link: fields.link, source: fields.source, unit: fields.unit });
    if (!checked.ok || !metrics || hasOwn(metrics, checked.entry.metric)) return checked;
    return { ...checked, warning: unknownMetricMessage(checked.entry.metric) };
  });
}

export interface NewImpactInput {
  metric: string;
  value: string | number;
  note?: string;
  link?: string;
  /** `YYYY-MM-DD`; today when absent or blank. */
  date?: string;
}

export type NewImpactResult = Result<{ entry: ImpactEntry; warning?: string }>;

/**
 * Checks what the Log Impact command collected, with the front matter's rules. A future
 * date is refused here, where today is known: impact is logged once it has happened.
 */
export function newImpactEntry(input: NewImpactInput, today: string, metrics: Readonly<Record<string, MetricDefinition>>): NewImpactResult {
  const date = input.date === undefined || input.date.trim() === '' ? today : input.date;
  const checked = checkEntry({ date, metric: input.metric, value: input.value, note: input.note, link: input.link });
  if (!checked.ok) return { ok: false, message: sentence(checked.issues.join('; ')) };
  if (checked.entry.date > today) {
    return { ok: false, message: `The date ${checked.entry.date} is after today; log impact once it has happened.` };
  }
  if (!hasOwn(metrics, checked.entry.metric)) {
    return { ok: true, entry: checked.entry, warning: sentence(unknownMetricMessage(checked.entry.metric)) };
  }
  return { ok: true, entry: checked.entry };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** The entry as front-matter data for `appendFrontMatterListItem`, in the order people write it. */
export function impactEntryFields(entry: ImpactEntry): Record<string, string | number | undefined> {
  return { date: entry.date, metric: entry.metric, value: entry.value, note: entry.note, link: entry.link, source: entry.source };
}

// ---------------------------------------------------------------------------------------------
// Summaries

export interface Quarter {
  /** e.g. `2026 Q2` */
  label: string;
  from: string;
  to: string;
}

/** The calendar quarter a `YYYY-MM-DD` day falls in. */
export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const firstMonth = quarter * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return { label: `${year} Q${quarter + 1}`, from: formatDate(year, firstMonth, 1), to: formatDate(year, firstMonth + 2, lastDay) };
}

export type MetricTotals = Record<string, number>;

export interface KindImpact {
  kind: string;
  label: string;
  thisQuarter: MetricTotals;
  allTime: MetricTotals;
}

export interface ImpactSummary {
  quarter: Quarter;
  /** Every metric in `metricOrder`, 0 when nothing was logged this quarter. */
  thisQuarter: MetricTotals;
  allTime: MetricTotals;
  /** Kinds with any impact, in the order of the kinds setting; each lists only the metrics logged for it. */
  byKind: KindImpact[];
  /** Metrics with any entries: configured ones in their order, then unknown ones alphabetically. */
  metricOrder: string[];
  /** Metrics logged but not configured, for a hint to add them to settings. */
  unknownMetrics: string[];
  entryCount: number;
  draftCount: number;
}

/**
 * Totals for the Impact view and the dashboard. Entries dated after today still count
 * where their date falls: they were written down on purpose.
 */
export function aggregateImpact(
  drafts: readonly Draft[],
  options: { today: string; kinds: Readonly<Record<string, KindDefinition>>; metrics?: Readonly<Record<string, MetricDefinition>> },
): ImpactSummary {
  const metrics = options.metrics ?? BUILT_IN_METRICS;
  const quarter = quarterOf(options.today);
  // Maps, not objects: a metric or kind named `constructor` must not find Object's own.
  const allTime = new Map<string, number>();
  const thisQuarter = new Map<string, number>();
  const kinds = new Map<string, { thisQuarter: Map<string, number>; allTime: Map<string, number> }>();
  let entryCount = 0;
  let draftCount = 0;
  for (const draft of drafts) {
    const entries = draft.impact ?? [];
    if (entries.length === 0) continue;
    draftCount++;
    let kind = kinds.get(draft.kind);
    if (!kind) kinds.set(draft.kind, (kind = { thisQuarter: new Map(), allTime: new Map() }));
    for (const entry of entries) {
      entryCount++;
      add(allTime, entry.metric, entry.value);
      add(kind.allTime, entry.metric, entry.value);
      if (entry.date >= quarter.from && entry.date <= quarter.to) {
        add(thisQuarter, entry.metric, entry.value);
        add(kind.thisQuarter, entry.metric, entry.value);
      }
    }
  }
  const configured = Object.keys(metrics);
  const unknownMetrics = [...allTime.keys()].filter((m) => !hasOwn(metrics, m)).sort();
  const metricOrder = [...configured.filter((m) => allTime.has(m)), ...unknownMetrics];
  const kindOrder = [...Object.keys(options.kinds).filter((k) => kinds.has(k)), ...[...kinds.keys()].filter((k) => !hasOwn(options.kinds, k)).sort()];
  return {
    quarter,
    thisQuarter: ordered(metricOrder, thisQuarter),
    allTime: ordered(metricOrder, allTime),
    byKind: kindOrder.map((id) => {
      const totals = kinds.get(id) as { thisQuarter: Map<string, number>; allTime: Map<string, number> };
      const own = metricOrder.filter((m) => totals.allTime.has(m));
      const label = hasOwn(options.kinds, id) ? options.kinds[id].label : id;
      return { kind: id, label, thisQuarter: ordered(own, totals.thisQuarter), allTime: ordered(own, totals.allTime) };
    }),
    metricOrder,
    unknownMetrics,
    entryCount,
    draftCount,
  };
}

function add(totals: Map<string, number>, metric: string, value: number): void {
  totals.set(metric, sum(totals.get(metric) ?? 0, value));
}

/**
 * Adds two totals, stopping at the largest exact integer: entries are capped, so only a huge
 * number of them gets there, and a total must never become Infinity on its way to a view.
 */
function sum(a: number, b: number): number {
  const total = a + b;
  return total <= Number.MAX_SAFE_INTEGER ? total : Number.MAX_SAFE_INTEGER;
}

function ordered(order: readonly string[], totals: Map<string, number>): MetricTotals {
  const result: MetricTotals = {};
  // defineProperty, so a metric called `__proto__` is a total like any other.
  for (const metric of order) Object.defineProperty(result, metric, { value: totals.get(metric) ?? 0, enumerable: true, writable: true, configurable: true });
  return result;
}

export interface DraftImpact {
  draft: Draft;
  total: number;
  entries: number;
}

/**
 * The pieces of work with the most of one metric, summed per draft. Drafts with no entry
 * for it are left out; ties go by title, then uri, so the list doesn't shuffle between refreshes.
 */
export function topDrafts(drafts: readonly Draft[], metric: string, n = 5): DraftImpact[] {
  const id = normaliseMetricId(metric);
  const limit = Math.floor(n);
  if (!(limit > 0)) return [];
  const ranked: DraftImpact[] = [];
  for (const draft of drafts) {
    const entries = (draft.impact ?? []).filter((e) => e.metric === id);
    if (entries.length === 0) continue;
    ranked.push({ draft, total: entries.reduce((total, e) => sum(total, e.value), 0), entries: entries.length });
  }
  ranked.sort((a, b) => b.total - a.total || a.draft.title.localeCompare(b.draft.title) || compareText(a.draft.uri, b.draft.uri));
  return ranked.slice(0, limit);
}

export interface MonthTotal {
  /** `YYYY-MM` */
  month: string;
  /** e.g. `Mar 2026`, fixed English so charts don't depend on the machine's locale. */
  label: string;
  total: number;
}

/** A hundred years of bars is already more than any chart shows. */
const MAX_MONTHS = 1200;

/**
 * Per-month totals of one metric for a chart: `months` months ending with today's, oldest
 * first, with 0 for months without entries. `today` comes before `months` so the default can be used.
 */
export function monthlySeries(drafts: readonly Draft[], metric: string, today: string, months = 12): MonthTotal[] {
  const count = Math.min(MAX_MONTHS, Math.floor(months));
  if (!(count > 0)) return [];
  const id = normaliseMetricId(metric);
  const endIndex = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  const startIndex = endIndex - count + 1;
  const series: MonthTotal[] = [];
  for (let index = startIndex; index <= endIndex; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    series.push({ month: formatDate(year, month, 1).slice(0, 7), label: `${SHORT_MONTH_NAMES[month - 1]} ${year}`, total: 0 });
  }
  for (const draft of drafts) {
    for (const entry of draft.impact ?? []) {
      if (entry.metric !== id) continue;
      const index = Number(entry.date.slice(0, 4)) * 12 + Number(entry.date.slice(5, 7)) - 1;
      if (index >= startIndex && index <= endIndex) series[index - startIndex].total = sum(series[index - startIndex].total, entry.value);
    }
  }
  return series;
}

/** The metrics that fit a kind best, in order; the rest follow in their usual order. */
const METRICS_FIRST: Readonly<Record<string, readonly string[]>> = {
  talk: ['attendees', 'questions', 'feedback', 'conversations', 'leads'],
  workshop: ['attendees', 'questions', 'feedback', 'signups'],
  blog: ['views', 'reactions', 'comments', 'signups'],
  oss: ['prs-merged', 'stars', 'issues-closed'],
  'trip-report': ['conversations', 'leads', 'feedback'],
  hackathon: ['participants', 'projects', 'signups', 'feedback'],
};

/** Metrics in the order that fits a kind: a talk starts with attendees, a post with views. */
export function metricsForKind(kind: string, metrics: readonly MetricDefinition[]): MetricDefinition[] {
  const first = hasOwn(METRICS_FIRST, kind) ? METRICS_FIRST[kind] : [];
  const rank = (m: MetricDefinition): number => {
    const index = first.indexOf(m.id);
    return index < 0 ? first.length : index;
  };
  return metrics
    .map((m, index) => ({ m, index }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.index - b.index)
    .map(({ m }) => m);
}

/** The fields whose date is when the work met its audience, in order of preference. */
const OCCASION_FIELDS = ['event_date', 'publish_date', 'date'];

/**
 * The date a new impact entry most likely belongs to: the day the talk was given or the post
 * went out, when that has passed; otherwise today, since impact is logged once it has happened.
 */
export function impactDateFor(draft: Pick<Draft, 'dates'>, today: string): string {
  for (const field of OCCASION_FIELDS) {
    const found = draft.dates.find((d) => d.field === field);
    if (found && found.date <= today) return found.date;
  }
  return today;
}

/** A metric's label and unit for a list, without saying the same words twice ("PRs merged"). */
export function metricUnitNote(metric: Pick<MetricDefinition, 'label' | 'unit'>): string | undefined {
  return metric.unit.trim().toLowerCase() === metric.label.trim().toLowerCase() ? undefined : metric.unit;
}
