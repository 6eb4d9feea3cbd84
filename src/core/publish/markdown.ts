// Relative links and images only work inside the repository or on the site. A platform gets
// the post as text, so every relative target is made absolute before it is sent. Code blocks
// and code spans are left alone: paths in them are examples, not links.

import type { UnresolvedReference } from './types';
import { siteAbsolute } from './siteUrl';

export interface ReferenceBases {
  /** Workspace-relative path of the draft. */
  relativePath: string;
  /** For targets starting with `/`, which the site serves from its root. */
  siteUrl?: string;
  /** For document-relative files, served as they are in the repository. */
  assetsBaseUrl?: string;
  /** Links to other posts (`../other.md`) go to their page on the site. */
  pageUrl?: (repoPath: string) => string | undefined;
  /** Repository paths that don't exist. */
  missingFiles?: ReadonlySet<string>;
}

export type Resolution = { ok: true; url: string; repoPath?: string } | { ok: false; reason: string; repoPath?: string } | { ok: true; unchanged: true };

/** Whether a target is already absolute or points inside the page, so it is sent as it is. */
export function isAbsoluteTarget(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#') || target === '';
}

/** The repository path a document-relative target names, or undefined when it climbs out of the repository. */
export function repoPathOf(relativePath: string, target: string): string | undefined {
  const path = target.split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const parts = relativePath.replace(/\\/g, '/').split('/').slice(0, -1);
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Where one link or image target points once it leaves the repository. */
export function resolveTarget(target: string, bases: ReferenceBases): Resolution {
  if (isAbsoluteTarget(target)) return { ok: true, unchanged: true };
  const suffix = /[?#].*$/.exec(target)?.[0] ?? '';
  if (target.startsWith('/')) {
    if (!bases.siteUrl) return { ok: false, reason: 'it starts with "/" and the site URL is not known (set devrel.publish.siteUrl)' };
    return { ok: true, url: siteAbsolute(bases.siteUrl, target) };
  }
  const repoPath = repoPathOf(bases.relativePath, target);
  if (repoPath === undefined || repoPath === '') return { ok: false, reason: 'it points outside the workspace folder' };
  if (bases.missingFiles?.has(repoPath)) return { ok: false, reason: `${repoPath} does not exist`, repoPath };
  if (/\.(md|markdown|mdx)$/i.test(repoPath) && bases.pageUrl) {
    const page = bases.pageUrl(repoPath);
    if (page) return { ok: true, url: page + suffix.replace(/^\?[^#]*/, ''), repoPath };
  }
  if (!bases.assetsBaseUrl) {
    return { ok: false, reason: "it is relative and no base URL for the repository's files is set (devrel.publish.assetsBaseUrl)", repoPath };
  }
  const encoded = repoPath.split('/').map(encodeURIComponent).join('/');
  return { ok: true, url: bases.assetsBaseUrl.replace(/\/+$/, '') + '/' + encoded + suffix, repoPath };
}

export interface RewriteResult {
  body: string;
  rewritten: { from: string; to: string; line: number }[];
  unresolved: UnresolvedReference[];
}

// `[text](target "title")` and `![alt](target)`; the target may be `<…>` or carry one level of parentheses.
const INLINE = /(!?)\[((?:[^\]\\]|\\.)*)\]\(([ \t]*)(<[^>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)((?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*)\)/g;
// `[id]: target "title"` at the start of a line.
const DEFINITION = /^( {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*)(<[^>\n]*>|\S+)/;
// `<img src="…">`, `<a href="…">`, `<source srcset>` is left alone: it lists several URLs.
const HTML_ATTRIBUTE = /(<(?:img|a|video|audio|source)\b[^>]*?\s(?:src|href|poster)\s*=\s*)(["'])([^"'\n]*)\2/gi;

/**
 * Makes every relative link and image in a Markdown body absolute. Targets that can't be made
 * absolute are left as written and listed, so the person can decide whether to go on.
 */
export function rewriteReferences(body: string, bases: ReferenceBases): RewriteResult {
  const rewritten: RewriteResult['rewritten'] = [];
  const unresolved: UnresolvedReference[] = [];
  const lines = body.split('\n');
  let fence: { char: string; length: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence.char && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
      continue;
    }
    const lineNumber = index + 1;
    const replace = (target: string, wrap: (url: string) => string, whole: string): string => {
      const bare = target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
      const resolution = resolveTarget(bare, bases);
      if ('unchanged' in resolution) return whole;
      if (!resolution.ok) {
        unresolved.push({ target: bare, line: lineNumber, reason: resolution.reason });
        return whole;
      }
      rewritten.push({ from: bare, to: resolution.url, line: lineNumber });
      return wrap(target.startsWith('<') ? `<${resolution.url}>` : resolution.url);
    };

    const definition = DEFINITION.exec(line);
    if (definition) {
      lines[index] = replace(definition[2], (url) => definition[1] + url + line.slice(definition[0].length), line);
      continue;
    }
    const masked = maskCodeSpans(line);
    let out = '';
    let cursor = 0;
    const edits: { start: number; end: number; text: string }[] = [];
    for (const match of masked.matchAll(INLINE)) {
      const start = match.index ?? 0;
      const original = line.slice(start, start + match[0].length);
      const [, bang, text, space, target, title] = match;
      const next = replace(target, (url) => `${bang}[${text}](${space}${url}${title})`, original);
      if (next !== original) edits.push({ start, end: start + match[0].length, text: next });
    }
    for (const match of masked.matchAll(HTML_ATTRIBUTE)) {
      const start = match.index ?? 0;
      const original = line.slice(start, start + match[0].length);
      const [, head, quote, target] = match;
      const next = replace(target, (url) => `${head}${quote}${url}${quote}`, original);
      if (next !== original) edits.push({ start, end: start + match[0].length, text: next });
    }
    if (edits.length === 0) continue;
    edits.sort((a, b) => a.start - b.start);
    for (const edit of edits) {
      if (edit.start < cursor) continue;
      out += line.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    lines[index] = out + line.slice(cursor);
  }
  return { body: lines.join('\n'), rewritten, unresolved };
}

/** Every document-relative target in the body, as repository paths, so the caller can check which exist. */
export function localReferences(body: string, relativePath: string): string[] {
  const found = new Set<string>();
  rewriteReferences(body, {
    relativePath,
    siteUrl: 'https://site.invalid/',
    assetsBaseUrl: 'https://files.invalid/',
    pageUrl: () => undefined,
  }).rewritten.forEach((r) => {
    if (r.to.startsWith('https://files.invalid/')) {
      const path = repoPathOf(relativePath, r.from);
      if (path) found.add(path);
    }
  });
  return [...found];
}

/** Replaces code spans with spaces of the same length, so what looks like a link inside them is skipped. */
function maskCodeSpans(line: string): string {
  return line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (span) => ' '.repeat(span.length));
}
