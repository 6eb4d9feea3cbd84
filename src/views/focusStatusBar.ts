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
    const inHand = state.activeCount === 1 ? vscode.l10n.t('1 draft in hand') : vscode.l10n.t('{0} drafts in hand', state.activeCount);
    const deadlines = state.deadlines.length === 1 ? vscode.l10n.t('1 deadline in the next 14 days') : vscode.l10n.t('{0} deadlines in the next 14 days', state.deadlines.length);
    const lines = [state.maxActive === null ? inHand : vscode.l10n.t('{0} (limit {1})', inHand, state.maxActive)];
    lines.push(vscode.l10n.t('{0} waiting on others · {1} parked', state.waiting.length, state.parked.length));
    lines.push(state.maxDeadlines === null ? deadlines : vscode.l10n.t('{0} (limit {1})', deadlines, state.maxDeadlines));
    lines.push(...state.warnings);
    showStatusBarItem(this.item, {
      text: `${over ? '$(warning)' : '$(target)'} ${state.statusText}`,
      tooltip: lines.join('\n'),
      label: vscode.l10n.t('Focus: {0}', lines.join('. ')),
      warn: over,
    });
  }
}
