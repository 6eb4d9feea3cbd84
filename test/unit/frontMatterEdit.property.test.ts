import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { appendFrontMatterListItem, setFrontMatterFields } from '../../src/core/frontMatter/edit';
import type { EditResult, FrontMatterValue } from '../../src/core/frontMatter/edit';
import { locateFrontMatter } from '../../src/core/frontMatter/parse';

// Generated drafts: YAML front matter written in many of the ways people write it, random
// bodies, and one edit each. Every edit must keep the body byte for byte, read back as the
// old data plus the change, and leave every other field's text exactly as it was.

type LineBreak = '\n' | '\r\n';

/** A value as it is written after `key:`; `lines[0]` continues the key's line. */
interface WrittenValue {
  lines: string[];
}

interface WrittenEntry {
  name: string;
  keySource: string;
  value: WrittenValue;
  before: 'none' | 'blank' | 'comment' | 'both';
}

interface Draft {
  bom: boolean;
  lineBreak: LineBreak;
  /** Undefined: the file has no front matter. */
  entries?: WrittenEntry[];
  leadingComment: boolean;
  closeWithDots: boolean;
  body: string;
}

type Edit = { type: 'set'; key: string; value: FrontMatterValue } | { type: 'remove'; key: string } | { type: 'append'; key: string; item: FrontMatterValue };

const KEYS: ReadonlyArray<{ name: string; source: string }> = [
  { name: 'title', source: 'title' },
  { name: 'status', source: 'status' },
  { name: 'tags', source: 'tags' },
  { name: 'publish_date', source: 'publish_date' },
  { name: 'event', source: 'event' },
  { name: 'duration', source: 'duration' },
  { name: 'draft', source: 'draft' },
  { name: 'abstract', source: 'abstract' },
  { name: 'impact', source: 'impact' },
  { name: 'speaker', source: 'speaker' },
  { name: 'ключ', source: 'ключ' },
  { name: 'emoji 👋', source: 'emoji 👋' },
  { name: 'a: b', source: '"a: b"' },
  { name: 'quoted', source: "'quoted'" },
];

const PLAIN_STRINGS = ['draft', 'Hello world', 'Grüße, 日本 👋', 'a-b_c', 'x/y', 'C++', 'v1.2.3', "it's", 'say "hi"', 'a:b', 'x#y', '2026-11-28'];
const COMMENTS = ['# note', '#', '# a: b # c', '# 日本 --- 👋', '# it\'s "quoted"'];

const text = fc.string({ unit: 'grapheme', maxLength: 24 });
const comment = fc.option(fc.constantFrom(...COMMENTS), { nil: undefined });

/** YAML double quotes with every character YAML can't hold raw written as an escape. */
function doubleQuoted(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/g, (ch) => {
    if (ch === '\\' || ch === '"') return `\\${ch}`;
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  })}"`;
}

const printable = (value: string): boolean => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(value);

const inlineScalar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PLAIN_STRINGS),
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.constantFrom('-1.5', '0.25', 'true', 'false', 'null', '~'),
  text.map(doubleQuoted),
  text.filter(printable).map((value) => `'${value.replace(/'/g, "''")}'`),
);

function withComment(first: string, note: string | undefined): string {
  return note ? `${first} ${note}` : first;
}

const scalarValue: fc.Arbitrary<WrittenValue> = fc.tuple(inlineScalar, comment).map(([value, note]) => ({ lines: [withComment(` ${value}`, note)] }));

const emptyValue: fc.Arbitrary<WrittenValue> = comment.map((note) => ({ lines: [note ? ` ${note}` : ''] }));

const blockLiteral: fc.Arbitrary<WrittenValue> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(...PLAIN_STRINGS, '', '---', '...', 'key: value', '# not a comment'),
        text.filter((t) => printable(t) && t.trim() === t && t !== ''),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.constantFrom('|', '|-', '>', '|+'),
  )
  .filter(([lines]) => lines[0] !== '' && lines[lines.length - 1] !== '')
  .map(([lines, header]) => ({ lines: [` ${header}`, ...lines.map((line) => (line === '' ? '' : `  ${line}`))] }));

const multiLinePlain: fc.Arbitrary<WrittenValue> = fc.constantFrom({ lines: [' plain text', '  continued here'] }, { lines: [' Grüße', '  👋 again'] });

const blockList: fc.Arbitrary<WrittenValue> = fc
  .tuple(fc.array(fc.tuple(inlineScalar, comment), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '  ', '    '), comment)
  .map(([items, indent, note]) => ({ lines: [note ? ` ${note}` : '', ...items.map(([item, itemNote]) => withComment(`${indent}- ${item}`, itemNote))] }));

const flowList: fc.Arbitrary<WrittenValue> = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom('a', 'b c', '42', 'true'), text.map(doubleQuoted)), { maxLength: 4 }), fc.boolean(), comment)
  .map(([items, padded, note]) => ({ lines: [withComment(items.length === 0 ? ' []' : padded ? ` [ ${items.join(', ')} ]` : ` [${items.join(', ')}]`, note)] }));

const impactList: fc.Arbitrary<WrittenValue> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.nat(5000), fc.option(text.map(doubleQuoted), { nil: undefined })), { minLength: 1, maxLength: 3 })
  .map((items) => ({
    lines: [
      '',
      ...items.flatMap(([day, value, note]) => [
        `  - date: 2026-01-${String(day).padStart(2, '0')}`,
        '    metric: views',
        `    value: ${value}`,
        ...(note ? [`    note: ${note}`] : []),
      ]),
    ],
  }));

const nestedMap: fc.Arbitrary<WrittenValue> = fc.tuple(inlineScalar, inlineScalar, comment).map(([a, b, note]) => ({
  lines: [note ? ` ${note}` : '', `  name: ${a}`, '  links:', `    - ${b}`, '    # indented comment', '  nested:', `    deep: ${a}`],
}));

const writtenValue: fc.Arbitrary<WrittenValue> = fc.oneof(
  { arbitrary: scalarValue, weight: 5 },
  { arbitrary: emptyValue, weight: 1 },
  { arbitrary: blockLiteral, weight: 2 },
  { arbitrary: multiLinePlain, weight: 1 },
  { arbitrary: blockList, weight: 2 },
  { arbitrary: flowList, weight: 2 },
  { arbitrary: impactList, weight: 1 },
  { arbitrary: nestedMap, weight: 1 },
);

const entries: fc.Arbitrary<WrittenEntry[]> = fc
  .uniqueArray(
    fc.record({
      key: fc.constantFrom(...KEYS),
      value: writtenValue,
      before: fc.constantFrom<WrittenEntry['before']>('none', 'none', 'blank', 'comment', 'both'),
    }),
    { selector: (entry) => entry.key.name, maxLength: 8, size: 'medium' },
  )
  .map((list) => list.map(({ key, value, before }) => ({ name: key.name, keySource: key.source, value, before })));

const bodyLine = fc.oneof(fc.constantFrom('---', '+++', '...', 'title: x', '# Heading', '', 'text ✓ 👋', '  ---  ', '\uFEFF---'), text);
const body: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.tuple(bodyLine, fc.constantFrom('\n', '\r\n', '\r', '')), { maxLength: 8 }).map((lines) => lines.map(([line, end]) => line + end).join('')),
);

const draft: fc.Arbitrary<Draft> = fc.record({
  bom: fc.boolean(),
  lineBreak: fc.constantFrom<LineBreak>('\n', '\r\n'),
  entries: fc.option(entries, { nil: undefined, freq: 6 }),
  leadingComment: fc.boolean(),
  closeWithDots: fc.boolean(),
  body,
});

const isoDate = fc
  .record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const leafValue: fc.Arbitrary<FrontMatterValue> = fc.oneof(
  text,
  fc.constantFrom(...PLAIN_STRINGS, 'yes', '0b101', '1_000', '123', 'null', '', ' padded ', 'a: b', '#x', 'line 1\nline 2', 'trailing\n', '---', '...'),
  isoDate,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const anyValue: fc.Arbitrary<FrontMatterValue> = fc.oneof(
  { arbitrary: leafValue, weight: 4 },
  { arbitrary: fc.array(leafValue, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.constantFrom('name', 'url', 'a: b', 'when'), fc.oneof(leafValue, fc.array(leafValue, { maxLength: 2 })), { maxKeys: 3 }), weight: 1 },
);

const impactEntry: fc.Arbitrary<FrontMatterValue> = fc.record({
  date: isoDate,
  metric: fc.constantFrom('views', 'stars', 'signups'),
  value: fc.nat(100000),
  note: text,
});

const anyKey = fc.constantFrom(...KEYS.map((key) => key.name), 'missing');

/** Edits mostly aim at fields the draft has, since those are the ones that can go wrong. */
function editFor(d: Draft): fc.Arbitrary<Edit> {
  const names = (d.entries ?? []).map((entry) => entry.name);
  const key = names.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 3 }, { arbitrary: anyKey, weight: 1 }) : anyKey;
  return fc.oneof(
    fc.record({ type: fc.constant('set' as const), key: fc.constant('status'), value: fc.oneof(fc.constantFrom('idea', 'draft', 'review', 'published'), text) }),
    fc.record({ type: fc.constant('set' as const), key: fc.oneof(fc.constantFrom('publish_date', 'cfp_deadline'), key), value: isoDate }),
    fc.record({ type: fc.constant('set' as const), key, value: anyValue }),
    fc.record({ type: fc.constant('remove' as const), key }),
    fc.record({ type: fc.constant('append' as const), key: fc.constantFrom('impact', 'tags'), item: fc.oneof(impactEntry, text) }),
    fc.record({ type: fc.constant('append' as const), key, item: anyValue }),
  );
}

const edit: fc.Arbitrary<Edit> = editFor({ bom: false, lineBreak: '\n', leadingComment: false, closeWithDots: false, body: '' });
const scenario: fc.Arbitrary<[Draft, Edit]> = draft.chain((d) => fc.tuple(fc.constant(d), editFor(d)));

interface Written {
  text: string;
  /** Where each field's lines are in the front-matter content. */
  chunks: Map<string, [number, number]>;
  contentLength: number;
  /** Where new fields go: after the last field's lines. */
  appendAt: number;
}

function writeDraft(d: Draft): Written {
  const lb = d.lineBreak;
  const bom = d.bom ? '\uFEFF' : '';
  const chunks = new Map<string, [number, number]>();
  if (!d.entries) return { text: bom + d.body, chunks, contentLength: 0, appendAt: 0 };
  let content = d.leadingComment ? `# generated draft${lb}` : '';
  let appendAt = content.length;
  let previous: WrittenEntry | undefined;
  for (const entry of d.entries) {
    if (entry.before === 'blank' || entry.before === 'both') {
      content += lb;
      // Blank lines after a `|+` block scalar are part of its value.
      const kept = previous?.value.lines[0].startsWith(' |+') ? chunks.get(previous.name) : undefined;
      if (kept) kept[1] = content.length;
    }
    if (entry.before === 'comment' || entry.before === 'both') content += `# about ${entry.name}${lb}`;
    const start = content.length;
    content += `${entry.keySource}:${entry.value.lines.join(lb)}${lb}`;
    chunks.set(entry.name, [start, content.length]);
    appendAt = content.length;
    previous = entry;
  }
  if (d.entries.length === 0) appendAt = content.length;
  const fence = d.closeWithDots ? '...' : '---';
  const close = d.body === '' && d.closeWithDots ? fence : fence + lb;
  return { text: `${bom}---${lb}${content}${close}${d.body}`, chunks, contentLength: content.length, appendAt };
}

function run(textIn: string, e: Edit): EditResult {
  if (e.type === 'set') return setFrontMatterFields(textIn, { [e.key]: e.value });
  if (e.type === 'remove') return setFrontMatterFields(textIn, { [e.key]: undefined });
  return appendFrontMatterListItem(textIn, e.key, e.item);
}

function dataOf(content: string): Record<string, unknown> {
  const doc = parseDocument(content, { uniqueKeys: true });
  assert.deepEqual(doc.errors, [], 'front matter parses without errors');
  return (doc.toJS() ?? {}) as Record<string, unknown>;
}

/** fast-check builds records without a prototype; YAML reads back ordinary objects. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
}

function withChange(data: Record<string, unknown>, e: Edit): Record<string, unknown> {
  const next = { ...data };
  if (e.type === 'remove') delete next[e.key];
  else if (e.type === 'set') next[e.key] = e.value;
  else next[e.key] = [...((data[e.key] as unknown[] | null | undefined) ?? []), e.item];
  return next;
}

function firstLineBreak(value: string): LineBreak {
  const at = value.indexOf('\n');
  return at > 0 && value[at - 1] === '\r' ? '\r\n' : '\n';
}

describe('frontMatterEdit properties', () => {
  it('keeps the body and every other field, and reads back as the old data plus the change', () => {
    fc.assert(
      fc.property(scenario, ([d, e]) => {
        const written = writeDraft(d);
        const before = written.text;
        const location = locateFrontMatter(before);
        if (d.entries) {
          fc.pre(location.type === 'closed' && location.block.contentEnd - location.block.contentStart === written.contentLength);
        } else {
          fc.pre(location.type === 'none');
        }
        const bodyStart = location.type === 'closed' ? location.block.end : location.type === 'none' ? location.bodyStart : 0;
        const oldBody = before.slice(bodyStart);
        const oldContent = location.type === 'closed' ? before.slice(location.block.contentStart, location.block.contentEnd) : '';
        const oldData = location.type === 'closed' ? dataOf(oldContent) : {};

        const result = run(before, e);
        const current = oldData[e.key];
        if (e.type === 'append' && current !== undefined && current !== null && !Array.isArray(current)) {
          assert.equal(result.ok, false);
          if (!result.ok) assert.match(result.message, /not a list/);
          return;
        }
        if (!result.ok) assert.fail(`refused: ${result.message}`);
        const after = result.text;

        assert.equal(before.slice(0, result.edit.offset) + result.edit.newText + before.slice(result.edit.offset + result.edit.length), after);
        assert.ok(result.edit.offset >= 0 && result.edit.offset + result.edit.length <= bodyStart);
        assert.equal(after.startsWith('\uFEFF'), before.startsWith('\uFEFF'));

        const newLocation = locateFrontMatter(after);
        if (newLocation.type !== 'closed') {
          // Only removing a field from a file without front matter leaves it without one.
          assert.equal(after, before);
          return;
        }
        const newBody = after.slice(newLocation.block.end);
        assert.equal(newBody, oldBody);
        assert.ok(Buffer.from(newBody, 'utf8').equals(Buffer.from(oldBody, 'utf8')));

        const newContent = after.slice(newLocation.block.contentStart, newLocation.block.contentEnd);
        assert.deepStrictEqual(dataOf(newContent), plain(withChange(oldData, e)));

        // Everything outside the edited field's lines is byte-identical, and what changed
        // uses the front matter's line break.
        const lb = location.type === 'closed' ? location.block.lineBreak : firstLineBreak(before);
        const [start, end] = written.chunks.get(e.key) ?? [written.appendAt, written.appendAt];
        if (location.type === 'closed') {
          assert.ok(newContent.startsWith(oldContent.slice(0, start)), 'lines before the field unchanged');
          assert.ok(newContent.endsWith(oldContent.slice(end)), 'lines after the field unchanged');
          const changed = newContent.slice(start, newContent.length - (oldContent.length - end));
          assert.ok(lb === '\r\n' ? !/(^|[^\r])\n/.test(changed) : !changed.includes('\r'), 'changed lines use the file line break');
          for (const [name, [from, to]] of written.chunks) {
            if (name !== e.key) assert.ok(newContent.includes(oldContent.slice(from, to)), `field ${name} unchanged`);
          }
        } else {
          assert.ok(lb === '\r\n' ? !/(^|[^\r])\n/.test(result.edit.newText) : !result.edit.newText.includes('\r'));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses broken or unsupported front matter without changing anything', () => {
    const broken = fc.constantFrom(
      { fm: '+++\ntitle = x\n+++\n', message: /isn't valid TOML/ },
      { fm: '---\ntitle: x\n', message: /never closes/ },
      { fm: '---\ntitle: [x\n---\n', message: /isn't valid YAML/ },
      { fm: '---\ntitle: x\ntitle: y\n---\n', message: /"title" more than once/ },
      { fm: '---\n- a\n---\n', message: /isn't a list of "key: value" fields/ },
    );
    fc.assert(
      fc.property(broken, body, edit, ({ fm, message }, b, e) => {
        // A body could close unclosed front matter, so that case gets none.
        const result = run(/never closes/.test(message.source) ? fm : fm + b, e);
        assert.equal(result.ok, false);
        if (!result.ok) assert.match(result.message, message);
      }),
      { numRuns: 200 },
    );
  });
});
