// VS Code snippet text: the one escaper for literal text, and what a snippet inserts.

/** Text → snippet text that inserts it literally. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * What a snippet inserts when every placeholder keeps its default and every choice its first
 * option: the check that a snippet and the file it stands for say the same thing. Covers the
 * syntax templates produce (`$1`, `${1}`, `${1:text}`, `${1|a,b|}`, `$0`, and `\` escapes);
 * variables such as `$TM_FILENAME` are not expanded and come out as written.
 */
export function snippetToPlainText(snippet: string): string {
  let position = 0;
  const read = (insidePlaceholder: boolean): string => {
    let out = '';
    while (position < snippet.length) {
      const ch = snippet[position];
      if (ch === '\\' && position + 1 < snippet.length && '\\$}'.includes(snippet[position + 1] ?? '')) {
        out += snippet[position + 1];
        position += 2;
        continue;
      }
      if (ch === '}' && insidePlaceholder) {
        position++;
        return out;
      }
      if (ch === '$') {
        const rest = snippet.slice(position + 1);
        const bare = /^\d+/.exec(rest);
        if (bare) {
          position += 1 + bare[0].length;
          continue;
        }
        const braced = /^\{(\d+)([:|}])/.exec(rest);
        if (braced) {
          position += 1 + braced[0].length;
          if (braced[2] === '}') continue;
          if (braced[2] === ':') {
            out += read(true);
            continue;
          }
          out += readChoice();
          continue;
        }
      }
      out += ch;
      position++;
    }
    return out;
  };
  const readChoice = (): string => {
    const options: string[] = [''];
    while (position < snippet.length) {
      const ch = snippet[position];
      if (ch === '\\' && position + 1 < snippet.length && '\\,|$}'.includes(snippet[position + 1] ?? '')) {
        options[options.length - 1] += snippet[position + 1];
        position += 2;
        continue;
      }
      if (ch === '|' && snippet[position + 1] === '}') {
        position += 2;
        break;
      }
      if (ch === ',') options.push('');
      else options[options.length - 1] += ch;
      position++;
    }
    return options[0] ?? '';
  };
  return read(false);
}
