import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, executeCommand, getApi, openDocument, waitFor } from './helpers';

const TITLE = 'DevRel Dashboard';

function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label === TITLE);
}

describe('Dashboard', () => {
  before(async () => {
    await getApi();
    await closeAllEditors();
  });

  after(async () => {
    await closeAllEditors();
  });

  it('opens one dashboard panel, and shows it again rather than opening a second', async () => {
    await executeCommand('devrel.openDashboard');
    const first = await waitFor(() => (dashboardTabs().length > 0 ? dashboardTabs() : undefined), 10_000, 'the dashboard tab');
    assert.equal(first.length, 1);
    assert.ok(first[0].isActive, 'the new dashboard is the active tab');

    // Hide it behind another editor, then run the command again: the same panel comes back.
    await openDocument('notes/README.md');
    await waitFor(() => !dashboardTabs()[0]?.isActive, 5_000, 'the dashboard to be behind another editor');
    await executeCommand('devrel.openDashboard');
    await waitFor(() => dashboardTabs()[0]?.isActive, 10_000, 'the dashboard to be active again');
    assert.equal(dashboardTabs().length, 1, 'still one dashboard');
  });

  it('opens a fresh panel after the old one was closed', async () => {
    await closeAllEditors();
    await waitFor(() => dashboardTabs().length === 0, 5_000, 'the dashboard to close');
    await executeCommand('devrel.openDashboard');
    await waitFor(() => dashboardTabs().length === 1, 10_000, 'a new dashboard tab');
  });
});
