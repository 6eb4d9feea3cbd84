import * as vscode from 'vscode';
import { parseSnippetFile, snippetsFor } from '../core/snippets';
import { UserError } from '../util/logger';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

/**
 * Insert Snippet…: DevRel Desk's snippets that fit the draft in the editor, by name and what
 * they do, so nobody has to know the `devrel-` prefixes or that Markdown needs Ctrl+Space.
 */
export async function insertSnippet(workspace: WorkspaceDrafts, extensionUri: vscode.Uri, prefix?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') throw new UserError(vscode.l10n.t('Open a Markdown file to insert a snippet into.'));
  const draft = workspace.get(editor.document.uri);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'markdown.json')));
  const kinds = workspace.config.kinds;
  const offered = snippetsFor(parseSnippetFile(text), draft?.kind, Object.keys(kinds));
  if (offered.length === 0) {
    const label = kinds[draft?.kind ?? '']?.label.toLowerCase();
    throw new UserError(
      label !== undefined ? vscode.l10n.t('DevRel Desk has no snippets for a {0}.', label) : vscode.l10n.t('DevRel Desk has no snippets for a draft of this kind.'),
    );
  }
  if (prefix !== undefined) {
    // A caller with every argument (a keybinding, a test) names the snippet by its prefix.
    const named = offered.find((entry) => entry.prefix === prefix);
    if (!named) throw new UserError(vscode.l10n.t('{0} is not a DevRel snippet for this draft. Run Insert Snippet… to see those that are.', String(prefix)));
    return editor.insertSnippet(new vscode.SnippetString(named.body));
  }
  const picked = await vscode.window.showQuickPick(
    offered.map((entry) => ({ label: entry.name, description: entry.prefix, detail: entry.description, entry })),
    {
      title: draft ? vscode.l10n.t('Insert Snippet: {0}', kinds[draft.kind]?.label ?? draft.kind) : vscode.l10n.t('Insert Snippet: start a draft'),
      placeHolder: vscode.l10n.t('Pick a snippet. In the editor, type its prefix and press Ctrl+Space to get the same list.'),
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (!picked) return false;
  return editor.insertSnippet(new vscode.SnippetString(picked.entry.body));
}
