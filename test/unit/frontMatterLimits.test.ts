import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, parseDocument, stringify, visit } from 'yaml';
import { FRONT_MATTER_LIMITS, frontMatterOverLimit, measureYaml } from '../../src/core/frontMatter/limits';
import { parseYamlDocument } from '../../src/core/frontMatter/yamlDocument';

/** Keys at every level and the deepest nesting of collections, as a parser would build them. */
function actualShape(value: unknown): { keys: number; depth: number } {
  if (value === null || typeof value !== 'object') return { keys: 0, depth: 0 };
  let keys = 0;
  let depth = 0;
  const items = Array.isArray(value) ? value : Object.values(value);
  if (!Array.isArray(value)) keys += items.length;
  for (const item of items) {
    const inner = actualShape(item);
    keys += inner.keys;
    depth = Math.max(depth, inner.depth);
  }
  return { keys, depth: depth + 1 };
}

describe('front-matter limits', () => {
  describe('measureYaml', () => {
    it('counts keys at every level, and nesting', () => {
      assert.deepEqual(measureYaml('a: 1\nb:\n  c: 2\n  d: [1, {e: 3}]\n'), { keys: 5, depth: 4, aliases: 0 });
      assert.deepEqual(measureYaml('impact:\n  - date: 2026-01-01\n    value: 3\n  - date: 2026-01-02\n    value: 4\n'), {
        keys: 5,
        depth: 3,
        aliases: 0,
      });
    });

    it('does not count what quotes, comments and block scalars hold', () => {
      const text = [
        'title: "A: B # not a comment"',
        "quote: 'it''s: fine'",
        '# note: not a key',
        'abstract: |',
        '  Note: this is text.',
        '    still: text',
        'next: >-',
        '  more: text',
        'url: https://example.com/a:b',
        "plain: it's a plain value",
        'time: 12:30',
        '',
      ].join('\n');
      assert.deepEqual(measureYaml(text), { keys: 7, depth: 1, aliases: 0 });
    });

    it('ends a block scalar in a list item at its key, not at the dash', () => {
      const text = ['items:', '  - a: |', '      text: here', '    b: 2', '    c: 3', ''].join('\n');
      assert.equal(measureYaml(text).keys, 4);
    });

    it('counts aliases wherever a node can start', () => {
      assert.equal(measureYaml('a: &x 1\nb: *x\nc: [*x, *x]\nd:\n  - *x\ne: not *x\n').aliases, 4);
    });

    it('counts quoted keys, in block and flow style', () => {
      assert.equal(measureYaml('"a b": 1\n\'c\': 2\nd: {"e":1, "f": 2}\n').keys, 5);
    });

    it('never counts fewer aliases than the text has', () => {
      const shared = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 });
      const places = fc.array(fc.constantFrom('top', 'list', 'nested', 'flow'), { minLength: 2, maxLength: 6 });
      fc.assert(
        fc.property(shared, places, fc.boolean(), (object, where, flow) => {
          const data: Record<string, unknown> = { list: [], nested: { inner: [] } };
          where.forEach((place, i) => {
            if (place === 'top') data[`k${i}`] = object;
            else if (place === 'list') (data.list as unknown[]).push(object);
            else ((data.nested as Record<string, unknown>).inner as unknown[]).push(place === 'flow' ? [object] : object);
          });
          const text = stringify(data, { collectionStyle: flow ? 'flow' : 'any' });
          let actual = 0;
          visit(parseDocument(text), { Alias: () => void actual++ });
          assert.ok(actual > 0, text);
          assert.ok(measureYaml(text).aliases >= actual, `${measureYaml(text).aliases} aliases counted, ${actual} in:\n${text}`);
        }),
        { numRuns: 500 },
      );
    });

    it('never counts fewer keys or levels than the data has', () => {
      const data = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 5 }), { maxKeys: 8 });
      const style = fc.record({
        flow: fc.boolean(),
        indent: fc.integer({ min: 1, max: 4 }),
        indentSeq: fc.boolean(),
        strings: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>,
        lineWidth: fc.integer({ min: 20, max: 80 }),
      });
      fc.assert(
        fc.property(data, style, (value, options) => {
          const text = stringify(value, {
            indent: options.indent,
            indentSeq: options.indentSeq,
            collectionStyle: options.flow ? 'flow' : 'any',
            defaultStringType: options.strings,
            defaultKeyType: 'PLAIN',
            lineWidth: options.lineWidth,
            minContentWidth: 10,
          });
          // The stringifier can fold a quoted string into text that no longer parses (seen with a
          // string of '#'s at a narrow width); such a text says nothing about the data.
          fc.pre(roundTrips(text, value));
          const measured = measureYaml(text);
          const actual = actualShape(value);
          assert.ok(measured.keys >= actual.keys, `${measured.keys} keys counted, ${actual.keys} in:\n${text}`);
          assert.ok(measured.depth >= actual.depth, `${measured.depth} levels counted, ${actual.depth} in:\n${text}`);
          assert.equal(measured.aliases, 0);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('frontMatterOverLimit', () => {
    it('accepts ordinary front matter', () => {
      assert.equal(frontMatterOverLimit('kind: talk\ntitle: A talk\ntags: [a, b]\n', 'yaml'), undefined);
      assert.equal(frontMatterOverLimit('kind = "talk"\n', 'toml'), undefined);
    });

    it('names the key count and the limit', () => {
      const keys = Array.from({ length: 5_000 }, (_, i) => `k${i}: v`).join('\n');
      assert.equal(frontMatterOverLimit(keys, 'yaml'), 'Front matter too large to edit safely: 5,000 keys, the limit is 1,000.');
      assert.equal(frontMatterOverLimit(keys.split('\n').slice(0, 1_000).join('\n'), 'yaml'), undefined);
    });

    it('names a count over its cap before the size', () => {
      assert.equal(frontMatterOverLimit(`a: ${'['.repeat(1_000_000)}`, 'yaml'), 'Front matter too large to edit safely: nested 1,000,001 levels deep, the limit is 32.');
      assert.equal(frontMatterOverLimit('a: 1\n'.repeat(33_000), 'yaml'), 'Front matter too large to edit safely: 33,000 keys, the limit is 1,000.');
    });

    it('refuses too many bytes, for YAML and TOML', () => {
      assert.equal(frontMatterOverLimit(`a: "${'x'.repeat(70_000)}"`, 'yaml'), 'Front matter too large to edit safely: 69 KB, the limit is 64 KB.');
      assert.equal(frontMatterOverLimit(`a = "${'é'.repeat(40_000)}"`, 'toml'), 'Front matter too large to edit safely: 79 KB, the limit is 64 KB.');
    });

    it('refuses deep nesting and many aliases', () => {
      assert.equal(frontMatterOverLimit(`a: ${'['.repeat(40)}`, 'yaml'), 'Front matter too large to edit safely: nested 41 levels deep, the limit is 32.');
      assert.equal(frontMatterOverLimit(`a: &a x\nb: [${'*a, '.repeat(150)}]`, 'yaml'), 'Front matter too large to edit safely: 150 aliases, the limit is 100.');
      assert.equal(frontMatterOverLimit(`a: &a x\nb: [${'*a, '.repeat(FRONT_MATTER_LIMITS.aliases)}]`, 'yaml'), undefined);
    });
  });

  describe('parseYamlDocument', () => {
    const errorsOf = (text: string): [string, number][] => parseYamlDocument(text).errors.map((e) => [e.code, e.pos[0]]);

    it('reports duplicate keys where `yaml` does, in block and flow maps at any level', () => {
      for (const text of ['a: 1\nb: 2\na: 3\n', 'x:\n  a: 1\n  a: 2\n', 'x: {a: 1, b: 2, a: 3}\n', '- a: 1\n  a: 2\n', '1: a\n"1": b\n1: c\n', 'a: 1\nb: [\n']) {
        assert.deepEqual(
          errorsOf(text),
          parseDocument(text, { uniqueKeys: true, prettyErrors: false }).errors.map((e) => [e.code, e.pos[0]]),
          text,
        );
      }
    });

    it('finds a duplicate among thousands of keys', () => {
      const text = `${Array.from({ length: 30_000 }, (_, i) => `k${i}: v`).join('\n')}\nk7: again\n`;
      assert.deepEqual(errorsOf(text), [['DUPLICATE_KEY', text.lastIndexOf('k7')]]);
    });

    it('leaves the stack trace limit as it found it', () => {
      const before = Error.stackTraceLimit;
      parseYamlDocument(']\n]\n');
      assert.equal(Error.stackTraceLimit, before);
    });
  });
});

function roundTrips(text: string, value: unknown): boolean {
  try {
    assert.deepStrictEqual(parse(text), value);
    return true;
  } catch {
    return false;
  }
}
