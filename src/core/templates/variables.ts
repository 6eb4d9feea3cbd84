// Template variables: the standard ones every template can use, and the ones a person is asked for.

import { talkMinuteVariables, DEFAULT_TALK_MINUTES } from './builtin';
import { BUILT_IN_KIND_LIST, builtInKind } from '../kinds/registry';
import { parseDateInput } from '../relativeDate';
import { slugify } from '../slug';
import type { Result } from '../util/result';
import { findMarkers } from './markers';
import type { Template } from './parseTemplate';

export interface StandardVariablesInput {
  title: string;
  /** `YYYY-MM-DD` */
  today: string;
  author?: string;
  kind?: string;
  /** Answers to the prompts, by variable name; `''` for a prompt that was skipped. */
  answers?: Record<string, string>;
}

export interface VariablePrompt {
  prompt: string;
  placeHolder: string;
  type: 'text' | 'date' | 'number';
  /** What a number counts and a typical answer, for the message when the answer is not a number. */
  unit?: string;
  example?: string;
}

/** How to ask for the variables that the built-in templates use besides the standard ones. */
export const VARIABLE_PROMPTS: Readonly<Record<string, VariablePrompt>> = {
  event: { prompt: 'Event or conference', placeHolder: 'e.g. DevOpsDays Amsterdam 2026 (empty to skip)', type: 'text' },
  cfp_deadline: { prompt: 'CFP deadline', placeHolder: 'YYYY-MM-DD, +14d, next friday (empty to skip)', type: 'date' },
  event_date: { prompt: 'Event date', placeHolder: 'YYYY-MM-DD, +30d, tomorrow (empty to skip)', type: 'date' },
  end_date: { prompt: 'Last day of the event', placeHolder: 'YYYY-MM-DD (empty for a one-day event)', type: 'date' },
  publish_date: { prompt: 'Planned publish date', placeHolder: 'YYYY-MM-DD, +14d, next tuesday (empty if not planned yet)', type: 'date' },
  due: { prompt: 'Due date', placeHolder: 'YYYY-MM-DD, +14d, +2w (empty for none)', type: 'date' },
  duration: { prompt: 'Talk length in minutes', placeHolder: String(DEFAULT_TALK_MINUTES), type: 'number', unit: 'minutes', example: '30' },
  repository: { prompt: 'Repository', placeHolder: 'owner/name or its URL (empty to skip)', type: 'text' },
  issue: { prompt: 'Issue', placeHolder: 'number or URL (empty to skip)', type: 'text' },
  pr: { prompt: 'Pull request', placeHolder: 'number or URL (empty to skip)', type: 'text' },
  registration_deadline: { prompt: 'Registration closes', placeHolder: 'YYYY-MM-DD, +21d, next friday (empty to skip)', type: 'date' },
  format: { prompt: 'Format', placeHolder: 'in person, online or hybrid (empty to decide later)', type: 'text' },
  participants: { prompt: 'Expected participants', placeHolder: 'e.g. 80 (empty to skip)', type: 'number', unit: 'people', example: '80' },
};

const STANDARD_VARIABLE_NAMES = new Set(['title', 'slug', 'date', 'year', 'month', 'day', 'author', 'kind', ...Object.keys(talkMinuteVariables(DEFAULT_TALK_MINUTES))]);

/**
 * The variables every template can use: `title`, `slug`, `date` (today), `year`, `month`, `day`,
 * `author`, `kind`, the talk outline's `talk_minutes_*` (shares of `duration`, 30 when not
 * answered), and the prompt answers. Answers cannot override the standard names.
 */
export function standardVariables(input: StandardVariablesInput): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.answers ?? {})) {
    answers[name] = typeof value === 'string' ? value.trim() : String(value);
  }
  const today = input.today.trim();
  const duration = answers.duration;
  const minutes = duration === undefined || duration === '' ? DEFAULT_TALK_MINUTES : Number(duration);
  const title = input.title.trim();
  return {
    ...answers,
    ...(duration === undefined ? { duration: String(DEFAULT_TALK_MINUTES) } : {}),
    ...talkMinuteVariables(minutes),
    title,
    slug: slugify(title),
    date: today,
    year: today.slice(0, 4),
    month: today.slice(5, 7),
    day: today.slice(8, 10),
    author: (input.author ?? '').trim(),
    kind: input.kind ?? '',
  };
}

/**
 * Variables the template uses beyond the standard ones, in order of first use: what a command
 * should prompt for. Pass `''` for any it chooses not to ask, so they render as empty values.
 */
export function templatePromptVariables(template: Pick<Template, 'text'>): string[] {
  const names: string[] = [];
  for (const marker of findMarkers(template.text)) {
    if (marker.type === 'variable' && !STANDARD_VARIABLE_NAMES.has(marker.name) && !names.includes(marker.name)) {
      names.push(marker.name);
    }
  }
  return names;
}

/**
 * Checks and normalises one prompt answer: dates accept what `parseDateInput` accepts and come
 * back as `YYYY-MM-DD`, numbers must be positive whole numbers. Empty is always allowed (skip).
 */
export function resolveAnswer(name: string, input: string, today: string): Result<{ value: string }> {
  const prompt = VARIABLE_PROMPTS[name];
  const text = input.trim();
  if (prompt?.type === 'date') {
    const result = parseDateInput(text, today);
    if (!result.ok) {
      return result;
    }
    return { ok: true, value: result.skipped ? '' : result.date };
  }
  if (prompt?.type === 'number' && text !== '' && !/^[1-9]\d{0,3}$/.test(text)) {
    return { ok: false, message: `Enter a whole number of ${prompt.unit ?? 'minutes'}, e.g. ${prompt.example ?? '30'}.` };
  }
  return { ok: true, value: text };
}

/** Dates that must not come before another one: the event is after its CFP closes, a trip ends after it starts. */
const DATE_ORDER: readonly { later: string; earlier: string; message: string }[] = [
  { later: 'event_date', earlier: 'cfp_deadline', message: 'The event is before the CFP closes' },
  { later: 'end_date', earlier: 'event_date', message: 'The last day is before the first' },
];

/**
 * A check across answers, shown as a warning the person can read and accept (dates can be
 * right in odd ways, such as a CFP for next year's edition). Undefined when nothing looks off.
 */
export function answerWarning(name: string, value: string, answers: Readonly<Record<string, string>>): string | undefined {
  for (const rule of DATE_ORDER) {
    const [later, earlier] = name === rule.later ? [value, answers[rule.earlier]] : name === rule.earlier ? [answers[rule.later], value] : [undefined, undefined];
    if (!later || !earlier || later >= earlier) continue;
    return `${rule.message} (${rule.earlier} ${name === rule.earlier ? value : earlier}, ${rule.later} ${name === rule.later ? value : later}). Press Enter to keep it anyway.`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** The variables each built-in template uses, to tell them from ones someone added to a customised copy. */
const BUILTIN_TEMPLATE_VARIABLES: ReadonlyMap<string, readonly string[]> = new Map(BUILT_IN_KIND_LIST.map((kind) => [kind.id, templatePromptVariables(kind.template)]));

/**
 * Which template variables to ask the person for, in the template's order. Only variables with a
 * known prompt are asked; anything else is an unknown variable (kept visible, and reported).
 * Variables whose value the caller already gave (`given`) are not asked again.
 */
export function variablesToAsk(template: Pick<Template, 'kind' | 'text'>, given: readonly string[] = []): string[] {
  const used = templatePromptVariables(template).filter((name) => VARIABLE_PROMPTS[name] !== undefined && !given.includes(name));
  // A built-in kind asks what its registry entry says; a variable someone added to a customised
  // built-in template is asked for too, since they added it on purpose.
  const chosen = builtInKind(template.kind)?.prompts;
  if (chosen === undefined) return used;
  const builtinUses = BUILTIN_TEMPLATE_VARIABLES.get(template.kind) ?? [];
  return used.filter((name) => chosen.includes(name) || !builtinUses.includes(name));
}

/** Every variable a template uses that has a prompt: the ones not asked are rendered empty. */
export function promptableVariables(template: Pick<Template, 'text'>): string[] {
  return templatePromptVariables(template).filter((name) => VARIABLE_PROMPTS[name] !== undefined);
}
