import type { Browser, Page } from 'playwright-core';

/**
 * What the runner hands to UI tests: a running code-server with the extension
 * loaded in development mode, and a browser. Kept on globalThis because the
 * runner and the test files are loaded through different module loaders.
 */
export interface UiSession {
  browser: Browser;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Opens the workspace copy in an Extension Development Host with DevRel Desk. */
  workbenchUrl: string;
  /** The temp copy of the demo workspace the workbench shows. */
  workspace: string;
  extensionPath: string;
  /** Where screenshots go (test-results/). */
  resultsDir: string;
  /** Pages tests opened, so the runner can screenshot them when a test fails. */
  pages: Set<Page>;
}

const sessionKey = Symbol.for('devrel-desk.uiSession');

export function setUiSession(session: UiSession | undefined): void {
  (globalThis as Record<symbol, unknown>)[sessionKey] = session;
}

export function getUiSession(): UiSession {
  const session = (globalThis as Record<symbol, unknown>)[sessionKey] as UiSession | undefined;
  if (!session) {
    throw new Error('UI tests need the runner: npm run test:ui');
  }
  return session;
}
