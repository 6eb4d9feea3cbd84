import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

describe('New Blog Post', () => {
  let workbench: Workbench;
  const title = 'Shipping plugins with WebAssembly';
  // The demo workspace is a Hugo site: posts go to content/posts and are named by slug.
  const relativePath = 'content/posts/shipping-plugins-with-webassembly.md';

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    // Other suites share the workspace copy and count its drafts.
    if (workbench) fs.rmSync(path.join(workbench.workspace, relativePath), { force: true });
    await workbench?.close();
  });

  it('asks for a title from the command palette and opens the new post', async () => {
    const page = workbench.page;
    const command = 'DevRel: New Blog Post';
    await workbench.openCommandPalette(command);
    // Clicked by hand rather than with runCommand(): the palette hands over to the title prompt
    // in the same widget, which never hides in between.
    const row = page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: /^\s*DevRel: New Blog Post\s*$/ }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();

    await workbench.waitForText(/Title: it goes into the front matter/);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // An empty title is refused with a reason before anything is typed.
    await page.keyboard.press('Enter');
    await workbench.waitForText(/Enter a title/);
    await page.keyboard.type(title);
    await waitUntil(async () => (await input.inputValue()) === title, 10_000, 'the title to be typed');
    await workbench.screenshot('new-blog-post-title');
    await page.keyboard.press('Enter');

    // Any further prompt of the kind is optional: Enter on an empty box skips it.
    const widget = page.locator('.quick-input-widget');
    for (let i = 0; i < 10 && (await widget.isVisible()); i++) {
      await page.waitForTimeout(200);
      if (await widget.isVisible()) await page.keyboard.press('Enter');
    }

    const fileName = path.posix.basename(relativePath);
    const tab = page.locator('.tabs-container [role="tab"]').filter({ hasText: fileName }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil(async () => (await tab.getAttribute('aria-selected')) === 'true', 10_000, `${fileName} to be the active tab`);
    // The first placeholder (the description) is selected, ready to be typed over.
    await workbench.waitForText(/One sentence for search results/);
    const shot = await workbench.screenshot('new-blog-post-opened');
    note(`opened ${fileName}; screenshot ${path.basename(shot)}`);

    const file = path.join(workbench.workspace, relativePath);
    await waitUntil(async () => fs.existsSync(file), 10_000, `${relativePath} on disk`);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^kind: blog$/m);
    assert.match(text, new RegExp(`^title: ${title}$`, 'm'));
    assert.match(text, /^status: idea$/m);
    assert.match(text, /^draft: true$/m);
    // Saved after the snippet went in: no unsaved-changes dot on the tab.
    assert.doesNotMatch((await tab.getAttribute('class')) ?? '', /\bdirty\b/);
  });
});
