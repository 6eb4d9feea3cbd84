import * as fs from 'fs';
import * as path from 'path';
import { generateDraftWorkspace } from '../../scripts/generateDrafts';
import { launchBrowser, LaunchedBrowser } from './browser';
import { buildExtension, buildIntegrationTests } from './build';
import { addCleanup, installSignalHandlers, runScript } from './cleanup';
import { CodeServer, ensureCodeServer, PrerequisiteError, runServerOptions, startCodeServer } from './codeServer';
import { runInExtensionHost } from './hostRun';
import { describeMissing, missingForRun } from './prerequisites';
import { createRunDirs, removeRunDirs } from './runDirs';

/**
 * `npm run bench:editor`: opens a generated workspace of DevRel drafts
 * (DEVREL_BENCH_DRAFTS, default 5000) in code-server with the extension and
 * prints, as JSON on the last line, how long activation and the first full
 * listing took.
 */
async function main(): Promise<number> {
  installSignalHandlers();
  const count = Number(process.env.DEVREL_BENCH_DRAFTS) || 5000;
  const missing = missingForRun();
  if (missing.length > 0) {
    console.error(describeMissing(missing));
    return fail('prerequisites missing');
  }
  let entry: string;
  try {
    entry = (await ensureCodeServer((line) => console.log(line))).entry;
  } catch (error) {
    console.error(error instanceof PrerequisiteError ? error.message : String(error));
    return fail('code-server is not installed');
  }
  await buildExtension();
  const compiled = await buildIntegrationTests();

  const dirs = createRunDirs('bench', null, 'drafts');
  const removeDirs = addCleanup('temp folders', () => removeRunDirs(dirs));
  const resultFile = path.join(dirs.root, 'bench.json');
  let server: CodeServer | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    const generateStarted = Date.now();
    generateDraftWorkspace(dirs.workspace, count);
    console.log(`generated ${count} drafts in ${Date.now() - generateStarted} ms`);
    server = await startCodeServer(
      runServerOptions(entry, dirs, {
        disableGallery: true,
        env: {
          DEVREL_BENCH_EXPECTED: String(count),
          DEVREL_BENCH_RESULT_FILE: resultFile,
          DEVREL_TEST_USER_DATA_DIR: dirs.userDataDir,
        },
      }),
    );
    browser = await launchBrowser();
    const { outcome } = await runInExtensionHost({
      server,
      browser,
      dirs,
      testsPath: compiled.benchHostEntry,
      timeoutMs: Number(process.env.DEVREL_TEST_TIMEOUT_MS) || 10 * 60_000,
      onLine: (level, text) => {
        if (level === 'error' && /devrel/i.test(text)) {
          console.error(`  [${level}] ${text}`);
        }
      },
    });
    const result = fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Record<string, unknown>) : undefined;
    if (outcome !== 0 || !result) {
      if (result) {
        console.log(JSON.stringify(result));
      }
      return fail(outcome === 'timeout' ? 'timed out' : `the bench module failed (${outcome})`);
    }
    console.log(
      `activation ${String(result.activateMs)} ms (${String(result.activateMsSource)}); ` +
        `${String(result.drafts)} drafts listed ${String(result.listReadyMs)} ms after ${String(result.listReadyFrom)}`,
    );
    console.log(JSON.stringify(result));
    return 0;
  } finally {
    await browser?.close();
    await server?.stop();
    await removeDirs();
  }
}

function fail(reason: string): number {
  console.log(JSON.stringify({ error: reason }));
  return 1;
}

runScript(main, (error) => JSON.stringify({ error: String(error) }));
