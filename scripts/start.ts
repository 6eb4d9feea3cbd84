import * as fs from 'fs';
import * as path from 'path';
import { buildExtension } from '../test/runner/build';
import { addCleanup, installSignalHandlers, isInterrupted, runCleanups, runScript } from '../test/runner/cleanup';
import { ensureCodeServer, PrerequisiteError, runServerOptions, startCodeServer, workbenchUrl } from '../test/runner/codeServer';
import { demoAnchor } from '../test/runner/demoDates';
import { repoRoot } from '../test/runner/paths';
import { tailOfFile } from '../test/runner/processUtil';
import { createRunDirs, removeRunDirs } from '../test/runner/runDirs';

/**
 * `npm start`: DevRel Desk in a browser. Builds the extension, copies the demo
 * workspace to a temp folder, and serves code-server with the extension loaded
 * in development mode. The demo's dates move forward by the whole weeks since
 * it was written (see test/runner/demoDates.ts), so it never looks stale. PORT (default 8080) and HOST (default 127.0.0.1) pick
 * the address; `npm start -- <folder>` opens that folder instead of the demo.
 */
async function main(): Promise<number> {
  installSignalHandlers({ interruptIsSuccess: true });
  const port = Number(process.env.PORT || 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    return 2;
  }
  const host = process.env.HOST || '127.0.0.1';

  let entry: string;
  try {
    entry = (await ensureCodeServer((line) => console.log(line))).entry;
  } catch (error) {
    console.error(error instanceof PrerequisiteError ? error.message : String(error));
    return 1;
  }
  await buildExtension();

  const dirs = createRunDirs('start');
  addCleanup('temp folders', () => removeRunDirs(dirs));
  const folderArg = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  const folder = folderArg ? path.resolve(folderArg) : dirs.workspace;
  if (!fs.existsSync(folder)) {
    console.error(`no such folder: ${folder}`);
    await runCleanups();
    return 1;
  }

  let server;
  try {
    server = await startCodeServer(runServerOptions(entry, dirs, { workspace: folder, host, port }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(/in use/.test(message) ? `port ${port} is in use; try PORT=<another port> npm start` : message);
    await runCleanups();
    return 1;
  }

  // The payload's vscode-remote authority must be the address the browser uses.
  const browserHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = workbenchUrl(
    { host: browserHost, port, origin: `http://${browserHost}:${port}` },
    {
      folder,
      extensionDevelopmentPath: repoRoot,
    },
  );
  console.log('');
  console.log(`DevRel Desk (development build) on ${folderArg ? folder : 'a copy of the demo workspace'}:`);
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log(`Workspace: ${folder}${folderArg ? '' : ' (a temp copy, removed on exit)'}`);
  if (!folderArg) {
    console.log(
      dirs.demoWeeks === 0
        ? `Demo dates as written (for the week of ${demoAnchor}).`
        : `Demo dates moved ${Math.abs(dirs.demoWeeks)} week${Math.abs(dirs.demoWeeks) === 1 ? '' : 's'} ${dirs.demoWeeks > 0 ? 'forward' : 'back'} from the week of ${demoAnchor}, so its deadlines stay ahead.`,
    );
  }
  console.log('After `npm run build` (or with `npm run watch`), run "Developer: Reload Window" to load changes.');
  console.log('Press Ctrl+C to stop.');

  const code = await server.exited;
  if (isInterrupted()) {
    // Ctrl+C stopped the server; the signal handler finishes and exits.
    return new Promise<number>(() => undefined);
  }
  console.error(`code-server exited with ${code}\n${tailOfFile(dirs.serverLog, 20)}`);
  await runCleanups();
  return 1;
}

runScript(main);
