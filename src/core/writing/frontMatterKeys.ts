// The front-matter keys DevRel Desk reads, with a line each saying what they hold, for completion
// and hovers. Which keys a kind has comes from the kinds registry: its date fields and the keys
// its built-in template writes. This file only says what each key means and what it holds.

import { FEEDBACK_FIELD } from '../feedback';
import { locateFrontMatter } from '../frontMatter/parse';
import { builtInKind } from '../kinds/registry';
import { SUBMISSION_KEYS, SUBMISSIONS_FIELD } from '../talks/submissions';
import type { KindDefinition } from '../types';
import { getOwn } from '../util/objects';

/** What a key's value is: completion offers values and hovers explain them by this. */
export type KeyShape = 'text' | 'date' | 'number' | 'words' | 'entries';

export interface KeyInfo {
  key: string;
  description: string;
  shape: KeyShape;
}

interface KeyFacts {
  description: string;
  shape: KeyShape;
  /** Kinds whose drafts alone read it; every kind when absent. */
  only?: string;
}

const IMPACT_FIELD = 'impact';
const REHEARSALS_FIELD = 'rehearsals';

/** Every draft reads these, whatever its kind. */
const COMMON_KEYS: readonly string[] = ['kind', 'title', 'status', 'tags', IMPACT_FIELD, FEEDBACK_FIELD];

const KEYS: Readonly<Record<string, KeyFacts>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, KeyFacts>, {
    kind: { description: 'What the draft is: its workflow, dates and folder follow from it.', shape: 'text' },
    title: { description: 'The title trees, the calendar and reports show.', shape: 'text' },
    status: { description: 'Where the draft is in its workflow.', shape: 'text' },
    tags: { description: 'Topics, for filtering and reports.', shape: 'words' },
    description: { description: 'One sentence for search results and social cards, under 160 characters.', shape: 'text' },
    author: { description: 'Who wrote it.', shape: 'text' },
    date: { description: 'The date the site publishes the post under.', shape: 'date' },
    canonical_url: { description: 'Address of the original when cross-posting, so search engines credit it.', shape: 'text' },
    cover_image: { description: 'Image for the post header and social cards.', shape: 'text' },
    event: { description: 'The conference or meetup.', shape: 'text' },
    duration: { description: 'The slot in minutes; the timed sections should add up to it.', shape: 'number' },
    audience: { description: 'Who the session is for.', shape: 'text' },
    level: { description: 'beginner, intermediate or advanced.', shape: 'text' },
    abstract: { description: 'The abstract that goes into CFP forms, within its character budget.', shape: 'text' },
    abstracts: { description: 'Named abstracts (short, long…) for CFPs with different budgets.', shape: 'text', only: 'talk' },
    [SUBMISSIONS_FIELD]: { description: 'Calls for papers the talk went to, one entry each.', shape: 'entries', only: 'talk' },
    [REHEARSALS_FIELD]: { description: 'Timed rehearsals, recorded by Start Rehearsal.', shape: 'entries', only: 'talk' },
    repository: { description: 'The project, e.g. owner/name.', shape: 'text' },
    issue: { description: 'The issue worked on: number or address.', shape: 'text' },
    pr: { description: 'The pull request, once opened.', shape: 'text' },
    length: { description: 'How long the workshop runs, e.g. 2 hours.', shape: 'text' },
    capacity: { description: 'How many attendees fit.', shape: 'number' },
    end_date: { description: 'The last day, for an event over several days: a date, YYYY-MM-DD.', shape: 'date' },
    location: { description: 'City and country, or online.', shape: 'text' },
    format: { description: 'In person, online or hybrid.', shape: 'text' },
    participants: { description: 'How many participants are expected.', shape: 'number' },
    venue: { description: 'Venue and city, or the online platform.', shape: 'text' },
    [IMPACT_FIELD]: { description: 'Measured outcomes, one entry per figure: date, metric, value.', shape: 'entries' },
    [FEEDBACK_FIELD]: { description: 'Product feedback from developers, one entry each: summary, date, status.', shape: 'entries' },
  }),
);

/** Keys of an entry in each list of entries. */
const ENTRY_KEYS: Readonly<Record<string, Readonly<Record<string, KeyFacts>>>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Record<string, KeyFacts>>, {
    [IMPACT_FIELD]: {
      date: { description: 'When it happened, YYYY-MM-DD.', shape: 'date' },
      metric: { description: 'What was counted: views, attendees, stars…', shape: 'text' },
      value: { description: 'The count, 0 or more.', shape: 'number' },
      unit: { description: 'What the value counts, when not the metric’s usual unit.', shape: 'text' },
      note: { description: 'A few words of context.', shape: 'text' },
      link: { description: 'Where the figure comes from, an http(s) address.', shape: 'text' },
    },
    [FEEDBACK_FIELD]: {
      summary: { description: 'What the developers asked for, in a sentence.', shape: 'text' },
      date: { description: 'When it was given, YYYY-MM-DD.', shape: 'date' },
      status: { description: 'Where the product team is with it.', shape: 'text' },
      area: { description: 'The product area, e.g. CLI.', shape: 'text' },
      link: { description: 'The issue or thread, an http(s) address.', shape: 'text' },
    },
    [SUBMISSIONS_FIELD]: {
      [SUBMISSION_KEYS.event]: { description: 'The conference or meetup.', shape: 'text' },
      [SUBMISSION_KEYS.status]: { description: 'Where the submission is.', shape: 'text' },
      [SUBMISSION_KEYS.cfpUrl]: { description: 'The call for papers, an http(s) address.', shape: 'text' },
      [SUBMISSION_KEYS.cfpDeadline]: { description: 'When the CFP closes, YYYY-MM-DD.', shape: 'date' },
      [SUBMISSION_KEYS.notificationDate]: { description: 'When the organisers answer, YYYY-MM-DD.', shape: 'date' },
      [SUBMISSION_KEYS.eventDate]: { description: 'The day of the talk, YYYY-MM-DD.', shape: 'date' },
      [SUBMISSION_KEYS.format]: { description: 'Talk, lightning talk, workshop…', shape: 'text' },
      [SUBMISSION_KEYS.abstract]: { description: 'Which named abstract was sent.', shape: 'text' },
      [SUBMISSION_KEYS.travel]: { description: 'Who pays for travel.', shape: 'text' },
    },
    [REHEARSALS_FIELD]: {
      date: { description: 'When it was rehearsed, YYYY-MM-DD.', shape: 'date' },
      minutes: { description: 'How long the whole run took.', shape: 'number' },
    },
  }),
);

/**
 * The keys a draft of `kindId` reads, in the order its template writes them: the common ones,
 * the kind's date fields (from the registry or settings) and what its built-in template has.
 */
export function keysForKind(kindId: string | undefined, kinds: Readonly<Record<string, KindDefinition>>): KeyInfo[] {
  const kind = kindId === undefined ? undefined : getOwn(kinds, kindId);
  const seen = new Set<string>();
  const result: KeyInfo[] = [];
  const add = (key: string, info: KeyInfo | undefined): void => {
    if (seen.has(key) || info === undefined) return;
    seen.add(key);
    result.push(info);
  };
  const dates = new Map<string, KeyInfo>();
  for (const field of kind?.dateFields ?? []) {
    dates.set(field.field, {
      key: field.field,
      description: `${field.label}: a date, YYYY-MM-DD${field.deadline ? '; overdue once passed while the work is open' : ''}.`,
      shape: 'date',
    });
    for (const alternative of field.alternatives ?? [])
      dates.set(alternative, { key: alternative, description: `${field.label}, when ${field.field} is not set: a date, YYYY-MM-DD.`, shape: 'date' });
  }
  const templateKeys = kindId === undefined ? [] : builtInTemplateKeys(kindId);
  const ordered = templateKeys.length > 0 ? [...templateKeys, ...COMMON_KEYS] : [...COMMON_KEYS.slice(0, 3), ...dates.keys(), ...COMMON_KEYS.slice(3)];
  for (const key of ordered) add(key, dates.get(key) ?? describe(key));
  for (const key of dates.keys()) add(key, dates.get(key));
  for (const [key, facts] of Object.entries(KEYS)) if (facts.only !== undefined && facts.only === kindId) add(key, describe(key));
  return result;
}

/** What a top-level key holds and means; undefined for keys DevRel Desk does not read. */
export function describe(key: string): KeyInfo | undefined {
  const facts = getOwn(KEYS, key);
  return facts && { key, description: facts.description, shape: facts.shape };
}

/** The keys of an entry of the list `list` (impact, feedback, submissions, rehearsals); empty for other lists. */
export function entryKeys(list: string): KeyInfo[] {
  const keys = getOwn(ENTRY_KEYS, list);
  return keys ? Object.entries(keys).map(([key, facts]) => ({ key, description: facts.description, shape: facts.shape })) : [];
}

/** A key of an entry of `list`, described. */
export function describeEntryKey(list: string, key: string): KeyInfo | undefined {
  const keys = getOwn(ENTRY_KEYS, list);
  const facts = keys ? getOwn(keys, key) : undefined;
  return facts && { key, description: facts.description, shape: facts.shape };
}

/** The label of the date a key holds for a kind, e.g. `CFP closes` for a talk's `cfp_deadline`. */
export function dateLabel(key: string, kind: KindDefinition | undefined): string | undefined {
  const field = kind?.dateFields.find((d) => d.field === key || d.alternatives?.includes(key));
  return field?.label;
}

const templateKeyCache = new Map<string, string[]>();

/** The top-level keys a built-in kind's template writes, in order. */
export function builtInTemplateKeys(kindId: string): string[] {
  const cached = templateKeyCache.get(kindId);
  if (cached) return cached;
  const text = builtInKind(kindId)?.template.text ?? '';
  const location = locateFrontMatter(text);
  const content = location.type === 'closed' ? text.slice(location.block.contentStart, location.block.contentEnd) : '';
  const keys = [...content.matchAll(/^([A-Za-z_][\w-]*)[ \t]*:/gm)].map((match) => match[1]);
  templateKeyCache.set(kindId, keys);
  return keys;
}
