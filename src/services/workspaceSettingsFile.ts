// Adapts core/settingsFile.ts to a workspace folder: writes settings into its `.vscode/settings.json`,
// changing only the values written: comments and layout stay, and a file that doesn't parse is left alone.

import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import { setSettingsValues } from '../core/settingsFile';
import { UserError } from '../util/logger';
import type { Settings } from './settings';

export function settingsFileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
}

/**
 * Sets `devrel.*` settings (names without the prefix, as `DevRelSettings` names them; `undefined`
 * removes one) in the folder's settings file, creating it when there is none. Returns whether
 * anything changed.
 */
export async function writeFolderSettings(settings: Settings, folder: vscode.WorkspaceFolder, values: Readonly<Record<string, unknown>>): Promise<boolean> {
  const uri = settingsFileOf(folder);
  const relative = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) throw new UserError(vscode.l10n.t('{0} has unsaved changes. Save or revert it, then try again; nothing was written.', relative));
  let text = '';
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  }
  const prefixed = Object.fromEntries(Object.entries(values).map(([key, value]) => [`${CONFIG_SECTION}.${key}`, value]));
  const edit = setSettingsValues(text, prefixed);
  if (!edit.ok) throw new UserError(vscode.l10n.t("DevRel Desk won't change {0}: {1}. Nothing was written.", relative, edit.message));
  if (!edit.changed) return false;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.vscode'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edit.text));
  await settled(settings, folder, values);
  return true;
}

/**
 * Waits (briefly) until the settings snapshot shows the new values, so the next command sees
 * them: the editor notices a changed settings file through its watcher, a moment after the write.
 */
async function settled(settings: Settings, folder: vscode.WorkspaceFolder, values: Readonly<Record<string, unknown>>): Promise<void> {
  const deadline = Date.now() + 3000;
  const matches = (): boolean => {
    const current = settings.forFolder(folder.uri) as unknown as Record<string, unknown>;
    return Object.entries(values).every(([key, value]) => JSON.stringify(current[key] ?? {}) === JSON.stringify(value ?? {}));
  };
  while (!matches() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
