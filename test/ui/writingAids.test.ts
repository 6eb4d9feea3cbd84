import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

const DRAFT = [
  '---',
  'kind: talk',
  'title: Tail sampling on a budget',
  'status: ',
  'event: KubeCon EU 2027',
  'cfp_deadline: 2027-01-11',
  'duration: 30',
  '---',
  '',
  '## Intro (5 min)',
  '',
  '## Demo (20 min)',
  '',
].join('\n');

/** Puts the cursor at the end of a 1-based line with Go to Line. */
async function goToLineEnd(workbench: Workbench, line: number): Promise<void> {
  const page = workbench.page;
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${line}`);
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  // Typed keys go to the editor only once Go to Line has handed focus back.
  await page.waitForTimeout(500);
}

describe('Writing aids in the editor', () => {
  let workbench: Workbench;
  const relativePath = 'talks/writing-aids-ui.md';

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.runCommand('View: Close All Editors').catch(() => undefined);
    if (workbench) fs.rmSync(path.join(workbench.workspace, relativePath), { force: true });
    await workbench?.close();
  });

  it('lists the talk workflow when completing a status in front matter, and shows it in a hover', async () => {
    const page = workbench.page;
    const file = path.join(workbench.workspace, relativePath);
    fs.writeFileSync(file, DRAFT);
    await workbench.openFile(relativePath);
    await goToLineEnd(workbench, 4);
    await waitUntil(async () => (await page.locator('.part.statusbar').innerText()).includes('Ln 4, Col 9'), 10_000, 'the cursor after "status: "');
    await page.keyboard.press('Control+Space');

    const widget = page.locator('.editor-widget.suggest-widget');
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    // Rows are reused and placed by style, so the order is read from their aria labels' positions.
    // Only DevRel Desk's status items (enum members) count, not any word suggestions.
    const rows = widget.locator('.monaco-list-row');
    const read = async (): Promise<string[]> => {
      const entries = await rows.evaluateAll((elements) =>
        elements.map((element) => ({
          index: Number(element.getAttribute('data-index')),
          label: element.querySelector('.label-name')?.textContent?.trim() ?? '',
          icon: element.querySelector('.suggest-icon')?.className ?? '',
        })),
      );
      // While the widget grows, rows of an earlier layout can linger with the same index: one per index.
      const byIndex = new Map(entries.filter((entry) => /symbol-enum-member/.test(entry.icon)).map((entry) => [entry.index, entry.label]));
      return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
    };
    await waitUntil(async () => (await read()).includes('rehearsing'), 15_000, 'the talk statuses in the list');
    const shown = await read();
    note(`offered: ${shown.join(', ')}`);
    assert.deepEqual(shown.slice(0, 7), ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered']);
    // Control+Space again opens the details beside the list: the workflow with the step marked.
    await page.keyboard.press('Control+Space');
    await workbench.waitForText('Talk workflow', 10_000);
    const shot = await workbench.screenshot('writing-aids-completion');
    note(`screenshot ${path.basename(shot)}`);

    await page.keyboard.type('sub');
    await waitUntil(async () => (await read())[0] === 'submitted', 10_000, 'the list filtered to submitted');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    await waitUntil(async () => fs.readFileSync(file, 'utf8').includes('\nstatus: submitted\n'), 15_000, 'the chosen status saved');
    assert.equal(fs.readFileSync(file, 'utf8'), DRAFT.replace('status: ', 'status: submitted'), 'only the status was written');

    await page.keyboard.press('Home');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'workflow' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await hover.innerText(), /submitted ← here/);
    await workbench.screenshot('writing-aids-hover');
    await page.keyboard.press('Escape');
  });
});
