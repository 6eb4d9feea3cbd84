import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addCleanup } from './cleanup';
import { listFiles, repoRoot, testOutDir } from './paths';
import { runCommand } from './processUtil';

/** Builds dist/ (the extension and the dashboard page) with the project's own esbuild config. */
export async function buildExtension(): Promise<void> {
  const logFile = path.join(os.tmpdir(), `devrel-desk-build-${process.pid}.log`);
  try {
    await runCommand(process.execPath, ['esbuild.config.mjs'], { cwd: repoRoot, logFile });
  } finally {
    fs.rmSync(logFile, { force: true });
  }
}

export interface CompiledTests {
  /** This run's output folder under out/. */
  root: string;
  /** The module the editor loads as extensionTestsPath for the integration suites. */
  integrationEntry: string;
  /** The module `npm run bench:editor` loads instead. */
  benchHostEntry: string;
  testFiles: string[];
}

/**
 * Compiles the integration tests file by file into a folder of this run's own
 * under out/, mirroring the source layout. Not bundled: every test file must
 * share one instance of helpers.ts (it records which commands ran), and
 * `vscode` only exists at run time. A folder per run keeps two runs in one
 * work tree from deleting each other's files, and deleted tests from lingering.
 */
export async function buildIntegrationTests(): Promise<CompiledTests> {
  fs.mkdirSync(testOutDir, { recursive: true });
  removeAbandonedRuns();
  const root = fs.mkdtempSync(path.join(testOutDir, `run-${process.pid}-`));
  addCleanup('compiled tests', () => fs.rmSync(root, { recursive: true, force: true }));
  const sources = [
    ...listFiles(path.join(repoRoot, 'test', 'integration'), '.ts'),
    path.join(repoRoot, 'test', 'runner', 'protocol.ts'),
    path.join(repoRoot, 'test', 'runner', 'demoDates.ts'),
    path.join(repoRoot, 'test', 'runner', 'testReporter.ts'),
    path.join(repoRoot, 'test', 'runner', 'editorBenchHost.ts'),
  ];
  await esbuild.build({
    entryPoints: sources,
    outbase: repoRoot,
    outdir: root,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
  const integrationDir = path.join(root, 'test', 'integration');
  return {
    root,
    integrationEntry: path.join(integrationDir, 'index.js'),
    benchHostEntry: path.join(root, 'test', 'runner', 'editorBenchHost.js'),
    testFiles: listFiles(integrationDir, '.test.js'),
  };
}

/** Output of runs that were killed before their cleanup ran. */
function removeAbandonedRuns(): void {
  for (const name of fs.readdirSync(testOutDir)) {
    const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) {
      fs.rmSync(path.join(testOutDir, name), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
