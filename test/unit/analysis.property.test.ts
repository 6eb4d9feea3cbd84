// The analysis counts most paragraphs by scanning their text instead of building markdown-it's
// inline tokens. These properties hold that shortcut to what a full inline parse gives, over
// generated documents dense with the syntax the scanner models or must give up on.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeMarkdown } from '../../src/core/analysis/analysis';
import type { DraftAnalysis } from '../../src/core/types';

function analyze(body: string, fullInlineParse: boolean): DraftAnalysis {
  return analyzeMarkdown(body, { wordsPerMinute: 238, bodyStartLine: 0, fullInlineParse });
}

const word = fc.constantFrom('word', 'Node.js', "don't", 'real-time', '10,000', 'snake_case', 'café', 'e\u0301t\u00e9', '日本語', 'naïve', 'x', '42', '🎉', '—', '...');
const url = fc.constantFrom('https://example.com/a_b', 'http://x.y/(z)', 'www.example.org', '/docs/page', '<https://a.b/c d>', '#anchor', '');
const title = fc.constantFrom('', ' "Title"', " 'two words'", ' (paren title)', ' "unclosed');
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

/** Inline syntax the scanner reads itself, and syntax it hands to markdown-it. */
const inlinePiece = fc.oneof(
  { weight: 4, arbitrary: word },
  fc.tuple(text, url, title).map(([label, target, t]) => `[${label}](${target}${t})`),
  fc.tuple(text, url).map(([alt, target]) => `![${alt}](${target})`),
  fc.tuple(text, url).map(([label, target]) => `[${label}] (${target})`),
  text.map((label) => `[${label}]`),
  text.map((label) => `[${label}][ref]`),
  fc.tuple(text, text).map(([outer, inner]) => `[${outer} [${inner}]](x)`),
  fc.constantFrom(
    '<https://example.com>',
    '<mailto:a@b.c>',
    '<a@example.com>',
    '<not a link>',
    '<b>',
    '</em>',
    '<span class="x">',
    '<!-- a comment -->',
    '<!-->',
    '<?php x ?>',
    '<![CDATA[ x ]]>',
    '<!DOCTYPE html>',
  ),
  fc.constantFrom('&amp;', '&#35;', '&#x1F389;', '&nbsp;', '&bogus', '&', '&;'),
  text.map((code) => `\`${code}\``),
  text.map((code) => `\`\` ${code} \`\``),
  text.map((code) => `\`${code}`),
  fc.constantFrom('\\[', '\\]', '\\<', '\\&', '\\`', '\\\\', '\\*', '\\a', '\\'),
  text.map((inner) => `**${inner}**`),
  text.map((inner) => `_${inner}_`),
  text.map((inner) => `~~${inner}~~`),
  fc.constantFrom('[', ']', '![', '!', '(', ')', '<', '>', '*', '_', '~'),
);

const line = fc
  .array(inlinePiece, { minLength: 1, maxLength: 8 })
  .chain((pieces) =>
    fc.array(fc.constantFrom(' ', '', '  '), { minLength: pieces.length, maxLength: pieces.length }).map((gaps) => pieces.map((piece, i) => piece + gaps[i]).join('')),
  );

const block = fc.oneof(
  { weight: 4, arbitrary: line },
  fc.tuple(fc.constantFrom('# ', '## ', '### '), line).map(([hashes, heading]) => hashes + heading),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '> '), line).map(([marker, item]) => marker + item),
  fc.tuple(line, line).map(([a, b]) => `${a}\n${b}`),
  fc.tuple(line, line).map(([a, b]) => `${a}  \n${b}`),
  fc.tuple(line, line).map(([a, b]) => `${a}\\\n${b}`),
  fc.constantFrom(
    '[ref]: https://example.com',
    '[ref]: <https://example.com> "Title"',
    '```\ncode [x](y)\n```',
    '    indented code',
    '<div>\nhtml block\n</div>',
    '---',
    '| a | [b](c) |\n| - | - |',
  ),
);

const document = fc
  .array(block, { minLength: 1, maxLength: 8 })
  .chain((blocks) => fc.array(fc.constantFrom('\n', '\n\n'), { minLength: blocks.length, maxLength: blocks.length }).map((breaks) => blocks.map((b, i) => b + breaks[i]).join('')));

describe('analysis word scanner (property)', () => {
  it('counts the same words, headings and tasks as a full inline parse', () => {
    fc.assert(
      fc.property(document, (body) => {
        assert.deepEqual(analyze(body, false), analyze(body, true));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on arbitrary text too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), (body) => {
        assert.deepEqual(analyze(body, false), analyze(body, true));
      }),
      { numRuns: 1000 },
    );
  });
});
