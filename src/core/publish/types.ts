// Shared shapes of the cross-posting core. Nothing here may depend on `vscode`.

export type Platform = 'devto' | 'hashnode';

export const PLATFORMS: readonly Platform[] = ['devto', 'hashnode'];

export interface PlatformInfo {
  id: Platform;
  label: string;
  /** Front-matter fields written back after a successful publish. */
  idField: string;
  urlField: string;
  /** Front-matter field that replaces `tags` for this platform only. */
  tagsField: string;
}

export const PLATFORM_INFO: Readonly<Record<Platform, PlatformInfo>> = Object.freeze({
  devto: { id: 'devto', label: 'dev.to', idField: 'devto_id', urlField: 'devto_url', tagsField: 'devto_tags' },
  hashnode: { id: 'hashnode', label: 'Hashnode', idField: 'hashnode_id', urlField: 'hashnode_url', tagsField: 'hashnode_tags' },
});

export function isPlatform(value: unknown): value is Platform {
  return value === 'devto' || value === 'hashnode';
}

/** Where the draft lives and how the site turns it into pages: everything the payload needs besides the file's text. */
export interface PublishContext {
  /** Workspace-relative path of the draft, with forward slashes. */
  relativePath: string;
  /** The site's root URL, from the setting or the generator's config; undefined when neither says. */
  siteUrl?: string;
  /** The permalink rule, e.g. `/{section}/{slug}/`. */
  permalink: string;
  /** Base URL under which the repository's files are served as they are, for relative images. */
  assetsBaseUrl?: string;
  /** Hashnode's publication id from the settings; the draft's `hashnode_publication_id` wins. */
  hashnodePublicationId?: string;
  /** Repository paths referenced by the draft that do not exist. */
  missingFiles?: ReadonlySet<string>;
}

export type PublishProblemCode =
  | 'front-matter'
  | 'missing-title'
  | 'too-many-tags'
  | 'invalid-tag'
  | 'missing-cover'
  | 'relative-cover'
  | 'missing-description'
  | 'body-front-matter'
  | 'no-canonical'
  | 'invalid-canonical'
  | 'unresolved-reference'
  | 'missing-publication'
  | 'unpublished-unsupported'
  | 'series-needs-id'
  | 'shortcode'
  | 'not-cross-posted';

export type FixValue = string | number | boolean | null | FixValue[];

/** A front-matter change that fixes a problem, for a quick fix. */
export interface ProblemFix {
  title: string;
  field: string;
  value: FixValue;
}

export interface PublishProblem {
  code: PublishProblemCode;
  /** `error` stops a publish; `warning` and `info` are shown in the preview and the editor. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The front-matter field the problem is about, if any. */
  field?: string;
  fix?: ProblemFix;
}

/** A relative link or image that can't become an absolute URL. */
export interface UnresolvedReference {
  target: string;
  /** One-based line in the body that was sent, or 0 for the cover image. */
  line: number;
  reason: string;
}

export interface PlannedRequest {
  method: 'POST' | 'PUT' | 'GET';
  /** Appended to the platform's endpoint setting. */
  path: string;
  json: unknown;
}

export interface PlanField {
  /** The name the platform uses, e.g. `canonical_url` or `originalArticleURL`. */
  name: string;
  value: string | number | boolean | string[] | undefined;
  /** Where the value came from, for the preview. */
  note?: string;
}

export interface PublishPlan {
  platform: Platform;
  action: 'create' | 'update';
  remoteId?: string;
  title: string;
  canonicalUrl?: string;
  /** Exactly the Markdown that is sent. */
  body: string;
  fields: PlanField[];
  request: PlannedRequest;
  problems: PublishProblem[];
  unresolved: UnresolvedReference[];
}

/** What a platform reports for one article. */
export interface RemoteStats {
  id: string;
  url?: string;
  views?: number;
  reactions?: number;
  comments?: number;
}

/**
 * The endpoint to use: the `devrel.publish.<platform>.endpoint` setting where the person wrote
 * it, else its other name `devrel.<platform>.apiUrl`, else the public endpoint. Without a
 * trailing slash, so paths can be appended.
 */
export function chooseEndpoint(written: unknown, alias: unknown, fallback: string): string {
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim().replace(/\/+$/, '') : '');
  return text(written) || text(alias) || fallback;
}
