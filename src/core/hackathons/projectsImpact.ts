// A hackathon's projects table as impact: one `projects` entry counting its rows, marked with
// its source and replaced when the table grows, so the number is never typed twice and logging
// again never counts a project twice.

import { appendFrontMatterListItem, replaceFrontMatterListItem, type EditResult, type FrontMatterValue } from '../frontMatter/edit';
import { locateFrontMatter, parseFrontMatter } from '../frontMatter/parse';
import { projectRows } from './tables';

export const PROJECTS_SOURCE = 'projects-table';
export const PROJECTS_METRIC = 'projects';

export type ProjectsImpact =
  | { ok: false; message: string }
  /** The log already holds this count. */
  | { ok: true; count: number; unchanged: true }
  | { ok: true; count: number; unchanged: false; replaced: boolean; result: EditResult };

/** The edit that records the number of projects in the draft's Projects table in its impact log. */
export function projectsImpact(text: string, today: string): ProjectsImpact {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') return { ok: false, message: 'The draft has no closed front matter to log impact in.' };
  const parsed = parseFrontMatter(text, location.block);
  if (parsed.problems.some((p) => p.severity === 'error')) return { ok: false, message: 'Fix the front matter first; it does not parse.' };
  const rows = projectRows(text, location.block.end);
  if (rows === undefined) return { ok: false, message: 'The draft has no "## Projects" section with a table.' };
  if (rows.length === 0) return { ok: false, message: 'The projects table has no rows yet: add one row per project, then log them.' };
  const raw = parsed.data.impact;
  const list: unknown[] = Array.isArray(raw) ? raw : [];
  const index = list.findIndex((item) => {
    const record = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
    return record?.source === PROJECTS_SOURCE && typeof record.metric === 'string' && record.metric.trim().toLowerCase() === PROJECTS_METRIC;
  });
  const previous = index >= 0 ? (list[index] as Record<string, unknown>).value : undefined;
  if (Number(previous) === rows.length) return { ok: true, count: rows.length, unchanged: true };
  const entry: Record<string, FrontMatterValue | undefined> = {
    date: today,
    metric: PROJECTS_METRIC,
    value: rows.length,
    note: rows
      .map((row) => row.name)
      .join(', ')
      .slice(0, 200),
    source: PROJECTS_SOURCE,
  };
  const result = index === -1 ? appendFrontMatterListItem(text, 'impact', entry) : replaceFrontMatterListItem(text, 'impact', index, entry);
  return { ok: true, count: rows.length, unchanged: false, replaced: index !== -1, result };
}
