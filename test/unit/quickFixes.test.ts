import * as assert from 'node:assert/strict';
import { problemAt, quickFixes } from '../../src/core/quickFixes';
import type { Problem } from '../../src/core/types';

const at = (line: number): Problem['range'] => ({ start: { line, character: 8 }, end: { line, character: 15 } });

describe('quickFixes', () => {
  it('offers every valid status, closest first and that one preferred', () => {
    const problem: Problem = { code: 'unknown-status', message: 'x', severity: 'warning', field: 'status', value: 'drafitng', validValues: ['idea', 'drafting', 'review'], range: at(3) };
    assert.deepEqual(quickFixes(problem, 'drafitng'), [
      { title: 'Change status to "drafting"', newText: 'drafting', preferred: true },
      { title: 'Change status to "review"', newText: 'review', preferred: false },
      { title: 'Change status to "idea"', newText: 'idea', preferred: false },
    ]);
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
