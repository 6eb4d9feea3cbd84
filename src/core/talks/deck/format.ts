// What a slide tool's module provides so that decks can be written and re-exported in its syntax.
// The merge (merge.ts) works only through this interface, so a second format is a second module.

import type { Deck, DeckSlide } from './model';

/** What a deck remembers between exports, kept in its header. */
export interface DeckState {
  /** Workspace-relative path of the outline. */
  source?: string;
  /** Keys of the slides exported so far; a key missing from the deck was deleted by hand. */
  exported: string[];
}

/** Ties a slide to the outline: the slide's key, and a hash of the text DevRel Desk wrote. */
export interface SlideMarker {
  key: string;
  hash: string;
}

export interface DeckFormat {
  id: string;
  /** For messages: "Marp". */
  label: string;
  /** Added to the talk's file name without its extension: `talk` → `talk.slides.md`. */
  fileSuffix: string;
  /** A new deck's text before its first slide. */
  header(deck: Deck, state: DeckState): string;
  /** The state kept in an existing header, or undefined when it has none. */
  readState(header: string): DeckState | undefined;
  /** The header with its state replaced, everything the person wrote there kept. */
  writeState(header: string, state: DeckState): string;
  /** One slide's text, without its marker. */
  slide(slide: DeckSlide): string;
  /** An existing deck's header and slide texts. Text that is not a deck gives a header and one slide. */
  split(text: string): { header: string; slides: string[] };
  join(header: string, slides: readonly string[]): string;
  /** The slide text with its marker. */
  mark(slideText: string, marker: SlideMarker): string;
  /** The marker and the rest of the slide, or undefined for a slide without one. */
  readMark(slideText: string): { marker: SlideMarker; body: string } | undefined;
}

/** Line ends, trailing spaces and blank lines around a slide don't make it a different slide. */
export function normaliseSlide(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to notice that a person edited a slide. */
export function slideHash(text: string): string {
  const normal = normaliseSlide(text);
  let hash = 0x811c9dc5;
  for (let i = 0; i < normal.length; i++) {
    hash ^= normal.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

// A Markdown "comment" that renders nothing and, unlike an HTML comment, does not end up in
// Marp's (or Slidev's) presenter notes: a link reference definition nothing refers to.
const MARKER_LINE = /^[ ]{0,3}\[\/\/\]:[ \t]*#[ \t]+"devrel-desk slide=([A-Za-z0-9:_-]+) hash=([0-9a-f]{8})"[ \t]*$/;

export function markerLine(marker: SlideMarker): string {
  return `[//]: # "devrel-desk slide=${marker.key} hash=${marker.hash}"`;
}

/** Finds a marker line at the top of a Markdown slide. */
export function readMarkerLine(slideText: string): { marker: SlideMarker; body: string } | undefined {
  const text = slideText.replace(/^(?:[ \t]*\r?\n)+/, '');
  const end = text.indexOf('\n');
  const first = (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
  const match = MARKER_LINE.exec(first);
  if (!match) return undefined;
  return { marker: { key: match[1], hash: match[2] }, body: end === -1 ? '' : text.slice(end + 1) };
}
