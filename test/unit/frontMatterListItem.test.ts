import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { removeFrontMatterListItem, setFrontMatterListItemFields, type EditResult } from '../../src/core/frontMatter/edit';
import { locateFrontMatter } from '../../src/core/frontMatter/parse';

function expectEdit(before: string, result: EditResult): string {
  if (!result.ok) assert.fail(`expected an edit, got: ${result.message}`);
  const { offset, length, newText } = result.edit;
  assert.equal(before.slice(0, offset) + newText + before.slice(offset + length), result.text, 'the edit gives the new text');
  const a = locateFrontMatter(before);
  const b = locateFrontMatter(result.text);
  assert.ok(a.type === 'closed' && b.type === 'closed');
  assert.equal(result.text.slice(b.block.end), before.slice(a.block.end), 'body kept byte for byte');
  assert.ok(offset >= a.block.contentStart && offset + length <= a.block.contentEnd, 'the edit stays inside the front matter');
  return result.text;
}

function dataOf(text: string): Record<string, unknown> {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') throw new Error('no front matter');
  return parse(text.slice(location.block.contentStart, location.block.contentEnd)) as Record<string, unknown>;
}

const TALK = `---
kind: talk
title: "Tail sampling"   # working title
submissions:
  - event: KubeCon EU 2027   # the big one
    cfp_deadline: 2026-11-24
    status: submitted
  # a comment between entries
  - event: "FOSDEM 2027"
    status: draft
tags: [otel, sampling]
---

Body with --- and submissions:
  - event: not front matter
`;

describe('setFrontMatterListItemFields', () => {
  it('changes one field of one entry and nothing else', () => {
    const after = expectEdit(TALK, setFrontMatterListItemFields(TALK, 'submissions', 1, { status: 'accepted' }));
    assert.equal(after, TALK.replace('    status: draft\n', '    status: accepted\n'));
  });

  it('keeps a comment after the value it changes', () => {
    const after = expectEdit(TALK, setFrontMatterListItemFields(TALK, 'submissions', 0, { event: 'KubeCon Europe 2027' }));
    assert.equal(after, TALK.replace('  - event: KubeCon EU 2027   # the big one', '  - event: KubeCon Europe 2027   # the big one'));
  });

  it("adds new fields after the entry's last field, at its indentation", () => {
    const after = expectEdit(TALK, setFrontMatterListItemFields(TALK, 'submissions', 0, { notification_date: '2027-01-15', status: 'accepted' }));
    assert.equal(
      after,
      TALK.replace('    cfp_deadline: 2026-11-24\n    status: submitted\n', '    cfp_deadline: 2026-11-24\n    status: accepted\n    notification_date: 2027-01-15\n'),
    );
    const data = dataOf(after);
    assert.deepEqual((data.submissions as unknown[])[1], { event: 'FOSDEM 2027', status: 'draft' });
  });

  it('works with flush lists and CRLF line breaks', () => {
    const before = '---\r\nsubmissions:\r\n- event: A\r\n  status: draft\r\n---\r\nBody\r\n';
    const after = expectEdit(before, setFrontMatterListItemFields(before, 'submissions', 0, { status: 'submitted', travel: 'n/a' }));
    assert.equal(after, '---\r\nsubmissions:\r\n- event: A\r\n  status: submitted\r\n  travel: n/a\r\n---\r\nBody\r\n');
  });

  it('keeps quotes and quotes values that would read as something else', () => {
    const after = expectEdit(TALK, setFrontMatterListItemFields(TALK, 'submissions', 1, { event: 'FOSDEM 2028', format: 'yes' }));
    assert.match(after, /- event: "FOSDEM 2028"\n {4}status: draft\n {4}format: "yes"\n/);
  });

  it('leaves the text alone when nothing changes', () => {
    const result = setFrontMatterListItemFields(TALK, 'submissions', 0, { status: 'submitted' });
    assert.ok(result.ok);
    assert.equal(result.text, TALK);
  });

  it('refuses what it cannot edit entry by entry, with a message', () => {
    const flow = '---\nsubmissions: [{ event: A }]\n---\n';
    const refused = setFrontMatterListItemFields(flow, 'submissions', 0, { status: 'draft' });
    assert.ok(!refused.ok && /one "- " entry per line/.test(refused.message));
    const scalar = '---\nsubmissions:\n  - KubeCon\n---\n';
    const scalarRefused = setFrontMatterListItemFields(scalar, 'submissions', 0, { status: 'draft' });
    assert.ok(!scalarRefused.ok && /isn't written as "key: value" lines/.test(scalarRefused.message));
    const missing = setFrontMatterListItemFields(TALK, 'submissions', 2, { status: 'draft' });
    assert.ok(!missing.ok && /no entry 3/.test(missing.message));
    const none = setFrontMatterListItemFields('---\ntitle: x\n---\n', 'submissions', 0, { status: 'draft' });
    assert.ok(!none.ok && /no "submissions" list/.test(none.message));
    const toml = setFrontMatterListItemFields('+++\ntitle = "x"\n+++\n', 'submissions', 0, { status: 'draft' });
    assert.ok(!toml.ok && /TOML/.test(toml.message));
  });

  it('writes block values inside an entry at the right depth', () => {
    const after = expectEdit(TALK, setFrontMatterListItemFields(TALK, 'submissions', 1, { links: ['https://a.example', 'https://b.example'] }));
    assert.deepEqual((dataOf(after).submissions as Record<string, unknown>[])[1].links, ['https://a.example', 'https://b.example']);
  });
});

describe('removeFrontMatterListItem', () => {
  it('removes an entry with its lines and keeps the others byte for byte', () => {
    const after = expectEdit(TALK, removeFrontMatterListItem(TALK, 'submissions', 0));
    assert.equal(after, TALK.replace('  - event: KubeCon EU 2027   # the big one\n    cfp_deadline: 2026-11-24\n    status: submitted\n', ''));
  });

  it('removes the last entry', () => {
    const after = expectEdit(TALK, removeFrontMatterListItem(TALK, 'submissions', 1));
    assert.deepEqual(dataOf(after).submissions, [{ event: 'KubeCon EU 2027', cfp_deadline: '2026-11-24', status: 'submitted' }]);
    assert.match(after, /tags: \[otel, sampling\]/);
  });

  it('leaves an empty field when the only entry goes', () => {
    const before = '---\nsubmissions:\n  - event: A\ntitle: x\n---\nBody\n';
    const after = expectEdit(before, removeFrontMatterListItem(before, 'submissions', 0));
    assert.equal(after, '---\nsubmissions:\ntitle: x\n---\nBody\n');
  });

  it('refuses an index that is not there', () => {
    const result = removeFrontMatterListItem(TALK, 'submissions', -1);
    assert.ok(!result.ok);
  });
});
