// CFP forms ask for abstracts of different lengths: a pitch of a few hundred characters, a
// full description of a couple of thousand. A talk keeps each as a named variant, in front
// matter (`abstracts: { short: …, long: … }`) or as a `## Abstract (short)` section, and
// each is checked against its own budget.

import type { LineMap } from '../text';
import type { AbstractVariant, Problem, Range } from '../types';
import type { FieldPath } from './yamlRanges';
import { getOwn } from '../util/objects';

export const ABSTRACTS_FIELD = 'abstracts';

/** Budgets for the usual variants; any other name gets the single abstract's budget. */
export const DEFAULT_ABSTRACT_BUDGETS: Readonly<Record<string, number>> = Object.freeze({ short: 300, long: 1500 });

const MAX_VARIANTS = 50;
const VARIANT_NAME = /^[A-Za-z0-9][\w -]{0,39}$/;

export interface AbstractContext {
  text: string;
  /** Where the body starts, so sections are only looked for in the body. */
  bodyStart: number;
  lines: () => LineMap;
  rangeOf: (path: FieldPath, part?: 'value' | 'key' | 'entry') => Range | undefined;
  budgets: Readonly<Record<string, number>>;
  defaultBudget: number;
}

export interface AbstractsRead {
  variants: AbstractVariant[];
  problems: Problem[];
}

/** Characters as a CFP form counts them: trimmed, with each run of white space as one. */
export function abstractLength(text: string): number {
  return text.trim().replace(/\s+/g, ' ').length;
}

export function budgetFor(name: string, budgets: Readonly<Record<string, number>>, defaultBudget: number): number {
  const budget = getOwn(budgets, name);
  return typeof budget === 'number' && Number.isFinite(budget) && budget > 0 ? budget : defaultBudget;
}

/** Reads the named abstracts of a talk and reports those over budget. Never throws. */
export function readAbstracts(value: unknown, context: AbstractContext): AbstractsRead {
  const variants: AbstractVariant[] = [];
  const problems: Problem[] = [];
  const measure = (name: string, body: string, source: AbstractVariant['source'], range: Range | undefined): void => {
    if (variants.length >= MAX_VARIANTS || variants.some((v) => v.name === name)) return;
    const chars = abstractLength(body);
    const budget = budgetFor(name, context.budgets, context.defaultBudget);
    variants.push({ name, chars, budget, source });
    if (chars > budget) {
      problems.push({
        code: 'abstract-too-long',
        severity: 'warning',
        field: source === 'front-matter' ? `${ABSTRACTS_FIELD}.${name}` : `Abstract (${name})`,
        message: `The ${name} abstract is ${chars} characters; its budget is ${budget}. Cut ${chars - budget} to fit.`,
        range,
      });
    }
  };

  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [name, body] of Object.entries(value as Record<string, unknown>)) {
      if (typeof body !== 'string') {
        if (body !== null && body !== undefined) {
          problems.push({
            code: 'invalid-abstract',
            severity: 'warning',
            field: `${ABSTRACTS_FIELD}.${name}`,
            message: `abstracts.${name} must be text.`,
            range: context.rangeOf([ABSTRACTS_FIELD, name]),
          });
        }
        continue;
      }
      measure(name, body, 'front-matter', context.rangeOf([ABSTRACTS_FIELD, name], 'key'));
    }
  } else if (value !== undefined && value !== null && value !== '') {
    problems.push({
      code: 'invalid-abstract',
      severity: 'warning',
      field: ABSTRACTS_FIELD,
      message: 'abstracts must be a set of named texts, e.g. "abstracts: { short: …, long: … }".',
      range: context.rangeOf([ABSTRACTS_FIELD], 'key'),
    });
  }

  for (const section of abstractSections(context.text, context.bodyStart)) {
    const lines = context.lines();
    const position = lines.positionAt(section.headingStart);
    measure(section.name, section.body, 'section', { start: position, end: { line: position.line, character: section.headingLength } });
  }
  return { variants, problems };
}

interface Section {
  name: string;
  body: string;
  headingStart: number;
  headingLength: number;
}

/**
 * `## Abstract (short)` sections of the body: text up to the next heading of the same or a
 * higher level. Fenced code is skipped. A cheap test first: most drafts have no such section.
 */
export function abstractSections(text: string, bodyStart: number): Section[] {
  if (!/abstract\s*\(/i.test(text.slice(bodyStart))) return [];
  const sections: Section[] = [];
  let open: { name: string; level: number; headingStart: number; headingLength: number; bodyStart: number } | undefined;
  let fence: string | undefined;
  let position = bodyStart;
  const close = (end: number): void => {
    if (open) sections.push({ name: open.name, body: text.slice(open.bodyStart, end), headingStart: open.headingStart, headingLength: open.headingLength });
    open = undefined;
  };
  while (position < text.length) {
    const next = text.indexOf('\n', position);
    const end = next === -1 ? text.length : next;
    const line = text.slice(position, end).replace(/\r$/, '');
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
    } else if (!fence) {
      const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
      if (heading) {
        const level = heading[1].length;
        if (open && level <= open.level) close(position);
        const named = /^abstract\s*\(\s*([^)]*?)\s*\)$/i.exec(heading[2].trim());
        if (named && VARIANT_NAME.test(named[1])) {
          close(position);
          open = { name: named[1], level, headingStart: position, headingLength: line.length, bodyStart: next === -1 ? text.length : next + 1 };
        }
      }
    }
    if (next === -1) break;
    position = next + 1;
  }
  close(text.length);
  return sections;
}
