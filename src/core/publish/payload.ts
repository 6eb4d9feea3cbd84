// Builds what is sent to dev.to or Hashnode from a draft's text: the payload, the exact
// Markdown, and the problems a person should see before anything leaves the editor.

import { locateFrontMatter, parseFrontMatter } from '../frontMatter/parse';
import { isAbsoluteTarget, resolveTarget, rewriteReferences, type ReferenceBases } from './markdown';
import { permalinkPath, siteAbsolute } from './siteUrl';
import { isHttpUrl } from '../util/strings';
import { PLATFORM_INFO, type PlanField, type Platform, type PublishContext, type PublishPlan, type PublishProblem, type PlannedRequest, type UnresolvedReference } from './types';
import { hasOwn } from '../util/objects';

export const DEVTO_MAX_TAGS = 4;

/** Fields a cover image is read from, in order. `images` is Hugo's list of page images. */
export const COVER_FIELDS = ['cover_image', 'main_image', 'cover', 'image', 'images', 'featured_image', 'featuredImage', 'heroImage'] as const;
export const DESCRIPTION_FIELDS = ['description', 'summary', 'excerpt'] as const;

export interface PublishRequestOptions {
  platform: Platform;
  /** dev.to only: publish (`true`) or keep as a dev.to draft (`false`). Undefined leaves an existing article as it is and publishes a new one. */
  published?: boolean;
}

export interface DraftParts {
  data: Record<string, unknown>;
  /** The body as written, after the front matter and the blank lines that follow it. */
  body: string;
  /** Line of the file on which `body` starts, zero-based. */
  bodyStartLine: number;
  frontMatterProblems: string[];
}

/** Splits a draft into front-matter data and the body that a platform gets. */
export function splitDraft(text: string): DraftParts {
  const location = locateFrontMatter(text);
  if (location.type !== 'closed') {
    const start = location.type === 'none' ? location.bodyStart : location.start;
    const problems = location.type === 'unclosed' ? ['The front matter never closes.'] : [];
    return { data: {}, ...trimLeadingBlankLines(text.slice(start), 0), frontMatterProblems: problems };
  }
  const parsed = parseFrontMatter(text, location.block);
  return {
    data: parsed.data,
    ...trimLeadingBlankLines(text.slice(location.block.end), location.block.bodyStartLine),
    frontMatterProblems: parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message),
  };
}

function trimLeadingBlankLines(body: string, startLine: number): { body: string; bodyStartLine: number } {
  let line = startLine;
  let rest = body;
  for (let match = /^[ \t]*\r?\n/.exec(rest); match; match = /^[ \t]*\r?\n/.exec(rest)) {
    rest = rest.slice(match[0].length);
    line++;
  }
  return { body: rest, bodyStartLine: line };
}

/** dev.to accepts tags of lowercase letters and digits only. */
export function devtoTag(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Hashnode tag slugs: lowercase letters, digits and hyphens. */
export function hashnodeTagSlug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** A list of tags as written: a YAML list, or a comma-separated string. */
export function readTags(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items
    .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
    .map((t) => String(t).trim())
    .filter(Boolean);
}

export function readText(data: Record<string, unknown>, fields: readonly string[]): { field: string; value: string } | undefined {
  for (const field of fields) {
    if (!hasOwn(data, field)) continue;
    let value = data[field];
    if (Array.isArray(value)) value = value.find((v) => typeof v === 'string' && v.trim());
    if (typeof value === 'string' && value.trim()) return { field, value: value.trim() };
  }
  return undefined;
}

/** The remote id a draft already carries for a platform, as text. */
export function remoteIdOf(data: Record<string, unknown>, platform: Platform): string | undefined {
  const value = data[PLATFORM_INFO[platform].idField];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

interface Tags {
  sent: string[];
  problems: PublishProblem[];
}

function devtoTags(data: Record<string, unknown>): Tags {
  const own = data.devto_tags !== undefined;
  const field = own ? 'devto_tags' : 'tags';
  const written = readTags(data[field]);
  const problems: PublishProblem[] = [];
  const sent: string[] = [];
  const changed: string[] = [];
  const dropped: string[] = [];
  for (const tag of written) {
    const clean = devtoTag(tag);
    if (!clean) dropped.push(tag);
    else if (clean !== tag) changed.push(`"${tag}" as "${clean}"`);
    if (clean && !sent.includes(clean)) sent.push(clean);
  }
  const fixed = sent.slice(0, DEVTO_MAX_TAGS);
  const fix = { title: `Set devto_tags to ${fixed.join(', ')}`, field: 'devto_tags', value: fixed };
  if (changed.length > 0 || dropped.length > 0) {
    const parts = [];
    if (changed.length > 0) parts.push(`${changed.join(', ')}`);
    if (dropped.length > 0) parts.push(`${dropped.map((t) => `"${t}"`).join(', ')} left out`);
    problems.push({
      code: 'invalid-tag',
      severity: 'warning',
      message: `dev.to tags may only hold lowercase letters and digits: sending ${parts.join('; ')}.`,
      field,
      fix: fixed.length > 0 ? fix : undefined,
    });
  }
  if (sent.length > DEVTO_MAX_TAGS) {
    problems.push({
      code: 'too-many-tags',
      severity: 'warning',
      message: `dev.to takes at most ${DEVTO_MAX_TAGS} tags; only ${fixed.join(', ')} are sent, ${sent.slice(DEVTO_MAX_TAGS).join(', ')} left out.`,
      field,
      fix,
    });
  }
  return { sent: fixed, problems };
}

interface Resolved {
  canonicalUrl?: string;
  canonicalNote?: string;
  cover?: string;
  coverNote?: string;
  description?: string;
  descriptionField?: string;
  body: string;
  problems: PublishProblem[];
  unresolved: UnresolvedReference[];
}

/** What both platforms share: canonical link, cover, description and the body with absolute links. */
function resolveCommon(parts: DraftParts, context: PublishContext): Resolved {
  const { data } = parts;
  const problems: PublishProblem[] = [];
  const unresolved: UnresolvedReference[] = [];

  let canonicalUrl: string | undefined;
  let canonicalNote: string | undefined;
  const override = data.canonical_url;
  if (typeof override === 'string' && override.trim()) {
    if (isHttpUrl(override.trim())) {
      canonicalUrl = override.trim();
      canonicalNote = 'from canonical_url in the front matter';
    } else {
      problems.push({ code: 'invalid-canonical', severity: 'error', message: `canonical_url "${override}" is not an http:// or https:// address.`, field: 'canonical_url' });
    }
  } else if (context.siteUrl) {
    const path = permalinkPath(context.permalink, { relativePath: context.relativePath, data });
    if (path) {
      canonicalUrl = siteAbsolute(context.siteUrl, path);
      canonicalNote = `from the site URL and permalink ${context.permalink}`;
    } else {
      problems.push({
        code: 'no-canonical',
        severity: 'warning',
        message: `The permalink rule ${context.permalink} needs a date this post doesn't have; no canonical link is sent. Add a date or canonical_url.`,
      });
    }
  } else {
    problems.push({
      code: 'no-canonical',
      severity: 'warning',
      message: "The site's URL is not known, so no canonical link back to the original is sent. Set devrel.publish.siteUrl or add canonical_url.",
    });
  }

  const pageUrl = (repoPath: string): string | undefined => {
    if (!context.siteUrl) return undefined;
    const path = permalinkPath(context.permalink, { relativePath: repoPath, data: {} });
    return path ? siteAbsolute(context.siteUrl, path) : undefined;
  };
  const bases: ReferenceBases = {
    relativePath: context.relativePath,
    siteUrl: context.siteUrl,
    assetsBaseUrl: context.assetsBaseUrl,
    pageUrl,
    missingFiles: context.missingFiles,
  };

  let cover: string | undefined;
  let coverNote: string | undefined;
  const coverField = readText(data, COVER_FIELDS);
  if (!coverField) {
    problems.push({
      code: 'missing-cover',
      severity: 'warning',
      message: 'No cover image: add cover_image with an https:// address so the post has a picture in feeds.',
      field: 'cover_image',
    });
  } else if (isAbsoluteTarget(coverField.value)) {
    cover = coverField.value;
    coverNote = `from ${coverField.field}`;
  } else {
    const resolution = resolveTarget(coverField.value, bases);
    if ('unchanged' in resolution) cover = coverField.value;
    else if (resolution.ok) {
      cover = resolution.url;
      coverNote = `from ${coverField.field}, made absolute`;
      problems.push({
        code: 'relative-cover',
        severity: 'info',
        message: `The cover image ${coverField.value} is relative; ${resolution.url} is sent.`,
        field: coverField.field,
        fix: { title: `Write ${coverField.field} as ${resolution.url}`, field: coverField.field, value: resolution.url },
      });
    } else {
      unresolved.push({ target: coverField.value, line: 0, reason: resolution.reason });
      problems.push({
        code: 'relative-cover',
        severity: 'warning',
        message: `The cover image ${coverField.value} is relative and can't be made absolute: ${resolution.reason}.`,
        field: coverField.field,
      });
    }
  }

  const description = readText(data, DESCRIPTION_FIELDS);
  if (!description) {
    problems.push({
      code: 'missing-description',
      severity: 'warning',
      message: 'No description: platforms show one under the title and in search results. Add description.',
      field: 'description',
    });
  }

  const rewritten = rewriteReferences(parts.body, bases);
  unresolved.push(...rewritten.unresolved);
  for (const reference of rewritten.unresolved) {
    problems.push({
      code: 'unresolved-reference',
      severity: 'warning',
      message: `Line ${reference.line + parts.bodyStartLine}: ${reference.target} can't be made absolute: ${reference.reason}.`,
    });
  }
  if (/\{\{[<%]/.test(rewritten.body)) {
    problems.push({ code: 'shortcode', severity: 'warning', message: 'The body uses Hugo shortcodes ({{< … >}}); platforms show them as plain text.' });
  }

  return {
    canonicalUrl,
    canonicalNote,
    cover,
    coverNote,
    description: description?.value,
    descriptionField: description?.field,
    body: rewritten.body,
    problems,
    unresolved,
  };
}

/**
 * Everything a publish will send, built from the draft's text alone. Nothing here talks to
 * the network: a dry run shows this plan, a real run sends `request`.
 */
export function buildPublishPlan(text: string, context: PublishContext, options: PublishRequestOptions): PublishPlan {
  const parts = splitDraft(text);
  const { data } = parts;
  const platform = options.platform;
  const problems: PublishProblem[] = parts.frontMatterProblems.map(
    (message) => ({ code: 'front-matter', severity: 'error', message: `The front matter can't be read: ${message}` }) as PublishProblem,
  );
  const title = typeof data.title === 'string' ? data.title.trim() : typeof data.title === 'number' ? String(data.title) : '';
  if (!title) problems.push({ code: 'missing-title', severity: 'error', message: 'The draft has no title; add title to the front matter.', field: 'title' });
  const remoteId = remoteIdOf(data, platform);
  const common = resolveCommon(parts, context);
  problems.push(...common.problems);
  const series = typeof data.series === 'string' && data.series.trim() ? data.series.trim() : undefined;

  const plan = platform === 'devto' ? devtoPlan() : hashnodePlan();
  return {
    ...plan,
    platform,
    remoteId,
    action: remoteId ? 'update' : 'create',
    title,
    canonicalUrl: common.canonicalUrl,
    body: common.body,
    problems,
    unresolved: common.unresolved,
  };

  function devtoPlan(): { fields: PlanField[]; request: PlannedRequest } {
    if (/^---[ \t]*\r?$/m.test(common.body.split('\n')[0] ?? '')) {
      problems.push({
        code: 'body-front-matter',
        severity: 'error',
        message:
          'The body starts with a "---" line, which dev.to would read as front matter and use to override the title and tags. Start the body with text, or use *** for a rule.',
      });
    }
    const tags = devtoTags(data);
    problems.push(...tags.problems);
    const published = options.published ?? (remoteId ? undefined : true);
    const article: Record<string, unknown> = { title, body_markdown: common.body };
    if (published !== undefined) article.published = published;
    article.tags = tags.sent;
    if (series) article.series = series;
    if (common.canonicalUrl) article.canonical_url = common.canonicalUrl;
    if (common.cover) article.main_image = common.cover;
    if (common.description) article.description = common.description;
    const fields: PlanField[] = [
      { name: 'title', value: title },
      { name: 'published', value: published, note: published === undefined ? 'kept as it is on dev.to' : undefined },
      { name: 'tags', value: tags.sent, note: data.devto_tags !== undefined ? 'from devto_tags' : 'from tags' },
      { name: 'series', value: series },
      { name: 'canonical_url', value: common.canonicalUrl, note: common.canonicalNote },
      { name: 'main_image', value: common.cover, note: common.coverNote },
      { name: 'description', value: common.description, note: common.descriptionField && `from ${common.descriptionField}` },
    ];
    const path = remoteId ? `/api/articles/${encodeURIComponent(remoteId)}` : '/api/articles';
    return { fields, request: { method: remoteId ? 'PUT' : 'POST', path, json: { article } } };
  }

  function hashnodePlan(): { fields: PlanField[]; request: PlannedRequest } {
    const ownPublication = typeof data.hashnode_publication_id === 'string' && data.hashnode_publication_id.trim() ? data.hashnode_publication_id.trim() : undefined;
    const publicationId = ownPublication ?? context.hashnodePublicationId;
    if (!publicationId && !remoteId) {
      problems.push({
        code: 'missing-publication',
        severity: 'error',
        message: 'Hashnode needs the id of the publication (blog) to post to. Set devrel.publish.hashnode.publicationId, or hashnode_publication_id in the draft.',
      });
    }
    if (options.published === false) {
      problems.push({
        code: 'unpublished-unsupported',
        severity: 'error',
        message: "Hashnode's API publishes posts straight away; it has no unpublished posts. Publish to Hashnode when the post is ready.",
      });
    }
    const tagsField = data.hashnode_tags !== undefined ? 'hashnode_tags' : 'tags';
    const tags: { slug: string; name: string }[] = [];
    for (const tag of readTags(data[tagsField])) {
      const slug = hashnodeTagSlug(tag);
      if (slug && !tags.some((t) => t.slug === slug)) tags.push({ slug, name: tag });
    }
    const seriesId = typeof data.hashnode_series_id === 'string' && data.hashnode_series_id.trim() ? data.hashnode_series_id.trim() : undefined;
    if (series && !seriesId) {
      problems.push({
        code: 'series-needs-id',
        severity: 'info',
        message: `Hashnode adds posts to a series by its id, not its name; "${series}" is not sent. Add hashnode_series_id to send it.`,
        field: 'series',
      });
    }
    const subtitle = typeof data.subtitle === 'string' && data.subtitle.trim() ? data.subtitle.trim() : undefined;
    const input: Record<string, unknown> = remoteId ? { id: remoteId } : {};
    input.title = title;
    if (subtitle) input.subtitle = subtitle;
    if (!remoteId && publicationId) input.publicationId = publicationId;
    input.contentMarkdown = common.body;
    input.tags = tags;
    if (common.canonicalUrl) input.originalArticleURL = common.canonicalUrl;
    if (common.cover) input.coverImageOptions = { coverImageURL: common.cover };
    if (common.description) input.metaTags = { description: common.description };
    if (seriesId) input.seriesId = seriesId;
    const query = remoteId ? HASHNODE_UPDATE_POST : HASHNODE_PUBLISH_POST;
    const fields: PlanField[] = [
      { name: 'title', value: title },
      { name: 'subtitle', value: subtitle },
      {
        name: 'publicationId',
        value: remoteId ? undefined : publicationId,
        note: remoteId ? 'kept as it is on Hashnode' : ownPublication ? 'from hashnode_publication_id' : 'from devrel.publish.hashnode.publicationId',
      },
      { name: 'tags', value: tags.map((t) => t.slug), note: `from ${tagsField}` },
      { name: 'originalArticleURL', value: common.canonicalUrl, note: common.canonicalNote },
      { name: 'coverImageOptions.coverImageURL', value: common.cover, note: common.coverNote },
      { name: 'metaTags.description', value: common.description, note: common.descriptionField && `from ${common.descriptionField}` },
      { name: 'seriesId', value: seriesId },
    ];
    return { fields, request: { method: 'POST', path: '', json: { query, variables: { input } } } };
  }
}

export const HASHNODE_PUBLISH_POST = 'mutation PublishPost($input: PublishPostInput!) { publishPost(input: $input) { post { id slug url } } }';
export const HASHNODE_UPDATE_POST = 'mutation UpdatePost($input: UpdatePostInput!) { updatePost(input: $input) { post { id slug url } } }';

/** Problems that stop a publish. */
export function blockingProblems(plan: PublishPlan): PublishProblem[] {
  return plan.problems.filter((p) => p.severity === 'error');
}
