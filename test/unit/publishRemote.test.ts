import assert from 'node:assert/strict';
import { replaceFrontMatterListItem } from '../../src/core/frontMatter/edit';
import { parseImpactEntries } from '../../src/core/impact';
import {
  devtoStats,
  fieldOfMessage,
  hashnodeStats,
  hashnodeStatsQuery,
  interpretPublishResponse,
  parseRetryAfter,
  syncImpactEntries,
  writeBackFields,
} from '../../src/core/publish/remote';
import { splitDraft } from '../../src/core/publish/payload';
import { crossPostsOf, reachByPlatform } from '../../src/core/publish/reach';
import type { Draft } from '../../src/core/types';
import { chooseEndpoint } from '../../src/core/publish/types';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): { status: number; headers: Record<string, string>; body: string } => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('publish responses and reach', () => {
  describe('responses', () => {
    it('reads dev.to’s article id and URL and writes the id back as a number', () => {
      const result = interpretPublishResponse('devto', json(201, { id: 1837, url: 'https://dev.to/priya/tracing-costs-4k2j', title: 'x' }));
      assert.deepEqual(result, { ok: true, id: '1837', url: 'https://dev.to/priya/tracing-costs-4k2j' });
      assert.deepEqual(writeBackFields('devto', { id: '1837', url: 'https://dev.to/x' }), { devto_id: 1837, devto_url: 'https://dev.to/x' });
      assert.deepEqual(writeBackFields('hashnode', { id: '6650abc', url: 'https://h.dev/x' }), { hashnode_id: '6650abc', hashnode_url: 'https://h.dev/x' });
      assert.deepEqual(writeBackFields('devto', { id: '1837' }), { devto_id: 1837 }, 'no URL in the answer: an existing devto_url stays');
    });

    it('reads Hashnode’s publishPost and updatePost payloads', () => {
      const created = interpretPublishResponse('hashnode', json(200, { data: { publishPost: { post: { id: 'p1', slug: 's', url: 'https://h.dev/s' } } } }));
      assert.deepEqual(created, { ok: true, id: 'p1', url: 'https://h.dev/s' });
      const updated = interpretPublishResponse('hashnode', json(200, { data: { updatePost: { post: { id: 'p1', url: 'https://h.dev/s' } } } }));
      assert.deepEqual(updated, { ok: true, id: 'p1', url: 'https://h.dev/s' });
    });

    it('maps 401, 404, 422 and 429 to errors a person can act on', () => {
      const unauthorized = interpretPublishResponse('devto', json(401, { error: 'unauthorized', status: 401 }));
      assert.ok(!unauthorized.ok && unauthorized.error.kind === 'unauthorized' && /Set API Key/.test(unauthorized.error.message));
      const missing = interpretPublishResponse('devto', json(404, { error: 'not found', status: 404 }));
      assert.ok(!missing.ok && missing.error.kind === 'not-found');
      const invalid = interpretPublishResponse('devto', json(422, { error: "Title can't be blank", status: 422 }));
      assert.ok(!invalid.ok);
      assert.equal(invalid.error.kind, 'validation');
      assert.equal(invalid.error.field, 'title');
      assert.equal(invalid.error.message, "dev.to rejected the post: Title can't be blank (front-matter field title).");
      const limited = interpretPublishResponse('devto', json(429, { error: 'Rate limit reached' }, { 'retry-after': '30' }));
      assert.ok(!limited.ok && limited.error.kind === 'rate-limited' && limited.error.retryAfterMs === 30_000);
      const server = interpretPublishResponse('devto', json(503, 'Service Unavailable'));
      assert.ok(!server.ok && server.error.kind === 'server');
      const garbage = interpretPublishResponse('devto', json(201, '<html>'));
      assert.ok(!garbage.ok && garbage.error.kind === 'bad-response');
    });

    it('maps Hashnode’s GraphQL errors', () => {
      const unauthenticated = interpretPublishResponse('hashnode', json(200, { errors: [{ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }] }));
      assert.ok(!unauthenticated.ok && unauthenticated.error.kind === 'unauthorized');
      const missing = interpretPublishResponse('hashnode', json(200, { errors: [{ message: 'Post not found', extensions: { code: 'NOT_FOUND' } }], data: null }));
      assert.ok(!missing.ok && missing.error.kind === 'not-found');
      const invalid = interpretPublishResponse('hashnode', json(200, { errors: [{ message: 'Tags are invalid', extensions: { code: 'BAD_USER_INPUT' } }] }));
      assert.ok(!invalid.ok && invalid.error.kind === 'validation' && invalid.error.field === 'tags');
    });

    it('reads Retry-After as seconds or a date', () => {
      assert.equal(parseRetryAfter('5'), 5000);
      assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')), 60_000);
      assert.equal(parseRetryAfter('soon'), undefined);
      assert.equal(parseRetryAfter(undefined), undefined);
    });

    it('names the field a validation message is about', () => {
      assert.equal(fieldOfMessage('Canonical url must not have spaces'), 'canonical_url');
      assert.equal(fieldOfMessage('Main image is not a valid URL'), 'cover_image');
      assert.equal(fieldOfMessage('Body markdown has already been taken'), undefined);
    });
  });

  describe('stats', () => {
    it('reads dev.to’s views, reactions and comments', () => {
      assert.deepEqual(devtoStats([{ id: 1837, url: 'https://dev.to/x', page_views_count: 1204, public_reactions_count: 31, comments_count: 4 }, { nope: true }]), [
        { id: '1837', url: 'https://dev.to/x', views: 1204, reactions: 31, comments: 4 },
      ]);
      assert.deepEqual(devtoStats({ error: 'x' }), []);
    });

    it('asks Hashnode for several posts in one query and reads the answer', () => {
      const query = hashnodeStatsQuery(['a1', 'b2']);
      assert.equal(
        query.query,
        'query PostStats($id0: ID!, $id1: ID!) { p0: post(id: $id0) { id url views reactionCount responseCount replyCount } p1: post(id: $id1) { id url views reactionCount responseCount replyCount } }',
      );
      assert.deepEqual(query.variables, { id0: 'a1', id1: 'b2' });
      const answer = hashnodeStats(json(200, { data: { p0: { id: 'a1', url: 'https://h.dev/a', views: 90, reactionCount: 7, responseCount: 2, replyCount: 1 }, p1: null } }), [
        'a1',
        'b2',
      ]);
      assert.deepEqual(answer, { ok: true, stats: [{ id: 'a1', url: 'https://h.dev/a', views: 90, reactions: 7, comments: 3 }] });
    });
  });

  describe('impact sync', () => {
    const draft = ['---', 'title: Post', 'impact:', '  - date: 2026-10-01', '    metric: views', '    value: 500', '    note: Site analytics', '---', '', 'Body stays.', ''].join(
      '\n',
    );

    it('adds one entry per metric, then replaces them rather than adding again', () => {
      const first = syncImpactEntries(draft, 'devto', { id: '1', url: 'https://dev.to/x', views: 120, reactions: 9, comments: 0 }, '2026-11-05');
      assert.ok(first.ok);
      const entries = parseImpactEntries(splitDraft(first.text).data.impact).entries;
      assert.deepEqual(entries, [
        { date: '2026-10-01', metric: 'views', value: 500, note: 'Site analytics' },
        { date: '2026-11-05', metric: 'views', value: 120, source: 'devto', link: 'https://dev.to/x' },
        { date: '2026-11-05', metric: 'reactions', value: 9, source: 'devto', link: 'https://dev.to/x' },
      ]);
      assert.ok(first.text.endsWith('---\n\nBody stays.\n'));

      const again = syncImpactEntries(first.text, 'devto', { id: '1', url: 'https://dev.to/x', views: 120, reactions: 9, comments: 0 }, '2026-11-05');
      assert.ok(again.ok);
      assert.equal(again.text, first.text, 'syncing the same figures twice changes nothing');
      assert.equal(again.edit.length, 0);
      assert.equal(again.edit.newText, '');

      const later = syncImpactEntries(first.text, 'devto', { id: '1', url: 'https://dev.to/x', views: 300, reactions: 9, comments: 2 }, '2026-11-06');
      assert.ok(later.ok);
      const updated = parseImpactEntries(splitDraft(later.text).data.impact).entries;
      assert.equal(updated.length, 4);
      assert.deepEqual(updated[1], { date: '2026-11-06', metric: 'views', value: 300, source: 'devto', link: 'https://dev.to/x' });
      assert.deepEqual(updated[3], { date: '2026-11-06', metric: 'comments', value: 2, source: 'devto', link: 'https://dev.to/x' });
      assert.ok(later.text.startsWith(first.text.slice(0, first.text.indexOf('  - date: 2026-11-05'))), 'entries before the synced ones keep their text');
      const applied = first.text.slice(0, later.edit.offset) + later.edit.newText + first.text.slice(later.edit.offset + later.edit.length);
      assert.equal(applied, later.text);
    });

    it('keeps platforms apart', () => {
      const devto = syncImpactEntries(draft, 'devto', { id: '1', views: 10 }, '2026-11-05');
      assert.ok(devto.ok);
      const both = syncImpactEntries(devto.text, 'hashnode', { id: 'h', views: 20 }, '2026-11-05');
      assert.ok(both.ok);
      const views = parseImpactEntries(splitDraft(both.text).data.impact).entries.filter((e) => e.source);
      assert.deepEqual(
        views.map((e) => [e.source, e.value]),
        [
          ['devto', 10],
          ['hashnode', 20],
        ],
      );
    });
  });

  describe('replaceFrontMatterListItem', () => {
    it('replaces one block-list item and nothing else', () => {
      const text = '---\nlist:\n  - a: 1\n    b: 2 # keep me\n  - a: 3\n  # a comment between\n  - a: 5\nother: x\n---\nbody\n';
      const result = replaceFrontMatterListItem(text, 'list', 1, { a: 4 });
      assert.ok(result.ok);
      assert.equal(result.text, '---\nlist:\n  - a: 1\n    b: 2 # keep me\n  - a: 4\n  # a comment between\n  - a: 5\nother: x\n---\nbody\n');
    });

    it('refuses a missing index and a missing list', () => {
      assert.equal(replaceFrontMatterListItem('---\nlist:\n  - 1\n---\n', 'list', 3, 2).ok, false);
      assert.equal(replaceFrontMatterListItem('---\nother: 1\n---\n', 'list', 0, 5).ok, false);
      assert.equal(replaceFrontMatterListItem('+++\nother = 1\n+++\n', 'list', 0, 5).ok, false);
    });

    it('replaces one item of a flow list and keeps the rest of the line', () => {
      const text = '---\nlist: [1, {a: 1, b: x}, "three"] # note\nother: y\n---\nbody\n';
      const result = replaceFrontMatterListItem(text, 'list', 1, { a: 2, b: 'x, y' });
      assert.ok(result.ok);
      assert.equal(result.text, '---\nlist: [1, {a: 2, b: "x, y"}, "three"] # note\nother: y\n---\nbody\n');
      const padded = replaceFrontMatterListItem('---\nlist: [ 1, 2 ]\n---\n', 'list', 0, { k: 'v' });
      assert.ok(padded.ok);
      assert.equal(padded.text, '---\nlist: [ { k: v }, 2 ]\n---\n');
    });

    it('replaces one [[impact]] table of TOML front matter in place', () => {
      const text = '+++\ntitle = "x"\n[[impact]] # first\nmetric = \'views\' # kept\nvalue = 1\nsource = "devto"\n\n[[impact]]\nmetric = "stars"\nvalue = 5\n+++\nbody\n';
      const result = replaceFrontMatterListItem(text, 'impact', 0, { metric: 'views', value: 2, link: 'https://dev.to/x' });
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(
        result.text,
        '+++\ntitle = "x"\n[[impact]] # first\nmetric = \'views\' # kept\nvalue = 2\nlink = "https://dev.to/x"\n\n[[impact]]\nmetric = "stars"\nvalue = 5\n+++\nbody\n',
      );
    });
    it('keeps CRLF line breaks', () => {
      const text = '---\r\nlist:\r\n- x: 1\r\n- x: 2\r\n---\r\nbody\r\n';
      const result = replaceFrontMatterListItem(text, 'list', 0, { x: 9, y: 'z' });
      assert.ok(result.ok);
      assert.equal(result.text, '---\r\nlist:\r\n- x: 9\r\n  y: z\r\n- x: 2\r\n---\r\nbody\r\n');
    });
  });
});

describe('endpoint settings', () => {
  it('takes the endpoint setting where written, else its other name, else the public endpoint', () => {
    assert.equal(chooseEndpoint('https://forem.example/', 'https://other.example', 'https://dev.to'), 'https://forem.example');
    assert.equal(chooseEndpoint(undefined, ' https://other.example// ', 'https://dev.to'), 'https://other.example');
    assert.equal(chooseEndpoint('  ', '', 'https://dev.to'), 'https://dev.to');
    assert.equal(chooseEndpoint(42, null, 'https://gql.hashnode.com'), 'https://gql.hashnode.com');
  });
});

describe('reach per platform', () => {
  const draft = (uri: string, fields: Record<string, string | number>, impact: { metric: string; value: number; source?: string }[]) => ({
    uri,
    fields,
    impact: impact.map((e) => ({ date: '2026-11-05', ...e })),
  });

  it('totals synced entries per platform and leaves hand-logged ones out', () => {
    const drafts = [
      draft('a', { devto_id: 1 }, [
        { metric: 'views', value: 100, source: 'devto' },
        { metric: 'views', value: 900 },
      ]),
      draft('b', { devto_id: 2, hashnode_id: 'h' }, [
        { metric: 'views', value: 50, source: 'devto' },
        { metric: 'reactions', value: 3, source: 'hashnode' },
        { metric: 'views', value: 7, source: 'medium' },
      ]),
    ] as unknown as Draft[];
    assert.deepEqual(reachByPlatform(drafts), [
      { platform: 'devto', label: 'dev.to', totals: { views: 150 }, drafts: 2 },
      { platform: 'hashnode', label: 'Hashnode', totals: { reactions: 3 }, drafts: 1 },
    ]);
  });

  it('lists where a draft is cross-posted, linking only to http(s) addresses', () => {
    const posts = crossPostsOf({
      fields: { devto_id: 12, devto_url: 'https://dev.to/p/x', hashnode_id: 'h1', hashnode_url: 'javascript:alert(1)' },
      impact: [{ date: '2026-11-05', metric: 'views', value: 40, source: 'devto' }],
    });
    assert.deepEqual(posts, [
      { platform: 'devto', label: 'dev.to', id: '12', url: 'https://dev.to/p/x', reach: { views: 40 } },
      { platform: 'hashnode', label: 'Hashnode', id: 'h1', url: undefined, reach: {} },
    ]);
    assert.deepEqual(crossPostsOf({ fields: {}, impact: undefined }), []);
  });
});
