import * as vscode from 'vscode';
import { Commands, type CommandId } from '../constants';
import { log, reportError, showLog, UserError } from '../util/logger';
import { showFocus } from './focusCommands';
import { insertSnippet } from './snippetCommands';
import { openDashboard, type DashboardDeps } from '../views/dashboardPanel';
import { chooseImpactMetric, logHackathonProjects, logImpact, type ImpactContext } from './impactCommands';
import * as scaffold from './scaffoldCommands';
import type { ScaffoldContext } from './scaffoldCommands';
import { setUpWorkspace, type SetupContext } from './setupCommands';
import * as tracking from './trackingCommands';
import { clearApiKey, publish, setApiKey, syncStats, type PublishDeps } from './publishCommands';
import type { TrackingContext } from './trackingCommands';
import { BUILT_IN_KIND_LIST } from '../core/kinds/registry';
import { addSubmission, exportCalendar, setSubmissionStatus } from './talkCommands';
import { clearCfpFilter, filterCfps, openCfp, refreshCfps, trackCfp, type CfpContext } from './cfpCommands';
import * as stage from './talkStageCommands';
import type { TalkStageContext } from './talkStageCommands';
import { exportImpactReport } from './reportCommands';
import { logFeedback, setFeedbackStatus } from './feedbackCommands';

export interface CommandEntry {
  id: CommandId;
  /** What the person was doing, for the one-line error message: "Set Status failed…". */
  action: string;
  run: (...args: unknown[]) => unknown;
}

/** Everything a command handler may need; each handler takes the part it uses. */
export interface CommandServices extends TrackingContext, ScaffoldContext, ImpactContext, SetupContext {
  dashboard: DashboardDeps;
  publish: PublishDeps;
  cfps: Pick<CfpContext, 'feeds' | 'tree'>;
  rehearsal: Omit<TalkStageContext, 'workspace'>;
}

/** Every command DevRel Desk registers: its id, what the person was doing, and how its arguments reach the handler. */
export function commandEntries(ctx: CommandServices): CommandEntry[] {
  const cfp: CfpContext = { workspace: ctx.workspace, ...ctx.cfps };
  const talkStage: TalkStageContext = { workspace: ctx.workspace, ...ctx.rehearsal };
  return [
    // New Blog Post and the other per-kind commands come from the kinds registry.
    ...BUILT_IN_KIND_LIST.map(({ id, command }): CommandEntry => ({ id: command.id, action: command.title, run: (arg) => scaffold.newDraftOfKind(ctx, id, arg) })),
    { id: Commands.newDraft, action: vscode.l10n.t('New Draft'), run: (arg) => scaffold.newDraft(ctx, arg) },
    { id: Commands.newDraftHere, action: vscode.l10n.t('New Draft Here'), run: (folder, arg) => scaffold.newDraftHere(ctx, folder, arg) },
    { id: Commands.customizeTemplates, action: vscode.l10n.t('Customize Templates'), run: (folder) => scaffold.customizeTemplates(ctx, folder) },
    { id: Commands.createTemplateFromFile, action: vscode.l10n.t('Create Template from Current File'), run: (target, name) => scaffold.createTemplateFromFile(ctx, target, name) },
    { id: Commands.setUpWorkspace, action: vscode.l10n.t('Set Up Workspace'), run: (arg) => setUpWorkspace(ctx, arg) },
    { id: Commands.setStatus, action: vscode.l10n.t('Set Status'), run: (target, status) => tracking.setStatus(ctx, target, status) },
    { id: Commands.advanceStatus, action: vscode.l10n.t('Advance Status'), run: (target) => tracking.advanceStatus(ctx, target) },
    { id: Commands.revealInExplorer, action: vscode.l10n.t('Reveal in Explorer'), run: (target) => tracking.revealInExplorer(target) },
    { id: Commands.openPreview, action: vscode.l10n.t('Open Preview'), run: (target) => tracking.openPreview(target) },
    { id: Commands.openDraft, action: vscode.l10n.t('Open Draft'), run: (target) => tracking.openDraft(target) },
    { id: Commands.groupBy, action: vscode.l10n.t('Group By'), run: (value) => tracking.groupBy(ctx, value) },
    { id: Commands.hideFinished, action: vscode.l10n.t('Hide Finished'), run: () => tracking.setHideFinished(ctx, true) },
    { id: Commands.showFinished, action: vscode.l10n.t('Show Finished'), run: () => tracking.setHideFinished(ctx, false) },
    { id: Commands.filterByTag, action: vscode.l10n.t('Filter by Tag'), run: (tag) => tracking.filterByTag(ctx, tag) },
    { id: Commands.clearTagFilter, action: vscode.l10n.t('Clear Tag Filter'), run: () => tracking.clearTagFilter(ctx) },
    { id: Commands.refresh, action: vscode.l10n.t('Refresh'), run: () => tracking.refresh(ctx) },
    { id: Commands.showDraftActions, action: vscode.l10n.t('Show Draft Actions'), run: (target) => tracking.showDraftActions(ctx, target) },
    { id: Commands.showLog, action: vscode.l10n.t('Show Log'), run: () => showLog() },
    { id: Commands.parkDraft, action: vscode.l10n.t('Park Draft'), run: (target) => tracking.parkDraft(ctx, target) },
    { id: Commands.resumeDraft, action: vscode.l10n.t('Resume Draft'), run: (target) => tracking.resumeDraft(ctx, target) },
    { id: Commands.insertSnippet, action: vscode.l10n.t('Insert Snippet'), run: (prefix) => insertSnippet(ctx.workspace, ctx.dashboard.extensionUri, prefix) },
    { id: Commands.addStatusToWorkflow, action: vscode.l10n.t('Add Status to Workflow'), run: (kind, status, scope) => tracking.addStatusToWorkflow(ctx, kind, status, scope) },
    { id: Commands.showFocus, action: vscode.l10n.t('Show Focus'), run: () => showFocus(ctx.workspace) },
    {
      id: Commands.openDashboard,
      action: vscode.l10n.t('Open Dashboard'),
      run: () => {
        openDashboard(ctx.dashboard);
      },
    },
    { id: Commands.logImpact, action: vscode.l10n.t('Log Impact'), run: (target, input) => logImpact(ctx, target, input) },
    { id: Commands.logHackathonProjects, action: vscode.l10n.t('Log Hackathon Projects'), run: (target) => logHackathonProjects(ctx, target) },
    { id: Commands.impactMetric, action: vscode.l10n.t('Top Work By Metric'), run: (metric) => chooseImpactMetric(ctx, metric) },
    { id: Commands.publish, action: vscode.l10n.t('Publish'), run: (target, options) => publish(ctx.publish, target, options) },
    { id: Commands.setApiKey, action: vscode.l10n.t('Set API Key'), run: (platform, key) => setApiKey(ctx.publish, platform, key) },
    { id: Commands.clearApiKey, action: vscode.l10n.t('Clear API Key'), run: (platform) => clearApiKey(ctx.publish, platform) },
    { id: Commands.syncStats, action: vscode.l10n.t('Sync Stats'), run: (options) => syncStats(ctx.publish, options) },
    { id: Commands.addSubmission, action: vscode.l10n.t('Add Submission'), run: (target, input) => addSubmission(ctx, target, input) },
    { id: Commands.setSubmissionStatus, action: vscode.l10n.t('Set Submission Status'), run: (target, event, status) => setSubmissionStatus(ctx, target, event, status) },
    { id: Commands.exportCalendar, action: vscode.l10n.t('Export Calendar'), run: (arg) => exportCalendar(ctx, arg) },
    { id: Commands.refreshCfps, action: vscode.l10n.t('Refresh CFPs'), run: () => refreshCfps(cfp) },
    { id: Commands.filterCfps, action: vscode.l10n.t('Filter CFPs'), run: (arg) => filterCfps(cfp, arg) },
    { id: Commands.clearCfpFilter, action: vscode.l10n.t('Clear CFP Filter'), run: () => clearCfpFilter(cfp) },
    { id: Commands.trackCfp, action: vscode.l10n.t('Track CFP'), run: (call, target) => trackCfp(cfp, call, target) },
    { id: Commands.openCfp, action: vscode.l10n.t('Open Call for Papers'), run: (call) => openCfp(cfp, call) },
    { id: Commands.exportSlides, action: vscode.l10n.t('Export Slides'), run: (target, options) => stage.exportSlides(talkStage, target, options) },
    { id: Commands.exportSpeakerNotes, action: vscode.l10n.t('Export Speaker Notes'), run: (target) => stage.exportSpeakerNotes(talkStage, target) },
    { id: Commands.startRehearsal, action: vscode.l10n.t('Start Rehearsal'), run: (target, options) => stage.startRehearsal(talkStage, target, options) },
    { id: Commands.nextSection, action: vscode.l10n.t('Next Section'), run: () => stage.nextSection(talkStage) },
    { id: Commands.pauseRehearsal, action: vscode.l10n.t('Pause Rehearsal'), run: () => stage.pauseRehearsal(talkStage) },
    { id: Commands.resumeRehearsal, action: vscode.l10n.t('Resume Rehearsal'), run: () => stage.resumeRehearsal(talkStage) },
    { id: Commands.stopRehearsal, action: vscode.l10n.t('Stop Rehearsal'), run: () => stage.stopRehearsal(talkStage) },
    { id: Commands.exportImpactReport, action: vscode.l10n.t('Export Impact Report'), run: (options) => exportImpactReport(ctx, options) },
    { id: Commands.logFeedback, action: vscode.l10n.t('Log Feedback'), run: (target, input) => logFeedback(ctx, target, input) },
    { id: Commands.setFeedbackStatus, action: vscode.l10n.t('Set Feedback Status'), run: (target, summary, status) => setFeedbackStatus(ctx, target, summary, status) },
  ];
}

/**
 * Registers every command from one table, each behind the same error boundary: a problem the
 * person can fix is shown as a warning, anything else is logged in full and summarised once.
 */
export function registerCommands(entries: readonly CommandEntry[]): vscode.Disposable[] {
  return entries.map((entry) =>
    vscode.commands.registerCommand(entry.id, async (...args: unknown[]) => {
      try {
        return await entry.run(...args);
      } catch (error) {
        if (error instanceof UserError) {
          log().info(`${entry.action}: ${error.message}`);
          void vscode.window.showWarningMessage(error.message);
        } else {
          void reportError(entry.action, error);
        }
        return undefined;
      }
    }),
  );
}
