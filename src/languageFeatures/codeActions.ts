import * as vscode from 'vscode';
import { Commands } from '../constants';
import { durationFix, problemAt, quickFixes, workflowWithStatus } from '../core/quickFixes';
import type { Draft, KindDefinition, ProblemCode, ProblemFix } from '../core/types';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { DIAGNOSTIC_SOURCE, type DraftDiagnostics } from './diagnostics';

/** Quick fixes for the problems whose fix is clear: pick a valid value, or write a date the standard way. */
export class DraftCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly workspace: WorkspaceDrafts,
    private readonly diagnostics?: DraftDiagnostics,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const draft = this.workspace.get(document.uri);
    if (!draft) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const prose = this.diagnostics?.proseProblemAt(document.uri, code, diagnostic.range.start);
      if (prose) {
        actions.push(...(prose.fixes ?? []).map((fix) => fixAction(document, diagnostic, fix)));
        continue;
      }
      const problem = problemAt(draft.problems, code, diagnostic.range.start.line);
      if (!problem) continue;
      if (problem.fixes) {
        // Fixes the core worked out as data, each with its own range (a submission's entry, say).
        actions.push(...problem.fixes.map((fix) => fixAction(document, diagnostic, fix)));
        continue;
      }
      const kind = this.workspace.config.kinds[draft.kind] as KindDefinition | undefined;
      for (const fix of quickFixes(problem, document.getText(diagnostic.range), kind)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, fix.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        actions.push(action);
      }
      if (problem.code === 'unknown-status' && kind && problem.value !== undefined && workflowWithStatus(kind, problem.value)) {
        const action = new vscode.CodeAction(vscode.l10n.t('Add "{0}" to the {1} workflow', problem.value, kind.label.toLowerCase()), vscode.CodeActionKind.QuickFix);
        action.command = { command: Commands.addStatusToWorkflow, title: action.title, arguments: [draft.kind, problem.value, document.uri] };
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      if (problem.code === 'talk-over-duration' || problem.code === 'rehearsal-over-slot') actions.push(...slotActions(document, diagnostic, problem.code, draft));
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

/** Over the slot: trim a section (the outline lists them with their minutes), or give the talk the time it takes. */
function slotActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, code: ProblemCode, draft: Draft): vscode.CodeAction[] {
  const outline = new vscode.CodeAction(vscode.l10n.t('Open the outline to trim a section'), vscode.CodeActionKind.QuickFix);
  outline.command = { command: 'outline.focus', title: outline.title };
  outline.diagnostics = [diagnostic];
  const minutes = code === 'talk-over-duration' ? draft.analysis?.talk?.plannedMinutes : draft.rehearsals?.[draft.rehearsals.length - 1]?.minutes;
  const fix = minutes === undefined ? undefined : durationFix(document.getText(), minutes);
  return fix ? [outline, fixAction(document, diagnostic, fix)] : [outline];
}
