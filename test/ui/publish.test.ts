import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { note, openWorkbench, waitUntil, type Workbench } from './workbench';

const PREVIEW_POST = 'content/posts/ui-cross-post-preview.md';
const CROSS_POSTED = 'content/posts/ui-cross-posted.md';

const PREVIEW_TEXT = `---
kind: blog
title: "Budgeting traces with tail sampling"
status: published
date: 2026-10-20
tags: [OpenTelemetry, observability, go, sre, cost-control]
series: Observability budgets
description: What tail sampling saves, and what it costs.
cover_image: ./img/pipeline.png
---

Tail sampling keeps the traces that matter and drops the rest.

![The collector pipeline](./img/pipeline.png)

Read [the setup notes](/notes/setup/) before you start.
`;

const CROSS_POSTED_TEXT = `---
kind: blog
title: "Sampling at the edge, cross-posted"
status: published
date: 2026-09-14
tags: [observability]
devto_id: 2071734
devto_url: https://dev.to/priya/sampling-at-the-edge-4k2j
hashnode_id: 6650c0ffee
hashnode_url: https://priya.hashnode.dev/sampling-at-the-edge
impact:
  - date: 2026-11-20
    metric: views
    value: 1204
    source: devto
    link: https://dev.to/priya/sampling-at-the-edge-4k2j
  - date: 2026-11-20
    metric: reactions
    value: 31
    source: devto
    link: https://dev.to/priya/sampling-at-the-edge-4k2j
  - date: 2026-11-20
    metric: views
    value: 380
    source: hashnode
    link: https://priya.hashnode.dev/sampling-at-the-edge
---

Edge sampling notes.
`;

/**
 * Several views share the sidebar; folding the others lets the Drafts tree render the rows a test
 * looks for. The title is clicked, not the header's middle, where the view's action buttons are.
 */
async function foldOtherViews(workbench: Workbench): Promise<void> {
  const page = workbench.page;
  for (const title of ['Upcoming', 'Impact']) {
    const header = page
      .locator('.pane-header')
      .filter({ has: page.locator('h3.title', { hasText: new RegExp(`^\\s*${title}\\s*$`, 'i') }) })
      .first();
    if ((await header.getAttribute('aria-expanded').catch(() => null)) === 'true') await header.locator('h3.title').click();
  }
}

describe('Cross-posting in the workbench', () => {
  let workbench: Workbench;
  const written: string[] = [];
  const write = (relative: string, content: string | Buffer): void => {
    const file = path.join(workbench.workspace, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written.push(file);
  };

  /** The demo's own settings, which the suites after this one read (its CFP feeds among them). */
  let settingsBefore: string | undefined;

  before(async () => {
    workbench = await openWorkbench();
    const settingsFile = path.join(workbench.workspace, '.vscode', 'settings.json');
    settingsBefore = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    const settings = {
      ...(settingsBefore ? (JSON.parse(settingsBefore) as Record<string, unknown>) : {}),
      'devrel.publish.assetsBaseUrl': 'https://raw.githubusercontent.com/priya/blog/main/',
    };
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    write('content/posts/img/pipeline.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    write(PREVIEW_POST, PREVIEW_TEXT);
    write(CROSS_POSTED, CROSS_POSTED_TEXT);
    await workbench.openViewContainer('DevRel Desk');
  });

  after(async () => {
    for (const file of written.reverse()) fs.rmSync(file, { force: true });
    fs.rmSync(path.join(workbench?.workspace ?? '', 'content/posts/img'), { recursive: true, force: true });
    if (workbench) {
      const settingsFile = path.join(workbench.workspace, '.vscode', 'settings.json');
      if (settingsBefore === undefined) fs.rmSync(settingsFile, { force: true });
      else fs.writeFileSync(settingsFile, settingsBefore);
    }
    await workbench?.close();
  });

  it('shows the dry-run preview of exactly what would be sent, beside the draft', async function () {
    // Opening a second editor group and activating Markdown support is slow on a busy machine.
    this.timeout(180_000);
    const page = workbench.page;
    await foldOtherViews(workbench);
    const started = Date.now();
    const row = workbench.draftRow('Budgeting traces with tail sampling');
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    note(`draft listed after ${Date.now() - started} ms`);
    // Quick Open rather than the tree row: the tree redraws while the new files are indexed.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type('ui-cross-post-preview.md');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'ui-cross-post-preview.md' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab', { hasText: 'ui-cross-post-preview.md' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    note(`draft opened after ${Date.now() - started} ms`);
    await workbench.runCommand('DevRel: Publish to dev.to or Hashnode…');
    const platform = page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: /^\s*dev\.to\s*$/ }) })
      .first();
    await platform.waitFor({ state: 'visible', timeout: 15_000 });
    await platform.click();
    const tab = page.locator('.editor-group-container .tab', { hasText: 'dev.to preview of ui-cross-post-preview.md' }).first();
    await tab.waitFor({ state: 'visible', timeout: 20_000 });
    await workbench.waitForText('Dry run: Create a dev.to article', 15_000);
    const notice = page.locator('.notifications-toasts .notification-toast', { hasText: 'Dry run for dev.to' }).first();
    await notice.waitFor({ state: 'visible', timeout: 15_000 });
    const buttons = await notice.locator('.monaco-button').allInnerTexts();
    note(`notification buttons: ${buttons.join(' | ')}`);
    assert.ok(buttons.includes('Publish') && buttons.includes('Save as Draft on dev.to'), `buttons: ${buttons.join(', ')}`);
    note(`preview and notification shown after ${Date.now() - started} ms`);
    // Room for the preview, and no stray hover over it, for the screenshot.
    await page.mouse.move(640, 760);
    await page.keyboard.press('Control+B');
    await workbench.screenshot('publish-dry-run-preview');
    await page.keyboard.press('Control+B');
    const close = notice.locator('.codicon-notifications-clear').first();
    if (await close.isVisible().catch(() => false)) await close.click();
    const files = fs.readFileSync(path.join(workbench.workspace, PREVIEW_POST), 'utf8');
    assert.equal(files, PREVIEW_TEXT, 'a dry run changes nothing');
  });

  it('shows where a draft is cross-posted, with links and synced reach, in its tooltip', async () => {
    const page = workbench.page;
    await page.keyboard.press('Escape');
    await foldOtherViews(workbench);
    const row = workbench.draftRow('Sampling at the edge, cross-posted');
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /on dev\.to, Hashnode/, 'the row says where the post is cross-posted');
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'dev.to' }).first();
    await waitUntil(
      async () => {
        await row.hover();
        return hover.isVisible().catch(() => false);
      },
      20_000,
      'the tooltip of the cross-posted draft',
    );
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    note(`tooltip: ${text.replace(/\s+/g, ' ')}`);
    assert.match(text, /dev\.to · 1,204 views · 31 reactions/);
    assert.match(text, /Hashnode · 380 views/);
    const links = await hover
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => [a.getAttribute('href'), a.getAttribute('data-href'), a.getAttribute('title')].filter(Boolean).join(' ')));
    assert.ok(
      links.some((href) => href.includes('dev.to/priya/sampling-at-the-edge-4k2j')),
      `links: ${links.join(', ')}`,
    );
    await workbench.screenshot('publish-cross-posted-tooltip');
  });
});
