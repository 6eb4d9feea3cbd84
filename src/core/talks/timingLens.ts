import * as l10n from '@vscode/l10n';
// Talk timing in the margin: for each timed section of an outline, when it starts and ends in the
// talk, its budget and the running total against the slot, and how long the last rehearsal spent
// in it. The sections and budgets are the outline's, so the lens, the deck and the rehearsal timer
// agree on the plan.

import type { RehearsalRun, Range } from '../types';
import { roundMinutes, type TalkOutline } from './outline';
import { formatNumber } from './rehearsal';

export interface TimingLens {
  /** Zero-based line of the section's heading in the whole file. */
  line: number;
  /** The heading line, from its first character to its last non-blank one. */
  range: Range;
  sectionId: string;
  /** `05:00 → 15:00 · 10 min · 15/30`, with the rehearsal and over-the-slot notes after it. */
  title: string;
  /** A sentence for the tooltip. */
  tooltip: string;
  startMinutes: number;
  endMinutes: number;
  minutes: number;
  /** Minutes the last rehearsal spent in this section, when it timed it. */
  rehearsed?: number;
  /** The section ends after the slot. */
  overSlot: boolean;
}

/**
 * One lens per section that has a budget. Sections without one take no time, as the outline
 * counts them. `lines` are the file's lines, to measure the heading; `lastRun` is the last
 * recorded rehearsal, matched to sections by title.
 */
export function talkTimingLenses(outline: TalkOutline, lines: readonly string[], lastRun?: RehearsalRun): TimingLens[] {
  if (!outline.timed) return [];
  const slot = outline.duration;
  const rehearsedBy = new Map<string, number>();
  for (const section of lastRun?.sections ?? []) {
    const key = section.title.trim().toLowerCase();
    if (!rehearsedBy.has(key)) rehearsedBy.set(key, section.actual);
  }
  const lenses: TimingLens[] = [];
  let elapsed = 0;
  for (const section of outline.sections) {
    const start = elapsed;
    elapsed = roundMinutes(elapsed + (section.minutes ?? 0));
    if (section.minutes === undefined) continue;
    const end = elapsed;
    const overSlot = slot !== undefined && end > slot;
    const parts = [
      `${clock(start)} → ${clock(end)}`,
      `${formatNumber(section.minutes)} min`,
      slot !== undefined ? `${formatNumber(end)}/${formatNumber(slot)}` : `${formatNumber(end)} min in`,
    ];
    const tooltip = [l10n.t('"{0}" runs from {1} to {2} of the talk: {3} min.', section.title, clock(start), clock(end), formatNumber(section.minutes))];
    const rehearsed = rehearsedBy.get(section.title.trim().toLowerCase());
    if (rehearsed !== undefined && lastRun) {
      const diff = Math.round((rehearsed - section.minutes) * 10) / 10;
      const delta = diff > 0 ? ` (+${formatNumber(diff)})` : diff < 0 ? ` (−${formatNumber(-diff)})` : '';
      parts.push(`rehearsed ${formatNumber(rehearsed)} min${delta}`);
      tooltip.push(l10n.t('The last rehearsal ({0}) spent {1} min on it.', lastRun.date, formatNumber(rehearsed)));
    }
    if (overSlot && slot !== undefined) {
      parts.push(`⚠ over the ${formatNumber(slot)} min slot`);
      tooltip.push(l10n.t('The sections up to here add up to {0} min, past the {1} min slot.', formatNumber(end), formatNumber(slot)));
    }
    tooltip.push(l10n.t('Click to rehearse the talk.'));
    const text = lines[section.line] ?? '';
    lenses.push({
      line: section.line,
      range: { start: { line: section.line, character: 0 }, end: { line: section.line, character: text.replace(/\s+$/, '').length } },
      sectionId: section.id,
      title: parts.join(' · '),
      tooltip: tooltip.join(' '),
      startMinutes: start,
      endMinutes: end,
      minutes: section.minutes,
      ...(rehearsed !== undefined ? { rehearsed } : {}),
      overSlot,
    });
  }
  return lenses;
}

/** Minutes into the talk as `mm:ss`: `05:00`, `62:30`. */
export function clock(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}
