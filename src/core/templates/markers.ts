// The marker syntax of templates, and the pieces a rendered template is made of.
//
// Templates are Markdown with YAML (or TOML, `+++`) front matter and these markers:
//   {{title}}, {{ title }}     a variable; unknown ones stay in the output as written, and are reported
//   {{tab:1:default text}}     a snippet tab stop with its default text (`{{tab:1}}` has none)
//   {{choice:2:a|b|c}}         a snippet choice; plain text gets the first option
//   {{cursor}}                 where the cursor ends up after the last tab stop
// Tab stops get their own syntax instead of VS Code's `${1:…}` so that a template can hold
// literal `$`, `${…}` and `}` (shell prompts, template literals, Liquid) without escaping them:
// every character outside a marker is literal text, and becomes snippet text only here.
// Templates are data: nothing in them is ever evaluated.

import { getOwn } from '../util/objects';
import { escapeSnippetText } from './snippet';

const MARKER = /\{\{\s*(?:tab:(\d{1,3})(?::([^\n]*?))?|choice:(\d{1,3}):([^\n]*?)|(cursor)|([A-Za-z_][A-Za-z0-9_]*))\s*\}\}/g;

// Anything brace-brace on one line, markers or not (Liquid, Hugo shortcodes), is hidden from the
// YAML parser, which would otherwise read `{{` as a flow mapping.
export const BRACED = /\{\{[^\n]*?\}\}/g;

export type Marker =
  | { type: 'variable'; name: string; start: number; end: number; raw: string }
  | { type: 'tab'; index: number; text: string; start: number; end: number; raw: string }
  | { type: 'choice'; index: number; options: string[]; start: number; end: number; raw: string }
  | { type: 'cursor'; start: number; end: number; raw: string };

export type Piece = { type: 'text'; text: string } | { type: 'tab'; index: number; text: string } | { type: 'choice'; index: number; options: string[] } | { type: 'cursor' };

export function findMarkers(text: string): Marker[] {
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

export function markerPiece(marker: Marker, variables: Record<string, string>): Piece {
  switch (marker.type) {
    case 'variable': {
      // Own properties only: `{{constructor}}` must not reach Object.prototype.
      const value = getOwn(variables, marker.name);
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

export function mapText(piece: Piece, transform: (text: string) => string): Piece {
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

export function pieceText(piece: Piece): string {
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

export function piecesToText(pieces: Piece[]): string {
  return pieces.map(pieceText).join('');
}

export function piecesToSnippet(pieces: Piece[]): string {
  return pieces
    .map((piece) => {
      switch (piece.type) {
        case 'text':
          return escapeSnippetText(piece.text);
        case 'tab':
          return piece.text === '' ? `\${${piece.index}}` : `\${${piece.index}:${escapeSnippetText(piece.text)}}`;
        case 'choice':
          return `\${${piece.index}|${piece.options.map((option) => option.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
        case 'cursor':
          return '$0';
      }
    })
    .join('');
}

/** Hides `{{…}}` from the YAML parser without moving anything, so offsets stay true. */
export function mask(yamlText: string): string {
  return yamlText.replace(BRACED, (braced) => '_'.repeat(braced.length));
}
