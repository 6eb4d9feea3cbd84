import * as assert from 'node:assert/strict';
import { detectSiteGenerator, generatorProfile, publishedFields, SITE_GENERATORS } from '../../src/core/siteGenerator';
import { expandFileNamePattern } from '../../src/core/fileName';

describe('detectSiteGenerator', () => {
  it('finds Hugo by its own config files', () => {
    for (const name of ['hugo.toml', 'hugo.yaml', 'hugo.json']) {
      assert.equal(detectSiteGenerator(['README.md', name, 'content']), 'hugo', name);
    }
  });

  it('finds Hugo by a config.toml that sets baseURL, and only then', () => {
    assert.equal(detectSiteGenerator(['config.toml'], 'baseURL = "https://example.org/"\ntitle = "Blog"\n'), 'hugo');
    assert.equal(detectSiteGenerator(['config.toml'], 'title = "x"\n  baseurl = "/"\n'), 'hugo');
    assert.equal(detectSiteGenerator(['config.toml'], '[tool]\nname = "not hugo"\n'), 'none');
    assert.equal(detectSiteGenerator(['config.toml']), 'none');
    // A baseURL in config.toml means nothing if the file is not at the root.
    assert.equal(detectSiteGenerator(['README.md'], 'baseURL = "x"'), 'none');
  });

  it('finds Jekyll by _config.yml', () => {
    assert.equal(detectSiteGenerator(['_config.yml', 'Gemfile', '_posts']), 'jekyll');
  });

  it('finds Astro by any astro.config extension', () => {
    for (const extension of ['mjs', 'js', 'ts', 'mts', 'cjs']) {
      assert.equal(detectSiteGenerator([`astro.config.${extension}`, 'package.json']), 'astro', extension);
    }
    assert.equal(detectSiteGenerator(['astro.config.json']), 'none');
    assert.equal(detectSiteGenerator(['my-astro.config.mjs']), 'none');
  });

  it('finds the dev.to sync tool’s config', () => {
    assert.equal(detectSiteGenerator(['dev-to-git.json', 'posts']), 'devto');
  });

  it('says none for an ordinary workspace', () => {
    assert.equal(detectSiteGenerator([]), 'none');
    assert.equal(detectSiteGenerator(['package.json', 'README.md', 'docs', 'config.yml']), 'none');
  });

  it('prefers the most specific config when several match', () => {
    assert.equal(detectSiteGenerator(['_config.yml', 'hugo.toml']), 'hugo');
    assert.equal(detectSiteGenerator(['_config.yml', 'astro.config.mjs']), 'astro');
    assert.equal(detectSiteGenerator(['config.toml', '_config.yml'], 'baseURL = "/"'), 'jekyll');
  });

  it('accepts names written with a leading ./', () => {
    assert.equal(detectSiteGenerator(['./hugo.toml']), 'hugo');
  });
});

describe('generatorProfile', () => {
  it('puts blog posts where each generator publishes them', () => {
    assert.equal(generatorProfile('hugo').folders.blog, 'content/posts');
    assert.equal(generatorProfile('jekyll').folders.blog, '_posts');
    assert.equal(generatorProfile('astro').folders.blog, 'src/content/blog');
    assert.equal(generatorProfile('devto').folders.blog, 'posts');
    assert.equal(generatorProfile('none').folders.blog, 'posts');
  });

  it('keeps the private kinds out of what the generator renders', () => {
    for (const gen of ['none', 'hugo', 'astro', 'devto'] as const) {
      assert.deepEqual(
        { talk: generatorProfile(gen).folders.talk, oss: generatorProfile(gen).folders.oss, workshop: generatorProfile(gen).folders.workshop, trip: generatorProfile(gen).folders['trip-report'] },
        { talk: 'talks', oss: 'oss', workshop: 'workshops', trip: 'trip-reports' },
        gen,
      );
    }
    const jekyll = generatorProfile('jekyll').folders;
    assert.deepEqual([jekyll.talk, jekyll.oss, jekyll.workshop, jekyll['trip-report']], ['_talks', '_oss', '_workshops', '_trip-reports']);
  });

  it('names Jekyll posts by date, as Jekyll requires', () => {
    assert.equal(generatorProfile('jekyll').fileNamePatterns.blog, '{date}-{slug}.md');
    assert.equal(generatorProfile('hugo').fileNamePatterns.blog, '{slug}.md');
    assert.equal(generatorProfile('astro').fileNamePatterns.blog, '{slug}.md');
    assert.equal(generatorProfile('none').fileNamePatterns.talk, '{date}-{slug}.md');
    assert.equal(generatorProfile('none').defaultFileNamePattern, '{date}-{slug}.md');
  });

  it('gives every generator usable folders and patterns for every built-in kind', () => {
    for (const gen of SITE_GENERATORS) {
      const profile = generatorProfile(gen);
      assert.equal(profile.generator, gen);
      for (const kind of ['blog', 'talk', 'oss', 'workshop', 'trip-report']) {
        const folder = profile.folders[kind];
        assert.ok(folder !== undefined && !folder.startsWith('/') && !folder.includes('..'), `${gen} ${kind}`);
        const pattern = profile.fileNamePatterns[kind] ?? '';
        const name = expandFileNamePattern(pattern, { date: '2026-03-01', slug: 'x', year: '2026', month: '03', kind, title: 'X' });
        assert.ok(name.ok, `${gen} ${kind} ${pattern}`);
      }
    }
  });

  it('maps the generators’ post folders to the blog kind', () => {
    assert.deepEqual(generatorProfile('jekyll').folderKinds, [
      { folder: '_posts', kind: 'blog' },
      { folder: '_drafts', kind: 'blog' },
    ]);
    assert.ok(generatorProfile('hugo').folderKinds.some((m) => m.folder === 'content/posts' && m.kind === 'blog'));
    assert.ok(generatorProfile('astro').folderKinds.some((m) => m.folder === 'src/content/blog' && m.kind === 'blog'));
    assert.deepEqual(generatorProfile('none').folderKinds, []);
  });
});

describe('publishedFields', () => {
  it('uses draft for Hugo and Astro', () => {
    for (const gen of ['hugo', 'astro'] as const) {
      assert.deepEqual(publishedFields(gen, 'published', '2026-03-01').set, { draft: false });
      assert.deepEqual(publishedFields(gen, 'unpublished', '2026-03-01').set, { draft: true });
    }
  });

  it('uses published for Jekyll and dev.to', () => {
    for (const gen of ['jekyll', 'devto'] as const) {
      assert.deepEqual(publishedFields(gen, 'published', '2026-03-01').set, { published: true });
      assert.deepEqual(publishedFields(gen, 'unpublished', '2026-03-01').set, { published: false });
    }
  });

  it('dates a post on publishing when it has no date, and only then', () => {
    const change = publishedFields('hugo', 'published', '2026-03-01');
    assert.deepEqual(change.setIfMissing, [
      { field: 'date', value: '2026-03-01', unlessPresent: ['date', 'publish_date', 'publishDate', 'pubDate'] },
    ]);
    assert.deepEqual(publishedFields('jekyll', 'unpublished', '2026-03-01').setIfMissing, []);
    assert.deepEqual(publishedFields('none', 'published', '2026-03-01').set, {});
    assert.equal(publishedFields('none', 'published', '2026-03-01').setIfMissing.length, 1);
  });

  it('describes the change for people', () => {
    assert.match(publishedFields('hugo', 'published', '2026-03-01').description, /draft: false/);
    assert.match(publishedFields('devto', 'unpublished', '2026-03-01').description, /published: false/);
  });
});
