import fc from 'fast-check';
import * as R from './analysisRef';
import * as B from '../../src/core/analysis';
const fragments = ['# ', '- ', '- [x] ', '  ', '> ', '\n', '\n\n', ' ', ' ', ' ',
  'word', "don't", '`', '[', ']', '(', ')', '![', '<', '>', '<!--', '-->', '<b>', '</b>', '](http://x.y/z w)', '[r]: /u\n',
  '&amp;', '&', '*', '**', '_', '__', '~~', '|', 'https://example.com/x', 'www.a.b', '<a@b.c>', '<http://q.r>',
  '日本', 'e\u0301', '!', '-', ':', '.', "'"];
const o = { wordsPerMinute: 238, bodyStartLine: 0 };
const seen = new Set<string>();
let diffs = 0;
fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((p) => p.join('')), (body) => {
  const a = R.analyzeMarkdown(body, o), b = B.analyzeMarkdown(body, o);
  if (a.words !== b.words || JSON.stringify(a.checklist) !== JSON.stringify(b.checklist)) {
    diffs++;
    if (seen.size < 25) { seen.add(body); console.log(JSON.stringify(body), 'ref', a.words, 'fast', b.words, a.checklist, b.checklist); }
  }
}), { numRuns: 20000 });
console.log('diffs', diffs);
