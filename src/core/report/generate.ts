// One entry point for the editor and the command line: the period asked for, the report built,
// and the files it is written as, or the problems that stop it.

import type { MetricDefinition } from '../impact';
import type { Draft, KindDefinition } from '../types';
import { buildImpactReport, type ImpactReport, type ReportProblem } from './build';
import { CSV_PRESETS, defaultReportFileName, REPORT_FORMATS, reportFiles, type CsvPreset, type ReportFile, type ReportFormat } from './format';
import { resolvePeriod } from './period';

export interface ReportRequest {
  from?: unknown;
  to?: unknown;
  format?: unknown;
  preset?: unknown;
}

export type GeneratedReport =
  { ok: true; report: ImpactReport; format: ReportFormat; preset: CsvPreset; fileName: string; files: ReportFile[] } | { ok: false; problems: ReportProblem[] };

/** `fileName` names the main file; without it the report is named after its period. */
export function generateReport(
  drafts: readonly Draft[],
  request: ReportRequest,
  context: { today: string; kinds: Readonly<Record<string, KindDefinition>>; metrics?: Readonly<Record<string, MetricDefinition>>; fileName?: string },
): GeneratedReport {
  const format = request.format === undefined || request.format === null ? 'markdown' : request.format;
  if (typeof format !== 'string' || !REPORT_FORMATS.includes(format as ReportFormat)) {
    return { ok: false, problems: [{ severity: 'error', message: `"${String(format)}" is not a report format. Use one of: ${REPORT_FORMATS.join(', ')}.` }] };
  }
  const preset = request.preset === undefined || request.preset === null ? 'default' : request.preset;
  if (typeof preset !== 'string' || !CSV_PRESETS.includes(preset as CsvPreset)) {
    return { ok: false, problems: [{ severity: 'error', message: `"${String(preset)}" is not a CSV preset. Use one of: ${CSV_PRESETS.join(', ')}.` }] };
  }
  if (preset !== 'default' && format !== 'csv') {
    return { ok: false, problems: [{ severity: 'error', message: `The ${preset} preset is a CSV preset; use it with the csv format.` }] };
  }
  const period = resolvePeriod({ from: request.from, to: request.to }, context.today);
  if (!period.ok) return { ok: false, problems: [{ severity: 'error', message: period.message }] };
  const built = buildImpactReport(drafts, { period: period.period, previous: period.previous, kinds: context.kinds, metrics: context.metrics });
  if (!built.ok) return built;
  const fileName = context.fileName ?? defaultReportFileName(built.report, format as ReportFormat, preset as CsvPreset);
  return {
    ok: true,
    report: built.report,
    format: format as ReportFormat,
    preset: preset as CsvPreset,
    fileName,
    files: reportFiles(built.report, format as ReportFormat, fileName, preset as CsvPreset),
  };
}
