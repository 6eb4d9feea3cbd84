import * as vscode from 'vscode';
import { Commands } from '../constants';
import { daysBetween } from '../core/dates';
import { relativeDay } from '../core/schedule';
import { allSubmissionDates } from '../core/talks/submissions';
import type { Draft, Submission } from '../core/types';
import { rowTitle } from './presentation';

const SUBMISSION_ICONS: Record<string, [string, string?]> = {
  draft: ['edit'],
  submitted: ['mail'],
  accepted: ['thumbsup', 'testing.iconPassed'],
  confirmed: ['verified', 'testing.iconPassed'],
  waitlisted: ['watch'],
  rejected: ['circle-slash', 'disabledForeground'],
  declined: ['close', 'disabledForeground'],
  withdrawn: ['discard', 'disabledForeground'],
  delivered: ['pass-filled', 'testing.iconPassed'],
};

/** The date worth seeing next on a submission row: the nearest still ahead, else the latest. */
function keyDate(submission: Submission, now: string): { label: string; date: string } | undefined {
  const dates = allSubmissionDates(submission);
  return dates.filter((d) => d.date >= now).sort((a, b) => a.date.localeCompare(b.date))[0] ?? dates.sort((a, b) => b.date.localeCompare(a.date))[0];
}

/** `CFP answer due` stays as it is mid-sentence; `Event` becomes `event`. */
function inSentence(label: string): string {
  return /^[A-Z]{2,}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A child row of a talk in the Drafts view: one call for papers the talk went to. */
export function submissionTreeItem(draft: Draft, submission: Submission, now: string): vscode.TreeItem {
  const item = new vscode.TreeItem(rowTitle(submission.event), vscode.TreeItemCollapsibleState.None);
  item.id = `submission:${draft.uri}#${submission.event}`;
  const date = keyDate(submission, now);
  const parts = [submission.status];
  if (date) parts.push(`${inSentence(date.label)} ${relativeDay(daysBetween(now, date.date))}`);
  if (submission.format) parts.push(submission.format);
  item.description = parts.join(' · ');
  const [icon, color] = SUBMISSION_ICONS[submission.status] ?? ['question', 'list.warningForeground'];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = 'submission';
  item.command = { command: Commands.openDraft, title: vscode.l10n.t('Open Draft'), arguments: [vscode.Uri.parse(draft.uri)] };
  item.accessibilityInformation = { label: vscode.l10n.t('Submission to {0}, {1}', submission.event, item.description) };
  return item;
}

export function submissionTooltip(draft: Draft, submission: Submission, now: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown('**');
  md.appendText(submission.event);
  md.appendMarkdown('**\n\n');
  md.appendText(`${draft.title} · ${submission.status}`);
  md.appendMarkdown('\n\n');
  for (const date of allSubmissionDates(submission)) {
    md.appendMarkdown('$(calendar) ');
    md.appendText(`${date.label}: ${date.date} (${relativeDay(daysBetween(now, date.date))})`);
    md.appendMarkdown('  \n');
  }
  const facts = [submission.format, submission.abstract ? `${submission.abstract} abstract` : undefined, submission.travel ? `travel: ${submission.travel}` : undefined].filter(
    Boolean,
  );
  if (facts.length > 0) {
    md.appendMarkdown('\n');
    md.appendText(facts.join(' · '));
    md.appendMarkdown('\n\n');
  }
  if (submission.cfpUrl) {
    md.appendMarkdown('\n$(link-external) ');
    md.appendText(submission.cfpUrl);
  }
  return md;
}
