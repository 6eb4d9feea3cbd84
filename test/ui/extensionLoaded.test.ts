import * as assert from 'assert';
import * as path from 'path';
import { extensionManifest, note, openWorkbench, waitUntil, Workbench } from './workbench';

describe('Workbench with DevRel Desk', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens the demo workspace in an Extension Development Host', async () => {
    const title = await workbench.title();
    assert.ok(title.startsWith('[Extension Development Host]'), `window title is "${title}"`);
    assert.ok(title.includes(path.basename(workbench.workspace)), `window title "${title}" does not name the workspace`);
  });

  it('shows the demo workspace files in the Explorer', async () => {
    await workbench.openViewContainer('Explorer');
    const rows = await workbench.treeRows(path.basename(workbench.workspace), { atLeast: 5 });
    const topLevel = rows.filter((row) => row.level === 1).map((row) => row.text);
    for (const folder of ['content', 'hackathons', 'notes', 'oss', 'talks', 'trip-reports', 'workshops']) {
      assert.ok(topLevel.includes(folder), `Explorer lacks ${folder}/; it shows ${topLevel.join(', ')}`);
    }
  });

  it('runs the extension in the extension host', async () => {
    const manifest = extensionManifest();
    const id = `${manifest.publisher}.${manifest.name}`;
    await workbench.runCommand('Developer: Show Running Extensions');
    const editor = workbench.page.locator('.part.editor');
    const names = [manifest.displayName, id].filter((name): name is string => Boolean(name));
    const entry = editor
      .locator('.monaco-list-row')
      .filter({ hasText: new RegExp(names.map(escape).join('|')) })
      .first();
    await entry.waitFor({ state: 'visible', timeout: 30_000 });
    // The first test can open the list while the host is still activating.
    let text = '';
    await waitUntil(async () => /Activation: [\d.]+\s*ms/.test((text = (await entry.innerText()).replace(/\s+/g, ' '))), 60_000, 'DevRel Desk to finish activating').catch(
      () => undefined,
    );
    const activation = /(Startup )?Activation: [\d.]+\s*ms/.exec(text);
    assert.ok(activation, `DevRel Desk is listed but not activated: "${text}"`);
    note(`Running Extensions: ${activation[0]}`);
    await workbench.screenshot('running-extensions');
  });

  it('contributes its activity bar container and views', async function () {
    const manifest = extensionManifest();
    const containers = manifest.contributes?.viewsContainers?.activitybar ?? [];
    if (containers.length === 0) {
      note('the manifest contributes no activity bar container yet');
      this.skip();
    }
    for (const container of containers) {
      await workbench.openViewContainer(container.title);
      for (const view of manifest.contributes?.views?.[container.id] ?? []) {
        await workbench.viewPane(view.name).waitFor({ state: 'attached', timeout: 30_000 });
        // Informational: what each view shows is for the view's own tests to judge.
        const rows = await workbench.treeRows(view.name, { atLeast: 1, timeoutMs: 10_000 }).catch(() => []);
        note(`${container.title} › ${view.name}: ${rows.length} rows${rows.length ? ` (first: ${rows[0].text})` : ''}`);
      }
    }
    await workbench.screenshot('devrel-desk-views');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
