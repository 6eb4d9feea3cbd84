import * as l10n from '@vscode/l10n';
// A rehearsal: a stopwatch that splits the talk into its sections. Time comes from an injected
// clock, so the editor uses `Date.now` and tests step time by hand.

import { parseDateValue } from '../dates';
import type { RehearsalRun, RehearsalSectionResult } from '../types';
import type { TalkOutline } from './outline';

export type { RehearsalRun, RehearsalSectionResult } from '../types';

/** Milliseconds since some fixed point; only differences matter. */
export type Clock = () => number;

export interface RehearsalPlanSection {
  title: string;
  /** Budget in minutes; undefined for a section without one. */
  minutes?: number;
  notes: string[];
}

export interface RehearsalPlan {
  title: string;
  /** The slot, from the front-matter `duration`. */
  slotMinutes?: number;
  sections: RehearsalPlanSection[];
  /** No section has a budget, so the whole talk is timed as one. */
  wholeTalk: boolean;
}

export type RehearsalPhase = 'ready' | 'running' | 'paused' | 'stopped';

export interface RehearsalSnapshot {
  phase: RehearsalPhase;
  /** Zero-based index of the current section. */
  index: number;
  count: number;
  section: RehearsalPlanSection;
  next?: RehearsalPlanSection;
  sectionMs: number;
  totalMs: number;
  sectionBudgetMs?: number;
  slotMs?: number;
  /** The budgets of every section up to and including the current one. */
  plannedThroughMs: number;
  sectionOver: boolean;
  totalOver: boolean;
}

export type RehearsalOutcome = { recorded: true; run: RehearsalRun; /** Stopped before the last section. */ partial: boolean } | { recorded: false; message: string };

export const WHOLE_TALK = 'Whole talk';

/** The sections to time: the outline's, or the whole talk as one when none has a budget. */
export function rehearsalPlan(outline: TalkOutline): RehearsalPlan {
  const plan: RehearsalPlan = { title: outline.title, sections: [], wholeTalk: !outline.timed };
  if (outline.duration !== undefined) plan.slotMinutes = outline.duration;
  if (outline.timed) {
    plan.sections = outline.sections.map((s) => (s.minutes !== undefined ? { title: s.title, minutes: s.minutes, notes: s.notes } : { title: s.title, notes: s.notes }));
  } else {
    const whole: RehearsalPlanSection = { title: WHOLE_TALK, notes: outline.sections.flatMap((s) => s.notes) };
    if (outline.duration !== undefined) whole.minutes = outline.duration;
    plan.sections = [whole];
  }
  return plan;
}

export class Rehearsal {
  private phaseValue: RehearsalPhase = 'ready';
  private index = 0;
  /** Time spent in each section, not counting pauses, up to `runningSince`. */
  private readonly spent: number[];
  private runningSince = 0;
  private finished = false;

  constructor(
    readonly plan: RehearsalPlan,
    private readonly clock: Clock,
  ) {
    if (plan.sections.length === 0) throw new Error(l10n.t('A rehearsal needs at least one section to time.'));
    this.spent = plan.sections.map(() => 0);
  }

  get phase(): RehearsalPhase {
    return this.phaseValue;
  }

  start(): void {
    if (this.phaseValue !== 'ready') return;
    this.phaseValue = 'running';
    this.runningSince = this.clock();
  }

  /** Ends the current section and starts the next; after the last one the rehearsal is over. Returns whether it is over. */
  next(): boolean {
    if (this.phaseValue === 'ready' || this.phaseValue === 'stopped') return this.phaseValue === 'stopped';
    this.settle();
    if (this.index === this.plan.sections.length - 1) {
      this.finished = true;
      this.phaseValue = 'stopped';
      return true;
    }
    this.index++;
    this.phaseValue = 'running';
    this.runningSince = this.clock();
    return false;
  }

  pause(): boolean {
    if (this.phaseValue !== 'running') return false;
    this.settle();
    this.phaseValue = 'paused';
    return true;
  }

  resume(): boolean {
    if (this.phaseValue !== 'paused') return false;
    this.phaseValue = 'running';
    this.runningSince = this.clock();
    return true;
  }

  stop(): void {
    if (this.phaseValue === 'stopped') return;
    if (this.phaseValue === 'running') this.settle();
    // Stopping during the last section (or the whole talk) is how a rehearsal normally ends.
    if (this.index === this.plan.sections.length - 1 && this.phaseValue !== 'ready') this.finished = true;
    this.phaseValue = 'stopped';
  }

  snapshot(): RehearsalSnapshot {
    const sections = this.plan.sections;
    const section = sections[this.index];
    const sectionMs = this.elapsed(this.index);
    const totalMs = this.spent.reduce((sum, _ms, i) => sum + this.elapsed(i), 0);
    const snapshot: RehearsalSnapshot = {
      phase: this.phaseValue,
      index: this.index,
      count: sections.length,
      section,
      sectionMs,
      totalMs,
      plannedThroughMs: sections.slice(0, this.index + 1).reduce((sum, s) => sum + (s.minutes ?? 0) * 60_000, 0),
      sectionOver: section.minutes !== undefined && sectionMs > section.minutes * 60_000,
      totalOver: this.plan.slotMinutes !== undefined && totalMs > this.plan.slotMinutes * 60_000,
    };
    if (this.index + 1 < sections.length) snapshot.next = sections[this.index + 1];
    if (section.minutes !== undefined) snapshot.sectionBudgetMs = section.minutes * 60_000;
    if (this.plan.slotMinutes !== undefined) snapshot.slotMs = this.plan.slotMinutes * 60_000;
    return snapshot;
  }

  /**
   * The run to record, once stopped. Sections reached are recorded with their times; stopping
   * during the first of several sections records nothing, as there is nothing to compare yet.
   */
  outcome(date: string): RehearsalOutcome {
    if (this.phaseValue !== 'stopped') this.stop();
    const totalMs = this.spent.reduce((sum, ms) => sum + ms, 0);
    if (totalMs < 1000) {
      return { recorded: false, message: l10n.t('The rehearsal was stopped before any time was measured, so nothing was recorded.') };
    }
    if (!this.finished && this.index === 0) {
      return {
        recorded: false,
        message: l10n.t(
          'The rehearsal was stopped during the first section ("{0}"), so there is no section time to compare and nothing was recorded. Use Next Section to move through the talk, and Stop Rehearsal at the end.',
          this.plan.sections[0].title,
        ),
      };
    }
    const run: RehearsalRun = { date, minutes: toMinutes(totalMs) };
    if (!this.plan.wholeTalk) {
      run.sections = this.plan.sections.slice(0, this.index + 1).map((section, i): RehearsalSectionResult => {
        const actual = toMinutes(this.spent[i]);
        return section.minutes !== undefined ? { title: section.title, planned: section.minutes, actual } : { title: section.title, actual };
      });
    }
    return { recorded: true, run, partial: !this.finished };
  }

  private elapsed(i: number): number {
    return this.spent[i] + (this.phaseValue === 'running' && i === this.index ? Math.max(0, this.clock() - this.runningSince) : 0);
  }

  private settle(): void {
    const now = this.clock();
    this.spent[this.index] += Math.max(0, now - this.runningSince);
    this.runningSince = now;
  }
}

/** Minutes to a tenth, as the front matter records them. */
export function toMinutes(ms: number): number {
  return Math.round(ms / 6000) / 10;
}

/** The front-matter fields of a run, keys in the order people read them. */
export function rehearsalEntryFields(run: RehearsalRun): Record<string, string | number | Array<Record<string, string | number>>> {
  const fields: Record<string, string | number | Array<Record<string, string | number>>> = { date: run.date, minutes: run.minutes };
  if (run.sections) {
    fields.sections = run.sections.map((s): Record<string, string | number> =>
      s.planned !== undefined ? { title: s.title, planned: s.planned, actual: s.actual } : { title: s.title, actual: s.actual },
    );
  }
  return fields;
}

/** Valid entries of a front-matter `rehearsals:` list, in the order written; anything malformed is skipped. */
export function parseRehearsals(value: unknown): RehearsalRun[] {
  if (!Array.isArray(value)) return [];
  const runs: RehearsalRun[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const entry = item as Record<string, unknown>;
    const date = parseDateValue(entry.date);
    const minutes = toNumber(entry.minutes);
    if (!date.ok || minutes === undefined) continue;
    const run: RehearsalRun = { date: date.date, minutes };
    if (Array.isArray(entry.sections)) {
      const sections: RehearsalSectionResult[] = [];
      for (const raw of entry.sections) {
        if (raw === null || typeof raw !== 'object') continue;
        const s = raw as Record<string, unknown>;
        const actual = toNumber(s.actual);
        if (typeof s.title !== 'string' || actual === undefined) continue;
        const planned = toNumber(s.planned);
        sections.push(planned !== undefined ? { title: s.title, planned, actual } : { title: s.title, actual });
      }
      if (sections.length > 0) run.sections = sections;
    }
    runs.push(run);
  }
  return runs;
}

/** Where in the front-matter list the last run parseRehearsals reads is written, or -1; entries it cannot read are skipped. */
export function lastRunIndex(value: unknown): number {
  if (!Array.isArray(value)) return -1;
  for (let i = value.length - 1; i >= 0; i--) if (parseRehearsals([value[i]]).length > 0) return i;
  return -1;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export interface SectionComparison {
  title: string;
  planned?: number;
  actual: number;
  /** Minutes over the budget; 0 or less when on time. */
  over?: number;
}

export interface RunComparison {
  run: RehearsalRun;
  slot?: number;
  /** Minutes over the slot; negative when under. */
  overSlot?: number;
  sections: SectionComparison[];
  /** Sections that ran over their budget, longest overrun first. */
  ranLong: SectionComparison[];
}

/** A run against the plan: the slot, and each section against its budget. */
export function compareRun(run: RehearsalRun, slot: number | undefined): RunComparison {
  const sections = (run.sections ?? []).map((s): SectionComparison => (s.planned !== undefined ? { ...s, over: round1(s.actual - s.planned) } : { ...s }));
  const comparison: RunComparison = {
    run,
    sections,
    ranLong: sections.filter((s) => (s.over ?? 0) > 0).sort((a, b) => (b.over ?? 0) - (a.over ?? 0)),
  };
  if (slot !== undefined) {
    comparison.slot = slot;
    comparison.overSlot = round1(run.minutes - slot);
  }
  return comparison;
}

/** One line for a tooltip: "31.5 min, 1.5 over the 30 min slot; ran long: Demo +3.1, Intro +1.2". */
export function describeRun(comparison: RunComparison): string {
  const { run, slot, overSlot } = comparison;
  let text = `${formatNumber(run.minutes)} min`;
  if (slot !== undefined && overSlot !== undefined) {
    text += overSlot > 0 ? `, ${formatNumber(overSlot)} over the ${formatNumber(slot)} min slot` : ` of the ${formatNumber(slot)} min slot`;
  }
  if (comparison.ranLong.length > 0) {
    text += `; ran long: ${comparison.ranLong.map((s) => `${s.title} +${formatNumber(s.over ?? 0)}`).join(', ')}`;
  } else if (comparison.sections.some((s) => s.planned !== undefined)) {
    text += '; every section within its budget';
  }
  return text;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * The warning for a talk whose last recorded rehearsal ran over its slot, or undefined. The last
 * run is the last entry of the list, which is the order rehearsals are recorded in.
 */
export function overSlotMessage(runs: readonly RehearsalRun[], slot: number | undefined): string | undefined {
  const last = runs[runs.length - 1];
  if (last === undefined || slot === undefined || !(last.minutes > slot)) return undefined;
  const comparison = compareRun(last, slot);
  const longest = comparison.ranLong[0];
  const where = longest ? ` ${longest.title} ran ${formatNumber(longest.over ?? 0)} min over its budget.` : '';
  return `The last rehearsal (${last.date}) took ${formatNumber(last.minutes)} min, ${formatNumber(comparison.overSlot ?? 0)} min over the ${formatNumber(slot)} min slot.${where}`;
}
