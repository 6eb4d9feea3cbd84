// Scratch benchmark: analyzeMarkdown vs markdown-it render on realistic posts. Delete after use.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { analyzeMarkdown } from '../../src/core/analysis';

let seed = 42;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const WORDS = 'the a developer api release build test community talk demo code server client cache latency graph query schema deploy pipeline error handle stream event token user team docs open source feedback issue merge review design pattern performance memory profile benchmark cloud edge function runtime plugin editor extension workflow'.split(' ');
function w(): string { return WORDS[Math.floor(rnd() * WORDS.length)]; }
function sentence(): string {
  const n = 8 + Math.floor(rnd() * 12);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.04) parts.push(`[${w()} ${w()}](https://example.com/${w()}/${w()})`);
    else if (r < 0.08) parts.push('`' + w() + '()`');
    else if (r < 0.1) parts.push(`**${w()}**`);
    else if (r < 0.11) parts.push(`_${w()}_`);
    else if (r < 0.115) parts.push('https://github.com/org/' + w());
    else parts.push(w());
  }
  return parts.join(' ').replace(/^./, (c) => c.toUpperCase()) + (rnd() < 0.8 ? '.' : ', don\'t you think?');
}
function paragraph(): string {
  const n = 2 + Math.floor(rnd() * 4);
  const s: string[] = [];
  for (let i = 0; i < n; i++) s.push(sentence());
  return s.join(' ').replace(/(.{70,80}?) /g, '$1\n');
}
function post(targetBytes: number): string {
  const out: string[] = [`# ${w()} ${w()} with \`${w()}\``, '', paragraph(), ''];
  let k = 0;
  while (out.join('\n').length < targetBytes) {
    const r = k++ % 7;
    if (r === 0) out.push(`## ${w()} ${w()} (${1 + Math.floor(rnd() * 10)} min)`, '');
    else if (r === 1) out.push(paragraph(), '');
    else if (r === 2) out.push('```ts', `const ${w()} = await ${w()}.${w()}({ id: 1 });`, `console.log(${w()});`, `// [x] not a task`, '```', '');
    else if (r === 3) out.push(`- [x] ${sentence()}`, `- [ ] ${sentence()}`, `  - [ ] ${w()} ${w()}`, `- ${sentence()}`, '');
    else if (r === 4) out.push(`| ${w()} | ${w()} | ${w()} |`, '|---|---|---|', `| ${w()} ${w()} | \`${w()}\` | ${w()} |`, `| ${w()} | ${w()} | ${w()} ${w()} |`, '');
    else if (r === 5) out.push(`> ${sentence()}`, `> ${sentence()}`, '', `![${w()}](img/${w()}.png)`, '');
    else out.push(`### ${w()} ${w()}`, '', paragraph(), '<!-- TODO: ' + sentence() + ' -->', '');
  }
  return out.join('\n');
}

const docs: string[] = [];
for (let i = 0; i < 200; i++) docs.push(post(4000 + Math.floor(rnd() * 200)));
const avgBytes = docs.reduce((a, d) => a + d.length, 0) / docs.length;

const renderDefault = new MarkdownIt();
const renderHtml = new MarkdownIt({ html: true });

function bench(name: string, fn: (d: string) => unknown): number {
  for (let r = 0; r < 3; r++) for (const d of docs) fn(d); // warm-up
  const rounds = 15;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const d of docs) fn(d);
    times.push(Number(process.hrtime.bigint() - t0) / 1000 / docs.length);
  }
  times.sort((a, b) => a - b);
  const med = times[Math.floor(rounds / 2)];
  console.log(`${name.padEnd(40)} ${med.toFixed(1).padStart(8)} µs/doc (min ${times[0].toFixed(1)})`);
  return med;
}

console.log(`docs: ${docs.length}, avg ${avgBytes.toFixed(0)} bytes`);
const opts = { wordsPerMinute: 238, bodyStartLine: 5 };
const only = process.argv[2];
if (only === 'analyzeonly') { for (let r = 0; r < 10; r++) bench('analyzeMarkdown', (d) => analyzeMarkdown(d, opts)); process.exit(0); }
const rDef = bench('md.render (default)', (d) => renderDefault.render(d));
bench('md.render (html: true)', (d) => renderHtml.render(d));
bench('md.parse (default)', (d) => renderDefault.parse(d, {}));
const a = bench('analyzeMarkdown', (d) => analyzeMarkdown(d, opts));
console.log(`ratio analyze/render: ${(a / rDef).toFixed(2)}`);
if (only === 'show') console.log(docs[0], analyzeMarkdown(docs[0], opts));
if (only === 'variants') {
  const blockOnly = new MarkdownIt({ html: true });
  blockOnly.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  bench('parse block only', (d) => blockOnly.parse(d, {}));
  const noEm = new MarkdownIt({ html: true });
  noEm.disable(['linkify', 'replacements', 'smartquotes', 'text_join', 'emphasis', 'strikethrough', 'balance_pairs', 'fragments_join']);
  bench('parse no emphasis', (d) => noEm.parse(d, {}));
  const noTable = new MarkdownIt({ html: true });
  noTable.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join', 'table']);
  bench('parse block only, no table', (d) => noTable.parse(d, {}));
  const bare = new MarkdownIt({ html: true });
  bare.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join', 'table', 'hr', 'blockquote', 'reference', 'lheading']);
  bench('parse block minimal', (d) => bare.parse(d, {}));
}
if (only === 'stats') {
  const m = new MarkdownIt({ html: true });
  let inl = 0, trig = 0, head = 0;
  for (const d of docs) {
    const t = m.parse(d, {});
    t.forEach((x, i) => { if (x.type === 'inline') { inl++; if (t[i - 1].type === 'heading_open') head++; else if (/[[<&]/.test(x.content.replace(/^\[[ xX]\]/, ''))) trig++; } });
  }
  console.log({ inl: inl / docs.length, trig: trig / docs.length, head: head / docs.length });
}
if (only === 'ab') {
  const fns: Array<[string, (d: string) => unknown]> = [
    ['md.render (default)', (d) => renderDefault.render(d)],
    ['md.parse (default)', (d) => renderDefault.parse(d, {})],
    ['analyzeMarkdown', (d) => analyzeMarkdown(d, opts)],
  ];
  const res = fns.map(() => [] as number[]);
  for (let r = 0; r < 3; r++) for (const [, f] of fns) for (const d of docs) f(d);
  for (let r = 0; r < 40; r++) {
    fns.forEach(([, f], k) => {
      const t0 = process.hrtime.bigint();
      for (const d of docs) f(d);
      res[k].push(Number(process.hrtime.bigint() - t0) / 1000 / docs.length);
    });
  }
  fns.forEach(([name], k) => {
    const t = res[k].sort((a, b) => a - b);
    console.log(`${name.padEnd(24)} min ${t[0].toFixed(1).padStart(6)}  p25 ${t[10].toFixed(1).padStart(6)}  median ${t[20].toFixed(1).padStart(6)} µs/doc`);
  });
  console.log(`ratio (min) analyze/render ${(res[2][0] / res[0][0]).toFixed(2)}, (median) ${(res[2][20] / res[0][20]).toFixed(2)}`);
}
if (only === 'parts') {
  const blockOnly = new MarkdownIt({ html: true });
  blockOnly.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join', 'table']);
  blockOnly.core.ruler.at('normalize', (s) => { /* none */ void s; });
  const fullInline = new MarkdownIt({ html: true });
  fullInline.disable(['linkify', 'replacements', 'smartquotes', 'text_join', 'table']);
  const fns: Array<[string, (d: string) => unknown]> = [
    ['md.render (default)', (d) => renderDefault.render(d)],
    ['block only (no normalize)', (d) => blockOnly.parse(d, {})],
    ['block + all inline', (d) => fullInline.parse(d, {})],
    ['analyzeMarkdown', (d) => analyzeMarkdown(d, opts)],
  ];
  const res = fns.map(() => [] as number[]);
  for (let r = 0; r < 3; r++) for (const [, f] of fns) for (const d of docs) f(d);
  for (let r = 0; r < 30; r++) {
    fns.forEach(([, f], k) => {
      const t0 = process.hrtime.bigint();
      for (const d of docs) f(d);
      res[k].push(Number(process.hrtime.bigint() - t0) / 1000 / docs.length);
    });
  }
  fns.forEach(([name], k) => {
    const t = res[k].sort((a, b) => a - b);
    console.log(`${name.padEnd(28)} min ${t[0].toFixed(1).padStart(6)}  p25 ${t[7].toFixed(1).padStart(6)}  median ${t[15].toFixed(1).padStart(6)} µs/doc`);
  });
}
if (only === 'versus') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const A = require('./analysisA') as { analyzeMarkdown: typeof analyzeMarkdown };
  const fns: Array<[string, (d: string) => unknown]> = [
    ['render', (d) => renderDefault.render(d)],
    ['A (previous)', (d) => A.analyzeMarkdown(d, opts)],
    ['B (current)', (d) => analyzeMarkdown(d, opts)],
  ];
  for (const d of docs) assert.deepEqual(A.analyzeMarkdown(d, opts), analyzeMarkdown(d, opts));
  const res = fns.map(() => [] as number[]);
  for (let r = 0; r < 3; r++) for (const [, f] of fns) for (const d of docs) f(d);
  for (let r = 0; r < 40; r++) {
    fns.forEach(([, f], k) => {
      const t0 = process.hrtime.bigint();
      for (const d of docs) f(d);
      res[k].push(Number(process.hrtime.bigint() - t0) / 1000 / docs.length);
    });
  }
  fns.forEach(([name], k) => {
    const t = res[k].sort((a, b) => a - b);
    console.log(`${name.padEnd(28)} min ${t[0].toFixed(1).padStart(6)}  p25 ${t[10].toFixed(1).padStart(6)}  median ${t[20].toFixed(1).padStart(6)} µs/doc`);
  });
}
