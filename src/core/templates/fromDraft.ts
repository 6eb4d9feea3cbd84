// Making a template from a draft, for Create Template from Current File: YAML or TOML front matter.

import { isMap, isScalar, parseDocument } from 'yaml';
import { yamlScalar } from '../frontMatter/yamlScalar';
import { builtInKind } from '../kinds/registry';
import { escapeRegExp } from '../util/strings';
import { mask } from './markers';
import { findFrontMatter, locateTemplateFrontMatter, keyName, templateFrontMatterOverLimit, originalScalarValue, pairCutRange, yamlErrorMessage } from './templateSource';
import { tomlTemplateFromDraft } from './tomlTemplate';

// Front-matter keys whose date belongs to the draft it was written for; a template asks again.
const PROMPTED_DATE_KEYS = new Set(['cfp_deadline', 'event_date', 'end_date', 'due', 'publish_date']);

/**
 * Template text made from an open draft, for "Create Template from Current File": front-matter
 * keys are kept; the title becomes `{{title}}`, the slug `{{slug}}`, the status the kind's first
 * status, and dates become `{{date}}`, except the ones a new draft needs its own answer for
 * (`cfp_deadline`, `event_date`, `end_date`, `due`, `publish_date`), which become variables of
 * that name and so are prompted for. A `template:` block with the kind and name is added; the
 * body is kept, with an H1 that repeats the title turned into `# {{title}}`.
 * `firstStatus` defaults to the built-in kind's; pass the configured workflow's when it differs.
 */
export function templateFromDraft(
  text: string,
  kind: string,
  name: string,
  firstStatus: string | undefined = builtInKind(kind)?.statuses[0],
): { text?: string; problems: string[] } {
  // Added lines follow the draft's own line breaks, so a CRLF file does not end up mixed.
  const eol = /^\uFEFF?---[ \t]*\r\n/.test(text) ? '\r\n' : '\n';
  const block = `template:${eol}  kind: ${yamlScalar(kind)}${eol}  name: ${yamlScalar(name)}${eol}`;
  const located = locateTemplateFrontMatter(text);
  if (located !== undefined && 'unclosed' in located) {
    return { problems: [`The draft’s front matter has no closing ${located.unclosed} line.`] };
  }
  const span = located?.format === 'yaml' ? located.span : undefined;
  const toml = located?.format === 'toml' ? located.span : undefined;
  const over = templateFrontMatterOverLimit(text, located);
  if (over !== undefined) return { problems: [over] };
  if (toml !== undefined) {
    const tomlEol = /^\uFEFF?\+\+\+[ \t]*\r\n/.test(text) ? '\r\n' : '\n';
    const made = tomlTemplateFromDraft(text.slice(toml.start, toml.end), { kind, name, firstStatus, promptedDateKeys: PROMPTED_DATE_KEYS, lineBreak: tomlEol });
    if (!made.ok) {
      return { problems: made.problems };
    }
    const body = text.slice(toml.end);
    return { text: text.slice(0, toml.start) + made.content + withTitleHeading(body, made.title), problems: [] };
  }
  if (span === undefined) {
    const header = `---\nkind: ${yamlScalar(kind)}\ntitle: '{{title}}'\n` + (firstStatus !== undefined ? `status: ${yamlScalar(firstStatus)}\n` : '') + `${block}---\n\n`;
    const body = text.replace(/^\uFEFF/, '').replace(/^# .*$/m, '# {{title}}');
    return { text: header + body, problems: [] };
  }

  const yamlText = text.slice(span.start, span.end);
  const masked = mask(yamlText);
  const doc = parseDocument(masked, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((error) => yamlErrorMessage(error, 1)) };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { problems: ['The draft’s front matter is not a list of key: value lines.'] };
  }

  const edits: { start: number; end: number; text: string }[] = [];
  const seen = new Set<string>();
  let title: string | undefined;
  for (const pair of doc.contents?.items ?? []) {
    const key = keyName(pair);
    if (key === undefined) {
      continue;
    }
    seen.add(key);
    if (key === 'template') {
      const cut = pairCutRange(text, span, pair);
      if (cut !== undefined) {
        edits.push({ start: cut[0], end: cut[1], text: '' });
      }
      continue;
    }
    const node = pair.value;
    const replacement = replacementFor(key, node, firstStatus, kind, yamlText, masked);
    if (key === 'title' && isScalar(node) && node.value !== null) {
      title = originalScalarValue(node, yamlText, masked);
    }
    if (replacement !== undefined && isScalar(node) && node.range) {
      const start = span.start + node.range[0];
      const end = span.start + node.range[1];
      const old = text.slice(start, end);
      // An empty value sits right after the colon or right before a comment; YAML needs the spaces.
      const lead = text[start - 1] === ':' ? ' ' : '';
      const trail = text[end] === '#' ? ' ' : '';
      edits.push({ start, end, text: lead + replacement + trail + (old.endsWith('\n') ? '\n' : '') });
    }
  }
  let added = '';
  if (!seen.has('kind')) {
    added += `kind: ${yamlScalar(kind)}${eol}`;
  }
  if (!seen.has('title')) {
    added += `title: '{{title}}'${eol}`;
  }
  if (!seen.has('status') && firstStatus !== undefined) {
    added += `status: ${yamlScalar(firstStatus)}${eol}`;
  }

  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  const newSpan = findFrontMatter(result, 'yaml');
  if (typeof newSpan !== 'object') {
    return { problems: ['The draft’s front matter could not be rewritten.'] };
  }
  const before = result.slice(0, newSpan.end);
  const newline = before === '' || before.endsWith('\n') ? '' : eol;
  const head = before + newline + added + block;
  return { text: head + withTitleHeading(result.slice(newSpan.end), title), problems: [] };
}

/** The body with an H1 that repeats the draft's title turned into `# {{title}}`. */
function withTitleHeading(body: string, title: string | undefined): string {
  if (title === undefined || title.trim() === '') {
    return body;
  }
  const heading = new RegExp(`^#[ \\t]+${escapeRegExp(title.trim())}[ \\t]*$`, 'm');
  return body.replace(heading, '# {{title}}');
}

function replacementFor(key: string, node: unknown, firstStatus: string | undefined, kind: string, yamlText: string, masked: string): string | undefined {
  if (key === 'title') {
    return "'{{title}}'";
  }
  if (key === 'slug') {
    return "'{{slug}}'";
  }
  if (key === 'status') {
    return firstStatus === undefined ? undefined : yamlScalar(firstStatus);
  }
  if (key === 'kind') {
    return yamlScalar(kind);
  }
  if (!isScalar(node) || node.value === null) {
    return undefined;
  }
  const value = originalScalarValue(node, yamlText, masked);
  if (!/^\d{4}-\d{2}-\d{2}(?:$|[T ])/.test(value.trim())) {
    return undefined;
  }
  return PROMPTED_DATE_KEYS.has(key) ? `'{{${key}}}'` : "'{{date}}'";
}
