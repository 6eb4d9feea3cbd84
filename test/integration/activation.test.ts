import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { activationFromLog, editorLogFiles, extensionLogErrors, getExtension, note, waitFor } from './helpers';

// Runs before every other suite (see index.ts), so it sees activation exactly as
// the editor did it, before any test called activate() itself.
describe('Activation', () => {
  it('activates on its own in a workspace with Markdown drafts', async () => {
    const extension = getExtension();
    await waitFor(() => extension.isActive, 15_000, `${extension.id} to activate through its activation events`);
    // A throwing activate() still leaves isActive true, just without exports.
    assert.ok(extension.exports, 'the extension is active but exports nothing: did activate() throw?');
  });

  it('returns its API from activate()', async () => {
    const extension = getExtension();
    const started = performance.now();
    const api = await extension.activate();
    const activateCallMs = performance.now() - started;
    assert.ok(api, 'activate() returned nothing');
    assert.strictEqual(typeof api.listDrafts, 'function', 'the API has no listDrafts()');
    assert.strictEqual(extension.exports, api, 'exports differ from what activate() resolved to');

    const listStarted = performance.now();
    const drafts = await api.listDrafts();
    const listMs = performance.now() - listStarted;
    assert.ok(Array.isArray(drafts), 'listDrafts() did not resolve to an array');

    const fromLog = activationFromLog();
    const record = {
      vscodeVersion: vscode.version,
      activationEvent: fromLog?.event ?? null,
      activationMs: typeof api.timings?.activateMs === 'number' ? round(api.timings.activateMs) : null,
      firstListMs: typeof api.timings?.firstListMs === 'number' ? round(api.timings.firstListMs) : null,
      activateCallMs: round(activateCallMs),
      listDraftsMs: round(listMs),
      drafts: drafts.length,
    };
    note(
      record.activationMs === null
        ? `activation: ${record.activateCallMs} ms until activate() resolved here (the extension reports no timings)`
        : `activation: ${record.activationMs} ms in activate(), first listing after ${record.firstListMs ?? '?'} ms (as the extension measured)`,
    );
    note(`activated by ${record.activationEvent ?? 'an unknown event'}; listDrafts() returned ${drafts.length} drafts in ${record.listDraftsMs} ms`);
    // Kept beside the screenshots so timings can be compared across runs.
    const resultsDir = path.join(extension.extensionPath, 'test-results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, 'activation.json'), JSON.stringify(record, null, 2) + '\n');
  });

  it('logs no errors from the extension', function () {
    if (process.env.DEVREL_TEST_USER_DATA_DIR) {
      // Without the log the check below would pass vacuously.
      const hostLogs = editorLogFiles().filter((file) => /exthost\.log$/i.test(file));
      assert.ok(hostLogs.length > 0, "no extension host log found under the run's user data folder");
    } else {
      note('log check skipped: the runner did not pass DEVREL_TEST_USER_DATA_DIR');
      this.skip();
    }
    const errors = extensionLogErrors().map((entry) => entry.text.split('\n').slice(0, 6).join('\n'));
    assert.deepStrictEqual(errors, [], `the editor logged errors from ${getExtension().id}`);
  });
});

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
