import * as assert from 'node:assert/strict';
import { parse, TomlDate } from 'smol-toml';
import { appendFrontMatterListItem, removeFrontMatterListItem, replaceFrontMatterListItem, setFrontMatterFields } from '../../src/core/frontMatter/edit';
import type { EditResult, TextEdit } from '../../src/core/frontMatter/edit';
import { appendTomlFrontMatterListItem, setTomlFrontMatterFields } from '../../src/core/frontMatter/tomlEdit';
import { locateFrontMatter } from '../../src/core/frontMatter/parse';
import { draftOf } from './helpers';

function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
}

function blockOf(text: string): { contentStart: number; contentEnd: number; end: number } {
  const location = locateFrontMatter(text);
  assert.equal(location.type, 'closed', 'closed front matter');
  if (location.type !== 'closed') throw new Error('unreachable');
  assert.equal(location.block.format, 'toml');
  return location.block;
}

function dataOf(text: string): Record<string, unknown> {
  const block = blockOf(text);
  return parse(text.slice(block.contentStart, block.contentEnd)) as Record<string, unknown>;
}

/** Checks what every successful edit guarantees (a single edit inside the front matter, the same body) and returns the new text. */
function expectEdit(before: string, result: EditResult): string {
  if (!result.ok) assert.fail(`expected an edit, got: ${result.message}`);
  assert.equal(applyEdit(before, result.edit), result.text, 'the edit applied to the old text gives the new text');
  const old = blockOf(before);
  assert.ok(result.edit.offset >= old.contentStart, 'edit starts inside the front matter');
  assert.ok(result.edit.offset + result.edit.length <= old.contentEnd, 'edit ends inside the front matter');
  assert.equal(result.text.slice(blockOf(result.text).end), before.slice(old.end), 'body kept byte for byte');
  return result.text;
}

function expectRefusal(result: EditResult, pattern: RegExp): void {
  if (result.ok) assert.fail(`expected a refusal, got:\n${result.text}`);
  assert.match(result.message, pattern);
}

const set = (text: string, fields: Parameters<typeof setFrontMatterFields>[1]): string => expectEdit(text, setFrontMatterFields(text, fields));
const append = (text: string, key: string, item: Parameters<typeof appendFrontMatterListItem>[2]): string => expectEdit(text, appendFrontMatterListItem(text, key, item));

const HUGO = [
  '+++',
  '# Written by hand',
  'title = "Feature flags without a vendor"   # shown on the card',
  "status = 'drafting'",
  'date = 2026-12-02',
  'draft = true',
  'tags = ["flags", "ops"]',
  '',
  '[params]',
  '  status = "not the draft\'s"',
  '  cover = "img.png"',
  '',
  '[[impact]]',
  'date = 2026-01-03',
  'metric = "views"',
  'value = 120',
  '+++',
  '',
  'Body with +++ and "quotes".',
  '',
].join('\n');

describe('TOML front matter editing', () => {
  describe('setting fields', () => {
    it('replaces only the bytes of the changed value', () => {
      const result = setFrontMatterFields(HUGO, { status: 'review' });
      const after = expectEdit(HUGO, result);
      assert.equal(after, HUGO.replace("status = 'drafting'", "status = 'review'"));
      assert.ok(result.ok && result.edit.newText === 'review' && result.edit.length === 'drafting'.length, 'the edit is the value, inside its quotes');
    });

    it('keeps the quoting style: single quotes stay where they can, double quotes stay double', () => {
      assert.equal(set(HUGO, { title: 'Flags' }), HUGO.replace('"Feature flags without a vendor"', '"Flags"'));
      assert.equal(set(HUGO, { status: "it's done" }), HUGO.replace("'drafting'", '"it\'s done"'));
      assert.equal(set("+++\na = 'x'\n+++\n", { a: 'line 1\nline 2' }), '+++\na = "line 1\\nline 2"\n+++\n');
    });

    it('sets draft and published booleans', () => {
      assert.equal(set(HUGO, { draft: false }), HUGO.replace('draft = true', 'draft = false'));
      assert.equal(
        set(HUGO, { draft: false, published: true }),
        HUGO.replace('draft = true\n', 'draft = false\n').replace('tags = ["flags", "ops"]\n', 'tags = ["flags", "ops"]\npublished = true\n'),
      );
    });

    it('keeps a local date a local date and a quoted date a string', () => {
      const local = set(HUGO, { date: '2027-01-05' });
      assert.match(local, /^date = 2027-01-05$/m);
      const date = dataOf(local).date;
      assert.ok(date instanceof TomlDate && date.isDate(), 'still a TOML local date');
      const quoted = set('+++\ndate = "2026-12-02"\n+++\n', { date: '2027-01-05' });
      assert.equal(quoted, '+++\ndate = "2027-01-05"\n+++\n');
      assert.equal(set('+++\ndate = 2026-12-02T10:00:00Z # when\n+++\n', { date: '2027-01-05' }), '+++\ndate = 2027-01-05 # when\n+++\n');
    });

    it('writes a new date field as a local date, which Hugo and Zola read as a date', () => {
      const after = set('+++\ntitle = "x"\n+++\n', { publish_date: '2026-12-10' });
      assert.equal(after, '+++\ntitle = "x"\npublish_date = 2026-12-10\n+++\n');
      const draft = draftOf(after, { path: 'content/posts/a.md' });
      assert.deepEqual(
        draft.dates.map((d) => [d.field, d.date]),
        [['publish_date', '2026-12-10']],
      );
      assert.deepEqual(draft.problems, []);
      // Not a real day: kept as the text it is, never rolled over to March.
      assert.match(set(HUGO, { publish_date: '2026-02-30' }), /^publish_date = "2026-02-30"$/m);
    });

    it('puts new top-level keys after the last top-level key, before the first table', () => {
      const after = set(HUGO, { publish_date: '2026-12-10', 'cover image': 'a.png', ключ: 1 });
      assert.ok(after.includes('tags = ["flags", "ops"]\npublish_date = 2026-12-10\n"cover image" = "a.png"\n"ключ" = 1\n\n[params]'), after);
      assert.deepEqual(Object.keys(dataOf(after)).slice(-5, -2), ['publish_date', 'cover image', 'ключ']);
    });

    it('puts a new key above the comment that introduces the first table when there are no top-level keys', () => {
      assert.equal(set('+++\n# site params\n[params]\na = 1\n+++\n', { status: 'idea' }), '+++\nstatus = "idea"\n# site params\n[params]\na = 1\n+++\n');
      assert.equal(set('+++\n# only a comment\n+++\nbody', { status: 'idea' }), '+++\n# only a comment\nstatus = "idea"\n+++\nbody');
      assert.equal(set('+++\n+++\nbody', { status: 'idea' }), '+++\nstatus = "idea"\n+++\nbody');
    });

    it("changes the draft's top-level key, never a key of the same name inside a table", () => {
      const after = set(HUGO, { status: 'review' });
      assert.match(after, /^ {2}status = "not the draft's"$/m);
      const data = dataOf(after);
      assert.equal(data.status, 'review');
      assert.equal((data.params as Record<string, unknown>).status, "not the draft's");
      // Only in a table: the draft has no status yet, so one is added at the top level.
      const onlyInTable = set('+++\ntitle = "x"\n[params]\nstatus = "p"\n+++\n', { status: 'idea' });
      assert.equal(onlyInTable, '+++\ntitle = "x"\nstatus = "idea"\n[params]\nstatus = "p"\n+++\n');
    });

    it('finds keys written bare, quoted or literal, with spaces or none around =', () => {
      assert.equal(set('+++\n"status" = "a"\n+++\n', { status: 'b' }), '+++\n"status" = "b"\n+++\n');
      assert.equal(set("+++\n'status'='a'\n+++\n", { status: 'b' }), "+++\n'status'='b'\n+++\n");
      assert.equal(set('+++\n"a.b" = 1\n+++\n', { 'a.b': 2 }), '+++\n"a.b" = 2\n+++\n');
      assert.equal(set('+++\n"k\\u00e9y" = 1\n+++\n', { kéy: 2 }), '+++\n"k\\u00e9y" = 2\n+++\n');
    });

    it('treats a dotted key as a table of its first part', () => {
      const before = '+++\nsite.status = "x"\nsite . "name" = "y"\n+++\n';
      assert.equal(set(before, { status: 'idea' }), '+++\nsite.status = "x"\nsite . "name" = "y"\nstatus = "idea"\n+++\n');
      expectRefusal(setFrontMatterFields(before, { site: 'z' }), /"site" is written as a TOML table.*by hand/);
      expectRefusal(setFrontMatterFields(HUGO, { params: 'z' }), /"params" is written as a TOML table/);
      expectRefusal(setFrontMatterFields(HUGO, { impact: undefined }), /"impact" is written as a TOML table/);
    });

    it('writes numbers, lists and sets of fields with smol-toml', () => {
      assert.equal(set('+++\nduration = 30 # minutes\n+++\n', { duration: 45 }), '+++\nduration = 45 # minutes\n+++\n');
      assert.equal(set('+++\nx = 1\n+++\n', { x: 1.5 }), '+++\nx = 1.5\n+++\n');
      assert.equal(set('+++\nx = 1\n+++\n', { x: -0 }), '+++\nx = -0.0\n+++\n');
      assert.equal(set(HUGO, { tags: ['a', 'b c'] }), HUGO.replace('["flags", "ops"]', '[ "a", "b c" ]'));
      const venue = set('+++\ntitle = "t"\n+++\n', { venue: { city: 'Oslo', 'room name': 'A', dates: ['2026-01-01'] } });
      assert.equal(venue, '+++\ntitle = "t"\nvenue = { city = "Oslo", "room name" = "A", dates = [ "2026-01-01" ] }\n+++\n');
      assert.equal(set('+++\nx = 1\n+++\n', { x: 'say "hi" \\ 👋 \t' }), '+++\nx = "say \\"hi\\" \\\\ 👋 \\t"\n+++\n');
    });

    it('replaces a multi-line string, an inline table and a multi-line array as a whole value', () => {
      const before = '+++\nabstract = """\nLine one\nLine two"""\nvenue = { city = "Oslo" }\ntags = [\n  "a", # first\n  "b",\n]\nnext = 1\n+++\n';
      const after = set(before, { abstract: 'Short', venue: { city: 'Bergen' }, tags: ['c'] });
      assert.equal(after, '+++\nabstract = "Short"\nvenue = { city = "Bergen" }\ntags = [ "c" ]\nnext = 1\n+++\n');
      assert.equal(set("+++\nx = '''\nraw\\n'''\n+++\n", { x: 'plain' }), "+++\nx = 'plain'\n+++\n");
    });

    it('removes a field with its line and comment, and does nothing for one that is not there', () => {
      assert.equal(set(HUGO, { draft: undefined, title: undefined }), HUGO.replace('draft = true\n', '').replace(/^title = .*\n/m, ''));
      const result = setFrontMatterFields(HUGO, { nothing: undefined });
      assert.ok(result.ok && result.text === HUGO && result.edit.length === 0 && result.edit.newText === '');
    });

    it('returns an empty edit when the value is already there', () => {
      for (const fields of [{ status: 'drafting' }, { date: '2026-12-02' }, { draft: true }, { tags: ['flags', 'ops'] }]) {
        const result = setFrontMatterFields(HUGO, fields);
        assert.ok(result.ok && result.text === HUGO && result.edit.length === 0, JSON.stringify(fields));
      }
    });

    it('removes one field and adds another where it was', () => {
      assert.equal(set('+++\na = 1\nb = 2\n[t]\n+++\n', { b: undefined, c: 3 }), '+++\na = 1\nc = 3\n[t]\n+++\n');
    });

    it('keeps CRLF line breaks, a BOM and a closing fence with trailing spaces', () => {
      const before = '\uFEFF+++  \r\ntitle = "x"\r\n\r\n[params]\r\na = 1\r\n+++   \r\nBody\r\n';
      const after = set(before, { status: 'idea', title: 'y' });
      assert.equal(after, '\uFEFF+++  \r\ntitle = "y"\r\nstatus = "idea"\r\n\r\n[params]\r\na = 1\r\n+++   \r\nBody\r\n');
      const appended = append(before, 'impact', { date: '2026-01-01', metric: 'views', value: 1 });
      assert.ok(!/(^|[^\r])\n/.test(appended), 'no lone LF');
    });

    it('keeps a body that has no line break, or none at all', () => {
      assert.equal(set('+++\na = 1\n+++', { a: 2 }), '+++\na = 2\n+++');
      assert.equal(set('+++\na = 1\n+++\n+++\nmore', { b: 2 }), '+++\na = 1\nb = 2\n+++\n+++\nmore');
    });

    it('can be called directly with the same contract', () => {
      const result = setTomlFrontMatterFields(HUGO, { status: 'review' });
      assert.equal(expectEdit(HUGO, result), set(HUGO, { status: 'review' }));
      expectRefusal(setTomlFrontMatterFields('---\na: 1\n---\n', { a: 2 }), /no closed "\+\+\+" TOML front matter/);
      expectRefusal(appendTomlFrontMatterListItem('no front matter', 'tags', 'a'), /no closed "\+\+\+" TOML front matter/);
    });
  });

  describe('appending to lists', () => {
    const entry = { date: '2026-02-01', metric: 'stars', value: 5, note: 'Launch "day"' };

    it('adds an impact entry as a [[impact]] table after the existing ones', () => {
      const after = append(HUGO, 'impact', entry);
      assert.equal(after, HUGO.replace('value = 120\n', 'value = 120\n\n[[impact]]\ndate = 2026-02-01\nmetric = "stars"\nvalue = 5\nnote = "Launch \\"day\\""\n'));
      const impact = dataOf(after).impact as Array<Record<string, unknown>>;
      assert.equal(impact.length, 2);
      assert.ok(impact[1].date instanceof TomlDate, 'a new entry date is a local date, like the others');
    });

    it('puts the new table after sub-tables of the last entry and before the next table', () => {
      const before = '+++\ntitle = "x"\n[[impact]]\ndate = 2026-01-01\nmetric = "views"\nvalue = 1\n[impact.source]\nurl = "u"\n# about params\n[params]\na = 1\n+++\n';
      const after = append(before, 'impact', { date: '2026-01-02', metric: 'views', value: 2 });
      assert.equal(
        after,
        '+++\ntitle = "x"\n[[impact]]\ndate = 2026-01-01\nmetric = "views"\nvalue = 1\n[impact.source]\nurl = "u"\n[[impact]]\ndate = 2026-01-02\nmetric = "views"\nvalue = 2\n# about params\n[params]\na = 1\n+++\n',
      );
    });

    it('keeps dates text when the entries before write them as text', () => {
      const before = '+++\n[[impact]]\ndate = "2026-01-01"\nmetric = "views"\nvalue = 1\n+++\n';
      const after = append(before, 'impact', { date: '2026-01-02', metric: 'views', value: 2 });
      assert.match(after, /^date = "2026-01-02"$/m);
    });

    it('starts a [[impact]] list at the end of the front matter', () => {
      assert.equal(
        append('+++\ntitle = "x"\n+++\nBody', 'impact', { date: '2026-01-01', metric: 'views', value: 1 }),
        '+++\ntitle = "x"\n\n[[impact]]\ndate = 2026-01-01\nmetric = "views"\nvalue = 1\n+++\nBody',
      );
      assert.equal(append('+++\n+++\n', 'impact', { metric: 'views' }), '+++\n[[impact]]\nmetric = "views"\n+++\n');
      const withTable = append('+++\ntitle = "x"\n\n[params]\na = 1\n\n+++\n', 'impact', { metric: 'views', links: { home: 'h' } });
      assert.equal(withTable, '+++\ntitle = "x"\n\n[params]\na = 1\n\n[[impact]]\nmetric = "views"\n\n[impact.links]\nhome = "h"\n+++\n');
    });

    it('appends to an inline list of inline tables when the document uses one', () => {
      const before = '+++\nimpact = [ { date = "2026-01-01", metric = "views", value = 1 } ]\n+++\n';
      assert.equal(
        append(before, 'impact', { date: '2026-01-02', metric: 'views', value: 2 }),
        '+++\nimpact = [ { date = "2026-01-01", metric = "views", value = 1 }, { date = "2026-01-02", metric = "views", value = 2 } ]\n+++\n',
      );
    });

    it('appends to an inline list the way it is written', () => {
      assert.equal(append(HUGO, 'tags', 'c d'), HUGO.replace('["flags", "ops"]', '["flags", "ops", "c d"]'));
      assert.equal(append('+++\ntags = ["a", ]\n+++\n', 'tags', 'b'), '+++\ntags = ["a", "b", ]\n+++\n');
      assert.equal(append('+++\ntags = []\n+++\n', 'tags', 'b'), '+++\ntags = [ "b" ]\n+++\n');
      assert.equal(append('+++\ntags = [\n  "a",\n  "b", # last\n]\n+++\n', 'tags', 'c'), '+++\ntags = [\n  "a",\n  "b", # last\n  "c",\n]\n+++\n');
      assert.equal(append('+++\ntags = [\n    "a" # only\n]\n+++\n', 'tags', 'c'), '+++\ntags = [\n    "a", # only\n    "c"\n]\n+++\n');
      assert.equal(append('+++\r\ntags = [\r\n  "a",\r\n]\r\n+++\r\n', 'tags', 'c'), '+++\r\ntags = [\r\n  "a",\r\n  "c",\r\n]\r\n+++\r\n');
      assert.equal(append('+++\ntags = ["a",\n  "b"]\n+++\n', 'tags', 'c'), '+++\ntags = ["a",\n  "b", "c"]\n+++\n');
    });

    it('starts an inline list for a plain item', () => {
      assert.equal(append(HUGO, 'aliases', '/old'), HUGO.replace('tags = ["flags", "ops"]\n', 'tags = ["flags", "ops"]\naliases = [ "/old" ]\n'));
    });

    it('refuses a field that is not a list', () => {
      expectRefusal(appendFrontMatterListItem(HUGO, 'title', 'x'), /"title" holds text, not a list/);
      expectRefusal(appendFrontMatterListItem(HUGO, 'date', 'x'), /"date" holds a date, not a list/);
      expectRefusal(appendFrontMatterListItem(HUGO, 'params', 'x'), /"params" holds a set of fields, not a list/);
      expectRefusal(appendFrontMatterListItem('+++\nsite.a = 1\n+++\n', 'site', 'x'), /"site" holds a set of fields, not a list/);
      expectRefusal(appendFrontMatterListItem(HUGO, 'impact', 'x'), /list of \[\[impact\]\] tables.*not text/);
    });
  });

  describe('refusals', () => {
    it('refuses invalid TOML with its line, and duplicate keys', () => {
      expectRefusal(setFrontMatterFields('+++\ntitle = "x"\nstatus = \n+++\n', { status: 'a' }), /isn't valid TOML \(line 3:.*Fix the TOML/);
      expectRefusal(setFrontMatterFields('+++\na = 1\na = 2\n+++\n', { b: 1 }), /isn't valid TOML \(line 3: trying to redefine/);
      expectRefusal(appendFrontMatterListItem('+++\n[t\n+++\n', 'impact', { a: 1 }), /isn't valid TOML/);
    });

    it('refuses unclosed TOML front matter', () => {
      expectRefusal(setFrontMatterFields('+++\ntitle = "x"\nbody\n', { status: 'a' }), /never closes.*"\+\+\+" line/);
    });

    it('refuses null, which TOML cannot write, and other values front matter cannot hold', () => {
      expectRefusal(setFrontMatterFields(HUGO, { status: null }), /"status" is or holds an empty value \(null\)/);
      expectRefusal(appendFrontMatterListItem(HUGO, 'impact', { date: null }), /"impact" is or holds an empty value/);
      expectRefusal(setFrontMatterFields(HUGO, { x: Number.POSITIVE_INFINITY }), /"x" is not a finite number/);
    });

    it('leaves a valid file alone when the value cannot be written', () => {
      expectRefusal(setFrontMatterFields(HUGO, { 'bad\ud800key': 1 }), /can't be written as TOML/);
    });
  });

  describe('one list item in place', () => {
    const TABLES = [
      '+++',
      'title = "x"',
      '',
      '# synced reach',
      '[[impact]]',
      "metric = 'views' # from dev.to",
      'date = "2026-01-03"',
      'value = 10',
      'source = "devto"',
      '',
      '[[impact]]',
      'date = 2026-01-04',
      'metric = "reactions"',
      'value = 2',
      'source = "devto"',
      '+++',
      'Body with [[impact]] and +++ in it.',
      '',
    ].join('\r\n');

    it('changes only the values of one [[impact]] table, keeping quotes, comments, key order and date style', () => {
      const after = expectEdit(TABLES, replaceFrontMatterListItem(TABLES, 'impact', 0, { date: '2026-02-01', metric: 'views', value: 12, source: 'devto' }));
      assert.equal(after, TABLES.replace('date = "2026-01-03"', 'date = "2026-02-01"').replace('value = 10', 'value = 12'));
      const second = expectEdit(
        after,
        replaceFrontMatterListItem(after, 'impact', 1, { date: '2026-02-01', metric: 'reactions', value: 3, source: 'devto', link: 'https://dev.to/a' }),
      );
      assert.equal(
        second,
        after.replace('date = 2026-01-04', 'date = 2026-02-01').replace('value = 2\r\nsource = "devto"\r\n', 'value = 3\r\nsource = "devto"\r\nlink = "https://dev.to/a"\r\n'),
      );
      assert.ok(dataOf(second).impact && (dataOf(second).impact as Array<Record<string, unknown>>)[1].date instanceof TomlDate, 'a local date stays a date');
    });

    it('removes a field the new item lacks, and refuses an entry with sub-tables', () => {
      const after = expectEdit(TABLES, replaceFrontMatterListItem(TABLES, 'impact', 1, { date: '2026-01-04', metric: 'reactions', value: 2 }));
      assert.equal(after, TABLES.replace('value = 2\r\nsource = "devto"\r\n', 'value = 2\r\n'));
      const nested = '+++\n[[impact]]\nvalue = 1\n[impact.source]\nurl = "x"\n+++\n';
      expectRefusal(replaceFrontMatterListItem(nested, 'impact', 0, { value: 2 }), /couldn't change the front matter/);
      expectRefusal(replaceFrontMatterListItem(TABLES, 'impact', 2, { value: 2 }), /has 2 entries, so there is no entry 3/);
    });

    it('removes one [[impact]] table with its lines; the last one takes the field', () => {
      const after = expectEdit(TABLES, removeFrontMatterListItem(TABLES, 'impact', 0));
      assert.equal(after, TABLES.replace('[[impact]]\r\nmetric = \'views\' # from dev.to\r\ndate = "2026-01-03"\r\nvalue = 10\r\nsource = "devto"\r\n', ''));
      const none = expectEdit(after, removeFrontMatterListItem(after, 'impact', 0));
      assert.equal(dataOf(none).impact, undefined);
      assert.ok(!none.includes('[[impact]]\r\n'));
      assert.ok(none.endsWith('+++\r\nBody with [[impact]] and +++ in it.\r\n'));
    });

    it('rewrites one item of an inline list where it stands', () => {
      const inline = '+++\nimpact = [ { metric = "views", value = 1 }, { metric = "stars", value = 2 } ] # two\n+++\nbody\n';
      const after = expectEdit(inline, replaceFrontMatterListItem(inline, 'impact', 1, { metric: 'stars', value: 5, source: 'devto' }));
      assert.equal(after, '+++\nimpact = [ { metric = "views", value = 1 }, { metric = "stars", value = 5, source = "devto" } ] # two\n+++\nbody\n');
      assert.equal(expectEdit(inline, removeFrontMatterListItem(inline, 'impact', 0)), '+++\nimpact = [ { metric = "stars", value = 2 } ] # two\n+++\nbody\n');
      assert.equal(expectEdit(inline, removeFrontMatterListItem(inline, 'impact', 1)), '+++\nimpact = [ { metric = "views", value = 1 } ] # two\n+++\nbody\n');
      const lines = '+++\ntags = [\n  "a", # first\n  "b",\n]\n+++\n';
      assert.equal(expectEdit(lines, removeFrontMatterListItem(lines, 'tags', 1)), '+++\ntags = [\n  "a", # first\n]\n+++\n');
      assert.equal(expectEdit(lines, removeFrontMatterListItem(lines, 'tags', 0)), '+++\ntags = [\n  "b",\n]\n+++\n');
    });
  });
});
