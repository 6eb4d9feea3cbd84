import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { checkRealPathInside, isInsideRealPath, type RealPathHost } from '../core/workspacePaths';

const nodeHost: RealPathHost = {
  realpath: (p) => fs.promises.realpath(p),
  exists: (p) =>
    fs.promises.lstat(p).then(
      () => true,
      () => false,
    ),
};

/**
 * Why creating `target` (with any missing folders) would write outside `folder`, or undefined
 * when it would not. Local folders are checked on real paths; other file systems have no
 * `realpath`, so any link between the workspace folder and the target is refused.
 */
export async function outsideWorkspaceReason(folder: vscode.WorkspaceFolder, target: vscode.Uri): Promise<string | undefined> {
  const relative = (uri: string | vscode.Uri): string => vscode.workspace.asRelativePath(typeof uri === 'string' ? vscode.Uri.file(uri) : uri, false);
  if (target.scheme === 'file' && folder.uri.scheme === 'file') {
    const check = await checkRealPathInside(folder.uri.fsPath, target.fsPath, nodeHost);
    if (check.ok) return undefined;
    return check.realPath !== undefined
      ? `${relative(check.existing)} is a link to ${check.realPath}, outside the workspace folder`
      : `${relative(check.existing)} is a link that points at nothing, and writing through it could create a file outside the workspace folder`;
  }
  for (let uri = target; uri.path.length >= folder.uri.path.length; uri = vscode.Uri.joinPath(uri, '..')) {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.SymbolicLink) return `${relative(uri)} is a link, and DevRel Desk doesn't write through links outside a local folder`;
    } catch {
      // Not there yet: it will be created as a folder of ours.
    }
    if (uri.path === folder.uri.path || uri.path === '/') break;
  }
  return undefined;
}

/**
 * Whether the local file `file` really is inside the local folder `root`, links resolved on
 * both. False when either can't be resolved (a link to nothing, a file that went away).
 */
export async function isReallyInside(root: vscode.Uri, file: vscode.Uri): Promise<boolean> {
  if (root.scheme !== 'file' || file.scheme !== 'file') return false;
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(root.fsPath), fs.promises.realpath(file.fsPath)]);
    return isInsideRealPath(realRoot, realFile);
  } catch {
    return false;
  }
}
