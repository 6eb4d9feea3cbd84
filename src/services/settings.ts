// Adapts core/config.ts to VS Code: fetches the raw `devrel.*` values and watches for changes.

import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import { checkSettings, type DevRelSettings } from '../core/config';
import { Disposable } from '../util/disposable';

/** Reads every `devrel.*` setting in one place, with types and defaults. */
export function readSettings(scope?: vscode.ConfigurationScope): DevRelSettings {
  const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return checkSettings((key) => configuration.get<unknown>(key));
}

/** Fires only for changes under `devrel.*`, and hands out the freshly read settings. */
export class SettingsWatcher extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<DevRelSettings>());
  readonly onDidChange = this.emitter.event;
  private current = readSettings();

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(CONFIG_SECTION)) return;
        this.current = readSettings();
        this.emitter.fire(this.current);
      }),
    );
  }

  get settings(): DevRelSettings {
    return this.current;
  }
}
