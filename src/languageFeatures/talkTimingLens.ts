import * as vscode from 'vscode';
import { Commands } from '../constants';
import { kindProgress } from '../core/kinds/registry';
import { parseTalkOutline } from '../core/talks/outline';
import { talkTimingLenses } from '../core/talks/timingLens';
import type { Settings } from '../services/settings';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { Disposable } from '../util/disposable';

/** Start, end, budget and running total above each timed section of a talk; clicking one starts a rehearsal. */
export class TalkTimingLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly workspace: WorkspaceDrafts,
    private readonly settings: Settings,
  ) {
    super();
    // The index follows edits and recorded rehearsals; the lenses follow the index.
    this.register(workspace.onDidChange(() => this.changed.fire()));
    this.register(settings.onDidChange(() => this.changed.fire()));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.settings.forFolder(vscode.workspace.getWorkspaceFolder(document.uri)?.uri).talkTimingLens) return [];
    const draft = this.workspace.get(document.uri);
    if (!draft || kindProgress(draft.kind) !== 'timing') return [];
    const text = document.getText();
    const outline = parseTalkOutline(text, { fallbackTitle: draft.title });
    const runs = draft.rehearsals ?? [];
    return talkTimingLenses(outline, text.split(/\r\n|\r|\n/), runs[runs.length - 1]).map((lens) => {
      const range = new vscode.Range(lens.range.start.line, lens.range.start.character, lens.range.end.line, lens.range.end.character);
      return new vscode.CodeLens(range, { title: lens.title, tooltip: lens.tooltip, command: Commands.startRehearsal, arguments: [document.uri] });
    });
  }
}
