import assert from 'node:assert/strict';
import { findFieldValueRange, locateFrontMatter, parseFrontMatter, unclosedProblem, type FrontMatterBlock, type ParsedFrontMatter } from '../../src/core/frontMatter/parse';
import { range } from './helpers';

function blockOf(text: string): FrontMatterBlock {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') assert.fail(`expected closed front matter, got ${JSON.stringify(location)}`);
  return location.block;
}

function parse(text: string): ParsedFrontMatter {
  return parseFrontMatter(text, blockOf(text));
}

function fieldRange(text: string, field: string): ReturnType<typeof findFieldValueRange> {
  return findFieldValueRange(text, blockOf(text), field);
}

describe('frontMatter', () => {
  describe('locateFrontMatter', () => {
    it('finds no front matter in a plain file', () => {
      assert.deepEqual(locateFrontMatter('# Title\n'), { type: 'none', bodyStart: 0 });
      assert.deepEqual(locateFrontMatter(''), { type: 'none', bodyStart: 0 });
      assert.deepEqual(locateFrontMatter('\uFEFF# Title'), { type: 'none', bodyStart: 1 });
    });

    it('locates a YAML block exactly', () => {
      const text = '---\nkind: blog\n---\nbody';
      assert.deepEqual(locateFrontMatter(text), {
        type: 'closed',
        block: { format: 'yaml', start: 0, contentStart: 4, contentEnd: 15, end: 19, lineBreak: '\n', contentStartLine: 1, bodyStartLine: 3 },
      });
      assert.equal(text.slice(19), 'body');
    });

    it('locates a CRLF block and remembers its line break', () => {
      const text = '---\r\nkind: blog\r\n---\r\nbody';
      const block = blockOf(text);
      assert.equal(block.lineBreak, '\r\n');
      assert.equal(text.slice(block.contentStart, block.contentEnd), 'kind: blog\r\n');
      assert.equal(text.slice(block.end), 'body');
      assert.equal(block.bodyStartLine, 3);
    });

    it('starts after a BOM', () => {
      const text = '\uFEFF---\nkind: blog\n---\n# T';
      const block = blockOf(text);
      assert.equal(block.start, 1);
      assert.equal(block.contentStart, 5);
      assert.equal(text.slice(block.contentStart, block.contentEnd), 'kind: blog\n');
      assert.equal(block.contentStartLine, 1);
      assert.equal(block.bodyStartLine, 3);
    });

    it('locates a TOML block between +++ lines', () => {
      const text = '+++\nkind = "talk"\n+++\n# T';
      const block = blockOf(text);
      assert.equal(block.format, 'toml');
      assert.equal(text.slice(block.contentStart, block.contentEnd), 'kind = "talk"\n');
      assert.equal(text.slice(block.end), '# T');
    });

    it('lets YAML, but not TOML, close with ...', () => {
      const yaml = '---\nkind: blog\n...\nbody';
      assert.equal(text(yaml, blockOf(yaml)), 'kind: blog\n');
      assert.equal(locateFrontMatter('+++\nkind = "blog"\n...\nbody').type, 'unclosed');
    });

    it('accepts fences with trailing spaces but not other first lines', () => {
      assert.equal(locateFrontMatter('--- \nkind: blog\n---  \n').type, 'closed');
      assert.equal(locateFrontMatter('----\nkind: blog\n----\n').type, 'none');
      assert.equal(locateFrontMatter(' ---\nkind: blog\n---\n').type, 'none');
      assert.equal(locateFrontMatter('---yaml\nkind: blog\n---\n').type, 'none');
      assert.equal(locateFrontMatter('# T\n---\nkind: blog\n---\n').type, 'none', 'only the first line may open');
    });

    it('handles an empty block and a closing fence at the end of the file', () => {
      const empty = blockOf('---\n---\n# T');
      assert.equal(empty.contentStart, empty.contentEnd);
      assert.equal(empty.bodyStartLine, 2);
      const text = '---\nkind: blog\n---';
      const block = blockOf(text);
      assert.equal(block.end, text.length);
      assert.equal(block.bodyStartLine, 2);
    });

    it('closes at the first fence, leaving later thematic breaks in the body', () => {
      const text = '---\na: 1\n---\nintro\n---\nmore';
      const block = blockOf(text);
      assert.equal(text.slice(block.end), 'intro\n---\nmore');
    });

    it('reports a block that never closes', () => {
      assert.deepEqual(locateFrontMatter('---\nkind: blog\n# T\n'), { type: 'unclosed', format: 'yaml', start: 0, contentStart: 4 });
      assert.deepEqual(locateFrontMatter('---'), { type: 'unclosed', format: 'yaml', start: 0, contentStart: 3 });
      assert.deepEqual(locateFrontMatter('+++\nkind = "talk"\n---\n'), { type: 'unclosed', format: 'toml', start: 0, contentStart: 4 });
      assert.deepEqual(locateFrontMatter('\uFEFF---\r\na: 1\r\n'), { type: 'unclosed', format: 'yaml', start: 1, contentStart: 6 });
    });
  });

  describe('parseFrontMatter: YAML', () => {
    it('reads a map of fields', () => {
      const result = parse('---\nkind: talk\ntitle: "Hello: world"\nduration: 30\ndraft: false\ntags: [a, b]\n---\n');
      assert.deepEqual(result, { data: { kind: 'talk', title: 'Hello: world', duration: 30, draft: false, tags: ['a', 'b'] }, problems: [] });
    });

    it('reads CRLF front matter without stray carriage returns', () => {
      const result = parse('---\r\nkind: blog\r\ntitle: Hi\r\n---\r\n');
      assert.deepEqual(result.data, { kind: 'blog', title: 'Hi' });
    });

    it('gives no data and no problem for an empty or comment-only block', () => {
      assert.deepEqual(parse('---\n---\n'), { data: {}, problems: [] });
      assert.deepEqual(parse('---\n   \n\n---\n'), { data: {}, problems: [] });
      assert.deepEqual(parse('---\n# only a comment\n---\n'), { data: {}, problems: [] });
    });

    it('keeps dates as the strings written, quoted or not, with or without aliases', () => {
      // Without `&`/`*` the fast js-yaml path runs; with them the `yaml` Document parser does.
      // Both must keep what the author wrote, so that 2026-02-30 can be reported and not rolled over.
      const fast = parse('---\nunquoted: 2026-02-30\nquoted: "2026-03-07"\nstamp: 2026-03-07T01:00:00+05:00\n---\n');
      const precise = parse('---\nunquoted: 2026-02-30\nquoted: "2026-03-07"\nstamp: 2026-03-07T01:00:00+05:00\nref: &r x\ncopy: *r\n---\n');
      for (const result of [fast, precise]) {
        assert.equal(result.data.unquoted, '2026-02-30');
        assert.equal(result.data.quoted, '2026-03-07');
        assert.equal(result.data.stamp, '2026-03-07T01:00:00+05:00');
      }
    });

    it('resolves ordinary anchors and aliases', () => {
      const result = parse('---\nbase: &b hello\ncopy: *b\nlist: &l [1, 2]\nagain: *l\n---\n');
      assert.deepEqual(result.problems, []);
      assert.equal(result.data.copy, 'hello');
      assert.deepEqual(result.data.again, [1, 2]);
    });

    it('reports a syntax error with its place', () => {
      const result = parse('---\nkind: blog\ntitle: a: b\n---\n');
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0].code, 'yaml-syntax');
      assert.equal(result.problems[0].severity, 'error');
      assert.match(result.problems[0].message, /^Front matter is not valid YAML: Nested mappings/);
      assert.deepEqual(result.problems[0].range, range(2, 0, 11), 'a one-character place covers its line, to be seen and clicked');
    });

    it('places errors after a BOM and CRLF line breaks on the right line', () => {
      const result = parse('\uFEFF---\r\nkind: blog\r\ntitle: a: b\r\n---\r\n');
      assert.deepEqual(
        result.problems.map((p) => p.range),
        [range(2, 0, 11)],
      );
    });

    it('reports an unterminated flow sequence inside the block', () => {
      const result = parse('---\nkind: blog\ntags: [a, b\n---\n');
      assert.deepEqual(
        result.problems.map((p) => p.code),
        ['yaml-syntax'],
      );
      const start = result.problems[0].range?.start;
      assert.ok(start && start.line >= 2 && start.line <= 3, `range ${JSON.stringify(result.problems[0].range)}`);
    });

    it('reports duplicate keys, including a quoted duplicate', () => {
      for (const text of ['---\nkind: blog\ntitle: x\ntitle: y\n---\n', '---\nkind: blog\n"title": x\ntitle: y\n---\n']) {
        const result = parse(text);
        assert.deepEqual(
          result.problems.map((p) => [p.code, p.range?.start.line]),
          [['duplicate-key', 3]],
        );
        assert.match(result.problems[0].message, /^Duplicate key in front matter: .*Keep one of them\.$/);
        assert.equal(result.data.kind, 'blog', 'the rest of the block is still read');
      }
    });

    it('reports a list or a scalar instead of a map over the whole block', () => {
      const list = parse('---\n- a\n- b\n---\n');
      assert.deepEqual(list.data, {});
      assert.deepEqual(
        list.problems.map((p) => [p.code, p.range]),
        [['front-matter-not-a-map', range(1, 0, 0, 3)]],
      );
      for (const text of ['---\njust text\n---\n', '---\n42\n---\n', '---\n2026-03-07\n---\n', '---\ntrue\n---\n']) {
        const result = parse(text);
        assert.deepEqual(
          result.problems.map((p) => [p.code, p.range]),
          [['front-matter-not-a-map', range(1, 0, 0, 2)]],
          text,
        );
      }
    });

    it('stops a billion-laughs alias bomb quickly with a problem', () => {
      const letters = 'abcdefghij';
      const lines = ['a: &a [x,x,x,x,x,x,x,x,x]'];
      for (let i = 1; i < 10; i++)
        lines.push(
          `${letters[i]}: &${letters[i]} [${Array(9)
            .fill('*' + letters[i - 1])
            .join(',')}]`,
        );
      const started = Date.now();
      const result = parse(['---', ...lines, '---', ''].join('\n'));
      assert.ok(Date.now() - started < 1000, 'finishes fast');
      assert.deepEqual(result.data, {});
      assert.deepEqual(
        result.problems.map((p) => p.code),
        ['yaml-syntax'],
      );
      assert.match(result.problems[0].message, /alias/i);
      assert.deepEqual(result.problems[0].range, range(1, 0, 0));
    });

    it('never runs code from tags', () => {
      const global = globalThis as { __frontMatterRan?: boolean };
      delete global.__frontMatterRan;
      const result = parse(
        [
          '---',
          'kind: blog',
          'fn: !!js/function "function () { globalThis.__frontMatterRan = true; return 1; }"',
          're: !!js/regexp /a+/',
          'undef: !!js/undefined',
          'py: !!python/object/apply:os.system ["echo pwned"]',
          'obj: !!python/object:__main__.Evil {a: 1}',
          '---',
          '',
        ].join('\n'),
      );
      assert.equal(global.__frontMatterRan, undefined);
      assert.equal(typeof result.data.fn, 'string', 'a js/function tag stays inert text');
      for (const value of Object.values(result.data)) assert.notEqual(typeof value, 'function');
      assert.ok(!(result.data.re instanceof RegExp));
      assert.equal(result.data.kind, 'blog');
      assert.deepEqual(result.data.py, ['echo pwned']);
    });

    it('does not let __proto__ keys pollute prototypes', () => {
      for (const text of ['---\n__proto__:\n  polluted: yes\n---\n', '---\na: &a 1\n__proto__:\n  polluted: yes\n---\n']) {
        const result = parse(text);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        assert.equal((result.data as { polluted?: unknown }).polluted, undefined);
      }
    });
  });

  describe('parseFrontMatter: TOML', () => {
    it('reads Hugo TOML, with dates as Date objects', () => {
      const result = parse('+++\ntitle = "Hello"\nkind = "talk"\ndraft = true\nduration = 30\ntags = ["a", "b"]\nevent_date = 2026-05-01\n+++\n');
      assert.deepEqual(result.problems, []);
      assert.equal(result.data.title, 'Hello');
      assert.equal(result.data.draft, true);
      assert.equal(result.data.duration, 30);
      assert.deepEqual(result.data.tags, ['a', 'b']);
      assert.ok(result.data.event_date instanceof Date);
    });

    it('reads CRLF TOML', () => {
      assert.deepEqual({ ...parse('+++\r\ntitle = "Hello"\r\n+++\r\n').data }, { title: 'Hello' });
    });

    it('reports a syntax error on its line', () => {
      const result = parse('+++\nkind = "talk"\ntitle = = "T"\n+++\n');
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0].code, 'toml-syntax');
      assert.match(result.problems[0].message, /^Front matter is not valid TOML: /);
      assert.deepEqual(result.problems[0].range, range(2, 8, 9));
      assert.deepEqual(result.data, {});
    });

    it('reports duplicate TOML keys as a syntax error', () => {
      const result = parse('+++\ntitle = "a"\ntitle = "b"\n+++\n');
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.range?.start.line]),
        [['toml-syntax', 2]],
      );
    });

    it('reports excessive nesting instead of overflowing the stack', () => {
      const result = parse(`+++\nx = ${'['.repeat(20_000)}\n+++\n`);
      assert.deepEqual(
        result.problems.map((p) => p.code),
        ['toml-syntax'],
      );
    });
  });

  describe('unclosedProblem', () => {
    it('points at the opening fence', () => {
      const problem = unclosedProblem('---\nkind: blog\n', { format: 'yaml', start: 0 });
      assert.deepEqual(problem, {
        code: 'front-matter-unclosed',
        severity: 'error',
        message: 'Front matter opens with "---" but never closes. Add a "---" line after the last field.',
        range: range(0, 0, 3),
      });
      const toml = unclosedProblem('\uFEFF+++\nkind = "talk"\n', { format: 'toml', start: 1 });
      assert.deepEqual(toml.range, range(0, 1, 4));
      assert.match(toml.message, /"\+\+\+"/);
    });
  });

  describe('findFieldValueRange', () => {
    it('finds a value by its key', () => {
      assert.deepEqual(fieldRange('---\nkind: talk\nstatus: drafting\n---\n', 'status'), range(2, 8, 16));
      assert.deepEqual(fieldRange('---\nstatus:    drafting   \n---\n', 'status'), range(1, 11, 19));
    });

    it('includes quotes and finds quoted keys', () => {
      assert.deepEqual(fieldRange('---\nstatus: "drafting"\n---\n', 'status'), range(1, 8, 18));
      assert.deepEqual(fieldRange('---\n"status": drafting\n---\n', 'status'), range(1, 10, 18));
      assert.deepEqual(fieldRange("---\n'status' : x\n---\n", 'status'), range(1, 11, 12));
    });

    it('leaves out a trailing comment', () => {
      assert.deepEqual(fieldRange('---\nstatus: bogus # fix me\n---\n', 'status'), range(1, 8, 13));
      assert.deepEqual(fieldRange('---\nstatus: bogus\t# fix me\n---\n', 'status'), range(1, 8, 13));
      assert.deepEqual(fieldRange('---\nstatus: c#sharp\n---\n', 'status'), range(1, 8, 15), 'a # inside a word is not a comment');
    });

    it('keeps a # inside a quoted value', () => {
      assert.deepEqual(fieldRange('---\ntitle: "a # b" # note\n---\n', 'title'), range(1, 7, 14));
      assert.deepEqual(fieldRange("---\ntitle: 'x # y'\n---\n", 'title'), range(1, 7, 14));
      assert.deepEqual(fieldRange('---\ntitle: "say \\"#1\\" now" # c\n---\n', 'title'), range(1, 7, 23));
    });

    it('points at the key when the value is empty', () => {
      assert.deepEqual(fieldRange('---\nstatus:\n---\n', 'status'), range(1, 0, 7));
      assert.deepEqual(fieldRange('---\nstatus: # none\n---\n', 'status'), range(1, 0, 8));
    });

    it('excludes the carriage return of CRLF lines and counts a BOM', () => {
      assert.deepEqual(fieldRange('---\r\nstatus: bogus\r\n---\r\n', 'status'), range(1, 8, 13));
      assert.deepEqual(fieldRange('\uFEFF---\nkind: x\nstatus: bogus\n---\n', 'status'), range(2, 8, 13));
    });

    it('finds TOML values after =', () => {
      assert.deepEqual(fieldRange('+++\nkind = "talk"\ncfp_deadline = "2026-02-30"\n+++\n', 'cfp_deadline'), range(2, 15, 27));
      assert.equal(fieldRange('+++\nstatus: x\n+++\n', 'status'), undefined, 'a colon is not TOML');
    });

    it('matches only top-level keys, whole, with regex characters escaped', () => {
      assert.equal(fieldRange('---\nmeta:\n  status: x\n---\n', 'status'), undefined);
      assert.equal(fieldRange('---\nstatuses: x\n---\n', 'status'), undefined);
      assert.equal(fieldRange('---\naxb: 1\n---\n', 'a.b'), undefined);
      assert.deepEqual(fieldRange('---\na.b: 1\n---\n', 'a.b'), range(1, 5, 6));
      assert.equal(fieldRange('---\nkind: blog\n---\nstatus: x\n', 'status'), undefined, 'the body is not searched');
    });

    it('stays fast on a value with a long run of spaces', () => {
      const text = `---\nstatus: x${' '.repeat(200_000)}y\n---\n`;
      const started = Date.now();
      const found = fieldRange(text, 'status');
      assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
      assert.deepEqual(found, range(1, 8, 8 + 200_002));
    });
  });
});

function text(source: string, block: FrontMatterBlock): string {
  return source.slice(block.contentStart, block.contentEnd);
}
