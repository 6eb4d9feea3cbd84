import * as vscode from 'vscode';
import { Commands, Views } from '../constants';
import { FEEDBACK_STATUSES, isFeedbackStatus } from '../core/feedback';
import type { FeedbackEntry } from '../core/types';
import { Disposable } from '../util/disposable';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

export type FeedbackNode = { type: 'status'; status: string; count: number } | { type: 'feedback'; uri: string; title: string; entry: FeedbackEntry };

const STATUS_ICONS: Record<string, string> = {
  open: 'circle-large-outline',
  acknowledged: 'eye',
  planned: 'milestone',
  shipped: 'pass-filled',
  declined: 'circle-slash',
};

/** Every feedback entry in the workspace, grouped by status in the order feedback moves through. */
export class FeedbackTreeProvider extends Disposable implements vscode.TreeDataProvider<FeedbackNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<FeedbackNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly workspace: WorkspaceDrafts) {
    super();
    this.register(workspace.onDidChange(() => this.emitter.fire(undefined)));
  }

  private entries(): Extract<FeedbackNode, { type: 'feedback' }>[] {
    return this.workspace
      .drafts()
      .flatMap((draft) => (draft.feedback ?? []).map((entry) => ({ type: 'feedback' as const, uri: draft.uri, title: draft.title, entry })))
      .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || a.entry.summary.localeCompare(b.entry.summary));
  }

  getChildren(node?: FeedbackNode): FeedbackNode[] {
    const all = this.entries();
    if (!node) {
      const unknown = [...new Set(all.map((e) => e.entry.status).filter((s) => !isFeedbackStatus(s)))].sort();
      return [...FEEDBACK_STATUSES, ...unknown]
        .map((status) => ({ type: 'status' as const, status, count: all.filter((e) => e.entry.status === status).length }))
        .filter((group) => group.count > 0);
    }
    if (node.type === 'status') return all.filter((e) => e.entry.status === node.status);
    return [];
  }

  getTreeItem(node: FeedbackNode): vscode.TreeItem {
    if (node.type === 'status') {
      const item = new vscode.TreeItem(
        node.status.charAt(0).toUpperCase() + node.status.slice(1),
        node.status === 'shipped' || node.status === 'declined' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `status:${node.status}`;
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[node.status] ?? 'question');
      item.contextValue = 'feedbackStatus';
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entry.summary, vscode.TreeItemCollapsibleState.None);
    item.id = `feedback:${node.uri}#${entry.index}`;
    item.description = [entry.area, node.title].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(entry.summary);
    tooltip.appendMarkdown(
      vscode.l10n.t('\n\n**{0}** · {1}{2}\n\nFrom {3}', entry.status, entry.date, entry.area ? ` · ${escapeMarkdown(entry.area)}` : '', escapeMarkdown(node.title)),
    );
    if (entry.link) tooltip.appendMarkdown(`\n\n[${escapeMarkdown(entry.link)}](${entry.link})`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[entry.status] ?? 'question');
    item.contextValue = 'feedback';
    item.command = { command: Commands.openDraft, title: vscode.l10n.t('Open Draft'), arguments: [vscode.Uri.parse(node.uri)] };
    return item;
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function createFeedbackView(provider: FeedbackTreeProvider): vscode.TreeView<FeedbackNode> {
  return vscode.window.createTreeView(Views.feedback, { treeDataProvider: provider, showCollapseAll: true });
}
