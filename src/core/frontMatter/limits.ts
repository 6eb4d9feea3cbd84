import * as l10n from '@vscode/l10n';
// Front matter is read on the extension host's thread for every draft, and its edits re-parse it.
// The `yaml` document parser is several times slower than the text it reads (its duplicate-key
// check is quadratic, it builds an error with a stack per syntax error, it nests as deep as the
// brackets go), so a committed file can make it run for a minute. These caps are checked first,
// by a single scan, and front matter beyond them is neither parsed nor edited.

import { Buffer } from 'node:buffer';

export interface FrontMatterLimits {
  /** UTF-8 bytes between the fences. */
  bytes: number;
  /** Keys at every level: `a: {b: 1}` has two. */
  keys: number;
  /** Collections inside collections: `a: [[1]]` is three deep. */
  depth: number;
  /** `*name` references to anchors. */
  aliases: number;
}

/**
 * Far above any front matter written by hand (a long abstract and a few hundred impact entries
 * fit), and low enough that reading and editing stay well under a second.
 */
export const FRONT_MATTER_LIMITS: Readonly<FrontMatterLimits> = Object.freeze({
  bytes: 64 * 1024,
  keys: 1000,
  depth: 32,
  aliases: 100,
});

export interface YamlShape {
  keys: number;
  depth: number;
  aliases: number;
}

/**
 * Why front matter is over a cap, as a sentence: "Front matter too large to edit safely: 30,000
 * keys, the limit is 1,000." Undefined when it is within every cap. TOML is checked for bytes
 * only; its parser is given the depth cap, and it has no aliases.
 */
export function frontMatterOverLimit(content: string, format: 'yaml' | 'toml', limits: Readonly<FrontMatterLimits> = FRONT_MATTER_LIMITS): string | undefined {
  return checkFrontMatter(content, format, limits).over;
}

/** `frontMatterOverLimit`, with the aliases counted on the way, for readers that treat them apart. */
export function checkFrontMatter(content: string, format: 'yaml' | 'toml', limits: Readonly<FrontMatterLimits> = FRONT_MATTER_LIMITS): { over?: string; aliases: number } {
  let aliases = 0;
  if (format === 'yaml') {
    // One linear pass, so the count that is over is named even in front matter far over the
    // byte cap: "30,000 keys" says what is wrong better than "240 KB".
    const shape = measureYaml(content);
    aliases = shape.aliases;
    if (shape.keys > limits.keys) return { over: tooLarge(`${formatCount(shape.keys)} keys`, formatCount(limits.keys)), aliases };
    if (shape.depth > limits.depth) return { over: tooLarge(`nested ${formatCount(shape.depth)} levels deep`, formatCount(limits.depth)), aliases };
    if (shape.aliases > limits.aliases) return { over: tooLarge(`${formatCount(shape.aliases)} aliases`, formatCount(limits.aliases)), aliases };
  }
  // A UTF-16 code unit is at most three UTF-8 bytes, so only close calls are measured exactly.
  const bytes = content.length * 3 <= limits.bytes ? content.length : Buffer.byteLength(content, 'utf8');
  if (bytes > limits.bytes) return { over: tooLarge(formatKB(bytes), formatKB(limits.bytes)), aliases };
  return { aliases };
}

function tooLarge(measure: string, limit: string): string {
  return l10n.t('Front matter too large to edit safely: {0}, the limit is {1}.', measure, limit);
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function formatKB(bytes: number): string {
  return `${formatCount(Math.ceil(bytes / 1024))} KB`;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

function isBlank(ch: number): boolean {
  return ch === SPACE || ch === TAB || ch === CR;
}

function isFlowIndicator(ch: number): boolean {
  return ch === 0x2c || ch === 0x5b || ch === 0x5d || ch === 0x7b || ch === 0x7d;
}

/**
 * Counts keys, nesting and aliases of YAML in one pass, without parsing it. It errs towards
 * counting more than a parser would find (continuation lines count as a level, `? key` twice),
 * never fewer: quoted text and block scalars are skipped as a parser skips them, so a `key:`
 * inside an abstract is not a key, and everything else that looks like one is counted.
 */
export function measureYaml(content: string): YamlShape {
  const n = content.length;
  let keys = 0;
  let aliases = 0;
  let maxDepth = 0;
  let flow = 0;
  /** Indentation of the open block collections. */
  const indents: number[] = [];
  /** Whether each of those is a list written with `- ` at the start of its lines. */
  const sequences: boolean[] = [];
  /** The quote character of a quoted scalar still open at the end of a line, else 0. */
  let quote = 0;
  const open = (column: number, sequence: boolean): void => {
    indents.push(column);
    sequences.push(sequence);
    if (indents.length + flow > maxDepth) maxDepth = indents.length + flow;
  };
  /** Inside a block scalar: the column of its key or dash; its text is every line indented more. */
  let blockScalarParent = -1;

  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = content.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    let i = lineStart;
    while (i < lineEnd && (content.charCodeAt(i) === SPACE || content.charCodeAt(i) === TAB)) i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || (content.charCodeAt(i) === CR && i + 1 >= lineEnd);
    if (blockScalarParent >= 0) {
      if (blank || indent > blockScalarParent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarParent = -1;
    }
    if (quote === 0 && flow === 0 && !blank && content.charCodeAt(i) !== 0x23) {
      const dash = content.charCodeAt(i) === 0x2d && (i + 1 >= lineEnd || isBlank(content.charCodeAt(i + 1)));
      while (indents.length > 0 && indents[indents.length - 1] > indent) {
        indents.pop();
        sequences.pop();
      }
      // A list may sit at its key's own indentation (`tags:` then `- a`): it is still inside it.
      if (indents.length > 0 && indents[indents.length - 1] === indent && !(dash && !sequences[sequences.length - 1])) {
        indents.pop();
        sequences.pop();
      }
      open(indent, dash);
    }
    let valueStart = quote === 0;
    /** Column of the key or dash a block scalar on this line would belong to. */
    let nodeColumn = indent;
    let tokenColumn = indent;

    while (i < lineEnd) {
      if (quote !== 0) {
        // Double quotes escape with a backslash, single quotes by doubling.
        while (i < lineEnd) {
          const c = content.charCodeAt(i);
          if (quote === 0x22 && c === 0x5c) {
            i += 2;
            continue;
          }
          if (c === quote) {
            if (quote === 0x27 && content.charCodeAt(i + 1) === 0x27) {
              i += 2;
              continue;
            }
            quote = 0;
            i++;
            break;
          }
          i++;
        }
        if (quote !== 0) break;
        valueStart = false;
        // A quoted key: `"a b": 1`, or `"a":1` inside a flow collection.
        let j = i;
        while (j < lineEnd && (content.charCodeAt(j) === SPACE || content.charCodeAt(j) === TAB)) j++;
        if (content.charCodeAt(j) === 0x3a && (flow > 0 || j + 1 >= lineEnd || isBlank(content.charCodeAt(j + 1)))) {
          keys++;
          valueStart = true;
          i = j + 1;
          if (flow === 0) {
            nodeColumn = tokenColumn;
            if (tokenColumn > indent && indents[indents.length - 1] !== tokenColumn) open(tokenColumn, false);
          }
        }
        continue;
      }
      const ch = content.charCodeAt(i);
      if (isBlank(ch)) {
        i++;
        continue;
      }
      if (ch === 0x23 && (i === lineStart || isBlank(content.charCodeAt(i - 1)))) break;
      if (valueStart && (ch === 0x22 || ch === 0x27)) {
        tokenColumn = i - lineStart;
        quote = ch;
        i++;
        continue;
      }
      if (valueStart && (ch === 0x2a || ch === 0x26 || ch === 0x21)) {
        if (ch === 0x2a) aliases++;
        i++;
        while (i < lineEnd && !isBlank(content.charCodeAt(i)) && !isFlowIndicator(content.charCodeAt(i))) i++;
        // An anchor or a tag comes before the node it names; an alias is the node.
        valueStart = ch !== 0x2a;
        continue;
      }
      const next = i + 1 < lineEnd ? content.charCodeAt(i + 1) : LF;
      if (flow === 0 && valueStart && (ch === 0x2d || ch === 0x3f) && (next === LF || isBlank(next))) {
        if (ch === 0x3f) keys++;
        nodeColumn = i - lineStart;
        // `- - a` nests a list in a list; the first dash is the line's own level.
        if (nodeColumn > indent) open(nodeColumn, true);
        i++;
        continue;
      }
      if (flow === 0 && valueStart && (ch === 0x7c || ch === 0x3e)) {
        blockScalarParent = nodeColumn;
        break;
      }
      if ((ch === 0x5b || ch === 0x7b) && (valueStart || flow > 0)) {
        flow++;
        if (indents.length + flow > maxDepth) maxDepth = indents.length + flow;
        valueStart = true;
        i++;
        continue;
      }
      if (flow > 0 && (ch === 0x5d || ch === 0x7d)) {
        flow--;
        valueStart = false;
        i++;
        continue;
      }
      if (flow > 0 && ch === 0x2c) {
        valueStart = true;
        i++;
        continue;
      }
      if (ch === 0x3a && isKeySeparator(content, i + 1, lineEnd, flow)) {
        keys++;
        i++;
        valueStart = true;
        if (flow > 0) continue;
        nodeColumn = tokenColumn;
        // A key after a dash on the same line opens a map inside the list item.
        if (tokenColumn > indent && indents[indents.length - 1] !== tokenColumn) open(tokenColumn, false);
        continue;
      }
      // Plain text, up to the next thing that could end it.
      tokenColumn = i - lineStart;
      valueStart = false;
      i++;
      while (i < lineEnd) {
        const c = content.charCodeAt(i);
        if (c === 0x3a && isKeySeparator(content, i + 1, lineEnd, flow)) break;
        if (c === 0x23 && isBlank(content.charCodeAt(i - 1))) break;
        if (flow > 0 && isFlowIndicator(c)) break;
        i++;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { keys, depth: maxDepth, aliases };
}

/** Whether a `:` followed by the character at `at` separates a key from its value. */
function isKeySeparator(content: string, at: number, lineEnd: number, flow: number): boolean {
  if (at >= lineEnd) return true;
  const ch = content.charCodeAt(at);
  return isBlank(ch) || (flow > 0 && isFlowIndicator(ch));
}
