import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, executeCommand, getApi, note, waitFor, type DraftInfo } from './helpers';

/**
 * Runs in the sites phase only, where every folder of test/fixtures/sites is a workspace root
 * with no settings at all: each shape of site must just work, as a new user would find it.
 */
describe('Sites with no settings', function () {
  before(function () {
    if (!vscode.workspace.workspaceFolders?.some((f) => f.name === 'jekyll-docs')) this.skip();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  function root(name: string): vscode.WorkspaceFolder {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
    assert.ok(folder, `the ${name} root is open`);
    return folder;
  }

  function uriIn(name: string, path: string): vscode.Uri {
    return vscode.Uri.joinPath(root(name).uri, ...path.split('/'));
  }

  async function read(name: string, path: string): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriIn(name, path)));
  }

  function today(): string {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  }

  async function draftsIn(name: string): Promise<DraftInfo[]> {
    const prefix = `${root(name).uri.toString()}/`;
    return (await (await getApi()).listDrafts()).filter((d) => String(d.uri).startsWith(prefix));
  }

  /** Exactly these drafts under the root: path → [kind, status, publish date]. */
  async function expectListing(name: string, expected: Record<string, [string, string, string | undefined]>): Promise<void> {
    const prefix = `${root(name).uri.toString()}/`;
    const listed = Object.fromEntries(
      (await draftsIn(name)).map((d) => [decodeURIComponent(String(d.uri).slice(prefix.length)), [d.kind, d.status, d.dates.find((x) => x.label === 'Publish')?.date]]),
    );
    assert.deepEqual(listed, expected);
  }

  /** Runs a scripted New Blog Post as if from an editor in that root, and returns the new file. */
  async function newPost(name: string, title: string): Promise<{ path: string; text: string }> {
    // A file of that root in the editor is what makes a scripted command pick the root.
    const editorIn = (await draftsIn(name))[0];
    assert.ok(editorIn, `a draft in ${name}`);
    await vscode.window.showTextDocument(vscode.Uri.parse(String(editorIn.uri)));
    const uri = await executeCommand<vscode.Uri>('devrel.newBlogPost', { title, open: false });
    assert.ok(uri instanceof vscode.Uri, 'New Blog Post returned the new file');
    const path = uri.path.slice(root(name).uri.path.length + 1);
    note(`${name}: ${path}`);
    return { path, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  }

  async function remove(name: string, path: string): Promise<void> {
    // Deleted the way the Explorer deletes. Through workspace.fs, a file made and deleted within
    // the file watcher's batch window is reported to nobody, which no person can do by hand.
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uriIn(name, path), { ignoreIfNotExists: false });
    assert.ok(await vscode.workspace.applyEdit(edit), `${path} was deleted`);
    await waitFor(async () => !(await draftsIn(name)).some((d) => String(d.uri) === uriIn(name, path).toString()), 12_000, `${path} to leave the index`);
  }

  /** Sets a status and checks that the file became exactly `expected`; puts the file back afterwards. */
  async function expectStatusEdit(name: string, path: string, status: string, edit: (before: string) => string): Promise<void> {
    const before = await read(name, path);
    const expected = edit(before);
    assert.notEqual(expected, before, 'the expected edit changes something');
    try {
      await executeCommand('devrel.setStatus', uriIn(name, path), status);
      const after = await waitFor(
        async () => {
          const text = await read(name, path);
          return text !== before ? text : undefined;
        },
        10_000,
        `${path} to change`,
      );
      assert.equal(after, expected);
      await waitFor(async () => (await draftsIn(name)).find((d) => String(d.uri) === uriIn(name, path).toString())?.status === status, 10_000, `${path} to be ${status}`);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.writeFile(uriIn(name, path), new TextEncoder().encode(before));
    }
  }

  describe('Jekyll in docs/', () => {
    it('lists its posts and drafts, dated by file name when front matter has no date', async () => {
      await expectListing('jekyll-docs', {
        'docs/_posts/2016-03-10-widgetry-1-0.md': ['blog', 'published', '2016-03-10'],
        'docs/_posts/2023-11-20-plugin-api.md': ['blog', 'drafting', '2023-11-21'],
        'docs/_drafts/roadmap-2027.md': ['blog', 'drafting', undefined],
      });
    });

    it('writes a new post into docs/_posts, named by date, unpublished', async () => {
      const post = await newPost('jekyll-docs', 'Widgetry 2 preview');
      try {
        assert.equal(post.path, `docs/_posts/${today()}-widgetry-2-preview.md`);
        assert.match(post.text, /^published: false$/m);
        assert.doesNotMatch(post.text, /^draft:/m);
        assert.match(post.text, /^status: idea$/m);
      } finally {
        await remove('jekyll-docs', post.path);
      }
    });

    it('publishes by setting published: true, changing nothing else', async () => {
      await expectStatusEdit('jekyll-docs', 'docs/_posts/2023-11-20-plugin-api.md', 'published', (text) =>
        text.replace('published: false # waiting', 'published: true # waiting').replace('tags: [plugins, api]\n', 'tags: [plugins, api]\nstatus: published\n'),
      );
    });
  });

  describe('Docusaurus', () => {
    it('lists blog posts, with unlisted and draft ones unpublished, dated by file or folder name', async () => {
      await expectListing('docusaurus', {
        'blog/2021-05-28-hello-relay.md': ['blog', 'published', '2021-05-28'],
        'blog/2022-01-10-notes-from-the-team.md': ['blog', 'drafting', '2022-01-10'],
        'blog/2023-04-02-relay-2/index.mdx': ['blog', 'drafting', '2023-04-02'],
      });
    });

    it('writes a new post into blog/, named by date, with draft: true', async () => {
      const post = await newPost('docusaurus', 'Relay 3 plans');
      try {
        assert.equal(post.path, `blog/${today()}-relay-3-plans.md`);
        assert.match(post.text, /^draft: true$/m);
      } finally {
        await remove('docusaurus', post.path);
      }
    });

    it('publishes an unlisted post by clearing unlisted too', async () => {
      await expectStatusEdit('docusaurus', 'blog/2022-01-10-notes-from-the-team.md', 'published', (text) =>
        text.replace('unlisted: true\n', 'unlisted: false\nstatus: published\ndraft: false\n'),
      );
    });
  });

  describe('Hexo', () => {
    it('lists source/_posts and source/_drafts, and not the scaffolds or pages', async () => {
      await expectListing('hexo', {
        'source/_posts/hello-world.md': ['blog', 'published', '2024-01-15'],
        'source/_posts/deep-sea-lights.md': ['blog', 'drafting', '2024-03-02'],
        'source/_drafts/bioluminescence-faq.md': ['blog', 'drafting', undefined],
      });
    });

    it('writes a new post into source/_posts with published: false', async () => {
      const post = await newPost('hexo', 'Anglerfish lures');
      try {
        assert.equal(post.path, 'source/_posts/anglerfish-lures.md');
        assert.match(post.text, /^published: false$/m);
      } finally {
        await remove('hexo', post.path);
      }
    });

    it('publishes with published: true', async () => {
      await expectStatusEdit('hexo', 'source/_posts/deep-sea-lights.md', 'published', (text) =>
        text.replace('published: false\n', 'published: true\n').replace('tags: [biology]\n', 'tags: [biology]\nstatus: published\n'),
      );
    });
  });

  describe('Zola with TOML', () => {
    it('lists posts but not section pages, dated by front matter or file name', async () => {
      await expectListing('zola', {
        'content/blog/2024-02-03-shipping-wasm.md': ['blog', 'drafting', '2024-02-03'],
        'content/blog/tidepool-tour/index.md': ['blog', 'published', '2024-05-06'],
      });
    });

    it('writes a new post into content/blog in TOML, with draft = true and its own fields under [extra]', async () => {
      const post = await newPost('zola', 'Rock pool census');
      try {
        assert.equal(post.path, 'content/blog/rock-pool-census.md');
        assert.match(post.text, /^\+\+\+\ntitle = "Rock pool census"\n/);
        assert.match(post.text, /^draft = true$/m);
        assert.match(post.text, /\n\[extra\]\nkind = "blog"\n(?:.*\n)*?status = "idea"\n/);
        assert.doesNotMatch(post.text.slice(0, post.text.indexOf('[extra]')), /^(kind|status) =/m, 'Zola refuses unknown top-level keys');
      } finally {
        await remove('zola', post.path);
      }
    });

    it('publishes with draft = false, and keeps the status in [extra], where Zola allows it', async () => {
      await expectStatusEdit('zola', 'content/blog/2024-02-03-shipping-wasm.md', 'published', (text) =>
        text.replace('draft = true\n', 'draft = false\n').replace('tags = ["wasm"]\n', 'tags = ["wasm"]\n\n[extra]\nstatus = "published"\n'),
      );
    });
  });

  describe('Hugo with _index.md and page bundles', () => {
    it('lists posts and page bundles, and not section pages or a bundle’s Markdown resources', async () => {
      await expectListing('hugo', {
        'content/posts/first-light.md': ['blog', 'published', '2025-01-04'],
        'content/posts/night-sky-survey/index.md': ['blog', 'drafting', '2025-02-10'],
        'content/posts/tracking-satellites/index.md': ['blog', 'drafting', '2025-03-01'],
      });
      const bundle = (await draftsIn('hugo')).find((d) => String(d.uri).endsWith('night-sky-survey/index.md'));
      assert.equal(bundle?.title, 'Night sky survey');
    });

    it('turns a folder’s posts into page resources when an index.md appears beside them, and back', async () => {
      const notes = 'content/posts/comet-watch/notes.md';
      const index = 'content/posts/comet-watch/index.md';
      const listed = async (path: string): Promise<boolean> => (await draftsIn('hugo')).some((d) => String(d.uri) === uriIn('hugo', path).toString());
      await vscode.workspace.fs.writeFile(uriIn('hugo', notes), new TextEncoder().encode('---\ntitle: Comet notes\ndraft: true\n---\n\nTails.\n'));
      try {
        await waitFor(() => listed(notes), 12_000, 'notes.md listed as a post while nothing makes its folder a bundle');
        await vscode.workspace.fs.writeFile(uriIn('hugo', index), new TextEncoder().encode('---\ntitle: Comet watch\ndraft: true\n---\n\nWatching.\n'));
        await waitFor(async () => (await listed(index)) && !(await listed(notes)), 12_000, 'index.md listed and notes.md a resource of its bundle');
        await remove('hugo', index);
        await waitFor(() => listed(notes), 12_000, 'notes.md a post again');
      } finally {
        await vscode.workspace.fs.delete(uriIn('hugo', 'content/posts/comet-watch'), { recursive: true, useTrash: false });
        await waitFor(async () => !(await listed(notes)), 12_000, 'the comet-watch folder to leave the index');
      }
    });

    it('writes a new post into content/posts with draft = true, in TOML like most posts there', async () => {
      const post = await newPost('hugo', 'Meteor shower log');
      try {
        assert.equal(post.path, 'content/posts/meteor-shower-log.md');
        assert.match(post.text, /^\+\+\+\n/);
        assert.match(post.text, /^title = "Meteor shower log"$/m);
        assert.match(post.text, /^draft = true$/m);
        assert.match(post.text, /^status = "idea"$/m, 'Hugo keeps unknown keys at the top level');
        assert.doesNotMatch(post.text, /^---$/m);
      } finally {
        await remove('hugo', post.path);
      }
    });

    it('publishes a TOML page bundle with draft = false, byte for byte', async () => {
      await expectStatusEdit('hugo', 'content/posts/tracking-satellites/index.md', 'published', (text) => text.replace('draft = true\n', 'draft = false\nstatus = "published"\n'));
    });

    it('publishes a page bundle with draft: false, keeping its comments', async () => {
      await expectStatusEdit('hugo', 'content/posts/night-sky-survey/index.md', 'published', (text) =>
        text.replace('draft: true\n', 'draft: false\n').replace('tags: [survey] # plan for the spring\n', 'tags: [survey] # plan for the spring\nstatus: published\n'),
      );
    });
  });

  describe('Eleventy', () => {
    it('lists the posts folder, with permalink: false and draft: true unpublished', async () => {
      await expectListing('eleventy', {
        'posts/2024-06-01-hello-eleventy.md': ['blog', 'published', '2024-06-01'],
        'posts/unfinished-thoughts.md': ['blog', 'drafting', '2024-07-01'],
        'posts/private-notes.md': ['blog', 'drafting', undefined],
      });
    });

    it('writes a new post into posts/ with draft: true', async () => {
      const post = await newPost('eleventy', 'Seed swap');
      try {
        assert.equal(post.path, 'posts/seed-swap.md');
        assert.match(post.text, /^draft: true$/m);
      } finally {
        await remove('eleventy', post.path);
      }
    });

    it('publishes by removing permalink: false, and dates the post', async () => {
      await expectStatusEdit('eleventy', 'posts/private-notes.md', 'published', (text) =>
        text.replace('permalink: false\n', `status: published\ndraft: false\ndate: ${today()}\n`),
      );
    });
  });

  describe('MkDocs Material blog', () => {
    it('lists docs/blog/posts, dated by date or date.created', async () => {
      await expectListing('mkdocs', {
        'docs/blog/posts/welcome.md': ['blog', 'published', '2024-01-31'],
        'docs/blog/posts/release-process.md': ['blog', 'drafting', '2024-02-14'],
      });
    });

    it('writes a new post into docs/blog/posts with draft: true and the date the blog plugin requires', async () => {
      const post = await newPost('mkdocs', 'On-call handover');
      try {
        assert.equal(post.path, 'docs/blog/posts/on-call-handover.md');
        assert.match(post.text, /^draft: true$/m);
        assert.match(post.text, new RegExp(`^date: '?${today()}'?$`, 'm'));
      } finally {
        await remove('mkdocs', post.path);
      }
    });

    it('publishes with draft: false', async () => {
      await expectStatusEdit('mkdocs', 'docs/blog/posts/release-process.md', 'published', (text) => text.replace('draft: true\n', 'draft: false\nstatus: published\n'));
    });
  });

  describe('Remix in services/site', () => {
    it('lists the content/blog posts of the site three folders down', async () => {
      await expectListing('remix', {
        'services/site/content/blog/hello-remix.mdx': ['blog', 'published', '2024-04-04'],
        'services/site/content/blog/streaming-ssr.mdx': ['blog', 'drafting', '2024-05-05'],
      });
    });

    it('writes a new post as .mdx, like the posts beside it, with draft: true', async () => {
      const post = await newPost('remix', 'Edge caching');
      try {
        assert.equal(post.path, 'services/site/content/blog/edge-caching.mdx');
        assert.match(post.text, /^draft: true$/m);
      } finally {
        await remove('remix', post.path);
      }
    });

    it('publishes with draft: false', async () => {
      await expectStatusEdit('remix', 'services/site/content/blog/streaming-ssr.mdx', 'published', (text) => text.replace('draft: true\n', 'draft: false\nstatus: published\n'));
    });
  });

  describe('Two sites in one folder', () => {
    const settingsFile = (): vscode.Uri => uriIn('two-sites', '.vscode/settings.json');

    after(async () => {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root('two-sites').uri, '.vscode'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    it('lists each site’s posts under its own rules, and drafts outside both', async () => {
      await expectListing('two-sites', {
        'website/blog/2024-01-01-docs-launch.md': ['blog', 'published', '2024-01-01'],
        'apps/blog/src/content/blog/first-post.md': ['blog', 'published', '2024-02-02'],
        'apps/blog/src/content/blog/work-in-progress.md': ['blog', 'drafting', undefined],
        'talks/2024-beacon-at-devconf.md': ['talk', 'submitted', undefined],
      });
    });

    it('shows both sites, their folders with counts and the untracked talks folder in Set Up Workspace', async () => {
      const result = await executeCommand<{
        report: {
          sites: { root: string; generator: string }[];
          mappings: { folder: string; files: number; drafts: number }[];
          candidates: { folder: string; kind: string }[];
          problems: unknown[];
        };
      }>('devrel.setUpWorkspace', { folder: 'two-sites', apply: false });
      assert.ok(result);
      assert.deepEqual(
        result.report.sites.map((s) => `${s.generator}@${s.root}`),
        ['astro@apps/blog', 'docusaurus@website'],
      );
      assert.deepEqual(
        result.report.mappings.map((m) => `${m.folder}:${m.files}:${m.drafts}`),
        ['apps/blog/src/content/blog:2:2', 'website/blog:1:1'],
      );
      assert.deepEqual(
        result.report.candidates.map((c) => `${c.folder}:${c.kind}`),
        ['talks:talk'],
      );
      assert.deepEqual(result.report.problems, []);
    });

    it('puts a scripted new post in the first site’s folder, then where the workspace settings say', async () => {
      const first = await newPost('two-sites', 'Beacon roadmap');
      try {
        assert.equal(first.path, 'apps/blog/src/content/blog/beacon-roadmap.md');
        assert.match(first.text, /^draft: true$/m);
      } finally {
        await remove('two-sites', first.path);
      }
      await vscode.workspace.fs.writeFile(settingsFile(), new TextEncoder().encode('{\n  // where new posts go\n  "devrel.folders": { "blog": "website/blog" }\n}\n'));
      await waitFor(
        () => vscode.workspace.getConfiguration('devrel', root('two-sites').uri).get<Record<string, string>>('folders')?.blog === 'website/blog',
        10_000,
        'the folder setting',
      );
      const second = await newPost('two-sites', 'Docs search');
      try {
        assert.equal(second.path, `website/blog/${today()}-docs-search.md`, 'Docusaurus names posts by date');
        assert.match(second.text, /^draft: true$/m);
      } finally {
        await remove('two-sites', second.path);
      }
    });

    it('publishes an Astro post with draft: false and a date', async () => {
      await expectStatusEdit('two-sites', 'apps/blog/src/content/blog/work-in-progress.md', 'published', (text) =>
        text.replace('draft: true\n', `draft: false\nstatus: published\ndate: ${today()}\n`),
      );
    });
  });

  describe('Set Up Workspace', () => {
    it('reports a site with no problems, and counts what is tracked', async () => {
      const result = await executeCommand<{
        report: { sites: { label: string; configFile: string }[]; mappings: { folder: string; files: number; drafts: number }[]; problems: unknown[] };
      }>('devrel.setUpWorkspace', { folder: 'jekyll-docs', apply: false });
      assert.ok(result);
      assert.deepEqual(
        result.report.sites.map((s) => [s.label, s.configFile]),
        [['Jekyll site in docs/', 'docs/_config.yml']],
      );
      assert.deepEqual(
        result.report.mappings.map((m) => `${m.folder}:${m.files}:${m.drafts}`),
        ['docs/_drafts:1:1', 'docs/_posts:3:2'],
      );
      assert.deepEqual(result.report.problems, []);
    });

    it('writes the mapping to .vscode/settings.json, keeping what the person wrote there', async () => {
      const file = uriIn('hexo', '.vscode/settings.json');
      const mine = '{\n  // Hexo builds from source/\n  "editor.wordWrap": "on",\n}\n';
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(mine));
      try {
        const result = await executeCommand<{ written?: Record<string, string> }>('devrel.setUpWorkspace', { folder: 'hexo', apply: true });
        assert.deepEqual(result?.written, { 'source/_drafts': 'blog', 'source/_posts': 'blog' });
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        assert.ok(text.startsWith('{\n  // Hexo builds from source/\n  "editor.wordWrap": "on",'), text);
        assert.deepEqual(vscode.workspace.getConfiguration('devrel', root('hexo').uri).get('folderKinds'), { 'source/_drafts': 'blog', 'source/_posts': 'blog' });
        await expectListing('hexo', {
          'source/_posts/hello-world.md': ['blog', 'published', '2024-01-15'],
          'source/_posts/deep-sea-lights.md': ['blog', 'drafting', '2024-03-02'],
          'source/_drafts/bioluminescence-faq.md': ['blog', 'drafting', undefined],
        });
      } finally {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(root('hexo').uri, '.vscode'), { recursive: true, useTrash: false });
      }
    });
  });
});
