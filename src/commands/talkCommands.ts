import * as vscode from 'vscode';
import { Commands } from '../constants';
import { parseDateValue } from '../core/dates';
import { datePreview, parseDateInput } from '../core/relativeDate';
import { appendFrontMatterListItem, setFrontMatterListItemFields } from '../core/frontMatter/edit';
import {
  findSubmission,
  isSubmissionStatus,
  newSubmissionEntry,
  SUBMISSION_STATUSES,
  SUBMISSIONS_FIELD,
  submissionIndexIn,
  type NewSubmissionInput,
} from '../core/talks/submissions';
import type { Draft, Submission } from '../core/types';
import { calendarText, writeCalendarFile } from '../services/calendarExport';
import { editFrontMatterWith } from '../services/draftEdits';
import type { WorkspaceDrafts } from '../services/workspaceDrafts';
import { log, UserError } from '../util/logger';
import { resolveTarget } from './trackingCommands';
import { BACK, inputStep, pickStep, runSteps } from './multiStep';
import { today } from '../util/clock';
import { errorMessage } from '../core/util/result';

export interface TalkContext {
  workspace: WorkspaceDrafts;
}

/** A submission row of the Drafts view, as menus pass it. */
export interface SubmissionNodeArg {
  type: 'submission';
  uri: string;
  event: string;
}

const STATUS_HINTS: Record<string, string> = {
  draft: vscode.l10n.t('not sent yet'),
  submitted: vscode.l10n.t('waiting for the answer'),
  accepted: vscode.l10n.t('the call said yes'),
  rejected: vscode.l10n.t('the call said no'),
  waitlisted: vscode.l10n.t('on the reserve list'),
  confirmed: vscode.l10n.t('you confirmed you will speak'),
  declined: vscode.l10n.t('you turned the acceptance down'),
  withdrawn: vscode.l10n.t('you pulled the submission'),
  delivered: vscode.l10n.t('the talk was given'),
};

function isSubmissionNode(value: unknown): value is SubmissionNodeArg {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'submission' && typeof (value as { uri?: unknown }).uri === 'string';
}

/** The draft a talk command works on: a tree row, a Uri, the active editor, or one the person picks. */
/**
 * The talk named by `target`, else the open editor's draft, else the one the person picks. With
 * `fits`, an open draft that doesn't fit (a trip report, to set a submission's status) is passed
 * over for the question rather than refused.
 */
async function pickTalk(
  ctx: TalkContext,
  target: unknown,
  title: string,
  interactive: boolean,
  fits: (draft: Draft) => boolean = () => true,
): Promise<{ uri: vscode.Uri; draft: Draft } | undefined> {
  const uri = isSubmissionNode(target) ? vscode.Uri.parse(target.uri) : resolveTarget(target);
  const draft = uri ? ctx.workspace.get(uri) : undefined;
  if (uri && draft && (target !== undefined || !interactive || fits(draft))) return { uri, draft };
  if (uri && (target !== undefined || !interactive)) {
    throw new UserError(vscode.l10n.t('{0} is not a DevRel draft. Add "kind: talk" to its front matter to track its submissions.', vscode.workspace.asRelativePath(uri)));
  }
  if (!interactive) throw new UserError(vscode.l10n.t('Name the talk: pass its Uri as the first argument.'));
  const talks = ctx.workspace
    .drafts()
    .filter((d) => d.kind === 'talk' || d.submissions !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title));
  if (talks.length === 0) throw new UserError(vscode.l10n.t('There are no talks yet. Create one with DevRel: New Talk Outline first.'));
  const picked = await vscode.window.showQuickPick(
    talks.map((d) => ({ label: d.title, description: d.status, detail: d.relativePath, uri: d.uri })),
    { title, placeHolder: vscode.l10n.t('Which talk?'), matchOnDetail: true },
  );
  if (!picked) return undefined;
  const chosen = vscode.Uri.parse(picked.uri);
  const chosenDraft = ctx.workspace.get(chosen);
  return chosenDraft ? { uri: chosen, draft: chosenDraft } : undefined;
}

/**
 * Adds a submission to a talk's `submissions:` list. With an input object it asks nothing;
 * otherwise it asks for the event, the CFP deadline and the status.
 */
export async function addSubmission(ctx: TalkContext, target?: unknown, input?: unknown): Promise<boolean> {
  const interactive = input === undefined;
  const talk = await pickTalk(ctx, target, vscode.l10n.t('Add Submission'), interactive);
  if (!talk) return false;
  let request: NewSubmissionInput | undefined;
  if (!interactive) {
    if (typeof input !== 'object' || input === null) {
      throw new UserError(vscode.l10n.t('Add Submission takes { event, cfpUrl?, cfpDeadline?, notificationDate?, eventDate?, status?, format?, abstract? }.'));
    }
    request = input as NewSubmissionInput;
  } else {
    request = await askForSubmission(talk.draft);
    if (!request) return false;
  }
  const checked = newSubmissionEntry(request, talk.draft.submissions ?? []);
  if (!checked.ok) throw new UserError(checked.message);
  await editFrontMatterWith(ctx.workspace, talk.uri, (text) => appendFrontMatterListItem(text, SUBMISSIONS_FIELD, checked.fields));
  log().info(`${vscode.workspace.asRelativePath(talk.uri)}: added a submission to ${String(checked.fields.event)} (${String(checked.fields.status)}).`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(mail) {0}: submission to {1} added', talk.draft.title, String(checked.fields.event)), 4000);
  return true;
}

interface SubmissionAnswers {
  event?: string;
  deadline?: string;
  status?: string;
}

/** Counted steps with Back: the event, the CFP deadline (with a preview of the day), the status. */
async function askForSubmission(draft: Draft): Promise<NewSubmissionInput | undefined> {
  const suggested = typeof draft.fields.event === 'string' && !findSubmission(draft.submissions, draft.fields.event) ? draft.fields.event : undefined;
  const now = today();
  const answers = await runSteps<SubmissionAnswers>(vscode.l10n.t('Add Submission: {0}', draft.title), {}, [
    async (place, state) => {
      const event = await inputStep(place, {
        prompt: vscode.l10n.t('Which event is the talk going to?'),
        placeholder: vscode.l10n.t('e.g. KubeCon EU 2027'),
        value: state.event ?? suggested,
        validate: (value) => {
          if (!value.trim()) return vscode.l10n.t('Name the event.');
          return findSubmission(draft.submissions, value) ? vscode.l10n.t('This talk already has a submission to that event.') : undefined;
        },
      });
      if (event === undefined || event === BACK) return event;
      state.event = event.trim();
      return true;
    },
    async (place, state) => {
      const deadline = await inputStep(place, {
        prompt: vscode.l10n.t("When does the call for papers close? Leave empty if you don't know."),
        placeholder: vscode.l10n.t('YYYY-MM-DD, +3w, next friday…'),
        value: state.deadline ?? '',
        validate: (text) => {
          const parsed = parseDateInput(text, now);
          if (!parsed.ok) return parsed.message;
          const preview = datePreview(text, now);
          return preview ? { message: preview, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
        },
      });
      if (deadline === undefined || deadline === BACK) return deadline;
      const parsed = parseDateInput(deadline, now);
      state.deadline = parsed.ok && !parsed.skipped ? parsed.date : undefined;
      return true;
    },
    async (place, state) => {
      const picked = await pickStep(
        place,
        SUBMISSION_STATUSES.map((status) => ({ label: status, description: STATUS_HINTS[status] })),
        { placeholder: vscode.l10n.t('Where does this submission stand?'), active: (item) => item.label === (state.status ?? 'draft') },
      );
      if (picked === undefined || picked === BACK) return picked;
      state.status = picked.label;
      return true;
    },
  ]);
  if (!answers?.event || !answers.status) return undefined;
  return { event: answers.event, cfpDeadline: answers.deadline, status: answers.status };
}

async function pickStatus(title: string, current: string | undefined, placeHolder: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    SUBMISSION_STATUSES.map((status) => ({ label: status, description: status === current ? vscode.l10n.t('current · {0}', STATUS_HINTS[status]) : STATUS_HINTS[status] })),
    { title, placeHolder, ignoreFocusOut: true },
  );
  return picked?.label;
}

/**
 * Sets one submission's status: `(target, event, status)` asks nothing. Without the event
 * or the status it asks for them. Accepting offers the trip report and the event's dates.
 */
export async function setSubmissionStatus(ctx: TalkContext, target?: unknown, event?: unknown, status?: unknown): Promise<boolean> {
  if (event !== undefined && typeof event !== 'string') throw new UserError(vscode.l10n.t('The event must be text, such as "KubeCon EU 2027".'));
  if (status !== undefined && typeof status !== 'string') throw new UserError(vscode.l10n.t('The status must be text, such as "accepted".'));
  const talk = await pickTalk(ctx, target, vscode.l10n.t('Set Submission Status'), event === undefined || status === undefined, (d) => (d.submissions?.length ?? 0) > 0);
  if (!talk) return false;
  const submissions = talk.draft.submissions ?? [];
  let submission: Submission | undefined;
  const named = typeof event === 'string' ? event : isSubmissionNode(target) ? target.event : undefined;
  if (named !== undefined) {
    submission = findSubmission(submissions, named);
    if (!submission) {
      const known = submissions.map((s) => s.event).join(', ');
      throw new UserError(
        known
          ? vscode.l10n.t('"{0}" has no submission to {1}. Its submissions: {2}.', talk.draft.title, named, known)
          : vscode.l10n.t('"{0}" has no submission to {1}. Add one with DevRel: Add Submission… first.', talk.draft.title, named),
      );
    }
  } else {
    if (submissions.length === 0) throw new UserError(vscode.l10n.t('"{0}" has no submissions yet. Add one with DevRel: Add Submission… first.', talk.draft.title));
    const picked =
      submissions.length === 1
        ? { submission: submissions[0] }
        : await vscode.window.showQuickPick(
            submissions.map((s) => ({ label: s.event, description: s.status, submission: s })),
            { title: vscode.l10n.t('Set Submission Status: {0}', talk.draft.title), placeHolder: vscode.l10n.t('Which submission?') },
          );
    if (!picked) return false;
    submission = picked.submission;
  }
  let chosen = typeof status === 'string' ? status.trim().toLowerCase() : undefined;
  if (chosen === undefined) {
    chosen = await pickStatus(
      vscode.l10n.t('Set Submission Status: {0}', submission.event),
      submission.status,
      vscode.l10n.t('Now {0}. Move this submission to…', submission.status),
    );
    if (!chosen) return false;
  }
  if (!isSubmissionStatus(chosen)) throw new UserError(vscode.l10n.t('"{0}" is not a submission status. Use one of: {1}.', chosen, SUBMISSION_STATUSES.join(', ')));
  const chosenSubmission = submission;
  const newStatus = chosen;
  await editFrontMatterWith(ctx.workspace, talk.uri, (text) => {
    const index = submissionIndexIn(text, chosenSubmission.event);
    if (index === undefined)
      return { ok: false, message: vscode.l10n.t('The submission to {0} is no longer in {1}.', chosenSubmission.event, vscode.workspace.asRelativePath(talk.uri)) };
    return setFrontMatterListItemFields(text, SUBMISSIONS_FIELD, index, { status: newStatus });
  });
  log().info(`${vscode.workspace.asRelativePath(talk.uri)}: submission to ${submission.event}: ${submission.status} → ${newStatus}.`);
  vscode.window.setStatusBarMessage(`$(check) ${submission.event}: ${newStatus}`, 4000);
  if (newStatus === 'accepted' && submission.status !== 'accepted') void offerAcceptedFollowUps(ctx, talk.uri, talk.draft, submission);
  return true;
}

/**
 * Not awaited: a scripted caller gets its answer at once, and the offer waits for the person.
 * Without an event date the person is asked for it first and then offered the trip report, so
 * taking one offer never costs the other.
 */
async function offerAcceptedFollowUps(ctx: TalkContext, uri: vscode.Uri, draft: Draft, submission: Submission): Promise<void> {
  const createReport = vscode.l10n.t('Create Trip Report');
  const addDates = vscode.l10n.t('Add Event Date…');
  const choices = submission.eventDate ? [createReport] : [addDates, createReport];
  const message = submission.eventDate
    ? vscode.l10n.t('"{0}" was accepted at {1} on {2}.', draft.title, submission.event, submission.eventDate)
    : vscode.l10n.t('"{0}" was accepted at {1}.', draft.title, submission.event);
  try {
    const choice = await vscode.window.showInformationMessage(message, ...choices);
    let eventDate = submission.eventDate;
    if (choice === addDates) {
      eventDate = await addEventDate(ctx, uri, submission);
      if (eventDate === undefined) return;
      const next = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is in Upcoming on {1}.', submission.event, eventDate), createReport);
      if (next !== createReport) return;
    } else if (choice !== createReport) return;
    const fields: Record<string, string> = { event: submission.event };
    if (eventDate) fields.event_date = eventDate;
    await vscode.commands.executeCommand(Commands.newDraft, { kind: 'trip-report', title: submission.event, fields, open: true });
  } catch (error) {
    const message = errorMessage(error);
    log().warn(`After accepting ${submission.event}: ${message}`);
    void vscode.window.showWarningMessage(message);
  }
}

/** Asks for the event's date and writes it on the submission; undefined when the person cancels. */
async function addEventDate(ctx: TalkContext, uri: vscode.Uri, submission: Submission): Promise<string | undefined> {
  const date = await vscode.window.showInputBox({
    title: vscode.l10n.t('Event date: {0}', submission.event),
    prompt: vscode.l10n.t('When is the event? It then shows in Upcoming.'),
    placeHolder: vscode.l10n.t('YYYY-MM-DD'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseDateValue(value.trim());
      return parsed.ok ? undefined : vscode.l10n.t('The date {0}.', parsed.message);
    },
  });
  const parsed = date === undefined ? undefined : parseDateValue(date.trim());
  if (!parsed?.ok) return undefined;
  await editFrontMatterWith(ctx.workspace, uri, (text) => {
    const index = submissionIndexIn(text, submission.event);
    if (index === undefined) return { ok: false, message: `The submission to ${submission.event} is no longer in the file.` };
    return setFrontMatterListItemFields(text, SUBMISSIONS_FIELD, index, { event_date: parsed.date });
  });
  return parsed.date;
}

/**
 * Export Calendar…: `{ uri? }` writes there and asks nothing; otherwise it asks where to save.
 * Returns the file written.
 */
export async function exportCalendar(ctx: TalkContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (arg !== undefined && arg !== null && (typeof arg !== 'object' || arg instanceof vscode.Uri)) {
    throw new UserError(vscode.l10n.t('Export Calendar takes { uri? }: the .ics file to write.'));
  }
  const given = (arg as { uri?: unknown } | undefined)?.uri;
  let uri: vscode.Uri | undefined;
  if (given instanceof vscode.Uri) uri = given;
  else if (typeof given === 'string' && given) uri = /^[a-z][a-z0-9+.-]+:/i.test(given) && !/^[a-z]:[\\/]/i.test(given) ? vscode.Uri.parse(given) : vscode.Uri.file(given);
  else if (given !== undefined) throw new UserError(vscode.l10n.t('uri must be a Uri or a path to an .ics file.'));
  await ctx.workspace.ready();
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Calendar'),
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'devrel-desk.ics') : undefined,
      filters: { [vscode.l10n.t('iCalendar files')]: ['ics'] },
    });
    if (!uri) return undefined;
  }
  const { text, events } = calendarText(ctx.workspace);
  await writeCalendarFile(uri, text);
  log().info(`Calendar: exported ${events} events to ${uri.toString(true)}.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(calendar) Exported {0} dates to {1}', events, vscode.workspace.asRelativePath(uri)), 5000);
  return uri;
}
