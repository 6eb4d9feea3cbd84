import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { demoReportPeriod } from '../runner/demoDates';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

// The demo's 2026 Q4, moved with the demo: the same entries fall in it whenever the tests run.
const REPORT = demoReportPeriod();
const BASE = `impact-${REPORT.label.replace(/\s+/g, '-')}`;

describe('Impact report and Feedback view in the workbench', () => {
  let workbench: Workbench;

  before(async function () {
    this.timeout(180_000);
    workbench = await openWorkbench();
    await workbench.openViewContainer('DevRel Desk');
  });

  after(async () => {
    await workbench?.close();
  });

  it('lists the demo feedback grouped by status', async () => {
    // The Feedback view has the panel to itself, leaving the sidebar's room to the drafts.
    await workbench.runCommand('Product Feedback: Focus on Feedback View');
    const rows = await workbench.treeRows('Feedback', { atLeast: 5 });
    const groups = rows.filter((r) => r.level === 1).map((r) => r.text);
    note(`feedback groups: ${groups.join(' | ')}`);
    // A row's text runs its label and its description (the count) together.
    assert.deepEqual(
      groups.map((g) => g.replace(/\s+/g, '')),
      ['Open1', 'Acknowledged1', 'Planned2', 'Shipped2', 'Declined1'],
      'every status, in the order feedback moves through',
    );
    const planned = rows.find((r) => r.text.startsWith('Sampling rules are hard to test'));
    assert.ok(planned && planned.text.includes('sampling · KubeCon'), planned?.text);
    const shipped = workbench
      .viewPane('Feedback')
      .getByRole('treeitem')
      .filter({ hasText: /^\s*Shipped/ })
      .first();
    await shipped.click();
    // A click toggles the group; Right only ever expands it, whatever the click did.
    await workbench.page.keyboard.press('ArrowRight');
    await waitUntil(async () => (await shipped.getAttribute('aria-expanded')) === 'true', 15_000, 'the Shipped group to expand');
    // The panel can be too short for the group's children, and the tree renders only the rows in view:
    // moving the focus onto them scrolls them into view.
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.viewPane('Feedback').getByRole('treeitem').filter({ hasText: 'memory limiter' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.screenshot('report-feedback-view');
  });

  it('asks for the period and format, writes the report, and opens its preview with the charts', async () => {
    await workbench.runCommand('DevRel: Export Impact Report…');
    await workbench.pick(/^Other period…$/);
    const input = workbench.page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`${REPORT.from} ${REPORT.to}`);
    await input.press('Enter');
    await workbench.pick(/^Markdown$/);
    await waitUntil(async () => (await input.inputValue()).endsWith(`${BASE}.md`), 15_000, 'the suggested file name');
    await input.press('Enter');
    const file = path.join(workbench.workspace, `${BASE}.md`);
    await waitUntil(async () => fs.existsSync(file), 15_000, 'the report file');
    for (const chart of [`${BASE}-totals.svg`, `${BASE}-reach.svg`]) assert.ok(fs.existsSync(path.join(workbench.workspace, chart)), chart);
    const open = workbench.page.locator('.notifications-toasts .monaco-button').filter({ hasText: 'Open Preview' }).first();
    await open.waitFor({ state: 'visible', timeout: 15_000 });
    await open.click();
    const preview = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.getByRole('heading', { name: `Impact report: ${REPORT.label}` }).waitFor({ state: 'visible', timeout: 30_000 });
    const chart = preview.locator(`img[src*="${BASE}-totals.svg"]`).first();
    await chart.waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => (await chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 0, 15_000, 'the chart to load');
    await workbench.screenshot('report-markdown-preview');
    await chart.scrollIntoViewIfNeeded();
    await workbench.screenshot('report-markdown-preview-charts');
    await preview.getByRole('heading', { name: 'Product feedback' }).scrollIntoViewIfNeeded();
    await workbench.screenshot('report-markdown-preview-feedback');
  });
});
