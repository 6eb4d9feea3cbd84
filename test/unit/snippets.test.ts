import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseTalkOutline } from '../../src/core/talks/outline';
import { parseSnippetFile, SNIPPET_KINDS, snippetsFor } from '../../src/core/snippets';
import { BUILT_IN_KIND_LIST } from '../../src/core/kinds/registry';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'markdown.json'), 'utf8')) as Record<string, Snippet>;
const entries = Object.entries(snippets);

function bodyOf(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

function prefixesOf(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

function snippetWithPrefix(prefix: string): Snippet {
  const found = entries.find(([, snippet]) => prefixesOf(snippet).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found[1];
}

/** Nesting depth problems of `${…}` placeholders, honouring backslash escapes; '' when balanced. */
function placeholderProblem(body: string): string {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '$' && body[i + 1] === '{') {
      depth++;
      i++;
      if (!/^\d+[:|}]|^[A-Z_]+[:}]/.test(body.slice(i + 1))) {
        return `unexpected placeholder at ${i}: ${body.slice(i - 1, i + 12)}`;
      }
    } else if (ch === '}' && depth > 0) {
      depth--;
    }
  }
  return depth === 0 ? '' : `${depth} unclosed placeholder(s)`;
}

/** What the snippet inserts when every placeholder keeps its default and variables are today's date. */
function expand(body: string): string {
  let text = body
    .replace(/\$CURRENT_YEAR/g, '2026')
    .replace(/\$CURRENT_MONTH/g, '03')
    .replace(/\$CURRENT_DATE/g, '07')
    .replace(/\$TM_FILENAME_BASE/g, 'post');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}/g, '')
      .replace(/\$\d+/g, '');
  }
  return text;
}

describe('snippets/markdown.json', () => {
  it('has at least 15 snippets, each with a prefix, a body and a description', () => {
    assert.ok(entries.length >= 15, `${entries.length}`);
    for (const [name, snippet] of entries) {
      assert.ok(
        prefixesOf(snippet).every((p) => typeof p === 'string' && p.length > 0),
        `${name}: prefix`,
      );
      assert.ok(bodyOf(snippet).trim().length > 0, `${name}: body`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.length > 10, `${name}: description`);
    }
  });

  it('uses unique prefixes that all start with devrel-', () => {
    const prefixes = entries.flatMap(([, snippet]) => prefixesOf(snippet));
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const prefix of prefixes) {
      assert.match(prefix, /^devrel-[a-z-]+$/);
    }
  });

  it('covers the topics an advocate needs', () => {
    const required = [
      'devrel-blog',
      'devrel-talk',
      'devrel-oss',
      'devrel-workshop',
      'devrel-trip-report',
      'devrel-talk-section',
      'devrel-speaker-note',
      'devrel-cfp-abstract',
      'devrel-demo-step',
      'devrel-oss-item',
      'devrel-tldr',
      'devrel-cta',
      'devrel-image',
      'devrel-callout',
      'devrel-learned',
      'devrel-event-feedback',
      'devrel-follow-up',
    ];
    for (const prefix of required) {
      snippetWithPrefix(prefix);
    }
  });

  it('has balanced placeholders in every body', () => {
    for (const [name, snippet] of entries) {
      assert.equal(placeholderProblem(bodyOf(snippet)), '', name);
    }
  });

  it('the placeholder check catches broken bodies', () => {
    assert.notEqual(placeholderProblem('${1:open'), '');
    assert.notEqual(placeholderProblem('${x}'), '');
    assert.equal(placeholderProblem('\\${1:not a placeholder'), '');
    assert.equal(placeholderProblem('${1:outer ${2:inner}} ${3|a,b|} ${CURRENT_YEAR}'), '');
  });

  it('front-matter snippets insert valid YAML with the right kind and a known status', () => {
    const statuses: Record<string, string[]> = {
      blog: ['idea', 'drafting', 'review', 'scheduled', 'published'],
      talk: ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered'],
      oss: ['todo', 'in-progress', 'pr-open', 'merged', 'closed'],
      workshop: ['idea', 'drafting', 'ready', 'delivered'],
      'trip-report': ['drafting', 'shared'],
    };
    for (const [kind, workflow] of Object.entries(statuses)) {
      const text = expand(bodyOf(snippetWithPrefix(`devrel-${kind}`)));
      const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
      assert.ok(match, kind);
      const doc = parseDocument(match[1] ?? '');
      assert.deepEqual(doc.errors, [], kind);
      const data = doc.toJS() as Record<string, unknown>;
      assert.equal(data.kind, kind);
      assert.equal(data.status, workflow[0], `${kind} status defaults to the first`);
      const choice = /status: \$\{\d+\|([^|]*)\|\}/.exec(bodyOf(snippetWithPrefix(`devrel-${kind}`)));
      assert.deepEqual(choice?.[1]?.split(','), workflow, `${kind} offers its workflow`);
    }
  });

  it('never inserts a deadline of today: deadline dates are empty tab stops', () => {
    // Fields a kind counts as deadlines (overdue, due soon, focus); today in one makes a new draft due at once.
    const deadlineFields = ['cfp_deadline', 'publish_date', 'due'];
    const deadlineFor: Record<string, string[]> = { blog: ['date'], talk: ['event_date'], workshop: ['event_date'], hackathon: ['event_date', 'registration_deadline'] };
    for (const [name, snippet] of entries) {
      const body = bodyOf(snippet);
      const kind = /^kind: (\S+)$/m.exec(body)?.[1] ?? '';
      for (const field of [...deadlineFields, ...(deadlineFor[kind] ?? [])]) {
        const line = new RegExp(`^${field}:(.*)$`, 'm').exec(body);
        if (line) assert.match(line[1], /^ ?(\$\{\d+\})?$/, `${name}: ${field} is an empty tab stop, not "${line[1].trim()}"`);
      }
      assert.ok(!/by \$\{\d+:\$CURRENT_/.test(body), `${name}: no "by today" default`);
    }
    assert.match(bodyOf(snippetWithPrefix('devrel-talk')), /^cfp_deadline: \$\{4\}$/m);
  });

  it('talk sections carry a minute budget the analysis can read', () => {
    const text = expand(bodyOf(snippetWithPrefix('devrel-talk-section')));
    assert.match(text, /^## .+ \(\d+ min\)$/m);
  });

  it('talk sections and speaker notes read back as slide bullets and notes', () => {
    const section = expand(bodyOf(snippetWithPrefix('devrel-talk-section')));
    const notes = expand(bodyOf(snippetWithPrefix('devrel-notes')));
    const [read] = parseTalkOutline(`${section}\n${notes}\n`, { fallbackTitle: 'talk' }).sections;
    assert.deepEqual(read.bullets, ['Point to make', 'Transition to the next section:']);
    assert.deepEqual(read.notes, ['what to say, and what to skip if running late', 'what to say first', 'what to skip if running late']);
  });

  it('dates use the snippet date variables in YYYY-MM-DD order', () => {
    const dated = entries.filter(([, snippet]) => bodyOf(snippet).includes('$CURRENT_'));
    assert.ok(dated.length >= 2);
    for (const [name, snippet] of dated) {
      assert.ok(bodyOf(snippet).includes('$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE'), name);
    }
  });
});

describe('snippetsFor', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'snippets', 'markdown.json'), 'utf8');
  const all = parseSnippetFile(text);
  const kindIds = BUILT_IN_KIND_LIST.map((k) => k.id);

  it('knows every snippet: each is a kind’s front matter or listed with the kinds it fits', () => {
    assert.equal(all.length, entries.length);
    for (const entry of all) {
      assert.ok(kindIds.map((id) => `devrel-${id}`).includes(entry.prefix) || SNIPPET_KINDS[entry.prefix] !== undefined, `${entry.prefix} is not placed`);
      assert.ok(!entry.description.startsWith('DevRel Desk:'), 'the list shows descriptions without the brand prefix');
    }
    for (const prefix of Object.keys(SNIPPET_KINDS))
      assert.ok(
        all.some((e) => e.prefix === prefix),
        `${prefix} is listed but not contributed`,
      );
  });

  it('offers a talk its section, notes and abstract snippets, and no front matter or OSS items', () => {
    const talk = snippetsFor(all, 'talk', kindIds).map((e) => e.prefix);
    for (const prefix of ['devrel-talk-section', 'devrel-speaker-note', 'devrel-cfp-abstract', 'devrel-image']) assert.ok(talk.includes(prefix), prefix);
    for (const prefix of ['devrel-talk', 'devrel-blog', 'devrel-oss-item']) assert.ok(!talk.includes(prefix), prefix);
    const oss = snippetsFor(all, 'oss', kindIds).map((e) => e.prefix);
    assert.ok(oss.includes('devrel-oss-item'));
    assert.ok(!oss.includes('devrel-talk-section'));
  });

  it('offers a file that is no draft yet the front matter of each kind first', () => {
    const plain = snippetsFor(all, undefined, kindIds).map((e) => e.prefix);
    assert.deepEqual(
      plain.slice(0, kindIds.length),
      kindIds.map((id) => `devrel-${id}`),
    );
    assert.ok(!plain.includes('devrel-talk-section'), 'kind-specific body snippets wait until the file is a draft');
  });

  it('reads nothing from a broken file', () => {
    assert.deepEqual(parseSnippetFile('{'), []);
    assert.deepEqual(parseSnippetFile('{"x": {"prefix": 1, "body": "a"}}'), []);
  });
});
