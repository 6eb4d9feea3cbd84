import * as assert from 'assert';
import * as vscode from 'vscode';
import { executeCommand, getApi, waitFor, workspaceRoot, workspaceUri } from './helpers';

interface SetupResult {
  folder: string;
  report: {
    sites: { root: string; generator: string; configFile: string; postFolders: string[] }[];
    mappings: { folder: string; kind: string; source: string; files: number; drafts: number }[];
    candidates: { folder: string; kind: string }[];
    problems: { message: string; fix: string }[];
  };
  written?: Record<string, string>;
}

describe('Set Up Workspace in the demo workspace', () => {
  it('reports the Hugo site, its posts with counts, and the folders of talks and others that only front matter tracks', async () => {
    await getApi();
    const result = await executeCommand<SetupResult>('devrel.setUpWorkspace', { apply: false });
    assert.ok(result, 'the command returns its report');
    assert.deepEqual(
      result.report.sites.map((s) => [s.generator, s.root, s.configFile, s.postFolders]),
      [['hugo', '', 'hugo.toml', ['content/posts']]],
    );
    assert.deepEqual(
      result.report.mappings.map((m) => `${m.folder}:${m.kind}:${m.source}:${m.files}:${m.drafts}`),
      ['content/posts:blog:site:9:9'],
    );
    assert.deepEqual(
      result.report.candidates.map((c) => `${c.folder}:${c.kind}`),
      ['hackathons:hackathon', 'oss:oss', 'talks:talk', 'trip-reports:trip-report', 'workshops:workshop'],
    );
    assert.deepEqual(result.report.problems, []);
  });

  it('shows a mapping to an unknown kind and to a missing folder with what to do, and removes them on request', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), '.vscode', 'settings.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{\n  "devrel.folderKinds": { "notes": "podcast", "gone": "talk" }\n}\n'));
    try {
      await waitFor(() => Object.keys(vscode.workspace.getConfiguration('devrel').get<Record<string, string>>('folderKinds') ?? {}).length === 2, 10_000, 'the settings to load');
      const result = await executeCommand<SetupResult>('devrel.setUpWorkspace', { apply: false });
      const messages = result?.report.problems.map((p) => `${p.message} ${p.fix}`) ?? [];
      assert.ok(
        messages.some((m) => /maps notes to "podcast", which is not a kind\. Use one of blog, talk/.test(m)),
        messages.join('\n'),
      );
      assert.ok(
        messages.some((m) => /maps gone, which does not exist\. Create the folder/.test(m)),
        messages.join('\n'),
      );
      const applied = await executeCommand<SetupResult>('devrel.setUpWorkspace', { apply: true, folderKinds: { 'content/posts': 'blog', talks: 'talk' } });
      assert.deepEqual(applied?.written, { 'content/posts': 'blog', talks: 'talk' });
      assert.deepEqual(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))), { 'devrel.folderKinds': { 'content/posts': 'blog', talks: 'talk' } });
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.vscode'), { recursive: true, useTrash: false });
      await waitFor(() => Object.keys(vscode.workspace.getConfiguration('devrel').get<Record<string, string>>('folderKinds') ?? {}).length === 0, 10_000, 'the settings to go');
    }
    // Mapping talks/ changes nothing visible there: its drafts said kind: talk already.
    const talks = (await (await getApi()).listDrafts()).filter((d) => String(d.uri).startsWith(workspaceUri('talks').toString()));
    assert.ok(talks.length >= 8);
  });
});
