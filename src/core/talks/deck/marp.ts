// Marp Markdown: `marp: true` front matter, slides separated by `---`, presenter notes in HTML
// comments (https://marpit.marp.app/usage?id=presenter-notes).

import MarkdownIt from 'markdown-it';
import { locateFrontMatter } from '../../frontMatter/parse';
import { markerLine, readMarkerLine, type DeckFormat, type DeckState } from './format';
import type { Deck, DeckSlide } from './model';

const SOURCE_COMMENT = /^# Made by DevRel Desk from (.*?)\. .*$/m;
const STATE_COMMENT = /^# devrel-desk exported:(.*)$/m;
const MADE_BY_PREFIX = '# Made by DevRel Desk';

// Marp splits slides on every horizontal rule markdown-it sees, so the deck is split with the same parser.
const splitter = new MarkdownIt('default', { html: true });

export const marpFormat: DeckFormat = {
  id: 'marp',
  label: 'Marp',
  fileSuffix: '.slides',

  header(deck: Deck, state: DeckState): string {
    return ['---', 'marp: true', `title: ${JSON.stringify(deck.title)}`, ...stateLines(state), '---', ''].join('\n');
  },

  readState(header: string): DeckState | undefined {
    const exported = STATE_COMMENT.exec(header);
    if (!exported) return undefined;
    const state: DeckState = { exported: exported[1].trim().split(/\s+/).filter(Boolean) };
    const source = SOURCE_COMMENT.exec(header);
    if (source) state.source = source[1];
    return state;
  },

  writeState(header: string, state: DeckState): string {
    const location = locateFrontMatter(header);
    const lineBreak = header.includes('\r\n') ? '\r\n' : '\n';
    if (location.type !== 'closed' || location.block.format !== 'yaml') {
      // No front matter the person could have changed: start one, keeping whatever was above the first slide.
      return ['---', 'marp: true', ...stateLines(state), '---', ''].join(lineBreak) + header;
    }
    const { contentStart, contentEnd } = location.block;
    const kept = header
      .slice(contentStart, contentEnd)
      .split(/\r?\n/)
      .filter((line) => !line.startsWith(MADE_BY_PREFIX) && !STATE_COMMENT.test(line));
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    return header.slice(0, contentStart) + [...kept, ...stateLines(state), ''].join(lineBreak) + header.slice(contentEnd);
  },

  slide(slide: DeckSlide): string {
    const level = slide.role === 'section' ? '##' : '#';
    const parts = [`${level} ${slide.heading}`, ...slide.content];
    if (slide.notes.length > 0) parts.push(['<!--', ...slide.notes.map(safeInComment), '-->'].join('\n'));
    return parts.join('\n\n');
  },

  split(text: string): { header: string; slides: string[] } {
    const location = locateFrontMatter(text);
    const headerEnd = location.type === 'closed' ? location.block.end : 0;
    const header = text.slice(0, headerEnd);
    const body = text.slice(headerEnd);
    const lines = body.split('\n');
    const rules = splitter
      .parse(body, {})
      .filter((token) => token.type === 'hr' && token.level === 0 && token.map !== null)
      .map((token) => token.map as [number, number]);
    const slides: string[] = [];
    let from = 0;
    for (const [start, end] of rules) {
      slides.push(lines.slice(from, start).join('\n'));
      from = end;
    }
    slides.push(lines.slice(from).join('\n'));
    return { header, slides };
  },

  join(header: string, slides: readonly string[]): string {
    const trimmed = slides.map((slide) => slide.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, ''));
    return `${header}${header === '' || header.endsWith('\n\n') ? '' : '\n'}${trimmed.join('\n\n---\n\n')}\n`;
  },

  mark(slideText: string, marker): string {
    return `${markerLine(marker)}\n\n${slideText}`;
  },

  readMark(slideText: string) {
    const found = readMarkerLine(slideText);
    return found ? { marker: found.marker, body: found.body.replace(/^(?:[ \t]*\n)+/, '') } : undefined;
  },
};

function stateLines(state: DeckState): string[] {
  const from = state.source ? ` from ${state.source}` : '';
  return [`${MADE_BY_PREFIX}${from}. Export Slides again to update it: slides you add or edit by hand are kept.`, `# devrel-desk exported: ${state.exported.join(' ')}`];
}

/** Presenter notes live in an HTML comment, which the first `-->` would end. */
function safeInComment(line: string): string {
  return line.replace(/--+>/g, (arrow) => `${arrow.slice(0, -1).split('').join(' ')} >`).replace(/<!--/g, '<! --');
}
