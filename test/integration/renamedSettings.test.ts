import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getApi, sleep, waitFor } from './helpers';

interface Written {
  user: unknown;
  workspace: unknown;
}

function written(key: string): Written {
  const inspected = vscode.workspace.getConfiguration('devrel').inspect<unknown>(key);
  return { user: inspected?.globalValue, workspace: inspected?.workspaceValue };
}

describe('Renamed settings', () => {
  before(async () => {
    await getApi();
  });

  const keys = ['focus.maxActive', 'focus.maxDraftsInHand', 'focus.maxDeadlinesPer14Days', 'focus.maxDeadlinesInTwoWeeks'];
  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('devrel');
    for (const key of keys) {
      await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
      await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('moves an old key to its new name in workspace and user settings, keeping the value', async () => {
    const config = vscode.workspace.getConfiguration('devrel');
    await config.update('focus.maxActive', 2, vscode.ConfigurationTarget.Workspace);
    await config.update('focus.maxDeadlinesPer14Days', 0, vscode.ConfigurationTarget.Global);
    await waitFor(() => written('focus.maxDraftsInHand').workspace === 2 && written('focus.maxActive').workspace === undefined, 10_000, 'focus.maxActive moved in the workspace');
    await waitFor(
      () => written('focus.maxDeadlinesInTwoWeeks').user === 0 && written('focus.maxDeadlinesPer14Days').user === undefined,
      10_000,
      'focus.maxDeadlinesPer14Days moved in user settings',
    );
    assert.equal(written('focus.maxDraftsInHand').user, undefined, 'a workspace value stays in the workspace');
  });

  it('keeps both keys where the new one is written too, so no value is lost', async () => {
    const config = vscode.workspace.getConfiguration('devrel');
    await config.update('focus.maxDraftsInHand', 5, vscode.ConfigurationTarget.Workspace);
    await config.update('focus.maxActive', 1, vscode.ConfigurationTarget.Workspace);
    // Give the move a chance to run; it must leave both alone.
    await sleep(1500);
    assert.deepEqual([written('focus.maxDraftsInHand').workspace, written('focus.maxActive').workspace], [5, 1]);
  });
});
