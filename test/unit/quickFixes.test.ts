import * as assert from 'node:assert/strict';
import { durationFix, problemAt, quickFixes, workflowWithStatus } from '../../src/core/quickFixes';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { resolveKinds } from '../../src/core/kinds/resolve';
import { isActive } from '../../src/core/kinds/workflow';
import type { Problem } from '../../src/core/types';
import { draftOf, yamlDoc } from './helpers';

const at = (line: number): Problem['range'] => ({ start: { line, character: 8 }, end: { line, character: 15 } });

describe('quickFixes', () => {
  const blogStatus = (value: string): Problem => ({
    code: 'unknown-status',
    message: 'x',
    severity: 'error',
    field: 'status',
    value,
    validValues: [...BUILT_IN_KINDS.blog.statuses],
    range: at(3),
  });

  it('puts a near typo first and prefers it, then the workflow in order, finished statuses last', () => {
    assert.deepEqual(quickFixes(blogStatus('drafitng'), 'drafitng', BUILT_IN_KINDS.blog), [
      { title: 'Change status to "drafting"', newText: 'drafting', preferred: true },
      { title: 'Change status to "idea"', newText: 'idea', preferred: false },
      { title: 'Change status to "review"', newText: 'review', preferred: false },
      { title: 'Change status to "scheduled"', newText: 'scheduled', preferred: false },
      { title: 'Change status to "published" (finished)', newText: 'published', preferred: false },
    ]);
  });

  it('never puts a finished status first or prefers it, however close its spelling', () => {
    // "polishing" is closest to "published" by spelling; one Enter must not publish an unfinished post.
    const fixes = quickFixes(blogStatus('polishing'), 'polishing', BUILT_IN_KINDS.blog);
    assert.deepEqual(
      fixes.map((f) => f.newText),
      ['idea', 'drafting', 'review', 'scheduled', 'published'],
    );
    assert.deepEqual(
      fixes.filter((f) => f.preferred),
      [],
      'no typo, so no fix is preferred',
    );
    const nearPublished = quickFixes(blogStatus('publishd'), 'publishd', BUILT_IN_KINDS.blog);
    assert.equal(nearPublished[0].newText, 'idea', 'a typo of a finished status still does not come first');
    assert.equal(
      nearPublished.some((f) => f.preferred),
      false,
    );
    const talk = quickFixes({ ...blogStatus('rejectd'), validValues: [...BUILT_IN_KINDS.talk.statuses] }, 'rejectd', BUILT_IN_KINDS.talk);
    assert.deepEqual(
      talk.slice(-2).map((f) => f.newText),
      ['rejected', 'delivered'],
    );
  });

  it('ranks by the text in the range when the problem did not keep the value', () => {
    const problem: Problem = { code: 'unknown-kind', message: 'x', severity: 'error', field: 'kind', validValues: ['blog', 'talk'], range: at(1) };
    assert.equal(quickFixes(problem, "'tlak'")[0]?.newText, 'talk');
  });

  it('rewrites an unambiguous date as YYYY-MM-DD, and offers nothing for an ambiguous one', () => {
    const problem: Problem = { code: 'invalid-date', message: 'x', severity: 'warning', field: 'due', range: at(2) };
    assert.deepEqual(quickFixes(problem, '2026/3/7'), [{ title: 'Write due as 2026-03-07', newText: '2026-03-07', preferred: true }]);
    assert.deepEqual(quickFixes(problem, '03/04/2026'), []);
  });

  it('offers no date fix that would write the same text', () => {
    const problem: Problem = { code: 'invalid-date', message: 'x', severity: 'error', field: 'cfp_deadline', range: at(5) };
    assert.deepEqual(quickFixes(problem, '2027-04-02'), []);
    assert.deepEqual(quickFixes(problem, '"2027-04-02"'), []);
  });

  it('has no fix for problems without a clear one', () => {
    assert.deepEqual(quickFixes({ code: 'yaml-syntax', message: 'x', severity: 'error', range: at(0) }, ':'), []);
    assert.deepEqual(quickFixes({ code: 'unknown-status', message: 'x', severity: 'warning', field: 'status', range: at(0) }, 'x'), [], 'no valid values to offer');
  });
});

describe('problemAt', () => {
  const problems: Problem[] = [
    { code: 'invalid-date', message: 'a', severity: 'warning', field: 'due', range: at(2) },
    { code: 'unknown-status', message: 'b', severity: 'warning', field: 'status', range: at(3) },
    { code: 'abstract-too-long', message: 'c', severity: 'warning' },
  ];

  it('finds the problem by code and starting line', () => {
    assert.equal(problemAt(problems, 'unknown-status', 3)?.message, 'b');
    assert.equal(problemAt(problems, 'unknown-status', 2), undefined);
    assert.equal(problemAt(problems, 'abstract-too-long', 0), undefined, 'a problem without a place has no quick fix');
  });
});

describe('workflowWithStatus', () => {
  it('adds the status after the last working step, as work in hand', () => {
    assert.deepEqual(workflowWithStatus(BUILT_IN_KINDS.blog, 'polishing'), {
      statuses: ['idea', 'drafting', 'review', 'polishing', 'scheduled', 'published'],
      activeStatuses: ['drafting', 'review', 'polishing'],
    });
    assert.deepEqual(workflowWithStatus(BUILT_IN_KINDS.oss, ' triage ')?.statuses, ['todo', 'in-progress', 'triage', 'pr-open', 'merged', 'closed']);
  });

  it('has nothing to add for a status already there or a blank one', () => {
    assert.equal(workflowWithStatus(BUILT_IN_KINDS.blog, 'review'), undefined);
    assert.equal(workflowWithStatus(BUILT_IN_KINDS.blog, '  '), undefined);
  });

  it('is read back by the kinds setting, so the status becomes valid and counts as in hand', () => {
    const written = workflowWithStatus(BUILT_IN_KINDS.blog, 'polishing');
    assert.ok(written);
    const { kinds, problems } = resolveKinds({ blog: written });
    assert.deepEqual(problems, []);
    assert.deepEqual(kinds.blog.statuses, written.statuses);
    assert.deepEqual(kinds.blog.finishedStatuses, ['published']);
    assert.equal(isActive(kinds.blog, 'polishing'), true);
    assert.equal(isActive(kinds.blog, 'scheduled'), false);
  });
});

describe('durationFix', () => {
  it('replaces a plain duration with the minutes rounded up', () => {
    const text = '---\nkind: talk\nduration: 20\n---\n\n## Intro (25 min)\n';
    assert.deepEqual(durationFix(text, 24.5), {
      title: 'Set duration to 25 min',
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 12 } },
      newText: '25',
    });
  });

  it('offers nothing without a plain duration to replace, or when it already matches', () => {
    assert.equal(durationFix('---\nkind: talk\n---\n', 25), undefined);
    assert.equal(durationFix('---\nkind: talk\nduration: half an hour\n---\n', 25), undefined);
    assert.equal(durationFix('---\nkind: talk\nduration: 25\n---\n', 25), undefined);
    assert.equal(durationFix('no front matter', 25), undefined);
  });
});

describe('diagnostics on broken YAML', () => {
  const broken = [
    '---',
    'kind: talk',
    'title: "Zero-downtime schema migrations in Postgres',
    'status: idea',
    'event: "PGConf.EU 2027"',
    'cfp_deadline: 2027-04-02',
    '  duration: 30',
    '---',
    '',
    '## Expand and contract (10 min)',
    '',
  ].join('\n');

  it('reports the syntax errors only, one per mistake, each over its line', () => {
    const draft = draftOf(broken, { analyze: true });
    assert.deepEqual(
      draft.problems.map((p) => [p.code, p.range?.start.line, p.range?.start.character, p.range?.end.character]),
      [
        ['yaml-syntax', 2, 0, 51],
        ['yaml-syntax', 5, 0, 24],
      ],
    );
    assert.ok(!draft.problems.some((p) => p.code === 'invalid-date'), 'a correct date is not blamed for the syntax around it');
    assert.equal(draft.kind, 'talk', 'still tracked, so its problems show');
  });

  it('checks no fields while the YAML does not parse: no unknown status, no bad date', () => {
    const draft = draftOf(yamlDoc(['kind: blog', 'title: "open quote', 'status: polishing', 'due: tomorrow']));
    assert.deepEqual(
      draft.problems.map((p) => p.code),
      ['yaml-syntax'],
    );
  });

  it('checks the fields again once it parses', () => {
    const draft = draftOf(yamlDoc(['kind: blog', 'title: "closed quote"', 'status: polishing', 'due: tomorrow']));
    assert.deepEqual(draft.problems.map((p) => p.code).sort(), ['invalid-date', 'unknown-status']);
  });
});
