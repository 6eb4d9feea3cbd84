import * as vscode from 'vscode';
import type { DevRelDeskApi } from './api';
import { commandEntries, registerCommands } from './commands/commandTable';
import { configuredMetrics } from './commands/impactCommands';
import { restoreViewState, type TrackingContext } from './commands/trackingCommands';
import { Settings } from './services/settings';
import { toDraftInfo } from './core/schedule';
import { DraftCodeActions } from './languageFeatures/codeActions';
import { DraftDiagnostics } from './languageFeatures/diagnostics';
import { createLogger, log } from './util/logger';
import { FocusStatusBar } from './views/focusStatusBar';
import { DraftStatusBar } from './views/draftStatusBar';
import { TemplateStore } from './services/templateStore';
import { createDraftsView, DraftsTreeProvider } from './views/draftsTree';
import { today } from './util/clock';
import { closeDashboard } from './views/dashboardPanel';
import { createImpactView, ImpactTreeProvider } from './views/impactTree';
import { createFeedbackView, FeedbackTreeProvider } from './views/feedbackTree';
import { createUpcomingView, UpcomingTreeProvider } from './views/upcomingTree';
import { WorkspaceDrafts } from './services/workspaceDrafts';
import { errorMessage } from './core/util/result';
import { PublishClient, PublishKeys } from './services/publishService';
import { PublishPreviewProvider } from './views/publishPreview';
import { reachByPlatform } from './core/publish/reach';
import { PublishCodeActions, PublishDiagnostics } from './languageFeatures/publishChecks';
import { CalendarAutoExport } from './services/calendarExport';
import { CfpFeedService } from './services/cfpFeeds';
import { openCfps, trackingTalk } from './core/talks/cfpFeed';
import { CfpTreeProvider, createCfpView } from './views/cfpTree';
import { RehearsalSession } from './services/rehearsalSession';
import { RehearsalStatusBar } from './views/rehearsalStatusBar';
import { SpeakerNotesView } from './views/speakerNotesView';

export type { DevRelDeskApi, DraftInfo } from './api';

/** Wires components together and returns at once; the workspace scan starts after it returns. */
export function activate(context: vscode.ExtensionContext): DevRelDeskApi {
  const started = performance.now();
  const activatedAt = Date.now();
  const channel = createLogger();
  const push = (...items: vscode.Disposable[]): void => void context.subscriptions.push(...items);
  push(channel);

  const settings = new Settings();
  void settings.moveRenamedKeys();
  const workspace = new WorkspaceDrafts(context.workspaceState, settings, vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath);
  const draftsProvider = new DraftsTreeProvider(workspace);
  const upcomingProvider = new UpcomingTreeProvider(workspace);
  push(settings, workspace, draftsProvider, upcomingProvider);
  const impactProvider = new ImpactTreeProvider(workspace, context.workspaceState, () => configuredMetrics(workspace));
  push(impactProvider);
  const feedbackProvider = new FeedbackTreeProvider(workspace);
  push(feedbackProvider, createFeedbackView(feedbackProvider));
  push(createDraftsView(draftsProvider), createUpcomingView(upcomingProvider), createImpactView(impactProvider));
  // Nothing is fetched here: the feeds are read when the CFPs view opens or Refresh CFPs runs.
  const cfpFeeds = new CfpFeedService(context.globalStorageUri);
  const cfpProvider = new CfpTreeProvider(cfpFeeds, context.globalState, (cfp) => trackingTalk(workspace.drafts(), cfp), workspace.onDidChange);
  push(cfpFeeds, cfpProvider, createCfpView(cfpProvider));
  const focusBar = new FocusStatusBar(workspace);
  push(new DraftStatusBar(workspace), focusBar, new DraftDiagnostics(workspace));
  push(vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { pattern: '**/*.{md,markdown,mdx}' }], new DraftCodeActions(workspace), DraftCodeActions.metadata));

  const rehearsals = new RehearsalSession(workspace);
  const speakerNotes = new SpeakerNotesView(rehearsals);
  push(rehearsals, new RehearsalStatusBar(rehearsals), speakerNotes);

  const tracking: TrackingContext = { workspace, drafts: draftsProvider, state: context.workspaceState };
  restoreViewState(tracking);
  push({ dispose: closeDashboard });
  const templates = new TemplateStore();
  push(templates);
  push(templates.onDidChange(() => workspace.setTemplateKinds(templates.kindOverrides())));
  const publishKeys = new PublishKeys(context.secrets);
  const publishPreview = new PublishPreviewProvider();
  const publishChecks = new PublishDiagnostics(workspace);
  push(publishPreview, publishChecks);
  push(
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'markdown' }, { pattern: '**/*.{md,markdown,mdx}' }],
      new PublishCodeActions(publishChecks),
      PublishCodeActions.metadata,
    ),
  );
  push(
    ...registerCommands(
      commandEntries({
        ...tracking,
        settings,
        templates,
        impact: impactProvider,
        dashboard: {
          extensionUri: context.extensionUri,
          workspace,
          metrics: () => configuredMetrics(workspace),
          focus: () => ({ maxActive: workspace.currentSettings.focusMaxActive, maxDeadlinesPer14Days: workspace.currentSettings.focusMaxDeadlines }),
        },
        publish: { workspace, state: context.workspaceState, keys: publishKeys, client: new PublishClient(context.workspaceState), preview: publishPreview },
        cfps: { feeds: cfpFeeds, tree: cfpProvider },
        rehearsal: { session: rehearsals, notes: speakerNotes },
      }),
    ),
  );

  push(
    settings.onDidChange(() => {
      draftsProvider.refreshAll();
      upcomingProvider.refresh();
      impactProvider.refresh();
      focusBar.update();
    }),
  );

  const calendarExport = new CalendarAutoExport(workspace, () => String(vscode.workspace.getConfiguration('devrel').get('calendar.autoExport') ?? ''));
  push(
    calendarExport,
    settings.onDidChange(() => calendarExport.schedule()),
  );

  const changed = new vscode.EventEmitter<void>();
  push(
    changed,
    workspace.onDidChange(() => changed.fire()),
  );

  const timings = { activatedAt, activateMs: 0, firstListMs: undefined as number | undefined, firstIndexMs: undefined as number | undefined };
  const api: DevRelDeskApi = {
    async listDrafts() {
      await workspace.ready();
      const now = today();
      return workspace.drafts().map((d) => toDraftInfo(d, workspace.config.kinds[d.kind], now));
    },
    async impactSummary() {
      await workspace.ready();
      const summary = impactProvider.current();
      return {
        quarter: summary.quarter.label,
        thisQuarter: { ...summary.thisQuarter },
        allTime: { ...summary.allTime },
        byKind: summary.byKind.map((k) => ({ kind: k.kind, allTime: { ...k.allTime } })),
        byPlatform: reachByPlatform(workspace.drafts()).map((r) => ({ platform: r.platform, allTime: { ...r.totals } })),
        acceptance: impactProvider.acceptance().map((year) => ({ ...year })),
      };
    },
    async openCfps() {
      await cfpFeeds.ensureLoaded();
      return openCfps(cfpFeeds.current.calls, {}, today()).map(({ name, url, cfpUrl, cfpDeadline, eventStart, eventEnd, location, online }) => ({
        name,
        cfpUrl,
        cfpDeadline,
        ...(url !== undefined ? { url } : {}),
        ...(eventStart !== undefined ? { eventStart } : {}),
        ...(eventEnd !== undefined ? { eventEnd } : {}),
        ...(location !== undefined ? { location } : {}),
        ...(online !== undefined ? { online } : {}),
      }));
    },
    onDidChangeDrafts: changed.event,
    get timings() {
      return { ...timings, firstListMs: workspace.stats.firstListMs, firstIndexMs: workspace.stats.firstIndexMs };
    },
  };

  // Scanning and reading templates wait until activation has returned, so the editor is never held up by them.
  // Kinds from workspace templates are known before the first scan, so it never has to run twice.
  const timer = setTimeout(() => {
    void templates
      .ready()
      .then(
        () => workspace.setTemplateKinds(templates.kindOverrides()),
        (error: unknown) => log().warn(`Workspace templates could not be read: ${errorMessage(error)}`),
      )
      .then(() => workspace.start());
  }, 0);
  push({ dispose: () => clearTimeout(timer) });
  timings.activateMs = performance.now() - started;
  log().info(`Activated in ${timings.activateMs.toFixed(1)} ms.`);
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
