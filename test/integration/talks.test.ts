import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import ICAL from 'ical.js';
import {
  closeAllEditors,
  deleteUri,
  deleteWorkspaceFile,
  executeCommand,
  getApi,
  getDiagnostics,
  openAndWaitForDiagnostics,
  readEditorLogs,
  readWorkspaceFile,
  waitFor,
  workspaceUri,
  writeWorkspaceFile,
  type DraftInfo,
} from './helpers';

interface SubmissionInfo {
  event: string;
  status: string;
  cfpDeadline?: string;
  notificationDate?: string;
  eventDate?: string;
  cfpUrl?: string;
}

interface CfpInfo {
  name: string;
  url?: string;
  cfpUrl: string;
  cfpDeadline: string;
  eventStart?: string;
  eventEnd?: string;
  location?: string;
  online?: boolean;
}

interface TalkApi {
  listDrafts(): Promise<(DraftInfo & { submissions?: SubmissionInfo[] })[]>;
  impactSummary(): Promise<{ acceptance: { year: string; accepted: number; decided: number; rate: number }[] }>;
  openCfps(): Promise<CfpInfo[]>;
  cfpFeedStatus(): Promise<{ fetchedAt?: string; unreachable: string[]; summary?: string }>;
}

async function api(): Promise<TalkApi> {
  return (await getApi()) as unknown as TalkApi;
}

async function submissionsOf(path: string, accept: (s: SubmissionInfo[]) => boolean, what: string): Promise<SubmissionInfo[]> {
  const uri = workspaceUri(path).toString();
  return waitFor(
    async () => {
      const draft = (await (await api()).listDrafts()).find((d) => d.uri === uri);
      const submissions = draft?.submissions ?? [];
      return accept(submissions) ? submissions : undefined;
    },
    10_000,
    what,
  );
}

async function fileBecomes(path: string, accept: (text: string) => boolean): Promise<string> {
  return waitFor(
    async () => {
      const text = await readWorkspaceFile(path);
      return accept(text) ? text : undefined;
    },
    10_000,
    `${path} to be saved`,
  );
}

function findFile(dir: string, accept: (file: string) => boolean): string | undefined {
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (accept(file)) return file;
  }
  return undefined;
}

function addDays(days: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days));
  return date.toISOString().slice(0, 10);
}

const BODY = '\n## Intro (5 min)\n\nBody text stays – byte for byte: “quotes”, tabs\tand trailing spaces   \n\n---\nnot front matter: true\n';

describe('Talks: submissions, calendar and CFPs', () => {
  const talkPath = 'talks/submissions-test.md';
  const talk = `---
kind: talk
title: "Submissions test talk"
status: drafting   # the talk's own status
event: "Local Meetup"
tags: [test]
---${BODY}`;

  before(async () => {
    await writeWorkspaceFile(talkPath, talk);
    await waitFor(async () => (await (await api()).listDrafts()).some((d) => d.title === 'Submissions test talk'), 10_000, 'the test talk');
  });

  after(async () => {
    await closeAllEditors();
    await deleteWorkspaceFile(talkPath).catch(() => undefined);
  });

  it('adds and advances submissions byte-exactly, with arguments that ask nothing', async () => {
    const added = await executeCommand('devrel.addSubmission', workspaceUri(talkPath), {
      event: 'KubeCon EU 2027',
      cfpUrl: 'https://events.example.org/cfp',
      cfpDeadline: '2026-11-24',
      notificationDate: '2027-01-15',
      eventDate: '2027-03-23',
      status: 'submitted',
      format: '30 min talk',
    });
    assert.equal(added, true);
    const second = await executeCommand('devrel.addSubmission', workspaceUri(talkPath).toString(), { event: 'FOSDEM 2027', eventDate: '2027-02-06' });
    assert.equal(second, true);
    const expected = `---
kind: talk
title: "Submissions test talk"
status: drafting   # the talk's own status
event: "Local Meetup"
tags: [test]
submissions:
  - event: KubeCon EU 2027
    cfp_url: https://events.example.org/cfp
    cfp_deadline: 2026-11-24
    notification_date: 2027-01-15
    event_date: 2027-03-23
    status: submitted
    format: 30 min talk
  - event: FOSDEM 2027
    event_date: 2027-02-06
    status: draft
---${BODY}`;
    // The editor saves in the background after the edit; wait for the file on disk.
    const afterAdd = await fileBecomes(talkPath, (text) => text.includes('FOSDEM 2027'));
    assert.equal(afterAdd, expected);

    const advanced = await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), 'fosdem 2027', 'submitted');
    assert.equal(advanced, true);
    const afterAdvance = await fileBecomes(talkPath, (text) => text !== afterAdd);
    assert.equal(afterAdvance, afterAdd.replace('    event_date: 2027-02-06\n    status: draft\n', '    event_date: 2027-02-06\n    status: submitted\n'));

    const submissions = await submissionsOf(talkPath, (s) => s.length === 2 && s[1].status === 'submitted', 'both submissions in the API');
    assert.deepEqual(submissions[0], {
      event: 'KubeCon EU 2027',
      status: 'submitted',
      cfpDeadline: '2026-11-24',
      notificationDate: '2027-01-15',
      eventDate: '2027-03-23',
      cfpUrl: 'https://events.example.org/cfp',
    });
    const draft = (await (await api()).listDrafts()).find((d) => d.uri === workspaceUri(talkPath).toString());
    assert.equal(draft?.status, 'drafting', "the talk's own status is untouched");
  });

  it('refuses bad input and leaves the file alone', async () => {
    const before = await readWorkspaceFile(talkPath);
    assert.equal(await executeCommand('devrel.addSubmission', workspaceUri(talkPath), { event: 'KubeCon EU 2027' }), undefined, 'a second entry for the same event');
    assert.equal(await executeCommand('devrel.addSubmission', workspaceUri(talkPath), { event: 'X', cfpDeadline: 'soon' }), undefined);
    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), 'KubeCon EU 2027', 'maybe'), undefined);
    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), 'Nowhere Conf', 'accepted'), undefined);
    assert.equal(await readWorkspaceFile(talkPath), before);
  });

  it('accepts a submission: the acceptance rate and the API follow', async () => {
    const year = '2027';
    const before = (await (await api()).impactSummary()).acceptance.find((a) => a.year === year) ?? { accepted: 0, decided: 0 };
    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), 'KubeCon EU 2027', 'accepted'), true);
    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), 'FOSDEM 2027', 'rejected'), true);
    const after = await waitFor(
      async () => {
        const found = (await (await api()).impactSummary()).acceptance.find((a) => a.year === year);
        return found && found.decided === before.decided + 2 ? found : undefined;
      },
      10_000,
      'the acceptance rate to count both answers',
    );
    assert.equal(after.accepted, before.accepted + 1);
    assert.equal(after.rate, after.accepted / after.decided);
    const submissions = await submissionsOf(talkPath, (s) => s[0]?.status === 'accepted', 'the accepted submission');
    assert.equal(submissions[0].eventDate, '2027-03-23', "the accepted event's date is there for Upcoming");
    assert.equal(submissions[1].status, 'rejected');
  });

  it('keeps an accepted submission in Upcoming, and takes a rejected or withdrawn one out', async function () {
    this.timeout(60_000);
    // The Upcoming view's list, as the devrel_upcomingDeadlines tool reads it for any extension.
    const event = 'Upcoming Check Days';
    const upcomingFor = async (): Promise<string[]> => {
      const source = new vscode.CancellationTokenSource();
      try {
        const result = await vscode.lm.invokeTool('devrel_upcomingDeadlines', { input: { days: 60, kind: 'talk' }, toolInvocationToken: undefined }, source.token);
        const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
        return text.split('\n').filter((line) => line.includes(`(${event}, `) && line.includes('"Submissions test talk"'));
      } finally {
        source.dispose();
      }
    };
    const upcomingBecomes = (accept: (lines: string[]) => boolean, what: string): Promise<string[]> =>
      waitFor(
        async () => {
          const lines = await upcomingFor();
          return accept(lines) ? lines : undefined;
        },
        10_000,
        what,
      );
    const [deadline, answer, day] = [addDays(8), addDays(15), addDays(25)];
    assert.equal(
      await executeCommand('devrel.addSubmission', workspaceUri(talkPath), { event, cfpDeadline: deadline, notificationDate: answer, eventDate: day, status: 'submitted' }),
      true,
    );
    const submitted = await upcomingBecomes((lines) => lines.length === 3, 'the three dates of the submission in Upcoming');
    assert.deepEqual(
      submitted.map((line) => line.slice(line.indexOf(' ', 2) + 1, line.indexOf(' ', 2) + 11)),
      [deadline, answer, day],
    );
    assert.ok(
      submitted.every((line) => line.includes(`(${event}, submitted)`)),
      submitted.join('\n'),
    );

    const year = day.slice(0, 4);
    const rate = async (): Promise<{ accepted: number; decided: number }> =>
      (await (await api()).impactSummary()).acceptance.find((a) => a.year === year) ?? { accepted: 0, decided: 0 };
    const before = await rate();
    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), event, 'accepted'), true);
    const accepted = await upcomingBecomes((lines) => lines.some((line) => line.includes(`(${event}, accepted)`)), 'the accepted submission in Upcoming');
    assert.ok(
      accepted.some((line) => line.includes(`${day} (in 25 days): event (${event}, accepted)`)),
      `the event day is in Upcoming:\n${accepted.join('\n')}`,
    );
    assert.ok(!accepted.some((line) => line.includes(answer)), 'the answer is in: its due date leaves');
    const afterAccept = await waitFor(async () => ((await rate()).decided === before.decided + 1 ? rate() : undefined), 10_000, 'the acceptance rate to count it');
    assert.equal(afterAccept.accepted, before.accepted + 1);

    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), event, 'rejected'), true);
    await upcomingBecomes((lines) => lines.length === 0, 'the rejected submission to leave Upcoming');
    const afterReject = await waitFor(async () => ((await rate()).accepted === before.accepted ? rate() : undefined), 10_000, 'the acceptance rate to drop it');
    assert.equal(afterReject.decided, before.decided + 1);

    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), event, 'submitted'), true);
    await upcomingBecomes((lines) => lines.length === 3, 'the submission back in Upcoming');
    assert.equal(await executeCommand('devrel.setSubmissionStatus', workspaceUri(talkPath), event, 'withdrawn'), true);
    await upcomingBecomes((lines) => lines.length === 0, 'the withdrawn submission to leave Upcoming');
  });

  it('reports bad submissions with quick fixes that edit only the front matter', async function () {
    // Four rounds of code actions and re-checks; a busy machine needs more than the default.
    this.timeout(90_000);
    const path = 'talks/bad-submissions.md';
    const text = `---
kind: talk
title: Bad submissions
event: "PGConf.EU 2027"
submissions:
  - cfp_deadline: 2027-04-02
  - event: A Conf
    status: acepted
    cfp_deadline: 2027-03-01
    notification_date: 2027-01-01
  - event: a conf
---
Body
`;
    await writeWorkspaceFile(path, text);
    try {
      const uri = workspaceUri(path);
      const codes = ['submission-without-event', 'unknown-submission-status', 'notification-before-deadline', 'duplicate-submission'];
      const diagnostics = await openAndWaitForDiagnostics(path, (d) => codes.every((code) => d.some((x) => x.code === code)), { source: 'DevRel Desk' });
      assert.deepEqual(
        codes.map((code) => diagnostics.find((d) => d.code === code)?.range.start.line),
        [5, 7, 9, 10],
      );
      const fix = async (code: string, title: RegExp): Promise<void> => {
        const problem = getDiagnostics(path, 'DevRel Desk').find((d) => d.code === code);
        assert.ok(problem, `a ${code} problem`);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
        const action = actions.find((a) => title.test(a.title));
        assert.ok(action?.edit, `${title} among ${actions.map((a) => a.title).join('; ')}`);
        await vscode.workspace.applyEdit(action.edit);
        await waitFor(() => getDiagnostics(path, 'DevRel Desk').every((d) => d.code !== code), 10_000, `${code} to clear`);
      };
      await fix('unknown-submission-status', /^Change the status to "accepted"$/);
      await fix('notification-before-deadline', /^Swap the CFP deadline and the notification date$/);
      await fix('duplicate-submission', /^Remove this second entry for a conf$/);
      await fix('submission-without-event', /^Set the event to "PGConf.EU 2027"$/);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.equal(
        document?.getText(),
        `---
kind: talk
title: Bad submissions
event: "PGConf.EU 2027"
submissions:
  - cfp_deadline: 2027-04-02
    event: PGConf.EU 2027
  - event: A Conf
    status: accepted
    cfp_deadline: 2027-01-01
    notification_date: 2027-03-01
---
Body
`,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await closeAllEditors();
      await deleteWorkspaceFile(path);
    }
  });

  it('exports a calendar that an iCalendar library reads, with stable UIDs', async function () {
    this.timeout(60_000);
    const file = 'exports/devrel.ics';
    const uri = workspaceUri(file);
    try {
      const written = await executeCommand<vscode.Uri>('devrel.exportCalendar', { uri });
      assert.equal(written?.toString(), uri.toString());
      const parse = (text: string): { uid: string; summary: string; start: string; allDay: boolean }[] =>
        new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => {
          const event = new ICAL.Event(v);
          return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), allDay: event.startDate.isDate };
        });
      const events = parse(await readWorkspaceFile(file));
      const kubecon = events.find((e) => e.summary === 'Event: KubeCon EU 2027 (Submissions test talk)');
      assert.ok(kubecon, events.map((e) => e.summary).join('\n'));
      assert.equal(kubecon.start, '2027-03-23');
      assert.ok(events.every((e) => e.allDay));
      assert.ok(!events.some((e) => e.summary.includes('FOSDEM 2027 (Submissions test talk)')), 'the rejected submission is not in the calendar');
      assert.ok(
        events.some((e) => e.summary.startsWith('Publish: ')),
        'publish dates are there too',
      );
      assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'UIDs are unique');

      // A moved date keeps its UID, so a calendar app that re-imports moves the event.
      await executeCommand('devrel.addSubmission', workspaceUri(talkPath), { event: 'Moving Conf', cfpDeadline: addDays(40) });
      await submissionsOf(talkPath, (s) => s.some((x) => x.event === 'Moving Conf'), 'the new submission');
      await executeCommand('devrel.exportCalendar', { uri: uri.toString() });
      const first = parse(await readWorkspaceFile(file)).find((e) => e.summary.startsWith('CFP closes: Moving Conf'));
      const text = await readWorkspaceFile(talkPath);
      await writeWorkspaceFile(talkPath, text.replace(`cfp_deadline: ${addDays(40)}`, `cfp_deadline: ${addDays(41)}`));
      await submissionsOf(talkPath, (s) => s.some((x) => x.event === 'Moving Conf' && x.cfpDeadline === addDays(41)), 'the moved deadline');
      await executeCommand('devrel.exportCalendar', { uri });
      const moved = parse(await readWorkspaceFile(file)).find((e) => e.summary.startsWith('CFP closes: Moving Conf'));
      assert.ok(first && moved);
      assert.equal(moved.uid, first.uid);
      assert.equal(moved.start, addDays(41));
    } finally {
      await deleteWorkspaceFile('exports').catch(() => undefined);
    }
  });

  it('keeps the auto-export calendar up to date after a change', async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration('devrel');
    const file = 'calendar/auto.ics';
    await config.update('calendar.autoExport', file, vscode.ConfigurationTarget.Workspace);
    try {
      await fileBecomes(file, (text) => text.includes('END:VCALENDAR'));
      assert.equal(await executeCommand('devrel.addSubmission', workspaceUri(talkPath), { event: 'Auto Export Days', eventDate: addDays(70) }), true);
      const text = await fileBecomes(file, (t) => t.replace(/\r\n /g, '').includes('SUMMARY:Event: Auto Export Days (Submissions test talk)'));
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    } finally {
      await config.update('calendar.autoExport', undefined, vscode.ConfigurationTarget.Workspace);
      await deleteWorkspaceFile('calendar').catch(() => undefined);
    }
  });

  it("never overwrites a file that isn't its own calendar", async () => {
    const file = 'notes/my-calendar.ics';
    const mine = 'BEGIN:VCALENDAR\r\nPRODID:-//Someone//Their own//EN\r\nEND:VCALENDAR\r\n';
    await writeWorkspaceFile(file, mine);
    try {
      assert.equal(await executeCommand('devrel.exportCalendar', { uri: workspaceUri(file) }), undefined);
      assert.equal(await readWorkspaceFile(file), mine);
    } finally {
      await deleteWorkspaceFile(file);
    }
  });

  describe('CFP radar', () => {
    let server: http.Server;
    let base = '';
    let hits: string[] = [];
    let previousSources: unknown;
    const config = () => vscode.workspace.getConfiguration('devrel');
    const ms = (date: string): number => Date.parse(`${date}T00:00:00Z`);

    before(async () => {
      const developersEvents = [
        {
          link: `https://cfp.example.org/near`,
          untilDate: ms(addDays(5)),
          conf: { name: 'Near Conf', date: [ms(addDays(60)), ms(addDays(61))], hyperlink: 'https://near.example.org', location: 'Ghent (Belgium)' },
        },
        { link: `https://cfp.example.org/online`, untilDate: ms(addDays(20)), conf: { name: 'Online Days', date: [ms(addDays(90))], location: 'Online' } },
        { link: `https://cfp.example.org/past`, untilDate: ms(addDays(-3)), conf: { name: 'Past Conf', date: [ms(addDays(30))], location: 'Paris (France)' } },
        { link: 'javascript:alert(1)', untilDate: ms(addDays(9)), conf: { name: 'Hostile entry' } },
      ];
      const confsTech = [
        {
          name: 'Far Conf',
          url: 'https://far.example.org',
          startDate: addDays(120),
          endDate: addDays(121),
          city: 'Lisbon',
          country: 'Portugal',
          online: false,
          cfpUrl: 'https://cfp.example.org/far',
          cfpEndDate: addDays(45),
        },
        {
          name: 'Near Conference',
          url: 'https://near.example.org',
          startDate: addDays(60),
          endDate: addDays(61),
          city: 'Ghent',
          country: 'Belgium',
          cfpUrl: 'https://CFP.example.org/near/',
          cfpEndDate: addDays(6),
        },
        { name: 'No call', url: 'https://nocall.example.org', startDate: addDays(50) },
      ];
      server = http.createServer((request, response) => {
        hits.push(request.url ?? '');
        if (request.url === '/all-cfps.json') {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify(developersEvents));
        } else if (request.url === '/confs.json') {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify(confsTech));
        } else if (request.url === '/broken.json') {
          response.writeHead(200, { 'Content-Type': 'text/html' });
          response.end('<html>Service unavailable</html>');
        } else {
          response.writeHead(404);
          response.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      hits = [];
      previousSources = config().inspect('cfp.sources')?.workspaceValue;
      await config().update('cfp.sources', [`${base}/all-cfps.json`, `${base}/confs.json`, `${base}/broken.json`], vscode.ConfigurationTarget.Workspace);
    });

    after(async () => {
      await config().update('cfp.sources', previousSources, vscode.ConfigurationTarget.Workspace);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('fetches nothing until asked, then serves both formats merged, sorted and without past calls', async () => {
      assert.deepEqual(hits, [], 'changing the setting fetched nothing');
      const count = await executeCommand<number>('devrel.refreshCfps');
      assert.deepEqual([...hits].sort(), ['/all-cfps.json', '/broken.json', '/confs.json']);
      const calls = await (await api()).openCfps();
      assert.equal(count, calls.length);
      assert.deepEqual(
        calls.map((c) => c.name),
        ['Near Conf', 'Online Days', 'Far Conf'],
        'the same call from two feeds is merged, the past one and the bad entries are left out',
      );
      assert.deepEqual(calls[0], {
        name: 'Near Conf',
        url: 'https://near.example.org/',
        cfpUrl: 'https://cfp.example.org/near',
        cfpDeadline: addDays(5),
        eventStart: addDays(60),
        eventEnd: addDays(61),
        location: 'Ghent (Belgium)',
      });
      assert.equal(calls[1].online, true);
      const warnings = (): string[] =>
        readEditorLogs()
          .filter((e) => e.level.startsWith('warn') && e.text.includes('broken.json is not JSON'))
          .map((e) => e.text);
      assert.equal(warnings().length, 1, 'the bad feed gives one warning');
      // Asked again, the same problem is a line of the log, not another warning on screen.
      assert.equal(await executeCommand<number>('devrel.refreshCfps'), count);
      await waitFor(
        async () => readEditorLogs().some((e) => e.level === 'info' && e.text.includes('broken.json is not JSON') && e.text.endsWith('(reported before)')),
        5_000,
        'the second refresh to log the problem as reported before',
      );
      assert.deepEqual(warnings().length, 1, warnings().join('\n'));
    });

    it('filters the view', async () => {
      const filter = await executeCommand<{ text?: string; withinDays?: number }>('devrel.filterCfps', { text: 'conf', withinDays: 30 });
      assert.deepEqual(filter, { text: 'conf', withinDays: 30 });
      assert.equal(await executeCommand('devrel.filterCfps', { attendance: 'by carrier pigeon' }), undefined, 'a bad filter is refused');
      await executeCommand('devrel.clearCfpFilter');
      assert.equal((await (await api()).openCfps()).length, 3, 'the API list is never filtered');
    });

    it('tracks a call as a submission on a talk, and as a new talk', async () => {
      const calls = await (await api()).openCfps();
      const far = calls.find((c) => c.name === 'Far Conf');
      assert.ok(far);
      const tracked = await executeCommand<vscode.Uri>('devrel.trackCfp', { type: 'cfp', cfp: far }, workspaceUri(talkPath));
      assert.equal(tracked?.toString(), workspaceUri(talkPath).toString());
      const submissions = await submissionsOf(talkPath, (s) => s.some((x) => x.event === 'Far Conf'), 'the tracked call');
      assert.deepEqual(
        submissions.find((s) => s.event === 'Far Conf'),
        { event: 'Far Conf', status: 'draft', cfpDeadline: addDays(45), eventDate: addDays(120), cfpUrl: 'https://cfp.example.org/far' },
      );
      assert.equal(await executeCommand('devrel.trackCfp', far, workspaceUri(talkPath)), undefined, 'tracking it twice is refused');

      const created = await executeCommand<vscode.Uri>('devrel.trackCfp', far.cfpUrl, { title: 'A talk for Far Conf' });
      assert.ok(created instanceof vscode.Uri);
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
        assert.match(text, /^event: '?Far Conf'?$/m);
        assert.match(text, new RegExp(`^cfp_deadline: '?${addDays(45)}'?$`, 'm'));
        assert.match(text, /^submissions:\n {2}- event: Far Conf\n {4}cfp_url: https:\/\/cfp\.example\.org\/far\n/m);
      } finally {
        await deleteUri(created);
      }
      const opened = await executeCommand('devrel.openCfp', { type: 'cfp', cfp: { ...far, cfpUrl: `${base}/far-cfp`, name: 'Local', cfpDeadline: addDays(3) } });
      assert.equal(typeof opened, 'boolean', 'a call not in the feeds still opens when the row carries it');
      assert.equal(await executeCommand('devrel.openCfp', 'https://unknown.example.org/cfp'), undefined, 'an unknown call is refused');
    });

    it('keeps the feeds in global storage and shows that copy, with its age, when the server is gone', async function () {
      this.timeout(60_000);
      const userData = process.env.DEVREL_TEST_USER_DATA_DIR;
      assert.ok(userData, 'the runner says where the user data is');
      const localFeed = 'cfp-feeds/local.json';
      await writeWorkspaceFile(localFeed, JSON.stringify([{ name: 'Local File Conf', url: 'https://local.example.org', cfpEndDate: addDays(30), startDate: addDays(80) }]));
      const sources = [`${base}/all-cfps.json`, `${base}/confs.json`, `${base}/broken.json`, localFeed];
      await config().update('cfp.sources', sources, vscode.ConfigurationTarget.Workspace);
      try {
        assert.equal(await executeCommand<number>('devrel.refreshCfps'), 4);
        const cacheFile = findFile(userData, (file) => path.basename(file) === 'cfp-cache.json' && file.toLowerCase().includes('devrel-desk'));
        assert.ok(cacheFile, 'the cache is in global storage');
        const written = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { version: number; feeds: Record<string, { fetchedAt: number; calls: { name: string }[] }> };
        const keys = Object.keys(written.feeds);
        assert.ok(keys.includes(workspaceUri(localFeed).toString()), `a workspace file is keyed by its full URI: ${keys.join(', ')}`);
        assert.ok(!keys.includes(localFeed), 'not by its relative path');
        const fresh = written.feeds[`${base}/all-cfps.json`];
        assert.ok(fresh && Date.now() - fresh.fetchedAt < 120_000, 'the fetch time is stored');
        assert.deepEqual(
          fresh.calls.map((c) => c.name),
          ['Near Conf', 'Online Days', 'Past Conf'],
        );

        // As if another window had fetched the feeds three days ago: the copy on disk is what shows, not this window's.
        const threeDaysAgo = Date.now() - 3 * 86_400_000 - 60_000;
        for (const feed of Object.values(written.feeds)) feed.fetchedAt = threeDaysAgo;
        fs.writeFileSync(cacheFile, JSON.stringify(written));
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));

        assert.equal(await executeCommand<number>('devrel.refreshCfps'), 4);
        assert.deepEqual(
          (await (await api()).openCfps()).map((c) => c.name),
          ['Near Conf', 'Online Days', 'Local File Conf', 'Far Conf'],
        );
        const status = await (await api()).cfpFeedStatus();
        assert.equal(status.summary, 'offline · cached 3 days ago', 'the age comes from the file in global storage');
        assert.equal(status.fetchedAt, new Date(threeDaysAgo).toISOString());
        assert.deepEqual([...status.unreachable].sort(), sources.slice(0, 3).sort());
        assert.ok(
          readEditorLogs().some((e) => e.text.includes('all-cfps.json could not be read') && e.text.includes(`Showing the copy from ${new Date(threeDaysAgo).toISOString()}`)),
          'the log says which copy is shown',
        );

        // A damaged cache file is set aside: no crash, and the calls still show.
        fs.writeFileSync(cacheFile, '{"version": 2, "feeds": {');
        assert.equal(await executeCommand<number>('devrel.refreshCfps'), 4);
        assert.ok(
          readEditorLogs().some((e) => e.text.includes('The CFP cache is not JSON; it was ignored.')),
          'the log says the cache was set aside',
        );
      } finally {
        await deleteWorkspaceFile('cfp-feeds').catch(() => undefined);
        // So that after() can close it again.
        if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      }
    });
  });
});
