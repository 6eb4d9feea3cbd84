import { Browser, chromium } from 'playwright-core';
import { addCleanup } from './cleanup';
import { chromiumPath } from './prerequisites';

// Chromium runs as root here, without a GPU and without reaching any network.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true,
    // The runner's own handlers close the browser after stopping the run.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  const close = addCleanup('Chromium', async () => {
    await browser.close();
  });
  return { browser, close };
}
