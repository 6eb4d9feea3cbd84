import * as vscode from 'vscode';
import { appendSiteFrontMatterListItem } from '../core/sites/frontMatterFields';
import { FEEDBACK_FIELD, FEEDBACK_STATUSES, feedbackEntryFields, feedbackIndexIn, isFeedbackStatus, newFeedbackEntry, type NewFeedbackInput } from '../core/feedback';
import { setFrontMatterListItemFields } from '../core/frontMatter/edit';
import type { FeedbackEntry } from '../core/types';
import { editFrontMatterWith } from '../services/draftEdits';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { log, UserError } from '../util/logger';
import { today } from '../util/clock';
import type { FeedbackNode } from '../views/feedbackTree';
import { resolveTarget } from './trackingCommands';

export interface FeedbackContext {
  workspace: WorkspaceDrafts;
}

const STATUS_DETAILS: Record<string, string> = {
  open: vscode.l10n.t('Brought back, not yet handed over'),
  acknowledged: vscode.l10n.t('The product team has seen it'),
  planned: vscode.l10n.t('On the roadmap'),
  shipped: vscode.l10n.t('Done: tell the developers who asked'),
  declined: vscode.l10n.t('Answered with a no'),
};

/**
 * Appends one entry to a draft's `feedback:` list. With an input object it asks nothing;
 * otherwise it asks for the summary, then an optional area and link.
 */
export async function logFeedback(ctx: FeedbackContext, target?: unknown, input?: unknown): Promise<boolean> {
  const uri = await pickDraft(ctx, target, vscode.l10n.t('Log Feedback'));
  if (!uri) return false;
  const draft = ctx.workspace.get(uri);
  if (!draft) throw new UserError(vscode.l10n.t("{0} is not a DevRel draft, so it can't hold feedback.", vscode.workspace.asRelativePath(uri)));
  let request: NewFeedbackInput | undefined;
  if (input !== undefined) {
    if (typeof input !== 'object' || input === null) throw new UserError(vscode.l10n.t('Log Feedback takes { summary, area?, link?, date?, status? }.'));
    request = input as NewFeedbackInput;
  } else {
    request = await askForFeedback(draft.title);
    if (!request) return false;
  }
  const checked = newFeedbackEntry(request, today());
  if (!checked.ok) throw new UserError(checked.message);
  const generator = ctx.workspace.generatorFor(uri);
  await editFrontMatterWith(ctx.workspace, uri, (text) => appendSiteFrontMatterListItem(text, FEEDBACK_FIELD, feedbackEntryFields(checked.entry), generator));
  log().info(`${vscode.workspace.asRelativePath(uri)}: logged feedback "${checked.entry.summary}" (${checked.entry.status}).`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(feedback) Logged feedback for {0}', draft.title), 4000);
  return true;
}

/**
 * Moves one feedback entry to a status. The entry comes from a Feedback view node, or from a
 * draft and its summary; whatever is missing is asked for.
 */
export async function setFeedbackStatus(ctx: FeedbackContext, target?: unknown, summary?: unknown, status?: unknown): Promise<boolean> {
  if (summary !== undefined && typeof summary !== 'string') throw new UserError(vscode.l10n.t('The feedback must be named by its summary, as text.'));
  if (status !== undefined && typeof status !== 'string') throw new UserError(vscode.l10n.t('The status must be one of: {0}.', FEEDBACK_STATUSES.join(', ')));
  const node = isFeedbackNode(target) ? target : undefined;
  await ctx.workspace.ready();
  const uri = node ? vscode.Uri.parse(node.uri) : await pickDraftWithFeedback(ctx, target);
  if (!uri) return false;
  const draft = ctx.workspace.get(uri);
  if (!draft) throw new UserError(vscode.l10n.t('{0} is not a DevRel draft.', vscode.workspace.asRelativePath(uri)));
  const entries = draft.feedback ?? [];
  let entry: FeedbackEntry | undefined;
  const named = typeof summary === 'string' ? summary : node?.entry.summary;
  if (named !== undefined) {
    const key = named.trim().toLowerCase().replace(/\s+/g, ' ');
    const matches = entries.filter((e) => e.summary.toLowerCase().replace(/\s+/g, ' ') === key);
    entry = matches.find((e) => e.index === node?.entry.index) ?? matches[0];
    if (!entry)
      throw new UserError(
        entries.length > 0
          ? vscode.l10n.t('"{0}" has no feedback "{1}". Its feedback: {2}.', draft.title, named, entries.map((e) => e.summary).join('; '))
          : vscode.l10n.t('"{0}" has no feedback "{1}".', draft.title, named),
      );
  } else {
    if (entries.length === 0) throw new UserError(vscode.l10n.t('"{0}" has no feedback yet. Log some with DevRel: Log Feedback… first.', draft.title));
    const picked =
      entries.length === 1
        ? { entry: entries[0] }
        : await vscode.window.showQuickPick(
            entries.map((e) => ({ label: e.summary, description: e.status, detail: e.area, entry: e })),
            { title: vscode.l10n.t('Set Feedback Status: {0}', draft.title), placeHolder: vscode.l10n.t('Which feedback?') },
          );
    if (!picked) return false;
    entry = picked.entry;
  }
  let chosen = typeof status === 'string' ? status.trim().toLowerCase() : undefined;
  if (chosen === undefined) {
    const picked = await vscode.window.showQuickPick(
      FEEDBACK_STATUSES.map((s) => ({ label: s, description: s === entry?.status ? vscode.l10n.t('current') : undefined, detail: STATUS_DETAILS[s] })),
      { title: vscode.l10n.t('Set Feedback Status: {0}', entry.summary), placeHolder: vscode.l10n.t('Now {0}. Move it to…', entry.status) },
    );
    if (!picked) return false;
    chosen = picked.label;
  }
  if (!isFeedbackStatus(chosen)) throw new UserError(vscode.l10n.t('"{0}" is not a feedback status. Use one of: {1}.', chosen, FEEDBACK_STATUSES.join(', ')));
  const target_ = entry;
  const next = chosen;
  await editFrontMatterWith(ctx.workspace, uri, (text) => {
    const index = feedbackIndexIn(text, target_.summary, target_.index);
    if (index === undefined) return { ok: false, message: vscode.l10n.t('The feedback "{0}" is no longer in {1}.', target_.summary, vscode.workspace.asRelativePath(uri)) };
    return setFrontMatterListItemFields(text, FEEDBACK_FIELD, index, { status: next });
  });
  log().info(`${vscode.workspace.asRelativePath(uri)}: feedback "${entry.summary}": ${entry.status} → ${next}.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Feedback {0}: {1}', next, entry.summary), 4000);
  return true;
}

function isFeedbackNode(value: unknown): value is Extract<FeedbackNode, { type: 'feedback' }> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'feedback' && typeof (value as { uri?: unknown }).uri === 'string';
}

async function pickDraft(ctx: FeedbackContext, target: unknown, title: string): Promise<vscode.Uri | undefined> {
  const uri = resolveTarget(target);
  if (uri && ctx.workspace.get(uri)) return uri;
  if (target !== undefined && target !== null) return uri;
  const drafts = ctx.workspace.drafts().sort((a, b) => Number(b.kind === 'trip-report') - Number(a.kind === 'trip-report') || a.title.localeCompare(b.title));
  if (drafts.length === 0) throw new UserError(vscode.l10n.t('There are no drafts yet. Create a trip report with DevRel: New Conference Trip Report first.'));
  const picked = await vscode.window.showQuickPick(
    drafts.map((d) => ({ label: d.title, description: `${d.kind} · ${d.status}`, uri: d.uri })),
    { title: vscode.l10n.t('{0}: which piece of work did it come from?', title), matchOnDescription: true },
  );
  return picked ? vscode.Uri.parse(picked.uri) : undefined;
}

async function pickDraftWithFeedback(ctx: FeedbackContext, target: unknown): Promise<vscode.Uri | undefined> {
  const uri = resolveTarget(target);
  if (uri && ctx.workspace.get(uri)?.feedback) return uri;
  if (target !== undefined && target !== null) return uri;
  const drafts = ctx.workspace.drafts().filter((d) => d.feedback && d.feedback.length > 0);
  if (drafts.length === 0) throw new UserError(vscode.l10n.t('No draft has feedback yet. Log some with DevRel: Log Feedback… first.'));
  const picked = await vscode.window.showQuickPick(
    drafts.flatMap((d) => (d.feedback ?? []).map((e) => ({ label: e.summary, description: `${e.status} · ${d.title}`, uri: d.uri }))),
    { title: vscode.l10n.t('Set Feedback Status: which feedback?'), matchOnDescription: true },
  );
  return picked ? vscode.Uri.parse(picked.uri) : undefined;
}

async function askForFeedback(title: string): Promise<NewFeedbackInput | undefined> {
  const summary = await vscode.window.showInputBox({
    title: vscode.l10n.t('Log Feedback: {0}', title),
    prompt: vscode.l10n.t('What did developers ask for, in a sentence?'),
    placeHolder: vscode.l10n.t('e.g. Export traces as Parquet for the data team'),
    validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('Write what developers asked for; feedback needs a summary.')),
  });
  if (summary === undefined) return undefined;
  const area = await vscode.window.showInputBox({
    title: vscode.l10n.t('Log Feedback: product area (optional)'),
    prompt: vscode.l10n.t('Which part of the product? Leave empty to skip.'),
    placeHolder: vscode.l10n.t('e.g. CLI'),
  });
  if (area === undefined) return undefined;
  const link = await vscode.window.showInputBox({
    title: vscode.l10n.t('Log Feedback: link (optional)'),
    prompt: vscode.l10n.t('A link to the issue or the thread. Leave empty to skip.'),
    placeHolder: vscode.l10n.t('https://…'),
    validateInput: (text) => (text.trim() === '' || /^https?:\/\/\S+$/i.test(text.trim()) ? undefined : vscode.l10n.t('Use an http:// or https:// address, or leave it empty.')),
  });
  if (link === undefined) return undefined;
  return { summary, area: area.trim() || undefined, link: link.trim() || undefined };
}
