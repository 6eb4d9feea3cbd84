import * as vscode from 'vscode';
import { ContextKeys } from '../constants';
import { Rehearsal, type Clock, type RehearsalOutcome, type RehearsalPlan, type RehearsalSnapshot } from '../core/talks/rehearsal';
import { Disposable } from '../util/disposable';
import { UserError } from '../util/logger';
import type { WorkspaceDrafts } from './workspaceDrafts';

export interface ActiveRehearsal {
  uri: vscode.Uri;
  plan: RehearsalPlan;
  snapshot: RehearsalSnapshot;
  /** The talk's file went away during the rehearsal; stopping will hand the run over instead of saving it. */
  talkMissing: boolean;
}

/**
 * The one rehearsal that can run at a time, for the status bar, the notes view and the commands.
 * Views redraw on `onDidChange`, which fires on every step and once a second while time runs.
 */
export class RehearsalSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private rehearsal: Rehearsal | undefined;
  private uri: vscode.Uri | undefined;
  private talkMissing = false;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(workspace: WorkspaceDrafts) {
    super();
    this.register(
      workspace.onDidChange((change) => {
        const uri = this.uri?.toString();
        if (uri === undefined) return;
        if (change.removed.includes(uri)) this.setMissing(true);
        else if (change.changed.includes(uri)) this.setMissing(false);
      }),
    );
    this.register({ dispose: () => this.stopTicking() });
  }

  get active(): ActiveRehearsal | undefined {
    if (!this.rehearsal || !this.uri) return undefined;
    return { uri: this.uri, plan: this.rehearsal.plan, snapshot: this.rehearsal.snapshot(), talkMissing: this.talkMissing };
  }

  start(uri: vscode.Uri, plan: RehearsalPlan, clock: Clock): RehearsalSnapshot {
    this.rehearsal = new Rehearsal(plan, clock);
    this.uri = uri;
    this.talkMissing = false;
    this.rehearsal.start();
    this.startTicking();
    return this.publish();
  }

  /** Moves on; after the last section the rehearsal is over and its outcome is returned. */
  next(): { snapshot: RehearsalSnapshot; finished: boolean } {
    const rehearsal = this.require();
    const finished = rehearsal.next();
    if (!finished) this.startTicking();
    return { snapshot: this.publish(), finished };
  }

  pause(): RehearsalSnapshot {
    this.require().pause();
    this.stopTicking();
    return this.publish();
  }

  resume(): RehearsalSnapshot {
    this.require().resume();
    this.startTicking();
    return this.publish();
  }

  /** Ends the rehearsal and forgets it; what to record is up to the caller. */
  finish(date: string): { uri: vscode.Uri; plan: RehearsalPlan; outcome: RehearsalOutcome } {
    const rehearsal = this.require();
    const uri = this.uri as vscode.Uri;
    const outcome = rehearsal.outcome(date);
    this.rehearsal = undefined;
    this.uri = undefined;
    this.talkMissing = false;
    this.stopTicking();
    this.publish();
    return { uri, plan: rehearsal.plan, outcome };
  }

  private require(): Rehearsal {
    if (!this.rehearsal) throw new UserError(vscode.l10n.t('No rehearsal is running. Start one with DevRel: Start Rehearsal.'));
    return this.rehearsal;
  }

  private setMissing(missing: boolean): void {
    if (this.talkMissing === missing) return;
    this.talkMissing = missing;
    this.changed.fire();
  }

  private publish(): RehearsalSnapshot {
    const snapshot = this.rehearsal?.snapshot();
    void vscode.commands.executeCommand('setContext', ContextKeys.rehearsing, snapshot !== undefined);
    void vscode.commands.executeCommand('setContext', ContextKeys.rehearsalPaused, snapshot?.phase === 'paused');
    this.changed.fire();
    return snapshot as RehearsalSnapshot;
  }

  private startTicking(): void {
    if (this.ticker !== undefined || this.isDisposed) return;
    this.ticker = setInterval(() => this.changed.fire(), 1000);
  }

  private stopTicking(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
