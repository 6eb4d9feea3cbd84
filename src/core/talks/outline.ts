import * as l10n from '@vscode/l10n';
// A talk outline as the deck, the handout and the rehearsal timer see it: the sections that make
// up the talk, with their minute budgets, slide content and speaker notes. Which headings are
// sections and what they budget comes from the analysis pass, so the deck, the status bar and the
// over-the-slot warning always agree on the plan.

import MarkdownIt from 'markdown-it';
import { analyzeMarkdown, parseTiming } from '../analysis/analysis';
import { locateFrontMatter, parseFrontMatter } from '../frontMatter/parse';
import { slugify } from '../slug';
import type { Heading } from '../types';

type Token = MarkdownIt.Token;

export interface OutlineSection {
  /** Stable within the talk: a slug of the title, with `-2`, `-3`… for repeated titles. */
  id: string;
  /** Plain text, timing removed: "Demo". */
  title: string;
  /** The heading's Markdown source, timing removed: "Demo: `kubectl` at scale". */
  heading: string;
  /** Undefined when the heading has no budget. */
  minutes?: number;
  /** Zero-based line of the heading in the whole file. */
  line: number;
  /** Markdown blocks for the slide: lists, code, images, tables, quotes; prose only when the section has no list. */
  content: string[];
  /** Plain text of the section's top-level list items. */
  bullets: string[];
  /** Speaker notes, one line each. */
  notes: string[];
}

export type OutlineProblemCode = 'no-sections' | 'no-budgets' | 'no-budget' | 'duplicate-title';

export interface OutlineProblem {
  code: OutlineProblemCode;
  message: string;
  /** Zero-based line in the whole file, when the problem has one. */
  line?: number;
}

export interface OutlineLink {
  url: string;
  /** Link text, when the link has any besides its address. */
  text?: string;
}

export interface TalkOutline {
  title: string;
  event?: string;
  /** The slot, from the front-matter `duration`. */
  duration?: number;
  /** True when at least one section heading carries a minute budget. */
  timed: boolean;
  /** Sum of the sections' budgets. */
  plannedMinutes: number;
  sections: OutlineSection[];
  /** From the front-matter `call_to_action` (or `cta`). */
  callToAction?: string;
  /** Front-matter `links`, then every link in the body, each address once. */
  links: OutlineLink[];
  problems: OutlineProblem[];
}

export interface OutlineOptions {
  /** Used when neither the front matter nor a level-1 heading names the talk, e.g. the file name. */
  fallbackTitle: string;
}

const blockParser = new MarkdownIt('default', { html: true, linkify: false });

const SPEAKER_NOTE = /<!--\s*speaker[ -]?notes?\s*:?\s*([\s\S]*?)\s*-->/gi;
const NOTES_LABEL = /^\s*(?:\*\*|__)?notes?\s*:\s*(?:\*\*|__)?[ \t]*/i;
const IMAGE_ONLY = /^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$/;
const HTML_COMMENTS_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;
const MARKDOWN_LINK = /\[([^\]\n]*)\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const AUTOLINK = /<(https?:\/\/[^\s>]+)>/g;
const BARE_URL = /(?<![("<[])\bhttps?:\/\/[^\s)>\]]+/g;
const MAX_LINKS = 8;

/** Reads a talk's Markdown (front matter included) into its outline. Never throws for bad input. */
export function parseTalkOutline(text: string, options: OutlineOptions): TalkOutline {
  const location = locateFrontMatter(text);
  let data: Record<string, unknown> = {};
  let body: string;
  let bodyStartLine = 0;
  if (location.type === 'closed') {
    data = parseFrontMatter(text, location.block).data;
    body = text.slice(location.block.end);
    bodyStartLine = location.block.bodyStartLine;
  } else if (location.type === 'unclosed') {
    body = text.slice(location.start);
  } else {
    body = text.slice(location.bodyStart);
  }

  const analysis = analyzeMarkdown(body, { wordsPerMinute: 238, bodyStartLine: 0 });
  const lines = body.split(/\r\n|\r|\n/);
  const tokens = blockParser.parse(body, {});
  const blocks = topLevelBlocks(tokens);
  const problems: OutlineProblem[] = [];

  const timedLines = new Set((analysis.talk?.sections ?? []).map((s) => s.line));
  const chosen = chooseSectionHeadings(analysis.headings, timedLines);
  const sections: OutlineSection[] = [];
  const seenTitles = new Map<string, OutlineSection>();
  const usedIds = new Set<string>();

  chosen.forEach((heading, index) => {
    const end = sectionEnd(analysis.headings, heading, lines.length);
    const source = headingSource(lines, heading);
    const timing = timedLines.has(heading.line) ? parseTiming(heading.text) : undefined;
    const sourceTiming = timing ? parseTiming(source) : undefined;
    const title = (timing ? timing.title : heading.text).trim() || `Section ${index + 1}`;
    const fileLine = heading.line + bodyStartLine;
    const section: OutlineSection = {
      id: uniqueId(slugify(title, 60), usedIds),
      title,
      heading: (sourceTiming ? sourceTiming.title : source).trim() || title,
      line: fileLine,
      ...readContent(blocks, tokens, lines, heading.line + 1, end),
    };
    if (timing) section.minutes = timing.minutes;
    const key = title.toLowerCase();
    const earlier = seenTitles.get(key);
    if (earlier) {
      problems.push({
        code: 'duplicate-title',
        message: l10n.t(
          'Two sections are titled "{0}" (lines {1} and {2}). Slides and rehearsal times are matched by section, so rename one; until then the second is "{3}".',
          title,
          earlier.line + 1,
          fileLine + 1,
          section.id,
        ),
        line: fileLine,
      });
    } else {
      seenTitles.set(key, section);
    }
    sections.push(section);
  });

  const timed = sections.some((s) => s.minutes !== undefined);
  if (sections.length === 0) {
    problems.push({
      code: 'no-sections',
      message: l10n.t('This talk has no sections. Give each part of the talk a heading with its minute budget, such as "## Intro (5 min)".'),
    });
  } else if (!timed) {
    problems.push({
      code: 'no-budgets',
      message: l10n.t(
        'No section has a minute budget, so the deck and handout have no timings and a rehearsal times the whole talk. Add the minutes to each heading, such as "## {0} (5 min)".',
        sections[0].title,
      ),
      line: sections[0].line,
    });
  } else {
    for (const section of sections) {
      if (section.minutes !== undefined) continue;
      problems.push({
        code: 'no-budget',
        message: l10n.t('"{0}" has no minute budget and counts as 0 minutes. Add one to its heading, such as "## {1} (5 min)".', section.title, section.title),
        line: section.line,
      });
    }
  }

  const outline: TalkOutline = {
    title: stringField(data.title) ?? analysis.headings.find((h) => h.level === 1)?.text ?? options.fallbackTitle,
    timed,
    plannedMinutes: roundMinutes(sections.reduce((sum, s) => sum + (s.minutes ?? 0), 0)),
    sections,
    links: collectLinks(data.links, blocks, lines),
    problems,
  };
  const event = stringField(data.event);
  if (event !== undefined) outline.event = event;
  const duration = numberField(data.duration);
  if (duration !== undefined) outline.duration = duration;
  const callToAction = stringField(data.call_to_action) ?? stringField(data.cta);
  if (callToAction !== undefined) outline.callToAction = callToAction;
  return outline;
}

/** Whole minutes stay whole; anything else is kept to a tenth, as people write budgets. */
export function roundMinutes(minutes: number): number {
  return Math.round(minutes * 1000) / 1000;
}

/**
 * The headings that are sections. With budgets: the top-level timed headings (a timed heading
 * inside a timed section is a breakdown of its minutes) and any heading at their level or above
 * between the first and the last of them, which is a section that lacks a budget. Headings before
 * the first and after the last timed section (the CFP abstract, a demo plan) are preparation, not
 * talk. Without budgets: every heading at the shallowest level below the title.
 */
function chooseSectionHeadings(headings: readonly Heading[], timedLines: ReadonlySet<number>): Heading[] {
  const topTimed: Heading[] = [];
  let scopeLevel = 0;
  for (const heading of headings) {
    if (scopeLevel !== 0 && heading.level <= scopeLevel) scopeLevel = 0;
    if (timedLines.has(heading.line) && scopeLevel === 0) {
      topTimed.push(heading);
      scopeLevel = heading.level;
    }
  }
  if (topTimed.length > 0) {
    const level = Math.max(...topTimed.map((h) => h.level));
    const first = topTimed[0].line;
    const last = topTimed[topTimed.length - 1].line;
    const timed = new Set(topTimed);
    return headings.filter((h) => timed.has(h) || (h.line > first && h.line < last && h.level <= level && !insideTimed(h, topTimed)));
  }
  const belowTitle = headings.filter((h) => h.level > 1);
  const candidates = belowTitle.length > 0 ? belowTitle : headings;
  if (candidates.length === 0) return [];
  const level = Math.min(...candidates.map((h) => h.level));
  return candidates.filter((h) => h.level === level && h.text.trim().length > 0);
}

function insideTimed(heading: Heading, topTimed: readonly Heading[]): boolean {
  // The closest timed section above, if its scope still covers this heading.
  let owner: Heading | undefined;
  for (const timed of topTimed) if (timed.line < heading.line) owner = timed;
  return owner !== undefined && heading.level > owner.level;
}

/** A section runs to the next heading of its level or above, or to the end of the body. */
function sectionEnd(headings: readonly Heading[], heading: Heading, lineCount: number): number {
  for (const next of headings) {
    if (next.line > heading.line && next.level <= heading.level) return next.line;
  }
  return lineCount;
}

function headingSource(lines: readonly string[], heading: Heading): string {
  const line = lines[heading.line] ?? '';
  const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  if (atx) return atx[1] ?? '';
  return line.trim();
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

interface Block {
  type: string;
  /** Index of the opening token. */
  index: number;
  start: number;
  end: number;
}

function topLevelBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.map === null || token.nesting === -1) continue;
    blocks.push({ type: token.type.replace(/_open$/, ''), index: i, start: token.map[0], end: token.map[1] });
  }
  return blocks;
}

function readContent(
  blocks: readonly Block[],
  tokens: readonly Token[],
  lines: readonly string[],
  from: number,
  to: number,
): Pick<OutlineSection, 'content' | 'bullets' | 'notes'> {
  const slide: Array<{ text: string; prose: boolean }> = [];
  const bullets: string[] = [];
  const notes: string[] = [];
  let notesListNext = false;
  for (const block of blocks) {
    if (block.start < from || block.start >= to) continue;
    const source = lines.slice(block.start, Math.min(block.end, to)).join('\n').replace(/\s+$/, '');
    if (block.type === 'fence' || block.type === 'code_block') {
      slide.push({ text: source, prose: false });
      notesListNext = false;
      continue;
    }
    const rest = extractSpeakerNotes(source, notes);
    if (rest.trim() === '' || block.type === 'hr') continue;
    const listsNotes = notesListNext;
    notesListNext = false;
    switch (block.type) {
      case 'html_block':
        if (!HTML_COMMENTS_ONLY.test(rest)) slide.push({ text: rest, prose: false });
        break;
      case 'heading': {
        const text = headingSource(rest.split('\n'), { level: 0, text: '', line: 0 });
        const timing = parseTiming(text);
        const level = Math.min(6, Math.max(3, tokens[block.index].tag.charCodeAt(1) - 0x30));
        slide.push({ text: `${'#'.repeat(level)} ${(timing ? timing.title : text).trim()}`, prose: false });
        break;
      }
      case 'paragraph': {
        const label = NOTES_LABEL.exec(rest);
        if (label) {
          const after = rest.slice(label[0].length);
          notes.push(...nonEmptyLines(after));
          notesListNext = after.trim() === '';
        } else {
          slide.push({ text: rest, prose: !IMAGE_ONLY.test(rest) });
        }
        break;
      }
      case 'bullet_list':
      case 'ordered_list':
        if (listsNotes) {
          notes.push(...listItemTexts(tokens, block.index, false));
        } else {
          bullets.push(...listItemTexts(tokens, block.index, true));
          slide.push({ text: rest, prose: false });
        }
        break;
      default:
        slide.push({ text: rest, prose: false });
    }
  }
  const content = (bullets.length > 0 ? slide.filter((b) => !b.prose) : slide).map((b) => b.text);
  return { content, bullets, notes };
}

/** Moves `<!-- Speaker note: … -->` comments from `source` into `notes` and returns what is left. */
function extractSpeakerNotes(source: string, notes: string[]): string {
  if (!/<!--/.test(source)) return source;
  const rest = source.replace(SPEAKER_NOTE, (_match, note: string) => {
    notes.push(...nonEmptyLines(note));
    return '';
  });
  return rest
    .split('\n')
    .filter((line, i, all) => line.trim() !== '' || (i > 0 && i < all.length - 1))
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n');
}

function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Inline text of a list's items: the top level only, or every level for notes. */
function listItemTexts(tokens: readonly Token[], openIndex: number, topOnly: boolean): string[] {
  const open = tokens[openIndex];
  const texts: string[] = [];
  for (let i = openIndex + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level === open.level && token.nesting === -1) break;
    if (token.type !== 'inline') continue;
    if (topOnly && token.level !== open.level + 3) continue;
    const text = token.content.trim();
    if (text) texts.push(text);
  }
  return texts;
}

function collectLinks(frontMatterLinks: unknown, blocks: readonly Block[], lines: readonly string[]): OutlineLink[] {
  const links: OutlineLink[] = [];
  const seen = new Set<string>();
  const add = (url: string, text?: string): void => {
    const clean = url.replace(/[.,;:!?]+$/, '');
    if (seen.has(clean) || links.length >= MAX_LINKS) return;
    seen.add(clean);
    const label = text?.trim();
    links.push(label && label !== clean ? { url: clean, text: label } : { url: clean });
  };
  if (Array.isArray(frontMatterLinks)) {
    for (const item of frontMatterLinks) {
      if (typeof item === 'string' && /^https?:\/\//i.test(item.trim())) add(item.trim());
      else if (item !== null && typeof item === 'object') {
        const entry = item as Record<string, unknown>;
        const url = stringField(entry.url) ?? stringField(entry.link);
        if (url && /^https?:\/\//i.test(url)) add(url, stringField(entry.title) ?? stringField(entry.text) ?? stringField(entry.label));
      }
    }
  }
  for (const block of blocks) {
    if (block.type === 'fence' || block.type === 'code_block') continue;
    const source = lines
      .slice(block.start, block.end)
      .join('\n')
      .replace(/`[^`\n]*`/g, '');
    for (const match of source.matchAll(MARKDOWN_LINK)) add(match[2], match[1]);
    for (const match of source.matchAll(AUTOLINK)) add(match[1]);
    for (const match of source.replace(MARKDOWN_LINK, '').matchAll(BARE_URL)) add(match[0]);
  }
  return links;
}

function stringField(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function numberField(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}
