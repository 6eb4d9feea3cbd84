import * as vscode from 'vscode';

export interface DevRelDeskApi {
  listDrafts(): Promise<unknown[]>;
}

export function activate(_context: vscode.ExtensionContext): DevRelDeskApi {
  return { listDrafts: async () => [] };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
