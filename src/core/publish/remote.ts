// What the platforms answer, turned into data: the id and URL to write back, errors a person
// can act on, and reach figures to record as impact.

import { appendFrontMatterListItem, replaceFrontMatterListItem, type EditResult, type FrontMatterValue } from '../frontMatter/edit';
import { locateFrontMatter, parseFrontMatter } from '../frontMatter/parse';
import { PLATFORM_INFO, type Platform, type RemoteStats } from './types';

export type RemoteErrorKind = 'unauthorized' | 'validation' | 'rate-limited' | 'not-found' | 'server' | 'bad-response' | 'timeout' | 'network';

export interface RemoteError {
  kind: RemoteErrorKind;
  /** One sentence for the person; never contains the key. */
  message: string;
  /** The front-matter field a validation error is about, when it can be told. */
  field?: string;
  /** For `rate-limited`: how long the platform asked to wait. */
  retryAfterMs?: number;
  status?: number;
}

export type PublishResponse = { ok: true; id: string; url?: string } | { ok: false; error: RemoteError };

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Reads the answer to a create or update. */
export function interpretPublishResponse(platform: Platform, answer: HttpAnswer, now: number = Date.now()): PublishResponse {
  const failure = httpFailure(platform, answer, now);
  if (failure) return { ok: false, error: failure };
  const json = parseJson(answer.body);
  if (platform === 'devto') {
    const record = asRecord(json);
    const id = record?.id;
    if (typeof id !== 'number' && typeof id !== 'string') return { ok: false, error: badResponse(platform, 'it has no article id') };
    return { ok: true, id: String(id), url: typeof record?.url === 'string' ? record.url : undefined };
  }
  const graphQlError = hashnodeErrors(json, answer.status);
  if (graphQlError) return { ok: false, error: graphQlError };
  const data = asRecord(asRecord(json)?.data);
  const payload = asRecord(data?.publishPost) ?? asRecord(data?.updatePost);
  const post = asRecord(payload?.post);
  if (!post || typeof post.id !== 'string') return { ok: false, error: badResponse(platform, 'it has no post id') };
  return { ok: true, id: post.id, url: typeof post.url === 'string' ? post.url : undefined };
}

/**
 * The front-matter fields written back after a successful publish. dev.to ids are numbers and
 * stay numbers. An answer without a URL leaves the URL field as it is rather than removing it.
 */
export function writeBackFields(platform: Platform, response: { id: string; url?: string }): Record<string, FrontMatterValue | undefined> {
  const info = PLATFORM_INFO[platform];
  const id: FrontMatterValue = platform === 'devto' && /^\d{1,15}$/.test(response.id) ? Number(response.id) : response.id;
  return response.url ? { [info.idField]: id, [info.urlField]: response.url } : { [info.idField]: id };
}

/** HTTP-level failures both platforms share. Undefined for a 2xx answer. */
export function httpFailure(platform: Platform, answer: HttpAnswer, now: number = Date.now()): RemoteError | undefined {
  const label = PLATFORM_INFO[platform].label;
  const { status } = answer;
  if (status >= 200 && status < 300) return undefined;
  const detail = errorText(parseJson(answer.body)) ?? '';
  if (status === 401 || status === 403) {
    return { kind: 'unauthorized', status, message: `${label} refused the API key (HTTP ${status}). Set a valid key with DevRel: Set API Key.` };
  }
  if (status === 404) return { kind: 'not-found', status, message: `${label} has no such article (HTTP 404); it may have been deleted there.` };
  if (status === 422 || status === 400) {
    const message = detail || `HTTP ${status}`;
    const field = fieldOfMessage(message);
    return { kind: 'validation', status, field, message: `${label} rejected the post: ${message}${field ? ` (front-matter field ${field})` : ''}.` };
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(header(answer.headers, 'retry-after'), now);
    return { kind: 'rate-limited', status, retryAfterMs, message: `${label} is limiting requests (HTTP 429).` };
  }
  return { kind: 'server', status, message: `${label} answered HTTP ${status}${detail ? `: ${detail}` : ''}. Try again later.` };
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const FIELD_WORDS: [RegExp, string][] = [
  [/\btitle\b/i, 'title'],
  [/\btag/i, 'tags'],
  [/canonical|originalArticleURL/i, 'canonical_url'],
  [/main[ _]image|cover/i, 'cover_image'],
  [/\bseries/i, 'series'],
  [/description|metaTags/i, 'description'],
  [/publication/i, 'hashnode_publication_id'],
];

/** The front-matter field a platform's validation message is about, when one is named. */
export function fieldOfMessage(message: string): string | undefined {
  return FIELD_WORDS.find(([pattern]) => pattern.test(message))?.[1];
}

function hashnodeErrors(json: unknown, status: number): RemoteError | undefined {
  const errors = asRecord(json)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first = asRecord(errors[0]);
  const message = typeof first?.message === 'string' ? first.message : 'unknown error';
  const code = String(asRecord(first?.extensions)?.code ?? '');
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || /unauthori[sz]ed|unauthenticated|invalid token/i.test(message)) {
    return { kind: 'unauthorized', status, message: `Hashnode refused the API key (${message}). Set a valid key with DevRel: Set API Key.` };
  }
  if (code === 'NOT_FOUND' || /not found/i.test(message)) return { kind: 'not-found', status, message: `Hashnode has no such post (${message}); it may have been deleted there.` };
  const field = fieldOfMessage(message);
  return { kind: 'validation', status, field, message: `Hashnode rejected the post: ${message}${field ? ` (front-matter field ${field})` : ''}.` };
}

function badResponse(platform: Platform, why: string): RemoteError {
  return { kind: 'bad-response', message: `${PLATFORM_INFO[platform].label} answered in a way DevRel Desk doesn't understand: ${why}. Check the endpoint setting.` };
}

function errorText(json: unknown): string | undefined {
  const record = asRecord(json);
  if (!record) return undefined;
  for (const key of ['error', 'message', 'errors']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (Array.isArray(value)) {
      const texts = value.map((v) => (typeof v === 'string' ? v : typeof asRecord(v)?.message === 'string' ? String(asRecord(v)?.message) : '')).filter(Boolean);
      if (texts.length > 0) return texts.join('; ');
    }
  }
  return undefined;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function header(headers: HttpAnswer['headers'], name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

// ---------------------------------------------------------------------------------------------
// Stats

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

/** Reach of each article in a page of dev.to's `GET /api/articles/me`. */
export function devtoStats(json: unknown): RemoteStats[] {
  if (!Array.isArray(json)) return [];
  const stats: RemoteStats[] = [];
  for (const item of json) {
    const record = asRecord(item);
    if (!record || (typeof record.id !== 'number' && typeof record.id !== 'string')) continue;
    stats.push({
      id: String(record.id),
      url: typeof record.url === 'string' ? record.url : undefined,
      views: count(record.page_views_count),
      reactions: count(record.public_reactions_count) ?? count(record.positive_reactions_count),
      comments: count(record.comments_count),
    });
  }
  return stats;
}

const HASHNODE_STATS_FIELDS = 'id url views reactionCount responseCount replyCount';

/** One GraphQL query for the reach of several Hashnode posts, one alias per post. */
export function hashnodeStatsQuery(ids: readonly string[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const selections: string[] = [];
  ids.forEach((id, index) => {
    variables[`id${index}`] = id;
    declarations.push(`$id${index}: ID!`);
    selections.push(`p${index}: post(id: $id${index}) { ${HASHNODE_STATS_FIELDS} }`);
  });
  return { query: `query PostStats(${declarations.join(', ')}) { ${selections.join(' ')} }`, variables };
}

export type StatsResponse = { ok: true; stats: RemoteStats[] } | { ok: false; error: RemoteError };

/** Reads the answer to `hashnodeStatsQuery`. Posts that are gone come back as null and are left out. */
export function hashnodeStats(answer: HttpAnswer, ids: readonly string[], now: number = Date.now()): StatsResponse {
  const failure = httpFailure('hashnode', answer, now);
  if (failure) return { ok: false, error: failure };
  const json = parseJson(answer.body);
  const data = asRecord(asRecord(json)?.data);
  if (!data) {
    const error = hashnodeErrors(json, answer.status);
    return { ok: false, error: error ?? badResponse('hashnode', 'it has no data') };
  }
  const stats: RemoteStats[] = [];
  ids.forEach((id, index) => {
    const post = asRecord(data[`p${index}`]);
    if (!post) return;
    const responses = count(post.responseCount);
    const replies = count(post.replyCount);
    stats.push({
      id,
      url: typeof post.url === 'string' ? post.url : undefined,
      views: count(post.views),
      reactions: count(post.reactionCount),
      comments: responses === undefined && replies === undefined ? undefined : (responses ?? 0) + (replies ?? 0),
    });
  });
  return { ok: true, stats };
}

// ---------------------------------------------------------------------------------------------
// Reach into the impact log

export const SYNCED_METRICS = ['views', 'reactions', 'comments'] as const;

/**
 * Records one platform's reach in a draft's `impact:` list: one entry per platform and metric,
 * marked with `source`, replaced on every sync rather than added again, so daily syncs never
 * inflate totals. A metric at 0 with no entry yet is left out.
 */
export function syncImpactEntries(text: string, platform: Platform, stats: RemoteStats, today: string): EditResult {
  const location = locateFrontMatter(text);
  const raw = location.type === 'closed' ? parseFrontMatter(text, location.block).data.impact : undefined;
  const list: unknown[] = Array.isArray(raw) ? raw : [];
  let current = text;
  for (const metric of SYNCED_METRICS) {
    const value = stats[metric];
    if (value === undefined) continue;
    const index = list.findIndex((item) => {
      const record = asRecord(item);
      return record?.source === platform && typeof record.metric === 'string' && record.metric.trim().toLowerCase() === metric;
    });
    if (index === -1 && value === 0) continue;
    const entry: Record<string, FrontMatterValue | undefined> = { date: today, metric, value, source: platform, link: stats.url };
    const result = index === -1 ? appendFrontMatterListItem(current, 'impact', entry) : replaceFrontMatterListItem(current, 'impact', index, entry);
    if (!result.ok) return result;
    if (index === -1) list.push(entry);
    current = result.text;
  }
  return { ok: true, text: current, edit: smallestEdit(text, current) };
}

/** One replacement that turns `before` into `after`. */
function smallestEdit(before: string, after: string): { offset: number; length: number; newText: string } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a CRLF or a surrogate pair.
  while (start > 0 && /[\r\uD800-\uDBFF]/.test(before[start - 1])) start--;
  while (end > 0 && /[\n\uDC00-\uDFFF]/.test(before[before.length - end])) end--;
  return { offset: start, length: before.length - start - end, newText: after.slice(start, after.length - end) };
}
