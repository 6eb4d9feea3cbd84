import * as vscode from 'vscode';
import { projectsImpact } from '../core/hackathons/projectsImpact';
import { appendSiteFrontMatterListItem } from '../core/sites/frontMatterFields';
import {
  impactDateFor,
  impactEntryFields,
  metricsForKind,
  metricUnitNote,
  newImpactEntry,
  parseImpactValue,
  resolveMetrics,
  type MetricDefinition,
  type NewImpactInput,
} from '../core/impact';
import { datePreview, parseDateInput } from '../core/relativeDate';
import type { Draft } from '../core/types';
import { BACK, inputStep, pickStep, runSteps } from './multiStep';
import { editFrontMatterWith } from '../services/draftEdits';
import { Commands } from '../constants';
import { log, UserError } from '../util/logger';
import { today } from '../util/clock';
import type { ImpactTreeProvider } from '../views/impactTree';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { resolveTarget } from './trackingCommands';
import { hasOwn } from '../core/util/objects';

export interface ImpactContext {
  workspace: WorkspaceDrafts;
  impact: ImpactTreeProvider;
}

export function configuredMetrics(workspace: WorkspaceDrafts): Readonly<Record<string, MetricDefinition>> {
  return resolveMetrics(workspace.currentSettings.impactMetrics).metrics;
}

/**
 * Appends one entry to a draft's `impact:` list. With an input object it asks nothing;
 * otherwise it asks for the metric, the value and an optional note or link.
 */
export async function logImpact(ctx: ImpactContext, target?: unknown, input?: unknown): Promise<boolean> {
  const uri = await pickDraft(ctx, target);
  if (!uri) return false;
  const draft = ctx.workspace.get(uri);
  if (!draft) throw new UserError(vscode.l10n.t('{0} is not a DevRel draft, so it has no impact log.', vscode.workspace.asRelativePath(uri)));
  const metrics = configuredMetrics(ctx.workspace);
  let request: NewImpactInput | undefined;
  if (input !== undefined) {
    if (typeof input !== 'object' || input === null) throw new UserError(vscode.l10n.t('Log Impact takes { metric, value, note?, link?, date? }.'));
    request = input as NewImpactInput;
  } else {
    request = await askForImpact(draft, metrics);
    if (!request) return false;
  }
  const checked = newImpactEntry(request, today(), metrics);
  if (!checked.ok) throw new UserError(checked.message);
  const generator = ctx.workspace.generatorFor(uri);
  await editFrontMatterWith(ctx.workspace, uri, (text) => appendSiteFrontMatterListItem(text, 'impact', impactEntryFields(checked.entry), generator));
  const metric = metrics[checked.entry.metric];
  log().info(`${vscode.workspace.asRelativePath(uri)}: logged ${checked.entry.value} ${checked.entry.metric}.`);
  if (checked.warning) void vscode.window.showWarningMessage(checked.warning);
  vscode.window.setStatusBarMessage(
    vscode.l10n.t('$({0}) Logged {1} {2} for {3}', metric?.icon ?? /* l10n-ignore: an icon id */ 'graph', checked.entry.value, metric?.unit ?? checked.entry.metric, draft.title),
    4000,
  );
  return true;
}

/**
 * Counts the rows of a hackathon's Projects table into one `projects` impact entry, replacing
 * the entry an earlier run wrote. Returns the number of projects, or undefined when cancelled.
 */
export async function logHackathonProjects(ctx: ImpactContext, target?: unknown): Promise<number | undefined> {
  let uri = resolveTarget(target);
  if (!uri || ctx.workspace.get(uri)?.kind !== 'hackathon') {
    if (target !== undefined && target !== null && uri) throw new UserError(vscode.l10n.t('{0} is not a hackathon draft.', vscode.workspace.asRelativePath(uri)));
    const hackathons = ctx.workspace
      .drafts()
      .filter((d) => d.kind === 'hackathon')
      .sort((a, b) => a.title.localeCompare(b.title));
    if (hackathons.length === 0) throw new UserError(vscode.l10n.t('There are no hackathon drafts yet. Create one with DevRel: New Hackathon first.'));
    const picked = await vscode.window.showQuickPick(
      hackathons.map((d) => ({ label: d.title, description: d.status, uri: d.uri })),
      { title: vscode.l10n.t('Log Hackathon Projects: which hackathon?') },
    );
    if (!picked) return undefined;
    uri = vscode.Uri.parse(picked.uri);
  }
  const draft = ctx.workspace.get(uri);
  const planned = projectsImpact((await vscode.workspace.openTextDocument(uri)).getText(), today());
  if (!planned.ok) throw new UserError(planned.message);
  const { count, unchanged } = planned;
  if (!planned.unchanged) {
    await editFrontMatterWith(ctx.workspace, uri, (text) => {
      const again = projectsImpact(text, today());
      return again.ok && !again.unchanged ? again.result : { ok: false, message: vscode.l10n.t('The draft changed while logging its projects; run the command again.') };
    });
  }
  const what = `${count} ${count === 1 ? 'project' : 'projects'}`;
  log().info(`${vscode.workspace.asRelativePath(uri)}: ${unchanged ? 'projects already logged' : 'logged'} ${what} from the projects table.`);
  vscode.window.setStatusBarMessage(
    unchanged
      ? vscode.l10n.t('$(rocket) Already logged {0} for {1}', what, draft?.title ?? vscode.workspace.asRelativePath(uri))
      : vscode.l10n.t('$(rocket) Logged {0} for {1}', what, draft?.title ?? vscode.workspace.asRelativePath(uri)),
    4000,
  );
  return count;
}

async function pickDraft(ctx: ImpactContext, target: unknown): Promise<vscode.Uri | undefined> {
  const uri = resolveTarget(target);
  if (uri && ctx.workspace.get(uri)) return uri;
  if (target !== undefined && target !== null) return uri;
  const drafts = ctx.workspace.drafts().sort((a, b) => a.title.localeCompare(b.title));
  if (drafts.length === 0) {
    // Impact belongs to a piece of work: offer to start one rather than stop at a warning.
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Impact is logged against a draft, and there are none yet.'), vscode.l10n.t('New Draft…'));
    if (choice) await vscode.commands.executeCommand(Commands.newDraft);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    drafts.map((d) => ({ label: d.title, description: `${d.kind} · ${d.status}`, uri: d.uri })),
    { title: vscode.l10n.t('Log Impact: which piece of work?'), matchOnDescription: true },
  );
  return picked ? vscode.Uri.parse(picked.uri) : undefined;
}

interface ImpactAnswers {
  metric?: string;
  value?: string;
  date?: string;
  extra?: string;
}

/**
 * Four counted steps with Back: the metric (those that fit the kind first), how many, when
 * (the day the talk was given or the post went out, by default), and a note or link.
 */
async function askForImpact(draft: Draft, metrics: Readonly<Record<string, MetricDefinition>>): Promise<NewImpactInput | undefined> {
  const now = today();
  const ordered = metricsForKind(draft.kind, Object.values(metrics));
  const defaultDate = impactDateFor(draft, now);
  const answers = await runSteps<ImpactAnswers>(vscode.l10n.t('Log Impact: {0}', draft.title), {}, [
    async (place, state) => {
      const picked = await pickStep(
        place,
        ordered.map((m) => ({ label: `$(${m.icon}) ${m.label}`, description: metricUnitNote(m), detail: m.description, id: m.id })),
        { placeholder: vscode.l10n.t('What did this piece of work achieve?'), matchOnDetail: true, active: (item) => item.id === state.metric },
      );
      if (picked === undefined || picked === BACK) return picked;
      state.metric = picked.id;
      return true;
    },
    async (place, state) => {
      const metric = metrics[state.metric ?? ''];
      const value = await inputStep(place, {
        prompt: metric?.unit !== undefined ? vscode.l10n.t('How many {0}?', metric.unit) : vscode.l10n.t('How many of them?'),
        value: state.value,
        validate: (text) => {
          const parsed = parseImpactValue(text);
          return parsed.ok ? undefined : parsed.message;
        },
      });
      if (value === undefined || value === BACK) return value;
      state.value = value;
      return true;
    },
    async (place, state) => {
      const date = await inputStep(place, {
        prompt:
          defaultDate === now
            ? vscode.l10n.t('When? Today unless you say otherwise.')
            : draft.kind === 'blog'
              ? vscode.l10n.t('When? {0} is the day of the post.', defaultDate)
              : vscode.l10n.t('When? {0} is the day of the event.', defaultDate),
        value: state.date ?? defaultDate,
        placeholder: vscode.l10n.t('YYYY-MM-DD, yesterday, -3d, last week as -7d…'),
        validate: (text) => {
          const parsed = parseDateInput(text === '' ? defaultDate : text, now);
          if (!parsed.ok) return parsed.message;
          if (!parsed.skipped && parsed.date > now) return vscode.l10n.t('That is after today; log impact once it has happened.');
          const preview = datePreview(text === '' ? defaultDate : text, now);
          return preview ? { message: preview, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
        },
      });
      if (date === undefined || date === BACK) return date;
      const parsed = parseDateInput(date === '' ? defaultDate : date, now);
      state.date = parsed.ok && !parsed.skipped ? parsed.date : defaultDate;
      return true;
    },
    async (place, state) => {
      const extra = await inputStep(place, {
        prompt: vscode.l10n.t('A short note, or a link to the evidence. Leave empty to skip.'),
        value: state.extra,
        placeholder: vscode.l10n.t('e.g. "Three teams asked for the demo repo" or https://…'),
      });
      if (extra === undefined || extra === BACK) return extra;
      state.extra = extra;
      return true;
    },
  ]);
  if (!answers?.metric || answers.value === undefined) return undefined;
  const trimmed = (answers.extra ?? '').trim();
  const isLink = /^https?:\/\//i.test(trimmed);
  return { metric: answers.metric, value: answers.value, date: answers.date, note: !isLink && trimmed ? trimmed : undefined, link: isLink ? trimmed : undefined };
}

export async function chooseImpactMetric(ctx: ImpactContext, metric?: unknown): Promise<void> {
  const metrics = configuredMetrics(ctx.workspace);
  let chosen = typeof metric === 'string' ? metric : undefined;
  if (chosen === undefined) {
    const picked = await vscode.window.showQuickPick(
      Object.values(metrics).map((m) => ({
        label: `$(${m.icon}) ${m.label}`,
        description: m.id === ctx.impact.topMetric ? vscode.l10n.t('current') : metricUnitNote(m),
        id: m.id,
      })),
      { title: vscode.l10n.t('Top Work By Metric') },
    );
    if (!picked) return;
    chosen = picked.id;
  }
  if (!hasOwn(metrics, chosen)) throw new UserError(vscode.l10n.t('"{0}" is not a metric. Use one of: {1}.', chosen, Object.keys(metrics).join(', ')));
  await ctx.impact.setTopMetric(chosen);
}
