// Set Up Workspace…: shows what DevRel Desk found in a workspace folder (sites, mapped folders
// with counts, unmapped candidates, bad settings) and writes what the person confirms to the
// folder's `.vscode/settings.json`.

import * as vscode from 'vscode';
import { buildSetupReport, folderKindsToWrite, setupReportMarkdown, type SetupReport } from '../core/sites/setupReport';
import { normaliseFolder } from '../core/config';
import { type Settings } from '../services/settings';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { settingsFileOf, writeFolderSettings } from '../services/workspaceSettingsFile';
import { workspaceRelativePath } from '../services/workspaceScanner';
import { log, UserError } from '../util/logger';
import { kindIcon } from '../views/presentation';

export interface SetupContext {
  workspace: WorkspaceDrafts;
  settings: Settings;
}

/** What Set Up Workspace found and did, for scripts and tests. */
export interface SetupResult {
  folder: string;
  report: SetupReport;
  /** The `devrel.folderKinds` written, when something was written. */
  written?: Record<string, string>;
}

interface SetupRequest {
  folder?: vscode.WorkspaceFolder;
  /** Set by a script: false only reports, true writes `folderKinds` (or every mapping found) without asking. */
  apply?: boolean;
  folderKinds?: Record<string, string>;
}

export async function setUpWorkspace(ctx: SetupContext, arg?: unknown): Promise<SetupResult | undefined> {
  const request = parseRequest(arg);
  const folder = request.folder ?? (await chooseFolder(request.apply !== undefined));
  if (!folder) return undefined;
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('DevRel Desk: looking at the workspace') }, () =>
    reportFor(ctx, folder),
  );
  const current = currentFolderKinds(ctx, folder);
  if (request.apply === false) return { folder: folder.name, report };
  if (request.apply === true) {
    const chosen = request.folderKinds
      ? Object.entries(request.folderKinds).map(([path, kind]) => ({ folder: normaliseFolder(path), kind }))
      : report.mappings.map((m) => ({ folder: m.folder, kind: m.kind }));
    const written = request.folderKinds ? Object.fromEntries(chosen.map((c) => [c.folder, c.kind])) : folderKindsToWrite(report, current, chosen);
    await writeFolderSettings(ctx.settings, folder, { folderKinds: written });
    log().info(`Set Up Workspace in ${folder.name}: wrote devrel.folderKinds ${JSON.stringify(written)}.`);
    return { folder: folder.name, report, written };
  }
  return confirmInteractively(ctx, folder, report, current);
}

function parseRequest(arg: unknown): SetupRequest {
  if (arg === undefined || arg === null) return {};
  // The Explorer and the walkthrough pass a folder Uri.
  if (arg instanceof vscode.Uri) return { folder: folderOf(arg) };
  if (typeof arg !== 'object') throw new UserError(vscode.l10n.t('Set Up Workspace takes { folder?, apply?, folderKinds? } or nothing.'));
  const { folder, apply, folderKinds } = arg as Record<string, unknown>;
  const request: SetupRequest = {};
  if (folder !== undefined) {
    const named = typeof folder === 'string' ? vscode.workspace.workspaceFolders?.find((f) => f.name === folder) : undefined;
    request.folder = named ?? (folder instanceof vscode.Uri ? folderOf(folder) : typeof folder === 'string' ? folderOf(vscode.Uri.parse(folder)) : undefined);
    if (!request.folder) throw new UserError(vscode.l10n.t('"{0}" is not a workspace folder.', String(folder)));
  }
  if (apply !== undefined) {
    if (typeof apply !== 'boolean') throw new UserError(vscode.l10n.t('apply must be true or false.'));
    request.apply = apply;
  }
  if (folderKinds !== undefined) {
    if (typeof folderKinds !== 'object' || folderKinds === null || Object.values(folderKinds).some((v) => typeof v !== 'string')) {
      throw new UserError(vscode.l10n.t('folderKinds must map folders to kind ids, like { "docs/_posts": "blog" }.'));
    }
    request.folderKinds = folderKinds as Record<string, string>;
  }
  return request;
}

function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) throw new UserError(vscode.l10n.t('{0} is not inside a workspace folder.', uri.toString()));
  return folder;
}

async function chooseFolder(scripted: boolean): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new UserError(vscode.l10n.t('Open a folder first: Set Up Workspace looks at a workspace folder.'));
  if (folders.length === 1 || scripted) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which workspace folder should DevRel Desk set up?'), ignoreFocusOut: true });
}

function currentFolderKinds(ctx: SetupContext, folder: vscode.WorkspaceFolder): Record<string, string> {
  return Object.fromEntries(Object.entries(ctx.settings.forFolder(folder.uri).folderKinds).map(([path, kind]) => [normaliseFolder(path), kind]));
}

async function reportFor(ctx: SetupContext, folder: vscode.WorkspaceFolder): Promise<SetupReport> {
  // Counts must reflect every file under the current rules, not a scan half done.
  await ctx.workspace.idle();
  const detection = (await ctx.workspace.detectionOf(folder)) ?? { sites: [], foldersListed: 0, truncated: false };
  const settings = ctx.settings.forFolder(folder.uri);
  const folderKinds = currentFolderKinds(ctx, folder);
  const prefix = `${folder.uri.toString()}/`;
  const files = ctx.workspace.index
    .uris()
    .filter((uri) => uri.startsWith(prefix))
    .map((uri) => workspaceRelativePath(vscode.Uri.parse(uri), [folder]))
    .filter((path): path is string => path !== undefined);
  const drafts = ctx.workspace.drafts().filter((d) => d.uri.startsWith(prefix));
  const missingFolders = new Set<string>();
  for (const path of Object.keys(folderKinds)) {
    try {
      const stat = await vscode.workspace.fs.stat(path === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...path.split('/')));
      if (!(stat.type & vscode.FileType.Directory)) missingFolders.add(path);
    } catch {
      missingFolders.add(path);
    }
  }
  const kinds = Object.fromEntries(Object.values(ctx.workspace.config.kinds).map((k) => [k.id, k.label]));
  return buildSetupReport({ detection, folderKinds, folders: settings.folders, kinds, files, drafts, missingFolders });
}

type Row = vscode.QuickPickItem &
  ({ type: 'mapping' | 'candidate'; folder: string; draftKind: string; note: string } | { type: 'problem'; removeFolderKind?: string; removeFolder?: string } | { type: 'info' });

const CHANGE_KIND: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Change kind…') };
const SHOW_REPORT: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('open-preview'), tooltip: vscode.l10n.t('Show the full report') };

async function confirmInteractively(ctx: SetupContext, folder: vscode.WorkspaceFolder, report: SetupReport, current: Record<string, string>): Promise<SetupResult | undefined> {
  const kinds = ctx.workspace.config.kinds;
  const labelOf = (kind: string): string => kinds[kind]?.label ?? kind;
  const folderRow = (type: 'mapping' | 'candidate', path: string, kind: string, note: string): Row => ({
    type,
    folder: path,
    draftKind: kind,
    note,
    label: `$(${kindIcon(kind).id}) ${path}`,
    description: `${labelOf(kind)}${type === 'candidate' ? '?' : ''}`,
    detail: note,
    buttons: [CHANGE_KIND],
  });
  const rows: Row[] = [];
  const picked: Row[] = [];
  const separator = (label: string): void => void rows.push({ type: 'info', label, kind: vscode.QuickPickItemKind.Separator });
  for (const site of report.sites) {
    separator(site.label);
    const own = report.mappings.filter((m) => m.site === site.root);
    if (own.length === 0)
      rows.push({
        type: 'info',
        label: site.newPostFolder ? vscode.l10n.t('$(info) No post folder yet: new posts go to {0}', site.newPostFolder) : vscode.l10n.t('$(info) No post folder'),
        detail: site.note,
      });
    for (const m of own) {
      const row = folderRow('mapping', m.folder, m.kind, `${m.files} file${m.files === 1 ? '' : 's'}, ${m.drafts} tracked`);
      rows.push(row);
      picked.push(row);
    }
  }
  const other = report.mappings.filter((m) => m.site === undefined || !report.sites.some((s) => s.root === m.site));
  if (other.length > 0) separator(vscode.l10n.t('Mapped in settings'));
  for (const m of other) {
    const row = folderRow('mapping', m.folder, m.kind, `${m.files} file${m.files === 1 ? '' : 's'}, ${m.drafts} tracked`);
    rows.push(row);
    picked.push(row);
  }
  if (report.candidates.length > 0) separator(vscode.l10n.t('Not tracked yet: check to track'));
  for (const c of report.candidates) rows.push(folderRow('candidate', c.folder, c.kind, c.reason));
  if (report.problems.length > 0) separator(vscode.l10n.t('Needs attention'));
  for (const p of report.problems) {
    rows.push({ type: 'problem', label: `$(warning) ${p.message}`, detail: p.fix, removeFolderKind: p.removeFolderKind, removeFolder: p.removeFolder });
  }
  if (rows.every((row) => row.type === 'info'))
    rows.push({
      type: 'info',
      label: vscode.l10n.t('$(info) Nothing found to track yet'),
      detail: vscode.l10n.t('Drafts with kind: in their front matter are tracked wherever they are.'),
    });

  const pick = vscode.window.createQuickPick<Row>();
  pick.title = vscode.l10n.t('Set Up Workspace: {0}', folder.name);
  pick.placeholder =
    report.sites.length === 0
      ? vscode.l10n.t('No site found: check what to track, Enter saves it')
      : report.sites.length === 1
        ? vscode.l10n.t('1 site found: check what to track, Enter saves it')
        : vscode.l10n.t('{0} sites found: check what to track, Enter saves it', report.sites.length);
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  pick.buttons = [SHOW_REPORT];
  pick.items = rows;
  pick.selectedItems = picked;

  const accepted = await new Promise<readonly Row[] | undefined>((resolve) => {
    let settled = false;
    const finish = (value: readonly Row[] | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      pick.dispose();
    };
    let busy = false;
    pick.onDidTriggerButton(async (button) => {
      if (button !== SHOW_REPORT) return;
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: setupReportMarkdown(folder.name, report, Object.fromEntries(Object.values(kinds).map((k) => [k.id, k.label]))),
      });
      await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
    });
    pick.onDidTriggerItemButton(async ({ item }) => {
      if (item.type !== 'mapping' && item.type !== 'candidate') return;
      busy = true;
      const selected = pick.selectedItems;
      const chosen = await vscode.window.showQuickPick(
        Object.values(kinds).map((k) => ({ label: `$(${kindIcon(k.id).id}) ${k.label}`, description: k.id === item.draftKind ? vscode.l10n.t('current') : k.id, id: k.id })),
        { title: vscode.l10n.t('Track {0} as…', item.folder), ignoreFocusOut: true },
      );
      const replacement = chosen ? folderRow(item.type, item.folder, chosen.id, item.note) : item;
      pick.items = pick.items.map((row) => (row === item ? replacement : row));
      pick.selectedItems = [...selected.filter((row) => row !== item), ...(chosen ? [replacement] : selected.filter((row) => row === item))];
      busy = false;
      pick.show();
    });
    pick.onDidAccept(() => finish(pick.selectedItems));
    pick.onDidHide(() => {
      // The kind picker hides this one for a moment; that is not a cancel.
      if (!busy) finish(undefined);
    });
    pick.show();
  });
  if (!accepted) return undefined;

  const chosen = accepted.flatMap((row) => (row.type === 'mapping' || row.type === 'candidate' ? [{ folder: row.folder, kind: row.draftKind }] : []));
  const removals = accepted.flatMap((row) => (row.type === 'problem' && row.removeFolderKind !== undefined ? [row.removeFolderKind] : []));
  const folderRemovals = accepted.flatMap((row) => (row.type === 'problem' && row.removeFolder !== undefined ? [row.removeFolder] : []));
  const written = folderKindsToWrite(report, current, chosen, removals);
  const values: Record<string, unknown> = { folderKinds: written };
  if (folderRemovals.length > 0) {
    values.folders = Object.fromEntries(Object.entries(ctx.settings.forFolder(folder.uri).folders).filter(([kind]) => !folderRemovals.includes(kind)));
  }
  const changed = await writeFolderSettings(ctx.settings, folder, values);
  const file = vscode.workspace.asRelativePath(settingsFileOf(folder), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  log().info(`Set Up Workspace in ${folder.name}: ${changed ? `wrote devrel.folderKinds ${JSON.stringify(written)} to ${file}` : 'nothing changed'}.`);
  const count = Object.values(written).filter((kind) => kind !== 'none').length;
  void vscode.window
    .showInformationMessage(
      changed
        ? count === 1
          ? vscode.l10n.t('DevRel Desk tracks 1 folder in {0}; saved to {1}.', folder.name, file)
          : vscode.l10n.t('DevRel Desk tracks {0} folders in {1}; saved to {2}.', count, folder.name, file)
        : vscode.l10n.t('Nothing changed: {0} already says this.', file),
      vscode.l10n.t('Open Settings File'),
    )
    .then((choice) => (choice ? vscode.window.showTextDocument(settingsFileOf(folder)) : undefined));
  return { folder: folder.name, report, written };
}
