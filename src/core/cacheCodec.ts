// A compact, positional encoding of index entries for the cache. A warm start parses the
// whole cache before anything can be shown, and repeating every property name for ten
// thousand drafts roughly doubled its size and its parse time.
import type { AbstractVariant, Draft, DraftDate, ImpactEntry, KindSource, Problem, ReadResult, RehearsalRun, SkipReason, StatusSource, Submission } from './types';

const KIND_SOURCES: KindSource[] = ['front-matter', 'folder'];
const STATUS_SOURCES: StatusSource[] = ['front-matter', 'draft-flag', 'published-flag', 'default', 'site-rule'];
const FORMATS: (Draft['frontMatterFormat'] | null)[] = [null, 'yaml', 'toml'];

type EncodedDate = [field: string, label: string, date: string, deadline: 0 | 1];
type EncodedImpact = [date: string, metric: string, value: number, note: string | null, link: string | null];
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
    d.impact ? d.impact.map((e) => [e.date, e.metric, e.value, e.note ?? null, e.link ?? null]) : null,
  ];
  // Only talks with submissions, named abstracts or rehearsals pay for the extra element.
  if (d.rehearsals) encoded.push([d.submissions ?? null, d.abstracts ?? null, d.rehearsals]);
  else if (d.submissions || d.abstracts) encoded.push([d.submissions ?? null, d.abstracts ?? null]);
  return encoded;
}

/** Decodes one entry; anything malformed gives undefined, so a corrupt cache is ignored, not trusted. */
export function decodeResult(value: unknown): ReadResult | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value[0] === 's' && value.length === 4 && typeof value[1] === 'string') {
    return { skipped: { uri: value[1], reason: value[2] as SkipReason, message: String(value[3]) } };
  }
  // 15 elements is an entry written before impact was tracked, 16 before submissions.
  if (value[0] !== 'd' || value.length < 15 || value.length > 17) return undefined;
  const [, uri, relativePath, kind, kindSource, title, status, statusSource, dates, tags, duration, fields, format, problems, analysis, impact, talk] = value as EncodedDraft;
  if (typeof uri !== 'string' || typeof relativePath !== 'string' || typeof kind !== 'string' || typeof title !== 'string' || typeof status !== 'string') return undefined;
  if (!Array.isArray(dates) || !Array.isArray(tags) || !Array.isArray(problems) || typeof fields !== 'object' || fields === null) return undefined;
  const draft: Draft = {
    uri,
    relativePath,
    kind,
    kindSource: KIND_SOURCES[kindSource] ?? 'front-matter',
    title,
    status,
    statusSource: STATUS_SOURCES[statusSource] ?? 'front-matter',
    dates: dates.map(([field, label, date, deadline]): DraftDate => ({ field, label, date, deadline: deadline === 1 })),
    tags,
    fields,
    problems,
  };
  // Optional properties are added only when present: `delete` would slow every later read of the object.
  if (duration !== null && duration !== undefined) draft.duration = duration;
  const frontMatterFormat = FORMATS[format];
  if (frontMatterFormat) draft.frontMatterFormat = frontMatterFormat;
  if (impact !== undefined && impact !== null) {
    const entries = decodeImpact(impact);
    if (!entries) return undefined;
    draft.impact = entries;
  }
  if (talk !== undefined && talk !== null) {
    // Two elements is an entry written before rehearsals were tracked.
    if (!Array.isArray(talk) || (talk.length !== 2 && talk.length !== 3)) return undefined;
    const [submissions, abstracts, rehearsals] = talk;
    if (submissions !== null) {
      if (!Array.isArray(submissions) || !submissions.every((s) => typeof s === 'object' && s !== null && typeof s.event === 'string' && typeof s.status === 'string')) return undefined;
      draft.submissions = submissions;
    }
    if (abstracts !== null) {
      if (!Array.isArray(abstracts) || !abstracts.every((a) => typeof a === 'object' && a !== null && typeof a.name === 'string' && typeof a.chars === 'number')) return undefined;
      draft.abstracts = abstracts;
    }
    if (rehearsals !== undefined && rehearsals !== null) {
      if (!Array.isArray(rehearsals) || !rehearsals.every(isRun)) return undefined;
      draft.rehearsals = rehearsals;
    }
  }
  if (Array.isArray(analysis)) {
    const [words, readingMinutes, done, total, talk] = analysis;
    draft.analysis = { words, readingMinutes, checklist: { done, total } };
    if (talk) draft.analysis.talk = talk;
  }
  return { draft };
}

function decodeImpact(value: unknown): ImpactEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries: ImpactEntry[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item)) return undefined;
    const [date, metric, amount, note, link] = item as unknown[];
    if (typeof date !== 'string' || typeof metric !== 'string' || typeof amount !== 'number') return undefined;
    if ((note !== null && typeof note !== 'string') || (link !== null && typeof link !== 'string')) return undefined;
    const entry: ImpactEntry = { date, metric, value: amount };
    if (note !== null) entry.note = note;
    if (link !== null) entry.link = link;
    entries.push(entry);
  }
  return entries;
}

function isRun(value: unknown): value is RehearsalRun {
  if (value === null || typeof value !== 'object') return false;
  const run = value as Partial<RehearsalRun>;
  return typeof run.date === 'string' && typeof run.minutes === 'number' && (run.sections === undefined || Array.isArray(run.sections));
}
