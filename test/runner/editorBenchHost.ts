import * as fs from 'fs';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { activationFromLog, DevRelDeskApi, extensionId } from '../integration/helpers';

/**
 * Loaded by the extension host as `extensionTestsPath` for `npm run bench:editor`.
 * Measures how long DevRel Desk takes to activate and to list every draft of
 * a generated workspace, and writes the numbers to DEVREL_BENCH_RESULT_FILE.
 */
export async function run(): Promise<void> {
  const expected = Number(process.env.DEVREL_BENCH_EXPECTED);
  const resultFile = process.env.DEVREL_BENCH_RESULT_FILE;
  const timeoutMs = Number(process.env.DEVREL_BENCH_LIST_TIMEOUT_MS) || 5 * 60_000;
  if (!resultFile || !(expected > 0)) {
    throw new Error('DEVREL_BENCH_EXPECTED and DEVREL_BENCH_RESULT_FILE must be set');
  }
  const extension = vscode.extensions.getExtension<DevRelDeskApi>(extensionId);
  if (!extension) {
    throw new Error(`${extensionId} is not loaded`);
  }
  const hostStartedAt = Date.now();
  const alreadyActive = extension.isActive;
  const callStarted = performance.now();
  const api = await extension.activate();
  const activateCallMs = performance.now() - callStarted;

  let drafts = await api.listDrafts();
  while (drafts.length < expected && Date.now() - hostStartedAt < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    drafts = await api.listDrafts();
  }
  const listedAt = Date.now();

  // The editor logs when it starts activating (ms resolution); the extension
  // usually activates on its own before this module runs, so that log line is
  // the only view of the true start from out here.
  const fromLog = activationFromLog();
  const activationStartedAt = fromLog?.startedAt ?? hostStartedAt;
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const result = {
    drafts: drafts.length,
    expected,
    activateMs: round(api.timings?.activateMs ?? activateCallMs),
    listReadyMs: listedAt - activationStartedAt,
    activateMsSource: api.timings ? 'extension timings.activateMs' : 'activate() call in the extension host',
    listReadyFrom: fromLog ? `activation start (${fromLog.event})` : 'bench module start',
    alreadyActive,
    extensionTimings: api.timings ?? null,
    vscodeVersion: vscode.version,
  };
  fs.writeFileSync(resultFile, JSON.stringify(result));
  if (drafts.length < expected) {
    throw new Error(`listDrafts() returned ${drafts.length} of ${expected} drafts after ${timeoutMs} ms`);
  }
}
