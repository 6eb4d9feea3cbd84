// Draft templates: reading them, filling them in, and making new ones.
//
// Marker syntax. Templates are Markdown with YAML (or TOML, `+++`) front matter and these markers:
//   {{title}}, {{ title }}     a variable; unknown ones stay in the output as written, and are reported
//   {{tab:1:default text}}     a snippet tab stop with its default text (`{{tab:1}}` has none)
//   {{choice:2:a|b|c}}         a snippet choice; plain text gets the first option
//   {{cursor}}                 where the cursor ends up after the last tab stop
// Tab stops get their own syntax instead of VS Code's `${1:…}` so that a template can hold
// literal `$`, `${…}` and `}` (shell prompts, template literals, Liquid) without escaping them:
// every character outside a marker is literal text. `toSnippetText` and `renderTemplate` do the
// snippet escaping. Templates are data: nothing in them is ever evaluated.

import { isCollection, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Pair, Scalar } from 'yaml';
import { BUILTIN_TEMPLATES, FIRST_STATUS, talkMinuteVariables, DEFAULT_TALK_MINUTES } from './builtin';
import { expandFileNamePattern } from '../fileName';
import { parseDateInput } from '../relativeDate';
import { siteProfile } from '../sites/profile';
import { slugify } from '../slug';
import { locateFrontMatter } from '../frontMatter/parse';
import {
  escapeTomlBasic,
  fitsTomlLiteral,
  isTomlBareSafe,
  maskTomlTemplate,
  readTomlTemplateBlock,
  readTomlTemplateFrontMatter,
  tomlMarkerContext,
  tomlTemplateFromDraft,
} from './tomlTemplate';
import type { TomlTextSpan } from '../frontMatter/tomlScan';

export interface Template {
  kind: string;
  name: string;
  description?: string;
  /** Workspace-relative folder with forward slashes, overriding the site generator's default. */
  folder?: string;
  /** File name pattern, e.g. `{date}-{slug}.md`; see `expandFileNamePattern`. */
  fileNamePattern?: string;
  /** Where the template came from: a workspace-relative path, or `builtin:<kind>`. */
  source: string;
  builtin: boolean;
  /** The template with its `template:` block removed; markers are still in it. */
  text: string;
}

export interface ParsedTemplate {
  template?: Template;
  problems: string[];
}

export interface RenderedTemplate {
  /** The new file's content. */
  text: string;
  /** The same content as VS Code snippet syntax, with the template's tab stops. */
  snippet: string;
  /** Variables the template uses that were not given, in order of first use; left visible in `text`. */
  unknownVariables: string[];
  problems: string[];
}

export interface StandardVariablesInput {
  title: string;
  /** `YYYY-MM-DD` */
  today: string;
  author?: string;
  kind?: string;
  /** Answers to the prompts, by variable name; `''` for a prompt that was skipped. */
  answers?: Record<string, string>;
}

export interface VariablePrompt {
  prompt: string;
  placeHolder: string;
  type: 'text' | 'date' | 'number';
}

/** How to ask for the variables that the built-in templates use besides the standard ones. */
export const VARIABLE_PROMPTS: Readonly<Record<string, VariablePrompt>> = {
  event: { prompt: 'Event or conference', placeHolder: 'e.g. DevOpsDays Amsterdam 2026 (empty to skip)', type: 'text' },
  cfp_deadline: { prompt: 'CFP deadline', placeHolder: 'YYYY-MM-DD, +14d, next friday (empty to skip)', type: 'date' },
  event_date: { prompt: 'Event date', placeHolder: 'YYYY-MM-DD, +30d, tomorrow (empty to skip)', type: 'date' },
  end_date: { prompt: 'Last day of the event', placeHolder: 'YYYY-MM-DD (empty for a one-day event)', type: 'date' },
  publish_date: { prompt: 'Planned publish date', placeHolder: 'YYYY-MM-DD, +14d, next tuesday (empty if not planned yet)', type: 'date' },
  due: { prompt: 'Due date', placeHolder: 'YYYY-MM-DD, +14d, +2w (empty for none)', type: 'date' },
  duration: { prompt: 'Talk length in minutes', placeHolder: String(DEFAULT_TALK_MINUTES), type: 'number' },
  repository: { prompt: 'Repository', placeHolder: 'owner/name or its URL (empty to skip)', type: 'text' },
  issue: { prompt: 'Issue', placeHolder: 'number or URL (empty to skip)', type: 'text' },
  pr: { prompt: 'Pull request', placeHolder: 'number or URL (empty to skip)', type: 'text' },
};

const STANDARD_VARIABLE_NAMES = new Set([
  'title',
  'slug',
  'date',
  'year',
  'month',
  'day',
  'author',
  'kind',
  ...Object.keys(talkMinuteVariables(DEFAULT_TALK_MINUTES)),
]);

const TEMPLATE_BLOCK_KEYS = ['kind', 'name', 'description', 'folder', 'filename'];

// Front-matter keys whose date belongs to the draft it was written for; a template asks again.
const PROMPTED_DATE_KEYS = new Set(['cfp_deadline', 'event_date', 'end_date', 'due', 'publish_date']);

const MARKER =
  /\{\{\s*(?:tab:(\d{1,3})(?::([^\n]*?))?|choice:(\d{1,3}):([^\n]*?)|(cursor)|([A-Za-z_][A-Za-z0-9_]*))\s*\}\}/g;
// Anything brace-brace on one line, markers or not (Liquid, Hugo shortcodes), is hidden from the
// YAML parser, which would otherwise read `{{` as a flow mapping.
const BRACED = /\{\{[^\n]*?\}\}/g;

type Marker =
  | { type: 'variable'; name: string; start: number; end: number; raw: string }
  | { type: 'tab'; index: number; text: string; start: number; end: number; raw: string }
  | { type: 'choice'; index: number; options: string[]; start: number; end: number; raw: string }
  | { type: 'cursor'; start: number; end: number; raw: string };

type Piece =
  | { type: 'text'; text: string }
  | { type: 'tab'; index: number; text: string }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'cursor' };

interface FrontMatterSpan {
  /** Offset of the first character of the YAML. */
  start: number;
  /** Offset of the closing `---` line. */
  end: number;
}

/** A stretch of the template replaced by pieces; `empty` says what to tidy around a vanished value. */
interface RenderUnit {
  start: number;
  end: number;
  pieces: Piece[];
  empty: false | 'value' | 'item';
}

interface ScalarSpan {
  start: number;
  end: number;
  type: Scalar.Type | undefined;
  inFlow: boolean;
  /** Directly an item of a flow sequence, where an empty item is a syntax error. */
  flowSequenceItem: boolean;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * Reads a template file. Its front matter may carry a `template:` block (kind, name,
 * description, folder, filename) that configures the template; the block is cut out of the text,
 * together with comment lines directly above it, and everything else is kept byte for byte.
 * The kind comes from the block, then the front matter's `kind:`, then the file name.
 */
export function parseTemplate(text: string, source: string): ParsedTemplate {
  const problems: string[] = [];
  const span = findFrontMatter(text);
  if (span === 'unclosed') {
    return { problems: ['The front matter has no closing --- line.'] };
  }
  const toml = findTomlFrontMatter(text);
  if (toml === 'unclosed') {
    return { problems: ['The front matter has no closing +++ line.'] };
  }

  let templateText = text;
  let block: Record<string, string> = {};
  let frontMatterKind: string | undefined;
  if (toml !== undefined) {
    const content = text.slice(toml.start, toml.end);
    const read = readTomlTemplateFrontMatter(content);
    if (!read.ok) {
      return { problems: read.problems };
    }
    const info = readTomlTemplateBlock(content, read.masked, read.data);
    problems.push(...info.problems);
    frontMatterKind = info.kind;
    block = tomlTemplateSettings(info.settings, problems);
    if (info.cut !== undefined) {
      templateText = text.slice(0, toml.start + info.cut[0]) + text.slice(toml.start + info.cut[1]);
    }
  } else if (span !== undefined) {
    const yamlText = text.slice(span.start, span.end);
    const masked = mask(yamlText);
    const doc = parseDocument(masked, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      problems.push(...doc.errors.map((error) => yamlErrorMessage(error, 1)));
      if (/^\s*filename:\s*\{[^{]/m.test(yamlText)) {
        problems.push("Quote the file name pattern, e.g. filename: '{date}-{slug}.md'.");
      }
      return { problems };
    }
    if (doc.contents !== null && !isMap(doc.contents)) {
      return { problems: ['The front matter must be a list of key: value lines.'] };
    }
    const map = doc.contents;
    const kindPair = map?.items.find((pair) => keyName(pair) === 'kind');
    if (kindPair && isScalar(kindPair.value) && kindPair.value.value !== null) {
      const value = originalScalarValue(kindPair.value, yamlText, masked);
      frontMatterKind = value.startsWith('{{') ? undefined : value.trim();
    }
    const templatePairs = map?.items.filter((pair) => keyName(pair) === 'template') ?? [];
    if (templatePairs.length > 1) {
      problems.push('The front matter has more than one template: block; only the first is used.');
    }
    const templatePair = templatePairs[0];
    if (templatePair !== undefined) {
      block = readTemplateBlock(templatePair, yamlText, masked, problems);
      const cut = pairCutRange(text, span, templatePair);
      if (cut === undefined) {
        problems.push('The template: block could not be separated from the front matter; keep it on its own lines.');
      } else {
        templateText = text.slice(0, cut[0]) + text.slice(cut[1]);
      }
    }
  }

  const kind = (block.kind ?? frontMatterKind ?? kindFromSource(source)).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(kind)) {
    problems.push(
      kind === ''
        ? 'The template’s kind is unknown: add kind: to its front matter or name the file after the kind.'
        : `"${kind}" is not a usable kind name (letters, digits, - and _).`,
    );
    return { problems };
  }
  if (block.kind !== undefined && frontMatterKind !== undefined && block.kind !== frontMatterKind) {
    problems.push(
      `template.kind is ${block.kind} but the front matter says kind: ${frontMatterKind}; drafts made from it will be ${frontMatterKind}.`,
    );
  }

  const template: Template = {
    kind,
    name: block.name?.trim() || defaultName(kind),
    source,
    builtin: false,
    text: templateText,
  };
  if (block.description !== undefined && block.description.trim() !== '') {
    template.description = block.description.trim();
  }
  if (block.folder !== undefined && block.folder.trim() !== '') {
    const folder = block.folder.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
    if (folder.split('/').includes('..') || folder.startsWith('/') || /^[A-Za-z]:/.test(folder)) {
      problems.push(`template.folder "${block.folder}" must be a folder inside the workspace, like talks or content/posts.`);
    } else {
      template.folder = folder;
    }
  }
  if (block.filename !== undefined && block.filename.trim() !== '') {
    const check = expandFileNamePattern(block.filename, {
      date: '2000-01-01',
      slug: 'slug',
      year: '2000',
      month: '01',
      kind,
      title: 'Title',
    });
    if (check.ok) {
      template.fileNamePattern = block.filename.trim();
    } else {
      problems.push(`template.filename: ${check.problem}`);
    }
  }
  return { template, problems };
}

/** The built-in templates, one per built-in kind. */
export function builtinTemplates(): Template[] {
  return BUILTIN_TEMPLATES.map((builtin) => ({
    kind: builtin.kind,
    name: builtin.name,
    description: builtin.description,
    source: `builtin:${builtin.kind}`,
    builtin: true,
    text: builtin.text,
  }));
}

/** The built-in templates as files to copy into the workspace, each with a `template:` block to edit. */
export function templatesToCustomize(): { fileName: string; text: string }[] {
  return BUILTIN_TEMPLATES.map((builtin) => {
    const block = [
      '# DevRel Desk reads the template: block below and leaves it out of the drafts it creates.',
      '# folder is relative to the workspace; filename may use {date}, {slug}, {year}, {month}, {day}, {kind} and {title}.',
      'template:',
      `  # folder: ${siteProfile(undefined).folders[builtin.kind] ?? 'drafts'}`,
      "  # filename: '{date}-{slug}.md'",
      `  kind: ${yamlScalar(builtin.kind)}`,
      `  name: ${yamlScalar(builtin.name)}`,
      `  description: ${yamlScalar(builtin.description)}`,
      '',
    ].join('\n');
    const opening = /^---[ \t]*\r?\n/.exec(builtin.text);
    const at = opening ? opening[0].length : 0;
    return { fileName: `${builtin.kind}.md`, text: builtin.text.slice(0, at) + block + builtin.text.slice(at) };
  });
}

// ---------------------------------------------------------------------------------------------
// Variables

/**
 * The variables every template can use: `title`, `slug`, `date` (today), `year`, `month`, `day`,
 * `author`, `kind`, the talk outline's `talk_minutes_*` (shares of `duration`, 30 when not
 * answered), and the prompt answers. Answers cannot override the standard names.
 */
export function standardVariables(input: StandardVariablesInput): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.answers ?? {})) {
    answers[name] = typeof value === 'string' ? value.trim() : String(value);
  }
  const today = input.today.trim();
  const duration = answers.duration;
  const minutes = duration === undefined || duration === '' ? DEFAULT_TALK_MINUTES : Number(duration);
  const title = input.title.trim();
  return {
    ...answers,
    ...(duration === undefined ? { duration: String(DEFAULT_TALK_MINUTES) } : {}),
    ...talkMinuteVariables(minutes),
    title,
    slug: slugify(title),
    date: today,
    year: today.slice(0, 4),
    month: today.slice(5, 7),
    day: today.slice(8, 10),
    author: (input.author ?? '').trim(),
    kind: input.kind ?? '',
  };
}

/**
 * Variables the template uses beyond the standard ones, in order of first use: what a command
 * should prompt for. Pass `''` for any it chooses not to ask, so they render as empty values.
 */
export function templatePromptVariables(template: Pick<Template, 'text'>): string[] {
  const names: string[] = [];
  for (const marker of findMarkers(template.text)) {
    if (marker.type === 'variable' && !STANDARD_VARIABLE_NAMES.has(marker.name) && !names.includes(marker.name)) {
      names.push(marker.name);
    }
  }
  return names;
}

/**
 * Checks and normalises one prompt answer: dates accept what `parseDateInput` accepts and come
 * back as `YYYY-MM-DD`, numbers must be positive whole numbers. Empty is always allowed (skip).
 */
export function resolveAnswer(
  name: string,
  input: string,
  today: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const prompt = VARIABLE_PROMPTS[name];
  const text = input.trim();
  if (prompt?.type === 'date') {
    const result = parseDateInput(text, today);
    if (!result.ok) {
      return result;
    }
    return { ok: true, value: result.skipped ? '' : result.date };
  }
  if (prompt?.type === 'number' && text !== '' && !/^[1-9]\d{0,3}$/.test(text)) {
    return { ok: false, message: 'Enter a whole number of minutes, e.g. 30.' };
  }
  return { ok: true, value: text };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * Fills in a template. Values inside the front matter are made YAML-safe for where they stand
 * (quoted or escaped as needed; an empty value standing alone becomes an empty YAML value);
 * the body gets values as plain text. An unknown variable is left as written (in the front
 * matter it is quoted, so the YAML stays valid) and reported.
 */
export function renderTemplate(template: Pick<Template, 'text'>, variables: Record<string, string>): RenderedTemplate {
  const text = template.text;
  const problems: string[] = [];
  const unknown: string[] = [];
  const markers = findMarkers(text);
  const span = findFrontMatter(text);
  const toml = findTomlFrontMatter(text);
  const tomlFrontMatter = typeof toml === 'object' ? toml : undefined;
  const frontMatter = typeof span === 'object' ? span : tomlFrontMatter;

  let scalars: ScalarSpan[] = [];
  // For TOML front matter: its strings and comments, which decide how a marker is written.
  let tomlTexts: TomlTextSpan[] | undefined;
  if (tomlFrontMatter !== undefined) {
    const content = text.slice(tomlFrontMatter.start, tomlFrontMatter.end);
    const read = readTomlTemplateFrontMatter(content);
    if (!read.ok) {
      problems.push(...read.problems.map((problem) => `Template front matter: ${problem}`));
    }
    const base = tomlFrontMatter.start;
    tomlTexts = maskTomlTemplate(content).spans.map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
  } else if (frontMatter !== undefined) {
    const yamlText = text.slice(frontMatter.start, frontMatter.end);
    const doc = parseDocument(mask(yamlText), { uniqueKeys: false });
    if (doc.errors.length > 0) {
      problems.push(...doc.errors.map((error) => `Template front matter: ${yamlErrorMessage(error, 1)}`));
    } else {
      scalars = collectScalars(doc, frontMatter.start);
    }
  }

  for (const marker of markers) {
    if (marker.type === 'variable' && !Object.prototype.hasOwnProperty.call(variables, marker.name) && !unknown.includes(marker.name)) {
      unknown.push(marker.name);
    }
  }
  const value = (marker: Marker): Piece => markerPiece(marker, variables);
  const units: RenderUnit[] = [];
  const inScalar = new Map<ScalarSpan, Marker[]>();
  const inTomlString = new Map<TomlTextSpan, Marker[]>();
  for (const marker of markers) {
    const inFrontMatter = frontMatter !== undefined && marker.start >= frontMatter.start && marker.end <= frontMatter.end;
    if (!inFrontMatter) {
      units.push({ start: marker.start, end: marker.end, pieces: [value(marker)], empty: false });
      continue;
    }
    if (tomlTexts !== undefined) {
      const { context, span: string } = tomlMarkerContext(tomlTexts, marker.start);
      if (context === 'comment') {
        units.push({ start: marker.start, end: marker.end, pieces: [mapText(value(marker), printableLine)], empty: false });
      } else if (string === undefined) {
        units.push({ start: marker.start, end: marker.end, pieces: tomlValuePieces([value(marker)]), empty: false });
      } else {
        inTomlString.set(string, [...(inTomlString.get(string) ?? []), marker]);
      }
      continue;
    }
    const scalar = scalars.find((s) => s.start <= marker.start && marker.end <= s.end);
    if (scalar === undefined) {
      // Comments and anything the parser could not place: one line of plain text.
      units.push({ start: marker.start, end: marker.end, pieces: [mapText(value(marker), printableLine)], empty: false });
      continue;
    }
    inScalar.set(scalar, [...(inScalar.get(scalar) ?? []), marker]);
  }
  for (const [scalar, inside] of inScalar) {
    units.push(renderScalar(text, scalar, inside, value));
  }
  for (const [string, inside] of inTomlString) {
    units.push(renderTomlString(text, string, inside, value));
  }
  units.sort((a, b) => a.start - b.start);

  const pieces: Piece[] = [];
  let position = 0;
  for (const unit of units) {
    let literal = text.slice(position, unit.start);
    let end = unit.end;
    if (unit.empty === 'value') {
      // `due: ` with nothing after it would leave trailing whitespace; `due:` is the same YAML.
      literal = literal.replace(/:[ \t]+$/, ':');
    } else if (unit.empty === 'item') {
      // `[, b]` is a syntax error: the empty item goes together with one of its commas.
      const following = /^[ \t]*,[ \t]*/.exec(text.slice(end));
      if (following) {
        end += following[0].length;
      } else {
        literal = literal.replace(/,[ \t]*$/, '');
      }
    }
    pieces.push({ type: 'text', text: literal }, ...unit.pieces);
    position = end;
  }
  pieces.push({ type: 'text', text: text.slice(position) });

  const rendered = piecesToText(pieces);
  if (tomlFrontMatter !== undefined && problems.length === 0) {
    const after = findTomlFrontMatter(rendered);
    if (typeof after === 'object') {
      const check = readTomlTemplateFrontMatter(rendered.slice(after.start, after.end));
      if (!check.ok) {
        problems.push(...check.problems.map((problem) => `Rendered front matter: ${problem}`));
      }
    }
  } else if (frontMatter !== undefined && problems.length === 0) {
    const after = findFrontMatter(rendered);
    if (typeof after === 'object') {
      const check = parseDocument(mask(rendered.slice(after.start, after.end)), { uniqueKeys: false });
      problems.push(...check.errors.map((error) => `Rendered front matter: ${yamlErrorMessage(error, 1)}`));
    }
  }
  return { text: rendered, snippet: piecesToSnippet(pieces), unknownVariables: unknown, problems };
}

/**
 * Template text with markers → VS Code snippet text: tab and choice markers become `${1:…}` and
 * `${1|a,b|}`, `{{cursor}}` becomes `$0`, and every other `$`, `}` and `\` is escaped so that it
 * stays literal. Variable markers are left as text.
 */
export function toSnippetText(text: string): string {
  const pieces: Piece[] = [];
  let position = 0;
  for (const marker of findMarkers(text)) {
    pieces.push({ type: 'text', text: text.slice(position, marker.start) });
    pieces.push(marker.type === 'variable' ? { type: 'text', text: marker.raw } : markerPiece(marker, {}));
    position = marker.end;
  }
  pieces.push({ type: 'text', text: text.slice(position) });
  return piecesToSnippet(pieces);
}

/** Template text with markers → plain text: tab stops give their default text, choices their first option. */
export function stripTabStops(text: string): string {
  return text.replace(MARKER, (raw, tabIndex, tabText, choiceIndex, choiceOptions, cursor) => {
    if (tabIndex !== undefined) {
      return tabText ?? '';
    }
    if (choiceIndex !== undefined) {
      return splitOptions(choiceOptions)[0] ?? '';
    }
    return cursor !== undefined ? '' : raw;
  });
}

// ---------------------------------------------------------------------------------------------
// Making a template from a draft

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
  firstStatus: string | undefined = FIRST_STATUS[kind],
): { text?: string; problems: string[] } {
  // Added lines follow the draft's own line breaks, so a CRLF file does not end up mixed.
  const eol = /^\uFEFF?---[ \t]*\r\n/.test(text) ? '\r\n' : '\n';
  const block = `template:${eol}  kind: ${yamlScalar(kind)}${eol}  name: ${yamlScalar(name)}${eol}`;
  const span = findFrontMatter(text);
  if (span === 'unclosed') {
    return { problems: ['The draft’s front matter has no closing --- line.'] };
  }
  const toml = findTomlFrontMatter(text);
  if (toml === 'unclosed') {
    return { problems: ['The draft’s front matter has no closing +++ line.'] };
  }
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
    const header =
      `---\nkind: ${yamlScalar(kind)}\ntitle: '{{title}}'\n` +
      (firstStatus !== undefined ? `status: ${yamlScalar(firstStatus)}\n` : '') +
      `${block}---\n\n`;
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
  const newSpan = findFrontMatter(result);
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

function replacementFor(
  key: string,
  node: unknown,
  firstStatus: string | undefined,
  kind: string,
  yamlText: string,
  masked: string,
): string | undefined {
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

// ---------------------------------------------------------------------------------------------
// Front matter and YAML helpers

/** `+++` front matter, where Hugo and Zola templates keep TOML. */
function findTomlFrontMatter(text: string): FrontMatterSpan | 'unclosed' | undefined {
  const location = locateFrontMatter(text);
  if (location.type === 'unclosed') {
    return location.format === 'toml' ? 'unclosed' : undefined;
  }
  if (location.type !== 'closed' || location.block.format !== 'toml') {
    return undefined;
  }
  return { start: location.block.contentStart, end: location.block.contentEnd };
}

/** The `[template]` table's settings as text, with the same complaints as a YAML `template:` block. */
function tomlTemplateSettings(settings: Record<string, unknown>, problems: string[]): Record<string, string> {
  const block: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (!TEMPLATE_BLOCK_KEYS.includes(key)) {
      problems.push(`template.${key} is not a template setting; use ${TEMPLATE_BLOCK_KEYS.join(', ')}.`);
    } else if (typeof value === 'string' || typeof value === 'number') {
      block[key] = String(value);
    } else {
      problems.push(`template.${key} must be a single value.`);
    }
  }
  return block;
}

function findFrontMatter(text: string): FrontMatterSpan | 'unclosed' | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) {
    return undefined;
  }
  const start = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = start;
  const match = close.exec(text);
  if (!match) {
    return 'unclosed';
  }
  return { start, end: match.index };
}

/** Hides `{{…}}` from the YAML parser without moving anything, so offsets stay true. */
function mask(yamlText: string): string {
  return yamlText.replace(BRACED, (braced) => '_'.repeat(braced.length));
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

/** A scalar's value as the author wrote it, with markers (which the parser saw masked) restored. */
function originalScalarValue(node: Scalar, original: string, masked: string): string {
  if (!node.range) {
    return String(node.value);
  }
  const slice = original.slice(node.range[0], node.range[1]);
  if (slice === masked.slice(node.range[0], node.range[1])) {
    return String(node.value);
  }
  if (node.type === 'PLAIN') {
    return slice.trim();
  }
  const reparsed = parseDocument(slice);
  const value: unknown = reparsed.errors.length === 0 ? reparsed.toJS() : undefined;
  return typeof value === 'string' ? value : String(node.value);
}

function readTemplateBlock(
  pair: Pair<unknown, unknown>,
  original: string,
  masked: string,
  problems: string[],
): Record<string, string> {
  const block: Record<string, string> = {};
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    return block;
  }
  if (!isMap(pair.value)) {
    problems.push('template: must be a block of kind, name, description, folder and filename lines.');
    return block;
  }
  for (const item of pair.value.items) {
    const key = keyName(item);
    if (key === undefined || !TEMPLATE_BLOCK_KEYS.includes(key)) {
      problems.push(`template.${key ?? '?'} is not a template setting; use ${TEMPLATE_BLOCK_KEYS.join(', ')}.`);
      continue;
    }
    if (!isScalar(item.value) || item.value.value === null) {
      if (!isScalar(item.value)) {
        problems.push(`template.${key} must be a single value.`);
      }
      continue;
    }
    block[key] = originalScalarValue(item.value, original, masked);
  }
  return block;
}

/**
 * The bytes to cut for a top-level pair: whole lines from the key (and the comment lines directly
 * above it) to the end of its value, plus indented comment lines that still belong to it.
 */
function pairCutRange(text: string, span: FrontMatterSpan, pair: Pair<unknown, unknown>): [number, number] | undefined {
  const key = pair.key as { range?: [number, number, number] } | null;
  const value = pair.value as { range?: [number, number, number] } | null;
  if (!key?.range) {
    return undefined;
  }
  const keyStart = span.start + key.range[0];
  let start = text.lastIndexOf('\n', keyStart - 1) + 1;
  if (start < span.start || text.slice(start, keyStart).trim() !== '') {
    return undefined;
  }
  while (start > span.start) {
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    if (previousStart < span.start || !/^[ \t]*#/.test(text.slice(previousStart, start))) {
      break;
    }
    start = previousStart;
  }
  let end = span.start + (value?.range ? value.range[1] : key.range[2]);
  end = lineEndAfter(text, end, span.end);
  while (end < span.end) {
    const newline = text.indexOf('\n', end);
    const nextEnd = newline === -1 || newline >= span.end ? span.end : newline + 1;
    if (!/^[ \t]+#/.test(text.slice(end, nextEnd))) {
      break;
    }
    end = nextEnd;
  }
  return [start, end];
}

/** Offset just past the line break of the line containing `offset` (or `limit`). */
function lineEndAfter(text: string, offset: number, limit: number): number {
  if (offset > 0 && text[offset - 1] === '\n') {
    return offset;
  }
  const newline = text.indexOf('\n', offset);
  return newline === -1 || newline >= limit ? limit : newline + 1;
}

function collectScalars(doc: ReturnType<typeof parseDocument>, offset: number): ScalarSpan[] {
  const scalars: ScalarSpan[] = [];
  visit(doc, {
    Scalar(_key, node, path) {
      const parent = path[path.length - 1];
      if (node.range) {
        scalars.push({
          start: offset + node.range[0],
          end: offset + node.range[1],
          type: node.type,
          inFlow: path.some((ancestor) => isCollection(ancestor) && ancestor.flow === true),
          flowSequenceItem: isSeq(parent) && parent.flow === true,
        });
      }
    },
  });
  return scalars;
}

function yamlErrorMessage(error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }, lineOffset: number): string {
  const first = error.message.split('\n')[0] ?? error.message;
  const position = error.linePos?.[0];
  const withoutPosition = first.replace(/ at line \d+, column \d+:?$/, '');
  return position ? `Line ${position.line + lineOffset}: ${withoutPosition}` : withoutPosition;
}

// ---------------------------------------------------------------------------------------------
// Markers and YAML-safe values

function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(MARKER)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const raw = match[0];
    if (match[1] !== undefined) {
      markers.push({ type: 'tab', index: Number(match[1]), text: match[2] ?? '', start, end, raw });
    } else if (match[3] !== undefined) {
      markers.push({ type: 'choice', index: Number(match[3]), options: splitOptions(match[4] ?? ''), start, end, raw });
    } else if (match[5] !== undefined) {
      markers.push({ type: 'cursor', start, end, raw });
    } else {
      markers.push({ type: 'variable', name: match[6] ?? '', start, end, raw });
    }
  }
  return markers;
}

function splitOptions(options: string | undefined): string[] {
  return (options ?? '').split('|').map((option) => option.trim());
}

function markerPiece(marker: Marker, variables: Record<string, string>): Piece {
  switch (marker.type) {
    case 'variable': {
      // Own properties only: `{{constructor}}` must not reach Object.prototype.
      const value = Object.prototype.hasOwnProperty.call(variables, marker.name) ? variables[marker.name] : undefined;
      return { type: 'text', text: value ?? marker.raw };
    }
    case 'tab':
      return { type: 'tab', index: marker.index, text: marker.text };
    case 'choice':
      return { type: 'choice', index: marker.index, options: marker.options };
    case 'cursor':
      return { type: 'cursor' };
  }
}

function mapText(piece: Piece, transform: (text: string) => string): Piece {
  switch (piece.type) {
    case 'text':
    case 'tab':
      return { ...piece, text: transform(piece.text) };
    case 'choice':
      return { ...piece, options: piece.options.map(transform) };
    case 'cursor':
      return piece;
  }
}

function pieceText(piece: Piece): string {
  switch (piece.type) {
    case 'text':
    case 'tab':
      return piece.text;
    case 'choice':
      return piece.options[0] ?? '';
    case 'cursor':
      return '';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Renders the markers inside one front-matter scalar so that the scalar stays valid YAML. */
function renderScalar(text: string, scalar: ScalarSpan, markers: Marker[], value: (marker: Marker) => Piece): RenderUnit {
  const unit = { start: scalar.start, end: scalar.end, empty: false as const };
  const quote = scalar.type === 'QUOTE_SINGLE' ? "'" : scalar.type === 'QUOTE_DOUBLE' ? '"' : '';
  const only = markers.length === 1 ? markers[0] : undefined;
  const whole =
    only !== undefined &&
    only.type !== 'cursor' &&
    (scalar.type === 'PLAIN' || quote !== '') &&
    only.start === scalar.start + quote.length &&
    only.end === scalar.end - quote.length;

  if (whole && only !== undefined) {
    // A marker that is the whole value: the author's quotes only kept the template valid YAML,
    // so the quoting is chosen afresh for the actual value.
    let piece = value(only);
    if (only.type !== 'variable') {
      piece = mapText(piece, (source) => unquoteSource(source, quote));
    }
    if (piece.type === 'text' && piece.text === '' && only.type === 'variable') {
      return { ...unit, pieces: [], empty: scalar.flowSequenceItem ? 'item' : 'value' };
    }
    return { ...unit, pieces: yamlValuePieces([piece], scalar.inFlow) };
  }

  const parts: Piece[] = [];
  let position = scalar.start;
  for (const marker of markers) {
    parts.push({ type: 'text', text: text.slice(position, marker.start) });
    parts.push(value(marker));
    position = marker.end;
  }
  parts.push({ type: 'text', text: text.slice(position, scalar.end) });
  const isLiteral = (index: number): boolean => index % 2 === 0;

  switch (scalar.type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE': {
      // The quotes are the author's; values are escaped for them, tab defaults are already source.
      const escape = scalar.type === 'QUOTE_DOUBLE' ? escapeDoubleQuoted : escapeSingleQuoted;
      const pieces = parts.map((piece, index) => (isLiteral(index) || piece.type !== 'text' ? piece : mapText(piece, escape)));
      return { ...unit, pieces };
    }
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const pieces = parts.map((piece, index) => {
        if (isLiteral(index)) {
          return piece;
        }
        const marker = markers[(index - 1) / 2];
        const lineStart = text.lastIndexOf('\n', (marker?.start ?? 0) - 1) + 1;
        const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
        return mapText(piece, (source) =>
          source.replace(NOT_PRINTABLE, '').replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n').replace(/\n/g, `\n${indent}`),
        );
      });
      return { ...unit, pieces };
    }
    case 'PLAIN': {
      const folded = parts.map((piece, index) => (isLiteral(index) ? mapText(piece, oneLine) : piece));
      return { ...unit, pieces: yamlValuePieces(folded, scalar.inFlow) };
    }
    default:
      return { ...unit, pieces: parts.map((piece) => mapText(piece, printableLine)) };
  }
}

/** Pieces of one plain YAML value: left plain when that reads back as the same value, else quoted. */
function yamlValuePieces(pieces: Piece[], inFlow: boolean): Piece[] {
  const alternatives = pieces.some((piece) => piece.type === 'choice')
    ? Math.max(...pieces.map((piece) => (piece.type === 'choice' ? piece.options.length : 1)))
    : 1;
  let plain = true;
  for (let option = 0; option < alternatives && plain; option++) {
    const candidate = pieces
      .map((piece) => (piece.type === 'choice' ? (piece.options[option] ?? piece.options[0] ?? '') : pieceText(piece)))
      .join('');
    plain = isPlainSafe(candidate, inFlow);
  }
  if (plain) {
    return pieces;
  }
  const all = pieces.map(pieceText).join('');
  const useDouble = NEEDS_DOUBLE_QUOTES.test(all);
  const quote = useDouble ? '"' : "'";
  const escape = useDouble ? escapeDoubleQuoted : escapeSingleQuoted;
  return [{ type: 'text', text: quote }, ...pieces.map((piece) => mapText(piece, escape)), { type: 'text', text: quote }];
}

/** A marker standing for a whole TOML value: bare when it reads back as itself (a number, a day), else a string. */
function tomlValuePieces(pieces: Piece[]): Piece[] {
  const alternatives = Math.max(1, ...pieces.map((piece) => (piece.type === 'choice' ? piece.options.length : 1)));
  let bare = true;
  for (let option = 0; option < alternatives && bare; option++) {
    const candidate = pieces
      .map((piece) => (piece.type === 'choice' ? (piece.options[option] ?? piece.options[0] ?? '') : pieceText(piece)))
      .join('');
    bare = isTomlBareSafe(candidate);
  }
  if (bare) {
    return pieces;
  }
  return [{ type: 'text', text: '"' }, ...pieces.map((piece) => mapText(piece, escapeTomlBasic)), { type: 'text', text: '"' }];
}

/**
 * Renders the markers inside one TOML string. Values are escaped for a basic string; a literal
 * string, which has no escapes, keeps its quotes while every value fits in them and otherwise
 * becomes a basic string with the same text. Tab-stop defaults are the author's source text.
 */
function renderTomlString(text: string, string: TomlTextSpan, markers: Marker[], value: (marker: Marker) => Piece): RenderUnit {
  const parts: Piece[] = [];
  let position = string.start;
  for (const marker of markers) {
    parts.push({ type: 'text', text: text.slice(position, marker.start) });
    parts.push(value(marker));
    position = marker.end;
  }
  parts.push({ type: 'text', text: text.slice(position, string.end) });
  const unit = { start: string.start, end: string.end, empty: false as const };
  const isValue = (piece: Piece, index: number): boolean => index % 2 === 1 && piece.type === 'text';

  if (string.kind === 'basic' || string.kind === 'multiBasic') {
    return { ...unit, pieces: parts.map((piece, index) => (isValue(piece, index) ? mapText(piece, escapeTomlBasic) : piece)) };
  }
  const multiLine = string.kind === 'multiLiteral';
  if (parts.every((piece, index) => !isValue(piece, index) || fitsTomlLiteral(pieceText(piece), multiLine))) {
    return { ...unit, pieces: parts };
  }
  // Rewritten as a basic string: the literal text without its quotes (and without the line
  // break TOML drops after opening triple quotes), everything escaped.
  const quote = multiLine ? 3 : 1;
  const inner = parts.map((piece, index): Piece => {
    if (piece.type !== 'text') {
      return piece;
    }
    let source = piece.text;
    if (index === parts.length - 1) {
      source = source.slice(0, source.length - quote);
    }
    if (index === 0) {
      source = source.slice(quote);
      if (multiLine) {
        source = source.replace(/^\r?\n/, '');
      }
    }
    return { ...piece, text: source };
  });
  return { ...unit, pieces: [{ type: 'text', text: '"' }, ...inner.map((piece) => mapText(piece, escapeTomlBasic)), { type: 'text', text: '"' }] };
}

/**
 * Whether `value` can stand unquoted in YAML and read back as itself: as the same string, or as
 * a number written the canonical way (so `duration: 30` stays a number but `007` is quoted).
 */
function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim()) {
    return false;
  }
  if (NEEDS_DOUBLE_QUOTES.test(value) || value.includes('\ufeff') || /^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) {
    return false;
  }
  if (/: |:$| #|\{\{/.test(value) || (inFlow && /[,[\]{}:]/.test(value))) {
    return false;
  }
  const doc = parseDocument(inFlow ? `[${value}]` : `k: ${value}`);
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    return false;
  }
  const parsed: unknown = doc.toJS();
  const read = inFlow
    ? (parsed as unknown[] | undefined)?.[0]
    : (parsed as Record<string, unknown> | undefined)?.k;
  if (typeof read === 'string') {
    return read === value;
  }
  return typeof read === 'number' && Number.isFinite(read) && String(read) === value;
}

// YAML allows only printable characters outside double-quoted escapes (YAML 1.2, c-printable).
const NOT_PRINTABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NEEDS_DOUBLE_QUOTES = new RegExp(`${NOT_PRINTABLE.source}|[\\t\\r\\n\\u0085\\u2028\\u2029]`);

function escapeDoubleQuoted(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(NOT_PRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** For contexts that cannot escape (single quotes, comments): one line, printable characters only. */
function escapeSingleQuoted(text: string): string {
  return printableLine(text).replace(/'/g, "''");
}

function printableLine(text: string): string {
  return oneLine(text).replace(NOT_PRINTABLE, '');
}

/** Undoes the author's quoting of a tab default that was written inside quotes. */
function unquoteSource(source: string, quote: string): string {
  if (quote === "'") {
    return source.replace(/''/g, "'");
  }
  if (quote === '"') {
    const doc = parseDocument(`"${source}"`);
    const value: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
    return typeof value === 'string' ? value : source;
  }
  return source;
}

/** A YAML scalar for a value we write ourselves (names, kinds, statuses). */
function yamlScalar(value: string): string {
  return yamlValuePieces([{ type: 'text', text: value }], false).map(pieceText).join('') || "''";
}

function piecesToText(pieces: Piece[]): string {
  return pieces.map(pieceText).join('');
}

function piecesToSnippet(pieces: Piece[]): string {
  return pieces
    .map((piece) => {
      switch (piece.type) {
        case 'text':
          return escapeSnippet(piece.text);
        case 'tab':
          return piece.text === '' ? `\${${piece.index}}` : `\${${piece.index}:${escapeSnippet(piece.text)}}`;
        case 'choice':
          return `\${${piece.index}|${piece.options.map((option) => option.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
        case 'cursor':
          return '$0';
      }
    })
    .join('');
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function kindFromSource(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(md|markdown|mdx)$/i, '').toLowerCase();
}

function defaultName(kind: string): string {
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
