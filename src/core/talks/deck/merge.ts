// Writes a deck, or brings an existing one up to date with the outline without losing what the
// person did to it. Every slide DevRel Desk writes carries a marker with its section and a hash of
// its text: a slide whose text still matches its hash is DevRel Desk's to replace; one that doesn't
// was edited by hand and is kept; a slide without a marker was added by hand and is kept.

import { normaliseSlide, slideHash, type DeckFormat, type DeckState } from './format';
import type { Deck, DeckSlide } from './model';

export interface DeckChanges {
  /** Sections new in the outline, given a slide. */
  added: string[];
  /** Sections whose slide was rewritten because the outline changed. */
  updated: string[];
  /** Sections gone from the outline whose untouched slide was removed. */
  removed: string[];
  /** Sections changed in the outline whose slide was edited by hand: the slide was kept as it is. */
  keptEdited: string[];
  /** Sections gone from the outline whose slide was edited by hand: kept. */
  keptOrphaned: string[];
  /** Sections whose slide the person deleted from the deck: not added again. */
  deletedByHand: string[];
  /** Slides without a marker, kept where they were. */
  handAdded: number;
}

export type DeckWrite = { ok: true; text: string; created: boolean; changes: DeckChanges } | { ok: false; reason: 'not-ours'; message: string };

interface Generated {
  slide: DeckSlide;
  text: string;
  hash: string;
}

interface Existing {
  raw: string;
  key?: string;
  hash?: string;
  body?: string;
}

/** The deck's text: new when `existing` is undefined, else `existing` updated. */
export function writeDeck(format: DeckFormat, deck: Deck, existing?: string): DeckWrite {
  const generated: Generated[] = deck.slides.map((slide) => {
    const text = normaliseSlide(format.slide(slide));
    return { slide, text, hash: slideHash(text) };
  });
  const changes: DeckChanges = { added: [], updated: [], removed: [], keptEdited: [], keptOrphaned: [], deletedByHand: [], handAdded: 0 };
  const state = (exported: string[]): DeckState => (deck.source ? { source: deck.source, exported } : { exported });

  if (existing === undefined) {
    const slides = generated.map((g) => format.mark(g.text, { key: g.slide.key, hash: g.hash }));
    return { ok: true, created: true, text: format.join(format.header(deck, state(generated.map((g) => g.slide.key))), slides), changes };
  }

  const crlf = existing.includes('\r\n');
  const { header, slides: rawSlides } = format.split(existing.replace(/\r\n/g, '\n'));
  const previous = format.readState(header);
  const seenKeys = new Set<string>();
  const slides: Existing[] = rawSlides.map((raw) => {
    const mark = format.readMark(raw);
    // A copied slide keeps its marker; only the first one is tied to the section.
    if (!mark || seenKeys.has(mark.marker.key)) return { raw };
    seenKeys.add(mark.marker.key);
    return { raw, key: mark.marker.key, hash: mark.marker.hash, body: mark.body };
  });
  if (!previous && seenKeys.size === 0) {
    return {
      ok: false,
      reason: 'not-ours',
      message: 'The file was not made by DevRel Desk (it has none of its slide markers), so it is left as it is.',
    };
  }

  const byKey = new Map(generated.map((g) => [g.slide.key, g]));
  const exportedBefore = new Set(previous?.exported ?? [...seenKeys]);
  const output: Array<{ text: string; key?: string }> = [];
  for (const slide of slides) {
    if (slide.key === undefined || slide.body === undefined || slide.hash === undefined) {
      if (normaliseSlide(slide.raw) !== '') {
        output.push({ text: slide.raw });
        changes.handAdded++;
      }
      continue;
    }
    const edited = slideHash(slide.body) !== slide.hash;
    const next = byKey.get(slide.key);
    if (!next) {
      const label = headingOf(slide.body) ?? slide.key;
      if (edited) {
        output.push({ text: slide.raw, key: slide.key });
        changes.keptOrphaned.push(label);
      } else {
        changes.removed.push(label);
      }
      continue;
    }
    if (edited) {
      output.push({ text: slide.raw, key: slide.key });
      if (next.hash !== slide.hash) changes.keptEdited.push(next.slide.label);
      continue;
    }
    output.push({ text: format.mark(next.text, { key: next.slide.key, hash: next.hash }), key: next.slide.key });
    if (next.hash !== slide.hash) changes.updated.push(next.slide.label);
  }

  const exported: string[] = [];
  generated.forEach((g, index) => {
    const key = g.slide.key;
    if (seenKeys.has(key)) {
      exported.push(key);
      return;
    }
    if (exportedBefore.has(key)) {
      changes.deletedByHand.push(g.slide.label);
      exported.push(key);
      return;
    }
    output.splice(insertionPoint(output, generated, index), 0, { text: format.mark(g.text, { key, hash: g.hash }), key });
    seenKeys.add(key);
    exported.push(key);
    changes.added.push(g.slide.label);
  });
  // Kept slides of sections gone from the outline still carry markers; remember them so they are never re-added.
  for (const entry of output) if (entry.key !== undefined && !exported.includes(entry.key)) exported.push(entry.key);

  let text = format.join(
    format.writeState(header, state(exported)),
    output.map((o) => o.text),
  );
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return { ok: true, created: false, text, changes };
}

/** New slides go right after the slide of the section before them in the outline. */
function insertionPoint(output: ReadonlyArray<{ key?: string }>, generated: readonly Generated[], index: number): number {
  for (let before = index - 1; before >= 0; before--) {
    const key = generated[before].slide.key;
    for (let i = output.length - 1; i >= 0; i--) if (output[i].key === key) return i + 1;
  }
  const firstKeyed = output.findIndex((o) => o.key !== undefined);
  return firstKeyed === -1 ? output.length : firstKeyed;
}

function headingOf(body: string): string | undefined {
  const match = /^[ ]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match ? match[1] : undefined;
}

/** Section titles the person should hear about, each once, in outline order. */
export function changedSections(changes: DeckChanges): string[] {
  return [...new Set([...changes.added, ...changes.updated, ...changes.removed, ...changes.keptEdited, ...changes.keptOrphaned])];
}
