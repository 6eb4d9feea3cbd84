import * as vscode from 'vscode';
import { daysBetween } from '../core/dates';
import { describeDraft, nextDate, overdueDates, relativeDay, talkMeasure } from '../core/schedule';
import { kindIconId } from '../core/kinds/registry';
import { nextStatus } from '../core/kinds/workflow';
import { isInHand } from '../core/focus';
import { isParked } from '../core/parked';
import { compareRun, describeRun } from '../core/talks/rehearsal';
import type { Draft, KindDefinition } from '../core/types';
import { Commands } from '../constants';
import { crossPostsOf } from '../core/publish/reach';
import { shortenTitle } from '../core/util/strings';

const STATUS_ICONS: Record<string, string> = {
  idea: 'lightbulb',
  todo: 'circle-large-outline',
  drafting: 'edit',
  'in-progress': 'sync',
  review: 'eye',
  submitted: 'mail',
  accepted: 'thumbsup',
  rejected: 'circle-slash',
  rehearsing: 'play-circle',
  ready: 'check',
  scheduled: 'calendar',
  'pr-open': 'git-pull-request',
  published: 'pass-filled',
  delivered: 'pass-filled',
  merged: 'git-merge',
  closed: 'issue-closed',
  shared: 'broadcast',
  planning: 'checklist',
  announced: 'megaphone',
  running: 'flame',
  done: 'pass-filled',
  cancelled: 'circle-slash',
};

export function statusGroupIcon(status: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(STATUS_ICONS[status] ?? 'circle-outline');
}

const ACRONYMS = new Set(['pr', 'cfp', 'qa', 'oss', 'api', 'ui', 'ux']);

/** `pr-open` reads as "PR open", `in-progress` as "In progress". */
export function statusLabel(status: string): string {
  const words = status
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w));
  if (words.length === 0) return status;
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}

export function kindIcon(kind: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(kindIconId(kind));
}

export function statusIcon(draft: Draft, kind: KindDefinition | undefined, overdue: boolean): vscode.ThemeIcon {
  const id = STATUS_ICONS[draft.status] ?? 'circle-outline';
  if (overdue) return new vscode.ThemeIcon(id, new vscode.ThemeColor('list.errorForeground'));
  if (draft.problems.some((p) => p.severity === 'error')) return new vscode.ThemeIcon(id, new vscode.ThemeColor('list.warningForeground'));
  // A side outcome such as a rejected talk is over, but no success: no green check.
  if (kind?.finishedStatuses.includes(draft.status) && !kind.sideStatuses?.includes(draft.status)) return new vscode.ThemeIcon(id, new vscode.ThemeColor('testing.iconPassed'));
  return new vscode.ThemeIcon(id);
}

export function pluralKindLabel(kind: KindDefinition | undefined, id: string): string {
  const label = kind?.label ?? id;
  return /s$/i.test(label) ? label : `${label}s`;
}

/**
 * The most characters of a title a row shows. VS Code cuts label and description together at the
 * sidebar's edge, so a long title hid the date after it; at the default sidebar width a title this
 * short leaves the next date in view. The full title is in the tooltip and the accessible name.
 */
export const ROW_TITLE_MAX = 20;
/** The least room a title keeps after a prefix. */
const ROW_TITLE_MIN = 12;
/** What the default sidebar width shows of a label and the first words of its description, in label characters. */
const ROW_ROOM = 28;
/** A description character is narrower than a label one: it is drawn smaller. */
const DESCRIPTION_CHAR_WIDTH = 0.8;

/**
 * A title as a row's label: short titles as they are, long ones cut at a word with an ellipsis.
 * `prefix` is what the label shows before it, such as Upcoming's `Due: `, and takes from the same room.
 */
export function rowTitle(title: string, prefix = ''): string {
  return shortenTitle(title, Math.max(ROW_TITLE_MIN, ROW_TITLE_MAX - prefix.length));
}

/** A draft's title beside the date its description starts with: the shorter the date, the more title. */
function titleBeside(title: string, date: string | undefined): string {
  const room = ROW_ROOM - Math.round((date?.length ?? 0) * DESCRIPTION_CHAR_WIDTH);
  return shortenTitle(title, Math.max(ROW_TITLE_MIN, room));
}

/** A tree item for a draft, shared by the Drafts and Upcoming views. The tooltip comes later, from `resolveTreeItem`. */
export function draftTreeItem(draft: Draft, kind: KindDefinition | undefined, now: string): vscode.TreeItem {
  const active = isInHand(draft, kind);
  const parked = isParked(draft);
  const canAdvance = kind !== undefined && nextStatus(kind, draft.status) !== undefined;
  const uri = vscode.Uri.parse(draft.uri);
  const overdue = overdueDates(draft, kind, now);
  const crossPosts = crossPostsOf(draft).map((post) => post.label);
  // The next date first (the icon already shows the status), then the status and what needs
  // attention, then the rest: a narrow sidebar cuts from the end.
  const [status, ...rest] = describeDraft(draft, kind, now).split(' · ');
  const date = nextDate(draft, kind, now) ? rest.splice(0, 1) : [];
  const item = new vscode.TreeItem(titleBeside(draft.title, date[0]), vscode.TreeItemCollapsibleState.None);
  item.resourceUri = uri;
  const flags = [overdue.length > 0 ? 'overdue' : undefined, parked ? 'parked' : undefined].filter((f): f is string => f !== undefined);
  item.description = [...date, status, ...flags, ...rest, ...(crossPosts.length > 0 ? [`on ${crossPosts.join(', ')}`] : [])].join(' · ');
  item.iconPath = statusIcon(draft, kind, overdue.length > 0);
  // Menus match on these words: `canAdvance` for Advance Status, `active` for Park Draft, `parked` for Resume Draft.
  item.contextValue = `draft${canAdvance ? '.canAdvance' : ''}${active ? '.active' : ''}${parked ? '.parked' : ''}`;
  item.command = { command: Commands.openDraft, title: vscode.l10n.t('Open Draft'), arguments: [uri] };
  item.accessibilityInformation = { label: `${draft.title}, ${item.description}` };
  return item;
}

export function draftTooltip(draft: Draft, kind: KindDefinition | undefined, now: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown('**');
  md.appendText(draft.title);
  md.appendMarkdown('**\n\n');
  md.appendText(`${kind?.label ?? draft.kind} · ${draft.status}${isParked(draft) ? vscode.l10n.t(' · parked (Resume Draft to take it up again)') : ''}`);
  md.appendMarkdown('\n\n');
  const overdue = new Set(overdueDates(draft, kind, now));
  for (const date of draft.dates) {
    md.appendMarkdown(overdue.has(date) ? '$(warning) ' : '$(calendar) ');
    md.appendText(`${date.label}: ${date.date} (${relativeDay(daysBetween(now, date.date))})${overdue.has(date) ? vscode.l10n.t(', overdue') : ''}`);
    md.appendMarkdown('  \n');
  }
  const analysis = draft.analysis;
  if (analysis) {
    md.appendMarkdown('\n');
    md.appendText(vscode.l10n.t('{0} words · {1} min read', analysis.words.toLocaleString('en-US'), analysis.readingMinutes));
    if (analysis.checklist.total > 0) md.appendText(vscode.l10n.t(' · {0}/{1} tasks done', analysis.checklist.done, analysis.checklist.total));
    if (analysis.talk || draft.duration !== undefined) md.appendText(vscode.l10n.t(' · {0} planned', talkMeasure(analysis.talk?.plannedMinutes ?? 0, draft.duration)));
    md.appendMarkdown('\n\n');
  }
  const lastRun = draft.rehearsals?.[draft.rehearsals.length - 1];
  if (lastRun) {
    md.appendMarkdown('$(play-circle) ');
    md.appendText(vscode.l10n.t('Last rehearsal, {0}: {1}', lastRun.date, describeRun(compareRun(lastRun, draft.duration))));
    md.appendMarkdown('\n\n');
  }
  if (draft.tags.length > 0) {
    md.appendMarkdown('$(tag) ');
    md.appendText(draft.tags.join(', '));
    md.appendMarkdown('\n\n');
  }
  for (const post of crossPostsOf(draft)) {
    md.appendMarkdown('$(cloud-upload) ');
    if (post.url) md.appendMarkdown(`[${escapeLinkText(post.label)}](${post.url.replace(/[()]/g, encodeURIComponent)})`);
    else md.appendText(`${post.label} #${post.id}`);
    const figures = Object.entries(post.reach).map(([metric, value]) => `${value.toLocaleString('en-US')} ${metric}`);
    md.appendText(figures.length > 0 ? ` · ${figures.join(' · ')}` : vscode.l10n.t(' · cross-posted'));
    md.appendMarkdown('  \n');
  }
  for (const problem of draft.problems) {
    md.appendMarkdown(problem.severity === 'error' ? '$(error) ' : '$(warning) ');
    md.appendText(problem.range ? vscode.l10n.t('Line {0}: {1}', problem.range.start.line + 1, problem.message) : problem.message);
    md.appendMarkdown('  \n');
  }
  md.appendMarkdown('\n');
  md.appendText(draft.relativePath);
  return md;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}
