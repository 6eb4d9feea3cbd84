import assert from 'node:assert/strict';
import { decodeResult, encodeResult } from '../../src/core/cacheCodec';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { toDraftInfo, upcoming, describeDraft } from '../../src/core/schedule';
import { abstractLength, abstractSections } from '../../src/core/talks/abstracts';
import { acceptanceByYear, findSubmission, newSubmissionEntry, submissionSummary, SUBMISSION_STATUSES } from '../../src/core/talks/submissions';
import type { Draft, Problem, ProblemFix, Submission } from '../../src/core/types';
import { draftOf, makeConfig } from './helpers';

const TODAY = '2026-12-02';

function talk(frontMatter: string, body = '\n## Intro (5 min)\n'): Draft {
  return draftOf(`---\nkind: talk\ntitle: Tail sampling\nstatus: submitted\n${frontMatter}\n---\n${body}`, { path: 'talks/tail.md' });
}

function applyFix(text: string, fix: ProblemFix): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(fix.range.start)) + fix.newText + text.slice(offset(fix.range.end));
}

function only(draft: Draft, code: Problem['code']): Problem {
  const found = draft.problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `one ${code} problem in ${JSON.stringify(draft.problems.map((p) => p.code))}`);
  return found[0];
}

const THREE = `submissions:
  - event: KubeCon EU 2027
    cfp_url: https://events.example.org/kubecon/cfp
    cfp_deadline: 2026-11-24
    notification_date: 2027-01-15
    event_date: 2027-03-23
    status: submitted
    format: 30 min talk
    abstract: short
    travel: covered
  - event: FOSDEM 2027
    cfp_deadline: 2026-12-01
    event_date: 2027-02-06
    status: accepted
  - event: SREcon27 Americas
    status: rejected
    notification_date: 2026-10-01
abstracts:
  short: Tail sampling keeps the traces you care about.
  long: >
    Tail sampling keeps the traces you care about and drops the rest, but only if
    every span of a trace reaches the same Collector.`;

describe('submissions', () => {
  it('reads every field of every submission into data, dates as YYYY-MM-DD', () => {
    const draft = talk(THREE);
    assert.deepEqual(draft.problems, []);
    assert.equal(draft.submissions?.length, 3);
    assert.deepEqual(draft.submissions?.[0], {
      index: 0,
      event: 'KubeCon EU 2027',
      status: 'submitted',
      cfpUrl: 'https://events.example.org/kubecon/cfp',
      cfpDeadline: '2026-11-24',
      notificationDate: '2027-01-15',
      eventDate: '2027-03-23',
      format: '30 min talk',
      abstract: 'short',
      travel: 'covered',
    });
    assert.equal(draft.status, 'submitted', "the talk's own status stays the talk's");
    assert.deepEqual(
      draft.abstracts?.map((a) => [a.name, a.source]),
      [
        ['short', 'front-matter'],
        ['long', 'front-matter'],
      ],
    );
  });

  it('keeps the single-event fields working beside submissions', () => {
    const draft = talk(`event: "Berlin Go Meetup"\ncfp_deadline: 2026-12-20\nevent_date: 2027-01-10`);
    assert.equal(draft.submissions, undefined);
    assert.deepEqual(
      draft.dates.map((d) => d.field),
      ['cfp_deadline', 'event_date'],
    );
    assert.equal(draft.fields.event, 'Berlin Go Meetup');
  });

  it('summarises statuses in workflow order', () => {
    const subs = (statuses: string[]): Submission[] => statuses.map((status, index) => ({ index, event: `E${index}`, status }));
    assert.equal(submissionSummary(subs(['accepted', 'submitted', 'submitted', 'submitted'])), '3 submitted · 1 accepted');
    assert.equal(submissionSummary(subs(['rejected', 'draft', 'maybe'])), '1 draft · 1 rejected · 1 maybe');
    assert.equal(submissionSummary([]), '');
    assert.equal(describeDraft(talk(THREE), BUILT_IN_KINDS.talk, TODAY), 'submitted · 1 submitted · 1 accepted · 1 rejected');
  });

  it("reports a submission without an event, and offers the talk's event or removing it", () => {
    const text = '---\nkind: talk\ntitle: T\nevent: "PGConf.EU 2027"\nsubmissions:\n  - cfp_deadline: 2027-04-02\n    status: draft\n  - event: Other\n---\nBody\n';
    const draft = draftOf(text, { path: 'talks/t.md' });
    const problem = only(draft, 'submission-without-event');
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.range?.start.line, 5);
    assert.deepEqual(
      draft.submissions?.map((s) => s.event),
      ['Other'],
    );
    const [setEvent, remove] = problem.fixes ?? [];
    assert.equal(setEvent.title, 'Set the event to "PGConf.EU 2027"');
    assert.equal(setEvent.preferred, true);
    assert.equal(applyFix(text, setEvent), text.replace('    status: draft\n', '    status: draft\n    event: PGConf.EU 2027\n'));
    assert.equal(applyFix(text, remove), text.replace('  - cfp_deadline: 2027-04-02\n    status: draft\n', ''));
  });

  it('reports an unknown status with the closest statuses as fixes', () => {
    const text = '---\nkind: talk\ntitle: T\nsubmissions:\n  - event: A\n    status: acepted\n---\nBody\n';
    const draft = draftOf(text, { path: 'talks/t.md' });
    const problem = only(draft, 'unknown-submission-status');
    assert.equal(problem.severity, 'error');
    assert.deepEqual(problem.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 19 } });
    assert.equal(problem.fixes?.[0].title, 'Change the status to "accepted"');
    assert.equal(applyFix(text, problem.fixes![0]), text.replace('acepted', 'accepted'));
    assert.equal(draft.submissions?.[0].status, 'acepted', 'kept as written');
    assert.equal(talk('submissions:\n  - event: A\n    status: Accepted').submissions?.[0].status, 'accepted', 'case does not matter');
  });

  it('reports a notification date before the deadline and offers to swap them', () => {
    const text = '---\nkind: talk\ntitle: T\nsubmissions:\n  - event: A\n    cfp_deadline: 2027-01-15\n    notification_date: 2026-11-24\n---\nBody\n';
    const draft = draftOf(text, { path: 'talks/t.md' });
    const problem = only(draft, 'notification-before-deadline');
    assert.equal(problem.range?.start.line, 6);
    const swapped = applyFix(text, problem.fixes![0]);
    assert.equal(swapped, text.replace('cfp_deadline: 2027-01-15', 'cfp_deadline: 2026-11-24').replace('notification_date: 2026-11-24', 'notification_date: 2027-01-15'));
    assert.deepEqual(draftOf(swapped, { path: 'talks/t.md' }).problems, []);
  });

  it('reports two submissions to the same event and offers to remove the second', () => {
    const text = '---\nkind: talk\ntitle: T\nsubmissions:\n  - event: KubeCon EU 2027\n    status: submitted\n  - event: kubecon  eu 2027\n    status: draft\n---\nBody\n';
    const draft = draftOf(text, { path: 'talks/t.md' });
    const problem = only(draft, 'duplicate-submission');
    assert.equal(problem.range?.start.line, 6);
    assert.equal(applyFix(text, problem.fixes![0]), text.replace('  - event: kubecon  eu 2027\n    status: draft\n', ''));
  });

  it('follows the date rules of other date fields', () => {
    const draft = talk('submissions:\n  - event: A\n    cfp_deadline: 2026-02-30\n    event_date: 2027/03/07\n    notification_date: 2027-01-15T10:00:00+01:00');
    const dates = draft.problems.filter((p) => p.code === 'invalid-date');
    assert.deepEqual(
      dates.map((p) => p.field),
      ['cfp_deadline', 'event_date'],
    );
    assert.match(dates[0].message, /not a real calendar date/);
    assert.equal(draft.submissions?.[0].notificationDate, '2027-01-15', 'a timestamp keeps its calendar day');
  });

  it('never throws on hostile input', () => {
    const hostile = [
      'submissions: 42',
      'submissions: "KubeCon"',
      'submissions:\n  - 42\n  - [a, b]\n  - null\n  - event: [a]\n  - event: { x: 1 }',
      'submissions:\n  - event: A\n    status: [x]\n    cfp_url: javascript:alert(1)\n    travel: first class\n    abstract: medium',
      'submissions:\n  - event: A\n    cfp_deadline: { a: 1 }\n    __proto__: { polluted: true }',
      // More entries than the submission cap, within the front-matter key cap.
      `submissions: [${Array.from({ length: 600 }, (_, i) => `{ event: "E${i}" }`).join(', ')}]`,
    ];
    for (const frontMatter of hostile) {
      const draft = talk(frontMatter);
      assert.ok(Array.isArray(draft.problems));
      for (const problem of draft.problems) assert.equal(typeof problem.message, 'string');
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const capped = talk(hostile[5]);
    assert.equal(capped.submissions?.length, 500, 'a huge list is read up to a cap');
    const odd = talk(hostile[3]);
    assert.deepEqual(odd.problems.map((p) => p.code).sort(), ['invalid-submission', 'invalid-submission', 'unknown-abstract-variant', 'unknown-submission-status']);
  });

  it('counts acceptance per year: accepted, confirmed, delivered and declined over decided', () => {
    const s = (status: string, eventDate?: string, cfpDeadline?: string): Submission => ({ index: 0, event: 'E', status, eventDate, cfpDeadline });
    const years = acceptanceByYear([
      [s('accepted', '2027-03-01'), s('rejected', '2027-05-01'), s('submitted', '2027-06-01'), s('delivered', '2026-10-01')],
      [s('confirmed', '2027-09-01'), s('withdrawn', '2027-09-01'), s('rejected', undefined, '2026-11-01'), s('declined', '2026-04-01')],
      undefined,
      [s('rejected')],
    ]);
    assert.deepEqual(years, [
      { year: '2026', accepted: 2, decided: 3, rate: 2 / 3 },
      { year: '2027', accepted: 2, decided: 3, rate: 2 / 3 },
    ]);
  });

  it('checks a new submission and orders its keys like the documentation', () => {
    const ok = newSubmissionEntry({ status: 'Submitted', cfpDeadline: '2026-11-24', event: ' KubeCon EU 2027 ', cfpUrl: 'https://x.example/cfp' }, []);
    assert.ok(ok.ok);
    assert.deepEqual(Object.entries(ok.fields), [
      ['event', 'KubeCon EU 2027'],
      ['cfp_url', 'https://x.example/cfp'],
      ['cfp_deadline', '2026-11-24'],
      ['status', 'submitted'],
    ]);
    const existing: Submission[] = [{ index: 0, event: 'KubeCon EU 2027', status: 'draft' }];
    const refusals: [unknown, RegExp][] = [
      [{}, /needs an event/],
      [{ event: 'kubecon eu 2027' }, /already has a submission/],
      [{ event: 'B', status: 'maybe' }, /must be one of/],
      [{ event: 'B', cfpDeadline: '24/11/2026' }, /cfpDeadline/],
      [{ event: 'B', cfpUrl: 'ftp://x' }, /http/],
      [{ event: 'B', cfpDeadline: '2027-01-15', notificationDate: '2026-11-24' }, /before the CFP deadline/],
      [null, /takes/],
    ];
    for (const [input, pattern] of refusals) {
      const result = newSubmissionEntry(input as never, existing);
      assert.ok(!result.ok && pattern.test(result.message), `${JSON.stringify(input)} → ${result.ok ? 'ok' : result.message}`);
    }
    assert.equal(findSubmission(existing, '  KUBECON EU 2027')?.index, 0);
    assert.equal(SUBMISSION_STATUSES.length, 9);
  });

  it('lists submission dates in Upcoming by status, and closed ones not at all', () => {
    const draft = talk(`submissions:
  - event: KubeCon EU 2027
    cfp_deadline: 2026-11-24
    notification_date: 2027-01-15
    event_date: 2027-03-23
    status: submitted
  - event: Missed Conf
    cfp_deadline: 2026-11-30
    status: draft
  - event: FOSDEM 2027
    event_date: 2027-02-06
    notification_date: 2026-12-20
    status: accepted
  - event: Gone
    cfp_deadline: 2026-12-20
    event_date: 2027-04-01
    status: withdrawn
  - event: No
    event_date: 2027-05-01
    status: rejected`);
    const items = upcoming([draft], BUILT_IN_KINDS, TODAY).map((i) => [i.group, i.date.label, i.submission?.event, i.date.date]);
    assert.deepEqual(items, [
      ['overdue', 'CFP closes', 'Missed Conf', '2026-11-30'],
      ['later', 'CFP answer due', 'KubeCon EU 2027', '2027-01-15'],
      ['later', 'Event', 'FOSDEM 2027', '2027-02-06'],
      ['later', 'Event', 'KubeCon EU 2027', '2027-03-23'],
    ]);
  });

  it('keeps submissions in Upcoming after the talk is delivered elsewhere, and shows a date shared with the talk once', () => {
    const delivered = draftOf('---\nkind: talk\ntitle: T\nstatus: delivered\nsubmissions:\n  - event: Next\n    event_date: 2027-01-20\n    status: confirmed\n---\n', {
      path: 'talks/d.md',
    });
    assert.deepEqual(
      upcoming([delivered], BUILT_IN_KINDS, TODAY).map((i) => i.submission?.event),
      ['Next'],
    );
    const shared = talk('event: KubeCon EU 2027\nevent_date: 2027-03-23\nsubmissions:\n  - event: KubeCon EU 2027\n    event_date: 2027-03-23\n    status: accepted');
    const items = upcoming([shared], BUILT_IN_KINDS, TODAY);
    assert.equal(items.length, 1);
    assert.equal(items[0].submission, undefined);
  });

  it('hands submissions to the API as plain data', () => {
    const info = toDraftInfo(talk(THREE), BUILT_IN_KINDS.talk, TODAY);
    assert.deepEqual(info.submissions?.[2], { event: 'SREcon27 Americas', status: 'rejected', notificationDate: '2026-10-01' });
    assert.equal(toDraftInfo(talk('event: X'), BUILT_IN_KINDS.talk, TODAY).submissions, undefined);
  });

  it('survives the index cache', () => {
    const draft = talk(THREE);
    const decoded = decodeResult(JSON.parse(JSON.stringify(encodeResult({ draft }))));
    assert.ok(decoded && 'draft' in decoded);
    assert.deepEqual(decoded.draft.submissions, draft.submissions);
    assert.deepEqual(decoded.draft.abstracts, draft.abstracts);
    const plain = talk('event: X');
    const round = decodeResult(JSON.parse(JSON.stringify(encodeResult({ draft: plain }))));
    assert.ok(round && 'draft' in round && round.draft.submissions === undefined);
    assert.equal(decodeResult(['d', ...encodeResult({ draft }).slice(1, 16), [[{ event: 1 }], null]]), undefined, 'a malformed entry is not trusted');
  });
});

describe('abstract variants', () => {
  it('checks each variant against its own budget', () => {
    const long = 'word '.repeat(80);
    const draft = talk(`abstracts:\n  short: "${long}"\n  long: "${long}"\n  keynote: "${'x'.repeat(950)}"`);
    const over = draft.problems.filter((p) => p.code === 'abstract-too-long');
    assert.deepEqual(
      over.map((p) => p.field),
      ['abstracts.short', 'abstracts.keynote'],
    );
    assert.match(over[0].message, /short abstract is 399 characters; its budget is 300\. Cut 99/);
    assert.equal(over[0].range?.start.line, 5);
    assert.deepEqual(
      draft.abstracts?.map((a) => [a.name, a.chars, a.budget]),
      [
        ['short', 399, 300],
        ['long', 399, 1500],
        ['keynote', 950, 900],
      ],
    );
  });

  it('uses configured budgets', () => {
    const draft = draftOf(`---\nkind: talk\ntitle: T\nabstracts:\n  short: "${'x'.repeat(120)}"\n---\n`, { config: makeConfig({ abstractBudgets: { short: 100 } }) });
    assert.equal(draft.problems[0]?.code, 'abstract-too-long');
  });

  it('reads "## Abstract (name)" sections of the body, skipping code', () => {
    const body = `
## Abstract (short)

Short and sweet.

### A sub-heading still belongs to it

More.

## Abstract (long)

${'Long text. '.repeat(200)}

\`\`\`md
## Abstract (fake)
\`\`\`

## Outline (10 min)
`;
    const draft = talk('', body);
    assert.deepEqual(
      draft.abstracts?.map((a) => [a.name, a.source]),
      [
        ['short', 'section'],
        ['long', 'section'],
      ],
    );
    const long = draft.problems.find((p) => p.field === 'Abstract (long)');
    assert.ok(long && long.range, 'the long section is over budget, placed at its heading');
    assert.equal(draft.abstracts?.[0].chars, abstractLength('Short and sweet.\n\n### A sub-heading still belongs to it\n\nMore.'));
    assert.deepEqual(abstractSections('no sections here', 0), []);
  });

  it('lets a submission name a variant, and warns about one the talk lacks', () => {
    const draft = talk('abstract: The plain one.\nabstracts:\n  short: S\nsubmissions:\n  - event: A\n    abstract: default\n  - event: B\n    abstract: shrot');
    const problem = only(draft, 'unknown-abstract-variant');
    assert.deepEqual(problem.validValues, ['short', 'default']);
    assert.equal(problem.fixes?.[0].title, 'Change the abstract to "short"');
  });
});
