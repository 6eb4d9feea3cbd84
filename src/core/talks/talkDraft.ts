import type { FrontMatterBlock } from '../frontMatter/parse';
import type { LineMap } from '../text';
import type { AbstractVariant, CoreConfig, Problem, Submission } from '../types';
import { ABSTRACTS_FIELD, DEFAULT_ABSTRACT_BUDGETS, readAbstracts } from './abstracts';
import { readSubmissions, SUBMISSIONS_FIELD } from './submissions';
import { nestedRangeFinder } from './yamlRanges';

/** The plain `abstract:` field, when a submission names it. */
export const DEFAULT_ABSTRACT_NAME = 'default';

const KINDS_WITH_ABSTRACT_SECTIONS = new Set(['talk', 'workshop']);

export interface TalkPlanningInput {
  data: Record<string, unknown>;
  text: string;
  block: FrontMatterBlock | undefined;
  bodyStart: number;
  lines: () => LineMap;
  config: CoreConfig;
  kind: string;
}

export interface TalkPlanning {
  submissions?: Submission[];
  abstracts?: AbstractVariant[];
  problems: Problem[];
}

/** What the draft reader adds for talks: submissions to calls for papers and named abstracts. */
export function readTalkPlanning(input: TalkPlanningInput): TalkPlanning {
  const { data } = input;
  const hasSubmissions = data[SUBMISSIONS_FIELD] !== undefined;
  const hasAbstracts = data[ABSTRACTS_FIELD] !== undefined;
  const scanSections = KINDS_WITH_ABSTRACT_SECTIONS.has(input.kind);
  if (!hasSubmissions && !hasAbstracts && !scanSections) return { problems: [] };
  const rangeOf = nestedRangeFinder(input.text, input.block, input.lines);
  const result: TalkPlanning = { problems: [] };

  const abstracts = readAbstracts(hasAbstracts ? data[ABSTRACTS_FIELD] : undefined, {
    text: input.text,
    bodyStart: scanSections ? input.bodyStart : input.text.length,
    lines: input.lines,
    rangeOf,
    budgets: { ...DEFAULT_ABSTRACT_BUDGETS, ...(input.config.abstractBudgets ?? {}) },
    defaultBudget: input.config.abstractMaxChars,
  });
  result.problems.push(...abstracts.problems);
  if (abstracts.variants.length > 0) result.abstracts = abstracts.variants;

  if (hasSubmissions) {
    const names = abstracts.variants.map((v) => v.name);
    if (typeof data.abstract === 'string' && data.abstract.trim()) names.push(DEFAULT_ABSTRACT_NAME);
    const read = readSubmissions(data[SUBMISSIONS_FIELD], {
      text: input.text,
      lines: input.lines,
      rangeOf,
      talkEvent: typeof data.event === 'string' ? data.event : undefined,
      abstractNames: names,
    });
    result.problems.push(...read.problems);
    if (read.submissions.length > 0) result.submissions = read.submissions;
  }
  return result;
}
