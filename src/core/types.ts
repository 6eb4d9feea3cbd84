// Plain data shared by the core and its adapters. Nothing here may depend on `vscode`.

import type { SiteRule } from './sites/postRules';

/** A zero-based position in a document's text, counted in UTF-16 code units like VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

export type ProblemCode =
  | 'yaml-syntax'
  | 'toml-syntax'
  | 'front-matter-unclosed'
  | 'front-matter-not-a-map'
  | 'front-matter-too-large'
  | 'duplicate-key'
  | 'unknown-kind'
  | 'unknown-status'
  | 'invalid-date'
  | 'abstract-too-long'
  | 'talk-over-duration'
  | 'invalid-duration'
  | 'invalid-impact'
  | 'invalid-feedback'
  | 'invalid-submission'
  | 'submission-without-event'
  | 'unknown-submission-status'
  | 'notification-before-deadline'
  | 'duplicate-submission'
  | 'unknown-abstract-variant'
  | 'invalid-abstract'
  | 'rehearsal-over-slot'
  | 'analysis-skipped'
  | 'span-ends-before-start'
  | 'date-after-date'
  | 'judging-weights'
  | 'image-alt'
  | 'missing-summary'
  | 'heading-skip'
  | 'placeholder-link'
  | 'abstract-over-cfp-budget';

/** Something wrong with a draft. Problems are data: the core reports them and never throws them. */
export interface Problem {
  code: ProblemCode;
  message: string;
  severity: ProblemSeverity;
  /** Where the problem is, when it has a place. */
  range?: Range;
  /** The front-matter field the problem is about, if any. */
  field?: string;
  /** The values that would be accepted, for quick fixes and messages. */
  validValues?: string[];
  /** The offending value as written, for quick fixes. */
  value?: string;
  /** Ready-made fixes, worked out by the core on the text the problem was found in. */
  fixes?: ProblemFix[];
}

/** A quick fix as data: one replacement in the file the problem was found in. */
export interface ProblemFix {
  title: string;
  range: Range;
  newText: string;
  preferred?: boolean;
}

/** One entry of a talk's `submissions:` list: the talk sent to one call for papers. */
export interface Submission {
  /** Position in the `submissions:` list, for edits. */
  index: number;
  event: string;
  /** One of the submission statuses, or the unknown value as written (which is reported). */
  status: string;
  cfpUrl?: string;
  /** `YYYY-MM-DD` */
  cfpDeadline?: string;
  /** `YYYY-MM-DD` */
  notificationDate?: string;
  /** `YYYY-MM-DD` */
  eventDate?: string;
  format?: string;
  /** The abstract variant that was sent, e.g. `short`. */
  abstract?: string;
  travel?: string;
}

/** One abstract of a talk and how it measures against its budget. */
export interface AbstractVariant {
  name: string;
  /** Characters, with runs of white space counted as one, as CFP forms count them. */
  chars: number;
  budget: number;
  source: 'front-matter' | 'section';
}

export interface DateFieldDefinition {
  /** Front-matter key, e.g. `cfp_deadline`. */
  field: string;
  /** Keys read when `field` is absent, e.g. Hugo's `date` for a post's publish date. */
  alternatives?: string[];
  /** What the date means to a person, e.g. `CFP closes`. */
  label: string;
  /** Whether passing this date with the draft still active means it is overdue. */
  deadline: boolean;
  /**
   * The date field holding the last day of a span that starts at this date (a multi-day
   * event's `end_date`): the calendar shows one span, and the start is not overdue while the
   * span runs.
   */
  until?: string;
  /** A date field this date must not fall after, such as registration closing after the event itself. */
  notAfter?: string;
}

export interface KindDefinition {
  id: string;
  label: string;
  /** Ordered workflow. The first is where new drafts start. */
  statuses: string[];
  /** Statuses after which the work is over: hidden by "Hide finished", never overdue, never active. */
  finishedStatuses: string[];
  /** Statuses that Advance skips because they are outcomes, not steps (a rejected talk). */
  sideStatuses?: string[];
  /**
   * Statuses in which the advocate does the work (drafting, rehearsing), as opposed to waiting on
   * others (submitted, review by a CFP). Read it through `activeStatuses()`, which has a default.
   */
  activeStatuses?: string[];
  /** Dates this kind knows, in order of preference. */
  dateFields: DateFieldDefinition[];
}

export interface FolderKindMapping {
  /** Workspace-relative folder, with forward slashes, e.g. `content/posts`. */
  folder: string;
  kind: string;
  /** The workspace folder's URI when the mapping belongs to one folder (a detected site); undefined applies to every folder. */
  scope?: string;
}

export interface CoreConfig {
  kinds: Record<string, KindDefinition>;
  folderKinds: FolderKindMapping[];
  /** Detected or configured sites, whose generators decide what in their post folders is a post, published, and dated. */
  sites?: SiteRule[];
  wordsPerMinute: number;
  abstractMaxChars: number;
  maxFileBytes: number;
  /** Character budgets of named abstract variants; others use `abstractMaxChars`. */
  abstractBudgets?: Record<string, number>;
}

export interface DraftDate {
  field: string;
  label: string;
  /** `YYYY-MM-DD` */
  date: string;
  deadline: boolean;
}

export interface Heading {
  level: number;
  text: string;
  /** Zero-based line in the whole file. */
  line: number;
}

export interface TalkSection {
  title: string;
  minutes: number;
  line: number;
}

export interface DraftAnalysis {
  words: number;
  readingMinutes: number;
  headings: Heading[];
  checklist: { done: number; total: number };
  talk?: { plannedMinutes: number; sections: TalkSection[] };
}

/** One measured outcome of a piece of work, from an entry of the front-matter `impact:` list. */
export interface ImpactEntry {
  /** `YYYY-MM-DD` */
  date: string;
  /** A metric id, trimmed and lowercased, e.g. `views`. May name a metric that isn't configured. */
  metric: string;
  value: number;
  note?: string;
  link?: string;
  /** Where a synced figure came from, e.g. `devto`; absent for entries logged by hand. */
  source?: string;
  /** What the value counts when the entry says so, e.g. `minutes`; reports refuse to add up different units of one metric. */
  unit?: string;
}

/** One piece of product feedback, from an entry of the front-matter `feedback:` list. */
export interface FeedbackEntry {
  /** Position in the `feedback:` list as last read, for edits. */
  index: number;
  summary: string;
  /** One of the feedback statuses, or an unknown value as written (which is reported). */
  status: string;
  /** The product area it concerns, e.g. `CLI`. */
  area?: string;
  link?: string;
  /** `YYYY-MM-DD`: when it was given. */
  date: string;
}

/** One section of a recorded rehearsal, from the front-matter `rehearsals:` list. */
export interface RehearsalSectionResult {
  title: string;
  /** The section's budget in minutes when the run was recorded. */
  planned?: number;
  actual: number;
}

/** One recorded rehearsal, an entry of the front-matter `rehearsals:` list. */
export interface RehearsalRun {
  /** `YYYY-MM-DD` */
  date: string;
  minutes: number;
  sections?: RehearsalSectionResult[];
}

export type KindSource = 'front-matter' | 'folder';
/** `site-rule`: the site generator's own rule, e.g. a post in Jekyll's `_drafts` or Docusaurus's `unlisted: true`. */
export type StatusSource = 'front-matter' | 'draft-flag' | 'published-flag' | 'default' | 'site-rule';

/**
 * What the listing pass knows about a draft: enough for a tree to show it.
 * `analysis` is filled by the analysis pass.
 */
export interface Draft {
  uri: string;
  relativePath: string;
  kind: string;
  kindSource: KindSource;
  title: string;
  status: string;
  statusSource: StatusSource;
  dates: DraftDate[];
  tags: string[];
  /** Talk length in minutes, from the front-matter `duration`. */
  duration?: number;
  /**
   * Other top-level front-matter scalars (event, repository, description…). Fields already read
   * into their own properties and long texts such as abstracts are left out, to keep the index small.
   */
  fields: Record<string, string | number | boolean>;
  /** Valid entries of the front-matter `impact:` list; absent when there are none. */
  impact?: ImpactEntry[];
  /** Valid entries of the front-matter `feedback:` list; absent when there are none. */
  feedback?: FeedbackEntry[];
  /** Entries of the front-matter `submissions:` list that name an event; absent when there are none. */
  submissions?: Submission[];
  /** Named abstracts (`abstracts:` or `## Abstract (name)` sections); absent when there are none. */
  abstracts?: AbstractVariant[];
  /** Valid entries of the front-matter `rehearsals:` list, in the order written; absent when there are none. */
  rehearsals?: RehearsalRun[];
  frontMatterFormat?: 'yaml' | 'toml';
  problems: Problem[];
  /** Headings are left out: every draft is kept in memory and in the cache, and no view lists them. */
  analysis?: Omit<DraftAnalysis, 'headings'>;
}

export type SkipReason = 'too-large' | 'binary' | 'invalid-utf8' | 'not-markdown' | 'not-a-draft';

export interface Skipped {
  uri: string;
  reason: SkipReason;
  message: string;
}

export type ReadResult = { draft: Draft } | { skipped: Skipped };
