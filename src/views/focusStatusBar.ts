import * as vscode from 'vscode';
import { currentFocus } from '../commands/focusCommands';
import { Commands } from '../constants';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { Disposable } from '../util/disposable';

/** `Focus 2/3` across the workspace, warning when over the limit or when deadlines crowd. */
export class FocusStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('devrel.focus', vscode.StatusBarAlignment.Left, 10));

  constructor(private readonly workspace: WorkspaceDrafts) {
    super();
    this.item.name = 'DevRel Desk: Focus';
    this.item.command = Commands.showFocus;
    this.register(workspace.onDidChange(() => this.update()));
  }

  update(): void {
    if (this.workspace.drafts().length === 0) {
      this.item.hide();
      return;
    }
    const state = currentFocus(this.workspace);
    const over = state.overActive || state.overDeadlines;
    this.item.text = `${over ? '$(warning)' : '$(target)'} ${state.statusText}`;
    const lines = [`${state.activeCount} active draft${state.activeCount === 1 ? '' : 's'}${state.maxActive === null ? '' : ` (limit ${state.maxActive})`}`];
    lines.push(`${state.deadlines.length} deadline${state.deadlines.length === 1 ? '' : 's'} in the next 14 days${state.maxDeadlines === null ? '' : ` (limit ${state.maxDeadlines})`}`);
    lines.push(...state.warnings);
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: `Focus: ${lines.join('. ')}` };
    this.item.show();
  }
}
