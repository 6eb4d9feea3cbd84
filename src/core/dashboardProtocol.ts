// The contract between the dashboard panel and its page: the model the page draws, and every
// message in both directions. It lives in core because core builds the model and checks the
// page's requests. Types only, with no imports, so the extension (a Node bundle) and the page (a
// browser bundle with its own tsconfig) both check against this one file.
//
// Messages are still checked at run time on both sides: types are erased, and the page shows
// text from workspace files that anyone can write.

/** Sent by the extension to the page. */
export type HostToPage = { type: 'model'; model: DashboardModel } | { type: 'statusResult'; ok: boolean; message: string };

/** Sent by the page to the extension: requests the extension checks before acting on them. */
export type PageToHost = { type: 'ready' } | { type: 'open'; uri: string } | { type: 'setStatus'; uri: string; status: string };

export interface DashboardModel {
  today: string;
  focus: FocusLine;
  pipeline: PipelineKind[];
  calendar: CalendarModel;
  impact: ImpactModel;
  /** Absent from models saved by versions before rehearsals were tracked. */
  rehearsals?: RehearsalsModel;
}

export interface FocusLine {
  /** `Focus 2/3 · 3 deadlines in the next 14 days` */
  text: string;
  over: boolean;
  warnings: string[];
}

export interface PipelineKind {
  kind: string;
  label: string;
  /** False for a kind no setting defines: its drafts are shown, but can't be moved. */
  known: boolean;
  /** Statuses a card may move to: the kind's workflow, empty for unknown kinds. */
  statuses: string[];
  columns: PipelineColumn[];
  count: number;
}

export interface PipelineColumn {
  status: string;
  /** False for a status written in files but missing from the workflow, such as a typo. */
  inWorkflow: boolean;
  finished: boolean;
  cards: PipelineCard[];
}

export interface PipelineCard {
  uri: string;
  title: string;
  relativePath: string;
  status: string;
  /** `CFP closes in 3 days`; absent when the draft has no date that still matters. */
  dateLabel?: string;
  date?: string;
  overdue: boolean;
  /** `Due 3 days ago`: the most recent overdue date, so the mark says what was missed. */
  overdueLabel?: string;
  /** `1,240 words`, `6/10 tasks`, `~28/30 min`. */
  measure?: string;
}

export interface CalendarItem {
  uri: string;
  title: string;
  kindLabel: string;
  status: string;
  /** What the date means, e.g. `CFP closes`. */
  label: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `Tue Dec 1`, or `Sat Jan 16 – Mon Jan 18 (3 days)` for a span */
  dayLabel: string;
  /** The last day, `YYYY-MM-DD`, when the item is a span over several days (a multi-day event). */
  endDate?: string;
  /** `in 3 days`, `2 days ago` */
  when: string;
  days: number;
  overdue: boolean;
  /** Counts towards a crowded week: a CFP closing, event or publish, as the focus limit counts. */
  commitment: boolean;
}

export interface CalendarWeek {
  /** The Monday, `YYYY-MM-DD`. */
  start: string;
  /** The Sunday. */
  end: string;
  /** `Nov 23 – Nov 29` */
  label: string;
  current: boolean;
  items: CalendarItem[];
  commitments: number;
  crowded: boolean;
}

export interface CalendarModel {
  from: string;
  to: string;
  /** Past deadlines of open work, oldest first: listed before the weeks. */
  overdue: CalendarItem[];
  weeks: CalendarWeek[];
  /** A week with more commitments than this is crowded; null when the deadline limit is off. */
  crowdedAbove: number | null;
  /** The rule in words, shown under the calendar. */
  crowdedRule: string;
}

/**
 * Numbers in the impact model are sums of what people typed. JSON has no Infinity or NaN, so a
 * sum too large for a number reaches the page as null: the page shows such a value as "—".
 */
export interface ImpactMetric {
  id: string;
  label: string;
  unit: string;
  /** False for a metric logged in files but not configured in settings. */
  known: boolean;
  thisQuarter: number;
  allTime: number;
  /** The last `IMPACT_MONTHS` months, oldest first. */
  series: ImpactMonth[];
  /** The largest month in `series`, 0 when all are empty. */
  max: number;
}

export interface ImpactMonth {
  /** `YYYY-MM` */
  month: string;
  /** e.g. `Mar 2026`, fixed English so charts don't depend on the machine's locale. */
  label: string;
  total: number;
}

export interface ImpactModel {
  /** e.g. `2026 Q4` */
  quarterLabel: string;
  entryCount: number;
  draftCount: number;
  /** Only metrics with any entries, configured ones in their order first. */
  metrics: ImpactMetric[];
}

/** Talks with recorded rehearsals, the most recently rehearsed first. */
export interface RehearsalsModel {
  talks: RehearsalTalk[];
}

export interface RehearsalTalk {
  uri: string;
  title: string;
  relativePath: string;
  /** The slot in minutes, from the front-matter `duration`. */
  slot?: number;
  /** The last runs, oldest first, for the history chart. */
  runs: RehearsalPoint[];
  /** How many runs there are in all; `runs` holds the last few. */
  runCount: number;
  latest: LatestRehearsal;
}

export interface RehearsalPoint {
  /** `YYYY-MM-DD` */
  date: string;
  minutes: number;
}

export interface LatestRehearsal {
  date: string;
  minutes: number;
  /** Minutes over the slot, negative when under; absent without a slot. */
  overSlot?: number;
  /** `31.5 min, 1.5 over the 30 min slot; ran long: Demo +3.1` */
  summary: string;
  sections: RehearsalSectionRow[];
}

export interface RehearsalSectionRow {
  title: string;
  planned?: number;
  actual: number;
  /** Minutes over the budget; 0 or less when on time; absent without a budget. */
  over?: number;
}
