import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { templatesToCustomize } from '../../src/core/templates/customize';
import { templateFromDraft } from '../../src/core/templates/fromDraft';
import { parseTemplate, type Template } from '../../src/core/templates/parseTemplate';
import { renderTemplate } from '../../src/core/templates/render';
import { answerWarning, resolveAnswer, standardVariables, templatePromptVariables, VARIABLE_PROMPTS } from '../../src/core/templates/variables';
import { talkMinuteVariables, TALK_SECTION_WEIGHTS } from '../../src/core/templates/builtin';
import { builtinTemplates, BUILT_IN_KINDS } from '../../src/core/kinds/registry';

/** The front matter of a rendered file, parsed strictly, plus the body after it. */
function split(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  assert.ok(match, `no front matter in:\n${text}`);
  const doc = parseDocument(match[1] ?? '', { uniqueKeys: true });
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    `front matter does not parse:\n${match[1]}`,
  );
  return { data: (doc.toJS() ?? {}) as Record<string, unknown>, body: text.slice(match[0].length) };
}

function templateOf(text: string): Pick<Template, 'text'> {
  return { text };
}

const TRICKY_TITLE = 'Why "YAML: the good parts" matters';

describe('parseTemplate', () => {
  const lines = [
    '---',
    '# A comment about the whole file',
    '',
    'kind: talk',
    "title: '{{title}}'   # keep the quotes",
    '# Template settings, removed together with the block',
    'template:',
    '  # folder: talks',
    '  name: Keynote',
    "  description: 'Long form: 45 minutes'",
    '  folder: talks/keynotes',
    "  filename: '{date}-{slug}.md'",
    '  # trailing comment inside the block',
    'status: idea # first status',
    'tags: [a, b]',
    '---',
    'Body with $dollar, ${template}, }} braces and {{ title }}',
    '---',
    'template: this is body text, not front matter',
    '',
  ];
  const removed = new Set([5, 6, 7, 8, 9, 10, 11, 12]);

  it('reads the template block and cuts it out, keeping every other byte', () => {
    const { template, problems } = parseTemplate(lines.join('\n'), '.devrel/templates/keynote.md');
    assert.deepEqual(problems, []);
    assert.ok(template);
    assert.equal(template.kind, 'talk');
    assert.equal(template.name, 'Keynote');
    assert.equal(template.description, 'Long form: 45 minutes');
    assert.equal(template.folder, 'talks/keynotes');
    assert.equal(template.fileNamePattern, '{date}-{slug}.md');
    assert.equal(template.source, '.devrel/templates/keynote.md');
    assert.equal(template.builtin, false);
    assert.equal(template.text, lines.filter((_, i) => !removed.has(i)).join('\n'));
  });

  it('keeps CRLF line endings as they were', () => {
    const { template, problems } = parseTemplate(lines.join('\r\n'), 'keynote.md');
    assert.deepEqual(problems, []);
    assert.equal(template?.text, lines.filter((_, i) => !removed.has(i)).join('\r\n'));
  });

  it('takes the kind from the file name when nothing else says it', () => {
    const text = "---\ntitle: '{{title}}'\n---\nBody\n";
    assert.equal(parseTemplate(text, '.devrel/templates/talk.md').template?.kind, 'talk');
    assert.equal(parseTemplate(text, '.devrel\\templates\\Workshop.markdown').template?.kind, 'workshop');
    assert.equal(parseTemplate(text, 'trip-report.md').template?.name, 'Trip report');
    assert.equal(parseTemplate(text, 'x/talk.md').template?.text, text);
  });

  it('prefers the front matter’s kind to the file name, and the block’s to both', () => {
    assert.equal(parseTemplate('---\nkind: oss\n---\n', 'talk.md').template?.kind, 'oss');
    const both = parseTemplate('---\nkind: oss\ntemplate:\n  kind: talk\n---\n', 'blog.md');
    assert.equal(both.template?.kind, 'talk');
    assert.match(both.problems.join('\n'), /template\.kind is talk but the front matter says kind: oss/);
  });

  it('refuses a file without front matter instead of guessing it is a template', () => {
    const { template, problems } = parseTemplate('Just a body with {{title}}\n', 'blog.md');
    assert.equal(template, undefined);
    assert.deepEqual(problems, ['Templates need front matter between --- (or +++) lines; this file has none, so it is not used as a template.']);
    assert.equal(parseTemplate('aws_secret_access_key = abc\n', '.devrel/templates/blog.md').template, undefined);
  });

  it('refuses to make a template from a draft whose front matter is over the caps', () => {
    const keys = Array.from({ length: 1_500 }, (_, i) => `k${i}: v`).join('\n');
    assert.deepEqual(templateFromDraft(`---\nkind: blog\n${keys}\n---\nBody\n`, 'blog', 'Huge'), {
      problems: ['Front matter too large to edit safely: 1,501 keys, the limit is 1,000.'],
    });
  });

  it('refuses a template whose front matter is over the caps', () => {
    const keys = Array.from({ length: 1_500 }, (_, i) => `k${i}: v`).join('\n');
    assert.deepEqual(parseTemplate(`---\nkind: blog\n${keys}\n---\n`, 'blog.md').problems, ['Front matter too large to edit safely: 1,501 keys, the limit is 1,000.']);
  });

  it('accepts markers inside the block and checks its values', () => {
    const good = parseTemplate('---\ntemplate:\n  filename: {{date}}-{{slug}}\n---\n', 'blog.md');
    assert.deepEqual(good.problems, []);
    assert.equal(good.template?.fileNamePattern, '{{date}}-{{slug}}');

    const bad = parseTemplate("---\ntemplate:\n  folder: ../elsewhere\n  filename: '../{slug}.md'\n  colour: red\n---\n", 'blog.md');
    assert.equal(bad.template?.folder, undefined);
    assert.equal(bad.template?.fileNamePattern, undefined);
    assert.equal(bad.problems.length, 3);
    assert.match(bad.problems.join('\n'), /template\.colour is not a template setting/);
  });

  it('explains broken front matter instead of throwing', () => {
    const unquoted = parseTemplate('---\ntemplate:\n  filename: {date}-{slug}.md\n---\n', 'blog.md');
    assert.equal(unquoted.template, undefined);
    assert.match(unquoted.problems.join('\n'), /Quote the file name pattern/);

    assert.match(parseTemplate('---\ntitle: x\n', 'blog.md').problems[0] ?? '', /no closing ---/);
    assert.match(parseTemplate('---\n- a\n- b\n---\n', 'blog.md').problems[0] ?? '', /key: value/);
    assert.match(parseTemplate('+++\ntitle = x\n+++\n', 'blog.md').problems[0] ?? '', /^Line 2: /);
    assert.match(parseTemplate('+++\ntitle = "x"\n', 'blog.md').problems[0] ?? '', /no closing \+\+\+/);
    assert.match(parseTemplate('---\ntitle: x\n---\n', 'templates/.md').problems[0] ?? '', /kind is unknown/);
  });
});

describe('standardVariables', () => {
  it('provides title, slug, dates, author and kind', () => {
    const vars = standardVariables({ title: '  Ünïcödé Tips  ', today: '2026-03-07', author: 'Ada', kind: 'blog' });
    assert.equal(vars.title, 'Ünïcödé Tips');
    assert.equal(vars.slug, 'unicode-tips');
    assert.equal(vars.date, '2026-03-07');
    assert.equal(vars.year, '2026');
    assert.equal(vars.month, '03');
    assert.equal(vars.day, '07');
    assert.equal(vars.author, 'Ada');
    assert.equal(vars.kind, 'blog');
  });

  it('includes prompt answers but never lets them replace the standard ones', () => {
    const vars = standardVariables({ title: 'Real', today: '2026-03-07', answers: { event: ' JSConf ', title: 'Fake', due: '' } });
    assert.equal(vars.event, 'JSConf');
    assert.equal(vars.title, 'Real');
    assert.equal(vars.due, '');
    assert.equal(vars.author, '');
  });

  it('shares the talk duration out over the outline sections', () => {
    const thirty = standardVariables({ title: 't', today: '2026-03-07' });
    assert.equal(thirty.duration, '30');
    assert.deepEqual(
      TALK_SECTION_WEIGHTS.map((s) => thirty[s.variable]),
      ['3', '5', '7', '8', '4', '3'],
    );
    const fortyFive = standardVariables({ title: 't', today: '2026-03-07', answers: { duration: '45' } });
    assert.equal(fortyFive.duration, '45');
    assert.equal(
      TALK_SECTION_WEIGHTS.reduce((sum, s) => sum + Number(fortyFive[s.variable]), 0),
      45,
    );
  });
});

describe('talkMinuteVariables', () => {
  it('always adds up to the duration', () => {
    for (let duration = 1; duration <= 240; duration++) {
      const minutes = Object.values(talkMinuteVariables(duration)).map(Number);
      assert.equal(
        minutes.reduce((a, b) => a + b, 0),
        duration,
        `${duration}`,
      );
      assert.ok(minutes.every((m) => Number.isInteger(m) && m >= 0));
    }
  });

  it('falls back to 30 minutes for nonsense', () => {
    for (const duration of [0, -5, 2.5, Number.NaN, 100000]) {
      const minutes = Object.values(talkMinuteVariables(duration)).map(Number);
      assert.equal(
        minutes.reduce((a, b) => a + b, 0),
        30,
        `${duration}`,
      );
    }
  });
});

describe('renderTemplate', () => {
  it('fills in every standard variable, with or without spaces inside the braces', () => {
    const template = templateOf(
      '---\nkind: blog\ntitle: {{title}}\nslug: {{ slug }}\ndate: {{date}}\n---\n' + '{{title}} by {{author}} on {{date}} ({{year}}/{{month}}/{{day}}) [{{kind}}] {{  slug  }}\n',
    );
    const vars = standardVariables({ title: 'Hello: World', today: '2026-03-07', author: 'Ada', kind: 'blog' });
    const result = renderTemplate(template, vars);
    assert.equal(
      result.text,
      "---\nkind: blog\ntitle: 'Hello: World'\nslug: hello-world\ndate: 2026-03-07\n---\n" + 'Hello: World by Ada on 2026-03-07 (2026/03/07) [blog] hello-world\n',
    );
    assert.deepEqual(result.unknownVariables, []);
    assert.deepEqual(result.problems, []);
  });

  it('leaves unknown variables visible, reports them, and keeps the YAML valid', () => {
    const template = templateOf('---\ntitle: {{title}}\nvenue: {{venue}}\nnote: "at {{venue}}"\n---\nSee {{event_name}} and {{ venue }}.\n');
    const result = renderTemplate(template, { title: 'T' });
    assert.deepEqual(result.unknownVariables, ['venue', 'event_name']);
    const { data, body } = split(result.text);
    assert.equal(data.venue, '{{venue}}');
    assert.equal(data.note, 'at {{venue}}');
    assert.equal(body, 'See {{event_name}} and {{ venue }}.\n');
  });

  it('keeps a YAML-unsafe title valid YAML wherever it stands', () => {
    const template = templateOf(
      [
        '---',
        'title: {{title}}',
        "single: '{{title}}'",
        'double: "{{title}}"',
        'prefixed: Talk - {{title}}',
        'in_double: "Talk: {{title}}"',
        "in_single: 'Talk: {{title}}'",
        'tags: [{{title}}, other]',
        'nested:',
        '  deep: {{title}}',
        'about: |',
        '  About {{title}}',
        '# comment mentioning {{title}}',
        '---',
        '# {{title}}',
        '',
      ].join('\n'),
    );
    const result = renderTemplate(template, { title: TRICKY_TITLE });
    const { data, body } = split(result.text);
    assert.equal(data.title, TRICKY_TITLE);
    assert.equal(data.single, TRICKY_TITLE);
    assert.equal(data.double, TRICKY_TITLE);
    assert.equal(data.prefixed, `Talk - ${TRICKY_TITLE}`);
    assert.equal(data.in_double, `Talk: ${TRICKY_TITLE}`);
    assert.equal(data.in_single, `Talk: ${TRICKY_TITLE}`);
    assert.deepEqual(data.tags, [TRICKY_TITLE, 'other']);
    assert.deepEqual(data.nested, { deep: TRICKY_TITLE });
    assert.equal(data.about, `About ${TRICKY_TITLE}\n`);
    assert.equal(body, `# ${TRICKY_TITLE}\n`);
    assert.deepEqual(result.problems, []);
  });

  it('round-trips any title through the front matter', () => {
    const template = templateOf(
      '---\ntitle: {{title}}\nsingle: \'{{title}}\'\ndouble: "{{title}}"\nin_double: "x {{title}}"\nprefixed: x {{title}}\ntags: [{{title}}]\n---\nbody\n',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary-ascii' }),
          fc.constantFrom(
            'true',
            'null',
            '~',
            '007',
            '1e3',
            '- x',
            '#x',
            'a #b',
            "it's",
            '"',
            '\\',
            '[a]',
            '{{x}}',
            ' x ',
            '30',
            '2026-03-07',
            '&a',
            '*a',
            '!tag',
            '%x',
            '@x',
            '`x',
            '? x',
            ': x',
            'x:',
          ),
        ),
        (title) => {
          if (title === '') {
            return;
          }
          const { data, body } = split(renderTemplate(template, { title }).text);
          for (const key of ['title', 'single', 'double']) {
            assert.equal(String(data[key]), title, `${key} for ${JSON.stringify(title)}`);
          }
          assert.equal(data.in_double, `x ${title}`);
          assert.equal(String(data.prefixed), `x ${title}`);
          assert.equal(String((data.tags as unknown[])[0]), title);
          assert.equal(body, 'body\n');
        },
      ),
      { numRuns: 250 },
    );
  });

  it('keeps numbers plain and other look-alikes strings', () => {
    const { data } = split(renderTemplate(templateOf("---\nduration: '{{d}}'\ntitle: '{{t}}'\nissue: {{i}}\n---\n"), { d: '45', t: 'true', i: '007' }).text);
    assert.equal(data.duration, 45);
    assert.equal(data.title, 'true');
    assert.equal(data.issue, '007');
  });

  it('gives a skipped value an empty YAML value, not braces', () => {
    const template = templateOf("---\ndue: '{{due}}'\nevent: {{event}} # where\nlabel: \"Talk at {{event}}\"\ntags: ['{{event}}']\n---\nAt {{event}}.\n");
    const result = renderTemplate(template, { due: '', event: '' });
    assert.equal(result.text, '---\ndue:\nevent: # where\nlabel: "Talk at "\ntags: []\n---\nAt .\n');
    const { data } = split(result.text);
    assert.deepEqual(data, { due: null, event: null, label: 'Talk at ', tags: [] });
  });

  it('drops a skipped item from a flow list together with one comma', () => {
    const template = templateOf('---\na: [{{x}}, b]\nb: [a, {{x}}]\nc: [a, {{x}}, c]\nd: [ {{x}} ]\ne: {k: {{x}}, j: 1}\n---\n');
    const result = renderTemplate(template, { x: '' });
    assert.equal(result.text, '---\na: [b]\nb: [a]\nc: [a, c]\nd: [  ]\ne: {k:, j: 1}\n---\n');
    assert.deepEqual(split(result.text).data, { a: ['b'], b: ['a'], c: ['a', 'c'], d: [], e: { k: null, j: 1 } });
  });

  it('writes multi-line values into block scalars with the right indentation', () => {
    const template = templateOf('---\nabstract: |\n  Intro\n  {{abstract}}\n  Outro\n---\n');
    const { data } = split(renderTemplate(template, { abstract: 'line one\nline two' }).text);
    assert.equal(data.abstract, 'Intro\nline one\nline two\nOutro\n');
  });

  it('removes control characters YAML cannot hold from contexts that cannot escape them', () => {
    const template = templateOf("---\na: 'x {{v}}'\nb: {{v}}\n# {{v}}\n---\n");
    const { data } = split(renderTemplate(template, { v: 'bell\u0007 and\nnewline' }).text);
    assert.equal(data.a, 'x bell and newline');
    assert.equal(data.b, 'bell\u0007 and\nnewline');
  });

  it('never changes the body except where markers are', () => {
    const body = 'Body with $HOME, ${x}, `{{`, }}, \\escapes\\, {% raw %} and unicode ✓\r\nsecond line\n';
    const result = renderTemplate(templateOf(`---\ntitle: {{title}}\n---\n${body}`), { title: 'T' });
    assert.equal(split(result.text).body, body);
  });

  it('never runs code from a template or from values', () => {
    const template = templateOf('{{constructor}} {{__proto__}} {{toString}} ${process.exit(1)} <%= 1 + 1 %> {{ 1 + 1 }}\n');
    const result = renderTemplate(template, {});
    assert.equal(result.text, template.text);
    assert.deepEqual(result.unknownVariables, ['constructor', '__proto__', 'toString']);
    assert.equal(renderTemplate(templateOf('{{title}}'), { title: '{{author}}' }).text, '{{author}}');
  });

  it('gives tab stops their defaults in text and snippet syntax in the snippet', () => {
    const template = templateOf("---\ndescription: '{{tab:1:One line: short}}'\nlevel: '{{choice:2:beginner|advanced}}'\n---\nCost: $5 {{tab:3:fill}} } {{title}}{{cursor}}\n");
    const result = renderTemplate(template, { title: 'a$b}' });
    assert.equal(result.text, "---\ndescription: 'One line: short'\nlevel: beginner\n---\nCost: $5 fill } a$b}\n");
    assert.equal(result.snippet, "---\ndescription: '${1:One line: short}'\nlevel: ${2|beginner,advanced|}\n---\nCost: \\$5 ${3:fill} \\} a\\$b\\}$0\n");
  });
});

describe('built-in templates', () => {
  const answers = {
    event: 'KubeCon: Europe',
    cfp_deadline: '2026-04-01',
    event_date: '2026-06-10',
    end_date: '2026-06-12',
    due: '2026-05-01',
    publish_date: '',
    duration: '30',
    repository: 'octo/widgets',
    issue: '#42',
    pr: '',
    registration_deadline: '2026-05-20',
    format: 'hybrid',
    participants: '120',
  };

  it('has one template per built-in kind', () => {
    assert.deepEqual(
      builtinTemplates().map((t) => t.kind),
      ['blog', 'talk', 'oss', 'workshop', 'trip-report', 'hackathon'],
    );
    assert.ok(builtinTemplates().every((t) => t.builtin && t.source === `builtin:${t.kind}`));
  });

  it('is valid YAML even before rendering', () => {
    for (const template of builtinTemplates()) {
      const { data } = split(template.text);
      assert.equal(data.kind, template.kind);
    }
  });

  for (const builtin of builtinTemplates()) {
    it(`${builtin.kind}: renders to front matter with its kind and first status`, () => {
      const template = builtinTemplates().find((t) => t.kind === builtin.kind);
      assert.ok(template);
      const vars = standardVariables({ title: TRICKY_TITLE, today: '2026-03-07', author: 'Ada Lovelace', kind: builtin.kind, answers });
      const result = renderTemplate(template, vars);
      assert.deepEqual(result.unknownVariables, []);
      assert.deepEqual(result.problems, []);
      const { data, body } = split(result.text);
      assert.equal(data.kind, builtin.kind);
      assert.equal(data.status, BUILT_IN_KINDS[builtin.kind]?.statuses[0]);
      assert.equal(data.title, TRICKY_TITLE);
      assert.ok(!result.text.includes('{{'), 'no marker left');
      assert.ok(body.trim().length > 400, 'a real body');
    });

    it(`${builtin.kind}: renders with every prompt skipped`, () => {
      const template = builtinTemplates().find((t) => t.kind === builtin.kind);
      assert.ok(template);
      const skipped = Object.fromEntries(templatePromptVariables(template).map((name) => [name, '']));
      const result = renderTemplate(template, standardVariables({ title: 'T', today: '2026-03-07', answers: skipped }));
      assert.deepEqual(result.unknownVariables, []);
      const { data } = split(result.text);
      for (const field of ['due', 'event_date', 'cfp_deadline', 'publish_date', 'repository', 'registration_deadline', 'participants', 'format']) {
        if (field in data) {
          assert.equal(data[field], null, field);
        }
      }
    });
  }

  it('blog: has the fields and sections a post needs', () => {
    const { data, body } = split(renderTemplate(builtinTemplates()[0] as Template, standardVariables({ title: 'T', today: '2026-03-07', answers })).text);
    for (const key of ['title', 'description', 'tags', 'status', 'publish_date', 'due', 'canonical_url', 'cover_image']) {
      assert.ok(key in data, key);
    }
    assert.equal(data.date, undefined, 'date would count as the publish date');
    for (const section of ['TL;DR', '## The hook', '## Conclusion', '## Call to action']) {
      assert.ok(body.includes(section), section);
    }
  });

  for (const duration of ['30', '45', '20']) {
    it(`talk: outline minutes add up to a ${duration}-minute slot`, () => {
      const talk = builtinTemplates().find((t) => t.kind === 'talk') as Template;
      const { data, body } = split(renderTemplate(talk, standardVariables({ title: 'T', today: '2026-03-07', answers: { ...answers, duration } })).text);
      assert.equal(data.duration, Number(duration));
      const sections = [...body.matchAll(/^## (.+) \((\d+) min\)$/gm)];
      assert.equal(sections.length, 6);
      assert.equal(
        sections.reduce((sum, m) => sum + Number(m[2]), 0),
        Number(duration),
      );
      assert.ok(String(data.abstract).length <= 900);
      for (const key of ['event', 'cfp_deadline', 'event_date', 'audience', 'level']) {
        assert.ok(key in data, key);
      }
      for (const section of [
        '## Elevator pitch',
        '## Three takeaways',
        '## Demo plan',
        'Fallback',
        '## Speaker notes',
        '## Q&A preparation',
        '## Resources',
        '## Feedback after delivery',
      ]) {
        assert.ok(body.includes(section), section);
      }
    });
  }

  it('talk: defaults to 30 minutes when the duration is not asked', () => {
    const talk = builtinTemplates().find((t) => t.kind === 'talk') as Template;
    const { data, body } = split(renderTemplate(talk, standardVariables({ title: 'T', today: '2026-03-07' })).text);
    assert.equal(data.duration, 30);
    assert.equal(
      [...body.matchAll(/^## .+ \((\d+) min\)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0),
      30,
    );
  });

  it('oss: is a task list from finding an issue to sharing what was learned', () => {
    const oss = builtinTemplates().find((t) => t.kind === 'oss') as Template;
    const { data, body } = split(renderTemplate(oss, standardVariables({ title: 'T', today: '2026-03-07', answers })).text);
    assert.equal(data.repository, 'octo/widgets');
    assert.equal(data.issue, '#42');
    const tasks = body.split('\n').filter((line) => line.startsWith('- [ ] '));
    assert.ok(tasks.length >= 11);
    for (const topic of [
      /good first issue/,
      /CONTRIBUTING/,
      /code of conduct/,
      /CLA|DCO/,
      /dev environment/,
      /Reproduce/,
      /approach/,
      /tests/,
      /changelog/,
      /PR with a clear description/,
      /review/,
      /what you learned/,
    ]) {
      assert.ok(
        tasks.some((task) => topic.test(task)),
        String(topic),
      );
    }
  });

  it('workshop and trip report: have their sections and task lists', () => {
    const render = (kind: string): string =>
      split(renderTemplate(builtinTemplates().find((t) => t.kind === kind) as Template, standardVariables({ title: 'T', today: '2026-03-07', answers })).text).body;
    const workshop = render('workshop');
    for (const section of ['## Objectives', '## Prerequisites', '## Agenda', '## Exercises', '## Materials', '## Feedback form']) {
      assert.ok(workshop.includes(section), section);
    }
    assert.ok(/## Exercises\n\n- \[ \] /.test(workshop));
    const trip = render('trip-report');
    for (const section of ['## Talks attended', '## Key takeaways', '## Conversations and leads', '## Feedback for the product team', '## Follow-ups', '## Impact']) {
      assert.ok(trip.includes(section), section);
    }
    assert.ok(/## Follow-ups\n\n- \[ \] /.test(trip));
  });

  it('says which variables to prompt for', () => {
    const byKind = Object.fromEntries(builtinTemplates().map((t) => [t.kind, templatePromptVariables(t)]));
    assert.deepEqual(byKind, {
      blog: ['publish_date', 'due'],
      talk: ['event', 'cfp_deadline', 'event_date', 'due', 'duration'],
      oss: ['repository', 'issue', 'due'],
      workshop: ['event', 'event_date', 'due'],
      'trip-report': ['event', 'event_date', 'end_date', 'due'],
      hackathon: ['event_date', 'registration_deadline', 'due', 'format', 'participants'],
    });
    for (const names of Object.values(byKind)) {
      for (const name of names) {
        assert.ok(VARIABLE_PROMPTS[name], `no prompt for ${name}`);
      }
    }
  });
});

describe('resolveAnswer', () => {
  it('turns relative dates into YYYY-MM-DD and keeps skips empty', () => {
    assert.deepEqual(resolveAnswer('due', '+14d', '2026-03-01'), { ok: true, value: '2026-03-15' });
    assert.deepEqual(resolveAnswer('cfp_deadline', '', '2026-03-01'), { ok: true, value: '' });
    assert.equal(resolveAnswer('event_date', '2026-02-30', '2026-03-01').ok, false);
  });

  it('wants whole minutes for the duration', () => {
    assert.deepEqual(resolveAnswer('duration', '45', '2026-03-01'), { ok: true, value: '45' });
    assert.equal(resolveAnswer('duration', '45.5', '2026-03-01').ok, false);
    assert.equal(resolveAnswer('duration', 'half an hour', '2026-03-01').ok, false);
    assert.deepEqual(resolveAnswer('event', '  JSConf  ', '2026-03-01'), { ok: true, value: 'JSConf' });
  });
});

describe('templatesToCustomize', () => {
  it('gives one file per built-in with a template block that parsing removes again', () => {
    const files = templatesToCustomize();
    assert.deepEqual(
      files.map((f) => f.fileName),
      ['blog.md', 'talk.md', 'oss.md', 'workshop.md', 'trip-report.md', 'hackathon.md'],
    );
    for (const file of files) {
      const builtin = builtinTemplates().find((b) => `${b.kind}.md` === file.fileName);
      assert.ok(builtin);
      const data = split(file.text).data;
      assert.deepEqual(data.template, { kind: builtin.kind, name: builtin.name, description: builtin.description });
      const { template, problems } = parseTemplate(file.text, `.devrel/templates/${file.fileName}`);
      assert.deepEqual(problems, []);
      assert.equal(template?.name, builtin.name);
      assert.equal(template?.kind, builtin.kind);
      assert.equal(template?.text, builtin.text);
    }
  });
});

describe('templateFromDraft', () => {
  const draft = [
    '---',
    'title: My "great" talk',
    'kind: talk',
    'status: delivered # went well',
    'event: JSConf',
    'event_date: 2025-10-10',
    'cfp_deadline: 2025-06-01',
    'date: 2025-01-01',
    'duration: 40',
    'empty:',
    'slug: my-great-talk',
    '---',
    '',
    '# My "great" talk',
    '',
    '## Intro (5 min)',
    '',
  ].join('\n');

  it('keeps the keys and body, and turns draft-specific values into variables', () => {
    const result = templateFromDraft(draft, 'talk', 'Conference talk');
    assert.deepEqual(result.problems, []);
    assert.equal(
      result.text,
      [
        '---',
        "title: '{{title}}'",
        'kind: talk',
        'status: idea # went well',
        'event: JSConf',
        "event_date: '{{event_date}}'",
        "cfp_deadline: '{{cfp_deadline}}'",
        "date: '{{date}}'",
        'duration: 40',
        'empty:',
        "slug: '{{slug}}'",
        'template:',
        '  kind: talk',
        '  name: Conference talk',
        '---',
        '',
        '# {{title}}',
        '',
        '## Intro (5 min)',
        '',
      ].join('\n'),
    );
  });

  it('makes a template that parses and renders back into a draft', () => {
    const made = templateFromDraft(draft, 'talk', 'Talk: long form');
    const { template, problems } = parseTemplate(made.text ?? '', '.devrel/templates/x.md');
    assert.deepEqual(problems, []);
    assert.equal(template?.name, 'Talk: long form');
    assert.equal(template?.kind, 'talk');
    assert.ok(template);
    const rendered = renderTemplate(template, standardVariables({ title: 'New one', today: '2026-03-07', answers: { event_date: '', cfp_deadline: '2026-04-01' } }));
    assert.deepEqual(rendered.unknownVariables, []);
    const { data, body } = split(rendered.text);
    assert.equal(data.title, 'New one');
    assert.equal(data.status, 'idea');
    assert.equal(data.date, '2026-03-07');
    assert.equal(data.event_date, null);
    assert.equal(data.cfp_deadline, '2026-04-01');
    assert.equal(data.template, undefined);
    assert.equal(body, '\n# New one\n\n## Intro (5 min)\n');
  });

  it('adds kind, title and status when the draft lacks them', () => {
    const result = templateFromDraft('---\ntags: [a]\n---\nBody\n', 'blog', 'Post');
    assert.equal(result.text, "---\ntags: [a]\nkind: blog\ntitle: '{{title}}'\nstatus: idea\ntemplate:\n  kind: blog\n  name: Post\n---\nBody\n");
  });

  it('adds front matter to a draft that has none', () => {
    const result = templateFromDraft('# Old title\n\nText\n', 'oss', 'Contribution');
    assert.equal(result.text, "---\nkind: oss\ntitle: '{{title}}'\nstatus: todo\ntemplate:\n  kind: oss\n  name: Contribution\n---\n\n# {{title}}\n\nText\n");
  });

  it('replaces an old template block and fills an empty title', () => {
    const result = templateFromDraft('---\ntitle:\ntemplate:\n  name: Old\nstatus: x\n---\n', 'custom', 'New');
    assert.equal(result.text, "---\ntitle: '{{title}}'\nstatus: x\nkind: custom\ntemplate:\n  kind: custom\n  name: New\n---\n");
  });

  it('keeps a CRLF draft CRLF', () => {
    const result = templateFromDraft('---\r\ntitle: Old\r\nstatus: merged\r\n---\r\nBody\r\n', 'oss', 'PR');
    assert.equal(result.text, "---\r\ntitle: '{{title}}'\r\nstatus: todo\r\nkind: oss\r\ntemplate:\r\n  kind: oss\r\n  name: PR\r\n---\r\nBody\r\n");
  });

  it('reports broken front matter instead of guessing', () => {
    assert.equal(templateFromDraft('---\ntitle: [unclosed\n---\n', 'talk', 'x').text, undefined);
    assert.match(templateFromDraft('---\ntitle: x\n', 'talk', 'x').problems[0] ?? '', /closing/);
  });
});

describe('answerWarning', () => {
  it('questions an event before its CFP closes and a last day before the first, from either side', () => {
    assert.match(
      answerWarning('event_date', '2027-03-01', { cfp_deadline: '2027-04-02' }) ?? '',
      /^The event is before the CFP closes \(cfp_deadline 2027-04-02, event_date 2027-03-01\)\. Press Enter to keep it anyway\.$/,
    );
    assert.match(answerWarning('cfp_deadline', '2027-04-02', { event_date: '2027-03-01' }) ?? '', /The event is before the CFP closes/);
    assert.match(answerWarning('end_date', '2026-11-09', { event_date: '2026-11-10' }) ?? '', /The last day is before the first/);
  });

  it('says nothing when the order is right or a date is missing', () => {
    assert.equal(answerWarning('event_date', '2027-05-01', { cfp_deadline: '2027-04-02' }), undefined);
    assert.equal(answerWarning('event_date', '2027-04-02', { cfp_deadline: '2027-04-02' }), undefined, 'the same day is possible');
    assert.equal(answerWarning('event_date', '2027-03-01', { cfp_deadline: '' }), undefined);
    assert.equal(answerWarning('duration', '30', { cfp_deadline: '2027-04-02' }), undefined);
  });
});
