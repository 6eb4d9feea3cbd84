// The checks a person sees in the editor before cross-posting: the payload's own problems
// that can be judged from the file alone, plus a hint for posts that are out on the site
// but on no platform yet.

import { locateFrontMatter, findFieldValueRange } from '../frontMatter/parse';
import type { Range } from '../types';
import { buildPublishPlan, remoteIdOf, splitDraft } from './payload';
import type { PublishContext, PublishProblem, PublishProblemCode } from './types';

const EDITOR_CODES: ReadonlySet<PublishProblemCode> = new Set(['too-many-tags', 'invalid-tag', 'missing-cover', 'relative-cover', 'missing-description', 'body-front-matter']);
const DESCRIPTION_LENGTH = 160;

/** The kind whose drafts are cross-posted, and so checked for it. */
export const CROSS_POSTED_KIND = 'blog';

export interface CheckInput extends Partial<Omit<PublishContext, 'relativePath'>> {
  relativePath: string;
  /** The post is out on the site (a finished status). */
  publishedOnSite: boolean;
}

export interface PlacedProblem extends PublishProblem {
  range: Range;
}

/**
 * Cross-post problems of a blog post, each with a place in the file. Drafts that are neither
 * published on the site nor cross-posted get none: it is too early to nag about covers.
 */
export function crossPostChecks(text: string, input: CheckInput): PlacedProblem[] {
  const parts = splitDraft(text);
  const crossPosted = isCrossPosted(parts.data);
  if (!input.publishedOnSite && !crossPosted) return [];
  const location = locateFrontMatter(text);
  const block = location.type === 'closed' ? location.block : undefined;
  const plan = buildPublishPlan(
    text,
    // The same context publishing uses, when the caller has it, so the editor and a publish agree.
    {
      relativePath: input.relativePath,
      permalink: input.permalink || '/{slug}/',
      siteUrl: input.siteUrl,
      assetsBaseUrl: input.assetsBaseUrl,
      hashnodePublicationId: input.hashnodePublicationId,
      missingFiles: input.missingFiles,
    },
    { platform: 'devto' },
  );
  const problems: PublishProblem[] = plan.problems.filter((p) => EDITOR_CODES.has(p.code));
  if (!crossPosted) {
    problems.push({ code: 'not-cross-posted', severity: 'info', message: 'Published on your site but not cross-posted yet: dev.to and Hashnode can bring it more readers.' });
  }
  const description = problems.find((p) => p.code === 'missing-description');
  if (description) {
    const first = firstParagraph(parts.body);
    if (first) description.fix = { title: 'Use the first paragraph as the description', field: 'description', value: first };
  }
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: block ? 3 : 0 } };
  return problems.map((problem) => {
    let range = top;
    if (problem.code === 'body-front-matter') range = { start: { line: parts.bodyStartLine, character: 0 }, end: { line: parts.bodyStartLine, character: 3 } };
    else if (problem.field && block) range = findFieldValueRange(text, block, problem.field) ?? top;
    return { ...problem, range };
  });
}

/** Whether the front matter carries a dev.to or Hashnode id, so the post is out on a platform. */
export function isCrossPosted(data: Record<string, unknown>): boolean {
  return remoteIdOf(data, 'devto') !== undefined || remoteIdOf(data, 'hashnode') !== undefined;
}

/** The first paragraph of plain text in a body, shortened at a word to fit a description. */
export function firstParagraph(body: string): string | undefined {
  const withoutCode = body.replace(/\r\n/g, '\n').replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[ \t]*$/gm, '');
  for (const paragraph of withoutCode.split(/\n[ \t]*\n/)) {
    const text = paragraph.trim();
    if (!text || /^(#|>|[-*+] |\d+\. |!\[|<|\||`{3,}|~{3,}|\{\{|\{%)/.test(text)) continue;
    const plain = text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!plain) continue;
    if (plain.length <= DESCRIPTION_LENGTH) return plain;
    const cut = plain.slice(0, DESCRIPTION_LENGTH - 1);
    return cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[,;:.\s]+$/, '') + '…';
  }
  return undefined;
}
