import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

/**
 * The demo workspace is a Hugo site; this suite adds a Docusaurus site in `website/` and a
 * folder of dated notes nothing claims, so Set Up Workspace has two sites and a candidate to show.
 */
describe('Set Up Workspace and the walkthrough', function () {
  // Each test waits for the file watcher and a rescan, which take their time on a busy machine:
  // the first one alone may wait up to two minutes for the new site to show.
  this.timeout(180_000);
  let workbench: Workbench;
  const added = ['website', 'journal'];
  /** The demo's own settings (its CFP feeds among them), put back for the suites after this one. */
  let settingsBefore: string | undefined;
  const settingsFile = (): string => path.join(workbench.workspace, '.vscode', 'settings.json');

  function write(relative: string, text: string): void {
    const file = path.join(workbench.workspace, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  before(async () => {
    workbench = await openWorkbench();
    settingsBefore = fs.existsSync(settingsFile()) ? fs.readFileSync(settingsFile(), 'utf8') : undefined;
    write('website/docusaurus.config.js', "module.exports = { title: 'Tracewell docs', url: 'https://docs.tracewell.example', baseUrl: '/' };\n");
    write('website/blog/2026-09-01-collector-1-0.md', '---\ntitle: Collector 1.0\n---\n\nThe collector is stable.\n');
    write('website/blog/2026-10-15-sampling-guide.md', '---\ntitle: A sampling guide\ndraft: true\n---\n\nHead or tail?\n');
    write('journal/2026-08-02-kubecon-prep.md', '# KubeCon prep\n');
    write('journal/2026-08-09-cfp-ideas.md', '# CFP ideas\n');
    write('journal/2026-08-16-demo-notes.md', '# Demo notes\n');
  });

  after(async () => {
    // Other suites share the workspace copy and count its drafts.
    await workbench?.runCommand('View: Close All Editors').catch(() => undefined);
    if (workbench) {
      await workbench.runCommand('DevRel: Group By…').catch(() => undefined);
      await workbench.page
        .locator('.quick-input-widget .monaco-list-row', { hasText: /^\s*Kind/ })
        .first()
        .click({ timeout: 5000 })
        .catch(() => undefined);
      for (const folder of added) fs.rmSync(path.join(workbench.workspace, folder), { recursive: true, force: true });
      if (settingsBefore === undefined) fs.rmSync(path.join(workbench.workspace, '.vscode'), { recursive: true, force: true });
      else fs.writeFileSync(settingsFile(), settingsBefore);
    }
    await workbench?.close();
  });

  async function rowLabels(): Promise<string[]> {
    const rows = workbench.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const labels: string[] = [];
    for (const row of await rows.all()) labels.push(((await row.innerText()) ?? '').replace(/\s+/g, ' ').trim());
    return labels;
  }

  it('shows both sites, the tracked folders with counts and the untracked ones, and writes what is confirmed', async () => {
    const page = workbench.page;
    // The watcher picks the new site's config up on its own; Refresh makes sure of it at once.
    await workbench.runCommand('DevRel: Refresh');
    await waitUntil(
      async () => {
        await workbench.runCommand('DevRel: Set Up Workspace…');
        const visible = await page
          .getByText(/Docusaurus site in website\//)
          .first()
          .isVisible({ timeout: 5000 })
          .catch(() => false);
        if (!visible) await workbench.closeQuickInput();
        return visible;
      },
      120_000,
      'Set Up Workspace to show the Docusaurus site',
    );
    await page.locator('.quick-input-widget .quick-input-box input[placeholder^="2 sites found: check what to track"]').waitFor({ state: 'visible', timeout: 30_000 });
    const labels = await rowLabels();
    note(labels.join(' | '));
    assert.ok(
      labels.some((l) => /content\/posts ?Blog post.*9 files, 9 tracked/.test(l)),
      labels.join('\n'),
    );
    assert.ok(
      labels.some((l) => /website\/blog ?Blog post.*2 files, 2 tracked/.test(l)),
      labels.join('\n'),
    );
    assert.ok(
      labels.some((l) => /journal ?Blog post\?.*3 files named YYYY-MM-DD-…/.test(l)),
      labels.join('\n'),
    );
    assert.ok(
      labels.some((l) => /talks ?Talk\?.*named talks/.test(l)),
      labels.join('\n'),
    );
    await page.mouse.move(1200, 760);
    await page.waitForTimeout(500);
    await workbench.screenshot('set-up-workspace');

    // Track the journal too: its checkbox, then Enter.
    const journal = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'journal' }).first();
    const count = page.locator('.quick-input-widget .quick-input-count');
    // A click on the row toggles its check; the widget's count says when it took.
    await waitUntil(
      async () => {
        if (/3 Selected/.test((await count.textContent()) ?? '')) return true;
        // The checkbox itself: with more candidate rows the list scrolls, and a click on the label only focuses the row.
        await journal.scrollIntoViewIfNeeded();
        await journal.locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox').first().click();
        await page.waitForTimeout(300);
        return /3 Selected/.test((await count.textContent()) ?? '');
      },
      20_000,
      'the journal folder to be checked',
    );
    await page.locator('.quick-input-widget .quick-input-action a, .quick-input-widget .quick-input-action .monaco-button', { hasText: 'OK' }).first().click();
    const settings = path.join(workbench.workspace, '.vscode', 'settings.json');
    // The demo workspace already has a settings file, so wait for the mapping itself to be written.
    await waitUntil(async () => fs.existsSync(settings) && fs.readFileSync(settings, 'utf8').includes('devrel.folderKinds'), 10_000, 'devrel.folderKinds in .vscode/settings.json');
    const written = JSON.parse(fs.readFileSync(settings, 'utf8')) as Record<string, Record<string, string>>;
    assert.deepEqual(written['devrel.folderKinds'], { 'content/posts': 'blog', journal: 'blog', 'website/blog': 'blog' });
    await workbench.waitForText(/DevRel Desk tracks 3 folders/);
    await workbench.screenshot('set-up-workspace-written');
  });

  it('groups the Drafts view by site', async () => {
    const page = workbench.page;
    await workbench.openViewContainer('DevRel Desk');
    await workbench.runCommand('DevRel: Group By…');
    const site = page.locator('.quick-input-widget .monaco-list-row', { hasText: /^\s*Site/ }).first();
    await site.waitFor({ state: 'visible', timeout: 10_000 });
    await site.click();
    // Collapsed, every site's group fits on screen.
    const pane = workbench.viewPane('Drafts');
    await pane.hover();
    await pane.locator('.pane-header a.action-label[aria-label="Collapse All"]').first().click();
    await waitUntil(
      async () => {
        const rows = await workbench.treeRows('Drafts');
        return rows.some((r) => /^Hugo site \(\d+\)/.test(r.text)) && rows.some((r) => /^Docusaurus site in website\/ \(2\)/.test(r.text));
      },
      20_000,
      'site groups in the Drafts view',
    );
    const groups = (await workbench.treeRows('Drafts')).filter((r) => r.level === 1).map((r) => r.text);
    note(groups.join(' | '));
    // Parked drafts have their own group, whichever site they are in.
    assert.equal(groups.filter((g) => !/^Parked \(\d+\)/.test(g)).length, 2, 'the Hugo site at the root holds every other draft');
    await page.mouse.move(1200, 760);
    await workbench.screenshot('drafts-grouped-by-site');
  });

  it('asks once where new posts go when several folders hold them, and remembers it', async () => {
    const page = workbench.page;
    await workbench.openCommandPalette('DevRel: New Blog Post');
    // Clicked by hand: the palette hands over to the command's own prompts in the same widget.
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: /^\s*DevRel: New Blog Post\s*$/ }) })
      .first()
      .click();
    await page.mouse.move(1200, 760);
    await workbench.waitForText(/Title: it goes into the front matter/);
    await page.keyboard.type('Tail sampling at scale');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-box input[placeholder^="Where do new blog posts go?"]').waitFor({ state: 'visible', timeout: 30_000 });
    const labels = await rowLabels();
    note(labels.join(' | '));
    assert.ok(labels.some((l) => /website\/blog/.test(l)) && labels.some((l) => /content\/posts/.test(l)) && labels.some((l) => /journal/.test(l)), labels.join('\n'));
    await workbench.screenshot('new-post-where');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'website/blog' }).first().click();
    const widget = page.locator('.quick-input-widget');
    for (let i = 0; i < 10 && (await widget.isVisible()); i++) {
      await page.waitForTimeout(200);
      if (await widget.isVisible()) await page.keyboard.press('Enter');
    }
    const settings = path.join(workbench.workspace, '.vscode', 'settings.json');
    await waitUntil(async () => /"devrel\.folders"/.test(fs.readFileSync(settings, 'utf8')), 10_000, 'devrel.folders in the settings');
    assert.deepEqual((JSON.parse(fs.readFileSync(settings, 'utf8')) as Record<string, unknown>)['devrel.folders'], { blog: 'website/blog' });
    const blog = path.join(workbench.workspace, 'website', 'blog');
    const made = (): string[] => fs.readdirSync(blog).filter((name) => name.endsWith('tail-sampling-at-scale.md'));
    await waitUntil(async () => made().length > 0, 30_000, 'the new post in website/blog');
    const created = made();
    assert.equal(created.length, 1, 'the post went to website/blog');
    assert.match(created[0], /^\d{4}-\d{2}-\d{2}-tail-sampling-at-scale\.md$/, 'named by date, as Docusaurus expects');
    // The new post opens with its first placeholder selected; the walkthrough comes next.
    await workbench.page.locator('.tabs-container [role="tab"]', { hasText: created[0] }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(fs.readFileSync(path.join(workbench.workspace, 'website', 'blog', created[0]), 'utf8'), /^draft: true$/m);
  });

  it('opens the walkthrough with its steps', async () => {
    const page = workbench.page;
    await workbench.runCommand('View: Close All Editors').catch(() => undefined);
    await workbench.openCommandPalette('Welcome: Open Walkthrough');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: /Open Walkthrough/ })
      .first()
      .click();
    const entry = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with DevRel Desk' }).first();
    await entry.waitFor({ state: 'visible', timeout: 15_000 });
    await entry.click();
    for (const step of ['See what DevRel Desk found', 'Create a first draft of each kind', 'Log what a piece of work achieved', 'Open the dashboard']) {
      await workbench.waitForText(step, 20_000);
    }
    await workbench.waitForText(/Set Up Workspace/);
    // Without the side bar the walkthrough has room for its media column.
    await workbench.runCommand('View: Close Primary Side Bar').catch(() => undefined);
    await page.mouse.move(1200, 780);
    // The step's media is its Markdown file, rendered in a webview of its own beside the steps.
    const media = await workbench.frameWith('h1:has-text("Your sites, found where they live")', "the first step's media");
    await media.locator('h1', { hasText: 'Your sites, found where they live' }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(await media.locator('table').first().isVisible(), 'the generators table in the media column');
    const frameBox = await (await media.frameElement()).boundingBox();
    assert.ok(frameBox && frameBox.width > 200 && frameBox.height > 200, `the media column has room: ${JSON.stringify(frameBox)}`);
    await page.waitForTimeout(500);
    await workbench.screenshot('walkthrough');
    await workbench.runCommand('View: Toggle Primary Side Bar Visibility').catch(() => undefined);
  });
});
