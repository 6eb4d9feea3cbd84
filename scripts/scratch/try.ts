import { analyzeMarkdown } from '../../src/core/analysis';
const o = { wordsPerMinute: 238, bodyStartLine: 0 };
const cases: string[] = [
  'hello world',
  "don't real-time Node.js 10,000 3.5 snake_case students' 'tis",
  'see https://example.com/a_b?x=1&y=2 and www.foo.com ok',
  'a [link text](https://example.com "title") b',
  'a ![alt words here](img.png) b',
  'a <!-- hidden words --> b',
  '<!--\nhidden block\n-->\n\nvisible',
  'a <span class="x">inner</span> b',
  '<div>\nraw html block words\n</div>\n\nafter',
  'a <https://example.com> b <me@example.com> c',
  '```\ncode words here\n```\n\nafter',
  '    indented code\n\nafter',
  'use `npm install` now',
  '| a b | c |\n|---|---|\n| d | e f |',
  '> quoted words here',
  'caf&eacute; &amp; tea',
  '日本語のテキスト and 中文',
  '🎉 — !!! ... 🚀',
  'naïve résumé Ελληνικά русский',
  'e\u0301te',
  '[ref link][r]\n\n[r]: https://example.com/words here',
  '**bold**text and _under_ ~~strike~~',
];
for (const c of cases) console.log(JSON.stringify(c), '=>', analyzeMarkdown(c, o).words);
console.log(JSON.stringify(analyzeMarkdown('# Title *em* `code` [link](u)\r\n\r\nSetext **x**\r\n---\r\n\r\n## Demo (10 min)\r\n### Sub (5m)\r\n## Wrap-up — 3 min\r\n## Live [12 min]\r\n## Q&A (2.5 minutes)\n## Timing: 45 minutes\n', { wordsPerMinute: 238, bodyStartLine: 3 }), null, 1));
console.log(JSON.stringify(analyzeMarkdown('- [x] a\n- [ ] b\n  - [X] c\n1. [x] d\n- \\[x] e\n- `[x]` f\n- do [x] g\n```\n- [x] h\n```\n- [x]\n- [x]foo\n> - [ ] q\n', o)));
