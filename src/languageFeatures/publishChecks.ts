import * as vscode from 'vscode';
import { Commands } from '../constants';
import { setFrontMatterFields } from '../core/frontMatter/edit';
import { isFinished } from '../core/kinds/workflow';
import { errorMessage } from '../core/util/result';
import { CROSS_POSTED_KIND, crossPostChecks, type PlacedProblem } from '../core/publish/checks';
import { publishContextFor, SiteUrls } from '../services/publishService';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';

export const PUBLISH_DIAGNOSTIC_SOURCE = 'DevRel Desk cross-post';

/** Cross-post checks for open blog posts that are out on the site or already cross-posted. */
export class PublishDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('devrel-publish'));
  /** The problems behind each document's diagnostics, for the quick fixes. */
  private readonly problems = new Map<string, PlacedProblem[]>();
  /** Site URLs from the generator configs, read once per folder, as a publish reads them. */
  private readonly siteUrls = this.register(new SiteUrls());
  /** The latest refresh of each document; an older one that finishes later is dropped. */
  private readonly generation = new Map<string, number>();

  constructor(private readonly workspace: WorkspaceDrafts) {
    super();
    this.register(this.siteUrls.onDidChange(() => this.refreshAll()));
    this.register(workspace.onDidChange((change) => [...change.changed, ...change.removed].forEach((uri) => void this.refresh(uri))));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => void this.refresh(document.uri.toString())));
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.collection.delete(document.uri);
        this.problems.delete(document.uri.toString());
        this.generation.delete(document.uri.toString());
      }),
    );
    this.register(vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('devrel.publish') && this.refreshAll()));
    this.refreshAll();
  }

  problemsOf(uri: vscode.Uri): PlacedProblem[] {
    return this.problems.get(uri.toString()) ?? [];
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.refresh(document.uri.toString());
  }

  /** Resolves when this refresh is done, for tests and callers that wait. */
  refresh(uriString: string): Promise<void> {
    const generation = (this.generation.get(uriString) ?? 0) + 1;
    this.generation.set(uriString, generation);
    return this.check(uriString, generation).catch((error: unknown) => {
      // A check that could not run leaves the last problems in place; the log says why.
      log().warn(`Cross-post checks of ${uriString} failed: ${errorMessage(error)}`);
    });
  }

  private async check(uriString: string, generation: number): Promise<void> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriString);
    const draft = this.workspace.get(uriString);
    if (!document || !draft || draft.kind !== CROSS_POSTED_KIND) {
      this.collection.delete(vscode.Uri.parse(uriString));
      this.problems.delete(uriString);
      return;
    }
    const kind = this.workspace.config.kinds[draft.kind];
    const publishedOnSite = isFinished(kind, draft.status);
    const text = document.getText();
    // The context a publish would use: the generator config's site URL, the permalink rule, missing files.
    const context = await publishContextFor(this.workspace, document.uri, text, this.siteUrls);
    if (this.isDisposed || this.generation.get(uriString) !== generation) return;
    const problems = crossPostChecks(text, { ...context, relativePath: draft.relativePath, publishedOnSite });
    this.problems.set(uriString, problems);
    this.collection.set(document.uri, problems.map(toDiagnostic));
  }
}

function toDiagnostic(problem: PlacedProblem): vscode.Diagnostic {
  const { start, end } = problem.range;
  const severity =
    problem.code === 'not-cross-posted'
      ? vscode.DiagnosticSeverity.Hint
      : problem.severity === 'error'
        ? vscode.DiagnosticSeverity.Error
        : problem.severity === 'warning'
          ? vscode.DiagnosticSeverity.Warning
          : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), problem.message, severity);
  diagnostic.source = PUBLISH_DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

/** Quick fixes for the cross-post checks: front-matter changes, and publishing for the hint. */
export class PublishCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: PublishDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const problems = this.diagnostics.problemsOf(document.uri);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== PUBLISH_DIAGNOSTIC_SOURCE) continue;
      const problem = problems.find((p) => p.code === diagnostic.code && p.message === diagnostic.message);
      if (!problem) continue;
      if (problem.code === 'not-cross-posted') {
        for (const [platform, label] of [
          ['devto', 'dev.to'],
          ['hashnode', 'Hashnode'],
        ] as const) {
          const action = new vscode.CodeAction(vscode.l10n.t('Preview publishing to {0}', label), vscode.CodeActionKind.QuickFix);
          action.command = { command: Commands.publish, title: action.title, arguments: [document.uri, { platform, dryRun: true }] };
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
        continue;
      }
      if (problem.code === 'body-front-matter') {
        const rule = leadingRule(document, problem.range.start.line);
        if (rule === undefined) continue;
        const action = new vscode.CodeAction(vscode.l10n.t('Write the leading --- as *** (a rule dev.to keeps in the body)'), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(rule, 0, rule, 3), '***');
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
        continue;
      }
      if (!problem.fix) continue;
      const edit = setFrontMatterFields(document.getText(), { [problem.fix.field]: problem.fix.value });
      if (!edit.ok) continue;
      const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      const { offset, length, newText } = edit.edit;
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + length)), newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

/** The line of the body's first `---`, from `from` on past blank lines; undefined when the body starts otherwise. */
function leadingRule(document: vscode.TextDocument, from: number): number | undefined {
  for (let line = from; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (/^---[ \t]*$/.test(text)) return line;
    if (text.trim() !== '') return undefined;
  }
  return undefined;
}
