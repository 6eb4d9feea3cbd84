import * as vscode from 'vscode';
import type { EditResult, FrontMatterValue } from '../core/frontMatter/edit';
import { setSiteFrontMatterFields } from '../core/sites/frontMatterFields';
import { UserError } from '../util/logger';
import type { WorkspaceDrafts } from './workspaceDrafts';

/**
 * Writes front-matter fields through a WorkspaceEdit, so the change is undoable and works on
 * unsaved editors. Only the front matter is replaced; the body is never part of the edit.
 * A file that was saved before is saved again, so editing from the tree doesn't leave
 * hidden unsaved documents behind; an editor with unsaved work stays unsaved.
 */
export async function editFrontMatter(workspace: WorkspaceDrafts, uri: vscode.Uri, fields: Record<string, FrontMatterValue | undefined>): Promise<void> {
  // The site decides where fields go: Zola keeps DevRel Desk's in [extra].
  const generator = workspace.generatorFor(uri);
  await editFrontMatterWith(workspace, uri, (text) => setSiteFrontMatterFields(text, fields, generator));
}

/** The same, for any core edit function, e.g. appending an impact entry. */
export async function editFrontMatterWith(workspace: WorkspaceDrafts, uri: vscode.Uri, edit: (text: string) => EditResult): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const wasDirty = document.isDirty;
  const result = edit(document.getText());
  if (!result.ok) throw new UserError(result.message);
  const workspaceEdit = new vscode.WorkspaceEdit();
  const { offset, length, newText } = result.edit;
  workspaceEdit.replace(uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + length)), newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    throw new Error(vscode.l10n.t('The editor refused the edit to {0}; the file may be read-only.', vscode.workspace.asRelativePath(uri)));
  }
  if (!wasDirty) await document.save();
  workspace.applyDocument(document);
}
