// Counts words, headings, task-list progress and planned talk timing in a draft's Markdown body.
// Runs for every draft in the workspace, so it parses tokens once with only the rules it needs
// and walks them in a single pass; it never renders HTML.

import MarkdownIt from 'markdown-it';
import type { DraftAnalysis, Heading, TalkSection } from '../types';

type StateCore = MarkdownIt.StateCore;
type StateInline = MarkdownIt.StateInline;
type Token = MarkdownIt.Token;

export interface AnalysisOptions {
  /** Reading speed used for `readingMinutes`. Values that are not a positive number fall back to 238. */
  wordsPerMinute: number;
  /** Zero-based line in the whole file where `body` starts, so headings and sections refer to the file. */
  bodyStartLine: number;
  /**
   * Parse every paragraph's inline syntax with markdown-it instead of scanning its text. Slower,
   * and the same counts: the reference the property tests hold the scanner to.
   */
  fullInlineParse?: boolean;
}

const FALLBACK_WORDS_PER_MINUTE = 238;

const CR_LINE_ENDINGS = /\r\n?/g;
const NULLS = /\0/g;

function createParser(): MarkdownIt {
  // `html: true` is required, not cosmetic: with it off, markdown-it treats HTML (comments
  // included) as text and we would count the words inside tags and comments.
  const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Typographic rewrites and linkify only change how text is shown; bare URLs are skipped by the
  // word scanner itself, which is much cheaper than linkify-it. Without a table rule a table is
  // a paragraph of pipe-separated cells: the same words, without splitting every row.
  parser.disable(['linkify', 'replacements', 'smartquotes', 'text_join', 'table']);
  // Nothing is rendered or followed, so URL validation and percent-encoding are wasted work.
  parser.validateLink = (): boolean => true;
  parser.normalizeLink = (url: string): string => url;
  parser.normalizeLinkText = (url: string): string => url;
  // The stock rule rewrites every line ending with a regex; most files have nothing to rewrite.
  // A byte-order mark would keep a first-line heading from being one; it is not on any line of
  // its own, so dropping it moves nothing.
  parser.core.ruler.at('normalize', (state): void => {
    let src = state.src;
    if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
    if (src.indexOf('\r') !== -1) src = src.replace(CR_LINE_ENDINGS, '\n');
    if (src.indexOf('\0') !== -1) src = src.replace(NULLS, '\uFFFD');
    state.src = src;
  });
  return parser;
}

/** Parses headings, whose text must lose its markup, so it keeps emphasis and strikethrough. */
const headingParser = createParser();

/**
 * Parses everything else. Emphasis, strikethrough and line-break markers are invisible or
 * whitespace to the word scanner, so their rules are off.
 */
const md = createParser();
md.inline.ruler.disable(['emphasis', 'strikethrough', 'newline']);
md.inline.ruler2.disable(['balance_pairs', 'emphasis', 'strikethrough', 'fragments_join']);
md.inline.ruler.at('text', skipPlainText);
md.core.ruler.at('inline', parseHeadingInlines);

/** The first characters of the inline rules `md` still runs, plus `]`, which ends link labels. */
const INLINE_RULE_STARTS = new Uint8Array(128);
for (const ch of '\\`[]!<&') INLINE_RULE_STARTS[ch.charCodeAt(0)] = 1;

// The stock text rule stops at every character any built-in rule might start with (`-`, `:`,
// `*`, `_`…), and each stop tries every rule and then appends one character to the pending text.
// Stopping only where an enabled rule can match makes parsing a paragraph noticeably cheaper.
function skipPlainText(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const max = state.posMax;
  let pos = state.pos;
  while (pos < max) {
    const ch = src.charCodeAt(pos);
    if (ch < 0x80 && INLINE_RULE_STARTS[ch] === 1) break;
    pos++;
  }
  if (pos === state.pos) return false;
  if (!silent) state.pending += src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

/**
 * Characters without which inline parsing cannot change the word count of `content` compared
 * with scanning it as plain text: links and images (`[`: targets and alt text), autolinks and
 * inline HTML (`<`), entities (`&`), code spans (`` ` ``: the padding spaces markdown-it strips
 * can join a word to the text beside it) and escapes (`\`: `a\.b` is one word, like `a.b`).
 * Emphasis only adds punctuation, which the word scanner ignores anyway.
 */
const COUNT_CHANGING_SYNTAX = /[[<&`\\]/g;

// Inline parsing is most of markdown-it's cost. This replaces the core `inline` rule so only
// headings, whose plain text we need, are parsed here; paragraphs keep empty `children` and the
// walker counts them from `content`, parsing them only when `countInlineSyntax` is unsure.
function parseHeadingInlines(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'inline' || tokens[i - 1].type !== 'heading_open') continue;
    headingParser.inline.parse(token.content, headingParser, state.env, token.children ?? (token.children = []));
  }
}

/** Whether scanning `content` as plain text could count differently from its inline tokens. */
function needsInlineSyntax(content: string): boolean {
  // A task marker is `[` but never a link; looking past it keeps plain task items plain.
  COUNT_CHANGING_SYNTAX.lastIndex = taskState(content) === NOT_A_TASK ? 0 : TASK_MARKER_LENGTH;
  return COUNT_CHANGING_SYNTAX.test(content);
}

/** Word-scanner modes. The mode survives across the inline tokens of one paragraph. */
const BETWEEN = 0;
const IN_WORD = 1;
const IN_URL = 2;

interface WordCounter {
  words: number;
  mode: number;
}

// ASCII character classes, looked up instead of branching on ranges in the hot loop. Class 0,
// the default, is whitespace and punctuation that ends a word.
const ALNUM = 1;
/** Keeps a word together when a letter or digit follows: don't, real-time, snake_case, Node.js. */
const JOINER = 2;
/** Keeps a number together between two digits: 10,000. */
const DIGIT_JOINER = 3;
/**
 * Emphasis, strikethrough and code-span markers. Body text is scanned with them still in it (see
 * the parser set-up), and they vanish when rendered, so `**bold**text` reads as one word.
 */
const INVISIBLE = 4;
const ASCII_CLASS = new Uint8Array(128);
for (let ch = 0x30; ch <= 0x39; ch++) ASCII_CLASS[ch] = ALNUM;
for (let ch = 0x41; ch <= 0x5a; ch++) ASCII_CLASS[ch] = ALNUM;
for (let ch = 0x61; ch <= 0x7a; ch++) ASCII_CLASS[ch] = ALNUM;
for (const ch of [0x27, 0x2d, 0x2e, 0x5f]) ASCII_CLASS[ch] = JOINER;
ASCII_CLASS[0x2c] = DIGIT_JOINER;
ASCII_CLASS[0x2a] = INVISIBLE;
ASCII_CLASS[0x7e] = INVISIBLE;
ASCII_CLASS[0x60] = INVISIBLE;

// Sticky and module-level so classifying a non-ASCII character allocates nothing.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
const COMBINING_MARK = /\p{M}/uy;

function isAsciiDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isUnicodeSpace(ch: number): boolean {
  return ch === 0xa0 || ch === 0x3000 || (ch >= 0x2000 && ch <= 0x200b) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f;
}

// Han and kana are written without spaces, so each character stands for a word. This is a cheap
// approximation of real segmentation, good enough for a reading-time estimate.
function isCjkCodePoint(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff);
}

function isLetterOrDigitAt(s: string, i: number): boolean {
  const ch = s.charCodeAt(i);
  if (ch < 0x80) return ASCII_CLASS[ch] === ALNUM;
  if (isCjkCodePoint(ch)) return false;
  LETTER_OR_DIGIT.lastIndex = i;
  return LETTER_OR_DIGIT.test(s);
}

function isUnicodeJoiner(ch: number): boolean {
  return ch === 0x2019 || ch === 0x2010 || ch === 0x2011;
}

/**
 * Whether the ASCII punctuation at `i`, of class `cls`, sits inside a word rather than ending it.
 * Neighbours outside `from`..`end` are not looked at: they belong to another token.
 */
function joinsWord(s: string, i: number, cls: number, from: number, end: number): boolean {
  if (cls === JOINER) return i + 1 < end && isLetterOrDigitAt(s, i + 1);
  return cls === DIGIT_JOINER && i > from && i + 1 < end && isAsciiDigit(s.charCodeAt(i - 1)) && isAsciiDigit(s.charCodeAt(i + 1));
}

function matchesAsciiLower(s: string, i: number, end: number, lower: string): boolean {
  if (i + lower.length > end) return false;
  for (let k = 0; k < lower.length; k++) {
    if ((s.charCodeAt(i + k) | 0x20) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

function startsBareUrl(s: string, i: number, end: number): boolean {
  const ch = s.charCodeAt(i) | 0x20;
  if (ch === 0x68) {
    return matchesAsciiLower(s, i, end, 'http://') || matchesAsciiLower(s, i, end, 'https://');
  }
  return ch === 0x77 && matchesAsciiLower(s, i, end, 'www.');
}

/**
 * Adds the words of `s`, from `start` to `end`, to the counter. `s.slice(from, end)` is the text
 * of one token, so that the scanner can count a token inside its paragraph's content without
 * copying it out.
 *
 * A word is a run of letters and digits (any script), where a single apostrophe, hyphen,
 * underscore or period between two letters/digits does not break it, nor does a comma between
 * two digits ("don't", "real-time", "Node.js", "10,000" are one word each). Combining marks
 * continue a word. Each Han or kana character is a word. Punctuation, symbols and emoji are not
 * words. A bare `http://`, `https://` or `www.` URL is skipped up to the next whitespace.
 */
function scanWords(counter: WordCounter, s: string, start: number, from = 0, end = s.length): void {
  let mode = counter.mode;
  let words = counter.words;
  const n = end;
  let i = start;
  while (i < n) {
    if (mode === IN_URL) {
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c <= 0x20 || (c >= 0x80 && isUnicodeSpace(c))) break;
        i++;
      }
      if (i === n) break;
      mode = BETWEEN;
    }
    const ch = s.charCodeAt(i);
    if (ch < 0x80) {
      const cls = ASCII_CLASS[ch];
      if (cls === ALNUM) {
        if (mode === BETWEEN) {
          if (startsBareUrl(s, i, n)) {
            mode = IN_URL;
            continue;
          }
          words++;
          mode = IN_WORD;
        }
        // Most of the text is runs of ASCII letters; consume them without the general dispatch.
        i++;
        while (i < n) {
          const c = s.charCodeAt(i);
          if (c >= 0x80 || ASCII_CLASS[c] !== ALNUM) break;
          i++;
        }
        continue;
      }
      if (cls !== INVISIBLE && !(mode === IN_WORD && joinsWord(s, i, cls, from, n))) mode = BETWEEN;
      i++;
      continue;
    }

    const cp = ch >= 0xd800 && ch <= 0xdbff && i + 1 < n ? (s.codePointAt(i) ?? ch) : ch;
    if (isCjkCodePoint(cp)) {
      words++;
      mode = BETWEEN;
    } else if (isUnicodeSpace(ch)) {
      mode = BETWEEN;
    } else if (mode === IN_WORD && isUnicodeJoiner(ch) && i + 1 < n && isLetterOrDigitAt(s, i + 1)) {
      // an apostrophe or hyphen inside a word
    } else {
      LETTER_OR_DIGIT.lastIndex = i;
      if (LETTER_OR_DIGIT.test(s)) {
        if (mode === BETWEEN) words++;
        mode = IN_WORD;
      } else if (mode === IN_WORD) {
        COMBINING_MARK.lastIndex = i;
        if (!COMBINING_MARK.test(s)) mode = BETWEEN;
      }
    }
    i += cp > 0xffff ? 2 : 1;
  }
  counter.mode = mode;
  counter.words = words;
}

// The scanner below mirrors, for the syntax it accepts, what markdown-it 14's inline rules (as
// configured for `md`) would produce: the same text, code and escape pieces, split at the same
// places, so `scanWords` sees exactly what the token walker would. Everything it is unsure about
// makes it give up, and the caller parses the content for real.

/** ASCII punctuation a backslash escapes (markdown-it's `escape` rule). */
const ESCAPABLE = new Uint8Array(128);
for (const ch of '\\!"#$%&\'()*+,./:;<=>?@[]^_`{|}~-') ESCAPABLE[ch.charCodeAt(0)] = 1;

// Copies of markdown-it's own patterns, so autolinks, tags and entities are recognised exactly
// as its `autolink`, `html_inline` and `entity` rules recognise them.
const AUTOLINK_RE = /^([a-zA-Z][a-zA-Z0-9+.-]{1,31}):([^<>\x00-\x20]*)$/;
const EMAIL_RE = /^([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)$/;
const HTML_ATTRIBUTE = String.raw`(?:\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\s*=\s*(?:[^"'=<>\x60\x00-\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_OPEN_CLOSE_TAG_RE = new RegExp(String.raw`(?:<[A-Za-z][A-Za-z0-9\-]*${HTML_ATTRIBUTE}*\s*\/?>|<\/[A-Za-z][A-Za-z0-9\-]*\s*>)`, 'y');
const DIGITAL_ENTITY_RE = /&#(?:x[a-f0-9]{1,6}|[0-9]{1,7});/iy;
const NAMED_ENTITY_RE = /&[a-z][a-z0-9]{1,31};/iy;
const CODE_SPAN_PADDING = /^ (.+) $/;
const NEWLINES = /\n/g;

/** Returned by the link helpers: no inline link here, but a reference link might be. */
const MAYBE_REFERENCE = -1;
/** Returned by the link helpers: not a link of any kind, the bracket is text. */
const NOT_A_LINK = -2;
/** Returned by the label scanner: the label holds syntax it does not model. */
const UNSURE = -3;

function isLinkSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a;
}

function skipLinkSpaces(s: string, pos: number): number {
  while (pos < s.length && isLinkSpace(s.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * The position of the `]` closing the label opened just before `start`, `NOT_A_LINK` when there
 * is none, or `UNSURE` when the label holds anything but text (nested brackets, code, escapes,
 * HTML, entities), which markdown-it would skip over or split into tokens of their own.
 */
function linkLabelEnd(s: string, start: number): number {
  for (let pos = start; pos < s.length; pos++) {
    const ch = s.charCodeAt(pos);
    if (ch === 0x5d) return pos;
    if (ch === 0x5b || ch === 0x60 || ch === 0x5c || ch === 0x3c || ch === 0x26) return UNSURE;
    // `![` is the only other rule start, and `[` has already made it unsure.
  }
  return NOT_A_LINK;
}

/** markdown-it's `parseLinkDestination`: the end of the destination at `pos`, or -1. */
function linkDestinationEnd(s: string, pos: number): number {
  const max = s.length;
  if (s.charCodeAt(pos) === 0x3c) {
    for (pos++; pos < max; pos++) {
      const ch = s.charCodeAt(pos);
      if (ch === 0x0a || ch === 0x3c) return -1;
      if (ch === 0x3e) return pos + 1;
      if (ch === 0x5c && pos + 1 < max) pos++;
    }
    return -1;
  }
  const start = pos;
  let level = 0;
  while (pos < max) {
    const ch = s.charCodeAt(pos);
    if (ch <= 0x20 || ch === 0x7f) break;
    if (ch === 0x5c && pos + 1 < max) {
      pos += s.charCodeAt(pos + 1) === 0x20 ? 1 : 2;
      continue;
    }
    if (ch === 0x28) {
      level++;
      if (level > 32) return -1;
    } else if (ch === 0x29) {
      if (level === 0) break;
      level--;
    }
    pos++;
  }
  return start === pos || level !== 0 ? -1 : pos;
}

/** markdown-it's `parseLinkTitle` for inline links: the end of the title at `pos`, or -1. */
function linkTitleEnd(s: string, pos: number): number {
  const max = s.length;
  if (pos >= max) return -1;
  let marker = s.charCodeAt(pos);
  if (marker !== 0x22 && marker !== 0x27 && marker !== 0x28) return -1;
  if (marker === 0x28) marker = 0x29;
  for (pos++; pos < max; pos++) {
    const ch = s.charCodeAt(pos);
    if (ch === marker) return pos + 1;
    if (ch === 0x28 && marker === 0x29) return -1;
    if (ch === 0x5c && pos + 1 < max) pos++;
  }
  return -1;
}

/**
 * The end of `(destination "title")` after the label ending at `labelEnd`, following
 * markdown-it's `link` rule (`image` false) or `image` rule (`image` true), or
 * `MAYBE_REFERENCE` / `NOT_A_LINK`.
 */
function inlineLinkEnd(s: string, labelEnd: number, image: boolean): number {
  const max = s.length;
  let pos = labelEnd + 1;
  if (pos >= max || s.charCodeAt(pos) !== 0x28) return MAYBE_REFERENCE;
  pos = skipLinkSpaces(s, pos + 1);
  if (pos >= max) return NOT_A_LINK;
  const destinationEnd = linkDestinationEnd(s, pos);
  // The image rule looks for a title even after a bad destination; the link rule does not.
  if (destinationEnd >= 0 || image) {
    if (destinationEnd >= 0) pos = destinationEnd;
    const start = pos;
    pos = skipLinkSpaces(s, pos);
    const titleEnd = linkTitleEnd(s, pos);
    if (pos < max && start !== pos && titleEnd >= 0) pos = skipLinkSpaces(s, titleEnd);
  }
  if (pos >= max || s.charCodeAt(pos) !== 0x29) return image ? NOT_A_LINK : MAYBE_REFERENCE;
  return pos + 1;
}

function isAsciiLetter(ch: number): boolean {
  const lower = ch | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/**
 * The end of the autolink starting with the `<` at `pos`, or -1 (markdown-it's `autolink`).
 * The scan stops at the next `<` as well as at `>`: looking for `>` first made a run of `<`
 * without one quadratic, since every `<` searched the rest of the paragraph.
 */
function autolinkEnd(s: string, pos: number): number {
  const max = s.length;
  let close = pos + 1;
  for (; close < max; close++) {
    const ch = s.charCodeAt(close);
    if (ch === 0x3e) break;
    if (ch === 0x3c) return -1;
  }
  if (close >= max) return -1;
  const url = s.slice(pos + 1, close);
  return AUTOLINK_RE.test(url) || EMAIL_RE.test(url) ? close + 1 : -1;
}

/**
 * Whether `s` holds a line break between `from` and `to`. Not `indexOf('\n', from)`, which in a
 * long paragraph without one reads to its end for every code span: quadratic.
 */
function hasNewline(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) return true;
  return false;
}

/** Mirrors the per-paragraph state of markdown-it's `html_inline` rule. */
interface HtmlScan {
  skipSpecial: boolean;
}

/** The end of the inline HTML starting with the `<` at `pos`, or -1 (markdown-it's `html_inline`). */
function inlineHtmlEnd(s: string, pos: number, html: HtmlScan): number {
  if (pos + 2 >= s.length) return -1;
  const ch = s.charCodeAt(pos + 1);
  if (ch === 0x2f || isAsciiLetter(ch)) {
    HTML_OPEN_CLOSE_TAG_RE.lastIndex = pos;
    return HTML_OPEN_CLOSE_TAG_RE.test(s) ? HTML_OPEN_CLOSE_TAG_RE.lastIndex : -1;
  }
  if (ch !== 0x21 && ch !== 0x3f) return -1;
  let start: number;
  let terminator: string;
  if (s.startsWith('<!--', pos)) {
    if (s.startsWith('>', pos + 4)) return pos + 5;
    if (s.startsWith('->', pos + 4)) return pos + 6;
    start = pos + 4;
    terminator = '-->';
  } else if (s.startsWith('<![CDATA[', pos)) {
    start = pos + 9;
    terminator = ']]>';
  } else if (ch === 0x3f) {
    start = pos + 2;
    terminator = '?>';
  } else if (isAsciiLetter(s.charCodeAt(pos + 2))) {
    start = pos + 3;
    terminator = '>';
  } else {
    return -1;
  }
  if (html.skipSpecial) return -1;
  const end = s.indexOf(terminator, start);
  if (end === -1) {
    // An unclosed comment or declaration turns later ones in the paragraph into text.
    html.skipSpecial = true;
    return -1;
  }
  return end + terminator.length;
}

/**
 * Counts the words of a paragraph's inline `content` as `walkInline` would from its tokens,
 * without building them. The first text piece is scanned from `firstTextOffset`. Returns false,
 * with the counter possibly changed, when it meets syntax it does not model: nested or
 * reference links, entities, hard breaks after a backslash, unclosed code spans.
 */
function countInlineSyntax(counter: WordCounter, s: string, firstTextOffset: number, hasReferences: boolean): boolean {
  const n = s.length;
  const html: HtmlScan = { skipSpecial: false };
  let offset = firstTextOffset;
  let textStart = 0;
  let i = 0;
  while (i < n) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x80 || INLINE_RULE_STARTS[ch] !== 1) {
      i++;
      continue;
    }
    /** Text, code or escape content to count; undefined for autolinks and HTML, which count nothing. */
    let piece: string | undefined;
    let end: number;
    let autolink = false;
    if (ch === 0x5b || (ch === 0x21 && s.charCodeAt(i + 1) === 0x5b)) {
      const image = ch === 0x21;
      const labelStart = image ? i + 2 : i + 1;
      const labelEnd = linkLabelEnd(s, labelStart);
      if (labelEnd === UNSURE) return false;
      end = labelEnd < 0 ? NOT_A_LINK : inlineLinkEnd(s, labelEnd, image);
      if (end === MAYBE_REFERENCE) {
        if (hasReferences) return false;
        end = NOT_A_LINK;
      }
      if (end === NOT_A_LINK) {
        // After a failed `![`, markdown-it tries the `[` as a link on its own.
        i++;
        continue;
      }
      if (i > textStart) {
        scanWords(counter, s, textStart + offset, textStart, i);
        offset = 0;
      }
      if (image) {
        // Alt text is not read on the page.
        counter.mode = BETWEEN;
      } else if (labelEnd > labelStart) {
        scanWords(counter, s, labelStart + offset, labelStart, labelEnd);
        offset = 0;
      }
      i = textStart = end;
      continue;
    }
    if (ch === 0x60) {
      let openEnd = i + 1;
      while (openEnd < n && s.charCodeAt(openEnd) === 0x60) openEnd++;
      const length = openEnd - i;
      let closeStart: number;
      let closeEnd = openEnd;
      while ((closeStart = s.indexOf('`', closeEnd)) !== -1) {
        closeEnd = closeStart + 1;
        while (closeEnd < n && s.charCodeAt(closeEnd) === 0x60) closeEnd++;
        if (closeEnd - closeStart === length) break;
      }
      // markdown-it caches unclosed runs to stay linear; giving up keeps this linear too.
      if (closeStart === -1) return false;
      end = closeEnd;
      if (hasNewline(s, openEnd, closeStart) || (closeStart - openEnd > 2 && s.charCodeAt(openEnd) === 0x20 && s.charCodeAt(closeStart - 1) === 0x20)) {
        piece = s.slice(openEnd, closeStart).replace(NEWLINES, ' ').replace(CODE_SPAN_PADDING, '$1');
      } else {
        // The common case: the code is counted where it stands.
        if (i > textStart) {
          scanWords(counter, s, textStart + offset, textStart, i);
          offset = 0;
        }
        scanWords(counter, s, openEnd + offset, openEnd, closeStart);
        offset = 0;
        i = textStart = end;
        continue;
      }
    } else if (ch === 0x5c) {
      if (i + 1 >= n) {
        i++;
        continue;
      }
      const next = s.charCodeAt(i + 1);
      if (next === 0x0a) return false;
      if (next === 0x20) {
        piece = '\\';
        end = i + 1;
      } else if (next < 0x80 && ESCAPABLE[next] === 1) {
        piece = s[i + 1];
        end = i + 2;
      } else {
        end = i + 2;
        if (next >= 0xd800 && next <= 0xdbff && end < n) {
          const low = s.charCodeAt(end);
          if (low >= 0xdc00 && low <= 0xdfff) end++;
        }
        piece = s.slice(i, end);
      }
    } else if (ch === 0x3c) {
      end = autolinkEnd(s, i);
      autolink = end !== -1;
      if (!autolink) end = inlineHtmlEnd(s, i, html);
      if (end === -1) {
        i++;
        continue;
      }
    } else if (ch === 0x26) {
      if (i + 1 < n) {
        const entity = s.charCodeAt(i + 1) === 0x23 ? DIGITAL_ENTITY_RE : NAMED_ENTITY_RE;
        entity.lastIndex = i;
        if (entity.test(s)) return false;
      }
      i++;
      continue;
    } else {
      // `]`, or `!` without `[`: text.
      i++;
      continue;
    }
    if (i > textStart) {
      scanWords(counter, s, textStart + offset, textStart, i);
      offset = 0;
    }
    if (piece === undefined) {
      counter.mode = BETWEEN;
      // The walker would have spent the offset on the autolink's (uncounted) text.
      if (autolink) offset = 0;
    } else {
      scanWords(counter, piece, offset);
      offset = 0;
    }
    i = textStart = end;
  }
  if (n > textStart) scanWords(counter, s, textStart + offset, textStart, n);
  return true;
}

/**
 * Counts the prose words of one inline token and returns its plain text when `wantText` is set.
 *
 * Inline code counts: in developer writing `useEffect` or `npm install` are read as part of the
 * sentence. Link text counts, link targets never reach the text tokens. Autolinks (`<https://…>`)
 * are URLs and do not count. Image alt text does not count (it is not read on the page). Inline
 * HTML tags and comments do not count and separate words.
 */
function walkInline(inline: Token, counter: WordCounter, firstTextOffset: number, wantText: boolean, env: object, hasReferences: boolean, fullInlineParse: boolean): string {
  const children = inline.children ?? (inline.children = []);
  counter.mode = BETWEEN;
  if (children.length === 0 && fullInlineParse) {
    md.inline.parse(inline.content, md, env, children);
  } else if (children.length === 0) {
    const content = inline.content;
    if (wantText || !needsInlineSyntax(content)) {
      scanWords(counter, content, firstTextOffset);
      counter.mode = BETWEEN;
      return wantText ? content : '';
    }
    const wordsBefore = counter.words;
    if (countInlineSyntax(counter, content, firstTextOffset, hasReferences)) {
      counter.mode = BETWEEN;
      return '';
    }
    counter.words = wordsBefore;
    counter.mode = BETWEEN;
    md.inline.parse(content, md, env, children);
  }
  let text = '';
  let inAutolink = false;
  // A task marker that became a reference link is link text, not a marker to skip.
  const first = children[0];
  let offset = first !== undefined && first.type === 'text' && first.content.charCodeAt(0) === 0x5b ? firstTextOffset : 0;
  for (let c = 0; c < children.length; c++) {
    const child = children[c];
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        if (inAutolink) {
          counter.mode = BETWEEN;
        } else {
          scanWords(counter, child.content, offset);
        }
        offset = 0;
        if (wantText) text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        counter.mode = BETWEEN;
        if (wantText) text += ' ';
        break;
      case 'link_open':
        if (child.markup === 'autolink') {
          inAutolink = true;
          counter.mode = BETWEEN;
        }
        break;
      case 'link_close':
        if (inAutolink) {
          inAutolink = false;
          counter.mode = BETWEEN;
        }
        break;
      case 'image':
      case 'html_inline':
        counter.mode = BETWEEN;
        break;
      default:
        // Emphasis and strikethrough markers: no text of their own, and they do not split a word.
        break;
    }
  }
  counter.mode = BETWEEN;
  return wantText ? text.trim() : '';
}

const NOT_A_TASK = 0;
const OPEN_TASK = 1;
const DONE_TASK = 2;
/** `[ ]`, `[x]` and `[X]` are all three characters long. */
const TASK_MARKER_LENGTH = 3;

/**
 * Whether a list item's first paragraph starts with a task marker followed by whitespace or
 * nothing. `inline.content` is the raw source, so `\[x]` (escaped) and `` `[x]` `` (inline code)
 * start with another character and are not tasks.
 */
function taskState(content: string): number {
  if (content.length < TASK_MARKER_LENGTH || content.charCodeAt(0) !== 0x5b || content.charCodeAt(2) !== 0x5d) {
    return NOT_A_TASK;
  }
  if (content.length > TASK_MARKER_LENGTH) {
    const after = content.charCodeAt(TASK_MARKER_LENGTH);
    if (after !== 0x20 && after !== 0x09 && after !== 0x0a) return NOT_A_TASK;
  }
  const mark = content.charCodeAt(1);
  if (mark === 0x20) return OPEN_TASK;
  return mark === 0x78 || mark === 0x58 ? DONE_TASK : NOT_A_TASK;
}

// Minutes written at the end of a heading, either bracketed — "(10 min)", "[12 min]", "(5m)",
// "(2.5 minutes)" — or after a dash or colon — "— 3 min", ": 45 minutes". A bare trailing number
// ("Saving 5 min") is not taken as timing: it is too often part of the title.
const MINUTES = String.raw`(\d+(?:[.,]\d+)?)\s*(?:m|mins?|minutes?)\.?`;
const TIMING_RE = new RegExp(String.raw`(?:[([]\s*${MINUTES}\s*[)\]]|[-–—:]\s*${MINUTES})\s*$`, 'i');
/** Separators left between a title and its timing: "Intro —" from "Intro — 5 min". */
const TITLE_TRAILER_PUNCTUATION = '-–—:|·';
const WHITESPACE = /\s/;

// A scan rather than /[\s\-–—:|·]+$/, which is quadratic on a long run of separators followed
// by anything else: every start inside the run reads the rest of it.
function trimTitleTrailer(title: string): string {
  let end = title.length;
  while (end > 0 && (TITLE_TRAILER_PUNCTUATION.includes(title[end - 1]) || WHITESPACE.test(title[end - 1]))) end--;
  return title.slice(0, end);
}

/**
 * The title and minute budget of a heading's plain text, e.g. "Demo (10 min)" → Demo, 10;
 * undefined when the heading carries no timing. Shared with the talk outline, which reads the
 * same headings from their source.
 */
export function parseTiming(text: string): { title: string; minutes: number } | undefined {
  // Every timing ends with ")", "]", "." or the last letter of a unit (m, min, mins, minute,
  // minutes); heading text is trimmed, so most headings never reach the regex.
  const last = text.charCodeAt(text.length - 1);
  const lower = last | 0x20;
  if (last !== 0x29 && last !== 0x5d && last !== 0x2e && lower !== 0x6d && lower !== 0x6e && lower !== 0x73 && lower !== 0x65) {
    return undefined;
  }
  const match = TIMING_RE.exec(text);
  if (match === null) return undefined;
  const minutes = Number((match[1] ?? match[2]).replace(',', '.'));
  if (!Number.isFinite(minutes)) return undefined;
  return { title: trimTitleTrailer(text.slice(0, match.index)), minutes };
}

/**
 * Analyses a draft's Markdown body (front matter already removed). CRLF and LF are both accepted;
 * markdown-it normalises line endings, so token lines match the file's lines either way.
 *
 * Words are prose words (see `scanWords` and `walkInline`), headings included, code blocks, HTML
 * and URLs excluded. Reading time is whole minutes, rounded up. `talk` is present only when some
 * heading ends with its minutes.
 */
export function analyzeMarkdown(body: string, options: AnalysisOptions): DraftAnalysis {
  const env: { references?: object } = {};
  const tokens = md.parse(body, env);
  // Only reference definitions can turn a bracket without `(…)` into a link.
  const hasReferences = env.references !== undefined;
  const counter: WordCounter = { words: 0, mode: BETWEEN };
  const headings: Heading[] = [];
  const sections: TalkSection[] = [];
  let done = 0;
  let total = 0;
  let plannedMinutes = 0;
  // `plannedMinutes` sums only the top-most timed headings. A timed heading's section runs until
  // the next heading of the same or a higher level (timed or not); timed headings inside it are a
  // breakdown of its minutes, so they are listed in `sections` but not added again. This holds
  // the level of the open timed section, 0 when there is none.
  let timedScopeLevel = 0;
  let headingLevel = 0;
  let headingLine = 0;
  let taskOffset = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'inline': {
        const text = walkInline(token, counter, taskOffset, headingLevel !== 0, env, hasReferences, options.fullInlineParse === true);
        taskOffset = 0;
        if (headingLevel !== 0) {
          const line = headingLine + options.bodyStartLine;
          headings.push({ level: headingLevel, text, line });
          if (timedScopeLevel !== 0 && headingLevel <= timedScopeLevel) timedScopeLevel = 0;
          const timing = text.length > 0 ? parseTiming(text) : undefined;
          if (timing !== undefined) {
            sections.push({ title: timing.title, minutes: timing.minutes, line });
            if (timedScopeLevel === 0) {
              plannedMinutes += timing.minutes;
              timedScopeLevel = headingLevel;
            }
          }
          headingLevel = 0;
        }
        break;
      }
      case 'heading_open':
        headingLevel = token.tag.charCodeAt(1) - 0x30;
        headingLine = token.map !== null ? token.map[0] : 0;
        break;
      case 'list_item_open': {
        // A task item starts with a paragraph; `- ```…` or `-     [x]` (indented code) does not.
        const paragraph = tokens[i + 1];
        const inline = tokens[i + 2];
        if (paragraph?.type === 'paragraph_open' && inline?.type === 'inline') {
          const task = taskState(inline.content);
          if (task !== NOT_A_TASK) {
            total++;
            if (task === DONE_TASK) done++;
            // The marker is syntax, not a word ("[x]" would otherwise count "x").
            taskOffset = TASK_MARKER_LENGTH;
          }
        }
        break;
      }
      default:
        // Code blocks, fences and HTML blocks carry no prose; containers carry no text themselves.
        break;
    }
  }

  const wpm = options.wordsPerMinute > 0 && Number.isFinite(options.wordsPerMinute) ? options.wordsPerMinute : FALLBACK_WORDS_PER_MINUTE;
  const words = counter.words;
  const analysis: DraftAnalysis = {
    words,
    readingMinutes: words === 0 ? 0 : Math.ceil(words / wpm),
    headings,
    checklist: { done, total },
  };
  if (sections.length > 0) {
    // Rounded so that decimal minutes such as 0.1 + 0.2 add up to what a person would write.
    analysis.talk = { plannedMinutes: Math.round(plannedMinutes * 1000) / 1000, sections };
  }
  return analysis;
}

/** One body to analyse, as the scanner hands it to this thread or a worker. */
export interface AnalysisJob {
  body: string;
  bodyStartLine: number;
}

export function analyzeJobs(jobs: readonly AnalysisJob[], options: Pick<AnalysisOptions, 'wordsPerMinute'>): DraftAnalysis[] {
  return jobs.map((job) => analyzeMarkdown(job.body, { wordsPerMinute: options.wordsPerMinute, bodyStartLine: job.bodyStartLine }));
}
