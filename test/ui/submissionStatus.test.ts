import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { localDate, note, openWorkbench, waitUntil, Workbench } from './workbench';

const VIEWS = ['Drafts', 'Upcoming', 'Impact', 'CFPs'];
const TALK = 'talks/ui-accept-flow.md';
const TITLE = 'Accept flow UI talk';
const EVENT = 'Flow Conf UI';
const OTHER = 'Second Flow Days';
// The test writes its own dates, relative to today, so it never goes stale.
const EVENT_DAY = localDate(20);

describe('Talks in the workbench: setting a submission status by asking', () => {
  let workbench: Workbench;
  let tripReport: string | undefined;

  before(async function () {
    this.timeout(180_000);
    workbench = await openWorkbench();
    fs.writeFileSync(
      path.join(workbench.workspace, TALK),
      `---
kind: talk
title: ${TITLE}
status: submitted
submissions:
  - event: ${EVENT}
    cfp_deadline: ${localDate(-12)}
    notification_date: ${localDate(3)}
    status: submitted
  - event: ${OTHER}
    cfp_deadline: ${localDate(-6)}
    notification_date: ${localDate(9)}
    event_date: ${localDate(45)}
    status: submitted
---

## Intro (5 min)

Body.
`,
    );
    await workbench.openViewContainer('DevRel Desk');
  });

  after(async () => {
    await workbench?.close();
    fs.rmSync(path.join(workbench.workspace, TALK), { force: true });
    if (tripReport) fs.rmSync(tripReport, { force: true });
  });

  /** Runs Set Submission Status… from the palette and answers its three questions. */
  async function setStatusByAsking(event: string, status: string): Promise<void> {
    await workbench.startCommand('DevRel: Set Submission Status…');
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input').first();
    await waitUntil(async () => ((await input.getAttribute('placeholder')) ?? '').includes('Which talk?'), 15_000, 'the talk question');
    await input.fill(TITLE);
    await workbench.pick(TITLE);
    await waitUntil(async () => ((await input.getAttribute('placeholder')) ?? '').includes('Which submission?'), 15_000, 'the submission question');
    const events = await workbench.quickPickItems();
    note(`submissions offered: ${events.join(' | ')}`);
    assert.ok(events.some((e) => e.includes(EVENT)) && events.some((e) => e.includes(OTHER)), events.join(', '));
    await workbench.pick(event);
    await waitUntil(async () => ((await input.getAttribute('placeholder')) ?? '').includes('Move this submission to'), 15_000, 'the status question');
    await workbench.pick(status);
  }

  const toast = (text: string) => workbench.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();

  it('asks for the talk, the submission and the status, then offers the event date and the trip report', async function () {
    this.timeout(120_000);
    const file = path.join(workbench.workspace, TALK);
    await workbench.focusOnView('Drafts', VIEWS);
    await workbench.viewPane('Drafts').getByRole('treeitem').filter({ hasText: TITLE }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await setStatusByAsking(EVENT, 'accepted');
    await waitUntil(
      async () =>
        fs.readFileSync(file, 'utf8').includes(`  - event: ${EVENT}\n    cfp_deadline: ${localDate(-12)}\n    notification_date: ${localDate(3)}\n    status: accepted\n`),
      15_000,
      'the status written',
    );

    const offer = toast(`"${TITLE}" was accepted at ${EVENT}.`);
    await offer.waitFor({ state: 'visible', timeout: 15_000 });
    const buttons = await offer.locator('.monaco-button').allInnerTexts();
    note(`offer: ${buttons.join(' | ')}`);
    assert.deepEqual(buttons, ['Add Event Date…', 'Create Trip Report']);
    await workbench.page.mouse.move(640, 300);
    await workbench.screenshot('talks-accept-offer');

    await offer.locator('.monaco-button', { hasText: 'Add Event Date…' }).click();
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(EVENT_DAY);
    await input.press('Enter');
    await waitUntil(async () => fs.readFileSync(file, 'utf8').includes(`    status: accepted\n    event_date: ${EVENT_DAY}\n`), 15_000, 'the event date written');

    // The date taken, the trip report is still on offer.
    const second = toast(`${EVENT} is in Upcoming on ${EVENT_DAY}.`);
    await second.waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.page.mouse.move(640, 300);
    await workbench.screenshot('talks-accept-offer-trip-report');
    await second.locator('.monaco-button', { hasText: 'Create Trip Report' }).click();

    const folder = path.join(workbench.workspace, 'trip-reports');
    await waitUntil(
      async () => {
        tripReport = fs
          .readdirSync(folder)
          .map((name) => path.join(folder, name))
          .find((f) => fs.readFileSync(f, 'utf8').includes(`event: ${EVENT}`));
        return tripReport !== undefined;
      },
      20_000,
      'a trip report for the event in trip-reports/',
    );
    const text = fs.readFileSync(tripReport!, 'utf8');
    note(`trip report: ${path.relative(workbench.workspace, tripReport!)}`);
    assert.match(text, /^kind: trip-report$/m);
    assert.match(text, new RegExp(`^title: '?${EVENT}'?$`, 'm'));
    assert.match(text, new RegExp(`^event_date: '?${EVENT_DAY}'?$`, 'm'));
    const tab = workbench.page
      .locator('.tabs-container [role="tab"]')
      .filter({ hasText: path.basename(tripReport!) })
      .first();
    await tab.waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.screenshot('talks-accept-trip-report');
  });

  it('shows the accepted event day in Upcoming, and takes the rows away once rejected', async function () {
    this.timeout(120_000);
    await workbench.focusOnView('Upcoming', VIEWS);
    const pane = workbench.viewPane('Upcoming');
    // The trip report has an `Event: …` row of its own; the submission's row names the talk.
    const eventRow = pane.getByRole('treeitem', { name: `Event in 20 days, ${EVENT}, ${TITLE}, submission accepted` }).first();
    await eventRow.waitFor({ state: 'visible', timeout: 30_000 });
    const label = (await eventRow.getAttribute('aria-label')) ?? '';
    note(`upcoming row: ${label}`);
    assert.match(label, new RegExp(`^Event in 20 days, ${EVENT}, ${TITLE}, submission accepted$`));
    await eventRow.hover();
    await workbench.screenshot('talks-upcoming-accepted');

    await setStatusByAsking(EVENT, 'rejected');
    await eventRow.waitFor({ state: 'hidden', timeout: 15_000 });
    const rows = await workbench.treeRows('Upcoming', { atLeast: 1 });
    assert.ok(!rows.some((r) => r.label.includes(`${EVENT}, ${TITLE}`)), rows.map((r) => r.label).join('\n'));
    assert.ok(
      rows.some((r) => r.label.includes(`${OTHER}, ${TITLE}, submission submitted`)),
      'the other submission stays',
    );
    await workbench.screenshot('talks-upcoming-rejected');
  });

  it('shows the CFP acceptance rate per year in the Impact view', async function () {
    this.timeout(60_000);
    await workbench.focusOnView('Impact', VIEWS);
    const pane = workbench.viewPane('Impact');
    // The metric sections come first; folded, they leave the acceptance section in sight. The
    // view's Collapse All folds them in one step, where clicking each twistie raced a refresh.
    await pane.hover();
    await pane.locator('.pane-header a.action-label[aria-label="Collapse All"]').first().click();
    const section = pane.getByRole('treeitem').filter({ hasText: 'CFP acceptance' }).first();
    await section.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await section.getAttribute('aria-expanded')) !== 'true') await section.click();
    const year = EVENT_DAY.slice(0, 4);
    const row = pane.getByRole('treeitem', { name: new RegExp(`^${year}: \\d+ of \\d+ accepted · \\d+%$`) }).first();
    await row.scrollIntoViewIfNeeded();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    const label = (await row.getAttribute('aria-label')) ?? '';
    note(`acceptance row: ${label}`);
    const match = /: (\d+) of (\d+) accepted · (\d+)%$/.exec(label);
    assert.ok(match, label);
    const [accepted, decided, percent] = match.slice(1).map(Number);
    assert.ok(decided >= 1, 'the rejected submission counts as decided');
    assert.equal(percent, Math.round((accepted / decided) * 100));
    await row.hover();
    await workbench.screenshot('impact-cfp-acceptance');
  });
});
