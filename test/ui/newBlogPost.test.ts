import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { localDate, note, openWorkbench, waitUntil, Workbench } from './workbench';

describe('New Blog Post', () => {
  let workbench: Workbench;
  const title = 'Shipping plugins with WebAssembly';
  // The demo workspace is a Hugo site: posts go to content/posts and are named by slug.
  const relativePath = 'content/posts/shipping-plugins-with-webassembly.md';
  const talkPath = `talks/${localDate()}-observability-on-a-budget.md`;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    // Other suites share the editor and the workspace copy, and count its drafts.
    await workbench?.runCommand('View: Close All Editors').catch(() => undefined);
    for (const file of [relativePath, talkPath]) if (workbench) fs.rmSync(path.join(workbench.workspace, file), { force: true });
    await workbench?.close();
  });

  it('asks for a title from the command palette and opens the new post', async () => {
    const page = workbench.page;
    await workbench.startCommand('DevRel: New Blog Post');

    await workbench.waitForText(/Title: it goes into the front matter/);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // An empty title is refused with a reason before anything is typed.
    await page.keyboard.press('Enter');
    await workbench.waitForText(/Enter a title/);
    await page.keyboard.type(title);
    await waitUntil(async () => (await input.inputValue()) === title, 10_000, 'the title to be typed');
    // With a title the complaint gives way to the prompt again.
    await workbench.waitForText(/Title: it goes into the front matter/);
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
    // The first placeholder (the description) is selected, ready to be typed over. The editor
    // draws spaces as non-breaking ones, so the status bar's selection count is the reliable read.
    const placeholder = 'One sentence for search results and social cards, under 160 characters';
    await workbench.waitForText(new RegExp(`Ln 4, Col \\d+ \\(${placeholder.length} selected\\)`));
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

  it('asks a talk its questions, checks dates as they are typed, and skips empty answers', async () => {
    const page = workbench.page;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const answer = async (text: string): Promise<void> => {
      await input.fill(text);
      await page.keyboard.press('Enter');
    };
    await workbench.startCommand('DevRel: New Talk Outline');
    await workbench.waitForText(/Title: it goes into the front matter/);
    await answer('Observability on a budget');

    await workbench.waitForText(/Event or conference: leave empty to skip/);
    await answer('SREcon EMEA');

    await workbench.waitForText(/CFP deadline: leave empty to skip/);
    await input.fill('next blursday');
    await workbench.waitForText(/Use YYYY-MM-DD, today, tomorrow/);
    await input.fill('+14d');
    // The relative date is shown as the day it stands for before it is accepted.
    await workbench.waitForText(new RegExp(localDate(14)));
    await workbench.screenshot('new-talk-cfp-deadline');
    await page.keyboard.press('Enter');

    await workbench.waitForText(/Event date: leave empty to skip/);
    // Counted steps: the title was 1 of 5.
    await workbench.waitForText(/New talk: Observability on a budget \(4\/5\)/);
    // An event before the CFP closes is questioned, as a warning that can be accepted.
    await input.fill('+7d');
    await workbench.waitForText(/The event is before the CFP closes/);
    await workbench.screenshot('new-talk-event-before-deadline');
    // Back returns to the CFP deadline with the answer given, as a date.
    await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first().click();
    // The date's preview takes the prompt's place, so the step is known by its count.
    await workbench.waitForText(/New talk: Observability on a budget \(3\/5\)/);
    await waitUntil(async () => (await input.inputValue()) === localDate(14), 10_000, 'the CFP answer kept on Back');
    await workbench.screenshot('new-talk-back');
    await page.keyboard.press('Enter');
    await workbench.waitForText(/Event date: leave empty to skip/);
    await answer('');
    await workbench.waitForText(/Talk length in minutes: leave empty to skip/);
    await answer('45');

    const fileName = path.posix.basename(talkPath);
    const tab = page.locator('.tabs-container [role="tab"]').filter({ hasText: fileName }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    // The command is done once the first placeholder (the audience) is selected and the file saved.
    const audience = 'Backend developers who run services in production';
    await workbench.waitForText(new RegExp(`Ln 10, Col \\d+ \\(${audience.length} selected\\)`));
    await waitUntil(async () => !/\bdirty\b/.test((await tab.getAttribute('class')) ?? ''), 10_000, 'the new talk to be saved');
    const file = path.join(workbench.workspace, talkPath);
    await waitUntil(async () => fs.existsSync(file), 10_000, `${talkPath} on disk`);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^event: SREcon EMEA$/m);
    assert.match(text, new RegExp(`^cfp_deadline: ${localDate(14)}$`, 'm'));
    assert.match(text, /^event_date:$/m, 'a skipped prompt leaves the field empty');
    assert.match(text, /^duration: 45$/m);
    assert.match(text, /^## Live demo \(12 min\)$/m, 'the outline is timed for 45 minutes');
  });

  it('offers every kind in New Draft…', async () => {
    await workbench.startCommand('DevRel: New Draft…');
    let items: string[] = [];
    const kinds = ['Blog post', 'Talk outline', 'OSS contribution checklist', 'Workshop', 'Conference trip report', 'Hackathon'];
    // The palette's rows are reused by the new pick, so wait until every row shows a kind.
    const allListed = async (): Promise<boolean> => {
      items = await workbench.quickPickItems();
      return kinds.every((name) => items.some((item) => item.endsWith(name)));
    };
    // The assertions below say which kind is missing if this never settles.
    await waitUntil(allListed, 30_000, 'the kinds to be listed').catch(() => undefined);
    await workbench.screenshot('new-draft-kinds');
    await workbench.closeQuickInput();
    for (const name of kinds) {
      assert.ok(
        items.some((item) => item.endsWith(name)),
        `${name} missing from: ${items.join(' | ')}`,
      );
    }
  });

  it('cancels quietly on Escape, creating nothing', async () => {
    const page = workbench.page;
    const before = fs.readdirSync(path.join(workbench.workspace, 'workshops')).sort();
    await workbench.startCommand('DevRel: New Workshop');
    await workbench.waitForText(/Title: it goes into the front matter/);
    await page.keyboard.type('Never written');
    await page.keyboard.press('Enter');
    await workbench.waitForText(/Event date: leave empty to skip/);
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.deepEqual(fs.readdirSync(path.join(workbench.workspace, 'workshops')).sort(), before);
  });
});
