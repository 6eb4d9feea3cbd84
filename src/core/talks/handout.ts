// A compact speaker-notes handout for a printed or tablet copy on stage: each section with its
// running start time, its budget and its notes.

import { formatBudget, formatClock } from './deck/model';
import { slideHash } from './deck/format';
import type { TalkOutline } from './outline';

export interface HandoutEntry {
  /** Running start time, `mm:ss`. */
  start: string;
  title: string;
  minutes?: number;
  notes: string[];
}

export interface Handout {
  text: string;
  entries: HandoutEntry[];
  /** When the last section ends, `mm:ss`. */
  end: string;
}

const MARKER = /^<!-- devrel-desk handout hash=([0-9a-f]{8}) -->\r?\n/;

/** The handout's Markdown. Sections without a budget take no time, and say so. */
export function buildHandout(outline: TalkOutline, options: { source?: string } = {}): Handout {
  const entries: HandoutEntry[] = [];
  const lines: string[] = [`# ${outline.title}: speaker notes`, ''];
  const facts: string[] = [];
  if (outline.event) facts.push(outline.event);
  if (outline.duration !== undefined) facts.push(`${formatBudget(outline.duration)} slot`);
  if (outline.timed) facts.push(`${formatBudget(outline.plannedMinutes)} planned`);
  if (facts.length > 0) lines.push(facts.join(' · '), '');

  let startMs = 0;
  for (const section of outline.sections) {
    const entry: HandoutEntry = { start: formatClock(startMs), title: section.title, notes: section.notes };
    if (section.minutes !== undefined) entry.minutes = section.minutes;
    entries.push(entry);
    lines.push(`## ${entry.start} ${section.heading} (${section.minutes !== undefined ? formatBudget(section.minutes) : 'no budget'})`, '');
    if (section.notes.length > 0) lines.push(...section.notes.map((note) => `- ${note}`), '');
    else lines.push('_No notes._', '');
    startMs += (section.minutes ?? 0) * 60_000;
  }
  const end = formatClock(startMs);
  if (outline.sections.length === 0) {
    lines.push('_The outline has no sections yet. Give each part of the talk a heading with its budget, such as "## Intro (5 min)"._', '');
  } else {
    const over = outline.duration !== undefined && startMs > outline.duration * 60_000;
    lines.push(`Ends at ${end}${over ? `, over the ${formatBudget(outline.duration ?? 0)} slot` : ''}.`, '');
  }
  if (options.source) lines.push(`<!-- Made by DevRel Desk from ${options.source}. Export Speaker Notes again to update it. -->`, '');
  const content = lines.join('\n').replace(/\n+$/, '\n');
  return { text: `<!-- devrel-desk handout hash=${slideHash(content)} -->\n${content}`, entries, end };
}

/**
 * Whether an existing file may be replaced by a new handout: only one DevRel Desk wrote whose text
 * is still as it was written. A handout edited since is the person's, like any other file.
 */
export function handoutOwnership(existing: string): 'untouched' | 'edited' | 'not-ours' {
  const text = existing.replace(/^\uFEFF/, '');
  const match = MARKER.exec(text);
  if (!match) return 'not-ours';
  return slideHash(text.slice(match[0].length)) === match[1] ? 'untouched' : 'edited';
}
