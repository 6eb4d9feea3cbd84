import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

function localDate(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Picks a command in the F1 palette by its exact title; its own prompts follow in the same widget. */
async function startCommand(workbench: Workbench, command: string): Promise<void> {
  await workbench.openCommandPalette(command);
  const row = workbench.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: workbench.page.locator('.label-name', { hasText: new RegExp(`^\\s*${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  await workbench.page.mouse.move(800, 600);
}

async function dashboardFrame(workbench: Workbench): Promise<Frame> {
  let found: Frame | undefined;
  await waitUntil(
    async () => {
      for (const frame of workbench.page.frames()) {
        if (
          (await frame
            .locator('#dashboard-root')
            .count()
            .catch(() => 0)) > 0
        ) {
          found = frame;
          return true;
        }
      }
      return false;
    },
    30_000,
    'the dashboard webview',
  );
  return found as Frame;
}

/** Expands `keep` and collapses the other DevRel views, waiting for each header to settle so the tree has room. */
async function focusOnView(workbench: Workbench, keep: string): Promise<void> {
  for (const name of ['Drafts', 'Upcoming', 'Impact']) {
    const header = workbench.viewPane(name).locator('.pane-header').first();
    if (!(await header.isVisible().catch(() => false))) continue;
    const want = name === keep ? 'true' : 'false';
    for (let attempt = 0; attempt < 3 && (await header.getAttribute('aria-expanded')) !== want; attempt++) {
      await header.click();
      await waitUntil(async () => (await header.getAttribute('aria-expanded')) === want, 5_000, `${name} to be ${want === 'true' ? 'expanded' : 'collapsed'}`).catch(
        () => undefined,
      );
    }
  }
}

describe('Hackathons in the workbench', () => {
  let workbench: Workbench;
  const title = 'Build on Widgets';
  const relativePath = `hackathons/${localDate()}-build-on-widgets.md`;
  const demoTitle = 'Tracewell Build Weekend: observability hack';

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    // Other suites share the workspace copy and count its drafts.
    await workbench?.runCommand('View: Close All Editors').catch(() => undefined);
    if (workbench) fs.rmSync(path.join(workbench.workspace, relativePath), { force: true });
    await workbench?.close();
  });

  it('asks New Hackathon its four questions and opens a plan with a timed agenda', async () => {
    const page = workbench.page;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const answer = async (text: string): Promise<void> => {
      await input.fill(text);
      await page.keyboard.press('Enter');
    };
    await startCommand(workbench, 'DevRel: New Hackathon');
    await workbench.waitForText(/Title: it goes into the front matter/);
    await answer(title);
    await workbench.waitForText(/Event date: leave empty to skip/);
    await answer('+45d');
    await workbench.waitForText(/Registration closes: leave empty to skip/);
    await answer('+35d');
    await workbench.waitForText(/Format: leave empty to skip/);
    await answer('hybrid');
    await workbench.waitForText(/Expected participants: leave empty to skip/);
    await input.fill('lots');
    await workbench.waitForText(/Enter a whole number of people, e.g. 80/);
    await answer('120');

    const tab = page
      .locator('.tabs-container [role="tab"]')
      .filter({ hasText: path.posix.basename(relativePath) })
      .first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil(async () => !/\bdirty\b/.test((await tab.getAttribute('class')) ?? ''), 15_000, 'the new hackathon to be saved');
    const file = path.join(workbench.workspace, relativePath);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^kind: hackathon$/m);
    assert.match(text, new RegExp(`^event_date: ${localDate(45)}$`, 'm'));
    assert.match(text, new RegExp(`^registration_deadline: ${localDate(35)}$`, 'm'));
    assert.match(text, /^format: hybrid$/m);
    assert.match(text, /^participants: 120$/m);
    // The agenda's minute budgets feed the status bar, as a talk outline's do.
    const measure = page.locator('.part.statusbar').getByText('~1440/1440 min').first();
    await measure.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Escape');
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.screenshot('hackathon-new-draft');
  });

  it('lists the demo hackathon in Drafts and its dates in Upcoming', async () => {
    await workbench.openViewContainer('DevRel Desk');
    await focusOnView(workbench, 'Drafts');
    const drafts = workbench.viewPane('Drafts');
    const group = drafts
      .getByRole('treeitem')
      .filter({ hasText: /^\s*Hackathons \(\d+\)/ })
      .first();
    await group.waitFor({ state: 'visible', timeout: 30_000 });
    note(`drafts group: ${(await group.innerText()).trim()}`);

    await focusOnView(workbench, 'Upcoming');
    const pane = workbench.viewPane('Upcoming');
    // The nearer groups are collapsed so that the later dates have room on screen.
    for (const group of [/^\s*Overdue \(\d+\)/, /^\s*This week \(\d+\)/, /^\s*Next 30 days \(\d+\)/]) {
      const row = pane.getByRole('treeitem').filter({ hasText: group }).first();
      if ((await row.isVisible().catch(() => false)) && (await row.getAttribute('aria-expanded')) === 'true') await row.click();
    }
    const later = pane
      .getByRole('treeitem')
      .filter({ hasText: /^\s*Later \(\d+\)/ })
      .first();
    await later.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await later.getAttribute('aria-expanded')) !== 'true') await later.click();
    for (const label of ['Registration closes', 'Hackathon', 'Ends']) {
      const row = pane
        .getByRole('treeitem')
        .filter({ hasText: `${label}: ${demoTitle}` })
        .first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
    }
    await workbench.screenshot('hackathon-upcoming');
    await focusOnView(workbench, 'Drafts');
  });

  it('shows the multi-day hackathon as one span in the dashboard calendar', async () => {
    await workbench.runCommand('DevRel: Open Dashboard');
    const frame = await dashboardFrame(workbench);
    await frame.getByRole('heading', { name: 'Calendar', exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    await frame
      .locator('#pipeline section.board')
      .filter({ has: frame.locator('h3', { hasText: /^Hackathons/ }) })
      .first()
      .waitFor({ timeout: 30_000 });
    const spans = frame.locator('#calendar .cal-item.span').filter({ hasText: demoTitle });
    await spans.first().waitFor({ state: 'visible', timeout: 30_000 });
    const when = (await spans.first().locator('.cal-when').innerText()).trim();
    note(`calendar span: ${when}`);
    assert.equal(when, 'Fri Jan 15 – Sun Jan 17 (3 days) · Hackathon');
    const ends = frame
      .locator('#calendar .cal-item')
      .filter({ hasText: demoTitle })
      .filter({ has: frame.locator('.cal-when', { hasText: /· Ends$/ }) });
    assert.equal(await ends.count(), 0, 'the last day is part of the span, not an item of its own');
    await workbench.runCommand('Notifications: Clear All Notifications');
    await spans.first().scrollIntoViewIfNeeded();
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot('hackathon-dashboard-calendar');
  });
});
