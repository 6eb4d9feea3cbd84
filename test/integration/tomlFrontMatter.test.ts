import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, deleteUri, deleteWorkspaceFile, executeCommand, getApi, readWorkspaceFile, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// CRLF throughout: the editor keeps a file's line break when it is consistent, so every byte
// of the result is DevRel Desk's doing.
const BEFORE = [
  '+++',
  '# Hugo reads this front matter',
  "title = 'Feature flags in TOML'",
  'date = 2026-11-20   # first draft',
  'draft = true',
  'status = "drafting"',
  'tags = ["flags", "toml"]',
  '',
  '[params]',
  'status = "not the draft\'s"',
  '+++',
  '',
  '# Feature flags in TOML',
  '',
  'A body with +++ and status = "x" in it.',
  '',
].join('\r\n');

describe('TOML front matter', function () {
  this.timeout(60_000);
  const path = 'content/posts/toml-feature-flags.md';

  before(async () => {
    // The first scan decides which folders hold blog posts.
    await (await getApi()).listDrafts();
  });

  after(async () => {
    await closeAllEditors();
    await deleteWorkspaceFile(path);
  });

  it('changes status and logs impact in a Hugo +++ draft, changing only those bytes', async () => {
    await writeWorkspaceFile(path, BEFORE);
    const uri = workspaceUri(path).toString();
    await waitFor(async () => (await (await getApi()).listDrafts()).find((d) => d.uri === uri && d.status === 'drafting'), 20_000, 'the TOML draft to be listed');

    assert.equal(await executeCommand('devrel.setStatus', workspaceUri(path), 'published'), true);
    const published = BEFORE.replace('draft = true', 'draft = false').replace('status = "drafting"', 'status = "published"');
    const afterStatus = await waitFor(
      async () => {
        const text = await readWorkspaceFile(path);
        return text.includes('status = "published"') ? text : undefined;
      },
      20_000,
      'the new status to be saved',
    );
    assert.equal(afterStatus, published, 'only the status and draft values changed');
    const listed = await waitFor(
      async () => (await (await getApi()).listDrafts()).find((d) => d.uri === uri && d.status === 'published'),
      20_000,
      'the index to see the new status',
    );
    assert.deepEqual(
      listed.dates.map((d) => [d.field, d.date]),
      [['date', '2026-11-20']],
      'the local date is kept',
    );

    assert.equal(await executeCommand('devrel.logImpact', workspaceUri(path), { metric: 'views', value: 1200 }), true);
    const entry = ['', '[[impact]]', `date = ${localToday()}`, 'metric = "views"', 'value = 1200', ''].join('\r\n');
    const logged = published.replace('status = "not the draft\'s"\r\n', `status = "not the draft's"\r\n${entry}`);
    const afterImpact = await waitFor(
      async () => {
        const text = await readWorkspaceFile(path);
        return text.includes('[[impact]]') ? text : undefined;
      },
      20_000,
      'the impact entry to be saved',
    );
    assert.equal(afterImpact, logged, 'a [[impact]] table at the end of the front matter, nothing else changed');
  });

  it('creates a draft from a workspace template with TOML front matter, and edits it', async () => {
    const template = '.devrel/templates/episode.md';
    const exists = (folder: string): Thenable<boolean> =>
      vscode.workspace.fs.stat(workspaceUri(folder)).then(
        () => true,
        () => false,
      );
    const hadDrafts = await exists('drafts');
    const hadTemplates = await exists('.devrel');
    let created: vscode.Uri | undefined;
    try {
      await writeWorkspaceFile(
        template,
        [
          '+++',
          'kind = "episode"',
          'title = "{{title}}"',
          'date = {{date}}',
          'guests = ["{{tab:1:Guest}}"]',
          '',
          '[template]',
          'label = "Podcast episode"',
          'statuses = ["planned", "recorded", "published"]',
          '+++',
          '',
          '# {{title}}',
          '',
        ].join('\n'),
      );
      created = await waitFor(
        async () => {
          const uri = await vscode.commands.executeCommand<unknown>('devrel.newDraft', { kind: 'episode', title: 'A "TOML" episode', open: false }).then(
            (result) => result,
            () => undefined,
          );
          return uri instanceof vscode.Uri ? uri : undefined;
        },
        20_000,
        'New Draft to know the kind from the TOML template',
      );
      const path = vscode.workspace.asRelativePath(created, false);
      const expected = [
        '+++',
        'kind = "episode"',
        'title = "A \\"TOML\\" episode"',
        `date = ${localToday()}`,
        'guests = ["Guest"]',
        'status = "planned"',
        '+++',
        '',
        '# A "TOML" episode',
        '',
      ].join('\n');
      assert.equal(await readWorkspaceFile(path), expected);

      const uri = created.toString();
      await waitFor(
        async () => (await (await getApi()).listDrafts()).find((d) => d.uri === uri && d.kind === 'episode' && d.status === 'planned'),
        20_000,
        'the episode to be listed',
      );
      assert.equal(await executeCommand('devrel.setStatus', created, 'recorded'), true);
      await waitFor(async () => (await readWorkspaceFile(path)) === expected.replace('"planned"', '"recorded"') || undefined, 20_000, 'status = "recorded", nothing else changed');
    } finally {
      if (created) await deleteUri(created).catch(() => undefined);
      if (!hadDrafts) await vscode.workspace.fs.delete(workspaceUri('drafts'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await deleteWorkspaceFile(template);
      if (!hadTemplates) await vscode.workspace.fs.delete(workspaceUri('.devrel'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });
});
