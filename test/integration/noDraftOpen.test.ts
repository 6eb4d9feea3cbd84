import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, executeCommand, getApi, readEditorLogs, sleep } from './helpers';

/** Runs a command with no editor open, waits for its pick, dismisses it, and returns what the command returned. */
async function runAndDismiss(id: string): Promise<unknown> {
  const pending = executeCommand(id);
  await sleep(700);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return pending;
}

describe('Commands that need a draft, with none open', () => {
  before(async () => {
    await getApi();
    await closeAllEditors();
  });

  for (const [id, action] of [
    ['devrel.setStatus', 'Set Status'],
    ['devrel.advanceStatus', 'Advance Status'],
    ['devrel.publish', 'Publish'],
  ] as const) {
    it(`${action} offers the tracked drafts instead of failing`, async () => {
      const result = await runAndDismiss(id);
      // Dismissing the pick is a quiet cancel; a refusal would have been logged as "Open a draft…".
      assert.equal(result, id === 'devrel.publish' ? undefined : false);
      assert.ok(!readEditorLogs().some((e) => e.text.includes(`${action}: Open a draft`)), `${action} refused instead of offering a pick`);
    });
  }
});
