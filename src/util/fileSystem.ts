import * as vscode from 'vscode';

/** Whether a file or folder is there. Only "not found" means no: any other failure (no permission, a provider down) is thrown, so nobody writes over what they couldn't see. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}
