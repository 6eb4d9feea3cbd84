import * as vscode from 'vscode';
import type { Problem } from '../core/types';
import { Disposable } from '../util/disposable';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

export const DIAGNOSTIC_SOURCE = 'DevRel Desk';

/** Publishes the core's problems to the Problems panel, following the index as it changes. */
export class DraftDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('devrel'));

  constructor(private readonly workspace: WorkspaceDrafts) {
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
  const severity =
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
