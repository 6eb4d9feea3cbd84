// Every id the extension contributes, in one place, so package.json and code can't drift apart unnoticed.
// The per-kind New commands are the exception: their ids live with their kind in the registry.

import type { KindCommand } from './core/kinds/registry';

export const CONFIG_SECTION = 'devrel';
export const OUTPUT_CHANNEL = 'DevRel Desk';

export const Commands = {
  newDraft: 'devrel.newDraft',
  newDraftHere: 'devrel.newDraftHere',
  customizeTemplates: 'devrel.customizeTemplates',
  createTemplateFromFile: 'devrel.createTemplateFromFile',
  setStatus: 'devrel.setStatus',
  advanceStatus: 'devrel.advanceStatus',
  revealInExplorer: 'devrel.revealInExplorer',
  openPreview: 'devrel.openPreview',
  openDraft: 'devrel.openDraft',
  groupBy: 'devrel.groupBy',
  hideFinished: 'devrel.hideFinished',
  showFinished: 'devrel.showFinished',
  filterByTag: 'devrel.filterByTag',
  clearTagFilter: 'devrel.clearTagFilter',
  refresh: 'devrel.refresh',
  showDraftActions: 'devrel.showDraftActions',
  showLog: 'devrel.showLog',
  logImpact: 'devrel.logImpact',
  logHackathonProjects: 'devrel.logHackathonProjects',
  openDashboard: 'devrel.openDashboard',
  parkDraft: 'devrel.parkDraft',
  resumeDraft: 'devrel.resumeDraft',
  addStatusToWorkflow: 'devrel.addStatusToWorkflow',
  insertSnippet: 'devrel.insertSnippet',
  showFocus: 'devrel.showFocus',
  impactMetric: 'devrel.impactMetric',
  setUpWorkspace: 'devrel.setUpWorkspace',
  publish: 'devrel.publish',
  setApiKey: 'devrel.setApiKey',
  clearApiKey: 'devrel.clearApiKey',
  syncStats: 'devrel.syncStats',
  addSubmission: 'devrel.addSubmission',
  setSubmissionStatus: 'devrel.setSubmissionStatus',
  exportCalendar: 'devrel.exportCalendar',
  refreshCfps: 'devrel.refreshCfps',
  trackCfp: 'devrel.trackCfp',
  filterCfps: 'devrel.filterCfps',
  clearCfpFilter: 'devrel.clearCfpFilter',
  openCfp: 'devrel.openCfp',
  exportSlides: 'devrel.exportSlides',
  exportSpeakerNotes: 'devrel.exportSpeakerNotes',
  startRehearsal: 'devrel.startRehearsal',
  nextSection: 'devrel.nextSection',
  pauseRehearsal: 'devrel.pauseRehearsal',
  resumeRehearsal: 'devrel.resumeRehearsal',
  stopRehearsal: 'devrel.stopRehearsal',
  exportImpactReport: 'devrel.exportImpactReport',
  logFeedback: 'devrel.logFeedback',
  setFeedbackStatus: 'devrel.setFeedbackStatus',
} as const;

/** New Blog Post and the other per-kind commands: each id sits with its kind in the kinds registry. */
export type KindCommandId = KindCommand['id'];

export type CommandId = (typeof Commands)[keyof typeof Commands] | KindCommandId;

export const Views = {
  container: 'devrelDesk',
  drafts: 'devrel.drafts',
  upcoming: 'devrel.upcoming',
  impact: 'devrel.impact',
  cfps: 'devrel.cfps',
  feedback: 'devrel.feedback',
  speakerNotes: 'devrel.speakerNotes',
} as const;

export const ContextKeys = {
  groupBy: 'devrel.groupBy',
  hideFinished: 'devrel.hideFinished',
  tagFilter: 'devrel.tagFilterActive',
  hasDrafts: 'devrel.hasDrafts',
  scanning: 'devrel.scanning',
  cfpFilterActive: 'devrel.cfpFilterActive',
  rehearsing: 'devrel.rehearsing',
  rehearsalPaused: 'devrel.rehearsalPaused',
  /** A workspace folder has a Vale configuration, so the walkthrough points to the Vale extension. */
  hasValeConfig: 'devrel.hasValeConfig',
} as const;
