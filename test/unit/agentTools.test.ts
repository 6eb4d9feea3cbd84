import assert from 'node:assert/strict';
import { readManifest } from './manifest';
import { AGENT_TOOL_DEFINITIONS, AGENT_TOOL_LIST, AGENT_TOOL_TAG, AgentTools } from '../../src/core/agentTools/definitions';
import { resolveDraftRef } from '../../src/core/agentTools/draftRef';
import {
  createDraftConfirmation,
  createdDraftText,
  failedText,
  impactSummaryText,
  listDraftsText,
  loggedImpactText,
  logImpactConfirmation,
  setStatusConfirmation,
  statusSetText,
  unknownKindText,
  upcomingDeadlinesText,
} from '../../src/core/agentTools/format';
import { inputProblemsText, validateInput, withoutNulls } from '../../src/core/agentTools/inputSchema';
import { BUILT_IN_METRICS } from '../../src/core/impact';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { draftOf } from './helpers';

const TODAY = '2026-11-28'; // a Saturday
const kinds = BUILT_IN_KINDS;

function draft(path: string, lines: string[], body = ''): ReturnType<typeof draftOf> {
  return draftOf(`---\n${lines.join('\n')}\n---\n${body}`, { path, analyze: true });
}

const drafts = [
  draft('talks/kill-switch.md', ['kind: talk', 'title: Kill switch', 'status: drafting', 'cfp_deadline: 2026-12-03']),
  draft('talks/old.md', ['kind: talk', 'title: Old talk', 'status: delivered', 'event_date: 2026-05-01']),
  draft('talks/late.md', ['kind: talk', 'title: Late talk', 'status: idea', 'cfp_deadline: 2026-11-20']),
  draft('blog/flags.md', ['kind: blog', 'title: Feature flags', 'status: drafting', 'publish_date: 2027-01-20']),
  draft('blog/parked.md', ['kind: blog', 'title: Parked post', 'status: drafting', 'parked: true']),
  draft('blog/live.md', [
    'kind: blog',
    'title: Live post',
    'status: published',
    'publish_date: 2026-08-10',
    'impact:',
    '  - { date: 2026-08-12, metric: views, value: 1200 }',
    '  - { date: 2026-05-02, metric: views, value: 300 }',
  ]),
];

const manifest = readManifest<{ contributes: { languageModelTools: unknown[] } }>();

describe('agent tools: definitions', () => {
  it('are what package.json contributes, field for field', () => {
    assert.deepEqual(manifest.contributes.languageModelTools, JSON.parse(JSON.stringify(AGENT_TOOL_LIST)));
  });

  it('each have the fields a chat agent needs, a name the editor accepts and the DevRel tag', () => {
    assert.equal(AGENT_TOOL_LIST.length, 6);
    const references = new Set<string>();
    for (const tool of AGENT_TOOL_LIST) {
      assert.match(tool.name, /^devrel_[A-Za-z]+$/, 'the editor accepts only word characters and dashes');
      assert.match(tool.toolReferenceName, /^\S+$/);
      assert.ok(!references.has(tool.toolReferenceName), `${tool.toolReferenceName} is used twice`);
      references.add(tool.toolReferenceName);
      assert.ok(tool.displayName.length > 0 && tool.userDescription.length > 0);
      assert.match(tool.modelDescription, /Use it (when|to|for)/, `${tool.name} says when to use it`);
      assert.equal(tool.canBeReferencedInPrompt, true);
      assert.ok(tool.tags.includes(AGENT_TOOL_TAG));
      assert.equal(tool.inputSchema.type, 'object');
      assert.equal(tool.inputSchema.additionalProperties, false);
      for (const required of tool.inputSchema.required ?? []) assert.ok(tool.inputSchema.properties?.[required], `${tool.name} requires a declared ${required}`);
    }
  });

  it('tell the model that the write tools ask the person first', () => {
    for (const name of [AgentTools.createDraft, AgentTools.logImpact, AgentTools.setStatus]) {
      assert.match(AGENT_TOOL_DEFINITIONS[name].modelDescription, /The person confirms before anything is written\./);
    }
  });
});

describe('agent tools: input validation', () => {
  const logImpact = AGENT_TOOL_DEFINITIONS[AgentTools.logImpact].inputSchema;
  const list = AGENT_TOOL_DEFINITIONS[AgentTools.listDrafts].inputSchema;
  const impact = AGENT_TOOL_DEFINITIONS[AgentTools.impactSummary].inputSchema;

  it('accepts input that fits, and options left out or written as null', () => {
    assert.deepEqual(validateInput(logImpact, { draft: 'talks/a.md', metric: 'views', value: 12 }), []);
    assert.deepEqual(validateInput(logImpact, { draft: 'talks/a.md', metric: 'views', value: 12, note: null, date: '2026-11-01' }), []);
    assert.deepEqual(validateInput(list, {}), []);
    assert.deepEqual(withoutNulls({ kind: 'talk', status: null }), { kind: 'talk' });
  });

  it('names every missing, mistyped and unknown property at once', () => {
    const problems = validateInput(logImpact, { metric: 7, value: 'lots', colour: 'red' });
    assert.deepEqual(
      problems.map((p) => p.path),
      ['draft', 'metric', 'value', 'colour'],
    );
    assert.match(problems[0].message, /^"draft" is required: the draft: its workspace-relative path/);
    assert.equal(problems[1].message, '"metric" must be text, not number 7.');
    assert.equal(problems[2].message, '"value" must be a number, not the text "lots".');
    assert.match(problems[3].message, /^"colour" is not an option here; use draft, metric, value, note, link, date\.$/);
  });

  it('checks bounds, whole numbers, empty text and date patterns', () => {
    assert.equal(validateInput(list, { limit: 0 })[0].message, '"limit" must be at least 1, not 0.');
    assert.equal(validateInput(list, { limit: 2.5 })[0].message, '"limit" must be a whole number, not 2.5.');
    assert.equal(validateInput(list, { kind: '  ' })[0].message, '"kind" must not be empty.');
    assert.equal(validateInput(list, { activeOnly: 'yes' })[0].message, '"activeOnly" must be true or false, not the text "yes".');
    assert.equal(validateInput(impact, { from: 'last quarter' })[0].message, '"from" is "last quarter", which is not first day of the period, as YYYY-MM-DD.');
    assert.equal(validateInput(logImpact, { draft: 'a', metric: 'views', value: -1 })[0].message, '"value" must be at least 0, not -1.');
    assert.equal(validateInput(logImpact, { draft: 'a', metric: 'views', value: Number.NaN })[0].message, '"value" must be a number, not number NaN.');
  });

  it('refuses input that is not an object, without throwing', () => {
    for (const input of [undefined, null, 'talks/a.md', 42, ['a']]) {
      const problems = validateInput(list, input);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /^The input must be an object, not /);
    }
  });

  it('turns problems into one text that says nothing changed', () => {
    const text = inputProblemsText(AgentTools.setStatus, validateInput(AGENT_TOOL_DEFINITIONS[AgentTools.setStatus].inputSchema, { draft: 'a.md' }));
    assert.equal(
      text,
      'devrel_setStatus did not run: its input does not fit the schema. Nothing was changed.\n- "status" is required: the new status, one of the draft kind\'s workflow, such as drafting, review, published.',
    );
  });
});

describe('agent tools: which draft', () => {
  const candidates = [
    { uri: 'file:///ws/talks/kill-switch.md', path: 'talks/kill-switch.md', title: 'Kill switch' },
    { uri: 'file:///ws/blog/flags.md', path: 'blog/flags.md', title: 'Feature flags' },
    { uri: 'file:///ws/site/blog/flags.md', path: 'site/blog/flags.md', title: 'Feature Flags again' },
  ];

  it('finds a draft by its path, with ./ or backslashes, by its URI and by its title in any case', () => {
    for (const ref of [
      'talks/kill-switch.md',
      './talks/kill-switch.md',
      'talks\\kill-switch.md',
      'file:///ws/talks/kill-switch.md',
      'Kill switch',
      'kill SWITCH',
      '/ws/talks/kill-switch.md',
    ]) {
      const found = resolveDraftRef(ref, candidates);
      assert.ok(found.ok, ref);
      assert.equal(found.draft.path, 'talks/kill-switch.md', ref);
    }
  });

  it('prefers the exact path over a path that ends the same way', () => {
    const found = resolveDraftRef('blog/flags.md', candidates);
    assert.ok(found.ok);
    assert.equal(found.draft.path, 'blog/flags.md');
  });

  it('asks for the full path when a reference fits several drafts', () => {
    const found = resolveDraftRef('flags.md', candidates);
    assert.deepEqual(found, { ok: false, message: '"flags.md" matches the paths of 2 drafts: blog/flags.md, site/blog/flags.md. Give the full path of the one you mean.' });
  });

  it('says how to name a draft, with the closest titles, when nothing fits', () => {
    const found = resolveDraftRef('Kill swich', candidates);
    assert.deepEqual(found, {
      ok: false,
      message: 'No draft matches "Kill swich". Use a path from devrel_listDrafts, such as talks/kill-switch.md, or a draft\'s exact title. Closest titles: "Kill switch".',
    });
    assert.deepEqual(resolveDraftRef('x', []), { ok: false, message: 'No draft matches "x": the workspace has no DevRel drafts yet.' });
  });
});

describe('agent tools: list drafts', () => {
  it('lists every draft, nearest date first, one line each with path and facts', () => {
    const text = listDraftsText(drafts, kinds, {}, TODAY);
    const lines = text.split('\n');
    assert.equal(lines[0], '6 drafts:');
    assert.equal(lines[1], '- "Late talk" [talk] talks/late.md: idea · CFP closes 8 days ago · 0 words (OVERDUE)');
    assert.equal(lines[2], '- "Kill switch" [talk] talks/kill-switch.md: drafting · CFP closes in 5 days · 0 words');
    assert.equal(lines[3], '- "Feature flags" [blog] blog/flags.md: drafting · publish in 53 days · 0 words');
    assert.ok(lines.includes('- "Parked post" [blog] blog/parked.md: drafting · 0 words (parked)'), text);
  });

  it('filters by kind, status and active work', () => {
    assert.equal(
      listDraftsText(drafts, kinds, { kind: 'talk', status: 'drafting' }, TODAY),
      '1 draft (kind talk, status drafting):\n- "Kill switch" [talk] talks/kill-switch.md: drafting · CFP closes in 5 days · 0 words',
    );
    const active = listDraftsText(drafts, kinds, { kind: 'blog', activeOnly: true }, TODAY);
    assert.equal(active, '1 draft (kind blog, not finished or parked):\n- "Feature flags" [blog] blog/flags.md: drafting · publish in 53 days · 0 words');
  });

  it('says how many are left out by the limit', () => {
    assert.match(listDraftsText(drafts, kinds, { limit: 2 }, TODAY), /^6 drafts, the 2 with the nearest dates shown:\n- "Late talk".*\n- "Kill switch".*$/);
  });

  it('answers an unknown kind or status with the ones that exist', () => {
    assert.equal(unknownKindText('podcast', kinds), `"podcast" is not a kind this workspace knows. Use one of: ${Object.keys(kinds).join(', ')}.`);
    assert.equal(listDraftsText(drafts, kinds, { kind: 'podcast' }, TODAY), unknownKindText('podcast', kinds));
    assert.equal(
      listDraftsText(drafts, kinds, { kind: 'talk', status: 'done' }, TODAY),
      'No drafts (kind talk, status done). The workspace has 6 drafts in all. "done" is not a status of the talk workflow; statuses are: idea, drafting, submitted, accepted, rejected, rehearsing, delivered.',
    );
  });
});

describe('agent tools: upcoming deadlines', () => {
  it('groups overdue and coming dates as the Upcoming view does, with weekdays', () => {
    assert.equal(
      upcomingDeadlinesText(drafts, kinds, {}, TODAY),
      [
        '2 dates overdue or in the next 30 days; today is Sat 2026-11-28.',
        'Overdue:',
        '- Fri 2026-11-20 (8 days ago): CFP closes, "Late talk" [talk, idea] talks/late.md',
        'This week:',
        '- Thu 2026-12-03 (in 5 days): CFP closes, "Kill switch" [talk, drafting] talks/kill-switch.md',
      ].join('\n'),
    );
  });

  it('looks further ahead, leaves out overdue dates or other kinds when asked', () => {
    const text = upcomingDeadlinesText(drafts, kinds, { days: 60, includeOverdue: false }, TODAY);
    assert.match(text, /^2 dates in the next 60 days; today is Sat 2026-11-28\.\nThis week:\n.*Kill switch.*\nLater:\n- Wed 2027-01-20 \(in 53 days\): publish, "Feature flags"/);
    assert.equal(
      upcomingDeadlinesText(drafts, kinds, { kind: 'blog', days: 7 }, TODAY),
      'Nothing is due in the next 7 days for blog drafts, and nothing is overdue. Today is 2026-11-28.',
    );
  });
});

describe('agent tools: impact summary', () => {
  it('summarises a period against the one before, with the top work', () => {
    const text = impactSummaryText(drafts, kinds, BUILT_IN_METRICS, { from: '2026-07-01', to: '2026-09-30' }, TODAY);
    const lines = text.split('\n');
    assert.equal(lines[0], 'Impact for 2026 Q3, 2026-07-01 to 2026-09-30, compared with 2026 Q2:');
    assert.equal(lines[1], '- Views: 1,200 page views (before: 300)');
    assert.match(text, /\nTop work:\n- "Live post" \[blog, published\] blog\/live\.md: 1,200 page views/);
    assert.match(text, /posts published 1 \(before: 0\)/);
  });

  it('defaults to the last full quarter, and says when a period has nothing in it', () => {
    assert.equal(
      impactSummaryText(drafts, kinds, BUILT_IN_METRICS, {}, TODAY),
      'Impact for 2026 Q3, 2026-07-01 to 2026-09-30, compared with 2026 Q2:\n' +
        impactSummaryText(drafts, kinds, BUILT_IN_METRICS, { from: '2026-07-01', to: '2026-09-30' }, TODAY).split('\n').slice(1).join('\n'),
    );
    assert.equal(
      impactSummaryText(drafts, kinds, BUILT_IN_METRICS, { from: '2025-01-01', to: '2025-03-31' }, TODAY),
      'No impact for 2025 Q1. Nothing was logged, finished or fed back between 2025-01-01 and 2025-03-31: log impact with devrel_logImpact, or choose another period.',
    );
    assert.equal(
      impactSummaryText(drafts, kinds, BUILT_IN_METRICS, { from: '2026-10-01', to: '2026-09-01' }, TODAY),
      'No summary: The period starts on 2026-10-01, after it ends on 2026-09-01. Swap the dates.',
    );
    assert.match(impactSummaryText(drafts, kinds, BUILT_IN_METRICS, { from: '2026-02-30' }, TODAY), /^No summary: The from date /);
  });
});

describe('agent tools: what the person confirms', () => {
  const talk = { title: 'Kill switch', path: 'talks/kill-switch.md', status: 'drafting' };

  it('says what will be created, where, and what is running', () => {
    assert.deepEqual(createDraftConfirmation({ kind: 'talk', title: ' Kill switch ' }, 'Talk'), {
      title: 'Create a talk?',
      message: 'Create a new talk "Kill switch" from its template in the folder for talks, and open it.',
      invocation: 'Creating talk "Kill switch"',
    });
    assert.equal(
      createDraftConfirmation({ kind: 'podcast', title: 'Ep 1', folder: 'audio' }, undefined).message,
      'Create a new podcast "Ep 1" from its template in audio, and open it.',
    );
    assert.equal(createdDraftText('Talk', 'talk', 'Kill switch', 'talks/kill-switch.md'), 'Created the talk "Kill switch" at talks/kill-switch.md, and opened it.');
    assert.equal(createdDraftText('Talk', 'talk', 'Kill switch', undefined), 'The talk "Kill switch" was not created: nothing was written.');
  });

  it('names the figure in its unit and the draft for Log Impact', () => {
    assert.deepEqual(logImpactConfirmation(talk, { metric: 'attendees', value: 1200, date: '2026-11-20', note: 'main stage' }, BUILT_IN_METRICS.attendees), {
      title: 'Log impact?',
      message: 'Add 1,200 people in the room (for 2026-11-20, note "main stage") to the impact log of "Kill switch" (talks/kill-switch.md).',
      invocation: 'Logging 1,200 people in the room on "Kill switch"',
    });
    assert.equal(logImpactConfirmation(talk, { metric: 'beers', value: 3 }, undefined).message, 'Add 3 beers to the impact log of "Kill switch" (talks/kill-switch.md).');
    assert.equal(loggedImpactText(talk, { metric: 'beers', value: 3 }, undefined, true), 'Logged 3 beers on "Kill switch" (talks/kill-switch.md).');
    assert.equal(loggedImpactText(talk, { metric: 'beers', value: 3 }, undefined, false), 'Nothing was logged on "Kill switch".');
  });

  it('shows the move from one status to the other for Set Status', () => {
    assert.deepEqual(setStatusConfirmation(talk, 'submitted'), {
      title: 'Set status?',
      message: 'Move "Kill switch" (talks/kill-switch.md) from drafting to submitted.',
      invocation: 'Setting "Kill switch" to submitted',
    });
    assert.equal(statusSetText(talk, 'submitted', true), '"Kill switch" (talks/kill-switch.md) is now submitted; it was drafting.');
    assert.equal(statusSetText(talk, 'submitted', false), '"Kill switch" is still drafting: nothing was changed.');
    assert.equal(
      failedText('Set DevRel Draft Status', '"shipped" is not a status of a talk.'),
      'Set DevRel Draft Status failed: "shipped" is not a status of a talk. Nothing was changed.',
    );
  });
});
