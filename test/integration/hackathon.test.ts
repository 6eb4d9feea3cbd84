import * as assert from 'assert';
import * as vscode from 'vscode';
import { demoDate } from '../runner/demoDates';
import { closeAllEditors, deleteUri, executeCommand, getApi, openAndWaitForDiagnostics, readWorkspaceFile, waitFor, workspaceRoot, type DraftInfo } from './helpers';

function relative(uri: vscode.Uri): string {
  const base = workspaceRoot().path.replace(/\/$/, '') + '/';
  assert.ok(uri.path.startsWith(base), `${uri.toString()} is outside the workspace`);
  return uri.path.slice(base.length);
}

async function listed(uri: vscode.Uri, accept: (d: DraftInfo) => boolean = () => true): Promise<DraftInfo> {
  return waitFor(
    async () => {
      const draft = (await (await getApi()).listDrafts()).find((d) => d.uri.toString() === uri.toString());
      return draft && accept(draft) ? draft : undefined;
    },
    10_000,
    `${relative(uri)} in the index`,
  );
}

/** A day relative to today, `YYYY-MM-DD` in the local calendar, as the extension counts days. */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('Hackathons', function () {
  this.timeout(30_000);
  const created: vscode.Uri[] = [];

  afterEach(async () => {
    await closeAllEditors();
  });

  after(async () => {
    for (const uri of created) await deleteUri(uri).catch(() => undefined);
  });

  it('lists the demo hackathon with its dates, one multi-day event', async () => {
    const drafts = await (await getApi()).listDrafts();
    const demo = drafts.find((d) => d.kind === 'hackathon' && d.uri.toString().endsWith('/hackathons/tracewell-build-weekend-2027.md'));
    assert.ok(demo, 'the demo hackathon is listed');
    assert.equal(demo.status, 'announced');
    assert.deepEqual(demo.dates, [
      { field: 'registration_deadline', label: 'Registration closes', date: demoDate('2027-01-08') },
      { field: 'event_date', label: 'Hackathon', date: demoDate('2027-01-15') },
      { field: 'end_date', label: 'Ends', date: demoDate('2027-01-17') },
      { field: 'due', label: 'Due', date: demoDate('2027-01-06') },
    ]);
    assert.deepEqual(demo.problems, []);
    assert.deepEqual(demo.talkMinutes, { planned: 1440, duration: 1440 }, 'the agenda fills the day');
  });

  it('creates a hackathon with devrel.newDraft, in its own folder, with its dates listed', async () => {
    const [start, end, closes] = [day(40), day(41), day(30)];
    const uri = await executeCommand<vscode.Uri>('devrel.newDraft', {
      kind: 'hackathon',
      title: 'Build on Widgets',
      fields: { event_date: start, end_date: end, registration_deadline: closes, format: 'hybrid', participants: 120 },
      open: false,
    });
    assert.ok(uri instanceof vscode.Uri, 'newDraft returns the new file');
    created.push(uri);
    assert.match(relative(uri), /^hackathons\/\d{4}-\d{2}-\d{2}-build-on-widgets\.md$/);
    const text = await readWorkspaceFile(relative(uri));
    assert.match(text, /^kind: hackathon$/m);
    assert.match(text, /^status: idea$/m);
    assert.match(text, /^format: hybrid$/m);
    assert.match(text, /^participants: 120$/m);
    for (const heading of ['## Summary', '## Kick-off (30 min)', '## Planning checklist', '## Judging criteria', '## Projects', '## Retro']) {
      assert.ok(text.includes(`\n${heading}\n`), heading);
    }
    const draft = await listed(uri, (d) => d.talkMinutes !== undefined);
    assert.equal(draft.kind, 'hackathon');
    assert.equal(draft.status, 'idea');
    assert.deepEqual(
      draft.dates.map((d) => [d.field, d.label, d.date]),
      [
        ['registration_deadline', 'Registration closes', closes],
        ['event_date', 'Hackathon', start],
        ['end_date', 'Ends', end],
      ],
    );
    assert.equal(draft.overdue, false);
    assert.deepEqual(draft.problems, []);
    assert.ok(draft.checklist.total >= 20, `the plan is a checklist: ${JSON.stringify(draft.checklist)}`);
  });

  it('flags an end before the start and fixes it by swapping the two dates', async () => {
    const uri = await executeCommand<vscode.Uri>('devrel.newDraft', {
      kind: 'hackathon',
      title: 'Backwards weekend',
      fields: { event_date: day(50), end_date: day(48), registration_deadline: day(60) },
      open: false,
    });
    assert.ok(uri instanceof vscode.Uri);
    created.push(uri);
    const path = relative(uri);
    const diagnostics = await openAndWaitForDiagnostics(path, (d) => d.length >= 2, { source: 'DevRel Desk' });
    const codes = diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).sort();
    assert.deepEqual(codes, ['date-after-date', 'span-ends-before-start']);
    const backwards = diagnostics.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'span-ends-before-start')!;
    const body = (await readWorkspaceFile(path))
      .split(/\n---\n/)
      .slice(1)
      .join('\n---\n');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, backwards.range);
    const swap = actions.find((a) => a.title === 'Swap event_date and end_date');
    assert.ok(swap?.edit, `a swap fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(swap.edit));
    await waitFor(async () => (await listed(uri)).dates.find((d) => d.field === 'event_date')?.date === day(48), 10_000, 'the swapped dates');
    const after = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.equal(
      after
        .split(/\n---\n/)
        .slice(1)
        .join('\n---\n'),
      body,
      'the body is unchanged',
    );
    const left = await openAndWaitForDiagnostics(path, (d) => d.length === 1, { source: 'DevRel Desk' });
    assert.match(left[0].message, /registration_deadline .* is after event_date/);
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  it('logs the projects table as one impact entry, and again without counting twice', async () => {
    const uri = await executeCommand<vscode.Uri>('devrel.newDraft', { kind: 'hackathon', title: 'Projects to count', fields: { status: 'done' }, open: false });
    assert.ok(uri instanceof vscode.Uri);
    created.push(uri);
    const path = relative(uri);
    await listed(uri);
    const empty = await executeCommand('devrel.logHackathonProjects', uri);
    assert.equal(empty, undefined, 'an empty table logs nothing');
    const original = await readWorkspaceFile(path);
    const rows = '| Widget Radar | Ada, Lin | https://github.com/ada/radar | query API |\n| Queue Buddy | Sam | | SDK |\n';
    const withRows = original.replace('| Project | Team | Repository | What it used |\n| --- | --- | --- | --- |\n', (header) => header + rows);
    assert.notEqual(withRows, original);
    // Typed into the open document, as a person fills in the table, and saved.
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), withRows);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    assert.equal(await executeCommand('devrel.logHackathonProjects', uri), 2);
    const logged = await readWorkspaceFile(path);
    assert.match(logged, /metric: projects\n\s+value: 2\n\s+note: Widget Radar, Queue Buddy\n\s+source: projects-table/);
    assert.equal(logged.slice(logged.indexOf('\n## Summary')), withRows.slice(withRows.indexOf('\n## Summary')), 'the body is unchanged');
    assert.equal(await executeCommand('devrel.logHackathonProjects', uri), 2);
    assert.equal(await readWorkspaceFile(path), logged, 'logging the same table again changes nothing');
    const summary = await waitFor(
      async () => {
        const s = await (await getApi()).impactSummary();
        return (s.allTime.projects ?? 0) >= 2 ? s : undefined;
      },
      10_000,
      'the projects in the impact summary',
    );
    assert.equal(summary.allTime.projects, 2);
  });
});
