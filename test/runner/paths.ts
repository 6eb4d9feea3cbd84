import * as fs from 'fs';
import * as path from 'path';

export const repoRoot: string = path.resolve(__dirname, '..', '..');

// Pinned: later code-server releases need a newer Node and drop the test payload
// outside smoke-test builds.
export const codeServerVersion = '4.100.3';
export const codeServerInstallDir: string = path.join(repoRoot, '.vscode-test', `code-server-${codeServerVersion}`);

export const testOutDir: string = path.join(repoRoot, 'out');
export const uiTestDir: string = path.join(repoRoot, 'test', 'ui');
export const fixtureWorkspace: string = path.join(repoRoot, 'test', 'fixtures', 'demo-workspace');
/** One folder per site shape (Jekyll in docs/, Zola, two sites in one folder…), opened together as a multi-root workspace. */
export const siteFixtures: string = path.join(repoRoot, 'test', 'fixtures', 'sites');
export const testResultsDir: string = path.join(repoRoot, 'test-results');

export const extensionId = 'devrel-desk.devrel-desk';

/** Lists files under `dir` whose names end with `suffix`, sorted so runs are repeatable. */
export function listFiles(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith(suffix))
    .map((name) => path.join(dir, name))
    .sort();
}
