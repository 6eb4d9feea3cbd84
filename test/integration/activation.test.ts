import * as assert from 'assert';
import { performance } from 'perf_hooks';
import {
  activationFromLog,
  editorLogFiles,
  extensionLogErrors,
  getExtension,
  note,
  waitFor,
} from './helpers';

// Runs before every other suite (see index.ts), so it sees activation exactly as
// the editor did it, before any test called activate() itself.
describe('Activation', () => {
  it('activates on its own in a workspace with Markdown drafts', async () => {
    const extension = getExtension();
    await waitFor(() => extension.isActive, 15_000, `${extension.id} to activate through its activation events`);
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
    const reported = typeof api.activationMs === 'number' ? `${api.activationMs.toFixed(1)} ms (reported by the extension)` : 'not reported by the extension';
    note(`activation time: ${reported}`);
    if (fromLog) {
      note(`activated by ${fromLog.event}`);
    }
    note(`activate() resolved in ${activateCallMs.toFixed(1)} ms; listDrafts() returned ${drafts.length} drafts in ${listMs.toFixed(1)} ms`);
  });

  it('logs no errors from the extension', function () {
    if (process.env.DEVREL_TEST_USER_DATA_DIR) {
      // Without the log the check below would pass vacuously.
      const hostLogs = editorLogFiles().filter((file) => /exthost\.log$/i.test(file));
      assert.ok(hostLogs.length > 0, 'no extension host log found under the run\'s user data folder');
    } else {
      note('log check skipped: the runner did not pass DEVREL_TEST_USER_DATA_DIR');
      this.skip();
    }
    const errors = extensionLogErrors().map((entry) => entry.text.split('\n').slice(0, 6).join('\n'));
    assert.deepStrictEqual(errors, [], `the editor logged errors from ${getExtension().id}`);
  });
});
