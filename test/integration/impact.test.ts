import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  deleteUri,
  deleteWorkspaceFile,
  executeCommand,
  getApi,
  readEditorLogs,
  readWorkspaceFile,
  waitFor,
  workspaceUri,
  writeWorkspaceFile,
  type ImpactSummaryInfo,
} from './helpers';

async function summary(): Promise<ImpactSummaryInfo> {
  return (await getApi()).impactSummary();
}

function bodyOf(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  assert.ok(match, 'expected YAML front matter');
  return text.slice(match[0].length);
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The statuses each built-in kind names as work in hand, as the README documents them. */
const IN_HAND: Record<string, string[]> = {
  blog: ['drafting', 'review'],
  talk: ['drafting', 'rehearsing'],
  oss: ['in-progress'],
  workshop: ['drafting'],
  'trip-report': ['drafting'],
};

/** Drafts in hand now, worked out from the listing: suites share the workspace, so the demo's count can move. */
async function inHandCount(): Promise<number> {
  return (await (await getApi()).listDrafts()).filter((d) => IN_HAND[d.kind]?.includes(d.status) && !d.parked).length;
}

/** `parked` as the API lists it for the draft with this title. */
async function listedParked(title: string): Promise<boolean | undefined> {
  return (await (await getApi()).listDrafts()).find((d) => d.title === title)?.parked;
}

describe('Impact and focus', () => {
  it('logs impact with arguments, leaving the body byte for byte, and the Impact totals follow', async () => {
    const path = 'talks/berlin-go-meetup-grpc-deadlines.md';
    const before = await readWorkspaceFile(path);
    const totalsBefore = await summary();
    const logged = await executeCommand('devrel.logImpact', workspaceUri(path), { metric: 'attendees', value: 64, note: 'Full room, two extra chairs' });
    assert.equal(logged, true);
    const after = await waitFor(
      async () => {
        const text = await readWorkspaceFile(path);
        return text.includes('metric: attendees') ? text : undefined;
      },
      10_000,
      'the impact entry to be written',
    );
    assert.equal(bodyOf(after), bodyOf(before), 'the body is untouched');
    assert.match(after, new RegExp(`date: ${localToday()}`));
    assert.match(after, /value: 64/);

    await executeCommand('devrel.logImpact', workspaceUri(path).toString(), { metric: 'questions', value: '7' });
    const totals = await waitFor(
      async () => {
        const s = await summary();
        return (s.allTime.questions ?? 0) - (totalsBefore.allTime.questions ?? 0) === 7 ? s : undefined;
      },
      10_000,
      'the totals to include both entries',
    );
    assert.equal((totals.allTime.attendees ?? 0) - (totalsBefore.allTime.attendees ?? 0), 64);
    assert.equal((totals.thisQuarter.attendees ?? 0) - (totalsBefore.thisQuarter.attendees ?? 0), 64, 'logged today, so it counts this quarter');
    const talks = totals.byKind.find((k) => k.kind === 'talk');
    assert.ok(talks && (talks.allTime.attendees ?? 0) >= 64);
  });

  it('refuses a value that is not a number and leaves the file alone', async () => {
    const path = 'oss/flagd-file-provider-docs.md';
    const before = await readWorkspaceFile(path);
    const result = await executeCommand('devrel.logImpact', workspaceUri(path), { metric: 'stars', value: 'lots' });
    assert.equal(result, undefined);
    assert.equal(await readWorkspaceFile(path), before);
  });

  it('chooses the metric for the top-work list', async () => {
    await executeCommand('devrel.impactMetric', 'attendees');
    const result = await executeCommand('devrel.impactMetric', 'not-a-metric');
    assert.equal(result, undefined);
  });

  it('lists parked drafts with parked: true in listDrafts(), and the rest with false', async () => {
    const drafts = await (await getApi()).listDrafts();
    const parked = drafts.filter((d) => d.parked).map((d) => d.uri.slice(d.uri.lastIndexOf('/') + 1));
    assert.ok(parked.includes('vite-plugin-otel-source-maps.md'), `parked: ${parked.join(', ')}`);
    assert.ok(!parked.includes('berlin-go-meetup-grpc-deadlines.md'));
    assert.ok(
      drafts.every((d) => typeof d.parked === 'boolean'),
      'every draft says whether it is parked',
    );
  });

  it('warns once when creating or starting a draft crosses the focus limit, parks keeping the status, and resumes', async () => {
    const config = vscode.workspace.getConfiguration('devrel');
    // The demo opens with three drafts in hand (drafting, review, rehearsing); the others wait on someone or are parked.
    // The limit is set to what is in hand now, so the next start crosses it.
    const limit = await inHandCount();
    assert.ok(limit >= 1, `drafts in hand: ${limit}`);
    await config.update('focus.maxDraftsInHand', limit, vscode.ConfigurationTarget.Workspace);
    const path = 'talks/focus-check.md';
    const second = 'talks/focus-check-second.md';
    try {
      const created = await executeCommand<vscode.Uri>('devrel.newDraft', { kind: 'workshop', title: 'Focus check workshop', fields: { status: 'drafting' }, open: false });
      assert.ok(created, 'a draft created with every argument given is created');
      await waitFor(
        () => readEditorLogs().some((e) => e.text.includes(`Focus: Creating “Focus check workshop” makes ${limit + 1} drafts in hand; your focus limit is ${limit}.`)),
        10_000,
        'the focus warning for creating a draft in hand',
      );
      await deleteUri(created);
      await waitFor(async () => !(await (await getApi()).listDrafts()).some((d) => d.title === 'Focus check workshop'), 10_000, 'the workshop gone');

      await writeWorkspaceFile(path, '---\nkind: talk\ntitle: Focus check talk\nstatus: idea\n---\n\n## Intro (5 min)\n');
      await writeWorkspaceFile(second, '---\nkind: talk\ntitle: Focus second talk\nstatus: idea\n---\n\n## Intro (5 min)\n');
      await waitFor(async () => (await (await getApi()).listDrafts()).filter((d) => d.title.startsWith('Focus ')).length === 2, 10_000, 'the new talks');
      const submitted = await executeCommand('devrel.setStatus', workspaceUri(second), 'submitted');
      assert.equal(submitted, true);
      const changed = await executeCommand('devrel.setStatus', workspaceUri(path), 'drafting');
      assert.equal(changed, true, 'a change with every argument given goes ahead');
      await waitFor(
        () => readEditorLogs().some((e) => e.text.includes(`Focus: Starting “Focus check talk” makes ${limit + 1} drafts in hand; your focus limit is ${limit}.`)),
        10_000,
        'the focus warning in the log',
      );
      assert.ok(!readEditorLogs().some((e) => e.text.includes('Focus: Starting “Focus second talk”')), 'a submitted talk waits on the CFP: no load, no warning');
      assert.match(await readWorkspaceFile(path), /^status: drafting$/m);

      // Already over the limit: the next start is not warned about again.
      await executeCommand('devrel.setStatus', workspaceUri(second), 'rehearsing');
      await waitFor(() => readEditorLogs().some((e) => e.text.includes('focus-check-second.md: status submitted → rehearsing')), 10_000, 'the second change logged');
      assert.ok(!readEditorLogs().some((e) => e.text.includes('Focus: Starting “Focus second talk”')), 'one warning per crossing');

      const before = await readWorkspaceFile(path);
      assert.equal(await executeCommand('devrel.parkDraft', workspaceUri(path)), true);
      const parked = await waitFor(
        async () => {
          const text = await readWorkspaceFile(path);
          return /^parked: true$/m.test(text) ? text : undefined;
        },
        10_000,
        'the talk parked',
      );
      assert.match(parked, /^status: drafting$/m, 'parking keeps the status');
      assert.equal(bodyOf(parked), bodyOf(before), 'the body is untouched');
      await waitFor(async () => (await listedParked('Focus check talk')) === true, 10_000, 'listDrafts() shows the talk parked');

      const focusPick = executeCommand('devrel.showFocus');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await focusPick, undefined, 'the Focus pick returns quietly when dismissed');

      assert.equal(await executeCommand('devrel.resumeDraft', workspaceUri(path)), true);
      const resumed = await waitFor(
        async () => {
          const text = await readWorkspaceFile(path);
          return /^parked:/m.test(text) ? undefined : text;
        },
        10_000,
        'the talk resumed',
      );
      assert.equal(resumed, before, 'resuming takes the flag out again, byte for byte');
      await waitFor(async () => (await listedParked('Focus check talk')) === false, 10_000, 'listDrafts() shows the talk resumed');
    } finally {
      await config.update('focus.maxDraftsInHand', undefined, vscode.ConfigurationTarget.Workspace);
      // Only what this test wrote; a failure before writing must show its own error, not a missing file.
      for (const file of [path, second]) await deleteWorkspaceFile(file).catch(() => undefined);
    }
  });
});
