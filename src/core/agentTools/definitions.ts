// The language model tools DevRel Desk contributes, as package.json declares them. A unit test
// holds package.json to these definitions, so the manifest and the checks never drift apart.

import type { InputSchema } from './inputSchema';

export interface AgentToolDefinition {
  name: string;
  displayName: string;
  toolReferenceName: string;
  userDescription: string;
  modelDescription: string;
  canBeReferencedInPrompt: boolean;
  tags: readonly string[];
  icon: string;
  inputSchema: InputSchema;
}

export const AGENT_TOOL_TAG = 'devrel-desk';

const TAGS = [AGENT_TOOL_TAG];

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

const draftRef: InputSchema = {
  type: 'string',
  minLength: 1,
  description: 'The draft: its workspace-relative path as devrel_listDrafts shows it (such as talks/kill-switch.md), or its exact title.',
};

export const AgentTools = {
  listDrafts: 'devrel_listDrafts',
  upcomingDeadlines: 'devrel_upcomingDeadlines',
  impactSummary: 'devrel_impactSummary',
  createDraft: 'devrel_createDraft',
  logImpact: 'devrel_logImpact',
  setStatus: 'devrel_setStatus',
} as const;

export type AgentToolName = (typeof AgentTools)[keyof typeof AgentTools];

export const AGENT_TOOL_DEFINITIONS: Readonly<Record<AgentToolName, AgentToolDefinition>> = {
  [AgentTools.listDrafts]: {
    name: AgentTools.listDrafts,
    displayName: 'List DevRel Drafts',
    toolReferenceName: 'devrelDrafts',
    userDescription: 'List the DevRel drafts in the workspace (blog posts, talks, workshops…), filtered by kind and status.',
    modelDescription:
      'Lists the developer relations drafts tracked by DevRel Desk in this workspace: blog posts, talks, workshops, open-source contributions, hackathons, trip reports and any kinds the workspace adds, each with its kind, status, path, next date and progress. Use it to answer what the person is working on, to find a draft by kind or status, or to get the path another DevRel tool needs. Filter with kind (such as "talk") and status (such as "drafting"); activeOnly leaves out finished and parked work.',
    canBeReferencedInPrompt: true,
    tags: TAGS,
    icon: '$(list-unordered)',
    inputSchema: {
      type: 'object',
      properties: {
        kind: { type: 'string', minLength: 1, description: 'Only drafts of this kind id, such as blog, talk, workshop, oss, hackathon, trip-report.' },
        status: { type: 'string', minLength: 1, description: 'Only drafts with this status, such as idea, drafting, review, published.' },
        activeOnly: { type: 'boolean', description: 'Leave out finished and parked drafts. Defaults to false.' },
        limit: { type: 'integer', minimum: 1, maximum: 200, description: 'At most this many drafts, the ones with the nearest dates first. Defaults to 50.' },
      },
      additionalProperties: false,
    },
  },
  [AgentTools.upcomingDeadlines]: {
    name: AgentTools.upcomingDeadlines,
    displayName: 'Upcoming DevRel Deadlines',
    toolReferenceName: 'devrelDeadlines',
    userDescription: 'Upcoming and overdue dates of DevRel drafts: CFP deadlines, events, publish dates.',
    modelDescription:
      'Lists the dates coming up for the developer relations work DevRel Desk tracks: CFP deadlines, event dates, publish dates, talk submissions and other deadlines, soonest first, with overdue ones flagged. Use it when the person asks what is due, what to work on next, or how busy the coming weeks are. days sets how far ahead to look.',
    canBeReferencedInPrompt: true,
    tags: TAGS,
    icon: '$(calendar)',
    inputSchema: {
      type: 'object',
      properties: {
        days: { type: 'integer', minimum: 1, maximum: 366, description: 'How many days ahead to look, today included. Defaults to 30.' },
        kind: { type: 'string', minLength: 1, description: 'Only dates of drafts of this kind id, such as talk.' },
        includeOverdue: { type: 'boolean', description: 'Also list deadlines that have passed while the work is still open. Defaults to true.' },
      },
      additionalProperties: false,
    },
  },
  [AgentTools.impactSummary]: {
    name: AgentTools.impactSummary,
    displayName: 'DevRel Impact Summary',
    toolReferenceName: 'devrelImpact',
    userDescription: 'The impact of DevRel work over a period: totals per metric, by kind, talks given, posts published.',
    modelDescription:
      'Summarises the impact logged on developer relations work for a period, compared with the period before: totals per metric (page views, attendees, stars…), per kind, the top pieces of work, talks given, CFP acceptance, posts published and product feedback. Use it for quarterly reports, reviews, or questions like "how did my talks do this year". Give from and to as YYYY-MM-DD; with neither it covers the last full calendar quarter, and with only from it runs to today.',
    canBeReferencedInPrompt: true,
    tags: TAGS,
    icon: '$(graph)',
    inputSchema: {
      type: 'object',
      properties: {
        from: { type: 'string', pattern: DATE, description: 'First day of the period, as YYYY-MM-DD.' },
        to: { type: 'string', pattern: DATE, description: 'Last day of the period, as YYYY-MM-DD.' },
      },
      additionalProperties: false,
    },
  },
  [AgentTools.createDraft]: {
    name: AgentTools.createDraft,
    displayName: 'Create DevRel Draft',
    toolReferenceName: 'devrelNewDraft',
    userDescription: 'Create a new DevRel draft of a kind with a title, from its template.',
    modelDescription:
      'Creates a new developer relations draft from the workspace template for its kind, with front matter filled in, in the folder the workspace uses for that kind, and opens it. Use it when the person asks to start a blog post, talk, workshop or other piece of work. Needs the kind id (such as blog, talk, workshop) and a title. The person confirms before anything is written.',
    canBeReferencedInPrompt: true,
    tags: TAGS,
    icon: '$(new-file)',
    inputSchema: {
      type: 'object',
      properties: {
        kind: { type: 'string', minLength: 1, description: 'The kind id, such as blog, talk, workshop, oss, hackathon, trip-report.' },
        title: { type: 'string', minLength: 1, maxLength: 200, description: 'The title of the new draft.' },
        folder: { type: 'string', minLength: 1, description: 'A workspace-relative folder to create it in, instead of the folder the workspace uses for the kind.' },
      },
      required: ['kind', 'title'],
      additionalProperties: false,
    },
  },
  [AgentTools.logImpact]: {
    name: AgentTools.logImpact,
    displayName: 'Log DevRel Impact',
    toolReferenceName: 'devrelLogImpact',
    userDescription: 'Log an impact figure (views, attendees, stars…) on a DevRel draft.',
    modelDescription:
      "Appends one entry to the impact log in a developer relations draft's front matter, such as 1200 views on a blog post or 80 attendees at a talk. Use it when the person reports a result for a piece of work. Needs the draft (path from devrel_listDrafts, or exact title), the metric id (views, reactions, comments, attendees, questions, stars, prs-merged, or one the workspace configures) and the value; note, link and date (YYYY-MM-DD, default today) are optional. The person confirms before anything is written.",
    canBeReferencedInPrompt: true,
    tags: TAGS,
    icon: '$(graph-line)',
    inputSchema: {
      type: 'object',
      properties: {
        draft: draftRef,
        metric: { type: 'string', minLength: 1, description: 'The metric id, such as views, attendees, stars.' },
        value: { type: 'number', minimum: 0, description: 'The figure to log, such as 1200.' },
        note: { type: 'string', description: 'A short note on where the figure comes from.' },
        link: { type: 'string', description: 'A link to the source of the figure.' },
        date: { type: 'string', pattern: DATE, description: 'The day the figure is for, as YYYY-MM-DD. Defaults to today.' },
      },
      required: ['draft', 'metric', 'value'],
      additionalProperties: false,
    },
  },
  [AgentTools.setStatus]: {
    name: AgentTools.setStatus,
    displayName: 'Set DevRel Draft Status',
    toolReferenceName: 'devrelSetStatus',
    userDescription: "Move a DevRel draft to another status in its kind's workflow.",
    modelDescription:
      "Sets the status of a developer relations draft in its front matter, such as moving a talk from drafting to submitted or a blog post to published; dates the workflow expects (like a publish date) are filled in as the Set Status command does. Use it when the person says a piece of work moved on. Needs the draft (path from devrel_listDrafts, or exact title) and a status from its kind's workflow. The person confirms before anything is written.",
    canBeReferencedInPrompt: true,
    tags: TAGS,
    icon: '$(check)',
    inputSchema: {
      type: 'object',
      properties: {
        draft: draftRef,
        status: { type: 'string', minLength: 1, description: "The new status, one of the draft kind's workflow, such as drafting, review, published." },
      },
      required: ['draft', 'status'],
      additionalProperties: false,
    },
  },
};

export const AGENT_TOOL_LIST: readonly AgentToolDefinition[] = Object.values(AGENT_TOOL_DEFINITIONS);
