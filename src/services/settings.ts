// Adapts core/config.ts to VS Code: fetches the raw `devrel.*` values and watches for changes.

import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import { checkSettings, planSettingMoves, RENAMED_SETTINGS, renamedValue, type DevRelSettings, type SettingLevel, type SettingLevels } from '../core/config';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';

/** The values of a key where the person wrote it; `folder` only where a folder has settings of its own. */
function writtenLevels(configuration: vscode.WorkspaceConfiguration, key: string): SettingLevels {
  const inspected = configuration.inspect<unknown>(key);
  return { user: inspected?.globalValue, workspace: inspected?.workspaceValue, folder: inspected?.workspaceFolderValue };
}

/** Fetches every `devrel.*` setting, and the editor settings DevRel Desk follows; core/config.ts checks them. */
function readSettings(scope?: vscode.ConfigurationScope): DevRelSettings {
  const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const get = (key: string): unknown => {
    const rename = RENAMED_SETTINGS.find((r) => r.to === key);
    // A key written under its old name still counts until it is moved.
    const written = rename ? renamedValue(writtenLevels(configuration, rename.to), writtenLevels(configuration, rename.from)) : undefined;
    return written ?? configuration.get<unknown>(key);
  };
  return checkSettings(get, vscode.workspace.getConfiguration('files', scope).get<unknown>('exclude'));
}

const LEVEL_NAMES: Record<SettingLevel, string> = {
  user: vscode.l10n.t('user settings'),
  workspace: vscode.l10n.t('workspace settings'),
  folder: vscode.l10n.t('folder settings'),
};
const TARGETS: Record<SettingLevel, vscode.ConfigurationTarget> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  folder: vscode.ConfigurationTarget.WorkspaceFolder,
};

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
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (RENAMED_SETTINGS.some((r) => event.affectsConfiguration(`${CONFIG_SECTION}.${r.from}`))) void this.moveRenamedKeys();
      }),
    );
  }

  private moving: Promise<void> | undefined;
  private moveAgain = false;

  /**
   * Moves settings written under an old key (see RENAMED_SETTINGS) to the new key, in user, workspace
   * and folder settings, and logs each move. Where the new key is written as well, both stay and the
   * log says which one counts. A failed write leaves the old key, which is still read.
   */
  moveRenamedKeys(): Promise<void> {
    if (this.moving) {
      // A key written while a move runs is looked at once that move is done.
      this.moveAgain = true;
      return this.moving;
    }
    this.moving = (async (): Promise<void> => {
      do {
        this.moveAgain = false;
        await this.moveOnce();
      } while (this.moveAgain);
    })().finally(() => (this.moving = undefined));
    return this.moving;
  }

  private async moveOnce(): Promise<void> {
    const scopes: { scope: vscode.WorkspaceFolder | undefined; levels: readonly SettingLevel[] }[] = [
      { scope: undefined, levels: vscode.workspace.workspaceFolders?.length ? ['user', 'workspace'] : ['user'] },
    ];
    // In a single-folder window the folder's settings are the workspace settings.
    if (vscode.workspace.workspaceFile) for (const folder of vscode.workspace.workspaceFolders ?? []) scopes.push({ scope: folder, levels: ['folder'] });
    for (const { scope, levels } of scopes) {
      const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
      const inspect = (key: string): SettingLevels => {
        const written = writtenLevels(configuration, key);
        return Object.fromEntries(levels.map((level) => [level, written[level]]));
      };
      for (const move of planSettingMoves(inspect)) {
        const where = `${LEVEL_NAMES[move.level]}${scope ? ` of ${scope.name}` : ''}`;
        const from = `${CONFIG_SECTION}.${move.rename.from}`;
        const to = `${CONFIG_SECTION}.${move.rename.to}`;
        if (move.action === 'keep') {
          log().warn(`${from} in ${where} is ignored because ${to} is set there too; remove ${from}.`);
          continue;
        }
        try {
          await configuration.update(move.rename.to, move.value, TARGETS[move.level]);
          await configuration.update(move.rename.from, undefined, TARGETS[move.level]);
          log().info(`Moved ${from} (${JSON.stringify(move.value)}) to ${to} in ${where}.`);
        } catch (error) {
          log().warn(`Could not move ${from} to ${to} in ${where}; the old key still counts. ${String(error)}`);
        }
      }
    }
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
