import assert from 'node:assert/strict';
import { decodeResult, encodeResult } from '../../src/core/cacheCodec';
import { feedbackEntryFields, feedbackIndexIn, newFeedbackEntry, parseFeedbackEntries } from '../../src/core/feedback';
import { appendFrontMatterListItem, setFrontMatterListItemFields } from '../../src/core/frontMatter/edit';
import { draftOf } from './helpers';

describe('feedback', () => {
  describe('parseFeedbackEntries', () => {
    it('reads entries, with open as the status when none is written', () => {
      const parsed = parseFeedbackEntries([
        { summary: ' Export as Parquet ', status: 'Shipped', area: 'exporter', link: 'https://example.com/i/1', date: '2026-09-12' },
        { summary: 'Docs for sampling', date: '2026-09-13' },
      ]);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.entries, [
        { index: 0, summary: 'Export as Parquet', status: 'shipped', area: 'exporter', link: 'https://example.com/i/1', date: '2026-09-12' },
        { index: 1, summary: 'Docs for sampling', status: 'open', date: '2026-09-13' },
      ]);
    });

    it('leaves out an entry without a summary or with a bad date or link, and keeps the others', () => {
      const parsed = parseFeedbackEntries([
        { date: '2026-01-01' },
        { summary: 'x', date: 'soon' },
        { summary: 'y', date: '2026-01-01', link: 'ftp://x' },
        'text',
        { summary: 'ok', date: '2026-01-02' },
      ]);
      assert.deepEqual(
        parsed.entries.map((e) => [e.index, e.summary]),
        [[4, 'ok']],
      );
      assert.equal(parsed.problems.length, 4);
      assert.match(parsed.problems[0], /Feedback entry 1: summary is missing/);
      assert.match(parsed.problems[1], /Feedback entry 2: date "soon" is not a date/);
      assert.match(parsed.problems[2], /link "ftp:\/\/x" must be an http/);
      assert.match(parsed.problems[3], /Feedback entry 4 must be a set of fields/);
    });

    it('keeps an unknown status as written and warns about it', () => {
      const parsed = parseFeedbackEntries([{ summary: 'x', status: 'done', date: '2026-01-01' }]);
      assert.equal(parsed.entries[0].status, 'done');
      assert.match(parsed.warnings[0], /unknown status "done"; use one of open, acknowledged, planned, shipped, declined/);
    });

    it('reports a feedback field that is not a list', () => {
      assert.match(parseFeedbackEntries('lots').problems[0], /feedback must be a list/);
      assert.deepEqual(parseFeedbackEntries(undefined), { entries: [], problems: [], warnings: [] });
    });
  });

  describe('drafts', () => {
    const text = `---
kind: trip-report
title: KubeCon
feedback:
  - summary: Export as Parquet
    status: planned
    date: 2026-09-12
  - summary: ''
    date: 2026-09-12
---
Body
`;
    it('carries the valid entries and reports the others on their own entry', () => {
      const draft = draftOf(text);
      assert.deepEqual(draft.feedback, [{ index: 0, summary: 'Export as Parquet', status: 'planned', date: '2026-09-12' }]);
      const problem = draft.problems.find((p) => p.code === 'invalid-feedback');
      assert.ok(problem);
      assert.equal(problem.range?.start.line, 7, 'on the entry without a summary');
      assert.equal(draft.fields.feedback, undefined);
    });

    it('survives the index cache', () => {
      const draft = draftOf(text);
      const decoded = decodeResult(JSON.parse(JSON.stringify(encodeResult({ draft }))));
      assert.ok(decoded && 'draft' in decoded);
      assert.deepEqual(decoded.draft.feedback, draft.feedback);
    });
  });

  describe('newFeedbackEntry', () => {
    it('fills in today and open, and refuses a missing summary, an unknown status or a future date', () => {
      const made = newFeedbackEntry({ summary: 'Faster cold starts', area: 'runtime' }, '2026-10-01');
      assert.ok(made.ok);
      assert.deepEqual(made.entry, { summary: 'Faster cold starts', status: 'open', area: 'runtime', date: '2026-10-01' });
      const empty = newFeedbackEntry({ summary: '  ' }, '2026-10-01');
      assert.ok(!empty.ok && /^Summary is missing/.test(empty.message));
      const status = newFeedbackEntry({ summary: 'x', status: 'done' }, '2026-10-01');
      assert.ok(!status.ok && /"done" is not a feedback status/.test(status.message));
      const future = newFeedbackEntry({ summary: 'x', date: '2026-10-02' }, '2026-10-01');
      assert.ok(!future.ok && /after today/.test(future.message));
    });
  });

  describe('edits', () => {
    const before = '---\ntitle: Trip\nkind: trip-report\n---\n\n## Feedback\n\nBody stays   exactly\r\nas it was.\n';

    it('appends an entry without touching the body, and finds it again to set its status', () => {
      const made = newFeedbackEntry({ summary: 'Export as Parquet', link: 'https://example.com/1' }, '2026-10-01');
      assert.ok(made.ok);
      const appended = appendFrontMatterListItem(before, 'feedback', feedbackEntryFields(made.entry));
      assert.ok(appended.ok);
      const body = before.slice(before.indexOf('\n---\n'));
      assert.ok(appended.text.endsWith(body));
      assert.deepEqual(draftOf(appended.text).feedback?.[0], { index: 0, summary: 'Export as Parquet', status: 'open', link: 'https://example.com/1', date: '2026-10-01' });
      const second = appendFrontMatterListItem(appended.text, 'feedback', feedbackEntryFields({ summary: 'Other', status: 'open', date: '2026-10-01' }));
      assert.ok(second.ok);
      const index = feedbackIndexIn(second.text, ' export as  parquet');
      assert.equal(index, 0);
      const updated = setFrontMatterListItemFields(second.text, 'feedback', index as number, { status: 'shipped' });
      assert.ok(updated.ok);
      assert.deepEqual(
        draftOf(updated.text).feedback?.map((f) => f.status),
        ['shipped', 'open'],
      );
      assert.ok(updated.text.endsWith(body));
      assert.equal(feedbackIndexIn(updated.text, 'missing'), undefined);
    });

    it('picks the entry nearest the index it had when two share a summary', () => {
      const text = '---\nfeedback:\n  - { summary: Same, date: 2026-01-01 }\n  - { summary: Other, date: 2026-01-01 }\n  - { summary: Same, date: 2026-01-02 }\n---\n';
      assert.equal(feedbackIndexIn(text, 'Same', 2), 2);
      assert.equal(feedbackIndexIn(text, 'Same', 0), 0);
    });
  });
});
