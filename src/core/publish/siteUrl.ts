// Where a post lives on the site: the base URL from the generator's config, and the path from
// the permalink rule. Cross-posts point their canonical link there, so search engines credit the
// original and not the copy.

import { isHttpUrl } from '../util/strings';
import { parse as parseToml } from 'smol-toml';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { parseDateValue } from '../dates';
import type { SiteGenerator } from '../sites/generators';
import { getOwn, hasOwn } from '../util/objects';

/** Config files that can name the site's URL, in the order they are tried. */
export const SITE_CONFIG_FILES = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  '_config.yml',
  '_config.yaml',
  'astro.config.mjs',
  'astro.config.ts',
  'astro.config.js',
  'astro.config.mts',
] as const;

/**
 * The site's root URL as a config file states it: Hugo's `baseURL`, Jekyll's `url` plus
 * `baseurl`, Astro's `site`. Undefined when the file doesn't say or can't be read.
 */
export function siteUrlFromConfig(fileName: string, text: string): string | undefined {
  try {
    if (/^astro\.config\./.test(fileName)) {
      // Astro's config is code; only a literal `site: '…'` is read, nothing is run.
      const match = /\bsite\s*:\s*(['"`])(https?:\/\/[^'"`\s]+)\1/.exec(text);
      return match ? normaliseSiteUrl(match[2]) : undefined;
    }
    const data = readConfigData(fileName, text);
    if (!data) return undefined;
    if (/^_config\./.test(fileName)) {
      const url = stringField(data, 'url');
      if (!url) return undefined;
      const base = stringField(data, 'baseurl') ?? '';
      return normaliseSiteUrl(joinUrl(url, base));
    }
    const base = stringField(data, 'baseURL') ?? stringField(data, 'baseurl');
    return base ? normaliseSiteUrl(base) : undefined;
  } catch {
    return undefined;
  }
}

function readConfigData(fileName: string, text: string): Record<string, unknown> | undefined {
  let value: unknown;
  if (fileName.endsWith('.toml')) value = parseToml(text);
  else if (fileName.endsWith('.json')) value = JSON.parse(text);
  else value = loadYaml(text, { schema: CORE_SCHEMA });
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const value = getOwn(data, key);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** An http(s) URL ending in one slash, or undefined when `text` isn't one. */
export function normaliseSiteUrl(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  if (!isHttpUrl(trimmed)) return undefined;
  return trimmed.replace(/\/+$/, '') + '/';
}

function joinUrl(base: string, path: string): string {
  if (!path) return base;
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

/**
 * The permalink rule a generator uses out of the box for a post. Hugo and Astro name the
 * section (the folder under `content/` or `src/content/`); Jekyll dates its posts.
 */
export function defaultPermalink(generator: SiteGenerator, jekyllConfig?: string): string {
  switch (generator) {
    case 'hugo':
    case 'astro':
      return '/{section}/{slug}/';
    case 'jekyll':
      return jekyllPermalink(jekyllConfig) ?? '/{year}/{month}/{day}/{slug}.html';
    case 'devto':
    case 'none':
    default:
      return '/{slug}/';
  }
}

const JEKYLL_STYLES: Record<string, string> = {
  date: '/{year}/{month}/{day}/{slug}.html',
  pretty: '/{year}/{month}/{day}/{slug}/',
  none: '/{slug}.html',
};

/** Jekyll's `permalink:` from `_config.yml`: a named style or a `:year/:title` pattern. Categories are left out. */
function jekyllPermalink(config: string | undefined): string | undefined {
  if (!config) return undefined;
  let data: Record<string, unknown> | undefined;
  try {
    data = readConfigData('_config.yml', config);
  } catch {
    return undefined;
  }
  const value = data ? stringField(data, 'permalink') : undefined;
  if (!value) return undefined;
  if (hasOwn(JEKYLL_STYLES, value)) return JEKYLL_STYLES[value];
  return value
    .replace(/\/:categories/g, '')
    .replace(/:title|:slug/g, '{slug}')
    .replace(/:year/g, '{year}')
    .replace(/:month|:i_month/g, '{month}')
    .replace(/:day|:i_day/g, '{day}')
    .replace(/:output_ext/g, '.html');
}

export interface PermalinkInput {
  /** Workspace-relative path of the post. */
  relativePath: string;
  /** The post's front matter, for `slug`, `url`, `permalink` and the date. */
  data: Record<string, unknown>;
}

const CONTENT_ROOTS = ['src/content/', 'content/'];
const DATE_FIELDS = ['date', 'publishDate', 'publish_date', 'pubDate'];

/**
 * The path of a post on the site, from the permalink rule. A post's own `url` (Hugo) or
 * `permalink` (Jekyll) wins. Undefined when a token the rule needs is unknown, e.g. `{year}` for an undated post.
 */
export function permalinkPath(rule: string, input: PermalinkInput): string | undefined {
  const own = ownPath(input.data);
  if (own) return own;
  const path = input.relativePath.replace(/\\/g, '/');
  const segments = path.split('/');
  const fileName = segments[segments.length - 1];
  let stem = fileName.replace(/\.(md|markdown|mdx)$/i, '');
  // A page bundle (`posts/my-post/index.md`) is named after its folder.
  if (/^_?index$/i.test(stem) && segments.length > 1) stem = segments[segments.length - 2];
  const fileDate = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(stem);
  const slugField = input.data.slug;
  const slug = typeof slugField === 'string' && slugField.trim() ? slugField.trim() : fileDate ? fileDate[4] : stem;

  let date: string | undefined;
  for (const field of DATE_FIELDS) {
    const parsed = parseDateValue(input.data[field]);
    if (input.data[field] !== undefined && parsed.ok) {
      date = parsed.date;
      break;
    }
  }
  if (!date && fileDate) date = `${fileDate[1]}-${fileDate[2]}-${fileDate[3]}`;

  const root = CONTENT_ROOTS.find((prefix) => path.startsWith(prefix));
  const underRoot = root ? path.slice(root.length) : path;
  const section = underRoot.includes('/') ? underRoot.split('/')[0] : '';

  const values: Record<string, string | undefined> = {
    slug: encodeSegment(slug),
    section: section ? encodeSegment(section) : '',
    year: date?.slice(0, 4),
    month: date?.slice(5, 7),
    day: date?.slice(8, 10),
  };
  let missing = false;
  const expanded = rule.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!hasOwn(values, name)) return whole;
    const value = values[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  if (missing) return undefined;
  // An empty `{section}` must not leave `//` behind.
  const cleaned = ('/' + expanded).replace(/\/{2,}/g, '/');
  return cleaned;
}

function ownPath(data: Record<string, unknown>): string | undefined {
  for (const field of ['url', 'permalink']) {
    const value = data[field];
    if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) return value;
  }
  return undefined;
}

function encodeSegment(text: string): string {
  return encodeURIComponent(text).replace(/%2F/gi, '/');
}

/** `siteUrl` joined with a site path; the path's leading slash is taken as the site's root, even when the site lives under a sub-path. */
export function siteAbsolute(siteUrl: string, path: string): string {
  return siteUrl + path.replace(/^\/+/, '');
}
