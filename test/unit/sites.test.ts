import assert from 'node:assert/strict';
import { gitignoreMatcher } from '../../src/core/gitignore';
import { readManifest } from './manifest';
import { detectSites, siteContaining, type DetectionHost } from '../../src/core/sites/detect';
import { GENERATORS, generatorRules, SITE_GENERATORS } from '../../src/core/sites/generators';
import { dateFromPath, datePrefix, notAPostReason, postPlaceOf, siteConfigOf, siteStatus, type PostPlace, type SiteRule } from '../../src/core/sites/postRules';

/** A workspace folder in memory: file paths with contents; folders are implied by the paths. */
class FakeTree implements DetectionHost {
  readonly listed: string[] = [];
  readonly readPaths: string[] = [];
  constructor(private readonly files: Record<string, string>) {}

  async list(dir: string): Promise<{ files: string[]; folders: string[] } | undefined> {
    this.listed.push(dir);
    const prefix = dir === '' ? '' : `${dir}/`;
    const files = new Set<string>();
    const folders = new Set<string>();
    let exists = dir === '';
    for (const path of Object.keys(this.files)) {
      if (!path.startsWith(prefix)) continue;
      exists = true;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) files.add(rest);
      else folders.add(rest.slice(0, slash));
    }
    return exists ? { files: [...files], folders: [...folders] } : undefined;
  }

  async read(path: string, maxBytes: number): Promise<string | undefined> {
    this.readPaths.push(path);
    return this.files[path]?.slice(0, maxBytes);
  }
}

const summary = (sites: Awaited<ReturnType<typeof detectSites>>['sites']): string[] =>
  sites.map((s) => `${s.generator}@${s.root || '.'}:${s.postFolders.join('+')}${s.draftsFolders.length ? `|${s.draftsFolders.join('+')}` : ''}`);

describe('detectSites', () => {
  it('finds a Hugo site at the root and maps the post sections that exist', async () => {
    const tree = new FakeTree({ 'hugo.toml': 'baseURL = "/"', 'content/posts/a.md': '', 'content/blog/b.md': '', 'content/about.md': '' });
    const { sites } = await detectSites(tree);
    assert.deepEqual(summary(sites), ['hugo@.:content/posts+content/blog']);
    assert.equal(sites[0]?.newPostFolder, 'content/posts');
    assert.equal(sites[0]?.configFile, 'hugo.toml');
  });

  it('finds a Jekyll site kept in docs/, with its drafts folder', async () => {
    const tree = new FakeTree({ 'README.md': '', 'docs/_config.yml': 'title: x', 'docs/_posts/2016-03-10-a.md': '', 'docs/_drafts/b.md': '', 'src/index.ts': '' });
    const { sites } = await detectSites(tree);
    assert.deepEqual(summary(sites), ['jekyll@docs:docs/_posts|docs/_drafts']);
    assert.equal(sites[0]?.newPostFolder, 'docs/_posts');
  });

  it('looks three levels down and no further', async () => {
    const tree = new FakeTree({
      'packages/web/site/docusaurus.config.ts': '',
      'packages/web/site/blog/2021-05-28-a.md': '',
      'a/b/c/d/hugo.toml': '',
    });
    const { sites } = await detectSites(tree);
    assert.deepEqual(summary(sites), ['docusaurus@packages/web/site:packages/web/site/blog']);
  });

  it('finds a Remix site in services/site by its package.json', async () => {
    const tree = new FakeTree({
      'services/site/package.json': JSON.stringify({ dependencies: { '@remix-run/node': '2', react: '18' } }),
      'services/site/vite.config.ts': '',
      'services/site/content/blog/hello.mdx': '',
      'services/api/package.json': JSON.stringify({ dependencies: { express: '4' } }),
    });
    const { sites } = await detectSites(tree);
    assert.deepEqual(summary(sites), ['remix@services/site:services/site/content/blog']);
    assert.equal(sites[0]?.configFile, 'services/site/package.json');
  });

  it('finds several sites in one workspace folder, each with folders relative to its own root', async () => {
    const tree = new FakeTree({
      'hugo.yaml': '',
      'content/post/a.md': '',
      'website/docusaurus.config.js': '',
      'website/blog/2024-01-01-x.md': '',
      'apps/blog/astro.config.mjs': '',
      'apps/blog/src/content/blog/y.md': '',
    });
    const { sites } = await detectSites(tree);
    assert.deepEqual(summary(sites), ['hugo@.:content/post', 'astro@apps/blog:apps/blog/src/content/blog', 'docusaurus@website:website/blog']);
    assert.equal(siteContaining(sites, 'website/blog/2024-01-01-x.md')?.generator, 'docusaurus');
    assert.equal(siteContaining(sites, 'content/post/a.md')?.generator, 'hugo');
    assert.equal(siteContaining(sites, 'apps/other/x.md')?.generator, 'hugo', 'the root site holds everything else');
  });

  it('skips excluded, hidden and dependency folders without listing them', async () => {
    const tree = new FakeTree({
      'node_modules/pkg/docusaurus.config.js': '',
      '.cache/hugo.toml': '',
      'build/site/_config.yml': '',
      'themes/paper/exampleSite/config.toml': 'baseURL = "/"',
      'site/_config.yml': '',
    });
    const { sites } = await detectSites(tree, { isExcluded: (path) => path === 'build' });
    assert.deepEqual(summary(sites), ['jekyll@site:']);
    assert.ok(!tree.listed.some((dir) => /node_modules|\.cache|build|themes/.test(dir)), tree.listed.join(', '));
  });

  it('skips the folders the root .gitignore ignores, with one small read', async () => {
    const tree = new FakeTree({
      '.gitignore': '# build output\npublic/\n/tmp\nsnapshots/*-old\n*.log\n\\#notes\n',
      'public/hugo.toml': '',
      'tmp/checkout/_config.yml': '',
      'snapshots/site-old/astro.config.mjs': '',
      'snapshots/site-new/astro.config.mjs': '',
      'docs/tmp/_config.yml': '',
      'docs/public/mkdocs.yml': '',
      '#notes/hugo.toml': '',
      'site/_config.yml': '',
    });
    const { sites } = await detectSites(tree);
    // `/tmp` is tied to the root, `public/` matches at any depth.
    assert.deepEqual(
      summary(sites),
      ['jekyll@docs/tmp:', 'astro@snapshots/site-new:', 'jekyll@site:'].sort((a, b) => a.split('@')[1].localeCompare(b.split('@')[1])),
    );
    assert.deepEqual(
      tree.readPaths.filter((path) => path === '.gitignore' || /public|^tmp|site-old|#notes/.test(path)),
      ['.gitignore'],
      'read once, and nothing under an ignored folder',
    );
    assert.ok(!tree.listed.some((dir) => /public|^tmp|site-old|#notes/.test(dir)), tree.listed.join(', '));
  });

  it('reads .gitignore patterns as git does', () => {
    const ignored = gitignoreMatcher(['build/', '/out', 'docs/_site', '**/cache', '*.tmp', '/*', '!/docs/', '!/site', 'site/drafts/', '!site/drafts/keep'].join('\n'));
    assert.ok(ignored);
    const is = (path: string, directory = true): boolean => ignored(path, directory);
    assert.equal(is('build'), true);
    assert.equal(is('docs/build'), true, 'a name matches at any depth');
    assert.equal(is('docs/build', false), false, 'a pattern ending in / matches folders only');
    assert.equal(is('docs'), false, 'taken back by !/docs/');
    assert.equal(is('docs/_site'), true);
    assert.equal(is('docs/a/cache'), true);
    assert.equal(is('notes'), true, '/* ignores every other root entry');
    assert.equal(is('site'), false);
    assert.equal(is('site/drafts'), true);
    assert.equal(is('site/drafts/keep'), true, 'nothing inside an ignored folder comes back');
    assert.equal(is('site/x.tmp', false), true);
    assert.equal(gitignoreMatcher('# only comments\n\n!keep\n'), undefined);
  });

  it('ends a .gitignore pattern at its trailing spaces, and skips a line too long to be a pattern', () => {
    const spaced = gitignoreMatcher('build   \n');
    assert.equal(spaced?.('build', true), true);
    assert.equal(spaced?.('builder', true), false);
    // A hostile file: a long run of spaces before a character, which a backtracking pattern scans again from each space.
    const line = `a${' '.repeat(200_000)}b`;
    const hostile = gitignoreMatcher(`${line}\nbuild\n`);
    assert.equal(hostile?.('build', true), true, 'the patterns after it still count');
    assert.equal(hostile?.('a', true), false);
  });

  it('reads a config only when its name is shared with other tools', async () => {
    const tree = new FakeTree({ 'astro.config.mjs': 'export default {}', 'src/content/blog/a.md': '' });
    await detectSites(tree);
    assert.deepEqual(tree.readPaths, []);
    const shared = new FakeTree({ 'config.toml': 'title = "x"\nbase_url = "https://example.org"\n', 'content/blog/a.md': '' });
    const { sites } = await detectSites(shared);
    assert.deepEqual(shared.readPaths, ['config.toml'], 'read once, for both Hugo and Zola');
    assert.deepEqual(summary(sites), ['zola@.:content/blog']);
  });

  it('tells Hugo from Zola by their config.toml, and ignores a config.toml that is neither', async () => {
    assert.deepEqual(summary((await detectSites(new FakeTree({ 'config.toml': 'baseURL = "https://x.org/"' }))).sites), ['hugo@.:']);
    assert.deepEqual(summary((await detectSites(new FakeTree({ 'config.toml': 'base_url = "https://x.org/"' }))).sites), ['zola@.:']);
    assert.deepEqual(summary((await detectSites(new FakeTree({ 'config.toml': '[tool]\nname = "x"' }))).sites), []);
  });

  it('tells Hexo from Jekyll, which share _config.yml', async () => {
    const hexo = new FakeTree({ '_config.yml': 'title: x', 'package.json': '{"dependencies":{"hexo":"^7"}}', 'source/_posts/a.md': '', 'source/_drafts/b.md': '' });
    const found = (await detectSites(hexo)).sites;
    assert.deepEqual(summary(found), ['hexo@.:source/_posts|source/_drafts']);
    assert.deepEqual(found[0]?.alsoMatched, ['jekyll']);
    const jekyll = new FakeTree({ '_config.yml': 'title: x', 'package.json': '{"devDependencies":{"prettier":"3"}}', '_posts/2020-01-01-a.md': '' });
    assert.deepEqual(summary((await detectSites(jekyll)).sites), ['jekyll@.:_posts']);
  });

  it('reads the MkDocs blog plugin and its folders from mkdocs.yml', async () => {
    const withBlog = new FakeTree({
      'mkdocs.yml':
        'site_name: x\ntheme:\n  name: material\nplugins:\n  - search\n  - blog\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
      'docs/blog/posts/a.md': '',
    });
    assert.deepEqual(summary((await detectSites(withBlog)).sites), ['mkdocs@.:docs/blog/posts']);
    const custom = new FakeTree({ 'mkdocs.yml': 'docs_dir: site-docs\nplugins:\n  - blog:\n      blog_dir: news\n  - tags\n', 'site-docs/news/posts/a.md': '' });
    assert.deepEqual(summary((await detectSites(custom)).sites), ['mkdocs@.:site-docs/news/posts']);
    const noBlog = (await detectSites(new FakeTree({ 'mkdocs.yml': 'site_name: x\nplugins:\n  - search\n', 'docs/index.md': '' }))).sites;
    assert.deepEqual(summary(noBlog), ['mkdocs@.:']);
    assert.equal(noBlog[0]?.newPostFolder, undefined, 'a docs site without its blog gets no new posts');
    assert.match(noBlog[0]?.note ?? '', /blog plugin is not enabled/);
  });

  it('recognises each generator by its config file', async () => {
    const configs: Record<string, Record<string, string>> = {
      hugo: { 'hugo.toml': '' },
      jekyll: { '_config.yml': '' },
      astro: { 'astro.config.ts': '' },
      docusaurus: { 'docusaurus.config.ts': '' },
      eleventy: { 'eleventy.config.js': '' },
      hexo: { '_config.yml': '', scaffolds: '', 'scaffolds/post.md': '' },
      zola: { 'zola.toml': '' },
      mkdocs: { 'mkdocs.yml': 'plugins:\n  - blog\n' },
      next: { 'next.config.mjs': '' },
      remix: { 'remix.config.js': '' },
      gatsby: { 'gatsby-config.ts': '' },
      nuxt: { 'nuxt.config.ts': '' },
      devto: { 'dev-to-git.json': '[]' },
    };
    for (const generator of GENERATORS) {
      const files = configs[generator.id];
      assert.ok(files, `a config for ${generator.id}`);
      const { sites } = await detectSites(new FakeTree(files));
      assert.equal(sites[0]?.generator, generator.id, generator.id);
    }
    assert.deepEqual((await detectSites(new FakeTree({ 'package.json': '{}', 'README.md': '', 'docs/guide.md': '' }))).sites, []);
  });

  it('uses the generator the person set for the root, and still finds the others', async () => {
    const tree = new FakeTree({ 'posts/a.md': '', 'docs/_config.yml': '', 'docs/_posts/2020-01-01-a.md': '' });
    const { sites } = await detectSites(tree, { rootGenerator: 'devto' });
    assert.deepEqual(summary(sites), ['devto@.:posts', 'jekyll@docs:docs/_posts']);
  });

  it('stops after a bounded number of folders', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`pkg${i}/x/readme.md`] = '';
    const result = await detectSites(new FakeTree(files), { maxFolders: 10 });
    assert.equal(result.truncated, true);
    assert.equal(result.foldersListed, 10);
  });
});

describe('site post rules', () => {
  const rule = (generator: SiteRule['generator'], postFolders: string[], draftsFolders: string[] = [], root = ''): SiteRule => ({
    scope: 'file:///ws',
    root,
    generator,
    postFolders,
    draftsFolders,
  });
  const placeOf = (site: SiteRule, path: string): PostPlace => {
    const place = postPlaceOf([site], `file:///ws/${path}`, path);
    assert.ok(place, `${path} is in a post folder`);
    return place;
  };

  it('finds the post folder a file is in, the deepest first, and only in its own workspace folder', () => {
    const sites = [rule('hugo', ['content/posts']), rule('docusaurus', ['content/posts/site/blog'], [], 'content/posts/site')];
    assert.equal(postPlaceOf(sites, 'file:///ws/content/posts/a.md', 'content/posts/a.md')?.site.generator, 'hugo');
    assert.equal(postPlaceOf(sites, 'file:///ws/content/posts/site/blog/a.md', 'content/posts/site/blog/a.md')?.site.generator, 'docusaurus');
    assert.equal(postPlaceOf(sites, 'file:///other/content/posts/a.md', 'content/posts/a.md'), undefined);
    assert.equal(postPlaceOf(sites, 'file:///ws/notes/a.md', 'notes/a.md'), undefined);
  });

  it('says which files in post folders are not posts', () => {
    const hugo = rule('hugo', ['content/posts']);
    assert.match(notAPostReason(placeOf(hugo, 'content/posts/_index.md')) ?? '', /section page/);
    assert.equal(notAPostReason(placeOf(hugo, 'content/posts/my-post/index.md')), undefined, 'a page bundle is a post');
    const zola = rule('zola', ['content/blog']);
    assert.match(notAPostReason(placeOf(zola, 'content/blog/_index.md')) ?? '', /section page/);
    const jekyll = rule('jekyll', ['_posts'], ['_drafts']);
    assert.match(notAPostReason(placeOf(jekyll, '_posts/notes.md')) ?? '', /YYYY-MM-DD/);
    assert.equal(notAPostReason(placeOf(jekyll, '_posts/2016-03-10-title.md')), undefined);
    assert.equal(notAPostReason(placeOf(jekyll, '_drafts/untitled.md')), undefined, 'drafts need no date');
    const docusaurus = rule('docusaurus', ['blog']);
    assert.match(notAPostReason(placeOf(docusaurus, 'blog/_partial.mdx')) ?? '', /underscore/);
    assert.equal(notAPostReason(placeOf(rule('eleventy', ['posts']), 'posts/_notes.md')), undefined, 'Eleventy builds underscore files');
  });

  it('reads whether the site publishes a post', () => {
    const status = (site: SiteRule, path: string, data: Record<string, unknown>): boolean | undefined => siteStatus(placeOf(site, path), data)?.published;
    const jekyll = rule('jekyll', ['_posts'], ['_drafts']);
    assert.equal(status(jekyll, '_drafts/a.md', { published: true }), false, 'Jekyll never builds _drafts');
    assert.equal(status(jekyll, '_posts/2020-01-01-a.md', { published: false }), false);
    assert.equal(status(jekyll, '_posts/2020-01-01-a.md', { draft: true }), undefined, 'Jekyll does not read draft');
    const hexo = rule('hexo', ['source/_posts'], ['source/_drafts']);
    assert.equal(status(hexo, 'source/_drafts/a.md', {}), false);
    assert.equal(status(hexo, 'source/_posts/a.md', { published: 'false' }), false);
    const docusaurus = rule('docusaurus', ['blog']);
    assert.equal(status(docusaurus, 'blog/a.md', { unlisted: true }), false);
    assert.equal(status(docusaurus, 'blog/a.md', { draft: false }), true);
    const eleventy = rule('eleventy', ['posts']);
    assert.equal(status(eleventy, 'posts/a.md', { permalink: false }), false);
    assert.equal(status(eleventy, 'posts/a.md', { eleventyExcludeFromCollections: true }), false);
    assert.equal(status(eleventy, 'posts/a.md', { permalink: '/x/' }), undefined);
    assert.equal(status(rule('zola', ['content/blog']), 'content/blog/a.md', { draft: true }), false);
    assert.equal(status(rule('mkdocs', ['docs/blog/posts']), 'docs/blog/posts/a.md', { draft: true }), false);
    assert.equal(status(rule('remix', ['content/blog']), 'content/blog/a.mdx', { draft: false }), true);
  });

  it('dates posts from file names for Jekyll, and from folder names too for Docusaurus, Zola and Eleventy', () => {
    assert.equal(dateFromPath(placeOf(rule('jekyll', ['_posts']), '_posts/2016-03-10-title.md')), '2016-03-10');
    assert.equal(dateFromPath(placeOf(rule('jekyll', ['_posts']), '_posts/2016-03-10-bundle/index.md')), undefined, 'Jekyll reads the file name only');
    const docusaurus = rule('docusaurus', ['blog']);
    assert.equal(dateFromPath(placeOf(docusaurus, 'blog/2021-05-28-launch.mdx')), '2021-05-28');
    assert.equal(dateFromPath(placeOf(docusaurus, 'blog/2021-05-28-launch/index.md')), '2021-05-28');
    assert.equal(dateFromPath(placeOf(docusaurus, 'blog/2021/05/28/launch.md')), '2021-05-28');
    assert.equal(dateFromPath(placeOf(rule('zola', ['content/blog']), 'content/blog/2018-10-10_hello.md')), '2018-10-10');
    assert.equal(dateFromPath(placeOf(rule('eleventy', ['posts']), 'posts/2019-01-02-x.md')), '2019-01-02');
    assert.equal(dateFromPath(placeOf(rule('hugo', ['content/posts']), 'content/posts/2019-01-02-x.md')), undefined, 'Hugo reads dates from front matter');
  });

  it('takes only real calendar days as date prefixes', () => {
    assert.equal(datePrefix('2024-02-29-leap.md'), '2024-02-29');
    assert.equal(datePrefix('2023-02-29-not.md'), undefined);
    assert.equal(datePrefix('2024-13-01-x.md'), undefined);
    assert.equal(datePrefix('20240101-x.md'), undefined);
    assert.equal(datePrefix('2024-01-01'), '2024-01-01');
    assert.equal(datePrefix('2024-01-011.md'), undefined);
  });

  it('turns detected sites into scoped blog mappings and rules', () => {
    const config = siteConfigOf('file:///ws', [{ root: 'docs', generator: 'jekyll', postFolders: ['docs/_posts'], draftsFolders: ['docs/_drafts'] }]);
    assert.deepEqual(config.folderKinds, [
      { folder: 'docs/_posts', kind: 'blog', scope: 'file:///ws' },
      { folder: 'docs/_drafts', kind: 'blog', scope: 'file:///ws' },
    ]);
    assert.equal(config.rules[0]?.generator, 'jekyll');
  });

  it('has rules for every generator the setting offers, and the setting offers every generator', () => {
    for (const id of SITE_GENERATORS) if (id !== 'none') assert.equal(generatorRules(id).id, id);
    const manifest = readManifest<{
      contributes: { configuration: { properties: Record<string, { enum?: string[]; enumDescriptions?: string[] }> }[] };
    }>();
    const setting = manifest.contributes.configuration.find((group) => group.properties['devrel.siteGenerator'])?.properties['devrel.siteGenerator'];
    assert.deepEqual(setting?.enum, ['auto', ...SITE_GENERATORS]);
    assert.equal(setting?.enumDescriptions?.length, setting?.enum?.length, 'every generator is described');
  });
});
