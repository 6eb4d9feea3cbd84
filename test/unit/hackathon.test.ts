import assert from 'node:assert/strict';
import { buildCalendar, calendarEntries } from '../../src/core/calendar';
import { buildDashboardModel } from '../../src/core/dashboardModel';
import { analyzeDraft, bodyOf } from '../../src/core/draft';
import { BUILT_IN_METRICS } from '../../src/core/impact';
import { BUILT_IN_KINDS, builtinTemplates, builtInKind, kindProgress } from '../../src/core/kinds/registry';
import { isActive, isFinished, isWaiting, nextStatus } from '../../src/core/kinds/workflow';
import { projectsImpact } from '../../src/core/hackathons/projectsImpact';
import { judgingProblems, projectRows } from '../../src/core/hackathons/tables';
import { focusState } from '../../src/core/focus';
import { describeDraft, overdueDates, upcoming } from '../../src/core/schedule';
import { renderTemplate } from '../../src/core/templates/render';
import type { Template } from '../../src/core/templates/parseTemplate';
import { resolveAnswer, standardVariables } from '../../src/core/templates/variables';
import { LineMap } from '../../src/core/text';
import type { ProblemFix } from '../../src/core/types';
import { draftOf, makeConfig, onlyProblem, problemCodes, yamlDoc } from './helpers';

const hackathon = BUILT_IN_KINDS.hackathon;

function rendered(answers: Record<string, string> = {}): string {
  const template = builtinTemplates().find((t) => t.kind === 'hackathon') as Template;
  const result = renderTemplate(template, standardVariables({ title: 'Build on Widgets 2027', today: '2026-12-02', kind: 'hackathon', answers }));
  assert.deepEqual(result.unknownVariables, []);
  assert.deepEqual(result.problems, []);
  return result.text;
}

function applyFix(text: string, fix: ProblemFix): string {
  const lines = new LineMap(text);
  return text.slice(0, lines.offsetAt(fix.range.start)) + fix.newText + text.slice(lines.offsetAt(fix.range.end));
}

describe('hackathon kind', () => {
  it('runs idea → planning → announced → running → done, with cancelled on the side', () => {
    assert.deepEqual(hackathon.statuses, ['idea', 'planning', 'announced', 'running', 'done', 'cancelled']);
    assert.deepEqual(hackathon.sideStatuses, ['cancelled']);
    assert.equal(nextStatus(hackathon, 'idea'), 'planning');
    assert.equal(nextStatus(hackathon, 'running'), 'done');
    assert.equal(isFinished(hackathon, 'done'), true);
    assert.equal(isFinished(hackathon, 'cancelled'), true);
    assert.equal(isFinished(hackathon, 'announced'), false);
    // Focus counts the statuses the kind names as work in hand; once announced, it waits on sign-ups.
    assert.deepEqual(
      hackathon.statuses.filter((s) => isActive(hackathon, s)),
      ['planning', 'running'],
    );
    assert.deepEqual(
      hackathon.statuses.filter((s) => isWaiting(hackathon, s)),
      ['announced'],
    );
    assert.deepEqual(hackathon.activeStatuses, ['planning', 'running']);
    assert.equal(builtInKind('hackathon')?.icon, 'rocket');
    assert.equal(builtInKind('hackathon')?.folder.type, 'private');
    assert.equal(kindProgress('hackathon'), 'timing');
  });

  it('reads its four dates with their labels', () => {
    const draft = draftOf(
      yamlDoc(['kind: hackathon', 'status: planning', 'event_date: 2027-03-05', 'end_date: 2027-03-07', 'registration_deadline: 2027-02-20', 'due: 2027-01-15']),
    );
    assert.deepEqual(
      draft.dates.map((d) => [d.field, d.label, d.date, d.deadline]),
      [
        ['registration_deadline', 'Registration closes', '2027-02-20', true],
        ['event_date', 'Hackathon', '2027-03-05', true],
        ['end_date', 'Ends', '2027-03-07', false],
        ['due', 'Due', '2027-01-15', true],
      ],
    );
    assert.deepEqual(draft.problems, []);
  });

  it('is not overdue while it runs, and is once it has ended without being marked done', () => {
    const draft = draftOf(yamlDoc(['kind: hackathon', 'status: running', 'event_date: 2027-03-05', 'end_date: 2027-03-07']));
    assert.deepEqual(overdueDates(draft, hackathon, '2027-03-06'), []);
    assert.deepEqual(overdueDates(draft, hackathon, '2027-03-07'), []);
    assert.deepEqual(
      overdueDates(draft, hackathon, '2027-03-08').map((d) => d.field),
      ['event_date'],
    );
    const oneDay = draftOf(yamlDoc(['kind: hackathon', 'status: running', 'event_date: 2027-03-05']));
    assert.deepEqual(
      overdueDates(oneDay, hackathon, '2027-03-06').map((d) => d.field),
      ['event_date'],
    );
    // On the second day Upcoming shows when it ends, not a past start.
    const items = upcoming([draft], BUILT_IN_KINDS, '2027-03-06');
    assert.deepEqual(
      items.map((i) => [i.date.label, i.group]),
      [['Ends', 'this-week']],
    );
  });

  it('counts towards the focus limit once planned, and its first day as a commitment', () => {
    const drafts = [
      draftOf(yamlDoc(['kind: hackathon', 'status: planning', 'event_date: 2027-03-05', 'registration_deadline: 2027-03-01']), { path: 'a.md' }),
      draftOf(yamlDoc(['kind: hackathon', 'status: done', 'event_date: 2027-03-02']), { path: 'b.md' }),
      draftOf(yamlDoc(['kind: hackathon', 'status: cancelled', 'event_date: 2027-03-03']), { path: 'c.md' }),
    ];
    const state = focusState(drafts, BUILT_IN_KINDS, { maxActive: 3, maxDeadlinesPer14Days: 4, today: '2027-02-25' });
    assert.equal(state.active.length, 1);
    // The event is a commitment to other people, as for talks and workshops; registration closing is its own milestone.
    assert.deepEqual(
      state.deadlines.map((d) => d.date.field),
      ['event_date'],
    );
  });

  it('shows a multi-day event as one span in every calendar week it covers', () => {
    // Sat 2027-03-06 to Tue 2027-03-09 crosses from one week into the next.
    const draft = draftOf(yamlDoc(['kind: hackathon', 'title: Build on Widgets', 'status: announced', 'event_date: 2027-03-06', 'end_date: 2027-03-09']));
    const model = buildDashboardModel([draft], BUILT_IN_KINDS, { today: '2027-03-01', metrics: BUILT_IN_METRICS, focus: { maxActive: 3, maxDeadlinesPer14Days: 4 } });
    const withItems = model.calendar.weeks.filter((w) => w.items.length > 0);
    assert.deepEqual(
      withItems.map((w) => w.start),
      ['2027-03-01', '2027-03-08'],
    );
    for (const week of withItems) {
      assert.deepEqual(
        week.items.map((i) => [i.label, i.date, i.endDate, i.dayLabel]),
        [['Hackathon', '2027-03-06', '2027-03-09', 'Sat Mar 6 – Tue Mar 9 (4 days)']],
      );
    }
    assert.equal(model.pipeline[0].kind, 'hackathon');
    assert.deepEqual(
      model.pipeline[0].columns.map((c) => c.status),
      hackathon.statuses,
    );
  });

  it('keeps the end on its own in the calendar once the span has started', () => {
    const draft = draftOf(yamlDoc(['kind: hackathon', 'title: H', 'status: running', 'event_date: 2027-03-06', 'end_date: 2027-03-09']));
    const model = buildDashboardModel([draft], BUILT_IN_KINDS, { today: '2027-03-07', metrics: BUILT_IN_METRICS, focus: { maxActive: 3, maxDeadlinesPer14Days: 4 } });
    assert.deepEqual(model.calendar.overdue, []);
    assert.deepEqual(
      model.calendar.weeks.flatMap((w) => w.items.map((i) => [i.label, i.date])),
      [['Ends', '2027-03-09']],
    );
  });
});

describe('hackathon template', () => {
  it('asks for the event date, the registration deadline, the format and the expected participants', () => {
    assert.deepEqual(builtInKind('hackathon')?.prompts, ['event_date', 'registration_deadline', 'format', 'participants']);
    assert.deepEqual(resolveAnswer('participants', '120', '2026-12-02'), { ok: true, value: '120' });
    assert.deepEqual(resolveAnswer('participants', 'lots', '2026-12-02'), { ok: false, message: 'Enter a whole number of people, e.g. 80.' });
    assert.deepEqual(resolveAnswer('registration_deadline', '2027-02-30', '2026-12-02').ok, false);
  });

  it('renders a plan whose agenda fills its duration, with a clean draft', () => {
    const text = rendered({ event_date: '2027-03-06', registration_deadline: '2027-02-20', format: 'hybrid', participants: '120', due: '' });
    const draft = draftOf(text, { path: 'hackathons/build-on-widgets-2027.md' });
    assert.equal(draft.kind, 'hackathon');
    assert.equal(draft.status, 'idea');
    assert.equal(draft.fields.format, 'hybrid');
    assert.equal(draft.fields.participants, 120);
    assert.deepEqual(
      draft.dates.map((d) => [d.field, d.date]),
      [
        ['registration_deadline', '2027-02-20'],
        ['event_date', '2027-03-06'],
      ],
    );
    const { body, bodyStartLine } = bodyOf(text);
    analyzeDraft(draft, body, bodyStartLine, makeConfig());
    assert.deepEqual(problemCodes(draft), []);
    const talk = draft.analysis?.talk;
    assert.ok(talk, 'the agenda headings carry minute budgets');
    assert.deepEqual(
      talk.sections.map((s) => s.title),
      ['Check-in and breakfast', 'Kick-off', 'Hacking', 'Check-ins', 'Demos', 'Judging', 'Awards'],
    );
    assert.equal(talk.plannedMinutes, draft.duration);
    assert.match(describeDraft(draft, hackathon, '2026-12-02'), /~1440\/1440 min/);
  });

  it('has the plan sections: summary, phased checklist, judging criteria, projects and a retro', () => {
    const text = rendered({ event_date: '2027-03-06', registration_deadline: '', format: 'online', participants: '40', due: '' });
    for (const heading of [
      '## Summary',
      '## Planning checklist',
      '### Eight weeks out',
      '### Four weeks out',
      '### The week before',
      '### On the day',
      '### After',
      '## Judging criteria',
      '## Projects',
      '## Retro',
      '### What worked',
      '### What to change',
    ]) {
      assert.ok(text.includes(`\n${heading}\n`), heading);
    }
    for (const task of [
      /Venue/,
      /Sponsors/,
      /Code of conduct/,
      /Budget/,
      /Registration open/,
      /Mentors/,
      /Challenges/,
      /Prizes/,
      /Judging criteria/,
      /Accessibility/,
      /Dietary/,
      /Wi-Fi/,
      /API keys/,
      /Starter repository/,
      /Swag/,
      /Signage/,
      /Check-in desk/,
      /Safety contact/,
      /Photo consent/,
      /Winners/,
      /Feedback survey/,
      /Thank-yous/,
      /Retro/,
    ]) {
      assert.ok(
        text.split('\n').some((line) => line.startsWith('- [ ] ') && task.test(line)),
        String(task),
      );
    }
    const skipped = rendered({ event_date: '', registration_deadline: '', format: '', participants: '', due: '' });
    const draft = draftOf(skipped);
    assert.deepEqual(draft.dates, []);
    assert.deepEqual(draft.problems, []);
    assert.deepEqual(projectRows(skipped, skipped.length - bodyOf(skipped).body.length), []);
  });
});

describe('hackathon diagnostics', () => {
  it('reports an end before the start, with a fix that swaps the two and keeps the body', () => {
    const text = yamlDoc(['kind: hackathon', 'status: planning', 'event_date: 2027-03-07 # Sunday', 'end_date: "2027-03-05"'], '# Plan\n\nBody stays.\n');
    const problem = onlyProblem(draftOf(text), 'span-ends-before-start');
    assert.equal(problem.field, 'end_date');
    assert.equal(problem.range?.start.line, 4);
    assert.match(problem.message, /end_date 2027-03-05 is before event_date 2027-03-07/);
    assert.equal(problem.fixes?.length, 1);
    const fixed = applyFix(text, problem.fixes![0]);
    assert.ok(fixed.endsWith('---\n# Plan\n\nBody stays.\n'));
    assert.match(fixed, /event_date: 2027-03-05 # Sunday/);
    const again = draftOf(fixed);
    assert.deepEqual(problemCodes(again), []);
    assert.deepEqual(
      again.dates.filter((d) => d.field !== 'registration_deadline').map((d) => d.date),
      ['2027-03-05', '2027-03-07'],
    );
  });

  it('reports registration closing after the event, and nothing for the same day or earlier', () => {
    const late = draftOf(yamlDoc(['kind: hackathon', 'status: planning', 'event_date: 2027-03-05', 'registration_deadline: 2027-03-10']));
    const problem = onlyProblem(late, 'date-after-date');
    assert.equal(problem.field, 'registration_deadline');
    assert.equal(problem.range?.start.line, 4);
    assert.match(problem.message, /registration_deadline 2027-03-10 is after event_date 2027-03-05/);
    for (const day of ['2027-03-05', '2027-03-01']) {
      assert.deepEqual(problemCodes(draftOf(yamlDoc(['kind: hackathon', 'status: planning', 'event_date: 2027-03-05', `registration_deadline: ${day}`]))), []);
    }
    // Other kinds keep their own rules: a workshop has no registration check.
    assert.deepEqual(problemCodes(draftOf(yamlDoc(['kind: workshop', 'event_date: 2027-03-05', 'registration_deadline: 2027-03-10']))), []);
  });

  it('reports judging weights that do not add up to 100, with a fix that scales only the weights', () => {
    const body = [
      '## Judging criteria',
      '',
      '| Criterion | Weight | Notes |',
      '| --- | ---: | --- |',
      '| Use of the API | 40 | deep \\| wide |',
      '| Originality |  30% | |',
      '| Demo | 20 | |',
      '',
      '## Projects',
      '',
    ].join('\n');
    const text = yamlDoc(['kind: hackathon', 'status: planning'], body);
    const problem = onlyProblem(draftOf(text), 'judging-weights');
    assert.equal(problem.message, 'The judging weights add up to 90, not 100. Judges and teams read them as percentages.');
    assert.equal(problem.range?.start.line, 4);
    const fixed = applyFix(text, problem.fixes![0]);
    assert.equal(problem.fixes![0].title, 'Scale the weights to add up to 100 (45, 33, 22)');
    assert.ok(fixed.includes('| Use of the API | 45 | deep \\| wide |\n| Originality |  33% | |\n| Demo | 22 | |\n'), fixed);
    assert.deepEqual(problemCodes(draftOf(fixed)), []);
  });

  it('reports a weight that is not a number, and ignores weights in code and in other sections', () => {
    const body = ['## Judging criteria', '', '| Criterion | Weight |', '| --- | --- |', '| Impact | high |', '| Demo | 50 |'].join('\n');
    const problem = onlyProblem(draftOf(yamlDoc(['kind: hackathon'], body)), 'judging-weights');
    assert.match(problem.message, /"Impact" has the weight "high"/);
    assert.deepEqual(problem.range, { start: { line: 7, character: 11 }, end: { line: 7, character: 15 } });
    assert.equal(problem.fixes, undefined);
    const fenced = [
      '```md',
      '## Judging criteria',
      '| Criterion | Weight |',
      '| --- | --- |',
      '| A | 1 |',
      '```',
      '## Judging criteria',
      '',
      '| Criterion | Weight |',
      '| --- | --- |',
      '| A | 100 |',
      '## Other',
      '| Criterion | Weight |',
      '| --- | --- |',
      '| B | 7 |',
    ].join('\n');
    assert.deepEqual(
      judgingProblems(yamlDoc([], fenced), 8, () => new LineMap(yamlDoc([], fenced))),
      [],
    );
  });
});

describe('hackathon projects table', () => {
  it('lists one project per row that names one, with its team, repository and what it used', () => {
    const body = [
      '## Projects',
      '',
      '| Project | Team | Repository | What it used |',
      '| --- | --- | --- | --- |',
      '| Widget Radar | Ada, Lin | https://github.com/ada/radar | Widgets API, webhooks |',
      '| | | | |',
      '| Queue Buddy | Sam | | SDK |',
      '',
      'Notes after the table.',
      '| Not | a | project | row |',
    ].join('\n');
    const text = yamlDoc(['kind: hackathon'], body);
    const rows = projectRows(text, text.indexOf('## Projects'));
    assert.deepEqual(rows, [
      { name: 'Widget Radar', team: 'Ada, Lin', repository: 'https://github.com/ada/radar', used: 'Widgets API, webhooks' },
      { name: 'Queue Buddy', team: 'Sam', used: 'SDK' },
    ]);
    assert.equal(projectRows(yamlDoc(['kind: hackathon'], '## Summary\n'), 0), undefined);
  });
});

describe('hackathon projects as impact', () => {
  const table = [
    '## Projects',
    '',
    '| Project | Team | Repository | What it used |',
    '| --- | --- | --- | --- |',
    '| Widget Radar | Ada | | API |',
    '| Queue Buddy | Sam | | SDK |',
    '',
  ].join('\n');

  it('appends one projects entry counting the rows, and changes no byte of the body', () => {
    const text = yamlDoc(['kind: hackathon', 'title: H', 'impact:', '  - { date: 2027-03-08, metric: participants, value: 84 }'], table);
    const planned = projectsImpact(text, '2027-03-09');
    assert.ok(planned.ok && !planned.unchanged);
    assert.equal(planned.count, 2);
    assert.equal(planned.replaced, false);
    assert.ok(planned.result.ok);
    const after = planned.result.text;
    assert.ok(after.endsWith(`---\n${table}`), 'the body is untouched');
    const draft = draftOf(after);
    assert.deepEqual(draft.impact, [
      { date: '2027-03-08', metric: 'participants', value: 84 },
      { date: '2027-03-09', metric: 'projects', value: 2, note: 'Widget Radar, Queue Buddy', source: 'projects-table' },
    ]);
    // The same table again: nothing to write.
    const again = projectsImpact(after, '2027-03-10');
    assert.ok(again.ok && again.unchanged && again.count === 2);
  });

  it('replaces its own entry when the table grows, so no project counts twice', () => {
    const first = projectsImpact(yamlDoc(['kind: hackathon'], table), '2027-03-09');
    assert.ok(first.ok && !first.unchanged && first.result.ok);
    const grown = first.result.text.replace('| Queue Buddy | Sam | | SDK |\n', '| Queue Buddy | Sam | | SDK |\n| Trace Golf | Lin | | CLI |\n');
    const second = projectsImpact(grown, '2027-03-10');
    assert.ok(second.ok && !second.unchanged && second.result.ok);
    assert.equal(second.replaced, true);
    assert.deepEqual(
      draftOf(second.result.text).impact?.map((e) => [e.metric, e.value, e.date]),
      [['projects', 3, '2027-03-10']],
    );
  });

  it('says what is missing instead of logging nothing', () => {
    assert.deepEqual(projectsImpact(yamlDoc(['kind: hackathon'], '## Summary\n'), '2027-03-09'), { ok: false, message: 'The draft has no "## Projects" section with a table.' });
    const empty = projectsImpact(yamlDoc(['kind: hackathon'], '## Projects\n\n| Project | Team |\n| --- | --- |\n| | |\n'), '2027-03-09');
    assert.equal(empty.ok, false);
    assert.equal(projectsImpact('# No front matter\n', '2027-03-09').ok, false);
  });
});

describe('hackathon in the calendar export', () => {
  it('writes a multi-day hackathon as one all-day event from its first to its last day', () => {
    const draft = draftOf(
      yamlDoc(['kind: hackathon', 'title: Build on Widgets', 'status: announced', 'event_date: 2027-03-05', 'end_date: 2027-03-07', 'registration_deadline: 2027-02-20']),
      { path: 'hackathons/b.md' },
    );
    const entries = calendarEntries([draft], BUILT_IN_KINDS);
    assert.deepEqual(
      entries.map((e) => [e.summary, e.date, e.endDate]),
      [
        ['Registration closes: Build on Widgets', '2027-02-20', undefined],
        ['Hackathon: Build on Widgets', '2027-03-05', '2027-03-07'],
      ],
    );
    const ics = buildCalendar(entries, { now: new Date(Date.UTC(2027, 0, 1)) });
    assert.match(ics, /DTSTART;VALUE=DATE:20270305\r\nDTEND;VALUE=DATE:20270308\r\n/);
  });
});
