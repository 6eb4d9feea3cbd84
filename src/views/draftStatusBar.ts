import * as vscode from 'vscode';
import { Commands } from '../constants';
import { kindIconId, kindProgress } from '../core/kinds/registry';
import { talkMeasure } from '../core/schedule';
import type { Draft } from '../core/types';
import { Disposable } from '../util/disposable';
import { createStatusBarItem, showStatusBarItem } from './statusBarItem';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

/** Shows the active draft's key measure: words for a post, planned minutes for a talk, tasks for a checklist. */
export class DraftStatusBar extends Disposable {
  private readonly item = this.register(
    createStatusBarItem({
      id: 'devrel.draft',
      name: vscode.l10n.t('DevRel Desk: Active Draft'),
      command: Commands.showDraftActions,
      alignment: vscode.StatusBarAlignment.Right,
      priority: 100,
    }),
  );

  constructor(private readonly workspace: WorkspaceDrafts) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(
      workspace.onDidChange((change) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && (change.changed.includes(active) || change.removed.includes(active))) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const draft = uri ? this.workspace.get(uri) : undefined;
    if (!draft) {
      this.item.hide();
      return;
    }
    const measure = keyMeasure(draft);
    showStatusBarItem(this.item, {
      text: measure.text,
      tooltip: vscode.l10n.t('{0} · {1}\n{2}\nClick for facts and actions.', draft.title, draft.status, measure.tooltip),
      label: vscode.l10n.t('DevRel Desk: {0}', measure.tooltip),
      warn: measure.over,
    });
  }
}

export function keyMeasure(draft: Draft): { text: string; tooltip: string; over: boolean } {
  const analysis = draft.analysis;
  if (!analysis) {
    // A long body whose count could not run says so, instead of spinning forever.
    const skipped = draft.problems.find((p) => p.code === 'analysis-skipped');
    return skipped
      ? { text: vscode.l10n.t('$(book) not counted'), tooltip: skipped.message, over: false }
      : { text: vscode.l10n.t('$(loading~spin) DevRel'), tooltip: vscode.l10n.t('Counting…'), over: false };
  }
  if (kindProgress(draft.kind) === 'timing' && (analysis.talk || draft.duration !== undefined)) {
    const planned = analysis.talk?.plannedMinutes ?? 0;
    const over = draft.duration !== undefined && planned > draft.duration;
    const measure = talkMeasure(planned, draft.duration);
    return { text: `$(${kindIconId(draft.kind)}) ${measure}`, tooltip: `${measure} planned${over ? ', over the slot' : ''}`, over };
  }
  if (kindProgress(draft.kind) === 'checklist' && analysis.checklist.total > 0) {
    const { done, total } = analysis.checklist;
    return { text: vscode.l10n.t('$(checklist) {0}/{1}', done, total), tooltip: vscode.l10n.t('{0} of {1} tasks done', done, total), over: false };
  }
  const words = analysis.words.toLocaleString('en-US');
  return {
    text: vscode.l10n.t('$(book) {0} words · {1} min', words, analysis.readingMinutes),
    tooltip: vscode.l10n.t('{0} words, {1} min read', words, analysis.readingMinutes),
    over: false,
  };
}
