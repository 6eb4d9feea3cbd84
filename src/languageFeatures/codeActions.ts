import * as vscode from 'vscode';
import { normaliseDateText } from '../core/dates';
import { rankBySimilarity } from '../core/similarity';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Quick fixes for the problems whose fix is clear: pick a valid value, or write a date the standard way. */
export class DraftCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly workspace: WorkspaceDrafts) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const draft = this.workspace.get(document.uri);
    if (!draft) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
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
