import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator } from 'playwright-core';
import type { DashboardModel } from '../../src/core/dashboardProtocol';
import { calendarQuarter, demoDate, localToday } from '../runner/demoDates';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

const XSS_TITLE = '<img src=x onerror=alert(1)>';
// A workshop: its board is small, so its columns are all on screen to drag between.
const XSS_PATH = 'workshops/dashboard-escaping-check.md';

function board(frame: Frame, heading: RegExp): Locator {
  return frame.locator('section.board').filter({ has: frame.locator('h3', { hasText: heading }) });
}

function column(frame: Frame, boardHeading: RegExp, status: string): Locator {
  return board(frame, boardHeading)
    .locator('.column')
    .filter({ has: frame.locator('h4', { hasText: new RegExp(`^${status}\\d*$`) }) });
}

/**
 * A model as the page receives it when impact sums overflowed: postMessage turns Infinity into
 * null. Sent straight to the page, so this checks the page alone, whatever the extension sends.
 */
function modelWithLostNumbers(): DashboardModel {
  const lost = null as unknown as number;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const series = months.map((name, index) => ({ month: `2026-${String(index + 1).padStart(2, '0')}`, label: `${name} 2026`, total: index === 4 ? lost : index === 2 ? 40 : 0 }));
  return {
    today: '2026-05-13',
    focus: { text: 'Focus 0/3 · 0 deadlines in the next 14 days', over: false, warnings: [] },
    pipeline: [],
    calendar: { from: '2026-05-11', to: '2026-05-17', overdue: [], weeks: [], crowdedAbove: null, crowdedRule: '' },
    impact: {
      quarterLabel: '2026 Q2',
      entryCount: 3,
      draftCount: 1,
      metrics: [{ id: 'leads', label: 'Leads', unit: 'leads', known: true, thisQuarter: lost, allTime: lost, series, max: lost }],
    },
  };
}

function statusOf(file: string): string | undefined {
  return /^status: (.*)$/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
}

/** The theme in use, by the name the theme picker lists it under; webviews are told it on their body. */
async function currentTheme(workbench: Workbench): Promise<string> {
  const frame = await workbench.dashboardFrame();
  return (await frame.locator('body').getAttribute('data-vscode-theme-name')) ?? '';
}

/** Picks a colour theme by its name in Preferences: Color Theme, e.g. `Dark Modern`. */
async function chooseTheme(workbench: Workbench, theme: string): Promise<void> {
  const page = workbench.page;
  await workbench.openCommandPalette('Preferences: Color Theme');
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: /^\s*Preferences: Color Theme\s*$/ }) })
    .first()
    .click();
  await page.locator('.quick-input-widget .quick-input-box input').fill(theme);
  const exact = new RegExp(`^\\s*${theme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first()
    .click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
  await waitUntil(async () => (await currentTheme(workbench)) === theme, 15_000, `the ${theme} theme`);
}

async function screenshotSections(workbench: Workbench, theme: 'light' | 'dark'): Promise<void> {
  // Toasts (such as the focus warning a move can raise) would cover part of the page.
  await workbench.runCommand('Notifications: Clear All Notifications');
  const frame = await workbench.dashboardFrame();
  await frame.locator('.card').first().waitFor({ state: 'visible', timeout: 30_000 });
  for (const section of ['pipeline', 'calendar', 'impact']) {
    // The pipeline comes first, so its shot starts at the top and shows the focus line too.
    await frame.evaluate(section === 'pipeline' ? 'window.scrollTo(0, 0)' : `document.getElementById(${JSON.stringify(section)}).scrollIntoView()`);
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot(`dashboard-${section}-${theme}`);
  }
  await frame.evaluate('window.scrollTo(0, 0)');
}

describe('Dashboard', () => {
  let workbench: Workbench;
  const dialogs: string[] = [];
  /** The theme the workbench had, restored afterwards: the other suites share its settings. */
  let originalTheme: string | undefined;

  before(async () => {
    workbench = await openWorkbench();
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  after(async () => {
    if (!workbench) return;
    try {
      // Restored while the dashboard is still open: its page tells when the theme has changed.
      if (originalTheme) await chooseTheme(workbench, originalTheme);
      await workbench.runCommand('View: Close All Editors');
    } finally {
      // Other suites share the workspace copy and count its drafts.
      fs.rmSync(path.join(workbench.workspace, XSS_PATH), { force: true });
      await workbench.close();
    }
  });

  it('opens from the palette and shows the pipeline, calendar and impact of the demo workspace', async () => {
    await workbench.runCommand('DevRel: Open Dashboard');
    const tab = workbench.page.locator('.tabs-container [role="tab"]').filter({ hasText: 'DevRel Dashboard' }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    const frame = await workbench.dashboardFrame();

    for (const heading of ['DevRel Dashboard', 'Pipeline', 'Calendar', 'Impact']) {
      await frame.getByRole('heading', { name: heading, exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    }
    await frame.locator('#pipeline').getByRole('button', { name: 'Tail sampling that survives Black Friday', exact: true }).waitFor({ timeout: 30_000 });
    const submitted = column(frame, /^Talks/, 'submitted');
    assert.ok((await submitted.locator('.card').count()) >= 2, 'the submitted talks are in their column');
    assert.ok((await column(frame, /^OSS contributions/, 'closed').count()) === 1, 'an empty column is still shown');

    const focusLine = (await frame.locator('#focus-line').innerText()).trim();
    note(`focus line: ${focusLine}`);
    assert.match(focusLine, /^Focus \d+(\/\d+)? · \d+ deadlines? in the next 14 days$/);

    const calendarItems = frame.locator('#calendar .cal-item');
    assert.ok((await calendarItems.count()) > 3, 'the calendar lists dated items');
    assert.equal(await frame.locator('#calendar .week').count(), 8);
    assert.ok(await frame.locator('#calendar .overdue-list').isVisible(), 'overdue items are listed');

    const charts = frame.locator('#impact svg[role="img"]');
    await charts.first().waitFor({ state: 'visible', timeout: 10_000 });
    const label = (await charts.first().getAttribute('aria-label')) ?? '';
    note(`first chart: ${label}`);
    // The demo's posts log views, the first metric in the settings' order, so theirs is the first chart:
    // 6,420 in October 2026 as written, in whichever months those days fall once the demo has moved.
    assert.match(label, /^Views per month, /);
    const views = new Map<string, number>();
    for (const [day, value] of [
      ['2026-10-03', 2140],
      ['2026-10-21', 860],
      ['2026-10-21', 3420],
    ] as const) {
      const moved = new Date(`${demoDate(day)}T00:00:00Z`);
      const month = `${moved.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' })} ${moved.getUTCFullYear()}`;
      views.set(month, (views.get(month) ?? 0) + value);
    }
    for (const [month, total] of views) assert.ok(label.includes(`${month} ${total.toLocaleString('en-US')}`), `${month} ${total} in: ${label}`);
    assert.ok((await frame.locator('#impact .chart-svg rect.bar title').count()) >= 12, 'every month has a bar with a title');
    // Attendees: 35 on 2026-06-18 and 140 on 2026-10-20 as written; this quarter counts those that fall in it once moved.
    const quarter = calendarQuarter(localToday());
    const attendeesThisQuarter = (
      [
        ['2026-06-18', 35],
        ['2026-10-20', 140],
      ] as const
    )
      .filter(([day]) => demoDate(day) >= quarter.from && demoDate(day) <= quarter.to)
      .reduce((sum, [, value]) => sum + value, 0);
    assert.match(await frame.locator('#impact table.totals').innerText(), new RegExp(`Attendees\\s+${attendeesThisQuarter} people in the room\\s+175 people in the room`));
  });

  it('takes screenshots of each section in the dark theme', async () => {
    originalTheme = await currentTheme(workbench);
    note(`theme before: ${originalTheme}`);
    await chooseTheme(workbench, 'Dark Modern');
    await screenshotSections(workbench, 'dark');
  });

  it('shows a hostile title as text, live, and runs nothing from it', async () => {
    const file = path.join(workbench.workspace, XSS_PATH);
    fs.writeFileSync(file, `---\nkind: workshop\ntitle: "${XSS_TITLE}"\nstatus: idea\n---\n\nNothing to see here.\n`);
    const frame = await workbench.dashboardFrame();
    // The page updates by itself when the index sees the new file.
    const card = frame.locator('li.card').filter({ has: frame.getByRole('button', { name: XSS_TITLE, exact: true }) });
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal((await card.locator('.card-title').innerText()).trim(), XSS_TITLE);
    assert.equal(await frame.locator('img[src="x"]').count(), 0, 'no image was made from the title');
    assert.equal(await frame.locator('img').count(), 0);
    assert.deepEqual(dialogs, [], 'no dialog fired');
    await card.scrollIntoViewIfNeeded();
    await workbench.screenshot('dashboard-escaping-dark');
  });

  it('moves a card by dragging it to another column, and the file follows', async () => {
    const file = path.join(workbench.workspace, XSS_PATH);
    const frame = await workbench.dashboardFrame();
    const card = column(frame, /^Workshops/, 'idea')
      .locator('li.card')
      .filter({ hasText: XSS_TITLE });
    const target = column(frame, /^Workshops/, 'drafting');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    await card.scrollIntoViewIfNeeded();
    const box = await card.boundingBox();
    assert.ok(box);
    // From the card's lower edge, away from its button and select.
    await card.dragTo(target, { sourcePosition: { x: 6, y: box.height - 4 } });
    await waitUntil(async () => statusOf(file) === 'drafting', 15_000, 'the dragged card to change the file to drafting');
    const moved = column(frame, /^Workshops/, 'drafting')
      .locator('li.card')
      .filter({ hasText: XSS_TITLE });
    await moved.waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => /Moved/.test(await frame.locator('#announcer').innerText()), 10_000, 'the move to be announced');
    note(`announced: ${await frame.locator('#announcer').innerText()}`);
  });

  it('moves a card from the keyboard with its Move to select', async () => {
    const file = path.join(workbench.workspace, XSS_PATH);
    const frame = await workbench.dashboardFrame();
    const card = column(frame, /^Workshops/, 'drafting')
      .locator('li.card')
      .filter({ hasText: XSS_TITLE });
    const select = card.getByLabel(`Move “${XSS_TITLE}” to`);
    await select.focus();
    await select.selectOption('ready');
    const button = card.getByRole('button', { name: `Move “${XSS_TITLE}”` });
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    // Tab from the select reaches the Move button that picking a status revealed.
    await workbench.page.keyboard.press('Tab');
    const focused = (): Promise<unknown> => frame.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')");
    await waitUntil(async () => (await focused()) === `Move “${XSS_TITLE}”`, 5_000, 'the Move button to have focus');
    // Shows the keyboard focus ring on the Move button.
    await workbench.screenshot('dashboard-keyboard-move-dark');
    await workbench.page.keyboard.press('Enter');
    await waitUntil(async () => statusOf(file) === 'ready', 15_000, 'the file to change to ready');
    await column(frame, /^Workshops/, 'ready')
      .locator('li.card')
      .filter({ hasText: XSS_TITLE })
      .waitFor({ state: 'visible', timeout: 15_000 });
    assert.deepEqual(dialogs, []);
  });

  it('takes screenshots of each section in the light theme', async () => {
    await chooseTheme(workbench, 'Light Modern');
    await screenshotSections(workbench, 'light');
  });

  it('draws impact numbers lost on the way as a dash, and the rest of the chart as usual', async () => {
    const frame = await workbench.dashboardFrame();
    await frame.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', model: modelWithLostNumbers() })}, '*')`);
    const row = frame.locator('#impact table.totals tbody tr');
    await waitUntil(async () => (await row.count()) === 1, 10_000, 'the injected model to be drawn');
    assert.match(await row.innerText(), /^Leads\s+— leads\s+— leads$/);
    const chart = frame.locator('#impact figure.chart');
    assert.equal((await chart.locator('.chart-total').innerText()).trim(), '— leads in all');
    const bars = chart.locator('rect.bar');
    assert.equal(await bars.count(), 12);
    assert.equal(await bars.nth(4).locator('title').textContent(), 'May 2026: — leads');
    assert.equal(await bars.nth(2).locator('title').textContent(), 'Mar 2026: 40 leads');
    assert.equal(await bars.nth(2).getAttribute('class'), 'bar', 'the month that was not lost has its bar');
    // The axis is scaled from the months that are left: 40 rounds up to 50.
    assert.deepEqual(
      await chart
        .locator('text.tick')
        .allTextContents()
        .then((t) => t.slice(0, 3)),
      ['0', '25', '50'],
    );
    await chart.scrollIntoViewIfNeeded();
    await workbench.screenshot('dashboard-impact-lost-numbers-light');
    // Back to the workspace's own model: the command shows the open dashboard and redraws it.
    await workbench.runCommand('DevRel: Open Dashboard');
    await frame.locator('#pipeline .card').first().waitFor({ state: 'visible', timeout: 15_000 });
    await frame.evaluate('window.scrollTo(0, 0)');
  });

  it('opens a draft from its card', async () => {
    const frame = await workbench.dashboardFrame();
    await frame.locator('#pipeline').getByRole('button', { name: 'Tail sampling that survives Black Friday', exact: true }).click();
    const tab = workbench.page.locator('.tabs-container [role="tab"]').filter({ hasText: 'kubecon-eu-2027-tail-sampling.md' }).first();
    await tab.waitFor({ state: 'visible', timeout: 15_000 });
    // The dashboard stays open beside the draft.
    assert.ok(await workbench.page.locator('.tabs-container [role="tab"]').filter({ hasText: 'DevRel Dashboard' }).first().isVisible());
  });
});
