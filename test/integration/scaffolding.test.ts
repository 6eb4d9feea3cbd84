import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  deleteUri,
  deleteWorkspaceFile,
  readEditorLogs,
  note,
  executeCommand,
  getApi,
  readWorkspaceFile,
  waitFor,
  workspaceRoot,
  workspaceUri,
  writeWorkspaceFile,
  type DraftInfo,
} from './helpers';

/** Today as the extension names files: the local calendar day. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function relative(uri: vscode.Uri): string {
  const base = workspaceRoot().path.replace(/\/$/, '') + '/';
  assert.ok(uri.path.startsWith(base), `${uri.toString()} is outside the workspace`);
  return uri.path.slice(base.length);
}

/** The front matter's top-level `key: value` lines, as written. */
function frontMatter(text: string): Map<string, string> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  assert.ok(match, `no front matter in:\n${text.slice(0, 300)}`);
  const fields = new Map<string, string>();
  for (const line of match[1].split(/\r?\n/)) {
    const field = /^([A-Za-z_][\w-]*):\s?(.*)$/.exec(line);
    if (field) fields.set(field[1], field[2]);
  }
  return fields;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function listFolder(relativePath: string): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(workspaceUri(relativePath))).map(([name]) => name).sort();
  } catch {
    return [];
  }
}

async function waitForDraft(uri: vscode.Uri, accept: (d: DraftInfo) => boolean = () => true): Promise<DraftInfo> {
  return waitFor(
    async () => {
      const draft = (await (await getApi()).listDrafts()).find((d) => d.uri.toString() === uri.toString());
      return draft && accept(draft) ? draft : undefined;
    },
    10_000,
    `${relative(uri)} in the index`,
  );
}

/** The active editor once it shows `uri`. */
async function activeEditorOn(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return waitFor(
    () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === uri.toString() ? editor : undefined;
    },
    10_000,
    `${relative(uri)} in the active editor`,
  );
}

function isOpenInEditor(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return (
    vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === key) ||
    vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key))
  );
}

describe('Scaffolding new drafts', function () {
  this.timeout(30_000);
  const date = today();
  /** Everything the tests create, removed afterwards so other suites see the demo workspace as it was. */
  const created: vscode.Uri[] = [];
  const createdFolders: vscode.Uri[] = [];

  async function newDraft(command: string, ...args: unknown[]): Promise<vscode.Uri> {
    const uri = await executeCommand<vscode.Uri>(command, ...args);
    assert.ok(uri instanceof vscode.Uri, `${command} returned ${String(uri)}, not the new file's Uri`);
    created.push(uri);
    return uri;
  }

  before(async () => {
    // Drafts land where the site generator says, which the index detects during its first scan.
    await (await getApi()).listDrafts();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  after(async () => {
    const api = await getApi();
    // Files one by one first: the index hears about deleted Markdown files, not about deleted folders.
    for (const uri of created.filter((u) => u.path.endsWith('.md'))) {
      await deleteUri(uri).catch(() => undefined);
    }
    for (const uri of createdFolders.reverse()) {
      await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    let left: string[] = [];
    const gone = async (): Promise<boolean> => {
      const listed = new Set((await api.listDrafts()).map((d) => d.uri.toString()));
      left = created.filter((uri) => listed.has(uri.toString())).map(relative);
      return left.length === 0;
    };
    const heard = await waitFor(gone, 5_000, 'the deletes').then(
      () => true,
      () => false,
    );
    if (!heard) {
      // The editor's file watcher sometimes misses deletes in a folder created moments before
      // another extension starts watching (seen in code-server on Linux); a rescan catches up.
      note(`file watcher missed the delete of ${left.join(', ')}; refreshing`);
      await executeCommand('devrel.refresh');
      await waitFor(gone, 10_000, 'the created drafts to leave the index').catch((error: Error) => {
        throw new Error(`${error.message}; still listed: ${left.join(', ')}`);
      });
    }
  });

  const expectations = [
    { kind: 'blog', title: 'Zero-downtime Postgres migrations', folder: 'content/posts', name: 'zero-downtime-postgres-migrations.md', status: 'idea' },
    { kind: 'talk', title: 'Tracing the untraceable', folder: 'talks', name: `${date}-tracing-the-untraceable.md`, status: 'idea' },
    { kind: 'oss', title: 'Fix the flaky retry test', folder: 'oss', name: `${date}-fix-the-flaky-retry-test.md`, status: 'todo' },
    { kind: 'workshop', title: 'Hands-on OpenTelemetry', folder: 'workshops', name: `${date}-hands-on-opentelemetry.md`, status: 'idea' },
    { kind: 'trip-report', title: 'GopherCon EU 2026', folder: 'trip-reports', name: `${date}-gophercon-eu-2026.md`, status: 'drafting' },
    { kind: 'hackathon', title: 'Hack the Collector', folder: 'hackathons', name: `${date}-hack-the-collector.md`, status: 'idea' },
  ];

  for (const expected of expectations) {
    it(`creates a ${expected.kind} where the Hugo profile puts it, asking nothing`, async () => {
      const uri = await newDraft('devrel.newDraft', { kind: expected.kind, title: expected.title, open: false });
      assert.equal(relative(uri), `${expected.folder}/${expected.name}`);
      const fields = frontMatter(await readWorkspaceFile(relative(uri)));
      assert.equal(fields.get('kind'), expected.kind);
      assert.equal(fields.get('title'), expected.title);
      assert.equal(fields.get('status'), expected.status, 'the first status of the workflow');
      if (expected.kind === 'blog') {
        assert.equal(fields.get('draft'), 'true', 'a new Hugo post stays out of the build');
      } else {
        assert.equal(fields.has('draft'), false);
      }
      const draft = await waitForDraft(uri);
      assert.equal(draft.kind, expected.kind);
      assert.equal(draft.status, expected.status);
      assert.equal(draft.title, expected.title);
    });
  }

  it('applies fields, and the talk outline adds up to the duration given', async () => {
    const uri = await newDraft('devrel.newDraft', {
      kind: 'talk',
      title: 'Deadlines all the way down',
      fields: { event: 'KubeCon EU 2027', cfp_deadline: '2026-11-20', duration: 25, level: 'advanced', tags: ['grpc', 'go'] },
      open: false,
    });
    const text = await readWorkspaceFile(relative(uri));
    const fields = frontMatter(text);
    assert.equal(fields.get('event'), 'KubeCon EU 2027');
    assert.equal(fields.get('cfp_deadline'), '2026-11-20');
    assert.equal(fields.get('duration'), '25');
    assert.equal(fields.get('level'), 'advanced');
    assert.match(fields.get('tags') ?? '', /grpc.*go/);
    const draft = await waitForDraft(uri, (d) => d.talkMinutes !== undefined);
    assert.deepEqual(draft.talkMinutes, { planned: 25, duration: 25 });
    assert.ok(
      draft.dates.some((d) => d.field === 'cfp_deadline' && d.date === '2026-11-20'),
      JSON.stringify(draft.dates),
    );
  });

  it('never overwrites: the same title twice gets -2, and an existing file is untouched', async () => {
    const existing = `talks/${date}-clashing-titles.md`;
    const original = '---\nkind: talk\ntitle: Clashing titles\nstatus: accepted\n---\n\nMy own notes, not to be replaced.\n';
    created.push(await writeWorkspaceFile(existing, original));
    const second = await newDraft('devrel.newDraft', { kind: 'talk', title: 'Clashing titles', open: false });
    const third = await newDraft('devrel.newTalk', { title: 'Clashing titles', open: false });
    assert.equal(relative(second), `talks/${date}-clashing-titles-2.md`);
    assert.equal(relative(third), `talks/${date}-clashing-titles-3.md`);
    assert.equal(await readWorkspaceFile(existing), original);
  });

  it('takes the folder as a workspace-relative path, a Uri or an absolute path, and creates it', async () => {
    const byPath = await newDraft('devrel.newDraft', { kind: 'oss', title: 'Docs for span links', folder: 'notes/oss-ideas/', open: false });
    assert.equal(relative(byPath), `notes/oss-ideas/${date}-docs-for-span-links.md`);
    createdFolders.push(workspaceUri('notes/oss-ideas'));

    const byUri = await newDraft('devrel.newDraft', { kind: 'workshop', title: 'Rust for Gophers', folder: workspaceUri('notes'), open: false });
    assert.equal(relative(byUri), `notes/${date}-rust-for-gophers.md`);

    if (workspaceRoot().scheme === 'file') {
      const byAbsolute = await newDraft('devrel.newDraft', { kind: 'blog', title: 'Absolute paths', folder: workspaceUri('notes').fsPath, open: false });
      assert.equal(relative(byAbsolute), 'notes/absolute-paths.md');
    }
    assert.equal(frontMatter(await readWorkspaceFile(relative(byUri))).get('kind'), 'workshop');
  });

  it('opens the new file with the cursor on the first placeholder, saved', async () => {
    const uri = await newDraft('devrel.newBlogPost', { title: 'Placeholders that work' });
    const editor = await activeEditorOn(uri);
    assert.equal(editor.document.isDirty, false, 'the editor is left saved');
    assert.equal(editor.document.getText(), await readWorkspaceFile(relative(uri)));
    assert.equal(editor.document.getText(editor.selection), 'One sentence for search results and social cards, under 160 characters');
    assert.equal(editor.selection.start.line, frontMatterLine(editor.document.getText(), 'description'));

    // Tab moves on to the next placeholder: the snippet session is live.
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor.document.getText(editor.selection), 'The one thing readers should remember, in two sentences.');
  });

  it('leaves the editor alone with open: false', async () => {
    await closeAllEditors();
    const uri = await newDraft('devrel.newWorkshop', { title: 'No editor please', open: false });
    assert.equal(isOpenInEditor(uri), false);
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('refuses bad arguments, returns undefined and creates nothing', async () => {
    const folders = ['content/posts', 'talks', 'oss', 'workshops', 'trip-reports', 'drafts'];
    const before = await Promise.all(folders.map(listFolder));
    const bad: unknown[][] = [
      ['devrel.newDraft', { kind: 'podcast', title: 'Episode 1' }],
      ['devrel.newDraft', { kind: 'talk', title: '   ' }],
      ['devrel.newDraft', { kind: 'talk', title: 'Typo', titel: 'x' }],
      ['devrel.newDraft', { kind: 'talk', title: 'Outside', folder: '../outside' }],
      ['devrel.newDraft', { kind: 'talk', title: 'Bad fields', fields: 'event' }],
      ['devrel.newBlogPost', { kind: 'talk', title: 'Wrong command' }],
      ['devrel.newTalk', 'just a string'],
    ];
    for (const [command, arg] of bad) {
      assert.equal(await executeCommand(command as string, arg), undefined, `${String(command)} ${JSON.stringify(arg)}`);
    }
    assert.deepEqual(await Promise.all(folders.map(listFolder)), before);
    assert.equal(await exists(vscode.Uri.joinPath(workspaceRoot(), '..', 'outside')), false);
  });

  it('runs every per-kind command with an argument object', async () => {
    const cases: [string, string, string][] = [
      ['devrel.newBlogPost', 'blog', 'content/posts/'],
      ['devrel.newTalk', 'talk', 'talks/'],
      ['devrel.newOssChecklist', 'oss', 'oss/'],
      ['devrel.newWorkshop', 'workshop', 'workshops/'],
      ['devrel.newTripReport', 'trip-report', 'trip-reports/'],
      ['devrel.newHackathon', 'hackathon', 'hackathons/'],
    ];
    for (const [command, kind, folder] of cases) {
      const uri = await newDraft(command, { title: `Per-kind ${kind}`, fields: { extra: command }, open: false });
      assert.ok(relative(uri).startsWith(folder), `${command} wrote ${relative(uri)}`);
      const fields = frontMatter(await readWorkspaceFile(relative(uri)));
      assert.equal(fields.get('kind'), kind);
      assert.equal(fields.get('extra'), command);
    }
  });

  it('creates a draft in a right-clicked folder without asking when given a kind and title', async () => {
    const uri = await newDraft('devrel.newDraftHere', workspaceUri('talks'), { kind: 'trip-report', title: 'Right-clicked', open: false });
    assert.equal(relative(uri), `talks/${date}-right-clicked.md`);
    assert.equal(frontMatter(await readWorkspaceFile(relative(uri))).get('kind'), 'trip-report');
    // A file stands for the folder it is in.
    const beside = await newDraft('devrel.newDraftHere', workspaceUri('notes/README.md'), { kind: 'oss', title: 'Beside the readme', open: false });
    assert.equal(relative(beside), `notes/${date}-beside-the-readme.md`);
  });

  it('refuses a folder that is really a file, and leaves nothing behind', async () => {
    const before = await readWorkspaceFile('notes/README.md');
    const listed = await listFolder('notes');
    for (const folder of ['notes/README.md', 'notes/README.md/deeper']) {
      const result = await executeCommand('devrel.newDraft', { kind: 'talk', title: 'Into a file', folder, open: false });
      assert.equal(result, undefined, folder);
    }
    assert.equal(await readWorkspaceFile('notes/README.md'), before);
    assert.deepEqual(await listFolder('notes'), listed);
  });

  it('reports a read-only folder clearly and leaves nothing behind', async function () {
    if (workspaceRoot().scheme !== 'file' || process.platform === 'win32' || process.getuid?.() === 0) {
      this.skip(); // root ignores permissions, and Windows has no chmod
    }
    const locked = workspaceUri('notes/locked');
    createdFolders.push(locked);
    fs.mkdirSync(locked.fsPath, { recursive: true });
    fs.chmodSync(locked.fsPath, 0o555);
    try {
      const result = await executeCommand('devrel.newDraft', { kind: 'talk', title: 'Cannot write', folder: 'notes/locked/deeper', open: false });
      assert.equal(result, undefined);
      assert.deepEqual(fs.readdirSync(locked.fsPath), []);
    } finally {
      fs.chmodSync(locked.fsPath, 0o755);
    }
  });

  describe('templates', () => {
    const templatesDir = (): vscode.Uri => workspaceUri('.devrel');

    after(async () => {
      await vscode.workspace.fs.delete(templatesDir(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    it('copies the built-in templates with Customize Templates, and never overwrites an edited one', async () => {
      const first = await executeCommand<{ written: vscode.Uri[]; skipped: vscode.Uri[] }>('devrel.customizeTemplates');
      assert.ok(first, 'Customize Templates returned nothing');
      const names = ['blog.md', 'hackathon.md', 'oss.md', 'talk.md', 'trip-report.md', 'workshop.md'];
      assert.deepEqual(await listFolder('.devrel/templates'), names);
      assert.deepEqual(first.written.map((u) => u.path.split('/').pop()).sort(), names);
      assert.deepEqual(first.skipped, []);
      const talk = await readWorkspaceFile('.devrel/templates/talk.md');
      assert.match(talk, /^template:$/m, 'the copy has a template: block to edit');
      assert.match(talk, /\{\{tab:1:/);

      const edited = talk.replace('## CFP abstract', '## CFP abstract (our own checklist)');
      await writeWorkspaceFile('.devrel/templates/talk.md', edited);
      const second = await executeCommand<{ written: vscode.Uri[]; skipped: vscode.Uri[] }>('devrel.customizeTemplates', workspaceRoot());
      assert.ok(second);
      assert.deepEqual(second.written, []);
      assert.equal(second.skipped.length, 6);
      assert.equal(await readWorkspaceFile('.devrel/templates/talk.md'), edited);

      const uri = await newDraft('devrel.newDraft', { kind: 'talk', title: 'From the edited template', open: false });
      assert.match(await readWorkspaceFile(relative(uri)), /## CFP abstract \(our own checklist\)/);
    });

    it('uses a workspace template that overrides the built-in blog template, and keeps unknown variables visible', async () => {
      await writeWorkspaceFile(
        '.devrel/templates/blog.md',
        [
          '---',
          'kind: blog',
          "title: '{{title}}'",
          'status: drafting',
          'draft: false',
          "series: '{{tab:1:Series name}}'",
          'template:',
          '  name: Our blog post',
          "  filename: '{year}-{slug}.md'",
          '---',
          '',
          '# {{title}}',
          '',
          'Written from our own template. Sponsor: {{sponsor}}.',
          '',
        ].join('\n'),
      );
      const uri = await newDraft('devrel.newDraft', { kind: 'blog', title: 'Custom template post' });
      assert.equal(relative(uri), `content/posts/${date.slice(0, 4)}-custom-template-post.md`);
      const text = await readWorkspaceFile(relative(uri));
      assert.match(text, /^# Custom template post$/m);
      assert.match(text, /Sponsor: \{\{sponsor\}\}\./, 'an unknown variable stays as written');
      assert.doesNotMatch(text, /^template:/m, 'the template: block is not copied');
      const fields = frontMatter(text);
      assert.equal(fields.get('status'), 'idea', 'the workflow’s first status, whatever the template says');
      assert.equal(fields.get('draft'), 'true', 'still kept out of the Hugo build');
      assert.equal(fields.get('series'), 'Series name');
      const editor = await activeEditorOn(uri);
      assert.equal(editor.document.getText(editor.selection), 'Series name');
    });

    it('adds a kind from a workspace template', async () => {
      await writeWorkspaceFile(
        '.devrel/templates/newsletter.md',
        [
          '---',
          'kind: newsletter',
          "title: '{{title}}'",
          "due: '{{due}}'",
          'template:',
          '  label: Newsletter',
          '  statuses: [outline, writing, sent]',
          '---',
          '',
          'Hello readers,',
          '',
        ].join('\n'),
      );
      const uri = await newDraft('devrel.newDraft', { kind: 'newsletter', title: 'March issue', open: false });
      assert.equal(relative(uri), `drafts/${date}-march-issue.md`);
      createdFolders.push(workspaceUri('drafts'));
      const fields = frontMatter(await readWorkspaceFile(relative(uri)));
      assert.equal(fields.get('kind'), 'newsletter');
      assert.equal(fields.get('status'), 'outline');
    });

    it('turns the current file into a template with Create Template from Current File', async () => {
      const source = 'talks/fosdem-2027-wasm-plugins.md';
      const first = await executeCommand<vscode.Uri>('devrel.createTemplateFromFile', workspaceUri(source), 'FOSDEM lightning talk');
      assert.ok(first instanceof vscode.Uri, 'the command returned the template’s Uri');
      assert.equal(relative(first), '.devrel/templates/fosdem-lightning-talk.md');
      const text = await readWorkspaceFile(relative(first));
      assert.match(text, /^template:\n {2}kind: talk\n {2}name: FOSDEM lightning talk$/m);
      assert.match(text, /^title: '\{\{title\}\}'$/m);
      assert.match(text, /^status: idea$/m);
      await activeEditorOn(first);

      // The open editor is the current file; the same name again gets -2.
      await vscode.window.showTextDocument(workspaceUri(source));
      const second = await executeCommand<vscode.Uri>('devrel.createTemplateFromFile', undefined, 'FOSDEM lightning talk');
      assert.ok(second instanceof vscode.Uri);
      assert.equal(relative(second), '.devrel/templates/fosdem-lightning-talk-2.md');
      assert.equal(await readWorkspaceFile(relative(first)), text, 'the first template is untouched');
    });
  });

  it('expands a DevRel snippet in a Markdown editor', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'TL;DR' });
    await waitFor(() => document.getText().length > 0, 5_000, 'the snippet to be inserted');
    assert.equal(document.getText(), '> **TL;DR:** The one thing readers should remember, in two sentences.\n\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('inserts only the snippets that fit the draft in the editor', async () => {
    const path = 'talks/snippet-check.md';
    await writeWorkspaceFile(path, '---\nkind: talk\ntitle: Snippet check\nstatus: idea\n---\n\n');
    try {
      await waitFor(async () => (await (await getApi()).listDrafts()).some((d) => d.title === 'Snippet check'), 10_000, 'the talk indexed');
      const editor = await vscode.window.showTextDocument(workspaceUri(path));
      editor.selection = new vscode.Selection(editor.document.lineCount - 1, 0, editor.document.lineCount - 1, 0);
      assert.equal(await executeCommand('devrel.insertSnippet', 'devrel-talk-section'), true);
      await waitFor(() => /^## Section \(5 min\)$/m.test(editor.document.getText()), 5_000, 'the talk section inserted');
      const before = editor.document.getText();
      assert.equal(await executeCommand('devrel.insertSnippet', 'devrel-oss-item'), undefined, 'an OSS checklist item is not offered in a talk');
      await waitFor(() => readEditorLogs().some((e) => e.text.includes('Insert Snippet: devrel-oss-item is not a DevRel snippet for this draft')), 10_000, 'the refusal logged');
      assert.equal(editor.document.getText(), before, 'nothing inserted');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await deleteWorkspaceFile(path).catch(() => undefined);
    }
  });
});

function frontMatterLine(text: string, field: string): number {
  return text.split('\n').findIndex((line) => line.startsWith(`${field}:`));
}
