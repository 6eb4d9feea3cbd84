import * as vscode from 'vscode';
import type { MetricDefinition } from '../core/impact';
import { FRONT_MATTER_WINDOW } from '../core/writing/frontMatterContext';
import { frontMatterHover } from '../core/writing/frontMatterHover';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { log } from '../util/logger';
import { today } from '../util/clock';

/** Hovers in a draft's front matter: dates from today, a status in its workflow, the slot against the plan, impact totals. */
export class FrontMatterHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly workspace: WorkspaceDrafts,
    private readonly metrics: () => Readonly<Record<string, MetricDefinition>>,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    if (offset > FRONT_MATTER_WINDOW) return undefined;
    try {
      const text = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(FRONT_MATTER_WINDOW + 4096)));
      const draft = this.workspace.get(document.uri);
      const talk = draft?.analysis?.talk;
      const hover = frontMatterHover(text, offset, {
        kinds: this.workspace.config.kinds,
        metrics: this.metrics(),
        today: today(),
        kind: draft?.kind,
        talk: talk ? { plannedMinutes: talk.plannedMinutes, sections: talk.sections.length } : undefined,
      });
      if (!hover) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(hover.markdown), new vscode.Range(document.positionAt(hover.start), document.positionAt(hover.end)));
    } catch (error) {
      log().warn(`Front-matter hover failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
