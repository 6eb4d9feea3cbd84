// The report's rows written out: Markdown with SVG charts beside it, CSV for a spreadsheet
// (with a preset for recognition programs' activity forms), JSON for a dashboard. The editor
// and the command line both write through here, so their files are identical.

import { FEEDBACK_STATUSES } from '../feedback';
import { comparisonChart, barChart } from './charts';
import { formatNumber, type ImpactReport, type WorkRow } from './build';

export type ReportFormat = 'markdown' | 'csv' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'csv', 'json'];

/** `default` has every column; `recognition` has the ones recognition programs ask for. */
export type CsvPreset = 'default' | 'recognition';
export const CSV_PRESETS: readonly CsvPreset[] = ['default', 'recognition'];

export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { markdown: 'md', csv: 'csv', json: 'json' };

export interface ReportFile {
  /** A name relative to the main file's folder; the main file comes first. */
  name: string;
  text: string;
}

/** e.g. `impact-2026-Q3.md`, or `impact-2026-07-01-to-2026-08-15.csv`. */
export function defaultReportFileName(report: Pick<ImpactReport, 'period'>, format: ReportFormat, preset: CsvPreset = 'default'): string {
  const label = report.period.label.replace(/\s+/g, '-');
  return `impact-${label}${preset === 'recognition' ? '-recognition' : ''}.${REPORT_EXTENSIONS[format]}`;
}

/**
 * The files a report is written as: the main file named `fileName`, and for Markdown the chart
 * SVGs beside it, named after it so two reports in one folder don't share charts.
 */
export function reportFiles(report: ImpactReport, format: ReportFormat, fileName: string, preset: CsvPreset = 'default'): ReportFile[] {
  if (format === 'csv') return [{ name: fileName, text: reportCsv(report, preset) }];
  if (format === 'json') return [{ name: fileName, text: reportJson(report) }];
  const base = fileName.replace(/\.[^./\\]*$/, '');
  const charts: ReportFile[] = [];
  if (report.totals.length > 0) {
    charts.push({
      name: `${base}-totals.svg`,
      text: comparisonChart(
        `Impact per metric, ${report.period.label}`,
        report.totals.map((t) => ({ label: t.label, current: t.current, previous: t.previous })),
        { current: report.period.label, previous: report.previous.label },
      ),
    });
  }
  const reached = [...report.rows]
    .filter((r) => r.reach > 0)
    .sort((a, b) => b.reach - a.reach || a.title.localeCompare(b.title))
    .slice(0, 8);
  if (reached.length > 0) {
    charts.push({
      name: `${base}-reach.svg`,
      text: barChart(
        `Reach per piece of work, ${report.period.label}`,
        reached.map((r) => ({ label: r.title, value: r.reach })),
        'people reached',
      ),
    });
  }
  return [
    {
      name: fileName,
      text: reportMarkdown(
        report,
        charts.map((c) => c.name),
      ),
    },
    ...charts,
  ];
}

const DEFAULT_COLUMNS = ['title', 'type', 'kind', 'status', 'date', 'url', 'path', 'reach', 'feedback_given', 'feedback_shipped', 'description'] as const;

/** The report's rows as CSV; `recognition` keeps the columns such programs ask for. */
export function reportCsv(report: ImpactReport, preset: CsvPreset = 'default'): string {
  if (preset === 'recognition') {
    const lines = [['Title', 'Date', 'URL', 'Description', 'Type', 'Reach']];
    for (const row of report.rows) lines.push([row.title, row.date, row.url, row.description, row.type, String(row.reach)]);
    return toCsv(lines);
  }
  const metrics = report.totals.map((t) => t.metric);
  const lines = [[...DEFAULT_COLUMNS, ...metrics]];
  for (const row of report.rows) {
    const cells = [
      row.title,
      row.type,
      row.kind,
      row.status,
      row.date,
      row.url,
      row.path,
      String(row.reach),
      String(row.feedbackGiven),
      String(row.feedbackShipped),
      row.description,
    ];
    lines.push([...cells, ...metrics.map((m) => (Object.prototype.hasOwnProperty.call(row.metrics, m) ? String(row.metrics[m]) : ''))]);
  }
  return toCsv(lines);
}

/** RFC 4180, CRLF line ends, and text a spreadsheet would run as a formula written as text. */
function toCsv(lines: readonly (readonly string[])[]): string {
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Everything the report holds, rows first-class, for a dashboard. */
export function reportJson(report: ImpactReport): string {
  return JSON.stringify({ format: 'devrel-desk-impact-report', version: 1, ...report }, null, 2) + '\n';
}

export function reportMarkdown(report: ImpactReport, chartNames: readonly string[] = []): string {
  const { period, previous } = report;
  const out: string[] = [];
  const chart = (suffix: string, alt: string): void => {
    const name = chartNames.find((n) => n.endsWith(suffix));
    if (name) out.push(`![${alt}](${encodeURI(`./${name}`)})`, '');
  };
  out.push(`# Impact report: ${period.label}`, '');
  out.push(`${period.from} to ${period.to}, compared with ${previous.label} (${previous.from} to ${previous.to}).`, '');

  const highlights: string[] = [];
  highlights.push(`${report.rows.length} ${plural(report.rows.length, 'piece', 'pieces')} of work with results`);
  if (report.talks.given.length > 0) highlights.push(`${report.talks.given.length} ${plural(report.talks.given.length, 'talk', 'talks')} given`);
  if (report.posts.published.length > 0) highlights.push(`${report.posts.published.length} ${plural(report.posts.published.length, 'post', 'posts')} published`);
  if (report.oss.merged.length > 0) highlights.push(`${report.oss.merged.length} open-source ${plural(report.oss.merged.length, 'contribution', 'contributions')} merged`);
  const shipped = report.feedback.byStatus.shipped ?? 0;
  if (report.feedback.entries.length > 0)
    highlights.push(`${report.feedback.entries.length} product feedback ${plural(report.feedback.entries.length, 'item', 'items')} (${shipped} shipped)`);
  out.push(`**In short:** ${highlights.join(' · ')}.`, '');

  out.push('## Totals', '');
  if (report.totals.length === 0) out.push('No impact was logged in this period or the one before.', '');
  else {
    out.push(`| Metric | ${cell(period.label)} | ${cell(previous.label)} | Change |`, '| --- | ---: | ---: | ---: |');
    for (const t of report.totals) out.push(`| ${cell(t.label)} | ${formatNumber(t.current)} | ${formatNumber(t.previous)} | ${change(t.current, t.previous)} |`);
    out.push('');
    chart('-totals.svg', `Impact per metric in ${period.label}, compared with ${previous.label}`);
  }

  out.push('## By kind', '');
  out.push('| Kind | Pieces of work | Reach | Results |', '| --- | ---: | ---: | --- |');
  for (const k of report.byKind) out.push(`| ${cell(k.label)} | ${k.works} | ${formatNumber(k.reach)} | ${cell(metricList(report, k.metrics)) || '–'} |`);
  out.push('');

  if (report.byPlatform.length > 0) {
    out.push('## Reach by platform', '');
    out.push('| Platform | Pieces of work | Reach | Results |', '| --- | ---: | ---: | --- |');
    for (const p of report.byPlatform) out.push(`| ${cell(p.label)} | ${p.works} | ${formatNumber(p.reach)} | ${cell(metricList(report, p.metrics)) || '–'} |`);
    out.push('', 'From impact entries with a `source`, such as the figures Sync Reach records; they are also in the totals above.', '');
  }

  out.push('## Pieces of work', '');
  out.push('| Work | Kind | Date | What it achieved |', '| --- | --- | --- | --- |');
  for (const row of report.rows) out.push(`| ${workLink(row)} | ${cell(row.type)} | ${row.date} | ${cell(row.achieved) || cell(`Finished (${row.status})`)} |`);
  out.push('');
  chart('-reach.svg', `Reach per piece of work in ${period.label}`);

  out.push('## Talks given', '');
  if (report.talks.given.length === 0) out.push('No talks were given in this period.');
  for (const t of report.talks.given) out.push(`- ${t.date}: ${link(t.title, t.url)}${t.event ? ` at ${cell(t.event)}` : ''}`);
  out.push('');
  out.push(
    report.talks.decided > 0
      ? `Calls for papers decided in the period: ${report.talks.accepted} of ${report.talks.decided} accepted (${Math.round((report.talks.accepted / report.talks.decided) * 100)}%).`
      : 'No call for papers was decided in this period.',
    '',
  );
  out.push(`Talks given in ${previous.label}: ${report.talks.previousGiven}.`, '');

  out.push('## Posts published', '');
  if (report.posts.published.length === 0) out.push('No posts were published in this period.');
  for (const p of report.posts.published) out.push(`- ${p.date}: ${link(p.title, p.url)} (${p.readingMinutes} min read, ${formatNumber(p.words)} words)`);
  out.push('');
  if (report.posts.published.length > 0) out.push(`${formatNumber(report.posts.readingMinutes)} minutes of reading in all.`, '');
  out.push(`Posts published in ${previous.label}: ${report.posts.previousPublished}.`, '');

  out.push('## Open-source contributions merged', '');
  if (report.oss.merged.length === 0) out.push('No contributions were merged in this period.');
  for (const o of report.oss.merged) out.push(`- ${o.date}: ${link(o.title, o.url)}${o.repository ? ` (${cell(o.repository)})` : ''}`);
  out.push('', `Merged in ${previous.label}: ${report.oss.previousMerged}.`, '');

  out.push('## Product feedback', '');
  if (report.feedback.entries.length === 0) out.push('No product feedback was logged in this period.', '');
  else {
    out.push(FEEDBACK_STATUSES.map((s) => `${report.feedback.byStatus[s] ?? 0} ${s}`).join(' · ') + '.', '');
    out.push(`In ${previous.label}: ${report.feedback.previousGiven} logged, ${report.feedback.previousShipped} of them shipped.`, '');
    out.push('| Feedback | Area | Status | From | Date |', '| --- | --- | --- | --- | --- |');
    for (const f of report.feedback.entries)
      out.push(`| ${link(f.summary, f.link)} | ${cell(f.area) || '–'} | ${f.status === 'shipped' ? '**shipped**' : cell(f.status)} | ${cell(f.source)} | ${f.date} |`);
    out.push('');
  }

  out.push('## Quality', '');
  const q = report.quality;
  out.push(`- ${q.done} ${plural(q.done, 'piece', 'pieces')} of work went from idea to done (${q.previousDone} in ${previous.label}).`);
  out.push(
    q.medianDays !== undefined
      ? `- The median piece took ${formatNumber(q.medianDays)} days from idea to done (${q.timed} with a \`created\` date).`
      : '- No finished piece has a `created` date, so the time from idea to done is unknown.',
  );
  out.push('');

  if (report.problems.length > 0) {
    out.push('## Notes', '');
    for (const p of report.problems) out.push(`- ${cell(p.message)}`);
    out.push('');
  }
  return out.join('\n');
}

function metricList(report: ImpactReport, metrics: Record<string, number>): string {
  return report.totals
    .filter((t) => Object.prototype.hasOwnProperty.call(metrics, t.metric))
    .map((t) => `${formatNumber(metrics[t.metric])} ${t.unit}`)
    .join(', ');
}

function change(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? '–' : 'new';
  const percent = Math.round(((current - previous) / previous) * 100);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)}%`;
}

function workLink(row: WorkRow): string {
  return link(row.title, row.url);
}

function link(text: string, url: string): string {
  return url ? `[${cell(text).replace(/[[\]]/g, '\\$&')}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : cell(text);
}

/** Text safe in a table cell: a pipe or a line break would end the cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
