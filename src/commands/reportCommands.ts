import * as vscode from 'vscode';
import { exists } from '../util/fileSystem';
import { generateReport } from '../core/report/generate';
import { CSV_PRESETS, REPORT_EXTENSIONS, REPORT_FORMATS, type CsvPreset, type ReportFile, type ReportFormat } from '../core/report/format';
import { lastFullQuarter } from '../core/report/period';
import { quarterOf } from '../core/impact';
import { addDays } from '../core/dates';
import { log, UserError } from '../util/logger';
import { today } from '../util/clock';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { configuredMetrics } from './impactCommands';

export interface ReportContext {
  workspace: WorkspaceDrafts;
}

interface ExportOptions {
  from?: string;
  to?: string;
  format?: ReportFormat;
  preset?: CsvPreset;
  uri?: vscode.Uri;
  /** Replace existing files without asking; for scripts that write the same report again. */
  overwrite?: boolean;
}

/**
 * Writes the impact report and returns the Uri of its main file. With no options it asks for
 * the period, the format and the file; with options it asks only before replacing a file.
 */
export async function exportImpactReport(ctx: ReportContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (arg !== undefined && arg !== null && (typeof arg !== 'object' || arg instanceof vscode.Uri)) {
    throw new UserError(vscode.l10n.t('Export Impact Report takes { from?, to?, format?, preset?, uri? }.'));
  }
  const given = (arg ?? {}) as Record<string, unknown>;
  const interactive = arg === undefined || arg === null;
  await ctx.workspace.ready();
  let options: ExportOptions | undefined = readOptions(given);
  if (interactive) {
    options = await askForOptions();
    if (!options) return undefined;
  }
  const now = today();
  const generated = generateReport(
    ctx.workspace.drafts(),
    { from: options.from, to: options.to, format: options.format, preset: options.preset },
    { today: now, kinds: ctx.workspace.config.kinds, metrics: configuredMetrics(ctx.workspace), fileName: options.uri ? baseName(options.uri) : undefined },
  );
  if (!generated.ok) throw new UserError(generated.problems.map((p) => (p.file ? `${p.file}: ${p.message}` : p.message)).join(' '));
  let uri = options.uri;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Impact Report'),
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, generated.fileName) : undefined,
      filters: { [generated.format === 'markdown' ? 'Markdown' : generated.format.toUpperCase()]: [REPORT_EXTENSIONS[generated.format]] },
    });
    if (!uri) return undefined;
    if (baseName(uri) !== generated.fileName) {
      // Charts are named after the main file, so a new name means new chart names too.
      return exportImpactReport(ctx, { ...options, uri, overwrite: true });
    }
    // The save dialog already asked about replacing the main file; charts beside it are ours.
    options.overwrite = true;
  }
  const folder = vscode.Uri.joinPath(uri, '..');
  const targets = generated.files.map((file) => ({ file, uri: vscode.Uri.joinPath(folder, file.name) }));
  if (!options.overwrite) {
    const existing: string[] = [];
    for (const target of targets) if (await exists(target.uri)) existing.push(vscode.workspace.asRelativePath(target.uri));
    if (existing.length > 0) {
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(
        existing.length === 1
          ? vscode.l10n.t('{0} already exists. Replace with the new report?', existing.join(', '))
          : vscode.l10n.t('{0} already exist. Replace with the new report?', existing.join(', ')),
        { modal: true },
        replace,
      );
      if (answer !== replace) return undefined;
    }
  }
  await writeAll(targets);
  for (const problem of generated.report.problems) log().warn(`Impact report: ${problem.file ? `${problem.file}: ` : ''}${problem.message}`);
  log().info(`Impact report for ${generated.report.period.label}: wrote ${targets.map((t) => t.uri.toString(true)).join(', ')}.`);
  if (interactive) {
    const preview = generated.format === 'markdown';
    const open = preview ? vscode.l10n.t('Open Preview') : vscode.l10n.t('Open');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Wrote the impact report for {0} to {1}.', generated.report.period.label, vscode.workspace.asRelativePath(uri)), open)
      .then((choice) => {
        if (choice === open && preview) void vscode.commands.executeCommand('markdown.showPreview', uri);
        else if (choice === open) void vscode.window.showTextDocument(uri);
      });
  } else {
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(graph) Wrote the impact report for {0}', generated.report.period.label), 4000);
  }
  return uri;
}

function readOptions(given: Record<string, unknown>): ExportOptions {
  const options: ExportOptions = {};
  for (const key of ['from', 'to'] as const) {
    const value = given[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new UserError(vscode.l10n.t('{0} must be a date written as YYYY-MM-DD.', key));
    options[key] = value;
  }
  if (given.format !== undefined) {
    if (typeof given.format !== 'string' || !REPORT_FORMATS.includes(given.format as ReportFormat))
      throw new UserError(vscode.l10n.t('format must be one of: {0}.', REPORT_FORMATS.join(', ')));
    options.format = given.format as ReportFormat;
  }
  if (given.preset !== undefined) {
    if (typeof given.preset !== 'string' || !CSV_PRESETS.includes(given.preset as CsvPreset))
      throw new UserError(vscode.l10n.t('preset must be one of: {0}.', CSV_PRESETS.join(', ')));
    options.preset = given.preset as CsvPreset;
  }
  if (given.uri !== undefined) {
    if (given.uri instanceof vscode.Uri) options.uri = given.uri;
    else if (typeof given.uri === 'string' && given.uri)
      options.uri = /^[a-z][a-z0-9+.-]+:/i.test(given.uri) && !/^[a-z]:[\\/]/i.test(given.uri) ? vscode.Uri.parse(given.uri) : vscode.Uri.file(given.uri);
    else throw new UserError(vscode.l10n.t('uri must be a Uri or a path to the file to write.'));
  }
  options.overwrite = given.overwrite === true;
  return options;
}

async function askForOptions(): Promise<ExportOptions | undefined> {
  const now = today();
  const last = lastFullQuarter(now);
  const current = quarterOf(now);
  const periods = [
    { label: last.label, description: vscode.l10n.t('{0} to {1}', last.from, last.to), detail: vscode.l10n.t('The last full quarter'), from: last.from, to: last.to },
    { label: vscode.l10n.t('{0} so far', current.label), description: vscode.l10n.t('{0} to {1}', current.from, now), from: current.from, to: now },
    { label: vscode.l10n.t('Last 12 months'), description: vscode.l10n.t('{0} to {1}', addDays(now, -364), now), from: addDays(now, -364), to: now },
    { label: vscode.l10n.t('Other period…'), description: vscode.l10n.t('Type the first and last day'), from: '', to: '' },
  ];
  const period = await vscode.window.showQuickPick(periods, { title: vscode.l10n.t('Export Impact Report: which period?') });
  if (!period) return undefined;
  let { from, to } = period;
  if (!from) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Export Impact Report: period'),
      prompt: vscode.l10n.t('First and last day, e.g. 2026-07-01 2026-09-30'),
      validateInput: (text) =>
        /^\s*\d{4}-\d{2}-\d{2}\s+(to\s+)?\d{4}-\d{2}-\d{2}\s*$/.test(text) ? undefined : vscode.l10n.t('Write two dates as YYYY-MM-DD, the first day and the last.'),
    });
    if (typed === undefined) return undefined;
    [from, to] = typed.match(/\d{4}-\d{2}-\d{2}/g) as string[];
  }
  const format = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Markdown'), description: vscode.l10n.t('A report with charts, for people'), format: 'markdown' as const, preset: 'default' as const },
      { label: vscode.l10n.t('CSV'), description: vscode.l10n.t('One row per piece of work, for a spreadsheet'), format: 'csv' as const, preset: 'default' as const },
      {
        label: vscode.l10n.t('CSV for a recognition program'),
        description: vscode.l10n.t('Title, date, URL, description, type and reach'),
        format: 'csv' as const,
        preset: 'recognition' as const,
      },
      { label: vscode.l10n.t('JSON'), description: vscode.l10n.t('Everything, for a dashboard'), format: 'json' as const, preset: 'default' as const },
    ],
    { title: vscode.l10n.t('Export Impact Report: format') },
  );
  if (!format) return undefined;
  return { from, to, format: format.format, preset: format.preset };
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? '';
}

/**
 * Each file is written to a temporary name beside its target and renamed over it, charts first
 * and the report last: a failure leaves the old report whole, never half of a new one.
 */
async function writeAll(targets: readonly { file: ReportFile; uri: vscode.Uri }[]): Promise<void> {
  const ordered = [...targets.slice(1), targets[0]];
  const temporary: vscode.Uri[] = [];
  try {
    for (const target of ordered) {
      const temp = target.uri.with({ path: `${target.uri.path}.${process.pid}-${Date.now().toString(36)}.tmp` });
      temporary.push(temp);
      await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(target.file.text));
    }
    for (const [i, target] of ordered.entries()) await vscode.workspace.fs.rename(temporary[i], target.uri, { overwrite: true });
  } catch (error) {
    for (const temp of temporary) await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    log().error(`Impact report: could not write ${targets[0].uri.toString(true)}: ${detail}`);
    throw new UserError(vscode.l10n.t('Could not write {0}: {1}. Choose a folder you can write to.', vscode.workspace.asRelativePath(targets[0].uri), detail));
  }
}
