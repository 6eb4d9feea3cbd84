import * as l10n from '@vscode/l10n';
import { analyzeMarkdown } from './analysis/analysis';
import { isValidCalendarDate, parseDateValue } from './dates';
import { findFieldValueRange, locateFrontMatter, parseFrontMatter, unclosedProblem, type FrontMatterBlock } from './frontMatter/parse';
import { dateOrderProblems } from './dateOrder';
import { judgingProblems } from './hackathons/tables';
import { parseImpactEntries } from './impact';
import { kindProgress } from './kinds/registry';
import { parseFeedbackEntries } from './feedback';
import { bundleName, dateFromPath, liftCustomFields, notAPostReason, postPlaceOf, siteRuleAt, siteStatus, valueAt, type PostPlace, type SiteStatus } from './sites/postRules';
import { readTalkPlanning } from './talks/talkDraft';
import { lastRunIndex, overSlotMessage, parseRehearsals } from './talks/rehearsal';
import { nestedRangeFinder } from './talks/yamlRanges';
import { decodeDraftBytes, LineMap } from './text';
import type { CoreConfig, Draft, DraftAnalysis, DraftDate, KindDefinition, KindSource, Problem, Range, ReadResult, StatusSource, TalkSection } from './types';

const MARKDOWN_EXTENSION = /\.(md|markdown|mdx)$/i;

export interface DraftSource {
  uri: string;
  /** Workspace-relative path with forward slashes, used for folder-to-kind mappings. */
  relativePath: string;
  /**
   * The workspace-relative folder of the nearest `index.md` above the file (`enclosingBundle`),
   * when the caller knows it from names it already has. On Hugo, every other file there is the
   * page bundle's resource, not a post.
   */
  bundleFolder?: string;
}

export interface ReadOptions {
  /** Also count words, tasks and talk timing. The listing pass leaves this off. */
  analyze: boolean;
}

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSION.test(path);
}

/** Reads a file's bytes into a draft, or says why it is not one. Never throws for bad input. */
export function readDraft(source: DraftSource, bytes: Uint8Array, config: CoreConfig, options: ReadOptions): ReadResult {
  if (!isMarkdownPath(source.relativePath)) {
    return { skipped: { uri: source.uri, reason: 'not-markdown', message: l10n.t('Skipped: not a Markdown file.') } };
  }
  const decoded = decodeDraftBytes(bytes, config.maxFileBytes);
  if (!decoded.ok) return { skipped: { uri: source.uri, reason: decoded.reason, message: decoded.message } };
  return parseDraft(source, decoded.text, config, options);
}

/** What a file with no kind in its front matter and no folder mapping reads as. */
export function notADraft(uri: string): ReadResult {
  return { skipped: { uri, reason: 'not-a-draft', message: l10n.t('Not a draft: no known kind in front matter or folder mapping.') } };
}

/** Builds a draft from text, e.g. an unsaved editor's contents. */
export function parseDraft(source: DraftSource, text: string, config: CoreConfig, options: ReadOptions): ReadResult {
  if (text.length > config.maxFileBytes) {
    return { skipped: { uri: source.uri, reason: 'too-large', message: l10n.t('Skipped: the file is too large to track.') } };
  }
  const location = locateFrontMatter(text);
  const problems: Problem[] = [];
  let lines: LineMap | undefined;
  const lineMap = (): LineMap => (lines ??= new LineMap(text));
  let data: Record<string, unknown> = {};
  let block: FrontMatterBlock | undefined;
  let bodyStart: number;
  let bodyStartLine = 0;

  if (location.type === 'closed') {
    block = location.block;
    const parsed = parseFrontMatter(text, block);
    data = parsed.data;
    problems.push(...parsed.problems);
    bodyStart = block.end;
    bodyStartLine = block.bodyStartLine;
  } else if (location.type === 'unclosed') {
    problems.push(unclosedProblem(text, location, lineMap()));
    bodyStart = location.start;
  } else {
    bodyStart = location.bodyStart;
  }

  // Zola keeps custom fields, DevRel Desk's among them, in [extra].
  data = liftCustomFields(siteRuleAt(config.sites, source.uri, source.relativePath), data);
  const resolved = resolveKind(source, data, text, location, config);
  if (!resolved) return notADraft(source.uri);
  const place = postPlaceOf(config.sites, source.uri, source.relativePath);
  // A file the folder made a draft, but which the site does not treat as a post (Hugo's `_index.md`).
  const notAPost = place && resolved.source === 'folder' ? notAPostReason(place, source.bundleFolder) : undefined;
  if (notAPost) return { skipped: { uri: source.uri, reason: 'not-a-draft', message: `Not a post: ${notAPost}.` } };
  const kindDef = config.kinds[resolved.kind] as KindDefinition | undefined;
  const fieldRange = (field: string): Problem['range'] => (block ? findFieldValueRange(text, block, field, lineMap()) : undefined);

  if (resolved.unknownKind !== undefined) {
    problems.push({
      code: 'unknown-kind',
      severity: 'error',
      message: l10n.t('Unknown kind "{0}". Use one of: {1}.', resolved.unknownKind, Object.keys(config.kinds).join(', ')),
      field: 'kind',
      value: resolved.unknownKind,
      validValues: Object.keys(config.kinds),
      range: fieldRange('kind'),
    });
  }

  const status = resolveStatus(data, kindDef, resolved.source, place, place ? siteStatus(place, data) : undefined);
  if (status.source === 'front-matter' && kindDef && !kindDef.statuses.includes(status.status)) {
    problems.push({
      code: 'unknown-status',
      severity: 'error',
      message: l10n.t('Unknown status "{0}" for a {1}. Use one of: {2}.', status.status, kindDef.label.toLowerCase(), kindDef.statuses.join(', ')),
      field: 'status',
      value: status.status,
      validValues: [...kindDef.statuses],
      range: fieldRange('status'),
    });
  }

  /** smol-toml rolls `2026-02-30` over to March 2; an impossible day as written is returned so it is reported. */
  const writtenTomlDate = (field: string): string | undefined => {
    const written = fieldRange(field);
    if (!written) return undefined;
    const raw = text.slice(lineMap().offsetAt(written.start), lineMap().offsetAt(written.end));
    const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
    return ymd && !isValidCalendarDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) ? raw : undefined;
  };
  const dates: DraftDate[] = [];
  for (const [index, definition] of (kindDef?.dateFields ?? []).entries()) {
    const field = [definition.field, ...(definition.alternatives ?? [])].find((name) => data[name] !== undefined && data[name] !== null && data[name] !== '');
    if (field === undefined) {
      // The first date is when a post goes out; the site may keep it elsewhere, or in the file's name.
      const fromSite = index === 0 && place ? siteDate(place, data) : undefined;
      if (fromSite) dates.push({ field: fromSite.field, label: definition.label, date: fromSite.date, deadline: definition.deadline });
      continue;
    }
    const written = block?.format === 'toml' && data[field] instanceof Date ? (writtenTomlDate(field) ?? data[field]) : data[field];
    // MkDocs writes `date: { created: …, updated: … }`.
    const value = place && isPlainObject(written) && place.rules.dateFields.includes(`${field}.created`) ? written.created : written;
    const parsed = parseDateValue(value);
    if (parsed.ok) {
      dates.push({ field, label: definition.label, date: parsed.date, deadline: definition.deadline });
    } else {
      problems.push({
        code: 'invalid-date',
        severity: 'error',
        message: `${field} ${parsed.message}.`,
        field,
        value: typeof value === 'string' ? value : undefined,
        range: fieldRange(field),
      });
    }
  }

  let duration: number | undefined;
  if (data.duration !== undefined && data.duration !== null && data.duration !== '') {
    duration = parseDuration(data.duration);
    if (duration === undefined) {
      problems.push({
        code: 'invalid-duration',
        severity: 'warning',
        message: l10n.t('duration must be a number of minutes, such as 30.'),
        field: 'duration',
        range: fieldRange('duration'),
      });
    }
  }

  // Parses the YAML again only when a problem inside a list needs a place.
  const nestedRange = nestedRangeFinder(text, block, lineMap);
  /** Where a list's per-entry messages go: the first line of each entry with a message, in the order they are reported. */
  const entryRanges = (field: string, indices: number[]): ((n: number) => Problem['range']) => {
    return (n) => (Array.isArray(data[field]) && indices[n] !== undefined ? nestedRange([field, indices[n]], 'entry') : undefined) ?? fieldRange(field);
  };

  const impact = parseImpactEntries(data.impact);
  if (impact.problems.length > 0) {
    const at = entryRanges(
      'impact',
      entriesWhere(data.impact, (item) => parseImpactEntries([item]).problems.length > 0),
    );
    impact.problems.forEach((message, n) => problems.push({ code: 'invalid-impact', severity: 'warning', message, field: 'impact', range: at(n) }));
  }

  const feedback = parseFeedbackEntries(data.feedback);
  if (feedback.problems.length + feedback.warnings.length > 0) {
    const at = entryRanges('feedback', [
      ...entriesWhere(data.feedback, (item) => parseFeedbackEntries([item]).problems.length > 0),
      ...entriesWhere(data.feedback, (item) => parseFeedbackEntries([item]).warnings.length > 0),
    ]);
    [...feedback.problems, ...feedback.warnings].forEach((message, n) =>
      problems.push({ code: 'invalid-feedback', severity: 'warning', message, field: 'feedback', range: at(n) }),
    );
  }

  const rehearsals = parseRehearsals(data.rehearsals);
  const overSlot = overSlotMessage(rehearsals, duration);
  if (overSlot !== undefined) {
    problems.push({
      code: 'rehearsal-over-slot',
      severity: 'warning',
      message: overSlot,
      field: 'rehearsals',
      range: lastRunRange(nestedRange, lastRunIndex(data.rehearsals)) ?? fieldRange('rehearsals'),
    });
  }

  const fields = scalarFields(data, kindDef);
  if (resolved.kind === 'talk' && typeof data.abstract === 'string') {
    const length = data.abstract.trim().length;
    if (length > config.abstractMaxChars) {
      problems.push({
        code: 'abstract-too-long',
        severity: 'warning',
        message: l10n.t('The abstract is {0} characters; the budget is {1}. Cut {2} to fit most CFP forms.', length, config.abstractMaxChars, length - config.abstractMaxChars),
        field: 'abstract',
        range: fieldRange('abstract'),
      });
    }
  }

  const planning = readTalkPlanning({ data, text, block, bodyStart, lines: lineMap, config, kind: resolved.kind });
  problems.push(...planning.problems);
  problems.push(...dateOrderProblems({ text, dates, kind: kindDef, fieldRange, lines: lineMap }));
  if (resolved.kind === 'hackathon') problems.push(...judgingProblems(text, bodyStart, lineMap));

  const title =
    typeof data.title === 'string' && data.title.trim() ? data.title.trim() : (firstHeading(text, bodyStart) ?? bundleName(source.relativePath) ?? fileTitle(source.relativePath));

  const draft: Draft = {
    uri: source.uri,
    relativePath: source.relativePath,
    kind: resolved.kind,
    kindSource: resolved.source,
    title,
    status: status.status,
    statusSource: status.source,
    dates,
    tags: readTags(data.tags),
    duration,
    fields,
    frontMatterFormat: block?.format,
    problems,
  };
  // Fields read from a document that does not parse are guesses: report what to fix in the
  // syntax, and nothing about values that may be fine once it parses (a correct date, say).
  if (problems.some(isSyntaxProblem)) draft.problems = problems.filter((p) => isSyntaxProblem(p) || p.code === 'duplicate-key');
  if (impact.entries.length > 0) draft.impact = impact.entries;
  if (feedback.entries.length > 0) draft.feedback = feedback.entries;
  if (planning.submissions) draft.submissions = planning.submissions;
  if (planning.abstracts) draft.abstracts = planning.abstracts;
  if (rehearsals.length > 0) draft.rehearsals = rehearsals;
  if (options.analyze) analyzeDraft(draft, text.slice(bodyStart), bodyStartLine, config);
  return { draft };
}

/** The indices of a front-matter list's entries that `has` picks; none when it is not a list. */
function entriesWhere(list: unknown, has: (item: unknown) => boolean): number[] {
  return Array.isArray(list) ? list.flatMap((item: unknown, index) => (has(item) ? [index] : [])) : [];
}

/** The `minutes: 27` of the run that went over, or its entry's first line; TOML gives no places. */
function lastRunRange(rangeOf: ReturnType<typeof nestedRangeFinder>, index: number): Range | undefined {
  if (index < 0) return undefined;
  const key = rangeOf(['rehearsals', index, 'minutes'], 'key');
  const value = rangeOf(['rehearsals', index, 'minutes']);
  if (key && value) return { start: key.start, end: value.end };
  return rangeOf(['rehearsals', index], 'entry');
}

/** The analysis pass: counts and timing, and the problems that need them. */
export function analyzeDraft(draft: Draft, body: string, bodyStartLine: number, config: CoreConfig): Draft {
  return applyAnalysis(draft, analyzeMarkdown(body, { wordsPerMinute: config.wordsPerMinute, bodyStartLine }));
}

/** Attaches an analysis made here or in a worker, and adds the problems that depend on it. */
export function applyAnalysis(draft: Draft, full: DraftAnalysis): Draft {
  const { headings: _headings, ...analysis } = full;
  draft.analysis = analysis;
  if (
    kindProgress(draft.kind) === 'timing' &&
    !draft.problems.some(isSyntaxProblem) &&
    analysis.talk &&
    draft.duration !== undefined &&
    analysis.talk.plannedMinutes > draft.duration
  ) {
    const crossing = sectionCrossing(analysis.talk.sections, draft.duration);
    draft.problems.push({
      code: 'talk-over-duration',
      severity: 'warning',
      message: l10n.t(
        'The sections add up to {0} min, over the {1} min slot. Trim {2} min.',
        formatMinutes(analysis.talk.plannedMinutes),
        formatMinutes(draft.duration),
        formatMinutes(analysis.talk.plannedMinutes - draft.duration),
      ),
      field: 'duration',
      range: crossing ? headingRange(full.headings, crossing.line) : undefined,
    });
  }
  return draft;
}

/** The section during which the talk runs past its slot: where trimming starts to help. */
function sectionCrossing(sections: readonly TalkSection[], slot: number): TalkSection | undefined {
  let total = 0;
  for (const section of sections) {
    total += section.minutes;
    if (total > slot) return section;
  }
  return sections[0];
}

/** A section's heading line, `## ` and all, so the warning underlines something readable. */
function headingRange(headings: readonly { level: number; text: string; line: number }[], line: number): Range {
  const heading = headings.find((h) => h.line === line);
  return { start: { line, character: 0 }, end: { line, character: heading ? heading.level + 1 + heading.text.length : 0 } };
}

const SYNTAX_CODES: ReadonlySet<string> = new Set(['yaml-syntax', 'toml-syntax', 'front-matter-unclosed', 'front-matter-not-a-map']);

/** A problem that means the front matter could not be read as written. */
export function isSyntaxProblem(problem: Problem): boolean {
  return SYNTAX_CODES.has(problem.code);
}

/** Splits a text into the body that the analysis pass reads and the line it starts on. */
export function bodyOf(text: string): { body: string; bodyStartLine: number } {
  const location = locateFrontMatter(text);
  if (location.type === 'closed') return { body: text.slice(location.block.end), bodyStartLine: location.block.bodyStartLine };
  if (location.type === 'unclosed') return { body: text.slice(location.start), bodyStartLine: 0 };
  return { body: text.slice(location.bodyStart), bodyStartLine: 0 };
}

interface ResolvedKind {
  kind: string;
  source: KindSource;
  unknownKind?: string;
}

function resolveKind(
  source: DraftSource,
  data: Record<string, unknown>,
  text: string,
  location: ReturnType<typeof locateFrontMatter>,
  config: CoreConfig,
): ResolvedKind | undefined {
  let written = typeof data.kind === 'string' ? data.kind.trim() : undefined;
  if (written === undefined && location.type !== 'none') {
    // Broken front matter still says what it is meant to be; keep tracking it so its problems show.
    const fence = location.type === 'closed' ? location.block.contentEnd : Math.min(text.length, 4096);
    const match = /^kind[ \t]*[:=][ \t]*["']?([A-Za-z0-9_-]+)/m.exec(text.slice(0, fence));
    if (match) written = match[1];
  }
  const folderKind = kindForFolder(source.relativePath, config, source.uri);
  if (written) {
    if (config.kinds[written]) return { kind: written, source: 'front-matter' };
    return folderKind ? { kind: folderKind, source: 'folder', unknownKind: written } : { kind: written, source: 'front-matter', unknownKind: written };
  }
  return folderKind ? { kind: folderKind, source: 'folder' } : undefined;
}

/** A folder mapped to this stops being tracked, e.g. a detected post folder the person leaves out. */
export const UNTRACKED_KIND = 'none';

/** The kind a folder mapping gives a file; `uri` lets mappings that belong to one workspace folder apply only there. */
export function kindForFolder(relativePath: string, config: CoreConfig, uri?: string): string | undefined {
  let best: { kind: string; length: number } | undefined;
  for (const mapping of config.folderKinds) {
    if (mapping.scope !== undefined && (uri === undefined || !uri.startsWith(mapping.scope.endsWith('/') ? mapping.scope : `${mapping.scope}/`))) continue;
    const folder = mapping.folder.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
    if (!config.kinds[mapping.kind] && mapping.kind !== UNTRACKED_KIND) continue;
    const inside = folder === '' || relativePath.startsWith(folder + '/');
    // The deepest mapping wins, so `content/posts/talks` can override `content/posts`.
    if (inside && (!best || folder.length > best.length)) best = { kind: mapping.kind, length: folder.length };
  }
  return best?.kind === UNTRACKED_KIND ? undefined : best?.kind;
}

function resolveStatus(
  data: Record<string, unknown>,
  kind: KindDefinition | undefined,
  kindSource: KindSource,
  place?: PostPlace,
  site?: SiteStatus,
): { status: string; source: StatusSource } {
  if (typeof data.status === 'string' && data.status.trim()) return { status: data.status.trim(), source: 'front-matter' };
  const statuses = kind?.statuses ?? ['idea'];
  // Not a side status: a published talk is delivered, not rejected.
  const finished = kind?.finishedStatuses.find((s) => !kind.sideStatuses?.includes(s)) ?? kind?.finishedStatuses[0] ?? statuses[statuses.length - 1];
  const inProgress = statuses.includes('drafting') ? 'drafting' : statuses[0];
  if (site && place) {
    const ownFlag = site.reason.startsWith(`${place.rules.publishedField}:`);
    const source: StatusSource = !ownFlag ? 'site-rule' : place.rules.publishedField === 'draft' ? 'draft-flag' : 'published-flag';
    return { status: site.published ? finished : inProgress, source };
  }
  const draftFlag = asBoolean(data.draft);
  if (draftFlag !== undefined) return { status: draftFlag ? inProgress : finished, source: 'draft-flag' };
  const published = asBoolean(data.published);
  if (published !== undefined) return { status: published ? finished : inProgress, source: 'published-flag' };
  // Generators publish a post that says nothing either way.
  if (kindSource === 'folder') return { status: finished, source: 'default' };
  return { status: statuses[0], source: 'default' };
}

/** A post's date from the generator's own fields or from its path, when the kind's fields have none. */
function siteDate(place: PostPlace, data: Record<string, unknown>): { field: string; date: string } | undefined {
  for (const path of place.rules.dateFields) {
    const parsed = parseDateValue(valueAt(data, path));
    // A dotted path is written back to its top-level field: MkDocs also accepts a plain `date:`.
    if (parsed.ok) return { field: path.split('.')[0] ?? path, date: parsed.date };
  }
  const fromPath = dateFromPath(place);
  return fromPath ? { field: 'date', date: fromPath } : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value === 'string') {
    const match = /^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes)?$/i.exec(value.trim());
    if (match) return Number(match[1]) > 0 ? Number(match[1]) : undefined;
  }
  return undefined;
}

function readTags(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .filter((t) => typeof t === 'string' || typeof t === 'number')
      .map((t) => String(t).trim())
      .filter(Boolean);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  return [];
}

const MAX_FIELD_LENGTH = 200;
const FIELDS_READ_ELSEWHERE = new Set(['title', 'kind', 'status', 'tags', 'duration', 'abstract', 'impact', 'feedback', 'submissions', 'abstracts', 'rehearsals']);

const dateFieldNames = new WeakMap<KindDefinition, ReadonlySet<string>>();
const NO_FIELDS: ReadonlySet<string> = new Set();

/** Every front-matter key a kind reads as a date; built once per kind, since this runs for every file. */
function dateFieldsOf(kind: KindDefinition | undefined): ReadonlySet<string> {
  if (!kind) return NO_FIELDS;
  let names = dateFieldNames.get(kind);
  if (!names) dateFieldNames.set(kind, (names = new Set(kind.dateFields.flatMap((d) => [d.field, ...(d.alternatives ?? [])]))));
  return names;
}

function scalarFields(data: Record<string, unknown>, kind: KindDefinition | undefined): Record<string, string | number | boolean> {
  const fields: Record<string, string | number | boolean> = {};
  const dateFields = dateFieldsOf(kind);
  for (const [key, value] of Object.entries(data)) {
    if (FIELDS_READ_ELSEWHERE.has(key) || dateFields.has(key)) continue;
    if (typeof value === 'string') {
      if (value.length <= MAX_FIELD_LENGTH) fields[key] = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
    else if (value instanceof Date && !Number.isNaN(value.getTime())) fields[key] = value.toISOString();
  }
  return fields;
}

function firstHeading(text: string, from: number): string | undefined {
  // A cheap scan for the listing pass; fenced code is skipped so `# comment` lines don't count.
  let inFence: string | undefined;
  let position = from;
  while (position < text.length) {
    const end = text.indexOf('\n', position);
    const line = text.slice(position, end === -1 ? text.length : end).replace(/\r$/, '');
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (!inFence) inFence = fence[1];
      // Only the same character, at least as many, with no info string closes: ```` can wrap ``` examples.
      else if (fence[1][0] === inFence[0] && fence[1].length >= inFence.length && fence[2].trim() === '') inFence = undefined;
    } else if (!inFence) {
      // No trailing `(?:[ \t]+#+)?[ \t]*$` in the regex: that is quadratic on a long run of spaces.
      const heading = /^ {0,3}#[ \t]+(\S.*)$/.exec(line.trimEnd());
      if (heading) {
        const text = heading[1];
        let cut = text.length;
        while (cut > 0 && text[cut - 1] === '#') cut--;
        const title = (cut < text.length && (text[cut - 1] === ' ' || text[cut - 1] === '\t') ? text.slice(0, cut) : text).trim();
        if (title) return title;
      }
    }
    if (end === -1) break;
    position = end + 1;
  }
  return undefined;
}

function fileTitle(relativePath: string): string {
  const name = relativePath.split('/').pop() ?? relativePath;
  return name.replace(MARKDOWN_EXTENSION, '');
}

function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1);
}
