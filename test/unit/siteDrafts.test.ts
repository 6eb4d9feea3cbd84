import assert from 'node:assert/strict';
import { parseDraft } from '../../src/core/draft';
import { DraftStore } from '../../src/core/draftStore';
import { headVerdict, scanFiles, type FrontDecision, type FrontRead } from '../../src/core/scanner';
import { DEFAULT_CONFIG } from '../../src/core/kinds/resolve';
import { generatorRules, type GeneratorId } from '../../src/core/sites/generators';
import { bundleFolderUris, enclosingBundle, siteConfigOf } from '../../src/core/sites/postRules';
import {
  dominantExtension,
  dominantFrontMatterFormat,
  kindFolderCandidates,
  publishedFields,
  siteOfFolder,
  siteProfile,
  unpublishedField,
  withExtension,
} from '../../src/core/sites/profile';
import { planStatusChange } from '../../src/core/statusChange';
import { withTomlFrontMatter } from '../../src/core/templates/scaffold';
import type { CoreConfig, Draft } from '../../src/core/types';
import { expectDraft, expectSkipped, FakeHost, tomlDoc, utf8, yamlDoc } from './helpers';

/** The config a workspace folder with these sites gets, as the workspace index builds it. */
function configWith(...sites: { root?: string; generator: GeneratorId; postFolders: string[]; draftsFolders?: string[] }[]): CoreConfig {
  const { rules, folderKinds } = siteConfigOf(
    'file:///ws',
    sites.map((s) => ({ root: s.root ?? '', generator: s.generator, postFolders: s.postFolders, draftsFolders: s.draftsFolders ?? [] })),
  );
  return { ...DEFAULT_CONFIG, folderKinds, sites: rules };
}

function read(config: CoreConfig, path: string, text: string): ReturnType<typeof parseDraft> {
  return parseDraft({ uri: `file:///ws/${path}`, relativePath: path }, text, config, { analyze: false });
}

function draft(config: CoreConfig, path: string, text: string): Draft {
  return expectDraft(read(config, path, text));
}

const publishDate = (d: Draft): string | undefined => d.dates.find((x) => x.label === 'Publish')?.date;

describe('drafts in detected sites', () => {
  it('Jekyll in docs/: posts dated by file name, drafts unpublished, undated names skipped', () => {
    const config = configWith({ root: 'docs', generator: 'jekyll', postFolders: ['docs/_posts'], draftsFolders: ['docs/_drafts'] });
    const post = draft(config, 'docs/_posts/2016-03-10-release-notes.md', yamlDoc(['title: Release notes']));
    assert.equal(post.kind, 'blog');
    assert.equal(post.status, 'published');
    assert.equal(publishDate(post), '2016-03-10');
    assert.equal(post.dates[0]?.field, 'date', 'setting the date writes the field Jekyll reads first');
    const dated = draft(config, 'docs/_posts/2016-03-10-release-notes.md', yamlDoc(['title: x', 'date: 2016-04-01 10:00:00 +0100']));
    assert.equal(publishDate(dated), '2016-04-01', 'front matter beats the file name');
    const unpublished = draft(config, 'docs/_posts/2017-01-01-x.md', yamlDoc(['published: false']));
    assert.equal(unpublished.status, 'drafting');
    const inDrafts = draft(config, 'docs/_drafts/next-big-thing.md', yamlDoc(['title: Next']));
    assert.equal(inDrafts.status, 'drafting');
    assert.equal(inDrafts.statusSource, 'site-rule');
    assert.match(expectSkipped(read(config, 'docs/_posts/README.md', '# About these posts\n')).message, /YYYY-MM-DD/);
  });

  it('Hugo: _index.md is not a post, a page bundle is, titled by its folder', () => {
    const config = configWith({ generator: 'hugo', postFolders: ['content/posts'] });
    assert.match(expectSkipped(read(config, 'content/posts/_index.md', yamlDoc(['title: Posts']))).message, /section page/);
    const bundle = draft(config, 'content/posts/tracing-in-go/index.md', yamlDoc(['draft: true', 'date: 2026-01-02']));
    assert.equal(bundle.title, 'tracing-in-go');
    assert.equal(bundle.status, 'drafting');
    assert.equal(publishDate(bundle), '2026-01-02');
    const withKind = draft(config, 'content/posts/_index.md', yamlDoc(['kind: blog', 'title: Posts']));
    assert.equal(withKind.kind, 'blog', 'a kind in front matter is the person speaking: it is tracked');
  });

  it('Hugo: other Markdown in a leaf bundle is the page’s resource; beside _index.md it is a page', () => {
    const config = configWith({ generator: 'hugo', postFolders: ['content/posts'] });
    const inBundle = (path: string, bundleFolder: string | undefined): ReturnType<typeof parseDraft> =>
      parseDraft({ uri: `file:///ws/${path}`, relativePath: path, bundleFolder }, yamlDoc(['title: Notes']), config, { analyze: false });
    assert.match(expectSkipped(inBundle('content/posts/my-post/notes.md', 'content/posts/my-post')).message, /resource of the page bundle my-post\//);
    assert.match(
      expectSkipped(inBundle('content/posts/my-post/extra/more.md', 'content/posts/my-post')).message,
      /page bundle my-post\//,
      'everything below a leaf bundle belongs to it',
    );
    assert.equal(expectDraft(inBundle('content/posts/my-post/notes.md', undefined)).kind, 'blog', 'without an index.md beside it, a file is a post');
    assert.equal(expectDraft(inBundle('content/posts/my-post/index.md', undefined)).title, 'Notes', 'the bundle’s own page is the post');
    assert.equal(expectDraft(inBundle('content/posts/notes.md', 'content/posts')).kind, 'blog', 'an index.md at the section root does not make the section a bundle');
    assert.equal(expectDraft(inBundle('content/posts/notes.md', 'content')).kind, 'blog', 'a bundle above the post folder is not the post’s');
    const withKind = parseDraft(
      { uri: 'file:///ws/content/posts/my-post/talk.md', relativePath: 'content/posts/my-post/talk.md', bundleFolder: 'content/posts/my-post' },
      yamlDoc(['kind: talk', 'title: The talk']),
      config,
      { analyze: false },
    );
    assert.equal(expectDraft(withKind).kind, 'talk', 'a kind in front matter is the person speaking');
    const zola = configWith({ generator: 'zola', postFolders: ['content/blog'] });
    const zolaNotes = parseDraft(
      { uri: 'file:///ws/content/blog/launch/notes.md', relativePath: 'content/blog/launch/notes.md', bundleFolder: 'content/blog/launch' },
      tomlDoc(['title = "x"']),
      zola,
      {
        analyze: false,
      },
    );
    assert.equal(expectDraft(zolaNotes).kind, 'blog', 'the rule is Hugo’s');
  });

  it('finds the nearest index.md above a file from names alone', () => {
    const folders = bundleFolderUris([
      'file:///ws/c/p/a/index.md',
      'file:///ws/c/p/a/notes.md',
      'file:///ws/c/p/_index.md',
      'file:///ws/c/p/b%20c/index.MDX',
      'file:///ws/c/p/d/x.md',
    ]);
    assert.deepEqual([...folders].sort(), ['file:///ws/c/p/a', 'file:///ws/c/p/b%20c']);
    const has = (folder: string): boolean => folders.has(folder);
    assert.equal(enclosingBundle('file:///ws/c/p/a/notes.md', 'c/p/a/notes.md', has), 'c/p/a');
    assert.equal(enclosingBundle('file:///ws/c/p/a/img/n.md', 'c/p/a/img/n.md', has), 'c/p/a');
    assert.equal(enclosingBundle('file:///ws/c/p/a/index.md', 'c/p/a/index.md', has), undefined, 'a bundle’s index.md is not its own resource');
    assert.equal(enclosingBundle('file:///ws/c/p/a/sub/index.md', 'c/p/a/sub/index.md', has), 'c/p/a', 'an index.md inside a leaf bundle belongs to it');
    assert.equal(enclosingBundle('file:///ws/c/p/b%20c/n.md', 'c/p/b c/n.md', has), 'c/p/b c', 'walked on the URI, named by the path');
    assert.equal(enclosingBundle('file:///ws/c/p/d/x.md', 'c/p/d/x.md', has), undefined);
    assert.equal(enclosingBundle('file:///ws/top.md', 'top.md', has), undefined);
  });

  it('scans a Hugo leaf bundle without listing its resources, and follows an index.md that comes or goes', async () => {
    const config = configWith({ generator: 'hugo', postFolders: ['content/posts'] });
    const host = new FakeHost()
      .write('content/posts/_index.md', yamlDoc(['title: Posts']))
      .write('content/posts/section-page.md', yamlDoc(['title: Beside _index.md']))
      .write('content/posts/my-post/index.md', yamlDoc(['title: My post', 'draft: true']))
      .write('content/posts/my-post/notes.md', yamlDoc(['title: Notes']))
      .write('content/posts/my-post/data/table.md', '| a |\n')
      .write('content/posts/loose/notes.md', yamlDoc(['title: Loose notes']));
    const index = new DraftStore();
    const listed = (): string[] =>
      index
        .drafts()
        .map((d) => d.relativePath)
        .sort();
    await scanFiles(index, host.list(), host, { config, yieldBetweenBatches: false });
    assert.deepEqual(listed(), ['content/posts/loose/notes.md', 'content/posts/my-post/index.md', 'content/posts/section-page.md']);
    assert.match(index.skipped('file:///ws/content/posts/my-post/notes.md')?.message ?? '', /resource of the page bundle my-post\//);

    // An index.md added while nothing else changed: the unchanged notes.md is read again and is now a resource.
    host.write('content/posts/loose/index.md', yamlDoc(['title: Loose']));
    host.resetReads();
    await scanFiles(index, host.list(), host, { config, yieldBetweenBatches: false });
    assert.deepEqual(listed(), ['content/posts/loose/index.md', 'content/posts/my-post/index.md', 'content/posts/section-page.md']);
    assert.deepEqual(host.reads.map((u) => u.slice('file:///ws/'.length)).sort(), ['content/posts/loose/index.md', 'content/posts/loose/notes.md']);

    // And removed again: notes.md is a post once more.
    host.delete('content/posts/loose/index.md');
    host.resetReads();
    await scanFiles(index, host.list(), host, { config, yieldBetweenBatches: false });
    assert.deepEqual(listed(), ['content/posts/loose/notes.md', 'content/posts/my-post/index.md', 'content/posts/section-page.md']);
    assert.deepEqual(
      host.reads.map((u) => u.slice('file:///ws/'.length)),
      ['content/posts/loose/notes.md'],
    );
    host.write('content/posts/my-post/talk-notes.md', yamlDoc(['kind: talk', 'title: Talk notes']));
    host.write('content/posts/_index.md', yamlDoc(['kind: blog', 'title: Posts']));
    await scanFiles(index, host.list(), host, { config, yieldBetweenBatches: false });
    assert.equal(index.get('file:///ws/content/posts/my-post/talk-notes.md')?.kind, 'talk', 'a kind in front matter is tracked even inside a bundle');
    host.resetReads();
    await scanFiles(index, host.list(), host, { config, yieldBetweenBatches: false });
    assert.deepEqual(host.reads, [], 'a settled layout reads nothing again, drafts by front matter included');
  });

  it('Zola (TOML): _index.md skipped, draft = true, date from front matter or file name', () => {
    const config = configWith({ generator: 'zola', postFolders: ['content/blog'] });
    assert.equal('skipped' in read(config, 'content/blog/_index.md', tomlDoc(['title = "Blog"', 'sort_by = "date"'])), true);
    const fromName = draft(config, 'content/blog/2024-02-03-shipping.md', tomlDoc(['title = "Shipping"', 'draft = true']));
    assert.equal(fromName.status, 'drafting');
    assert.equal(publishDate(fromName), '2024-02-03');
    assert.equal(fromName.frontMatterFormat, 'toml');
    const fromFrontMatter = draft(config, 'content/blog/launch/index.md', tomlDoc(['title = "Launch"', 'date = 2024-05-06']));
    assert.equal(publishDate(fromFrontMatter), '2024-05-06');
    assert.equal(fromFrontMatter.status, 'published');
    const bundle = draft(config, 'content/blog/2023-09-09_notes/index.md', tomlDoc(['title = "Notes"']));
    assert.equal(publishDate(bundle), '2023-09-09', 'a bundle folder name dates its post');
  });

  it('Docusaurus: draft and unlisted are unpublished; dates from names or folders', () => {
    const config = configWith({ generator: 'docusaurus', postFolders: ['blog'] });
    assert.equal(draft(config, 'blog/2021-05-28-launch.md', yamlDoc(['title: Launch', 'unlisted: true'])).status, 'drafting');
    assert.equal(draft(config, 'blog/2021-05-28-launch.md', yamlDoc(['title: Launch', 'draft: true'])).status, 'drafting');
    const live = draft(config, 'blog/2021-05-28-launch/index.mdx', yamlDoc(['title: Launch']));
    assert.equal(live.status, 'published');
    assert.equal(publishDate(live), '2021-05-28');
    assert.equal(expectSkipped(read(config, 'blog/_shared.mdx', 'Shared text\n')).reason, 'not-a-draft');
  });

  it('Eleventy: permalink false and excluded from collections are unpublished', () => {
    const config = configWith({ generator: 'eleventy', postFolders: ['posts'] });
    assert.equal(draft(config, 'posts/a.md', yamlDoc(['permalink: false'])).status, 'drafting');
    assert.equal(draft(config, 'posts/a.md', yamlDoc(['eleventyExcludeFromCollections: true'])).status, 'drafting');
    assert.equal(draft(config, 'posts/a.md', yamlDoc(['draft: true'])).status, 'drafting');
    assert.equal(draft(config, 'posts/2020-02-02-a.md', yamlDoc(['title: A'])).status, 'published');
    assert.equal(publishDate(draft(config, 'posts/2020-02-02-a.md', yamlDoc(['title: A']))), '2020-02-02');
  });

  it('Hexo: source/_drafts is unpublished, published: false too', () => {
    const config = configWith({ generator: 'hexo', postFolders: ['source/_posts'], draftsFolders: ['source/_drafts'] });
    assert.equal(draft(config, 'source/_drafts/idea.md', yamlDoc(['title: Idea'])).status, 'drafting');
    assert.equal(draft(config, 'source/_posts/a.md', yamlDoc(['title: A', 'published: false'])).status, 'drafting');
    assert.equal(draft(config, 'source/_posts/a.md', yamlDoc(['title: A', 'date: 2020-01-01 10:00:00'])).status, 'published');
  });

  it('MkDocs Material: draft, and date: { created } read as the publish date', () => {
    const config = configWith({ generator: 'mkdocs', postFolders: ['docs/blog/posts'] });
    const post = draft(config, 'docs/blog/posts/hello.md', yamlDoc(['draft: true', 'date:', '  created: 2024-01-31', '  updated: 2024-02-02']));
    assert.equal(post.status, 'drafting');
    assert.equal(publishDate(post), '2024-01-31');
    assert.deepEqual(post.problems, []);
  });

  it('Astro and content frameworks: dates from pubDate and publishedAt', () => {
    const astro = configWith({ generator: 'astro', postFolders: ['src/content/blog'] });
    assert.equal(publishDate(draft(astro, 'src/content/blog/a.md', yamlDoc(['pubDate: 2024-03-04', 'draft: true']))), '2024-03-04');
    const remix = configWith({ root: 'services/site', generator: 'remix', postFolders: ['services/site/content/blog'] });
    const post = draft(remix, 'services/site/content/blog/a.mdx', yamlDoc(['title: A', 'publishedAt: "2024-06-07"']));
    assert.equal(post.status, 'published');
    assert.equal(publishDate(post), '2024-06-07');
  });

  it('applies a site only inside its own workspace folder', () => {
    const config = configWith({ generator: 'jekyll', postFolders: ['_posts'] });
    const other = parseDraft({ uri: 'file:///other/_posts/2020-01-01-a.md', relativePath: '_posts/2020-01-01-a.md' }, yamlDoc(['title: A']), config, { analyze: false });
    assert.equal(expectSkipped(other).reason, 'not-a-draft');
  });
});

describe('published fields per generator', () => {
  it('writes each generator’s own field', () => {
    const expectations: [GeneratorId, Record<string, boolean>][] = [
      ['hugo', { draft: false }],
      ['jekyll', { published: true }],
      ['hexo', { published: true }],
      ['zola', { draft: false }],
      ['docusaurus', { draft: false }],
      ['eleventy', { draft: false }],
      ['mkdocs', { draft: false }],
      ['remix', { draft: false }],
      ['devto', { published: true }],
    ];
    for (const [gen, set] of expectations) {
      assert.deepEqual(publishedFields(gen, 'published', '2026-03-01').set, set, gen);
      const unpublished = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, !v]));
      assert.deepEqual(publishedFields(gen, 'unpublished', '2026-03-01').set, unpublished, gen);
      assert.deepEqual(unpublishedField(gen), unpublished, gen);
    }
    assert.deepEqual(unpublishedField('none'), {});
  });

  it('clears what would still hide a post when publishing', () => {
    const docusaurus = publishedFields('docusaurus', 'published', '2026-03-01', { unlisted: true });
    assert.deepEqual(docusaurus.set, { draft: false, unlisted: false });
    assert.match(docusaurus.description, /unlisted: false/);
    const eleventy = publishedFields('eleventy', 'published', '2026-03-01', { permalink: false, eleventyExcludeFromCollections: true });
    assert.deepEqual(eleventy.set, { draft: false, eleventyExcludeFromCollections: false });
    assert.deepEqual(eleventy.remove, ['permalink']);
    assert.deepEqual(publishedFields('eleventy', 'unpublished', '2026-03-01', { permalink: false }).remove, []);
  });

  it('plans a status change that publishes on the post’s own site', () => {
    const config = configWith({ generator: 'eleventy', postFolders: ['posts'] });
    const post = draft(config, 'posts/a.md', yamlDoc(['title: A', 'permalink: false']));
    const plan = planStatusChange(post, config.kinds.blog, 'published', 'eleventy', '2026-03-01');
    assert.ok(plan.ok);
    assert.deepEqual(plan.fields, { status: 'published', draft: false, permalink: undefined, date: '2026-03-01' });
    const jekyll = configWith({ generator: 'jekyll', postFolders: ['_posts'] });
    const dated = draft(jekyll, '_posts/2020-01-01-a.md', yamlDoc(['title: A', 'published: false']));
    const jekyllPlan = planStatusChange(dated, jekyll.kinds.blog, 'published', 'jekyll', '2026-03-01');
    assert.ok(jekyllPlan.ok);
    assert.deepEqual(jekyllPlan.fields, { status: 'published', published: true }, 'the file name already dates it');
  });
});

describe('where new drafts go', () => {
  const jekyllDocs = { root: 'docs', generator: 'jekyll' as const, newPostFolder: 'docs/_posts', postFolders: ['docs/_posts'] };
  const docusaurus = { root: 'website', generator: 'docusaurus' as const, newPostFolder: 'website/blog', postFolders: ['website/blog'] };

  it('puts posts in the site’s post folder and private kinds outside what it renders', () => {
    const profile = siteProfile(jekyllDocs);
    assert.equal(profile.folders.blog, 'docs/_posts');
    assert.equal(profile.fileNamePatterns.blog, '{date}-{slug}.md');
    assert.equal(profile.folders.talk, 'talks', 'a Jekyll site in docs/ does not render the root');
    const atRoot = siteProfile({ ...jekyllDocs, root: '', newPostFolder: '_posts', postFolders: ['_posts'] });
    assert.deepEqual([atRoot.folders.talk, atRoot.folders.oss, atRoot.defaultFolder], ['_talks', '_oss', '_devrel']);
    assert.equal(siteProfile(undefined).folders.blog, 'posts');
    assert.equal(siteProfile({ root: '', generator: 'zola', newPostFolder: 'content/blog', postFolders: [] }).fileNamePatterns.blog, '{slug}.md');
  });

  it('offers every site’s post folder and every mapped folder, once each', () => {
    const candidates = kindFolderCandidates(
      'blog',
      [jekyllDocs, docusaurus],
      [
        { folder: 'docs/_posts', kind: 'blog' },
        { folder: 'notes/posts', kind: 'blog' },
        { folder: 'talks', kind: 'talk' },
      ],
    );
    assert.deepEqual(
      candidates.map((c) => [c.folder, c.source]),
      [
        ['docs/_posts', 'Jekyll site in docs/'],
        ['notes/posts', 'mapped in devrel.folderKinds'],
        ['website/blog', 'Docusaurus site in website/'],
      ],
    );
    assert.deepEqual(
      kindFolderCandidates('talk', [jekyllDocs], [{ folder: 'talks', kind: 'talk' }]).map((c) => c.folder),
      ['talks'],
    );
    assert.deepEqual(kindFolderCandidates('workshop', [jekyllDocs], []), []);
  });

  it('finds the site a folder belongs to', () => {
    assert.equal(siteOfFolder([jekyllDocs, docusaurus], 'website/blog')?.generator, 'docusaurus');
    assert.equal(siteOfFolder([jekyllDocs, docusaurus], 'docs/_posts/2024')?.generator, 'jekyll');
    assert.equal(siteOfFolder([jekyllDocs, docusaurus], 'talks'), undefined);
  });

  it('follows the extension the folder’s posts already use', () => {
    assert.equal(dominantExtension(['file:///a/x.mdx', 'file:///a/y.mdx', 'file:///a/z.md']), '.mdx');
    assert.equal(dominantExtension([]), undefined);
    assert.equal(withExtension('{slug}.md', '.mdx'), '{slug}.mdx');
    assert.equal(withExtension('{date}-{slug}', '.md'), '{date}-{slug}.md');
  });

  it('follows the front-matter format most of the folder’s posts use', () => {
    assert.equal(dominantFrontMatterFormat(['toml', 'toml', 'yaml']), 'toml');
    assert.equal(dominantFrontMatterFormat(['toml', 'yaml']), undefined, 'a tie keeps the generator’s own format');
    assert.equal(dominantFrontMatterFormat(['yaml', undefined, undefined, 'toml', 'toml']), 'toml', 'files without front matter do not count');
    assert.equal(dominantFrontMatterFormat([]), undefined);
    // What New Blog Post then writes in a Hugo folder of TOML posts: Hugo's own field, read back as a draft.
    const hugo = configWith({ generator: 'hugo', postFolders: ['content/posts'] });
    const text = yamlDoc(['title: Meteor shower log', 'status: idea', ...Object.entries(unpublishedField('hugo')).map(([k, v]) => `${k}: ${String(v)}`)], '\nBody\n');
    const converted = withTomlFrontMatter({ text, snippet: text });
    assert.ok(converted.ok);
    assert.match(converted.value.text, /^\+\+\+\ntitle = "Meteor shower log"\nstatus = "idea"\ndraft = true\n\+\+\+\n/);
    const reread = draft(hugo, 'content/posts/meteor-shower-log.md', converted.value.text);
    assert.equal(reread.status, 'idea');
    assert.equal(reread.frontMatterFormat, 'toml');
  });
});

describe('reading only the front matter of unmapped files', () => {
  it('judges a file by its start', () => {
    assert.equal(headVerdict(utf8('# Just a page\n'), true), 'not-a-draft');
    assert.equal(headVerdict(utf8(yamlDoc(['title: Install', 'sidebar_position: 2'], 'Body about kind words.\n')), false), 'not-a-draft');
    assert.equal(headVerdict(utf8(yamlDoc(['kind: talk'])), false), 'read-all');
    assert.equal(headVerdict(utf8(tomlDoc(['kind = "talk"'])), false), 'read-all');
    assert.equal(headVerdict(utf8('\ufeff' + yamlDoc(['kind: blog'])), false), 'read-all');
    assert.equal(headVerdict(utf8('---\ntitle: long\n'), false), 'read-more');
    assert.equal(headVerdict(utf8('---\ntitle: never closed\n'), true), 'not-a-draft');
    assert.equal(headVerdict(utf8('---\nkind: talk\n'), true), 'read-all');
    assert.equal(headVerdict(utf8('{kind: talk}\n'), true), 'not-a-draft', 'no fence, no front matter');
  });

  it('lists the same drafts as reading every file whole, reading far less', async () => {
    const host = new FakeHost();
    const heads: string[] = [];
    const withHead = Object.assign(Object.create(host) as FakeHost, {
      readFront(uri: string, firstBytes: number, decide: FrontDecision): FrontRead {
        heads.push(uri);
        const file = host.files.get(uri);
        if (!file) throw new Error(`ENOENT: ${uri}`);
        // Like the local host: grow by four, or read everything when asked.
        for (let size = firstBytes; ; size *= 4) {
          const bytes = file.bytes.subarray(0, size);
          const complete = bytes.byteLength === file.bytes.byteLength;
          const wanted = decide(bytes, complete);
          if (complete || wanted === 'stop') return { bytes, complete };
          if (wanted === 'all') return { bytes: file.bytes, complete: true };
        }
      },
    });
    const long = 'x'.repeat(6000);
    host
      .write('docs/install.md', yamlDoc(['title: Install', 'sidebar_position: 1'], `${long}\n`))
      .write('docs/plain.md', `# Plain\n${long}\n`)
      .write('docs/long-front-matter.md', yamlDoc([`description: ${long}`, 'kind: talk', 'status: drafting']))
      .write('docs/long-no-kind.md', yamlDoc([`description: ${long}`, 'title: Nothing to track']))
      .write('notes/talk.md', yamlDoc(['kind: talk', 'title: A talk'], 'Body\n'))
      .write('notes/unknown-kind.md', yamlDoc(['kind: podcast'], 'Body\n'))
      .write('content/posts/post.md', yamlDoc(['title: Mapped'], `${long}\n`));
    const config: CoreConfig = { ...DEFAULT_CONFIG, folderKinds: [{ folder: 'content/posts', kind: 'blog' }] };
    const whole = new DraftStore();
    await scanFiles(whole, host.list(), host, { config, yieldBetweenBatches: false });
    host.resetReads();
    const partial = new DraftStore();
    const report = await scanFiles(partial, host.list(), withHead, { config, yieldBetweenBatches: false });
    const summary = (index: DraftStore): string[] =>
      index
        .drafts()
        .map((d) => `${d.relativePath}:${d.kind}:${d.status}:${d.problems.length}`)
        .sort();
    assert.deepEqual(summary(partial), summary(whole));
    assert.equal(partial.uris().length, whole.uris().length, 'the files that are not drafts are remembered as such');
    assert.equal(report.frontMatterOnly, 3);
    // Files that name a kind were read whole through the same read; only the mapped one took readFile.
    assert.deepEqual(host.reads.map((u) => u.slice('file:///ws/'.length)).sort(), ['content/posts/post.md']);
    assert.ok(!heads.some((u) => u.endsWith('content/posts/post.md')), 'a mapped file is read whole at once');
  });
});

describe('new posts in TOML for Zola', () => {
  it('writes the front matter as TOML, keeping the body and its tab stops', () => {
    const text = [
      '---',
      'title: \'Shipping: "wasm"\'',
      'status: idea',
      'draft: true',
      'tags: []',
      "date: '2026-03-01'",
      "description: ''",
      '---',
      '',
      '# Shipping',
      '',
      'Body $5 here',
      '',
    ].join('\n');
    const snippet = text.replace(/^---[\s\S]*?\n---\n/, (fm) => fm.replace(/[\\$}]/g, '\\$&')).replace('Body $5 here', 'Body \\$5 ${1:here}');
    const converted = withTomlFrontMatter({ text, snippet });
    assert.ok(converted.ok);
    assert.equal(
      converted.value.text,
      ['+++', 'title = "Shipping: \\"wasm\\""', 'status = "idea"', 'draft = true', 'tags = []', 'date = 2026-03-01', '+++', '', '# Shipping', '', 'Body $5 here', ''].join('\n'),
    );
    assert.match(converted.value.snippet, /\$\{1:here\}/, 'the body keeps its tab stop');
    const reread = draft(configWith({ generator: 'zola', postFolders: ['content/blog'] }), 'content/blog/x.md', converted.value.text);
    assert.equal(reread.status, 'idea');
    assert.equal(reread.frontMatterFormat, 'toml');
  });

  it('leaves TOML and front-matter-less text alone, and refuses broken YAML', () => {
    const toml = tomlDoc(['title = "x"']);
    const same = withTomlFrontMatter({ text: toml, snippet: toml });
    assert.ok(same.ok);
    assert.equal(same.value.text, toml);
    assert.equal(withTomlFrontMatter({ text: '---\ntitle: [\n---\n', snippet: '' }).ok, false);
  });
});

describe('Zola’s [extra] table', () => {
  it('puts the fields Zola does not know under [extra] and tags under [taxonomies] in a new post', () => {
    const text = ['---', 'kind: blog', "title: 'Shipping'", "description: 'Short'", 'tags: [wasm]', 'status: idea', 'draft: true', '---', '', 'Body', ''].join('\n');
    const converted = withTomlFrontMatter({ text, snippet: text }, generatorRules('zola').strictFrontMatter);
    assert.ok(converted.ok);
    assert.equal(
      converted.value.text,
      [
        '+++',
        'title = "Shipping"',
        'description = "Short"',
        'draft = true',
        '',
        '[taxonomies]',
        'tags = [ "wasm" ]',
        '',
        '[extra]',
        'kind = "blog"',
        'status = "idea"',
        '+++',
        '',
        'Body',
        '',
      ].join('\n'),
    );
  });

  it('reads status, kind and tags from [extra] and [taxonomies]', () => {
    const config = configWith({ generator: 'zola', postFolders: ['content/blog'] });
    const post = draft(config, 'content/blog/a.md', tomlDoc(['title = "A"', 'draft = true', '', '[taxonomies]', 'tags = ["wasm"]', '', '[extra]', 'status = "review"']));
    assert.equal(post.status, 'review');
    assert.equal(post.statusSource, 'front-matter');
    assert.deepEqual(post.tags, ['wasm']);
    const talk = draft(config, 'content/talks/b.md', tomlDoc(['title = "B"', '', '[extra]', 'kind = "talk"', 'status = "submitted"']));
    assert.equal(talk.kind, 'talk');
    assert.equal(talk.status, 'submitted');
  });
});
