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
    [
      'talks/impact.md',
      '---\nkind: talk\nstatus: delivered\nimpact:\n  - date: 2026-03-01\n    metric: attendees\n    value: 120\n    note: Full room\n  - date: 2026-03-02\n    metric: views\n    value: "1,200"\n    link: https://example.com/v\n  - date: 2026-03-03\n    metric: stars\n    value: nope\n---\n',
    ],
    [
      'talks/rehearsed.md',
      '---\nkind: talk\nduration: 20\nrehearsals:\n  - date: 2026-03-01\n    minutes: 21.5\n    sections:\n      - { title: A, planned: 15, actual: 16 }\n      - { title: B, actual: 5.5 }\n---\n## A (15 min)\n## B (5 min)\n',
    ],
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

  it('keeps impact entries, with and without note and link', () => {
    const result = readDraft(source('talks/impact.md'), utf8(samples[5][1]), config, LISTING);
    const decoded = decodeResult(JSON.parse(JSON.stringify(encodeResult(result))));
    assert.ok(decoded && 'draft' in decoded);
    assert.deepEqual(decoded.draft.impact, [
      { date: '2026-03-01', metric: 'attendees', value: 120, note: 'Full room' },
      { date: '2026-03-02', metric: 'views', value: 1200, link: 'https://example.com/v' },
    ]);
    assert.deepEqual(decoded.draft.problems.map((p) => p.code), ['invalid-impact']);
  });

  it('keeps rehearsals and the over-the-slot warning', () => {
    const result = readDraft(source('talks/rehearsed.md'), utf8(samples[6][1]), config, LISTING);
    const decoded = decodeResult(JSON.parse(JSON.stringify(encodeResult(result))));
    assert.ok(decoded && 'draft' in decoded);
    assert.deepEqual(decoded.draft.rehearsals, [{ date: '2026-03-01', minutes: 21.5, sections: [{ title: 'A', planned: 15, actual: 16 }, { title: 'B', actual: 5.5 }] }]);
    assert.deepEqual(decoded.draft.problems.map((p) => p.code), ['rehearsal-over-slot']);
  });

  it('reads talk entries written before rehearsals were recorded', () => {
    const encoded = encodeResult(readDraft(source('talks/rehearsed.md'), utf8(samples[6][1]), config, LISTING));
    assert.equal(encoded.length, 17);
    const talk = encoded[16] as unknown[];
    assert.equal(talk.length, 3);
    const decoded = decodeResult([...encoded.slice(0, 16), talk.slice(0, 2)]);
    assert.ok(decoded && 'draft' in decoded);
    assert.equal('rehearsals' in decoded.draft, false);
    assert.equal(decoded.draft.duration, 20);
  });

  it('reads entries written before impact was tracked', () => {
    const encoded = encodeResult(readDraft(source('oss/o.md'), utf8(samples[2][1]), config, LISTING));
    assert.equal(encoded.length, 16);
    const old = encoded.slice(0, 15);
    const decoded = decodeResult(old);
    assert.ok(decoded && 'draft' in decoded);
    assert.equal('impact' in decoded.draft, false);
    assert.equal(decoded.draft.kind, 'oss');
  });

  it('is smaller than the plain JSON of a draft', () => {
    const result = readDraft(source(samples[0][0]), utf8(samples[0][1]), config, ANALYZED);
    assert.ok(JSON.stringify(encodeResult(result)).length < JSON.stringify(result).length * 0.75);
  });

  it('refuses malformed entries', () => {
    const entry = ['d', 'u', 'p', 'k', 0, 't', 's', 0, [], [], null, {}, 0, [], null];
    assert.ok(decodeResult([...entry, [['2026-03-01', 'views', 3, null, null]]]), 'the well-formed base entry decodes');
    const badImpact = [{}, [['2026-03-01', 'views', '3', null, null]], [['2026-03-01', 'views', 3]], [['2026-03-01', 7, 3, null, null]], ['x']];
    for (const impact of badImpact) assert.equal(decodeResult([...entry, impact]), undefined, JSON.stringify(impact));
    assert.equal(decodeResult([...entry, null, 'extra']), undefined);
    assert.equal(decodeResult([...entry, null, [{ date: 1 }]]), undefined);
    assert.equal(decodeResult([...entry, null, [null, null, [{ date: 1 }]]]), undefined);
    assert.equal(decodeResult([...entry, null, [null, null, 'runs']]), undefined);
    assert.equal(decodeResult([...entry, null, null, 'extra']), undefined);
    for (const bad of [null, 'x', [], ['d'], ['s', 1, 'binary', 'm'], ['d', 'u', 'p', 'k', 0, 't', 's', 0, null, [], null, {}, 0, [], null]]) {
      assert.equal(decodeResult(bad), undefined, JSON.stringify(bad));
    }
  });
});
