// The impact report: what a period's work achieved, told from the drafts' own impact entries,
// statuses, submissions and feedback, so the quarterly story needs no spreadsheet. Rows are
// built once; Markdown, CSV and JSON only present them differently.

import { parseDateValue, daysBetween } from '../dates';
import { isFeedbackStatus, FEEDBACK_STATUSES } from '../feedback';
import { BUILT_IN_METRICS, type MetricDefinition } from '../impact';
import { isFinished } from '../kinds/workflow';
import { ACCEPTED_STATUSES, DECIDED_STATUSES } from '../talks/submissions';
import type { Draft, KindDefinition } from '../types';
import { hasOwn } from '../util/objects';
import { compareText } from '../util/strings';
import { inPeriod, type ReportPeriod } from './period';
import { PLATFORM_INFO, isPlatform } from '../publish/types';

/** The metrics that count people reached, added up as a piece of work's reach. */
export const REACH_METRICS: readonly string[] = ['views', 'attendees'];

/** Fields that say when a piece of work was finished, before the kind's own dates. */
const DONE_FIELDS = ['done', 'completed', 'merged', 'merged_date', 'shipped'];
/** Fields that say when the idea was written down. */
const IDEA_FIELDS = ['created', 'idea_date', 'started'];
/** Fields that link to the published piece. */
const URL_FIELDS = ['url', 'canonical_url', 'link', 'pr', 'pull_request', 'slides', 'recording', 'repository'];

export interface ReportProblem {
  severity: 'error' | 'warning';
  message: string;
  /** Workspace-relative path of the draft the problem is in, when it has one. */
  file?: string;
  /** One-based line, when known. */
  line?: number;
}

export interface MetricTotal {
  metric: string;
  label: string;
  unit: string;
  current: number;
  previous: number;
}

/** One piece of work in the period: the row CSV and JSON carry and the tables show. */
export interface WorkRow {
  title: string;
  kind: string;
  /** The kind's label, e.g. `Blog post`, used as the activity type. */
  type: string;
  status: string;
  /** `YYYY-MM-DD`: when it was done if that was in the period, else its last entry in the period. */
  date: string;
  url: string;
  path: string;
  /** At most 1,000 characters. */
  description: string;
  /** The sum of the reach metrics (views and attendees) in the period. */
  reach: number;
  /** Totals in the period, per metric id, only the metrics logged for it. */
  metrics: Record<string, number>;
  feedbackGiven: number;
  feedbackShipped: number;
  /** e.g. `1,200 page views, 40 reactions`. */
  achieved: string;
}

export interface KindRow {
  kind: string;
  label: string;
  works: number;
  reach: number;
  metrics: Record<string, number>;
}

/** Reach on one platform a piece of work was cross-posted to, from impact entries that carry its `source`. */
export interface PlatformRow {
  /** The entries' `source`, e.g. `devto`. */
  source: string;
  /** e.g. `dev.to`; the source itself for a platform DevRel Desk doesn't publish to. */
  label: string;
  /** Pieces of work with entries from this source in the period. */
  works: number;
  reach: number;
  metrics: Record<string, number>;
}

export interface TalkGiven {
  title: string;
  event: string;
  date: string;
  path: string;
  url: string;
}

export interface PostPublished {
  title: string;
  date: string;
  readingMinutes: number;
  words: number;
  path: string;
  url: string;
}

export interface OssMerged {
  title: string;
  date: string;
  repository: string;
  path: string;
  url: string;
}

export interface FeedbackRow {
  summary: string;
  status: string;
  area: string;
  link: string;
  date: string;
  source: string;
  path: string;
}

export interface ImpactReport {
  period: ReportPeriod;
  previous: ReportPeriod;
  totals: MetricTotal[];
  byKind: KindRow[];
  /** Reach per platform, dev.to and Hashnode first; empty when nothing was synced or logged with a source. */
  byPlatform: PlatformRow[];
  rows: WorkRow[];
  talks: { given: TalkGiven[]; accepted: number; decided: number; previousGiven: number };
  posts: { published: PostPublished[]; readingMinutes: number; previousPublished: number };
  oss: { merged: OssMerged[]; previousMerged: number };
  feedback: { entries: FeedbackRow[]; byStatus: Record<string, number>; previousGiven: number; previousShipped: number };
  quality: { done: number; timed: number; medianDays?: number; previousDone: number };
  /** Warnings the report still stands with; errors mean there is no report. */
  problems: ReportProblem[];
}

export interface ReportOptions {
  period: ReportPeriod;
  previous: ReportPeriod;
  kinds: Readonly<Record<string, KindDefinition>>;
  metrics?: Readonly<Record<string, MetricDefinition>>;
}

export type ReportResult = { ok: true; report: ImpactReport } | { ok: false; problems: ReportProblem[] };

/**
 * Builds the report for `period`. A period in which nothing was logged, finished or fed back is
 * refused with a message: an empty report would only look like a bad quarter.
 */
export function buildImpactReport(drafts: readonly Draft[], options: ReportOptions): ReportResult {
  const metrics = options.metrics ?? BUILT_IN_METRICS;
  const { period, previous } = options;
  const problems: ReportProblem[] = [];
  const sorted = [...drafts].sort((a, b) => compareText(a.relativePath, b.relativePath));
  const mixed = mixedUnitMetrics(sorted, period, problems);
  const counted = (metric: string): boolean => !mixed.has(metric);

  // Totals, this period and the one before.
  const current = new Map<string, number>();
  const before = new Map<string, number>();
  for (const draft of sorted) {
    for (const entry of draft.impact ?? []) {
      if (!counted(entry.metric)) continue;
      if (inPeriod(entry.date, period)) current.set(entry.metric, (current.get(entry.metric) ?? 0) + entry.value);
      else if (inPeriod(entry.date, previous)) before.set(entry.metric, (before.get(entry.metric) ?? 0) + entry.value);
    }
  }
  const logged = new Set([...current.keys(), ...before.keys()]);
  const metricOrder = [...Object.keys(metrics).filter((m) => logged.has(m)), ...[...logged].filter((m) => !hasOwn(metrics, m)).sort()];
  const totals: MetricTotal[] = metricOrder.map((metric) => ({
    metric,
    label: hasOwn(metrics, metric) ? metrics[metric].label : metric,
    unit: hasOwn(metrics, metric) ? metrics[metric].unit : metric,
    current: current.get(metric) ?? 0,
    previous: before.get(metric) ?? 0,
  }));

  // Pieces of work.
  const rows: WorkRow[] = [];
  const talksGiven: TalkGiven[] = [];
  const posts: PostPublished[] = [];
  const oss: OssMerged[] = [];
  const feedback: FeedbackRow[] = [];
  let accepted = 0;
  let decided = 0;
  let previousTalks = 0;
  let previousPosts = 0;
  let previousOss = 0;
  let previousFeedback = 0;
  let previousShipped = 0;
  let previousDone = 0;
  const ideaDays: number[] = [];
  let done = 0;
  const platforms = new Map<string, { works: Set<string>; metrics: Map<string, number> }>();
  for (const draft of sorted) {
    const kind = hasOwn(options.kinds, draft.kind) ? options.kinds[draft.kind] : undefined;
    const finished = kind !== undefined && isFinished(kind, draft.status) && !(kind.sideStatuses ?? []).includes(draft.status);
    const finishedOn = finished ? doneDate(draft) : undefined;
    const url = workUrl(draft);
    const entries = (draft.impact ?? []).filter((e) => inPeriod(e.date, period) && counted(e.metric));
    for (const entry of entries) {
      const source = entry.source?.trim();
      if (!source) continue;
      let platform = platforms.get(source);
      if (!platform) platforms.set(source, (platform = { works: new Set(), metrics: new Map() }));
      platform.works.add(draft.relativePath);
      platform.metrics.set(entry.metric, (platform.metrics.get(entry.metric) ?? 0) + entry.value);
    }
    const given = (draft.feedback ?? []).filter((f) => inPeriod(f.date, period));
    for (const f of draft.feedback ?? []) {
      if (!inPeriod(f.date, previous)) continue;
      previousFeedback++;
      if (f.status === 'shipped') previousShipped++;
    }
    for (const f of given) {
      feedback.push({ summary: f.summary, status: f.status, area: f.area ?? '', link: f.link ?? '', date: f.date, source: draft.title, path: draft.relativePath });
    }

    if (finishedOn !== undefined && inPeriod(finishedOn, previous)) previousDone++;
    const doneInPeriod = finishedOn !== undefined && inPeriod(finishedOn, period);
    if (doneInPeriod) {
      done++;
      const idea = firstDateField(draft, IDEA_FIELDS);
      if (idea !== undefined && idea <= finishedOn) ideaDays.push(daysBetween(idea, finishedOn));
    }

    if (draft.kind === 'talk') {
      const delivered = (draft.submissions ?? []).filter((s) => s.status === 'delivered' && s.eventDate !== undefined);
      for (const s of delivered) {
        if (inPeriod(s.eventDate, period)) talksGiven.push({ title: draft.title, event: s.event, date: s.eventDate as string, path: draft.relativePath, url });
        else if (inPeriod(s.eventDate, previous)) previousTalks++;
      }
      if (delivered.length === 0 && draft.status === 'delivered' && finishedOn !== undefined) {
        const event = typeof draft.fields.event === 'string' ? draft.fields.event : '';
        if (doneInPeriod) talksGiven.push({ title: draft.title, event, date: finishedOn, path: draft.relativePath, url });
        else if (inPeriod(finishedOn, previous)) previousTalks++;
      }
      for (const s of draft.submissions ?? []) {
        if (!DECIDED_STATUSES.includes(s.status) || !inPeriod(s.eventDate ?? s.notificationDate ?? s.cfpDeadline, period)) continue;
        decided++;
        if (ACCEPTED_STATUSES.includes(s.status)) accepted++;
      }
    }
    if (draft.kind === 'blog' && finishedOn !== undefined) {
      if (doneInPeriod) {
        posts.push({ title: draft.title, date: finishedOn, readingMinutes: draft.analysis?.readingMinutes ?? 0, words: draft.analysis?.words ?? 0, path: draft.relativePath, url });
      } else if (inPeriod(finishedOn, previous)) previousPosts++;
    }
    if (draft.kind === 'oss' && draft.status === 'merged' && finishedOn !== undefined) {
      const repository = typeof draft.fields.repository === 'string' ? draft.fields.repository : '';
      if (doneInPeriod) oss.push({ title: draft.title, date: finishedOn, repository, path: draft.relativePath, url });
      else if (inPeriod(finishedOn, previous)) previousOss++;
    }

    if (entries.length === 0 && given.length === 0 && !doneInPeriod) continue;
    const own = new Map<string, number>();
    for (const entry of entries) own.set(entry.metric, (own.get(entry.metric) ?? 0) + entry.value);
    const ownMetrics: Record<string, number> = {};
    for (const metric of metricOrder) if (own.has(metric)) define(ownMetrics, metric, own.get(metric) as number);
    const lastActivity = [...entries.map((e) => e.date), ...given.map((f) => f.date)].sort().pop() as string;
    const achieved = achievedText(ownMetrics, metrics, given);
    rows.push({
      title: draft.title,
      kind: draft.kind,
      type: kind?.label ?? draft.kind,
      status: draft.status,
      date: doneInPeriod ? finishedOn : lastActivity,
      url,
      path: draft.relativePath,
      description: clip(descriptionOf(draft, achieved), MAX_DESCRIPTION),
      reach: REACH_METRICS.reduce((sum, m) => sum + (own.get(m) ?? 0), 0),
      metrics: ownMetrics,
      feedbackGiven: given.length,
      feedbackShipped: given.filter((f) => f.status === 'shipped').length,
      achieved,
    });
  }

  if (rows.length === 0 && talksGiven.length === 0 && decided === 0) {
    return {
      ok: false,
      problems: [
        ...problems,
        {
          severity: 'error',
          message: `Nothing was logged, finished or fed back between ${period.from} and ${period.to}: log impact with DevRel: Log Impact…, or choose another period.`,
        },
      ],
    };
  }

  rows.sort((a, b) => compareText(a.date, b.date) || compareText(a.title, b.title) || compareText(a.path, b.path));
  talksGiven.sort((a, b) => compareText(a.date, b.date) || compareText(a.title, b.title));
  posts.sort((a, b) => compareText(a.date, b.date) || compareText(a.title, b.title));
  oss.sort((a, b) => compareText(a.date, b.date) || compareText(a.title, b.title));
  feedback.sort((a, b) => FEEDBACK_ORDER(a.status) - FEEDBACK_ORDER(b.status) || compareText(a.date, b.date) || compareText(a.summary, b.summary));

  const byStatus: Record<string, number> = {};
  for (const status of FEEDBACK_STATUSES) byStatus[status] = 0;
  for (const f of feedback) define(byStatus, f.status, (byStatus[f.status] ?? 0) + 1);

  const kindOrder = [...Object.keys(options.kinds), ...[...new Set(rows.map((r) => r.kind))].filter((k) => !hasOwn(options.kinds, k)).sort()];
  const byKind: KindRow[] = [];
  for (const kind of kindOrder) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    const sums: Record<string, number> = {};
    for (const metric of metricOrder) {
      const total = of.reduce((sum, r) => sum + (hasOwn(r.metrics, metric) ? r.metrics[metric] : 0), 0);
      if (of.some((r) => hasOwn(r.metrics, metric))) define(sums, metric, total);
    }
    byKind.push({ kind, label: of[0].type, works: of.length, reach: of.reduce((sum, r) => sum + r.reach, 0), metrics: sums });
  }

  const known = Object.keys(PLATFORM_INFO);
  const sources = [...platforms.keys()].sort((a, b) => rank(known, a) - rank(known, b) || compareText(a, b));
  const byPlatform: PlatformRow[] = sources.map((source) => {
    const platform = platforms.get(source) as { works: Set<string>; metrics: Map<string, number> };
    const sums: Record<string, number> = {};
    for (const metric of metricOrder) if (platform.metrics.has(metric)) define(sums, metric, platform.metrics.get(metric) as number);
    return {
      source,
      label: isPlatform(source) ? PLATFORM_INFO[source].label : source,
      works: platform.works.size,
      reach: REACH_METRICS.reduce((sum, m) => sum + (platform.metrics.get(m) ?? 0), 0),
      metrics: sums,
    };
  });

  return {
    ok: true,
    report: {
      period,
      previous,
      totals,
      byKind,
      byPlatform,
      rows,
      talks: { given: talksGiven, accepted, decided, previousGiven: previousTalks },
      posts: { published: posts, readingMinutes: posts.reduce((sum, p) => sum + p.readingMinutes, 0), previousPublished: previousPosts },
      oss: { merged: oss, previousMerged: previousOss },
      feedback: { entries: feedback, byStatus, previousGiven: previousFeedback, previousShipped },
      quality: { done, timed: ideaDays.length, medianDays: median(ideaDays), previousDone },
      problems,
    },
  };
}

const MAX_DESCRIPTION = 1000;

function rank(known: readonly string[], source: string): number {
  const index = known.indexOf(source);
  return index === -1 ? known.length : index;
}

function FEEDBACK_ORDER(status: string): number {
  return isFeedbackStatus(status) ? FEEDBACK_STATUSES.indexOf(status) : FEEDBACK_STATUSES.length;
}

/**
 * Metrics logged in more than one unit in the period: adding minutes to hours would give a
 * number that means nothing, so such a metric is left out of the report and named.
 */
function mixedUnitMetrics(drafts: readonly Draft[], period: ReportPeriod, problems: ReportProblem[]): Set<string> {
  const units = new Map<string, Map<string, string>>();
  for (const draft of drafts) {
    for (const entry of draft.impact ?? []) {
      if (!inPeriod(entry.date, period)) continue;
      let seen = units.get(entry.metric);
      if (!seen) units.set(entry.metric, (seen = new Map()));
      const unit = entry.unit ?? '(no unit)';
      if (!seen.has(unit)) seen.set(unit, draft.relativePath);
    }
  }
  const mixed = new Set<string>();
  for (const [metric, seen] of units) {
    if (seen.size < 2) continue;
    mixed.add(metric);
    const where = [...seen].map(([unit, file]) => `${unit} in ${file}`).join(', ');
    const [first] = [...seen.values()];
    problems.push({
      severity: 'warning',
      file: first,
      message: `The metric "${metric}" is logged in different units (${where}), so it is left out of the report. Give its entries one unit.`,
    });
  }
  return mixed;
}

/** When a finished piece of work was done: a done field, else its first dated event, else its due date. */
export function doneDate(draft: Draft): string | undefined {
  const own = firstDateField(draft, DONE_FIELDS);
  if (own !== undefined) return own;
  const dated = draft.dates.filter((d) => d.field !== 'due' && d.field !== 'cfp_deadline');
  return dated[0]?.date ?? draft.dates.find((d) => d.field === 'due')?.date;
}

function firstDateField(draft: Draft, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = hasOwn(draft.fields, field) ? draft.fields[field] : undefined;
    if (value === undefined || value === '') continue;
    const parsed = parseDateValue(value);
    if (parsed.ok) return parsed.date;
  }
  return undefined;
}

function workUrl(draft: Draft): string {
  for (const field of URL_FIELDS) {
    const value = hasOwn(draft.fields, field) ? draft.fields[field] : undefined;
    if (typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim())) return value.trim();
  }
  return draft.impact?.find((e) => e.link)?.link ?? '';
}

function descriptionOf(draft: Draft, achieved: string): string {
  const own = ['description', 'summary', 'event'].map((f) => (hasOwn(draft.fields, f) ? draft.fields[f] : undefined)).find((v) => typeof v === 'string' && v.trim());
  const parts = [typeof own === 'string' ? own.trim() : ''];
  if (achieved) parts.push(`Impact: ${achieved}.`);
  return parts.filter(Boolean).join(' ');
}

/** Cut at a word boundary, so a form's limit never leaves half a word. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function achievedText(own: Record<string, number>, metrics: Readonly<Record<string, MetricDefinition>>, given: readonly { status: string }[]): string {
  const parts = Object.entries(own).map(([metric, value]) => `${formatNumber(value)} ${hasOwn(metrics, metric) ? metrics[metric].unit : metric}`);
  if (given.length > 0) {
    const shipped = given.filter((f) => f.status === 'shipped').length;
    parts.push(`product feedback: ${given.length} logged${shipped > 0 ? `, ${shipped} shipped` : ''}`);
  }
  return parts.join(', ');
}

/** Fixed English grouping, so a report reads the same on every machine. */
export function formatNumber(value: number): string {
  const [whole, fraction] = String(Math.round(value * 100) / 100).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function define(target: Record<string, number>, key: string, value: number): void {
  // defineProperty, so a metric called `__proto__` is a total like any other.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
