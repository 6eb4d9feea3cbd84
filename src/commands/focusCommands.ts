import * as vscode from 'vscode';
import { Commands } from '../constants';
import { FOCUS_OFF_HINT, parkCandidates, wouldExceedFocus, wouldExceedOnResume, type FocusChange } from '../core/focus';
import type { Draft } from '../core/types';
import { relativeDay } from '../core/schedule';
import { daysBetween } from '../core/dates';
import { log } from '../util/logger';
import { today } from '../util/clock';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

/**
 * Warns once, when a change crosses the focus limit. When the person started the change from
 * a prompt, the warning waits for a choice: start anyway, park another draft first, or don't
 * start. Escape, here or in the park list, means "not now": the change the person asked for
 * goes ahead and a short message says so; only "Don't start" cancels it. When a caller passed
 * every argument (a keybinding, another extension, a test), nothing blocks: the change goes
 * ahead and the warning is shown and logged.
 */
export async function confirmFocus(workspace: WorkspaceDrafts, change: FocusChange, interactive: boolean): Promise<boolean> {
  const check = wouldExceedFocus(workspace.drafts(), workspace.config.kinds, change, workspace.currentSettings.focusMaxActive);
  if (!check.exceeds || !check.message) return true;
  return askOverLimit(workspace, check.message, change.uri, interactive);
}

/** The same warning for Resume, which brings a parked draft back into hand. */
export async function confirmResume(workspace: WorkspaceDrafts, draft: Draft, interactive: boolean): Promise<boolean> {
  const check = wouldExceedOnResume(workspace.drafts(), workspace.config.kinds, draft, workspace.currentSettings.focusMaxActive);
  if (!check.exceeds || !check.message) return true;
  return askOverLimit(workspace, check.message, draft.uri, interactive);
}

async function askOverLimit(workspace: WorkspaceDrafts, summary: string, except: string | undefined, interactive: boolean): Promise<boolean> {
  const message = `${summary} ${vscode.l10n.t('Quality over quantity: park one, or start anyway.')} ${FOCUS_OFF_HINT}`;
  log().info(`Focus: ${summary}`);
  if (!interactive) {
    void vscode.window.showWarningMessage(message, vscode.l10n.t('Park one…'), vscode.l10n.t('Open Focus settings')).then((choice) => {
      if (choice === vscode.l10n.t('Park one…')) void vscode.commands.executeCommand(Commands.parkDraft);
      if (choice === vscode.l10n.t('Open Focus settings')) void openFocusSettings();
    });
    return true;
  }
  const choice = await vscode.window.showWarningMessage(message, vscode.l10n.t('Start anyway'), vscode.l10n.t('Park one…'), vscode.l10n.t("Don't start"));
  if (choice === "Don't start") {
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(debug-pause) Not started: nothing changed.'), 5000);
    return false;
  }
  if (choice === vscode.l10n.t('Park one…')) {
    const parked = await pickAndPark(workspace, except);
    if (parked === undefined) notNow();
    return true;
  }
  if (choice === undefined) notNow();
  return true;
}

/** Escape on the focus prompt: go ahead with what was asked, park nothing, and say so. */
function notNow(): void {
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(info) Not now: nothing parked. Park a draft any time from the Focus item in the status bar.'), 8000);
}

function openFocusSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', 'devrel.focus');
}

/** Lets the person choose a draft in hand to set aside; least urgent first. Returns its URI, or undefined on Escape. */
export async function pickAndPark(workspace: WorkspaceDrafts, except?: string): Promise<string | undefined> {
  const now = today();
  const candidates = parkCandidates(workspace.drafts(), workspace.config.kinds, now).filter((c) => c.draft.uri !== except);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No draft in hand to park.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((c) => ({
      label: c.draft.title,
      description: vscode.l10n.t('{0} · stays {1}', c.draft.status, c.draft.status),
      detail: c.nextDate ? `${c.nextDate.label} ${relativeDay(daysBetween(now, c.nextDate.date))}` : vscode.l10n.t('no date'),
      uri: c.draft.uri,
    })),
    {
      title: vscode.l10n.t('Park a Draft'),
      placeHolder: vscode.l10n.t('Set one draft aside: it keeps its status and leaves the focus count until you resume it. Escape: not now'),
    },
  );
  if (!picked) return undefined;
  await vscode.commands.executeCommand(Commands.parkDraft, vscode.Uri.parse(picked.uri));
  return picked.uri;
}

/** The Focus quick pick: what is in hand, what waits on others, what is parked, what is due soon. */
export async function showFocus(workspace: WorkspaceDrafts): Promise<void> {
  const state = workspace.focus();
  const now = today();
  type Entry = vscode.QuickPickItem & { uri?: string; park?: boolean };
  const items: Entry[] = [
    { label: vscode.l10n.t('In hand ({0}{1})', state.activeCount, state.maxActive === null ? '' : `/${state.maxActive}`), kind: vscode.QuickPickItemKind.Separator },
    ...state.active.map((d) => ({ label: d.title, description: d.status, uri: d.uri })),
    { label: vscode.l10n.t('Waiting on others ({0})', state.waiting.length), kind: vscode.QuickPickItemKind.Separator },
    ...state.waiting.map((d) => ({ label: d.title, description: vscode.l10n.t('{0} · waiting', d.status), uri: d.uri })),
    ...(state.parked.length > 0
      ? [
          { label: vscode.l10n.t('Parked ({0})', state.parked.length), kind: vscode.QuickPickItemKind.Separator },
          ...state.parked.map((d) => ({ label: d.title, description: vscode.l10n.t('{0} · parked', d.status), uri: d.uri })),
        ]
      : []),
    { label: vscode.l10n.t('Next 14 days ({0})', state.deadlines.length), kind: vscode.QuickPickItemKind.Separator },
    ...state.deadlines.map((d) => ({ label: d.draft.title, description: `${d.date.label} ${relativeDay(daysBetween(now, d.date.date))}`, uri: d.draft.uri })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: vscode.l10n.t('$(debug-pause) Park a draft…'), park: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: state.statusText,
    placeHolder: vscode.l10n.t('{0}Pick a draft to open it, or “Park a draft…” to set one aside', state.warnings[0] ? `${state.warnings[0]} ` : ''),
  });
  if (picked?.park) await pickAndPark(workspace);
  else if (picked?.uri) await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri));
}
