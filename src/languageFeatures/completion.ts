import * as vscode from 'vscode';
import type { MetricDefinition } from '../core/impact';
import { frontMatterCompletions, workspaceTags, type CompletionKind, type TagCount } from '../core/writing/frontMatterCompletion';
import { FRONT_MATTER_WINDOW } from '../core/writing/frontMatterContext';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import { today } from '../util/clock';

/** Markdown drafts, saved or not; MDX has no language of its own unless an extension adds one. */
export const DRAFT_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'mdx' }, { pattern: '**/*.{md,markdown,mdx}' }];

const ITEM_KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  kind: vscode.CompletionItemKind.Class,
  status: vscode.CompletionItemKind.EnumMember,
  metric: vscode.CompletionItemKind.Unit,
  unit: vscode.CompletionItemKind.Unit,
  tag: vscode.CompletionItemKind.Keyword,
  date: vscode.CompletionItemKind.Event,
  value: vscode.CompletionItemKind.Value,
};

/** Completion in a draft's front matter: keys, kinds, statuses, metrics, tags and dates. The body is left to snippets. */
export class FrontMatterCompletionProvider extends Disposable implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' ', '-', '=', '"'];
  private tags: TagCount[] | undefined;

  constructor(
    private readonly workspace: WorkspaceDrafts,
    private readonly metrics: () => Readonly<Record<string, MetricDefinition>>,
  ) {
    super();
    this.register(workspace.onDidChange(() => (this.tags = undefined)));
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const offset = document.offsetAt(position);
    if (offset > FRONT_MATTER_WINDOW) return undefined;
    try {
      // Only the head of the document: front matter never reaches past the window.
      const text = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(FRONT_MATTER_WINDOW + 4096)));
      const items = frontMatterCompletions(text, offset, {
        kinds: this.workspace.config.kinds,
        metrics: this.metrics(),
        tags: (this.tags ??= workspaceTags(this.workspace.drafts())),
        today: today(),
        kind: this.workspace.get(document.uri)?.kind,
      });
      if (items.length === 0) return undefined;
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const list = items.map((entry) => {
        const item = new vscode.CompletionItem({ label: entry.label, description: entry.detail }, ITEM_KINDS[entry.kind]);
        item.detail = entry.detail;
        if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
        item.insertText = entry.insertText.replace(/\n/g, eol);
        // The text brings its own indentation for a list under a new key.
        item.keepWhitespace = true;
        item.filterText = entry.filterText;
        item.sortText = entry.sortText;
        item.range = new vscode.Range(document.positionAt(entry.replaceStart), document.positionAt(entry.replaceEnd));
        if (entry.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest values') };
        return item;
      });
      // Dates depend on what is typed (`+10d`, `next tue`), so the list is asked for again as it changes.
      return new vscode.CompletionList(
        list,
        items.some((entry) => entry.kind === 'date'),
      );
    } catch (error) {
      log().warn(`Front-matter completion failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
