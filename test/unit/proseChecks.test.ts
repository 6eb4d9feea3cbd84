import assert from 'node:assert/strict';
import type { ProseCheckSettings } from '../../src/core/config';
import { BUILT_IN_KINDS, builtinTemplates } from '../../src/core/kinds/registry';
import { placeholderHost, proseProblems, templateSummary, type ProseCheckInput } from '../../src/core/proseChecks';
import type { Problem, ProblemFix } from '../../src/core/types';

const ALL: ProseCheckSettings = { imageAlt: true, summary: true, headingLevels: true, placeholderLinks: true, cfpAbstractLength: true };
const BLOG_TEMPLATE = builtinTemplates().find((t) => t.kind === 'blog')?.text ?? '';

function check(text: string, overrides: Partial<ProseCheckInput> = {}): Problem[] {
  return proseProblems({ text, kind: 'blog', status: 'drafting', kindDefinition: BUILT_IN_KINDS.blog, settings: ALL, ...overrides });
}

function only(problems: Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}

/** The text with one fix applied, to show what the quick fix writes. */
function apply(text: string, fix: ProblemFix): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return text.slice(0, offset(fix.range.start)) + fix.newText + text.slice(offset(fix.range.end));
}

const at = (line: number, start: number, end: number): Problem['range'] => ({ start: { line, character: start }, end: { line, character: end } });

describe('prose checks', () => {
  describe('image alt text', () => {
    it('underlines an image with no alt text, and one whose alt text says "image of", with a fix for the latter', () => {
      const text = '---\nkind: blog\n---\n\nSee ![](a.png) and ![Image of the build graph](b.png "t").\n<img src="c.png">\n';
      const problems = only(check(text), 'image-alt');
      assert.deepEqual(
        problems.map((p) => p.range),
        [at(4, 4, 14), at(4, 19, 57), at(5, 0, 17)],
      );
      assert.equal(problems[0].fixes, undefined);
      const fix = problems[1].fixes?.[0];
      assert.ok(fix);
      assert.equal(apply(text, fix), text.replace('Image of the build graph', 'The build graph'));
    });

    it('fixes vague alt text in an HTML image, and leaves good alt text, code and fenced blocks alone', () => {
      const text = "<img alt='picture of a cat' src=x>\n![A cat asleep](cat.png) `![](code.png)`\n\n```md\n![](fenced.png)\n```\n<!-- ![](hidden.png) -->\n";
      const problems = only(check(text), 'image-alt');
      assert.equal(problems.length, 1);
      assert.deepEqual(problems[0].range, at(0, 0, 34));
      assert.equal(apply(text, problems[0].fixes?.[0] as ProblemFix).split('\n')[0], "<img alt='A cat' src=x>");
    });
  });

  describe('heading levels', () => {
    it('underlines a heading that skips a level and fixes its level', () => {
      const text = '# Title\n\n### Too deep\n\n## Fine\n\n#### Two down ##\n\n```\n# not a heading\n##### nor this\n```\n';
      const problems = only(check(text), 'heading-skip');
      assert.deepEqual(
        problems.map((p) => p.range),
        [at(2, 0, 12), at(6, 0, 16)],
      );
      assert.match(problems[1].message, /skips level 3\./);
      assert.equal(apply(text, problems[0].fixes?.[0] as ProblemFix).split('\n')[2], '## Too deep');
      assert.equal(apply(text, problems[1].fixes?.[0] as ProblemFix).split('\n')[6], '### Two down ##');
    });

    it('accepts going back up any number of levels, and a first heading at any level', () => {
      assert.deepEqual(only(check('### Start\n\n#### Sub\n\n# Top\n\n## Next\n'), 'heading-skip'), []);
    });
  });

  describe('placeholder links', () => {
    const text =
      '---\nkind: blog\n---\n\nTry [the app](http://localhost:3000/app) or <https://api.example.com/v1>.\nSee https://example.org, https://example.dev and `http://localhost`.\n';

    it('underlines localhost and example-domain addresses once the post is scheduled or out', () => {
      for (const status of ['scheduled', 'published']) {
        const problems = only(check(text, { status }), 'placeholder-link');
        assert.deepEqual(
          problems.map((p) => [p.value, p.range]),
          [
            ['http://localhost:3000/app', at(4, 14, 39)],
            ['https://api.example.com/v1', at(4, 45, 71)],
            ['https://example.org', at(5, 4, 23)],
          ],
          status,
        );
      }
      assert.match(only(check(text, { status: 'scheduled' }), 'placeholder-link')[0].message, /only works on your machine, and the draft is scheduled/);
    });

    it('leaves them alone while the post is being written, and in kinds that keep working notes', () => {
      for (const status of ['idea', 'drafting', 'review']) assert.deepEqual(only(check(text, { status }), 'placeholder-link'), [], status);
      assert.deepEqual(only(check(text, { kind: 'oss', status: 'merged', kindDefinition: BUILT_IN_KINDS.oss }), 'placeholder-link'), []);
    });

    it('knows which hosts are placeholders', () => {
      assert.equal(placeholderHost('http://127.0.0.1:8080/'), '127.0.0.1');
      assert.equal(placeholderHost('http://[::1]/'), '[::1]');
      assert.equal(placeholderHost('https://shop.example/'), 'shop.example');
      assert.equal(placeholderHost('https://app.localhost/'), 'app.localhost');
      assert.equal(placeholderHost('https://counterexample.com/'), undefined);
      assert.equal(placeholderHost('https://example.dev/'), undefined);
      assert.equal(placeholderHost('not a url'), undefined);
    });
  });

  describe('summary', () => {
    it('reads what the template asks for', () => {
      assert.deepEqual(templateSummary(BLOG_TEMPLATE), { description: true, tldr: true });
      assert.deepEqual(templateSummary('---\nkind: x\n---\n\n# Body\n'), { description: false, tldr: false });
    });

    it('marks the front matter of a post with neither a TL;DR nor a description when its template has them', () => {
      const text = '---\nkind: blog\ntitle: T\n---\n\nBody.\n';
      const problems = only(check(text, { templateText: BLOG_TEMPLATE }), 'missing-summary');
      assert.equal(problems.length, 1);
      assert.deepEqual(problems[0].range, at(0, 0, 3));
      assert.equal(problems[0].severity, 'info');
      assert.deepEqual(only(check(text.replace('title: T', 'title: T\ndescription: What it is'), { templateText: BLOG_TEMPLATE }), 'missing-summary'), []);
      assert.deepEqual(only(check(text.replace('Body.', '> **TL;DR:** It works.'), { templateText: BLOG_TEMPLATE }), 'missing-summary'), []);
      assert.deepEqual(only(check(text, { templateText: '---\nkind: blog\n---\n\n## Body\n' }), 'missing-summary'), []);
      assert.deepEqual(only(check(text), 'missing-summary'), [], 'no template known');
    });

    it('leaves a post that is out to the cross-post check, which asks for the description with a fix', () => {
      const text = '---\nkind: blog\ntitle: T\n---\n\nBody.\n';
      assert.deepEqual(only(check(text, { templateText: BLOG_TEMPLATE, status: 'published' }), 'missing-summary'), []);
      assert.deepEqual(only(check(text.replace('title: T', 'title: T\ndevto_id: 42'), { templateText: BLOG_TEMPLATE }), 'missing-summary'), []);
      assert.equal(only(check(text, { templateText: BLOG_TEMPLATE, status: 'published', kind: 'workshop', kindDefinition: BUILT_IN_KINDS.workshop }), 'missing-summary').length, 1);
    });
  });

  describe('abstract against the call it is sent to', () => {
    const long = 'x'.repeat(400);
    const text = `---
kind: talk
abstract: ${long}
submissions:
  - event: Small Conf
    abstract_max_chars: 300
  - event: Big Conf
    abstract: default
    abstract_max_chars: 1000
  - event: No limit
    abstract: default
---
`;
    const input = {
      kind: 'talk',
      status: 'submitted',
      kindDefinition: BUILT_IN_KINDS.talk,
      abstracts: [{ name: 'short', chars: 250, budget: 300, source: 'front-matter' as const }],
    };

    it('underlines the limit of a call whose abstract is too long, and offers a variant that fits', () => {
      const problems = only(check(text, input), 'abstract-over-cfp-budget');
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /The abstract sent to Small Conf is 400 characters; that call allows 300\. Cut 100, or send a shorter abstract\./);
      assert.deepEqual(problems[0].range, at(5, 24, 27));
      const fix = problems[0].fixes?.[0] as ProblemFix;
      assert.equal(fix.title, 'Send the short abstract instead (250 characters)');
      assert.match(apply(text, fix), /- event: Small Conf\n {4}abstract_max_chars: 300\n {4}abstract: short\n/);
    });

    it('skips calls without a limit and talks without the named abstract', () => {
      assert.deepEqual(only(check(text.replace(/ {4}abstract_max_chars: 300\n/, ''), input), 'abstract-over-cfp-budget'), []);
      assert.deepEqual(only(check(text.replace(`abstract: ${long}\n`, ''), { ...input, abstracts: [] }), 'abstract-over-cfp-budget'), []);
    });
  });

  it('runs only the checks that are on, and never throws on broken input', () => {
    const text = '---\nkind: blog\n---\n\n![](a.png)\n\n# A\n\n### B\n';
    assert.deepEqual(check(text, { settings: { ...ALL, imageAlt: false, headingLevels: false } }), []);
    for (const bad of ['---\nkind: [\n---\n![](x)', '---\nunclosed', '\uFEFF', '`'.repeat(5000), '![](' + '('.repeat(10000)]) {
      assert.ok(Array.isArray(check(bad, { templateText: BLOG_TEMPLATE })));
    }
  });
});

describe('prose checks on hostile input', () => {
  it('reads a long heading line padded with blanks', () => {
    const text = `# A\n\n### ${' '.repeat(200_000)}x${' '.repeat(200_000)}\n`;
    const problems = proseProblems({
      text,
      kind: 'blog',
      status: 'drafting',
      settings: { imageAlt: true, summary: true, headingLevels: true, placeholderLinks: true, cfpAbstractLength: true },
    });
    assert.deepEqual(
      problems.map((p) => [p.code, p.range?.end.character]),
      [['heading-skip', 4 + 200_000 + 1]],
    );
  });
});
