import type * as vscode from 'vscode';
import type { DraftInfo } from './core/schedule';

export type { DraftInfo } from './core/schedule';

/** What `activate()` returns. Other extensions and the integration tests rely on it: keep it stable. */
export interface DevRelDeskApi {
  /** Every draft in the workspace. Resolves once the first scan is complete. */
  listDrafts(): Promise<DraftInfo[]>;
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
