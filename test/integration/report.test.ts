import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { demoReportPeriod } from '../runner/demoDates';
import { executeCommand, getApi, getExtension, readWorkspaceFile, waitFor, workspaceRoot, workspaceUri } from './helpers';

const TRIP = 'trip-reports/kubecon-na-2026.md';
// The demo's 2026 Q4, moved with the demo: the same entries fall in it whenever the tests run.
const REPORT = demoReportPeriod();
const PERIOD = { from: REPORT.from, to: REPORT.to };

function bodyOf(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  assert.ok(match, 'expected YAML front matter');
  return text.slice(match[0].length);
}

/** Runs the packaged command line, the way a CI job would, on the same workspace folder. */
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const bin = path.join(getExtension().extensionPath, 'dist', 'cli.js');
  // The extension host's Node may be Electron's: this makes it a plain Node.
  const result = spawnSync(process.execPath, [bin, ...args, '--workspace', workspaceRoot().fsPath], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function fileText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Impact report and product feedback', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-report-'));

  after(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('exports the Markdown report with its charts, the same files the command line writes', async () => {
    const api = await getApi();
    // Suites before this one delete the drafts they wrote: the index has to have let go of them,
    // or the editor reports work the command line, reading the disk, no longer sees.
    await waitFor(async () => (await api.listDrafts()).every((d) => fs.existsSync(vscode.Uri.parse(d.uri).fsPath)), 20_000, 'the index to drop deleted drafts');
    const target = vscode.Uri.file(path.join(outside, 'editor', 'impact.md'));
    fs.mkdirSync(path.dirname(target.fsPath), { recursive: true });
    const written = await executeCommand<vscode.Uri>('devrel.exportImpactReport', { ...PERIOD, format: 'markdown', uri: target });
    assert.ok(written, 'the command returns the Uri it wrote');
    assert.equal(written.toString(), target.toString());
    const names = fs.readdirSync(path.dirname(target.fsPath)).sort();
    assert.deepEqual(names, ['impact-reach.svg', 'impact-totals.svg', 'impact.md']);
    const markdown = await fileText(target);
    assert.ok(markdown.startsWith(`# Impact report: ${REPORT.label}\n`), markdown.split('\n')[0]);
    assert.ok(markdown.includes(`![Impact per metric in ${REPORT.label}, compared with ${REPORT.previousLabel}](./impact-totals.svg)`), markdown);
    assert.match(markdown, /The Helm chart should expose the Collector's memory limiter\]\(<[^>]+>\) \| Helm chart \| \*\*shipped\*\*/);

    const cliOut = path.join(outside, 'cli', 'impact.md');
    fs.mkdirSync(path.dirname(cliOut), { recursive: true });
    const run = cli(['report', '--from', PERIOD.from, '--to', PERIOD.to, '--out', cliOut]);
    assert.equal(run.code, 0, run.stderr);
    for (const name of names) {
      assert.equal(
        fs.readFileSync(path.join(outside, 'cli', name), 'utf8'),
        fs.readFileSync(path.join(outside, 'editor', name), 'utf8'),
        `${name} is the same from the editor and the command line`,
      );
    }
  });

  it('exports the CSV presets and JSON with the same rows as the command line', async () => {
    for (const [format, preset] of [
      ['csv', 'default'],
      ['csv', 'recognition'],
      ['json', 'default'],
    ] as const) {
      const target = vscode.Uri.file(path.join(outside, `rows-${preset}.${format}`));
      const written = await executeCommand<vscode.Uri>('devrel.exportImpactReport', { ...PERIOD, format, preset, uri: target });
      assert.ok(written, `${format} ${preset}`);
      const run = cli(['report', '--from', PERIOD.from, '--to', PERIOD.to, '--format', format, '--preset', preset]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(await fileText(target), run.stdout, `${format} ${preset}`);
    }
    const recognition = await fileText(vscode.Uri.file(path.join(outside, 'rows-recognition.csv')));
    assert.match(recognition, /^Title,Date,URL,Description,Type,Reach\r\n/);
  });

  it('refuses a period that ends before it starts and writes nothing', async () => {
    const target = vscode.Uri.file(path.join(outside, 'backwards.md'));
    const result = await executeCommand('devrel.exportImpactReport', { from: '2026-12-31', to: '2026-10-01', uri: target });
    assert.equal(result, undefined);
    assert.equal(fs.existsSync(target.fsPath), false);
  });

  it('logs feedback byte-exactly, lists it in the API, and sets its status', async () => {
    const api = await getApi();
    const before = await readWorkspaceFile(TRIP);
    const summary = 'Span links in the trace view, asked by three teams';
    const logged = await executeCommand('devrel.logFeedback', workspaceUri(TRIP), { summary, area: 'UI', link: 'https://github.com/tracewell/tracewell/issues/1500' });
    assert.equal(logged, true);
    const after = await waitFor(
      async () => {
        const text = await readWorkspaceFile(TRIP);
        return text.includes(summary) ? text : undefined;
      },
      10_000,
      'the feedback entry to be written',
    );
    assert.equal(bodyOf(after), bodyOf(before), 'the body is untouched');
    assert.ok(after.startsWith(before.slice(0, before.indexOf('\n---\n'))), 'the entry is appended after the existing front matter');

    const info = await waitFor(
      async () => (await api.listDrafts()).find((d) => d.uri === workspaceUri(TRIP).toString() && d.feedback?.some((f) => f.summary === summary)),
      10_000,
      'DraftInfo.feedback',
    );
    const entry = info.feedback?.find((f) => f.summary === summary);
    assert.equal(entry?.status, 'open');
    assert.equal(entry?.area, 'UI');

    const refused = await executeCommand('devrel.logFeedback', workspaceUri(TRIP), { summary: '   ' });
    assert.equal(refused, undefined, 'feedback without a summary is refused');

    const set = await executeCommand('devrel.setFeedbackStatus', workspaceUri(TRIP), summary, 'shipped');
    assert.equal(set, true);
    await waitFor(
      async () => (await api.listDrafts()).find((d) => d.uri === workspaceUri(TRIP).toString())?.feedback?.find((f) => f.summary === summary)?.status === 'shipped',
      10_000,
      'the new status',
    );
    const final = await readWorkspaceFile(TRIP);
    assert.equal(bodyOf(final), bodyOf(before));
    const unknown = await executeCommand('devrel.setFeedbackStatus', workspaceUri(TRIP), summary, 'done');
    assert.equal(unknown, undefined, 'an unknown status is refused');

    // Put the demo back as it was for the suites after this one, through the document the edits opened.
    const document = await vscode.workspace.openTextDocument(workspaceUri(TRIP));
    const restore = new vscode.WorkspaceEdit();
    restore.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), before);
    assert.ok(await vscode.workspace.applyEdit(restore));
    assert.ok(await document.save());
    await waitFor(async () => !(await api.listDrafts()).some((d) => d.feedback?.some((f) => f.summary === summary)), 20_000, 'the demo trip report restored');
  });
});
