import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { buildDashboardModel, checkDashboardRequest } from '../core/dashboardModel';
import type { MetricDefinition } from '../core/impact';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import type { HostToPage } from '../core/dashboardProtocol';
import { today } from '../util/clock';

export interface DashboardDeps {
  extensionUri: vscode.Uri;
  workspace: WorkspaceDrafts;
  metrics(): Readonly<Record<string, MetricDefinition>>;
  focus(): { maxActive: number | null; maxDeadlinesPer14Days: number | null };
}

export const DASHBOARD_VIEW_TYPE = 'devrel.dashboard';
export const DASHBOARD_TITLE = vscode.l10n.t('DevRel Dashboard');
/** Edits arrive in bursts (a save touches the index more than once); one render per burst is enough. */
const UPDATE_DELAY_MS = 150;

let current: DashboardPanel | undefined;

/** Shows the dashboard: the one already open if there is one, else a new panel. */
export function openDashboard(deps: DashboardDeps): vscode.WebviewPanel {
  if (current) {
    current.panel.reveal();
    current.update();
    return current.panel;
  }
  const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, DASHBOARD_TITLE, vscode.ViewColumn.Active, {
    enableScripts: true,
    // The stylesheet is a static asset in media/; the script is built into dist/.
    localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'media'), vscode.Uri.joinPath(deps.extensionUri, 'dist')],
    // The page asks for the model again whenever it is shown, so it needn't be kept alive hidden.
    retainContextWhenHidden: false,
  });
  current = new DashboardPanel(panel, deps);
  return panel;
}

/** Closes the dashboard if it is open; for the extension's disposables on deactivation. */
export function closeDashboard(): void {
  current?.panel.dispose();
}

class DashboardPanel extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The day the page was last drawn for: "in 3 days" goes stale at midnight even when no file changes. */
  private drawnFor = '';

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: DashboardDeps,
  ) {
    super();
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)));
    this.register(deps.workspace.onDidChange(() => this.scheduleUpdate()));
    // Focus limits and metrics are read from settings on each render; kinds reach us through the index.
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('devrel')) this.scheduleUpdate();
      }),
    );
    const dayCheck = setInterval(() => {
      if (this.drawnFor !== today()) this.update();
    }, 3_600_000);
    this.register({ dispose: () => clearInterval(dayCheck) });
    panel.webview.html = this.html();
  }

  override dispose(): void {
    if (current === this) current = undefined;
    super.dispose();
  }

  scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
  }

  update(): void {
    clearTimeout(this.timer);
    // A hidden page is torn down and asks again with `ready` when shown, so don't build for nobody.
    if (this.isDisposed || !this.panel.visible) return;
    this.drawnFor = today();
    const model = buildDashboardModel(this.deps.workspace.drafts(), this.deps.workspace.config.kinds, {
      today: this.drawnFor,
      metrics: this.deps.metrics(),
      focus: this.deps.focus(),
    });
    this.post({ type: 'model', model });
  }

  private post(message: HostToPage): void {
    void this.panel.webview.postMessage(message).then(undefined, (error: unknown) => log().warn(`Dashboard: could not update the page: ${String(error)}`));
  }

  private async receive(message: unknown): Promise<void> {
    const workspace = this.deps.workspace;
    const checked = checkDashboardRequest(message, (uri) => workspace.get(uri), workspace.config.kinds);
    if (!checked.ok) {
      log().warn(`Dashboard: ignored a message from the page: ${checked.reason}.`);
      return;
    }
    const request = checked.request;
    if (request.type === 'ready') {
      this.update();
      return;
    }
    const uri = vscode.Uri.parse(request.uri);
    if (request.type === 'open') {
      // Beside the dashboard, so the board stays in view while the draft is edited.
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true }).then(undefined, (error: unknown) => {
        log().error(`Dashboard: could not open ${request.uri}: ${String(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('DevRel Desk: could not open {0}.', vscode.workspace.asRelativePath(uri)));
      });
      return;
    }
    const title = workspace.get(request.uri)?.title ?? vscode.workspace.asRelativePath(uri);
    // The command does the edit and reports its own failures; its result only tells the page what to announce.
    const moved = await vscode.commands.executeCommand<boolean | undefined>(Commands.setStatus, uri, request.status).then(
      (result) => result === true,
      () => false,
    );
    this.post({
      type: 'statusResult',
      ok: moved,
      message: moved ? vscode.l10n.t('Moved “{0}” to {1}.', title, request.status) : vscode.l10n.t('“{0}” was not moved to {1}.', title, request.status),
    });
    // Don't wait for the file watcher: show the card in its new column at once.
    this.update();
  }

  private html(): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'dashboard.css'));
    const nonce = randomBytes(16).toString('base64');
    const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `script-src 'nonce-${nonce}'`, `font-src ${webview.cspSource}`].join(
      '; ',
    );
    // No workspace text goes into this markup: the page draws everything from the model with
    // textContent, so a title can never become markup.
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${DASHBOARD_TITLE}</title>
</head>
<body>
<main id="dashboard-root" aria-busy="true">
  <header class="dashboard-header">
    <h1>${DASHBOARD_TITLE}</h1>
    <p id="focus-line" class="focus-line"></p>
  </header>
  <div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
  <section id="pipeline" aria-labelledby="pipeline-heading">
    <h2 id="pipeline-heading">Pipeline</h2>
    <div class="section-body"><p class="empty">Loading…</p></div>
  </section>
  <section id="calendar" aria-labelledby="calendar-heading">
    <h2 id="calendar-heading">Calendar</h2>
    <div class="section-body"></div>
  </section>
  <section id="impact" aria-labelledby="impact-heading">
    <h2 id="impact-heading">Impact</h2>
    <div class="section-body"></div>
  </section>
  <section id="rehearsals" aria-labelledby="rehearsals-heading">
    <h2 id="rehearsals-heading">Rehearsals</h2>
    <div class="section-body"></div>
  </section>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
