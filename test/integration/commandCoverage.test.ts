import * as assert from 'assert';
import * as vscode from 'vscode';
import { contributedCommands, executedCommands, getApi, getExtension, note } from './helpers';

// index.ts loads this file last, so every other suite has had its chance to run
// the commands through helpers.executeCommand().
describe('Command coverage', () => {
  it('reads the contributed commands from the manifest', () => {
    const manifest = getExtension().packageJSON as { name?: string; contributes?: { commands?: unknown } };
    assert.strictEqual(manifest.name, 'devrel-desk');
    const commands = manifest.contributes?.commands;
    assert.ok(commands === undefined || Array.isArray(commands), 'contributes.commands is not a list');
    for (const command of contributedCommands()) {
      assert.match(command.command, /^devrel\./, `command ${command.command} is outside the devrel.* namespace`);
    }
  });

  it('registers every contributed command', async () => {
    await getApi();
    const registered = new Set(await vscode.commands.getCommands(true));
    const unregistered = contributedCommands()
      .map((command) => command.command)
      .filter((id) => !registered.has(id));
    assert.deepStrictEqual(unregistered, [], 'contributed in package.json but never registered by activate()');
  });

  it('executes every contributed command in some test', function () {
    if (process.env.DEVREL_TEST_GREP) {
      // A filtered run cannot judge coverage.
      this.skip();
    }
    const contributed = contributedCommands();
    const executed = executedCommands();
    const notExecuted = contributed
      .filter((command) => !executed.has(command.command))
      .map((command) => `${command.command} (${command.category ? `${command.category}: ` : ''}${command.title})`);
    note(`${contributed.length - notExecuted.length} of ${contributed.length} contributed commands executed by tests`);
    assert.deepStrictEqual(notExecuted, [], 'no integration test ran these commands; run them with executeCommand() from helpers.ts');
  });
});
