import * as assert from 'node:assert/strict';
import { BUILT_IN_METRICS } from '../../src/core/impact';
import { BUILT_IN_KIND_LIST, BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { resolveKinds } from '../../src/core/kinds/resolve';
import { FEEDBACK_STATUSES } from '../../src/core/feedback';
import { SUBMISSION_STATUSES } from '../../src/core/talks/submissions';
import { frontMatterCompletions, workspaceTags, type CompletionFacts, type FrontMatterCompletion } from '../../src/core/writing/frontMatterCompletion';
import { completionContextAt, frontMatterRegion } from '../../src/core/writing/frontMatterContext';
import { builtInTemplateKeys, describe as describeKey, keysForKind } from '../../src/core/writing/frontMatterKeys';

const FACTS: CompletionFacts = {
  kinds: BUILT_IN_KINDS,
  metrics: BUILT_IN_METRICS,
  tags: [
    { tag: 'observability', count: 5 },
    { tag: 'go', count: 3 },
    { tag: 'wasm', count: 1 },
  ],
  today: '2026-12-02',
};

/** Completions at the `|` in `source`, with the text they apply to. */
function complete(source: string, facts: CompletionFacts = FACTS): { items: FrontMatterCompletion[]; text: string; offset: number } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'the source marks the cursor with |');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { items: frontMatterCompletions(text, offset, facts), text, offset };
}

function labels(source: string, facts?: CompletionFacts): string[] {
  return complete(source, facts).items.map((item) => item.label);
}

/** The text after choosing the item labelled `label`. */
function choose(source: string, label: string): string {
  const { items, text } = complete(source);
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `${label} is offered; got ${items.map((i) => i.label).join(', ')}`);
  return text.slice(0, item.replaceStart) + item.insertText + text.slice(item.replaceEnd);
}

function sortedBySortText(items: FrontMatterCompletion[]): string[] {
  return [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);
}

describe('front-matter completion', () => {
  describe('YAML', () => {
    it('offers the keys a talk reads, with a description each, and not the keys already written', () => {
      const { items } = complete('---\nkind: talk\ntitle: Tail sampling\n|\n---\n\n# Body\n');
      const keys = items.map((item) => item.label);
      for (const key of ['status', 'event', 'cfp_deadline', 'event_date', 'due', 'duration', 'abstract', 'tags', 'impact', 'submissions', 'rehearsals'])
        assert.ok(keys.includes(key), key);
      assert.ok(!keys.includes('kind') && !keys.includes('title'), 'written keys are left out');
      assert.ok(!keys.includes('publish_date') && !keys.includes('repository'), 'keys of other kinds are left out');
      for (const item of items) assert.ok(item.documentation && item.documentation.length > 10, `${item.label} has a description`);
      const deadline = items.find((item) => item.label === 'cfp_deadline');
      assert.match(deadline?.documentation ?? '', /CFP closes/, 'the date label comes from the kinds registry');
      assert.equal(deadline?.insertText, 'cfp_deadline: ');
      assert.equal(deadline?.retrigger, true, 'the value list opens after the key');
    });

    it('finishes a partly typed key in place', () => {
      assert.equal(choose('---\nkind: blog\npubl|\n---\n', 'publish_date'), '---\nkind: blog\npublish_date: \n---\n');
    });

    it('writes a list of entries with the key and the first dash', () => {
      assert.equal(choose('---\nkind: talk\n|\n---\n', 'impact'), '---\nkind: talk\nimpact:\n  - \n---\n');
    });

    it('offers the kinds of the registry and of settings, with their labels', () => {
      const { items } = complete('---\nkind: |\n---\n');
      assert.deepEqual(
        items.map((item) => item.label),
        BUILT_IN_KIND_LIST.map((kind) => kind.id),
      );
      assert.equal(items.find((item) => item.label === 'talk')?.detail, 'Talk');
      const kinds = resolveKinds({ newsletter: { statuses: ['planned', 'sent'] } }).kinds;
      assert.ok(labels('---\nkind: |\n---\n', { ...FACTS, kinds }).includes('newsletter'));
    });

    it('offers the statuses of the draft’s kind in workflow order, and sortText keeps that order', () => {
      const { items } = complete('---\nkind: talk\nstatus: |\n---\n');
      const talk = BUILT_IN_KINDS.talk;
      assert.deepEqual(sortedBySortText(items), talk.statuses);
      assert.match(items.find((item) => item.label === 'rejected')?.detail ?? '', /outcome/);
      assert.match(items.find((item) => item.label === 'submitted')?.documentation ?? '', /\*\*submitted\*\* ← here/);
      assert.deepEqual(sortedBySortText(complete('---\nkind: oss\nstatus: in|\n---\n').items), BUILT_IN_KINDS.oss.statuses);
    });

    it('takes the kind from the index when the front matter names none', () => {
      assert.deepEqual(labels('---\nstatus: |\n---\n', { ...FACTS, kind: 'workshop' }), BUILT_IN_KINDS.workshop.statuses);
      assert.deepEqual(labels('---\nstatus: |\n---\n'), [], 'no kind, no workflow to offer');
    });

    it('adds a space after a bare colon, and keeps a quote the person opened', () => {
      assert.equal(choose('---\nkind: talk\nstatus:|\n---\n', 'drafting'), '---\nkind: talk\nstatus: drafting\n---\n');
      assert.equal(choose("---\nkind: talk\nstatus: 'dr|'\n---\n", 'drafting'), "---\nkind: talk\nstatus: 'drafting'\n---\n");
      assert.equal(choose('---\nkind: talk\nstatus: "dr|\n---\n', 'drafting'), '---\nkind: talk\nstatus: "drafting"\n---\n');
      assert.equal(choose('---\nkind: talk\nstatus: dr|afting\n---\n', 'rehearsing'), '---\nkind: talk\nstatus: rehearsing\n---\n', 'the whole word is replaced');
    });

    it('offers metric names with their units inside impact entries, the kind’s own first', () => {
      const { items } = complete('---\nkind: talk\nimpact:\n  - date: 2026-11-20\n    metric: |\n---\n');
      assert.equal(items.length, Object.keys(BUILT_IN_METRICS).length);
      assert.equal(sortedBySortText(items)[0], 'attendees');
      assert.equal(items.find((item) => item.label === 'views')?.detail, 'page views');
      assert.equal(sortedBySortText(complete('---\nkind: blog\nimpact:\n  - metric: |\n---\n').items)[0], 'views', 'on the dash line too');
      const units = labels('---\nkind: blog\nimpact:\n  - metric: views\n    unit: |\n---\n');
      assert.equal(units[0], 'page views');
    });

    it('offers the keys of an entry after a dash, without those the entry has', () => {
      assert.deepEqual(labels('---\nimpact:\n  - |\n---\n').slice(0, 3), ['date', 'metric', 'value']);
      const rest = labels('---\nimpact:\n  - date: 2026-11-20\n    metric: views\n    |\n---\n');
      assert.ok(rest.includes('value') && !rest.includes('date') && !rest.includes('metric'), rest.join(', '));
      assert.ok(labels('---\nkind: talk\nsubmissions:\n  - event: X\n    |\n---\n').includes('cfp_deadline'));
      assert.equal(choose('---\nimpact:\n  -|\n---\n', 'metric'), '---\nimpact:\n  - metric: \n---\n', 'a space after a dash just typed');
      assert.equal(choose('---\ntags:\n  -|\n---\n', 'go'), '---\ntags:\n  - go\n---\n');
    });

    it('offers submission and feedback statuses in their order', () => {
      assert.deepEqual(sortedBySortText(complete('---\nkind: talk\nsubmissions:\n  - event: DevConf\n    status: |\n---\n').items), [...SUBMISSION_STATUSES]);
      assert.deepEqual(sortedBySortText(complete('---\nkind: talk\nfeedback:\n  - summary: Faster builds\n    status: |\n---\n').items), [...FEEDBACK_STATUSES]);
    });

    it('offers workspace tags, most used first, leaving out those already listed', () => {
      assert.deepEqual(sortedBySortText(complete('---\ntags: [go, |]\n---\n').items), ['observability', 'wasm']);
      assert.deepEqual(labels('---\ntags:\n  - go\n  - |\n---\n'), ['observability', 'go', 'wasm']);
      assert.equal(choose('---\ntags: |\n---\n', 'go'), '---\ntags: [go]\n---\n', 'a bare value becomes a list');
      assert.equal(choose('---\ntags:\n- |\n---\n', 'wasm'), '---\ntags:\n- wasm\n---\n', 'a list at its key’s column');
    });

    it('counts tags across the workspace, most used first, one case each', () => {
      assert.deepEqual(workspaceTags([{ tags: ['Go', 'wasm'] }, { tags: ['go', 'otel'] }, { tags: ['otel', 'go', 'go'] }]), [
        { tag: 'Go', count: 3 },
        { tag: 'otel', count: 2 },
        { tag: 'wasm', count: 1 },
      ]);
    });

    it('offers dates as today, +1w and weekdays written out as YYYY-MM-DD', () => {
      const { items } = complete('---\nkind: talk\ncfp_deadline: |\n---\n');
      const byPhrase = new Map(items.map((item) => [item.detail?.split(' · ')[0], item]));
      assert.equal(byPhrase.get('today')?.insertText, '2026-12-02');
      assert.equal(byPhrase.get('tomorrow')?.label, '2026-12-03');
      assert.equal(byPhrase.get('+3d')?.label, '2026-12-05');
      assert.equal(byPhrase.get('+1w')?.label, '2026-12-09');
      // 2026-12-02 is a Wednesday: friday is in two days, next friday in the week after.
      assert.equal(byPhrase.get('friday')?.label, '2026-12-04');
      assert.equal(byPhrase.get('next friday')?.label, '2026-12-11');
      assert.match(byPhrase.get('+1w')?.detail ?? '', /Wed$/);
      assert.equal(sortedBySortText(items)[0], '2026-12-02', 'today first');
    });

    it('reads what was typed with the date parser, and offers that day first', () => {
      const { items } = complete('---\nkind: talk\nevent_date: +10d|\n---\n');
      const first = sortedBySortText(items)[0];
      assert.equal(first, '2026-12-12');
      assert.equal(items.find((item) => item.label === first)?.filterText, '+10d');
      assert.equal(choose('---\nkind: talk\nevent_date: +10d|\n---\n', '2026-12-12'), '---\nkind: talk\nevent_date: 2026-12-12\n---\n');
      assert.equal(labels('---\nkind: talk\nevent_date: next tue|\n---\n')[0], '2026-12-08');
      assert.ok(labels('---\nimpact:\n  - date: |\n---\n').includes('2026-12-02'), 'entry dates too');
      assert.ok(labels('---\nkind: blog\ndate: |\n---\n').includes('2026-12-02'), 'a date field’s alternative key too');
    });

    it('offers nothing in the body, in comments, in long texts, or after the front matter', () => {
      assert.deepEqual(labels('---\nkind: talk\n---\n\nstatus: |\n'), []);
      assert.deepEqual(labels('---\nkind: talk\nstatus: idea # or |\n---\n'), []);
      assert.deepEqual(labels('---\nkind: talk\nabstract: >-\n  A talk about |\n---\n'), []);
      assert.deepEqual(labels('---\nkind: talk\nabstract: >-\n  Status: |\n---\n'), [], 'a key-like line inside a block scalar is text');
      assert.deepEqual(labels('---\nkind: talk\ntitle: A long title that goes on and |\n---\n'), []);
      assert.deepEqual(labels('# Heading\n\nkind: |\n'), [], 'no front matter at all');
      assert.deepEqual(labels('---\nkind: talk\n---|\n'), [], 'on the closing fence');
    });
  });

  describe('TOML', () => {
    it('offers keys written as key = value, without lists of entries', () => {
      const { items } = complete('+++\nkind = "talk"\n|\n+++\n');
      const cfp = items.find((item) => item.label === 'cfp_deadline');
      assert.equal(cfp?.insertText, 'cfp_deadline = ');
      assert.ok(!items.some((item) => item.label === 'impact' || item.label === 'kind'));
    });

    it('quotes text values, and fills an opened quote', () => {
      assert.equal(choose('+++\nkind = "talk"\nstatus = |\n+++\n', 'drafting'), '+++\nkind = "talk"\nstatus = "drafting"\n+++\n');
      assert.equal(choose('+++\nkind = "talk"\nstatus = "|"\n+++\n', 'drafting'), '+++\nkind = "talk"\nstatus = "drafting"\n+++\n');
      assert.equal(choose('+++\nkind = "talk"\nstatus =|\n+++\n', 'idea'), '+++\nkind = "talk"\nstatus = "idea"\n+++\n');
      assert.equal(choose('+++\nkind = |\n+++\n', 'oss'), '+++\nkind = "oss"\n+++\n');
    });

    it('writes dates as TOML local dates', () => {
      assert.equal(choose('+++\nkind = "talk"\nevent_date = |\n+++\n', '2026-12-02'), '+++\nkind = "talk"\nevent_date = 2026-12-02\n+++\n');
    });

    it('reads [extra] as the top level, for Zola', () => {
      const keys = labels('+++\ntitle = "Post"\ndate = 2026-11-01\n[extra]\nkind = "blog"\n|\n+++\n');
      assert.ok(keys.includes('status') && !keys.includes('kind'), keys.join(', '));
      assert.deepEqual(labels('+++\ntitle = "Post"\n[extra]\nkind = "blog"\nstatus = "|"\n+++\n'), BUILT_IN_KINDS.blog.statuses);
      assert.deepEqual(labels('+++\n[taxonomies]\ntags = ["go", |]\n+++\n'), ['observability', 'wasm']);
    });

    it('offers metrics and entry keys in [[impact]] tables, and statuses in [[submissions]]', () => {
      assert.equal(sortedBySortText(complete('+++\nkind = "talk"\n[[impact]]\nmetric = "|"\n+++\n').items)[0], 'attendees');
      const keys = labels('+++\nkind = "talk"\n[[impact]]\ndate = 2026-11-20\n|\n+++\n');
      assert.ok(keys.includes('metric') && !keys.includes('date'), keys.join(', '));
      assert.deepEqual(sortedBySortText(complete('+++\nkind = "talk"\n[[submissions]]\nevent = "X"\nstatus = "|"\n+++\n').items), [...SUBMISSION_STATUSES]);
    });

    it('offers tags in an inline array, quoted', () => {
      assert.equal(choose('+++\ntags = ["go", |]\n+++\n', 'wasm'), '+++\ntags = ["go", "wasm"]\n+++\n');
    });

    it('offers nothing inside a multi-line string or on a table header', () => {
      assert.deepEqual(labels('+++\nkind = "talk"\nabstract = """\nstatus = |\n"""\n+++\n'), []);
      assert.deepEqual(labels('+++\nkind = "talk"\n[ext|]\n+++\n'), []);
    });
  });

  describe('bad input', () => {
    it('works with CRLF line breaks and keeps them out of the replaced text', () => {
      const source = '---\r\nkind: talk\r\nstatus: dr|\r\ntitle: x\r\n---\r\n\r\nBody\r\n';
      assert.equal(choose(source, 'drafting'), '---\r\nkind: talk\r\nstatus: drafting\r\ntitle: x\r\n---\r\n\r\nBody\r\n');
      const keys = labels('---\r\nkind: talk\r\ntitle: x\r\n|\r\n---\r\n');
      assert.ok(keys.includes('status') && !keys.includes('title'), keys.join(', '));
      assert.equal(choose('+++\r\nkind = "talk"\r\nstatus = |\r\n+++\r\n', 'idea'), '+++\r\nkind = "talk"\r\nstatus = "idea"\r\n+++\r\n');
      assert.deepEqual(sortedBySortText(complete('---\r\nimpact:\r\n  - date: 2026-01-01\r\n    metric: |\r\n---\r\n').items).slice(0, 1), ['views']);
    });

    it('still helps in an unclosed block being written, up to its first blank line', () => {
      assert.deepEqual(labels('---\nkind: talk\nstatus: |'), BUILT_IN_KINDS.talk.statuses);
      assert.deepEqual(labels('---\nkind: talk\n\nstatus: |\n'), [], 'past the blank line is body');
      assert.equal(frontMatterRegion('---\nkind: talk\n\nBody')?.closed, false);
    });

    it('survives broken YAML and TOML around the cursor', () => {
      assert.deepEqual(labels('---\nkind: talk\ntitle: "unterminated\n  : : [\nstatus: |\n---\n'), BUILT_IN_KINDS.talk.statuses);
      assert.deepEqual(labels('+++\nkind = "talk\n[[[\nstatus = |\n+++\n'), BUILT_IN_KINDS.talk.statuses, 'a line that is no table header is passed over');
      assert.deepEqual(labels('---\n\tkind: |\n---\n'), [], 'a tab indent is not YAML');
      for (const source of ['---|', '|---', '---\n|', '+++\n|', '---\n- |\n---\n', '---\n  - - |\n---\n', '---\n[a, |\n---\n', '---\n"key": |\n---\n', '---\n? |\n---\n']) {
        assert.doesNotThrow(() => complete(source), source);
      }
    });

    it('never throws for any offset in odd text', () => {
      const texts = [
        '---\nkind: talk\nstatus: idea\n---\nbody',
        '+++\r\n[extra]\r\nkind="talk"\r\n+++',
        '---\nimpact:\n  - {date: x\n---\n',
        '\uFEFF---\nkind: blog\n---\n',
        '---\n' + ' '.repeat(200) + ':\n---',
      ];
      for (const text of texts)
        for (let offset = -1; offset <= text.length + 1; offset++) assert.doesNotThrow(() => frontMatterCompletions(text, offset, FACTS), `${JSON.stringify(text)} @${offset}`);
    });

    it('leaves front matter over the size cap alone, and never reads a long body', () => {
      const huge = `---\nkind: talk\ndescription: ${'x'.repeat(70 * 1024)}\nstatus: \n---\n`;
      assert.deepEqual(frontMatterCompletions(huge, huge.indexOf('status: ') + 8, FACTS), []);
      const body = `---\nkind: talk\nstatus: \n---\n${'Some words in the body.\n'.repeat(50_000)}`;
      assert.ok(body.length > 1024 * 1024);
      assert.deepEqual(labels(body.replace('status: ', 'status: |')), BUILT_IN_KINDS.talk.statuses);
      assert.deepEqual(frontMatterCompletions(body, body.length - 3, FACTS), []);
      const unclosed = `---\nkind: talk\n${'more: text\n'.repeat(100_000)}`;
      assert.equal(completionContextAt(unclosed, 20), undefined, 'an unclosed block past the cap is not front matter');
    });
  });

  describe('keys', () => {
    it('describes every key a built-in template writes', () => {
      for (const kind of BUILT_IN_KIND_LIST) {
        const described = new Set(keysForKind(kind.id, BUILT_IN_KINDS).map((info) => info.key));
        for (const key of builtInTemplateKeys(kind.id)) assert.ok(described.has(key), `${kind.id}: ${key}`);
      }
    });

    it('gives a kind from settings its own date fields and the common keys', () => {
      const kinds = resolveKinds({ newsletter: { statuses: ['planned', 'sent'], dateFields: [{ field: 'send_date', label: 'Send' }] } }).kinds;
      const keys = keysForKind('newsletter', kinds).map((info) => info.key);
      assert.deepEqual(keys.slice(0, 4), ['kind', 'title', 'status', 'send_date']);
      assert.equal(describeKey('constructor'), undefined, 'keys are looked up without the prototype');
    });
  });
});
