// What a command was pointed at, read from whatever its caller passed: the editor's adapter turns
// the answer into a Uri. Kept here so each way of passing a target can be unit-tested.

/** Where a command's draft or file is, before it is a Uri. `U` is the editor's Uri type. */
export type TargetRef<U> =
  | { type: 'uri'; uri: U }
  /** A URI written out, e.g. `file:///…` or `vscode-remote://…`, or a tree node's draft. */
  | { type: 'uriString'; uri: string }
  /** A file system path, Windows or POSIX. */
  | { type: 'path'; path: string }
  /** Nothing was passed: the file in the active editor. */
  | { type: 'activeEditor' }
  /** Something that names no file. */
  | { type: 'none' };

/**
 * Accepts every way a draft reaches a command: a Uri, a URI or path string, a node of the Drafts
 * or Upcoming view, an Explorer selection (anything with a `resourceUri`), or nothing.
 */
export function targetRef<U>(target: unknown, isUri: (value: unknown) => value is U): TargetRef<U> {
  if (isUri(target)) return { type: 'uri', uri: target };
  if (typeof target === 'string' && target.length > 0) {
    // `C:\drafts` has a "scheme" of one letter; it is a path.
    return /^[a-z][a-z0-9+.-]+:/i.test(target) && !/^[a-z]:[\\/]/i.test(target) ? { type: 'uriString', uri: target } : { type: 'path', path: target };
  }
  if (typeof target === 'object' && target !== null) {
    const node = target as { type?: unknown; uri?: unknown; item?: { draft?: { uri?: unknown } }; resourceUri?: unknown };
    if (node.type === 'draft' && typeof node.uri === 'string') return { type: 'uriString', uri: node.uri };
    if (node.type === 'item' && typeof node.item?.draft?.uri === 'string') return { type: 'uriString', uri: node.item.draft.uri };
    if (isUri(node.resourceUri)) return { type: 'uri', uri: node.resourceUri };
  }
  if (target === undefined || target === null) return { type: 'activeEditor' };
  return { type: 'none' };
}

/** Where a scripted caller asked for a new draft to go: `relative` is inside a workspace folder. */
export type FolderRef<U> =
  | { type: 'uri'; uri: U }
  | { type: 'uriString'; uri: string }
  | { type: 'path'; path: string }
  | { type: 'relative'; path: string }
  | { type: 'none' }
  | { type: 'invalid'; message: string };

/** Reads the `folder` option of New Draft: a Uri, a URI with `//`, an absolute path, or a workspace-relative path. */
export function folderRef<U>(folder: unknown, isUri: (value: unknown) => value is U): FolderRef<U> {
  if (folder === undefined) return { type: 'none' };
  if (isUri(folder)) return { type: 'uri', uri: folder };
  if (typeof folder === 'string') {
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(folder)) return { type: 'uriString', uri: folder };
    if (folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder) || folder.startsWith('\\\\')) return { type: 'path', path: folder };
    return { type: 'relative', path: folder };
  }
  return { type: 'invalid', message: 'The folder must be a workspace-relative path, an absolute path or a Uri.' };
}
