import * as assert from 'assert';
import * as vscode from 'vscode';
import { demoDate } from '../runner/demoDates';
import {
  closeAllEditors,
  deleteWorkspaceFile,
  executeCommand,
  getApi,
  openAndWaitForDiagnostics,
  readWorkspaceFile,
  waitFor,
  workspaceUri,
  writeWorkspaceFile,
  type DraftInfo,
} from './helpers';

/** Everything after the closing front-matter fence, exactly as stored. */
function bodyOf(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  assert.ok(match, 'expected YAML front matter');
  return text.slice(match[0].length);
}

async function draftAt(relativePath: string): Promise<DraftInfo | undefined> {
  const uri = workspaceUri(relativePath).toString();
  return (await (await getApi()).listDrafts()).find((d) => d.uri.toString() === uri);
}

async function waitForDraft(relativePath: string, accept: (d: DraftInfo) => boolean, what: string): Promise<DraftInfo> {
  return waitFor(
    async () => {
      const draft = await draftAt(relativePath);
      return draft && accept(draft) ? draft : undefined;
    },
    10_000,
    what,
  );
}

describe('Tracking drafts in the demo workspace', () => {
  afterEach(async () => {
    await closeAllEditors();
  });

  it('lists every draft with its kind, including Hugo posts that have no kind', async () => {
    const drafts = await (await getApi()).listDrafts();
    const counts = new Map<string, number>();
    for (const d of drafts) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
    assert.equal(counts.get('blog'), 9, 'nine posts in content/posts');
    assert.equal(counts.get('talk'), 8);
    assert.equal(counts.get('oss'), 4);
    assert.equal(counts.get('workshop'), 1);
    assert.equal(counts.get('trip-report'), 1);
    assert.equal(counts.get('hackathon'), 1);
    const readme = drafts.find((d) => d.uri.toString().endsWith('/notes/README.md'));
    assert.equal(readme, undefined, 'a plain note is not a draft');

    const hugoDraft = drafts.find((d) => d.uri.toString().endsWith('2026-10-wasm-plugins-in-go.md'));
    assert.equal(hugoDraft?.status, 'drafting', 'draft: true reads as drafting');
    const hugoPublished = drafts.find((d) => d.uri.toString().endsWith('2026-10-opentelemetry-collector-pipelines.md'));
    assert.equal(hugoPublished?.status, 'published', 'draft: false reads as published');
  });

  it('reports counts, checklists and talk timing', async () => {
    const oss = await draftAt('oss/vite-plugin-otel-source-maps.md');
    assert.ok(oss, 'the OSS checklist is a draft');
    assert.ok(oss.checklist.total > 0 && oss.checklist.done > 0 && oss.checklist.done < oss.checklist.total, `partly ticked: ${JSON.stringify(oss.checklist)}`);
    const talk = await draftAt('talks/berlin-go-meetup-grpc-deadlines.md');
    assert.ok(talk?.talkMinutes, 'a talk reports its minutes');
    assert.equal(talk.talkMinutes.duration, 20);
    assert.ok(talk.talkMinutes.planned > 0);
    const post = await draftAt('content/posts/2026-11-grpc-deadlines.md');
    assert.ok(post && post.words > 100 && post.readingMinutes >= 1, `words ${post?.words}`);
  });

  it('shows a new file without a refresh, and drops it when deleted', async () => {
    const api = await getApi();
    let events = 0;
    const listener = api.onDidChangeDrafts?.(() => events++);
    try {
      await writeWorkspaceFile('talks/new-from-test.md', '---\nkind: talk\ntitle: Fresh talk\nstatus: idea\n---\n\n## Intro (5 min)\n');
      const created = await waitForDraft('talks/new-from-test.md', (d) => d.title === 'Fresh talk', 'the new talk to be listed');
      assert.equal(created.kind, 'talk');
      // Events are merged over a few milliseconds, so the list can be ahead of the event.
      await waitFor(() => events > 0, 5_000, 'onDidChangeDrafts to fire');

      await deleteWorkspaceFile('talks/new-from-test.md');
      await waitFor(async () => (await draftAt('talks/new-from-test.md')) === undefined, 10_000, 'the deleted talk to leave the list');
    } finally {
      listener?.dispose();
    }
  });

  it('changes status on a saved file and leaves the body byte for byte', async () => {
    const path = 'content/posts/2026-11-grpc-deadlines.md';
    const before = await readWorkspaceFile(path);
    const changed = await executeCommand('devrel.setStatus', workspaceUri(path), 'review');
    assert.equal(changed, true);
    const after = await waitFor(
      async () => {
        const text = await readWorkspaceFile(path);
        return /^status: review$/m.test(text) ? text : undefined;
      },
      10_000,
      'the status to be saved',
    );
    assert.equal(bodyOf(after), bodyOf(before));
    await waitForDraft(path, (d) => d.status === 'review', 'the index to see the new status');

    const advanced = await executeCommand('devrel.advanceStatus', workspaceUri(path).toString());
    assert.equal(advanced, true);
    await waitForDraft(path, (d) => d.status === 'scheduled', 'advance to scheduled');
  });

  it('changes status in an unsaved editor, undoably, without touching the body or the disk', async () => {
    const path = 'content/posts/2026-12-feature-flags-without-a-vendor.md';
    const onDisk = await readWorkspaceFile(path);
    const document = await vscode.workspace.openTextDocument(workspaceUri(path));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(document.positionAt(document.getText().length), '\nAn unsaved closing line.\n'));
    const bodyBefore = bodyOf(document.getText());
    assert.equal(document.isDirty, true);

    await executeCommand('devrel.setStatus', document.uri, 'review');
    assert.match(document.getText(), /^status: review$/m);
    assert.equal(bodyOf(document.getText()), bodyBefore, 'the unsaved body is untouched');
    assert.equal(document.isDirty, true, 'an unsaved editor stays unsaved');
    assert.equal(await readWorkspaceFile(path), onDisk, 'nothing was written to disk');

    await vscode.commands.executeCommand('undo');
    assert.match(document.getText(), /^status: drafting$/m, 'the status change is undoable');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses an unknown status and leaves the file alone', async () => {
    const path = 'oss/flagd-file-provider-docs.md';
    const before = await readWorkspaceFile(path);
    const result = await executeCommand('devrel.setStatus', workspaceUri(path), 'shipped-it');
    assert.equal(result, undefined);
    assert.equal(await readWorkspaceFile(path), before);
  });

  it('publishes a Hugo post with draft: false, and dates it', async () => {
    const path = 'content/posts/2026-10-wasm-plugins-in-go.md';
    await executeCommand('devrel.setStatus', workspaceUri(path), 'published');
    const text = await waitFor(
      async () => {
        const t = await readWorkspaceFile(path);
        return /^draft: false$/m.test(t) ? t : undefined;
      },
      10_000,
      'draft: false',
    );
    assert.match(text, /^status: published$/m);
    assert.match(text, new RegExp(`^date: ${demoDate('2026-10-30')}$`, 'm'), 'an existing date is kept');
  });

  it('uses published: true/false when the site generator is Jekyll', async () => {
    const config = vscode.workspace.getConfiguration('devrel');
    await config.update('siteGenerator', 'jekyll', vscode.ConfigurationTarget.Workspace);
    try {
      const path = 'content/posts/2026-12-rust-error-handling.md';
      await waitForDraft(path, (d) => d.kind === 'blog', 'the index after the settings change');
      await executeCommand('devrel.setStatus', workspaceUri(path), 'published');
      const published = await waitFor(
        async () => {
          const t = await readWorkspaceFile(path);
          return /^published: true$/m.test(t) ? t : undefined;
        },
        10_000,
        'published: true',
      );
      assert.doesNotMatch(published, /^draft:/m, 'Jekyll has no draft field');
      await executeCommand('devrel.setStatus', workspaceUri(path), 'drafting');
      await waitFor(async () => /^published: false$/m.test(await readWorkspaceFile(path)), 10_000, 'published: false');
    } finally {
      await config.update('siteGenerator', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reports the broken demo file in the Problems panel', async () => {
    const diagnostics = await openAndWaitForDiagnostics('talks/broken-front-matter.md', (d) => d.some((x) => x.source === 'DevRel Desk'));
    const ours = diagnostics.filter((d) => d.source === 'DevRel Desk');
    assert.ok(
      ours.some((d) => d.severity === vscode.DiagnosticSeverity.Error && /YAML/.test(d.message)),
      ours.map((d) => d.message).join('; '),
    );
    assert.ok(
      ours.every((d) => d.range.start.line >= 1 && d.range.start.line <= 7),
      'problems point into the front matter',
    );
    // Two mistakes (an unclosed quote, an indented key): two syntax errors, no field checks on a guess.
    assert.deepEqual(
      ours.map((d) => [d.code, d.range.start.line]),
      [
        ['yaml-syntax', 2],
        ['yaml-syntax', 5],
      ],
      ours.map((d) => d.message).join('; '),
    );
    assert.ok(
      ours.every((d) => d.range.end.character - d.range.start.character > 1),
      'each range covers the line, not one character',
    );
  });

  it('offers a quick fix for an unknown status, and the fix clears the problem', async () => {
    const path = 'content/posts/2026-12-monorepo-ci-caching.md';
    const diagnostics = await openAndWaitForDiagnostics(path, (d) => d.some((x) => x.code === 'unknown-status'));
    const problem = diagnostics.find((d) => d.code === 'unknown-status');
    assert.ok(problem);
    const uri = workspaceUri(path);
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(problem.range), 'polishing', 'the range is exactly the value');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
    const fixes = actions.filter((a) => a.title.startsWith('Change status to'));
    assert.equal(fixes.length, 5, 'one fix per blog status');
    assert.deepEqual(
      fixes.map((a) => a.title),
      ['Change status to "idea"', 'Change status to "drafting"', 'Change status to "review"', 'Change status to "scheduled"', 'Change status to "published" (finished)'],
      'workflow order, the finished status last',
    );
    assert.equal(
      fixes.some((a) => a.isPreferred),
      false,
      'no typo, so nothing is preferred: one Enter must not publish',
    );
    const review = fixes.find((a) => a.title === 'Change status to "review"');
    assert.ok(review?.edit);
    await vscode.workspace.applyEdit(review.edit);
    await waitFor(() => vscode.languages.getDiagnostics(uri).every((d) => d.code !== 'unknown-status'), 10_000, 'the problem to clear');
    await vscode.commands.executeCommand('workbench.action.files.revert');

    const add = actions.find((a) => a.title === 'Add "polishing" to the blog post workflow');
    assert.ok(add?.command, actions.map((a) => a.title).join('; '));
    const config = vscode.workspace.getConfiguration('devrel');
    try {
      assert.equal(await executeCommand(add.command.command, ...(add.command.arguments ?? [])), true);
      const kinds = vscode.workspace.getConfiguration('devrel').get<Record<string, { statuses?: string[]; activeStatuses?: string[] }>>('kinds');
      assert.deepEqual(kinds?.blog?.statuses, ['idea', 'drafting', 'review', 'polishing', 'scheduled', 'published']);
      assert.deepEqual(kinds?.blog?.activeStatuses, ['drafting', 'review', 'polishing']);
      await waitFor(() => vscode.languages.getDiagnostics(uri).every((d) => d.code !== 'unknown-status'), 10_000, 'the status to be valid once in the workflow');
    } finally {
      await config.update('kinds', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await closeAllEditors();
  });

  it('normalises a malformed date with a quick fix', async () => {
    const path = 'oss/date-fix.md';
    await writeWorkspaceFile(path, '---\nkind: oss\ntitle: Date fix\nstatus: todo\ndue: 2026/12/3\n---\n\n- [ ] task\n');
    const diagnostics = await openAndWaitForDiagnostics(path, (d) => d.some((x) => x.code === 'invalid-date'));
    const problem = diagnostics.find((d) => d.code === 'invalid-date');
    assert.ok(problem);
    const uri = workspaceUri(path);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
    const fix = actions.find((a) => a.title.includes('2026-12-03'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join('; '));
    await vscode.workspace.applyEdit(fix.edit);
    await vscode.workspace.save(uri);
    assert.match(await readWorkspaceFile(path), /^due: 2026-12-03$/m);
    await waitFor(() => vscode.languages.getDiagnostics(uri).every((d) => d.code !== 'invalid-date'), 10_000, 'the date problem to clear');
    await closeAllEditors();
    await deleteWorkspaceFile(path);
  });

  it('shows the facts-and-actions pick for a draft, and returns quietly when it is dismissed', async () => {
    const pending = executeCommand('devrel.showDraftActions', workspaceUri('talks/berlin-go-meetup-grpc-deadlines.md'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined);
  });

  it('runs the view commands from the command table', async () => {
    await executeCommand('devrel.groupBy', 'status');
    await executeCommand('devrel.groupBy', 'kind');
    await executeCommand('devrel.hideFinished');
    await executeCommand('devrel.showFinished');
    await executeCommand('devrel.filterByTag', 'go');
    await executeCommand('devrel.clearTagFilter');
    await executeCommand('devrel.refresh');
    const drafts = await (await getApi()).listDrafts();
    assert.ok(drafts.length >= 23, 'a refresh keeps every draft');
    await executeCommand('devrel.openDraft', workspaceUri('workshops/hands-on-opentelemetry-go.md'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri('workshops/hands-on-opentelemetry-go.md').toString());
    await executeCommand('devrel.openPreview', workspaceUri('workshops/hands-on-opentelemetry-go.md'));
    await executeCommand('devrel.revealInExplorer', workspaceUri('workshops/hands-on-opentelemetry-go.md'));
    await executeCommand('devrel.showLog');
  });
});
