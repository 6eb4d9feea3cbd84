import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { executeCommand, getApi, note, readEditorLogs, waitFor, workspaceRoot, type DraftInfo } from './helpers';

// Files a repository could commit to freeze the editor or to make DevRel Desk write or read
// outside the workspace: a 2 MB draft of a pattern that used to be quadratic, front matter with
// 30,000 keys, a folder that is a link to a place outside, a template that points New Draft at
// it, and a template that is a link to a file outside. The links are made here, in the run's
// copy of the workspace, pointing at a temporary folder of this test's own.

const SECRET = 'SECRET-TOKEN-4b1d';
const LT_REPEATS = 500_000;

describe('Hostile workspace files', function () {
  let root: string;
  let outside: string;
  let hadDevrel: boolean;
  const created: string[] = [];

  const inWorkspace = (relative: string): string => path.join(root, ...relative.split('/'));

  /** The extension's own log lines, which say what a command refused and why. */
  const ourLog = (): string =>
    readEditorLogs()
      .filter((entry) => entry.file.split(path.sep).includes('devrel-desk.devrel-desk'))
      .map((entry) => entry.text)
      .join('\n');

  before(async function () {
    if (workspaceRoot().scheme !== 'file' || process.platform === 'win32') this.skip(); // links need a local POSIX file system
    root = workspaceRoot().fsPath;
    await (await getApi()).listDrafts();
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-outside-'));
    fs.mkdirSync(path.join(outside, 'notes'));
    fs.writeFileSync(path.join(outside, 'secret.md'), `---\nkind: stolen\ntitle: Stolen\n---\n${SECRET}\n`);
    hadDevrel = fs.existsSync(inWorkspace('.devrel'));

    fs.mkdirSync(inWorkspace('hostile'), { recursive: true });
    created.push(inWorkspace('hostile'));
    fs.writeFileSync(inWorkspace('hostile/angle-brackets.md'), `---\nkind: blog\ntitle: Angle brackets\n---\n${'a < '.repeat(LT_REPEATS)}\n`);
    const keys = Array.from({ length: 30_000 }, (_, i) => `key${i}: value`).join('\n');
    fs.writeFileSync(inWorkspace('hostile/many-keys.md'), `---\nkind: blog\ntitle: Many keys\n${keys}\n---\n# Many keys\n`);

    fs.symlinkSync(path.join(outside, 'notes'), inWorkspace('linked-notes'), 'dir');
    created.push(inWorkspace('linked-notes'));
    fs.mkdirSync(inWorkspace('.devrel/templates'), { recursive: true });
    fs.writeFileSync(
      inWorkspace('.devrel/templates/linked.md'),
      "---\nkind: linked\ntitle: '{{title}}'\ntemplate:\n  name: Linked note\n  folder: linked-notes\n---\n# {{title}}\n",
    );
    created.push(inWorkspace('.devrel/templates/linked.md'));
    fs.symlinkSync(path.join(outside, 'secret.md'), inWorkspace('.devrel/templates/stolen.md'));
    created.push(inWorkspace('.devrel/templates/stolen.md'));
  });

  after(async function () {
    if (!root) return;
    for (const file of created.reverse()) fs.rmSync(file, { recursive: true, force: true });
    if (!hadDevrel) fs.rmSync(inWorkspace('.devrel'), { recursive: true, force: true });
    if (outside) fs.rmSync(outside, { recursive: true, force: true });
    const api = await getApi();
    await waitFor(async () => !(await api.listDrafts()).some((d) => d.uri.includes('/hostile/')), 15_000, 'the hostile drafts to leave the index');
  });

  it('lists the hostile drafts, with their problems, within a few seconds', async () => {
    const api = await getApi();
    const started = Date.now();
    const find = (drafts: DraftInfo[], name: string): DraftInfo | undefined => drafts.find((d) => d.uri.endsWith(`/hostile/${name}`));
    const [brackets, keys] = await waitFor(
      async () => {
        const drafts = await api.listDrafts();
        const found = [find(drafts, 'angle-brackets.md'), find(drafts, 'many-keys.md')];
        return found[0]?.words === LT_REPEATS && found[1] !== undefined ? found : undefined;
      },
      10_000,
      'both hostile drafts listed, and the 2 MB one counted',
    );
    note(`listed and counted in ${Date.now() - started} ms`);
    assert.equal(brackets?.title, 'Angle brackets');
    assert.equal(keys?.kind, 'blog');
    assert.equal(keys?.title, 'Many keys');
    assert.ok(
      keys?.problems.some((p) => /^Front matter too large to edit safely: 30,002 keys, the limit is 1,000\./.test(p.message)),
      JSON.stringify(keys?.problems),
    );
  });

  it('recounts an open, unsaved 2 MB draft as it is edited', async function () {
    // Opening 2 MB in the editor is slow on a busy machine; the counting itself is not timed.
    this.timeout(60_000);
    const api = await getApi();
    const uri = vscode.Uri.file(inWorkspace('hostile/angle-brackets.md'));
    const words = async (): Promise<number | undefined> => (await api.listDrafts()).find((d) => d.uri === uri.toString())?.words;
    const document = await vscode.workspace.openTextDocument(uri);
    const end = document.positionAt(document.getText().length);
    // The extension host is this test's thread too: the longest pause of a 10 ms timer shows
    // whether the count ran here or on a worker.
    let longestPause = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      const now = Date.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 10);
    try {
      const insert = new vscode.WorkspaceEdit();
      insert.insert(uri, end, 'three more words\n');
      assert.ok(await vscode.workspace.applyEdit(insert));
      await waitFor(async () => (await words()) === LT_REPEATS + 3, 30_000, 'the unsaved edit counted');
    } finally {
      clearInterval(ticker);
    }
    note(`longest pause of the extension host while the edit was applied and counted: ${longestPause} ms`);
    const remove = new vscode.WorkspaceEdit();
    remove.delete(uri, new vscode.Range(end, document.positionAt(document.getText().length)));
    assert.ok(await vscode.workspace.applyEdit(remove));
    await waitFor(async () => (await words()) === LT_REPEATS, 30_000, 'the edit taken back counted');
    await document.save();
  });

  it('refuses Set Status on front matter over the caps, and changes nothing', async () => {
    const file = inWorkspace('hostile/many-keys.md');
    const before = fs.readFileSync(file, 'utf8');
    const moved = await executeCommand('devrel.setStatus', vscode.Uri.file(file), 'drafting');
    assert.notEqual(moved, true);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    await waitFor(() => /Set Status: Front matter too large to edit safely: 30,002 keys/.test(ourLog()), 5_000, 'the refusal in the log');
  });

  it('refuses New Draft from a template whose folder is a link outside, and writes nothing there', async () => {
    const result = await executeCommand('devrel.newDraft', { kind: 'linked', title: 'Escape attempt', open: false });
    assert.equal(result, undefined);
    assert.deepEqual(fs.readdirSync(path.join(outside, 'notes')), []);
    assert.deepEqual(fs.readdirSync(outside).sort(), ['notes', 'secret.md']);
    const logged = await waitFor(
      () => /New Draft: Cannot create linked-notes\/[^\n]*: linked-notes is a link to [^\n]*, outside the workspace folder/.exec(ourLog())?.[0],
      5_000,
      'the refusal in the log',
    );
    note(logged);
  });

  it('does not use a template that is a link to a file outside', async () => {
    const result = await executeCommand('devrel.newDraft', { kind: 'stolen', title: 'Stolen', open: false });
    assert.equal(result, undefined);
    await waitFor(
      () => /\.devrel\/templates\/stolen\.md: is a link to a file outside \.devrel\/templates, so it is not used as a template/.test(ourLog()),
      5_000,
      'the refused template in the log',
    );
    assert.deepEqual(filesContaining(root, SECRET), []);
  });
});

/** Workspace files whose text contains `needle`, without following links. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') found.push(...filesContaining(full, needle));
    else if (entry.isFile() && fs.readFileSync(full, 'utf8').includes(needle)) found.push(full);
  }
  return found;
}
