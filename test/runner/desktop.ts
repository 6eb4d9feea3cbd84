import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { spawn } from 'child_process';
import { buildExtension, buildIntegrationTests } from './build';
import { addCleanup, installSignalHandlers, runCleanups, runScript } from './cleanup';
import { EventLog, phaseTimeoutMs, readEventsFile, timeout } from './phase';
import { repoRoot } from './paths';
import { formatCounts } from './protocol';
import { createRunDirs, removeRunDirs } from './runDirs';

/**
 * Runs the same compiled integration suites in desktop VS Code, downloaded by
 * @vscode/test-electron into .vscode-test/. `VSCODE_VERSION` picks the version
 * (default: stable). On Linux without a display, run it under `xvfb-run -a`.
 */
async function main(): Promise<number> {
  installSignalHandlers();
  await buildExtension();
  const compiled = await buildIntegrationTests();
  console.log(`built the extension and ${compiled.testFiles.length} integration test files`);

  const version = process.env.VSCODE_VERSION || 'stable';
  const executable = await downloadAndUnzipVSCode({ version, cachePath: `${repoRoot}/.vscode-test` });
  const dirs = createRunDirs('desktop');
  const log = new EventLog('desktop', (line) => console.log(line));
  try {
    const args = [
      dirs.workspace,
      `--extensionDevelopmentPath=${repoRoot}`,
      `--extensionTestsPath=${compiled.integrationEntry}`,
      `--user-data-dir=${dirs.userDataDir}`,
      `--extensions-dir=${dirs.extensionsDir}`,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-updates',
      '--no-sandbox',
      '--disable-gpu-sandbox',
    ];
    console.log(`\nIntegration tests in desktop VS Code (${version})`);
    // Spawned here rather than through runTests() so the timeout and Ctrl+C
    // handling can stop the editor like they stop code-server.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DEVREL_TEST_RESULTS_FILE: dirs.resultsFile,
      DEVREL_TEST_USER_DATA_DIR: dirs.userDataDir,
      DEVREL_TEST_CONSOLE: 'plain',
    };
    // Set by some terminals; it would start Electron as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(executable, args, { env, stdio: 'inherit', detached: true });
    const killEditor = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const stop = addCleanup('VS Code', killEditor, killEditor);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const limit = phaseTimeoutMs();
    const timer = timeout(limit);
    const outcome = await Promise.race([exited, timer.promise]);
    timer.cancel();
    await stop();

    // The extension host printed readable lines itself; only count here.
    for (const event of readEventsFile(dirs.resultsFile)) {
      log.events.push(event);
    }
    if (outcome === 'timeout') {
      log.failRun(`timed out after ${Math.round(limit / 1000)} s`);
    } else if (!log.finished) {
      log.failRun(`VS Code exited with ${outcome} before mocha finished`);
    } else if (outcome !== 0 && log.counts().failed === 0) {
      log.failRun(`VS Code exited with ${outcome} although no test failed`);
    }
  } finally {
    removeRunDirs(dirs);
    await runCleanups();
  }
  const counts = log.counts();
  console.log('');
  console.log(formatCounts(counts));
  return counts.failed > 0 || counts.passed === 0 ? 1 : 0;
}

runScript(main);
