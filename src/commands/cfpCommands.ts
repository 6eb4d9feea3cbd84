import * as vscode from 'vscode';
import { Commands } from '../constants';
import { cfpCountries, cfpKey, type Cfp, type CfpFilter } from '../core/talks/cfpFeed';
import { findSubmission } from '../core/talks/submissions';
import type { CfpFeedService } from '../services/cfpFeeds';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { log, UserError } from '../util/logger';
import type { CfpTreeProvider } from '../views/cfpTree';
import { addSubmission } from './talkCommands';
import { resolveTarget } from './trackingCommands';

export interface CfpContext {
  workspace: WorkspaceDrafts;
  feeds: CfpFeedService;
  tree: CfpTreeProvider;
}

/** Refresh CFPs: fetches every feed again. Returns how many open calls the view shows. */
export async function refreshCfps(ctx: CfpContext): Promise<number> {
  await ctx.feeds.refresh();
  const count = ctx.tree.visibleCalls().length;
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(megaphone) {0} open calls for papers', count), 4000);
  return count;
}

/** Filter CFPs…: `{ text?, attendance?, country?, withinDays? }` sets the filter; without it, asks. */
export async function filterCfps(ctx: CfpContext, arg?: unknown): Promise<CfpFilter | undefined> {
  if (arg !== undefined) {
    if (typeof arg !== 'object' || arg === null) throw new UserError(vscode.l10n.t('Filter CFPs takes { text?, attendance?: "online" | "in-person", country?, withinDays? }.'));
    const a = arg as Record<string, unknown>;
    if (a.attendance !== undefined && a.attendance !== 'online' && a.attendance !== 'in-person') throw new UserError(vscode.l10n.t('attendance must be "online" or "in-person".'));
    if (a.withinDays !== undefined && (typeof a.withinDays !== 'number' || !(a.withinDays >= 0)))
      throw new UserError(vscode.l10n.t('withinDays must be a number of days, 0 or more.'));
    await ctx.tree.setFilter(a as CfpFilter);
    return ctx.tree.filter;
  }
  const current = ctx.tree.filter;
  type Choice = vscode.QuickPickItem & { apply: () => Promise<CfpFilter | undefined> };
  const choices: Choice[] = [
    { label: vscode.l10n.t('$(search) Text…'), description: current.text, apply: async () => withText(current) },
    { label: vscode.l10n.t('$(globe) Online only'), picked: current.attendance === 'online', apply: async () => ({ ...current, attendance: 'online' }) },
    { label: vscode.l10n.t('$(person) In person'), picked: current.attendance === 'in-person', apply: async () => ({ ...current, attendance: 'in-person' }) },
    { label: vscode.l10n.t('$(location) Country…'), description: current.country, apply: async () => withCountry(ctx, current) },
    {
      label: vscode.l10n.t('$(calendar) Closing within…'),
      description: current.withinDays !== undefined ? vscode.l10n.t('{0} days', current.withinDays) : undefined,
      apply: async () => withDays(current),
    },
    { label: vscode.l10n.t('$(clear-all) Clear all filters'), apply: async () => ({}) },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Filter CFPs'), placeHolder: vscode.l10n.t('Narrow the open calls for papers') });
  if (!picked) return undefined;
  const next = await picked.apply();
  if (!next) return undefined;
  await ctx.tree.setFilter(next);
  return ctx.tree.filter;
}

async function withText(current: CfpFilter): Promise<CfpFilter | undefined> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter CFPs by text'),
    prompt: vscode.l10n.t('Words in the name, place or link; empty shows all.'),
    value: current.text,
  });
  if (text === undefined) return undefined;
  return { ...current, text: text.trim() || undefined };
}

async function withCountry(ctx: CfpContext, current: CfpFilter): Promise<CfpFilter | undefined> {
  const countries = cfpCountries(ctx.feeds.current.calls);
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Any country'), country: undefined as string | undefined },
      ...countries.map((c) => ({ label: c.country, description: `${c.count}`, country: c.country as string | undefined })),
    ],
    { title: vscode.l10n.t('Filter CFPs by country') },
  );
  if (!picked) return undefined;
  return { ...current, country: picked.country };
}

async function withDays(current: CfpFilter): Promise<CfpFilter | undefined> {
  const days = await vscode.window.showInputBox({
    title: vscode.l10n.t('CFPs closing within…'),
    prompt: vscode.l10n.t('Number of days from today; empty shows all.'),
    value: current.withinDays !== undefined ? String(current.withinDays) : '30',
    validateInput: (value) => (value.trim() === '' || /^\d{1,4}$/.test(value.trim()) ? undefined : vscode.l10n.t('Enter a number of days.')),
  });
  if (days === undefined) return undefined;
  return { ...current, withinDays: days.trim() === '' ? undefined : Number(days.trim()) };
}

export async function clearCfpFilter(ctx: CfpContext): Promise<void> {
  await ctx.tree.setFilter({});
}

/** A call from a tree row, a call object, or its CFP URL. */
async function resolveCfp(ctx: CfpContext, arg: unknown): Promise<Cfp> {
  const candidate = typeof arg === 'object' && arg !== null && (arg as { type?: unknown }).type === 'cfp' ? (arg as { cfp: unknown }).cfp : arg;
  const url = typeof candidate === 'string' ? candidate : typeof candidate === 'object' && candidate !== null ? (candidate as { cfpUrl?: unknown }).cfpUrl : undefined;
  if (typeof url !== 'string' || !url) throw new UserError(vscode.l10n.t('Pick a call for papers in the CFPs view first.'));
  await ctx.feeds.ensureLoaded();
  const known = ctx.feeds.current.calls.find((c) => cfpKey(c.cfpUrl) === cfpKey(url));
  if (known) return known;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as { name?: unknown }).name === 'string' &&
    typeof (candidate as { cfpDeadline?: unknown }).cfpDeadline === 'string'
  ) {
    return { ...(candidate as Cfp), sources: [] };
  }
  throw new UserError(vscode.l10n.t('No call for papers at {0} is in the CFP feeds.', url));
}

export async function openCfp(ctx: CfpContext, arg?: unknown): Promise<boolean> {
  const cfp = await resolveCfp(ctx, arg);
  return vscode.env.openExternal(vscode.Uri.parse(cfp.cfpUrl));
}

/**
 * Track…: turns a call into a submission on an existing talk, or into a new talk from the
 * template with the event filled in. `(call, talkUri)` and `(call, { title })` ask nothing.
 * Returns the talk's Uri.
 */
export async function trackCfp(ctx: CfpContext, arg?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const cfp = await resolveCfp(ctx, arg);
  if (typeof target === 'object' && target !== null && !(target instanceof vscode.Uri) && typeof (target as { title?: unknown }).title === 'string') {
    return createTalk(cfp, (target as { title: string }).title);
  }
  let talk: vscode.Uri | undefined;
  if (target !== undefined) {
    talk = resolveTarget(target);
    if (!talk) throw new UserError(vscode.l10n.t('The talk must be a Uri, or { title } for a new talk.'));
  } else {
    const picked = await pickTalkFor(ctx, cfp);
    if (!picked) return undefined;
    if (picked === 'new') return createTalk(cfp, undefined);
    talk = picked;
  }
  const draft = ctx.workspace.get(talk);
  if (draft && findSubmission(draft.submissions, cfp.name)) throw new UserError(vscode.l10n.t('"{0}" already tracks {1}.', draft.title, cfp.name));
  const added = await addSubmission({ workspace: ctx.workspace }, talk, {
    event: cfp.name,
    cfpUrl: cfp.cfpUrl,
    cfpDeadline: cfp.cfpDeadline,
    eventDate: cfp.eventStart,
    status: 'draft',
  });
  return added ? talk : undefined;
}

async function pickTalkFor(ctx: CfpContext, cfp: Cfp): Promise<vscode.Uri | 'new' | undefined> {
  const talks = ctx.workspace
    .drafts()
    .filter((d) => d.kind === 'talk')
    .sort((a, b) => a.title.localeCompare(b.title));
  type Item = vscode.QuickPickItem & { value: vscode.Uri | 'new' };
  const items: Item[] = [
    { label: vscode.l10n.t('$(add) New talk…'), description: vscode.l10n.t('from the template, for {0}', cfp.name), value: 'new' },
    ...(talks.length > 0 ? [{ label: vscode.l10n.t('Existing talks'), kind: vscode.QuickPickItemKind.Separator, value: 'new' as const }] : []),
    ...talks.map((d) => ({
      label: d.title,
      description: d.submissions?.length ? vscode.l10n.t('{0} · {1} submitted elsewhere', d.status, d.submissions.length) : d.status,
      value: vscode.Uri.parse(d.uri),
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Track {0}', cfp.name),
    placeHolder: vscode.l10n.t('Closes {0}. Submit which talk?', cfp.cfpDeadline),
  });
  return picked?.value;
}

/** A new talk from the template; the talk's own event fields and its first submission both name the call. */
async function createTalk(cfp: Cfp, title: string | undefined): Promise<vscode.Uri | undefined> {
  const fields: Record<string, unknown> = {
    event: cfp.name,
    cfp_deadline: cfp.cfpDeadline,
    ...(cfp.eventStart ? { event_date: cfp.eventStart } : {}),
    submissions: [
      {
        event: cfp.name,
        cfp_url: cfp.cfpUrl,
        cfp_deadline: cfp.cfpDeadline,
        ...(cfp.eventStart ? { event_date: cfp.eventStart } : {}),
        status: 'draft',
      },
    ],
  };
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.newDraft, {
    kind: 'talk',
    ...(title !== undefined ? { title } : {}),
    fields,
    open: title === undefined,
  });
  if (uri) log().info(`CFPs: tracking ${cfp.name} in the new talk ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
