// Hostile input for the benchmark: each class of file a repository could commit to make a
// per-file step slow, timed per MB against markdown-it parsing the same bytes. Every class
// must stay within 3× markdown-it's time, or within a stated time for the most the caps let
// through. Times are CPU time of this process, not wall time: the benchmark often shares its
// machine, and a ratio of two CPU times is far steadier than one of two wall times.
import MarkdownIt from 'markdown-it';
import type * as Core from './benchCore';

const MB = 1024 * 1024;

export interface PathologicalRow {
  name: string;
  step: 'analysis' | 'read' | 'edit';
  bytes: number;
  oursMs: number;
  markdownItMs: number;
  /** What happened: the draft's words, its problem, or the edit's outcome. */
  outcome: string;
  /** Without one, the target is 3× markdown-it's time. */
  targetMs?: number;
}

interface Case {
  name: string;
  step: PathologicalRow['step'];
  targetMs?: number;
  /** The text markdown-it parses for the comparison, and the body or front matter we handle. */
  text: string;
  run(core: typeof Core, text: string): string;
}

function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

function keys(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `key${i}: value`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** The most analysis may take on the extension host's thread; longer bodies go to a worker. */
const MAIN_THREAD_TARGET_MS = 50;
/** Reading and editing front matter at the caps. */
const READ_AT_CAP_TARGET_MS = 50;
/** Front matter with aliases goes through the `yaml` parser, for its alias guard: slower per key. */
const READ_WITH_ALIASES_AT_CAP_TARGET_MS = 100;
const EDIT_AT_CAP_TARGET_MS = 250;

function cases(size: number, mainThreadMaxChars: number): Case[] {
  const config = { wordsPerMinute: 238, bodyStartLine: 0 };
  const analysis = (name: string, text: string): Case => ({
    name,
    step: 'analysis',
    text,
    run: (core, body) => `${core.analyzeMarkdown(body, config).words.toLocaleString('en-US')} words`,
  });
  const read = (name: string, frontMatter: string, targetMs?: number): Case => ({
    name,
    step: 'read',
    targetMs,
    text: frontMatter,
    run: (core, fm) => {
      const result = core.parseDraft(
        { uri: 'file:///ws/hostile.md', relativePath: 'hostile.md' },
        `---\nkind: blog\n${fm}\n---\n# Title\n`,
        { ...core.DEFAULT_CONFIG, maxFileBytes: 16 * MB },
        { analyze: false },
      );
      if ('skipped' in result) return result.skipped.message;
      return result.draft.problems.map((p) => p.code).join(', ') || 'read';
    },
  });
  const edit = (name: string, frontMatter: string, targetMs?: number): Case => ({
    name,
    step: 'edit',
    targetMs,
    text: frontMatter,
    run: (core, fm) => {
      const result = core.setFrontMatterFields(`---\nkind: blog\nstatus: idea\n${fm}\n---\n# Title\n`, { status: 'drafting' });
      return result.ok ? 'edited' : 'refused';
    },
  });
  const manyKeys = keys(size);
  // Just under the caps: the most an edit or a read of valid front matter has to parse.
  const atCap = keys(990 * 'key000: value\n'.length)
    .split('\n')
    .slice(0, 990)
    .join('\n');
  return [
    analysis('run of <', fill('<', size)),
    analysis('"a < " repeated', fill('a < ', size)),
    analysis('unclosed tags "<a "', fill('<a ', size)),
    analysis('run of [', fill('[', size)),
    analysis('run of ![', fill('![', size)),
    analysis('"[a](" repeated', fill('[a](', size)),
    analysis('run of backticks', fill('`', size)),
    analysis('backtick pairs "` a "', fill('` a ', size)),
    analysis('code spans "`a` "', fill('`a` ', size)),
    analysis('setext run (one heading)', `${fill('a\n', size)}===\n`),
    analysis('setext headings', fill('a\n==\n', size)),
    analysis('many tiny paragraphs', fill('a\n\n', size)),
    analysis('ordinary prose', fill('Plain words in a sentence, with a [link](https://example.com) and `code`.\n\n', size)),
    { ...analysis(`run of ![ at the main-thread limit`, fill('![', mainThreadMaxChars)), targetMs: MAIN_THREAD_TARGET_MS },
    { ...analysis(`tiny paragraphs at the main-thread limit`, fill('a\n\n', mainThreadMaxChars)), targetMs: MAIN_THREAD_TARGET_MS },
    read('many keys', manyKeys),
    read('deep nesting', `a: ${fill('[', size)}`),
    read('many aliases', `a: &a x\nb: [${fill('*a, ', size)}]`),
    read('syntax errors up to the byte cap', fill(']\n', 63 * 1024), READ_AT_CAP_TARGET_MS),
    // Small invalid front matter is parsed again by `yaml` for errors with places.
    read('syntax errors, 4 KB, parsed for places', fill(']\n', 4 * 1024 - 16), READ_AT_CAP_TARGET_MS),
    read('keys up to the key cap', atCap, READ_AT_CAP_TARGET_MS),
    // An alias sends front matter to `yaml`, for its alias guard.
    read('keys up to the key cap, with an alias', `${atCap}\nanchored: &a x\nalias: *a`, READ_WITH_ALIASES_AT_CAP_TARGET_MS),
    edit('Set Status, many keys', manyKeys),
    edit('Set Status, keys up to the key cap', atCap, EDIT_AT_CAP_TARGET_MS),
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median CPU milliseconds of `runs` calls. */
function time(runs: number, f: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    f();
    const used = process.cpuUsage(started);
    samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
}

export function measurePathological(core: typeof Core, options: { mb: number; runs: number }): PathologicalRow[] {
  const md = new MarkdownIt();
  const rows: PathologicalRow[] = [];
  for (const c of cases(Math.round(options.mb * MB), core.MAIN_THREAD_ANALYSIS_MAX_CHARS)) {
    const outcome = c.run(core, c.text);
    const oursMs = time(options.runs, () => c.run(core, c.text));
    const markdownItMs = time(options.runs, () => md.parse(c.text, {}));
    rows.push({ name: c.name, step: c.step, bytes: Buffer.byteLength(c.text), oursMs, markdownItMs, outcome, targetMs: c.targetMs });
  }
  return rows;
}

/** Whether a row meets its target: within 3× markdown-it, or its stated time. */
export function meetsTarget(row: PathologicalRow): boolean {
  return row.targetMs !== undefined ? row.oursMs <= row.targetMs : row.oursMs <= 3 * row.markdownItMs;
}

export function formatPathological(rows: readonly PathologicalRow[]): string[] {
  const perMb = (ms: number, bytes: number): string => ((ms * MB) / bytes).toFixed(0).padStart(9);
  const lines = [
    'Pathological input: CPU ms per MB, ours and markdown-it parsing the same bytes; target ratio <= 3, or the stated ms',
    `  ${'step'.padEnd(9)}${'class'.padEnd(42)}${'size'.padStart(8)}${'ours'.padStart(9)}${'md-it'.padStart(9)}${'ratio'.padStart(8)}${'ms'.padStart(9)}  ${'target'.padEnd(11)}outcome`,
  ];
  for (const row of rows) {
    const ratio = row.oursMs / row.markdownItMs;
    const size = row.bytes >= MB ? `${(row.bytes / MB).toFixed(1)} MB` : `${Math.round(row.bytes / 1024)} KB`;
    const target = row.targetMs !== undefined ? `<= ${row.targetMs} ms` : '<= 3 x';
    lines.push(
      `  ${row.step.padEnd(9)}${row.name.padEnd(42)}${size.padStart(8)}${perMb(row.oursMs, row.bytes)}${perMb(row.markdownItMs, row.bytes)}${ratio.toFixed(2).padStart(8)}${row.oursMs.toFixed(1).padStart(9)}  ${target.padEnd(11)}${meetsTarget(row) ? '' : 'NOT MET  '}${row.outcome}`,
    );
  }
  return lines;
}
