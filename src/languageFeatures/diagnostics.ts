import * as vscode from 'vscode';
import { proseProblems } from '../core/proseChecks';
import type { Problem } from '../core/types';
import { Disposable } from '../util/disposable';
import type { Settings } from '../services/settings';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

export const DIAGNOSTIC_SOURCE = 'DevRel Desk';
/** Typing pauses this long before the prose checks run again. */
const EDIT_DELAY_MS = 250;

/** What the prose checks need besides the index: which are on, and the template each kind starts from. */
export interface ProseCheckSources {
  settings: Settings;
  templateText: (kind: string, uri: vscode.Uri) => string | undefined;
}

/**
 * Publishes the core's problems to the Problems panel, following the index as it changes. Open
 * drafts also get the prose and publishing checks, which read the text as it is in the editor.
 */
export class DraftDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('devrel'));
  /** The prose problems behind each open draft's diagnostics, for the quick fixes. */
  private readonly prose = new Map<string, Problem[]>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly workspace: WorkspaceDrafts,
    private readonly sources?: ProseCheckSources,
  ) {
    super();
    this.register(
      workspace.onDidChange((change) => {
        for (const uri of change.removed) {
          this.collection.delete(vscode.Uri.parse(uri));
          this.prose.delete(uri);
        }
        for (const uri of change.changed) this.publish(uri);
      }),
    );
    if (sources) {
      this.register(vscode.workspace.onDidOpenTextDocument((document) => this.publish(document.uri.toString())));
      this.register(vscode.workspace.onDidCloseTextDocument((document) => this.publish(document.uri.toString(), true)));
      // The index only reports drafts whose data changed; a fixed heading or alt text changes none of it.
      this.register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document.uri.toString())));
      this.register({ dispose: () => this.pending.forEach((timer) => clearTimeout(timer)) });
      this.register(sources.settings.onDidChange(() => this.publishAll()));
    }
    this.publishAll();
  }

  /** The prose problem a diagnostic of ours stands for, found by its code and where it starts. */
  proseProblemAt(uri: vscode.Uri, code: string | number | undefined, start: vscode.Position): Problem | undefined {
    return this.prose
      .get(uri.toString())
      ?.find((p) => p.code === code && p.range !== undefined && p.range.start.line === start.line && p.range.start.character === start.character);
  }

  private schedule(uri: string): void {
    if (!this.workspace.get(uri)) return;
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        if (!this.isDisposed) this.publish(uri);
      }, EDIT_DELAY_MS),
    );
  }

  private publishAll(): void {
    const uris = new Set([...this.workspace.drafts().map((d) => d.uri), ...vscode.workspace.textDocuments.map((d) => d.uri.toString())]);
    for (const uri of uris) this.publish(uri);
  }

  private publish(uriString: string, closing = false): void {
    const uri = vscode.Uri.parse(uriString);
    const draft = this.workspace.get(uriString);
    if (!draft) {
      // Not a draft any more: nothing of ours should linger.
      this.collection.delete(uri);
      this.prose.delete(uriString);
      return;
    }
    const document = closing ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriString);
    const prose = document && this.sources ? this.checkProse(document, draft) : [];
    if (prose.length > 0) this.prose.set(uriString, prose);
    else this.prose.delete(uriString);
    const problems = [...draft.problems, ...prose];
    if (problems.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, problems.map(toDiagnostic));
  }

  private checkProse(document: vscode.TextDocument, draft: NonNullable<ReturnType<WorkspaceDrafts['get']>>): Problem[] {
    const sources = this.sources as ProseCheckSources;
    const settings = sources.settings.forFolder(vscode.workspace.getWorkspaceFolder(document.uri)?.uri).proseChecks;
    if (!Object.values(settings).some(Boolean)) return [];
    return proseProblems({
      text: document.getText(),
      kind: draft.kind,
      status: draft.status,
      kindDefinition: this.workspace.config.kinds[draft.kind],
      templateText: sources.templateText(draft.kind, document.uri),
      abstracts: draft.abstracts,
      settings,
    });
  }
}

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = problem.range
    ? new vscode.Range(problem.range.start.line, problem.range.start.character, problem.range.end.line, problem.range.end.character)
    : new vscode.Range(0, 0, 0, 0);
  const severity =
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
