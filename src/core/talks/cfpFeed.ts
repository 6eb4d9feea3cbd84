// Open calls for papers from public aggregator feeds. Two formats are read:
//   developers.events `all-cfps.json`: [{ link, untilDate (epoch ms), conf: { name, date: [startMs, endMs?], hyperlink, location } }]
//   confs.tech conference files:       [{ name, url, startDate, endDate, city, country, online, cfpUrl, cfpEndDate, locales }]
// Feeds are other people's data: every field is checked, a bad entry is skipped and counted,
// and one bad entry never costs the good ones.

import { addDays, formatDate, isValidCalendarDate } from '../dates';
import { hasOwn } from '../util/objects';

export interface Cfp {
  name: string;
  /** The event's own site. */
  url?: string;
  cfpUrl: string;
  /** `YYYY-MM-DD` */
  cfpDeadline: string;
  /** `YYYY-MM-DD` */
  eventStart?: string;
  /** `YYYY-MM-DD` */
  eventEnd?: string;
  location?: string;
  country?: string;
  online?: boolean;
  /** The feeds that list it. */
  sources: string[];
}

export type FeedFormat = 'developers.events' | 'confs.tech';

export interface FeedRead {
  calls: Cfp[];
  /** Short, human messages: at most a few, with a count of the rest. */
  problems: string[];
  /** Entries skipped as unreadable. */
  skipped: number;
}

export interface CfpFilter {
  text?: string;
  attendance?: 'online' | 'in-person';
  country?: string;
  withinDays?: number;
}

/** Far more than any real feed; past it the rest is cut, so a hostile feed can't exhaust memory. */
export const MAX_FEED_ENTRIES = 50_000;
const MAX_TEXT = 300;
const MAX_URL = 2048;
const MAX_PROBLEMS = 3;
const DAY_MS = 86_400_000;

/** Parses a feed's text. Not JSON, or not a list, is one problem and no calls. */
export function parseCfpFeed(text: string, source: string): FeedRead {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { calls: [], problems: [`${source} is not JSON (${reason.slice(0, 120)}).`], skipped: 0 };
  }
  return readCfpEntries(value, source);
}

/** Reads parsed JSON in either format; the format is told entry by entry, so mixed lists work too. */
export function readCfpEntries(value: unknown, source: string): FeedRead {
  if (!Array.isArray(value)) {
    return { calls: [], problems: [`${source} is not a list of calls for papers: expected a JSON array, found ${describe(value)}.`], skipped: 0 };
  }
  const calls: Cfp[] = [];
  const issues: string[] = [];
  let skipped = 0;
  const entries = value.length > MAX_FEED_ENTRIES ? value.slice(0, MAX_FEED_ENTRIES) : value;
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    const read = readEntry(entry, source);
    if (typeof read === 'string') {
      skipped++;
      if (issues.length < MAX_PROBLEMS) issues.push(`entry ${i + 1} ${read}`);
    } else if (read) calls.push(read);
  }
  const problems: string[] = [];
  if (skipped > 0) {
    const more = skipped > issues.length ? `; and ${skipped - issues.length} more` : '';
    problems.push(`${source}: ${skipped} ${skipped === 1 ? 'entry was' : 'entries were'} skipped (${issues.join('; ')}${more}).`);
  }
  if (value.length > MAX_FEED_ENTRIES) problems.push(`${source} lists ${value.length} entries; only the first ${MAX_FEED_ENTRIES} were read.`);
  return { calls, problems, skipped };
}

/** A call, undefined for an entry that is fine but has no open call, or why it can't be read. */
function readEntry(entry: unknown, source: string): Cfp | undefined | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `is ${describe(entry)}, not an object`;
  const fields = entry as Record<string, unknown>;
  if (has(fields, 'conf') || has(fields, 'untilDate')) return readDevelopersEvents(fields, source);
  if (has(fields, 'cfpEndDate') || has(fields, 'startDate') || has(fields, 'cfpUrl')) return readConfsTech(fields, source);
  return 'is in neither the developers.events nor the confs.tech format';
}

function readDevelopersEvents(fields: Record<string, unknown>, source: string): Cfp | string {
  const conf = own(fields, 'conf');
  if (typeof conf !== 'object' || conf === null || Array.isArray(conf)) return 'has no "conf" object';
  const c = conf as Record<string, unknown>;
  const name = text(own(c, 'name'));
  if (!name) return 'has no conference name';
  const cfpUrl = httpUrl(own(fields, 'link'));
  if (!cfpUrl) return `(${name}) has no http(s) "link" to its call for papers`;
  const cfpDeadline = epochDay(own(fields, 'untilDate'));
  if (!cfpDeadline) return `(${name}) has no valid "untilDate"`;
  const call: Cfp = { name, cfpUrl, cfpDeadline, sources: [source] };
  const url = httpUrl(own(c, 'hyperlink'));
  if (url) call.url = url;
  const dates = own(c, 'date');
  if (Array.isArray(dates)) {
    const start = epochDay(dates[0]);
    const end = epochDay(dates[1]);
    if (start) call.eventStart = start;
    if (end && start && end >= start) call.eventEnd = end;
  }
  const location = text(own(c, 'location'));
  if (location) {
    call.location = location;
    if (/^online$/i.test(location)) call.online = true;
    else {
      const country = /\(([^()]+)\)\s*$/.exec(location)?.[1] ?? (location.includes(',') ? location.slice(location.lastIndexOf(',') + 1) : undefined);
      if (country?.trim()) call.country = country.trim();
    }
  }
  return call;
}

function readConfsTech(fields: Record<string, unknown>, source: string): Cfp | undefined | string {
  const name = text(own(fields, 'name'));
  if (!name) return 'has no name';
  const rawDeadline = own(fields, 'cfpEndDate');
  // confs.tech lists conferences; one without a CFP date has no call to show, which is not an error.
  if (rawDeadline === undefined || rawDeadline === null || rawDeadline === '') return undefined;
  const cfpDeadline = isoDay(rawDeadline);
  if (!cfpDeadline) return `(${name}) has an invalid "cfpEndDate"`;
  const url = httpUrl(own(fields, 'url'));
  const cfpUrl = httpUrl(own(fields, 'cfpUrl')) ?? url;
  if (!cfpUrl) return `(${name}) has no http(s) "cfpUrl" or "url"`;
  const call: Cfp = { name, cfpUrl, cfpDeadline, sources: [source] };
  if (url) call.url = url;
  const start = isoDay(own(fields, 'startDate'));
  const end = isoDay(own(fields, 'endDate'));
  if (start) call.eventStart = start;
  if (end && start && end >= start) call.eventEnd = end;
  const city = text(own(fields, 'city'));
  const country = text(own(fields, 'country'));
  const online = own(fields, 'online') === true;
  if (online) call.online = true;
  if (country && !/^online$/i.test(country)) call.country = country;
  const place = [city, country].filter((p) => p && !/^online$/i.test(p)).join(', ');
  call.location = place ? (online ? `${place} & online` : place) : online ? 'Online' : undefined;
  if (call.location === undefined) delete call.location;
  return call;
}

/**
 * One call per CFP URL. The first feed's details win and later feeds fill gaps; of two
 * different deadlines the earlier is kept, since missing a deadline costs more than being early.
 */
export function mergeCfps(lists: Iterable<readonly Cfp[]>): Cfp[] {
  const byKey = new Map<string, Cfp>();
  for (const list of lists) {
    for (const call of list) {
      const key = cfpKey(call.cfpUrl);
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, { ...call, sources: [...call.sources] });
        continue;
      }
      if (call.cfpDeadline < known.cfpDeadline) known.cfpDeadline = call.cfpDeadline;
      known.url ??= call.url;
      known.eventStart ??= call.eventStart;
      known.eventEnd ??= call.eventEnd;
      known.location ??= call.location;
      known.country ??= call.country;
      if (call.online) known.online = true;
      for (const source of call.sources) if (!known.sources.includes(source)) known.sources.push(source);
    }
  }
  return [...byKey.values()];
}

/** The same call written two ways gets one key: case of the host, a trailing slash, tracking parameters and fragments don't count. */
export function cfpKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const name of [...parsed.searchParams.keys()]) if (/^utm_/i.test(name) || name === 'ref') parsed.searchParams.delete(name);
    const path = parsed.pathname.replace(/\/+$/, '');
    const protocol = parsed.protocol === 'http:' ? 'https:' : parsed.protocol;
    return `${protocol}//${parsed.host.toLowerCase()}${path}${parsed.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Calls still open, filtered, soonest deadline first. A call closing today is still open. */
export function openCfps(calls: readonly Cfp[], filter: CfpFilter, today: string): Cfp[] {
  const text = filter.text?.trim().toLowerCase();
  const country = filter.country?.trim().toLowerCase();
  const last = filter.withinDays !== undefined && Number.isFinite(filter.withinDays) && filter.withinDays >= 0 ? addDays(today, Math.floor(filter.withinDays)) : undefined;
  return calls
    .filter((c) => c.cfpDeadline >= today)
    .filter((c) => last === undefined || c.cfpDeadline <= last)
    .filter((c) => !text || [c.name, c.location ?? '', c.cfpUrl, c.country ?? ''].some((field) => field.toLowerCase().includes(text)))
    .filter((c) => {
      if (filter.attendance === 'online') return c.online === true;
      // A hybrid event can be attended in person; an online-only one can't.
      if (filter.attendance === 'in-person') return !(c.online === true && (c.location === undefined || /^online$/i.test(c.location)));
      return true;
    })
    .filter((c) => !country || (c.country ?? '').toLowerCase() === country || (c.location ?? '').toLowerCase().includes(country))
    .sort((a, b) => a.cfpDeadline.localeCompare(b.cfpDeadline) || a.name.localeCompare(b.name));
}

/** Countries that the calls name, most common first, for the country filter. */
export function cfpCountries(calls: readonly Cfp[]): { country: string; count: number }[] {
  const counts = new Map<string, { country: string; count: number }>();
  for (const call of calls) {
    if (!call.country) continue;
    const key = call.country.toLowerCase();
    const entry = counts.get(key) ?? { country: call.country, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
}

/** A person-readable summary of a filter, for the view's description. */
export function describeFilter(filter: CfpFilter): string {
  const parts: string[] = [];
  if (filter.text) parts.push(`“${filter.text}”`);
  if (filter.attendance) parts.push(filter.attendance === 'online' ? 'online' : 'in person');
  if (filter.country) parts.push(filter.country);
  if (filter.withinDays !== undefined) parts.push(`closing within ${filter.withinDays} days`);
  return parts.join(' · ');
}

function has(fields: Record<string, unknown>, key: string): boolean {
  return hasOwn(fields, key);
}

function own(fields: Record<string, unknown>, key: string): unknown {
  return has(fields, key) ? fields[key] : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Control characters would break tree rows and logs.
  const clean = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean ? clean.slice(0, MAX_TEXT) : undefined;
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL) return undefined;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** An epoch-millisecond instant as its UTC day, within sane years. */
function epochDay(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(Math.floor(value / DAY_MS) * DAY_MS);
  const year = date.getUTCFullYear();
  if (!(year >= 2000 && year <= 2100)) return undefined;
  return formatDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}

function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 2000 && year <= 2100 && isValidCalendarDate(year, month, day) ? formatDate(year, month, day) : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** How old the cached feeds are, in words: `just now`, `12 min ago`, `3 h ago`, `2 days ago`. */
export function describeAge(fetchedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - fetchedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** The title of a draft whose submissions already name this call, by CFP URL or by event name. */
export function trackingTalk(drafts: readonly { title: string; submissions?: readonly { event: string; cfpUrl?: string }[] }[], cfp: Cfp): string | undefined {
  const key = cfpKey(cfp.cfpUrl);
  const name = cfp.name.trim().toLowerCase();
  for (const draft of drafts) {
    for (const submission of draft.submissions ?? []) {
      if ((submission.cfpUrl && cfpKey(submission.cfpUrl) === key) || submission.event.trim().toLowerCase() === name) return draft.title;
    }
  }
  return undefined;
}
