// A deck as plain data, before any slide tool's syntax: a format module (marp.ts) writes it out.

import type { OutlineSection, TalkOutline } from '../outline';

export type SlideRole = 'title' | 'section' | 'closing';

export interface DeckSlide {
  /** What ties the slide to the outline across exports: `title`, `closing` or `section:<id>`. */
  key: string;
  role: SlideRole;
  /** The section's title, or the talk's for the title slide; used in messages. */
  label: string;
  /** Markdown heading text, without `#`. */
  heading: string;
  /** Markdown blocks shown on the slide, in order. */
  content: string[];
  /** Presenter notes, one line each. */
  notes: string[];
  /** The section's budget; undefined for slides without one. */
  minutes?: number;
}

export interface Deck {
  title: string;
  /** Workspace-relative path of the outline, for the note at the top of the deck. */
  source?: string;
  slides: DeckSlide[];
}

export interface DeckOptions {
  /** The speaker's name, from the `devrel.author` setting; left off the title slide when empty. */
  speaker?: string;
  source?: string;
}

export function sectionKey(section: Pick<OutlineSection, 'id'>): string {
  return `section:${section.id}`;
}

/** Title slide, one slide per section, closing slide. */
export function buildDeck(outline: TalkOutline, options: DeckOptions = {}): Deck {
  const slides: DeckSlide[] = [];
  const titleLines: string[] = [];
  if (outline.event) titleLines.push(outline.event);
  const speaker = options.speaker?.trim();
  if (speaker) titleLines.push(speaker);
  slides.push({
    key: 'title',
    role: 'title',
    label: 'Title slide',
    heading: outline.title,
    content: titleLines,
    notes: outline.duration !== undefined ? [`Slot: ${formatBudget(outline.duration)}.`] : [],
  });

  for (const section of outline.sections) {
    // Start times belong in the handout: here one changed budget would change every later slide.
    const notes = [section.minutes !== undefined ? `Budget: ${formatBudget(section.minutes)}.` : 'Budget: none set in the outline.'];
    notes.push(...section.notes);
    const slide: DeckSlide = {
      key: sectionKey(section),
      role: 'section',
      label: section.title,
      heading: section.heading,
      content: section.content,
      notes,
    };
    if (section.minutes !== undefined) slide.minutes = section.minutes;
    slides.push(slide);
  }

  const closing: string[] = [];
  if (outline.callToAction) closing.push(outline.callToAction);
  if (outline.links.length > 0) {
    closing.push(outline.links.map((link) => (link.text ? `- [${escapeLinkText(link.text)}](${link.url})` : `- <${link.url}>`)).join('\n'));
  }
  slides.push({ key: 'closing', role: 'closing', label: 'Closing slide', heading: 'Thank you', content: closing, notes: [] });

  const deck: Deck = { title: outline.title, slides };
  if (options.source) deck.source = options.source;
  return deck;
}

export function formatBudget(minutes: number): string {
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

/** `mm:ss`, or `h:mm:ss` from an hour on. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, (ch) => `\\${ch}`);
}
