// Which draft a tool's `draft` input means. A model copies the path the list tool showed, or
// the title the person used; anything that fits no draft, or more than one, is answered with
// what to write instead rather than a guess, because the tools that take a draft write to it.

import { editDistance, rankBySimilarity } from '../similarity';
import type { Result } from '../util/result';

export interface DraftCandidate {
  uri: string;
  /** The path the list tool shows, relative to the workspace folder. */
  path: string;
  title: string;
}

/** The one draft `ref` names: by URI, by path (or its end), or by exact title. */
export function resolveDraftRef<T extends DraftCandidate>(ref: string, drafts: readonly T[]): Result<{ draft: T }> {
  const wanted = ref.trim();
  const byUri = drafts.find((d) => d.uri === wanted);
  if (byUri) return { ok: true, draft: byUri };
  const path = normalisePath(wanted);
  const pick = (matches: readonly T[], how: string): Result<{ draft: T }> | undefined => {
    if (matches.length === 1) return { ok: true, draft: matches[0] };
    if (matches.length > 1) {
      const listed = matches.slice(0, 5).map((d) => d.path);
      return { ok: false, message: `"${wanted}" ${how} ${matches.length} drafts: ${listed.join(', ')}${matches.length > 5 ? ', …' : ''}. Give the full path of the one you mean.` };
    }
    return undefined;
  };
  return (
    pick(
      drafts.filter((d) => normalisePath(d.path) === path),
      'is the path of',
    ) ??
    pick(
      drafts.filter((d) => normalisePath(d.path).endsWith(`/${path}`) || path.endsWith(`/${normalisePath(d.path)}`)),
      'matches the paths of',
    ) ??
    pick(
      drafts.filter((d) => d.title.trim() === wanted),
      'is the title of',
    ) ??
    pick(
      drafts.filter((d) => d.title.trim().toLowerCase() === wanted.toLowerCase()),
      'is the title of',
    ) ?? { ok: false, message: notFoundMessage(wanted, drafts) }
  );
}

function notFoundMessage(wanted: string, drafts: readonly DraftCandidate[]): string {
  if (drafts.length === 0) return `No draft matches "${wanted}": the workspace has no DevRel drafts yet.`;
  const lower = wanted.toLowerCase();
  const near = (title: string): boolean => title.toLowerCase().includes(lower) || editDistance(lower, title.toLowerCase()) <= Math.max(3, Math.floor(wanted.length / 3));
  const close = rankBySimilarity(
    wanted,
    drafts.map((d) => d.title),
  )
    .filter(near)
    .slice(0, 3);
  const hint = close.length > 0 ? ` Closest titles: ${close.map((t) => `"${t}"`).join(', ')}.` : '';
  return `No draft matches "${wanted}". Use a path from devrel_listDrafts, such as ${drafts[0].path}, or a draft's exact title.${hint}`;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '').toLowerCase();
}
