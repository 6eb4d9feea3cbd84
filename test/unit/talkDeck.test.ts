import assert from 'node:assert/strict';
import { parseTalkOutline } from '../../src/core/talks/outline';
import { buildDeck } from '../../src/core/talks/deck/model';
import { marpFormat } from '../../src/core/talks/deck/marp';
import { changedSections, writeDeck, type DeckWrite } from '../../src/core/talks/deck/merge';

interface MarpRenderer {
  render(markdown: string): { html: string; comments: string[][] };
}
// The package declares its types only through `exports`, which this project's `node` module
// resolution does not read, so the little used here is typed by hand.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Marp } = require('@marp-team/marp-core') as { Marp: new () => MarpRenderer };

const TALK = `---
kind: talk
title: Feature flags without a vendor
event: FOSDEM 2027
duration: 20
call_to_action: Start with one flag in one service this week
---

## Intro (3 min)

- Who ships behind flags today?
<!-- Speaker note: ask for a show of hands -->

## The file provider (7 min)

- One JSON file per environment
- Reload without a restart

Notes: show the file first, then the code.

## Demo (8 min)

\`\`\`sh
flagd start --uri file:flags.json
\`\`\`

## Questions (2 min)

- [Slides and code](https://example.com/flags)
`;

function outlineOf(text: string): ReturnType<typeof parseTalkOutline> {
  return parseTalkOutline(text, { fallbackTitle: 'talk' });
}

function exportDeck(text: string, existing?: string): DeckWrite {
  return writeDeck(marpFormat, buildDeck(outlineOf(text), { speaker: 'Ada Lovelace', source: 'talks/flags.md' }), existing);
}

function okText(result: DeckWrite): string {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.text;
}

function okChanges(result: DeckWrite): Extract<DeckWrite, { ok: true }>['changes'] {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.changes;
}

/** Slide texts as Marp sees them: the deck split at its rules. */
function slidesOf(deck: string): string[] {
  return marpFormat.split(deck).slides;
}

describe('outline to Marp deck', () => {
  it('starts with marp: true and has a title slide, one slide per section and a closing slide', () => {
    const deck = okText(exportDeck(TALK));
    assert.match(deck, /^---\nmarp: true\ntitle: "Feature flags without a vendor"\n/);
    const slides = slidesOf(deck);
    assert.equal(slides.length, 6);
    assert.match(slides[0], /^# Feature flags without a vendor$/m);
    assert.match(slides[0], /^FOSDEM 2027$/m);
    assert.match(slides[0], /^Ada Lovelace$/m);
    assert.deepEqual(
      slides.slice(1, 5).map((s) => /^## (.*)$/m.exec(s)?.[1]),
      ['Intro', 'The file provider', 'Demo', 'Questions'],
    );
    assert.match(slides[5], /^# Thank you$/m);
    assert.match(slides[5], /Start with one flag in one service this week/);
    assert.match(slides[5], /- \[Slides and code\]\(https:\/\/example\.com\/flags\)/);
  });

  it('holds bullets on the slide and budget and notes in presenter-note comments', () => {
    const slides = slidesOf(okText(exportDeck(TALK)));
    assert.match(slides[1], /- Who ships behind flags today\?/);
    assert.match(slides[1], /<!--\nBudget: 3 min\.\nask for a show of hands\n-->/);
    assert.match(slides[2], /- One JSON file per environment\n- Reload without a restart/);
    assert.match(slides[2], /Budget: 7 min\.\nshow the file first, then the code\./);
    assert.ok(!/Notes:/.test(slides[2]), 'the Notes: paragraph is not on the slide');
    assert.match(slides[3], /```sh\nflagd start --uri file:flags\.json\n```/);
    assert.match(slides[4], /Budget: 2 min\./);
  });

  it('renders with Marp into the same number of slides, with the notes as presenter notes and no markers', () => {
    const deck = okText(exportDeck(TALK));
    const rendered = new Marp().render(deck);
    const sections = rendered.html.match(/<section[\s>]/g) ?? [];
    assert.equal(sections.length, 6);
    assert.equal(rendered.comments.length, 6);
    assert.deepEqual(rendered.comments[1], ['Budget: 3 min.\nask for a show of hands']);
    assert.ok(!rendered.html.includes('devrel-desk'), 'markers never show on a slide');
    assert.ok(!rendered.comments.flat().some((c) => c.includes('devrel-desk')), 'markers never show in presenter notes');
  });

  it('keeps a comment-closing arrow in a note from ending the note early', () => {
    const deck = okText(exportDeck('## Intro (1 min)\n\nNotes: a --> b\n'));
    const rendered = new Marp().render(deck);
    assert.match(rendered.comments[1][0], /a - - > b/);
  });
});

describe('re-exporting a deck', () => {
  it('changes nothing when neither the outline nor the deck changed', () => {
    const first = okText(exportDeck(TALK));
    const again = exportDeck(TALK, first);
    assert.equal(okText(again), first);
    assert.deepEqual(changedSections(okChanges(again)), []);
  });

  it('updates untouched slides of changed sections and reports them', () => {
    const first = okText(exportDeck(TALK));
    const edited = TALK.replace('## Demo (8 min)', '## Demo (9 min)').replace('- Reload without a restart', '- Reload without a restart, in 2 s');
    const result = exportDeck(edited, first);
    const changes = okChanges(result);
    assert.deepEqual(changes.updated, ['The file provider', 'Demo']);
    assert.match(okText(result), /Reload without a restart, in 2 s/);
    assert.match(okText(result), /Budget: 9 min/);
  });

  it('keeps slides added by hand where they are, and hand-edited slides as they are', () => {
    const first = okText(exportDeck(TALK));
    const slides = slidesOf(first);
    slides[2] = slides[2].replace('- One JSON file per environment', '- One JSON file per environment (my wording)');
    slides.splice(3, 0, '\n## Architecture diagram\n\n![diagram](arch.png)\n');
    const byHand = marpFormat.join(marpFormat.split(first).header, slides);

    const outlineChanged = TALK.replace('- One JSON file per environment', '- One YAML file per environment').replace('## Intro (3 min)', '## Intro (4 min)');
    const result = exportDeck(outlineChanged, byHand);
    const text = okText(result);
    const after = slidesOf(text);
    assert.equal(after.length, 7);
    assert.match(after[2], /One JSON file per environment \(my wording\)/, 'the edited slide is kept');
    assert.match(after[3], /## Architecture diagram/, 'the added slide stays after the slide it followed');
    assert.match(after[1], /Budget: 4 min/, 'the untouched slide follows the outline');
    const changes = okChanges(result);
    assert.deepEqual(changes.keptEdited, ['The file provider']);
    assert.equal(changes.handAdded, 1);
    assert.ok(changes.updated.includes('Intro'));
    assert.deepEqual(changedSections(changes), ['Intro', 'The file provider'], 'the person hears about both');
  });

  it('adds new sections after the section before them and removes untouched slides of deleted sections', () => {
    const first = okText(exportDeck(TALK));
    const edited = TALK.replace('## Questions (2 min)', '## Lessons learned (2 min)\n\n- Flags are debt\n\n## Questions (2 min)').replace(
      /## Demo \(8 min\)[\s\S]*?(?=## Lessons)/,
      '',
    );
    const result = exportDeck(edited, first);
    const changes = okChanges(result);
    assert.deepEqual(changes.added, ['Lessons learned']);
    assert.deepEqual(changes.removed, ['Demo']);
    const headings = slidesOf(okText(result)).map((s) => /^#{1,2} (.*)$/m.exec(s)?.[1]);
    assert.deepEqual(headings, ['Feature flags without a vendor', 'Intro', 'The file provider', 'Lessons learned', 'Questions', 'Thank you']);
  });

  it('keeps a hand-edited slide of a deleted section, and does not bring back a slide the person deleted', () => {
    const first = okText(exportDeck(TALK));
    const slides = slidesOf(first);
    slides[3] = slides[3].replace('flagd start', 'flagd start --debug');
    slides.splice(4, 1);
    const byHand = marpFormat.join(marpFormat.split(first).header, slides);
    const withoutDemo = TALK.replace(/## Demo \(8 min\)[\s\S]*?(?=## Questions)/, '');
    const result = exportDeck(withoutDemo, byHand);
    const changes = okChanges(result);
    assert.deepEqual(changes.keptOrphaned, ['Demo']);
    assert.deepEqual(changes.deletedByHand, ['Questions']);
    assert.match(okText(result), /flagd start --debug/);
    assert.ok(!/## Questions/.test(okText(result)));
    const third = exportDeck(withoutDemo, okText(result));
    assert.equal(okText(third), okText(result), 'a second re-export is stable');
  });

  it('keeps what the person added to the front matter', () => {
    const first = okText(exportDeck(TALK));
    const themed = first.replace('marp: true\n', 'marp: true\ntheme: gaia\npaginate: true\n');
    const text = okText(exportDeck(TALK.replace('(3 min)', '(4 min)'), themed));
    assert.match(text, /^---\nmarp: true\ntheme: gaia\npaginate: true\n/);
    assert.equal((text.match(/# devrel-desk exported:/g) ?? []).length, 1);
  });

  it('keeps CRLF line ends', () => {
    const first = okText(exportDeck(TALK)).replace(/\n/g, '\r\n');
    const text = okText(exportDeck(TALK.replace('(3 min)', '(4 min)'), first));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  });

  it('refuses a file DevRel Desk did not make', () => {
    const result = exportDeck(TALK, '---\nmarp: true\n---\n\n# My own deck\n\n---\n\n## Slide\n');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.reason === 'not-ours');
  });

  it('ties only the first of two slides with the same marker to the section', () => {
    const first = okText(exportDeck(TALK));
    const slides = slidesOf(first);
    slides.splice(2, 0, slides[1].replace('Who ships', 'Who really ships'));
    const copied = marpFormat.join(marpFormat.split(first).header, slides);
    const result = exportDeck(TALK.replace('(3 min)', '(4 min)'), copied);
    const after = slidesOf(okText(result));
    assert.match(after[1], /Budget: 4 min/);
    assert.match(after[2], /Who really ships/, "the copy is kept as a slide of the person's");
    assert.equal(okChanges(result).handAdded, 1);
  });
});
