import transliterate from 'slugify';

/** What a slug becomes when nothing usable is left of the title (emoji-only, CJK-only, punctuation). */
export const FALLBACK_SLUG = 'untitled';

export const DEFAULT_SLUG_MAX_LENGTH = 80;

// A cap below the fallback's length would turn every empty title into a truncated `untitl`.
const MIN_SLUG_MAX_LENGTH = FALLBACK_SLUG.length;

// Windows refuses these as file names whatever the extension, so `con.md` cannot be created there
// even though the repository may be shared with people on Windows.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * True when Windows would refuse `name` as a file name: a reserved device name alone or followed by
 * an extension (`NUL`, `con.md`, `Com1.tar.gz`), ignoring trailing dots and spaces like Windows does.
 */
export function isWindowsReservedName(name: string): boolean {
  const stem = name.replace(/[. ]+$/, '').split('.')[0] ?? '';
  return WINDOWS_RESERVED.test(stem.trimEnd());
}

/**
 * A lowercase, hyphen-separated, ASCII-only slug that is safe as a URL segment and as a file name
 * on every platform. Never empty, never longer than `maxLength`.
 */
export function slugify(title: string, maxLength: number = DEFAULT_SLUG_MAX_LENGTH): string {
  const cap = effectiveMaxLength(maxLength);
  const words = toAsciiWords(typeof title === 'string' ? title : '');
  let slug = words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  slug = capLength(slug, cap);
  if (slug === '') {
    slug = FALLBACK_SLUG.slice(0, cap);
  }
  if (isWindowsReservedName(slug)) {
    // Reserved names are at most four characters, and the cap is at least eight, so this fits.
    slug = `${slug}-1`;
  }
  return slug;
}

function effectiveMaxLength(maxLength: number): number {
  if (!Number.isFinite(maxLength)) {
    return DEFAULT_SLUG_MAX_LENGTH;
  }
  return Math.max(MIN_SLUG_MAX_LENGTH, Math.floor(maxLength));
}

/**
 * Maps the title to ASCII letters, digits and spaces. Punctuation and path characters become word
 * breaks (so `CI/CD` reads `ci-cd` and `../x` cannot survive), apostrophes join (`what's` → `whats`).
 */
function toAsciiWords(title: string): string {
  let out = '';
  for (const ch of title.normalize('NFC')) {
    out += mapCharacter(ch);
  }
  return out;
}

function mapCharacter(ch: string): string {
  if (/^[A-Za-z0-9]$/.test(ch)) {
    return ch;
  }
  if (ch === "'" || ch === '\u2019' || ch === '\u02bc' || /^\p{Cf}$/u.test(ch)) {
    // Apostrophes belong to the word; invisible format characters (soft hyphen, zero-width
    // joiner, bidi overrides) must neither split a word nor reach the file name.
    return '';
  }
  if (ch === '&') {
    return ' and ';
  }
  if (ch.charCodeAt(0) < 0x80) {
    return ' ';
  }
  // The library's table knows transliterations that Unicode decomposition does not (ß, æ, ł, Ж, λ).
  const fromTable = transliterate(ch, { replacement: ' ', trim: false }).replace(/[^A-Za-z0-9 ]/g, '');
  if (fromTable.trim() !== '') {
    return /^\p{L}$/u.test(ch) ? fromTable : ` ${fromTable} `;
  }
  // Compatibility decomposition covers ligatures (ﬁ), full-width letters and marks the table misses.
  const decomposed = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return /^[A-Za-z0-9]+$/.test(decomposed) ? decomposed : ' ';
}

function capLength(slug: string, cap: number): string {
  if (slug.length <= cap) {
    return slug;
  }
  let cut = slug.slice(0, cap);
  const cutsAWord = slug[cap] !== '-';
  const lastBreak = cut.lastIndexOf('-');
  // Prefer ending on a whole word, unless that would throw away most of the allowed length.
  if (cutsAWord && lastBreak >= Math.ceil(cap / 2)) {
    cut = cut.slice(0, lastBreak);
  }
  return cut.replace(/-+$/, '');
}
