import * as vscode from 'vscode';
import { Commands, Views } from '../constants';
import { aggregateImpact, topDrafts, type ImpactSummary, type MetricDefinition } from '../core/impact';
import { reachByPlatform } from '../core/publish/reach';
import { acceptanceByYear, type AcceptanceYear } from '../core/talks/submissions';
import { Disposable } from '../util/disposable';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { kindIcon, pluralKindLabel } from './presentation';
import { today } from '../util/clock';

export type ImpactNode =
  | { type: 'section'; section: 'quarter' | 'allTime' | 'byKind' | 'byPlatform' | 'top' | 'acceptance' }
  | { type: 'acceptance'; year: AcceptanceYear }
  | { type: 'platform'; platform: string; label: string; drafts: number }
  | { type: 'metric'; metric: string; value: number; parent: string }
  | { type: 'kind'; kind: string }
  | { type: 'draft'; uri: string; title: string; total: number; rank: number };

const TOP_METRIC_KEY = 'devrel.impact.topMetric';
const DEFAULT_TOP_METRIC = 'attendees';

/**
 * What the work achieved: totals this quarter and in all, per kind, and the five pieces of
 * work that did most for one chosen metric. The whole view is a few dozen rows, so it is
 * recomputed and refreshed as one.
 */
export class ImpactTreeProvider extends Disposable implements vscode.TreeDataProvider<ImpactNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<ImpactNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private summary: ImpactSummary | undefined;
  private acceptanceYears: AcceptanceYear[] | undefined;
  private metrics: Readonly<Record<string, MetricDefinition>> = {};
  private chosenMetric: string;

  constructor(
    private readonly workspace: WorkspaceDrafts,
    private readonly state: vscode.Memento,
    private readonly readMetrics: () => Readonly<Record<string, MetricDefinition>>,
  ) {
    super();
    this.chosenMetric = state.get<string>(TOP_METRIC_KEY) ?? DEFAULT_TOP_METRIC;
    this.register(workspace.onDidChange(() => this.refresh()));
  }

  get topMetric(): string {
    return this.chosenMetric;
  }

  async setTopMetric(metric: string): Promise<void> {
    this.chosenMetric = metric;
    await this.state.update(TOP_METRIC_KEY, metric);
    this.refresh();
  }

  /** The figures the view shows; the extension API hands out the same summary. */
  current(): ImpactSummary {
    this.summary ??= aggregateImpact(this.workspace.drafts(), { today: today(), kinds: this.workspace.config.kinds, metrics: this.readMetrics() });
    return this.summary;
  }

  /** CFP acceptance per year, from every talk's submissions. */
  acceptance(): AcceptanceYear[] {
    this.acceptanceYears ??= acceptanceByYear(this.workspace.drafts().map((d) => d.submissions));
    return this.acceptanceYears;
  }

  refresh(): void {
    this.summary = undefined;
    this.acceptanceYears = undefined;
    this.metrics = this.readMetrics();
    this.emitter.fire(undefined);
  }

  getTreeItem(node: ImpactNode): vscode.TreeItem {
    const summary = this.current();
    switch (node.type) {
      case 'section': {
        const labels = {
          quarter: vscode.l10n.t('This quarter ({0})', summary.quarter.label),
          allTime: vscode.l10n.t('All time'),
          byKind: vscode.l10n.t('By kind'),
          byPlatform: vscode.l10n.t('Reach by platform'),
          top: vscode.l10n.t('Top work by {0}', this.metricLabel(this.chosenMetric).toLowerCase()),
          acceptance: vscode.l10n.t('CFP acceptance'),
        };
        const item = new vscode.TreeItem(
          labels[node.section],
          node.section === 'byKind' || node.section === 'byPlatform' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `impact:${node.section}`;
        item.contextValue = `section.${node.section}`;
        if (node.section === 'top') item.command = { command: Commands.impactMetric, title: vscode.l10n.t('Choose Metric') };
        return item;
      }
      case 'metric': {
        const metric = this.metrics[node.metric];
        const item = new vscode.TreeItem(metric?.label ?? node.metric);
        item.id = `impact:${node.parent}:${node.metric}`;
        item.description = `${formatValue(node.value)} ${metric?.unit ?? ''}`.trim();
        item.iconPath = new vscode.ThemeIcon(metric?.icon ?? 'graph');
        item.tooltip = metric?.description ?? vscode.l10n.t('{0} is not a configured metric; add it to devrel.impact.metrics.', node.metric);
        item.accessibilityInformation = { label: `${metric?.label ?? node.metric}: ${item.description}` };
        return item;
      }
      case 'kind': {
        const item = new vscode.TreeItem(pluralKindLabel(this.workspace.config.kinds[node.kind], node.kind), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `impact:kind:${node.kind}`;
        item.iconPath = kindIcon(node.kind);
        return item;
      }
      case 'platform': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `impact:platform:${node.platform}`;
        item.description = node.drafts === 1 ? vscode.l10n.t('1 cross-post') : vscode.l10n.t('{0} cross-posts', node.drafts);
        item.iconPath = new vscode.ThemeIcon('cloud-upload');
        item.tooltip = vscode.l10n.t('Synced with DevRel: Sync Reach from dev.to and Hashnode');
        return item;
      }
      case 'acceptance': {
        const { year, accepted, decided, rate } = node.year;
        const item = new vscode.TreeItem(year);
        item.id = `impact:acceptance:${year}`;
        item.description = vscode.l10n.t('{0} of {1} accepted · {2}%', accepted, decided, Math.round(rate * 100));
        item.iconPath = new vscode.ThemeIcon('megaphone');
        item.tooltip = vscode.l10n.t('Accepted, confirmed, delivered and declined submissions over those the calls have answered, by the year of the event.');
        item.accessibilityInformation = { label: `${year}: ${item.description}` };
        return item;
      }
      case 'draft': {
        const item = new vscode.TreeItem(`${node.rank}. ${node.title}`);
        item.id = `impact:top:${node.uri}`;
        item.description = `${formatValue(node.total)} ${this.metrics[this.chosenMetric]?.unit ?? this.chosenMetric}`;
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.iconPath = new vscode.ThemeIcon('star-full');
        item.contextValue = 'draft';
        item.command = { command: Commands.openDraft, title: vscode.l10n.t('Open Draft'), arguments: [vscode.Uri.parse(node.uri)] };
        return item;
      }
    }
  }

  getChildren(node?: ImpactNode): ImpactNode[] {
    const summary = this.current();
    if (!node) {
      const sections: ImpactNode[] = [];
      if (summary.entryCount > 0) {
        sections.push({ type: 'section', section: 'quarter' }, { type: 'section', section: 'allTime' }, { type: 'section', section: 'byKind' });
        if (reachByPlatform(this.workspace.drafts()).length > 0) sections.push({ type: 'section', section: 'byPlatform' });
        sections.push({ type: 'section', section: 'top' });
      }
      if (this.acceptance().length > 0) sections.push({ type: 'section', section: 'acceptance' });
      return sections;
    }
    if (node.type === 'section') {
      switch (node.section) {
        case 'quarter':
          return this.metricRows(summary.thisQuarter, summary.metricOrder, 'quarter');
        case 'allTime':
          return this.metricRows(summary.allTime, summary.metricOrder, 'allTime');
        case 'byKind':
          return summary.byKind.map((k) => ({ type: 'kind', kind: k.kind }));
        case 'byPlatform':
          return reachByPlatform(this.workspace.drafts()).map((r) => ({ type: 'platform', platform: r.platform, label: r.label, drafts: r.drafts }));
        case 'acceptance':
          return [...this.acceptance()].reverse().map((year) => ({ type: 'acceptance', year }));
        case 'top':
          return topDrafts(this.workspace.drafts(), this.chosenMetric, 5).map((d, i) => ({ type: 'draft', uri: d.draft.uri, title: d.draft.title, total: d.total, rank: i + 1 }));
      }
    }
    if (node.type === 'platform') {
      const reach = reachByPlatform(this.workspace.drafts()).find((r) => r.platform === node.platform);
      return reach
        ? this.metricRows(reach.totals, [...summary.metricOrder, ...Object.keys(reach.totals).filter((m) => !summary.metricOrder.includes(m))], `platform:${node.platform}`)
        : [];
    }
    if (node.type === 'kind') {
      const kind = summary.byKind.find((k) => k.kind === node.kind);
      return kind ? this.metricRows(kind.allTime, summary.metricOrder, `kind:${node.kind}`) : [];
    }
    return [];
  }

  private metricRows(totals: Record<string, number>, order: readonly string[], parent: string): ImpactNode[] {
    return order.filter((m) => (totals[m] ?? 0) > 0).map((metric) => ({ type: 'metric', metric, value: totals[metric], parent }));
  }

  private metricLabel(metric: string): string {
    return this.metrics[metric]?.label ?? metric;
  }
}

function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function createImpactView(provider: ImpactTreeProvider): vscode.TreeView<ImpactNode> {
  return vscode.window.createTreeView(Views.impact, { treeDataProvider: provider, showCollapseAll: true });
}
