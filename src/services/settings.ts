// Adapts core/config.ts to VS Code: fetches the raw `devrel.*` values and watches for changes.

import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import { checkSettings, type DevRelSettings } from '../core/config';
import { Disposable } from '../util/disposable';

/** Fetches every `devrel.*` setting, and the editor settings DevRel Desk follows; core/config.ts checks them. */
function readSettings(scope?: vscode.ConfigurationScope): DevRelSettings {
  const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return checkSettings((key) => configuration.get<unknown>(key), vscode.workspace.getConfiguration('files', scope).get<unknown>('exclude'));
}

/**
 * The one place settings are read: a typed snapshot of the workspace's settings, snapshots per
 * workspace folder for resource-scoped values, and one event when any of them changes.
 */
export class Settings extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<DevRelSettings>());
  /** Fires with the new snapshot after `devrel.*` or `files.exclude` changed. */
  readonly onDidChange = this.emitter.event;
  private snapshot = readSettings();
  private readonly perFolder = new Map<string, DevRelSettings>();

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(CONFIG_SECTION) && !event.affectsConfiguration('files.exclude')) return;
        this.snapshot = readSettings();
        this.perFolder.clear();
        this.emitter.fire(this.snapshot);
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.perFolder.clear()));
  }

  /** The settings as they apply to the whole workspace. */
  get current(): DevRelSettings {
    return this.snapshot;
  }

  /** The settings as they apply inside one workspace folder, where `.vscode/settings.json` may differ. */
  forFolder(folder: vscode.Uri | undefined): DevRelSettings {
    if (!folder) return this.snapshot;
    const key = folder.toString();
    let settings = this.perFolder.get(key);
    if (!settings) this.perFolder.set(key, (settings = readSettings(folder)));
    return settings;
  }
}
