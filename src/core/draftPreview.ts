// The Markdown preview, told about drafts: a header with the draft's kind, status, dates and
// reading time, each timed talk section's budget next to its heading, and ticked/total on each
// checklist. A plain markdown-it plugin: the editor's preview and the tests use it the same way.
// A document that is not a draft gets no tokens from it, so it renders exactly as without it.

import type MarkdownIt from 'markdown-it';
import { parseDraft, type DraftSource } from './draft';
import { kindProgress } from './kinds/registry';
import { parseTalkOutline } from './talks/outline';
import { formatNumber } from './talks/rehearsal';
import { clock } from './talks/timingLens';
import type { CoreConfig, Draft } from './types';

type StateCore = Parameters<Parameters<MarkdownIt['core']['ruler']['push']>[1]>[0];
type Token = StateCore['tokens'][number];

export interface DraftPreviewOptions {
  /** The settings drafts are read with, at the time of rendering. */
  config: () => CoreConfig;
  /**
   * Where the document being rendered lives, from the renderer's `env`, so a file that a folder
   * makes a draft is known too. Undefined (or no function) reads the kind from front matter only.
   */
  sourceOf?: (env: unknown) => DraftSource | undefined;
}

const HEADER = 'devrel_draft_header';
const BUDGET = 'devrel_section_budget';
const CHECKLIST = 'devrel_checklist_progress';
const TASK = /^\[([ xX])\][ \t]/;
/** Every draft read here has front matter, or a source that a folder may make a draft. */
const FRONT_MATTER_START = /^(?:\uFEFF)?(?:---|\+\+\+)[ \t]*\r?\n/;

interface HeaderModel {
  kind: string;
  status: string;
  /** Position in the workflow, when the status is one of its steps. */
  step?: { index: number; count: number };
  dates: { label: string; date: string }[];
  readingMinutes?: number;
  words?: number;
  talk?: { planned: number; slot?: number };
  checklist?: { done: number; total: number };
}

interface BudgetModel {
  minutes: number;
  start: number;
  end: number;
  slot?: number;
}

/** Adds the draft header, section budgets and checklist progress to a markdown-it instance. */
export function draftPreviewPlugin(md: MarkdownIt, options: DraftPreviewOptions): MarkdownIt {
  md.core.ruler.push('devrel_draft', (state) => {
    const source = options.sourceOf?.(state.env);
    if (!source && !FRONT_MATTER_START.test(state.src)) return;
    let draft: Draft;
    try {
      const read = parseDraft(source ?? { uri: 'untitled:preview', relativePath: 'preview.md' }, state.src, options.config(), { analyze: true });
      if (!('draft' in read)) return;
      draft = read.draft;
    } catch {
      // The preview must render whatever happens here; the draft's problems are shown elsewhere.
      return;
    }
    addSectionBudgets(state, draft);
    addChecklistProgress(state);
    addHeader(state, draft, options.config());
  });

  md.renderer.rules[HEADER] = (tokens, index) => renderHeader(md, tokens[index].meta as HeaderModel);
  md.renderer.rules[BUDGET] = (tokens, index) => renderBudget(md, tokens[index].meta as BudgetModel);
  md.renderer.rules[CHECKLIST] = (tokens, index) => {
    const { done, total } = tokens[index].meta as { done: number; total: number };
    const state = done === total ? ' devrel-done' : '';
    return `<p class="devrel-checklist${state}" title="${done} of ${total} ticked"><span class="devrel-checklist-count">${done}/${total}</span> ticked</p>\n`;
  };
  return md;
}

function addHeader(state: StateCore, draft: Draft, config: CoreConfig): void {
  const kind = config.kinds[draft.kind];
  const model: HeaderModel = {
    kind: kind?.label ?? draft.kind,
    status: draft.status,
    dates: draft.dates.map((d) => ({ label: d.label, date: d.date })),
  };
  const step = kind?.statuses.indexOf(draft.status) ?? -1;
  if (kind && step >= 0) model.step = { index: step + 1, count: kind.statuses.length };
  const analysis = draft.analysis;
  if (analysis) {
    model.words = analysis.words;
    model.readingMinutes = analysis.readingMinutes;
    if (analysis.talk) model.talk = { planned: analysis.talk.plannedMinutes, ...(draft.duration !== undefined ? { slot: draft.duration } : {}) };
    if (analysis.checklist.total > 0) model.checklist = { ...analysis.checklist };
  }
  const token = new state.Token(HEADER, '', 0);
  token.block = true;
  token.meta = model;
  // After the front matter, when a plugin made a token of it, so the header opens the page.
  const at = state.tokens.length > 0 && state.tokens[0].type === 'front_matter' ? 1 : 0;
  state.tokens.splice(at, 0, token);
}

function addSectionBudgets(state: StateCore, draft: Draft): void {
  if (kindProgress(draft.kind) !== 'timing') return;
  const outline = parseTalkOutline(state.src, { fallbackTitle: draft.title });
  if (!outline.timed) return;
  const budgets = new Map<number, BudgetModel>();
  let elapsed = 0;
  for (const section of outline.sections) {
    const start = elapsed;
    elapsed += section.minutes ?? 0;
    if (section.minutes === undefined) continue;
    budgets.set(section.line, { minutes: section.minutes, start, end: elapsed, ...(outline.duration !== undefined ? { slot: outline.duration } : {}) });
  }
  const tokens = state.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== 'heading_open' || !open.map) continue;
    const budget = budgets.get(open.map[0]);
    const inline = tokens[i + 1];
    if (!budget || inline.type !== 'inline') continue;
    const badge = new state.Token(BUDGET, '', 0);
    badge.meta = budget;
    inline.children = [...(inline.children ?? []), badge];
  }
}

function addChecklistProgress(state: StateCore): void {
  const tokens = state.tokens;
  const inserts: Array<{ at: number; token: Token }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== 'bullet_list_open' && open.type !== 'ordered_list_open') continue;
    let done = 0;
    let total = 0;
    for (let j = i + 1; j < tokens.length; j++) {
      const token = tokens[j];
      if (token.level === open.level && token.nesting === -1) break;
      // The item's own first paragraph: list (L) > item (L+1) > paragraph (L+2) > inline (L+3).
      if (token.type !== 'inline' || token.level !== open.level + 3 || tokens[j - 2]?.type !== 'list_item_open') continue;
      const task = TASK.exec(token.content);
      if (!task) continue;
      total++;
      if (task[1] !== ' ') done++;
    }
    if (total === 0) continue;
    const progress = new state.Token(CHECKLIST, '', 0);
    progress.block = true;
    progress.level = open.level;
    progress.meta = { done, total };
    inserts.push({ at: i, token: progress });
  }
  for (const { at, token } of inserts.reverse()) tokens.splice(at, 0, token);
}

function renderHeader(md: MarkdownIt, model: HeaderModel): string {
  const escape = md.utils.escapeHtml;
  const item = (cls: string, label: string, value: string, title?: string): string =>
    `<span class="devrel-field ${cls}"${title ? ` title="${escape(title)}"` : ''}><span class="devrel-label">${escape(label)}</span> ${escape(value)}</span>`;
  const parts = [
    `<span class="devrel-kind">${escape(model.kind)}</span>`,
    `<span class="devrel-status"${model.step ? ` title="Step ${model.step.index} of ${model.step.count} in the workflow"` : ''}>${escape(model.status)}${
      model.step ? ` <span class="devrel-step">${model.step.index}/${model.step.count}</span>` : ''
    }</span>`,
  ];
  for (const date of model.dates) parts.push(item('devrel-date', date.label, date.date));
  if (model.talk) {
    const over = model.talk.slot !== undefined && model.talk.planned > model.talk.slot;
    const value = model.talk.slot !== undefined ? `${formatNumber(model.talk.planned)}/${formatNumber(model.talk.slot)} min` : `${formatNumber(model.talk.planned)} min`;
    parts.push(item(`devrel-timing${over ? ' devrel-over' : ''}`, 'Planned', value, over ? 'The sections add up to more than the slot.' : undefined));
  }
  if (model.readingMinutes !== undefined) parts.push(item('devrel-reading', 'Reading', `${formatNumber(model.readingMinutes)} min`, `${model.words ?? 0} words`));
  if (model.checklist) parts.push(item('devrel-tasks', 'Checklist', `${model.checklist.done}/${model.checklist.total} ticked`));
  return `<div class="devrel-draft-header">${parts.join('')}</div>\n`;
}

function renderBudget(md: MarkdownIt, budget: BudgetModel): string {
  const over = budget.slot !== undefined && budget.end > budget.slot;
  const total = budget.slot !== undefined ? ` · ${formatNumber(budget.end)}/${formatNumber(budget.slot)}` : '';
  const title = `${clock(budget.start)} → ${clock(budget.end)}${over ? `, past the ${formatNumber(budget.slot ?? 0)} min slot` : ''}`;
  return ` <span class="devrel-budget${over ? ' devrel-over' : ''}" title="${md.utils.escapeHtml(title)}">${formatNumber(budget.minutes)} min${total}</span>`;
}
