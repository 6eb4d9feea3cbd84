import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { demoWeeks, demoWeeksVariable, shiftDemoFile } from './demoDates';
import { fixtureWorkspace, listFiles } from './paths';

/** Everything one run writes, under one temp folder so nothing leaks between runs. */
export interface RunDirs {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  /** A fresh copy of the demo workspace: tests may change it freely. */
  workspace: string;
  configFile: string;
  serverLog: string;
  /** JSON lines of test events, written by the extension host. */
  resultsFile: string;
  /** Workbench (renderer) log lines, which only the browser sees. */
  workbenchLog: string;
  /** A `.code-workspace` file to open instead of the single `workspace` folder. */
  workspaceFile?: string;
  /** Whole weeks the demo workspace's dates were moved forward by (0 for other fixtures). */
  demoWeeks: number;
}

/**
 * Turns a run into a multi-root one: the demo workspace plus a small Jekyll site, so tests
 * can prove drafts are listed from both roots and each root keeps its own site generator.
 */
export function addSecondRoot(dirs: RunDirs): void {
  const second = path.join(dirs.root, 'jekyll-site');
  fs.mkdirSync(path.join(second, '_posts'), { recursive: true });
  fs.writeFileSync(path.join(second, '_config.yml'), 'title: Conference notes\n');
  fs.writeFileSync(
    path.join(second, '_posts', '2026-11-02-devrel-metrics-that-matter.md'),
    '---\ntitle: "DevRel metrics that matter"\npublished: false\ntags: [devrel]\n---\n\nWhy "beers paid off" is only half a joke.\n',
  );
  dirs.workspaceFile = path.join(dirs.root, 'devrel.code-workspace');
  fs.writeFileSync(dirs.workspaceFile, JSON.stringify({ folders: [{ path: dirs.workspace }, { path: second }] }, null, 2));
}

/**
 * Turns a run into one over the site fixtures: every folder of `test/fixtures/sites/` (copied as
 * the run's workspace) becomes a root of its own, with no settings, as a new user would open it.
 */
export function useSiteFixtures(dirs: RunDirs): void {
  const roots = fs
    .readdirSync(dirs.workspace, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ path: path.join(dirs.workspace, entry.name) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  dirs.workspaceFile = path.join(dirs.root, 'sites.code-workspace');
  fs.writeFileSync(dirs.workspaceFile, JSON.stringify({ folders: roots }, null, 2));
}

/**
 * Creates a run's folders. The workspace is a copy of `fixture`, or an empty
 * folder named `empty` when `fixture` is null (for generated workspaces).
 */
export function createRunDirs(label: string, fixture: string | null = fixtureWorkspace, empty = 'workspace'): RunDirs {
  if (fixture !== null && !fs.existsSync(fixture)) {
    throw new Error(`fixture workspace not found: ${fixture}`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `devrel-desk-${label}-`));
  const dirs: RunDirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    workspace: path.join(root, fixture === null ? empty : path.basename(fixture)),
    configFile: path.join(root, 'code-server.yaml'),
    serverLog: path.join(root, 'code-server.log'),
    resultsFile: path.join(root, 'results.jsonl'),
    workbenchLog: path.join(root, 'workbench.log'),
    demoWeeks: 0,
  };
  fs.mkdirSync(dirs.userDataDir);
  fs.mkdirSync(dirs.extensionsDir);
  if (fixture === null) {
    fs.mkdirSync(dirs.workspace);
  } else {
    fs.cpSync(fixture, dirs.workspace, { recursive: true });
    if (path.resolve(fixture) === fixtureWorkspace) {
      dirs.demoWeeks = demoWeeks();
      // Pinned for the editor this run starts and for the tests, so all of them use the same
      // number even when the run crosses midnight into a new week.
      process.env[demoWeeksVariable] = String(dirs.demoWeeks);
      shiftDemoWorkspace(dirs.workspace, dirs.demoWeeks);
    }
  }
  fs.writeFileSync(dirs.workbenchLog, '');
  return dirs;
}

/**
 * Moves the dates in a copy of the demo workspace by `weeks` (see demoDates.ts). File names stay
 * as they are; files whose bytes are not plain UTF-8 are left alone.
 */
export function shiftDemoWorkspace(workspace: string, weeks: number): void {
  if (weeks === 0) return;
  for (const file of listFiles(workspace, '')) {
    if (!fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) continue;
    const shifted = shiftDemoFile(file, text, weeks);
    if (shifted !== text) fs.writeFileSync(file, shifted);
  }
}

export function keepTempDirs(): boolean {
  return process.env.DEVREL_KEEP_TEMP === '1';
}

export function removeRunDirs(dirs: RunDirs): void {
  if (!keepTempDirs()) {
    fs.rmSync(dirs.root, { recursive: true, force: true });
  }
}

/** Keeps the logs of a failed run where CI and people can find them. */
export function saveLogs(dirs: RunDirs, destination: string): void {
  try {
    fs.rmSync(destination, { recursive: true, force: true });
    fs.mkdirSync(destination, { recursive: true });
    for (const file of [dirs.serverLog, dirs.workbenchLog, dirs.resultsFile]) {
      if (fs.existsSync(file)) {
        fs.copyFileSync(file, path.join(destination, path.basename(file)));
      }
    }
    const editorLogs = path.join(dirs.userDataDir, 'logs');
    if (fs.existsSync(editorLogs)) {
      fs.cpSync(editorLogs, path.join(destination, 'editor-logs'), { recursive: true });
    }
  } catch (error) {
    process.stderr.write(`could not save logs: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
