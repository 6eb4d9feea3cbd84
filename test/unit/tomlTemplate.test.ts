import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, TomlDate } from 'smol-toml';
import { locateFrontMatter } from '../../src/core/frontMatter/parse';
import { templateFromDraft } from '../../src/core/templates/fromDraft';
import { parseTemplate } from '../../src/core/templates/parseTemplate';
import { renderTemplate } from '../../src/core/templates/render';
import { applyDraftFields } from '../../src/core/templates/scaffold';
import { snippetToPlainText } from '../../src/core/templates/snippet';
import { standardVariables } from '../../src/core/templates/variables';

function dataOf(text: string): Record<string, unknown> {
  const location = locateFrontMatter(text);
  assert.equal(location.type, 'closed');
  if (location.type !== 'closed') throw new Error('unreachable');
  assert.equal(location.block.format, 'toml');
  return parse(text.slice(location.block.contentStart, location.block.contentEnd)) as Record<string, unknown>;
}

const HUGO_TALK = [
  '+++',
  'title = "{{title}}"',
  "slug = '{{slug}}'",
  'date = {{date}}',
  'kind = "talk"',
  'event = "{{event}}"',
  'duration = {{duration}}',
  'draft = true',
  'tags = ["{{kind}}", {{year}}]  # for {{title}}',
  '',
  '# How DevRel Desk files this template',
  '[template]',
  'name = "Hugo talk"',
  'folder = "content/talks"',
  "filename = '{date}-{slug}.md'",
  '',
  '+++',
  '',
  '# {{title}}',
  '',
  '{{cursor}}',
  '',
].join('\n');

describe('TOML templates', () => {
  describe('parseTemplate', () => {
    it('reads the [template] table and cuts it, with its comment, out of the drafts', () => {
      const parsed = parseTemplate(HUGO_TALK, 'talk.md');
      assert.deepEqual(parsed.problems, []);
      const template = parsed.template;
      assert.ok(template);
      assert.equal(template.kind, 'talk');
      assert.equal(template.name, 'Hugo talk');
      assert.equal(template.folder, 'content/talks');
      assert.equal(template.fileNamePattern, '{date}-{slug}.md');
      assert.equal(template.text, HUGO_TALK.replace(/\n\n# How DevRel Desk[\s\S]*?\n\n\+\+\+/, '\n+++'));
    });

    it('reads an inline template table, and the kind from the file name when kind is a marker', () => {
      const parsed = parseTemplate('+++\nkind = "{{kind}}"\ntemplate = { name = "Short" }\ntitle = "{{title}}"\n+++\nBody\n', 'templates/newsletter.md');
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.template?.kind, 'newsletter');
      assert.equal(parsed.template?.name, 'Short');
      assert.equal(parsed.template?.text, '+++\nkind = "{{kind}}"\ntitle = "{{title}}"\n+++\nBody\n');
    });

    it('keeps CRLF and reports what it cannot use', () => {
      const parsed = parseTemplate('+++\r\ntitle = "{{title}}"\r\n[template]\r\nname = "N"\r\ncolour = "red"\r\nfolder = ["a"]\r\n+++\r\nBody\r\n', 'blog.md');
      assert.equal(parsed.template?.text, '+++\r\ntitle = "{{title}}"\r\n+++\r\nBody\r\n');
      assert.match(parsed.problems.join('\n'), /template\.colour is not a template setting/);
      assert.match(parsed.problems.join('\n'), /template\.folder must be a single value/);
    });

    it('explains broken TOML and settings it cannot separate', () => {
      assert.match(parseTemplate('+++\ntitle = "x"\ndate = \n+++\n', 'blog.md').problems[0] ?? '', /^Line 3: /);
      assert.match(parseTemplate('+++\ntemplate.name = "x"\n+++\n', 'blog.md').problems.join('\n'), /one \[template\] table/);
      assert.match(parseTemplate('+++\ntemplate = "x"\n+++\n', 'blog.md').problems.join('\n'), /\[template\] table of kind/);
    });
  });

  describe('renderTemplate', () => {
    const variables = standardVariables({
      title: 'It\'s "quoted" \\ here',
      today: '2026-05-01',
      author: "O'Brien",
      kind: 'talk',
      answers: { event: 'KubeCon "EU"', duration: '' },
    });

    it('escapes values for the string they stand in and writes whole values bare when they read back as themselves', () => {
      const template = parseTemplate(HUGO_TALK, 'talk.md').template;
      assert.ok(template);
      const rendered = renderTemplate(template, variables);
      assert.deepEqual(rendered.problems, []);
      assert.match(rendered.text, /^title = "It's \\"quoted\\" \\\\ here"$/m);
      assert.match(rendered.text, /^date = 2026-05-01$/m);
      assert.match(rendered.text, /^duration = ""$/m, 'a skipped answer is an empty string; TOML has no empty value');
      assert.match(rendered.text, /^tags = \["talk", 2026\] {2}# for It's "quoted" \\ here$/m);
      const data = dataOf(rendered.text);
      assert.equal(data.title, 'It\'s "quoted" \\ here');
      assert.equal(data.event, 'KubeCon "EU"');
      assert.ok(data.date instanceof TomlDate && data.date.isDate());
      assert.equal(rendered.text.split('+++')[2], '\n\n# It\'s "quoted" \\ here\n\n\n', 'the body gets plain text');
    });

    it('keeps a literal string while values fit in it, and turns it into a basic string when they do not', () => {
      const fits = renderTemplate({ text: "+++\na = '{{title}} by {{author}}'\n+++\n" }, { title: 'T', author: 'Ann' });
      assert.equal(fits.text, "+++\na = 'T by Ann'\n+++\n");
      const quote = renderTemplate({ text: "+++\na = 'C:\\{{title}} by {{author}}'\n+++\n" }, { title: 'T', author: "O'Brien" });
      assert.equal(quote.text, '+++\na = "C:\\\\T by O\'Brien"\n+++\n');
      assert.equal(dataOf(quote.text).a, "C:\\T by O'Brien");
      const multi = renderTemplate({ text: "+++\na = '''\n{{title}}\nmore'''\n+++\n" }, { title: "x'''y" });
      assert.equal(dataOf(multi.text).a, "x'''y\nmore");
    });

    it('writes tab stops and choices as snippet placeholders, quoted as a whole value needs', () => {
      const rendered = renderTemplate({ text: '+++\nstatus = {{choice:1:idea|in review}}\nminutes = {{tab:2:30}}\nnote = "{{tab:3:say hi}}"\n+++\n{{cursor}}' }, {});
      assert.deepEqual(rendered.problems, []);
      assert.equal(rendered.text, '+++\nstatus = "idea"\nminutes = 30\nnote = "say hi"\n+++\n');
      assert.equal(rendered.snippet, '+++\nstatus = "${1|idea,in review|}"\nminutes = ${2:30}\nnote = "${3:say hi}"\n+++\n$0');
    });

    it('quotes an unknown variable that stands for a value, and reports it', () => {
      const rendered = renderTemplate({ text: '+++\nx = {{nope}}\ny = "{{nope}}"\n+++\n' }, {});
      assert.deepEqual(rendered.unknownVariables, ['nope']);
      assert.deepEqual(rendered.problems, []);
      assert.deepEqual({ ...dataOf(rendered.text) }, { x: '{{nope}}', y: '{{nope}}' });
    });

    it('reports a template whose TOML is broken', () => {
      assert.match(renderTemplate({ text: '+++\nx = \n+++\n' }, {}).problems[0] ?? '', /^Template front matter: Line 2: /);
    });

    it('writes any value so that it reads back exactly', () => {
      const value = fc.string({ unit: 'grapheme', maxLength: 20 });
      fc.assert(
        fc.property(value, value, (a, b) => {
          const template = '+++\nbasic = "<{{a}}|{{b}}>"\nliteral = \'{{a}}\'\nmulti = """\n{{b}}"""\nmultiLiteral = \'\'\'{{a}}\'\'\'\nwhole = {{b}}\n+++\n{{a}}';
          const rendered = renderTemplate({ text: template }, { a, b });
          assert.deepEqual(rendered.problems, []);
          const data = dataOf(rendered.text);
          // TOML's multi-line strings read a written CRLF as it is, but strings never hold a lone surrogate.
          assert.equal(data.basic, `<${a}|${b}>`);
          assert.equal(data.literal, a);
          assert.equal(data.multi, b);
          assert.equal(data.multiLiteral, a);
          const whole = data.whole;
          assert.equal(whole instanceof Date ? whole.toISOString().slice(0, 10) : String(whole), b);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('drafts from TOML templates', () => {
    it('sets the first status and the draft field in the file and its snippet', () => {
      const template = parseTemplate(HUGO_TALK, 'talk.md').template;
      assert.ok(template);
      const rendered = renderTemplate(template, standardVariables({ title: 'Flags', today: '2026-05-01', kind: 'talk' }));
      const applied = applyDraftFields(rendered, { status: 'idea', draft: false });
      assert.ok(applied.ok);
      if (!applied.ok) return;
      assert.match(applied.text, /^draft = false$/m);
      assert.match(applied.text, /^tags = .*\nstatus = "idea"\n\+\+\+$/m, 'a new key after the last top-level key');
      assert.equal(applied.tabStopsKept, 'all');
      assert.equal(snippetToPlainText(applied.snippet), applied.text);
    });

    it('reads a kind label and workflow from the [template] table', () => {
      const parsed = parseTemplate('+++\ntitle = "{{title}}"\n[template]\nlabel = "Newsletter"\nstatuses = ["idea", "writing", "sent"]\n+++\n', 'newsletter.md');
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.template?.label, 'Newsletter');
      assert.deepEqual(parsed.template?.statuses, ['idea', 'writing', 'sent']);
      assert.deepEqual(parseTemplate('+++\n[template]\nstatuses = "idea, sent"\n+++\n', 'newsletter.md').template?.statuses, ['idea', 'sent']);
      assert.match(parseTemplate('+++\n[template]\nstatuses = [1, {}]\nlabel = 3\n+++\n', 'newsletter.md').problems.join('\n'), /label must be text[\s\S]*statuses must be a list/);
    });
  });
});

describe('templateFromDraft with TOML front matter', () => {
  const draft = [
    '+++',
    'title = "Feature flags without a vendor"',
    'slug = "flags"',
    'date = 2026-11-20',
    'publish_date = "2026-12-01"',
    'status = "published"',
    'draft = false',
    'tags = ["flags"]',
    '',
    '[params]',
    'cover = "a.png"',
    '+++',
    '',
    '# Feature flags without a vendor',
    '',
    'Body.',
    '',
  ].join('\r\n');

  it('makes markers of the title, slug and dates, resets the status and adds a [template] table', () => {
    const made = templateFromDraft(draft, 'blog', 'Hugo post', 'idea');
    assert.deepEqual(made.problems, []);
    assert.equal(
      made.text,
      [
        '+++',
        'title = "{{title}}"',
        'slug = "{{slug}}"',
        'date = {{date}}',
        'publish_date = "{{publish_date}}"',
        'status = "idea"',
        'draft = false',
        'tags = ["flags"]',
        'kind = "blog"',
        '',
        '[params]',
        'cover = "a.png"',
        '',
        '[template]',
        'kind = "blog"',
        'name = "Hugo post"',
        '+++',
        '',
        '# {{title}}',
        '',
        'Body.',
        '',
      ].join('\r\n'),
    );
  });

  it('gives a template that reads and fills in again', () => {
    const made = templateFromDraft(draft, 'blog', 'Hugo post', 'idea');
    assert.ok(made.text);
    const parsed = parseTemplate(made.text, 'templates/hugo-post.md');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.template?.name, 'Hugo post');
    assert.ok(parsed.template);
    const rendered = renderTemplate(parsed.template, standardVariables({ title: 'Next', today: '2026-05-01', kind: 'blog', answers: { publish_date: '2026-06-01' } }));
    assert.deepEqual(rendered.problems, []);
    const data = dataOf(rendered.text);
    assert.equal(data.title, 'Next');
    assert.equal(data.publish_date, '2026-06-01');
    assert.ok(data.date instanceof TomlDate);
    assert.equal('template' in data, false, 'the [template] table is not in drafts');
  });

  it('replaces a [template] table that is there already, and explains broken TOML', () => {
    const again = templateFromDraft('+++\ntitle = "x"\n\n[template]\nname = "Old"\n+++\nBody\n', 'blog', 'New', 'idea');
    assert.equal(again.text, '+++\ntitle = "{{title}}"\nkind = "blog"\nstatus = "idea"\n\n[template]\nkind = "blog"\nname = "New"\n+++\nBody\n');
    assert.match(templateFromDraft('+++\ntitle = \n+++\n', 'blog', 'N').problems[0] ?? '', /^Line 2: /);
    assert.match(templateFromDraft('+++\ntitle = "x"\n', 'blog', 'N').problems[0] ?? '', /no closing \+\+\+/);
  });
});
