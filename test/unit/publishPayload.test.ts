import assert from 'node:assert/strict';
import { crossPostChecks, firstParagraph } from '../../src/core/publish/checks';
import { localReferences, rewriteReferences } from '../../src/core/publish/markdown';
import { renderPlanPreview } from '../../src/core/publish/preview';
import { blockingProblems, buildPublishPlan, devtoTag, hashnodeTagSlug, HASHNODE_PUBLISH_POST, HASHNODE_UPDATE_POST, splitDraft } from '../../src/core/publish/payload';
import { defaultPermalink, permalinkPath, siteUrlFromConfig } from '../../src/core/publish/siteUrl';
import type { PublishContext } from '../../src/core/publish/types';

const BODY = [
  'Intro with a ![diagram](./img/flow.png "Flow") and [the docs](/docs/setup/).',
  '',
  '```sh',
  'cat ./img/not-a-link.png ![x](./inside-code.png)',
  '```',
  '',
  'See `![not](./span.png)` and [another post](../posts/other-post.md#part).',
  '',
  '[ref]: ./files/data.csv',
  '<img src="img/hero.jpg" alt="hero"> and [external](https://example.com/a.png).',
  '',
].join('\n');

const DRAFT = [
  '---',
  'kind: blog',
  'title: "Tracing costs: a field guide"',
  'date: 2026-11-03',
  'tags: [OpenTelemetry, observability, go, cost-control, sre]',
  'series: Observability budgets',
  'description: What tail sampling really saves.',
  'cover_image: ./img/cover.png',
  '---',
  '',
  BODY,
].join('\n');

const CONTEXT: PublishContext = {
  relativePath: 'content/posts/tracing-costs.md',
  siteUrl: 'https://blog.example.dev/',
  permalink: '/{section}/{slug}/',
  assetsBaseUrl: 'https://raw.example.com/acme/blog/main',
  hashnodePublicationId: '65f0c0ffee',
};

describe('publish payloads', () => {
  describe('site URL and permalinks', () => {
    it('reads the base URL from Hugo, Jekyll and Astro configs', () => {
      assert.equal(siteUrlFromConfig('hugo.toml', 'baseURL = "https://blog.tracewell.dev/"\ntitle = "x"\n'), 'https://blog.tracewell.dev/');
      assert.equal(siteUrlFromConfig('config.yaml', 'baseURL: https://a.dev\n'), 'https://a.dev/');
      assert.equal(siteUrlFromConfig('_config.yml', 'url: https://me.github.io\nbaseurl: /blog\n'), 'https://me.github.io/blog/');
      assert.equal(siteUrlFromConfig('astro.config.mjs', "export default defineConfig({\n  site: 'https://astro.example',\n});\n"), 'https://astro.example/');
      assert.equal(siteUrlFromConfig('hugo.toml', 'title = "no url"'), undefined);
      assert.equal(siteUrlFromConfig('hugo.toml', 'baseURL = [broken'), undefined);
      assert.equal(siteUrlFromConfig('hugo.toml', 'baseURL = "/relative/"'), undefined);
    });

    it('expands the permalink rule from the path, slug and date', () => {
      assert.equal(permalinkPath('/{section}/{slug}/', { relativePath: 'content/posts/2026-11-grpc.md', data: {} }), '/posts/2026-11-grpc/');
      assert.equal(permalinkPath('/{section}/{slug}/', { relativePath: 'content/posts/bundle/index.md', data: {} }), '/posts/bundle/');
      assert.equal(permalinkPath('/{section}/{slug}/', { relativePath: 'content/posts/x.md', data: { slug: 'own-slug' } }), '/posts/own-slug/');
      assert.equal(permalinkPath('/{year}/{month}/{day}/{slug}.html', { relativePath: '_posts/2026-03-07-hello-world.md', data: {} }), '/2026/03/07/hello-world.html');
      assert.equal(permalinkPath('/{year}/{slug}/', { relativePath: 'posts/x.md', data: { date: '2025-01-02' } }), '/2025/x/');
      assert.equal(permalinkPath('/{year}/{slug}/', { relativePath: 'posts/x.md', data: {} }), undefined, 'an undated post has no year');
      assert.equal(permalinkPath('/{section}/{slug}/', { relativePath: 'notes.md', data: {} }), '/notes/', 'no section leaves no double slash');
      assert.equal(permalinkPath('/{slug}/', { relativePath: 'posts/x.md', data: { url: '/custom/place/' } }), '/custom/place/');
    });

    it('knows each generator’s default rule and Jekyll’s permalink setting', () => {
      assert.equal(defaultPermalink('hugo'), '/{section}/{slug}/');
      assert.equal(defaultPermalink('jekyll'), '/{year}/{month}/{day}/{slug}.html');
      assert.equal(defaultPermalink('jekyll', 'permalink: pretty\n'), '/{year}/{month}/{day}/{slug}/');
      assert.equal(defaultPermalink('jekyll', 'permalink: /blog/:year/:title/\n'), '/blog/{year}/{slug}/');
      assert.equal(defaultPermalink('none'), '/{slug}/');
    });
  });

  describe('relative links and images', () => {
    it('makes relative targets absolute and leaves code, anchors and absolute URLs alone', () => {
      const result = rewriteReferences(BODY, {
        relativePath: 'content/posts/tracing-costs.md',
        siteUrl: 'https://blog.example.dev/',
        assetsBaseUrl: 'https://raw.example.com/acme/blog/main/',
        pageUrl: (path) => `https://blog.example.dev/page-of/${path}`,
      });
      const lines = result.body.split('\n');
      assert.equal(
        lines[0],
        'Intro with a ![diagram](https://raw.example.com/acme/blog/main/content/posts/img/flow.png "Flow") and [the docs](https://blog.example.dev/docs/setup/).',
      );
      assert.equal(lines[3], 'cat ./img/not-a-link.png ![x](./inside-code.png)', 'fenced code is untouched');
      assert.equal(lines[6], 'See `![not](./span.png)` and [another post](https://blog.example.dev/page-of/content/posts/other-post.md#part).');
      assert.equal(lines[8], '[ref]: https://raw.example.com/acme/blog/main/content/posts/files/data.csv');
      assert.equal(lines[9], '<img src="https://raw.example.com/acme/blog/main/content/posts/img/hero.jpg" alt="hero"> and [external](https://example.com/a.png).');
      assert.deepEqual(result.unresolved, []);
      assert.equal(result.rewritten.length, 5);
    });

    it('lists targets it cannot resolve and leaves them as written', () => {
      const result = rewriteReferences('![a](./a.png)\n![b](/b.png)\n![c](../../../outside.png)\n![d](gone.png)\n', {
        relativePath: 'content/posts/x.md',
        missingFiles: new Set(['content/posts/gone.png']),
      });
      assert.equal(result.body, '![a](./a.png)\n![b](/b.png)\n![c](../../../outside.png)\n![d](gone.png)\n');
      assert.deepEqual(
        result.unresolved.map((u) => [u.target, u.line]),
        [
          ['./a.png', 1],
          ['/b.png', 2],
          ['../../../outside.png', 3],
          ['gone.png', 4],
        ],
      );
      assert.match(result.unresolved[0].reason, /assetsBaseUrl/);
      assert.match(result.unresolved[1].reason, /siteUrl/);
      assert.match(result.unresolved[3].reason, /does not exist/);
    });

    it('finds the local files a body refers to, so their existence can be checked', () => {
      assert.deepEqual(localReferences(BODY, 'content/posts/tracing-costs.md').sort(), [
        'content/posts/files/data.csv',
        'content/posts/img/flow.png',
        'content/posts/img/hero.jpg',
        'content/posts/other-post.md',
      ]);
    });
  });

  describe('dev.to', () => {
    it('builds a create request with the canonical link, tag rules, absolute cover and a body without front matter', () => {
      const plan = buildPublishPlan(DRAFT, CONTEXT, { platform: 'devto' });
      assert.equal(plan.action, 'create');
      assert.equal(plan.request.method, 'POST');
      assert.equal(plan.request.path, '/api/articles');
      const article = (plan.request.json as { article: Record<string, unknown> }).article;
      assert.deepEqual(Object.keys(article), ['title', 'body_markdown', 'published', 'tags', 'series', 'canonical_url', 'main_image', 'description']);
      assert.equal(article.title, 'Tracing costs: a field guide');
      assert.equal(article.published, true);
      assert.deepEqual(article.tags, ['opentelemetry', 'observability', 'go', 'costcontrol']);
      assert.equal(article.series, 'Observability budgets');
      assert.equal(article.canonical_url, 'https://blog.example.dev/posts/tracing-costs/');
      assert.equal(article.main_image, 'https://raw.example.com/acme/blog/main/content/posts/img/cover.png');
      assert.equal(article.description, 'What tail sampling really saves.');
      assert.equal(article.body_markdown, plan.body);
      assert.ok(!plan.body.includes('kind: blog'), 'our front matter is not in the body');
      assert.ok(plan.body.startsWith('Intro with a ![diagram](https://raw.example.com/'));
      const codes = plan.problems.map((p) => p.code).sort();
      assert.deepEqual(codes, ['invalid-tag', 'relative-cover', 'too-many-tags']);
      const tooMany = plan.problems.find((p) => p.code === 'too-many-tags');
      assert.deepEqual(tooMany?.fix, {
        title: 'Set devto_tags to opentelemetry, observability, go, costcontrol',
        field: 'devto_tags',
        value: ['opentelemetry', 'observability', 'go', 'costcontrol'],
      });
      assert.deepEqual(blockingProblems(plan), []);
    });

    it('updates instead of creating when the draft carries devto_id, leaving published alone unless asked', () => {
      const text = DRAFT.replace('kind: blog\n', 'kind: blog\ndevto_id: 1837\n');
      const plan = buildPublishPlan(text, CONTEXT, { platform: 'devto' });
      assert.equal(plan.action, 'update');
      assert.equal(plan.remoteId, '1837');
      assert.equal(plan.request.method, 'PUT');
      assert.equal(plan.request.path, '/api/articles/1837');
      assert.equal('published' in (plan.request.json as { article: object }).article, false);
      const unpublish = buildPublishPlan(text, CONTEXT, { platform: 'devto', published: false });
      assert.equal((unpublish.request.json as { article: { published: boolean } }).article.published, false);
    });

    it('uses devto_tags and canonical_url when the draft sets them', () => {
      const text = DRAFT.replace('kind: blog\n', 'kind: blog\ndevto_tags: [otel, go]\ncanonical_url: https://elsewhere.example/post\n');
      const plan = buildPublishPlan(text, CONTEXT, { platform: 'devto' });
      const article = (plan.request.json as { article: Record<string, unknown> }).article;
      assert.deepEqual(article.tags, ['otel', 'go']);
      assert.equal(article.canonical_url, 'https://elsewhere.example/post');
      assert.ok(!plan.problems.some((p) => p.code === 'too-many-tags' || p.code === 'invalid-tag'));
    });

    it('refuses a body that dev.to would read as front matter, and a missing title', () => {
      const text = '---\nkind: blog\n---\n\n---\ntitle: Sneaky\n---\nBody\n';
      const plan = buildPublishPlan(text, CONTEXT, { platform: 'devto' });
      assert.deepEqual(
        blockingProblems(plan)
          .map((p) => p.code)
          .sort(),
        ['body-front-matter', 'missing-title'],
      );
    });

    it('warns about missing cover, description and canonical link', () => {
      const plan = buildPublishPlan('---\ntitle: Bare\n---\nJust text.\n', { relativePath: 'posts/bare.md', permalink: '/{slug}/' }, { platform: 'devto' });
      assert.deepEqual(plan.problems.map((p) => p.code).sort(), ['missing-cover', 'missing-description', 'no-canonical']);
      assert.equal(plan.body, 'Just text.\n');
      const article = (plan.request.json as { article: Record<string, unknown> }).article;
      assert.deepEqual(Object.keys(article), ['title', 'body_markdown', 'published', 'tags']);
    });

    it('normalises tags to lowercase letters and digits', () => {
      assert.equal(devtoTag('Open-Source'), 'opensource');
      assert.equal(devtoTag('C++'), 'c');
      assert.equal(devtoTag('k8s'), 'k8s');
      assert.equal(devtoTag('---'), '');
    });
  });

  describe('Hashnode', () => {
    it('builds publishPost with originalArticleURL, cover options, tags and the publication', () => {
      const plan = buildPublishPlan(DRAFT, CONTEXT, { platform: 'hashnode' });
      assert.equal(plan.action, 'create');
      const json = plan.request.json as { query: string; variables: { input: Record<string, unknown> } };
      assert.equal(json.query, HASHNODE_PUBLISH_POST);
      const input = json.variables.input;
      assert.equal(input.publicationId, '65f0c0ffee');
      assert.equal(input.contentMarkdown, plan.body);
      assert.equal(input.originalArticleURL, 'https://blog.example.dev/posts/tracing-costs/');
      assert.deepEqual(input.coverImageOptions, { coverImageURL: 'https://raw.example.com/acme/blog/main/content/posts/img/cover.png' });
      assert.deepEqual(input.metaTags, { description: 'What tail sampling really saves.' });
      assert.deepEqual(input.tags, [
        { slug: 'opentelemetry', name: 'OpenTelemetry' },
        { slug: 'observability', name: 'observability' },
        { slug: 'go', name: 'go' },
        { slug: 'cost-control', name: 'cost-control' },
        { slug: 'sre', name: 'sre' },
      ]);
      assert.ok(
        plan.problems.some((p) => p.code === 'series-needs-id'),
        'a series name alone cannot be sent',
      );
    });

    it('updates with updatePost and the post id when hashnode_id is present', () => {
      const text = DRAFT.replace('kind: blog\n', 'kind: blog\nhashnode_id: 6650abc\n');
      const plan = buildPublishPlan(text, { ...CONTEXT, hashnodePublicationId: undefined }, { platform: 'hashnode' });
      const json = plan.request.json as { query: string; variables: { input: Record<string, unknown> } };
      assert.equal(plan.action, 'update');
      assert.equal(json.query, HASHNODE_UPDATE_POST);
      assert.equal(json.variables.input.id, '6650abc');
      assert.equal('publicationId' in json.variables.input, false);
      assert.deepEqual(blockingProblems(plan), [], 'an update needs no publication id');
    });

    it('needs a publication id to create, and cannot leave a post unpublished', () => {
      const plan = buildPublishPlan(DRAFT, { ...CONTEXT, hashnodePublicationId: undefined }, { platform: 'hashnode', published: false });
      assert.deepEqual(
        blockingProblems(plan)
          .map((p) => p.code)
          .sort(),
        ['missing-publication', 'unpublished-unsupported'],
      );
    });

    it('makes tag slugs of lowercase letters, digits and hyphens', () => {
      assert.equal(hashnodeTagSlug('Developer Experience'), 'developer-experience');
      assert.equal(hashnodeTagSlug('node.js'), 'node-js');
      assert.equal(hashnodeTagSlug('C#'), 'c');
    });
  });

  it('splits front matter from the body, with the blank lines after it', () => {
    const parts = splitDraft('---\r\ntitle: X\r\n---\r\n\r\nBody\r\n');
    assert.equal(parts.body, 'Body\r\n');
    assert.equal(parts.bodyStartLine, 4);
    assert.deepEqual(parts.data, { title: 'X' });
  });
});

describe('cross-post checks', () => {
  const published =
    '---\ntitle: Out there\nstatus: published\ntags: [a, b, c, d, Open-Source]\n---\n\nFirst paragraph, with a [link](https://x.example) and *emphasis*.\n\nSecond.\n';

  it('checks posts that are out on the site, with places and fixes, and hints at cross-posting', () => {
    const problems = crossPostChecks(published, { relativePath: 'posts/out.md', publishedOnSite: true });
    assert.deepEqual(problems.map((p) => p.code).sort(), ['invalid-tag', 'missing-cover', 'missing-description', 'not-cross-posted', 'too-many-tags']);
    const tags = problems.find((p) => p.code === 'too-many-tags');
    assert.deepEqual(tags?.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 31 } });
    assert.deepEqual(tags?.fix?.value, ['a', 'b', 'c', 'd']);
    const description = problems.find((p) => p.code === 'missing-description');
    assert.deepEqual(description?.fix, { title: 'Use the first paragraph as the description', field: 'description', value: 'First paragraph, with a link and emphasis.' });
    assert.equal(problems.find((p) => p.code === 'not-cross-posted')?.severity, 'info');
  });

  it('leaves work in progress alone, and drops the hint once cross-posted', () => {
    assert.deepEqual(crossPostChecks(published, { relativePath: 'posts/out.md', publishedOnSite: false }), []);
    const crossPosted = published.replace('status: published\n', 'status: published\ndevto_id: 12\n');
    assert.ok(!crossPostChecks(crossPosted, { relativePath: 'posts/out.md', publishedOnSite: true }).some((p) => p.code === 'not-cross-posted'));
    assert.ok(crossPostChecks(crossPosted, { relativePath: 'posts/out.md', publishedOnSite: false }).length > 0, 'a cross-posted draft is checked whatever its status');
  });

  it('finds the first plain paragraph for a description, skipping code, headings and images', () => {
    assert.equal(firstParagraph('# Title\n\n```\ncode\n\nmore code\n```\n\n![x](y.png)\n\nReal `text` here.\n'), 'Real text here.');
    const long = 'word '.repeat(60).trim();
    const shortened = firstParagraph(long) ?? '';
    assert.ok(shortened.length <= 160 && shortened.endsWith('…'));
    assert.equal(firstParagraph('## Only a heading\n'), undefined);
  });
});

describe('dry-run preview', () => {
  it('lists the request, problems, fields and the exact body in a fence the body cannot close', () => {
    const text = DRAFT.replace(BODY, 'Some ```` fences ```` inside.\n');
    const plan = buildPublishPlan(text, CONTEXT, { platform: 'devto' });
    const preview = renderPlanPreview(plan, 'https://dev.to', 'content/posts/tracing-costs.md');
    assert.match(preview, /^# Dry run: Create a dev\.to article\n/);
    assert.ok(preview.includes('**Request:** `POST https://dev.to/api/articles`'));
    assert.ok(preview.includes('- **canonical_url**: `https://blog.example.dev/posts/tracing-costs/` (from the site URL and permalink /{section}/{slug}/)'));
    assert.ok(preview.includes('- **tags**: `opentelemetry`, `observability`, `go`, `costcontrol` (from tags)'));
    assert.ok(preview.includes('- ⚠️ dev.to takes at most 4 tags'));
    assert.ok(preview.endsWith('## `body_markdown`, exactly as sent\n\n`````markdown\nSome ```` fences ```` inside.\n`````\n'));
  });

  it('says which problems stop the publish and names an update by its id', () => {
    const plan = buildPublishPlan('---\ndevto_id: 99\n---\nBody\n', CONTEXT, { platform: 'devto' });
    const preview = renderPlanPreview(plan, 'https://dev.to', 'posts/x.md');
    assert.match(preview, /^# Dry run: Update dev\.to article 99/);
    assert.ok(preview.includes('**This problem stops the publish until fixed.**'));
    assert.ok(preview.includes('- **published**: *not sent* (kept as it is on dev.to)'));
  });
});
