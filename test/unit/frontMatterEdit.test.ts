import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { appendFrontMatterListItem, setFrontMatterFields } from '../../src/core/frontMatter/edit';
import type { EditResult, TextEdit } from '../../src/core/frontMatter/edit';
import { locateFrontMatter, parseFrontMatter } from '../../src/core/frontMatter/parse';

function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
}

function bodyOf(text: string): string {
  const location = locateFrontMatter(text);
  assert.equal(location.type, 'closed', 'the result should have closed front matter');
  return location.type === 'closed' ? text.slice(location.block.end) : '';
}

function dataOf(text: string): unknown {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') throw new Error('no front matter');
  return parse(text.slice(location.block.contentStart, location.block.contentEnd)) ?? {};
}

/** Checks what every successful edit must guarantee and returns the new text. */
function expectEdit(before: string, result: EditResult): string {
  if (!result.ok) assert.fail(`expected an edit, got: ${result.message}`);
  assert.equal(applyEdit(before, result.edit), result.text, 'the edit applied to the old text gives the new text');
  const location = locateFrontMatter(before);
  if (location.type === 'closed') {
    assert.ok(result.edit.offset >= location.block.contentStart, 'edit starts inside the front matter');
    assert.ok(result.edit.offset + result.edit.length <= location.block.end, 'edit ends inside the front matter');
    assert.equal(bodyOf(result.text), before.slice(location.block.end), 'body kept byte for byte');
  } else if (location.type === 'none') {
    assert.equal(result.edit.length, 0);
    assert.equal(result.text.slice(result.text.length - (before.length - location.bodyStart)), before.slice(location.bodyStart));
  }
  return result.text;
}

function expectRefusal(result: EditResult, pattern: RegExp): void {
  if (result.ok) assert.fail(`expected a refusal, got:\n${result.text}`);
  assert.match(result.message, pattern);
}

describe('setFrontMatterFields', () => {
  describe('without front matter', () => {
    it('creates front matter at the top and keeps the text after it', () => {
      const before = '# Title\n\nSome text.\n';
      const after = expectEdit(before, setFrontMatterFields(before, { title: 'Hello', status: 'idea' }));
      assert.equal(after, '---\ntitle: Hello\nstatus: idea\n---\n# Title\n\nSome text.\n');
    });

    it('uses the file line breaks and goes after a BOM', () => {
      const before = '\uFEFF# Title\r\nText\r\n';
      const after = expectEdit(before, setFrontMatterFields(before, { tags: ['a', 'b'] }));
      assert.equal(after, '\uFEFF---\r\ntags:\r\n  - a\r\n  - b\r\n---\r\n# Title\r\nText\r\n');
    });

    it('handles an empty file', () => {
      const after = expectEdit('', setFrontMatterFields('', { title: 'x' }));
      assert.equal(after, '---\ntitle: x\n---\n');
    });

    it('treats a first line that is not exactly a fence as body', () => {
      const before = '--- not a fence\ntitle: no\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { title: 'yes?' }));
      assert.equal(after, `---\ntitle: yes?\n---\n${before}`);
    });

    it('does nothing when only removing fields', () => {
      const result = setFrontMatterFields('body\n', { title: undefined });
      assert.deepEqual(result, { ok: true, text: 'body\n', edit: { offset: 0, length: 0, newText: '' } });
    });
  });

  describe('existing fields', () => {
    const draft = [
      '---',
      '# The talk we pitched to the conference',
      'title: "Scaling Postgres" # working title',
      "event: 'DevConf'",
      'status: draft   # next: review',
      'duration: 30',
      'tags:',
      '  - postgres',
      '  - scaling',
      'published: false',
      '---',
      'Body text',
      '',
    ].join('\n');

    it('replaces only the value and keeps the trailing comment', () => {
      const after = expectEdit(draft, setFrontMatterFields(draft, { status: 'review' }));
      assert.equal(after, draft.replace('status: draft   # next: review', 'status: review   # next: review'));
    });

    it('keeps double quotes on a double-quoted value', () => {
      const after = expectEdit(draft, setFrontMatterFields(draft, { title: 'Scaling Postgres to 1M users' }));
      assert.ok(after.includes('title: "Scaling Postgres to 1M users" # working title\n'));
    });

    it('keeps single quotes on a single-quoted value', () => {
      const after = expectEdit(draft, setFrontMatterFields(draft, { event: 'KubeCon EU' }));
      assert.ok(after.includes("event: 'KubeCon EU'\n"));
    });

    it('does not quote a number that replaces a quoted string', () => {
      const before = '---\nduration: "30"\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { duration: 45 }));
      assert.equal(after, '---\nduration: 45\n---\n');
    });

    it('quotes strings that would otherwise read as something else', () => {
      const values = [
        '123',
        'true',
        'null',
        'a: b',
        'x #y',
        '#tag',
        ' padded ',
        '',
        'yes',
        'off',
        '0b101',
        '2026-11-28T10:00:00Z',
        '- item',
        '[x]',
        '{y}',
        "it's",
        'say "hi"',
        '@handle',
        '`code`',
        '%',
      ];
      for (const value of values) {
        const after = expectEdit(draft, setFrontMatterFields(draft, { status: value }));
        assert.deepEqual((dataOf(after) as Record<string, unknown>).status, value, value);
        assert.ok(!/^status: (?:yes|off|0b101|2026-11-28T)/m.test(after), `quoted: ${value}`);
      }
    });

    it('writes strings that the draft reader reads back unchanged', () => {
      const values = ['0b101', '0o17', '1_000', '2026-11-28 10:00', 'yes', 'No', '~', '.inf', '=', '<<'];
      for (const value of values) {
        const after = expectEdit(draft, setFrontMatterFields(draft, { status: value }));
        const location = locateFrontMatter(after);
        assert.ok(location.type === 'closed');
        const parsed = parseFrontMatter(after, location.block);
        assert.deepEqual(parsed.problems, []);
        assert.equal(parsed.data.status, value, value);
      }
    });

    it('keeps key order, comments and all other lines', () => {
      const after = expectEdit(draft, setFrontMatterFields(draft, { duration: 45, published: true }));
      const beforeLines = draft.split('\n');
      const afterLines = after.split('\n');
      assert.equal(afterLines.length, beforeLines.length);
      beforeLines.forEach((line, index) => {
        if (line.startsWith('duration:') || line.startsWith('published:')) return;
        assert.equal(afterLines[index], line);
      });
      assert.ok(after.includes('duration: 45\n') && after.includes('published: true\n'));
    });

    it('writes YYYY-MM-DD dates unquoted', () => {
      const before = '---\ntitle: x\npublish_date: 2026-01-01\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { publish_date: '2026-11-28', cfp_deadline: '2026-12-01' }));
      assert.equal(after, '---\ntitle: x\npublish_date: 2026-11-28\ncfp_deadline: 2026-12-01\n---\n');
    });

    it('keeps the quotes of a quoted date', () => {
      const before = '---\ndate: "2026-01-01"\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { date: '2026-02-02' })), '---\ndate: "2026-02-02"\n---\n');
    });

    it('quotes a date-shaped string that is not a real date', () => {
      const before = '---\ndate: 2026-01-01\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { date: '2026-02-31' }));
      assert.equal(after, '---\ndate: "2026-02-31"\n---\n');
    });

    it('leaves the text alone when the value is unchanged', () => {
      const result = setFrontMatterFields(draft, { status: 'draft', tags: ['postgres', 'scaling'] });
      assert.ok(result.ok);
      assert.equal(result.text, draft);
      assert.equal(result.edit.length, 0);
      assert.equal(result.edit.newText, '');
    });

    it('replaces a block list with a scalar and keeps the next field', () => {
      const after = expectEdit(draft, setFrontMatterFields(draft, { tags: 'postgres' }));
      assert.ok(after.includes('duration: 30\ntags: postgres\npublished: false\n'));
    });

    it('replaces a scalar with a block list, keeping its comment on the key line', () => {
      const after = expectEdit(draft, setFrontMatterFields(draft, { status: ['a', 'b'] }));
      assert.ok(after.includes("event: 'DevConf'\nstatus: # next: review\n  - a\n  - b\nduration: 30\n"), after);
    });

    it('keeps a comment after the key when a block value becomes a scalar', () => {
      const before = '---\ntags: # topics\n  - a\nnext: 1\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { tags: 'a' })), '---\ntags: a # topics\nnext: 1\n---\n');
    });

    it('replaces a tagged value whole, so the tag cannot change the new type', () => {
      const before = '---\nduration: !!str 30 # minutes\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { duration: 45 })), '---\nduration: 45 # minutes\n---\n');
    });

    it('edits a value written on the line below its key', () => {
      const before = '---\ntitle:\n  A long title\nnext: 1\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { title: 'Short' })), '---\ntitle: Short\nnext: 1\n---\n');
    });

    it('fills an empty value', () => {
      const before = '---\nevent:\nvenue: # tbd\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { event: 'JSConf', venue: 'Berlin' }));
      assert.equal(after, '---\nevent: JSConf\nvenue: Berlin # tbd\n---\n');
    });

    it('writes multi-line strings as block scalars and replaces block scalars whole', () => {
      const before = '---\nabstract: |\n  Old line one\n  Old line two\n\ntitle: x\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { abstract: 'New one\nNew two\n' }));
      assert.equal(after, '---\nabstract: |\n  New one\n  New two\n\ntitle: x\n---\n');
      const inline = expectEdit(before, setFrontMatterFields(before, { abstract: 'Short' }));
      assert.equal(inline, '---\nabstract: Short\n\ntitle: x\n---\n');
    });

    it('keeps a multi-line string double-quoted when the old value was', () => {
      const before = '---\ntitle: "x"\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { title: 'a\nb' })), '---\ntitle: "a\\nb"\n---\n');
    });

    it('keeps a flow list flow', () => {
      const before = '---\ntags: [a, b] # topics\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { tags: ['c', 'd, e'] })), '---\ntags: [c, "d, e"] # topics\n---\n');
    });

    it('writes values of every type so that they read back the same', () => {
      const before = '---\ntitle: x\n---\n';
      const fields = {
        s: 'text with: colon # and hash',
        n: 42,
        f: -1.5,
        t: true,
        no: false,
        nothing: null,
        list: [1, 'two', null, [3], { four: 4 }],
        map: { a: { b: ['c'] }, 'key with space': 'v', 'd: e': '' },
        empty: [],
        emptyMap: {},
        unicode: 'Grüße 👋 日本',
        multi: 'line 1\n  indented\nline 3',
      };
      const after = expectEdit(before, setFrontMatterFields(before, fields));
      assert.deepEqual(dataOf(after), { title: 'x', ...fields });
    });

    it('drops undefined properties inside nested values', () => {
      const before = '---\ntitle: x\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { talk: { event: 'X', note: undefined } }));
      assert.equal(after, '---\ntitle: x\ntalk:\n  event: X\n---\n');
    });

    it('refuses values that are not plain data', () => {
      expectRefusal(setFrontMatterFields('---\na: 1\n---\n', { a: new Date() as never }), /"a".*Date object.*YYYY-MM-DD/);
      expectRefusal(setFrontMatterFields('---\na: 1\n---\n', { a: Number.NaN }), /"a".*not a finite number/);
    });
  });

  describe('new fields', () => {
    it('appends after the last field, before trailing comments and the fence', () => {
      const before = '---\ntitle: x\ntags:\n  - a\n\n# notes for later\n---\nbody\n';
      const after = expectEdit(before, setFrontMatterFields(before, { status: 'idea' }));
      assert.equal(after, '---\ntitle: x\ntags:\n  - a\nstatus: idea\n\n# notes for later\n---\nbody\n');
    });

    it('adds to empty front matter and to front matter with only comments', () => {
      assert.equal(expectEdit('---\n---\nb', setFrontMatterFields('---\n---\nb', { a: 1 })), '---\na: 1\n---\nb');
      assert.equal(expectEdit('---\n# c\n---\n', setFrontMatterFields('---\n# c\n---\n', { a: 1 })), '---\n# c\na: 1\n---\n');
    });

    it('renders nested values with the file indentation', () => {
      const before = '---\nspeaker:\n    name: Ada\nlinks:\n    - a\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { venue: { city: 'Oslo', rooms: ['A'] }, more: ['x'] }));
      assert.equal(after, '---\nspeaker:\n    name: Ada\nlinks:\n    - a\nvenue:\n    city: Oslo\n    rooms:\n        - A\nmore:\n    - x\n---\n');
    });

    it('writes lists flush with their key when the file does', () => {
      const before = '---\nlinks:\n- a\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { venue: { rooms: ['A'] }, more: ['x'] }));
      assert.equal(after, '---\nlinks:\n- a\nvenue:\n  rooms:\n  - A\nmore:\n- x\n---\n');
    });

    it('follows a top-level map that is indented as a whole', () => {
      const before = '---\n  title: x\n  tags:\n    - a\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { venue: { city: 'Oslo' }, tags: ['a', 'b'] }));
      assert.equal(after, '---\n  title: x\n  tags:\n    - a\n    - b\n  venue:\n    city: Oslo\n---\n');
    });

    it('quotes keys that need it', () => {
      const before = '---\na: 1\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { 'b: c': 1, '#d': 2 }));
      assert.deepEqual(dataOf(after), { a: 1, 'b: c': 1, '#d': 2 });
    });
  });

  describe('removing fields', () => {
    it('removes the key and its nested block, keeping the comment above it', () => {
      const before = '---\ntitle: x\n# where it was given\nevent:\n  name: Conf\n  # city later\n  talks:\n    - a\n  # trailing note\nstatus: idea\n---\nbody\n';
      const after = expectEdit(before, setFrontMatterFields(before, { event: undefined }));
      assert.equal(after, '---\ntitle: x\n# where it was given\nstatus: idea\n---\nbody\n');
    });

    it('removes a block scalar including its kept blank lines', () => {
      const before = '---\nabstract: |+\n  text\n\nstatus: idea\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { abstract: undefined })), '---\nstatus: idea\n---\n');
    });

    it('removes a field after a |+ block scalar without growing that scalar', () => {
      const before = '---\nabstract: |+\n  text\nstatus: idea\n\n# end\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { status: undefined, event: 'X' }));
      assert.deepEqual(dataOf(after), { abstract: 'text\n', event: 'X' });
      assert.equal(after, '---\nabstract: |+\n  text\nevent: X\n# end\n---\n');
    });

    it('removes the last field and leaves empty front matter', () => {
      const before = '---\ntitle: x\n---\nbody';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { title: undefined })), '---\n---\nbody');
    });

    it('ignores a missing key', () => {
      const before = '---\ntitle: x\n---\n';
      const result = setFrontMatterFields(before, { nope: undefined });
      assert.ok(result.ok && result.text === before && result.edit.length === 0 && result.edit.newText === '');
    });

    it('removes, changes and adds in one call', () => {
      const before = '---\na: 1\nb: 2\nc: 3\n---\n';
      const after = expectEdit(before, setFrontMatterFields(before, { c: undefined, a: 'one', d: 4 }));
      assert.equal(after, '---\na: one\nb: 2\nd: 4\n---\n');
    });
  });

  describe('line endings, BOM and bodies', () => {
    it('uses CRLF for changed and added lines in a CRLF file', () => {
      const before = '---\r\ntitle: x # c\r\ntags:\r\n  - a\r\n---\r\nBody\r\nmore\r\n';
      const after = expectEdit(before, setFrontMatterFields(before, { title: 'y', tags: ['a', 'b'], abstract: 'l1\nl2' }));
      assert.equal(after, '---\r\ntitle: y # c\r\ntags:\r\n  - a\r\n  - b\r\nabstract: |-\r\n  l1\r\n  l2\r\n---\r\nBody\r\nmore\r\n');
      assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
    });

    it('keeps a BOM', () => {
      const before = '\uFEFF---\ntitle: x\n---\nBody';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { title: 'y' })), '\uFEFF---\ntitle: y\n---\nBody');
    });

    it('keeps a BOM with CRLF', () => {
      const before = '\uFEFF---\r\ntitle: x\r\n---\r\nBody\r\n';
      const after = expectEdit(before, setFrontMatterFields(before, { status: 'idea', title: undefined }));
      assert.equal(after, '\uFEFF---\r\nstatus: idea\r\n---\r\nBody\r\n');
    });

    it('keeps a body with fences and front-matter-looking text', () => {
      const body = '---\ntitle: not front matter\n---\n\n+++\na = 1\n+++\n...\n';
      const before = `---\ntitle: real\n---\n${body}`;
      const after = expectEdit(before, setFrontMatterFields(before, { title: 'changed', extra: ['---', '...'] }));
      assert.ok(after.endsWith(body));
      assert.deepEqual(dataOf(after), { title: 'changed', extra: ['---', '...'] });
    });

    it('handles an empty body', () => {
      const before = '---\ntitle: x\n---\n';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { title: 'y' })), '---\ntitle: y\n---\n');
    });

    it('handles a file that is only front matter without a final newline', () => {
      const before = '---\ntitle: x\n---';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { title: 'y', n: 1 })), '---\ntitle: y\nn: 1\n---');
    });

    it('keeps a front matter closed by "..."', () => {
      const before = '---\ntitle: x\n...\nbody';
      assert.equal(expectEdit(before, setFrontMatterFields(before, { title: 'y' })), '---\ntitle: y\n...\nbody');
    });

    it('never splits a surrogate pair or a CRLF in the edit', () => {
      const before = '---\r\ntitle: 😀\r\n---\r\n';
      const result = setFrontMatterFields(before, { title: '😃' });
      const after = expectEdit(before, result);
      assert.equal(after, '---\r\ntitle: 😃\r\n---\r\n');
      assert.ok(result.ok && result.edit.newText === '😃');
    });
  });

  describe('refusals', () => {
    it('hands TOML front matter to the TOML editor, which refuses invalid TOML', () => {
      assert.equal(expectEdit('+++\ntitle = "x"\n+++\nbody', setFrontMatterFields('+++\ntitle = "x"\n+++\nbody', { title: 'y' })), '+++\ntitle = "y"\n+++\nbody');
      expectRefusal(setFrontMatterFields('+++\ntitle = x\n+++\nbody', { title: 'y' }), /isn't valid TOML \(line 2:.*Fix the TOML/);
    });

    it('refuses unclosed front matter', () => {
      expectRefusal(setFrontMatterFields('---\ntitle: x\nbody\n', { title: 'y' }), /never closes.*Add a "---" line/);
    });

    it('refuses broken YAML and says where', () => {
      expectRefusal(setFrontMatterFields('---\ntitle: x\ntags: [a, b\n---\n', { title: 'y' }), /isn't valid YAML \(line \d+:.*Fix the YAML/);
      expectRefusal(setFrontMatterFields('---\ntitle: "x\n---\n', { title: 'y' }), /isn't valid YAML/);
    });

    it('refuses duplicate keys and names the key', () => {
      expectRefusal(setFrontMatterFields('---\ntitle: x\nstatus: a\ntitle: y\n---\n', { status: 'b' }), /field "title" more than once \(again on line 4\).*Remove one/);
    });

    it('refuses front matter that is not a map', () => {
      expectRefusal(setFrontMatterFields('---\n- a\n- b\n---\n', { title: 'y' }), /isn't a list of "key: value" fields/);
      expectRefusal(setFrontMatterFields('---\njust text\n---\n', { title: 'y' }), /isn't a list of "key: value" fields/);
      expectRefusal(setFrontMatterFields('---\n{a: 1}\n---\n', { title: 'y' }), /single "\{ … \}" map/);
    });

    it('refuses to edit an explicit "? key" field but edits the others', () => {
      const before = '---\n? title\n: x\nstatus: a\n---\n';
      expectRefusal(setFrontMatterFields(before, { title: 'y' }), /"title" is written in a form DevRel Desk can't edit/);
      assert.equal(expectEdit(before, setFrontMatterFields(before, { status: 'b' })), '---\n? title\n: x\nstatus: b\n---\n');
    });

    it('refuses an edit that would break an alias', () => {
      const before = '---\nbase: &b x\ncopy: *b\n---\n';
      expectRefusal(setFrontMatterFields(before, { base: 'y' }), /couldn't change the front matter.*"base" by hand/);
      const after = expectEdit(before, setFrontMatterFields(before, { copy: 'z' }));
      assert.equal(after, '---\nbase: &b x\ncopy: z\n---\n');
    });
  });
});

describe('appendFrontMatterListItem', () => {
  const entry = { date: '2026-11-28', metric: 'views', value: 1200, note: 'Shared by "@devs": great #talk' };

  it('adds a readable block map to an existing block list', () => {
    const before = '---\ntitle: x\nimpact:\n  - date: 2026-10-01\n    metric: stars\n    value: 10\nstatus: published\n---\nbody\n';
    const after = expectEdit(before, appendFrontMatterListItem(before, 'impact', entry));
    assert.equal(
      after,
      '---\ntitle: x\nimpact:\n  - date: 2026-10-01\n    metric: stars\n    value: 10\n  - date: 2026-11-28\n    metric: views\n    value: 1200\n    note: "Shared by \\"@devs\\": great #talk"\nstatus: published\n---\nbody\n',
    );
    assert.deepEqual((dataOf(after) as { impact: unknown[] }).impact[1], entry);
  });

  it('matches a list written flush with its key', () => {
    const before = '---\ntags:\n- a\n- b # last\nnext: 1\n---\n';
    assert.equal(expectEdit(before, appendFrontMatterListItem(before, 'tags', 'c')), '---\ntags:\n- a\n- b # last\n- c\nnext: 1\n---\n');
  });

  it('matches a list indented by four spaces', () => {
    const before = '---\ntags:\n    - a\n---\n';
    assert.equal(expectEdit(before, appendFrontMatterListItem(before, 'tags', 'b')), '---\ntags:\n    - a\n    - b\n---\n');
  });

  it('keeps a flow list flow', () => {
    const before = '---\ntags: [a, b] # t\n---\n';
    assert.equal(expectEdit(before, appendFrontMatterListItem(before, 'tags', 'c, d')), '---\ntags: [a, b, "c, d"] # t\n---\n');
    const empty = '---\ntags: []\n---\n';
    assert.equal(expectEdit(empty, appendFrontMatterListItem(empty, 'tags', { a: 1 })), '---\ntags: [{a: 1}]\n---\n');
    const padded = '---\ntags: [ a ]\n---\n';
    assert.equal(expectEdit(padded, appendFrontMatterListItem(padded, 'tags', 'b')), '---\ntags: [ a, b ]\n---\n');
  });

  it('creates a block list when the key is absent or empty', () => {
    const before = '---\ntitle: x\nimpact:\n---\n';
    assert.equal(
      expectEdit(before, appendFrontMatterListItem(before, 'impact', { date: '2026-11-28', metric: 'views' })),
      '---\ntitle: x\nimpact:\n  - date: 2026-11-28\n    metric: views\n---\n',
    );
    const absent = '---\ntitle: x\n---\n';
    assert.equal(expectEdit(absent, appendFrontMatterListItem(absent, 'tags', 'a')), '---\ntitle: x\ntags:\n  - a\n---\n');
  });

  it('creates front matter when the file has none', () => {
    const before = 'Body\r\n';
    assert.equal(expectEdit(before, appendFrontMatterListItem(before, 'tags', 'a')), '---\r\ntags:\r\n  - a\r\n---\r\nBody\r\n');
  });

  it('uses CRLF in a CRLF file', () => {
    const before = '\uFEFF---\r\nimpact:\r\n- date: 2026-01-01\r\n  metric: views\r\n---\r\n';
    const after = expectEdit(before, appendFrontMatterListItem(before, 'impact', { date: '2026-02-02', metric: 'stars', tags: ['a'] }));
    assert.equal(after, '\uFEFF---\r\nimpact:\r\n- date: 2026-01-01\r\n  metric: views\r\n- date: 2026-02-02\r\n  metric: stars\r\n  tags:\r\n  - a\r\n---\r\n');
  });

  it('refuses to append to a field that is not a list', () => {
    expectRefusal(appendFrontMatterListItem('---\ntitle: x\n---\n', 'title', 'y'), /"title" holds text, not a list/);
    expectRefusal(appendFrontMatterListItem('---\nevent:\n  a: 1\n---\n', 'event', 'y'), /"event" holds a set of fields, not a list/);
  });

  it('refuses what setFrontMatterFields refuses', () => {
    expectRefusal(appendFrontMatterListItem('+++\na = \n+++\n', 'impact', entry), /isn't valid TOML/);
    expectRefusal(appendFrontMatterListItem('---\na: 1\n', 'impact', entry), /never closes/);
    expectRefusal(appendFrontMatterListItem('---\na: 1\na: 2\n---\n', 'impact', entry), /"a" more than once/);
  });
});
