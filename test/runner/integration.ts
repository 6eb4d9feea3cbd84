import * as path from 'path';
import { launchBrowser, LaunchedBrowser } from './browser';
import { addCleanup } from './cleanup';
import { CodeServer, runServerOptions, startCodeServer } from './codeServer';
import { runInExtensionHost } from './hostRun';
import { EventLog, isVerbose, PhaseResult, phaseTimeoutMs, Print, readEventsFile, resultPath } from './phase';
import { decodeEvent } from './protocol';
import { addSecondRoot, createRunDirs, removeRunDirs, RunDirs, saveLogs, useSiteFixtures } from './runDirs';
import { siteFixtures, testResultsDir } from './paths';

/**
 * Runs the compiled integration suites inside code-server's extension host,
 * driven by headless Chromium: the workbench loads the extension in an
 * Extension Development Host, runs index.js, and reports back through the
 * codeAutomation* hooks it calls on the page.
 */
export async function runIntegrationPhase(
  codeServerEntry: string,
  testsEntry: string,
  print: Print,
  variant: 'single-root' | 'multi-root' | 'sites' = 'single-root',
): Promise<PhaseResult> {
  const startedAt = Date.now();
  const name = variant === 'multi-root' ? 'multiroot' : variant === 'sites' ? 'sites' : 'integration';
  const log = new EventLog(name, print);
  const dirs = createRunDirs(name, variant === 'sites' ? siteFixtures : undefined);
  // The multi-root runs open several folders and run only the suites written for them.
  if (variant === 'multi-root') addSecondRoot(dirs);
  if (variant === 'sites') useSiteFixtures(dirs);
  const grep = variant === 'multi-root' ? '^Multi-root' : variant === 'sites' ? '^Sites' : undefined;
  // Registered first, so on Ctrl+C it runs after the server and browser have stopped.
  const removeDirs = addCleanup('temp folders', () => removeRunDirs(dirs));
  let server: CodeServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    server = await startCodeServer(
      runServerOptions(codeServerEntry, dirs, {
        disableGallery: true,
        // The extension host inherits the server's environment.
        env: { ...testEnvironment(dirs), ...(grep !== undefined ? { DEVREL_TEST_GREP: process.env.DEVREL_TEST_GREP ? `${grep}.*${process.env.DEVREL_TEST_GREP}` : grep } : {}) },
      }),
    );
    browser = await launchBrowser();
    await driveRun(server, browser, dirs, testsEntry, log, print);
  } catch (error) {
    log.failRun(error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close();
    await server?.stop();
    if (log.counts().failed > 0) {
      const logsDir = path.join(testResultsDir, `${name}-logs`);
      saveLogs(dirs, logsDir);
      print(`  editor logs: ${path.relative(process.cwd(), logsDir)}`);
    }
    await removeDirs();
  }
  return { name, counts: log.counts(), seconds: Math.round((Date.now() - startedAt) / 1000) };
}

/** What index.ts and helpers.ts read from the environment. */
export function testEnvironment(dirs: RunDirs): NodeJS.ProcessEnv {
  return {
    DEVREL_TEST_RESULTS_FILE: dirs.resultsFile,
    DEVREL_TEST_USER_DATA_DIR: dirs.userDataDir,
    DEVREL_TEST_WORKBENCH_LOG: dirs.workbenchLog,
  };
}

async function driveRun(server: CodeServer, browser: LaunchedBrowser, dirs: RunDirs, testsEntry: string, log: EventLog, print: Print): Promise<void> {
  const limit = phaseTimeoutMs();
  const { outcome, page } = await runInExtensionHost({
    server,
    browser,
    dirs,
    testsPath: testsEntry,
    timeoutMs: limit,
    onLine: (level, text) => {
      const event = decodeEvent(text);
      if (event) {
        log.add(event);
      } else if (isVerbose()) {
        print(`  [${level}] ${text}`);
      }
    },
  });

  // The file is complete even when console lines were still in flight at exit.
  log.reconcile(readEventsFile(dirs.resultsFile));
  if (outcome === 'timeout') {
    log.failRun(`timed out after ${Math.round(limit / 1000)} s (DEVREL_TEST_TIMEOUT_MS changes the limit)`);
  } else if (outcome === 'crash') {
    log.failRun('the browser page crashed');
  } else if (outcome === 'server-exit') {
    log.failRun('code-server exited during the run');
  } else if (!log.finished) {
    log.failRun(`the editor ended the run (exit code ${outcome}) before mocha finished`);
  } else if (outcome !== 0 && log.counts().failed === 0) {
    log.failRun(`the editor reported exit code ${outcome} although no test failed`);
  }
  const counts = log.counts();
  if (counts.passed + counts.failed + counts.pending === 0) {
    log.failRun('no integration tests ran');
  }
  if (log.counts().failed > 0) {
    const shot = resultPath(testResultsDir, 'integration-failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    print(`  screenshot of the workbench: ${path.relative(process.cwd(), shot)}`);
  }
}
