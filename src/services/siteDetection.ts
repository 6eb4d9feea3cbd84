// Adapts the core's site detection to a workspace folder: listings and small reads through Node
// for local folders and through the editor's file system for others.

import * as vscode from 'vscode';
import { detectSites, type DetectionHost, type SiteDetection } from '../core/sites/detect';
import { GENERATORS } from '../core/sites/generators';
import { log } from '../util/logger';
import type { DevRelSettings } from '../core/config';
import { nodeDetectionHost } from '../util/readHead';
import { excludedPaths } from './workspaceScanner';

/** A watcher glob for every config file name a generator is recognised by, and `.gitignore`, which detection reads too. */
export const SITE_CONFIG_GLOB = `**/{${[...new Set(GENERATORS.flatMap((g) => [...g.configFiles, ...(g.alsoRead ?? [])])), '.gitignore'].join(',')}}`;

/** The sites in one workspace folder, as the settings allow: none with `devrel.siteGenerator: none`. */
export async function detectFolderSites(folder: vscode.WorkspaceFolder, settings: DevRelSettings): Promise<SiteDetection> {
  if (settings.siteGenerator === 'none') return { sites: [], foldersListed: 0, truncated: false };
  const started = performance.now();
  const detection = await detectSites(hostFor(folder.uri), {
    isExcluded: excludedPaths(settings),
    rootGenerator: settings.siteGenerator === 'auto' ? undefined : settings.siteGenerator,
  });
  const found = detection.sites.map((site) => `${site.generator} in ${site.root || '/'}`).join(', ') || 'no site';
  log().info(`${folder.name}: found ${found} after listing ${detection.foldersListed} folders in ${Math.round(performance.now() - started)} ms.`);
  if (detection.truncated) log().warn(`${folder.name}: stopped looking for sites after ${detection.foldersListed} folders; set devrel.exclude to skip large folders.`);
  return detection;
}

function hostFor(root: vscode.Uri): DetectionHost {
  if (root.scheme === 'file') return nodeDetectionHost(root.fsPath);
  const uriOf = (relative: string): vscode.Uri => (relative ? vscode.Uri.joinPath(root, ...relative.split('/')) : root);
  return {
    list: async (dir) => {
      try {
        const entries = await vscode.workspace.fs.readDirectory(uriOf(dir));
        return {
          files: entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name),
          folders: entries.filter(([, type]) => type & vscode.FileType.Directory).map(([name]) => name),
        };
      } catch {
        return undefined;
      }
    },
    read: async (path, maxBytes) => {
      try {
        return new TextDecoder().decode((await vscode.workspace.fs.readFile(uriOf(path))).subarray(0, maxBytes));
      } catch {
        return undefined;
      }
    },
  };
}
