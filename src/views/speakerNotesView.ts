import * as vscode from 'vscode';
import { Views } from '../constants';
import { formatBudget } from '../core/talks/deck/model';
import type { ActiveRehearsal, RehearsalSession } from '../services/rehearsalSession';
import { Disposable } from '../util/disposable';

/**
 * The current section's speaker notes during a rehearsal, large enough to read at a glance. The
 * page runs no script: it is redrawn when the section, the pause state or the talk's file changes;
 * the running time is the status bar's job.
 */
export class SpeakerNotesView extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private drawn = '';

  constructor(private readonly session: RehearsalSession) {
    super();
    this.register(vscode.window.registerWebviewViewProvider(Views.speakerNotes, this));
    this.register(session.onDidChange(() => this.render()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
    this.drawn = '';
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
    this.render();
  }

  /** Brings the view up without taking focus from the editor when it can. */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${Views.speakerNotes}.focus`);
  }

  private render(): void {
    if (!this.view) return;
    const html = notesPage(this.session.active);
    // The session fires every second for the timer; the page only changes with the section.
    if (html === this.drawn) return;
    this.drawn = html;
    this.view.webview.html = html;
    this.view.description = this.session.active ? `${this.session.active.snapshot.index + 1} of ${this.session.active.snapshot.count}` : undefined;
  }
}

export function notesPage(active: ActiveRehearsal | undefined): string {
  const body = active ? sectionHtml(active) : '<p class="empty">Start a rehearsal with <strong>DevRel: Start Rehearsal</strong> to see each section\'s speaker notes here.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0.5rem 1rem; font-size: calc(var(--vscode-font-size) * 1.3); line-height: 1.45; }
  h2 { font-size: 1.3em; margin: 0.4em 0 0.2em; }
  .budget { color: var(--vscode-descriptionForeground); font-weight: normal; font-size: 0.8em; }
  .state { color: var(--vscode-descriptionForeground); margin: 0; font-size: 0.85em; }
  .paused { color: var(--vscode-editorWarning-foreground); }
  .warning { color: var(--vscode-errorForeground); }
  ul.notes { padding-left: 1.2em; margin: 0.6em 0; }
  ul.notes li { margin: 0.3em 0; }
  .none, .empty { color: var(--vscode-descriptionForeground); font-style: italic; }
  .next { border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); margin-top: 1em; padding-top: 0.5em; color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
${body}
</body>
</html>`;
}

function sectionHtml(active: ActiveRehearsal): string {
  const s = active.snapshot;
  const parts: string[] = [];
  parts.push(`<p class="state">${escapeHtml(active.plan.title)}${active.plan.wholeTalk ? '' : ` · section ${s.index + 1} of ${s.count}`}</p>`);
  if (s.phase === 'paused') parts.push('<p class="state paused">Paused. Resume to keep timing.</p>');
  if (active.talkMissing) parts.push('<p class="warning">The talk\'s file is gone. Stop the rehearsal to keep the run: it opens in a new editor.</p>');
  const budget = s.section.minutes !== undefined ? ` <span class="budget">${escapeHtml(formatBudget(s.section.minutes))}</span>` : ' <span class="budget">no budget</span>';
  parts.push(`<h2>${escapeHtml(s.section.title)}${budget}</h2>`);
  if (s.section.notes.length > 0) {
    parts.push(`<ul class="notes">${s.section.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`);
  } else {
    parts.push('<p class="none">No speaker notes for this section.</p>');
  }
  if (s.next) {
    const nextBudget = s.next.minutes !== undefined ? ` (${formatBudget(s.next.minutes)})` : '';
    parts.push(`<p class="next">Next: ${escapeHtml(s.next.title)}${escapeHtml(nextBudget)}</p>`);
  } else if (!active.plan.wholeTalk) {
    parts.push('<p class="next">Last section. Next Section or Stop Rehearsal ends the run and records it.</p>');
  }
  return parts.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}
