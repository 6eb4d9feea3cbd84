import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { integrationOutDir, listFiles, repoRoot, testOutDir } from './paths';
import { runCommand } from './processUtil';

/** Builds dist/extension.js with the project's own esbuild config. */
export async function buildExtension(): Promise<void> {
  const logFile = path.join(os.tmpdir(), `devrel-desk-build-${process.pid}.log`);
  try {
    await runCommand(process.execPath, ['esbuild.config.mjs'], { cwd: repoRoot, logFile });
  } finally {
    fs.rmSync(logFile, { force: true });
  }
}

/**
 * Compiles the integration tests file by file into out/, mirroring the source
 * layout. Not bundled: every test file must share one instance of helpers.ts
 * (it records which commands ran), and `vscode` only exists at run time.
 */
export async function buildIntegrationTests(): Promise<string[]> {
  const sources = [
    ...listFiles(path.join(repoRoot, 'test', 'integration'), '.ts'),
    path.join(repoRoot, 'test', 'runner', 'protocol.ts'),
    path.join(repoRoot, 'test', 'runner', 'testReporter.ts'),
  ];
  // Stale output of a deleted test would otherwise still run.
  fs.rmSync(path.join(testOutDir, 'test'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: sources,
    outbase: repoRoot,
    outdir: testOutDir,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
  return listFiles(integrationOutDir, '.test.js');
}
