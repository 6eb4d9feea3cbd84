// Every id the extension contributes, in one place, so package.json and code can't drift apart unnoticed.

export const EXTENSION_ID = 'devrel-desk.devrel-desk';
export const CONFIG_SECTION = 'devrel';
export const OUTPUT_CHANNEL = 'DevRel Desk';

export const Commands = {
  newBlogPost: 'devrel.newBlogPost',
  newTalk: 'devrel.newTalk',
  newOssChecklist: 'devrel.newOssChecklist',
  newWorkshop: 'devrel.newWorkshop',
  newTripReport: 'devrel.newTripReport',
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
  openDashboard: 'devrel.openDashboard',
  parkDraft: 'devrel.parkDraft',
  showFocus: 'devrel.showFocus',
  impactMetric: 'devrel.impactMetric',
  setUpWorkspace: 'devrel.setUpWorkspace',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'devrelDesk',
  drafts: 'devrel.drafts',
  upcoming: 'devrel.upcoming',
  impact: 'devrel.impact',
} as const;

export const ContextKeys = {
  groupBy: 'devrel.groupBy',
  hideFinished: 'devrel.hideFinished',
  tagFilter: 'devrel.tagFilterActive',
  hasDrafts: 'devrel.hasDrafts',
  scanning: 'devrel.scanning',
} as const;
