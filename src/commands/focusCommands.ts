import * as vscode from 'vscode';
import { Commands } from '../constants';
import { focusState, parkCandidates, wouldExceedFocus, type FocusChange, type FocusState } from '../core/focus';
import { relativeDay } from '../core/schedule';
import { daysBetween } from '../core/dates';
import { log } from '../util/logger';
import { today } from '../views/presentation';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

export function currentFocus(workspace: WorkspaceDrafts): FocusState {
  const settings = workspace.currentSettings;
  return focusState(workspace.drafts(), workspace.config.kinds, {
    maxActive: settings.focusMaxActive,
    maxDeadlinesPer14Days: settings.focusMaxDeadlines,
    today: today(),
  });
}

/**
 * Asks before a change that would take active work over the focus limit. When the person
 * started the change from a prompt, the warning waits for a choice: start anyway, park
 * another draft first, or open the settings. When a caller passed every argument (a
 * keybinding, another extension, a test), nothing blocks: the change goes ahead and the
 * warning is shown and logged.
 */
export async function confirmFocus(workspace: WorkspaceDrafts, change: FocusChange, interactive: boolean): Promise<boolean> {
  const check = wouldExceedFocus(workspace.drafts(), workspace.config.kinds, change, workspace.currentSettings.focusMaxActive);
  if (!check.exceeds || !check.message) return true;
  const message = `${check.message} Quality over quantity: park one, or start anyway.`;
  log().info(`Focus: ${check.message}`);
  const actions = ['Start anyway', 'Park one…', 'Open Focus settings'] as const;
  if (!interactive) {
    void vscode.window.showWarningMessage(message, 'Park one…', 'Open Focus settings').then((choice) => {
      if (choice === 'Park one…') void vscode.commands.executeCommand(Commands.parkDraft);
      if (choice === 'Open Focus settings') void openFocusSettings();
    });
    return true;
  }
  const choice = await vscode.window.showWarningMessage(message, ...actions);
  if (choice === 'Start anyway') return true;
  if (choice === 'Park one…') return (await pickAndPark(workspace, change.uri)) !== undefined;
  if (choice === 'Open Focus settings') await openFocusSettings();
  return false;
}

function openFocusSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', 'devrel.focus');
}

/** Lets the person choose an active draft to move back to its first status; least urgent first. */
export async function pickAndPark(workspace: WorkspaceDrafts, except?: string): Promise<string | undefined> {
  const now = today();
  const candidates = parkCandidates(workspace.drafts(), workspace.config.kinds, now).filter((c) => c.draft.uri !== except);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('No active draft to park.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((c) => ({
      label: c.draft.title,
      description: `${c.draft.status} → ${c.parkTo}`,
      detail: c.nextDate ? `${c.nextDate.label} ${relativeDay(daysBetween(now, c.nextDate.date))}` : 'no date',
      uri: c.draft.uri,
    })),
    { title: 'Park a Draft', placeHolder: 'Move one active draft back to its first status to make room' },
  );
  if (!picked) return undefined;
  await vscode.commands.executeCommand(Commands.parkDraft, vscode.Uri.parse(picked.uri));
  return picked.uri;
}

/** The Focus quick pick: what is active, what is due soon, and a way to park. */
export async function showFocus(workspace: WorkspaceDrafts): Promise<void> {
  const state = currentFocus(workspace);
  const now = today();
  type Entry = vscode.QuickPickItem & { uri?: string; park?: boolean };
  const items: Entry[] = [
    { label: `Active (${state.activeCount}${state.maxActive === null ? '' : `/${state.maxActive}`})`, kind: vscode.QuickPickItemKind.Separator },
    ...state.active.map((d) => ({ label: d.title, description: d.status, uri: d.uri })),
    { label: `Next 14 days (${state.deadlines.length})`, kind: vscode.QuickPickItemKind.Separator },
    ...state.deadlines.map((d) => ({ label: d.draft.title, description: `${d.date.label} ${relativeDay(daysBetween(now, d.date.date))}`, uri: d.draft.uri })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(debug-pause) Park a draft…', park: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: state.statusText, placeHolder: state.warnings[0] ?? 'Open a draft, or park one to make room' });
  if (picked?.park) await pickAndPark(workspace);
  else if (picked?.uri) await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri));
}
