import * as vscode from 'vscode';
import { exists } from '../util/fileSystem';
import { appendFrontMatterListItem } from '../core/frontMatter/edit';
import type { DeckFormat } from '../core/talks/deck/format';
import { marpFormat } from '../core/talks/deck/marp';
import { changedSections, writeDeck, type DeckChanges } from '../core/talks/deck/merge';
import { buildDeck } from '../core/talks/deck/model';
import { buildHandout, handoutOwnership } from '../core/talks/handout';
import { parseTalkOutline, type TalkOutline } from '../core/talks/outline';
import { compareRun, describeRun, rehearsalEntryFields, rehearsalPlan, type Clock, type RehearsalRun, type RehearsalSnapshot } from '../core/talks/rehearsal';
import { editFrontMatterWith } from '../services/draftEdits';
import type { RehearsalSession } from '../services/rehearsalSession';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { log, UserError } from '../util/logger';
import { today } from '../util/clock';
import type { SpeakerNotesView } from '../views/speakerNotesView';
import { resolveTarget } from './trackingCommands';

export interface TalkStageContext {
  workspace: WorkspaceDrafts;
  session: RehearsalSession;
  notes: SpeakerNotesView;
}

/** Slide formats by id. A second format is one more module and one more entry here. */
const DECK_FORMATS: Readonly<Record<string, DeckFormat>> = { marp: marpFormat };

/** How many numbered files (`talk.slides-2.md`…) to try beside a file that isn't DevRel Desk's. */
const MAX_BESIDE = 20;

/** What Stop Rehearsal (and Next Section after the last section) returns. */
export interface RehearsalStopResult {
  recorded: boolean;
  run?: RehearsalRun;
  /** Why nothing was written to the talk, when nothing was. */
  message?: string;
}

// ---------------------------------------------------------------------------------------------
// Export

/** `devrel.exportSlides(target, { format: 'marp', uri? })`: writes or updates the deck and returns its Uri. */
export async function exportSlides(ctx: TalkStageContext, target?: unknown, options?: unknown): Promise<vscode.Uri | undefined> {
  const request = exportOptions(options);
  const format = DECK_FORMATS[request.format];
  if (!format) throw new UserError(vscode.l10n.t('"{0}" is not a slide format DevRel Desk writes. Use one of: {1}.', request.format, Object.keys(DECK_FORMATS).join(', ')));
  const talk = await pickTalk(ctx, target, vscode.l10n.t('Export Slides'));
  if (!talk) return undefined;
  const { outline, relativePath } = await readOutline(talk);
  if (outline.sections.length === 0) {
    throw new UserError(
      vscode.l10n.t(
        '{0} has no sections to make slides from. Give each part of the talk a heading with its minute budget, such as "## Intro (5 min)", then export again.',
        relativePath,
      ),
    );
  }
  const deck = buildDeck(outline, { speaker: ctx.workspace.currentSettings.author, source: relativePath });
  const first = request.uri ?? siblingUri(talk, `${format.fileSuffix}.md`);
  if (first.toString() === talk.toString()) throw new UserError(vscode.l10n.t('The slides would overwrite the talk itself. Choose another file for them.'));

  const leftAlone: vscode.Uri[] = [];
  for (let n = 1; n <= MAX_BESIDE; n++) {
    const uri = n === 1 ? first : numbered(first, n);
    const existing = await readExisting(uri);
    const result = writeDeck(format, deck, existing);
    if (!result.ok) {
      leftAlone.push(uri);
      continue;
    }
    if (result.text !== existing) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
    log().info(`Export Slides: ${relativePath} → ${vscode.workspace.asRelativePath(uri)} (${result.created ? 'created' : 'updated'}).`);
    announce(uri, exportMessage(format, uri, deck.slides.length, result.created, result.changes, leftAlone), outline);
    return uri;
  }
  throw new UserError(
    vscode.l10n.t(
      'None of {0} and the {1} numbered names beside it is free or made by DevRel Desk. Pass another file as { uri }.',
      vscode.workspace.asRelativePath(first),
      MAX_BESIDE - 1,
    ),
  );
}

/** `devrel.exportSpeakerNotes(target)`: writes the handout beside the talk and returns its Uri. */
export async function exportSpeakerNotes(ctx: TalkStageContext, target?: unknown): Promise<vscode.Uri | undefined> {
  const talk = await pickTalk(ctx, target, vscode.l10n.t('Export Speaker Notes'));
  if (!talk) return undefined;
  const { outline, relativePath } = await readOutline(talk);
  const handout = buildHandout(outline, { source: relativePath });
  const first = siblingUri(talk, '.notes.md');
  const leftAlone: vscode.Uri[] = [];
  for (let n = 1; n <= MAX_BESIDE; n++) {
    const uri = n === 1 ? first : numbered(first, n);
    const existing = await readExisting(uri);
    if (existing !== undefined && handoutOwnership(existing) !== 'untouched') {
      leftAlone.push(uri);
      continue;
    }
    if (existing !== handout.text) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(handout.text));
    const beside = leftAlone.length > 0 ? ` ${leftAloneText(leftAlone)}` : '';
    const written =
      outline.sections.length > 0
        ? vscode.l10n.t('Speaker notes written to {0}: {1} sections, ending at {2}.', vscode.workspace.asRelativePath(uri), outline.sections.length, handout.end)
        : vscode.l10n.t('Speaker notes written to {0}: no sections yet.', vscode.workspace.asRelativePath(uri));
    announce(uri, `${written}${beside}`, outline);
    return uri;
  }
  throw new UserError(
    vscode.l10n.t('None of {0} and the {1} numbered names beside it is free or an untouched DevRel Desk handout.', vscode.workspace.asRelativePath(first), MAX_BESIDE - 1),
  );
}

function exportOptions(options: unknown): { format: string; uri?: vscode.Uri } {
  if (options === undefined || options === null) return { format: 'marp' };
  if (typeof options !== 'object') throw new UserError(vscode.l10n.t('Export Slides takes { format: "marp", uri? }.'));
  const { format, uri } = options as { format?: unknown; uri?: unknown };
  if (format !== undefined && typeof format !== 'string') throw new UserError(vscode.l10n.t('The slide format must be a string, such as "marp".'));
  const request: { format: string; uri?: vscode.Uri } = { format: (format ?? 'marp').trim().toLowerCase() };
  if (uri !== undefined && uri !== null) {
    const resolved = uri instanceof vscode.Uri || typeof uri === 'string' ? resolveTarget(uri) : undefined;
    if (!resolved) throw new UserError(vscode.l10n.t("The slides' uri must be a Uri or a path."));
    request.uri = resolved;
  }
  return request;
}

function exportMessage(format: DeckFormat, uri: vscode.Uri, slides: number, created: boolean, changes: DeckChanges, leftAlone: vscode.Uri[]): string {
  const where = vscode.workspace.asRelativePath(uri);
  const parts: string[] = [];
  if (created) {
    parts.push(vscode.l10n.t('{0} slides written to {1}: {2} slides.', format.label, where, slides));
  } else {
    const changed = changedSections(changes);
    parts.push(
      changed.length > 0
        ? vscode.l10n.t('Slides in {0} updated. Changed: {1}.', where, changed.join(', '))
        : vscode.l10n.t('Slides in {0} are up to date with the outline.', where),
    );
    if (changes.keptEdited.length > 0)
      parts.push(vscode.l10n.t('Kept your edited slide for {0}; the outline changed there too, so update it by hand.', changes.keptEdited.join(', ')));
    if (changes.keptOrphaned.length > 0) parts.push(vscode.l10n.t('Kept your edited slide for {0}, no longer in the outline.', changes.keptOrphaned.join(', ')));
    if (changes.deletedByHand.length > 0) parts.push(vscode.l10n.t('Not re-adding the slide you deleted for {0}.', changes.deletedByHand.join(', ')));
    if (changes.handAdded > 0) parts.push(changes.handAdded === 1 ? vscode.l10n.t('Kept 1 slide you added.') : vscode.l10n.t('Kept {0} slides you added.', changes.handAdded));
  }
  if (leftAlone.length > 0) parts.push(leftAloneText(leftAlone));
  return parts.join(' ');
}

function leftAloneText(leftAlone: readonly vscode.Uri[]): string {
  const names = leftAlone.map((u) => vscode.workspace.asRelativePath(u)).join(', ');
  return leftAlone.length === 1
    ? vscode.l10n.t('{0} was not made by DevRel Desk (or edited since), so it was left alone.', names)
    : vscode.l10n.t('{0} were not made by DevRel Desk (or edited since), so they were left alone.', names);
}

/** One message with an Open button; outline problems follow as a warning. Neither holds the command up. */
function announce(uri: vscode.Uri, message: string, outline: TalkOutline): void {
  void vscode.window.showInformationMessage(message, vscode.l10n.t('Open')).then((choice) => {
    if (choice === vscode.l10n.t('Open')) void vscode.window.showTextDocument(uri, { preview: false });
  });
  if (outline.problems.length > 0) {
    const first = outline.problems[0].message;
    const more = outline.problems.length - 1;
    void vscode.window.showWarningMessage(
      more === 0 ? first : more === 1 ? vscode.l10n.t('{0} (and 1 more in the talk)', first) : vscode.l10n.t('{0} (and {1} more in the talk)', first, more),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Rehearsal

/** `devrel.startRehearsal(target, { clock? })`. Tests pass a clock they step by hand. */
export async function startRehearsal(ctx: TalkStageContext, target?: unknown, options?: unknown): Promise<RehearsalSnapshot | undefined> {
  const running = ctx.session.active;
  if (running) {
    throw new UserError(vscode.l10n.t('A rehearsal of "{0}" is running. Stop it with DevRel: Stop Rehearsal before starting another.', running.plan.title));
  }
  const clock = clockOption(options);
  const talk = await pickTalk(ctx, target, vscode.l10n.t('Start Rehearsal'));
  if (!talk) return undefined;
  const { outline } = await readOutline(talk);
  const plan = rehearsalPlan(outline);
  const snapshot = ctx.session.start(talk, plan, clock);
  void ctx.notes.reveal();
  if (plan.wholeTalk) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No section of "{0}" has a minute budget, so the whole talk is timed as one. Stop Rehearsal when you finish.', plan.title),
    );
  }
  log().info(`Rehearsal started: ${vscode.workspace.asRelativePath(talk)}, ${plan.sections.length} section(s).`);
  return snapshot;
}

function clockOption(options: unknown): Clock {
  if (options === undefined || options === null) return Date.now;
  const clock = (options as { clock?: unknown }).clock;
  if (clock === undefined) return Date.now;
  if (typeof clock !== 'function') throw new UserError(vscode.l10n.t('Start Rehearsal takes { clock?: () => number }.'));
  return () => Number((clock as () => unknown)());
}

/** Moves to the next section; after the last one, stops and records the run. */
export async function nextSection(ctx: TalkStageContext): Promise<RehearsalSnapshot | RehearsalStopResult> {
  const { snapshot, finished } = ctx.session.next();
  return finished ? stopRehearsal(ctx) : snapshot;
}

export function pauseRehearsal(ctx: TalkStageContext): RehearsalSnapshot {
  return ctx.session.pause();
}

export function resumeRehearsal(ctx: TalkStageContext): RehearsalSnapshot {
  return ctx.session.resume();
}

/** Stops the rehearsal and appends the run to the talk's front matter, the body untouched. */
export async function stopRehearsal(ctx: TalkStageContext): Promise<RehearsalStopResult> {
  const { uri, plan, outcome } = ctx.session.finish(today());
  if (!outcome.recorded) {
    void vscode.window.showInformationMessage(outcome.message);
    return { recorded: false, message: outcome.message };
  }
  const run = outcome.run;
  const fields = rehearsalEntryFields(run);
  const relativePath = vscode.workspace.asRelativePath(uri);
  if (!(await exists(uri))) {
    return handOver(run, fields, vscode.l10n.t('{0} was deleted or moved during the rehearsal, so the run could not be saved to it.', relativePath));
  }
  try {
    await editFrontMatterWith(ctx.workspace, uri, (text) => appendFrontMatterListItem(text, 'rehearsals', fields));
  } catch (error) {
    log().warn(`Stop Rehearsal: could not record the run in ${relativePath}: ${error instanceof Error ? error.message : String(error)}`);
    return handOver(run, fields, vscode.l10n.t('The run could not be saved to {0}: {1}', relativePath, error instanceof Error ? error.message : String(error)));
  }
  const reached = run.sections ? ` ${vscode.l10n.t('Stopped after {0} of {1} sections.', run.sections.length, plan.sections.length)}` : '';
  const summary = `${vscode.l10n.t('Rehearsal of "{0}" recorded: {1}.', plan.title, describeRun(compareRun(run, plan.slotMinutes)))}${outcome.partial ? reached : ''}`;
  log().info(`${relativePath}: ${summary}`);
  void vscode.window.showInformationMessage(summary);
  return { recorded: true, run };
}

/** Nothing is lost when the talk can't take the run: it opens in a new editor, ready to paste. */
async function handOver(run: RehearsalRun, fields: ReturnType<typeof rehearsalEntryFields>, reason: string): Promise<RehearsalStopResult> {
  const rendered = appendFrontMatterListItem('---\n---\n', 'rehearsals', fields);
  const yaml = rendered.ok ? rendered.text.replace(/^---\n/, '').replace(/---\n$/, '') : `${JSON.stringify(run, null, 2)}\n`;
  const content = vscode.l10n.t('# Rehearsal of {0}, {1} min. Paste the entry into the talk\'s front matter, under "rehearsals:".\n{2}', run.date, run.minutes, yaml);
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(document, { preview: false });
  const message = `${reason} ${vscode.l10n.t("It is in a new editor: paste it into the talk's front matter.")}`;
  void vscode.window.showWarningMessage(message);
  return { recorded: false, run, message };
}

// ---------------------------------------------------------------------------------------------
// Shared

/**
 * The talk a command works on: the target, else the active editor when it shows a talk, else
 * one picked from the workspace's talks.
 */
async function pickTalk(ctx: TalkStageContext, target: unknown, action: string): Promise<vscode.Uri | undefined> {
  if (target !== undefined && target !== null) {
    const uri = resolveTarget(target);
    if (!uri) throw new UserError(vscode.l10n.t('{0} needs a talk: a Uri, a path, or a talk in the Drafts view.', action));
    const draft = ctx.workspace.get(uri);
    if (draft && draft.kind !== 'talk') {
      throw new UserError(
        vscode.l10n.t('{0} is a {1}, not a talk. Slides and rehearsals come from a talk outline (kind: talk).', vscode.workspace.asRelativePath(uri), draft.kind),
      );
    }
    if (!/\.(md|markdown|mdx)$/i.test(uri.path)) throw new UserError(vscode.l10n.t('{0} is not a Markdown talk outline.', vscode.workspace.asRelativePath(uri)));
    return uri;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && ctx.workspace.get(active)?.kind === 'talk') return active;
  const talks = ctx.workspace
    .drafts()
    .filter((d) => d.kind === 'talk')
    .sort((a, b) => a.title.localeCompare(b.title));
  if (talks.length === 0) throw new UserError(vscode.l10n.t('There are no talks yet. Create one with DevRel: New Talk Outline first.'));
  const picked = await vscode.window.showQuickPick(
    talks.map((d) => ({ label: d.title, description: d.relativePath, uri: d.uri })),
    { title: vscode.l10n.t('{0}: which talk?', action), matchOnDescription: true },
  );
  return picked ? vscode.Uri.parse(picked.uri) : undefined;
}

async function readOutline(uri: vscode.Uri): Promise<{ outline: TalkOutline; relativePath: string }> {
  const relativePath = vscode.workspace.asRelativePath(uri);
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    throw new UserError(vscode.l10n.t('{0} could not be opened ({1}).', relativePath, error instanceof Error ? error.message : String(error)));
  }
  const name = uri.path.split('/').pop() ?? relativePath;
  return { outline: parseTalkOutline(document.getText(), { fallbackTitle: name.replace(/\.(md|markdown|mdx)$/i, '') }), relativePath };
}

/** The file's text, undefined when there is none; refuses a file with unsaved edits, which a write would lose. */
async function readExisting(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) throw new UserError(vscode.l10n.t('{0} has unsaved changes. Save or revert them, then export again.', vscode.workspace.asRelativePath(uri)));
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    if (!(await exists(uri))) return undefined;
    throw error;
  }
}

/** `talks/x.md` → `talks/x.slides.md` for the suffix `.slides.md`. */
function siblingUri(talk: vscode.Uri, suffix: string): vscode.Uri {
  const name = talk.path.split('/').pop() ?? 'talk.md';
  const base = name.replace(/\.(md|markdown|mdx)$/i, '');
  return vscode.Uri.joinPath(talk, '..', `${base}${suffix}`);
}

/** `x.slides.md` → `x.slides-2.md`. */
function numbered(uri: vscode.Uri, n: number): vscode.Uri {
  const name = uri.path.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  const numberedName = dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
  return vscode.Uri.joinPath(uri, '..', numberedName);
}
