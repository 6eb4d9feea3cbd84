// A compact, positional encoding of index entries for the cache. A warm start parses the
// whole cache before anything can be shown, and repeating every property name for ten
// thousand drafts roughly doubled its size and its parse time.
import { isImpactValue } from './impact';
import type {
  AbstractVariant,
  Draft,
  DraftDate,
  FeedbackEntry,
  ImpactEntry,
  KindSource,
  Position,
  Problem,
  ProblemCode,
  ProblemFix,
  ProblemSeverity,
  Range,
  ReadResult,
  RehearsalRun,
  RehearsalSectionResult,
  SkipReason,
  StatusSource,
  Submission,
  TalkSection,
} from './types';

const KIND_SOURCES: KindSource[] = ['front-matter', 'folder'];
const STATUS_SOURCES: StatusSource[] = ['front-matter', 'draft-flag', 'published-flag', 'default', 'site-rule'];
const FORMATS: (Draft['frontMatterFormat'] | null)[] = [null, 'yaml', 'toml'];

type EncodedDate = [field: string, label: string, date: string, deadline: 0 | 1];
type EncodedImpact = [date: string, metric: string, value: number, note: string | null, link: string | null, unit?: string];
type EncodedAnalysis = [words: number, readingMinutes: number, done: number, total: number, talk: NonNullable<Draft['analysis']>['talk'] | null] | null;

export type EncodedDraft = [
  tag: 'd',
  uri: string,
  relativePath: string,
  kind: string,
  kindSource: number,
  title: string,
  status: string,
  statusSource: number,
  dates: EncodedDate[],
  tags: string[],
  duration: number | null,
  fields: Draft['fields'],
  format: number,
  problems: Problem[],
  analysis: EncodedAnalysis,
  impact: EncodedImpact[] | null,
  talk?: [submissions: Submission[] | null, abstracts: AbstractVariant[] | null, rehearsals?: RehearsalRun[] | null] | null,
  feedback?: FeedbackEntry[] | null,
];
export type EncodedSkipped = [tag: 's', uri: string, reason: SkipReason, message: string];
export type EncodedResult = EncodedDraft | EncodedSkipped;

export function encodeResult(result: ReadResult): EncodedResult {
  if ('skipped' in result) return ['s', result.skipped.uri, result.skipped.reason, result.skipped.message];
  const d = result.draft;
  const a = d.analysis;
  const encoded: EncodedDraft = [
    'd',
    d.uri,
    d.relativePath,
    d.kind,
    KIND_SOURCES.indexOf(d.kindSource),
    d.title,
    d.status,
    STATUS_SOURCES.indexOf(d.statusSource),
    d.dates.map((x) => [x.field, x.label, x.date, x.deadline ? 1 : 0]),
    d.tags,
    d.duration ?? null,
    d.fields,
    FORMATS.indexOf(d.frontMatterFormat ?? null),
    d.problems,
    a ? [a.words, a.readingMinutes, a.checklist.done, a.checklist.total, a.talk ?? null] : null,
    d.impact
      ? d.impact.map((e): EncodedImpact =>
          e.unit ? [e.date, e.metric, e.value, e.note ?? null, e.link ?? null, e.unit] : [e.date, e.metric, e.value, e.note ?? null, e.link ?? null],
        )
      : null,
  ];
  // Only talks with submissions, named abstracts or rehearsals pay for the extra element.
  if (d.rehearsals) encoded.push([d.submissions ?? null, d.abstracts ?? null, d.rehearsals]);
  else if (d.submissions || d.abstracts) encoded.push([d.submissions ?? null, d.abstracts ?? null]);
  if (d.feedback) {
    if (encoded.length === 16) encoded.push(null);
    encoded.push(d.feedback);
  }
  return encoded;
}

/**
 * Decodes one entry, checking every field: anything malformed gives undefined, so the entry is
 * dropped and its file read again, never half-trusted. A cache lives in workspace storage that
 * other versions (or anything else) may have written, and a wrong type here would only surface
 * later, in a view or the dashboard.
 */
export function decodeResult(value: unknown): ReadResult | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value[0] === 's') {
    if (value.length !== 4) return undefined;
    const [, uri, reason, message] = value as unknown[];
    if (typeof uri !== 'string' || typeof message !== 'string' || !isSkipReason(reason)) return undefined;
    return { skipped: { uri, reason, message } };
  }
  // 15 elements is an entry written before impact was tracked, 16 before submissions, 17 before feedback.
  if (value[0] !== 'd' || value.length < 15 || value.length > 18) return undefined;
  const [, uri, relativePath, kind, kindSource, title, status, statusSource, dates, tags, duration, fields, format, problems, analysis, impact, talk, feedback] =
    value as unknown[];
  if (typeof uri !== 'string' || typeof relativePath !== 'string' || typeof kind !== 'string' || typeof title !== 'string' || typeof status !== 'string') return undefined;
  const decodedKindSource = indexIn(KIND_SOURCES, kindSource);
  const decodedStatusSource = indexIn(STATUS_SOURCES, statusSource);
  const frontMatterFormat = indexIn(FORMATS, format);
  if (decodedKindSource === undefined || decodedStatusSource === undefined || frontMatterFormat === undefined) return undefined;
  const decodedDates = decodeDates(dates);
  const decodedFields = decodeFields(fields);
  const decodedProblems = decodeProblems(problems);
  if (!decodedDates || !isStringArray(tags) || !decodedFields || !decodedProblems) return undefined;
  if (duration !== null && duration !== undefined && !isPositiveNumber(duration)) return undefined;
  const draft: Draft = {
    uri,
    relativePath,
    kind,
    kindSource: decodedKindSource,
    title,
    status,
    statusSource: decodedStatusSource,
    dates: decodedDates,
    tags: [...tags],
    fields: decodedFields,
    problems: decodedProblems,
  };
  // Optional properties are added only when present: `delete` would slow every later read of the object.
  if (typeof duration === 'number') draft.duration = duration;
  if (frontMatterFormat) draft.frontMatterFormat = frontMatterFormat;
  if (impact !== undefined && impact !== null) {
    const entries = decodeImpact(impact);
    if (!entries) return undefined;
    draft.impact = entries;
  }
  if (talk !== undefined && talk !== null) {
    // Two elements is an entry written before rehearsals were tracked.
    if (!Array.isArray(talk) || (talk.length !== 2 && talk.length !== 3)) return undefined;
    const [submissions, abstracts, rehearsals] = talk as unknown[];
    if (submissions !== null) {
      const decoded = decodeSubmissions(submissions);
      if (!decoded) return undefined;
      draft.submissions = decoded;
    }
    if (abstracts !== null) {
      const decoded = decodeAbstracts(abstracts);
      if (!decoded) return undefined;
      draft.abstracts = decoded;
    }
    if (rehearsals !== undefined && rehearsals !== null) {
      const decoded = decodeRehearsals(rehearsals);
      if (!decoded) return undefined;
      draft.rehearsals = decoded;
    }
  }
  if (feedback !== undefined && feedback !== null) {
    const decoded = decodeFeedback(feedback);
    if (!decoded) return undefined;
    draft.feedback = decoded;
  }
  if (analysis !== null && analysis !== undefined) {
    const decoded = decodeAnalysis(analysis);
    if (!decoded) return undefined;
    draft.analysis = decoded;
  }
  return { draft };
}

const SKIP_REASONS: readonly SkipReason[] = ['too-large', 'binary', 'invalid-utf8', 'not-markdown', 'not-a-draft'];
const SEVERITIES: readonly ProblemSeverity[] = ['error', 'warning', 'info'];
/** Every problem code; a Record so that adding a code to the type without adding it here fails to compile. */
const PROBLEM_CODES: Readonly<Record<ProblemCode, true>> = {
  'yaml-syntax': true,
  'toml-syntax': true,
  'front-matter-unclosed': true,
  'front-matter-not-a-map': true,
  'front-matter-too-large': true,
  'duplicate-key': true,
  'unknown-kind': true,
  'unknown-status': true,
  'invalid-date': true,
  'abstract-too-long': true,
  'talk-over-duration': true,
  'invalid-duration': true,
  'invalid-impact': true,
  'invalid-feedback': true,
  'invalid-submission': true,
  'submission-without-event': true,
  'unknown-submission-status': true,
  'notification-before-deadline': true,
  'duplicate-submission': true,
  'unknown-abstract-variant': true,
  'invalid-abstract': true,
  'rehearsal-over-slot': true,
  'analysis-skipped': true,
  'span-ends-before-start': true,
  'date-after-date': true,
  'judging-weights': true,
  'image-alt': true,
  'missing-summary': true,
  'heading-skip': true,
  'placeholder-link': true,
  'abstract-over-cfp-budget': true,
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isSkipReason(value: unknown): value is SkipReason {
  return typeof value === 'string' && (SKIP_REASONS as readonly string[]).includes(value);
}

function indexIn<T>(values: readonly T[], index: unknown): T | undefined {
  return Number.isInteger(index) && (index as number) >= 0 && (index as number) < values.length ? values[index as number] : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeDates(value: unknown): DraftDate[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const dates: DraftDate[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item) || item.length !== 4) return undefined;
    const [field, label, date, deadline] = item as unknown[];
    if (typeof field !== 'string' || typeof label !== 'string' || typeof date !== 'string' || !ISO_DAY.test(date) || (deadline !== 0 && deadline !== 1)) {
      return undefined;
    }
    dates.push({ field, label, date, deadline: deadline === 1 });
  }
  return dates;
}

function decodeFields(value: unknown): Draft['fields'] | undefined {
  if (!isPlainRecord(value)) return undefined;
  const fields: Draft['fields'] = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string' && typeof item !== 'boolean' && !isFiniteNumber(item)) return undefined;
    // defineProperty, so a field named `__proto__` stays a field.
    Object.defineProperty(fields, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

function decodePosition(value: unknown): Position | undefined {
  if (!isPlainRecord(value) || !isCount(value.line) || !isCount(value.character)) return undefined;
  return { line: value.line, character: value.character };
}

function decodeRange(value: unknown): Range | undefined {
  if (!isPlainRecord(value)) return undefined;
  const start = decodePosition(value.start);
  const end = decodePosition(value.end);
  return start && end ? { start, end } : undefined;
}

function decodeFixes(value: unknown): ProblemFix[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const fixes: ProblemFix[] = [];
  for (const item of value as unknown[]) {
    if (!isPlainRecord(item) || typeof item.title !== 'string' || typeof item.newText !== 'string') return undefined;
    const range = decodeRange(item.range);
    if (!range || (item.preferred !== undefined && typeof item.preferred !== 'boolean')) return undefined;
    const fix: ProblemFix = { title: item.title, range, newText: item.newText };
    if (item.preferred !== undefined) fix.preferred = item.preferred;
    fixes.push(fix);
  }
  return fixes;
}

function decodeProblems(value: unknown): Problem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems: Problem[] = [];
  for (const item of value as unknown[]) {
    if (!isPlainRecord(item)) return undefined;
    const { code, message, severity, range, field, validValues, value: written, fixes } = item;
    if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(PROBLEM_CODES, code) || typeof message !== 'string') return undefined;
    if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) return undefined;
    const problem: Problem = { code: code as ProblemCode, message, severity: severity as ProblemSeverity };
    if (range !== undefined) {
      const decoded = decodeRange(range);
      if (!decoded) return undefined;
      problem.range = decoded;
    }
    if (field !== undefined) {
      if (typeof field !== 'string') return undefined;
      problem.field = field;
    }
    if (validValues !== undefined) {
      if (!isStringArray(validValues)) return undefined;
      problem.validValues = [...validValues];
    }
    if (written !== undefined) {
      if (typeof written !== 'string') return undefined;
      problem.value = written;
    }
    if (fixes !== undefined) {
      const decoded = decodeFixes(fixes);
      if (!decoded) return undefined;
      problem.fixes = decoded;
    }
    problems.push(problem);
  }
  return problems;
}

function decodeAnalysis(value: unknown): Draft['analysis'] | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [words, readingMinutes, done, total, talk] = value as unknown[];
  if (!isCount(words) || !isCount(readingMinutes) || !isCount(done) || !isCount(total) || done > total) return undefined;
  const analysis: NonNullable<Draft['analysis']> = { words, readingMinutes, checklist: { done, total } };
  if (talk !== null && talk !== undefined) {
    if (!isPlainRecord(talk) || !isFiniteNumber(talk.plannedMinutes) || !Array.isArray(talk.sections)) return undefined;
    const sections: TalkSection[] = [];
    for (const section of talk.sections as unknown[]) {
      if (!isPlainRecord(section) || typeof section.title !== 'string' || !isFiniteNumber(section.minutes) || !isCount(section.line)) return undefined;
      sections.push({ title: section.title, minutes: section.minutes, line: section.line });
    }
    analysis.talk = { plannedMinutes: talk.plannedMinutes, sections };
  }
  return analysis;
}

function decodeImpact(value: unknown): ImpactEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries: ImpactEntry[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item) || (item.length !== 5 && item.length !== 6)) return undefined;
    const [date, metric, amount, note, link, unit] = item as unknown[];
    if (item.length === 6 && typeof unit !== 'string') return undefined;
    if (typeof date !== 'string' || !ISO_DAY.test(date) || typeof metric !== 'string' || !isImpactValue(amount)) return undefined;
    if ((note !== null && typeof note !== 'string') || (link !== null && typeof link !== 'string')) return undefined;
    const entry: ImpactEntry = { date, metric, value: amount };
    if (note !== null) entry.note = note;
    if (link !== null) entry.link = link;
    if (typeof unit === 'string') entry.unit = unit;
    entries.push(entry);
  }
  return entries;
}

function decodeRehearsals(value: unknown): RehearsalRun[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const runs: RehearsalRun[] = [];
  for (const item of value as unknown[]) {
    if (!isPlainRecord(item) || typeof item.date !== 'string' || !ISO_DAY.test(item.date) || !isFiniteNumber(item.minutes) || item.minutes < 0) return undefined;
    const run: RehearsalRun = { date: item.date, minutes: item.minutes };
    if (item.sections !== undefined) {
      if (!Array.isArray(item.sections)) return undefined;
      const sections: RehearsalSectionResult[] = [];
      for (const section of item.sections as unknown[]) {
        if (!isPlainRecord(section) || typeof section.title !== 'string' || !isFiniteNumber(section.actual)) return undefined;
        if (section.planned !== undefined && !isFiniteNumber(section.planned)) return undefined;
        sections.push(
          section.planned === undefined ? { title: section.title, actual: section.actual } : { title: section.title, planned: section.planned, actual: section.actual },
        );
      }
      run.sections = sections;
    }
    runs.push(run);
  }
  return runs;
}

const SUBMISSION_TEXT_FIELDS = ['cfpUrl', 'format', 'abstract', 'travel'] as const;
const SUBMISSION_DAY_FIELDS = ['cfpDeadline', 'notificationDate', 'eventDate'] as const;

function decodeSubmissions(value: unknown): Submission[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const submissions: Submission[] = [];
  for (const item of value as unknown[]) {
    if (!isPlainRecord(item) || !isCount(item.index) || typeof item.event !== 'string' || typeof item.status !== 'string') return undefined;
    const submission: Submission = { index: item.index, event: item.event, status: item.status };
    for (const key of SUBMISSION_TEXT_FIELDS) {
      const text = item[key];
      if (text === undefined) continue;
      if (typeof text !== 'string') return undefined;
      submission[key] = text;
    }
    for (const key of SUBMISSION_DAY_FIELDS) {
      const day = item[key];
      if (day === undefined) continue;
      if (typeof day !== 'string' || !ISO_DAY.test(day)) return undefined;
      submission[key] = day;
    }
    submissions.push(submission);
  }
  return submissions;
}

function decodeAbstracts(value: unknown): AbstractVariant[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const abstracts: AbstractVariant[] = [];
  for (const item of value as unknown[]) {
    if (!isPlainRecord(item) || typeof item.name !== 'string' || !isCount(item.chars) || !isFiniteNumber(item.budget) || item.budget < 0) return undefined;
    if (item.source !== 'front-matter' && item.source !== 'section') return undefined;
    abstracts.push({ name: item.name, chars: item.chars, budget: item.budget, source: item.source });
  }
  return abstracts;
}

function decodeFeedback(value: unknown): FeedbackEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries: FeedbackEntry[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
    const { index, summary, status, area, link, date } = item as Record<string, unknown>;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || typeof summary !== 'string' || typeof status !== 'string') return undefined;
    if (typeof date !== 'string' || !ISO_DAY.test(date)) return undefined;
    if ((area !== undefined && typeof area !== 'string') || (link !== undefined && typeof link !== 'string')) return undefined;
    const entry: FeedbackEntry = { index, summary, status, date };
    if (typeof area === 'string') entry.area = area;
    if (typeof link === 'string') entry.link = link;
    entries.push(entry);
  }
  return entries;
}
