// `devrel-desk`: the editor's checks, lists and reports from a terminal or a CI job. It reads the
// workspace through the same core as the extension and never imports the editor.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCalendar, calendarEntries, isOurCalendar } from '../core/calendar';
import { localDate, parseDateValue } from '../core/dates';
import { resolveMetrics } from '../core/impact';
import { generateReport } from '../core/report/generate';
import { reportMarkdown, REPORT_FORMATS, CSV_PRESETS } from '../core/report/format';
import { nextDate, toDraftInfo, upcoming } from '../core/schedule';
import type { Draft, Problem } from '../core/types';
import { CliError, loadWorkspace, type LoadedWorkspace } from './workspace';

const USAGE = `Usage: devrel-desk <command> [options]

Commands:
  check [paths...]       Print every problem the editor's Problems panel shows; exit 1 on errors.
      --format text|json|github   github prints workflow annotations (default: text)
  list                   List drafts.
      --kind K  --status S  --format table|json
  upcoming               Dates coming up: deadlines, events, publish dates.
      --days N (default 30)  --ics FILE (also write an iCalendar file)
  report                 The impact report, as the editor's Export Impact Report writes it.
      --from YYYY-MM-DD --to YYYY-MM-DD (default: the last full quarter)
      --format markdown|csv|json  --preset default|recognition (CSV)
      --out FILE (default: print to stdout; Markdown charts are written beside FILE)
      --force (replace FILE and its charts if they exist)

Options for every command:
  --workspace DIR        The workspace folder (default: the current folder)
  --today YYYY-MM-DD     Count days from this date instead of today
  -h, --help             Show this help
  -v, --version          Show the version
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`devrel-desk: ${error.message}\n`);
      return error.exitCode;
    }
    // Only a bug gets here; its stack helps whoever reports it.
    io.err(`devrel-desk: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 3;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        workspace: { type: 'string' },
        today: { type: 'string' },
        format: { type: 'string' },
        kind: { type: 'string' },
        status: { type: 'string' },
        days: { type: 'string' },
        ics: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        preset: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
      },
    });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new CliError(`${first.slice(0, first.indexOf('. ') + 1 || undefined).replace(/\.?$/, '.')} Run devrel-desk --help for the options.`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    io.out(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  const allowed: Record<string, readonly string[]> = {
    check: ['format'],
    list: ['format', 'kind', 'status'],
    upcoming: ['days', 'ics'],
    report: ['format', 'from', 'to', 'preset', 'out', 'force'],
  };
  if (!Object.prototype.hasOwnProperty.call(allowed, command))
    throw new CliError(`unknown command "${command}". Use check, list, upcoming or report; devrel-desk --help says more.`);
  for (const option of Object.keys(values)) {
    if (['workspace', 'today'].includes(option)) continue;
    if (!allowed[command].includes(option)) throw new CliError(`${command} has no --${option} option. Run devrel-desk --help for the options.`);
  }
  if (command !== 'check' && rest.length > 0) throw new CliError(`${command} takes no paths; got "${rest[0]}".`);
  let today = localDate(new Date());
  if (values.today !== undefined) {
    const date = parseDateValue(values.today);
    if (!date.ok) throw new CliError(`--today ${date.message}.`);
    today = date.date;
  }
  const workspace = await loadWorkspace(values.workspace ?? process.cwd(), (message) => io.err(`${message}\n`));
  for (const note of workspace.notes) io.err(`note: ${note}\n`);
  switch (command) {
    case 'check':
      return check(workspace, rest, values.format ?? 'text', io);
    case 'list':
      return list(workspace, values, today, io);
    case 'upcoming':
      return showUpcoming(workspace, values, today, io);
    default:
      return report(workspace, values, today, io);
  }
}

const VERSION = typeof __DEVREL_DESK_VERSION__ === 'string' ? __DEVREL_DESK_VERSION__ : 'development';
declare const __DEVREL_DESK_VERSION__: string | undefined;

interface Finding {
  file: string;
  line: number;
  column: number;
  severity: Problem['severity'];
  code: string;
  message: string;
}

function check(workspace: LoadedWorkspace, paths: readonly string[], format: string, io: Io): number {
  if (!['text', 'json', 'github'].includes(format)) throw new CliError(`check --format must be text, json or github, not "${format}".`);
  const wanted = paths.map((p) => {
    const absolute = path.resolve(p);
    if (!fs.existsSync(absolute)) throw new CliError(`${p} does not exist.`);
    const relative = path.relative(workspace.root, absolute).split(path.sep).join('/');
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new CliError(`${p} is outside the workspace ${workspace.root}.`);
    return relative;
  });
  const included = (draft: Draft): boolean => wanted.length === 0 || wanted.some((w) => w === '' || draft.relativePath === w || draft.relativePath.startsWith(`${w}/`));
  const findings: Finding[] = [];
  for (const draft of workspace.drafts) {
    if (!included(draft)) continue;
    for (const problem of draft.problems) {
      findings.push({
        file: draft.relativePath,
        line: (problem.range?.start.line ?? 0) + 1,
        column: (problem.range?.start.character ?? 0) + 1,
        severity: problem.severity,
        code: problem.code,
        message: problem.message,
      });
    }
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (format === 'json') io.out(JSON.stringify(findings, null, 2) + '\n');
  else if (format === 'github') {
    for (const f of findings) {
      const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      io.out(`::${level} file=${property(f.file)},line=${f.line},col=${f.column},title=${property(`DevRel Desk (${f.code})`)}::${data(f.message)}\n`);
    }
  } else {
    for (const f of findings) io.out(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}\n`);
  }
  const drafts = workspace.drafts.filter(included).length;
  io.err(
    `${drafts} ${drafts === 1 ? 'draft' : 'drafts'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${findings.length - errors} other ${findings.length - errors === 1 ? 'problem' : 'problems'}.\n`,
  );
  return errors > 0 ? 1 : 0;
}

/** Workflow commands escape these so a message can't end the annotation early. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function list(workspace: LoadedWorkspace, values: { kind?: string; status?: string; format?: string }, today: string, io: Io): number {
  const format = values.format ?? 'table';
  if (!['table', 'json'].includes(format)) throw new CliError(`list --format must be table or json, not "${format}".`);
  if (values.kind !== undefined && !Object.prototype.hasOwnProperty.call(workspace.config.kinds, values.kind)) {
    throw new CliError(`"${values.kind}" is not a kind. Use one of: ${Object.keys(workspace.config.kinds).join(', ')}.`);
  }
  const drafts = workspace.drafts.filter((d) => (values.kind === undefined || d.kind === values.kind) && (values.status === undefined || d.status === values.status));
  if (format === 'json') {
    io.out(
      JSON.stringify(
        drafts.map((d) => ({ path: d.relativePath, ...toDraftInfo(d, workspace.config.kinds[d.kind], today) })),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const rows = drafts.map((d) => {
    const next = nextDate(d, workspace.config.kinds[d.kind], today);
    return [d.kind, d.status, next ? `${next.label} ${next.date}` : '', d.title, d.relativePath];
  });
  io.out(table(['KIND', 'STATUS', 'NEXT DATE', 'TITLE', 'PATH'], rows));
  return 0;
}

function showUpcoming(workspace: LoadedWorkspace, values: { days?: string; ics?: string }, today: string, io: Io): number {
  const days = values.days === undefined ? 30 : Number(values.days);
  if (!Number.isInteger(days) || days < 0) throw new CliError(`--days must be a whole number of days, 0 or more, not "${values.days}".`);
  const items = upcoming(workspace.drafts, workspace.config.kinds, today).filter((i) => i.days <= days);
  const rows = items.map((i) => [
    i.date.date,
    i.group === 'overdue' ? `${-i.days}d overdue` : i.days === 0 ? 'today' : `in ${i.days}d`,
    i.date.label,
    i.submission ? `${i.draft.title} (${i.submission.event})` : i.draft.title,
    i.draft.relativePath,
  ]);
  io.out(items.length === 0 ? `Nothing due in the next ${days} days.\n` : table(['DATE', 'WHEN', 'WHAT', 'TITLE', 'PATH'], rows));
  if (values.ics !== undefined) {
    const target = path.resolve(values.ics);
    if (fs.existsSync(target) && !isOurCalendar(fs.readFileSync(target, 'utf8').slice(0, 4096))) {
      throw new CliError(`${values.ics} already exists and is not a calendar DevRel Desk wrote, so it was left alone. Choose another file name.`, 1);
    }
    const entries = calendarEntries(workspace.drafts, workspace.config.kinds);
    writeFiles([{ file: target, text: buildCalendar(entries, { now: new Date() }) }]);
    io.err(`Wrote ${entries.length} dates to ${values.ics}.\n`);
  }
  return 0;
}

function report(
  workspace: LoadedWorkspace,
  values: { format?: string; from?: string; to?: string; preset?: string; out?: string; force?: boolean },
  today: string,
  io: Io,
): number {
  if (values.format !== undefined && !REPORT_FORMATS.includes(values.format as never))
    throw new CliError(`report --format must be one of ${REPORT_FORMATS.join(', ')}, not "${values.format}".`);
  if (values.preset !== undefined && !CSV_PRESETS.includes(values.preset as never))
    throw new CliError(`report --preset must be one of ${CSV_PRESETS.join(', ')}, not "${values.preset}".`);
  const metrics = resolveMetrics(workspace.settings.impactMetrics);
  for (const problem of metrics.problems) io.err(`note: .vscode/settings.json: ${problem.message}\n`);
  const out = values.out === undefined ? undefined : path.resolve(values.out);
  const generated = generateReport(
    workspace.drafts,
    { from: values.from, to: values.to, format: values.format, preset: values.preset },
    { today, kinds: workspace.config.kinds, metrics: metrics.metrics, fileName: out ? path.basename(out) : undefined },
  );
  if (!generated.ok) {
    for (const p of generated.problems) io.err(`devrel-desk: ${p.file ? `${p.file}: ` : ''}${p.message}\n`);
    return 1;
  }
  for (const p of generated.report.problems) io.err(`warning: ${p.file ? `${p.file}: ` : ''}${p.message}\n`);
  if (!out) {
    // Charts can't go to stdout; the Markdown printed there refers to none.
    io.out(generated.format === 'markdown' ? reportMarkdown(generated.report) : generated.files[0].text);
    return 0;
  }
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new CliError(`${path.dirname(values.out as string)} does not exist; create the folder or choose another --out.`);
  const targets = generated.files.map((f) => ({ file: path.join(dir, f.name), text: f.text }));
  const existing = targets.filter((t) => fs.existsSync(t.file));
  if (existing.length > 0 && !values.force) {
    throw new CliError(
      `${existing.map((t) => path.relative(process.cwd(), t.file) || t.file).join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; pass --force to replace, or choose another --out.`,
      1,
    );
  }
  writeFiles(targets);
  io.err(`Wrote the impact report for ${generated.report.period.label} to ${targets.map((t) => path.relative(process.cwd(), t.file) || t.file).join(', ')}.\n`);
  return 0;
}

/**
 * Each file goes to a temporary name beside its target and is renamed over it, the main file
 * last: an unwritable folder or a full disk leaves no half-written report behind.
 */
function writeFiles(targets: readonly { file: string; text: string }[]): void {
  const ordered = [...targets.slice(1), targets[0]];
  const temporary: string[] = [];
  try {
    for (const target of ordered) {
      const temp = `${target.file}.${process.pid}.tmp`;
      temporary.push(temp);
      fs.writeFileSync(temp, target.text, { flag: 'wx' });
    }
    ordered.forEach((target, i) => fs.renameSync(temporary[i], target.file));
  } catch (error) {
    for (const temp of temporary) fs.rmSync(temp, { force: true });
    throw new CliError(`could not write ${targets[0].file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose a folder you can write to.`, 1);
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then((code) => {
    process.exitCode = code;
  });
}
