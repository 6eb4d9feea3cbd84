import type MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import type { DraftInfo } from './core/schedule';
import type { Cfp } from './core/talks/cfpFeed';

export type { DraftInfo } from './core/schedule';

/** What `activate()` returns. Other extensions and the integration tests rely on it: keep it stable. */
export interface DevRelDeskApi {
  /** Every draft in the workspace. Resolves once the first scan is complete. */
  listDrafts(): Promise<DraftInfo[]>;
  /** The totals the Impact view shows: per metric this quarter and in all, and per kind. */
  impactSummary(): Promise<ImpactSummaryInfo>;
  /**
   * Open calls for papers from the `devrel.cfp.sources` feeds, merged by CFP URL, soonest
   * deadline first. Reads the feeds (or their cache) if nothing has read them yet.
   */
  openCfps(): Promise<CfpInfo[]>;
  /**
   * How fresh the `openCfps()` list is, without reading anything: when the feeds shown were read,
   * which feeds could not be read at the last refresh, and the words the CFPs view shows.
   */
  cfpFeedStatus(): Promise<CfpFeedStatusInfo>;
  /**
   * Called by the editor's Markdown extension (`markdown.markdownItPlugins`) with its markdown-it
   * instance: adds the draft header, section budgets and checklist progress to the preview, and
   * returns the same instance. Documents that are not drafts render as before.
   */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** Fires whenever a draft is added, changed or removed. */
  onDidChangeDrafts: vscode.Event<void>;
  /** Timings of this activation, in milliseconds, for benchmarks and diagnostics. */
  readonly timings: {
    /** `Date.now()` when activation began. */
    readonly activatedAt: number;
    readonly activateMs: number;
    readonly firstListMs?: number;
    readonly firstIndexMs?: number;
  };
}

export interface ImpactSummaryInfo {
  /** e.g. `2026 Q4` */
  quarter: string;
  thisQuarter: Record<string, number>;
  allTime: Record<string, number>;
  byKind: { kind: string; allTime: Record<string, number> }[];
  /** Reach synced from dev.to and Hashnode, per platform; platforms never synced are left out. */
  byPlatform: { platform: string; allTime: Record<string, number> }[];
  /** CFP acceptance per year, oldest first: accepted (with confirmed, delivered and declined) over decided. */
  acceptance: { year: string; accepted: number; decided: number; rate: number }[];
}

/** How fresh the CFP feeds are. */
export interface CfpFeedStatusInfo {
  /** When the oldest feed shown was read (ISO 8601); absent before any was read, here or from the cache. */
  fetchedAt?: string;
  /** Feeds, as `devrel.cfp.sources` names them, that could not be read at the last refresh: shown from the cache, or not at all. */
  unreachable: string[];
  /** The CFPs view's words for it, such as `updated 5 min ago` or `offline · cached 3 days ago`; absent before the feeds are read. */
  summary?: string;
}

/** An open call for papers, as the CFPs view lists it, without the feeds it came from. */
export type CfpInfo = Omit<Cfp, 'country' | 'sources'>;
