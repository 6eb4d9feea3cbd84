// Edits a `.vscode/settings.json` as text: only the values written change, and the person's
// comments, order and layout stay as they were.

import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { type Result } from './util/result';

export type SettingsEdit = Result<{ text: string; changed: boolean }>;

/**
 * Sets top-level settings in a settings file's text (`undefined` removes one). An empty or
 * missing file becomes `{}` first. A file that isn't a JSON object is never rewritten.
 */
export function setSettingsValues(text: string, values: Readonly<Record<string, unknown>>): SettingsEdit {
  const source = text.trim() === '' ? '{}\n' : text;
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = source.slice(0, first.offset).split('\n').length;
    return { ok: false, message: `it is not valid JSON (line ${line}: ${describe(printParseErrorCode(first.error))}); fix it and try again` };
  }
  if (!tree || tree.type !== 'object') return { ok: false, message: 'it does not hold a JSON object' };
  const formattingOptions = { ...indentOf(source), eol: source.includes('\r\n') ? '\r\n' : '\n' };
  let result = source;
  for (const [key, value] of Object.entries(values)) {
    const node = findNodeAtLocation(tree, [key]);
    // An unchanged value keeps its layout: rewriting it would only reformat the person's file.
    if (node ? JSON.stringify(getNodeValue(node)) === JSON.stringify(value) : value === undefined) continue;
    result = applyEdits(result, modify(result, [key], value, { formattingOptions }));
  }
  return { ok: true, text: result, changed: result !== source };
}

/** The indentation a settings file already uses, so new lines look like the old ones. */
function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indented === undefined) return { insertSpaces: true, tabSize: 4 };
  if (indented.startsWith('\t')) return { insertSpaces: false, tabSize: 4 };
  return { insertSpaces: true, tabSize: indented.length };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
