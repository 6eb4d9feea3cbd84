import * as assert from 'assert';
import { extensionManifest, note, openWorkbench, waitUntil, Workbench } from './workbench';

describe('Command palette', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('lists DevRel commands when typing "DevRel"', async () => {
    await workbench.openCommandPalette('DevRel');
    const items = await workbench.quickPickItems();
    await workbench.screenshot('command-palette-devrel');
    await workbench.closeQuickInput();

    const devrelItems = items.filter((item) => item.startsWith('DevRel: '));
    note(`palette shows ${items.length} rows, ${devrelItems.length} of them "DevRel: …"`);
    const manifest = extensionManifest();
    const contributed = (manifest.contributes?.commands ?? []).filter((command) => command.category === 'DevRel');
    if (contributed.length > 0) {
      assert.ok(devrelItems.length > 0, `no "DevRel: …" command in the palette; it showed: ${items.join(' | ')}`);
      const titles = new Set(contributed.map((command) => `DevRel: ${command.title}`));
      const strangers = devrelItems.filter((item) => !titles.has(item));
      assert.deepStrictEqual(strangers, [], 'palette shows DevRel commands the manifest does not contribute');
    } else {
      // Nothing contributed yet: the palette must still have opened and filtered.
      assert.ok(
        items.every((item) => !item.startsWith('DevRel: ')),
        'DevRel commands shown that the manifest does not contribute',
      );
    }
  });

  it('runs a command chosen by its title', async () => {
    const activityBar = workbench.page.locator('.part.activitybar');
    await workbench.runCommand('View: Toggle Zen Mode');
    await waitUntil(async () => !(await activityBar.isVisible()), 10_000, 'Zen Mode to hide the activity bar');
    await workbench.runCommand('View: Toggle Zen Mode');
    await activityBar.waitFor({ state: 'visible', timeout: 10_000 });
  });
});
