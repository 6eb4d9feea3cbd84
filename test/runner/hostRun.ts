import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { LaunchedBrowser } from './browser';
import { CodeServer, workbenchUrl } from './codeServer';
import { logTimestamp, timeout } from './phase';
import { repoRoot } from './paths';
import { RunDirs } from './runDirs';

export type HostRunOutcome = number | 'timeout' | 'crash' | 'server-exit';

export interface HostRunOptions {
  server: CodeServer;
  browser: LaunchedBrowser;
  dirs: RunDirs;
  /** Compiled module exporting `run(): Promise<void>`, loaded by the extension host. */
  testsPath: string;
  timeoutMs: number;
  /** Every workbench log line, including the extension host's console. */
  onLine(level: string, text: string): void;
}

/**
 * Opens the workbench with a payload that starts an Extension Development Host
 * running `testsPath`, and waits until the workbench reports the module's
 * outcome through `codeAutomationExit` (0 when run() resolved).
 */
export async function runInExtensionHost(options: HostRunOptions): Promise<{ outcome: HostRunOutcome; page: Page }> {
  const { server, dirs } = options;
  const page = await options.browser.browser.newPage({ viewport: { width: 1280, height: 800 } });
  let resolveExit: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });
  // Both hooks must exist before the workbench loads: it looks for them once.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const text = (Array.isArray(args) ? args : [args]).map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
    const level = type === 'warn' ? 'warning' : type;
    // Tests read this file to find errors only the workbench saw (manifest problems).
    fs.appendFileSync(dirs.workbenchLog, `${logTimestamp()} [${level}] ${text}\n`);
    options.onLine(level, text);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
  const crashed = new Promise<'crash'>((resolve) => page.once('crash', () => resolve('crash')));

  const url = workbenchUrl(server, {
    folder: dirs.workspace,
    workspaceFile: dirs.workspaceFile,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: options.testsPath,
  });
  const timer = timeout(options.timeoutMs);
  try {
    await page.goto(url);
    const outcome = await Promise.race([exit, timer.promise, crashed, server.exited.then(() => 'server-exit' as const)]);
    return { outcome, page };
  } finally {
    timer.cancel();
  }
}
