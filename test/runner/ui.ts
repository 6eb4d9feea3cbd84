import Mocha from 'mocha';
import * as path from 'path';
import { launchBrowser, LaunchedBrowser } from './browser';
import { CodeServer, runServerOptions, startCodeServer, workbenchUrl } from './codeServer';
import { EventLog, PhaseResult, phaseTimeoutMs, Print, resultPath, timeout } from './phase';
import { listFiles, repoRoot, testResultsDir, uiTestDir } from './paths';
import { setEventSink } from './protocol';
import { addCleanup } from './cleanup';
import { createRunDirs, removeRunDirs, saveLogs } from './runDirs';
import { createEventReporter } from './testReporter';
import { setUiSession, UiSession } from './uiSession';

/**
 * Runs the Playwright suites in test/ui/ with mocha, in this process. They drive
 * the real workbench served by code-server, with DevRel Desk loaded the way
 * `npm start` loads it.
 */
export async function runUiPhase(codeServerEntry: string, print: Print): Promise<PhaseResult> {
  const startedAt = Date.now();
  const log = new EventLog('ui', print);
  const dirs = createRunDirs('ui');
  // Registered first, so on Ctrl+C it runs after the server and browser have stopped.
  const removeDirs = addCleanup('temp folders', () => removeRunDirs(dirs));
  let server: CodeServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    const files = listFiles(uiTestDir, '.test.ts');
    if (files.length === 0) {
      throw new Error(`no UI tests (*.test.ts) in ${path.relative(repoRoot, uiTestDir)}`);
    }
    server = await startCodeServer(runServerOptions(codeServerEntry, dirs, { disableGallery: true }));
    browser = await launchBrowser();
    const session: UiSession = {
      browser: browser.browser,
      origin: server.origin,
      workbenchUrl: workbenchUrl(server, { folder: dirs.workspace, extensionDevelopmentPath: repoRoot }),
      workspace: dirs.workspace,
      extensionPath: repoRoot,
      resultsDir: testResultsDir,
      pages: new Set(),
    };
    setUiSession(session);
    await runMocha(files, session, log, browser);
  } catch (error) {
    log.failRun(error instanceof Error ? error.message : String(error));
  } finally {
    setUiSession(undefined);
    setEventSink(undefined);
    await browser?.close();
    await server?.stop();
    if (log.counts().failed > 0) {
      const logsDir = path.join(testResultsDir, 'ui-logs');
      saveLogs(dirs, logsDir);
      print(`  editor logs: ${path.relative(process.cwd(), logsDir)}`);
    }
    await removeDirs();
  }
  const counts = log.counts();
  return { name: 'ui', counts, seconds: Math.round((Date.now() - startedAt) / 1000) };
}

async function runMocha(files: string[], session: UiSession, log: EventLog, browser: LaunchedBrowser): Promise<void> {
  const sink = log.add.bind(log);
  setEventSink(sink);
  let failureShots = 0;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.DEVREL_TEST_MOCHA_TIMEOUT_MS) || 60_000,
    reporter: createEventReporter('ui', sink),
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        if (this.currentTest?.state !== 'failed') {
          return;
        }
        // What the workbench showed when the test failed is usually the quickest clue.
        for (const page of session.pages) {
          if (!page.isClosed()) {
            const shot = resultPath(testResultsDir, `ui-failure-${++failureShots}.png`);
            await page.screenshot({ path: shot }).catch(() => undefined);
            sink({ kind: 'note', text: `screenshot: ${path.relative(process.cwd(), shot)}` });
          }
        }
      },
    },
  });
  if (process.env.DEVREL_TEST_GREP) {
    mocha.grep(process.env.DEVREL_TEST_GREP);
  }
  for (const file of files) {
    mocha.addFile(file);
  }
  const limit = phaseTimeoutMs();
  const timer = timeout(limit);
  let runner: Mocha.Runner | undefined;
  const finished = new Promise<void>((resolve) => {
    runner = mocha.run(() => resolve());
  });
  const outcome = await Promise.race([finished.then(() => 'done' as const), timer.promise]);
  timer.cancel();
  if (outcome === 'timeout') {
    log.failRun(`timed out after ${Math.round(limit / 1000)} s (DEVREL_TEST_TIMEOUT_MS changes the limit)`);
    runner?.abort();
    // Closing the browser makes a test stuck in a page call fail fast.
    await browser.close();
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  } else if (!log.finished) {
    log.failRun('mocha ended without reporting the end of the run');
  }
  const counts = log.counts();
  if (counts.passed + counts.failed + counts.pending === 0) {
    log.failRun('no UI tests ran');
  }
}
