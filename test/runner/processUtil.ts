import { spawn } from 'child_process';
import * as fs from 'fs';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Output goes here instead of the terminal; its tail is shown on failure. */
  logFile?: string;
}

/** Runs a command to completion and rejects with its output tail when it fails. */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = options.logFile ? fs.openSync(options.logFile, 'a') : undefined;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: log === undefined ? 'inherit' : ['ignore', log, log],
    });
    child.on('error', (error) => {
      if (log !== undefined) {
        fs.closeSync(log);
      }
      reject(error);
    });
    child.on('exit', (code, signal) => {
      if (log !== undefined) {
        fs.closeSync(log);
      }
      if (code === 0) {
        resolve();
        return;
      }
      const tail = options.logFile ? `\n${tailOfFile(options.logFile, 40)}` : '';
      reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}${tail}`));
    });
  });
}

export function tailOfFile(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export function which(command: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  for (const dir of dirs) {
    const candidate = `${dir}/${command}`;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Keep looking.
    }
  }
  return undefined;
}
