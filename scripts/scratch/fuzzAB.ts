import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as A from './analysisA';
import * as B from '../../src/core/analysis';
const fragments = ['# ', '## ', 'Title\n---\n', '- ', '1. ', '- [x] ', '- [ ] ', '  ', '    ', '> ', '\n', '\n\n', ' ',
  'word', "don't", '`', '```', '~~~', '[', ']', '(', ')', '![', '<', '>', '<!--', '-->', '<b>', '</b>', '](http://x.y/z w)', '[r]: /u\n',
  '&amp;', '&', '*', '_', '~~', '\\', '|', '---', 'https://example.com/x', 'www.a.b', '(5 min)', '— 3 min', '<a@b.c>', '<http://q.r>',
  '日本', '🎉', 'e\u0301', '\t', '!', '-', ':'];
const o = { wordsPerMinute: 238, bodyStartLine: 0 };
fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((p) => p.join('')), (body) => {
  assert.deepEqual(B.analyzeMarkdown(body, o), A.analyzeMarkdown(body, o));
}), { numRuns: 20000 });
console.log('ok');
