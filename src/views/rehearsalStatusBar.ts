import * as vscode from 'vscode';
import { Commands } from '../constants';
import { formatClock } from '../core/talks/deck/model';
import type { ActiveRehearsal, RehearsalSession } from '../services/rehearsalSession';
import { Disposable } from '../util/disposable';

/** The rehearsal timer: current section against its budget, and the total against the slot. */
export class RehearsalStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('devrel.rehearsal', vscode.StatusBarAlignment.Right, 1000));

  constructor(private readonly session: RehearsalSession) {
    super();
    this.item.name = vscode.l10n.t('DevRel Desk: Rehearsal');
    this.item.command = Commands.nextSection;
    this.register(session.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const active = this.session.active;
    if (!active) {
      this.item.hide();
      return;
    }
    const view = rehearsalStatus(active);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.label };
    this.item.backgroundColor =
      view.level === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.show();
  }
}

export function rehearsalStatus(active: ActiveRehearsal): { text: string; label: string; tooltip: vscode.MarkdownString; level: 'ok' | 'warning' | 'error' } {
  const s = active.snapshot;
  const paused = s.phase === 'paused';
  const icon = active.talkMissing ? '$(warning)' : paused ? '$(debug-pause)' : '$(record)';
  const section = active.plan.wholeTalk ? '' : `${s.index + 1}/${s.count} ${shorten(s.section.title)} ${formatClock(s.sectionMs)}${budget(s.sectionBudgetMs)} · `;
  const total = `${formatClock(s.totalMs)}${budget(s.slotMs)}`;
  const totalText = active.plan.wholeTalk ? vscode.l10n.t('Talk {0}', total) : vscode.l10n.t('Total {0}', total);
  const text = `${icon} ${paused ? vscode.l10n.t('Paused · ') : ''}${section}${totalText}`;

  const label = [
    paused ? vscode.l10n.t('Rehearsal paused.') : vscode.l10n.t('Rehearsing.'),
    active.plan.wholeTalk
      ? ''
      : s.sectionBudgetMs !== undefined
        ? vscode.l10n.t('Section {0} of {1}, {2}: {3} of {4}.', s.index + 1, s.count, s.section.title, spoken(s.sectionMs), spoken(s.sectionBudgetMs))
        : vscode.l10n.t('Section {0} of {1}, {2}: {3}.', s.index + 1, s.count, s.section.title, spoken(s.sectionMs)),
    s.slotMs !== undefined ? vscode.l10n.t('Total {0} of {1}.', spoken(s.totalMs), spoken(s.slotMs)) : vscode.l10n.t('Total {0}.', spoken(s.totalMs)),
  ]
    .filter(Boolean)
    .join(' ');

  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.isTrusted = { enabledCommands: [Commands.nextSection, Commands.pauseRehearsal, Commands.resumeRehearsal, Commands.stopRehearsal] };
  tooltip.appendMarkdown('**');
  tooltip.appendText(active.plan.title);
  tooltip.appendMarkdown('**\n\n');
  if (active.talkMissing) tooltip.appendMarkdown(vscode.l10n.t("$(warning) The talk's file is gone. Stop the rehearsal to keep the run: it opens in a new editor.\n\n"));
  tooltip.appendText(s.section.minutes !== undefined ? vscode.l10n.t('{0} ({1} min)', s.section.title, s.section.minutes) : s.section.title);
  tooltip.appendMarkdown('\n\n');
  for (const note of s.section.notes) {
    tooltip.appendMarkdown('- ');
    tooltip.appendText(note);
    tooltip.appendMarkdown('\n');
  }
  if (s.next) {
    tooltip.appendMarkdown('\n');
    tooltip.appendText(s.next.minutes !== undefined ? vscode.l10n.t('Next: {0} ({1} min)', s.next.title, s.next.minutes) : vscode.l10n.t('Next: {0}', s.next.title));
  }
  tooltip.appendMarkdown(
    paused
      ? vscode.l10n.t('\n\n[Next Section](command:{0}) · [Resume](command:{1}) · [Stop](command:{2})', Commands.nextSection, Commands.resumeRehearsal, Commands.stopRehearsal)
      : vscode.l10n.t('\n\n[Next Section](command:{0}) · [Pause](command:{1}) · [Stop](command:{2})', Commands.nextSection, Commands.pauseRehearsal, Commands.stopRehearsal),
  );

  const level = active.talkMissing || s.totalOver ? 'error' : s.sectionOver ? 'warning' : 'ok';
  return { text, label, tooltip, level };
}

function budget(ms: number | undefined): string {
  return ms === undefined ? '' : `/${formatClock(ms)}`;
}

function shorten(title: string): string {
  return title.length > 28 ? `${title.slice(0, 27)}…` : title;
}

function spoken(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest > 0 ? vscode.l10n.t('{0} min {1} s', minutes, rest) : vscode.l10n.t('{0} min', minutes);
}
