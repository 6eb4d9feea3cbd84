// The patterns of a `.gitignore`, as far as site detection needs them: names, `dir/`, `/dir`,
// `a/b`, globs with `*`, `?`, `**` and `[…]`, and `!` to take a path back. Nested `.gitignore`
// files and escapes beyond a leading `\#` or `\!` are not read.

import { globToRegExp } from './glob';

const MAX_PATTERN_LENGTH = 1024;

interface Rule {
  pattern: RegExp;
  negate: boolean;
  directoryOnly: boolean;
}

/** Whether a workspace-relative path is ignored; `isDirectory` says what the last part is. */
export type IgnoredPath = (relativePath: string, isDirectory: boolean) => boolean;

/** A matcher for a `.gitignore`'s text, or undefined when it ignores nothing. */
export function gitignoreMatcher(text: string): IgnoredPath | undefined {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // Trailing spaces end a pattern unless the last one is escaped; trimEnd stays linear on long runs.
    let line = raw.trimEnd();
    if (line.length < raw.length && line.endsWith('\\')) line += raw[line.length];
    // No real pattern is this long, and a hostile one would make a regular expression too large to build.
    if (line === '' || line.startsWith('#') || line.length > MAX_PATTERN_LENGTH) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    else if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    line = line.replace(/\/+$/, '');
    // A slash anywhere but at the end ties the pattern to the root; otherwise it matches at any depth.
    const anchored = line.includes('/');
    line = line.replace(/^\/+/, '');
    // Braces are literal in a .gitignore, but alternatives to the glob matcher: such a rare pattern is left out.
    if (line === '' || /[{}]/.test(line)) continue;
    rules.push({ pattern: globToRegExp(anchored ? line : `**/${line}`), negate, directoryOnly });
  }
  if (!rules.some((rule) => !rule.negate)) return undefined;
  return (relativePath, isDirectory) => {
    const parts = relativePath.replace(/\/+$/, '').split('/');
    for (let i = 1; i <= parts.length; i++) {
      const candidate = parts.slice(0, i).join('/');
      const directory = i < parts.length || isDirectory;
      // The last rule that matches decides, as in git.
      let ignored = false;
      for (const rule of rules) {
        if (rule.directoryOnly && !directory) continue;
        if (rule.pattern.test(candidate)) ignored = !rule.negate;
      }
      // Nothing inside an ignored folder can be taken back.
      if (ignored) return true;
    }
    return false;
  };
}
