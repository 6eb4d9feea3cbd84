import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, deleteWorkspaceFile, executeCommand, getApi, getDiagnostics, readWorkspaceFile, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

/** The shapes the commands return; tests never import them from src/. */
interface Snapshot {
  phase: 'ready' | 'running' | 'paused' | 'stopped';
  index: number;
  count: number;
  section: { title: string; minutes?: number; notes: string[] };
  sectionMs: number;
  totalMs: number;
}

interface StopResult {
  recorded: boolean;
  run?: { date: string; minutes: number; sections?: { title: string; planned?: number; actual: number }[] };
  message?: string;
}

const TALK_PATH = 'talks/stage-flags-without-a-vendor.md';
const DECK_PATH = 'talks/stage-flags-without-a-vendor.slides.md';
const NOTES_PATH = 'talks/stage-flags-without-a-vendor.notes.md';

const TALK = `---
kind: talk
title: "Feature flags without a vendor"
status: rehearsing
event: "DevOpsDays Berlin 2027"
duration: 20
call_to_action: "Move one flag out of your vendor this week"
---

## Why flags (3 min)

- Ship dark, release on purpose
- Who ships behind flags today?

<!-- Speaker note: ask for a show of hands -->

## A file provider (7 min)

- One JSON file per environment
- Reload without a restart

Notes: show the file first
then the code that reads it.

## Demo: a kill switch (8 min)

\`\`\`sh
flagd start --uri file:flags.json
\`\`\`

<!-- Speaker note: the recording is in ~/demo/flags.mp4 -->

## Questions (2 min)

- [Slides and code](https://example.com/flags)
`;

const MINUTE = 60_000;

function bodyOf(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  assert.ok(match, 'expected YAML front matter');
  return text.slice(match[0].length);
}

function frontMatterOf(text: string): string {
  return text.slice(0, text.length - bodyOf(text).length);
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Deck slides split at the `---` lines between them, after the front matter. */
function slidesOf(deck: string): string[] {
  return bodyOf(deck)
    .split(/\n---\n/)
    .map((slide) => slide.trim());
}

async function writeTalk(path: string, text: string, title: string): Promise<vscode.Uri> {
  const uri = await writeWorkspaceFile(path, text);
  await waitFor(async () => (await (await getApi()).listDrafts()).some((d) => d.title === title), 10_000, `the talk "${title}" in the index`);
  return uri;
}

/** Writes a file and waits until the editor's copy of it has caught up, so commands read the new text. */
async function rewrite(path: string, text: string): Promise<void> {
  await writeWorkspaceFile(path, text);
  await waitFor(async () => (await vscode.workspace.openTextDocument(workspaceUri(path))).getText() === text, 10_000, `the new text of ${path}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(workspaceUri(path));
    return true;
  } catch {
    return false;
  }
}

async function removeIfThere(...paths: string[]): Promise<void> {
  for (const path of paths) if (await exists(path)) await deleteWorkspaceFile(path);
}

class SteppedClock {
  time = 5_000_000;
  readonly now = (): number => this.time;
  advance(minutes: number): void {
    this.time += Math.round(minutes * MINUTE);
  }
}

describe('Talks: slides, speaker notes and rehearsal', () => {
  before(async () => {
    await writeTalk(TALK_PATH, TALK, 'Feature flags without a vendor');
  });

  after(async () => {
    // A failed test must not leave a rehearsal running for the suites after it.
    await executeCommand('devrel.stopRehearsal');
    await closeAllEditors();
    await removeIfThere(TALK_PATH, DECK_PATH, NOTES_PATH, 'talks/stage-flags-without-a-vendor.slides-2.md');
  });

  it('exports the talk to a Marp deck with a slide per section, notes and budgets', async () => {
    const uri = await executeCommand<vscode.Uri>('devrel.exportSlides', workspaceUri(TALK_PATH), { format: 'marp' });
    assert.ok(uri instanceof vscode.Uri, "the command returns the deck's Uri");
    assert.equal(uri.toString(), workspaceUri(DECK_PATH).toString());
    const deck = await readWorkspaceFile(DECK_PATH);
    assert.match(deck, /^---\nmarp: true\n/);
    const slides = slidesOf(deck);
    assert.equal(slides.length, 6, 'title, four sections, closing');
    assert.match(slides[0], /^# Feature flags without a vendor$/m);
    assert.match(slides[0], /^DevOpsDays Berlin 2027$/m);
    assert.deepEqual(
      slides.slice(1, 5).map((s) => /^## (.*)$/m.exec(s)?.[1]),
      ['Why flags', 'A file provider', 'Demo: a kill switch', 'Questions'],
    );
    assert.match(slides[1], /- Ship dark, release on purpose/);
    assert.match(slides[1], /<!--\nBudget: 3 min\.\nask for a show of hands\n-->/);
    assert.match(slides[2], /Budget: 7 min\.\nshow the file first\nthen the code that reads it\./);
    assert.match(slides[3], /```sh\nflagd start --uri file:flags\.json\n```/);
    assert.match(slides[3], /Budget: 8 min\.\nthe recording is in ~\/demo\/flags\.mp4/);
    assert.match(slides[4], /Budget: 2 min\./);
    assert.match(slides[5], /^# Thank you$/m);
    assert.match(slides[5], /Move one flag out of your vendor this week/);
    assert.match(slides[5], /\[Slides and code\]\(https:\/\/example\.com\/flags\)/);
    for (const slide of slides) assert.match(slide, /^\[\/\/\]: # "devrel-desk slide=\S+ hash=[0-9a-f]{8}"$/m, 'every slide carries its marker');
  });

  it('re-exports after the deck and the outline changed: hand-made slides survive, changed sections are updated', async () => {
    const deck = await readWorkspaceFile(DECK_PATH);
    const edited = deck
      .replace('- One JSON file per environment', '- One JSON file per environment, checked in')
      .replace(
        '\n---\n\n[//]: # "devrel-desk slide=section:demo-a-kill-switch',
        '\n---\n\n## Architecture\n\n![How flags reach the service](arch.png)\n\n---\n\n[//]: # "devrel-desk slide=section:demo-a-kill-switch',
      );
    assert.notEqual(edited, deck);
    await rewrite(DECK_PATH, edited);
    const talk = await readWorkspaceFile(TALK_PATH);
    await rewrite(
      TALK_PATH,
      talk
        .replace('## Why flags (3 min)', '## Why flags (4 min)')
        .replace('- One JSON file per environment', '- One YAML file per environment')
        .replace('## Questions (2 min)', '## Questions (1 min)'),
    );

    const uri = await executeCommand<vscode.Uri>('devrel.exportSlides', workspaceUri(TALK_PATH));
    assert.equal(uri?.toString(), workspaceUri(DECK_PATH).toString());
    const slides = slidesOf(await readWorkspaceFile(DECK_PATH));
    assert.equal(slides.length, 7);
    assert.match(slides[1], /Budget: 4 min\./, 'an untouched slide follows the outline');
    assert.match(slides[2], /One JSON file per environment, checked in/, 'the hand-edited slide is kept as it is');
    assert.ok(!slides.some((s) => s.includes('One YAML file')), "the outline's change does not overwrite the hand edit");
    assert.match(slides[3], /^## Architecture$/m, 'the added slide stays where it was put');
    assert.match(slides[5], /Budget: 1 min\./);
    await rewrite(TALK_PATH, TALK);
  });

  it('never overwrites a deck it did not make: it writes beside it', async () => {
    const foreign = '---\nmarp: true\n---\n\n# My own deck\n';
    await rewrite(DECK_PATH, foreign);
    const uri = await executeCommand<vscode.Uri>('devrel.exportSlides', workspaceUri(TALK_PATH), { format: 'marp' });
    assert.equal(uri?.toString(), workspaceUri('talks/stage-flags-without-a-vendor.slides-2.md').toString());
    assert.equal(await readWorkspaceFile(DECK_PATH), foreign, "the person's deck is untouched");
    assert.match(await readWorkspaceFile('talks/stage-flags-without-a-vendor.slides-2.md'), /^---\nmarp: true\n/);
  });

  it('writes slides to a file it is given, and refuses an unknown format or a talk without sections', async () => {
    const target = workspaceUri('talks/stage-custom.slides.md');
    try {
      const uri = await executeCommand<vscode.Uri>('devrel.exportSlides', workspaceUri(TALK_PATH), { format: 'marp', uri: target });
      assert.equal(uri?.toString(), target.toString());
      assert.match(await readWorkspaceFile('talks/stage-custom.slides.md'), /## A file provider/);
    } finally {
      await removeIfThere('talks/stage-custom.slides.md');
    }
    assert.equal(await executeCommand('devrel.exportSlides', workspaceUri(TALK_PATH), { format: 'keynote' }), undefined);

    const empty = 'talks/stage-empty-idea.md';
    try {
      await writeTalk(empty, '---\nkind: talk\ntitle: Stage empty idea\n---\n\nJust an idea so far.\n', 'Stage empty idea');
      assert.equal(await executeCommand('devrel.exportSlides', workspaceUri(empty)), undefined);
      assert.equal(await exists('talks/stage-empty-idea.slides.md'), false, 'nothing is written');
    } finally {
      await removeIfThere(empty);
    }
  });

  it('exports a speaker-notes handout with running start times', async () => {
    const uri = await executeCommand<vscode.Uri>('devrel.exportSpeakerNotes', workspaceUri(TALK_PATH));
    assert.equal(uri?.toString(), workspaceUri(NOTES_PATH).toString());
    const handout = await readWorkspaceFile(NOTES_PATH);
    assert.match(handout, /^## 00:00 Why flags \(3 min\)\n\n- ask for a show of hands$/m);
    assert.match(handout, /^## 03:00 A file provider \(7 min\)\n\n- show the file first\n- then the code that reads it\.$/m);
    assert.match(handout, /^## 10:00 Demo: a kill switch \(8 min\)$/m);
    assert.match(handout, /^## 18:00 Questions \(2 min\)$/m);
    assert.match(handout, /^Ends at 20:00\.$/m);

    await rewrite(NOTES_PATH, `${handout}\nMy own closing line.\n`);
    const beside = await executeCommand<vscode.Uri>('devrel.exportSpeakerNotes', workspaceUri(TALK_PATH));
    assert.equal(beside?.toString(), workspaceUri('talks/stage-flags-without-a-vendor.notes-2.md').toString(), "an edited handout is the person's now");
    assert.match(await readWorkspaceFile(NOTES_PATH), /My own closing line\./);
    await removeIfThere('talks/stage-flags-without-a-vendor.notes-2.md');
  });

  it('rehearses through the commands with a stepped clock and records the run in the front matter, body unchanged', async () => {
    const before = await readWorkspaceFile(TALK_PATH);
    const clock = new SteppedClock();
    const started = await executeCommand<Snapshot>('devrel.startRehearsal', workspaceUri(TALK_PATH), { clock: clock.now });
    assert.ok(started);
    assert.equal(started.section.title, 'Why flags');
    assert.deepEqual(started.section.notes, ['ask for a show of hands']);

    clock.advance(3.6);
    let step = await executeCommand<Snapshot>('devrel.nextSection');
    assert.equal(step?.section.title, 'A file provider');
    clock.advance(4);
    const paused = await executeCommand<Snapshot>('devrel.pauseRehearsal');
    assert.equal(paused?.phase, 'paused');
    clock.advance(30);
    const resumed = await executeCommand<Snapshot>('devrel.resumeRehearsal');
    assert.equal(resumed?.phase, 'running');
    assert.equal(resumed?.sectionMs, 4 * MINUTE, 'the pause does not count');
    clock.advance(4.2);
    step = await executeCommand<Snapshot>('devrel.nextSection');
    assert.equal(step?.section.title, 'Demo: a kill switch');
    clock.advance(10.1);
    await executeCommand('devrel.nextSection');
    clock.advance(1.5);
    const result = await executeCommand<StopResult>('devrel.stopRehearsal');
    assert.ok(result?.recorded, result?.message);

    const after = await waitFor(
      async () => {
        const text = await readWorkspaceFile(TALK_PATH);
        return text.includes('rehearsals:') ? text : undefined;
      },
      10_000,
      'the run in the front matter',
    );
    assert.equal(bodyOf(after), bodyOf(before), 'the body is byte for byte the same');
    const frontMatter = frontMatterOf(after);
    assert.ok(frontMatter.startsWith(frontMatterOf(before).replace(/---\n$/, '')), 'the fields before stay as they were');
    assert.match(
      frontMatter,
      new RegExp(
        [
          'rehearsals:',
          `  - date: ${localToday()}`,
          '    minutes: 23.4',
          '    sections:',
          '      - title: Why flags',
          '        planned: 3',
          '        actual: 3.6',
          '      - title: A file provider',
          '        planned: 7',
          '        actual: 8.2',
          '      - title: "Demo: a kill switch"',
          '        planned: 8',
          '        actual: 10.1',
          '      - title: Questions',
          '        planned: 2',
          '        actual: 1.5',
          '---',
        ].join('\n'),
      ),
    );

    // An empty list is truthy: wait for the warning itself, not for any list.
    const diagnostics = await waitFor(
      () => {
        const found = getDiagnostics(TALK_PATH).filter((d) => d.code === 'rehearsal-over-slot');
        return found.length > 0 ? found : undefined;
      },
      10_000,
      'the over-the-slot warning',
    );
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostics[0].message, /took 23\.4 min, 3\.4 min over the 20 min slot\. Demo: a kill switch ran 2\.1 min over its budget\./);
    const { start, end } = diagnostics[0].range;
    const underlined = (await readWorkspaceFile(TALK_PATH)).split('\n')[start.line].slice(start.character, end.character);
    assert.equal(underlined, 'minutes: 23.4', 'the warning underlines the run that went over, not the rehearsals key');
  });

  it('records nothing when stopped during the first section, and refuses a second rehearsal while one runs', async () => {
    const before = await readWorkspaceFile(TALK_PATH);
    const clock = new SteppedClock();
    await executeCommand('devrel.startRehearsal', workspaceUri(TALK_PATH), { clock: clock.now });
    assert.equal(await executeCommand('devrel.startRehearsal', workspaceUri(TALK_PATH), { clock: clock.now }), undefined, 'one rehearsal at a time');
    clock.advance(2);
    const result = await executeCommand<StopResult>('devrel.stopRehearsal');
    assert.equal(result?.recorded, false);
    assert.match(result?.message ?? '', /stopped during the first section/);
    assert.equal(await readWorkspaceFile(TALK_PATH), before, 'the talk is unchanged');
    assert.equal(await executeCommand('devrel.nextSection'), undefined, 'nothing to step once stopped');
  });

  it('times the whole talk when no section has a budget, and appends to a TOML talk', async () => {
    const path = 'talks/stage-lightning.md';
    const text = '+++\nkind = "talk"\ntitle = "Stage lightning talk"\nduration = 5\n+++\n\n## Opening\n\n<!-- Speaker note: one idea only -->\n\n## Closing\n';
    try {
      await writeTalk(path, text, 'Stage lightning talk');
      const clock = new SteppedClock();
      const started = await executeCommand<Snapshot>('devrel.startRehearsal', workspaceUri(path), { clock: clock.now });
      assert.equal(started?.count, 1);
      assert.equal(started?.section.title, 'Whole talk');
      assert.deepEqual(started?.section.notes, ['one idea only']);
      clock.advance(4.75);
      const result = await executeCommand<StopResult>('devrel.stopRehearsal');
      assert.deepEqual(result?.run, { date: localToday(), minutes: 4.8 });
      const after = await waitFor(
        async () => {
          const now = await readWorkspaceFile(path);
          return now.includes('[[rehearsals]]') ? now : undefined;
        },
        10_000,
        'the run in the TOML front matter',
      );
      assert.equal(after, text.replace('duration = 5\n', `duration = 5\n\n[[rehearsals]]\ndate = ${localToday()}\nminutes = 4.8\n`));
    } finally {
      await removeIfThere(path);
    }
  });

  it('hands the run over in a new editor when the talk is deleted mid-rehearsal', async () => {
    const path = 'talks/stage-doomed.md';
    try {
      await writeTalk(path, '---\nkind: talk\ntitle: Stage doomed talk\nduration: 10\n---\n\n## One (5 min)\n\n## Two (5 min)\n', 'Stage doomed talk');
      const clock = new SteppedClock();
      await executeCommand('devrel.startRehearsal', workspaceUri(path), { clock: clock.now });
      clock.advance(5);
      await executeCommand('devrel.nextSection');
      clock.advance(1);
      await deleteWorkspaceFile(path);
      const result = await executeCommand<StopResult>('devrel.stopRehearsal');
      assert.equal(result?.recorded, false);
      assert.match(result?.message ?? '', /was deleted or moved during the rehearsal/);
      assert.deepEqual(
        result?.run?.sections?.map((s) => s.actual),
        [5, 1],
      );
      const handedOver = vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().includes('rehearsals:'));
      assert.ok(handedOver, 'the run is in a new editor');
      assert.match(handedOver.getText(), /- date: \d{4}-\d\d-\d\d\n {4}minutes: 6\n/);
      // An untitled editor would ask to be saved on close.
      await vscode.window.showTextDocument(handedOver);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await removeIfThere(path);
    }
  });
});
