import * as assert from 'assert';
import * as vscode from 'vscode';
import { executeCommand, getApi, waitFor } from './helpers';

/** Runs in the multi-root phase only, where the runner opens the demo workspace and a Jekyll site together. */
describe('Multi-root workspace', function () {
  before(function () {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) this.skip();
  });

  function jekyllPost(): vscode.Uri {
    const site = vscode.workspace.workspaceFolders!.find((f) => f.name === 'jekyll-site');
    assert.ok(site, 'the Jekyll root is open');
    return vscode.Uri.joinPath(site.uri, '_posts', '2026-11-02-devrel-metrics-that-matter.md');
  }

  it('lists drafts from both roots', async () => {
    const drafts = await (await getApi()).listDrafts();
    const roots = vscode.workspace.workspaceFolders!.map((f) => f.uri.toString() + '/');
    const perRoot = roots.map((root) => drafts.filter((d) => String(d.uri).startsWith(root)).length);
    assert.ok(perRoot[0] >= 23, `demo root: ${perRoot[0]}`);
    assert.equal(perRoot[1], 1, 'the Jekyll post, tracked through its _posts folder');
    const post = drafts.find((d) => String(d.uri) === jekyllPost().toString());
    assert.equal(post?.kind, 'blog');
    assert.equal(post?.status, 'drafting', 'published: false reads as drafting');
  });

  it('publishes with each root’s own site generator', async () => {
    await executeCommand('devrel.setStatus', jekyllPost(), 'published');
    const text = await waitFor(
      async () => {
        const t = new TextDecoder().decode(await vscode.workspace.fs.readFile(jekyllPost()));
        return /^published: true$/m.test(t) ? t : undefined;
      },
      10_000,
      'published: true in the Jekyll post',
    );
    assert.doesNotMatch(text, /^draft:/m, 'Jekyll posts get no Hugo draft field');
    // Jekyll dates the post by its file name; a date field would move it to another day.
    assert.doesNotMatch(text, /^date:/m, 'the file name already dates the post');
  });
});
