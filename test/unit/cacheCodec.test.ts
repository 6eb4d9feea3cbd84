import assert from 'node:assert/strict';
import { decodeResult, encodeResult } from '../../src/core/cacheCodec';
import { readDraft } from '../../src/core/draft';
import type { ReadResult } from '../../src/core/types';
import { ANALYZED, LISTING, makeConfig, source, utf8 } from './helpers';

describe('cacheCodec', () => {
  const config = makeConfig({ folderKinds: [{ folder: 'content/posts', kind: 'blog' }] });
  const samples: [string, string][] = [
    ['talks/t.md', '---\nkind: talk\ntitle: T\nstatus: drafting\ncfp_deadline: 2026-12-01\nevent_date: "2027-02-03"\nduration: 20\nevent: Conf\n---\n## A (15 min)\n## B (10 min)\n- [x] a\n- [ ] b\n'],
    ['content/posts/p.md', '+++\ntitle = "Hugo"\ndate = 2026-01-02\ndraft = true\ntags = ["go"]\n+++\nBody words here.\n'],
    ['oss/o.md', '---\nkind: oss\nstatus: nope\ndue: 2026-02-30\n---\n'],
    ['notes/n.md', '# Just notes\n'],
    ['talks/broken.md', '---\nkind: talk\ntitle: "unclosed\n---\n'],
  ];

  for (const analyze of [LISTING, ANALYZED]) {
    it(`round-trips drafts and skipped files through JSON (${analyze.analyze ? 'analysed' : 'listed'})`, () => {
      for (const [path, text] of samples) {
        const result = readDraft(source(path), utf8(text), config, analyze);
        const decoded = decodeResult(JSON.parse(JSON.stringify(encodeResult(result))));
        assert.deepEqual(decoded, JSON.parse(JSON.stringify(result)) as ReadResult, path);
      }
    });
  }

  it('is smaller than the plain JSON of a draft', () => {
    const result = readDraft(source(samples[0][0]), utf8(samples[0][1]), config, ANALYZED);
    assert.ok(JSON.stringify(encodeResult(result)).length < JSON.stringify(result).length * 0.75);
  });

  it('refuses malformed entries', () => {
    for (const bad of [null, 'x', [], ['d'], ['s', 1, 'binary', 'm'], ['d', 'u', 'p', 'k', 0, 't', 's', 0, null, [], null, {}, 0, [], null]]) {
      assert.equal(decodeResult(bad), undefined, JSON.stringify(bad));
    }
  });
});
