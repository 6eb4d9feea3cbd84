import * as assert from 'node:assert/strict';
import { expandFileNamePattern, resolveNewFilePath, type FileNameVariables } from '../../src/core/fileName';

const vars: FileNameVariables = {
  date: '2026-03-07',
  slug: 'my-first-talk',
  year: '2026',
  month: '03',
  kind: 'talk',
  title: 'My First Talk',
};

function nameOf(pattern: string, overrides: Partial<FileNameVariables> = {}): string {
  const result = expandFileNamePattern(pattern, { ...vars, ...overrides });
  assert.ok(result.ok, `${pattern}: ${JSON.stringify(result)}`);
  return result.fileName;
}

function problemOf(pattern: string, overrides: Partial<FileNameVariables> = {}): string {
  const result = expandFileNamePattern(pattern, { ...vars, ...overrides });
  assert.equal(result.ok, false, `${pattern} should be refused`);
  return result.ok ? '' : result.message;
}

describe('expandFileNamePattern', () => {
  it('fills in every placeholder', () => {
    assert.equal(nameOf('{date}-{slug}.md'), '2026-03-07-my-first-talk.md');
    assert.equal(nameOf('{year}-{month}-{day}-{kind}-{slug}.md'), '2026-03-07-talk-my-first-talk.md');
    assert.equal(nameOf('{title}.md'), 'My First Talk.md');
    assert.equal(nameOf('{{date}}-{{ slug }}.md'), '2026-03-07-my-first-talk.md');
  });

  it('adds .md unless the pattern names a Markdown extension', () => {
    assert.equal(nameOf('{slug}'), 'my-first-talk.md');
    assert.equal(nameOf('{slug}.mdx'), 'my-first-talk.mdx');
    assert.equal(nameOf('{slug}.markdown'), 'my-first-talk.markdown');
    assert.equal(nameOf('{slug}.MD'), 'my-first-talk.MD');
    assert.equal(nameOf('{slug}.txt'), 'my-first-talk.txt.md');
    assert.equal(nameOf('{slug}.'), 'my-first-talk.md');
  });

  it('refuses patterns that name folders or climb out', () => {
    assert.match(problemOf('posts/{slug}.md'), /may not contain/);
    assert.match(problemOf('..\\{slug}.md'), /may not contain/);
    assert.match(problemOf('../{slug}'), /may not contain/);
    assert.match(problemOf('{slug}..md'), /may not contain/);
  });

  it('refuses unknown placeholders and empty results', () => {
    assert.match(problemOf('{date}-{author}.md'), /Unknown placeholder \{author\}/);
    assert.match(problemOf(''), /empty/);
    assert.match(problemOf('{slug}.md', { slug: '' }), /empty name/);
  });

  it('keeps titles from reaching into paths or forbidden characters', () => {
    assert.equal(nameOf('{title}', { title: 'CI/CD: why? <now> | "here"' }), 'CI CD why now here.md');
    assert.equal(nameOf('{title}', { title: '../../etc/passwd' }), 'etc passwd.md');
    assert.equal(nameOf('{title}', { title: '.env tricks' }), 'env tricks.md');
    assert.equal(nameOf('{title}', { title: 'Ends with dots...' }), 'Ends with dots.md');
    assert.ok(nameOf('{title}', { title: 'x'.repeat(400) }).length <= 104);
  });

  it('refuses names Windows cannot create', () => {
    assert.match(problemOf('{kind}.md', { kind: 'con' }), /reserved name on Windows/);
    assert.match(problemOf('{title}', { title: 'NUL' }), /reserved name on Windows/);
  });

  it('refuses hidden files', () => {
    assert.match(problemOf('.{slug}'), /hidden/);
  });
});

describe('resolveNewFilePath', () => {
  it('uses the plain name when it is free', async () => {
    const result = await resolveNewFilePath('content/posts', 'hello.md', () => false);
    assert.deepEqual(result, { ok: true, path: 'content/posts/hello.md' });
  });

  it('adds -2, -3… before the extension on a clash', async () => {
    const taken = new Set(['talks/2026-03-07-x.md', 'talks/2026-03-07-x-2.md']);
    const result = await resolveNewFilePath('talks', '2026-03-07-x.md', (p) => taken.has(p));
    assert.deepEqual(result, { ok: true, path: 'talks/2026-03-07-x-3.md' });

    const dotted = await resolveNewFilePath('talks', 'notes.draft.md', (p) => p === 'talks/notes.draft.md');
    assert.deepEqual(dotted, { ok: true, path: 'talks/notes.draft-2.md' });

    const bare = await resolveNewFilePath('talks', 'README', (p) => p === 'talks/README');
    assert.deepEqual(bare, { ok: true, path: 'talks/README-2' });
  });

  it('waits for an asynchronous exists check', async () => {
    const asked: string[] = [];
    const result = await resolveNewFilePath('/home/me/site/posts', 'a.md', async (p) => {
      asked.push(p);
      return asked.length < 2;
    });
    assert.deepEqual(result, { ok: true, path: '/home/me/site/posts/a-2.md' });
    assert.deepEqual(asked, ['/home/me/site/posts/a.md', '/home/me/site/posts/a-2.md']);
  });

  it('normalises the folder and keeps the result inside it', async () => {
    assert.deepEqual(await resolveNewFilePath('content//posts/./', 'a.md', () => false), { ok: true, path: 'content/posts/a.md' });
    assert.deepEqual(await resolveNewFilePath('content\\posts', 'a.md', () => false), { ok: true, path: 'content/posts/a.md' });
    assert.deepEqual(await resolveNewFilePath('', 'a.md', () => false), { ok: true, path: 'a.md' });
    assert.deepEqual(await resolveNewFilePath('.', 'a.md', () => false), { ok: true, path: 'a.md' });
    assert.deepEqual(await resolveNewFilePath('a/b/../c', 'x.md', () => false), { ok: true, path: 'a/c/x.md' });
  });

  it('refuses folders that climb out of the workspace', async () => {
    const result = await resolveNewFilePath('content/../../outside', 'a.md', () => false);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /climbs out/);
  });

  it('refuses file names that are paths', async () => {
    for (const name of ['../a.md', 'sub/a.md', '..', '.', '', 'a\\b.md']) {
      const result = await resolveNewFilePath('posts', name, () => false);
      assert.equal(result.ok, false, name);
    }
  });

  it('reports a failing exists check instead of throwing', async () => {
    const result = await resolveNewFilePath('posts', 'a.md', () => {
      throw new Error('permission denied');
    });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /permission denied/);
  });

  it('gives up after many clashes', async () => {
    const result = await resolveNewFilePath('posts', 'a.md', () => true);
    assert.equal(result.ok, false);
  });
});
