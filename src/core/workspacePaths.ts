import * as l10n from '@vscode/l10n';
// Where DevRel Desk may write, decided on real paths rather than path strings: a folder a
// repository commits as a symbolic link (`notes -> ../outside`) passes every string check and
// still leads out of the workspace. The file system is passed in, so the decisions are tested
// here with real links in a temporary folder, and the editor adapter supplies Node's.

import * as path from 'node:path';
import { isWindowsReservedName } from './slug';
import type { Result } from './util/result';

export type PathCheck = Result<{ value: string }>;

/** Longer folder settings are mistakes, and every later check stays cheap. */
const MAX_FOLDER_LENGTH = 1024;
/** Most file systems stop at 255 bytes per name. */
const MAX_SEGMENT_BYTES = 255;
// Characters Windows refuses in names; the repository may be cloned there.
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A workspace-relative folder from a setting, a template or a command argument, normalised to
 * forward slashes without `./`, empty segments or trailing slashes (`''` is the workspace folder
 * itself). Each segment follows the rules new file names follow, so the folder can be created on
 * every platform: no control characters (NUL included), none of `<>:"|?*`, no Windows device
 * name (`NUL`, `con.md`), no trailing dot or space. Absolute paths, `..` and a leading `~` are
 * refused: `~` is not a home folder here, and taking it literally would surprise everyone.
 */
export function checkRelativeFolder(folder: string): PathCheck {
  if (folder.length > MAX_FOLDER_LENGTH) {
    return { ok: false, message: l10n.t('The folder "{0}…" is longer than {1} characters.', folder.slice(0, 40), MAX_FOLDER_LENGTH) };
  }
  const slashed = folder.trim().replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    return { ok: false, message: l10n.t('The folder "{0}" must be relative to the workspace folder, like talks or content/posts.', folder) };
  }
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) {
    return { ok: false, message: l10n.t('The folder "{0}" climbs out of the workspace folder with "..".', folder) };
  }
  if (parts.length > 0 && parts[0].startsWith('~')) {
    return { ok: false, message: l10n.t('The folder "{0}" starts with "~", which is not your home folder here; write it relative to the workspace folder.', folder) };
  }
  for (const part of parts) {
    const problem = segmentProblem(part);
    if (problem !== undefined) return { ok: false, message: l10n.t('The folder "{0}" can\'t be created everywhere: "{1}" {2}.', visible(folder), visible(part), problem) };
  }
  return { ok: true, value: parts.join('/') };
}

function segmentProblem(segment: string): string | undefined {
  if (CONTROL_CHARACTER.test(segment)) return l10n.t('contains a control character');
  const forbidden = WINDOWS_FORBIDDEN.exec(segment);
  if (forbidden) return l10n.t('contains "{0}", which Windows does not allow in names', forbidden[0]);
  const last = segment[segment.length - 1];
  if (last === '.' || last === ' ') return l10n.t('ends with a dot or a space, which Windows drops');
  if (isWindowsReservedName(segment)) return l10n.t('is a reserved name on Windows');
  if (new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES) return l10n.t('is longer than {0} bytes', MAX_SEGMENT_BYTES);
  return undefined;
}

function visible(segment: string): string {
  return segment.replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether the real (link-free, absolute) path `target` is `root` or inside it. Segment by
 * segment, so `/ws-other` is not inside `/ws`; Windows paths (a drive letter or `\\server`)
 * compare without regard to case, like the file system does.
 */
export function isInsideRealPath(root: string, target: string): boolean {
  const windows = /^[A-Za-z]:/.test(root) || root.startsWith('\\\\');
  const normalise = (p: string): string => {
    const slashed = windows ? p.replace(/\\/g, '/').toLowerCase() : p;
    return slashed.length > 1 ? slashed.replace(/\/+$/, '') : slashed;
  };
  const base = normalise(root);
  const candidate = normalise(target);
  if (candidate === base) return true;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return candidate.startsWith(prefix);
}

/** The parts of a file system the real-path checks need; Node's `fs.promises` fits. */
export interface RealPathHost {
  /** Resolves every link in `p`; rejects when `p`, or what a link in it points at, does not exist. */
  realpath(p: string): Promise<string>;
  /** Whether something is at `p` without following a final link: a dangling link exists. */
  exists(p: string): Promise<boolean>;
}

export type RealPathCheck =
  | { ok: true }
  | {
      ok: false;
      /** The nearest existing path on the way to the target: the one that leads elsewhere. */
      existing: string;
      /** Where it really is; undefined for a link that points at nothing. */
      realPath?: string;
    };

/**
 * Whether creating `target` (a file or folder that may not exist yet, with any missing parent
 * folders) would stay inside `root`: the nearest existing path on the way to it must really be
 * inside the real `root`. A link that points nowhere is refused, since writing through it would
 * create whatever it names.
 */
export async function checkRealPathInside(root: string, target: string, host: RealPathHost): Promise<RealPathCheck> {
  const realRoot = await host.realpath(root);
  let existing = target;
  while (!(await host.exists(existing))) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  let realPath: string;
  try {
    realPath = await host.realpath(existing);
  } catch {
    return { ok: false, existing };
  }
  return isInsideRealPath(realRoot, realPath) ? { ok: true } : { ok: false, existing, realPath };
}
