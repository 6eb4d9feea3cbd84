import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { DevRelDeskApi } from './api';
import { commandEntries, registerCommands, type CommandServices } from './commands/commandTable';
import { registerAgentTools } from './languageModelTools/agentTools';
import { configuredMetrics } from './commands/impactCommands';
import { restoreViewState, type TrackingContext } from './commands/trackingCommands';
import { Settings } from './services/settings';
import { toDraftInfo } from './core/schedule';
import { DraftCodeActions } from './languageFeatures/codeActions';
import { DraftDiagnostics } from './languageFeatures/diagnostics';
import { DRAFT_SELECTOR, FrontMatterCompletionProvider } from './languageFeatures/completion';
import { FrontMatterHoverProvider } from './languageFeatures/hover';
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
import { describeFeedState } from './core/talks/cfpCache';
import { openCfps, trackingTalk } from './core/talks/cfpFeed';
import { CfpTreeProvider, createCfpView } from './views/cfpTree';
import { RehearsalSession } from './services/rehearsalSession';
import { RehearsalStatusBar } from './views/rehearsalStatusBar';
import { SpeakerNotesView } from './views/speakerNotesView';
import { TalkTimingLensProvider } from './languageFeatures/talkTimingLens';
import { ValeConfigContext } from './languageFeatures/valeConfig';
import { draftPreviewPlugin } from './core/draftPreview';
import { builtinTemplates } from './core/kinds/registry';

export type { DevRelDeskApi, DraftInfo } from './api';

/** Wires components together and returns at once; the workspace scan starts after it returns. */
export function activate(context: vscode.ExtensionContext): DevRelDeskApi {
  const started = performance.now();
  const activatedAt = Date.now();
  // The core looks its messages up with @vscode/l10n, which cannot reach the vscode API: hand it the editor's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
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
  const templates = new TemplateStore();
  push(templates);
  const diagnostics = new DraftDiagnostics(workspace, { settings, templateText: (kind, uri) => templateText(templates, kind, uri) });
  push(new DraftStatusBar(workspace), focusBar, diagnostics, new ValeConfigContext());
  push(
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'markdown' }, { pattern: '**/*.{md,markdown,mdx}' }],
      new DraftCodeActions(workspace, diagnostics),
      DraftCodeActions.metadata,
    ),
  );

  const frontMatterCompletion = new FrontMatterCompletionProvider(workspace, () => configuredMetrics(workspace));
  push(
    frontMatterCompletion,
    vscode.languages.registerCompletionItemProvider(DRAFT_SELECTOR, frontMatterCompletion, ...FrontMatterCompletionProvider.triggerCharacters),
    vscode.languages.registerHoverProvider(DRAFT_SELECTOR, new FrontMatterHoverProvider(workspace, () => configuredMetrics(workspace))),
  );

  const rehearsals = new RehearsalSession(workspace);
  const speakerNotes = new SpeakerNotesView(rehearsals);
  push(rehearsals, new RehearsalStatusBar(rehearsals), speakerNotes);
  const timingLenses = new TalkTimingLensProvider(workspace, settings);
  push(timingLenses, vscode.languages.registerCodeLensProvider([{ language: 'markdown' }, { pattern: '**/*.{md,markdown,mdx}' }], timingLenses));

  const tracking: TrackingContext = { workspace, drafts: draftsProvider, state: context.workspaceState };
  restoreViewState(tracking);
  push({ dispose: closeDashboard });
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
  const services: CommandServices = {
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
  };
  push(...registerCommands(commandEntries(services)));
  // Chat agents reach the same handlers as the commands, after the person confirms.
  push(...registerAgentTools(services));

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
    async cfpFeedStatus() {
      const state = cfpFeeds.current;
      const summary = describeFeedState(state, Date.now());
      return {
        ...(state.fetchedAt !== undefined ? { fetchedAt: new Date(state.fetchedAt).toISOString() } : {}),
        unreachable: [...state.failed],
        ...(summary !== undefined ? { summary } : {}),
      };
    },
    extendMarkdownIt(md) {
      return draftPreviewPlugin(md, { config: () => workspace.config, sourceOf: (env) => previewSource(workspace, env) });
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

/** The template a kind's drafts start from in the draft's folder: the workspace's own, else the built-in one. */
function templateText(templates: TemplateStore, kind: string, uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return templates.workspaceTemplates(folder).find((t) => t.template.kind === kind)?.template.text ?? builtinTemplates().find((t) => t.kind === kind)?.text;
}

/** The file the Markdown preview renders, which it passes as `env.currentDocument`; undefined for text without one. */
function previewSource(workspace: WorkspaceDrafts, env: unknown): { uri: string; relativePath: string } | undefined {
  const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument as
    Partial<Record<'scheme' | 'authority' | 'path' | 'query' | 'fragment', unknown>> | undefined;
  // The Markdown extension's Uri, read by its parts rather than trusted to be this module's class.
  if (!current || typeof current !== 'object' || typeof current.scheme !== 'string' || typeof current.path !== 'string') return undefined;
  const part = (value: unknown): string => (typeof value === 'string' ? value : '');
  const document = vscode.Uri.from({
    scheme: current.scheme,
    authority: part(current.authority),
    path: current.path,
    query: part(current.query),
    fragment: part(current.fragment),
  });
  const draft = workspace.get(document);
  return { uri: document.toString(), relativePath: draft?.relativePath ?? vscode.workspace.asRelativePath(document, false) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
