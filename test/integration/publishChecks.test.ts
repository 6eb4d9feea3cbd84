import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, deleteWorkspaceFile, getApi, openAndWaitForDiagnostics, readWorkspaceFile, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

const SOURCE = 'DevRel Desk cross-post';
const PATH = 'content/posts/checks-demo.md';
const BODY = '\nCaching monorepo builds is mostly about naming things.\n\n## Keys\n\nMore text.\n';
const DRAFT = `---\nkind: blog\ntitle: Monorepo caching, checked\nstatus: published\ntags: [ci, monorepo, caching, build-systems, bazel]\n---\n${BODY}`;

function bodyOf(text: string): string {
  return text.slice(text.indexOf('\n---\n') + 5);
}

describe('Cross-post checks', () => {
  before(async () => {
    await writeWorkspaceFile(PATH, DRAFT);
    const api = await getApi();
    await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'Monorepo caching, checked'), 10_000, 'the draft to be indexed');
  });

  after(async () => {
    await closeAllEditors();
    await deleteWorkspaceFile(PATH).catch(() => undefined);
  });

  it('flags tag rules, missing cover and description, and hints that a published post is not cross-posted', async () => {
    const diagnostics = await openAndWaitForDiagnostics(PATH, (d) => d.length >= 5, { source: SOURCE });
    const byCode = new Map(diagnostics.map((d) => [String(d.code), d]));
    assert.deepEqual([...byCode.keys()].sort(), ['invalid-tag', 'missing-cover', 'missing-description', 'not-cross-posted', 'too-many-tags']);
    assert.equal(byCode.get('not-cross-posted')?.severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(byCode.get('too-many-tags')?.range.start.line, 4, 'placed on the tags line');
  });

  it('fixes the tags and the description from quick fixes, leaving the body alone', async () => {
    const uri = workspaceUri(PATH);
    const document = await vscode.workspace.openTextDocument(uri);
    const tags = vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE && d.code === 'too-many-tags');
    assert.ok(tags);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, tags.range, vscode.CodeActionKind.QuickFix.value);
    const setTags = actions?.find((a) => a.title === 'Set devto_tags to ci, monorepo, caching, buildsystems');
    assert.ok(setTags?.edit, `actions: ${actions?.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(setTags.edit));

    const description = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE && d.code === 'missing-description'),
      5000,
      'the description diagnostic',
    );
    const more = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, description.range, vscode.CodeActionKind.QuickFix.value);
    const useParagraph = more?.find((a) => a.title === 'Use the first paragraph as the description');
    assert.ok(useParagraph?.edit);
    assert.ok(await vscode.workspace.applyEdit(useParagraph.edit));
    await document.save();

    const text = await readWorkspaceFile(PATH);
    assert.match(text, /^devto_tags:\n\s+- ci\n\s+- monorepo\n\s+- caching\n\s+- buildsystems$/m);
    assert.match(text, /^description: Caching monorepo builds is mostly about naming things\.$/m);
    assert.equal(bodyOf(text), BODY);
    await waitFor(
      () => {
        const codes = vscode.languages
          .getDiagnostics(uri)
          .filter((d) => d.source === SOURCE)
          .map((d) => String(d.code));
        return !codes.includes('too-many-tags') && !codes.includes('missing-description') && !codes.includes('invalid-tag');
      },
      10_000,
      'the fixed problems to go away',
    );

    const hint = vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE && d.code === 'not-cross-posted');
    assert.ok(hint);
    const offers = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, hint.range, vscode.CodeActionKind.QuickFix.value);
    const preview = offers?.find((a) => a.title === 'Preview publishing to dev.to');
    assert.deepEqual(preview?.command?.arguments?.[1], { platform: 'devto', dryRun: true });
  });

  it('makes a root-relative cover absolute with the site URL from the generator config, as publishing does', async () => {
    const path = 'content/posts/checks-cover.md';
    await writeWorkspaceFile(path, '---\nkind: blog\ntitle: Cover from the site\nstatus: published\ndescription: A cover under the site.\ncover_image: /img/x.png\n---\nText.\n');
    const config = await readWorkspaceFile('hugo.toml');
    try {
      const api = await getApi();
      await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'Cover from the site'), 10_000, 'the cover draft');
      assert.equal(vscode.workspace.getConfiguration('devrel.publish').get('siteUrl') || undefined, undefined, 'no siteUrl setting: the URL comes from hugo.toml');
      const diagnostics = await openAndWaitForDiagnostics(path, (d) => d.some((x) => x.code === 'relative-cover'), { source: SOURCE });
      const cover = diagnostics.find((d) => d.code === 'relative-cover');
      assert.equal(cover?.severity, vscode.DiagnosticSeverity.Information, cover?.message);
      assert.equal(cover?.message, 'The cover image /img/x.png is relative; https://blog.tracewell.dev/img/x.png is sent.');

      await writeWorkspaceFile('hugo.toml', config.replace('https://blog.tracewell.dev/', 'https://notes.tracewell.dev/'));
      await waitFor(
        () => vscode.languages.getDiagnostics(workspaceUri(path)).find((d) => d.code === 'relative-cover' && d.message.includes('https://notes.tracewell.dev/img/x.png')),
        10_000,
        'the check to follow the changed baseURL',
      );
    } finally {
      await writeWorkspaceFile('hugo.toml', config);
      await closeAllEditors();
      await deleteWorkspaceFile(path).catch(() => undefined);
    }
  });

  it('turns a body that starts with --- into one that starts with *** from a quick fix', async () => {
    const path = 'content/posts/checks-rule.md';
    const text =
      '---\nkind: blog\ntitle: Rule first\nstatus: published\ndescription: Starts with a rule.\ncover_image: https://example.com/c.png\n---\n---\nA line after the rule.\n';
    await writeWorkspaceFile(path, text);
    try {
      const api = await getApi();
      await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'Rule first'), 10_000, 'the draft with a rule');
      const diagnostics = await openAndWaitForDiagnostics(path, (d) => d.some((x) => x.code === 'body-front-matter'), { source: SOURCE });
      const problem = diagnostics.find((d) => d.code === 'body-front-matter');
      assert.ok(problem);
      const uri = workspaceUri(path);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions?.find((a) => a.title.startsWith('Write the leading --- as ***'));
      assert.ok(fix?.edit, `actions: ${actions?.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const document = await vscode.workspace.openTextDocument(uri);
      await document.save();
      assert.equal(await readWorkspaceFile(path), text.replace('---\n---\nA line', '---\n***\nA line'));
      await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.source === SOURCE && d.code === 'body-front-matter'), 10_000, 'the problem to go away');
    } finally {
      await closeAllEditors();
      await deleteWorkspaceFile(path).catch(() => undefined);
    }
  });
});
