import * as vscode from 'vscode';
import { exists } from '../util/fileSystem';
import { normaliseFolder } from '../core/config';
import type { Settings } from '../services/settings';
import { expandFileNamePattern, resolveNewFilePath } from '../core/fileName';
import { locateFrontMatter, parseFrontMatter } from '../core/frontMatter/parse';
import type { FrontMatterValue } from '../core/frontMatter/edit';
import { dateInputProblem, datePreview } from '../core/relativeDate';
import {
  applyDraftFields,
  firstStatus,
  genericTemplateText,
  parseNewDraftRequest,
  pathInside,
  placeDraft,
  relativeFolder,
  unknownKindMessage,
  untrustedTemplateQuestion,
  withTomlFrontMatter,
  type NewDraftRequest,
} from '../core/templates/scaffold';
import { siteContaining } from '../core/sites/detect';
import { generatorRules } from '../core/sites/generators';
import {
  dominantExtension,
  dominantFrontMatterFormat,
  kindFolderCandidates,
  siteOfFolder,
  siteProfile,
  unpublishedField,
  withExtension,
  type FolderCandidate,
} from '../core/sites/profile';
import type { FolderKindMapping } from '../core/types';
import { writeFolderSettings } from '../services/workspaceSettingsFile';
import type { WorkspaceSite } from '../services/workspaceDrafts';
import { slugify } from '../core/slug';
import { folderRef } from '../core/target';
import { builtinTemplates, isSitePostKind } from '../core/kinds/registry';
import { templatesToCustomize } from '../core/templates/customize';
import { templateFromDraft } from '../core/templates/fromDraft';
import type { Template } from '../core/templates/parseTemplate';
import { renderTemplate } from '../core/templates/render';
import { answerWarning, promptableVariables, resolveAnswer, standardVariables, templatePromptVariables, VARIABLE_PROMPTS, variablesToAsk } from '../core/templates/variables';
import { BACK, inputStep, runSteps, type StepPlace, type StepResult } from './multiStep';
import { confirmFocus } from './focusCommands';
import { log, UserError } from '../util/logger';
import { outsideWorkspaceReason } from '../services/realPaths';
import { TEMPLATES_FOLDER, type TemplateStore } from '../services/templateStore';
import { kindIcon } from '../views/presentation';
import { today } from '../util/clock';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { isUri, resolveTarget } from './trackingCommands';
import { errorMessage } from '../core/util/result';

export interface ScaffoldContext {
  workspace: WorkspaceDrafts;
  settings: Settings;
  templates: TemplateStore;
}

export interface CustomizeResult {
  folder: vscode.Uri;
  written: vscode.Uri[];
  skipped: vscode.Uri[];
}

/** Where the person asked for the draft to go, before a workspace folder is chosen. */
type FolderTarget = { type: 'uri'; uri: vscode.Uri } | { type: 'relative'; path: string } | { type: 'none' };

const GIT_TIMEOUT_MS = 1500;
const AUTHOR_CACHE_MS = 5 * 60_000;
// Git may still be opening the repository; an empty answer is asked again sooner.
const NO_AUTHOR_CACHE_MS = 20_000;

/** New Blog Post and the other per-kind commands: `arg` is `{ title, folder?, fields?, open? }` or nothing. */
export async function newDraftOfKind(ctx: ScaffoldContext, kind: string, arg?: unknown): Promise<vscode.Uri | undefined> {
  const request = parseNewDraftRequest(arg, kind);
  if (!request.ok) throw new UserError(request.message);
  return createDraft(ctx, request.value, folderTargetOf(request.value.folder));
}

/** New Draft…: `{ kind, title, folder?, fields?, open? }`; with kind and title it asks nothing. */
export async function newDraft(ctx: ScaffoldContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  // A Uri is what a folder menu passes; treat it like New Draft Here.
  if (arg instanceof vscode.Uri) return newDraftHere(ctx, arg);
  const request = parseNewDraftRequest(arg);
  if (!request.ok) throw new UserError(request.message);
  return createDraft(ctx, request.value, folderTargetOf(request.value.folder));
}

/**
 * New Draft Here, from the Explorer's folder menu: `(folderUri, { kind, title, fields?, open? })`.
 * The Explorer passes the selection as the second argument; that is not a request and is ignored.
 */
export async function newDraftHere(ctx: ScaffoldContext, target?: unknown, arg?: unknown): Promise<vscode.Uri | undefined> {
  // Without a target resolveTarget would fall back to the active editor, which nobody right-clicked.
  const uri = target === undefined || target === null ? undefined : resolveTarget(target);
  if (!uri) throw new UserError(vscode.l10n.t('Right-click a folder in the Explorer to create a draft in it.'));
  const request = parseNewDraftRequest(Array.isArray(arg) ? undefined : arg);
  if (!request.ok) throw new UserError(request.message);
  if (request.value.folder !== undefined) throw new UserError(vscode.l10n.t('New Draft Here takes the folder as its first argument; leave folder out of the options.'));
  let folderUri = uri;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.Directory)) folderUri = vscode.Uri.joinPath(uri, '..');
  } catch {
    // A folder that doesn't exist yet is created along with the draft.
  }
  return createDraft(ctx, request.value, { type: 'uri', uri: folderUri });
}

function folderTargetOf(folder: unknown): FolderTarget {
  const ref = folderRef(folder, isUri);
  switch (ref.type) {
    case 'uriString':
      return { type: 'uri', uri: vscode.Uri.parse(ref.uri) };
    case 'path':
      return { type: 'uri', uri: vscode.Uri.file(ref.path) };
    case 'invalid':
      throw new UserError(ref.message);
    default:
      return ref;
  }
}

// ---------------------------------------------------------------------------------------------
// Creating a draft

async function createDraft(ctx: ScaffoldContext, request: NewDraftRequest, target: FolderTarget): Promise<vscode.Uri | undefined> {
  // A caller that names the kind and the title is a script: it gets no prompts at all.
  const scripted = request.kind !== undefined && request.title !== undefined;
  const now = today();

  const place = await chooseWorkspaceFolder(target, scripted);
  if (!place) return undefined;
  const { folder: workspaceFolder } = place;

  const templates = await ctx.templates.templatesFor(workspaceFolder);
  const picked = await chooseTemplate(ctx, templates, request.kind, scripted);
  if (!picked) return undefined;
  const template = vscode.workspace.isTrusted || picked.builtin ? picked : await confirmUntrustedTemplate(picked, workspaceFolder);
  if (!template) return undefined;
  const kind = template.kind;
  const kindLabel = inSentence(ctx.workspace.config.kinds[kind]?.label ?? template.name);

  const given = givenAnswers(template, request.fields);
  const answers: Record<string, string> = { ...given };
  for (const name of promptableVariables(template)) answers[name] ??= '';
  let title = request.title;
  if (!scripted) {
    // The title and each variable are counted steps of one flow, with Back.
    const toAsk = variablesToAsk(template, Object.keys(given));
    const state: DraftAnswers = { title, answers };
    const steps = [
      ...(title === undefined ? [(step: StepPlace, s: DraftAnswers) => askTitleStep(step, s)] : []),
      ...toAsk.map((name) => (step: StepPlace, s: DraftAnswers) => askVariableStep(name, step, s, now)),
    ];
    const done = await runSteps(vscode.l10n.t('New {0}', kindLabel), state, steps);
    if (!done) return undefined;
    title = done.title;
  }
  if (title === undefined) return undefined;

  const settings = ctx.settings.forFolder(workspaceFolder.uri);
  const author = settings.author.trim() || (await gitUserName(workspaceFolder));
  const rendered = renderTemplate(template, standardVariables({ title, today: now, author, kind, answers }));
  if (rendered.problems.length > 0) {
    throw new UserError(vscode.l10n.t('The template {0} does not give valid front matter: {1}', templateLabel(template), rendered.problems[0]));
  }

  const sites = await ctx.workspace.sitesOf(workspaceFolder);
  // Where the kind already lives: asked once when there are several places, then remembered.
  let chosen: FolderCandidate | undefined;
  if (place.relativeFolder === undefined && settings.folders[kind] === undefined && template.folder === undefined) {
    const mappings: FolderKindMapping[] = Object.entries(settings.folderKinds).map(([folder, mapped]) => ({ folder: normaliseFolder(folder), kind: mapped }));
    const candidates = kindFolderCandidates(kind, sites, mappings);
    chosen = candidates.length > 1 ? await chooseKindFolder(ctx, workspaceFolder, kind, kindLabel, candidates, scripted) : candidates[0];
    if (candidates.length > 1 && chosen === undefined) return undefined;
  }
  const rootSite = sites.find((site) => site.root === '');
  const profile = siteProfile((chosen?.site as WorkspaceSite | undefined) ?? rootSite ?? (sites.length === 1 ? sites[0] : undefined));
  if (chosen) profile.folders[kind] = chosen.folder;
  const siteFor = (folder: string): WorkspaceSite | undefined => siteOfFolder(sites, folder) ?? siteContaining(sites, folder);
  const placement = placeDraft({
    kind,
    requestedFolder: place.relativeFolder,
    settingFolder: settings.folders[kind],
    settingPattern: settings.fileNamePatterns[kind],
    template,
    profile,
    patternFor: (folder) => {
      const site = isSitePostKind(kind) ? siteOfFolder(sites, folder) : undefined;
      const existing = dominantExtension(ctx.workspace.index.uris().filter((uri) => isDirectlyIn(workspaceFolder, folder, uri)));
      const pattern = site ? generatorRules(site.generator).postFileName : undefined;
      if (pattern === undefined && existing === undefined) return undefined;
      const base = pattern ?? profile.fileNamePatterns[kind] ?? profile.defaultFileNamePattern;
      return {
        pattern: existing ? withExtension(base, existing) : base,
        source: site ? vscode.l10n.t('the {0}', siteProfile(site).label) : folder ? vscode.l10n.t('the files in {0}', folder) : vscode.l10n.t('the files in the folder'),
      };
    },
  });
  if (!placement.ok) throw new UserError(placement.message);
  const folder = placement.value.folder;
  const generator = siteFor(folder)?.generator ?? 'none';

  const status = firstStatus(ctx.workspace.config.kinds[kind], ctx.templates.declaredStatuses(workspaceFolder, kind));
  const fields: Record<string, FrontMatterValue> = {
    ...(status !== undefined ? { status } : {}),
    // A new post must not go live with the next build of the site.
    ...(isSitePostKind(kind) ? unpublishedField(generator) : {}),
    // Some generators refuse to build a post without a date.
    ...(isSitePostKind(kind) && generator !== 'none' && generatorRules(generator).requiredOnNewPost?.includes('date') ? { date: now } : {}),
    ...request.fields,
  };
  const applied = applyDraftFields(rendered, fields);
  if (!applied.ok) throw new UserError(vscode.l10n.t('The fields could not be set: {0}', applied.message));
  // Zola's posts are TOML, and so are many Hugo sites' (its default for years): a post written in YAML would stand out among them.
  const rules = generator !== 'none' ? generatorRules(generator) : undefined;
  const folderFormat = (): 'toml' | undefined =>
    dominantFrontMatterFormat(
      ctx.workspace
        .drafts()
        .filter((d) => d.kind === kind && isUnder(workspaceFolder, folder, d.uri))
        .map((d) => d.frontMatterFormat),
    );
  const toml = isSitePostKind(kind) && (rules?.frontMatter === 'toml' || folderFormat() === 'toml') ? withTomlFrontMatter(applied, rules?.strictFrontMatter) : undefined;
  if (toml && !toml.ok) throw new UserError(vscode.l10n.t("The new post's front matter could not be written as TOML: {0}", toml.message));
  const content = toml?.ok ? toml.value : applied;
  // A draft created straight into active work counts against the focus limit.
  const startStatus = typeof fields.status === 'string' ? fields.status : undefined;
  if (startStatus !== undefined && !(await confirmFocus(ctx.workspace, { title, kind, toStatus: startStatus }, !scripted))) return undefined;

  const name = expandFileNamePattern(placement.value.pattern, {
    date: now,
    slug: slugify(title),
    year: now.slice(0, 4),
    month: now.slice(5, 7),
    kind,
    title,
  });
  if (!name.ok) throw new UserError(vscode.l10n.t('{0} (from {1})', name.message, placement.value.patternSource));

  await checkFolder(workspaceFolder, folder);
  const fileUri = await newFileUri(workspaceFolder, folder, name.fileName);
  await writeNewFile(workspaceFolder, fileUri, content.text);
  const relative = vscode.workspace.asRelativePath(fileUri);
  log().info(`Created ${relative} from ${template.builtin ? `the built-in ${kind} template` : template.source}.`);

  const document = await vscode.workspace.openTextDocument(fileUri);
  if (request.open) await showWithTabStops(document, content.text, content.snippet);
  ctx.workspace.applyDocument(document);

  if (rendered.unknownVariables.length > 0) {
    const names = rendered.unknownVariables.map((v) => `{{${v}}}`).join(', ');
    const one = rendered.unknownVariables.length === 1;
    log().warn(`${relative}: ${templateLabel(template)} uses ${names}, which DevRel Desk has no value for.`);
    void vscode.window.showWarningMessage(
      one
        ? vscode.l10n.t('{0}: the template uses {1}, which is not a variable DevRel Desk knows, so it was left in the file as written.', relative, names)
        : vscode.l10n.t('{0}: the template uses {1}, which are not variables DevRel Desk knows, so they were left in the file as written.', relative, names),
    );
  }
  return fileUri;
}

async function chooseWorkspaceFolder(target: FolderTarget, scripted: boolean): Promise<{ folder: vscode.WorkspaceFolder; relativeFolder?: string } | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new UserError(vscode.l10n.t('Open a folder first: DevRel Desk creates drafts inside a workspace folder.'));
  if (target.type === 'uri') {
    const folder = vscode.workspace.getWorkspaceFolder(target.uri);
    const inside = folder ? pathInside(folder.uri.path, target.uri.path) : undefined;
    if (!folder || inside === undefined || target.uri.scheme !== folder.uri.scheme || target.uri.authority !== folder.uri.authority) {
      throw new UserError(
        vscode.l10n.t(
          '{0} is not inside an open workspace folder; drafts are only created in the workspace.',
          target.uri.scheme === 'file' ? target.uri.fsPath : target.uri.toString(),
        ),
      );
    }
    return { folder, relativeFolder: inside };
  }
  if (target.type === 'relative') {
    const checked = relativeFolder(target.path);
    if (!checked.ok) throw new UserError(checked.message);
    const [first, ...rest] = checked.value.split('/');
    // In a multi-root workspace a path may start with the folder's name, as the Explorer shows it.
    const named = folders.length > 1 ? folders.find((f) => f.name === first) : undefined;
    if (named) return { folder: named, relativeFolder: rest.join('/') };
    if (folders.length === 1 || scripted) return { folder: defaultFolder(folders), relativeFolder: checked.value };
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which workspace folder should {0} be in?', checked.value), ignoreFocusOut: true });
    return picked ? { folder: picked, relativeFolder: checked.value } : undefined;
  }
  if (folders.length === 1 || scripted) return { folder: defaultFolder(folders) };
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which workspace folder should the new draft go into?'), ignoreFocusOut: true });
  return picked ? { folder: picked } : undefined;
}

/** Without a choice, the folder of the file being edited, else the first one. */
function defaultFolder(folders: readonly vscode.WorkspaceFolder[]): vscode.WorkspaceFolder {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) || folders[0];
}

async function chooseTemplate(ctx: ScaffoldContext, templates: Template[], kind: string | undefined, scripted: boolean): Promise<Template | undefined> {
  const config = ctx.workspace.config.kinds;
  // Kinds that settings define but no template covers still get a plain draft.
  const plain = Object.keys(config)
    .filter((id) => !templates.some((t) => t.kind === id))
    .map((id): Template => ({ kind: id, name: config[id]?.label ?? id, source: `settings:${id}`, builtin: true, text: genericTemplateText(id, config[id]?.statuses[0]) }));
  const all = [...templates, ...plain];
  const candidates = kind === undefined ? all : all.filter((t) => t.kind === kind);
  if (kind !== undefined && candidates.length === 0) {
    throw new UserError(unknownKindMessage(kind, [...new Set(all.map((t) => t.kind))]));
  }
  if (candidates.length === 1 || (scripted && candidates.length > 0)) return candidates[0];

  const items = candidates.map((template) => ({
    label: `$(${kindIcon(template.kind).id}) ${template.name}`,
    description: template.source.startsWith('settings:') ? vscode.l10n.t('front matter only') : template.builtin ? undefined : template.source,
    detail: template.description,
    template,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: kind === undefined ? vscode.l10n.t('New Draft') : vscode.l10n.t('New {0}', config[kind]?.label ?? kind),
    placeHolder: kind === undefined ? vscode.l10n.t('What do you want to write?') : vscode.l10n.t('Which template?'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.template;
}

/** In Restricted Mode a workspace template is used only once the person has seen where it comes from. */
async function confirmUntrustedTemplate(template: Template, folder: vscode.WorkspaceFolder): Promise<Template | undefined> {
  const builtin = builtinTemplates().find((t) => t.kind === template.kind);
  const question = untrustedTemplateQuestion(template, folder.name, builtin !== undefined);
  const buttons = question.builtin !== undefined ? [question.use, question.builtin] : [question.use];
  const choice = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, ...buttons);
  if (choice === question.use) return template;
  return choice !== undefined && choice === question.builtin ? builtin : undefined;
}

interface DraftAnswers {
  title?: string;
  answers: Record<string, string>;
}

async function askTitleStep(place: StepPlace, state: DraftAnswers): Promise<StepResult<true>> {
  const title = await inputStep(place, {
    prompt: vscode.l10n.t('Title: it goes into the front matter and names the file.'),
    value: state.title,
    placeholder: vscode.l10n.t('e.g. Shipping WebAssembly plugins in Go'),
    validate: (value) => (value.trim() === '' ? vscode.l10n.t('Enter a title: the draft needs one for its front matter and its file name.') : undefined),
  });
  if (title === undefined || title === BACK) return title;
  state.title = title.trim();
  return true;
}

/** One optional prompt. Escape cancels the whole command; Back returns to the step before; an empty answer skips. */
async function askVariableStep(name: string, place: StepPlace, state: DraftAnswers, now: string): Promise<StepResult<true>> {
  const prompt = VARIABLE_PROMPTS[name];
  if (!prompt) return true;
  const value = await inputStep(
    { ...place, title: state.title ? `${place.title}: ${state.title}` : place.title },
    {
      prompt: vscode.l10n.t('{0}: leave empty to skip.', prompt.prompt),
      value: state.answers[name] ?? '',
      placeholder: prompt.placeHolder,
      validate: (input): string | vscode.InputBoxValidationMessage | undefined => {
        if (prompt.type === 'date') {
          const problem = dateInputProblem(input, now);
          if (problem !== undefined) return problem;
          const checked = resolveAnswer(name, input, now);
          const warning = checked.ok && checked.value ? answerWarning(name, checked.value, state.answers) : undefined;
          if (warning) return { message: warning, severity: vscode.InputBoxValidationSeverity.Warning };
          // Saying which day `next friday` or a typed date is catches a wrong guess before it is saved.
          const preview = datePreview(input, now);
          return preview ? { message: preview, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
        }
        const checked = resolveAnswer(name, input, now);
        return checked.ok ? undefined : checked.message;
      },
    },
  );
  if (value === undefined || value === BACK) return value;
  const checked = resolveAnswer(name, value, now);
  state.answers[name] = checked.ok ? checked.value : '';
  return true;
}

/** Field values the caller passed that the template also uses as variables, so the body agrees with the front matter. */
function givenAnswers(template: Template, fields: Record<string, FrontMatterValue>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const name of templatePromptVariables(template)) {
    const value = fields[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') answers[name] = String(value);
  }
  return answers;
}

/**
 * Asks once where drafts of a kind go when several folders hold them, and remembers the answer
 * in the workspace folder's settings. A script gets the first folder, and nothing is written.
 */
async function chooseKindFolder(
  ctx: ScaffoldContext,
  workspaceFolder: vscode.WorkspaceFolder,
  kind: string,
  kindLabel: string,
  candidates: FolderCandidate[],
  scripted: boolean,
): Promise<FolderCandidate | undefined> {
  if (scripted) {
    log().info(`New ${kindLabel}: ${candidates.length} folders hold ${kind} drafts; used ${candidates[0].folder}. Set devrel.folders.${kind} to choose.`);
    return candidates[0];
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((candidate) => ({ label: `$(folder) ${candidate.folder}`, description: candidate.source, candidate })),
    {
      title: vscode.l10n.t('New {0}', kindLabel),
      placeHolder: vscode.l10n.t('Where do new {0}s go? The answer is saved in .vscode/settings.json.', kindLabel),
      ignoreFocusOut: true,
    },
  );
  if (!picked) return undefined;
  const folders = { ...ctx.settings.forFolder(workspaceFolder.uri).folders, [kind]: picked.candidate.folder };
  try {
    await writeFolderSettings(ctx.settings, workspaceFolder, { folders });
    log().info(`Remembered devrel.folders.${kind} = ${picked.candidate.folder} in ${workspaceFolder.name}.`);
  } catch (error) {
    // The draft is still created; only remembering failed.
    log().warn(`Could not remember the folder for ${kind}: ${errorMessage(error)}`);
  }
  return picked.candidate;
}

/** Whether `uri` is a file directly inside `folder` of the workspace folder. */
function isDirectlyIn(workspaceFolder: vscode.WorkspaceFolder, folder: string, uri: string): boolean {
  const base = (folder === '' ? workspaceFolder.uri : vscode.Uri.joinPath(workspaceFolder.uri, ...folder.split('/'))).toString() + '/';
  return uri.startsWith(base) && !uri.slice(base.length).includes('/');
}

/** Whether `uri` is anywhere below `folder` of the workspace folder, a page bundle's `index.md` included. */
function isUnder(workspaceFolder: vscode.WorkspaceFolder, folder: string, uri: string): boolean {
  const base = (folder === '' ? workspaceFolder.uri : vscode.Uri.joinPath(workspaceFolder.uri, ...folder.split('/'))).toString() + '/';
  return uri.startsWith(base);
}

function templateLabel(template: Template): string {
  return template.builtin ? `for ${template.kind}` : template.source;
}

/** "Blog post" → "blog post" for "New blog post"; acronyms such as "OSS contribution" stay. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

// ---------------------------------------------------------------------------------------------
// Files

/** A free file name in `folder` (workspace-relative): `post.md`, else `post-2.md`, `post-3.md`… */
async function newFileUri(workspaceFolder: vscode.WorkspaceFolder, folder: string, fileName: string): Promise<vscode.Uri> {
  const toUri = (relative: string): vscode.Uri => (relative === '' ? workspaceFolder.uri : vscode.Uri.joinPath(workspaceFolder.uri, ...relative.split('/')));
  const resolved = await resolveNewFilePath(folder, fileName, (candidate) => exists(toUri(candidate)));
  if (!resolved.ok) throw new UserError(resolved.message);
  const uri = toUri(resolved.path);
  const inside = pathInside(toUri(folder).path, uri.path);
  if (inside === undefined || inside === '' || inside.includes('/')) {
    throw new UserError(
      folder
        ? vscode.l10n.t('"{0}" would land outside {1}; check the file name pattern.', fileName, folder)
        : vscode.l10n.t('"{0}" would land outside the workspace folder; check the file name pattern.', fileName),
    );
  }
  return uri;
}

/** Refuses a target "folder" that is a file, or sits under one, before any name is tried in it. */
async function checkFolder(workspaceFolder: vscode.WorkspaceFolder, folder: string): Promise<void> {
  const parts = folder === '' ? [] : folder.split('/');
  for (let depth = parts.length; depth > 0; depth--) {
    const uri = vscode.Uri.joinPath(workspaceFolder.uri, ...parts.slice(0, depth));
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      // Missing (or below a file, which a shallower step reports): it will be created.
      continue;
    }
    if (stat.type & vscode.FileType.Directory) return;
    throw new UserError(vscode.l10n.t('{0} is a file, not a folder; choose a folder for the new draft.', parts.slice(0, depth).join('/')));
  }
}

/**
 * Creates `uri` with `text`, making missing folders. Never replaces a file: one that appears after
 * the name was chosen stops the command. When writing fails, whatever this call made is removed
 * again, so a failed draft leaves nothing half-written behind.
 */
async function writeNewFile(workspaceFolder: vscode.WorkspaceFolder, uri: vscode.Uri, text: string): Promise<void> {
  const relative = vscode.workspace.asRelativePath(uri);
  // Path strings can't see a folder the repository commits as a link to somewhere else.
  const outside = await outsideWorkspaceReason(workspaceFolder, uri);
  if (outside !== undefined)
    throw new UserError(vscode.l10n.t('Cannot create {0}: {1}. DevRel Desk only writes inside the workspace folder, so nothing was created.', relative, outside));
  const parent = vscode.Uri.joinPath(uri, '..');
  const created: vscode.Uri[] = [];
  const bytes = new TextEncoder().encode(text);
  let writing = false;
  try {
    for (let dir = parent; pathInside(workspaceFolder.uri.path, dir.path) !== undefined; dir = vscode.Uri.joinPath(dir, '..')) {
      const stat = await statOrUndefined(dir);
      if (stat && !(stat.type & vscode.FileType.Directory))
        throw new UserError(vscode.l10n.t('Cannot create {0}: {1} is a file, not a folder.', relative, vscode.workspace.asRelativePath(dir)));
      if (stat) break;
      created.unshift(dir);
      if (dir.path === workspaceFolder.uri.path) break;
    }
    if (created.length > 0) await vscode.workspace.fs.createDirectory(parent);
    if (await exists(uri)) throw new UserError(vscode.l10n.t('{0} appeared while the draft was being made; nothing was overwritten. Try again.', relative));
    writing = true;
    await vscode.workspace.fs.writeFile(uri, bytes);
  } catch (error) {
    await cleanUp(writing ? uri : undefined, bytes, created);
    if (error instanceof UserError) throw error;
    throw new UserError(vscode.l10n.t('Could not create {0}: {1}', relative, describeFileError(error)));
  }
}

async function cleanUp(written: vscode.Uri | undefined, bytes: Uint8Array, createdFolders: vscode.Uri[]): Promise<void> {
  if (written) {
    try {
      const content = await vscode.workspace.fs.readFile(written);
      // Only a file that holds nothing but (part of) what this command wrote is ours to remove.
      if (content.length <= bytes.length && content.every((byte, i) => byte === bytes[i])) await vscode.workspace.fs.delete(written, { useTrash: false });
    } catch {
      // Nothing was written.
    }
  }
  for (const dir of [...createdFolders].reverse()) {
    try {
      if ((await vscode.workspace.fs.readDirectory(dir)).length === 0) await vscode.workspace.fs.delete(dir, { recursive: false, useTrash: false });
    } catch {
      // Never created, or not empty: leave it.
    }
  }
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

function describeFileError(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    switch (error.code) {
      case 'NoPermissions':
        return vscode.l10n.t('the folder is read-only or you do not have permission to write there.');
      case 'FileNotFound':
        return vscode.l10n.t('its folder does not exist and could not be created.');
      case 'FileExists':
        return vscode.l10n.t('a file with that name already exists; nothing was overwritten.');
      case 'Unavailable':
        return vscode.l10n.t('the file system is not available (read-only or disconnected).');
    }
  }
  const message = errorMessage(error);
  return /EACCES|EPERM|EROFS|read-only/i.test(message) ? vscode.l10n.t('the folder is read-only or you do not have permission to write there ({0}).', message) : message;
}

/**
 * Opens the new file with its tab stops live: the plain text is already on disk, and the snippet
 * that produces the same text replaces it, so the cursor lands on the first placeholder. Saving
 * afterwards leaves the editor clean. If the editor changed the text while inserting (indentation
 * rules), the plain text wins.
 */
async function showWithTabStops(document: vscode.TextDocument, text: string, snippet: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  // keepWhitespace is honoured by newer editors and ignored by older ones; without it tabs may become spaces.
  const options = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true } as { undoStopBefore: boolean; undoStopAfter: boolean };
  const inserted = await editor.insertSnippet(new vscode.SnippetString(snippet), whole, options);
  if (!inserted || document.getText() !== text) {
    const range = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    await editor.edit((edit) => edit.replace(range, text));
    const block = locateFrontMatter(text);
    const start = document.positionAt(block.type === 'closed' ? block.block.end : 0);
    editor.selection = new vscode.Selection(start, start);
  }
  if (document.isDirty) await document.save();
}

// ---------------------------------------------------------------------------------------------
// Templates

/** Customize Templates: copies the built-in templates into `.devrel/templates/`, never replacing a file. */
export async function customizeTemplates(ctx: ScaffoldContext, target?: unknown): Promise<CustomizeResult | undefined> {
  const folder = await workspaceFolderFor(target, vscode.l10n.t('Which workspace folder should get the templates?'));
  if (!folder) return undefined;
  const dir = ctx.templates.templatesFolder(folder);
  const written: vscode.Uri[] = [];
  const skipped: vscode.Uri[] = [];
  const outside = await outsideWorkspaceReason(folder, dir);
  if (outside !== undefined) throw new UserError(vscode.l10n.t('Could not write the templates to {0}: {1}. Nothing was written.', TEMPLATES_FOLDER, outside));
  try {
    await vscode.workspace.fs.createDirectory(dir);
    for (const file of templatesToCustomize()) {
      const uri = vscode.Uri.joinPath(dir, file.fileName);
      // A link planted under a template's name would be written through, wherever it points.
      const through = await outsideWorkspaceReason(folder, uri);
      if (through !== undefined) throw new UserError(through);
      if (await exists(uri)) {
        skipped.push(uri);
        continue;
      }
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.text));
      written.push(uri);
    }
  } catch (error) {
    const done =
      written.length === 0
        ? ''
        : ` ${written.length === 1 ? vscode.l10n.t('{0} was written before that.', fileList(written)) : vscode.l10n.t('{0} were written before that.', fileList(written))}`;
    throw new UserError(vscode.l10n.t('Could not write the templates to {0}: {1}{2}', TEMPLATES_FOLDER, describeFileError(error), done));
  }
  await ctx.templates.reload(folder);
  log().info(`Customize Templates in ${folder.name}: wrote ${fileList(written) || 'nothing'}; kept ${fileList(skipped) || 'nothing'}.`);

  const first = written[0] ?? skipped[0];
  if (first) await vscode.window.showTextDocument(first, { preview: true });
  const where = vscode.workspace.asRelativePath(dir, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const message =
    written.length === 0
      ? vscode.l10n.t('The templates are already in {0}; nothing was overwritten. Edit them there.', where)
      : [
          written.length === 1
            ? vscode.l10n.t('Wrote 1 template to {0}: {1}.', where, fileList(written))
            : vscode.l10n.t('Wrote {0} templates to {1}: {2}.', written.length, where, fileList(written)),
          ...(skipped.length > 0 ? [vscode.l10n.t('Kept your existing {0}.', fileList(skipped))] : []),
          vscode.l10n.t('New drafts use them; edit them to make them yours.'),
        ].join(' ');
  void vscode.window.showInformationMessage(message);
  return { folder: dir, written, skipped };
}

/** Create Template from Current File: `(uri?, name?)`; with a name it asks nothing. */
export async function createTemplateFromFile(ctx: ScaffoldContext, target?: unknown, nameArg?: unknown): Promise<vscode.Uri | undefined> {
  const uri = resolveTarget(target);
  if (!uri) throw new UserError(vscode.l10n.t('Open the draft you want to turn into a template first.'));
  if (nameArg !== undefined && (typeof nameArg !== 'string' || nameArg.trim() === '')) {
    throw new UserError(vscode.l10n.t('The template name must be non-empty text, like "Conference keynote".'));
  }
  const scripted = typeof nameArg === 'string';
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    throw new UserError(vscode.l10n.t('Could not open {0}: {1}', vscode.workspace.asRelativePath(uri), describeFileError(error)));
  }
  const text = document.getText();
  const draft = ctx.workspace.get(uri);
  let kind = draft?.kind ?? frontMatterKind(text);
  if (kind === undefined) {
    if (scripted) throw new UserError(vscode.l10n.t('{0} has no kind; add "kind: talk" (or another kind) to its front matter first.', vscode.workspace.asRelativePath(uri)));
    kind = await pickKind(ctx);
    if (kind === undefined) return undefined;
  }
  const name = scripted
    ? (nameArg as string).trim()
    : await askTemplateName(
        draft?.title ??
          document.uri.path
            .split('/')
            .pop()
            ?.replace(/\.\w+$/, '') ??
          '',
      );
  if (name === undefined) return undefined;

  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? (await workspaceFolderFor(undefined, vscode.l10n.t('Which workspace folder should keep the template?'), scripted));
  if (!folder) return undefined;
  const made = templateFromDraft(text, kind, name, firstStatus(ctx.workspace.config.kinds[kind], ctx.templates.declaredStatuses(folder, kind)));
  if (made.text === undefined) throw new UserError(vscode.l10n.t('{0} cannot become a template: {1}', vscode.workspace.asRelativePath(uri), made.problems.join(' ')));
  for (const problem of made.problems) log().warn(`Create Template from ${vscode.workspace.asRelativePath(uri)}: ${problem}`);

  const templateUri = await newFileUri(folder, TEMPLATES_FOLDER, `${slugify(name)}.md`);
  await writeNewFile(folder, templateUri, made.text);
  await ctx.templates.reload(folder);
  await vscode.window.showTextDocument(templateUri, { preview: false });
  const relative = vscode.workspace.asRelativePath(templateUri);
  log().info(`Saved ${relative} as a ${kind} template made from ${vscode.workspace.asRelativePath(uri)}.`);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Saved the template "{0}" as {1}. New Draft… offers it for {2}.', name, relative, ctx.workspace.config.kinds[kind]?.label ?? kind),
  );
  return templateUri;
}

async function askTemplateName(suggestion: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Template from Current File'),
    prompt: vscode.l10n.t('Template name: New Draft… lists it under this name, and the file is named after it.'),
    value: suggestion,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value.trim() === '') return vscode.l10n.t('Enter a name, like "Conference keynote".');
      return value.trim().length > 80 ? vscode.l10n.t('Keep the name under 80 characters; it is shown in a list.') : undefined;
    },
  });
  return name?.trim();
}

async function pickKind(ctx: ScaffoldContext): Promise<string | undefined> {
  const kinds = ctx.workspace.config.kinds;
  const picked = await vscode.window.showQuickPick(
    Object.values(kinds).map((k) => ({ label: `$(${kindIcon(k.id).id}) ${k.label}`, description: k.id, id: k.id })),
    {
      title: vscode.l10n.t('Create Template from Current File'),
      placeHolder: vscode.l10n.t('The file has no kind. What kind of draft is the template for?'),
      ignoreFocusOut: true,
    },
  );
  return picked?.id;
}

function frontMatterKind(text: string): string | undefined {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') return undefined;
  const kind = parseFrontMatter(text, location.block).data.kind;
  return typeof kind === 'string' && kind.trim() !== '' ? kind.trim() : undefined;
}

async function workspaceFolderFor(target: unknown, placeHolder: string, scripted = false): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new UserError(vscode.l10n.t('Open a folder first: templates live in a workspace folder.'));
  if (target !== undefined && target !== null) {
    const uri =
      typeof target === 'object' && 'uri' in target && (target as { uri: unknown }).uri instanceof vscode.Uri ? (target as vscode.WorkspaceFolder).uri : resolveTarget(target);
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) throw new UserError(vscode.l10n.t('Pick a folder that is part of the workspace.'));
    return folder;
  }
  if (folders.length === 1 || scripted) return defaultFolder(folders);
  return vscode.window.showWorkspaceFolderPick({ placeHolder, ignoreFocusOut: true });
}

function fileList(uris: readonly vscode.Uri[]): string {
  return uris.map((uri) => uri.path.split('/').pop()).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Author

interface GitRepository {
  rootUri: vscode.Uri;
  getConfig(key: string): Promise<string>;
  getGlobalConfig(key: string): Promise<string>;
}

interface GitApi {
  repositories: GitRepository[];
  getRepository?(uri: vscode.Uri): GitRepository | null;
}

const authorCache = new Map<string, { name: string; at: number }>();

/**
 * `user.name` from the built-in Git extension, when it is there and knows a repository for the
 * folder. Best effort and bounded in time: an empty author is better than a slow command.
 */
async function gitUserName(folder: vscode.WorkspaceFolder): Promise<string> {
  const key = folder.uri.toString();
  const cached = authorCache.get(key);
  if (cached && Date.now() - cached.at < (cached.name ? AUTHOR_CACHE_MS : NO_AUTHOR_CACHE_MS)) return cached.name;
  let name = '';
  try {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    // Only a Git extension the editor already started: starting it here would hold up the
    // command, and its file watchers restarting can drop events for a folder made right then.
    const api = extension?.isActive ? extension.exports.getAPI(1) : undefined;
    const repository = api?.getRepository?.(folder.uri) ?? api?.repositories.find((r) => pathInside(r.rootUri.path, folder.uri.path) !== undefined);
    if (repository) {
      name = ((await withTimeout(repository.getConfig('user.name'), GIT_TIMEOUT_MS)) || (await withTimeout(repository.getGlobalConfig('user.name'), GIT_TIMEOUT_MS)) || '').trim();
    }
  } catch {
    // Git disabled, not a repository, or no user.name: the author stays empty.
  }
  authorCache.set(key, { name, at: Date.now() });
  return name;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
