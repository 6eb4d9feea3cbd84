import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { appendFrontMatterListItem, removeFrontMatterListItem, replaceFrontMatterListItem, setFrontMatterFields } from '../../src/core/frontMatter/edit';
import type { EditResult, FrontMatterValue } from '../../src/core/frontMatter/edit';
import { locateFrontMatter } from '../../src/core/frontMatter/parse';

// Generated Hugo and Zola drafts: TOML front matter written in many of the ways people write it
// (comments, tables, arrays of tables, inline tables, multi-line and literal strings, dotted
// keys, CRLF), random bodies, and one edit each. Every edit must keep the body byte for byte,
// read back as the old data plus the change, and leave every other line exactly as it was.

type LineBreak = '\n' | '\r\n';
type ValueKind = 'string' | 'date' | 'array' | 'other';

/** A value as written after `key = `; more than one line for multi-line strings and arrays. */
interface WrittenValue {
  lines: string[];
  kind: ValueKind;
}

interface RootEntry {
  name: string;
  /** Lines of the entry without line breaks; a dotted entry (`site.a = …`) has one per key. */
  lines: string[];
  kind: ValueKind | 'dotted';
  before: 'none' | 'blank' | 'comment';
}

interface ImpactTable {
  day: number;
  quotedDate: boolean;
  value: number;
  source: boolean;
  before: 'none' | 'blank' | 'comment';
}

interface Draft {
  bom: boolean;
  lineBreak: LineBreak;
  fenceSpaces: [string, string];
  leadingComment: boolean;
  root: RootEntry[];
  params?: { keys: string[]; nested: boolean; list: boolean; before: 'none' | 'blank' | 'comment' };
  impact: ImpactTable[];
  paramsFirst: boolean;
  trailing: 'none' | 'blank' | 'comment';
  body: string;
}

type Edit =
  | { type: 'set'; key: string; value: FrontMatterValue }
  | { type: 'remove'; key: string }
  | { type: 'append'; key: string; item: FrontMatterValue }
  | { type: 'replaceItem'; key: string; index: number; item: FrontMatterValue }
  | { type: 'removeItem'; key: string; index: number };

const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const comment = fc.option(fc.constantFrom('# note', '#', '# a = b # c', '# 日本 +++ 👋', '# it\'s "quoted"'), { nil: undefined });
const noMinusZero = (value: number): boolean => !Object.is(value, -0);

/** A TOML basic string: JSON's escapes are all TOML escapes; DEL must be escaped too. */
function basic(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
}

const fitsLiteral = (value: string): boolean => !/['\u0000-\u0008\u000a-\u001f\u007f]/.test(value);

const scalar: fc.Arbitrary<WrittenValue> = fc.oneof(
  text.map((value) => ({ lines: [basic(value)], kind: 'string' as const })),
  text.filter(fitsLiteral).map((value) => ({ lines: [`'${value}'`], kind: 'string' as const })),
  fc
    .constantFrom('42', '-17', '+7', '1_000', '0x1F', '0o17', '0b101', '1.5', '-0.25', '6.02e+23', '1e3', 'inf', 'true', 'false')
    .map((value) => ({ lines: [value], kind: 'other' as const })),
  fc
    .constantFrom('2026-12-02', '2026-12-02T10:00:00Z', '2026-12-02 10:00:00', '2026-12-02T10:00:00.5+02:00', '10:30:00')
    .map((value) => ({ lines: [value], kind: 'date' as const })),
);

const MULTI_LINES = ['Line one', 'Grüße 👋', 'key = "value"', '# not a comment', '[not.a.table]', '+++ not a fence', ''];

const multiLine: fc.Arbitrary<WrittenValue> = fc
  .tuple(fc.array(fc.constantFrom(...MULTI_LINES), { minLength: 1, maxLength: 3 }), fc.constantFrom('"""', "'''"))
  .map(([lines, quote]) => ({ lines: [quote, ...lines.slice(0, -1), `${lines[lines.length - 1]}${quote}`], kind: 'string' as const }));

const ITEMS = ['"a"', "'b c'", '1', '2026-01-01', '{ x = 1 }', '[ 1, 2 ]', '"d, e]"'];

const inlineArray: fc.Arbitrary<WrittenValue> = fc
  .tuple(fc.array(fc.constantFrom(...ITEMS), { maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([items, padded, trailingComma]) => {
    if (items.length === 0) return { lines: [padded ? '[ ]' : '[]'], kind: 'array' as const };
    const inner = items.join(', ') + (trailingComma ? ',' : '');
    return { lines: [padded ? `[ ${inner} ]` : `[${inner}]`], kind: 'array' as const };
  });

const multiLineArray: fc.Arbitrary<WrittenValue> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...ITEMS), comment), { minLength: 1, maxLength: 3 }), fc.constantFrom('  ', '    ', '\t'), fc.boolean())
  .map(([items, indent, trailingComma]) => ({
    lines: [
      '[',
      ...items.map(([item, note], index) => {
        const comma = index < items.length - 1 || trailingComma ? ',' : '';
        return `${indent}${item}${comma}${note ? ` ${note}` : ''}`;
      }),
      ']',
    ],
    kind: 'array' as const,
  }));

const impactArray: fc.Arbitrary<WrittenValue> = fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.nat(5000), fc.boolean()), { minLength: 1, maxLength: 3 }).map((items) => ({
  lines: [
    `[ ${items.map(([day, value, quoted]) => `{ date = ${quoted ? '"' : ''}2026-01-${String(day).padStart(2, '0')}${quoted ? '"' : ''}, metric = "views", value = ${value} }`).join(', ')} ]`,
  ],
  kind: 'array' as const,
}));

const inlineTable: fc.Arbitrary<WrittenValue> = fc
  .constantFrom('{}', '{ a = 1 }', '{ city = "Oslo", "room name" = \'A\', when.day = 2026-01-01 }')
  .map((value) => ({ lines: [value], kind: 'other' as const }));

const writtenValue: fc.Arbitrary<WrittenValue> = fc.oneof(
  { arbitrary: scalar, weight: 6 },
  { arbitrary: multiLine, weight: 1 },
  { arbitrary: inlineArray, weight: 2 },
  { arbitrary: multiLineArray, weight: 1 },
  { arbitrary: impactArray, weight: 1 },
  { arbitrary: inlineTable, weight: 1 },
);

const NAMES: ReadonlyArray<{ name: string; sources: string[] }> = [
  { name: 'title', sources: ['title', '"title"'] },
  { name: 'status', sources: ['status', "'status'"] },
  { name: 'draft', sources: ['draft'] },
  { name: 'date', sources: ['date'] },
  { name: 'publish_date', sources: ['publish_date'] },
  { name: 'tags', sources: ['tags'] },
  { name: 'abstract', sources: ['abstract'] },
  { name: 'impact', sources: ['impact'] },
  { name: 'a b', sources: ['"a b"', "'a b'"] },
  { name: 'ключ', sources: ['"ключ"', '"\\u043a\\u043b\\u044e\\u0447"'] },
  { name: 'emoji 👋', sources: ['"emoji 👋"'] },
];

const rootEntry: fc.Arbitrary<RootEntry> = fc.oneof(
  {
    arbitrary: fc
      .record({
        key: fc.constantFrom(...NAMES),
        index: fc.nat(),
        value: writtenValue,
        spacing: fc.constantFrom(' = ', '=', '  =  ', '\t= '),
        note: comment,
        before: fc.constantFrom<RootEntry['before']>('none', 'none', 'blank', 'comment'),
      })
      .map(({ key, index, value, spacing, note, before }) => {
        const lines = [...value.lines];
        lines[0] = `${key.sources[index % key.sources.length]}${spacing}${lines[0]}`;
        if (note) lines[lines.length - 1] += ` ${note}`;
        return { name: key.name, lines, kind: value.kind, before };
      }),
    weight: 8,
  },
  {
    arbitrary: fc
      .tuple(fc.boolean(), fc.constantFrom<RootEntry['before']>('none', 'blank'))
      .map(([two, before]) => ({ name: 'site', lines: ['site.name = "x"', ...(two ? ['site . "x y" = 2026-01-01'] : [])], kind: 'dotted' as const, before })),
    weight: 1,
  },
);

const bodyLine = fc.oneof(fc.constantFrom('+++', '---', 'title = "x"', '# Heading', '', 'text ✓ 👋', '  +++  ', '\uFEFF+++'), text);
const body: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.tuple(bodyLine, fc.constantFrom('\n', '\r\n', '\r', '')), { maxLength: 8 }).map((lines) => lines.map(([line, end]) => line + end).join('')),
);

const before = fc.constantFrom<'none' | 'blank' | 'comment'>('none', 'blank', 'comment');

const draft: fc.Arbitrary<Draft> = fc.record({
  bom: fc.boolean(),
  lineBreak: fc.constantFrom<LineBreak>('\n', '\r\n'),
  fenceSpaces: fc.tuple(fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' ', '\t')),
  leadingComment: fc.boolean(),
  root: fc.uniqueArray(rootEntry, { selector: (entry) => entry.name, maxLength: 7 }),
  params: fc.option(fc.record({ keys: fc.subarray(['status = "p"', "title = 'p'", 'weight = 3', 'tags.of = [ 1 ]']), nested: fc.boolean(), list: fc.boolean(), before }), {
    nil: undefined,
  }),
  impact: fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), quotedDate: fc.boolean(), value: fc.nat(5000), source: fc.boolean(), before }), { maxLength: 3 }),
  paramsFirst: fc.boolean(),
  trailing: before,
  body,
});

interface Written {
  text: string;
  content: string;
  /** Where each top-level entry's lines are in the content. */
  chunks: Map<string, [number, number]>;
  kinds: Map<string, RootEntry['kind']>;
  tables: Set<string>;
  /** Where new top-level keys go. */
  appendAt: number;
  /** Just after the last [[impact]] table (with its sub-tables), if there is one. */
  impactEnd?: number;
  /** Each [[impact]] table's lines, sub-tables included. */
  impactTables: [number, number][];
}

function writeDraft(d: Draft): Written {
  const lb = d.lineBreak;
  const tables = new Set<string>();
  if (d.params) tables.add('params');
  if (d.impact.length > 0) tables.add('impact');
  const root = d.root.filter((entry) => !tables.has(entry.name));
  const chunks = new Map<string, [number, number]>();
  const kinds = new Map<string, RootEntry['kind']>();
  let content = d.leadingComment ? `# generated draft${lb}` : '';
  const separate = (how: 'none' | 'blank' | 'comment', about: string): void => {
    if (how === 'blank') content += lb;
    if (how === 'comment') content += `# about ${about}${lb}`;
  };
  let appendAt: number | undefined;
  for (const entry of root) {
    separate(entry.before, entry.name);
    const start = content.length;
    content += entry.lines.join(lb) + lb;
    chunks.set(entry.name, [start, content.length]);
    kinds.set(entry.name, entry.kind);
    appendAt = content.length;
  }
  if (root.some((entry) => entry.kind === 'dotted')) tables.add('site');

  const headerStarts: number[] = [];
  let impactEnd: number | undefined;
  const impactTables: [number, number][] = [];
  const writeParams = (): void => {
    if (!d.params) return;
    separate(d.params.before, 'params');
    headerStarts.push(content.length);
    content += `[params]${lb}${d.params.keys.map((key) => key + lb).join('')}`;
    if (d.params.nested) content += `[params.nested]${lb}deep = { a = 1 }${lb}`;
    if (d.params.list) content += `[[params.list]]${lb}x = 1${lb}`;
  };
  const writeImpact = (): void => {
    for (const table of d.impact) {
      separate(table.before, 'impact');
      headerStarts.push(content.length);
      const date = `2026-01-${String(table.day).padStart(2, '0')}`;
      content += `[[impact]]${lb}date = ${table.quotedDate ? `"${date}"` : date}${lb}metric = "views"${lb}value = ${table.value}${lb}`;
      if (table.source) content += `[impact.source]${lb}url = "https://example.com"${lb}`;
      impactTables.push([headerStarts[headerStarts.length - 1], content.length]);
      impactEnd = content.length;
    }
  };
  if (d.paramsFirst) {
    writeParams();
    writeImpact();
  } else {
    writeImpact();
    writeParams();
  }
  separate(d.trailing, 'the end');

  if (appendAt === undefined) {
    // No top-level keys: before the first table and the comment lines right above it.
    let at = headerStarts[0] ?? content.length;
    while (at > 0 && headerStarts.length > 0) {
      const previous: number = content.lastIndexOf('\n', at - 2) + 1;
      if (!content.slice(previous, at).startsWith('#')) break;
      at = previous;
    }
    appendAt = at;
  }
  const bom = d.bom ? '\uFEFF' : '';
  const text = `${bom}+++${d.fenceSpaces[0]}${lb}${content}+++${d.fenceSpaces[1]}${d.body === '' ? '' : lb}${d.body}`;
  return { text, content, chunks, kinds, tables, appendAt, impactEnd, impactTables };
}

const isoDate = fc
  .record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const leafValue: fc.Arbitrary<FrontMatterValue> = fc.oneof(
  text,
  fc.constantFrom('draft', "it's", 'say "hi"', 'a\\b', '', ' padded ', 'line 1\nline 2', '+++', '2026-02-30', '# x', '[t]'),
  isoDate,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter(noMinusZero),
  fc.boolean(),
);
const anyValue: fc.Arbitrary<FrontMatterValue> = fc.oneof(
  { arbitrary: leafValue, weight: 4 },
  { arbitrary: fc.array(leafValue, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.constantFrom('name', 'url', 'a b', 'when'), fc.oneof(leafValue, fc.array(leafValue, { maxLength: 2 })), { maxKeys: 3 }), weight: 1 },
);
const impactEntry: fc.Arbitrary<FrontMatterValue> = fc.record(
  { date: isoDate, metric: fc.constantFrom('views', 'stars'), value: fc.nat(100000), note: text },
  { requiredKeys: ['date', 'metric', 'value'] },
);

const anyKey = fc.constantFrom(...NAMES.map((key) => key.name), 'missing', 'params', 'site');

function editFor(d: Draft): fc.Arbitrary<Edit> {
  const names = d.root.map((entry) => entry.name);
  const key = names.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 3 }, { arbitrary: anyKey, weight: 1 }) : anyKey;
  const itemEdits: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({
      type: fc.constant('replaceItem' as const),
      key: fc.constant('impact'),
      index: fc.nat(2),
      item: fc.oneof({ arbitrary: impactEntry, weight: 3 }, { arbitrary: leafValue, weight: 1 }),
    }),
    fc.record({ type: fc.constant('removeItem' as const), key: fc.constant('impact'), index: fc.nat(2) }),
  );
  return fc.oneof(
    fc.record({ type: fc.constant('set' as const), key: fc.constant('status'), value: fc.oneof(fc.constantFrom('idea', 'drafting', 'published'), text) }),
    fc.record({ type: fc.constant('set' as const), key: fc.constant('draft'), value: fc.boolean() }),
    fc.record({ type: fc.constant('set' as const), key: fc.oneof(fc.constantFrom('date', 'publish_date'), key), value: isoDate }),
    fc.record({ type: fc.constant('set' as const), key, value: anyValue }),
    fc.record({ type: fc.constant('remove' as const), key }),
    fc.record({ type: fc.constant('append' as const), key: fc.constantFrom('impact', 'tags'), item: fc.oneof(impactEntry, text) }),
    fc.record({ type: fc.constant('append' as const), key, item: anyValue }),
    itemEdits,
    itemEdits,
    itemEdits,
  );
}

const scenario: fc.Arbitrary<[Draft, Edit]> = draft.chain((d) => fc.tuple(fc.constant(d), editFor(d)));

function run(textIn: string, e: Edit): EditResult {
  if (e.type === 'set') return setFrontMatterFields(textIn, { [e.key]: e.value });
  if (e.type === 'remove') return setFrontMatterFields(textIn, { [e.key]: undefined });
  if (e.type === 'replaceItem') return replaceFrontMatterListItem(textIn, e.key, e.index, e.item);
  if (e.type === 'removeItem') return removeFrontMatterListItem(textIn, e.key, e.index);
  return appendFrontMatterListItem(textIn, e.key, e.item);
}

/** Plain objects, and dates as the text they say, so that data can be compared with what was asked for. */
function normal(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normal);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normal(item)]));
}

function withChange(data: Record<string, unknown>, e: Edit, listOfTables: boolean): Record<string, unknown> {
  const next = { ...data };
  if (e.type === 'remove') delete next[e.key];
  else if (e.type === 'set') next[e.key] = normal(e.value);
  else if (e.type === 'replaceItem') next[e.key] = (data[e.key] as unknown[]).map((item, i) => (i === e.index ? normal(e.item) : item));
  else if (e.type === 'removeItem') {
    const rest = (data[e.key] as unknown[]).filter((_, i) => i !== e.index);
    // The last [[impact]] table gone takes the field with it; an inline list stays, empty.
    if (rest.length === 0 && listOfTables) delete next[e.key];
    else next[e.key] = rest;
  } else next[e.key] = [...((data[e.key] as unknown[] | undefined) ?? []), normal(e.item)];
  return next;
}

const isTable = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasSourceTable(w: Written, index: number): boolean {
  const [start, end] = w.impactTables[index];
  return w.content.slice(start, end).includes('[impact.source]');
}

/** The refusal an edit must get, or undefined when it must succeed. */
function expectedRefusal(w: Written, data: Record<string, unknown>, e: Edit): RegExp | undefined {
  const listOfTables = e.key === 'impact' && w.impactEnd !== undefined;
  if (e.type === 'replaceItem' || e.type === 'removeItem') {
    const list = data[e.key];
    if (!Array.isArray(list)) return /has no "impact" list/;
    if (e.index >= list.length) return /so there is no entry/;
    // An entry with a [impact.source] sub-table is not rewritten field by field, nor turned into a non-table.
    if (e.type === 'replaceItem' && listOfTables && (!isTable(e.item) || hasSourceTable(w, e.index))) {
      return /couldn't change the front matter/;
    }
    return undefined;
  }
  if (e.type !== 'append') return w.tables.has(e.key) ? /is written as a TOML table/ : undefined;
  if (listOfTables) return isTable(e.item) ? undefined : /list of \[\[impact\]\] tables/;
  const current = data[e.key];
  if (current !== undefined && (w.kinds.get(e.key) !== 'array' || !Array.isArray(current))) return /not a list/;
  return undefined;
}

function region(w: Written, e: Edit, current: unknown): [number, number] {
  if ((e.type === 'replaceItem' || e.type === 'removeItem') && w.impactEnd !== undefined) return w.impactTables[e.index];
  const chunk = w.chunks.get(e.key);
  if (chunk && !w.tables.has(e.key)) return chunk;
  if (e.type === 'append' && isTable(e.item)) {
    if (w.impactEnd !== undefined && e.key === 'impact') return [w.impactEnd, w.impactEnd];
    if (current === undefined) return [w.content.length, w.content.length];
  }
  return [w.appendAt, w.appendAt];
}

describe('TOML front matter edit properties', () => {
  it('keeps the body and every other line, and reads back as the old data plus the change', () => {
    fc.assert(
      fc.property(scenario, ([d, e]) => {
        const w = writeDraft(d);
        const location = locateFrontMatter(w.text);
        assert.equal(location.type, 'closed');
        if (location.type !== 'closed') return;
        assert.equal(location.block.contentEnd - location.block.contentStart, w.content.length, 'the generator wrote what it meant to');
        const oldData = parse(w.content) as Record<string, unknown>;
        const oldBody = w.text.slice(location.block.end);

        const result = run(w.text, e);
        const refusal = expectedRefusal(w, oldData, e);
        if (refusal) {
          if (result.ok) assert.fail(`expected a refusal matching ${String(refusal)}, got:\n${result.text}`);
          assert.match(result.message, refusal);
          return;
        }
        if (!result.ok) assert.fail(`refused: ${result.message}\n${w.text}`);
        const after = result.text;
        assert.equal(w.text.slice(0, result.edit.offset) + result.edit.newText + w.text.slice(result.edit.offset + result.edit.length), after);
        assert.ok(
          result.edit.offset >= location.block.contentStart && result.edit.offset + result.edit.length <= location.block.contentEnd,
          'the edit stays inside the front matter',
        );

        const newLocation = locateFrontMatter(after);
        assert.equal(newLocation.type, 'closed');
        if (newLocation.type !== 'closed') return;
        assert.equal(after.slice(0, newLocation.block.contentStart), w.text.slice(0, location.block.contentStart), 'BOM and opening fence unchanged');
        const newBody = after.slice(newLocation.block.end);
        assert.ok(Buffer.from(newBody, 'utf8').equals(Buffer.from(oldBody, 'utf8')), 'body unchanged byte for byte');
        assert.equal(after.slice(newLocation.block.contentEnd, newLocation.block.end), w.text.slice(location.block.contentEnd, location.block.end), 'closing fence unchanged');

        const newContent = after.slice(newLocation.block.contentStart, newLocation.block.contentEnd);
        const newData = parse(newContent) as Record<string, unknown>;
        assert.deepStrictEqual(normal(newData), withChange(normal(oldData) as Record<string, unknown>, e, e.key === 'impact' && w.impactEnd !== undefined));

        // A date keeps its style: text stays text, and a local date (or a new field) is a date.
        if (e.type === 'set' && typeof e.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.value) && !e.value.endsWith('-30')) {
          const wasText = typeof oldData[e.key] === 'string';
          const wasDate = oldData[e.key] instanceof Date || oldData[e.key] === undefined;
          if (wasText) assert.equal(typeof newData[e.key], 'string', 'a text date stays text');
          if (wasDate) assert.ok(newData[e.key] instanceof Date, 'a date stays a date, and a new one is a date');
        }

        const [start, end] = region(w, e, oldData[e.key]);
        const old = w.content;
        assert.ok(newContent.startsWith(old.slice(0, start)), `lines before the change unchanged\n${newContent}`);
        assert.ok(newContent.endsWith(old.slice(end)), `lines after the change unchanged\n${newContent}`);
        const changed = newContent.slice(start, newContent.length - (old.length - end));
        assert.ok(d.lineBreak === '\r\n' ? !/(^|[^\r])\n/.test(changed) : !changed.includes('\r'), 'changed lines use the file line break');
        for (const [name, [from, to]] of w.chunks) {
          if (name !== e.key) assert.ok(newContent.includes(old.slice(from, to)), `field ${name} unchanged`);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('refuses broken TOML without changing anything', () => {
    const broken = fc.constantFrom('+++\ntitle = x\n+++\n', '+++\na = 1\na = 2\n+++\n', '+++\n[t\n+++\n', '+++\ns = "unclosed\n+++\n', '+++\nx = [1,\n+++\n');
    fc.assert(
      fc.property(broken, body, editFor({ root: [] } as unknown as Draft), (fm, b, e) => {
        const result = run(fm + b, e);
        if (result.ok) assert.fail(`expected a refusal, got:\n${result.text}`);
        assert.match(result.message, /isn't valid TOML \(line \d+: .*\)/);
      }),
      { numRuns: 200 },
    );
  });
});
