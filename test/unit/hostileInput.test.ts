import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { analyzeMarkdown } from '../../src/core/analysis/analysis';
import { parseDraft } from '../../src/core/draft';
import { buildDashboardModel, withFiniteNumbers } from '../../src/core/dashboardModel';
import { appendFrontMatterListItem, setFrontMatterFields } from '../../src/core/frontMatter/edit';
import { locateFrontMatter } from '../../src/core/frontMatter/parse';
import { parseNewDraftRequest } from '../../src/core/templates/scaffold';
import { aggregateImpact, BUILT_IN_METRICS, MAX_IMPACT_VALUE, monthlySeries, parseImpactEntries, topDrafts } from '../../src/core/impact';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import type { Draft, DraftAnalysis } from '../../src/core/types';
import { expectDraft, makeConfig, problemCodes, source } from './helpers';

// Inputs from the hardening probe, at the sizes it reported. Before the fixes each of these took
// from several seconds to over a minute; they are asserted on their results here, and their
// speed is printed by `npm run bench` (the pathological section), never timed in a test.

const MB = 1024 * 1024;

function read(frontMatter: string, body = '# Title\n'): Draft {
  const config = makeConfig({ maxFileBytes: 8 * MB });
  return expectDraft(parseDraft(source('notes/hostile.md'), `---\nkind: blog\n${frontMatter}\n---\n${body}`, config, { analyze: false }));
}

function tooLarge(draft: Draft): string {
  assert.deepEqual(problemCodes(draft), ['front-matter-too-large']);
  return draft.problems[0].message;
}

function keys(count: number): string {
  return Array.from({ length: count }, (_, i) => `key${i}: value`).join('\n');
}

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
      assert.deepEqual(
        result.talk?.sections.map((s) => [s.title.length, s.minutes]),
        [[`Intro ${dashes}a`.length, 5]],
      );
      const trailing = analyze(`# Intro${' -'.repeat(100_000)} (5 min)\n`);
      assert.deepEqual(
        trailing.talk?.sections.map((s) => [s.title, s.minutes]),
        [['Intro', 5]],
      );
    });

    it('counts runs of "[", "![" and backticks as markdown-it reads them', () => {
      for (const body of ['['.repeat(20_000), '!['.repeat(10_000), '`'.repeat(200_000), '` a '.repeat(50_000), '[a]('.repeat(20_000)]) {
        assert.equal(analyze(body).words, referenceWords(body), body.slice(0, 8));
      }
    });

    it('counts code spans repeated to 2 MB in one paragraph word by word', () => {
      const repeats = (2 * MB) / 4;
      assert.equal(analyze('`a` '.repeat(repeats)).words, repeats);
      assert.equal(analyze('` a '.repeat(repeats)).words, repeats);
    });

    it('reads a long setext heading run', () => {
      const result = analyze(`${'a\n'.repeat(100_000)}===\n`);
      assert.equal(result.words, 100_000);
      assert.equal(result.headings.length, 1);
    });
  });

  describe('front matter', () => {
    it('lists a draft with 33,000 keys, with the cap in its problem, and reads none of them', () => {
      const draft = read(`${keys(33_000)}\nalias: *a`);
      assert.equal(draft.kind, 'blog');
      assert.equal(draft.title, 'Title');
      assert.match(tooLarge(draft), /^Front matter too large to edit safely: 33,002 keys, the limit is 1,000\./);
      assert.deepEqual(draft.fields, {});
    });

    it('refuses 13,000 keys plus one alias', () => {
      assert.match(tooLarge(read(`${keys(13_000)}\nb: *a`)), /13,002 keys, the limit is 1,000/);
    });

    it('refuses 200,000 lines of "a: ["', () => {
      assert.match(tooLarge(read('a: [\n'.repeat(200_000))), /200,001 keys, the limit is 1,000/);
    });

    it('refuses nesting 1,000,000 brackets deep', () => {
      assert.match(tooLarge(read(`x: ${'['.repeat(1_000_000)}`)), /nested 1,000,001 levels deep, the limit is 32/);
    });

    it('refuses 250,000 aliases', () => {
      assert.match(tooLarge(read(`a: &a x\nb: [${'*a,'.repeat(250_000)}]`)), /250,000 aliases, the limit is 100/);
    });

    it('still finds a duplicate key among 999 keys and an alias', () => {
      const draft = read(`${keys(997)}\nkey5: again\nalias: &a x`);
      assert.deepEqual(problemCodes(draft), ['duplicate-key']);
      assert.equal(draft.problems[0].range?.start.line, 999);
    });

    it('reports the first error of large invalid front matter once, however many there are', () => {
      for (const frontMatter of [']\n'.repeat(30_000), `a: *b\n${']\n'.repeat(30_000)}`]) {
        const draft = read(frontMatter);
        assert.deepEqual(problemCodes(draft), ['yaml-syntax'], frontMatter.slice(0, 10));
      }
    });

    it('keeps TOML front matter to the same caps', () => {
      const config = makeConfig({ maxFileBytes: 8 * MB });
      const big = expectDraft(parseDraft(source('notes/hostile.md'), `+++\nkind = "blog"\nx = "${'a'.repeat(70_000)}"\n+++\n`, config, { analyze: false }));
      assert.match(tooLarge(big), /69 KB, the limit is 64 KB/);
      const deep = expectDraft(parseDraft(source('notes/hostile.md'), `+++\nkind = "blog"\nx = ${'['.repeat(40)}${']'.repeat(40)}\n+++\n`, config, { analyze: false }));
      assert.deepEqual(problemCodes(deep), ['toml-syntax']);
    });
  });

  describe('front-matter edits', () => {
    const draftWith = (count: number): string => `---\nkind: blog\nstatus: idea\n${keys(count)}\n---\nBody stays.\n`;

    it('refuses Set Status on 8,000 keys with the cap in the message', () => {
      const result = setFrontMatterFields(draftWith(8_000), { status: 'drafting' });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /^Front matter too large to edit safely: 8,002 keys, the limit is 1,000\. /);
    });

    it('edits front matter just under the caps', () => {
      const text = draftWith(990);
      const result = setFrontMatterFields(text, { status: 'drafting' });
      assert.ok(result.ok);
      assert.equal(result.text, text.replace('status: idea', 'status: drafting'));
    });

    it('refuses an edit that would take the front matter over a cap', () => {
      const result = appendFrontMatterListItem(draftWith(998), 'impact', { date: '2026-01-01', metric: 'views', value: 3 });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /too large to read: 1,004 keys, the limit is 1,000\./);
    });
  });

  describe('impact numbers', () => {
    const today = '2026-05-13';
    const huge = (value: number): Draft => ({
      ...read(''),
      uri: `file:///ws/${value}.md`,
      impact: [
        { date: '2026-05-01', metric: 'views', value },
        { date: '2026-05-02', metric: 'views', value },
      ],
    });

    /** Every number in `value`, however deep. */
    function numbers(value: unknown): number[] {
      if (typeof value === 'number') return [value];
      if (typeof value !== 'object' || value === null) return [];
      return Object.values(value).flatMap(numbers);
    }

    it('refuses values out of range, with a problem, and keeps the rest', () => {
      const parsed = parseImpactEntries([
        { date: '2026-05-01', metric: 'views', value: 1e308 },
        { date: '2026-05-01', metric: 'views', value: `1${'0'.repeat(400)}` },
        { date: '2026-05-01', metric: 'views', value: MAX_IMPACT_VALUE },
      ]);
      assert.deepEqual(
        parsed.entries.map((e) => e.value),
        [MAX_IMPACT_VALUE],
      );
      assert.deepEqual(parsed.problems, [
        'Impact entry 1: value 1e+308 is out of range; impact values go up to 1,000,000,000,000.',
        `Impact entry 2: value 1${'0'.repeat(39)}… is out of range; impact values go up to 1,000,000,000,000.`,
      ]);
      const draft = read('impact:\n  - date: 2026-05-01\n    metric: views\n    value: 1e308\n  - date: 2026-05-02\n    metric: views\n    value: 1e308');
      assert.deepEqual(problemCodes(draft), ['invalid-impact', 'invalid-impact']);
      assert.equal(draft.impact, undefined);
    });

    it('keeps totals finite even for entries that bypassed the range check', () => {
      const drafts = [huge(1e308), huge(Number.MAX_VALUE)];
      const summary = aggregateImpact(drafts, { today, kinds: BUILT_IN_KINDS });
      assert.ok(numbers(summary).every(Number.isFinite));
      assert.ok(topDrafts(drafts, 'views').every((d) => Number.isFinite(d.total)));
      assert.ok(monthlySeries(drafts, 'views', today).every((m) => Number.isFinite(m.total)));
    });

    it('never gives the dashboard a number JSON would turn into null', () => {
      const model = buildDashboardModel([huge(1e308)], BUILT_IN_KINDS, {
        today,
        metrics: BUILT_IN_METRICS,
        focus: { maxActive: 3, maxDeadlinesPer14Days: 4 },
      });
      assert.ok(numbers(model).length > 10);
      assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
      assert.ok(numbers(JSON.parse(JSON.stringify(model))).every(Number.isFinite));
    });

    it('replaces non-finite numbers at any depth, and keeps odd keys as keys', () => {
      const odd: Record<string, number> = {};
      Object.defineProperty(odd, '__proto__', { value: Infinity, enumerable: true, writable: true, configurable: true });
      const value = withFiniteNumbers({ a: [1, Number.NaN, { b: -Infinity }], odd });
      assert.deepEqual(JSON.parse(JSON.stringify(value)), { a: [1, 0, { b: -Number.MAX_SAFE_INTEGER }], odd: { ['__proto__']: Number.MAX_SAFE_INTEGER } });
      assert.equal(Object.getPrototypeOf(value.odd), Object.prototype);
    });
  });

  describe('small ones', () => {
    it('opens front matter only with "---" or "+++" and ASCII spaces or tabs', () => {
      assert.equal(locateFrontMatter('---\u00a0\nkind: blog\n---\n').type, 'none');
      assert.equal(locateFrontMatter('---\u2003\nkind: blog\n---\n').type, 'none');
      assert.equal(locateFrontMatter('+++\u00a0\nkind = "blog"\n+++\n').type, 'none');
      assert.equal(locateFrontMatter('--- \t\r\nkind: blog\r\n---\t\r\n').type, 'closed');
      // A closing line with a no-break space is text, so the front matter stays open.
      assert.equal(locateFrontMatter('---\nkind: blog\n---\u00a0\n').type, 'unclosed');
    });

    it('refuses a __proto__ field in a scripted New Draft instead of dropping it', () => {
      const request = parseNewDraftRequest(JSON.parse('{"kind": "blog", "title": "T", "fields": {"__proto__": {"x": 1}, "event": "Conf"}}'));
      assert.equal(request.ok, false);
      assert.match(request.ok ? '' : request.message, /"__proto__" cannot be a front-matter field name/);
      const option = parseNewDraftRequest(JSON.parse('{"kind": "blog", "title": "T", "__proto__": {}}'));
      assert.match(option.ok ? '' : option.message, /does not know the option "__proto__"/);
    });
  });
});
