import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator } from 'playwright-core';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

const TALK_PATH = 'talks/ui-rehearsal-feature-flags.md';
const TALK_TITLE = 'Feature flags without a vendor (rehearsal check)';

// Three earlier runs, so the dashboard has a history to draw; the rehearsal in this test adds a fourth.
const TALK = `---
kind: talk
title: "${TALK_TITLE}"
status: rehearsing
event: "DevOpsDays Berlin 2027"
duration: 20
rehearsals:
  - date: 2026-11-24
    minutes: 24.5
    sections:
      - { title: Why flags, planned: 3, actual: 4.5 }
      - { title: A file provider, planned: 7, actual: 8 }
      - { title: "Demo: a kill switch", planned: 8, actual: 10 }
      - { title: Questions, planned: 2, actual: 2 }
  - date: 2026-11-28
    minutes: 21.8
    sections:
      - { title: Why flags, planned: 3, actual: 3.4 }
      - { title: A file provider, planned: 7, actual: 7.1 }
      - { title: "Demo: a kill switch", planned: 8, actual: 9.3 }
      - { title: Questions, planned: 2, actual: 2 }
  - date: 2026-12-01
    minutes: 20.6
    sections:
      - { title: Why flags, planned: 3, actual: 3.1 }
      - { title: A file provider, planned: 7, actual: 6.4 }
      - { title: "Demo: a kill switch", planned: 8, actual: 9.1 }
      - { title: Questions, planned: 2, actual: 2 }
---

## Why flags (3 min)

- Ship dark, release on purpose

<!-- Speaker note: ask who ships behind flags today, by a show of hands -->

## A file provider (7 min)

- One JSON file per environment
- Reload without a restart

Notes:
- Show the file first, then the code that reads it
- Mention the DNS-free setup: nothing to run besides the service
- If short on time, skip the reload demo

## Demo: a kill switch (8 min)

<!-- Speaker note: the recording is in ~/demo/flags.mp4 if the terminal misbehaves -->

## Questions (2 min)
`;

/** The rehearsal timer in the status bar, found by the accessible name it gives itself. */
function timer(workbench: Workbench): Locator {
  return workbench.page.locator('.part.statusbar [aria-label^="Rehears"]').first();
}

/** Starts a rehearsal from the palette, picking the talk; the index may take a moment to list a new file. */
async function startRehearsal(workbench: Workbench): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await workbench.runCommand('DevRel: Start Rehearsal');
    const row = workbench.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: workbench.page.locator('.label-name', { hasText: TALK_TITLE }) })
      .first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click();
      return;
    } catch (error) {
      await workbench.closeQuickInput();
      if (attempt === 3) throw error;
    }
  }
}

describe('Rehearsal in the workbench', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
    fs.writeFileSync(path.join(workbench.workspace, TALK_PATH), TALK);
  });

  after(async () => {
    if (!workbench) return;
    try {
      if (
        await timer(workbench)
          .isVisible()
          .catch(() => false)
      )
        await workbench.runCommand('DevRel: Stop Rehearsal');
      await workbench.runCommand('View: Close All Editors');
    } finally {
      // Other suites share the workspace copy and count its talks.
      fs.rmSync(path.join(workbench.workspace, TALK_PATH), { force: true });
      await workbench.close();
    }
  });

  it("shows the timer in the status bar mid-rehearsal, and the section's notes in the Speaker Notes view", async function () {
    // Many palette round trips and real seconds on the timer: more than the default minute on a busy machine.
    this.timeout(180_000);
    await workbench.runCommand('View: Close All Editors');
    await startRehearsal(workbench);
    const item = timer(workbench);
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil(async () => /1\/4 Why flags 00:0[1-9]\/03:00 · Total 00:0[1-9]\/20:00/.test((await item.textContent()) ?? ''), 30_000, 'the timer to count');

    await workbench.runCommand('DevRel: Next Section');
    await waitUntil(
      async () => /2\/4 A file provider 00:0[2-9]\/07:00 · Total 00:\d\d\/20:00/.test((await item.textContent()) ?? ''),
      30_000,
      'the second section to run for two seconds',
    );
    const text = ((await item.textContent()) ?? '').trim();
    note(`status bar: ${text}`);
    assert.match((await item.getAttribute('aria-label')) ?? '', /^Rehearsing\. Section 2 of 4, A file provider: 0 min \d+ s of 7 min\. Total 0 min \d+ s of 20 min\.$/);

    // The view redraws its page when the section or the pause state changes, so its frame is looked up each time.
    const notes = (): Promise<Frame> => workbench.frameWith('ul.notes', 'the Speaker Notes view');
    await waitUntil(async () => ((await (await notes()).locator('h2').textContent()) ?? '').startsWith('A file provider'), 30_000, "the second section's notes");
    const items = await (await notes()).locator('ul.notes li').allTextContents();
    assert.deepEqual(items, [
      'Show the file first, then the code that reads it',
      'Mention the DNS-free setup: nothing to run besides the service',
      'If short on time, skip the reload demo',
    ]);
    assert.match((await (await notes()).locator('.next').textContent()) ?? '', /Next: Demo: a kill switch \(8 min\)/);
    await workbench.runCommand('Notifications: Clear All Notifications');
    const shot = await workbench.screenshot('rehearsal-status-bar-and-notes');
    await workbench.page.locator('.part.statusbar').screenshot({ path: path.join(path.dirname(shot), 'rehearsal-status-bar.png') });

    await item.hover();
    await workbench.page.locator('.monaco-hover').filter({ hasText: 'Next: Demo: a kill switch' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.screenshot('rehearsal-status-bar-tooltip');
    await workbench.page.mouse.move(640, 300);

    await workbench.runCommand('DevRel: Pause Rehearsal');
    await waitUntil(async () => /Paused · 2\/4/.test((await item.textContent()) ?? ''), 15_000, 'the paused timer');
    await waitUntil(async () => (await (await notes()).getByText('Paused. Resume to keep timing.').count()) > 0, 15_000, 'the paused notes view');
    await workbench.screenshot('rehearsal-paused');
    await workbench.runCommand('DevRel: Resume Rehearsal');
    await waitUntil(async () => !/Paused/.test((await item.textContent()) ?? ''), 15_000, 'the timer to run again');
  });

  it("draws the talk's rehearsal history and the latest run against the plan on the dashboard", async function () {
    this.timeout(120_000);
    await workbench.runCommand('DevRel: Open Dashboard');
    const frame = await workbench.frameWith('#dashboard-root', 'the dashboard webview');
    const block = frame.locator('.rehearsal-talk').filter({ hasText: TALK_TITLE }).first();
    await block.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(
      (await block.locator('.rehearsal-latest').textContent()) ?? '',
      /Latest run, 2026-12-01: 20\.6 min, 0\.6 over the 20 min slot; ran long: Demo: a kill switch \+1\.1, Why flags \+0\.1\./,
    );
    assert.equal(await block.locator('svg .bar').count(), 3);
    assert.equal(await block.locator('svg .over-bar').count(), 3, 'every run so far went over the slot');
    assert.equal(await block.locator('svg .slot-line').count(), 1);
    const rows = await block.locator('table.rehearsal-sections tbody tr').allTextContents();
    assert.equal(rows.length, 4);
    assert.equal(await block.locator('tr.long').count(), 2);
    await workbench.runCommand('Notifications: Clear All Notifications');
    await block.scrollIntoViewIfNeeded();
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot('dashboard-rehearsals');

    // Stopping records a fourth run, and the open dashboard redraws with it.
    await workbench.runCommand('DevRel: Stop Rehearsal');
    await waitUntil(async () => (await block.locator('svg .bar').count()) === 4, 30_000, 'the new run on the dashboard');
    // The index follows the edit before the editor has saved it, so the file is polled.
    const newRun = /\n {2}- date: \d{4}-\d\d-\d\d\n {4}minutes: [\d.]+\n {4}sections:\n {6}- title: Why flags\n/;
    await waitUntil(async () => newRun.test(fs.readFileSync(path.join(workbench.workspace, TALK_PATH), 'utf8')), 30_000, 'the run saved to the talk');
  });
});
