// Bad input is normal input: every file gives a draft with problems or a skipped file with a
// reason, and nothing here may throw or hang.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDraft, readDraft } from '../../src/core/draft';
import type { CoreConfig, Draft, ReadResult } from '../../src/core/types';
import { expectDraft, expectSkipped, makeConfig, onlyProblem, problemCodes, range, source, utf8, yamlDoc } from './helpers';

const MB = 1024 * 1024;

/** Reads bytes both ways the extension does; both must agree and neither may throw. */
function read(bytes: Uint8Array, path = 'drafts/post.md', config: CoreConfig = makeConfig()): ReadResult {
  const listed = readDraft(source(path), bytes, config, { analyze: false });
  const analysed = readDraft(source(path), bytes, config, { analyze: true });
  if ('draft' in listed && 'draft' in analysed) {
    const { analysis: _analysis, problems, ...rest } = analysed.draft;
    const { analysis: _none, problems: listedProblems, ...listedRest } = listed.draft;
    assert.deepEqual(rest, listedRest, 'the analysis pass changes only analysis and analysis problems');
    assert.deepEqual(problems.slice(0, listedProblems.length), listedProblems);
  } else {
    assert.deepEqual(analysed, listed);
  }
  return listed;
}

function readText(text: string, path?: string, config?: CoreConfig): ReadResult {
  return read(utf8(text), path, config);
}

function assertRangesInside(draft: Draft, text: string): void {
  const lines = text.split('\n');
  for (const problem of draft.problems) {
    if (!problem.range) continue;
    const { start, end } = problem.range;
    assert.ok(start.line >= 0 && start.character >= 0, JSON.stringify(problem));
    assert.ok(end.line < lines.length + 1, JSON.stringify(problem));
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), JSON.stringify(problem));
    assert.ok(start.character <= (lines[start.line] ?? '').length + 1, JSON.stringify(problem));
  }
}

function aliasBomb(levels: number): string[] {
  const names = 'abcdefghijklmnop';
  const lines = ['a: &a [x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill('*' + names[i - 1])
        .join(',')}]`,
    );
  return lines;
}

describe('bad input', () => {
  it('broken YAML gives a draft with a placed syntax error and keeps the written kind', () => {
    const text = yamlDoc(['kind: talk', 'title: "Unclosed', 'status: idea'], '# Body title\n');
    const draft = expectDraft(readText(text));
    assert.equal(draft.kind, 'talk');
    const problem = draft.problems.find((p) => p.code === 'yaml-syntax');
    assert.ok(problem, JSON.stringify(draft.problems));
    assert.equal(problem.severity, 'error');
    assert.ok(problem.range && problem.range.start.line >= 1 && problem.range.start.line <= 4, JSON.stringify(problem.range));
    assertRangesInside(draft, text);
  });

  it('YAML that loses all its data still says which kind it is', () => {
    const text = yamlDoc(['kind: workshop', 'title: a: b: c', '  - wrong', '\tindent'], '');
    const draft = expectDraft(readText(text));
    assert.equal(draft.kind, 'workshop');
    assert.ok(problemCodes(draft).includes('yaml-syntax'));
  });

  it('a billion-laughs alias bomb finishes fast with a problem', () => {
    const text = yamlDoc(['kind: blog', 'title: Boom', ...aliasBomb(9)], '# Body\n');
    const started = Date.now();
    const result = readText(text);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    const draft = expectDraft(result);
    assert.equal(draft.kind, 'blog', 'recovered from the text');
    assert.deepEqual(problemCodes(draft), ['yaml-syntax']);
    assert.match(draft.problems[0].message, /Front matter could not be read: .*alias/i);
    assert.deepEqual(draft.problems[0].range, range(1, 0, 0));
    assert.equal(draft.title, 'Body', 'data is dropped, so the title comes from the body');
  });

  it('an alias bomb in a mapped folder is a draft; elsewhere without a kind it is not one', () => {
    const mapped = expectDraft(readText(yamlDoc(aliasBomb(9)), 'content/posts/boom.md'));
    assert.deepEqual([mapped.kind, problemCodes(mapped)], ['blog', ['yaml-syntax']]);
    assert.equal(expectSkipped(readText(yamlDoc(aliasBomb(9)), 'notes/boom.md')).reason, 'not-a-draft');
  });

  it('duplicate keys are a problem, not an exception, and the rest is read', () => {
    const text = yamlDoc(['kind: blog', 'title: First', 'status: review', 'title: Second']);
    const draft = expectDraft(readText(text));
    const problem = onlyProblem(draft, 'duplicate-key');
    assert.equal(problem.range?.start.line, 4);
    assert.equal(draft.status, 'review');
    assert.equal(draft.title, 'Second');
  });

  it('a file over the size limit is skipped', () => {
    const big = utf8(yamlDoc(['kind: blog'], 'x'.repeat(2 * MB)));
    assert.deepEqual(expectSkipped(read(big)), {
      uri: 'file:///ws/drafts/post.md',
      reason: 'too-large',
      message: 'Skipped: the file is larger than 2 MB.',
    });
    const small = makeConfig({ maxFileBytes: 1024 });
    assert.equal(expectSkipped(read(utf8(yamlDoc(['kind: blog'], 'x'.repeat(1100))), undefined, small)).reason, 'too-large');
    expectDraft(read(utf8(yamlDoc(['kind: blog'], 'x'.repeat(900))), undefined, small));
  });

  it('a file with NUL bytes is skipped as binary', () => {
    const bytes = utf8(yamlDoc(['kind: blog'], 'text\u0000more'));
    assert.equal(expectSkipped(read(bytes)).reason, 'binary');
    assert.equal(expectSkipped(read(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), 'content/posts/image.md')).reason, 'binary');
  });

  it('invalid UTF-8 is skipped with a reason', () => {
    const latin1 = Uint8Array.from([...utf8('---\nkind: blog\ntitle: Caf'), 0xe9, ...utf8('\n---\n')]);
    const skipped = expectSkipped(read(latin1));
    assert.equal(skipped.reason, 'invalid-utf8');
    assert.equal(skipped.uri, 'file:///ws/drafts/post.md');
  });

  it('an empty file is a draft in a mapped folder and not a draft elsewhere', () => {
    const mapped = expectDraft(read(new Uint8Array(0), 'content/posts/empty.md'));
    assert.deepEqual([mapped.kind, mapped.status, mapped.title, mapped.problems], ['blog', 'published', 'empty', []]);
    assert.equal(expectSkipped(read(new Uint8Array(0), 'notes/empty.md')).reason, 'not-a-draft');
    assert.equal(expectSkipped(readText('\uFEFF', 'notes/bom-only.md')).reason, 'not-a-draft');
    assert.equal(expectDraft(readText('\n\n  \n', 'content/posts/blank.md')).title, 'blank');
  });

  it('front matter with no closing fence gives a problem on the opening fence', () => {
    const text = '---\nkind: talk\ntitle: Never closed\n\n# Heading\n';
    const draft = expectDraft(readText(text));
    assert.equal(draft.kind, 'talk');
    assert.equal(draft.frontMatterFormat, undefined);
    assert.deepEqual(draft.problems, [
      {
        code: 'front-matter-unclosed',
        severity: 'error',
        message: 'Front matter opens with "---" but never closes. Add a "---" line after the last field.',
        range: range(0, 0, 3),
      },
    ]);
    assert.equal(draft.title, 'Heading');
    const mapped = expectDraft(readText('---\ntitle: x\n', 'content/posts/a.md'));
    assert.deepEqual(problemCodes(mapped), ['front-matter-unclosed']);
    assert.equal(expectSkipped(readText('---\ntitle: x\n', 'notes/a.md')).reason, 'not-a-draft');
    assert.deepEqual(problemCodes(expectDraft(readText('---', 'content/posts/a.md'))), ['front-matter-unclosed']);
    const toml = expectDraft(readText('+++\nkind = "oss"\n'));
    assert.deepEqual([toml.kind, toml.problems[0].range, toml.problems[0].message.includes('"+++"')], ['oss', range(0, 0, 3), true]);
  });

  it('front matter that is a list or a scalar is a problem, not a crash', () => {
    for (const lines of [['- kind: blog', '- title: x'], ['just a sentence'], ['42'], ['[a, b]'], ['"quoted"']]) {
      const draft = expectDraft(readText(yamlDoc(lines), 'content/posts/a.md'));
      assert.deepEqual(problemCodes(draft), ['front-matter-not-a-map'], lines.join('|'));
      assert.equal(draft.status, 'published');
    }
    assert.equal(expectSkipped(readText(yamlDoc(['- a', '- b']), 'notes/a.md')).reason, 'not-a-draft');
  });

  it('a TOML syntax error gives a placed problem and keeps the written kind', () => {
    const text = '+++\nkind = "talk"\ntitle = "Unclosed\n+++\n';
    const draft = expectDraft(readText(text));
    assert.equal(draft.kind, 'talk');
    assert.equal(draft.frontMatterFormat, 'toml');
    const problem = onlyProblem(draft, 'toml-syntax');
    assert.equal(problem.range?.start.line, 2);
    assertRangesInside(draft, text);
  });

  it('a CRLF file reads like its LF twin, with the same problem places', () => {
    const lf = yamlDoc(['kind: talk', 'title: Talk', 'status: acepted', 'cfp_deadline: 2026-02-30', 'event_date: 2026-06-10', 'tags: [a, b]'], '# Ignored\r\n');
    const crlf = lf.replace(/\r?\n/g, '\r\n');
    const a = expectDraft(readText(lf.replace(/\r\n/g, '\n')));
    const b = expectDraft(readText(crlf));
    assert.deepEqual(b, a);
    assert.deepEqual(
      b.problems.map((p) => [p.code, p.range]),
      [
        ['unknown-status', range(3, 8, 15)],
        ['invalid-date', range(4, 14, 24)],
      ],
    );
    assert.equal(b.title, 'Talk');
    assert.deepEqual(
      b.dates.map((d) => d.date),
      ['2026-06-10'],
    );
  });

  it('a BOM file is read, with positions counted after the BOM on the first line only', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(yamlDoc(['kind: blog', 'status: nah'], '# With BOM\n'))]);
    const draft = expectDraft(read(bytes));
    assert.equal(draft.kind, 'blog');
    assert.equal(draft.title, 'With BOM');
    assert.equal(draft.frontMatterFormat, 'yaml');
    assert.deepEqual(onlyProblem(draft, 'unknown-status').range, range(2, 8, 11));
  });

  it('a BOM and CRLF together still work, for TOML too', () => {
    const text = '\uFEFF+++\r\nkind = "workshop"\r\nstatus = "ready"\r\nevent_date = 2026-02-30\r\n+++\r\n# W\r\n';
    const draft = expectDraft(readText(text));
    assert.deepEqual([draft.kind, draft.status, draft.title], ['workshop', 'ready', 'W']);
    assert.deepEqual(
      draft.problems.map((p) => [p.code, p.value, p.range]),
      [['invalid-date', '2026-02-30', range(3, 13, 23)]],
    );
  });

  it('front matter never runs code', () => {
    const global = globalThis as { __draftRan?: boolean };
    delete global.__draftRan;
    const text = yamlDoc([
      'kind: blog',
      'title: !!js/function "function () { globalThis.__draftRan = true; return \'pwned\'; }"',
      'status: !!js/function >',
      '  function () { globalThis.__draftRan = true; return "drafting"; }',
      'python: !!python/object/apply:subprocess.check_output [["id"]]',
      'klass: !!python/object:__main__.Exploit {cmd: "rm -rf /"}',
      'name: !!python/name:os.system',
    ]);
    const result = readText(text);
    assert.equal(global.__draftRan, undefined);
    const draft = expectDraft(result);
    assert.equal(draft.kind, 'blog');
    assert.equal(typeof draft.title, 'string');
    for (const value of Object.values(draft.fields)) assert.ok(['string', 'number', 'boolean'].includes(typeof value));
    assert.equal(global.__draftRan, undefined, 'reading fields did not run anything either');
  });

  it('deeply nested front matter gives a problem instead of a stack overflow', () => {
    const config = makeConfig();
    for (const nested of ['['.repeat(150), '['.repeat(2_000) + ']'.repeat(2_000), '{a: '.repeat(2_000) + '}'.repeat(2_000)]) {
      const yaml = expectDraft(parseDraft(source(), `---\nkind: blog\nx: ${nested}\n---\n`, config, { analyze: false }));
      assert.equal(yaml.kind, 'blog');
      assert.deepEqual(problemCodes(yaml), ['front-matter-too-large']);
    }
    const toml = expectDraft(readText(`+++\nkind = "blog"\nx = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n+++\n`));
    assert.deepEqual(problemCodes(toml), ['toml-syntax']);
  });

  it('odd shapes are read without throwing', () => {
    const cases: [string, string][] = [
      ['---\rkind: blog\r---\r# Old Mac line breaks\r', 'content/posts/cr.md'],
      ['---\n---\n', 'content/posts/empty-fm.md'],
      ['---\n...\n', 'content/posts/dots.md'],
      ['+++\n+++\n', 'content/posts/empty-toml.md'],
      ['---\nkind:\n---\n', 'content/posts/kind-empty.md'],
      ['---\nkind: [blog, talk]\n---\n', 'content/posts/kind-list.md'],
      ['---\nkind: 42\nstatus: [a]\ntitle: {a: 1}\ntags: {a: 1}\nduration: {}\n---\n', 'content/posts/types.md'],
      ['---\n? complex key\n: value\n---\n', 'content/posts/complex.md'],
      ['---\n!!map {kind: blog}\n---\n', 'content/posts/tagged.md'],
      ['---\n%YAML 1.1\n---\n', 'content/posts/directive.md'],
      ['---\nkind: blog\n---\n---\nkind: talk\n---\n', 'notes/two-docs.md'],
      ['\u2028\u2029\uFFFD\uD83D\uDE00 # 😀\n', 'content/posts/unicode.md'],
      ['#'.repeat(10_000) + '\n', 'content/posts/hashes.md'],
      ['```\n'.repeat(5_000), 'content/posts/fences.md'],
      [`---\ntitle: ${'"'.repeat(501)}\n---\n`, 'content/posts/quotes.md'],
      [`---\n${'a: 1\n'.repeat(2)}${'- x\n'.repeat(3)}---\n`, 'content/posts/mixed.md'],
    ];
    for (const [text, path] of cases) {
      const result = readText(text, path);
      if ('draft' in result) assertRangesInside(result.draft, text);
    }
  });

  it('a file whose front matter has no kind but a Hugo TOML date is a normal mapped post', () => {
    const draft = expectDraft(readText('+++\ntitle = "Hi"\ndate = 2020-01-01\n+++\n', 'content/posts/hi.md'));
    assert.deepEqual([draft.kind, draft.status, draft.dates[0]?.date, draft.problems], ['blog', 'published', '2020-01-01', []]);
  });

  it('parseDraft never throws on arbitrary front matter text', () => {
    const config = makeConfig();
    const fragment = fc.constantFrom(
      '---',
      '+++',
      'kind: talk',
      'kind = "talk"',
      'status: x',
      'date: 2026-02-30',
      '&a',
      '*a',
      '[',
      ']',
      '{',
      '}',
      ': ',
      '- ',
      '#',
      '"',
      "'",
      '\t',
      '\r\n',
      '\n',
      '\uFEFF',
      '!!js/function',
      '<<: *a',
      '```',
      '# T',
      '  ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 40 }), fc.boolean(), (parts, mapped) => {
        const text = parts.join('');
        const path = mapped ? 'content/talks/x.md' : 'notes/x.md';
        const result = parseDraft(source(path), text, config, { analyze: true });
        if (mapped) assert.ok('draft' in result);
        if ('draft' in result) assertRangesInside(result.draft, text);
      }),
      { numRuns: 400 },
    );
  });

  it('readDraft never throws on arbitrary bytes', () => {
    const config = makeConfig();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const withFence = Uint8Array.from([...utf8('---\nkind: blog\n'), ...bytes]);
        for (const input of [bytes, withFence]) {
          const result = readDraft(source('content/posts/x.md'), input, config, { analyze: true });
          assert.ok('draft' in result || ['binary', 'invalid-utf8'].includes(result.skipped.reason));
        }
      }),
      { numRuns: 300 },
    );
  });
});
