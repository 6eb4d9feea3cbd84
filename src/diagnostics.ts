import * as vscode from 'vscode';
import { normaliseDateText } from './core/dates';
import { rankBySimilarity } from './core/similarity';
import type { Problem } from './core/types';
import { Disposable } from './disposable';
import type { WorkspaceIndex } from './workspaceIndex';

const SOURCE = 'DevRel Desk';

/** Publishes the core's problems to the Problems panel, following the index as it changes. */
export class DraftDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('devrel'));

  constructor(private readonly workspace: WorkspaceIndex) {
    super();
    this.register(
      workspace.onDidChange((change) => {
        for (const uri of change.removed) this.collection.delete(vscode.Uri.parse(uri));
        for (const uri of change.changed) this.publish(uri);
      }),
    );
    for (const draft of workspace.drafts()) this.publish(draft.uri);
  }

  private publish(uriString: string): void {
    const uri = vscode.Uri.parse(uriString);
    const draft = this.workspace.get(uriString);
    if (!draft || draft.problems.length === 0) {
      // Not a draft any more, or fixed: nothing of ours should linger.
      this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, draft.problems.map(toDiagnostic));
  }
}

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = problem.range
    ? new vscode.Range(problem.range.start.line, problem.range.start.character, problem.range.end.line, problem.range.end.character)
    : new vscode.Range(0, 0, 0, 0);
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

/** Quick fixes for the problems whose fix is clear: pick a valid value, or write a date the standard way. */
export class DraftCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly workspace: WorkspaceIndex) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const draft = this.workspace.get(document.uri);
    if (!draft) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const problem = draft.problems.find((p) => p.code === diagnostic.code && p.range && p.range.start.line === diagnostic.range.start.line);
      if (!problem?.range) continue;
      const range = diagnostic.range;
      if ((problem.code === 'unknown-status' || problem.code === 'unknown-kind') && problem.validValues) {
        const suggestions = rankBySimilarity(problem.value ?? document.getText(range), problem.validValues);
        suggestions.forEach((value, i) => {
          const action = new vscode.CodeAction(`Change ${problem.field} to "${value}"`, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, range, value);
          action.diagnostics = [diagnostic];
          action.isPreferred = i === 0;
          actions.push(action);
        });
      } else if (problem.code === 'invalid-date') {
        const normalised = normaliseDateText(document.getText(range));
        if (normalised) {
          const action = new vscode.CodeAction(`Write ${problem.field} as ${normalised}`, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, range, normalised);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        }
      }
    }
    return actions;
  }
}
