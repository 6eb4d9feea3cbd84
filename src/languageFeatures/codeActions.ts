import * as vscode from 'vscode';
import { problemAt, quickFixes } from '../core/quickFixes';
import type { ProblemFix } from '../core/types';
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
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const problem = problemAt(draft.problems, code, diagnostic.range.start.line);
      if (!problem) continue;
      if (problem.fixes) {
        // Fixes the core worked out as data, each with its own range (a submission's entry, say).
        actions.push(...problem.fixes.map((fix) => fixAction(document, diagnostic, fix)));
        continue;
      }
      for (const fix of quickFixes(problem, document.getText(diagnostic.range))) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, fix.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        actions.push(action);
      }
    }
    return actions;
  }
}

function fixAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, fix: ProblemFix): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  const { start, end } = fix.range;
  action.edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), fix.newText);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  return action;
}
