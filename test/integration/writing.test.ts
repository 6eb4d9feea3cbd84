import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, deleteWorkspaceFile, getApi, getDiagnostics, openAndWaitForDiagnostics, readWorkspaceFile, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

const DEMO_TALK = 'talks/kubecon-eu-2027-tail-sampling.md';
const REHEARSED_TALK = 'talks/writing-rehearsed.md';
const POST = 'content/posts/writing-checks.md';
const CFP_TALK = 'talks/writing-cfp-limit.md';

const REHEARSED = `---
kind: talk
title: Rehearsed in the margin
status: rehearsing
duration: 20
rehearsals:
  - date: 2026-11-01
    minutes: 25
    sections:
      - { title: Intro, planned: 5, actual: 6 }
  - date: 2026-11-20
    minutes: 24
    sections:
      - { title: Intro, planned: 5, actual: 4.5 }
      - { title: Demo, planned: 15, actual: 19.5 }
---

## Intro (5 min)

## Demo (15 min)

## Wrap-up (5 min)
`;

const POST_TEXT = `---
kind: blog
title: Checked while writing
status: scheduled
description: A post with things to fix.
---

# Checked while writing

![](diagram.png)

#### Setup

Run the app and open [it](http://localhost:3000/app).

![Image of the build graph](graph.png)
`;

const CFP_TEXT = `---
kind: talk
title: Limits of calls
status: submitted
abstract: ${'Long abstract text. '.repeat(30).trim()}
abstracts:
  short: A short pitch that fits.
submissions:
  - event: Tight Conf
    abstract_max_chars: 200
---

## Intro (5 min)
`;

async function lenses(path: string): Promise<vscode.CodeLens[]> {
  // The editor computes lenses for loaded documents only.
  await vscode.workspace.openTextDocument(workspaceUri(path));
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(path), 100)) ?? [];
}

async function ourLenses(path: string, count: number): Promise<vscode.CodeLens[]> {
  return waitFor(
    async () => {
      const found = (await lenses(path)).filter((l) => l.command?.command === 'devrel.startRehearsal');
      return found.length === count ? found : undefined;
    },
    10_000,
    `${count} timing lenses on ${path}`,
  );
}

async function fixesAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

describe('Writing: timing lenses, preview and prose checks', () => {
  before(async () => {
    await writeWorkspaceFile(REHEARSED_TALK, REHEARSED);
    await writeWorkspaceFile(POST, POST_TEXT);
    await writeWorkspaceFile(CFP_TALK, CFP_TEXT);
    const api = await getApi();
    await waitFor(
      async () => {
        const titles = new Set((await api.listDrafts()).map((d) => d.title));
        return ['Rehearsed in the margin', 'Checked while writing', 'Limits of calls'].every((t) => titles.has(t));
      },
      15_000,
      'the new drafts to be indexed',
    );
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration('devrel').update('codeLens.talkTiming', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('devrel').update('checks.headingLevels', undefined, vscode.ConfigurationTarget.Workspace);
    for (const path of [REHEARSED_TALK, POST, CFP_TALK]) await deleteWorkspaceFile(path).catch(() => undefined);
  });

  it('shows start, end, budget and running total above each timed section of the demo talk', async () => {
    const found = await ourLenses(DEMO_TALK, 5);
    const text = await readWorkspaceFile(DEMO_TALK);
    const lines = text.split('\n');
    assert.deepEqual(
      found.map((l) => [lines[l.range.start.line], l.command?.title]),
      [
        ['## The promise and the catch (4 min)', '00:00 → 04:00 · 4 min · 4/30'],
        ['## Two tiers: load balancing by trace ID (8 min)', '04:00 → 12:00 · 8 min · 12/30'],
        ['## Demo: replaying Black Friday traffic (10 min)', '12:00 → 22:00 · 10 min · 22/30'],
        ['## What to alert on (5 min)', '22:00 → 27:00 · 5 min · 27/30'],
        ['## Questions (3 min)', '27:00 → 30:00 · 3 min · 30/30'],
      ],
    );
    assert.equal(found[0].range.end.character, '## The promise and the catch (4 min)'.length);
    assert.equal(String(found[0].command?.arguments?.[0]), workspaceUri(DEMO_TALK).toString(), 'clicking rehearses this talk');
  });

  it('adds the last rehearsal of each section, marks sections past the slot, and goes away when switched off', async () => {
    const found = await ourLenses(REHEARSED_TALK, 3);
    assert.deepEqual(
      found.map((l) => l.command?.title),
      [
        '00:00 → 05:00 · 5 min · 5/20 · rehearsed 4.5 min (−0.5)',
        '05:00 → 20:00 · 15 min · 20/20 · rehearsed 19.5 min (+4.5)',
        '20:00 → 25:00 · 5 min · 25/20 · ⚠ over the 20 min slot',
      ],
    );
    await vscode.workspace.getConfiguration('devrel').update('codeLens.talkTiming', false, vscode.ConfigurationTarget.Workspace);
    await ourLenses(REHEARSED_TALK, 0);
    await vscode.workspace.getConfiguration('devrel').update('codeLens.talkTiming', undefined, vscode.ConfigurationTarget.Workspace);
    await ourLenses(REHEARSED_TALK, 3);
  });

  it('renders a draft header, section budgets and checklist progress in the Markdown preview, and plain Markdown as before', async () => {
    const talk = await vscode.workspace.openTextDocument(workspaceUri(REHEARSED_TALK));
    const html = await waitFor(
      async () => {
        const rendered = await vscode.commands.executeCommand<string>('markdown.api.render', talk);
        return rendered?.includes('devrel-draft-header') ? rendered : undefined;
      },
      15_000,
      'the preview to know the draft',
    );
    assert.match(html, /<span class="devrel-kind">Talk<\/span>/);
    assert.match(html, /<span class="devrel-status" title="Step 6 of 7 in the workflow">rehearsing/);
    assert.match(html, /<span class="devrel-label">Planned<\/span> 25\/20 min/);
    assert.match(html, /Demo \(15 min\) <span class="devrel-budget" title="05:00 → 20:00">15 min · 20\/20<\/span>/);
    assert.match(html, /Wrap-up \(5 min\) <span class="devrel-budget devrel-over"/);

    const oss = await vscode.workspace.openTextDocument(workspaceUri('oss/flagd-file-provider-docs.md'));
    const checklist = (await vscode.commands.executeCommand<string>('markdown.api.render', oss)) ?? '';
    assert.match(checklist, /<p class="devrel-checklist[^"]*" title="\d+ of \d+ ticked">/);

    const plain = '# Notes\n\n- [ ] not a draft\n\n## Intro (5 min)\n';
    const rendered = (await vscode.commands.executeCommand<string>('markdown.api.render', plain)) ?? '';
    assert.ok(rendered.includes('<h1') && !/devrel-/.test(rendered), rendered);
  });

  it('underlines images, a skipped heading level and a localhost link in a scheduled post, with quick fixes', async () => {
    const uri = workspaceUri(POST);
    const diagnostics = await openAndWaitForDiagnostics(POST, (d) => d.filter((x) => x.source === 'DevRel Desk').length >= 4, { source: 'DevRel Desk' });
    const text = await readWorkspaceFile(POST);
    const lines = text.split('\n');
    const underlined = diagnostics.map((d) => [codeOf(d), lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)]).sort();
    assert.deepEqual(underlined, [
      ['heading-skip', '#### Setup'],
      ['image-alt', '![Image of the build graph](graph.png)'],
      ['image-alt', '![](diagram.png)'],
      ['placeholder-link', 'http://localhost:3000/app'],
    ]);

    const heading = diagnostics.find((d) => codeOf(d) === 'heading-skip') as vscode.Diagnostic;
    const headingFix = (await fixesAt(uri, heading)).find((a) => a.title === 'Make it a level 2 heading (##)');
    assert.ok(headingFix?.edit, 'a fix for the heading level');
    assert.ok(await vscode.workspace.applyEdit(headingFix.edit));

    const vague = await waitFor(() => getDiagnostics(POST, 'DevRel Desk').find((d) => codeOf(d) === 'image-alt' && d.range.start.line === 15), 10_000, 'the vague alt text');
    const altFix = (await fixesAt(uri, vague)).find((a) => a.title.startsWith('Describe the image directly'));
    assert.ok(altFix?.edit, 'a fix for the alt text');
    assert.ok(await vscode.workspace.applyEdit(altFix.edit));

    const after = await waitFor(
      () => {
        const left = getDiagnostics(POST, 'DevRel Desk').map(codeOf).sort();
        return left.join() === 'image-alt,placeholder-link' ? left : undefined;
      },
      10_000,
      'only the problems without a clear fix to remain',
    );
    assert.deepEqual(after, ['image-alt', 'placeholder-link']);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), /^## Setup$/m);
    assert.match(document.getText(), /^!\[The build graph\]\(graph\.png\)$/m);
    assert.equal(document.getText().replace('## Setup', '#### Setup').replace('The build graph', 'Image of the build graph'), POST_TEXT, 'nothing else changed');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('switches a check off from settings', async () => {
    // Whatever the last test left, start from the post as written.
    await writeWorkspaceFile(POST, POST_TEXT);
    const open = await vscode.workspace.openTextDocument(workspaceUri(POST));
    await waitFor(() => open.getText() === POST_TEXT && !open.isDirty, 10_000, 'the post as written');
    await openAndWaitForDiagnostics(POST, (d) => d.some((x) => codeOf(x) === 'heading-skip'), { source: 'DevRel Desk' });
    await vscode.workspace.getConfiguration('devrel').update('checks.headingLevels', false, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => getDiagnostics(POST, 'DevRel Desk').every((d) => codeOf(d) !== 'heading-skip'), 10_000, 'the heading check to be off');
    assert.ok(
      getDiagnostics(POST, 'DevRel Desk').some((d) => codeOf(d) === 'placeholder-link'),
      'the other checks stay on',
    );
    await vscode.workspace.getConfiguration('devrel').update('checks.headingLevels', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => getDiagnostics(POST, 'DevRel Desk').some((d) => codeOf(d) === 'heading-skip'), 10_000, 'the heading check to be back');
  });

  it('warns when the abstract sent is longer than the call allows, and sends a shorter one', async () => {
    const uri = workspaceUri(CFP_TALK);
    const [problem] = await openAndWaitForDiagnostics(CFP_TALK, (d) => d.some((x) => codeOf(x) === 'abstract-over-cfp-budget'), { source: 'DevRel Desk' }).then((d) =>
      d.filter((x) => codeOf(x) === 'abstract-over-cfp-budget'),
    );
    assert.match(problem.message, /The abstract sent to Tight Conf is \d+ characters; that call allows 200/);
    const text = await readWorkspaceFile(CFP_TALK);
    assert.equal(text.split('\n')[problem.range.start.line].slice(problem.range.start.character, problem.range.end.character), '200');
    const fix = (await fixesAt(uri, problem)).find((a) => a.title === 'Send the short abstract instead (24 characters)');
    assert.ok(fix?.edit, 'a fix that sends the short abstract');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(() => getDiagnostics(CFP_TALK, 'DevRel Desk').every((d) => codeOf(d) !== 'abstract-over-cfp-budget'), 10_000, 'the warning to clear');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), /- event: Tight Conf\n {4}abstract_max_chars: 200\n {4}abstract: short\n/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
