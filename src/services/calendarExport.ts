import * as vscode from 'vscode';
import { buildCalendar, calendarEntries, isOurCalendar } from '../core/calendar';
import { Disposable } from '../util/disposable';
import { log, UserError } from '../util/logger';
import type { WorkspaceDrafts } from './workspaceDrafts';
import { errorMessage } from '../core/util/result';

const AUTO_EXPORT_DEBOUNCE_MS = 1000;

/** The `.ics` text for everything in the index now, and a key of its events that ignores when it was made. */
export function calendarText(workspace: WorkspaceDrafts): { text: string; events: number; key: string } {
  const entries = calendarEntries(workspace.drafts(), workspace.config.kinds);
  return { text: buildCalendar(entries, { now: new Date() }), events: entries.length, key: JSON.stringify(entries) };
}

/**
 * Writes a calendar file. An existing file is replaced only when it is a calendar this
 * extension wrote: never a person's own file that happens to have the name.
 */
export async function writeCalendarFile(uri: vscode.Uri, text: string): Promise<void> {
  let existing: Uint8Array | undefined;
  try {
    existing = await vscode.workspace.fs.readFile(uri);
  } catch {
    existing = undefined;
  }
  if (existing && existing.length > 0 && !isOurCalendar(new TextDecoder().decode(existing.subarray(0, 4096)))) {
    throw new UserError(
      vscode.l10n.t('{0} already exists and is not a calendar DevRel Desk wrote, so it was left alone. Choose another file name.', vscode.workspace.asRelativePath(uri)),
    );
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Keeps `devrel.calendar.autoExport` up to date after every change, for calendar apps that subscribe to it. */
export class CalendarAutoExport extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly warned = new Set<string>();
  private running: Promise<void> = Promise.resolve();
  /** What was last written where, so typing in a draft doesn't rewrite an unchanged calendar every second. */
  private written: { target: string; key: string } | undefined;

  constructor(
    private readonly workspace: WorkspaceDrafts,
    private readonly target: () => string,
  ) {
    super();
    this.register(workspace.onDidChange(() => this.schedule()));
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
    void workspace.ready().then(() => this.schedule());
  }

  /** Called when settings change, too. */
  schedule(): void {
    if (this.isDisposed || !this.target().trim()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.write());
    }, AUTO_EXPORT_DEBOUNCE_MS);
  }

  private async write(): Promise<void> {
    const relative = this.target().trim();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!relative || !folder || this.isDisposed) return;
    if (!/\.ics$/i.test(relative) || relative.split(/[\\/]/).includes('..')) {
      this.warnOnce(relative, vscode.l10n.t('devrel.calendar.autoExport must be a workspace-relative path ending in .ics, not "{0}".', relative));
      return;
    }
    const uri = vscode.Uri.joinPath(folder.uri, ...relative.split(/[\\/]/).filter(Boolean));
    try {
      const { text, events, key } = calendarText(this.workspace);
      if (this.written?.target === uri.toString() && this.written.key === key) return;
      await writeCalendarFile(uri, text);
      this.written = { target: uri.toString(), key };
      log().info(`Calendar: wrote ${events} events to ${vscode.workspace.asRelativePath(uri)}.`);
    } catch (error) {
      this.warnOnce(relative, errorMessage(error));
    }
  }

  private warnOnce(key: string, message: string): void {
    log().warn(`Calendar auto-export: ${message}`);
    if (this.warned.has(key)) return;
    this.warned.add(key);
    void vscode.window.showWarningMessage(vscode.l10n.t('DevRel Desk: the calendar could not be kept up to date. {0}', message));
  }
}
