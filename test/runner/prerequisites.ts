import * as fs from 'fs';
import { which } from './processUtil';

export interface Missing {
  /** What was looked for, in words a person can check. */
  what: string;
  debianPackage: string;
}

const defaultChromium = '/usr/bin/chromium';

/** The browser to drive: `CHROME_PATH` when set, else Debian's Chromium. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || defaultChromium;
}

/** What building code-server from npm needs; only checked when it is not installed yet. */
export function missingForInstall(): Missing[] {
  const missing: Missing[] = [];
  const gssapiHeaders = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'];
  if (!gssapiHeaders.some((header) => fs.existsSync(header))) {
    missing.push({ what: 'gssapi/gssapi.h (for the kerberos module)', debianPackage: 'libkrb5-dev' });
  }
  if (!which('rg')) {
    missing.push({ what: 'rg on PATH (seeds @vscode/ripgrep, which cannot download)', debianPackage: 'ripgrep' });
  }
  for (const [command, debianPackage] of [
    ['g++', 'g++'],
    ['make', 'make'],
    ['python3', 'python3'],
  ] as const) {
    if (!which(command)) {
      missing.push({ what: `${command} on PATH (native modules build from source)`, debianPackage });
    }
  }
  return missing;
}

export function missingForRun(): Missing[] {
  const browser = chromiumPath();
  try {
    fs.accessSync(browser, fs.constants.X_OK);
    return [];
  } catch {
    const what = process.env.CHROME_PATH ? `CHROME_PATH=${browser} (not an executable file)` : `${defaultChromium} (or set CHROME_PATH)`;
    return [{ what, debianPackage: 'chromium' }];
  }
}

export function describeMissing(missing: readonly Missing[]): string {
  const packages = [...new Set(missing.map((item) => item.debianPackage))];
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return [
    `Missing Debian package${packages.length === 1 ? '' : 's'}: ${packages.join(', ')}`,
    ...missing.map((item) => `  - ${item.debianPackage}: ${item.what}`),
    'Install with:',
    `  ${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`,
  ].join('\n');
}
