import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../constants';
import { daysBetween } from '../core/dates';
import { relativeDay } from '../core/schedule';
import { describeFeedState } from '../core/talks/cfpCache';
import { describeFilter, openCfps, type Cfp, type CfpFilter } from '../core/talks/cfpFeed';
import type { CfpFeedService } from '../services/cfpFeeds';
import { Disposable } from '../util/disposable';
import { today } from '../util/clock';

export interface CfpNode {
  type: 'cfp';
  cfp: Cfp;
}

const FILTER_KEY = 'devrel.cfps.filter';

/**
 * Open calls for papers from the configured feeds. The feeds are read when the view is first
 * shown, not before; the description says how old the data is and which filter applies.
 */
export class CfpTreeProvider extends Disposable implements vscode.TreeDataProvider<CfpNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<CfpNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private view: vscode.TreeView<CfpNode> | undefined;
  private filterValue: CfpFilter;

  constructor(
    private readonly feeds: CfpFeedService,
    private readonly state: vscode.Memento,
    /** The talk that already tracks a call, if any, so the row can say so. */
    private readonly trackedBy: (cfp: Cfp) => string | undefined = () => undefined,
    onDidChangeTalks?: vscode.Event<unknown>,
  ) {
    super();
    if (onDidChangeTalks) this.register(onDidChangeTalks(() => this.emitter.fire(undefined)));
    this.filterValue = sanitiseFilter(state.get<unknown>(FILTER_KEY));
    this.register(feeds.onDidChange(() => this.refresh()));
    // The clock moves deadlines into the past and ages the cache; an hourly look keeps both honest.
    const timer = setInterval(() => this.refresh(), 3_600_000);
    this.register({ dispose: () => clearInterval(timer) });
    void vscode.commands.executeCommand('setContext', ContextKeys.cfpFilterActive, Object.keys(this.filterValue).length > 0);
  }

  attach(view: vscode.TreeView<CfpNode>): void {
    this.view = view;
    this.register(view.onDidChangeVisibility((e) => e.visible && void this.feeds.ensureLoaded()));
    if (view.visible) void this.feeds.ensureLoaded();
    this.updateDescription();
  }

  get filter(): CfpFilter {
    return { ...this.filterValue };
  }

  async setFilter(filter: CfpFilter): Promise<void> {
    this.filterValue = sanitiseFilter(filter);
    await this.state.update(FILTER_KEY, this.filterValue);
    await vscode.commands.executeCommand('setContext', ContextKeys.cfpFilterActive, Object.keys(this.filterValue).length > 0);
    this.refresh();
  }

  /** The calls the view shows now: open, filtered, by deadline. */
  visibleCalls(): Cfp[] {
    return openCfps(this.feeds.current.calls, this.filterValue, today());
  }

  refresh(): void {
    this.updateDescription();
    this.emitter.fire(undefined);
  }

  getTreeItem(node: CfpNode): vscode.TreeItem {
    const { cfp } = node;
    const now = today();
    const item = new vscode.TreeItem(cfp.name, vscode.TreeItemCollapsibleState.None);
    item.id = `cfp:${cfp.cfpUrl}`;
    const closes = daysBetween(now, cfp.cfpDeadline);
    const where = cfp.online && (!cfp.location || /^online$/i.test(cfp.location)) ? 'online' : cfp.location;
    const tracked = this.trackedBy(cfp);
    item.description = [tracked ? 'tracked' : undefined, `closes ${relativeDay(closes)}`, cfp.eventStart ? `event ${cfp.eventStart}` : undefined, where]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = tracked
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon(closes < 7 ? 'bell' : 'megaphone', closes < 7 ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.contextValue = 'cfp';
    item.command = { command: Commands.openCfp, title: vscode.l10n.t('Open Call for Papers'), arguments: [node] };
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**');
    md.appendText(cfp.name);
    md.appendMarkdown('**\n\n');
    md.appendText(vscode.l10n.t('CFP closes {0} ({1})', cfp.cfpDeadline, relativeDay(closes)));
    md.appendMarkdown('  \n');
    if (cfp.eventStart) {
      md.appendText(cfp.eventEnd && cfp.eventEnd !== cfp.eventStart ? vscode.l10n.t('Event {0} to {1}', cfp.eventStart, cfp.eventEnd) : vscode.l10n.t('Event {0}', cfp.eventStart));
      md.appendMarkdown('  \n');
    }
    if (cfp.location) {
      md.appendText(cfp.location);
      md.appendMarkdown('  \n');
    }
    md.appendMarkdown('\n');
    md.appendText(cfp.cfpUrl);
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('From {0}', cfp.sources.join(', ')));
    if (tracked) {
      md.appendMarkdown('\n\n$(pass) ');
      md.appendText(vscode.l10n.t('Tracked in {0}', tracked));
    }
    item.tooltip = md;
    item.accessibilityInformation = { label: `${cfp.name}, ${item.description}` };
    return item;
  }

  getChildren(node?: CfpNode): CfpNode[] {
    if (node) return [];
    // Reading the rows means the view is open: the feeds are read now, not at startup.
    void this.feeds.ensureLoaded();
    return this.visibleCalls().map((cfp) => ({ type: 'cfp', cfp }));
  }

  private updateDescription(): void {
    if (!this.view) return;
    const parts = [describeFeedState(this.feeds.current, Date.now()), describeFilter(this.filterValue)].filter(Boolean);
    this.view.description = parts.join(' · ') || undefined;
  }
}

function sanitiseFilter(value: unknown): CfpFilter {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const filter: CfpFilter = {};
  if (typeof v.text === 'string' && v.text.trim()) filter.text = v.text.trim();
  if (v.attendance === 'online' || v.attendance === 'in-person') filter.attendance = v.attendance;
  if (typeof v.country === 'string' && v.country.trim()) filter.country = v.country.trim();
  if (typeof v.withinDays === 'number' && Number.isFinite(v.withinDays) && v.withinDays >= 0) filter.withinDays = Math.floor(v.withinDays);
  return filter;
}

export function createCfpView(provider: CfpTreeProvider): vscode.TreeView<CfpNode> {
  const view = vscode.window.createTreeView(Views.cfps, { treeDataProvider: provider });
  provider.attach(view);
  return view;
}
