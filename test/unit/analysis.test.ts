import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeMarkdown, type AnalysisOptions } from '../../src/core/analysis/analysis';
import type { DraftAnalysis } from '../../src/core/types';

const defaults: AnalysisOptions = { wordsPerMinute: 238, bodyStartLine: 0 };

function analyze(body: string, options: Partial<AnalysisOptions> = {}): DraftAnalysis {
  return analyzeMarkdown(body, { ...defaults, ...options });
}

function words(body: string): number {
  return analyze(body).words;
}

describe('analyzeMarkdown', () => {
  describe('empty body', () => {
    it('has no words, headings, tasks or talk', () => {
      assert.deepEqual(analyze(''), {
        words: 0,
        readingMinutes: 0,
        headings: [],
        checklist: { done: 0, total: 0 },
      });
    });

    it('treats whitespace-only bodies as empty', () => {
      assert.equal(words('\n\n   \r\n\t\n'), 0);
    });
  });

  describe('word definition', () => {
    it('counts plain prose words', () => {
      assert.equal(words('The quick brown fox jumps over the lazy dog.'), 9);
    });

    it('keeps apostrophes and hyphens inside a word', () => {
      assert.equal(words("Don't ship real-time features on a Friday."), 7);
      assert.equal(words('It’s a well‑known fact.'), 4);
    });

    it('keeps periods, underscores and digit commas inside a word', () => {
      assert.equal(words('Node.js and snake_case cost 10,000 or 3.5 dollars'), 8);
    });

    it('does not attach leading or trailing punctuation', () => {
      assert.equal(words("'quoted' -- (parens) students' work..."), 4);
    });

    it('ignores punctuation and emoji on their own', () => {
      assert.equal(words('🎉 — !!! ... 🚀 & * #'), 0);
      assert.equal(words('Ship it 🚀 today'), 3);
    });

    it('counts words in any script, including combining marks', () => {
      assert.equal(words('naïve résumé Ελληνικά русский'), 4);
      assert.equal(words('e\u0301te cafe\u0301'), 2);
    });

    it('counts each Han or kana character as a word', () => {
      assert.equal(words('日本語のテキスト'), 8);
      assert.equal(words('Use 中文 here'), 4);
    });

    it('does not split words at emphasis or code-span markers', () => {
      assert.equal(words('**bold** and _italic_ and ~~gone~~ and **half**way'), 7);
      assert.equal(words('Two `PR`s merged'), 3);
      assert.equal(words('Two `PR`s merged, see [the docs](https://example.com)'), 6);
    });

    it('counts words in headings, lists, blockquotes and tables', () => {
      assert.equal(words('# Two words\n\n- one item\n\n> quoted text here'), 7);
      assert.equal(words('| Name | Role |\n|------|------|\n| Ada Lovelace | author |\n'), 5);
    });

    it('counts inline code words as prose', () => {
      assert.equal(words('Run `npm install` and `useEffect` first'), 6);
    });

    it('counts entities as the characters they stand for', () => {
      assert.equal(words('caf&eacute; &amp; tea'), 2);
    });

    it('accepts bodies with NUL characters', () => {
      assert.equal(words('one\0two three'), 3);
    });
  });

  describe('word exclusions', () => {
    it('excludes fenced code blocks', () => {
      assert.equal(words('Before it.\n\n```ts\nconst answer = 42;\nconsole.log(answer);\n```\n\nAfter it.'), 4);
      assert.equal(words('Before it.\n\n~~~\nplain tilde fence\n~~~\n'), 2);
    });

    it('excludes indented code blocks', () => {
      assert.equal(words('Some prose here.\n\n    const hidden = true;\n    more hidden code\n\nMore prose.'), 5);
    });

    it('excludes block HTML comments', () => {
      assert.equal(words('Visible words.\n\n<!--\nTODO: rewrite this whole section\n-->\n\nMore visible.'), 4);
    });

    it('excludes inline HTML comments', () => {
      assert.equal(words('Visible <!-- hidden note here --> words.'), 2);
    });

    it('excludes raw HTML tags but keeps the text between them', () => {
      assert.equal(words('Press <kbd class="key">Ctrl</kbd> now'), 3);
      assert.equal(words('<div align="center">\nhidden block html\n</div>\n\nAfter.'), 1);
    });

    it('excludes bare URLs', () => {
      assert.equal(words('See https://example.com/some/long-path?query=words&x=1 for details'), 3);
      assert.equal(words('Or http://example.org and www.example.net instead'), 3);
    });

    it('excludes autolinks', () => {
      assert.equal(words('See <https://example.com/path/words> and <someone@example.com> please'), 3);
    });

    it('counts link text but not link targets or titles', () => {
      assert.equal(words('Read [the fine manual](https://example.com/docs/guide "Guide title") today'), 5);
    });

    it('counts reference link text but not the definition', () => {
      assert.equal(words('Read [the docs][ref] now.\n\n[ref]: https://example.com/reference/words "Title words"'), 4);
    });

    it('does not count image alt text or source', () => {
      assert.equal(words('Look ![a diagram of the pipeline](images/pipeline-diagram.png) here'), 2);
    });

    it('does not count a link made of a URL', () => {
      assert.equal(words('Visit [https://example.com](https://example.com) now'), 2);
    });
  });

  describe('reading time', () => {
    function prose(count: number): string {
      return Array.from({ length: count }, () => 'word').join(' ');
    }

    it('is 0 minutes for 0 words', () => {
      assert.equal(analyze('```\ncode only\n```').readingMinutes, 0);
    });

    it('rounds up to whole minutes', () => {
      assert.equal(analyze(prose(1)).readingMinutes, 1);
      assert.equal(analyze(prose(238)).readingMinutes, 1);
      assert.equal(analyze(prose(239)).readingMinutes, 2);
      assert.equal(analyze(prose(476)).readingMinutes, 2);
    });

    it('uses a custom words-per-minute', () => {
      const result = analyze(prose(250), { wordsPerMinute: 100 });
      assert.equal(result.words, 250);
      assert.equal(result.readingMinutes, 3);
    });

    it('falls back to 238 words per minute for an unusable speed', () => {
      assert.equal(analyze(prose(239), { wordsPerMinute: 0 }).readingMinutes, 2);
      assert.equal(analyze(prose(239), { wordsPerMinute: Number.NaN }).readingMinutes, 2);
    });
  });

  describe('line endings', () => {
    it('gives the same analysis for CRLF and LF', () => {
      const lf = '# Title\n\nSome words here.\n\n- [x] done\n- [ ] open\n\nSetext\n---\n\n```\ncode\n```\n';
      const crlf = lf.replace(/\n/g, '\r\n');
      assert.deepEqual(analyze(crlf, { bodyStartLine: 4 }), analyze(lf, { bodyStartLine: 4 }));
      assert.deepEqual(analyze(crlf).headings, [
        { level: 1, text: 'Title', line: 0 },
        { level: 2, text: 'Setext', line: 7 },
      ]);
      assert.equal(analyze(crlf).words, 7);
    });
  });

  describe('headings', () => {
    it('lists ATX headings with level and line', () => {
      assert.deepEqual(analyze('# One\n\ntext\n\n## Two ##\n### Three\n###### Six').headings, [
        { level: 1, text: 'One', line: 0 },
        { level: 2, text: 'Two', line: 4 },
        { level: 3, text: 'Three', line: 5 },
        { level: 6, text: 'Six', line: 6 },
      ]);
    });

    it('finds a heading on the first line after a byte-order mark', () => {
      assert.deepEqual(analyze('\uFEFF# Title\r\nText', { bodyStartLine: 0 }).headings, [{ level: 1, text: 'Title', line: 0 }]);
    });

    it('lists setext headings on the line of their text', () => {
      assert.deepEqual(analyze('intro\n\nFirst\n=====\n\nSecond\nline\n---').headings, [
        { level: 1, text: 'First', line: 2 },
        { level: 2, text: 'Second line', line: 5 },
      ]);
    });

    it('strips inline markup from heading text', () => {
      const body = '## **Bold** _em_ `code` [link](https://example.com) ~~gone~~ <b>html</b> ![img](a.png)\n';
      assert.equal(analyze(body).headings[0].text, 'Bold em code link gone html');
    });

    it('decodes escapes and entities in heading text', () => {
      assert.equal(analyze('# Q&amp;A \\*live\\*').headings[0].text, 'Q&A *live*');
    });

    it('offsets lines by bodyStartLine', () => {
      assert.deepEqual(analyze('text\n\n# Title\n\nSub\n---', { bodyStartLine: 5 }).headings, [
        { level: 1, text: 'Title', line: 7 },
        { level: 2, text: 'Sub', line: 9 },
      ]);
    });

    it('ignores heading-like lines inside code', () => {
      assert.deepEqual(analyze('```\n# not a heading\n```\n\n    # nor this').headings, []);
    });

    it('finds headings inside blockquotes and lists', () => {
      assert.deepEqual(analyze('> # Quoted\n\n- ## Listed').headings, [
        { level: 1, text: 'Quoted', line: 0 },
        { level: 2, text: 'Listed', line: 2 },
      ]);
    });
  });

  describe('checklist', () => {
    function checklist(body: string): { done: number; total: number } {
      return analyze(body).checklist;
    }

    it('counts [x], [X] and [ ] items', () => {
      assert.deepEqual(checklist('- [x] one\n- [X] two\n- [ ] three\n- plain item'), { done: 2, total: 3 });
    });

    it('counts nested task items', () => {
      assert.deepEqual(checklist('- [ ] parent\n  - [x] child\n    - [x] grandchild\n  - [ ] sibling'), {
        done: 2,
        total: 4,
      });
    });

    it('counts ordered task items', () => {
      assert.deepEqual(checklist('1. [x] first\n2. [ ] second\n3) [X] third'), { done: 2, total: 3 });
    });

    it('counts task items in loose lists and blockquotes', () => {
      assert.deepEqual(checklist('- [x] loose\n\n- [ ] list\n\n> - [x] quoted'), { done: 2, total: 3 });
    });

    it('counts a marker with nothing after it', () => {
      assert.deepEqual(checklist('- [x]\n- [ ]'), { done: 1, total: 2 });
    });

    it('ignores markers inside fenced code', () => {
      assert.deepEqual(checklist('```md\n- [x] not a task\n- [ ] nor this\n```'), { done: 0, total: 0 });
    });

    it('ignores markers inside indented code, even in a list item', () => {
      assert.deepEqual(checklist('    - [x] not a task\n\n-     [x] code in an item'), { done: 0, total: 0 });
    });

    it('ignores markers inside inline code', () => {
      assert.deepEqual(checklist('- `[x]` literal\n- `[ ] also`'), { done: 0, total: 0 });
    });

    it('ignores escaped brackets', () => {
      assert.deepEqual(checklist('- \\[x] escaped\n- \\[ ] escaped'), { done: 0, total: 0 });
    });

    it('ignores markers mid-sentence or outside lists', () => {
      assert.deepEqual(checklist('- do [x] later\n\n[x] not in a list'), { done: 0, total: 0 });
    });

    it('ignores markers not followed by whitespace and other letters', () => {
      assert.deepEqual(checklist('- [x]done\n- [y] maybe\n- [x](https://example.com) link'), { done: 0, total: 0 });
    });

    it('does not count the marker as a word', () => {
      assert.equal(words('- [x] Buy milk\n- [ ] Write post\n- [x] see [docs](https://example.com)'), 6);
    });
  });

  describe('talk timing', () => {
    it('reads minutes in every supported notation', () => {
      const body = [
        '## Intro (5 minutes)',
        '## Demo (10 min)',
        '## Q&A (5m)',
        '## Wrap-up — 3 min',
        '## Live coding [12 min]',
        '## Recap (2.5 min)',
        '## Break: 4 mins',
        '## Outro – 1 minute',
      ].join('\n');
      assert.deepEqual(analyze(body, { bodyStartLine: 10 }).talk, {
        plannedMinutes: 42.5,
        sections: [
          { title: 'Intro', minutes: 5, line: 10 },
          { title: 'Demo', minutes: 10, line: 11 },
          { title: 'Q&A', minutes: 5, line: 12 },
          { title: 'Wrap-up', minutes: 3, line: 13 },
          { title: 'Live coding', minutes: 12, line: 14 },
          { title: 'Recap', minutes: 2.5, line: 15 },
          { title: 'Break', minutes: 4, line: 16 },
          { title: 'Outro', minutes: 1, line: 17 },
        ],
      });
    });

    it('reads minutes through heading markup', () => {
      assert.deepEqual(analyze('## **Demo** _(10 min)_').talk?.sections, [{ title: 'Demo', minutes: 10, line: 0 }]);
    });

    it('leaves talk undefined when no heading carries minutes', () => {
      const result = analyze('# Talk\n\n## Intro\n\nWe spend (5 min) on this.\n\n## Saving 5 min a day\n\n## Top 10 tips');
      assert.equal(result.talk, undefined);
      assert.equal('talk' in result, false);
    });

    it('counts timed sub-headings under a timed heading only once', () => {
      const body = ['# My talk', '## Part one (20 min)', '### Setup (5 min)', '### Demo (15 min)', '## Part two (10 min)', '### Detail (4 min)'].join('\n');
      const talk = analyze(body).talk;
      assert.equal(talk?.plannedMinutes, 30);
      assert.deepEqual(
        talk?.sections.map((s) => [s.title, s.minutes, s.line]),
        [
          ['Part one', 20, 1],
          ['Setup', 5, 2],
          ['Demo', 15, 3],
          ['Part two', 10, 4],
          ['Detail', 4, 5],
        ],
      );
    });

    it('counts timed sub-headings whose parent section is not timed', () => {
      const body = '## Part one (10 min)\n## Part two\n### Demo (7 min)\n### Q&A (3 min)\n';
      assert.equal(analyze(body).talk?.plannedMinutes, 20);
    });

    it('counts a timed heading after its timed parent section has closed', () => {
      const body = '### Warm-up (2 min)\n## Main (10 min)\n### Inside (4 min)\n# Closing (1 min)';
      assert.equal(analyze(body).talk?.plannedMinutes, 13);
    });

    it('adds decimal minutes without floating-point noise', () => {
      assert.equal(analyze('## A (0.1 min)\n## B (0.2 min)').talk?.plannedMinutes, 0.3);
    });
  });

  describe('inline syntax in paragraphs', () => {
    it('counts link text but not destinations or titles', () => {
      assert.equal(words('Read [the docs](https://example.com/3 "Docs home") and `npm install`.'), 6);
      assert.equal(words("See [it](<a b> 'x y') now"), 3);
      assert.equal(words('Go [there](\n  /x\n  (the title)\n) now'), 3);
    });

    it('joins link text to adjacent letters like the rendered text', () => {
      assert.equal(words('pre[fix](u)ed'), 1);
    });

    it('counts nested link brackets as markdown-it does', () => {
      assert.equal(words('A [b [c] d](e) f'), 5);
      assert.equal(words('A [b [c](x) d] f'), 5);
    });

    it('does not count images, even inside link text', () => {
      assert.equal(words('An ![alt words](i.png "t") image'), 2);
      assert.equal(words('[![alt](i.png) caption](u)'), 1);
    });

    it('counts the text of reference links and leaves unmatched brackets as text', () => {
      assert.equal(words('Use [the guide][g] or [g].\n\n[g]: https://example.com/g'), 5);
      assert.equal(words('An [unmatched bracket and [x] here'), 6);
    });

    it('does not count autolinks and separates words around them', () => {
      assert.equal(words('Mail <dev@example.com> or <https://example.com/a>x'), 3);
    });

    it('does not count inline HTML or comments but counts text between tags', () => {
      assert.equal(words('A <span class="x">b</span> c <!-- no words here --> d'), 4);
      assert.equal(words('a<br/>b'), 2);
      assert.equal(words('x <!-- open [y](z) <!-- --> w'), 2);
    });

    it('treats entities as the characters they stand for', () => {
      assert.equal(words('Tom &amp; Jerry &copy; 2024 &bogus; A&#66;C'), 5);
    });

    it('treats escapes as literal punctuation that ends a word', () => {
      assert.equal(words('\\[not a link](x) \\<b> 5\\,000'), 7);
    });

    it('counts code spans, including brackets inside them', () => {
      assert.equal(words('Run `` a [b](c) `` now'), 5);
      assert.equal(words('An `unclosed [d](e) span'), 4);
    });
  });

  describe('arbitrary input', () => {
    const fragments = [
      '# ',
      '## ',
      'Title\n---\n',
      '- ',
      '1. ',
      '- [x] ',
      '- [ ] ',
      '  ',
      '    ',
      '> ',
      '\n',
      '\n\n',
      ' ',
      'word',
      "don't",
      '`',
      '```',
      '~~~',
      '[',
      ']',
      '(',
      ')',
      '![',
      '<',
      '>',
      '<!--',
      '-->',
      '<b>',
      '</b>',
      '&amp;',
      '&',
      '*',
      '_',
      '~~',
      '\\',
      '|',
      '---',
      'https://example.com/x',
      'www.a.b',
      '(5 min)',
      '— 3 min',
      '日本',
      '🎉',
      'e\u0301',
      '\t',
      '\0',
    ];
    const markdownish = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

    it('never throws and returns consistent numbers', () => {
      fc.assert(
        fc.property(fc.oneof(markdownish, fc.string({ unit: 'grapheme', maxLength: 200 })), (body) => {
          const lineCount = body.split(/\r\n?|\n/).length;
          const result = analyze(body, { bodyStartLine: 3 });
          assert.ok(Number.isInteger(result.words) && result.words >= 0);
          assert.equal(result.readingMinutes, Math.ceil(result.words / 238));
          assert.ok(result.checklist.done <= result.checklist.total);
          for (const heading of result.headings) {
            assert.ok(heading.level >= 1 && heading.level <= 6);
            assert.ok(heading.line >= 3 && heading.line < lineCount + 3);
          }
          if (result.talk !== undefined) {
            assert.ok(result.talk.sections.length > 0);
            const sum = result.talk.sections.reduce((total, section) => total + section.minutes, 0);
            assert.ok(result.talk.plannedMinutes <= sum + 1e-9);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('analyses CRLF bodies exactly like LF bodies', () => {
      fc.assert(
        fc.property(markdownish, (body) => {
          assert.deepEqual(analyze(body.replace(/\n/g, '\r\n')), analyze(body));
        }),
        { numRuns: 300 },
      );
    });
  });
});
