import * as vscode from 'vscode';
import type { GroupBy } from '../core/config';
import { ContextKeys, Views } from '../constants';
import type { DraftChange } from '../core/draftStore';
import { isFinished } from '../core/kinds/workflow';
import { isParked } from '../core/parked';
import { compareDrafts } from '../core/schedule';
import type { Draft } from '../core/types';
import { siteProfile } from '../core/sites/profile';
import { Disposable } from '../util/disposable';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { draftTooltip, draftTreeItem, kindIcon, pluralKindLabel, statusGroupIcon, statusLabel } from './presentation';
import { today } from '../util/clock';
import { submissionTooltip, submissionTreeItem } from './submissionItems';

export interface GroupNode {
  type: 'group';
  key: string;
}

export interface DraftNode {
  type: 'draft';
  uri: string;
}

export interface SubmissionNode {
  type: 'submission';
  uri: string;
  event: string;
}

export type DraftsTreeNode = GroupNode | DraftNode | SubmissionNode;

/**
 * The Drafts view. Nodes are plain models kept by key, so a change refreshes only the nodes
 * it touches: a draft whose facts changed, or the groups whose membership changed.
 */
export class DraftsTreeProvider extends Disposable implements vscode.TreeDataProvider<DraftsTreeNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<DraftsTreeNode | DraftsTreeNode[] | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly groupNodes = new Map<string, GroupNode>();
  private readonly draftNodes = new Map<string, DraftNode>();
  /** Which group each visible draft was last shown in, to tell a move from an edit. */
  private placement = new Map<string, string>();
  private groupBy: GroupBy;
  private hideFinished: boolean;
  private tag: string | undefined;
  /** The view this provider fills, for its description; set once the view exists. */
  private view: vscode.TreeView<DraftsTreeNode> | undefined;
  /** Each draft's site group, since finding a draft's site parses its URI. */
  private readonly siteKeys = new Map<string, string>();

  constructor(private readonly workspace: WorkspaceDrafts) {
    super();
    this.groupBy = workspace.currentSettings.groupBy;
    this.hideFinished = workspace.currentSettings.hideFinished;
    this.register(workspace.onDidChange((change) => this.onIndexChange(change)));
    this.register(
      workspace.onDidChangeSites(() => {
        this.siteKeys.clear();
        this.refreshAll();
      }),
    );
    this.updateContext();
  }

  /** Grouping by site only means something with more than one site; otherwise drafts are grouped by kind. */
  private get effectiveGroupBy(): GroupBy {
    return this.groupBy === 'site' && this.workspace.sites().length < 2 ? 'kind' : this.groupBy;
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  get finishedHidden(): boolean {
    return this.hideFinished;
  }

  get tagFilter(): string | undefined {
    return this.tag;
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.refreshAll();
  }

  setHideFinished(hide: boolean): void {
    this.hideFinished = hide;
    this.refreshAll();
  }

  setTagFilter(tag: string | undefined): void {
    this.tag = tag;
    this.refreshAll();
  }

  refreshAll(): void {
    this.placement.clear();
    this.updateContext();
    this.emitter.fire(undefined);
  }

  /** Tags of every draft, most used first, for the tag filter. */
  tags(): { tag: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const draft of this.workspace.drafts()) for (const tag of draft.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  getTreeItem(node: DraftsTreeNode): vscode.TreeItem {
    const kinds = this.workspace.config.kinds;
    if (node.type === 'group') {
      const members = this.membersOf(node.key);
      const item = new vscode.TreeItem(`${this.groupLabel(node.key)} (${members.length})`, vscode.TreeItemCollapsibleState.Expanded);
      const grouping = this.effectiveGroupBy;
      item.id = `group:${grouping}:${node.key}`;
      item.contextValue = 'group';
      item.iconPath =
        node.key === PARKED
          ? new vscode.ThemeIcon('debug-pause')
          : grouping === 'kind'
            ? kindIcon(node.key)
            : grouping === 'site'
              ? new vscode.ThemeIcon(node.key === NO_SITE ? 'folder' : 'globe')
              : statusGroupIcon(node.key);
      return item;
    }
    const draft = this.workspace.get(node.uri);
    if (!draft) return new vscode.TreeItem(vscode.l10n.t('(removed)'));
    if (node.type === 'submission') {
      const submission = draft.submissions?.find((s) => s.event === node.event);
      return submission ? submissionTreeItem(draft, submission, today()) : new vscode.TreeItem(vscode.l10n.t('(removed)'));
    }
    const kind = kinds[draft.kind];
    const item = draftTreeItem(draft, kind, today());
    item.id = `draft:${draft.uri}`;
    if (draft.submissions && draft.submissions.length > 0) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    if (draft.kind === 'talk') item.contextValue += '.talk';
    return item;
  }

  /** Tooltips are built only for the rows a person hovers. */
  resolveTreeItem(item: vscode.TreeItem, node: DraftsTreeNode): vscode.TreeItem {
    const draft = node.type === 'draft' || node.type === 'submission' ? this.workspace.get(node.uri) : undefined;
    if (draft && node.type === 'submission') {
      const submission = draft.submissions?.find((s) => s.event === node.event);
      if (submission) item.tooltip = submissionTooltip(draft, submission, today());
    } else if (draft) item.tooltip = draftTooltip(draft, this.workspace.config.kinds[draft.kind], today());
    return item;
  }

  getChildren(node?: DraftsTreeNode): DraftsTreeNode[] {
    const now = today();
    const kinds = this.workspace.config.kinds;
    const visible = this.visibleDrafts();
    if (!node) {
      if (this.effectiveGroupBy === 'none') {
        this.placement = new Map(visible.map((d) => [d.uri, '']));
        return visible.sort((a, b) => compareDrafts(a, b, kinds, now)).map((d) => this.draftNode(d.uri));
      }
      const keys = new Set(visible.map((d) => this.groupKey(d)));
      this.placement = new Map(visible.map((d) => [d.uri, this.groupKey(d)]));
      return this.orderGroups([...keys]).map((key) => this.groupNode(key));
    }
    if (node.type === 'group') {
      return visible
        .filter((d) => this.groupKey(d) === node.key)
        .sort((a, b) => compareDrafts(a, b, kinds, now))
        .map((d) => this.draftNode(d.uri));
    }
    if (node.type === 'draft') {
      return (this.workspace.get(node.uri)?.submissions ?? []).map((s) => ({ type: 'submission', uri: node.uri, event: s.event }));
    }
    return [];
  }

  getParent(node: DraftsTreeNode): DraftsTreeNode | undefined {
    if (node.type === 'submission') return this.workspace.get(node.uri) ? this.draftNode(node.uri) : undefined;
    if (node.type === 'group' || this.effectiveGroupBy === 'none') return undefined;
    const draft = this.workspace.get(node.uri);
    return draft ? this.groupNode(this.groupKey(draft)) : undefined;
  }

  private onIndexChange(change: DraftChange): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.hasDrafts, this.workspace.drafts().length > 0);
    // During a scan whole batches arrive at once; one full refresh is cheaper than diffing them.
    if (change.changed.length + change.removed.length > 50) {
      this.refreshAll();
      return;
    }
    for (const uri of change.removed) this.siteKeys.delete(uri);
    if (this.effectiveGroupBy === 'none') {
      const moved = [...change.changed, ...change.removed].some((uri) => this.placement.has(uri) !== this.isVisible(this.workspace.get(uri)));
      if (moved) this.refreshAll();
      else this.emitter.fire(change.changed.filter((uri) => this.placement.has(uri)).map((uri) => this.draftNode(uri)));
      return;
    }
    const touchedGroups = new Set<string>();
    const editedDrafts: DraftNode[] = [];
    let groupsChanged = false;
    for (const uri of [...change.changed, ...change.removed]) {
      const draft = this.workspace.get(uri);
      const before = this.placement.get(uri);
      const after = draft && this.isVisible(draft) ? this.groupKey(draft) : undefined;
      if (before === after) {
        if (after !== undefined) editedDrafts.push(this.draftNode(uri));
        continue;
      }
      for (const key of [before, after]) {
        if (key === undefined) continue;
        if (!this.hasGroupPlaced(key) || this.membersOf(key).length === 0) groupsChanged = true;
        touchedGroups.add(key);
      }
      if (after === undefined) this.placement.delete(uri);
      else this.placement.set(uri, after);
    }
    if (groupsChanged) {
      this.refreshAll();
      return;
    }
    const nodes: DraftsTreeNode[] = [...[...touchedGroups].map((key) => this.groupNode(key)), ...editedDrafts];
    if (nodes.length > 0) this.emitter.fire(nodes);
  }

  private hasGroupPlaced(key: string): boolean {
    for (const group of this.placement.values()) if (group === key) return true;
    return false;
  }

  private visibleDrafts(): Draft[] {
    return this.workspace.drafts().filter((d) => this.isVisible(d));
  }

  private isVisible(draft: Draft | undefined): draft is Draft {
    if (!draft) return false;
    if (this.hideFinished && isFinished(this.workspace.config.kinds[draft.kind], draft.status)) return false;
    if (this.tag !== undefined && !draft.tags.includes(this.tag)) return false;
    return true;
  }

  private membersOf(key: string): Draft[] {
    return this.visibleDrafts().filter((d) => this.groupKey(d) === key);
  }

  private groupKey(draft: Draft): string {
    // Parked drafts have their own place, whatever the grouping, so they are out of the way until resumed.
    if (isParked(draft) && !isFinished(this.workspace.config.kinds[draft.kind], draft.status)) return PARKED;
    const grouping = this.effectiveGroupBy;
    if (grouping === 'site') {
      let key = this.siteKeys.get(draft.uri);
      if (key === undefined) {
        const site = this.workspace.siteOf(draft.uri);
        this.siteKeys.set(draft.uri, (key = site ? siteKey(site.folder.uri.toString(), site.root) : NO_SITE));
      }
      return key;
    }
    return grouping === 'status' ? draft.status : draft.kind;
  }

  private groupLabel(key: string): string {
    if (key === PARKED) return 'Parked';
    const kinds = this.workspace.config.kinds;
    const grouping = this.effectiveGroupBy;
    if (grouping === 'kind') return pluralKindLabel(kinds[key], key);
    if (grouping === 'site') {
      if (key === NO_SITE) return vscode.l10n.t('Not in a site');
      const sites = this.workspace.sites();
      const site = sites.find((s) => siteKey(s.folder.uri.toString(), s.root) === key);
      if (!site) return key;
      const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
      return `${multiRoot ? `${site.folder.name} · ` : ''}${siteProfile(site).label}`;
    }
    return statusLabel(key);
  }

  private orderGroups(keys: string[]): string[] {
    const parked = keys.includes(PARKED);
    return [...this.orderOtherGroups(keys.filter((key) => key !== PARKED)), ...(parked ? [PARKED] : [])];
  }

  private orderOtherGroups(keys: string[]): string[] {
    const kinds = Object.values(this.workspace.config.kinds);
    if (this.effectiveGroupBy === 'site') {
      const order = this.workspace.sites().map((s) => siteKey(s.folder.uri.toString(), s.root));
      return keys.sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
    }
    if (this.effectiveGroupBy === 'kind') {
      const order = kinds.map((k) => k.id);
      return keys.sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
    }
    // Statuses in the order work moves through them, across all kinds; finished ones last, after
    // statuses no workflow knows (a typo still needs work), so open work never sorts after done work.
    const order: string[] = [];
    const longest = Math.max(...kinds.map((k) => k.statuses.length));
    for (let i = 0; i < longest; i++) for (const kind of kinds) if (kind.statuses[i] && !order.includes(kind.statuses[i])) order.push(kind.statuses[i]);
    const finished = new Set(kinds.flatMap((k) => k.finishedStatuses));
    const open = order.filter((status) => !finished.has(status));
    const done = order.filter((status) => finished.has(status));
    const place = (key: string): number => {
      const index = open.indexOf(key);
      if (index >= 0) return index;
      const last = done.indexOf(key);
      return last >= 0 ? open.length + 1 + last : open.length;
    };
    return keys.sort((a, b) => place(a) - place(b) || a.localeCompare(b));
  }

  private groupNode(key: string): GroupNode {
    let node = this.groupNodes.get(key);
    if (!node) this.groupNodes.set(key, (node = { type: 'group', key }));
    return node;
  }

  private draftNode(uri: string): DraftNode {
    let node = this.draftNodes.get(uri);
    if (!node) this.draftNodes.set(uri, (node = { type: 'draft', uri }));
    return node;
  }

  /** Shows the active filters in the view's title, so a filtered list never looks like the whole list. */
  attachView(view: vscode.TreeView<DraftsTreeNode>): void {
    this.view = view;
    this.updateContext();
  }

  /** `#go · finished hidden`, or undefined when nothing is filtered. */
  filterDescription(): string | undefined {
    return draftsFilterDescription(this.tag, this.hideFinished);
  }

  private updateContext(): void {
    if (this.view) this.view.description = this.filterDescription();
    void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, this.groupBy);
    void vscode.commands.executeCommand('setContext', ContextKeys.hideFinished, this.hideFinished);
    void vscode.commands.executeCommand('setContext', ContextKeys.tagFilter, this.tag !== undefined);
  }
}

const NO_SITE = 'site:none';
/** Not a status, kind or site key: those never start with a space. */
const PARKED = ' parked';

function siteKey(folderUri: string, root: string): string {
  return `site:${folderUri}#${root}`;
}

function rank(order: string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

export function createDraftsView(provider: DraftsTreeProvider): vscode.TreeView<DraftsTreeNode> {
  const view = vscode.window.createTreeView(Views.drafts, { treeDataProvider: provider, showCollapseAll: true });
  provider.attachView(view);
  return view;
}

/** The Drafts view's description for its filters: the tag, then whether finished drafts are hidden. */
export function draftsFilterDescription(tag: string | undefined, hideFinished: boolean): string | undefined {
  const parts = [tag !== undefined ? `#${tag}` : undefined, hideFinished ? vscode.l10n.t('finished hidden') : undefined].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
