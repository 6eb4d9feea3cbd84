import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { Disposable } from '../util/disposable';
import { createStatusBarItem, showStatusBarItem } from './statusBarItem';

/** `Focus 2/3` across the workspace, warning when over the limit or when deadlines crowd. */
export class FocusStatusBar extends Disposable {
  private readonly item = this.register(
    createStatusBarItem({ id: 'devrel.focus', name: vscode.l10n.t('DevRel Desk: Focus'), command: Commands.showFocus, alignment: vscode.StatusBarAlignment.Left, priority: 10 }),
  );

  constructor(private readonly workspace: WorkspaceDrafts) {
    super();
    this.register(workspace.onDidChange(() => this.update()));
  }

  update(): void {
    if (this.workspace.drafts().length === 0) {
      this.item.hide();
      return;
    }
    const state = this.workspace.focus();
    const over = state.overActive || state.overDeadlines;
    const lines = [`${state.activeCount} draft${state.activeCount === 1 ? '' : 's'} in hand${state.maxActive === null ? '' : ` (limit ${state.maxActive})`}`];
    lines.push(`${state.waiting.length} waiting on others · ${state.parked.length} parked`);
    lines.push(
      `${state.deadlines.length} deadline${state.deadlines.length === 1 ? '' : 's'} in the next 14 days${state.maxDeadlines === null ? '' : ` (limit ${state.maxDeadlines})`}`,
    );
    lines.push(...state.warnings);
    showStatusBarItem(this.item, {
      text: `${over ? '$(warning)' : '$(target)'} ${state.statusText}`,
      tooltip: lines.join('\n'),
      label: vscode.l10n.t('Focus: {0}', lines.join('. ')),
      warn: over,
    });
  }
}
