import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { addCleanup } from './cleanup';
import { describeMissing, missingForInstall } from './prerequisites';
import { runCommand, tailOfFile, which } from './processUtil';
import { codeServerInstallDir, codeServerVersion } from './paths';
import type { RunDirs } from './runDirs';

const entryRelative = path.join('node_modules', 'code-server', 'out', 'node', 'entry.js');
const completeMarker = '.install-complete';

// code-server 4.100.3 pulls @vscode/ripgrep 1.15.11, whose postinstall downloads
// this rg release from GitHub unless the tarball is already in its cache.
const ripgrepPackageVersion = '1.15.11';
const ripgrepRelease = 'v13.0.0-10';
const ripgrepTargets: Partial<Record<string, string>> = {
  x64: 'x86_64-unknown-linux-musl',
  arm64: 'aarch64-unknown-linux-musl',
  arm: 'arm-unknown-linux-gnueabihf',
};

export interface InstalledCodeServer {
  entry: string;
  installedNow: boolean;
  seconds: number;
}

/** Installs code-server into `.vscode-test/` once and reuses it afterwards. */
export async function ensureCodeServer(log: (line: string) => void): Promise<InstalledCodeServer> {
  const startedAt = Date.now();
  const entry = path.join(codeServerInstallDir, entryRelative);
  if (isComplete(codeServerInstallDir)) {
    return { entry, installedNow: false, seconds: 0 };
  }
  const missing = missingForInstall();
  if (missing.length > 0) {
    throw new PrerequisiteError(describeMissing(missing));
  }

  const relativeDir = path.relative(process.cwd(), codeServerInstallDir) || codeServerInstallDir;
  log(`Installing code-server ${codeServerVersion} into ${relativeDir} (first run only, about two minutes)…`);
  seedRipgrepCache();

  // Installing beside the target and renaming at the end means an interrupted
  // install is never mistaken for a usable one.
  const partialDir = `${codeServerInstallDir}.partial-${process.pid}`;
  const logFile = `${codeServerInstallDir}.install.log`;
  fs.rmSync(partialDir, { recursive: true, force: true });
  fs.mkdirSync(partialDir, { recursive: true });
  fs.writeFileSync(logFile, '');
  fs.writeFileSync(path.join(partialDir, 'package.json'), JSON.stringify({ name: 'code-server-for-tests', private: true }, null, 2) + '\n');
  const removePartial = addCleanup('partial code-server install', () => fs.rmSync(partialDir, { recursive: true, force: true }));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // code-server's postinstall refuses to run as root without this, though npm
    // itself no longer knows the setting.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which would wait for a "yes".
    npm_config_yes: 'true',
    // Recent npm skips dependency install scripts unless allowed; code-server's
    // native modules are nothing without theirs. Env (not a flag) reaches the
    // nested npm install that code-server's own postinstall runs.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  try {
    await runCommand('npm', ['install', '--prefix', partialDir, '--save-exact', `code-server@${codeServerVersion}`], {
      cwd: partialDir,
      env,
      logFile,
    });
    if (!fs.existsSync(path.join(partialDir, entryRelative))) {
      throw new Error(`npm finished but ${entryRelative} is missing\n${tailOfFile(logFile, 40)}`);
    }
    fs.writeFileSync(path.join(partialDir, completeMarker), `${codeServerVersion}\n`);
    fs.rmSync(codeServerInstallDir, { recursive: true, force: true });
    try {
      fs.renameSync(partialDir, codeServerInstallDir);
    } catch (error) {
      // Another run may have finished the same install first; theirs is as good.
      if (!isComplete(codeServerInstallDir)) {
        throw error;
      }
    }
  } finally {
    await removePartial();
  }
  return { entry, installedNow: true, seconds: Math.round((Date.now() - startedAt) / 1000) };
}

export class PrerequisiteError extends Error {}

function isComplete(dir: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, completeMarker), 'utf8').trim() === codeServerVersion && fs.existsSync(path.join(dir, entryRelative));
  } catch {
    return false;
  }
}

function seedRipgrepCache(): void {
  const target = ripgrepTargets[process.arch];
  const rg = which('rg');
  if (!target || !rg) {
    return;
  }
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  const tarball = path.join(cacheDir, `ripgrep-${ripgrepRelease}-${target}.tar.gz`);
  if (fs.existsSync(tarball)) {
    return;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-seed-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    // Written under a temporary name so a concurrent reader never sees half a file.
    const partial = `${tarball}.${process.pid}`;
    const result = spawnSync('tar', ['-czf', partial, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (result.status !== 0) {
      throw new Error('tar failed while seeding the ripgrep cache');
    }
    fs.renameSync(partial, tarball);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export interface CodeServerOptions {
  entry: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server writes a default config to ~/.config unless given its own. */
  configFile: string;
  logFile: string;
  host?: string;
  /** Fixed port (npm start); otherwise a free one is picked, retrying on a clash. */
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** Skips marketplace lookups that cannot succeed offline and slow start-up. */
  disableGallery?: boolean;
}

export interface CodeServer {
  host: string;
  port: number;
  /** `http://host:port` */
  origin: string;
  logFile: string;
  /** Resolves when the server process exits, with its exit code. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The options every run shares: its own folders for user data, extensions, config and log. */
export function runServerOptions(entry: string, dirs: RunDirs, extra: Partial<CodeServerOptions> = {}): CodeServerOptions {
  return {
    entry,
    workspace: dirs.workspace,
    userDataDir: dirs.userDataDir,
    extensionsDir: dirs.extensionsDir,
    configFile: dirs.configFile,
    logFile: dirs.serverLog,
    ...extra,
  };
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const attempts = options.port === undefined ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await startOnce(options, port);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortInUseError)) {
        break;
      }
    }
  }
  throw lastError;
}

class PortInUseError extends Error {}

async function startOnce(options: CodeServerOptions, port: number): Promise<CodeServer> {
  const host = options.host ?? '127.0.0.1';
  if (!fs.existsSync(options.configFile)) {
    fs.writeFileSync(options.configFile, 'auth: none\ncert: false\n');
  }
  const args = [
    options.entry,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--config',
    options.configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    options.userDataDir,
    '--extensions-dir',
    options.extensionsDir,
    options.workspace,
  ];
  const env: NodeJS.ProcessEnv = { ...withoutEditorVariables(process.env), ...options.env };
  if (options.disableGallery) {
    env.EXTENSIONS_GALLERY = '{}';
  }
  const log = fs.openSync(options.logFile, 'a');
  // Its own process group, so stopping it also stops the extension host and
  // the other helpers it forks.
  const child = spawn(process.execPath, args, {
    cwd: options.workspace,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      fs.closeSync(log);
      resolve(code);
    });
  });
  const forceKill = (): void => killGroup(child, 'SIGKILL');
  const stop = addCleanup('code-server', () => stopProcessGroup(child, exited), forceKill);

  try {
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => {
        reject(new Error(`code-server did not start within 60 s\n${tailOfFile(options.logFile, 30)}`));
      }, 60_000);
      const onData = (chunk: Buffer): void => {
        fs.writeSync(log, chunk);
        seen = (seen + chunk.toString('utf8')).slice(-4096);
        if (seen.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolve();
        } else if (seen.includes('EADDRINUSE')) {
          clearTimeout(timer);
          reject(new PortInUseError(`port ${port} is in use`));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(
          seen.includes('EADDRINUSE')
            ? new PortInUseError(`port ${port} is in use`)
            : new Error(`code-server exited with ${code} before it was ready\n${tailOfFile(options.logFile, 30)}`),
        );
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, port, origin: `http://${host}:${port}`, logFile: options.logFile, exited, stop };
}

async function stopProcessGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL');
    return;
  }
  killGroup(child, 'SIGTERM');
  const stoppedInTime = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
  // Children (extension host, pty host) can outlive a clean exit of the server.
  killGroup(child, 'SIGKILL');
  if (!stoppedInTime) {
    await exited;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Variables a surrounding VS Code terminal sets would point the server at that editor. */
function withoutEditorVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE') {
      copy[key] = value;
    }
  }
  return copy;
}

export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('could not pick a free port'));
        }
      });
    });
  });
}

export interface WorkbenchPayload {
  folder: string;
  /** Opens this `.code-workspace` file instead of `folder`. */
  workspaceFile?: string;
  extensionDevelopmentPath: string;
  extensionTestsPath?: string;
}

/**
 * The workbench URL that opens `folder` in an Extension Development Host. code-server
 * has no --extensionDevelopmentPath flag; the web workbench reads the same
 * request from its `payload` query parameter, with vscode-remote URIs on the
 * server's own authority.
 */
export function workbenchUrl(server: Pick<CodeServer, 'host' | 'port' | 'origin'>, payload: WorkbenchPayload): string {
  const remote = (fsPath: string): string => `vscode-remote://${server.host}:${server.port}${path.resolve(fsPath).split(path.sep).join('/')}`;
  const entries: [string, string][] = [['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]];
  if (payload.extensionTestsPath) {
    entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
  }
  entries.push(['skipWelcome', 'true']);
  const target = payload.workspaceFile ? `workspace=${encodeURIComponent(path.resolve(payload.workspaceFile))}` : `folder=${encodeURIComponent(path.resolve(payload.folder))}`;
  const query = `${target}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  return `${server.origin}/?${query}`;
}
