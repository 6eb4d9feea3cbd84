import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

const VIEWS = ['Drafts', 'Upcoming', 'Impact', 'CFPs'];

describe('Talks in the workbench: submissions, CFPs and the calendar', () => {
  let workbench: Workbench;

  before(async function () {
    // Opening a workbench on a loaded machine can take longer than one test's time.
    this.timeout(180_000);
    workbench = await openWorkbench();
    await workbench.openViewContainer('DevRel Desk');
    // A wider sidebar, so rows show their descriptions in the screenshots.
    const sidebar = await workbench.page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width;
      const y = sidebar.y + sidebar.height / 2;
      await workbench.page.mouse.move(x, y);
      await workbench.page.mouse.down();
      await workbench.page.mouse.move(x + 350, y, { steps: 5 });
      await workbench.page.mouse.up();
    }
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows a talk with its submissions as child rows in the Drafts view', async () => {
    await workbench.focusOnView('Drafts', VIEWS);
    const talk = workbench.draftRow('Tail sampling that survives Black Friday');
    await talk.waitFor({ state: 'visible', timeout: 30_000 });
    const label = (await talk.getAttribute('aria-label')) ?? '';
    assert.match(label, /1 draft · 1 submitted · 1 rejected/, `the talk row sums its submissions up: ${label}`);
    if ((await talk.getAttribute('aria-expanded')) !== 'true') {
      await talk.locator('.monaco-tl-twistie').click();
    }
    const child = (event: string) => workbench.treeItem('Drafts', `Submission to ${event},`);
    for (const event of ['KubeCon + CloudNativeCon Europe 2027', 'Open Source Summit North America 2027', 'Observability Day Berlin 2026']) {
      await child(event).waitFor({ state: 'visible', timeout: 15_000 });
    }
    const kubecon = (await child('KubeCon + CloudNativeCon Europe 2027').getAttribute('aria-label')) ?? '';
    note(`submission row: ${kubecon}`);
    assert.match(kubecon, /^Submission to KubeCon \+ CloudNativeCon Europe 2027, submitted · /);
    assert.equal(await child('Open Source Summit North America 2027').getAttribute('aria-level'), '3', 'a child of the talk, under the Talks group');
    await child('Open Source Summit North America 2027').hover();
    await workbench.screenshot('talks-drafts-submissions');
  });

  it('lists submission dates in Upcoming', async () => {
    await workbench.focusOnView('Upcoming', VIEWS);
    const pane = workbench.viewPane('Upcoming');
    const later = pane
      .getByRole('treeitem')
      .filter({ hasText: /^\s*Later \(\d+\)/ })
      .first();
    await later.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await later.getAttribute('aria-expanded')) !== 'true') await later.click();
    const row = workbench.treeItem('Upcoming', /^CFP answer due [^,]+, KubeCon \+ CloudNativeCon Europe 2027, /);
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /Tail sampling that survives Black Friday, submission submitted/);
    await workbench.screenshot('talks-upcoming');
  });

  it('lists open calls for papers from the demo feeds, and filters them', async () => {
    await workbench.focusOnView('CFPs', VIEWS);
    const rows = await workbench.treeRows('CFPs', { atLeast: 7 });
    note(`cfps: ${rows.map((r) => r.text).join(' | ')}`);
    const names = rows.map((r) => r.label.split(',')[0]);
    assert.ok(names.includes('Devoxx France 2027'), names.join(', '));
    assert.ok(!names.includes('Devoxx FR'), 'the same call from the second feed is merged');
    assert.ok(!names.some((n) => n.includes('whose CFP closed')), 'past calls are hidden');
    assert.ok(!names.includes('RustConf'), 'a conference without a call is not listed');
    const description = workbench.viewPane('CFPs').locator('.pane-header .description').first();
    await waitUntil(async () => /updated/.test((await description.innerText().catch(() => '')) ?? ''), 15_000, 'the view to say how old the feeds are');
    note(`description: ${await description.innerText()}`);
    await workbench.screenshot('talks-cfps');

    await workbench.runCommand('DevRel: Filter CFPs…');
    await workbench.pick(/Online only/);
    await waitUntil(async () => /online/.test(await description.innerText()), 15_000, 'the filter in the description');
    const online = await workbench.treeRows('CFPs', { atLeast: 1 });
    note(`online: ${online.map((r) => r.text).join(' | ')}`);
    assert.ok(online.length < rows.length && online.some((r) => r.text.includes('Conf42 Observability 2027')), online.map((r) => r.text).join(', '));
    await workbench.screenshot('talks-cfps-online');
    await workbench.runCommand('DevRel: Clear CFP Filter');
    await workbench.treeRows('CFPs', { atLeast: rows.length });
  });

  it('exports the calendar from the Upcoming view and opens it', async () => {
    await workbench.runCommand('DevRel: Export Calendar…');
    // The save dialog offers devrel-desk.ics in the workspace; accepting it writes there.
    const input = workbench.page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => (await input.inputValue()).endsWith('devrel-desk.ics'), 15_000, 'the suggested file name');
    await input.press('Enter');
    const file = path.join(workbench.workspace, 'devrel-desk.ics');
    await waitUntil(async () => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('END:VCALENDAR'), 15_000, 'the calendar file');
    // Long lines are folded (RFC 5545 3.1); unfold them before reading.
    const text = fs.readFileSync(file, 'utf8').replace(/\r\n /g, '');
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.match(text, /SUMMARY:CFP answer due: KubeCon \+ CloudNativeCon Europe 2027 \(Tail sampling that survives Black Friday\)/);
    await workbench.waitForText(/Exported \d+ dates to devrel-desk\.ics/);
    await workbench.screenshot('talks-calendar-exported');
    // The palette without its `>` is Quick Open, which finds files by name.
    const palette = await workbench.openCommandPalette();
    await palette.fill('devrel-desk.ics');
    const result = workbench.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'devrel-desk.ics' }).first();
    await result.waitFor({ state: 'visible', timeout: 15_000 });
    await result.click();
    await workbench.page.locator('.editor-instance .view-lines').getByText('BEGIN:VCALENDAR').first().waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.screenshot('talks-calendar-file');
  });
});
