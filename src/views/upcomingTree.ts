import * as vscode from 'vscode';
import { Views } from '../constants';
import { relativeDay, upcoming, UPCOMING_GROUP_LABELS, urgentCount, type UpcomingGroup, type UpcomingItem } from '../core/schedule';
import { Disposable } from '../util/disposable';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { draftTooltip, draftTreeItem, rowTitle } from './presentation';
import { today } from '../util/clock';

export type UpcomingNode = { type: 'group'; group: UpcomingGroup } | { type: 'item'; item: UpcomingItem };

const GROUP_ORDER: UpcomingGroup[] = ['overdue', 'this-week', 'next-30-days', 'later'];
const GROUP_ICONS: Record<UpcomingGroup, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground')),
  'this-week': new vscode.ThemeIcon('bell'),
  'next-30-days': new vscode.ThemeIcon('calendar'),
  later: new vscode.ThemeIcon('history'),
};

/** Every dated item across kinds, by how soon it is. Dates move with the calendar, so it refreshes as a whole. */
export class UpcomingTreeProvider extends Disposable implements vscode.TreeDataProvider<UpcomingNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<UpcomingNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private items: UpcomingItem[] = [];
  private view: vscode.TreeView<UpcomingNode> | undefined;
  private computedFor = '';

  constructor(private readonly workspace: WorkspaceDrafts) {
    super();
    this.register(workspace.onDidChange(() => this.refresh()));
    // The calendar moves even when no file does: recheck each hour for a new day.
    const timer = setInterval(() => {
      if (this.computedFor !== today()) this.refresh();
    }, 3_600_000);
    this.register({ dispose: () => clearInterval(timer) });
  }

  attach(view: vscode.TreeView<UpcomingNode>): void {
    this.view = view;
    this.refresh();
  }

  refresh(): void {
    this.computedFor = today();
    this.items = upcoming(this.workspace.drafts(), this.workspace.config.kinds, this.computedFor);
    const urgent = urgentCount(this.items);
    if (this.view) {
      const overdue = this.items.filter((i) => i.group === 'overdue').length;
      this.view.badge = urgent > 0 ? { value: urgent, tooltip: vscode.l10n.t('{0} overdue and {1} due within 7 days', overdue, urgent - overdue) } : undefined;
    }
    this.emitter.fire(undefined);
  }

  getTreeItem(node: UpcomingNode): vscode.TreeItem {
    if (node.type === 'group') {
      const count = this.items.filter((i) => i.group === node.group).length;
      const item = new vscode.TreeItem(
        `${UPCOMING_GROUP_LABELS[node.group]} (${count})`,
        node.group === 'later' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `upcoming:${node.group}`;
      item.iconPath = GROUP_ICONS[node.group];
      item.contextValue = 'group';
      return item;
    }
    const { draft, date, days } = node.item;
    const kind = this.workspace.config.kinds[draft.kind];
    const item = draftTreeItem(draft, kind, this.computedFor);
    item.id = `upcoming:${draft.uri}#${date.field}`;
    const submission = node.item.submission;
    if (submission) {
      // A submission's date is about the event; the talk's own status says nothing about it.
      item.label = `${date.label}: ${rowTitle(submission.event, `${date.label}: `)}`;
      item.description = `${relativeDay(days)} · ${date.date} · ${rowTitle(draft.title)} · ${submission.status}`;
      item.accessibilityInformation = {
        label: vscode.l10n.t('{0} {1}, {2}, {3}, submission {4}', date.label, relativeDay(days), submission.event, draft.title, submission.status),
      };
      return item;
    }
    item.label = `${date.label}: ${rowTitle(draft.title, `${date.label}: `)}`;
    item.description = `${relativeDay(days)} · ${date.date} · ${draft.status}`;
    item.accessibilityInformation = { label: `${date.label} ${relativeDay(days)}, ${draft.title}, ${draft.status}` };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: UpcomingNode): vscode.TreeItem {
    if (node.type === 'item') item.tooltip = draftTooltip(node.item.draft, this.workspace.config.kinds[node.item.draft.kind], this.computedFor);
    return item;
  }

  getChildren(node?: UpcomingNode): UpcomingNode[] {
    if (!node) {
      return GROUP_ORDER.filter((group) => this.items.some((i) => i.group === group)).map((group) => ({ type: 'group', group }));
    }
    if (node.type === 'group') {
      const items = this.items.filter((i) => i.group === node.group);
      // Most overdue first makes no sense; the most recent miss is the one still worth saving.
      if (node.group === 'overdue') items.reverse();
      return items.map((item) => ({ type: 'item', item }));
    }
    return [];
  }
}

export function createUpcomingView(provider: UpcomingTreeProvider): vscode.TreeView<UpcomingNode> {
  const view = vscode.window.createTreeView(Views.upcoming, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return view;
}
