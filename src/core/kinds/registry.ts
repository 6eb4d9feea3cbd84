// The built-in kinds, one entry each, holding every fact about a kind that DevRel Desk ships.
// Adding a kind means adding an entry here and its template in `templates/builtin.ts`; the
// unit tests then say which package.json contributions (command, snippet) it still needs.

import { BLOG_TEMPLATE, HACKATHON_TEMPLATE, OSS_TEMPLATE, TALK_TEMPLATE, TRIP_REPORT_TEMPLATE, WORKSHOP_TEMPLATE, type BuiltinTemplate } from '../templates/builtin';
import type { Template } from '../templates/parseTemplate';
import type { DateFieldDefinition, KindDefinition } from '../types';
import { getOwn } from '../util/objects';

/**
 * Where new drafts of a kind go unless settings or the template say otherwise. `posts` is
 * wherever the site generator publishes posts, named its way; a private folder holds working
 * notes the site must not render (speaker notes, leads), so each generator places it where it
 * builds nothing.
 */
export type KindFolder = { type: 'posts' } | { type: 'private'; name: string };

/** The per-kind command, e.g. New Blog Post; package.json contributes it with the same title and icon. */
export interface KindCommand {
  id: `devrel.new${string}`;
  title: string;
}

export interface BuiltInKind {
  id: string;
  label: string;
  /** Ordered workflow. The first is where new drafts start. */
  statuses: readonly string[];
  /** Statuses after which the work is over: hidden by "Hide finished", never overdue, never active. */
  finishedStatuses: readonly string[];
  /** Statuses that Advance skips because they are outcomes, not steps (a rejected talk). */
  sideStatuses?: readonly string[];
  /** Statuses in which the advocate is doing the work, as opposed to waiting on others. */
  activeStatuses: readonly string[];
  /** Dates this kind knows, in order of preference. */
  dateFields: readonly DateFieldDefinition[];
  /** A codicon id, for trees, pickers and the kind's command. */
  icon: string;
  /**
   * The template variables its New command asks for. The built-in template uses others too
   * (`due`, say); those stay empty so a new idea doesn't start with a wall of questions.
   */
  prompts: readonly string[];
  folder: KindFolder;
  /** Folder names that say what they hold, lowercase: Set Up Workspace suggests a folder so named for this kind. */
  folderNames: readonly string[];
  template: BuiltinTemplate;
  command: KindCommand;
  /**
   * What says how far along a draft is: its timed sections against its `duration`, its
   * checklist, or its words. Trees, the status bar and the dashboard all show this one measure.
   */
  progress: KindProgress;
}

export type KindProgress = 'timing' | 'checklist' | 'words';

const due: DateFieldDefinition = { field: 'due', label: 'Due', deadline: true };
const eventDate: DateFieldDefinition = { field: 'event_date', label: 'Event', deadline: true };

export const BUILT_IN_KIND_LIST: readonly BuiltInKind[] = [
  {
    id: 'blog',
    label: 'Blog post',
    statuses: ['idea', 'drafting', 'review', 'scheduled', 'published'],
    finishedStatuses: ['published'],
    activeStatuses: ['drafting', 'review'],
    dateFields: [{ field: 'publish_date', alternatives: ['date'], label: 'Publish', deadline: true }, due],
    icon: 'book',
    prompts: [],
    folder: { type: 'posts' },
    folderNames: ['posts', 'blog', 'articles', '_posts'],
    template: BLOG_TEMPLATE,
    command: { id: 'devrel.newBlogPost', title: 'New Blog Post' },
    progress: 'words',
  },
  {
    id: 'talk',
    label: 'Talk',
    statuses: ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered'],
    // A rejected talk is over too: it must not count as active work or go overdue.
    finishedStatuses: ['rejected', 'delivered'],
    sideStatuses: ['rejected'],
    activeStatuses: ['drafting', 'rehearsing'],
    dateFields: [{ field: 'cfp_deadline', label: 'CFP closes', deadline: true }, eventDate, due],
    icon: 'megaphone',
    prompts: ['event', 'cfp_deadline', 'event_date', 'duration'],
    folder: { type: 'private', name: 'talks' },
    folderNames: ['talks', 'talk', 'speaking', 'presentations'],
    template: TALK_TEMPLATE,
    command: { id: 'devrel.newTalk', title: 'New Talk Outline' },
    progress: 'timing',
  },
  {
    id: 'oss',
    label: 'OSS contribution',
    statuses: ['todo', 'in-progress', 'pr-open', 'merged', 'closed'],
    finishedStatuses: ['merged', 'closed'],
    activeStatuses: ['in-progress'],
    dateFields: [due],
    icon: 'git-pull-request',
    prompts: ['repository', 'issue'],
    folder: { type: 'private', name: 'oss' },
    folderNames: ['oss', 'contributions'],
    template: OSS_TEMPLATE,
    command: { id: 'devrel.newOssChecklist', title: 'New OSS Contribution Checklist' },
    progress: 'checklist',
  },
  {
    id: 'workshop',
    label: 'Workshop',
    statuses: ['idea', 'drafting', 'ready', 'delivered'],
    finishedStatuses: ['delivered'],
    activeStatuses: ['drafting'],
    dateFields: [eventDate, due],
    icon: 'mortar-board',
    prompts: ['event_date'],
    folder: { type: 'private', name: 'workshops' },
    folderNames: ['workshops', 'workshop'],
    template: WORKSHOP_TEMPLATE,
    command: { id: 'devrel.newWorkshop', title: 'New Workshop' },
    progress: 'checklist',
  },
  {
    id: 'trip-report',
    label: 'Trip report',
    statuses: ['drafting', 'shared'],
    finishedStatuses: ['shared'],
    activeStatuses: ['drafting'],
    // The event is what the report is about, so it is in the past by design: never overdue.
    dateFields: [{ ...eventDate, deadline: false }, due],
    icon: 'globe',
    prompts: ['event', 'event_date', 'end_date'],
    folder: { type: 'private', name: 'trip-reports' },
    folderNames: ['trip-reports', 'trips'],
    template: TRIP_REPORT_TEMPLATE,
    command: { id: 'devrel.newTripReport', title: 'New Conference Trip Report' },
    progress: 'words',
  },
  {
    id: 'hackathon',
    label: 'Hackathon',
    statuses: ['idea', 'planning', 'announced', 'running', 'done', 'cancelled'],
    // A cancelled hackathon is over as well: no overdue venue booking for an event that won't happen.
    finishedStatuses: ['done', 'cancelled'],
    sideStatuses: ['cancelled'],
    // Announced means people have signed up and the advocate waits for the day; the rest is work.
    activeStatuses: ['planning', 'running'],
    dateFields: [
      { field: 'registration_deadline', label: 'Registration closes', deadline: true, notAfter: 'event_date' },
      // The event runs until `end_date`: one span in the calendar, and not overdue while it runs.
      { field: 'event_date', label: 'Hackathon', deadline: true, until: 'end_date' },
      { field: 'end_date', label: 'Ends', deadline: false },
      due,
    ],
    icon: 'rocket',
    prompts: ['event_date', 'registration_deadline', 'format', 'participants'],
    folder: { type: 'private', name: 'hackathons' },
    folderNames: ['hackathons', 'hackathon'],
    template: HACKATHON_TEMPLATE,
    command: { id: 'devrel.newHackathon', title: 'New Hackathon' },
    progress: 'timing',
  },
];

/** The icon of kinds that settings or workspace templates add. */
export const DEFAULT_KIND_ICON = 'file-text';

// Kinds are looked up by names written in files, so maps of kinds have no prototype:
// `kind: constructor` must not find Object.prototype.constructor.
const BY_ID: Readonly<Record<string, BuiltInKind>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, BuiltInKind>, Object.fromEntries(BUILT_IN_KIND_LIST.map((kind) => [kind.id, kind]))),
);

/** The workflow part of every built-in kind, as the core reads drafts with it. */
export const BUILT_IN_KINDS: Readonly<Record<string, KindDefinition>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, KindDefinition>, Object.fromEntries(BUILT_IN_KIND_LIST.map((kind) => [kind.id, toKindDefinition(kind)]))),
);

/** The registry entry of a built-in kind; undefined for kinds settings or templates add. */
export function builtInKind(id: string): BuiltInKind | undefined {
  return getOwn(BY_ID, id);
}

/** A kind's codicon id: the registry's for a built-in kind, a plain document otherwise. */
export function kindIconId(id: string): string {
  return builtInKind(id)?.icon ?? DEFAULT_KIND_ICON;
}

/** The built-in templates, one per built-in kind, in registry order. */
export function builtinTemplates(): Template[] {
  return BUILT_IN_KIND_LIST.map(({ id, template }) => ({
    kind: id,
    name: template.name,
    description: template.description,
    source: `builtin:${id}`,
    builtin: true,
    text: template.text,
  }));
}

/** How a kind shows progress; kinds that settings or templates add count words. */
export function kindProgress(id: string): KindProgress {
  return builtInKind(id)?.progress ?? 'words';
}

/** The kind whose drafts are the site's posts, and so follow the site generator's folders and publishing fields. */
export const SITE_POST_KIND: string = BUILT_IN_KIND_LIST.find((kind) => kind.folder.type === 'posts')?.id ?? 'blog';

export function isSitePostKind(id: string): boolean {
  return id === SITE_POST_KIND;
}

/** The built-in kind a folder's name says it holds, e.g. `speaking` → `talk`. */
export function kindNamedByFolder(folderName: string): string | undefined {
  const name = folderName.toLowerCase();
  return BUILT_IN_KIND_LIST.find((kind) => kind.folderNames.includes(name))?.id;
}

function toKindDefinition(kind: BuiltInKind): KindDefinition {
  return {
    id: kind.id,
    label: kind.label,
    statuses: [...kind.statuses],
    finishedStatuses: [...kind.finishedStatuses],
    ...(kind.sideStatuses ? { sideStatuses: [...kind.sideStatuses] } : {}),
    activeStatuses: [...kind.activeStatuses],
    dateFields: kind.dateFields.map((field) => ({ ...field })),
  };
}
