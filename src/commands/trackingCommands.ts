import * as vscode from 'vscode';
import type { GroupBy } from '../core/config';
import { Commands } from '../constants';
import { isFinished, nextStatus } from '../core/kinds/workflow';
import { relativeDay, talkMeasure } from '../core/schedule';
import { daysBetween } from '../core/dates';
import { planStatusChange } from '../core/statusChange';
import { targetRef } from '../core/target';
import type { Draft } from '../core/types';
import { editFrontMatter } from '../services/draftEdits';
import { confirmFocus, confirmResume, pickAndPark } from './focusCommands';
import { isParked, PARKED_FIELD } from '../core/parked';
import { workflowWithStatus } from '../core/quickFixes';
import { log, UserError } from '../util/logger';
import { today } from '../util/clock';
import type { DraftsTreeProvider } from '../views/draftsTree';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';

export interface TrackingContext {
  workspace: WorkspaceDrafts;
  drafts: DraftsTreeProvider;
  state: vscode.Memento;
}

const GROUP_BY_KEY = 'devrel.drafts.groupBy';
const HIDE_FINISHED_KEY = 'devrel.drafts.hideFinished';

/**
 * Accepts every way a draft reaches a command: a Uri, a Uri string, a tree node of either
 * view, an Explorer selection, or nothing (the active editor).
 */
export function resolveTarget(target: unknown): vscode.Uri | undefined {
  const ref = targetRef(target, isUri);
  switch (ref.type) {
    case 'uri':
      return ref.uri;
    case 'uriString':
      return vscode.Uri.parse(ref.uri);
    case 'path':
      return vscode.Uri.file(ref.path);
    case 'activeEditor':
      return vscode.window.activeTextEditor?.document.uri;
    case 'none':
      return undefined;
  }
}

export function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

/**
 * What a command that needs a draft acts on: the draft given, or the one in the editor. With
 * neither (no editor, or a file that is not a draft) the person picks one of the tracked drafts,
 * or is offered New Draft… when there are none. Undefined when they cancel.
 */
export async function targetOrPick(workspace: WorkspaceDrafts, target: unknown, title: string): Promise<{ target: unknown } | undefined> {
  const uri = resolveTarget(target);
  if (uri && (target !== undefined || workspace.get(uri))) return { target };
  const drafts = workspace.drafts();
  if (drafts.length === 0) {
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} needs a draft, and there are none yet.', title), vscode.l10n.t('New Draft…'));
    if (choice) await vscode.commands.executeCommand(Commands.newDraft);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    [...drafts].sort((a, b) => a.title.localeCompare(b.title)).map((d) => ({ label: d.title, description: `${d.kind} · ${d.status}`, detail: d.relativePath, uri: d.uri })),
    { title, placeHolder: vscode.l10n.t('No draft is open: pick one'), matchOnDescription: true },
  );
  return picked ? { target: vscode.Uri.parse(picked.uri) } : undefined;
}

function requireDraft(ctx: TrackingContext, target: unknown): { uri: vscode.Uri; draft: Draft } {
  const uri = resolveTarget(target);
  if (!uri) throw new UserError(vscode.l10n.t('Open a draft or pick one in the Drafts view first.'));
  const draft = ctx.workspace.get(uri);
  if (!draft) throw new UserError(vscode.l10n.t('{0} is not a DevRel draft. Add a "kind:" to its front matter to track it.', vscode.workspace.asRelativePath(uri)));
  return { uri, draft };
}

export async function setStatus(ctx: TrackingContext, target?: unknown, status?: unknown): Promise<boolean> {
  const chosenTarget = await targetOrPick(ctx.workspace, target, vscode.l10n.t('Set Status'));
  if (!chosenTarget) return false;
  const { uri, draft } = requireDraft(ctx, chosenTarget.target);
  const kind = ctx.workspace.config.kinds[draft.kind];
  let chosen = typeof status === 'string' ? status.trim() : undefined;
  if (status !== undefined && typeof status !== 'string') throw new UserError(vscode.l10n.t('The status must be a string, such as "drafting".'));
  if (chosen === undefined) {
    if (!kind) throw new UserError(vscode.l10n.t('"{0}" is not a known kind. Fix the kind in the front matter first.', draft.kind));
    const next = nextStatus(kind, draft.status);
    const picked = await pickWithActive(
      kind.statuses.map((s, i) => ({
        label: s,
        description:
          s === draft.status
            ? vscode.l10n.t('current')
            : s === next
              ? vscode.l10n.t('next')
              : kind.finishedStatuses.includes(s)
                ? vscode.l10n.t('finished')
                : vscode.l10n.t('step {0} of {1}', i + 1, kind.statuses.length),
      })),
      // Enter moves forward: the next status is highlighted, or the current one at the end of the workflow.
      (item) => item.label === (next ?? draft.status),
      { title: vscode.l10n.t('Set Status: {0}', draft.title), placeHolder: vscode.l10n.t('Now {0}. Move this {1} to…', draft.status, kind.label.toLowerCase()) },
    );
    if (!picked) return false;
    chosen = picked.label;
    return changeStatus(ctx, uri, draft, chosen, true);
  }
  return changeStatus(ctx, uri, draft, chosen, false);
}

export async function advanceStatus(ctx: TrackingContext, target?: unknown): Promise<boolean> {
  const chosenTarget = await targetOrPick(ctx.workspace, target, vscode.l10n.t('Advance Status'));
  if (!chosenTarget) return false;
  const { uri, draft } = requireDraft(ctx, chosenTarget.target);
  const kind = ctx.workspace.config.kinds[draft.kind];
  if (!kind) throw new UserError(vscode.l10n.t('"{0}" is not a known kind. Fix the kind in the front matter first.', draft.kind));
  const next = nextStatus(kind, draft.status);
  if (!next) throw new UserError(vscode.l10n.t('"{0}" is already {1}, the last step for a {2}.', draft.title, draft.status, kind.label.toLowerCase()));
  return changeStatus(ctx, uri, draft, next, true);
}

/**
 * Sets a draft aside to make room: it keeps its status and gets `parked: true` in its front
 * matter, so it leaves the focus count and shows under Parked until it is resumed.
 */
export async function parkDraft(ctx: TrackingContext, target?: unknown): Promise<boolean> {
  if (target === undefined && !vscode.window.activeTextEditor) return (await pickAndPark(ctx.workspace)) !== undefined;
  const { uri, draft } = requireDraft(ctx, target);
  const kind = ctx.workspace.config.kinds[draft.kind];
  if (isParked(draft)) throw new UserError(vscode.l10n.t('"{0}" is already parked. Use Resume Draft to pick it up again.', draft.title));
  if (isFinished(kind, draft.status)) throw new UserError(vscode.l10n.t('"{0}" is {1}, so there is nothing to park.', draft.title, draft.status));
  await editFrontMatter(ctx.workspace, uri, { [PARKED_FIELD]: true });
  log().info(`${vscode.workspace.asRelativePath(uri)}: parked at ${draft.status}.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t("$(debug-pause) Parked “{0}” (still {1}). Resume it when you're ready.", draft.title, draft.status), 5000);
  return true;
}

/** Brings a parked draft back into hand: removes the flag, with the focus warning if that crosses the limit. */
export async function resumeDraft(ctx: TrackingContext, target?: unknown): Promise<boolean> {
  // A Uri or URI string comes from a caller with every argument; a tree node or nothing, from the person.
  const interactive = !isUri(target) && typeof target !== 'string';
  if (target === undefined && !vscode.window.activeTextEditor) {
    const parked = ctx.workspace.drafts().filter((d) => isParked(d));
    if (parked.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No parked draft to resume.'));
      return false;
    }
    const picked = await vscode.window.showQuickPick(
      parked.map((d) => ({ label: d.title, description: d.status, uri: d.uri })),
      { title: vscode.l10n.t('Resume a Parked Draft'), placeHolder: vscode.l10n.t('Pick the draft to take up again') },
    );
    if (!picked) return false;
    target = vscode.Uri.parse(picked.uri);
  }
  const { uri, draft } = requireDraft(ctx, target);
  if (!isParked(draft)) throw new UserError(vscode.l10n.t('"{0}" is not parked.', draft.title));
  if (!(await confirmResume(ctx.workspace, draft, interactive))) return false;
  await editFrontMatter(ctx.workspace, uri, { [PARKED_FIELD]: undefined });
  log().info(`${vscode.workspace.asRelativePath(uri)}: resumed at ${draft.status}.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(play) Resumed “{0}” ({1}).', draft.title, draft.status), 4000);
  return true;
}

async function changeStatus(ctx: TrackingContext, uri: vscode.Uri, draft: Draft, status: string, interactive: boolean, checkFocus = true): Promise<boolean> {
  const kind = ctx.workspace.config.kinds[draft.kind];
  if (checkFocus && kind?.statuses.includes(status)) {
    const proceed = await confirmFocus(ctx.workspace, { uri: uri.toString(), title: draft.title, kind: draft.kind, fromStatus: draft.status, toStatus: status }, interactive);
    if (!proceed) return false;
  }
  const plan = planStatusChange(draft, kind, status, ctx.workspace.generatorFor(uri), today());
  if (!plan.ok) throw new UserError(plan.message);
  await editFrontMatter(ctx.workspace, uri, plan.fields);
  log().info(`${vscode.workspace.asRelativePath(uri)}: status ${draft.status} → ${status}. ${plan.notes.join(' ')}`.trim());
  vscode.window.setStatusBarMessage(`$(check) ${draft.title}: ${status}`, 4000);
  return true;
}

export async function revealInExplorer(target?: unknown): Promise<void> {
  const uri = resolveTarget(target);
  if (!uri) throw new UserError(vscode.l10n.t('Pick a draft to reveal.'));
  await vscode.commands.executeCommand('revealInExplorer', uri);
}

export async function openPreview(target?: unknown): Promise<void> {
  const uri = resolveTarget(target);
  if (!uri) throw new UserError(vscode.l10n.t('Pick a draft to preview.'));
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

export async function openDraft(target?: unknown): Promise<void> {
  const uri = resolveTarget(target);
  if (!uri) throw new UserError(vscode.l10n.t('Pick a draft to open.'));
  await vscode.window.showTextDocument(uri, { preview: true });
}

export async function groupBy(ctx: TrackingContext, value?: unknown): Promise<void> {
  let chosen = typeof value === 'string' ? value : undefined;
  if (chosen === undefined) {
    const options: { label: string; value: GroupBy }[] = [
      { label: vscode.l10n.t('Kind'), value: 'kind' },
      { label: vscode.l10n.t('Status'), value: 'status' },
      // Only offered when there is more than one site to tell apart.
      ...(ctx.workspace.sites().length > 1 ? [{ label: vscode.l10n.t('Site'), value: 'site' as const }] : []),
      { label: vscode.l10n.t('None'), value: 'none' },
    ];
    const picked = await vscode.window.showQuickPick(
      options.map((o) => ({ ...o, description: o.value === ctx.drafts.grouping ? 'current' : undefined })),
      { title: vscode.l10n.t('Group Drafts By') },
    );
    if (!picked) return;
    chosen = picked.value;
  }
  if (chosen !== 'kind' && chosen !== 'status' && chosen !== 'site' && chosen !== 'none')
    throw new UserError(vscode.l10n.t('Group by "{0}" is not possible. Use kind, status, site or none.', chosen));
  ctx.drafts.setGroupBy(chosen);
  await ctx.state.update(GROUP_BY_KEY, chosen);
}

export async function setHideFinished(ctx: TrackingContext, hide: boolean): Promise<void> {
  ctx.drafts.setHideFinished(hide);
  await ctx.state.update(HIDE_FINISHED_KEY, hide);
}

/** The view state a person chose last time in this workspace, over the settings' defaults. */
export function restoreViewState(ctx: TrackingContext): void {
  const grouping = ctx.state.get<GroupBy>(GROUP_BY_KEY);
  if (grouping) ctx.drafts.setGroupBy(grouping);
  const hide = ctx.state.get<boolean>(HIDE_FINISHED_KEY);
  if (hide !== undefined) ctx.drafts.setHideFinished(hide);
}

export async function filterByTag(ctx: TrackingContext, tag?: unknown): Promise<void> {
  let chosen = typeof tag === 'string' ? tag : undefined;
  if (chosen === undefined) {
    const tags = ctx.drafts.tags();
    if (tags.length === 0) throw new UserError(vscode.l10n.t('No draft has tags yet. Add "tags: [...]" to a draft\'s front matter to filter by them.'));
    const picked = await vscode.window.showQuickPick(
      tags.map((t) => ({ label: t.tag, description: t.count === 1 ? vscode.l10n.t('1 draft') : vscode.l10n.t('{0} drafts', t.count) })),
      { title: vscode.l10n.t('Filter Drafts by Tag'), placeHolder: vscode.l10n.t('Show only drafts with this tag') },
    );
    if (!picked) return;
    chosen = picked.label;
  }
  ctx.drafts.setTagFilter(chosen);
}

export function clearTagFilter(ctx: TrackingContext): void {
  ctx.drafts.setTagFilter(undefined);
}

export async function refresh(ctx: TrackingContext): Promise<void> {
  await ctx.workspace.refresh('refresh requested');
  ctx.drafts.refreshAll();
}

/** The status bar's quick pick: the draft's facts, then what can be done with it. */
export async function showDraftActions(ctx: TrackingContext, target?: unknown): Promise<void> {
  if (resolveTarget(target) === undefined) {
    // No editor and no draft given: offer the drafts rather than a warning.
    const drafts = ctx.workspace.drafts();
    if (drafts.length === 0) {
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('No drafts yet. Start one to see its facts and actions here.'), vscode.l10n.t('New Draft…'));
      if (choice) await vscode.commands.executeCommand(Commands.newDraft);
      return;
    }
    const picked = await vscode.window.showQuickPick(
      [...drafts].sort((a, b) => a.title.localeCompare(b.title)).map((d) => ({ label: d.title, description: `${d.kind} · ${d.status}`, uri: d.uri })),
      { title: vscode.l10n.t('Show Draft Facts and Actions'), placeHolder: vscode.l10n.t('Pick a draft') },
    );
    if (!picked) return;
    target = vscode.Uri.parse(picked.uri);
  }
  const { uri, draft } = requireDraft(ctx, target);
  const now = today();
  const kind = ctx.workspace.config.kinds[draft.kind];
  type Entry = vscode.QuickPickItem & { run?: () => Thenable<unknown> };
  const facts: Entry[] = [{ label: `${kind?.label ?? draft.kind} · ${draft.status}`, kind: vscode.QuickPickItemKind.Separator }];
  for (const date of draft.dates) facts.push({ label: `$(calendar) ${date.label}: ${date.date}`, description: relativeDay(daysBetween(now, date.date)) });
  const a = draft.analysis;
  if (a) {
    facts.push({ label: vscode.l10n.t('$(book) {0} words', a.words.toLocaleString('en-US')), description: vscode.l10n.t('{0} min read', a.readingMinutes) });
    if (a.checklist.total > 0) facts.push({ label: vscode.l10n.t('$(checklist) {0}/{1} tasks done', a.checklist.done, a.checklist.total) });
    if (a.talk || draft.duration !== undefined) facts.push({ label: vscode.l10n.t('$(megaphone) {0} planned', talkMeasure(a.talk?.plannedMinutes ?? 0, draft.duration)) });
  }
  const impact = new Map<string, number>();
  for (const entry of draft.impact ?? []) impact.set(entry.metric, (impact.get(entry.metric) ?? 0) + entry.value);
  if (impact.size > 0) {
    facts.push({ label: vscode.l10n.t('$(graph) Impact: {0}', [...impact].map(([metric, total]) => `${total.toLocaleString('en-US')} ${metric}`).join(', ')) });
  }
  for (const problem of draft.problems) facts.push({ label: `$(warning) ${problem.message}` });
  const next = kind ? nextStatus(kind, draft.status) : undefined;
  const actions: Entry[] = [
    { label: vscode.l10n.t('Actions'), kind: vscode.QuickPickItemKind.Separator },
    ...(next ? [{ label: vscode.l10n.t('$(arrow-right) Advance to {0}', next), run: () => vscode.commands.executeCommand(Commands.advanceStatus, uri) }] : []),
    { label: vscode.l10n.t('$(tag) Set Status…'), run: () => vscode.commands.executeCommand(Commands.setStatus, uri) },
    { label: vscode.l10n.t('$(graph) Log Impact…'), run: () => vscode.commands.executeCommand(Commands.logImpact, uri) },
    isParked(draft)
      ? { label: vscode.l10n.t('$(debug-start) Resume Draft'), run: () => vscode.commands.executeCommand(Commands.resumeDraft, uri) }
      : {
          label: vscode.l10n.t('$(debug-pause) Park Draft'),
          description: vscode.l10n.t('keeps the status, leaves the focus count'),
          run: () => vscode.commands.executeCommand(Commands.parkDraft, uri),
        },
    {
      label: vscode.l10n.t('$(symbol-snippet) Insert Snippet…'),
      description: vscode.l10n.t('or type devrel- and press Ctrl+Space'),
      run: async () => {
        await vscode.window.showTextDocument(uri);
        return vscode.commands.executeCommand(Commands.insertSnippet);
      },
    },
    { label: vscode.l10n.t('$(open-preview) Open Preview'), run: () => vscode.commands.executeCommand(Commands.openPreview, uri) },
    { label: vscode.l10n.t('$(list-tree) Show in Drafts View'), run: () => vscode.commands.executeCommand('devrel.drafts.focus') },
  ];
  const picked = await vscode.window.showQuickPick([...facts, ...actions], { title: draft.title, placeHolder: vscode.l10n.t('Facts about this draft, and what to do next') });
  if (picked?.run) await picked.run();
}

/**
 * "Add `polishing` to this kind's workflow": writes the kind's workflow, with the new status
 * after its last working step, to the workspace's `devrel.kinds` setting, keeping whatever else
 * that setting says. The draft then reads as valid once the settings reload.
 */
export async function addStatusToWorkflow(ctx: TrackingContext, kindId?: unknown, status?: unknown, scope?: unknown): Promise<boolean> {
  if (typeof kindId !== 'string' || typeof status !== 'string') throw new UserError(vscode.l10n.t('Add to Workflow needs a kind and a status, such as "blog" and "polishing".'));
  const kind = ctx.workspace.config.kinds[kindId];
  if (!kind) throw new UserError(vscode.l10n.t('"{0}" is not a known kind.', kindId));
  const workflow = workflowWithStatus(kind, status);
  if (!workflow) throw new UserError(vscode.l10n.t('"{0}" is already in the {1} workflow, or is empty.', status.trim(), kind.label.toLowerCase()));
  const config = vscode.workspace.getConfiguration('devrel', isUri(scope) ? scope : undefined);
  const written = config.inspect<Record<string, unknown>>('kinds')?.workspaceValue;
  const kinds = typeof written === 'object' && written !== null && !Array.isArray(written) ? { ...written } : {};
  const own = kinds[kindId];
  kinds[kindId] = { ...(typeof own === 'object' && own !== null && !Array.isArray(own) ? own : {}), statuses: workflow.statuses, activeStatuses: workflow.activeStatuses };
  await config.update('kinds', kinds, vscode.ConfigurationTarget.Workspace);
  log().info(`devrel.kinds: ${kindId} workflow is now ${workflow.statuses.join(' → ')}.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Added “{0}” to the {1} workflow (workspace settings).', status.trim(), kind.label.toLowerCase()), 5000);
  return true;
}

/** A quick pick whose highlighted item is chosen, not the first: showQuickPick always highlights the first. */
async function pickWithActive<T extends vscode.QuickPickItem>(items: T[], isActive: (item: T) => boolean, options: { title: string; placeHolder: string }): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeHolder;
  pick.items = items;
  const active = items.find(isActive);
  if (active) pick.activeItems = [active];
  try {
    return await new Promise<T | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}
