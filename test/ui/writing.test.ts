import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { note, openWorkbench, waitUntil, Workbench } from './workbench';

const TALK_PATH = 'talks/ui-timing-lens.md';
const POST_PATH = 'content/posts/ui-preview-header.md';

const TALK = `---
kind: talk
title: "Timing in the margin"
status: rehearsing
duration: 20
rehearsals:
  - date: 2026-12-01
    minutes: 22.5
    sections:
      - { title: Why it matters, planned: 4, actual: 3.5 }
      - { title: Live demo, planned: 10, actual: 12.5 }
      - { title: Questions, planned: 6, actual: 6.5 }
---

## Why it matters (4 min)

- The slot is fixed; the talk is not

## Live demo (10 min)

- Start from an empty repository

## Questions (6 min)

## Bonus slides (3 min)
`;

const POST = `---
kind: blog
title: "Previewing a draft"
description: "What the Markdown preview shows about a draft."
status: review
publish_date: 2027-01-12
due: 2027-01-08
---

> **TL;DR:** The preview knows it is looking at a draft.

## Why

The header above says what this is, where it stands and when it goes out.

## Before publishing

- [x] Code samples run as pasted
- [x] Links checked
- [ ] Reviewed by a teammate
`;

describe('Writing in the workbench', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
    fs.writeFileSync(path.join(workbench.workspace, TALK_PATH), TALK);
    fs.writeFileSync(path.join(workbench.workspace, POST_PATH), POST);
  });

  after(async () => {
    if (!workbench) return;
    try {
      await workbench.runCommand('View: Close All Editors');
    } finally {
      // Other suites share the workspace copy and count its drafts.
      fs.rmSync(path.join(workbench.workspace, TALK_PATH), { force: true });
      fs.rmSync(path.join(workbench.workspace, POST_PATH), { force: true });
      await workbench.close();
    }
  });

  it('shows the timing of each talk section above its heading', async () => {
    await workbench.openFile(TALK_PATH);
    const lenses = workbench.page.locator('.monaco-editor .codelens-decoration');
    await waitUntil(async () => (await lenses.count()) >= 4, 30_000, 'four timing lenses');
    const texts = (await lenses.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    note(`lenses: ${texts.join(' | ')}`);
    assert.deepEqual(texts, [
      '00:00 → 04:00 · 4 min · 4/20 · rehearsed 3.5 min (−0.5)',
      '04:00 → 14:00 · 10 min · 14/20 · rehearsed 12.5 min (+2.5)',
      '14:00 → 20:00 · 6 min · 20/20 · rehearsed 6.5 min (+0.5)',
      '20:00 → 23:00 · 3 min · 23/20 · ⚠ over the 20 min slot',
    ]);
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.screenshot('talk-timing-codelens');

    await workbench.runCommand('Markdown: Open Preview to the Side');
    const preview = await workbench.frameWith('.devrel-budget', 'the section budgets in the preview');
    const badges = (await preview.locator('.devrel-budget').allTextContents()).map((t) => t.trim());
    assert.deepEqual(badges, ['4 min · 4/20', '10 min · 14/20', '6 min · 20/20', '3 min · 23/20']);
    assert.equal(await preview.locator('.devrel-budget.devrel-over').count(), 1, 'only the section past the slot is marked');
    await workbench.screenshot('markdown-preview-talk-budgets');
    await workbench.runCommand('View: Close All Editors');
  });

  it('shows the draft header, section budgets and checklist progress in the Markdown preview', async () => {
    await workbench.openFile(POST_PATH);
    await workbench.runCommand('Markdown: Open Preview to the Side');
    const preview = await workbench.frameWith('.devrel-draft-header', 'the draft header in the preview');
    const header = ((await preview.locator('.devrel-draft-header').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    note(`header: ${header}`);
    assert.match(header, /^Blog post ?review 3\/5 ?Publish 2027-01-12 ?Due 2027-01-08 ?Reading 1 min ?Checklist 2\/3 ticked$/);
    assert.equal(((await preview.locator('.devrel-checklist').textContent()) ?? '').trim(), '2/3 ticked');
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.screenshot('markdown-preview-draft-header');

    // The workbench starts in a light theme; the header's colours come from the theme, so look at it in a dark one too.
    const settingsFile = path.join(workbench.workspace, '.vscode', 'settings.json');
    const settings = fs.readFileSync(settingsFile, 'utf8');
    try {
      fs.writeFileSync(settingsFile, JSON.stringify({ ...(JSON.parse(settings) as object), 'workbench.colorTheme': 'Default Dark Modern' }, null, 2));
      await waitUntil(async () => (await workbench.page.locator('.monaco-workbench.vs-dark').count()) > 0, 30_000, 'the dark theme');
      await workbench.runCommand('View: Close All Editors');
      await workbench.openFile(POST_PATH);
      await workbench.runCommand('Markdown: Open Preview to the Side');
      const dark = await workbench.frameWith('body.vscode-dark .devrel-draft-header', 'the preview in the dark theme');
      // Evaluated in the page, which has a DOM; the tests are compiled without one.
      const colours = await dark.evaluate<string>(`(() => {
        const style = (e) => getComputedStyle(e).color + ' on ' + getComputedStyle(e).backgroundColor;
        return 'body ' + style(document.body) + ' [' + document.body.className + ']; header ' + style(document.querySelector('.devrel-draft-header')) + '; status ' + style(document.querySelector('.devrel-status'));
      })()`);
      note(`dark preview: ${colours}`);
      await workbench.page.mouse.move(1000, 700);
      await workbench.page.waitForTimeout(1000);
      const shot = await workbench.screenshot('markdown-preview-draft-header-dark');
      // A screenshot of the page can show the webview as it was before the theme changed; one of the element itself can't.
      await dark.locator('.devrel-draft-header').screenshot({ path: path.join(path.dirname(shot), 'markdown-preview-draft-header-dark-element.png') });
      assert.match(colours, /header rgb\(204, 204, 204\) on rgb\(43, 43, 43\)/, 'the header takes the dark theme');
    } finally {
      fs.writeFileSync(settingsFile, settings);
    }
    await waitUntil(async () => (await workbench.page.locator('.monaco-workbench.vs-dark').count()) === 0, 30_000, 'the light theme again');
  });
});
