import * as l10n from '@vscode/l10n';
// Prose and publishing checks on a draft's text: images without useful alt text, a post without
// the summary its template asks for, headings that skip a level, links to localhost or example
// domains in something about to go out, and an abstract longer than the call it is sent to
// allows. Each problem underlines the thing itself (the image, the heading, the address), and
// carries its fix as data when one is clear.

import type { ProseCheckSettings } from './config';
import { activeStatuses, isFinished } from './kinds/workflow';
import { CROSS_POSTED_KIND, isCrossPosted } from './publish/checks';
import { kindProgress } from './kinds/registry';
import { setFrontMatterListItemFields } from './frontMatter/edit';
import { locateFrontMatter, parseFrontMatter, type FrontMatterBlock } from './frontMatter/parse';
import { abstractLength } from './talks/abstracts';
import { SUBMISSION_KEYS, SUBMISSIONS_FIELD } from './talks/submissions';
import { DEFAULT_ABSTRACT_NAME } from './talks/talkDraft';
import { nestedRangeFinder } from './talks/yamlRanges';
import { LineMap } from './text';
import type { AbstractVariant, KindDefinition, Problem, ProblemFix, Range } from './types';

export interface ProseCheckInput {
  text: string;
  kind: string;
  status: string;
  /** The draft's kind, for which statuses mean the draft is going out. */
  kindDefinition?: KindDefinition;
  /** The text of the template drafts of this kind start from, when known. */
  templateText?: string;
  /** The talk's named abstracts, as the index measured them. */
  abstracts?: readonly AbstractVariant[];
  settings: ProseCheckSettings;
}

const VAGUE_ALT = /^(\s*)((?:an?\s+)?(?:image|picture|photo|photograph|graphic|pic)\s+(?:of|showing)\s+)/i;
const IMAGE = /!\[([^\]\n]*)\](?:\(([^)\n]*)\)|\[[^\]\n]*\])/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;
const HTML_ALT = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const ATX_HEADING = /^( {0,3})(#{1,6})(?:[ \t]|$)/;
const URL = /\bhttps?:\/\/[^\s<>"'`)\]]+/gi;
const SUMMARY_FIELDS = ['description', 'summary', 'excerpt'];
const TLDR = /\bTL;?\s?DR\b/i;

/** Every enabled check on one draft's text. Never throws; an empty list for a draft with nothing to say. */
export function proseProblems(input: ProseCheckInput): Problem[] {
  const { text, settings } = input;
  const location = locateFrontMatter(text);
  const block = location.type === 'closed' ? location.block : undefined;
  const data = block ? parseFrontMatter(text, block).data : {};
  const bodyStart = location.type === 'closed' ? location.block.end : location.type === 'unclosed' ? location.start : location.bodyStart;
  const lines = new LineMap(text);
  const problems: Problem[] = [];
  const body = bodyLines(text, lines.positionAt(bodyStart).line);

  if (settings.imageAlt) problems.push(...imageProblems(body));
  if (settings.headingLevels) problems.push(...headingProblems(body));
  if (settings.placeholderLinks && goingOut(input)) problems.push(...placeholderLinkProblems(body, input.status));
  // A post out on the site or a platform gets the cross-post check's missing description, which
  // has a fix; a second problem for the same gap would only be noise.
  const crossPostAsks = input.kind === CROSS_POSTED_KIND && (isFinished(input.kindDefinition, input.status) || isCrossPosted(data));
  if (settings.summary && input.templateText !== undefined && !crossPostAsks) {
    const problem = summaryProblem(text, data, text.slice(bodyStart), input.templateText, block, lines);
    if (problem) problems.push(problem);
  }
  if (settings.cfpAbstractLength && block) problems.push(...cfpAbstractProblems(text, data, block, lines, input.abstracts ?? []));
  return problems;
}

interface BodyLine {
  line: number;
  /** The line with code spans blanked out, so positions still match the text. */
  text: string;
}

/** The body's lines outside fenced code, each with its code spans blanked out. */
function bodyLines(text: string, firstLine: number): BodyLine[] {
  const all = text.split(/\r\n|\r|\n/);
  const out: BodyLine[] = [];
  let fence: string | undefined;
  let comment = false;
  for (let line = firstLine; line < all.length; line++) {
    const raw = all[line];
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (marker) {
      if (fence === undefined) fence = marker[1];
      else if (marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    // HTML comments (speaker notes, drafts of sentences) are not on the page.
    let visible = raw.replace(/(`+)(.*?)\1/g, (m) => ' '.repeat(m.length));
    if (comment) {
      const end = visible.indexOf('-->');
      if (end < 0) continue;
      visible = ' '.repeat(end + 3) + visible.slice(end + 3);
      comment = false;
    }
    visible = visible.replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length));
    const open = visible.indexOf('<!--');
    if (open >= 0) {
      visible = visible.slice(0, open) + ' '.repeat(visible.length - open);
      comment = true;
    }
    out.push({ line, text: visible });
  }
  return out;
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function imageProblems(body: readonly BodyLine[]): Problem[] {
  const problems: Problem[] = [];
  const check = (line: number, start: number, end: number, alt: string, altStart: number): void => {
    if (alt.trim() === '') {
      problems.push({
        code: 'image-alt',
        severity: 'warning',
        message: l10n.t('This image has no alt text. Say what it shows, for readers who can’t see it and for search engines.'),
        range: range(line, start, end),
      });
      return;
    }
    const vague = VAGUE_ALT.exec(alt);
    if (!vague) return;
    const rest = alt.slice(vague[0].length);
    const fixed = rest.charAt(0).toUpperCase() + rest.slice(1);
    const fix: ProblemFix | undefined =
      rest.trim() === ''
        ? undefined
        : {
            title: `Describe the image directly: "${fixed.length > 40 ? `${fixed.slice(0, 40)}…` : fixed}"`,
            range: range(line, altStart, altStart + alt.length),
            newText: fixed,
            preferred: true,
          };
    problems.push({
      code: 'image-alt',
      severity: 'warning',
      message: l10n.t('Alt text starting "{0}" tells a screen reader user what they already know. Describe what the image shows instead.', vague[2].trim()),
      range: range(line, start, end),
      value: alt,
      ...(fix ? { fixes: [fix] } : {}),
    });
  };
  for (const { line, text } of body) {
    for (const match of text.matchAll(IMAGE)) {
      const start = match.index ?? 0;
      check(line, start, start + match[0].length, match[1], start + 2);
    }
    for (const match of text.matchAll(HTML_IMAGE)) {
      const start = match.index ?? 0;
      const alt = HTML_ALT.exec(match[0]);
      const value = alt ? (alt[1] ?? alt[2] ?? alt[3] ?? '') : '';
      const valueStart = alt ? start + (alt.index ?? 0) + alt[0].length - value.length - (alt[3] === undefined ? 1 : 0) : start;
      check(line, start, start + match[0].length, value, valueStart);
    }
  }
  return problems;
}

function headingProblems(body: readonly BodyLine[]): Problem[] {
  const problems: Problem[] = [];
  let previous: number | undefined;
  for (const { line, text } of body) {
    const heading = ATX_HEADING.exec(text);
    if (!heading) continue;
    const level = heading[2].length;
    if (previous !== undefined && level > previous + 1) {
      const start = heading[1].length;
      const expected = previous + 1;
      problems.push({
        code: 'heading-skip',
        severity: 'warning',
        message:
          level - previous > 2
            ? l10n.t(
                'This heading is level {0} right after a level {1} heading, so the outline skips level {2} to {3}. Screen readers and tables of contents follow the levels.',
                level,
                previous,
                expected,
                level - 1,
              )
            : l10n.t(
                'This heading is level {0} right after a level {1} heading, so the outline skips level {2}. Screen readers and tables of contents follow the levels.',
                level,
                previous,
                expected,
              ),
        range: range(line, start, text.trimEnd().length),
        fixes: [
          { title: `Make it a level ${expected} heading (${'#'.repeat(expected)})`, range: range(line, start, start + level), newText: '#'.repeat(expected), preferred: true },
        ],
      });
    }
    previous = level;
  }
  return problems;
}

/** Statuses past the last one in which the work is done: the draft is ready, scheduled or out. */
function goingOut(input: ProseCheckInput): boolean {
  const kind = input.kindDefinition;
  // Written pieces: checklists and talk outlines keep working notes, where a local address belongs.
  if (!kind || kindProgress(input.kind) !== 'words') return false;
  const index = kind.statuses.indexOf(input.status);
  if (index < 0 || kind.sideStatuses?.includes(input.status)) return false;
  const lastActive = Math.max(0, ...activeStatuses(kind).map((s) => kind.statuses.indexOf(s)));
  return index > lastActive;
}

/** Addresses that only work on the author's machine or are reserved for examples (RFC 2606, RFC 6761). */
export function placeholderHost(url: string): string | undefined {
  let host: string;
  try {
    host = new globalThis.URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || bare === '0.0.0.0' || /^127(?:\.\d{1,3}){3}$/.test(bare)) return host;
  if (/(?:^|\.)example\.(?:com|org|net)$/.test(bare) || /\.(?:example|test|invalid)$/.test(bare) || bare === 'example') return host;
  return undefined;
}

function placeholderLinkProblems(body: readonly BodyLine[], status: string): Problem[] {
  const problems: Problem[] = [];
  for (const { line, text } of body) {
    for (const match of text.matchAll(URL)) {
      const url = match[0].replace(/[.,;:!?*_]+$/, '');
      const host = placeholderHost(url);
      if (!host) continue;
      const start = match.index ?? 0;
      const local = !/example|\.test$|\.invalid$/.test(host);
      problems.push({
        code: 'placeholder-link',
        severity: 'warning',
        message: local
          ? l10n.t('This links to {0}, which only works on your machine, and the draft is {1}. Link to the real address.', host, status)
          : l10n.t('This links to {0}, a domain reserved for examples, and the draft is {1}. Link to the real page.', host, status),
        range: range(line, start, start + url.length),
        value: url,
      });
    }
  }
  return problems;
}

/** Whether a template asks for a description in its front matter and a TL;DR in its body. */
export function templateSummary(templateText: string): { description: boolean; tldr: boolean } {
  const location = locateFrontMatter(templateText);
  const frontMatter = location.type === 'closed' ? templateText.slice(0, location.block.end) : '';
  const body = location.type === 'closed' ? templateText.slice(location.block.end) : templateText;
  return { description: /^[ \t]*(?:description|summary|excerpt)[ \t]*[:=]/m.test(frontMatter), tldr: TLDR.test(body) };
}

function summaryProblem(text: string, data: Record<string, unknown>, body: string, templateText: string, block: FrontMatterBlock | undefined, lines: LineMap): Problem | undefined {
  const wanted = templateSummary(templateText);
  if (!wanted.description && !wanted.tldr) return undefined;
  const hasDescription = SUMMARY_FIELDS.some((field) => typeof data[field] === 'string' && (data[field] as string).trim() !== '');
  const hasTldr = TLDR.test(body);
  if (hasDescription || hasTldr) return undefined;
  const asked = wanted.description && wanted.tldr ? 'a TL;DR or a description' : wanted.description ? 'a description' : 'a TL;DR';
  // The front matter's opening line, or the first line of a file without one.
  const start = block ? block.start : 0;
  const first = lines.positionAt(start);
  const firstLine = /^[^\r\n]*/.exec(text.slice(start))?.[0] ?? '';
  return {
    code: 'missing-summary',
    severity: 'info',
    message: l10n.t(
      'This draft has neither a TL;DR nor a description, and its template has {0}. A sentence or two tells readers, search results and social cards what it is about.',
      asked,
    ),
    range: range(first.line, first.character, first.character + firstLine.length),
  };
}

function cfpAbstractProblems(text: string, data: Record<string, unknown>, block: FrontMatterBlock, lines: LineMap, variants: readonly AbstractVariant[]): Problem[] {
  const list = data[SUBMISSIONS_FIELD];
  if (!Array.isArray(list)) return [];
  const lengths = new Map<string, number>(variants.map((v) => [v.name, v.chars]));
  if (typeof data.abstract === 'string' && data.abstract.trim() !== '') lengths.set(DEFAULT_ABSTRACT_NAME, abstractLength(data.abstract));
  if (lengths.size === 0) return [];
  const rangeOf = nestedRangeFinder(text, block, () => lines);
  const problems: Problem[] = [];
  list.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
    const fields = entry as Record<string, unknown>;
    const raw = fields[SUBMISSION_KEYS.abstractMaxChars];
    const budget = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    // No budget for this call, or one that is not a number of characters: nothing to check against.
    if (!Number.isFinite(budget) || budget <= 0) return;
    const named = typeof fields[SUBMISSION_KEYS.abstract] === 'string' ? (fields[SUBMISSION_KEYS.abstract] as string).trim() : '';
    const sent = named || (lengths.has(DEFAULT_ABSTRACT_NAME) ? DEFAULT_ABSTRACT_NAME : '');
    const chars = lengths.get(sent);
    if (chars === undefined || chars <= budget) return;
    const event = typeof fields[SUBMISSION_KEYS.event] === 'string' ? (fields[SUBMISSION_KEYS.event] as string) : `Submission ${index + 1}`;
    const where = rangeOf([SUBMISSIONS_FIELD, index, SUBMISSION_KEYS.abstractMaxChars]) ?? rangeOf([SUBMISSIONS_FIELD, index], 'entry');
    const label = sent === DEFAULT_ABSTRACT_NAME ? 'The abstract' : `The ${sent} abstract`;
    const fits = [...lengths.entries()].filter(([name, length]) => name !== sent && length <= budget && length > 0).sort((a, b) => b[1] - a[1]);
    const fixes: ProblemFix[] = [];
    for (const [name, length] of fits.slice(0, 2)) {
      const edit = setFrontMatterListItemFields(text, SUBMISSIONS_FIELD, index, { [SUBMISSION_KEYS.abstract]: name });
      if (!edit.ok) continue;
      const { offset, length: removed, newText } = edit.edit;
      fixes.push({
        title: `Send the ${name === DEFAULT_ABSTRACT_NAME ? 'plain' : name} abstract instead (${length} characters)`,
        range: { start: lines.positionAt(offset), end: lines.positionAt(offset + removed) },
        newText,
        preferred: fixes.length === 0,
      });
    }
    problems.push({
      code: 'abstract-over-cfp-budget',
      severity: 'warning',
      field: SUBMISSION_KEYS.abstractMaxChars,
      message: `${label} sent to ${event} is ${chars} characters; that call allows ${budget}. Cut ${chars - budget}${fits.length > 0 ? ', or send a shorter abstract' : ''}.`,
      ...(where ? { range: where } : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
    });
  });
  return problems;
}
