// Front-matter completion and hover benchmark: times both on generated 1 MB drafts (LF, CRLF, an
// unclosed fence, front matter near its size cap) and prints the figures. The target is 50 ms per
// call on a 1 MB draft; this prints, it does not judge.
// Usage: npm run bench:writing [-- --runs N] [-- --json]
import { BUILT_IN_METRICS } from '../src/core/impact';
import { BUILT_IN_KINDS } from '../src/core/kinds/registry';
import { frontMatterCompletions, workspaceTags, type CompletionFacts } from '../src/core/writing/frontMatterCompletion';
import { frontMatterHover, type HoverFacts } from '../src/core/writing/frontMatterHover';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 200) : 200;
const json = args.includes('--json');
const MB = 1024 * 1024;

const tags = workspaceTags(Array.from({ length: 5000 }, (_, i) => ({ tags: [`tag-${i % 300}`, `topic-${i % 40}`] })));
const completionFacts: CompletionFacts = { kinds: BUILT_IN_KINDS, metrics: BUILT_IN_METRICS, tags, today: '2026-12-02' };
const hoverFacts: HoverFacts = { kinds: BUILT_IN_KINDS, metrics: BUILT_IN_METRICS, today: '2026-12-02', talk: { plannedMinutes: 27, sections: 6 } };

function frontMatter(impactEntries: number, abstractLines: number): string[] {
  const lines = [
    ...(abstractLines > 0 ? ['abstract: >-', ...Array.from({ length: abstractLines }, (_, i) => `  Sentence ${i} of a long abstract, which is text and never a key: value.`)] : []),
    'kind: talk',
    'title: Tail sampling at scale',
    'status: drafting',
    'event: KubeCon EU',
    'cfp_deadline: 2026-12-15',
    'duration: 30',
    'tags: [observability, go]',
    'impact:',
  ];
  for (let i = 0; i < impactEntries; i++)
    lines.push(`  - date: 2026-11-${String((i % 28) + 1).padStart(2, '0')}`, `    metric: ${i % 2 ? 'views' : 'attendees'}`, `    value: ${i + 1}`);
  return lines;
}

function draft(options: { eol: string; closed: boolean; impactEntries: number; abstractLines?: number }): string {
  const head = ['---', ...frontMatter(options.impactEntries, options.abstractLines ?? 0), ...(options.closed ? ['---'] : [])];
  const body: string[] = [''];
  let size = head.join(options.eol).length;
  for (let i = 0; size < MB; i++) {
    const line = i % 20 === 0 ? `## Section ${i / 20} (5 min)` : `Line ${i} of the body, with words enough to look like prose: status: idea, kind: blog.`;
    body.push(line);
    size += line.length + options.eol.length;
  }
  return [...head, ...body].join(options.eol);
}

function time(fn: () => unknown): { median: number; p95: number; max: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[samples.length >> 1], p95: samples[Math.floor(samples.length * 0.95)], max: samples[samples.length - 1] };
}

const cases = [
  { name: '1 MB, LF', text: draft({ eol: '\n', closed: true, impactEntries: 20 }) },
  { name: '1 MB, CRLF', text: draft({ eol: '\r\n', closed: true, impactEntries: 20 }) },
  { name: '1 MB, unclosed fence', text: draft({ eol: '\n', closed: false, impactEntries: 20 }) },
  // About 60 KB and 950 keys, under the 64 KB and 1,000-key caps: the most front matter that is read.
  { name: '1 MB, front matter near the cap', text: draft({ eol: '\n', closed: true, impactEntries: 310, abstractLines: 500 }) },
  { name: '1 MB, front matter over the cap', text: draft({ eol: '\n', closed: true, impactEntries: 400, abstractLines: 1000 }) },
];

for (const { name, text } of cases) console.log(`${name}: ${(text.length / MB).toFixed(2)} MB`);

const rows: { draft: string; call: string; medianMs: number; p95Ms: number; maxMs: number; items: number }[] = [];
for (const { name, text } of cases) {
  const status = text.indexOf('status: drafting');
  const duration = text.indexOf('duration: 30');
  const deadline = text.indexOf('cfp_deadline: ');
  const tagList = text.indexOf('[observability, go]');
  // Found before timing, so only completion and hover are measured.
  const lastMetric = text.lastIndexOf('metric: ');
  const end = text.length - 10;
  const calls: { call: string; run: () => number }[] = [
    { call: 'complete status', run: () => frontMatterCompletions(text, status + 8, completionFacts).length },
    { call: 'complete key', run: () => frontMatterCompletions(text, duration + 3, completionFacts).length },
    { call: 'complete date', run: () => frontMatterCompletions(text, deadline + 14, completionFacts).length },
    { call: 'complete tag', run: () => frontMatterCompletions(text, tagList + 16, completionFacts).length },
    { call: 'complete last metric', run: () => frontMatterCompletions(text, lastMetric + 8, completionFacts).length },
    { call: 'complete in body', run: () => frontMatterCompletions(text, end, completionFacts).length },
    { call: 'hover status', run: () => (frontMatterHover(text, status + 10, hoverFacts) ? 1 : 0) },
    { call: 'hover date', run: () => (frontMatterHover(text, deadline + 2, hoverFacts) ? 1 : 0) },
    { call: 'hover duration', run: () => (frontMatterHover(text, duration + 2, hoverFacts) ? 1 : 0) },
    { call: 'hover last metric', run: () => (frontMatterHover(text, lastMetric + 9, hoverFacts) ? 1 : 0) },
    { call: 'hover in body', run: () => (frontMatterHover(text, end, hoverFacts) ? 1 : 0) },
  ];
  for (const { call, run } of calls) {
    const items = run();
    const { median, p95, max } = time(run);
    rows.push({ draft: name, call, medianMs: median, p95Ms: p95, maxMs: max, items });
  }
}

console.log(`Front-matter completion and hover, ${runs} runs each (target: under 50 ms on a 1 MB draft)`);
console.log(`${'draft'.padEnd(34)}${'call'.padEnd(22)}${'median ms'.padStart(10)}${'p95 ms'.padStart(10)}${'max ms'.padStart(10)}${'items'.padStart(7)}`);
for (const row of rows)
  console.log(
    `${row.draft.padEnd(34)}${row.call.padEnd(22)}${row.medianMs.toFixed(3).padStart(10)}${row.p95Ms.toFixed(3).padStart(10)}${row.maxMs.toFixed(3).padStart(10)}${String(row.items).padStart(7)}`,
  );
const worst = rows.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
console.log(`Slowest call: ${worst.call} on ${worst.draft}, ${worst.maxMs.toFixed(2)} ms at most.`);
if (json) console.log(JSON.stringify({ runs, worstMaxMs: worst.maxMs, rows }));
