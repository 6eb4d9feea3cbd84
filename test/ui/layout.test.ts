import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { localDate, note, openWorkbench, waitUntil, Workbench } from './workbench';

/** Picks a colour theme by name and waits for the workbench to wear it. */
async function chooseTheme(workbench: Workbench, name: 'Dark Modern' | 'Light Modern'): Promise<void> {
  const page = workbench.page;
  await workbench.runCommand('Preferences: Color Theme');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  const dark = name === 'Dark Modern';
  await waitUntil(
    async () => {
      const classes = (await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
      return dark ? /\bvs-dark\b/.test(classes) : /(^|\s)vs(\s|$)/.test(classes);
    },
    15_000,
    `the ${name} theme`,
  );
}

interface RowLayout {
  sidebarWidth: number;
  label: string;
  description: string;
  /** Where the row's text is cut off: the right edge of its label container, less an ellipsis. */
  visibleRight: number;
  labelRight: number;
  /** The description's first part, the next date. */
  dateLeft: number;
  dateRight: number;
  iconWidth: number;
  /** Average widths of a character in the label and the description, to size the title limit. */
  labelCharPx: number;
  descriptionCharPx: number;
}

/**
 * Where a tree row's label, description and icon sit. Text ranges give the laid-out position
 * of each part, which a container with hidden overflow cuts off at its right edge.
 */
async function rowLayout(row: Locator): Promise<RowLayout> {
  const element = await row.elementHandle({ timeout: 15_000 });
  // A string because the tests compile without the DOM's types.
  const measure = await row.page().evaluateHandle(`(item) => {
    const box = (el) => (el ? el.getBoundingClientRect() : { left: 0, right: 0, width: 0 });
    const textRect = (el, from, to) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (!started && from <= offset + length) { range.setStart(node, from - offset); started = true; }
        if (started && to <= offset + length) { range.setEnd(node, to - offset); return range.getBoundingClientRect(); }
        offset += length;
      }
      return { left: 0, right: 0, width: 0 };
    };
    const container = item.querySelector('.monaco-icon-label-container');
    const name = item.querySelector('.label-name');
    const description = item.querySelector('.label-description');
    const label = name ? name.textContent : '';
    const text = description ? description.textContent : '';
    const dateEnd = text.indexOf(' · ') >= 0 ? text.indexOf(' · ') : text.length;
    const date = description ? textRect(description, 0, dateEnd) : { left: 0, right: 0 };
    const perChar = (el, t) => (el && t.length > 0 ? textRect(el, 0, t.length).width / t.length : 0);
    return {
      sidebarWidth: Math.round(box(document.querySelector('.part.sidebar')).width),
      label,
      description: text,
      // The content box's edge, less room for the ellipsis the browser draws where it cuts, in the
      // container's font: as wide as 1em in some fonts.
      visibleRight: Math.round(box(container).right - parseFloat(getComputedStyle(container).paddingRight || '0') - parseFloat(getComputedStyle(container).fontSize)),
      labelRight: Math.round(name ? textRect(name, 0, label.length).right : 0),
      dateLeft: Math.round(date.left),
      dateRight: Math.round(date.right),
      iconWidth: Math.round(box(item.querySelector('.custom-view-tree-node-item-icon')).width),
      labelCharPx: Math.round(perChar(name, label) * 10) / 10,
      descriptionCharPx: Math.round(perChar(description, text) * 10) / 10,
    };
  }`);
  try {
    return await measure.evaluate((fn, item) => (fn as unknown as (el: unknown) => RowLayout)(item), element);
  } finally {
    await measure.dispose();
    await element?.dispose();
  }
}

const SCROLL_TO_TALKS = "[...document.querySelectorAll('section.board')].find((b) => /^Talks/.test(b.querySelector('h3').textContent)).scrollIntoView()";

describe('Polish: title bar, rows, dashboard board, themes and the empty state', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
    await workbench.openViewContainer('DevRel Desk');
  });

  after(async () => {
    if (!workbench) return;
    await workbench.runCommand('View: Close All Editors').catch(() => undefined);
    await workbench.close();
  });

  it('keeps the Drafts title bar to a few actions, with the rest under More Actions', async () => {
    const page = workbench.page;
    await workbench.focusOnView('Drafts');
    // Filter by Tag shows once there are drafts to filter: wait for the index.
    await workbench.treeRows('Drafts', { atLeast: 10 });
    const header = workbench.viewPane('Drafts').locator('.pane-header').first();
    await header.hover();
    const actions = header.locator('.actions .action-label');
    await actions.first().waitFor({ state: 'visible', timeout: 15_000 });
    const inline = (await actions.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))).filter((l) => l !== '');
    note(`inline: ${inline.join(' | ')}`);
    await workbench.screenshot('layout-drafts-title-bar');
    for (const expected of ['New Draft…', 'Filter by Tag…', 'Open Dashboard']) assert.ok(inline.includes(expected), `${expected} in ${inline.join(', ')}`);
    for (const moved of ['Group By…', 'Hide Finished', 'Refresh', 'Set Up Workspace…']) assert.ok(!inline.includes(moved), `${moved} is in the menu, not inline`);
    // The three, Collapse All, and the menu itself.
    assert.ok(inline.filter((l) => !/^More Actions/.test(l)).length <= 4, inline.join(', '));

    await header.locator('.action-label[aria-label^="More Actions"]').first().click();
    const menu = page.locator('.monaco-menu').first();
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    const items = (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
    note(`menu: ${items.join(' | ')}`);
    await workbench.screenshot('layout-drafts-more-actions');
    for (const expected of ['Group By…', 'Hide Finished', 'Refresh', 'Set Up Workspace…']) assert.ok(items.includes(expected), `${expected} in ${items.join(', ')}`);
    await page.keyboard.press('Escape');
  });

  it("keeps a long-titled row's date in view at the default sidebar width, in the light and the dark theme", async function () {
    this.timeout(120_000);
    await workbench.focusOnView('Drafts');
    const title = 'Caching CI in a monorepo without lying to yourself';
    const row = workbench.draftRow(title);
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    const day = '(today|tomorrow|yesterday|in \\d+ days|\\d+ days ago)';
    const name = (await row.getAttribute('aria-label')) ?? '';
    note(`accessible name: ${name}`);
    assert.match(name, new RegExp(`^${title}, due ${day} · polishing`), 'the full title, then the date and status, for screen readers');
    await workbench.page.mouse.move(900, 600);
    try {
      for (const theme of ['Light Modern', 'Dark Modern'] as const) {
        await chooseTheme(workbench, theme);
        await workbench.page.mouse.move(900, 600);
        const seen = await rowLayout(row);
        note(`${theme}: ${JSON.stringify(seen)}`);
        await workbench.screenshot(`layout-drafts-rows-${theme === 'Light Modern' ? 'light' : 'dark'}`);
        assert.ok(seen.sidebarWidth >= 290 && seen.sidebarWidth <= 310, `the default sidebar width: ${seen.sidebarWidth}`);
        assert.ok(seen.label.endsWith('…') && title.startsWith(seen.label.slice(0, -1)), `the label is the start of the title: ${seen.label}`);
        assert.match(seen.description, new RegExp(`^due ${day} · polishing`));
        assert.ok(seen.labelRight <= seen.visibleRight, `the label is not clipped: ${JSON.stringify(seen)}`);
        assert.ok(seen.dateRight <= seen.visibleRight && seen.dateRight - seen.dateLeft > 20, `the date is in view: ${JSON.stringify(seen)}`);
        assert.ok(seen.iconWidth > 0, 'the status icon shows');
      }
    } finally {
      await chooseTheme(workbench, 'Light Modern');
    }
    // Typing in the tree still finds the draft by the start of its title, which its label keeps.
    await workbench.viewPane('Drafts').locator('.monaco-list').first().focus();
    await workbench.page.keyboard.type('Caching CI', { delay: 50 });
    await waitUntil(async () => /\bfocused\b/.test((await row.getAttribute('class')) ?? ''), 10_000, 'typing to find the row');
    await workbench.page.keyboard.press('Escape');
  });

  it('wraps the talk board within the editor, in the light and the dark theme, and shows Upcoming dark', async function () {
    this.timeout(120_000);
    await workbench.runCommand('Notifications: Clear All Notifications').catch(() => undefined);
    await workbench.runCommand('DevRel: Open Dashboard');
    const frame = await workbench.dashboardFrame();
    const board = frame.locator('section.board').filter({ has: frame.locator('h3', { hasText: /^Talks/ }) });
    await board.locator('.column').first().waitFor({ state: 'visible', timeout: 30_000 });
    // An expression run in the page; a string because the tests compile without the DOM's types.
    const fits = (await frame.evaluate(`(() => {
      const section = [...document.querySelectorAll('section.board')].find((b) => /^Talks/.test(b.querySelector('h3').textContent));
      const box = section.getBoundingClientRect();
      const columns = [...section.querySelectorAll('.column')].map((c) => c.getBoundingClientRect());
      const grid = section.querySelector('.columns');
      const page = document.documentElement;
      return {
        count: columns.length,
        rows: new Set(columns.map((c) => Math.round(c.top))).size,
        inside: columns.every((c) => c.left >= box.left - 1 && c.right <= box.right + 1),
        gridScrolls: grid.scrollWidth > grid.clientWidth + 1,
        pageScrolls: page.scrollWidth > page.clientWidth + 1,
      };
    })()`)) as { count: number; rows: number; inside: boolean; gridScrolls: boolean; pageScrolls: boolean };
    note(`talk board: ${JSON.stringify(fits)}`);
    assert.ok(fits.count >= 6, 'the talk workflow has its columns');
    assert.ok(fits.inside && !fits.gridScrolls && !fits.pageScrolls, JSON.stringify(fits));
    assert.ok(fits.rows >= 2, 'the columns wrap onto a second row at this width');
    await frame.evaluate(SCROLL_TO_TALKS);
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot('layout-talk-board-light');
    try {
      await chooseTheme(workbench, 'Dark Modern');
      await workbench.page.waitForTimeout(500);
      await frame.evaluate(SCROLL_TO_TALKS);
      await workbench.screenshot('layout-talk-board-dark');
      await frame.evaluate("document.getElementById('calendar').scrollIntoView()");
      await workbench.page.waitForTimeout(300);
      await workbench.screenshot('layout-dashboard-calendar-dark');
      await workbench.runCommand('View: Close All Editors');
      await workbench.focusOnView('Upcoming');
      const rows = await workbench.treeRows('Upcoming', { atLeast: 4 });
      assert.ok(
        rows.some((r) => r.level === 2),
        'Upcoming lists dated work',
      );
      await workbench.page.mouse.move(900, 600);
      await workbench.screenshot('layout-upcoming-dark');
    } finally {
      await chooseTheme(workbench, 'Light Modern');
      await workbench.focusOnView('Drafts');
    }
  });

  it('asks Add Submission in counted steps, with a date preview and Back', async () => {
    const page = workbench.page;
    const talk = 'talks/berlin-go-meetup-grpc-deadlines.md';
    const before = fs.readFileSync(path.join(workbench.workspace, talk), 'utf8');
    await workbench.openFile(talk);
    await workbench.runCommand('DevRel: Add Submission…');
    await workbench.waitForText(/Add Submission: Deadlines, not timeouts \(1\/3\)/);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('GopherCon EU 2027');
    await page.keyboard.press('Enter');
    await workbench.waitForText(/Add Submission: Deadlines, not timeouts \(2\/3\)/);
    await input.fill('+3w');
    await workbench.waitForText(new RegExp(localDate(21)));
    await page.mouse.move(900, 600);
    await workbench.screenshot('layout-add-submission-deadline');
    await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first().click();
    await workbench.waitForText(/Add Submission: Deadlines, not timeouts \(1\/3\)/);
    await waitUntil(async () => (await input.inputValue()) === 'GopherCon EU 2027', 10_000, 'the event kept on Back');
    await workbench.screenshot('layout-add-submission-back');
    await workbench.closeQuickInput();
    assert.equal(fs.readFileSync(path.join(workbench.workspace, talk), 'utf8'), before, 'nothing written when the flow is left');
  });

  it('offers the tracked drafts when Publish runs with no draft open', async () => {
    await workbench.runCommand('View: Close All Editors');
    await workbench.runCommand('DevRel: Publish to dev.to or Hashnode…');
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
    await waitUntil(async () => /No draft is open: pick one/.test((await input.getAttribute('placeholder').catch(() => null)) ?? ''), 15_000, 'the draft pick');
    const items = await workbench.quickPickItems();
    note(`drafts offered: ${items.length}`);
    // The list is virtual: only the rows on screen are read.
    assert.ok(items.length >= 5 && items.includes('Deadlines, not timeouts'), items.join(' | '));
    await workbench.screenshot('layout-publish-pick');
    await workbench.closeQuickInput();
  });

  it('titles the focus settings as words in the Settings editor', async () => {
    const page = workbench.page;
    await workbench.runCommand('Preferences: Open Settings (UI)');
    const search = page.locator('.settings-editor .suggest-input-container .monaco-editor textarea').first();
    await search.waitFor({ state: 'visible', timeout: 15_000 });
    await search.focus();
    await page.keyboard.type('devrel.focus');
    const titles = page.locator('.settings-editor .setting-item-label');
    await waitUntil(async () => (await titles.allInnerTexts()).some((t) => /Max Drafts In Hand/.test(t)), 15_000, 'the renamed setting');
    const shown = (await titles.allInnerTexts()).map((t) => t.trim());
    note(`settings: ${shown.join(' | ')}`);
    await workbench.screenshot('layout-settings-focus');
    assert.ok(
      shown.some((t) => /Max Deadlines In Two Weeks/.test(t)),
      shown.join(' | '),
    );
    assert.ok(!shown.some((t) => /Per14|Max Active$/.test(t)), 'the old keys are not listed while unset');
    await workbench.runCommand('View: Close All Editors');
  });

  it('greets an empty folder with one New Draft button and links', async function () {
    this.timeout(120_000);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-desk-empty-'));
    const empty = await openWorkbench({ folder });
    try {
      assert.equal(empty.workspace, folder);
      await empty.openViewContainer('DevRel Desk');
      await empty.focusOnView('Drafts');
      const welcome = empty.viewPane('Drafts').locator('.welcome-view-content').first();
      await welcome.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await welcome.innerText()).replace(/\s+/g, ' ');
      note(`welcome: ${text}`);
      const buttons = await welcome.locator('.monaco-button').allInnerTexts();
      note(`buttons: ${buttons.join(' | ')}`);
      await empty.page.mouse.move(900, 600);
      await empty.screenshot('layout-empty-state');
      assert.deepEqual(
        buttons.map((b) => b.trim()),
        ['New Draft…'],
      );
      assert.match(text, /Map a folder to a kind/i);
      await chooseTheme(empty, 'Dark Modern');
      await empty.screenshot('layout-empty-state-dark');
    } finally {
      await chooseTheme(empty, 'Light Modern').catch(() => undefined);
      await empty.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
