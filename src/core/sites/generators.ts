// What DevRel Desk knows about each site generator, one table entry per generator: how to
// recognise its config, where its posts live, which field keeps a post off the site, where a
// post's date comes from, and which Markdown files in its post folders are not posts.

export type GeneratorId = 'hugo' | 'jekyll' | 'astro' | 'docusaurus' | 'eleventy' | 'hexo' | 'zola' | 'mkdocs' | 'next' | 'remix' | 'gatsby' | 'nuxt' | 'devto';

export type SiteGenerator = 'none' | GeneratorId;

/** The field that keeps a post out of the build: `draft: true` or `published: false`. */
export type PublishedField = 'draft' | 'published';

/** Where a date can come from when front matter has none: nowhere, the file name, or any folder name on the way. */
export type PathDates = 'none' | 'file-name' | 'file-or-folder';

/** What a generator's config file says, as far as detection needs to know. */
export interface ConfigFacts {
  /** Folders, relative to the site root, where the config says posts live; replaces the defaults. */
  postFolders?: string[];
  /** A short remark for the person, e.g. that the MkDocs blog plugin is not enabled. */
  note?: string;
}

export interface GeneratorRules {
  id: GeneratorId;
  label: string;
  /** Exact file names at a site's root that can mean this generator, most telling first. */
  configFiles: readonly string[];
  /**
   * For config names other tools share (`config.toml`, `_config.yml`, `package.json`): reads
   * the file (small) and says whether it is this generator's, and what it says about folders.
   * `names` holds every file and folder name at the candidate root.
   */
  confirm?(fileName: string, text: string, names: ReadonlySet<string>): ConfigFacts | undefined;
  /** Files `confirm` needs to read even when its usual config name is absent, e.g. `package.json`. */
  alsoRead?: readonly string[];
  /** Higher wins when two generators claim the same root (Hexo over Jekyll: both use `_config.yml`). */
  specificity: number;
  /** Post folders relative to the site root, in order of preference; only folders that exist are mapped. */
  postFolders: readonly string[];
  /** Folders of posts the generator never publishes as they are (`_drafts`). */
  draftsFolders: readonly string[];
  publishedField: PublishedField;
  /** Other front-matter values that keep a post off the site, e.g. Docusaurus's `unlisted: true`. */
  hiddenWhen: readonly { field: string; value: unknown; note: string }[];
  pathDates: PathDates;
  /** Front-matter date fields the generator reads, beyond the blog kind's `publish_date` and `date`. */
  dateFields: readonly string[];
  /** Why a Markdown file inside a post (or drafts) folder is not a post, or undefined when it is one. */
  notAPost(fileName: string, inDraftsFolder: boolean): string | undefined;
  /**
   * Whether every other file under a folder holding `index.md` (a leaf bundle) is that page's
   * resource, not a page: Hugo's rule. `_index.md` (a branch bundle) does not count.
   */
  leafBundleResources?: boolean;
  /** File name pattern for new posts. */
  postFileName: string;
  frontMatter: 'yaml' | 'toml';
  /**
   * For generators that refuse unknown front-matter keys (Zola): the keys they accept at the top
   * level, and the table where every other field (DevRel Desk's `kind`, `status`…) must go.
   */
  strictFrontMatter?: { topLevel: readonly string[]; extraTable: string; taxonomiesTable?: string };
  /** Fields a new post needs for the site to build at all, e.g. MkDocs's required `date`. */
  requiredOnNewPost?: readonly 'date'[];
  /**
   * Whether the generator renders Markdown in any folder under its root, so private notes (talks,
   * leads) must go in underscore folders it skips.
   */
  rendersEveryFolder: boolean;
}

const sectionPage = (fileName: string): string | undefined => (fileName === '_index.md' || fileName === '_index.markdown' ? 'a section page (_index.md), not a post' : undefined);

const partial = (fileName: string): string | undefined => (fileName.startsWith('_') ? 'an underscore file, which the generator skips' : undefined);

const DATED_FILE = /^\d{4}-\d{2}-\d{2}-.+\.(md|markdown|mdx)$/i;

const never = (): undefined => undefined;

/** `"name": ...` in a package.json's dependencies, without parsing a file that may be broken. */
function dependsOn(packageJson: string, name: RegExp): boolean {
  try {
    const parsed = JSON.parse(packageJson) as Record<string, unknown>;
    return ['dependencies', 'devDependencies'].some((field) => {
      const deps = parsed[field];
      return typeof deps === 'object' && deps !== null && Object.keys(deps).some((dep) => name.test(dep));
    });
  } catch {
    return false;
  }
}

const CONTENT_FOLDERS = ['content/blog', 'content/posts', 'posts', 'src/content/blog', 'data/blog', 'app/content/blog', 'blog'];

/** The frameworks whose posts are plain Markdown in a content folder: they share folders and the `draft` convention. */
function contentFramework(id: GeneratorId, label: string, configPrefix: string, packagePattern: RegExp, specificity: number): GeneratorRules {
  return {
    id,
    label,
    configFiles: ['js', 'mjs', 'cjs', 'ts', 'mts'].map((ext) => `${configPrefix}.${ext}`),
    alsoRead: ['package.json'],
    confirm: (fileName, text) => (fileName !== 'package.json' || dependsOn(text, packagePattern) ? {} : undefined),
    specificity,
    postFolders: CONTENT_FOLDERS,
    draftsFolders: [],
    publishedField: 'draft',
    hiddenWhen: [],
    pathDates: 'none',
    dateFields: ['publishedAt', 'pubDate', 'publishDate'],
    notAPost: partial,
    postFileName: '{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  };
}

export const GENERATORS: readonly GeneratorRules[] = [
  {
    id: 'hugo',
    label: 'Hugo',
    configFiles: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml'],
    // Other tools use `config.*` too; `baseURL` is what makes it Hugo's (Zola writes `base_url`).
    confirm: (fileName, text) => (fileName.startsWith('hugo.') || /^\s*baseurl\s*[=:]/im.test(text) ? {} : undefined),
    specificity: 3,
    // Themes disagree on the section name, so all the common ones are recognised as posts.
    postFolders: ['content/posts', 'content/post', 'content/blog'],
    draftsFolders: [],
    publishedField: 'draft',
    hiddenWhen: [],
    pathDates: 'none',
    dateFields: ['publishDate'],
    notAPost: sectionPage,
    leafBundleResources: true,
    postFileName: '{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  },
  {
    id: 'jekyll',
    label: 'Jekyll',
    configFiles: ['_config.yml', '_config.yaml', '_config.toml'],
    specificity: 1,
    postFolders: ['_posts'],
    draftsFolders: ['_drafts'],
    publishedField: 'published',
    hiddenWhen: [],
    pathDates: 'file-name',
    dateFields: [],
    // Jekyll only builds posts whose name starts with the date; in `_drafts` any name will do.
    notAPost: (fileName, inDraftsFolder) => (inDraftsFolder || DATED_FILE.test(fileName) ? undefined : 'not named YYYY-MM-DD-title, so Jekyll does not build it'),
    postFileName: '{date}-{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: true,
  },
  {
    id: 'astro',
    label: 'Astro',
    configFiles: ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'],
    specificity: 4,
    postFolders: ['src/content/blog', 'src/content/posts', 'src/content/post', 'src/data/blog'],
    draftsFolders: [],
    publishedField: 'draft',
    hiddenWhen: [],
    pathDates: 'none',
    dateFields: ['pubDate', 'publishDate', 'published'],
    notAPost: partial,
    postFileName: '{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  },
  {
    id: 'docusaurus',
    label: 'Docusaurus',
    configFiles: ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts'],
    specificity: 4,
    postFolders: ['blog'],
    draftsFolders: [],
    publishedField: 'draft',
    hiddenWhen: [{ field: 'unlisted', value: true, note: 'unlisted: true keeps it out of the blog list and feed' }],
    pathDates: 'file-or-folder',
    dateFields: [],
    notAPost: partial,
    postFileName: '{date}-{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  },
  {
    id: 'eleventy',
    label: 'Eleventy',
    configFiles: ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js', '.eleventy.cjs', '.eleventy.mjs'],
    specificity: 4,
    // No fixed folder: these are the starter projects' conventions.
    postFolders: ['posts', 'blog', 'src/posts', 'src/blog', 'content/blog', 'content/posts'],
    draftsFolders: [],
    publishedField: 'draft',
    hiddenWhen: [
      { field: 'permalink', value: false, note: 'permalink: false keeps Eleventy from writing it' },
      { field: 'eleventyExcludeFromCollections', value: true, note: 'eleventyExcludeFromCollections keeps it out of the post list' },
    ],
    pathDates: 'file-or-folder',
    dateFields: [],
    notAPost: never,
    postFileName: '{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  },
  {
    id: 'hexo',
    label: 'Hexo',
    configFiles: ['_config.yml', '_config.yaml'],
    alsoRead: ['package.json'],
    // Hexo's config is named like Jekyll's; its package or its `source/_posts` folder tells them apart.
    confirm: (fileName, text, names) => ((fileName === 'package.json' ? dependsOn(text, /^hexo$/) : names.has('scaffolds') || names.has('source')) ? {} : undefined),
    specificity: 2,
    postFolders: ['source/_posts'],
    draftsFolders: ['source/_drafts'],
    publishedField: 'published',
    hiddenWhen: [],
    pathDates: 'none',
    dateFields: [],
    notAPost: never,
    postFileName: '{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  },
  {
    id: 'zola',
    label: 'Zola',
    configFiles: ['zola.toml', 'config.toml'],
    confirm: (fileName, text) => (fileName === 'zola.toml' || /^\s*base_url\s*=/m.test(text) ? {} : undefined),
    specificity: 3,
    postFolders: ['content/blog', 'content/posts', 'content/post'],
    draftsFolders: [],
    publishedField: 'draft',
    hiddenWhen: [],
    pathDates: 'file-or-folder',
    dateFields: [],
    notAPost: sectionPage,
    postFileName: '{slug}.md',
    frontMatter: 'toml',
    // Zola stops the build on a front-matter key it doesn't know; custom fields belong in [extra].
    strictFrontMatter: {
      topLevel: [
        'title',
        'description',
        'date',
        'updated',
        'weight',
        'draft',
        'render',
        'slug',
        'path',
        'aliases',
        'authors',
        'in_search_index',
        'template',
        'taxonomies',
        'extra',
      ],
      extraTable: 'extra',
      taxonomiesTable: 'taxonomies',
    },
    rendersEveryFolder: false,
  },
  {
    id: 'mkdocs',
    label: 'MkDocs',
    configFiles: ['mkdocs.yml', 'mkdocs.yaml'],
    confirm: (_fileName, text) => mkdocsFacts(text),
    specificity: 3,
    postFolders: ['docs/blog/posts'],
    draftsFolders: [],
    publishedField: 'draft',
    hiddenWhen: [],
    pathDates: 'none',
    dateFields: ['date.created'],
    // The Material blog plugin refuses a post without a date.
    requiredOnNewPost: ['date'],
    notAPost: never,
    postFileName: '{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  },
  contentFramework('next', 'Next.js', 'next.config', /^next$/, 2),
  contentFramework('remix', 'Remix', 'remix.config', /^@remix-run\//, 2),
  contentFramework('gatsby', 'Gatsby', 'gatsby-config', /^gatsby$/, 2),
  contentFramework('nuxt', 'Nuxt', 'nuxt.config', /^nuxt$/, 2),
  {
    id: 'devto',
    label: 'dev.to',
    // The dev.to GitHub sync tool keeps its list of articles in this file.
    configFiles: ['dev-to-git.json'],
    specificity: 0,
    postFolders: ['posts', 'articles', 'blog-posts'],
    draftsFolders: [],
    publishedField: 'published',
    hiddenWhen: [],
    pathDates: 'none',
    dateFields: ['published_at'],
    notAPost: never,
    postFileName: '{date}-{slug}.md',
    frontMatter: 'yaml',
    rendersEveryFolder: false,
  },
];

const BY_ID = new Map(GENERATORS.map((rules) => [rules.id, rules]));

export function generatorRules(id: GeneratorId): GeneratorRules {
  return BY_ID.get(id) as GeneratorRules;
}

export const SITE_GENERATORS: readonly SiteGenerator[] = ['none', ...GENERATORS.map((g) => g.id)];

export function generatorLabel(id: SiteGenerator): string {
  return id === 'none' ? 'No site generator' : generatorRules(id).label;
}

/**
 * What an `mkdocs.yml` says about its blog, read with patterns rather than a YAML parser: these
 * files carry `!!python/name:` tags that a safe parser refuses. Without the Material blog plugin
 * it is a docs site with no posts.
 */
function mkdocsFacts(text: string): ConfigFacts {
  const docsDir = /^docs_dir:\s*['"]?([^'"#\n]+?)['"]?\s*(?:#.*)?$/m.exec(text)?.[1]?.trim() ?? 'docs';
  const plugins = /^plugins:\s*\n((?:[ \t]+.*\n?|\s*\n)*)/m.exec(text)?.[1] ?? '';
  const blog = /^([ \t]*)-[ \t]*(?:[\w-]+\/)?blog\b(:?)/m.exec(plugins);
  if (!blog) return { postFolders: [], note: 'the blog plugin is not enabled, so this is a docs site without posts' };
  let blogDir = 'blog';
  if (blog[2] === ':') {
    const after = plugins.slice(blog.index + blog[0].length);
    const dir = /^[ \t]+blog_dir:\s*['"]?([^'"#\n]+?)['"]?\s*(?:#.*)?$/m.exec(after.split(/\n[ \t]*-[ \t]/)[0] ?? '');
    if (dir) blogDir = dir[1].trim();
  }
  const join = (...parts: string[]): string =>
    parts
      .map((p) => p.replace(/^\.?\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/');
  return { postFolders: [join(docsDir, blogDir === '.' ? '' : blogDir, 'posts')] };
}
