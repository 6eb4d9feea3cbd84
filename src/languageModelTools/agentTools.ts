import * as vscode from 'vscode';
import { AGENT_TOOL_DEFINITIONS, AgentTools, type AgentToolName } from '../core/agentTools/definitions';
import { resolveDraftRef } from '../core/agentTools/draftRef';
import {
  createDraftConfirmation,
  createdDraftText,
  failedText,
  impactSummaryText,
  listDraftsText,
  loggedImpactText,
  logImpactConfirmation,
  setStatusConfirmation,
  statusSetText,
  upcomingDeadlinesText,
  type Confirmation,
  type DeadlinesInput,
  type DraftSummary,
  type ImpactSummaryInput,
  type ListDraftsInput,
} from '../core/agentTools/format';
import { inputProblemsText, validateInput, withoutNulls } from '../core/agentTools/inputSchema';
import { getOwn } from '../core/util/objects';
import { errorDetail, errorMessage } from '../core/util/result';
import type { Draft } from '../core/types';
import { configuredMetrics, logImpact, type ImpactContext } from '../commands/impactCommands';
import { newDraft, type ScaffoldContext } from '../commands/scaffoldCommands';
import { setStatus, type TrackingContext } from '../commands/trackingCommands';
import { log, UserError } from '../util/logger';
import { today } from '../util/clock';

/** What the tools reach: the same services the command handlers get. */
export type AgentToolsContext = TrackingContext & ScaffoldContext & ImpactContext;

type Input = Record<string, unknown>;

/**
 * Registers DevRel Desk's language model tools. Each checks its input against the schema it
 * declares, because the editor passes on whatever the model wrote; the tools that write ask the
 * person first and then run the command handlers, so their edits are the commands' edits.
 */
export function registerAgentTools(ctx: AgentToolsContext): vscode.Disposable[] {
  const tools: Record<AgentToolName, vscode.LanguageModelTool<Input>> = {
    [AgentTools.listDrafts]: readTool(AgentTools.listDrafts, ctx, (input) =>
      listDraftsText(ctx.workspace.drafts(), ctx.workspace.config.kinds, fits<ListDraftsInput>(input), today()),
    ),
    [AgentTools.upcomingDeadlines]: readTool(AgentTools.upcomingDeadlines, ctx, (input) =>
      upcomingDeadlinesText(ctx.workspace.drafts(), ctx.workspace.config.kinds, fits<DeadlinesInput>(input), today()),
    ),
    [AgentTools.impactSummary]: readTool(AgentTools.impactSummary, ctx, (input) =>
      impactSummaryText(ctx.workspace.drafts(), ctx.workspace.config.kinds, configuredMetrics(ctx.workspace), fits<ImpactSummaryInput>(input), today()),
    ),
    [AgentTools.createDraft]: writeTool(AgentTools.createDraft, ctx, {
      confirm: (input) => ({ ok: true, confirmation: createDraftConfirmation(fits<NewDraftInput>(input), kindLabel(ctx, String(input.kind))) }),
      run: async (input) => {
        const { kind, title, folder } = fits<NewDraftInput>(input);
        const uri = await newDraft(ctx, { kind: kind.trim(), title, ...(folder !== undefined ? { folder } : {}), open: true });
        return createdDraftText(kindLabel(ctx, kind), kind, title, uri ? vscode.workspace.asRelativePath(uri, false) : undefined);
      },
    }),
    [AgentTools.logImpact]: writeTool(AgentTools.logImpact, ctx, {
      confirm: (input) => {
        const found = findDraft(ctx, input);
        if (!found.ok) return found;
        const impact = fits<LogImpactInput>(input);
        return { ok: true, confirmation: logImpactConfirmation(summary(found.draft), impact, getOwn(configuredMetrics(ctx.workspace), impact.metric.trim())) };
      },
      run: async (input) => {
        const found = findDraft(ctx, input);
        if (!found.ok) return found.message;
        const { metric, value, note, link, date } = fits<LogImpactInput>(input);
        const logged = await logImpact(ctx, vscode.Uri.parse(found.draft.uri), { metric, value, note, link, date });
        return loggedImpactText(summary(found.draft), { metric, value }, getOwn(configuredMetrics(ctx.workspace), metric.trim()), logged);
      },
    }),
    [AgentTools.setStatus]: writeTool(AgentTools.setStatus, ctx, {
      confirm: (input) => {
        const found = findDraft(ctx, input);
        return found.ok ? { ok: true, confirmation: setStatusConfirmation(summary(found.draft), String(input.status)) } : found;
      },
      run: async (input) => {
        const found = findDraft(ctx, input);
        if (!found.ok) return found.message;
        const status = String(input.status);
        const changed = await setStatus(ctx, vscode.Uri.parse(found.draft.uri), status);
        return statusSetText(summary(found.draft), status, changed);
      },
    }),
  };
  return Object.entries(tools).map(([name, tool]) => vscode.lm.registerTool(name, tool));
}

interface NewDraftInput {
  kind: string;
  title: string;
  folder?: string;
}

interface LogImpactInput {
  draft: string;
  metric: string;
  value: number;
  note?: string;
  link?: string;
  date?: string;
}

type Checked = { ok: true; input: Input } | { ok: false; message: string };

function checkInput(name: AgentToolName, input: unknown): Checked {
  const definition = AGENT_TOOL_DEFINITIONS[name];
  const problems = validateInput(definition.inputSchema, input);
  if (problems.length > 0) return { ok: false, message: inputProblemsText(name, problems) };
  return { ok: true, input: withoutNulls(input as Input) };
}

/** The input's type, once `checkInput` has held it to the schema that type describes. */
function fits<T>(input: Input): T {
  return input as unknown as T;
}

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/** A tool that only reads: it waits for the first scan so an early call never sees an empty workspace. */
function readTool(name: AgentToolName, ctx: AgentToolsContext, answer: (input: Input) => string): vscode.LanguageModelTool<Input> {
  return {
    prepareInvocation: () => ({ invocationMessage: `${AGENT_TOOL_DEFINITIONS[name].displayName}…` }),
    invoke: async (options) => {
      const checked = checkInput(name, options.input);
      if (!checked.ok) return textResult(checked.message);
      try {
        await ctx.workspace.ready();
        return textResult(answer(checked.input));
      } catch (error) {
        log().error(`${name}: ${errorDetail(error)}`);
        return textResult(`${AGENT_TOOL_DEFINITIONS[name].displayName} failed: ${errorMessage(error)}`);
      }
    },
  };
}

interface WriteSteps {
  /** What the person is asked; a failure here (no such draft) skips the question, and invoke says why. */
  confirm: (input: Input) => { ok: true; confirmation: Confirmation } | { ok: false; message: string };
  run: (input: Input) => Promise<string>;
}

function writeTool(name: AgentToolName, ctx: AgentToolsContext, steps: WriteSteps): vscode.LanguageModelTool<Input> {
  const displayName = AGENT_TOOL_DEFINITIONS[name].displayName;
  return {
    prepareInvocation: async (options) => {
      const checked = checkInput(name, options.input);
      if (!checked.ok) return { invocationMessage: vscode.l10n.t('{0}: checking the input', displayName) };
      await ctx.workspace.ready();
      const planned = steps.confirm(checked.input);
      if (!planned.ok) return { invocationMessage: vscode.l10n.t('{0}: finding the draft', displayName) };
      const { title, message, invocation } = planned.confirmation;
      // What an agent proposed, in the person's log: the confirmation is the only trace a declined call leaves.
      log().info(`${name} asks to confirm: ${title} ${message}`);
      return { invocationMessage: invocation, confirmationMessages: { title, message: new vscode.MarkdownString().appendText(message) } };
    },
    invoke: async (options) => {
      const checked = checkInput(name, options.input);
      if (!checked.ok) return textResult(checked.message);
      try {
        await ctx.workspace.ready();
        return textResult(await steps.run(checked.input));
      } catch (error) {
        // The handlers throw UserError for what the person (or the model) can fix; the rest is logged in full.
        if (error instanceof UserError) return textResult(failedText(displayName, error.message));
        log().error(`${name}: ${errorDetail(error)}`);
        return textResult(failedText(displayName, vscode.l10n.t('{0}. The DevRel Desk log has the details.', errorMessage(error))));
      }
    },
  };
}

function findDraft(ctx: AgentToolsContext, input: Input): { ok: true; draft: Draft } | { ok: false; message: string } {
  const candidates = ctx.workspace.drafts().map((draft) => ({ uri: draft.uri, path: draft.relativePath, title: draft.title, draft }));
  const found = resolveDraftRef(String(input.draft), candidates);
  return found.ok ? { ok: true, draft: found.draft.draft } : found;
}

function summary(draft: Draft): DraftSummary {
  return { title: draft.title, path: draft.relativePath, status: draft.status };
}

function kindLabel(ctx: AgentToolsContext, kind: string): string | undefined {
  return getOwn(ctx.workspace.config.kinds, kind.trim())?.label;
}
