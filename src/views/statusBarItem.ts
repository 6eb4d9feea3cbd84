import * as vscode from 'vscode';
import type { CommandId } from '../constants';

export interface StatusBarItemOptions {
  id: string;
  /** What the editor lists the item as, e.g. in the status bar's context menu. */
  name: string;
  command: CommandId;
  alignment: vscode.StatusBarAlignment;
  priority: number;
}

/** A status bar item of DevRel Desk: named, and running one of its commands when clicked. */
export function createStatusBarItem(options: StatusBarItemOptions): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(options.id, options.alignment, options.priority);
  item.name = options.name;
  item.command = options.command;
  return item;
}

/** Shows `item` with its text and tooltip, on a warning background when `warn` is set. */
export function showStatusBarItem(item: vscode.StatusBarItem, content: { text: string; tooltip: string; label: string; warn: boolean }): void {
  item.text = content.text;
  item.tooltip = content.tooltip;
  item.backgroundColor = content.warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.accessibilityInformation = { label: content.label };
  item.show();
}
