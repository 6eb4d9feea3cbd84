import * as vscode from 'vscode';
import { ContextKeys } from '../constants';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import { errorMessage } from '../core/util/result';

const VALE_CONFIG = '.vale.ini';

/** Keeps `devrel.hasValeConfig` true while a workspace folder has a `.vale.ini` at its root, for the walkthrough. */
export class ValeConfigContext extends Disposable {
  constructor() {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${VALE_CONFIG}`, false, true, false));
    this.register(watcher.onDidCreate(() => void this.update()));
    this.register(watcher.onDidDelete(() => void this.update()));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.update()));
    void this.update();
  }

  private async update(): Promise<void> {
    const found = await Promise.all(
      (vscode.workspace.workspaceFolders ?? []).map((folder) =>
        vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, VALE_CONFIG)).then(
          () => true,
          () => false,
        ),
      ),
    ).catch((error: unknown) => {
      log().warn(`Could not look for ${VALE_CONFIG}: ${errorMessage(error)}`);
      return [false];
    });
    if (!this.isDisposed) await vscode.commands.executeCommand('setContext', ContextKeys.hasValeConfig, found.some(Boolean));
  }
}
