import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeResult, encodeResult } from '../../src/core/cacheCodec';
import { readDraft } from '../../src/core/draft';
import type { Draft, ReadResult } from '../../src/core/types';
import { ANALYZED, LISTING, makeConfig, source, utf8 } from './helpers';

describe('cacheCodec', () => {
  const config = makeConfig({ folderKinds: [{ folder: 'content/posts', kind: 'blog' }] });
  const samples: [string, string][] = [
    [
      'talks/t.md',
      '---\nkind: talk\ntitle: T\nstatus: drafting\ncfp_deadline: 2026-12-01\nevent_date: "2027-02-03"\nduration: 20\nevent: Conf\n---\n## A (15 min)\n## B (10 min)\n- [x] a\n- [ ] b\n',
    ],
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
    assert.deepEqual(
      decoded.draft.problems.map((p) => p.code),
      ['invalid-impact'],
    );
  });

  it('keeps rehearsals and the over-the-slot warning', () => {
    const result = readDraft(source('talks/rehearsed.md'), utf8(samples[6][1]), config, LISTING);
    const decoded = decodeResult(JSON.parse(JSON.stringify(encodeResult(result))));
    assert.ok(decoded && 'draft' in decoded);
    assert.deepEqual(decoded.draft.rehearsals, [
      {
        date: '2026-03-01',
        minutes: 21.5,
        sections: [
          { title: 'A', planned: 15, actual: 16 },
          { title: 'B', actual: 5.5 },
        ],
      },
    ]);
    assert.deepEqual(
      decoded.draft.problems.map((p) => p.code),
      ['rehearsal-over-slot'],
    );
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

  it('drops entries with a wrongly typed field instead of trusting them', () => {
    const good = encodeResult(readDraft(source(samples[0][0]), utf8(samples[0][1]), config, ANALYZED)) as unknown[];
    assert.ok(decodeResult(good));
    const replace = (index: number, value: unknown): unknown[] => good.map((item, i) => (i === index ? value : item));
    const bad: [string, unknown[]][] = [
      ['dates: [null]', replace(8, [null])],
      ['a date that is not a day', replace(8, [['due', 'Due', 'soon', 1]])],
      ['analysis numbers as strings', replace(14, ['12', 1, 0, 0, null])],
      ['more tasks done than there are', replace(14, [12, 1, 3, 2, null])],
      ['problems: [null]', replace(13, [null])],
      ['a problem with an unknown code', replace(13, [{ code: 'nope', severity: 'error', message: 'x' }])],
      ['a problem with a bad range', replace(13, [{ code: 'yaml-syntax', severity: 'error', message: 'x', range: { start: { line: -1, character: 0 }, end: {} } }])],
      ['tags that are not strings', replace(9, ['a', 3])],
      ['a field holding an object', replace(11, { event: { nested: true } })],
      ['an out-of-range source', replace(4, 7)],
      ['a negative duration', replace(10, -5)],
      ['an infinite impact value', replace(15, [['2026-01-01', 'views', Number.POSITIVE_INFINITY, null, null]])],
      ['talk sections that are not sections', replace(14, [1, 1, 0, 0, { plannedMinutes: 1, sections: [null] }])],
      ['a skipped file with an unknown reason', ['s', 'file:///x.md', 'because', 'message']],
    ];
    for (const [why, value] of bad) assert.equal(decodeResult(value), undefined, why);
  });

  /** An independent check that a decoded result holds only what a draft may hold. */
  function assertValidResult(result: ReadResult): void {
    const isString = (value: unknown): boolean => typeof value === 'string';
    const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
    if ('skipped' in result) {
      assert.ok(isString(result.skipped.uri) && isString(result.skipped.message));
      assert.ok(['too-large', 'binary', 'invalid-utf8', 'not-markdown', 'not-a-draft'].includes(result.skipped.reason));
      return;
    }
    const d: Draft = result.draft;
    for (const text of [d.uri, d.relativePath, d.kind, d.title, d.status]) assert.ok(isString(text));
    assert.ok(['front-matter', 'folder'].includes(d.kindSource));
    assert.ok(['front-matter', 'draft-flag', 'published-flag', 'default'].includes(d.statusSource));
    assert.ok(d.dates.every((x) => isString(x.field) && isString(x.label) && /^\d{4}-\d{2}-\d{2}$/.test(x.date) && typeof x.deadline === 'boolean'));
    assert.ok(d.tags.every(isString));
    assert.ok(d.duration === undefined || (Number.isFinite(d.duration) && d.duration > 0));
    assert.ok(Object.values(d.fields).every((v) => isString(v) || typeof v === 'boolean' || Number.isFinite(v)));
    assert.ok(d.frontMatterFormat === undefined || d.frontMatterFormat === 'yaml' || d.frontMatterFormat === 'toml');
    for (const p of d.problems) {
      assert.ok(isString(p.code) && isString(p.message) && ['error', 'warning', 'info'].includes(p.severity));
      if (p.range) assert.ok([p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character].every(isCount));
    }
    for (const e of d.impact ?? []) assert.ok(isString(e.metric) && Number.isFinite(e.value) && e.value >= 0);
    if (d.analysis) {
      const a = d.analysis;
      assert.ok([a.words, a.readingMinutes, a.checklist.done, a.checklist.total].every(isCount));
      if (a.talk) assert.ok(Number.isFinite(a.talk.plannedMinutes) && a.talk.sections.every((s) => isString(s.title) && Number.isFinite(s.minutes) && isCount(s.line)));
    }
  }

  it('decodes random JSON to a valid result or drops it, and never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const decoded = decodeResult(value);
        if (decoded !== undefined) assertValidResult(decoded);
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes a real entry with any one part replaced by random JSON to a valid result or drops it', () => {
    const entries = samples.map(([path, text]) => encodeResult(readDraft(source(path), utf8(text), config, ANALYZED)) as unknown[]);
    const mutation = fc.tuple(fc.nat(entries.length - 1), fc.nat(15), fc.jsonValue({ maxDepth: 3 }), fc.nat(4), fc.boolean());
    fc.assert(
      fc.property(mutation, ([which, index, value, inner, deep]) => {
        const entry = structuredClone(entries[which]);
        const part = entry[index];
        // Either the whole part, or one item inside it, so that well-formed neighbours surround the damage.
        if (deep && Array.isArray(part) && part.length > 0) {
          const item = part[inner % part.length] as unknown;
          if (Array.isArray(item) && item.length > 0) item[inner % item.length] = value;
          else part[inner % part.length] = value;
        } else {
          entry[index] = value;
        }
        const decoded = decodeResult(JSON.parse(JSON.stringify(entry)));
        if (decoded !== undefined) {
          assertValidResult(decoded);
          assert.deepEqual(decodeResult(JSON.parse(JSON.stringify(encodeResult(decoded)))), decoded);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
