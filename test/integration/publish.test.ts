import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import * as fs from 'fs';
import { deleteWorkspaceFile, editorLogFiles, executeCommand, getApi, readWorkspaceFile, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

/** What `devrel.publish` returns; mirrored here because tests never import src/. */
interface PublishResult {
  status: 'dry-run' | 'created' | 'updated' | 'failed' | 'cancelled';
  platform: string;
  id?: string;
  url?: string;
  request?: { method: string; url: string; json: unknown };
  body?: string;
  problems?: { code: string; severity: string; message: string }[];
  unresolved?: { target: string; line: number; reason: string }[];
  error?: { kind: string; message: string; field?: string };
}

interface SyncReport {
  platform: string;
  drafts: number;
  updated: number;
  missing: string[];
  failed: { path: string; message: string }[];
  error?: { kind: string; message: string };
  lastFetched?: string;
}

interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  json: unknown;
}

interface DevtoArticle {
  id: number;
  url: string;
  article: Record<string, unknown>;
  views: number;
  reactions: number;
  comments: number;
}

/**
 * A stand-in for both platforms, speaking their documented shapes: dev.to's REST articles
 * endpoints with the `api-key` header, and Hashnode's GraphQL publishPost, updatePost and post.
 */
class FakePlatforms {
  readonly received: Received[] = [];
  readonly devto = new Map<number, DevtoArticle>();
  readonly hashnode = new Map<string, { id: string; url: string; input: Record<string, unknown>; views: number }>();
  devtoKey = 'devto-test-key-0001';
  hashnodeKey = 'hashnode-test-token-0001';
  /** The next answers to give instead of the normal one, in order. */
  readonly scripted: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
  hang = false;
  delayMs = 0;
  private nextId = 4100;
  private server = http.createServer((req, res) => void this.handle(req, res));
  private sockets = new Set<import('net').Socket>();
  port = 0;

  async start(): Promise<void> {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const url = new URL(req.url ?? '/', this.base);
    const json = raw ? JSON.parse(raw) : undefined;
    this.received.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, json });
    if (this.hang) return;
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const scripted = this.scripted.shift();
    if (scripted) return send(scripted.status, scripted.body, scripted.headers);
    if (url.pathname === '/graphql') return this.graphql(req, json as { query: string; variables: Record<string, unknown> }, send);
    if (req.headers['api-key'] !== this.devtoKey) return send(401, { error: 'unauthorized', status: 401 });
    if (req.method === 'POST' && url.pathname === '/api/articles') {
      const article = (json as { article: Record<string, unknown> }).article;
      const id = this.nextId++;
      const entry = {
        id,
        url: `https://dev.to/priya/${String(article.title)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}-${id}`,
        article,
        views: 0,
        reactions: 0,
        comments: 0,
      };
      this.devto.set(id, entry);
      return send(201, { type_of: 'article', id, title: article.title, url: entry.url, published: article.published });
    }
    const put = /^\/api\/articles\/(\d+)$/.exec(url.pathname);
    if (req.method === 'PUT' && put) {
      const entry = this.devto.get(Number(put[1]));
      if (!entry) return send(404, { error: 'not found', status: 404 });
      entry.article = { ...entry.article, ...(json as { article: Record<string, unknown> }).article };
      return send(200, { type_of: 'article', id: entry.id, title: entry.article.title, url: entry.url });
    }
    if (req.method === 'GET' && url.pathname === '/api/articles/me') {
      return send(
        200,
        [...this.devto.values()].map((a) => ({
          type_of: 'article',
          id: a.id,
          title: a.article.title,
          url: a.url,
          published: true,
          page_views_count: a.views,
          public_reactions_count: a.reactions,
          comments_count: a.comments,
        })),
      );
    }
    send(404, { error: 'not found', status: 404 });
  }

  private graphql(req: http.IncomingMessage, body: { query: string; variables: Record<string, unknown> }, send: (status: number, body: unknown) => void): void {
    if (req.headers.authorization !== this.hashnodeKey) return send(200, { errors: [{ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }], data: null });
    const input = body.variables.input as Record<string, unknown> | undefined;
    if (body.query.includes('publishPost(') && input) {
      const id = `6650${(this.nextId++).toString(16)}`;
      const post = {
        id,
        url: `https://priya.hashnode.dev/${String(input.title)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}`,
        input,
        views: 0,
      };
      this.hashnode.set(id, post);
      return send(200, { data: { publishPost: { post: { id, slug: 'x', url: post.url } } } });
    }
    if (body.query.includes('updatePost(') && input) {
      const post = this.hashnode.get(String(input.id));
      if (!post) return send(200, { errors: [{ message: 'Post not found', extensions: { code: 'NOT_FOUND' } }], data: null });
      post.input = { ...post.input, ...input };
      return send(200, { data: { updatePost: { post: { id: post.id, slug: 'x', url: post.url } } } });
    }
    if (body.query.startsWith('query PostStats')) {
      const data: Record<string, unknown> = {};
      for (const [name, id] of Object.entries(body.variables)) {
        const post = this.hashnode.get(String(id));
        data[`p${name.slice(2)}`] = post ? { id: post.id, url: post.url, views: post.views, reactionCount: 5, responseCount: 1, replyCount: 1 } : null;
      }
      return send(200, { data });
    }
    send(200, { errors: [{ message: 'Unknown operation', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  }
}

const DRAFT_PATH = 'content/posts/publish-demo.md';
const IMAGE_PATH = 'content/posts/img/pipeline.png';
const BODY = ['Tail sampling keeps the traces that matter.', '', '![The pipeline](./img/pipeline.png)', '', 'Read [the setup notes](/notes/setup/) first.', ''].join('\n');
const DRAFT = [
  '---',
  'kind: blog',
  'title: "Tail sampling on a budget"',
  'status: published',
  'date: 2026-10-20',
  'tags: [OpenTelemetry, observability, go, sre, cost-control]',
  'series: Observability budgets',
  'description: What tail sampling saves, and what it costs.',
  'cover_image: ./img/pipeline.png',
  '---',
  '',
  BODY,
].join('\n');

function bodyOf(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  assert.ok(match, 'expected YAML front matter');
  return text.slice(match[0].length);
}

async function publishNow(options: Record<string, unknown>): Promise<PublishResult | undefined> {
  return executeCommand<PublishResult>('devrel.publish', workspaceUri(DRAFT_PATH), options);
}

describe('Publish and cross-post', function () {
  const fake = new FakePlatforms();
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('devrel');
  const settings: [string, unknown][] = [];
  const set = async (key: string, value: unknown): Promise<void> => {
    settings.push([key, undefined]);
    await config().update(key, value, vscode.ConfigurationTarget.Workspace);
  };

  before(async () => {
    await fake.start();
    await set('publish.devto.endpoint', fake.base);
    await set('publish.hashnode.endpoint', `${fake.base}/graphql`);
    await set('publish.assetsBaseUrl', 'https://raw.example.test/priya/blog/main/');
    await set('publish.hashnode.publicationId', '65f1e4c0ffee0000aaaa0001');
    await vscode.workspace.fs.writeFile(workspaceUri(IMAGE_PATH), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await writeWorkspaceFile(DRAFT_PATH, DRAFT);
    const api = await getApi();
    await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'Tail sampling on a budget'), 10_000, 'the demo draft to be indexed');
  });

  after(async () => {
    for (const [key] of settings) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await executeCommand('devrel.clearApiKey', 'devto');
    await executeCommand('devrel.clearApiKey', 'hashnode');
    await deleteWorkspaceFile(DRAFT_PATH).catch(() => undefined);
    await deleteWorkspaceFile('content/posts/img').catch(() => undefined);
    await fake.stop();
  });

  it('stores API keys in secret storage without asking', async () => {
    assert.equal(await executeCommand('devrel.setApiKey', 'devto', fake.devtoKey), true);
    assert.equal(await executeCommand('devrel.setApiKey', 'hashnode', fake.hashnodeKey), true);
    assert.equal(await executeCommand('devrel.setApiKey', 'myspace', 'x'), undefined, 'an unknown platform is refused');
    const settingsText = JSON.stringify(vscode.workspace.getConfiguration('devrel').get('publish'));
    assert.ok(!settingsText.includes(fake.devtoKey), 'the key is not in settings');
  });

  it('does a dry run the first time: shows the exact payload and sends nothing', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    const result = await publishNow({ platform: 'devto' });
    assert.ok(result);
    assert.equal(result.status, 'dry-run');
    assert.equal(fake.received.length, 0, 'nothing reached the server');
    assert.equal(result.request?.method, 'POST');
    assert.equal(result.request?.url, `${fake.base}/api/articles`);
    const article = (result.request?.json as { article: Record<string, unknown> }).article;
    assert.equal(article.canonical_url, 'https://blog.tracewell.dev/posts/publish-demo/', 'canonical from hugo.toml baseURL and the section');
    assert.deepEqual(article.tags, ['opentelemetry', 'observability', 'go', 'sre']);
    assert.equal(article.main_image, 'https://raw.example.test/priya/blog/main/content/posts/img/pipeline.png');
    assert.equal(
      article.body_markdown,
      BODY.replace('./img/pipeline.png', 'https://raw.example.test/priya/blog/main/content/posts/img/pipeline.png').replace(
        '(/notes/setup/)',
        '(https://blog.tracewell.dev/notes/setup/)',
      ),
    );
    assert.ok(result.problems?.some((p) => p.code === 'too-many-tags'));
    const preview = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'devrel-publish'), 5000, 'the preview document');
    assert.match(preview.getText(), /^# Dry run: Create a dev\.to article/);
    assert.ok(preview.getText().includes(String(article.body_markdown).trimEnd()), 'the preview shows the exact Markdown');
    assert.equal(await readWorkspaceFile(DRAFT_PATH), before, 'a dry run writes nothing');
  });

  it('publishes to dev.to, writes back devto_id and devto_url, and leaves the body byte for byte', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    const result = await publishNow({ platform: 'devto' });
    assert.equal(result?.status, 'created', JSON.stringify(result));
    assert.equal(fake.received.length, 1);
    const request = fake.received[0];
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/api/articles');
    assert.equal(request.headers['api-key'], fake.devtoKey);
    assert.equal(request.headers.accept, 'application/vnd.forem.api-v1+json');
    const article = (request.json as { article: Record<string, unknown> }).article;
    assert.deepEqual(Object.keys(article).sort(), ['body_markdown', 'canonical_url', 'description', 'main_image', 'published', 'series', 'tags', 'title']);
    assert.equal(article.published, true);
    assert.equal(article.series, 'Observability budgets');
    assert.equal(article.description, 'What tail sampling saves, and what it costs.');
    assert.ok(!String(article.body_markdown).includes('kind: blog'), 'no front matter in the body sent');
    const created = [...fake.devto.values()][0];
    const after = await readWorkspaceFile(DRAFT_PATH);
    assert.match(after, new RegExp(`^devto_id: ${created.id}$`, 'm'));
    assert.ok(after.includes(`devto_url: ${created.url}\n`));
    assert.equal(bodyOf(after), bodyOf(before), 'the body is untouched');
    assert.match(after, /^status: published$/m, 'the site’s own fields are untouched');
  });

  it('updates the same article on the second publish instead of creating another', async () => {
    const id = [...fake.devto.keys()][0];
    fake.received.length = 0;
    const result = await publishNow({ platform: 'devto' });
    assert.equal(result?.status, 'updated');
    assert.equal(result?.id, String(id));
    assert.equal(fake.received[0].method, 'PUT');
    assert.equal(fake.received[0].path, `/api/articles/${id}`);
    assert.equal(fake.devto.size, 1, 'no duplicate article');
  });

  it('waits out a 429 with Retry-After and tries once more', async () => {
    fake.received.length = 0;
    fake.scripted.push({ status: 429, body: { error: 'Rate limit reached', status: 429 }, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const result = await publishNow({ platform: 'devto' });
    assert.equal(result?.status, 'updated');
    assert.equal(fake.received.length, 2);
    assert.ok(Date.now() - started >= 900, 'it waited for Retry-After');
  });

  it('says when to try again after a long Retry-After, and writes nothing', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    fake.scripted.push({ status: 429, body: { error: 'Rate limit reached' }, headers: { 'retry-after': '3600' } });
    const result = await publishNow({ platform: 'devto' });
    assert.equal(result?.status, 'failed');
    assert.equal(result?.error?.kind, 'rate-limited');
    assert.match(result?.error?.message ?? '', /Try again after/);
    assert.equal(await readWorkspaceFile(DRAFT_PATH), before);
  });

  it('reports a rejected key (401), a validation error (422) and leaves the file untouched', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    await executeCommand('devrel.setApiKey', 'devto', 'wrong-key-1234');
    const unauthorized = await publishNow({ platform: 'devto' });
    assert.equal(unauthorized?.status, 'failed');
    assert.equal(unauthorized?.error?.kind, 'unauthorized');
    assert.match(unauthorized?.error?.message ?? '', /Set API Key/);
    assert.ok(!JSON.stringify(unauthorized).includes('wrong-key-1234'), 'the key is never in a message');
    await executeCommand('devrel.setApiKey', 'devto', fake.devtoKey);

    fake.scripted.push({ status: 422, body: { error: 'Tag list exceed the maximum of 4 tags', status: 422 } });
    const invalid = await publishNow({ platform: 'devto' });
    assert.equal(invalid?.error?.kind, 'validation');
    assert.equal(invalid?.error?.field, 'tags');
    assert.match(invalid?.error?.message ?? '', /Tag list exceed/);
    assert.equal(await readWorkspaceFile(DRAFT_PATH), before);
  });

  it('times out a server that never answers, and reports a server that is down', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    await set('publish.timeoutSeconds', 1);
    fake.hang = true;
    try {
      const timedOut = await publishNow({ platform: 'devto' });
      assert.equal(timedOut?.error?.kind, 'timeout');
      assert.match(timedOut?.error?.message ?? '', /did not answer within 1 s/);
    } finally {
      fake.hang = false;
    }
    await set('publish.devto.endpoint', 'http://127.0.0.1:9');
    try {
      const down = await publishNow({ platform: 'devto' });
      assert.equal(down?.error?.kind, 'network');
      assert.match(down?.error?.message ?? '', /could not be reached/);
    } finally {
      await set('publish.devto.endpoint', fake.base);
      await set('publish.timeoutSeconds', undefined);
    }
    assert.equal(await readWorkspaceFile(DRAFT_PATH), before);
  });

  it('reads devrel.devto.apiUrl and devrel.hashnode.apiUrl when the endpoint settings are not set', async () => {
    await set('publish.devto.endpoint', undefined);
    await set('devto.apiUrl', fake.base);
    try {
      fake.received.length = 0;
      const result = await publishNow({ platform: 'devto' });
      assert.equal(result?.status, 'updated', JSON.stringify(result));
      assert.equal(fake.received.length, 1, 'the request went to devrel.devto.apiUrl');
      await set('devto.apiUrl', 'http://127.0.0.1:9');
      await set('publish.devto.endpoint', fake.base);
      const again = await publishNow({ platform: 'devto' });
      assert.equal(again?.status, 'updated', 'devrel.publish.devto.endpoint wins where both are set');
    } finally {
      await set('devto.apiUrl', undefined);
      await set('publish.devto.endpoint', fake.base);
    }
  });

  it('refuses a second publish of the same draft while one is running', async () => {
    fake.delayMs = 600;
    fake.received.length = 0;
    try {
      const [first, second] = await Promise.all([publishNow({ platform: 'devto' }), publishNow({ platform: 'devto' })]);
      assert.equal(first?.status, 'updated');
      assert.equal(second, undefined, 'the second one is refused at the command boundary');
      assert.equal(fake.received.length, 1);
      fake.received.length = 0;
      // Both write back into the same file, so another platform waits its turn too.
      const [devto, hashnode] = await Promise.all([publishNow({ platform: 'devto' }), publishNow({ platform: 'hashnode', dryRun: true })]);
      assert.equal(devto?.status, 'updated');
      assert.equal(hashnode, undefined, 'a publish of the same draft to another platform is refused while one runs');
    } finally {
      fake.delayMs = 0;
    }
  });

  it('offers to create a deleted article again, and does so when asked', async () => {
    const oldId = [...fake.devto.keys()][0];
    fake.devto.delete(oldId);
    const before = await readWorkspaceFile(DRAFT_PATH);
    const refused = await publishNow({ platform: 'devto' });
    assert.equal(refused?.error?.kind, 'not-found');
    assert.equal(await readWorkspaceFile(DRAFT_PATH), before);
    const again = await publishNow({ platform: 'devto', recreate: true });
    assert.equal(again?.status, 'created');
    assert.notEqual(again?.id, String(oldId));
    assert.match(await readWorkspaceFile(DRAFT_PATH), new RegExp(`^devto_id: ${again?.id}$`, 'm'));
  });

  it('publishes to Hashnode with publishPost, then updates with updatePost', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    fake.received.length = 0;
    const created = await publishNow({ platform: 'hashnode', dryRun: false });
    assert.equal(created?.status, 'created', JSON.stringify(created));
    const request = fake.received[0];
    assert.equal(request.path, '/graphql');
    assert.equal(request.headers.authorization, fake.hashnodeKey);
    const { query, variables } = request.json as { query: string; variables: { input: Record<string, unknown> } };
    assert.match(query, /^mutation PublishPost\(\$input: PublishPostInput!\) \{ publishPost\(input: \$input\)/);
    assert.equal(variables.input.publicationId, '65f1e4c0ffee0000aaaa0001');
    assert.equal(variables.input.originalArticleURL, 'https://blog.tracewell.dev/posts/publish-demo/');
    assert.deepEqual(variables.input.coverImageOptions, { coverImageURL: 'https://raw.example.test/priya/blog/main/content/posts/img/pipeline.png' });
    assert.equal((variables.input.tags as unknown[]).length, 5);
    const after = await readWorkspaceFile(DRAFT_PATH);
    assert.match(after, new RegExp(`^hashnode_id: "?${created?.id}"?$`, 'm'));
    assert.match(after, /^hashnode_url: https:\/\/priya\.hashnode\.dev\//m);
    assert.equal(bodyOf(after), bodyOf(before));

    const updated = await publishNow({ platform: 'hashnode' });
    assert.equal(updated?.status, 'updated');
    const second = fake.received[1].json as { query: string; variables: { input: Record<string, unknown> } };
    assert.match(second.query, /^mutation UpdatePost/);
    assert.equal(second.variables.input.id, created?.id);
    assert.equal(fake.hashnode.size, 1);
  });

  it('reports a rejected Hashnode token (401) and a validation error (422), leaving the file untouched', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    await executeCommand('devrel.setApiKey', 'hashnode', 'wrong-token-5678');
    try {
      const unauthorized = await publishNow({ platform: 'hashnode' });
      assert.equal(unauthorized?.status, 'failed');
      assert.equal(unauthorized?.error?.kind, 'unauthorized');
      assert.match(unauthorized?.error?.message ?? '', /Hashnode refused the API key.*Set API Key/);
      assert.ok(!JSON.stringify(unauthorized).includes('wrong-token-5678'), 'the token is never in a message');
      fake.scripted.push({ status: 401, body: { errors: [{ message: 'Unauthorized' }] } });
      const http401 = await publishNow({ platform: 'hashnode' });
      assert.equal(http401?.error?.kind, 'unauthorized');
    } finally {
      await executeCommand('devrel.setApiKey', 'hashnode', fake.hashnodeKey);
    }

    fake.scripted.push({ status: 422, body: { errors: [{ message: 'Invalid tags: a post takes at most 5 tags', extensions: { code: 'BAD_USER_INPUT' } }] } });
    const invalid = await publishNow({ platform: 'hashnode' });
    assert.equal(invalid?.status, 'failed');
    assert.equal(invalid?.error?.kind, 'validation');
    assert.equal(invalid?.error?.field, 'tags');
    assert.match(invalid?.error?.message ?? '', /Hashnode rejected the post: Invalid tags/);

    fake.scripted.push({ status: 200, body: { data: null, errors: [{ message: 'originalArticleURL must be a URL', extensions: { code: 'BAD_USER_INPUT' } }] } });
    const graphQl = await publishNow({ platform: 'hashnode' });
    assert.equal(graphQl?.error?.kind, 'validation');
    assert.equal(graphQl?.error?.field, 'canonical_url');
    assert.equal(await readWorkspaceFile(DRAFT_PATH), before);
  });

  it('previews first for a draft that already carries a remote id from elsewhere', async () => {
    const path = 'content/posts/publish-foreign-id.md';
    const text = '---\nkind: blog\ntitle: Foreign id\nstatus: published\ndescription: Its id came from another tool.\ndevto_id: 9100\n---\nText.\n';
    await writeWorkspaceFile(path, text);
    try {
      const api = await getApi();
      await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'Foreign id'), 10_000, 'the draft with a foreign id');
      fake.received.length = 0;
      const result = await executeCommand<PublishResult>('devrel.publish', workspaceUri(path), { platform: 'devto' });
      assert.equal(result?.status, 'dry-run');
      assert.equal(result?.request?.method, 'PUT');
      assert.equal(result?.request?.url, `${fake.base}/api/articles/9100`);
      assert.equal(fake.received.length, 0, 'nothing sent');
      assert.equal(await readWorkspaceFile(path), text);
    } finally {
      await deleteWorkspaceFile(path);
    }
  });

  it('stops on an image that cannot be resolved, sending nothing, and sends with ignoreUnresolved', async () => {
    const path = 'content/posts/publish-missing-image.md';
    const text = '---\nkind: blog\ntitle: Missing image post\nstatus: published\ndescription: An image is missing.\n---\n\n![Gone](./img/not-there.png)\n';
    await writeWorkspaceFile(path, text);
    try {
      const api = await getApi();
      await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'Missing image post'), 10_000, 'the draft with a missing image');
      fake.received.length = 0;
      const stopped = await executeCommand<PublishResult>('devrel.publish', workspaceUri(path), { platform: 'devto', dryRun: false });
      assert.equal(stopped?.status, 'failed', JSON.stringify(stopped));
      assert.match(stopped?.error?.message ?? '', /can't be made absolute for dev\.to: \.\/img\/not-there\.png\. Nothing was sent\./);
      assert.equal(fake.received.length, 0, 'nothing reached the server');
      assert.equal(await readWorkspaceFile(path), text, 'the file is unchanged');

      const sent = await executeCommand<PublishResult>('devrel.publish', workspaceUri(path), { platform: 'devto', dryRun: false, ignoreUnresolved: true });
      assert.equal(sent?.status, 'created', JSON.stringify(sent));
      assert.equal(fake.received.length, 1);
      const article = (fake.received[0].json as { article: Record<string, unknown> }).article;
      assert.ok(String(article.body_markdown).includes('./img/not-there.png'), 'the unresolved target is sent as it is');
      assert.match(await readWorkspaceFile(path), new RegExp(`^devto_id: ${sent?.id}$`, 'm'));
    } finally {
      await deleteWorkspaceFile(path);
    }
  });

  it('creates a deleted Hashnode post again when asked', async () => {
    const [oldId] = [...fake.hashnode.keys()];
    fake.hashnode.delete(oldId);
    const refused = await publishNow({ platform: 'hashnode' });
    assert.equal(refused?.error?.kind, 'not-found');
    const again = await publishNow({ platform: 'hashnode', recreate: true });
    assert.equal(again?.status, 'created');
    assert.notEqual(again?.id, oldId);
    const last = fake.received[fake.received.length - 1].json as { query: string; variables: { input: Record<string, unknown> } };
    assert.match(last.query, /^mutation PublishPost/);
    assert.equal(last.variables.input.publicationId, '65f1e4c0ffee0000aaaa0001');
    assert.equal('id' in last.variables.input, false);
    assert.match(await readWorkspaceFile(DRAFT_PATH), new RegExp(`^hashnode_id: "?${again?.id}"?$`, 'm'));
  });

  it('syncs reach into the impact log, replacing its own entries on every sync', async () => {
    const article = [...fake.devto.values()][0];
    article.views = 1204;
    article.reactions = 31;
    article.comments = 4;
    [...fake.hashnode.values()][0].views = 380;
    const before = await readWorkspaceFile(DRAFT_PATH);
    const reports = await executeCommand<SyncReport[]>('devrel.syncStats', {});
    assert.deepEqual(
      reports?.map((r) => [r.platform, r.drafts, r.updated, r.error?.kind]),
      [
        ['devto', 1, 1, undefined],
        ['hashnode', 1, 1, undefined],
      ],
    );
    const after = await readWorkspaceFile(DRAFT_PATH);
    assert.equal(bodyOf(after), bodyOf(before));
    for (const [metric, value, source] of [
      ['views', 1204, 'devto'],
      ['reactions', 31, 'devto'],
      ['comments', 4, 'devto'],
      ['views', 380, 'hashnode'],
      ['comments', 2, 'hashnode'],
    ]) {
      assert.match(after, new RegExp(`metric: ${metric}\\n\\s+value: ${value}\\n\\s+source: ${source}\\n`), `${source} ${metric}`);
    }
    const api = (await getApi()) as unknown as {
      impactSummary(): Promise<{ allTime: Record<string, number>; byPlatform: { platform: string; allTime: Record<string, number> }[] }>;
    };
    const totals = await waitFor(
      async () => {
        const s = await api.impactSummary();
        return (s.allTime.views ?? 0) >= 1584 ? s : undefined;
      },
      10_000,
      'the Impact totals to include the synced views',
    );
    assert.ok(totals.allTime.comments >= 6);
    assert.deepEqual(totals.byPlatform, [
      { platform: 'devto', allTime: { views: 1204, reactions: 31, comments: 4 } },
      { platform: 'hashnode', allTime: { views: 380, reactions: 5, comments: 2 } },
    ]);

    const again = await executeCommand<SyncReport[]>('devrel.syncStats', { platform: 'devto' });
    assert.deepEqual(
      again?.map((r) => [r.platform, r.updated]),
      [['devto', 0]],
    );
    assert.equal(await readWorkspaceFile(DRAFT_PATH), after, 'syncing again adds nothing');

    article.views = 1500;
    await executeCommand('devrel.syncStats', { platform: 'devto' });
    const later = await readWorkspaceFile(DRAFT_PATH);
    assert.equal((later.match(/source: devto/g) ?? []).length, 3, 'still one entry per metric');
    assert.match(later, /value: 1500\n\s+source: devto/);
  });

  it('keeps the impact log as it is when a platform is down, and says when figures were last fetched', async () => {
    const before = await readWorkspaceFile(DRAFT_PATH);
    await set('publish.devto.endpoint', 'http://127.0.0.1:9');
    try {
      const reports = await executeCommand<SyncReport[]>('devrel.syncStats', { platform: 'devto' });
      assert.equal(reports?.[0].error?.kind, 'network');
      assert.match(reports?.[0].lastFetched ?? '', /^\d{4}-\d{2}-\d{2}T/);
    } finally {
      await set('publish.devto.endpoint', fake.base);
    }
    assert.equal(await readWorkspaceFile(DRAFT_PATH), before);
  });

  it('publishes a Hugo draft with TOML front matter and writes the id back as TOML', async () => {
    const path = 'content/posts/publish-toml.md';
    const text =
      '+++\nkind = "blog"\ntitle = "TOML cross-post"\ndate = 2026-11-02\ntags = ["hugo", "toml"]\ndescription = "Front matter in TOML."\n+++\n\nA body in a TOML post.\n';
    await writeWorkspaceFile(path, text);
    await executeCommand('devrel.setApiKey', 'devto', fake.devtoKey);
    try {
      const api = await getApi();
      await waitFor(async () => (await api.listDrafts()).some((d) => d.title === 'TOML cross-post'), 10_000, 'the TOML draft');
      const result = await executeCommand<PublishResult>('devrel.publish', workspaceUri(path), { platform: 'devto', dryRun: false });
      assert.equal(result?.status, 'created', JSON.stringify(result));
      const sent = (fake.received[fake.received.length - 1].json as { article: Record<string, unknown> }).article;
      assert.equal(sent.body_markdown, 'A body in a TOML post.\n');
      assert.equal(sent.canonical_url, 'https://blog.tracewell.dev/posts/publish-toml/');
      const after = await readWorkspaceFile(path);
      assert.match(after, new RegExp(`^devto_id = ${result?.id}$`, 'm'));
      assert.match(after, /^devto_url = "https:\/\/dev\.to\/priya\/toml-cross-post-\d+"$/m);
      assert.ok(after.endsWith('+++\n\nA body in a TOML post.\n'), 'the body is untouched');
    } finally {
      await deleteWorkspaceFile(path);
    }
  });

  it('syncs reach into TOML [[impact]] tables in place, and reports a draft it could not change', async () => {
    const path = 'content/posts/reach-toml.md';
    const stuckPath = 'content/posts/reach-stuck.md';
    const body = '\nA TOML post with [[impact]] and +++ in its body.\n\n+++\n';
    const text =
      '+++\nkind = "blog"\ntitle = "Reach in TOML"\ndate = 2026-11-03\ndevto_id = 9001 # set by hand\n\n# logged by hand\n[[impact]]\ndate = 2026-11-04\nmetric = \'stars\'\nvalue = 12\n+++\n' +
      body;
    const stuck =
      '+++\nkind = "blog"\ntitle = "Reach stuck"\ndevto_id = 9002\n[[impact]]\nmetric = "views"\nvalue = 1\nsource = "devto"\n[impact.extra]\nnote = "x"\n+++\nStuck.\n';
    fake.devto.set(9001, { id: 9001, url: 'https://dev.to/priya/reach-in-toml-9001', article: { title: 'Reach in TOML' }, views: 100, reactions: 7, comments: 1 });
    fake.devto.set(9002, { id: 9002, url: 'https://dev.to/priya/reach-stuck-9002', article: { title: 'Reach stuck' }, views: 50, reactions: 0, comments: 0 });
    await writeWorkspaceFile(path, text);
    await writeWorkspaceFile(stuckPath, stuck);
    await executeCommand('devrel.setApiKey', 'devto', fake.devtoKey);
    try {
      const api = await getApi();
      await waitFor(async () => (await api.listDrafts()).filter((d) => d.title === 'Reach in TOML' || d.title === 'Reach stuck').length === 2, 10_000, 'the TOML drafts');
      const first = await executeCommand<SyncReport[]>('devrel.syncStats', { platform: 'devto' });
      assert.deepEqual(
        first?.[0].failed.map((f) => f.path),
        [stuckPath],
        'the draft that could not be changed is reported',
      );
      assert.match(first?.[0].failed[0].message ?? '', /couldn't change the front matter/);
      assert.equal(await readWorkspaceFile(stuckPath), stuck, 'the draft it could not change is left as it is');
      const once = await readWorkspaceFile(path);
      assert.ok(once.endsWith(`+++\n${body}`), 'the body is byte for byte the same');
      assert.equal((once.match(/^source = "devto"$/gm) ?? []).length, 3, 'one [[impact]] table per metric');
      assert.ok(once.startsWith(text.slice(0, text.indexOf('+++\n', 4))), 'everything before is kept: comments, quoting, the hand-logged entry');

      const entry = fake.devto.get(9001) as { views: number; reactions: number; comments: number };
      entry.views = 250;
      entry.reactions = 9;
      await executeCommand<SyncReport[]>('devrel.syncStats', { platform: 'devto' });
      const twice = await readWorkspaceFile(path);
      assert.ok(twice.endsWith(`+++\n${body}`), 'the body is byte for byte the same after the second sync');
      assert.equal((twice.match(/^\[\[impact\]\]/gm) ?? []).length, 4, 'entries replaced, not duplicated');
      assert.match(twice, /^metric = "views"\nvalue = 250\nsource = "devto"$/m);
      assert.match(twice, /^metric = "reactions"\nvalue = 9\nsource = "devto"$/m);
      assert.match(twice, /^metric = "comments"\nvalue = 1\nsource = "devto"$/m);
      assert.equal(twice.replace(/value = 250/, 'value = 100').replace(/value = 9\n/, 'value = 7\n'), once, 'only the changed figures changed');
    } finally {
      fake.devto.delete(9001);
      fake.devto.delete(9002);
      await deleteWorkspaceFile(path);
      await deleteWorkspaceFile(stuckPath);
    }
  });

  it('stops without a key and names the command that sets one', async () => {
    await executeCommand('devrel.clearApiKey', 'devto');
    fake.received.length = 0;
    const result = await publishNow({ platform: 'devto' });
    assert.equal(result?.status, 'failed');
    assert.match(result?.error?.message ?? '', /No dev\.to API key is stored/);
    assert.equal(fake.received.length, 0);
  });

  it('never writes an API key to the log', async function () {
    const files = editorLogFiles();
    if (files.length === 0) this.skip();
    const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
    assert.ok(
      texts.some((text) => /POST http:\/\/127\.0\.0\.1:\d+\/api\/articles → HTTP/.test(text)),
      `the extension's log, with the requests above, is among ${files.length} log files`,
    );
    for (const key of [fake.devtoKey, fake.hashnodeKey, 'wrong-key-1234', 'wrong-token-5678']) {
      files.forEach((file, i) => assert.ok(!texts[i].includes(key), `${key} appears in ${file}`));
    }
  });
});
