// The dashboard's view model: everything the webview draws, computed here so it can be tested
// in plain Node and sent over `postMessage` as JSON. It holds no Draft objects, only the text and
// numbers the page shows, so the webview never has to know the rules behind them. Its shape is
// the page's protocol, shared with the page as types.

import { addDays, daysBetween } from './dates';
import { focusDeadlines, focusState } from './focus';
import { aggregateImpact, monthlySeries, type MetricDefinition } from './impact';
import { kindProgress } from './kinds/registry';
import { isFinished } from './kinds/workflow';
import { isSpanEnd, nextDate, overdueDates, relativeDay, spanEnd, talkMeasure, upcoming, type UpcomingItem } from './schedule';
import { buildRehearsalHistory } from './talks/rehearsalHistory';
import type { Draft, KindDefinition } from './types';
import type {
  CalendarItem,
  CalendarModel,
  CalendarWeek,
  DashboardModel,
  FocusLine,
  ImpactMetric,
  ImpactModel,
  PageToHost,
  PipelineCard,
  PipelineColumn,
  PipelineKind,
} from './dashboardProtocol';
import { hasOwn } from './util/objects';
import { compareText, humanise, SHORT_MONTH_NAMES } from './util/strings';

/** Eight weeks: far enough ahead to see the next CFP and event, near enough to fit on one screen. */
export const CALENDAR_WEEKS = 8;
/** A year of bars, so a season's rhythm shows without the chart getting too dense to read. */
export const IMPACT_MONTHS = 12;

export interface DashboardOptions {
  /** `YYYY-MM-DD` */
  today: string;
  metrics: Readonly<Record<string, MetricDefinition>>;
  focus: { maxActive: number | null; maxDeadlinesPer14Days: number | null };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function buildDashboardModel(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, options: DashboardOptions): DashboardModel {
  return withFiniteNumbers({
    today: options.today,
    focus: focusLine(drafts, kinds, options),
    pipeline: buildPipeline(drafts, kinds, options.today),
    calendar: buildCalendar(drafts, kinds, options),
    impact: buildImpact(drafts, kinds, options),
    rehearsals: buildRehearsalHistory(drafts),
  });
}

/**
 * The model reaches the page through `postMessage`, which turns Infinity and NaN into null, and
 * a page that formats a null throws. Totals are kept finite where they are made; this is the last
 * check, so no number the page gets can be anything but finite. Works in place on a fresh model.
 */
export function withFiniteNumbers<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withFiniteNumbers(value[i]);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      const finite = withFiniteNumbers(item);
      // defineProperty: a key such as `__proto__` must stay a property.
      if (finite !== item) Object.defineProperty(record, key, { value: finite, enumerable: true, writable: true, configurable: true });
    }
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    return (Number.isNaN(value) ? 0 : value > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) as T;
  }
  return value;
}

function focusLine(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, options: DashboardOptions): FocusLine {
  const state = focusState(drafts, kinds, { ...options.focus, today: options.today });
  const count = state.deadlines.length;
  return {
    text: `${state.statusText} · ${count} ${count === 1 ? 'deadline' : 'deadlines'} in the next 14 days`,
    over: state.overActive || state.overDeadlines,
    warnings: state.warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Pipeline

/**
 * One board per kind that has drafts, in the order of the kinds setting; kinds nobody has
 * written anything for would only push the boards that matter off the screen. Every workflow
 * status gets a column, empty or not, so there is always somewhere to drop a card.
 */
function buildPipeline(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, today: string): PipelineKind[] {
  const byKind = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const list = byKind.get(draft.kind);
    if (list) list.push(draft);
    else byKind.set(draft.kind, [draft]);
  }
  const known = Object.keys(kinds).filter((id) => byKind.has(id));
  const unknown = [...byKind.keys()].filter((id) => !hasOwn(kinds, id)).sort();
  return [...known, ...unknown].map((id) => {
    const kind = hasOwn(kinds, id) ? kinds[id] : undefined;
    const list = byKind.get(id) ?? [];
    const workflow = kind?.statuses ?? [];
    // Statuses outside the workflow get their own columns after it, so no draft goes missing.
    const stray = [...new Set(list.map((d) => d.status).filter((s) => !workflow.includes(s)))].sort();
    const columns = [...workflow, ...stray].map((status): PipelineColumn => ({
      status,
      inWorkflow: workflow.includes(status),
      finished: isFinished(kind, status),
      cards: list
        .filter((d) => d.status === status)
        .map((d) => pipelineCard(d, kind, today))
        .sort(compareCards),
    }));
    return { kind: id, label: kind?.label ?? id, known: kind !== undefined, statuses: [...workflow], columns, count: list.length };
  });
}

function pipelineCard(draft: Draft, kind: KindDefinition | undefined, today: string): PipelineCard {
  const card: PipelineCard = { uri: draft.uri, title: draft.title, relativePath: draft.relativePath, status: draft.status, overdue: false };
  const next = nextDate(draft, kind, today);
  if (next) {
    card.dateLabel = `${next.label} ${relativeDay(daysBetween(today, next.date))}`;
    card.date = next.date;
  }
  const missed = overdueDates(draft, kind, today).sort((a, b) => b.date.localeCompare(a.date))[0];
  if (missed) {
    card.overdue = true;
    card.overdueLabel = `${missed.label} ${relativeDay(daysBetween(today, missed.date))}`;
  }
  const measure = keyMeasure(draft);
  if (measure) card.measure = measure;
  return card;
}

/** The one number that says how far along a draft is, by what matters for its kind. */
function keyMeasure(draft: Draft): string | undefined {
  const analysis = draft.analysis;
  if (!analysis) return kindProgress(draft.kind) === 'timing' && draft.duration !== undefined ? talkMeasure(0, draft.duration) : undefined;
  const { done, total } = analysis.checklist;
  if (total > 0 && (kindProgress(draft.kind) === 'checklist' || analysis.words < 150)) return `${done}/${total} tasks`;
  if (kindProgress(draft.kind) === 'timing' && (analysis.talk || draft.duration !== undefined)) return talkMeasure(analysis.talk?.plannedMinutes ?? 0, draft.duration);
  return `${analysis.words.toLocaleString('en-US')} ${analysis.words === 1 ? 'word' : 'words'}`;
}

/** Overdue work first, then the nearest date, then undated; ties by title, then uri, so cards don't shuffle. */
function compareCards(a: PipelineCard, b: PipelineCard): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const far = '9999-12-31';
  return (a.date ?? far).localeCompare(b.date ?? far) || a.title.localeCompare(b.title) || compareText(a.uri, b.uri);
}

// ---------------------------------------------------------------------------------------------
// Calendar

/** The Monday of the ISO week `date` falls in; weeks start on Monday, as in most calendars people plan with. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Eight whole weeks from the Monday of today's week, so this week is always the first row
 * and its earlier days stay in view. Past dates aren't repeated in the weeks: the ones that
 * still matter are the overdue ones, listed first; the rest are done with.
 */
function buildCalendar(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, options: DashboardOptions): CalendarModel {
  const { today } = options;
  const from = mondayOf(today);
  const to = addDays(from, CALENDAR_WEEKS * 7 - 1);
  const crowdedAbove = crowdedLimit(options.focus.maxDeadlinesPer14Days);
  const all = upcoming(drafts, kinds as Record<string, KindDefinition>, today);
  // A multi-day event is one span from its first to its last day; its end shows on its own only
  // once the start has passed (the event is running).
  const shown = new Set(all.map((i) => itemKey(i.draft.uri, i.date.field, i.date.date)));
  const items = all.filter((i) => i.submission !== undefined || !isSpanEnd(i.draft, i.date, kindOf(kinds, i.draft.kind)) || !spanStartShown(i, kinds, shown));
  const lastDay = (i: UpcomingItem): string => (i.submission ? undefined : spanEnd(i.draft, i.date, kindOf(kinds, i.draft.kind))) ?? i.date.date;
  const commitments = commitmentKeys(drafts, kinds, today, to);
  const overdue = items.filter((i) => i.group === 'overdue').map((i) => calendarItem(i, kinds, commitments));
  const weeks: CalendarWeek[] = [];
  for (let w = 0; w < CALENDAR_WEEKS; w++) {
    const start = addDays(from, w * 7);
    const end = addDays(start, 6);
    const inWeek = items.filter((i) => i.group !== 'overdue' && i.date.date <= end && lastDay(i) >= start).map((i) => calendarItem(i, kinds, commitments));
    const count = inWeek.filter((i) => i.commitment).length;
    weeks.push({
      start,
      end,
      label: weekLabel(start, end, today),
      current: w === 0,
      items: inWeek,
      commitments: count,
      crowded: crowdedAbove !== null && count > crowdedAbove,
    });
  }
  return { from, to, overdue, weeks, crowdedAbove, crowdedRule: crowdedRule(options.focus.maxDeadlinesPer14Days, crowdedAbove) };
}

/**
 * A week is crowded past half the 14-day focus limit: the same budget spread evenly over its
 * two weeks, so the calendar and the focus warning never disagree about what "too much" is.
 * With the default limit of 4 that is more than 2 a week. A limit that is off (null) means
 * the person asked not to be warned, so no week is marked.
 */
export function crowdedLimit(maxDeadlinesPer14Days: number | null): number | null {
  if (maxDeadlinesPer14Days === null || typeof maxDeadlinesPer14Days !== 'number' || !Number.isFinite(maxDeadlinesPer14Days) || maxDeadlinesPer14Days < 0) {
    return null;
  }
  return Math.floor(maxDeadlinesPer14Days) / 2;
}

function crowdedRule(limit: number | null, above: number | null): string {
  if (above === null) return 'Crowded weeks are not marked: the deadline limit (devrel.focus.maxDeadlinesInTwoWeeks) is off.';
  const per14 = Math.floor(limit as number);
  return `A week with more than ${formatCount(above)} CFP closings, events and publishes is marked crowded: half your limit of ${per14} in 14 days.`;
}

/** The same commitments the focus limit counts, found week by week across the calendar. */
function commitmentKeys(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, today: string, to: string): Set<string> {
  const keys = new Set<string>();
  // focusDeadlines looks 14 days ahead of the day it is given, so step through in 14-day windows.
  for (let from = today; from <= to; from = addDays(from, 14)) {
    for (const found of focusDeadlines(drafts, kinds, from)) keys.add(itemKey(found.draft.uri, found.date.field, found.date.date));
  }
  return keys;
}

function itemKey(uri: string, field: string, date: string): string {
  return `${uri}\n${field}\n${date}`;
}

function kindOf(kinds: Readonly<Record<string, KindDefinition>>, id: string): KindDefinition | undefined {
  return hasOwn(kinds, id) ? kinds[id] : undefined;
}

/** Whether the start of the span that `item` ends is itself on the calendar. */
function spanStartShown(item: UpcomingItem, kinds: Readonly<Record<string, KindDefinition>>, shown: Set<string>): boolean {
  const kind = kindOf(kinds, item.draft.kind);
  return item.draft.dates.some((start) => spanEnd(item.draft, start, kind) === item.date.date && shown.has(itemKey(item.draft.uri, start.field, start.date)));
}

function calendarItem(item: UpcomingItem, kinds: Readonly<Record<string, KindDefinition>>, commitments: Set<string>): CalendarItem {
  const { draft, date, days } = item;
  const end = item.submission ? undefined : spanEnd(draft, date, kindOf(kinds, draft.kind));
  return {
    uri: draft.uri,
    title: draft.title,
    kindLabel: hasOwn(kinds, draft.kind) ? kinds[draft.kind].label : draft.kind,
    status: draft.status,
    label: date.label,
    date: date.date,
    dayLabel: end ? `${dayLabel(date.date)} – ${dayLabel(end)} (${daysBetween(date.date, end) + 1} days)` : dayLabel(date.date),
    ...(end ? { endDate: end } : {}),
    when: relativeDay(days),
    days,
    overdue: item.group === 'overdue',
    commitment: commitments.has(itemKey(draft.uri, date.field, date.date)),
  };
}

/** `Nov 23 – Nov 29`, with a year only when it isn't today's, once: fixed English, like the charts. */
function weekLabel(start: string, end: string, today: string): string {
  const day = (date: string): string => `${SHORT_MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
  const year = (date: string): string => (date.slice(0, 4) === today.slice(0, 4) ? '' : `, ${date.slice(0, 4)}`);
  const startYear = start.slice(0, 4) === end.slice(0, 4) ? '' : year(start);
  return `${day(start)}${startYear} – ${day(end)}${year(end)}`;
}

function dayLabel(date: string): string {
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return `${weekday} ${SHORT_MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Impact

function buildImpact(drafts: readonly Draft[], kinds: Readonly<Record<string, KindDefinition>>, options: DashboardOptions): ImpactModel {
  const summary = aggregateImpact(drafts, { today: options.today, kinds, metrics: options.metrics });
  return {
    quarterLabel: summary.quarter.label,
    entryCount: summary.entryCount,
    draftCount: summary.draftCount,
    metrics: summary.metricOrder.map((id): ImpactMetric => {
      const definition = hasOwn(options.metrics, id) ? options.metrics[id] : undefined;
      const series = monthlySeries(drafts, id, options.today, IMPACT_MONTHS);
      return {
        id,
        label: definition?.label ?? humanise(id),
        unit: definition?.unit ?? humanise(id).toLowerCase(),
        known: definition !== undefined,
        thisQuarter: summary.thisQuarter[id] ?? 0,
        allTime: summary.allTime[id] ?? 0,
        series,
        max: series.reduce((max, month) => Math.max(max, month.total), 0),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Messages from the webview

export type DashboardRequestCheck = { ok: true; request: PageToHost } | { ok: false; reason: string };

/**
 * Checks a message from the webview before acting on it. The page is ours, but what it shows
 * comes from workspace files, so a message is treated like any other input: only known
 * drafts, and only statuses of the draft's own workflow.
 */
export function checkDashboardRequest(message: unknown, findDraft: (uri: string) => Draft | undefined, kinds: Readonly<Record<string, KindDefinition>>): DashboardRequestCheck {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { ok: false, reason: 'not an object' };
  const { type, uri, status } = message as { type?: unknown; uri?: unknown; status?: unknown };
  if (type === 'ready') return { ok: true, request: { type } };
  if (type !== 'open' && type !== 'setStatus') return { ok: false, reason: `unknown message type ${JSON.stringify(type)}` };
  if (typeof uri !== 'string' || uri.length === 0) return { ok: false, reason: `${type}: uri must be text` };
  const draft = findDraft(uri);
  if (!draft) return { ok: false, reason: `${type}: ${uri} is not a known draft` };
  if (type === 'open') return { ok: true, request: { type, uri } };
  if (typeof status !== 'string') return { ok: false, reason: 'setStatus: status must be text' };
  const kind = hasOwn(kinds, draft.kind) ? kinds[draft.kind] : undefined;
  if (!kind) return { ok: false, reason: `setStatus: "${draft.kind}" is not a known kind` };
  if (!kind.statuses.includes(status)) return { ok: false, reason: `setStatus: "${status}" is not a status of ${kind.label.toLowerCase()}s` };
  return { ok: true, request: { type, uri, status } };
}
