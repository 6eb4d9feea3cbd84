// Completion in a draft's front matter, as data: what to offer where the cursor is, and the text
// each choice writes. The body is left to the `devrel-` snippets.

import { FEEDBACK_FIELD, FEEDBACK_STATUSES } from '../feedback';
import { metricsForKind, type MetricDefinition } from '../impact';
import { parseDateInput } from '../relativeDate';
import { SUBMISSION_KEYS, SUBMISSION_STATUSES, SUBMISSIONS_FIELD, TRAVEL_VALUES } from '../talks/submissions';
import type { KindDefinition } from '../types';
import { getOwn } from '../util/objects';
import { completionContextAt, type CompletionContext, type EnclosingKey, type KeyContext, type ValueContext } from './frontMatterContext';
import { describe, describeEntryKey, entryKeys, keysForKind, type KeyInfo } from './frontMatterKeys';
import { workflowLines } from './frontMatterHover';

export type CompletionKind = 'key' | 'kind' | 'status' | 'metric' | 'unit' | 'tag' | 'date' | 'value';

export interface FrontMatterCompletion {
  label: string;
  /** Short text beside the label: a unit, a weekday, a count. */
  detail?: string;
  /** Markdown shown beside the list. */
  documentation?: string;
  insertText: string;
  /** What the typed text is matched against, when not the label. */
  filterText?: string;
  /** Keeps the order of workflows and the most used tags first. */
  sortText: string;
  kind: CompletionKind;
  /** Offsets of the text the choice replaces. */
  replaceStart: number;
  replaceEnd: number;
  /** Whether choosing it should open the list again, for the value after a key. */
  retrigger?: boolean;
}

export interface CompletionFacts {
  kinds: Readonly<Record<string, KindDefinition>>;
  metrics: Readonly<Record<string, MetricDefinition>>;
  /** Tags used in the workspace, most used first. */
  tags: readonly TagCount[];
  /** `YYYY-MM-DD`, the person's local day. */
  today: string;
  /** The draft's kind as the index knows it (from its folder, say), for front matter that names none. */
  kind?: string;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Items for the cursor at `offset`; empty outside the front matter and wherever nothing fits. Never throws. */
export function frontMatterCompletions(text: string, offset: number, facts: CompletionFacts): FrontMatterCompletion[] {
  let context: CompletionContext | undefined;
  try {
    context = completionContextAt(text, offset);
  } catch {
    return [];
  }
  if (!context) return [];
  const path = normalisePath(context.parents);
  const kindId = context.kind ?? facts.kind;
  if (context.position === 'key') return keyItems(context, path, kindId, facts);
  return valueItems(context, path, kindId, facts);
}

/** Tags of the drafts, most used first, then alphabetically; the same tag in another case counts once, as first written. */
export function workspaceTags(drafts: Iterable<{ tags: readonly string[] }>): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const draft of drafts) {
    for (const tag of new Set(draft.tags)) {
      const key = tag.toLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Zola keeps custom fields in `[extra]` and tags in `[taxonomies]`: both read as top level. */
function normalisePath(parents: readonly EnclosingKey[]): EnclosingKey[] {
  if (parents.length > 0 && (parents[0].key === 'extra' || parents[0].key === 'taxonomies') && !parents[0].item) return parents.slice(1);
  return [...parents];
}

function keyItems(context: KeyContext, path: EnclosingKey[], kindId: string | undefined, facts: CompletionFacts): FrontMatterCompletion[] {
  if (path.length === 0) {
    if (context.dash) return [];
    const keys = keysForKind(kindId, facts.kinds).filter((info) => !context.siblings.includes(info.key));
    // TOML writes lists of entries as [[tables]] after every plain key; those are not typed as keys.
    const usable = context.format === 'toml' ? keys.filter((info) => info.shape !== 'entries') : keys;
    return usable.map((info, index) => keyItem(context, info, index));
  }
  const parent = path[path.length - 1];
  if (path.length === 1 && parent.key === 'tags' && context.dash) {
    return tagItems(facts, [], context.prefix, (tag) => tag, context);
  }
  if (path.length === 1 && parent.item) {
    return entryKeys(parent.key)
      .filter((info) => !context.siblings.includes(info.key))
      .map((info, index) => keyItem(context, info, index));
  }
  return [];
}

function keyItem(context: KeyContext, info: KeyInfo, index: number): FrontMatterCompletion {
  const toml = context.format === 'toml';
  let insertText = `${context.lead}${info.key}${toml ? ' = ' : ': '}`;
  if (!toml && info.shape === 'entries') {
    const indent = ' '.repeat(Math.max(0, context.replaceStart - lineStartOf(context)));
    insertText = `${context.lead}${info.key}:\n${indent}  - `;
  }
  return {
    label: info.key,
    detail: shapeLabel(info),
    documentation: info.description,
    insertText,
    sortText: order(index),
    kind: 'key',
    replaceStart: context.replaceStart,
    replaceEnd: context.replaceEnd,
    retrigger: true,
  };
}

function lineStartOf(context: KeyContext): number {
  return context.replaceStart - context.column;
}

function shapeLabel(info: KeyInfo): string {
  switch (info.shape) {
    case 'date':
      return 'date';
    case 'number':
      return 'number';
    case 'words':
      return 'list';
    case 'entries':
      return 'list of entries';
    default:
      return 'text';
  }
}

function valueItems(context: ValueContext, path: EnclosingKey[], kindId: string | undefined, facts: CompletionFacts): FrontMatterCompletion[] {
  const kind = kindId === undefined ? undefined : getOwn(facts.kinds, kindId);
  if (path.length === 0) {
    switch (context.key) {
      case 'kind':
        return Object.values(facts.kinds).map((k, index) =>
          valueItem(context, k.id, { kind: 'kind', detail: k.label, documentation: workflowLines(k.label, k.statuses, undefined, k.sideStatuses), index }),
        );
      case 'status':
        return kind ? statusItems(context, kind.label, kind.statuses, kind.sideStatuses, kind.finishedStatuses) : [];
      case 'tags':
        return tagItems(facts, context.listed, context.prefix, (tag) => (context.inList || context.quote ? tag : `[${tag}]`), context);
      default: {
        const info = describe(context.key) ?? keysForKind(kindId, facts.kinds).find((k) => k.key === context.key);
        return info?.shape === 'date' ? dateItems(context, facts.today) : [];
      }
    }
  }
  if (path.length !== 1 || !path[0].item) return [];
  const list = path[0].key;
  if (list === 'impact' && context.key === 'metric') return metricItems(context, kindId, facts);
  if (list === 'impact' && context.key === 'unit') return unitItems(context, kindId, facts);
  if (list === SUBMISSIONS_FIELD && context.key === SUBMISSION_KEYS.status) return statusItems(context, 'Submission', SUBMISSION_STATUSES);
  if (list === SUBMISSIONS_FIELD && context.key === SUBMISSION_KEYS.travel) return TRAVEL_VALUES.map((value, index) => valueItem(context, value, { kind: 'value', index }));
  if (list === FEEDBACK_FIELD && context.key === 'status') return statusItems(context, 'Feedback', FEEDBACK_STATUSES);
  return describeEntryKey(list, context.key)?.shape === 'date' ? dateItems(context, facts.today) : [];
}

function statusItems(context: ValueContext, label: string, statuses: readonly string[], side?: readonly string[], finished?: readonly string[]): FrontMatterCompletion[] {
  return statuses.map((status, index) => {
    const note = side?.includes(status) ? 'outcome' : finished?.includes(status) ? 'finished' : undefined;
    return valueItem(context, status, {
      kind: 'status',
      detail: `${index + 1} of ${statuses.length}${note ? ` · ${note}` : ''}`,
      documentation: workflowLines(label, statuses, status, side),
      index,
    });
  });
}

function metricItems(context: ValueContext, kindId: string | undefined, facts: CompletionFacts): FrontMatterCompletion[] {
  return metricsForKind(kindId ?? '', Object.values(facts.metrics)).map((metric, index) =>
    valueItem(context, metric.id, { kind: 'metric', detail: metric.unit, documentation: `**${metric.label}**: ${metric.description}`, index }),
  );
}

function unitItems(context: ValueContext, kindId: string | undefined, facts: CompletionFacts): FrontMatterCompletion[] {
  const units = [...new Set(metricsForKind(kindId ?? '', Object.values(facts.metrics)).map((metric) => metric.unit))];
  return units.map((unit, index) => valueItem(context, unit, { kind: 'unit', index }));
}

function tagItems(facts: CompletionFacts, listed: readonly string[], prefix: string, write: (tag: string) => string, context: ValueContext | KeyContext): FrontMatterCompletion[] {
  const taken = new Set(listed.map((tag) => tag.toLowerCase()));
  const items: FrontMatterCompletion[] = [];
  facts.tags.forEach(({ tag, count }, index) => {
    if (taken.has(tag.toLowerCase()) || tag === prefix) return;
    items.push({
      label: tag,
      detail: count === 1 ? 'in 1 draft' : `in ${count} drafts`,
      insertText: writeValue(context, write(tag), tag),
      filterText: tag,
      sortText: order(index),
      kind: 'tag',
      replaceStart: context.replaceStart,
      replaceEnd: context.replaceEnd,
    });
  });
  return items;
}

/** The relative dates offered, in order; each is written out as the day it means. */
const DATE_PHRASES: readonly string[] = ['today', 'tomorrow', '+3d', '+1w', '+2w', '+1m', 'friday', 'next monday', 'next friday'];
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dateItems(context: ValueContext, today: string): FrontMatterCompletion[] {
  const phrases = [...DATE_PHRASES];
  const typed = context.prefix.trim();
  // Whatever else the parser reads (`+10d`, `next tue`, a date) is offered first, matched by what was typed.
  if (typed !== '' && !phrases.includes(typed.toLowerCase())) phrases.unshift(typed);
  const items: FrontMatterCompletion[] = [];
  const seen = new Set<string>();
  phrases.forEach((phrase, index) => {
    const parsed = parseDateInput(phrase, today);
    if (!parsed.ok || parsed.skipped || seen.has(`${phrase}|${parsed.date}`)) return;
    seen.add(`${phrase}|${parsed.date}`);
    const day = WEEKDAY_NAMES[new Date(`${parsed.date}T00:00:00Z`).getUTCDay()];
    const own = phrase === parsed.date;
    items.push({
      label: parsed.date,
      detail: own ? day : `${phrase} · ${day}`,
      // The written date must still match once someone types its first digits.
      filterText: phrase === typed ? typed : `${phrase} ${parsed.date}`,
      insertText: writeDate(context, parsed.date),
      sortText: order(index),
      kind: 'date',
      replaceStart: context.replaceStart,
      replaceEnd: context.replaceEnd,
    });
  });
  return items;
}

function valueItem(context: ValueContext, value: string, options: { kind: CompletionKind; detail?: string; documentation?: string; index: number }): FrontMatterCompletion {
  return {
    label: value,
    detail: options.detail,
    documentation: options.documentation,
    insertText: writeValue(context, value, value),
    filterText: value,
    sortText: order(options.index),
    kind: options.kind,
    replaceStart: context.replaceStart,
    replaceEnd: context.replaceEnd,
  };
}

/**
 * A text value as the format needs it: TOML quotes strings; YAML leaves plain words plain and
 * quotes the rest. Inside a quote the caller opened, the text alone (and the closing quote if missing).
 */
function writeValue(context: ValueContext | KeyContext, written: string, bare: string): string {
  if (context.position === 'value' && context.quote) return escapeIn(bare, context.quote) + (context.closed ? '' : context.quote);
  const lead = context.position === 'value' ? (context.spaced ? '' : ' ') : context.lead;
  if (context.format === 'toml') return lead + (written === bare ? JSON.stringify(bare) : written.replace(bare, JSON.stringify(bare)));
  return lead + (written === bare ? yamlPlain(bare) : written.replace(bare, yamlPlain(bare)));
}

/** A date is written bare in both formats (a TOML local date), or inside the quote typed. */
function writeDate(context: ValueContext, date: string): string {
  if (context.quote) return date + (context.closed ? '' : context.quote);
  return (context.spaced ? '' : ' ') + date;
}

function escapeIn(value: string, quote: '"' | "'"): string {
  return quote === '"' ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : value.replace(/'/g, "''");
}

const YAML_RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

function yamlPlain(value: string): string {
  if (/^[A-Za-z0-9][\w ./+-]*$/.test(value) && !YAML_RESERVED.test(value) && !/^[\d.+-]+$/.test(value) && !value.endsWith(' ')) return value;
  return JSON.stringify(value);
}

function order(index: number): string {
  return String(index).padStart(4, '0');
}
