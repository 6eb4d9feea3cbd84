// Adapts core/scanner.ts to the workspace: finds and reads its Markdown files. Local folders are
// walked and read with Node directly, other file systems go through the editor's search and file system.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { isMarkdownPath } from '../core/draft';
import { compileGlobs } from '../core/glob';
import type { FrontDecision, FrontRead, ScanFile, ScanHost } from '../core/scanner';
import { log } from '../util/logger';
import { readFrontSync } from '../util/readHead';
import { DEFAULT_EXCLUDES, type DevRelSettings } from '../core/config';
import { errorMessage } from '../core/util/result';

export const MARKDOWN_GLOB = '**/*.{md,markdown,mdx,MD}';

/** Our excludes plus the editor's `files.exclude`, as one predicate on workspace-relative paths. */
export function excludedPaths(settings: DevRelSettings): (relativePath: string) => boolean {
  return compileGlobs([...settings.exclude, ...settings.filesExclude]);
}

/** Every Markdown file in the workspace folders that no exclude covers, with its size and mtime. */
export async function findMarkdownFiles(settings: DevRelSettings): Promise<ScanFile[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const files: ScanFile[] = [];
  const local = folders.filter((f) => f.uri.scheme === 'file');
  const excluded = excludedPaths(settings);
  // Local folders are walked directly: a search round trip per workspace cost far more
  // than reading the folders, and excluded folders are skipped without being entered.
  for (const folder of local) await walkFolder(folder, excluded, files);
  if (local.length === folders.length) return files;
  const uris = (await vscode.workspace.findFiles(MARKDOWN_GLOB, excludeGlob(settings))).filter((uri) => uri.scheme !== 'file');
  const batch = 64;
  for (let i = 0; i < uris.length; i += batch) {
    const stats = await Promise.all(uris.slice(i, i + batch).map((uri) => statFile(uri)));
    stats.forEach((stat, j) => {
      const uri = uris[i + j];
      const relativePath = workspaceRelativePath(uri, folders);
      if (stat && relativePath !== undefined && !excluded(relativePath)) {
        files.push({ uri: uri.toString(), relativePath, size: stat.size, mtimeMs: stat.mtime });
      }
    });
  }
  return files;
}

async function walkFolder(folder: vscode.WorkspaceFolder, excluded: (relativePath: string) => boolean, into: ScanFile[]): Promise<void> {
  const root = folder.uri.fsPath;
  const pending: string[] = [''];
  let visited = 0;
  while (pending.length > 0) {
    const relativeDir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(relativeDir ? `${root}/${relativeDir}` : root, { withFileTypes: true });
    } catch (error) {
      log().warn(`Could not list ${relativeDir || folder.name}: ${errorMessage(error)}`);
      continue;
    }
    for (const entry of entries) {
      const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      // Links are not followed, so a loop of links can't trap the scan.
      if (entry.isDirectory()) {
        if (!excluded(relativePath)) pending.push(relativePath);
      } else if (entry.isFile() && isMarkdownPath(entry.name) && !excluded(relativePath)) {
        try {
          const localPath = `${root}/${relativePath}`;
          const stat = fs.statSync(localPath);
          into.push({ uri: vscode.Uri.joinPath(folder.uri, ...relativePath.split('/')).toString(), relativePath, size: stat.size, mtimeMs: stat.mtimeMs, localPath });
        } catch {
          // Deleted while we looked: the watcher reports it.
        }
      }
    }
    // Stay responsive in very large trees.
    if (++visited % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Our excludes plus the user's `files.exclude`, since passing any exclude to findFiles replaces the default. */
function excludeGlob(settings: DevRelSettings): string | undefined {
  const patterns = new Set([...(settings.exclude.length ? settings.exclude : DEFAULT_EXCLUDES), ...settings.filesExclude]);
  return patterns.size ? `{${[...patterns].join(',')}}` : undefined;
}

/** The path of `uri` inside its workspace folder, or undefined when it is in none. */
export function workspaceRelativePath(uri: vscode.Uri, folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? folders.find((f) => uri.path.startsWith(f.uri.path + '/'));
  if (!folder) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

export async function statFile(uri: vscode.Uri): Promise<{ size: number; mtime: number } | undefined> {
  try {
    if (uri.scheme === 'file') {
      // Local files are stat-ed synchronously: a batch of small calls is far quicker than
      // a round trip through the thread pool each, and the scan yields between batches.
      const stat = fs.statSync(uri.fsPath);
      return stat.isFile() ? { size: stat.size, mtime: stat.mtimeMs } : undefined;
    }
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.File ? { size: stat.size, mtime: stat.mtime } : undefined;
  } catch {
    // Gone between listing and stat: the watcher will report the delete.
    return undefined;
  }
}

/**
 * Reads for the scanner. Local files are read with Node directly and synchronously, a batch at a
 * time: much faster than a promise per file, and the scanner yields to the host between batches.
 */
export const scanHost: ScanHost = {
  readFile: (uriString: string, localPath?: string): Uint8Array | Promise<Uint8Array> => {
    if (localPath !== undefined) return fs.readFileSync(localPath);
    const uri = vscode.Uri.parse(uriString);
    return uri.scheme === 'file' ? fs.readFileSync(uri.fsPath) : Promise.resolve(vscode.workspace.fs.readFile(uri));
  },
  readFront: (uriString: string, firstBytes: number, decide: FrontDecision, localPath?: string): FrontRead | Promise<FrontRead> => {
    // The walk's own path: parsing each URI back costs more than reading a docs page's front matter.
    if (localPath !== undefined) return readFrontSync(localPath, firstBytes, decide);
    const uri = vscode.Uri.parse(uriString);
    if (uri.scheme === 'file') return readFrontSync(uri.fsPath, firstBytes, decide);
    // Other file systems read whole files: one decision on all of it.
    return Promise.resolve(vscode.workspace.fs.readFile(uri)).then((bytes) => {
      decide(bytes, true);
      return { bytes, complete: true };
    });
  },
};
