import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { builtinTemplates } from '../../src/core/kinds/registry';
import { DEFAULT_WORKFLOW, kindOverridesFromTemplates } from '../../src/core/kinds/resolve';
import { siteProfile } from '../../src/core/sites/profile';
import { templatesToCustomize } from '../../src/core/templates/customize';
import { parseTemplate, type Template } from '../../src/core/templates/parseTemplate';
import { renderTemplate } from '../../src/core/templates/render';
import {
  applyDraftFields,
  firstStatus,
  genericTemplateText,
  parseNewDraftRequest,
  pathInside,
  placeDraft,
  relativeFolder,
  unknownKindMessage,
  untrustedTemplateQuestion,
} from '../../src/core/templates/scaffold';
import { escapeSnippetText, snippetToPlainText } from '../../src/core/templates/snippet';
import { promptableVariables, standardVariables, variablesToAsk } from '../../src/core/templates/variables';

function builtin(kind: string): Template {
  const template = builtinTemplates().find((t) => t.kind === kind);
  assert.ok(template, kind);
  return template;
}

function renderEmpty(template: Template, title = 'Hello world'): { text: string; snippet: string } {
  const answers: Record<string, string> = {};
  for (const name of promptableVariables(template)) answers[name] = '';
  const rendered = renderTemplate(template, standardVariables({ title, today: '2026-03-07', kind: template.kind, answers }));
  assert.deepEqual(rendered.problems, []);
  return rendered;
}

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  assert.ok(match, `no front matter in:\n${text}`);
  const doc = parseDocument(match[1] ?? '', { uniqueKeys: true });
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
  );
  return (doc.toJS() ?? {}) as Record<string, unknown>;
}

describe('parseNewDraftRequest', () => {
  it('asks for everything without an argument', () => {
    assert.deepEqual(parseNewDraftRequest(undefined), { ok: true, value: { kind: undefined, fields: {}, open: true } });
    assert.deepEqual(parseNewDraftRequest(null, 'talk'), { ok: true, value: { kind: 'talk', fields: {}, open: true } });
  });

  it('reads a complete request', () => {
    const folder = { scheme: 'file', path: '/ws/talks' };
    const result = parseNewDraftRequest({ kind: ' talk ', title: '  Tail sampling  ', folder, fields: { event: 'KubeCon', duration: 25, skip: undefined }, open: false });
    assert.deepEqual(result, { ok: true, value: { kind: 'talk', title: 'Tail sampling', folder, fields: { event: 'KubeCon', duration: 25 }, open: false } });
  });

  it('lets a per-kind command leave the kind out, and refuses another kind', () => {
    const same = parseNewDraftRequest({ title: 'Post', kind: 'blog' }, 'blog');
    assert.ok(same.ok && same.value.kind === 'blog');
    const other = parseNewDraftRequest({ title: 'Post', kind: 'talk' }, 'blog');
    assert.equal(other.ok, false);
    assert.match(other.ok ? '' : other.message, /creates a blog.*New Draft/);
  });

  const refusals: [string, unknown, RegExp][] = [
    ['a string', 'talk', /one object/],
    ['a list', [{ kind: 'talk' }], /one object/],
    ['an unknown option', { kind: 'talk', titel: 'x' }, /"titel".*kind, title, folder, fields, open/],
    ['an empty title', { kind: 'talk', title: '   ' }, /title is empty/],
    ['a title that is not text', { kind: 'talk', title: 42 }, /title must be text/],
    ['an empty kind', { kind: '', title: 'x' }, /kind must be/],
    ['fields that are not an object', { kind: 'talk', title: 'x', fields: ['a'] }, /fields must be an object/],
    ['kind inside fields', { kind: 'talk', title: 'x', fields: { kind: 'blog' } }, /Pass the kind as kind/],
    ['a field name with a colon', { kind: 'talk', title: 'x', fields: { 'a: b': 1 } }, /cannot be a front-matter field name/],
    ['open that is not a boolean', { kind: 'talk', title: 'x', open: 'no' }, /open must be true or false/],
    ['an empty folder', { kind: 'talk', title: 'x', folder: ' ' }, /folder must be/],
  ];
  for (const [what, arg, message] of refusals) {
    it(`refuses ${what}`, () => {
      const result = parseNewDraftRequest(arg);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    });
  }

  it('lists the valid kinds for an unknown one', () => {
    assert.equal(unknownKindMessage('podcast', ['blog', 'talk']), '"podcast" is not a kind DevRel Desk knows. Use one of: blog, talk.');
  });
});

describe('variablesToAsk', () => {
  it('asks each built-in kind what the issue lists, in template order', () => {
    assert.deepEqual(variablesToAsk(builtin('blog')), []);
    assert.deepEqual(variablesToAsk(builtin('talk')), ['event', 'cfp_deadline', 'event_date', 'duration']);
    assert.deepEqual(variablesToAsk(builtin('oss')), ['repository', 'issue']);
    assert.deepEqual(variablesToAsk(builtin('workshop')), ['event_date']);
    assert.deepEqual(variablesToAsk(builtin('trip-report')), ['event', 'event_date', 'end_date']);
  });

  it('does not ask again for what the caller gave', () => {
    assert.deepEqual(variablesToAsk(builtin('talk'), ['event', 'duration']), ['cfp_deadline', 'event_date']);
  });

  it('asks for a variable someone added to a customised built-in template', () => {
    const custom = { kind: 'blog', text: "---\nkind: blog\ntitle: '{{title}}'\nevent: '{{event}}'\ndue: '{{due}}'\n---\n" };
    assert.deepEqual(variablesToAsk(custom), ['event']);
  });

  it('asks a new kind for every variable with a prompt, and never for unknown ones', () => {
    const custom = { kind: 'newsletter', text: "---\nkind: newsletter\ndue: '{{due}}'\nissue: '{{issue}}'\nsponsor: '{{sponsor}}'\n---\n" };
    assert.deepEqual(variablesToAsk(custom), ['due', 'issue']);
    assert.deepEqual(promptableVariables(custom), ['due', 'issue']);
  });
});

describe('placeDraft', () => {
  const hugo = siteProfile({ root: '', generator: 'hugo', newPostFolder: 'content/posts', postFolders: ['content/posts'] });
  const none = siteProfile(undefined);

  it('uses the site generator defaults', () => {
    const blog = placeDraft({ kind: 'blog', template: {}, profile: hugo });
    assert.deepEqual(blog.ok && [blog.value.folder, blog.value.pattern], ['content/posts', '{slug}.md']);
    const talk = placeDraft({ kind: 'talk', template: {}, profile: hugo });
    assert.deepEqual(talk.ok && [talk.value.folder, talk.value.pattern], ['talks', '{date}-{slug}.md']);
    const custom = placeDraft({ kind: 'newsletter', template: {}, profile: none });
    assert.deepEqual(custom.ok && [custom.value.folder, custom.value.pattern], ['drafts', '{date}-{slug}.md']);
  });

  it('prefers the template to the defaults, and the settings to both', () => {
    const template = { folder: 'talks/keynotes', fileNamePattern: '{slug}.md' };
    const fromTemplate = placeDraft({ kind: 'talk', template, profile: hugo });
    assert.deepEqual(fromTemplate.ok && [fromTemplate.value.folder, fromTemplate.value.pattern], ['talks/keynotes', '{slug}.md']);
    const fromSettings = placeDraft({ kind: 'talk', settingFolder: './speaking/', settingPattern: '{year}-{slug}', template, profile: hugo });
    assert.ok(fromSettings.ok);
    assert.equal(fromSettings.value.folder, 'speaking');
    assert.equal(fromSettings.value.pattern, '{year}-{slug}');
    assert.match(fromSettings.value.patternSource, /devrel\.fileNamePatterns\.talk/);
  });

  it('refuses a folder setting outside the workspace, and says where it came from', () => {
    const result = placeDraft({ kind: 'talk', settingFolder: '../elsewhere', template: {}, profile: hugo });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /climbs out.*devrel\.folders\.talk/);
  });
});

describe('relativeFolder and pathInside', () => {
  it('normalises workspace-relative folders', () => {
    assert.deepEqual(relativeFolder('./content\\posts/'), { ok: true, value: 'content/posts' });
    assert.deepEqual(relativeFolder('.'), { ok: true, value: '' });
    assert.equal(relativeFolder('/etc').ok, false);
    assert.equal(relativeFolder('C:\\drafts').ok, false);
    assert.equal(relativeFolder('talks/../../x').ok, false);
  });

  it('tells whether a path is inside a folder', () => {
    assert.equal(pathInside('/ws', '/ws/talks/a.md'), 'talks/a.md');
    assert.equal(pathInside('/ws/', '/ws'), '');
    assert.equal(pathInside('/ws', '/ws-other/a.md'), undefined);
    assert.equal(pathInside('/ws', '/ws/../etc'), undefined);
    assert.equal(pathInside('/ws', '/'), undefined);
  });
});

describe('firstStatus and genericTemplateText', () => {
  it('takes the configured workflow, then the template’s', () => {
    assert.equal(firstStatus({ statuses: ['planned', 'done'] }, ['idea']), 'planned');
    assert.equal(firstStatus(undefined, ['outline', 'sent']), 'outline');
    assert.equal(firstStatus(undefined), undefined);
  });

  it('gives a plain template that renders valid front matter', () => {
    const rendered = renderTemplate({ text: genericTemplateText('podcast', 'idea') }, standardVariables({ title: 'Ep: "1"', today: '2026-03-07' }));
    assert.deepEqual(rendered.problems, []);
    assert.deepEqual(frontMatterOf(rendered.text), { kind: 'podcast', title: 'Ep: "1"', status: 'idea', tags: [] });
    assert.match(rendered.snippet, /\$0/);
  });
});

describe('snippetToPlainText', () => {
  it('expands placeholders to their defaults and choices to the first option', () => {
    assert.equal(snippetToPlainText('a ${1:one} $2 ${3} ${4|x,y|} $0 b'), 'a one   x  b');
    assert.equal(snippetToPlainText('${1:outer ${2:inner} tail}'), 'outer inner tail');
    assert.equal(snippetToPlainText('\\$HOME \\} \\\\ ${1|a\\,b,c|}'), '$HOME } \\ a,b');
    assert.equal(snippetToPlainText('{{not a marker}'), '{{not a marker}');
  });

  it('undoes escapeSnippetText for any text', () => {
    fc.assert(fc.property(fc.string(), (text) => snippetToPlainText(escapeSnippetText(text)) === text));
  });
});

describe('applyDraftFields', () => {
  for (const template of builtinTemplates()) {
    it(`keeps every tab stop of the ${template.kind} template while setting fields`, () => {
      const rendered = renderEmpty(template);
      const result = applyDraftFields(rendered, { status: 'drafting', draft: true, event: 'Cost: $5 {per} seat', duration: 45 });
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(result.tabStopsKept, 'all');
      assert.equal(snippetToPlainText(result.snippet), result.text);
      assert.equal(snippetToPlainText(rendered.snippet), rendered.text, 'the renderer’s snippet matches its text');
      const data = frontMatterOf(result.text);
      assert.equal(data.status, 'drafting');
      assert.equal(data.draft, true);
      assert.equal(data.event, 'Cost: $5 {per} seat');
      assert.equal(data.duration, 45);
      assert.equal(data.kind, template.kind);
      assert.match(result.snippet, /\$\{1[:|]/, 'the first tab stop survives');
    });
  }

  it('changes nothing without fields', () => {
    const rendered = renderEmpty(builtin('blog'));
    assert.deepEqual(applyDraftFields(rendered, {}), { ok: true, text: rendered.text, snippet: rendered.snippet, tabStopsKept: 'all' });
  });

  it('keeps the body’s tab stops when the snippet’s front matter can’t be edited', () => {
    // A tab stop inside a flow mapping is not YAML: `{` opens another mapping there.
    const rendered = { text: '---\nmeta: {a: x}\n---\n\nBody text\n', snippet: '---\nmeta: {a: ${1:x}}\n---\n\n${2:Body} text\n' };
    const result = applyDraftFields(rendered, { draft: true });
    assert.ok(result.ok);
    assert.equal(result.tabStopsKept, 'body');
    assert.equal(result.text, '---\nmeta: {a: x}\ndraft: true\n---\n\nBody text\n');
    assert.equal(snippetToPlainText(result.snippet), result.text);
    assert.match(result.snippet, /\$\{2:Body\}/);
  });

  it('follows a double-quoted value that holds a $ through later fields', () => {
    const rendered = renderEmpty(builtin('talk'));
    const result = applyDraftFields(rendered, { event: 'Pay $5 "now"', extra: '${x}', duration: 20 });
    assert.ok(result.ok);
    assert.equal(result.tabStopsKept, 'all');
    assert.equal(snippetToPlainText(result.snippet), result.text);
  });

  it('refuses values front matter cannot hold', () => {
    const rendered = renderEmpty(builtin('blog'));
    const result = applyDraftFields(rendered, { when: Number.NaN });
    assert.equal(result.ok, false);
  });

  it('keeps the snippet in step with the text for any field values', () => {
    const rendered = renderEmpty(builtin('talk'), 'Tail $ampling {at} scale');
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('event', 'audience', 'level', 'extra', 'status', 'tags'), value), (fields) => {
        const result = applyDraftFields(rendered, fields);
        if (!result.ok) return true;
        return snippetToPlainText(result.snippet) === result.text;
      }),
      { numRuns: 200 },
    );
  });
});

describe('workspace template kinds', () => {
  const newsletter = [
    '---',
    'kind: newsletter',
    "title: '{{title}}'",
    'template:',
    '  name: Monthly newsletter',
    '  label: Newsletter',
    '  statuses: [outline, writing, sent]',
    '---',
    '',
  ].join('\n');

  it('reads label and statuses from the template: block, once, with the rest of it', () => {
    const parsed = parseTemplate(newsletter, '.devrel/templates/newsletter.md');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.template?.kind, 'newsletter');
    assert.equal(parsed.template?.label, 'Newsletter');
    assert.deepEqual(parsed.template?.statuses, ['outline', 'writing', 'sent']);
    assert.ok(!parsed.template?.text.includes('statuses'), 'the block is cut from the template text');
    const read = (text: string): ReturnType<typeof parseTemplate> => parseTemplate(text, '.devrel/templates/newsletter.md');
    assert.deepEqual(read(newsletter.replace('[outline, writing, sent]', "'outline, sent'")).template?.statuses, ['outline', 'sent']);
    const empty = read(newsletter.replace('[outline, writing, sent]', '[]'));
    assert.equal(empty.template?.statuses, undefined);
    assert.equal(empty.problems.length, 1);
    assert.match(empty.problems[0] ?? '', /template\.statuses must be a list/);
    const unlabelled = read(newsletter.replace('label: Newsletter', 'label: 42'));
    assert.equal(unlabelled.template?.label, undefined);
    assert.match(unlabelled.problems.join(' '), /template\.label must be text/);
  });

  it('turns templates into kind settings: new kinds get a label and workflow, built-ins only a declared workflow', () => {
    const overrides = kindOverridesFromTemplates(
      [
        { kind: 'newsletter', name: 'Monthly newsletter', label: 'Newsletter', statuses: ['outline', 'sent'] },
        { kind: 'newsletter', name: 'Second one', statuses: ['x'] },
        { kind: 'podcast', name: 'Podcast episode' },
        { kind: 'blog', name: 'Our blog post' },
        { kind: 'talk', name: 'Keynote', statuses: ['idea', 'accepted', 'delivered'] },
        { kind: 'Bad Kind', name: 'Nope' },
      ],
      ['blog', 'talk'],
    );
    assert.deepEqual(overrides, {
      newsletter: { label: 'Newsletter', statuses: ['outline', 'sent'] },
      podcast: { label: 'Podcast episode', statuses: [...DEFAULT_WORKFLOW] },
      talk: { statuses: ['idea', 'accepted', 'delivered'] },
    });
  });

  it('treats the customisable copies of the built-ins as plain overrides', () => {
    const parsed = templatesToCustomize().map((file) => parseTemplate(file.text, `.devrel/templates/${file.fileName}`));
    const kinds = parsed.map((p) => ({ kind: p.template?.kind ?? '', name: p.template?.name ?? '' }));
    assert.deepEqual(
      kindOverridesFromTemplates(
        kinds,
        kinds.map((k) => k.kind),
      ),
      {},
    );
  });
});

describe('untrustedTemplateQuestion', () => {
  it('names the file the template comes from, and offers the built-in one when there is one', () => {
    const question = untrustedTemplateQuestion({ name: 'Blog post', source: '.devrel/templates/blog.md' }, 'site', true);
    assert.equal(question.message, 'Use the template "Blog post" from this workspace?');
    assert.match(question.detail, /^It comes from site\/\.devrel\/templates\/blog\.md, a file in this workspace, and the workspace is not trusted \(Restricted Mode\)\./);
    assert.deepEqual([question.use, question.builtin], ['Use Workspace Template', 'Use Built-in Template']);
    assert.equal(untrustedTemplateQuestion({ name: 'Newsletter', source: '.devrel/templates/newsletter.md' }, 'site', false).builtin, undefined);
  });
});
