import * as assert from 'assert';
import { closeAllEditors, deleteWorkspaceFile, executeCommand, getApi, readWorkspaceFile, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

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

describe('TOML front matter', () => {
  const path = 'content/posts/toml-feature-flags.md';

  after(async () => {
    await closeAllEditors();
    await deleteWorkspaceFile(path);
  });

  it('changes status and logs impact in a Hugo +++ draft, changing only those bytes', async () => {
    await writeWorkspaceFile(path, BEFORE);
    const uri = workspaceUri(path).toString();
    await waitFor(async () => (await (await getApi()).listDrafts()).find((d) => d.uri === uri && d.status === 'drafting'), 10_000, 'the TOML draft to be listed');

    assert.equal(await executeCommand('devrel.setStatus', workspaceUri(path), 'published'), true);
    const published = BEFORE.replace('draft = true', 'draft = false').replace('status = "drafting"', 'status = "published"');
    const afterStatus = await waitFor(async () => {
      const text = await readWorkspaceFile(path);
      return text.includes('status = "published"') ? text : undefined;
    }, 10_000, 'the new status to be saved');
    assert.equal(afterStatus, published, 'only the status and draft values changed');
    const listed = await waitFor(async () => (await (await getApi()).listDrafts()).find((d) => d.uri === uri && d.status === 'published'), 10_000, 'the index to see the new status');
    assert.deepEqual(listed.dates.map((d) => [d.field, d.date]), [['date', '2026-11-20']], 'the local date is kept');

    assert.equal(await executeCommand('devrel.logImpact', workspaceUri(path), { metric: 'views', value: 1200 }), true);
    const entry = ['', '[[impact]]', `date = ${localToday()}`, 'metric = "views"', 'value = 1200', ''].join('\r\n');
    const logged = published.replace('status = "not the draft\'s"\r\n', `status = "not the draft's"\r\n${entry}`);
    const afterImpact = await waitFor(async () => {
      const text = await readWorkspaceFile(path);
      return text.includes('[[impact]]') ? text : undefined;
    }, 10_000, 'the impact entry to be saved');
    assert.equal(afterImpact, logged, 'a [[impact]] table at the end of the front matter, nothing else changed');
  });
});
