import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { analyzeMarkdown } from '../../src/core/analysis/analysis';
import type { DraftAnalysis } from '../../src/core/types';

// Inputs from the hardening probe, at the sizes it reported. Before the fixes each of these took
// from several seconds to over a minute; they are asserted on their results here, and their
// speed is printed by `npm run bench` (the pathological section), never timed in a test.

const MB = 1024 * 1024;

function analyze(body: string): DraftAnalysis {
  return analyzeMarkdown(body, { wordsPerMinute: 238, bodyStartLine: 0 });
}

/** Words as markdown-it's own tokens give them: the reference the fast paths must agree with. */
function referenceWords(body: string): number {
  const md = new MarkdownIt('default', { html: true });
  let count = 0;
  for (const token of md.parse(body, {})) {
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') count += (child.content.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    }
  }
  return count;
}

describe('hostile input', () => {
  describe('analysis', () => {
    it('counts 2 MB of "<" without a ">" as no words', () => {
      const result = analyze('<'.repeat(2 * MB));
      assert.equal(result.words, 0);
      assert.deepEqual(result.checklist, { done: 0, total: 0 });
    });

    it('counts "a < " repeated to 2 MB word by word', () => {
      const repeats = (2 * MB) / 4;
      assert.equal(analyze('a < '.repeat(repeats)).words, repeats);
    });

    it('counts an unclosed tag start repeated to 1 MB word by word', () => {
      const repeats = Math.floor(MB / 3);
      assert.equal(analyze('<a '.repeat(repeats)).words, repeats);
    });

    it('still finds autolinks and tags among many "<"', () => {
      const body = `${'< '.repeat(1000)}<https://example.com/a> word <b>bold</b> ${'<'.repeat(1000)}`;
      assert.equal(analyze(body).words, 2);
    });

    it('reads a talk timing after a long run of separators', () => {
      const dashes = '-'.repeat(200_000);
      const result = analyze(`# Intro ${dashes}a - 5 min\n`);
      assert.deepEqual(result.talk?.sections.map((s) => [s.title.length, s.minutes]), [[`Intro ${dashes}a`.length, 5]]);
      const trailing = analyze(`# Intro${' -'.repeat(100_000)} (5 min)\n`);
      assert.deepEqual(trailing.talk?.sections.map((s) => [s.title, s.minutes]), [['Intro', 5]]);
    });

    it('counts runs of "[", "![" and backticks as markdown-it reads them', () => {
      for (const body of ['['.repeat(20_000), '!['.repeat(10_000), '`'.repeat(200_000), '` a '.repeat(50_000), '[a]('.repeat(20_000)]) {
        assert.equal(analyze(body).words, referenceWords(body), body.slice(0, 8));
      }
    });

    it('reads a long setext heading run', () => {
      const result = analyze(`${'a\n'.repeat(100_000)}===\n`);
      assert.equal(result.words, 100_000);
      assert.equal(result.headings.length, 1);
    });
  });
});
