import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DevRelDeskApi } from '../../src/api';
import { emitNote } from '../runner/protocol';

/**
 * Helpers for integration tests. Tests talk to DevRel Desk only the way a user
 * or another extension could: the `vscode` API, the extension's exported API,
 * workspace files and diagnostics. Nothing here imports from src/ except types.
 */

export const extensionId = 'devrel-desk.devrel-desk';

// Types only: they are erased when compiled, so the tests never load a second copy of the extension.
export type { DevRelDeskApi, DraftInfo, ImpactSummaryInfo } from '../../src/api';

export function getExtension(): vscode.Extension<DevRelDeskApi> {
  const extension = vscode.extensions.getExtension<DevRelDeskApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded in this editor`);
  return extension;
}

/** Activates the extension if needed and returns its API. */
export async function getApi(): Promise<DevRelDeskApi> {
  const api = await getExtension().activate();
  assert.ok(api && typeof api.listDrafts === 'function', 'activate() did not return an API with listDrafts()');
  return api;
}

/** The root of the workspace under test: a fresh temp copy of test/fixtures/demo-workspace. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/** A URI inside the workspace, from a path like `talks/cfp.md`. */
export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function readWorkspaceFile(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)));
}

/** Writes a file in the workspace copy; checked-in fixtures are never touched. */
export async function writeWorkspaceFile(relativePath: string, content: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

export async function deleteWorkspaceFile(relativePath: string): Promise<void> {
  await deleteUri(workspaceUri(relativePath));
}

/**
 * Deletes a file or folder the way the Explorer does, which tells extensions. Through
 * workspace.fs alone, a file made and deleted within the file watcher's batch window is
 * reported to nobody, and the index would keep a draft no person could have left behind.
 */
export async function deleteUri(uri: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri, { recursive: true, ignoreIfNotExists: false });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`${uri.toString()} could not be deleted`);
}

/**
 * Polls until `predicate` returns something truthy and returns it. Throws after
 * `timeoutMs`, with the last error the predicate threw, if any.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, timeoutMs = 10_000, description = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) {
        return value as NonNullable<T>;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens a workspace file in an editor, as a user clicking it would. */
export async function openDocument(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Current diagnostics of a workspace file, optionally only those of one `source`. */
export function getDiagnostics(target: string | vscode.Uri, source?: string): vscode.Diagnostic[] {
  const uri = typeof target === 'string' ? workspaceUri(target) : target;
  return vscode.languages.getDiagnostics(uri).filter((d) => source === undefined || d.source === source);
}

/**
 * Opens the file and waits until its diagnostics satisfy `accept` (by default:
 * at least one diagnostic). Returns the diagnostics that were accepted.
 */
export async function openAndWaitForDiagnostics(
  relativePath: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  options: { source?: string; timeoutMs?: number } = {},
): Promise<vscode.Diagnostic[]> {
  await openDocument(relativePath);
  let last: vscode.Diagnostic[] = [];
  try {
    return await waitFor(
      () => {
        last = getDiagnostics(relativePath, options.source);
        return accept(last) ? last : undefined;
      },
      options.timeoutMs ?? 10_000,
      `diagnostics on ${relativePath}`,
    );
  } catch (error) {
    const seen = last.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ') || 'none';
    throw new Error(`${error instanceof Error ? error.message : String(error)} (diagnostics seen: ${seen})`, { cause: error });
  }
}

const executedKey = Symbol.for('devrel-desk.executedCommands');

function executedSet(): Set<string> {
  // Kept on globalThis so every test file shares one record, however it was loaded.
  const holder = globalThis as Record<symbol, Set<string> | undefined>;
  return (holder[executedKey] ??= new Set<string>());
}

/**
 * Runs a command and records that a test executed it. Use this instead of
 * `vscode.commands.executeCommand` so commandCoverage.test.ts can tell which
 * contributed commands no test exercises.
 */
export async function executeCommand<T = unknown>(id: string, ...args: unknown[]): Promise<T | undefined> {
  executedSet().add(id);
  return vscode.commands.executeCommand<T>(id, ...args);
}

export function executedCommands(): ReadonlySet<string> {
  return executedSet();
}

export interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

/** The commands the extension's package.json contributes. */
export function contributedCommands(): ContributedCommand[] {
  const manifest = getExtension().packageJSON as { contributes?: { commands?: ContributedCommand[] } };
  return manifest.contributes?.commands ?? [];
}

/** Prints a line under the current test in the runner's output. */
export function note(text: string): void {
  emitNote(text);
}

export interface LogEntry {
  file: string;
  /** Epoch ms; editor logs use local time. */
  time: number;
  level: string;
  text: string;
}

/**
 * Error entries attributed to DevRel Desk in the editor's logs: the extension
 * host log (activation failures, uncaught errors with our stack frames), the
 * extension's own log channels, and the workbench log the runner collects
 * (manifest problems).
 */
export function extensionLogErrors(): LogEntry[] {
  const extension = getExtension();
  const main = String(extension.packageJSON.main ?? './dist/extension.js');
  // Stack frames from the bundle; test files under out/ sit in the same folder tree.
  const distDir = path.join(extension.extensionPath, path.dirname(main));
  const mentionsUs = (text: string): boolean => text.toLowerCase().includes(extensionId) || text.includes(distDir) || text.includes(vscode.Uri.file(distDir).toString());
  // The extension's own log channels live in a folder named after its id.
  const inOurLog = (file: string): boolean => file.split(path.sep).includes(extensionId);
  return readEditorLogs().filter((entry) => entry.level === 'error' && (inOurLog(entry.file) || mentionsUs(entry.text)));
}

/** Log files the run can see; empty when the runner did not say where they are. */
export function editorLogFiles(): string[] {
  const files: string[] = [];
  const userData = process.env.DEVREL_TEST_USER_DATA_DIR;
  if (userData) {
    const logsDir = path.join(userData, 'logs');
    if (fs.existsSync(logsDir)) {
      for (const name of fs.readdirSync(logsDir, { recursive: true }) as string[]) {
        if (name.endsWith('.log')) {
          files.push(path.join(logsDir, name));
        }
      }
    }
  }
  const workbenchLog = process.env.DEVREL_TEST_WORKBENCH_LOG;
  if (workbenchLog && fs.existsSync(workbenchLog)) {
    files.push(workbenchLog);
  }
  return files;
}

/**
 * How the editor activated the extension, from the extension host log: the
 * activation event and when it began (epoch ms; the log has ms resolution).
 */
export function activationFromLog(): { event: string; startedAt: number } | undefined {
  const pattern = new RegExp(`_doActivateExtension ${extensionId.replace('.', '\\.')}, startup: \\w+, activationEvent: '([^']*)'`);
  for (const entry of readEditorLogs()) {
    const match = pattern.exec(entry.text);
    if (match) {
      return { event: match[1], startedAt: entry.time };
    }
  }
  return undefined;
}

export function readEditorLogs(): LogEntry[] {
  const entries: LogEntry[] = [];
  const entryStart = /^(\d{4}-\d\d-\d\d)[ T]([\d:.]+)(Z?) \[(\w+)\] ?(.*)$/;
  for (const file of editorLogFiles()) {
    let current: LogEntry | undefined;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const match = entryStart.exec(line);
      if (match) {
        const time = new Date(`${match[1]}T${match[2]}${match[3]}`).getTime();
        current = { file, time, level: match[4].toLowerCase(), text: match[5] };
        entries.push(current);
      } else if (current && line.length > 0) {
        // Stack traces continue an entry on the following lines.
        current.text += `\n${line}`;
      }
    }
  }
  return entries;
}
