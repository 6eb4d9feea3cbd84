import assert from 'node:assert/strict';
import { parseTalkOutline } from '../../src/core/talks/outline';
import { builtinTemplates } from '../../src/core/kinds/registry';
import { renderTemplate } from '../../src/core/templates/render';
import { standardVariables } from '../../src/core/templates/variables';

const TALK = `---
kind: talk
title: "Tail sampling that survives Black Friday"
event: KubeCon EU 2027
duration: 30
call_to_action: Try the two-tier setup from the demo repository
links:
  - https://example.com/slides
  - { title: Demo repository, url: "https://example.com/demo" }
---

## CFP abstract

Preparation that is not part of the talk. See https://example.com/cfp.

## Intro (5 min)

- Why tail sampling
- What broke on Black Friday

<!-- Speaker note: open with the pager story -->

## Two tiers: \`loadbalancing\` by trace ID (10 min)

The exporter and the resolver.

Notes: mention the DNS resolver first
then the Kubernetes one.

\`\`\`yaml
exporters:
  loadbalancing: {}
\`\`\`

### Step one (4 min)

- Route by trace ID

## Demo — 12 min

Replay the traffic. <!-- Speaker notes: keep the terminal font big -->

Notes:
- Reset the cluster first
- Fallback: the recording

## Q&A

## Wrap-up (3 min)

- [The collector docs](https://example.com/docs)

## Demo plan

1. Not on a slide.
`;

describe('talk outline', () => {
  it('reads the timed sections, their budgets and titles from the analysis pass', () => {
    const outline = parseTalkOutline(TALK, { fallbackTitle: 'file' });
    assert.equal(outline.title, 'Tail sampling that survives Black Friday');
    assert.equal(outline.event, 'KubeCon EU 2027');
    assert.equal(outline.duration, 30);
    assert.equal(outline.timed, true);
    assert.deepEqual(
      outline.sections.map((s) => [s.title, s.minutes]),
      [
        ['Intro', 5],
        ['Two tiers: loadbalancing by trace ID', 10],
        ['Demo', 12],
        ['Q&A', undefined],
        ['Wrap-up', 3],
      ],
    );
    assert.equal(outline.plannedMinutes, 30);
    assert.equal(outline.sections[1].heading, 'Two tiers: `loadbalancing` by trace ID', 'the heading keeps its Markdown');
    assert.equal(outline.sections[0].line, 15, 'lines count from the top of the file');
  });

  it('leaves preparation sections before the first and after the last timed section out', () => {
    const outline = parseTalkOutline(TALK, { fallbackTitle: 'file' });
    assert.ok(!outline.sections.some((s) => s.title === 'CFP abstract' || s.title === 'Demo plan'));
  });

  it('collects bullets, and keeps prose off a slide that has a list', () => {
    const intro = parseTalkOutline(TALK, { fallbackTitle: 'file' }).sections[0];
    assert.deepEqual(intro.bullets, ['Why tail sampling', 'What broke on Black Friday']);
    assert.deepEqual(intro.content, ['- Why tail sampling\n- What broke on Black Friday']);
  });

  it('reads speaker notes from comments and from a Notes: paragraph or list', () => {
    const [intro, tiers, demo] = parseTalkOutline(TALK, { fallbackTitle: 'file' }).sections;
    assert.deepEqual(intro.notes, ['open with the pager story']);
    assert.deepEqual(tiers.notes, ['mention the DNS resolver first', 'then the Kubernetes one.']);
    assert.deepEqual(demo.notes, ['keep the terminal font big', 'Reset the cluster first', 'Fallback: the recording']);
    assert.deepEqual(demo.content, ['Replay the traffic.'], 'the inline comment is taken off the slide');
  });

  it("puts code and a timed breakdown on the parent slide, without the breakdown's timing", () => {
    const tiers = parseTalkOutline(TALK, { fallbackTitle: 'file' }).sections[1];
    assert.equal(tiers.minutes, 10);
    assert.ok(tiers.content.some((block) => block.startsWith('```yaml')));
    assert.ok(tiers.content.includes('### Step one'));
    assert.deepEqual(tiers.bullets, ['Route by trace ID']);
    assert.ok(!tiers.content.some((block) => block.startsWith('Notes:')), 'notes are not on the slide');
  });

  it('reports a section without a budget between timed ones', () => {
    const outline = parseTalkOutline(TALK, { fallbackTitle: 'file' });
    const problem = outline.problems.find((p) => p.code === 'no-budget');
    assert.ok(problem);
    assert.match(problem.message, /"Q&A" has no minute budget/);
    assert.equal(problem.line, outline.sections[3].line);
  });

  it('takes the call to action and every link once: front matter first, then the body', () => {
    const outline = parseTalkOutline(TALK, { fallbackTitle: 'file' });
    assert.equal(outline.callToAction, 'Try the two-tier setup from the demo repository');
    assert.deepEqual(outline.links, [
      { url: 'https://example.com/slides' },
      { url: 'https://example.com/demo', text: 'Demo repository' },
      { url: 'https://example.com/cfp' },
      { url: 'https://example.com/docs', text: 'The collector docs' },
    ]);
  });

  it('gives repeated titles distinct ids and says so', () => {
    const outline = parseTalkOutline('## Demo (5 min)\n\n- a\n\n## Demo (5 min)\n\n- b\n', { fallbackTitle: 'file' });
    assert.deepEqual(
      outline.sections.map((s) => s.id),
      ['demo', 'demo-2'],
    );
    const problem = outline.problems.find((p) => p.code === 'duplicate-title');
    assert.ok(problem);
    assert.match(problem.message, /Two sections are titled "Demo" \(lines 1 and 5\)/);
  });

  it('takes the headings below the title as sections when none has a budget, and says so', () => {
    const outline = parseTalkOutline('# My talk\n\n## Opening\n\n- hello\n\n## Closing\n\ntext\n', { fallbackTitle: 'file' });
    assert.equal(outline.title, 'My talk');
    assert.equal(outline.timed, false);
    assert.deepEqual(
      outline.sections.map((s) => [s.title, s.minutes]),
      [
        ['Opening', undefined],
        ['Closing', undefined],
      ],
    );
    assert.deepEqual(
      outline.problems.map((p) => p.code),
      ['no-budgets'],
    );
  });

  it('reports a talk with no sections at all', () => {
    const outline = parseTalkOutline('---\nkind: talk\n---\n\nJust an idea.\n', { fallbackTitle: 'idea' });
    assert.equal(outline.title, 'idea');
    assert.deepEqual(outline.sections, []);
    assert.deepEqual(
      outline.problems.map((p) => p.code),
      ['no-sections'],
    );
  });

  it('reads CRLF files and TOML front matter', () => {
    const text = '+++\ntitle = "Zola talk"\nduration = 20\n+++\r\n\r\n## Intro (5 min)\r\n\r\n- one\r\n<!-- Speaker note: hi -->\r\n\r\n## End (15 min)\r\n';
    const outline = parseTalkOutline(text, { fallbackTitle: 'file' });
    assert.equal(outline.title, 'Zola talk');
    assert.equal(outline.duration, 20);
    assert.deepEqual(
      outline.sections.map((s) => s.title),
      ['Intro', 'End'],
    );
    assert.deepEqual(outline.sections[0].notes, ['hi']);
    assert.deepEqual(outline.sections[0].bullets, ['one']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '---\n', '---\ntitle: [\n---\n## A (1 min)\n', '## (5 min)\n', '<!-- Speaker note:', '## A (5 min)\n\n---\n\n***\n']) {
      assert.doesNotThrow(() => parseTalkOutline(text, { fallbackTitle: 'x' }), text);
    }
    const untitled = parseTalkOutline('## (5 min)\n', { fallbackTitle: 'x' });
    assert.equal(untitled.sections[0].title, 'Section 1');
  });

  it('reads the built-in talk template as six timed sections, each with bullets and speaker notes, and nothing to fix', () => {
    const template = builtinTemplates().find((t) => t.kind === 'talk');
    assert.ok(template);
    const text = renderTemplate(template, standardVariables({ title: 'T', today: '2026-03-07', answers: { duration: '30' } })).text;
    const outline = parseTalkOutline(text, { fallbackTitle: 'talk' });
    assert.deepEqual(outline.problems, []);
    assert.equal(outline.sections.length, 6);
    assert.equal(outline.plannedMinutes, 30);
    for (const section of outline.sections) {
      assert.ok(section.bullets.length > 0, `${section.title} has bullets`);
      assert.ok(section.notes.length > 0, `${section.title} has speaker notes`);
    }
    assert.ok(!outline.sections.some((s) => /CFP|Demo plan|Speaker notes/.test(s.title)), 'preparation sections are not part of the talk');
  });
});
