import * as l10n from '@vscode/l10n';
import * as path from 'path';
import { isWindowsReservedName } from './slug';
import { errorMessage } from './util/result';
import { type Result } from './util/result';

export interface FileNameVariables {
  /** `YYYY-MM-DD` */
  date: string;
  slug: string;
  year: string;
  month: string;
  kind: string;
  title: string;
}

export type FileNameResult = Result<{ fileName: string }>;
export type NewFilePathResult = Result<{ path: string }>;

export const DEFAULT_FILE_NAME_PATTERN = '{date}-{slug}.md';

const MARKDOWN_EXTENSION = /\.(md|markdown|mdx)$/i;
// Most file systems stop at 255 bytes per name; leaving room for a `-999` clash suffix.
const MAX_FILE_NAME_BYTES = 250;
const MAX_TITLE_IN_FILE_NAME = 100;
// Past this many clashes something is wrong (a loop, or an `exists` that always says yes).
const MAX_CLASH_ATTEMPTS = 999;

/**
 * Turns a pattern such as `{date}-{slug}.md` into a file name. Placeholders are `{date}`, `{slug}`,
 * `{year}`, `{month}`, `{day}`, `{kind}` and `{title}` (also written `{{slug}}`, the template style).
 * `.md` is added when the pattern names no Markdown extension. A pattern may not name folders:
 * where the file goes is the folder's business, and a pattern must not be able to climb out of it.
 */
export function expandFileNamePattern(pattern: string, vars: FileNameVariables): FileNameResult {
  const trimmed = (typeof pattern === 'string' ? pattern : '').trim();
  if (trimmed === '') {
    return { ok: false, message: l10n.t('The file name pattern is empty; use something like {date}-{slug}.md.') };
  }
  if (/[/\\]/.test(trimmed) || trimmed.includes('..')) {
    return {
      ok: false,
      message: l10n.t('The file name pattern "{0}" may not contain /, \\ or ..; set the folder separately.', trimmed),
    };
  }

  const values: Record<string, string> = {
    date: vars.date,
    slug: vars.slug,
    year: vars.year,
    month: vars.month,
    day: vars.date.slice(8, 10),
    kind: vars.kind,
    title: fileSafeTitle(vars.title),
  };
  const unknown: string[] = [];
  const expanded = trimmed.replace(/\{\{?\s*([A-Za-z_]+)\s*\}?\}/g, (whole, name: string) => {
    const value = values[name.toLowerCase()];
    if (value === undefined) {
      unknown.push(whole);
      return whole;
    }
    return value;
  });
  if (unknown.length > 0) {
    return {
      ok: false,
      message: l10n.t('Unknown placeholder {0} in the file name pattern; use {date}, {slug}, {year}, {month}, {day}, {kind} or {title}.', unknown.join(', ')),
    };
  }

  let fileName = expanded.replace(/[\u0000-\u001f\u007f<>:"|?*/\\]/g, '-');
  if (!MARKDOWN_EXTENSION.test(fileName)) {
    fileName = `${fileName.replace(/[. ]+$/, '')}.md`;
  }
  const stem = fileName.replace(MARKDOWN_EXTENSION, '');
  if (stem.replace(/[-. ]/g, '') === '') {
    return { ok: false, message: l10n.t('The file name pattern "{0}" gives an empty name for this draft.', trimmed) };
  }
  if (fileName.includes('..') || fileName.startsWith('.')) {
    return { ok: false, message: l10n.t('The file name "{0}" would be hidden or climb folders; change the pattern.', fileName) };
  }
  if (isWindowsReservedName(fileName)) {
    return { ok: false, message: l10n.t('"{0}" is a reserved name on Windows; change the pattern or the title.', fileName) };
  }
  if (new TextEncoder().encode(fileName).length > MAX_FILE_NAME_BYTES) {
    return { ok: false, message: l10n.t('The file name is longer than {0} bytes; shorten the pattern or the title.', MAX_FILE_NAME_BYTES) };
  }
  return { ok: true, fileName };
}

/**
 * Where to create `fileName` inside `folder` (posix; absolute, or workspace-relative with `''` or
 * `.` for the root) without overwriting: `post.md`, then `post-2.md`, `post-3.md`… The result is
 * checked to still be inside `folder` after normalisation.
 */
export async function resolveNewFilePath(folder: string, fileName: string, exists: (candidate: string) => boolean | Promise<boolean>): Promise<NewFilePathResult> {
  const base = normaliseFolder(folder);
  if (base === undefined) {
    return { ok: false, message: l10n.t('The folder "{0}" climbs out of the workspace.', folder) };
  }
  if (fileName === '' || /[/\\]/.test(fileName) || fileName === '.' || fileName === '..') {
    return { ok: false, message: l10n.t('"{0}" is not a plain file name.', fileName) };
  }

  const extension = path.posix.extname(fileName);
  const stem = extension === '' ? fileName : fileName.slice(0, -extension.length);
  for (let attempt = 1; attempt <= MAX_CLASH_ATTEMPTS; attempt++) {
    const candidateName = attempt === 1 ? fileName : `${stem}-${attempt}${extension}`;
    const candidate = base === '' ? candidateName : path.posix.join(base, candidateName);
    if (!isInside(base, candidate)) {
      return { ok: false, message: l10n.t('"{0}" would land outside the folder "{1}".', fileName, folder) };
    }
    let taken: boolean;
    try {
      taken = await exists(candidate);
    } catch (error) {
      return { ok: false, message: l10n.t('Could not check whether {0} exists: {1}', candidate, errorMessage(error)) };
    }
    if (!taken) {
      return { ok: true, path: candidate };
    }
  }
  return { ok: false, message: l10n.t('{0} files named like {1} already exist in {2}.', MAX_CLASH_ATTEMPTS, fileName, folder) };
}

/** A title shaped for a file name: no path or shell-hostile characters, bounded length. */
function fileSafeTitle(title: string): string {
  return (
    title
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f<>:"|?*/\\]+/g, ' ')
      .replace(/\.{2,}/g, '.')
      // Dots standing alone or leading would make `..` steps or hidden files.
      .replace(/(^|\s)\.+(?=\s|$)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, MAX_TITLE_IN_FILE_NAME)
      .replace(/[. ]+$/, '')
  );
}

function normaliseFolder(folder: string): string | undefined {
  const slashed = folder.replace(/\\/g, '/').trim();
  if (slashed === '' || slashed === '.' || slashed === './') {
    return '';
  }
  const normalised = path.posix.normalize(slashed).replace(/(.)\/+$/, '$1');
  if (!path.posix.isAbsolute(normalised) && (normalised === '..' || normalised.startsWith('../'))) {
    return undefined;
  }
  return normalised === '.' ? '' : normalised;
}

function isInside(folder: string, candidate: string): boolean {
  const normalised = path.posix.normalize(candidate);
  if (folder === '') {
    return !path.posix.isAbsolute(normalised) && !normalised.startsWith('../') && !normalised.includes('/');
  }
  const relative = path.posix.relative(folder, normalised);
  return relative !== '' && relative !== '..' && !relative.startsWith('../') && !path.posix.isAbsolute(relative) && !relative.includes('/');
}
