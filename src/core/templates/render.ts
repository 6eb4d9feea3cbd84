// Filling in a template: plain text for the new file and, beside it, the same content as a snippet
// with the template's tab stops. Values in the front matter are written so the YAML or TOML stays valid.

import { isCollection, isSeq, parseDocument, visit } from 'yaml';
import type { Scalar } from 'yaml';
import { escapeDoubleQuoted, escapeSingleQuoted, isPlainSafe, NEEDS_DOUBLE_QUOTES, NOT_PRINTABLE, oneLine, printableLine } from '../frontMatter/yamlScalar';
import { hasOwn } from '../util/objects';
import { findMarkers, mapText, markerPiece, mask, pieceText, piecesToSnippet, piecesToText, type Marker, type Piece } from './markers';
import type { Template } from './parseTemplate';
import { findFrontMatter, yamlErrorMessage } from './templateSource';
import { escapeTomlBasic, fitsTomlLiteral, isTomlBareSafe, maskTomlTemplate, readTomlTemplateFrontMatter, tomlMarkerContext } from './tomlTemplate';
import type { TomlTextSpan } from '../frontMatter/tomlScan';

export interface RenderedTemplate {
  /** The new file's content. */
  text: string;
  /** The same content as VS Code snippet syntax, with the template's tab stops. */
  snippet: string;
  /** Variables the template uses that were not given, in order of first use; left visible in `text`. */
  unknownVariables: string[];
  problems: string[];
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
  const span = findFrontMatter(text, 'yaml');
  const toml = findFrontMatter(text, 'toml');
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
    if (marker.type === 'variable' && !hasOwn(variables, marker.name) && !unknown.includes(marker.name)) {
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
    const after = findFrontMatter(rendered, 'toml');
    if (typeof after === 'object') {
      const check = readTomlTemplateFrontMatter(rendered.slice(after.start, after.end));
      if (!check.ok) {
        problems.push(...check.problems.map((problem) => `Rendered front matter: ${problem}`));
      }
    }
  } else if (frontMatter !== undefined && problems.length === 0) {
    const after = findFrontMatter(rendered, 'yaml');
    if (typeof after === 'object') {
      const check = parseDocument(mask(rendered.slice(after.start, after.end)), { uniqueKeys: false });
      problems.push(...check.errors.map((error) => `Rendered front matter: ${yamlErrorMessage(error, 1)}`));
    }
  }
  return { text: rendered, snippet: piecesToSnippet(pieces), unknownVariables: unknown, problems };
}

// ---------------------------------------------------------------------------------------------
// Making a template from a draft

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

  const parts = splitAtMarkers(text, scalar, markers, value);
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
          source
            .replace(NOT_PRINTABLE, '')
            .replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n')
            .replace(/\n/g, `\n${indent}`),
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
  const alternatives = pieces.some((piece) => piece.type === 'choice') ? Math.max(...pieces.map((piece) => (piece.type === 'choice' ? piece.options.length : 1))) : 1;
  let plain = true;
  for (let option = 0; option < alternatives && plain; option++) {
    const candidate = pieces.map((piece) => (piece.type === 'choice' ? (piece.options[option] ?? piece.options[0] ?? '') : pieceText(piece))).join('');
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

/** A marker standing for a whole TOML value: bare when it reads back as itself (a number, a day), else a string. */
function tomlValuePieces(pieces: Piece[]): Piece[] {
  const alternatives = Math.max(1, ...pieces.map((piece) => (piece.type === 'choice' ? piece.options.length : 1)));
  let bare = true;
  for (let option = 0; option < alternatives && bare; option++) {
    const candidate = pieces.map((piece) => (piece.type === 'choice' ? (piece.options[option] ?? piece.options[0] ?? '') : pieceText(piece))).join('');
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
  const parts = splitAtMarkers(text, string, markers, value);
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

/** The text from `span.start` to `span.end` as literal pieces (even indexes) around each marker's value (odd indexes). */
function splitAtMarkers(text: string, span: { start: number; end: number }, markers: readonly Marker[], value: (marker: Marker) => Piece): Piece[] {
  const parts: Piece[] = [];
  let position = span.start;
  for (const marker of markers) {
    parts.push({ type: 'text', text: text.slice(position, marker.start) });
    parts.push(value(marker));
    position = marker.end;
  }
  parts.push({ type: 'text', text: text.slice(position, span.end) });
  return parts;
}
