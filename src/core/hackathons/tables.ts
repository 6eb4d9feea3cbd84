// The tables a hackathon plan keeps in its body: judging criteria with weights, and the projects
// built. Read from the Markdown source line by line, so a weight cell can be rewritten in place
// and every other byte of the body stays as written.

import type { LineMap } from '../text';
import type { Problem, ProblemFix } from '../types';

export const JUDGING_HEADING = /^ {0,3}(#{1,6})\s+Judging criteria\b/i;
export const PROJECTS_HEADING = /^ {0,3}(#{1,6})\s+Projects\b/i;

interface Cell {
  text: string;
  /** Offset of the cell's trimmed text in the whole file. */
  offset: number;
}

export interface TableRow {
  /** Zero-based line in the whole file. */
  line: number;
  cells: Cell[];
}

export interface SectionTable {
  headingLine: number;
  header: string[];
  rows: TableRow[];
}

/** The first table under the first heading matching `heading`, before the next heading of the same or a higher level. */
export function sectionTable(text: string, bodyStart: number, heading: RegExp): SectionTable | undefined {
  const lines = splitLines(text, bodyStart);
  let fence: string | undefined;
  let level = 0;
  let headingLine = -1;
  let header: string[] | undefined;
  let rows: TableRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { text: line, offset, number } = lines[i];
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    const atx = /^ {0,3}(#{1,6})\s/.exec(line);
    if (headingLine < 0) {
      const match = heading.exec(line);
      if (match) {
        headingLine = number;
        level = match[1].length;
      }
      continue;
    }
    if (atx && atx[1].length <= level) break;
    if (header === undefined) {
      const next = lines[i + 1]?.text;
      if (isRow(line) && next !== undefined && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(next)) {
        header = cells(line, offset).map((c) => c.text);
        i++;
      }
      continue;
    }
    if (!isRow(line)) break;
    rows.push({ line: number, cells: cells(line, offset) });
  }
  if (headingLine < 0 || header === undefined) return undefined;
  rows = rows.filter((row) => row.cells.some((c) => c.text !== ''));
  return { headingLine, header, rows };
}

export interface ProjectRow {
  name: string;
  team?: string;
  repository?: string;
  used?: string;
}

/** The projects listed in the plan's Projects table: one per row that names a project. */
export function projectRows(text: string, bodyStart: number): ProjectRow[] | undefined {
  const table = sectionTable(text, bodyStart, PROJECTS_HEADING);
  if (!table) return undefined;
  const column = (pattern: RegExp): number => table.header.findIndex((h) => pattern.test(h));
  const name = Math.max(0, column(/project|name/i));
  const team = column(/team/i);
  const repository = column(/repo|link|code/i);
  const used = column(/use/i);
  const at = (row: TableRow, index: number): string | undefined => (index >= 0 ? row.cells[index]?.text || undefined : undefined);
  return table.rows
    .filter((row) => (row.cells[name]?.text ?? '') !== '')
    .map((row) => {
      const project: ProjectRow = { name: row.cells[name].text };
      const t = at(row, team);
      const r = at(row, repository);
      const u = at(row, used);
      if (t) project.team = t;
      if (r) project.repository = r;
      if (u) project.used = u;
      return project;
    });
}

const WEIGHT = /^(\d+(?:\.\d+)?)\s*%?$/;

/**
 * A judging-criteria table whose weights do not add up to 100, or has a weight that is not a
 * number. When every weight is a number, the fix scales them to whole numbers that add up to 100.
 */
export function judgingProblems(text: string, bodyStart: number, lines: () => LineMap): Problem[] {
  const table = sectionTable(text, bodyStart, JUDGING_HEADING);
  if (!table) return [];
  const column = table.header.findIndex((h) => /weight|points|%/i.test(h));
  if (column < 0 || table.rows.length === 0) return [];
  const weights = table.rows.map((row) => row.cells[column]);
  const at = (line: number): Problem['range'] => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  const bad = table.rows.find((row) => !WEIGHT.test(row.cells[column]?.text ?? ''));
  if (bad) {
    const written = bad.cells[column]?.text ?? '';
    return [
      {
        code: 'judging-weights',
        severity: 'warning',
        message: `Judging criterion "${bad.cells[0]?.text ?? ''}" has ${written === '' ? 'no weight' : `the weight "${written}"`}; give each criterion a number, all adding up to 100.`,
        range: rangeOfCell(bad.cells[column], bad.line, lines) ?? at(bad.line),
      },
    ];
  }
  const values = weights.map((cell) => Number(WEIGHT.exec(cell.text)?.[1]));
  const sum = Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;
  if (sum === 100) return [];
  const problem: Problem = {
    code: 'judging-weights',
    severity: 'warning',
    message: `The judging weights add up to ${sum}, not 100. Judges and teams read them as percentages.`,
    range: at(table.headingLine),
  };
  if (sum > 0) problem.fixes = [scaleFix(text, weights, values, sum, lines)];
  return [problem];
}

/** Whole-number shares of 100 by the largest-remainder rule, written over the old weights only. */
function scaleFix(text: string, cells: Cell[], values: number[], sum: number, lines: () => LineMap): ProblemFix {
  const exact = values.map((v) => (v * 100) / sum);
  const scaled = exact.map(Math.floor);
  let left = 100 - scaled.reduce((a, b) => a + b, 0);
  const order = exact.map((v, i) => ({ i, r: v - Math.floor(v) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    scaled[i]++;
    left--;
  }
  const first = cells[0].offset;
  const last = cells[cells.length - 1];
  const end = last.offset + last.text.length;
  let newText = '';
  let from = first;
  cells.forEach((cell, i) => {
    newText += text.slice(from, cell.offset) + cell.text.replace(/^\d+(?:\.\d+)?/, String(scaled[i]));
    from = cell.offset + cell.text.length;
  });
  const map = lines();
  return { title: `Scale the weights to add up to 100 (${scaled.join(', ')})`, range: { start: map.positionAt(first), end: map.positionAt(end) }, newText, preferred: false };
}

function rangeOfCell(cell: Cell | undefined, line: number, lines: () => LineMap): Problem['range'] {
  if (!cell) return undefined;
  const map = lines();
  const start = map.positionAt(cell.offset);
  return start.line === line ? { start, end: { line, character: start.character + cell.text.length } } : undefined;
}

function isRow(line: string): boolean {
  return /^\s*\|/.test(line);
}

/** Cells of a table row, split on pipes that are not escaped, each with where its trimmed text starts. */
function cells(line: string, lineOffset: number): Cell[] {
  const out: Cell[] = [];
  let start = line.indexOf('|') + 1;
  for (let i = start; i <= line.length; i++) {
    const end = i === line.length;
    if (end || (line[i] === '|' && line[i - 1] !== '\\')) {
      const raw = line.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      // A trailing pipe closes the row; what follows it is no cell.
      if (!(end && raw.trim() === '' && line.trimEnd().endsWith('|'))) out.push({ text: raw.trim(), offset: lineOffset + start + lead });
      start = i + 1;
    }
  }
  return out;
}

function splitLines(text: string, from: number): { text: string; offset: number; number: number }[] {
  const out: { text: string; offset: number; number: number }[] = [];
  let number = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < from; i = text.indexOf('\n', i + 1)) number++;
  let offset = from;
  // `from` is a line start (the body begins after the closing fence's line break).
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end).replace(/\r$/, '');
    out.push({ text: line, offset, number });
    if (end === text.length) break;
    offset = end + 1;
    number++;
  }
  return out;
}
