import type { FolderKindMapping } from './types';
import { DEFAULT_FILE_NAME_PATTERN } from './fileName';
import { BUILT_IN_KIND_LIST } from './kinds/registry';

export type SiteGenerator = 'none' | 'hugo' | 'jekyll' | 'astro' | 'devto';

export const SITE_GENERATORS: readonly SiteGenerator[] = ['none', 'hugo', 'jekyll', 'astro', 'devto'];

export interface SiteGeneratorProfile {
  generator: SiteGenerator;
  label: string;
  /** Workspace-relative folder, with forward slashes, where new drafts of each built-in kind go. */
  folders: Record<string, string>;
  /** Used for kinds that `folders` does not name (custom kinds). */
  defaultFolder: string;
  /** File name pattern per kind; see `expandFileNamePattern`. */
  fileNamePatterns: Record<string, string>;
  defaultFileNamePattern: string;
  /** Folders whose posts are drafts of a kind even without `kind:` in their front matter. */
  folderKinds: FolderKindMapping[];
}

/** What to change in a post's front matter so that the site really (un)publishes it. */
export interface PublishedFieldChanges {
  /** Fields to set, overwriting what is there. */
  set: Record<string, string | boolean>;
  /** Fields to set only when none of `unlessPresent` has a value. */
  setIfMissing: { field: string; value: string; unlessPresent: string[] }[];
  /** One sentence for the person, e.g. in a confirmation or a log. */
  description: string;
}

// Hugo reads `config.toml` too, but so do other tools; `baseURL` is what makes it Hugo's.
const HUGO_CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'];
const ASTRO_CONFIG = /^astro\.config\.(mjs|js|ts|mts|cjs|cts)$/;
const JEKYLL_CONFIG_FILES = ['_config.yml', '_config.yaml'];
// The dev.to GitHub sync tool keeps its list of articles in this file.
const DEVTO_CONFIG_FILES = ['dev-to-git.json'];

/**
 * Which site generator owns the workspace, from the names of the files at its root and, when
 * there is one, the text of `config.toml`. When several match, the most specific config wins:
 * an explicit `hugo.*`, then Astro, then Jekyll, then a Hugo-looking `config.toml`, then dev.to.
 */
export function detectSiteGenerator(rootFileNames: readonly string[], configToml?: string): SiteGenerator {
  const names = new Set(rootFileNames.map((name) => name.replace(/^\.\//, '')));
  if (HUGO_CONFIG_FILES.some((name) => names.has(name))) {
    return 'hugo';
  }
  if ([...names].some((name) => ASTRO_CONFIG.test(name))) {
    return 'astro';
  }
  if (JEKYLL_CONFIG_FILES.some((name) => names.has(name))) {
    return 'jekyll';
  }
  if (names.has('config.toml') && configToml !== undefined && /^\s*baseurl\s*=/im.test(configToml)) {
    return 'hugo';
  }
  if (DEVTO_CONFIG_FILES.some((name) => names.has(name))) {
    return 'devto';
  }
  return 'none';
}

/**
 * Where drafts go and how they are named for a generator.
 *
 * Blog posts go where the generator publishes posts. The other kinds are private working notes
 * (speaker notes, leads), so they go to folders the generator does not render: plain top-level
 * folders for Hugo and Astro (only `content/` and `src/` are built), and underscore folders for
 * Jekyll, which renders any other folder's Markdown as pages.
 */
export function generatorProfile(gen: SiteGenerator): SiteGeneratorProfile {
  switch (gen) {
    case 'hugo':
      // Themes disagree on the section name, so all the common ones are recognised as posts.
      return profile(gen, 'Hugo', kindFolders('content/posts'), 'drafts', '{slug}.md', [
        { folder: 'content/posts', kind: 'blog' },
        { folder: 'content/post', kind: 'blog' },
        { folder: 'content/blog', kind: 'blog' },
      ]);
    case 'jekyll':
      return profile(
        gen,
        'Jekyll',
        kindFolders('_posts', '_'),
        '_devrel',
        // Jekyll only builds posts whose file name starts with the date.
        '{date}-{slug}.md',
        [
          { folder: '_posts', kind: 'blog' },
          { folder: '_drafts', kind: 'blog' },
        ],
      );
    case 'astro':
      return profile(gen, 'Astro', kindFolders('src/content/blog'), 'drafts', '{slug}.md', [
        { folder: 'src/content/blog', kind: 'blog' },
        { folder: 'src/content/posts', kind: 'blog' },
      ]);
    case 'devto':
      return profile(gen, 'dev.to', kindFolders('posts'), 'drafts', DEFAULT_FILE_NAME_PATTERN, [
        { folder: 'posts', kind: 'blog' },
      ]);
    case 'none':
    default:
      return profile('none', 'No site generator', kindFolders('posts'), 'drafts', DEFAULT_FILE_NAME_PATTERN, []);
  }
}

/**
 * The front-matter changes that make a post really published or unpublished on `gen`:
 * Hugo and Astro hide `draft: true`, Jekyll and dev.to publish `published: true`. Publishing also
 * dates a post that has no date yet, because Hugo and Jekyll sort and link posts by it.
 * `status` is not included: the kind's workflow decides which status that is.
 */
export function publishedFields(
  gen: SiteGenerator,
  status: 'published' | 'unpublished',
  today: string,
): PublishedFieldChanges {
  const publishing = status === 'published';
  const dated = publishing
    ? [{ field: 'date', value: today, unlessPresent: ['date', 'publish_date', 'publishDate', 'pubDate'] }]
    : [];
  switch (gen) {
    case 'hugo':
    case 'astro':
      return {
        set: { draft: !publishing },
        setIfMissing: dated,
        description: publishing
          ? `Sets draft: false so ${gen === 'hugo' ? 'Hugo' : 'Astro'} builds the post.`
          : `Sets draft: true so ${gen === 'hugo' ? 'Hugo' : 'Astro'} leaves the post out of the build.`,
      };
    case 'jekyll':
    case 'devto':
      return {
        set: { published: publishing },
        setIfMissing: dated,
        description: publishing
          ? `Sets published: true so ${gen === 'jekyll' ? 'Jekyll builds' : 'dev.to shows'} the post.`
          : `Sets published: false so ${gen === 'jekyll' ? 'Jekyll leaves the post out' : 'dev.to keeps the post as a draft'}.`,
      };
    case 'none':
    default:
      return {
        set: {},
        setIfMissing: dated,
        description: 'No site generator: only the status and, when publishing, a missing date change.',
      };
  }
}

/** Each built-in kind's folder as its registry entry places it: the posts folder, or a private one (`_talks` where a `_` keeps the generator from rendering it). */
function kindFolders(postsFolder: string, privatePrefix = ''): Record<string, string> {
  return Object.fromEntries(
    BUILT_IN_KIND_LIST.map((kind) => [kind.id, kind.folder.type === 'posts' ? postsFolder : `${privatePrefix}${kind.folder.name}`]),
  );
}

function profile(
  generator: SiteGenerator,
  label: string,
  folders: Record<string, string>,
  defaultFolder: string,
  postsPattern: string,
  folderKinds: FolderKindMapping[],
): SiteGeneratorProfile {
  return {
    generator,
    label,
    folders,
    defaultFolder,
    fileNamePatterns: Object.fromEntries(
      BUILT_IN_KIND_LIST.map((kind) => [kind.id, kind.folder.type === 'posts' ? postsPattern : DEFAULT_FILE_NAME_PATTERN]),
    ),
    defaultFileNamePattern: DEFAULT_FILE_NAME_PATTERN,
    folderKinds,
  };
}
