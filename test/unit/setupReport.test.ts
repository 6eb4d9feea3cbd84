import assert from 'node:assert/strict';
import type { DetectedSite } from '../../src/core/sites/detect';
import { buildSetupReport, folderKindsToWrite, setupReportMarkdown, type SetupInput } from '../../src/core/sites/setupReport';

const KINDS = { blog: 'Blog post', talk: 'Talk', oss: 'OSS contribution', workshop: 'Workshop', 'trip-report': 'Trip report' };

function site(partial: Partial<DetectedSite> & Pick<DetectedSite, 'root' | 'generator'>): DetectedSite {
  return { configFile: '', postFolders: [], draftsFolders: [], alsoMatched: [], ...partial };
}

function input(partial: Partial<SetupInput>): SetupInput {
  return { detection: { sites: [], foldersListed: 1, truncated: false }, folderKinds: {}, folders: {}, kinds: KINDS, files: [], drafts: [], missingFolders: new Set(), ...partial };
}

describe('buildSetupReport', () => {
  const jekyll = site({
    root: 'docs',
    generator: 'jekyll',
    configFile: 'docs/_config.yml',
    postFolders: ['docs/_posts'],
    draftsFolders: ['docs/_drafts'],
    newPostFolder: 'docs/_posts',
  });

  it('lists sites and the folders they map, with counts of files and drafts', () => {
    const report = buildSetupReport(
      input({
        detection: { sites: [jekyll], foldersListed: 5, truncated: false },
        files: ['docs/_posts/2020-01-01-a.md', 'docs/_posts/2020-01-02-b.md', 'docs/_posts/README.md', 'docs/_drafts/c.md', 'README.md'],
        drafts: [
          { relativePath: 'docs/_posts/2020-01-01-a.md', kind: 'blog' },
          { relativePath: 'docs/_posts/2020-01-02-b.md', kind: 'blog' },
          { relativePath: 'docs/_drafts/c.md', kind: 'blog' },
        ],
      }),
    );
    assert.deepEqual(
      report.sites.map((s) => [s.label, s.configFile]),
      [['Jekyll site in docs/', 'docs/_config.yml']],
    );
    assert.deepEqual(
      report.mappings.map((m) => [m.folder, m.kind, m.source, m.files, m.drafts]),
      [
        ['docs/_drafts', 'blog', 'site', 1, 1],
        ['docs/_posts', 'blog', 'site', 3, 2],
      ],
    );
    assert.deepEqual(report.problems, []);
  });

  it('offers dated and kind-named folders nothing tracks, and not the tracked ones', () => {
    const report = buildSetupReport(
      input({
        detection: { sites: [jekyll], foldersListed: 5, truncated: false },
        folderKinds: { talks: 'talk' },
        files: [
          'notes/2023/2023-01-05-a.md',
          'notes/2023/2023-02-05-b.md',
          'notes/2023/todo.md',
          'speaking/kubecon.md',
          'talks/x.md',
          'docs/_posts/2020-01-01-a.md',
          'docs/_posts/2020-01-02-b.md',
          'misc/2020-01-01-only-one.md',
        ],
      }),
    );
    assert.deepEqual(
      report.candidates.map((c) => [c.folder, c.kind, c.reason, c.files]),
      [
        ['notes/2023', 'blog', '2 files named YYYY-MM-DD-…', 3],
        ['speaking', 'talk', 'named speaking', 1],
      ],
    );
    assert.deepEqual(
      report.mappings.map((m) => [m.folder, m.source]),
      [
        ['docs/_drafts', 'site'],
        ['docs/_posts', 'site'],
        ['talks', 'setting'],
      ],
    );
  });

  it('shows bad settings and conflicts with what to do', () => {
    const root = site({ root: '', generator: 'eleventy', configFile: 'eleventy.config.js', postFolders: ['blog'], newPostFolder: 'blog' });
    const nested = site({ root: 'blog', generator: 'hugo', configFile: 'blog/hugo.toml', postFolders: ['blog/content/posts'], newPostFolder: 'blog/content/posts' });
    const hexo = site({ root: 'old', generator: 'hexo', configFile: 'old/_config.yml', alsoMatched: ['jekyll'], postFolders: ['old/source/_posts'] });
    const both = site({ root: 'web', generator: 'next', configFile: 'web/next.config.js', alsoMatched: ['gatsby'], newPostFolder: 'web/content/blog' });
    const report = buildSetupReport(
      input({
        detection: { sites: [root, nested, hexo, both], foldersListed: 2000, truncated: true },
        folderKinds: { notes: 'podcast', gone: 'talk', 'blog/content/posts': 'none' },
        folders: { newsletter: 'letters' },
        missingFolders: new Set(['gone']),
      }),
    );
    const messages = report.problems.map((p) => p.message);
    assert.ok(
      messages.some((m) => /maps notes to "podcast", which is not a kind/.test(m)),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => /maps gone, which does not exist/.test(m)));
    assert.ok(messages.some((m) => /"newsletter" is not a kind/.test(m)));
    assert.ok(messages.some((m) => /^blog is claimed by the Eleventy site and by the Hugo site in blog\//.test(m)));
    assert.ok(messages.some((m) => /config files for Next\.js and Gatsby/.test(m)));
    assert.ok(!messages.some((m) => /Hexo and Jekyll/.test(m)), 'Hexo always has a Jekyll-like config');
    assert.ok(messages.some((m) => /Next\.js site in web\/ has no post folder yet/.test(m)));
    assert.ok(messages.some((m) => /stopped looking for sites after 2000 folders/.test(m)));
    assert.ok(report.problems.every((p) => p.fix.length > 0));
    assert.deepEqual(
      report.problems
        .filter((p) => p.removeFolderKind)
        .map((p) => p.removeFolderKind)
        .sort(),
      ['gone', 'notes'],
    );
    assert.equal(
      report.mappings.find((m) => m.folder === 'blog/content/posts'),
      undefined,
      'a folder mapped to none is not tracked',
    );
  });
});

describe('folderKindsToWrite', () => {
  it('writes what was kept checked, none for detected folders left out, and drops removed settings', () => {
    const report = buildSetupReport(
      input({
        detection: {
          sites: [site({ root: '', generator: 'hugo', postFolders: ['content/posts', 'content/blog'], newPostFolder: 'content/posts' })],
          foldersListed: 3,
          truncated: false,
        },
        folderKinds: { talks: 'talk', old: 'podcast', keep: 'oss' },
      }),
    );
    const written = folderKindsToWrite(
      report,
      { talks: 'talk', old: 'podcast', keep: 'oss' },
      [
        { folder: 'content/posts', kind: 'blog' },
        { folder: 'notes/2023', kind: 'blog' },
        { folder: 'keep', kind: 'workshop' },
      ],
      ['old'],
    );
    assert.deepEqual(written, { 'content/blog': 'none', 'content/posts': 'blog', keep: 'workshop', 'notes/2023': 'blog' });
  });
});

describe('setupReportMarkdown', () => {
  it('reads as a report', () => {
    const report = buildSetupReport(
      input({
        detection: {
          sites: [site({ root: 'docs', generator: 'jekyll', configFile: 'docs/_config.yml', postFolders: ['docs/_posts'], newPostFolder: 'docs/_posts' })],
          foldersListed: 2,
          truncated: false,
        },
      }),
    );
    const text = setupReportMarkdown('repo', report, KINDS);
    assert.match(text, /^# DevRel Desk in repo/);
    assert.match(text, /\| Jekyll site in docs\/ \| Jekyll \| `docs` \| `docs\/_config.yml` \| `docs\/_posts` \| `docs\/_posts` \|/);
    assert.match(text, /\| `docs\/_posts` \| Blog post \| detected \| 0 \| 0 \|/);
    assert.match(text, /## Needs attention\n\nNothing\./);
  });
});
