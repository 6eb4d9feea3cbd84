// A small glob matcher for exclude settings, so a watcher event can be checked without a
// search. It covers what exclude settings use: `**`, `*`, `?`, `{a,b}` and `[...]`.

export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole folders.
          source += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
          i += glob[i + 2] === '/' ? 2 : 1;
          continue;
        }
        source += '.*';
        i++;
        continue;
      }
      source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A predicate that is true when a workspace-relative path, or any folder above it, matches one of the globs. */
export function compileGlobs(globs: readonly string[]): (relativePath: string) => boolean {
  const patterns = globs.map((g) => globToRegExp(g.replace(/^\.\//, '')));
  return (relativePath: string): boolean => {
    if (patterns.length === 0) return false;
    const parts = relativePath.split('/');
    for (let i = parts.length; i > 0; i--) {
      const candidate = parts.slice(0, i).join('/');
      if (patterns.some((p) => p.test(candidate) || p.test(candidate + '/'))) return true;
    }
    return false;
  };
}
