import * as vscode from 'vscode';
import { Commands } from '../constants';
import { blockingProblems, buildPublishPlan, remoteIdOf } from '../core/publish/payload';
import { renderPlanPreview } from '../core/publish/preview';
import { syncImpactEntries, writeBackFields, type RemoteError } from '../core/publish/remote';
import { isPlatform, PLATFORM_INFO, PLATFORMS, type Platform, type PublishPlan, type RemoteStats } from '../core/publish/types';
import { setFrontMatterFields } from '../core/frontMatter/edit';
import { editFrontMatter, editFrontMatterWith } from '../services/draftEdits';
import { PublishClient, PublishKeys, publishContextFor, readPublishSettings, RemoteFailure } from '../services/publishService';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { log, UserError } from '../util/logger';
import { PUBLISH_PREVIEW_SCHEME, type PublishPreviewProvider } from '../views/publishPreview';
import { today } from '../util/clock';
import { resolveTarget, targetOrPick } from './trackingCommands';
import { errorMessage } from '../core/util/result';

export interface PublishDeps {
  workspace: WorkspaceDrafts;
  state: vscode.Memento;
  keys: PublishKeys;
  client: PublishClient;
  preview: PublishPreviewProvider;
}

export interface PublishOptions {
  platform?: Platform;
  /** Show what would be sent and send nothing. Defaults to true the first time a draft goes to a platform, until it has been previewed or published there. */
  dryRun?: boolean;
  /** dev.to: publish (true) or keep as a dev.to draft (false). */
  published?: boolean;
  /** Go on although some relative links or images can't be made absolute. */
  ignoreUnresolved?: boolean;
  /** When the remote article was deleted, create it again instead of stopping. */
  recreate?: boolean;
}

export interface PublishResult {
  status: 'dry-run' | 'created' | 'updated' | 'failed' | 'cancelled';
  platform: Platform;
  id?: string;
  url?: string;
  /** Dry runs: what would be sent. */
  request?: { method: string; url: string; json: unknown };
  body?: string;
  problems?: { code: string; severity: string; message: string }[];
  unresolved?: { target: string; line: number; reason: string }[];
  error?: { kind: string; message: string; field?: string };
}

const PREVIEWED_KEY = 'devrel.publish.previewed';
const inFlight = new Set<string>();

/** `devrel.publish(target, { platform, dryRun?, published? })`: asks nothing when the platform is given. */
export async function publish(deps: PublishDeps, target?: unknown, rawOptions?: unknown): Promise<PublishResult | undefined> {
  const options = readOptions(rawOptions);
  const scripted = rawOptions !== undefined;
  // Run from a dry-run preview, Publish means the draft it previews.
  const previewed = resolveTarget(target);
  const given = previewed?.scheme === PUBLISH_PREVIEW_SCHEME ? previewed : target;
  const chosen = await targetOrPick(deps.workspace, given, 'Publish');
  if (!chosen) return undefined;
  const { uri } = requireDraft(deps, chosen.target);
  const platform = options.platform ?? (await pickPlatform(vscode.l10n.t('Publish to which platform?')));
  if (!platform) return undefined;
  const label = PLATFORM_INFO[platform].label;
  // One publish per draft, whatever the platform: each writes its id back into the same file.
  const lock = uri.toString();
  if (inFlight.has(lock))
    throw new UserError(vscode.l10n.t('{0} is already being published; wait for that to finish before publishing it to {1}.', vscode.workspace.asRelativePath(uri), label));
  inFlight.add(lock);
  try {
    return await runPublish(deps, uri, platform, options, scripted);
  } finally {
    inFlight.delete(lock);
  }
}

async function runPublish(deps: PublishDeps, uri: vscode.Uri, platform: Platform, options: PublishOptions, scripted: boolean): Promise<PublishResult> {
  const label = PLATFORM_INFO[platform].label;
  const document = await vscode.workspace.openTextDocument(uri);
  const context = await publishContextFor(deps.workspace, uri, document.getText());
  const plan = buildPublishPlan(document.getText(), context, { platform, published: options.published });
  const endpoint = readPublishSettings(uri).endpoints[platform];
  const previewed = deps.state.get<Record<string, boolean>>(PREVIEWED_KEY, {});
  const previewKey = `${platform}:${uri.toString()}`;
  // Once a draft has been previewed or published to a platform, publishing it there again sends
  // straight away. A remote id that came from elsewhere (copied, or set by another tool) still gets a preview first.
  const dryRun = options.dryRun ?? !previewed[previewKey];

  if (dryRun) {
    await deps.preview.show(label, uri, renderPlanPreview(plan, endpoint, context.relativePath));
    await deps.state.update(PREVIEWED_KEY, { ...previewed, [previewKey]: true });
    log().info(`${context.relativePath}: dry run for ${label} (${plan.action}); nothing sent.`);
    const result = dryRunResult(plan, endpoint);
    if (scripted) return result;
    const blocking = blockingProblems(plan);
    const choices =
      blocking.length > 0
        ? []
        : platform === 'devto' && plan.action === 'create'
          ? [vscode.l10n.t('Publish'), vscode.l10n.t('Save as Draft on dev.to')]
          : [plan.action === 'update' ? vscode.l10n.t('Update') : vscode.l10n.t('Publish')];
    const prompt =
      blocking.length > 0
        ? blocking.length === 1
          ? vscode.l10n.t('Dry run for {0}: fix the problem shown in the preview before publishing.', label)
          : vscode.l10n.t('Dry run for {0}: fix {1} problems shown in the preview before publishing.', label, blocking.length)
        : vscode.l10n.t('Dry run for {0}: check the preview, then send it.', label);
    const choice = await vscode.window.showInformationMessage(prompt, ...choices);
    if (!choice) return result;
    const published = choice === vscode.l10n.t('Save as Draft on dev.to') ? false : choice === vscode.l10n.t('Publish') ? true : options.published;
    return runPublish(deps, uri, platform, { ...options, dryRun: false, published }, scripted);
  }

  const blocking = blockingProblems(plan);
  if (blocking.length > 0) {
    throw new UserError(
      blocking.length === 1
        ? vscode.l10n.t('{0}: {1}', label, blocking[0].message)
        : blocking.length === 2
          ? vscode.l10n.t('{0}: {1} (and 1 more problem; run a dry run to see them)', label, blocking[0].message)
          : vscode.l10n.t('{0}: {1} (and {2} more problems; run a dry run to see them)', label, blocking[0].message, blocking.length - 1),
    );
  }
  if (plan.unresolved.length > 0 && !options.ignoreUnresolved) {
    const list = plan.unresolved.map((r) => r.target).join(', ');
    const message =
      plan.unresolved.length === 1
        ? vscode.l10n.t("One link or image can't be made absolute for {0}: {1}.", label, list)
        : vscode.l10n.t("{0} links or images can't be made absolute for {1}: {2}.", plan.unresolved.length, label, list);
    if (scripted) return failed(platform, { kind: 'validation', message: `${message} ${vscode.l10n.t('Nothing was sent.')}` });
    const choice = await vscode.window.showWarningMessage(
      message,
      { modal: true, detail: plan.unresolved.map((r) => `${r.target}: ${r.reason}`).join('\n') },
      vscode.l10n.t('Publish Anyway'),
    );
    if (choice !== vscode.l10n.t('Publish Anyway')) return { status: 'cancelled', platform };
  }

  const key = await deps.keys.get(platform);
  if (!key) {
    const message = vscode.l10n.t('No {0} API key is stored. Run DevRel: Set API Key first.', label);
    log().warn(`${context.relativePath}: ${message}`);
    void offerKey(platform, message);
    return failed(platform, { kind: 'unauthorized', message });
  }

  // For an article deleted on the platform: the same draft as a new article, without the stale id.
  const asNew = (): PublishPlan => {
    const withoutId = setFrontMatterFields(document.getText(), { [PLATFORM_INFO[platform].idField]: undefined });
    if (!withoutId.ok) throw new UserError(withoutId.message);
    return buildPublishPlan(withoutId.text, context, { platform, published: options.published ?? true });
  };
  try {
    const sent = await send(deps, plan, asNew, key, options, scripted);
    if (!sent) return { status: 'cancelled', platform };
    const fields = writeBackFields(platform, sent.response);
    try {
      await editFrontMatter(deps.workspace, uri, fields);
    } catch (error) {
      // The article exists now; without its id in the file the next publish would duplicate it.
      const reason = errorMessage(error);
      const info = PLATFORM_INFO[platform];
      throw new UserError(
        sent.action === 'update'
          ? vscode.l10n.t(
              'Updated on {0} as {1}, but its id could not be written back: {2} Add {3}: {4} to the front matter by hand so the next publish updates it.',
              label,
              sent.response.id,
              reason,
              info.idField,
              sent.response.id,
            )
          : vscode.l10n.t(
              'Published on {0} as {1}, but its id could not be written back: {2} Add {3}: {4} to the front matter by hand so the next publish updates it.',
              label,
              sent.response.id,
              reason,
              info.idField,
              sent.response.id,
            ),
      );
    }
    await deps.state.update(PREVIEWED_KEY, { ...deps.state.get<Record<string, boolean>>(PREVIEWED_KEY, {}), [previewKey]: true });
    const status = sent.action === 'update' ? 'updated' : 'created';
    log().info(`${context.relativePath}: ${status} on ${label} as ${sent.response.id}${sent.response.url ? ` (${sent.response.url})` : ''}.`);
    const open = vscode.l10n.t('Open on {0}', label);
    if (!scripted && sent.response.url) {
      void vscode.window
        .showInformationMessage(
          status === 'created' ? vscode.l10n.t('Published “{0}” on {1}.', plan.title, label) : vscode.l10n.t('Updated “{0}” on {1}.', plan.title, label),
          open,
        )
        .then((choice) => {
          if (choice === open && sent.response.url) void vscode.env.openExternal(vscode.Uri.parse(sent.response.url));
        });
    } else
      vscode.window.setStatusBarMessage(
        status === 'created'
          ? vscode.l10n.t('$(cloud-upload) Published “{0}” on {1}', plan.title, label)
          : vscode.l10n.t('$(cloud-upload) Updated “{0}” on {1}', plan.title, label),
        5000,
      );
    return { status, platform, id: sent.response.id, url: sent.response.url };
  } catch (error) {
    if (!(error instanceof RemoteFailure)) throw error;
    log().warn(`${context.relativePath}: publishing to ${label} failed: ${error.error.message}`);
    showFailure(platform, error.error, uri);
    return failed(platform, error.error);
  }
}

async function send(
  deps: PublishDeps,
  plan: PublishPlan,
  asNew: () => PublishPlan,
  key: string,
  options: PublishOptions,
  scripted: boolean,
): Promise<{ action: 'create' | 'update'; response: { id: string; url?: string } } | undefined> {
  try {
    return { action: plan.action, response: await deps.client.publish(plan.platform, plan.request, key) };
  } catch (error) {
    if (!(error instanceof RemoteFailure) || error.error.kind !== 'not-found' || plan.action !== 'update') throw error;
    const label = PLATFORM_INFO[plan.platform].label;
    let recreate = options.recreate === true;
    if (!scripted && !recreate) {
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('The {0} article {1} no longer exists; it may have been deleted there. Create it again?', label, String(plan.remoteId)),
        { modal: true },
        vscode.l10n.t('Create Again'),
      );
      recreate = choice === vscode.l10n.t('Create Again');
      if (!recreate) return undefined;
    }
    if (!recreate) throw error;
    const fresh = asNew();
    const blocking = blockingProblems(fresh);
    if (blocking.length > 0) throw new UserError(`${label}: ${blocking[0].message}`);
    return { action: 'create', response: await deps.client.publish(plan.platform, fresh.request, key) };
  }
}

function dryRunResult(plan: PublishPlan, endpoint: string): PublishResult {
  return {
    status: 'dry-run',
    platform: plan.platform,
    request: { method: plan.request.method, url: endpoint + plan.request.path, json: plan.request.json },
    body: plan.body,
    problems: plan.problems.map(({ code, severity, message }) => ({ code, severity, message })),
    unresolved: plan.unresolved,
  };
}

function failed(platform: Platform, error: Pick<RemoteError, 'kind' | 'message' | 'field'>): PublishResult {
  return { status: 'failed', platform, error: { kind: error.kind, message: error.message, field: error.field } };
}

function showFailure(platform: Platform, error: RemoteError, uri: vscode.Uri): void {
  if (error.kind === 'unauthorized') {
    void offerKey(platform, error.message);
    return;
  }
  const openDraft = vscode.l10n.t('Open Draft');
  const showLog = vscode.l10n.t('Show Log');
  const actions = error.kind === 'validation' ? [openDraft] : [showLog];
  void vscode.window.showErrorMessage(error.message, ...actions).then((choice) => {
    if (choice === openDraft) void vscode.window.showTextDocument(uri);
    if (choice === showLog) void vscode.commands.executeCommand(Commands.showLog);
  });
}

async function offerKey(platform: Platform, message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, vscode.l10n.t('Set API Key'));
  if (choice === vscode.l10n.t('Set API Key')) await vscode.commands.executeCommand(Commands.setApiKey, platform);
}

function readOptions(raw: unknown): PublishOptions {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UserError(vscode.l10n.t('Publish takes { platform: "devto" | "hashnode", dryRun?, published? }.'));
  const options = raw as Record<string, unknown>;
  if (options.platform !== undefined && !isPlatform(options.platform))
    throw new UserError(vscode.l10n.t('"{0}" is not a platform; use "devto" or "hashnode".', String(options.platform)));
  for (const flag of ['dryRun', 'published', 'ignoreUnresolved', 'recreate']) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') throw new UserError(vscode.l10n.t('Publish option {0} must be true or false.', flag));
  }
  return options as PublishOptions;
}

function requireDraft(deps: PublishDeps, target: unknown): { uri: vscode.Uri } {
  let uri = resolveTarget(target);
  // Run from a dry-run preview, Publish means the draft it previews.
  if (uri?.scheme === PUBLISH_PREVIEW_SCHEME && uri.query) uri = vscode.Uri.parse(uri.query);
  if (!uri) throw new UserError(vscode.l10n.t('Open a draft or pick one in the Drafts view first.'));
  if (!deps.workspace.get(uri))
    throw new UserError(vscode.l10n.t('{0} is not a DevRel draft. Add a "kind:" to its front matter to track it.', vscode.workspace.asRelativePath(uri)));
  return { uri };
}

async function pickPlatform(title: string): Promise<Platform | undefined> {
  const picked = await vscode.window.showQuickPick(
    PLATFORMS.map((id) => ({ label: PLATFORM_INFO[id].label, id })),
    { title },
  );
  return picked?.id;
}

/** `devrel.setApiKey(platform?, key?)`: with both, stores the key without asking. */
export async function setApiKey(deps: Pick<PublishDeps, 'keys'>, platformArg?: unknown, keyArg?: unknown): Promise<boolean> {
  if (platformArg !== undefined && !isPlatform(platformArg)) throw new UserError(vscode.l10n.t('"{0}" is not a platform; use "devto" or "hashnode".', String(platformArg)));
  if (keyArg !== undefined && typeof keyArg !== 'string') throw new UserError(vscode.l10n.t('The API key must be text.'));
  const platform = platformArg ?? (await pickPlatform(vscode.l10n.t('Set the API key for which platform?')));
  if (!platform) return false;
  const label = PLATFORM_INFO[platform].label;
  let key = keyArg?.trim();
  if (key === undefined) {
    key = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('{0} API key', label),
        prompt:
          platform === 'devto'
            ? vscode.l10n.t('Create one at dev.to → Settings → Extensions → DEV Community API Keys. It is kept in the editor’s secret storage.')
            : vscode.l10n.t('Create a Personal Access Token at hashnode.com → Settings → Developer. It is kept in the editor’s secret storage.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('Paste the key, or press Escape to cancel.')),
      })
    )?.trim();
    if (key === undefined) return false;
  }
  if (!key) throw new UserError(vscode.l10n.t('The {0} API key is empty; nothing was stored.', label));
  if (/\s/.test(key)) throw new UserError(vscode.l10n.t('The {0} API key contains spaces; paste only the key.', label));
  await deps.keys.store(platform, key);
  log().info(`${label} API key stored in the editor's secret storage.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(key) {0} API key stored', label), 4000);
  return true;
}

export async function clearApiKey(deps: Pick<PublishDeps, 'keys'>, platformArg?: unknown): Promise<boolean> {
  if (platformArg !== undefined && !isPlatform(platformArg)) throw new UserError(vscode.l10n.t('"{0}" is not a platform; use "devto" or "hashnode".', String(platformArg)));
  const platform = platformArg ?? (await pickPlatform(vscode.l10n.t('Remove the API key of which platform?')));
  if (!platform) return false;
  await deps.keys.delete(platform);
  log().info(`${PLATFORM_INFO[platform].label} API key removed from the editor's secret storage.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(key) {0} API key removed', PLATFORM_INFO[platform].label), 4000);
  return true;
}

export interface SyncReport {
  platform: Platform;
  /** Cross-posted drafts found for the platform. */
  drafts: number;
  /** Drafts whose impact entries changed. */
  updated: number;
  /** Articles the platform no longer lists. */
  missing: string[];
  /** Drafts whose impact log could not be changed, with why; their figures are the old ones. */
  failed: { path: string; message: string }[];
  error?: { kind: string; message: string };
  /** When the platform failed: when the last stats were fetched, if ever. */
  lastFetched?: string;
}

/** `devrel.syncStats({ platform? })`: fetches reach for every cross-posted draft and records it as impact. */
export async function syncStats(deps: PublishDeps, rawOptions?: unknown): Promise<SyncReport[]> {
  if (rawOptions !== undefined && (typeof rawOptions !== 'object' || rawOptions === null))
    throw new UserError(vscode.l10n.t('Sync Stats takes { platform?: "devto" | "hashnode" }.'));
  const wanted = (rawOptions as { platform?: unknown } | undefined)?.platform;
  if (wanted !== undefined && !isPlatform(wanted)) throw new UserError(vscode.l10n.t('"{0}" is not a platform; use "devto" or "hashnode".', String(wanted)));
  await deps.workspace.ready();
  const reports: SyncReport[] = [];
  for (const platform of wanted ? [wanted] : PLATFORMS) {
    const drafts = deps.workspace.drafts().filter((d) => remoteIdOf(d.fields, platform) !== undefined);
    if (drafts.length === 0) {
      if (wanted) reports.push({ platform, drafts: 0, updated: 0, missing: [], failed: [] });
      continue;
    }
    reports.push(await syncPlatform(deps, platform, drafts));
  }
  summarise(reports, rawOptions !== undefined);
  return reports;
}

async function syncPlatform(deps: PublishDeps, platform: Platform, drafts: ReturnType<WorkspaceDrafts['drafts']>): Promise<SyncReport> {
  const label = PLATFORM_INFO[platform].label;
  const report: SyncReport = { platform, drafts: drafts.length, updated: 0, missing: [], failed: [] };
  const key = await deps.keys.get(platform);
  if (!key) {
    report.error = { kind: 'unauthorized', message: vscode.l10n.t('No {0} API key is stored. Run DevRel: Set API Key first.', label) };
    return report;
  }
  const ids = drafts.map((d) => remoteIdOf(d.fields, platform) as string);
  let stats: RemoteStats[];
  try {
    stats = await deps.client.stats(platform, ids, key);
  } catch (error) {
    if (!(error instanceof RemoteFailure)) throw error;
    const cached = deps.client.cachedStats(platform);
    report.error = { kind: error.error.kind, message: error.error.message };
    report.lastFetched = cached?.fetchedAt;
    log().warn(`Sync Stats: ${error.error.message}${cached ? ` The impact log keeps the figures fetched ${cached.fetchedAt.slice(0, 10)}.` : ''}`);
    return report;
  }
  const byId = new Map(stats.map((s) => [s.id, s]));
  const day = today();
  for (const draft of drafts) {
    const id = remoteIdOf(draft.fields, platform) as string;
    const found = byId.get(id);
    if (!found) {
      report.missing.push(draft.relativePath);
      continue;
    }
    const url = typeof draft.fields[PLATFORM_INFO[platform].urlField] === 'string' ? (draft.fields[PLATFORM_INFO[platform].urlField] as string) : found.url;
    const uri = vscode.Uri.parse(draft.uri);
    const current = (await vscode.workspace.openTextDocument(uri)).getText();
    const preview = syncImpactEntries(current, platform, { ...found, url }, day);
    // Same figures as last time: the file is left exactly as it is.
    if (preview.ok && preview.text === current) continue;
    try {
      await editFrontMatterWith(deps.workspace, uri, (text) => syncImpactEntries(text, platform, { ...found, url }, day));
      report.updated++;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      report.failed.push({ path: draft.relativePath, message: error.message });
      log().warn(`Sync Stats: ${draft.relativePath}: ${error.message}`);
    }
  }
  log().info(`Sync Stats: ${label}: ${stats.length} of ${drafts.length} cross-posts read, ${report.updated} impact log${report.updated === 1 ? '' : 's'} changed.`);
  return report;
}

function summarise(reports: SyncReport[], scripted: boolean): void {
  if (reports.length === 0) {
    if (!scripted) void vscode.window.showInformationMessage(vscode.l10n.t('No draft is cross-posted yet: publish one to dev.to or Hashnode first.'));
    return;
  }
  const failedReports = reports.filter((r) => r.error);
  for (const report of failedReports) {
    const label = PLATFORM_INFO[report.platform].label;
    const kept = report.lastFetched ? ` ${vscode.l10n.t('Your impact log keeps the figures from {0}.', report.lastFetched.slice(0, 10))}` : '';
    const message = `${report.error?.message ?? ''}${kept}`;
    if (report.error?.kind === 'unauthorized') void offerKey(report.platform, message);
    else void vscode.window.showWarningMessage(vscode.l10n.t('Sync Stats ({0}): {1}', label, message));
  }
  const ok = reports.filter((r) => !r.error);
  if (ok.length > 0) {
    const notRecorded = ok.flatMap((r) => r.failed);
    if (notRecorded.length > 0) {
      const first = notRecorded[0];
      const more = notRecorded.length - 1;
      const warning =
        more === 0
          ? vscode.l10n.t('Sync Stats: reach could not be recorded in {0}: {1}', first.path, first.message)
          : more === 1
            ? vscode.l10n.t('Sync Stats: reach could not be recorded in {0} (and 1 more; see the log): {1}', first.path, first.message)
            : vscode.l10n.t('Sync Stats: reach could not be recorded in {0} (and {1} more; see the log): {2}', first.path, more, first.message);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showWarningMessage(warning, showLog).then((choice) => {
        if (choice === showLog) void vscode.commands.executeCommand(Commands.showLog);
      });
      return;
    }
    const parts = ok.map(
      (r) => `${PLATFORM_INFO[r.platform].label}: ${r.drafts} post${r.drafts === 1 ? '' : 's'}${r.missing.length ? `, ${r.missing.length} no longer listed` : ''}`,
    );
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(sync) Reach synced — {0}', parts.join('; ')), 5000);
  }
}
