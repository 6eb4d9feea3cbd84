import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

export const PUBLISH_PREVIEW_SCHEME = 'devrel-publish';

/**
 * Read-only documents that show what a publish would send. A content provider, not a file:
 * nothing is written to the workspace, and the editor won't offer to save it.
 */
export class PublishPreviewProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly emitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(PUBLISH_PREVIEW_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Shows `content` beside the draft, replacing an earlier preview of the same draft and platform. */
  async show(platformLabel: string, draftUri: vscode.Uri, content: string): Promise<vscode.Uri> {
    const name = draftUri.path.split('/').pop() ?? 'draft.md';
    const uri = vscode.Uri.from({
      scheme: PUBLISH_PREVIEW_SCHEME,
      path: `/${platformLabel} preview of ${name.replace(/\.(md|markdown|mdx)$/i, '')}.md`,
      query: draftUri.toString(),
    });
    this.contents.set(uri.toString(), content);
    this.emitter.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return uri;
  }
}
