import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { demoDate } from '../runner/demoDates';
import { localDate, note, openWorkbench, waitUntil, Workbench } from './workbench';

/** `Fri Jan 15`, as the dashboard's calendar names a day. */
function calendarDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).replace(',', '');
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
    await workbench.startCommand('DevRel: New Hackathon');
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
    await workbench.focusOnView('Drafts');
    const drafts = workbench.viewPane('Drafts');
    const group = drafts
      .getByRole('treeitem')
      .filter({ hasText: /^\s*Hackathons \(\d+\)/ })
      .first();
    await group.waitFor({ state: 'visible', timeout: 30_000 });
    note(`drafts group: ${(await group.innerText()).trim()}`);

    await workbench.focusOnView('Upcoming');
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
      const row = workbench.treeItem('Upcoming', new RegExp(`^${label} [^,]+, ${demoTitle},`));
      await row.waitFor({ state: 'visible', timeout: 15_000 });
    }
    await workbench.screenshot('hackathon-upcoming');
    await workbench.focusOnView('Drafts');
  });

  it('shows the multi-day hackathon as one span in the dashboard calendar', async () => {
    await workbench.runCommand('DevRel: Open Dashboard');
    const frame = await workbench.dashboardFrame();
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
    assert.equal(when, `${calendarDay(demoDate('2027-01-15'))} – ${calendarDay(demoDate('2027-01-17'))} (3 days) · Hackathon`);
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
