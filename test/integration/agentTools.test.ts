import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, deleteWorkspaceFile, getApi, note, readEditorLogs, readWorkspaceFile, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

// The tools run without a language model: `vscode.lm.invokeTool` with no chat token is what any
// extension can do. Outside a chat, VS Code 1.100 asks for a write tool's confirmation with a
// workbench dialog, and the workbench under test answers such dialogs "yes" by itself
// (DialogService.skipDialogs, for extension tests). So the confirmation is checked through the
// line each write tool logs when it asks, and the write through the file.

const PREFIX = 'devrel_';
const TOOL_NAMES = ['devrel_listDrafts', 'devrel_upcomingDeadlines', 'devrel_impactSummary', 'devrel_createDraft', 'devrel_logImpact', 'devrel_setStatus'];

async function invoke(name: string, input: object): Promise<string> {
  const source = new vscode.CancellationTokenSource();
  try {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, source.token);
    const texts = result.content.filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart).map((part) => part.value);
    assert.equal(texts.length, result.content.length, `${name} answers with text parts only`);
    return texts.join('');
  } finally {
    source.dispose();
  }
}

function bodyOf(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  assert.ok(match, 'expected YAML front matter');
  return text.slice(match[0].length);
}

function localDay(offsetDays = 0): string {
  const now = new Date();
  now.setDate(now.getDate() + offsetDays);
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function loggedSince(since: number, text: string): boolean {
  return readEditorLogs().some((entry) => entry.time >= since - 1000 && entry.text.includes(text));
}

const TALK = 'talks/agent-tools-test-talk.md';
const TALK_BODY = '\n## Opening\n\nKeep this body byte for byte: tabs\there, trailing spaces   \nand a last line without a break.';

describe('Agent tools', () => {
  before(async () => {
    await getApi();
    await writeWorkspaceFile(TALK, `---\nkind: talk\ntitle: Agent tools test talk\nstatus: drafting\ncfp_deadline: ${localDay(9)}\n---\n${TALK_BODY}`);
    const api = await getApi();
    await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'Agent tools test talk'), 15_000, 'the test talk to be indexed');
  });

  after(async () => {
    await closeAllEditors();
    await deleteWorkspaceFile(TALK).catch(() => undefined);
  });

  it('lists its six tools in vscode.lm.tools, each with a description, an input schema and its tag', async () => {
    const tools = await waitFor(
      () => {
        const ours = vscode.lm.tools.filter((tool) => tool.name.startsWith(PREFIX));
        return ours.length === TOOL_NAMES.length ? ours : undefined;
      },
      10_000,
      'the DevRel tools to be listed',
    );
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [...TOOL_NAMES].sort());
    for (const tool of tools) {
      assert.match(tool.description, /Use it /, `${tool.name} says when to use it`);
      assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object', `${tool.name} has an input schema`);
      assert.ok(tool.tags.includes('devrel-desk'), `${tool.name} is tagged`);
    }
  });

  it('lists drafts filtered by kind and status, as the API sees them', async () => {
    const api = await getApi();
    const talks = (await api.listDrafts()).filter((d) => d.kind === 'talk');
    const text = await invoke('devrel_listDrafts', { kind: 'talk' });
    note(text.split('\n').slice(0, 3).join(' | '));
    assert.match(text, new RegExp(`^${talks.length} drafts \\(kind talk\\):`));
    assert.ok(text.includes(`"Agent tools test talk" [talk] ${TALK}: drafting`), text);
    const drafting = await invoke('devrel_listDrafts', { kind: 'talk', status: 'drafting' });
    assert.equal(drafting.split('\n').length - 1, talks.filter((d) => d.status === 'drafting').length);
  });

  it('lists upcoming deadlines, with the talk whose CFP closes in nine days', async () => {
    const text = await invoke('devrel_upcomingDeadlines', { days: 14, kind: 'talk' });
    note(text.split('\n')[0]);
    assert.ok(text.includes(`${localDay(9)} (in 9 days): CFP closes, "Agent tools test talk" [talk, drafting] ${TALK}`), text);
  });

  it('answers input that does not fit the schema with an error text, not an exception', async () => {
    const text = await invoke('devrel_listDrafts', { limit: 'all', colour: 'red' });
    assert.equal(
      text,
      'devrel_listDrafts did not run: its input does not fit the schema. Nothing was changed.\n- "limit" must be a number, not the text "all".\n- "colour" is not an option here; use kind, status, activeOnly, limit.',
    );
    const before = await readWorkspaceFile(TALK);
    const started = Date.now();
    const missing = await invoke('devrel_setStatus', { draft: TALK });
    assert.match(missing, /^devrel_setStatus did not run: .*\n- "status" is required/);
    assert.equal(await readWorkspaceFile(TALK), before, 'nothing was written');
    assert.ok(!loggedSince(started, 'devrel_setStatus asks to confirm'), 'bad input is never put to the person');
    const unknownDraft = await invoke('devrel_logImpact', { draft: 'talks/no-such-talk.md', metric: 'attendees', value: 3 });
    assert.match(unknownDraft, /^No draft matches "talks\/no-such-talk\.md"\. Use a path from devrel_listDrafts/);
  });

  it('sets a status after asking, with the Set Status edit, body byte for byte', async () => {
    const before = await readWorkspaceFile(TALK);
    const started = Date.now();
    const text = await invoke('devrel_setStatus', { draft: TALK, status: 'submitted' });
    assert.equal(text, `"Agent tools test talk" (${TALK}) is now submitted; it was drafting.`);
    assert.ok(
      loggedSince(started, `devrel_setStatus asks to confirm: Set status? Move "Agent tools test talk" (${TALK}) from drafting to submitted.`),
      'the person was asked first',
    );
    const after = await readWorkspaceFile(TALK);
    assert.match(after, /^status: submitted$/m);
    assert.equal(bodyOf(after), bodyOf(before), 'the body is untouched');
    assert.equal(after.replace('status: submitted', 'status: drafting'), before, 'only the status line changed');

    const refused = await invoke('devrel_setStatus', { draft: 'Agent tools test talk', status: 'shipped' });
    assert.match(refused, /^Set DevRel Draft Status failed: .*shipped.* Nothing was changed\.$/);
    assert.equal(await readWorkspaceFile(TALK), after, 'a refused status writes nothing');
    const api = await getApi();
    await waitFor(async () => (await api.listDrafts()).find((d) => d.title === 'Agent tools test talk')?.status === 'submitted', 10_000, 'the index to follow');
  });

  it('logs impact after asking, and the impact summary for the period counts it', async () => {
    const before = await readWorkspaceFile(TALK);
    const started = Date.now();
    const text = await invoke('devrel_logImpact', { draft: TALK, metric: 'attendees', value: 4321, note: 'agent test' });
    assert.equal(text, `Logged 4,321 people in the room on "Agent tools test talk" (${TALK}).`);
    assert.ok(loggedSince(started, 'devrel_logImpact asks to confirm: Log impact? Add 4,321 people in the room (note "agent test") to the impact log of "Agent tools test talk"'));
    const after = await readWorkspaceFile(TALK);
    assert.match(after, new RegExp(`date: ${localDay()}`));
    assert.match(after, /value: 4321/);
    assert.equal(bodyOf(after), bodyOf(before), 'the body is untouched');

    const api = await getApi();
    await waitFor(async () => (await api.listDrafts()).length > 0 && (await api.impactSummary()).allTime.attendees >= 4321, 10_000, 'the impact to be indexed');
    const summary = await invoke('devrel_impactSummary', { from: localDay(), to: localDay() });
    note(summary.split('\n').slice(0, 2).join(' | '));
    assert.match(summary, /^Impact for /);
    // Other suites may log attendees today as well; this run's figure is part of the total.
    const attendees = /^- Attendees: ([\d,]+) people in the room \(before: \d+\)$/m.exec(summary);
    assert.ok(attendees, summary);
    assert.ok(Number(attendees[1].replace(/,/g, '')) >= 4321, summary);
    assert.ok(summary.includes(`"Agent tools test talk" [talk, submitted] ${TALK}: `), summary);

    const badDate = await invoke('devrel_impactSummary', { from: 'last week' });
    assert.match(badDate, /^devrel_impactSummary did not run: .*\n- "from" is "last week", which is not first day of the period, as YYYY-MM-DD\.$/);
  });

  it('creates a draft of a kind with a title after asking, through New Draft', async () => {
    const title = `Agent tool workshop ${Date.now()}`;
    const started = Date.now();
    const text = await invoke('devrel_createDraft', { kind: 'workshop', title });
    const match = /^Created the workshop "(.*)" at (.+\.md), and opened it\.$/.exec(text);
    assert.ok(match, text);
    const created = match[2];
    try {
      assert.ok(loggedSince(started, `devrel_createDraft asks to confirm: Create a workshop? Create a new workshop "${title}"`));
      const content = await readWorkspaceFile(created);
      assert.match(content, /^kind: workshop$/m);
      assert.ok(content.includes(title), 'the title is in the new file');
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === workspaceUri(created).toString(), 5000, 'the new draft to open');
      const unknown = await invoke('devrel_createDraft', { kind: 'podcast', title: 'Nope' });
      assert.match(unknown, /^Create DevRel Draft failed: .*podcast.* Nothing was changed\.$/);
    } finally {
      await closeAllEditors();
      await deleteWorkspaceFile(created).catch(() => undefined);
    }
  });
});
