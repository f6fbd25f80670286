/**
 * Tokens for gazetteer matching: runs of letters/digits, and every other non-space character on
 * its own, so "U.S." is U . S . and "Russia's" is Russia ' s. Keys are compared case-sensitively
 * ("US" is not "us") with diacritics folded (Côte = Cote) and curly apostrophes made straight.
 * A hand-written scanner: this runs on every sentence of every report.
 */
export interface Token {
  key: string;
  /** Title-cased key, set only in all-caps text (a shouted headline) so IRAN can match Iran. */
  alt: string | null;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  capitalised: boolean;
  isWord: boolean;
}

const DIACRITICS = /\p{M}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/;
const UPPER = /\p{Lu}/u;
const LOWERCASE = /\p{Ll}/u;

export function foldKey(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text;
  return text.normalize('NFD').replace(DIACRITICS, '').replace(/[’‘`´]/g, "'");
}

export function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text[i]!);
}

function isSpace(c: number, text: string, i: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}

function isCapitalised(c: number, text: string, i: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text[i]!);
}

/** All-caps text (a shouted headline): no lower-case letter at all. */
export function isShouting(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return !LOWERCASE.test(text);
}

/** The token starting at or after `from` (spaces skipped), or null at the end of the text. */
export function readToken(text: string, from: number, shouting: boolean): Token | null {
  const n = text.length;
  let i = from;
  while (i < n && isSpace(text.charCodeAt(i), text, i)) i++;
  if (i >= n) return null;
  const c = text.charCodeAt(i);
  if (!isWordChar(c, text, i)) {
    const ch = text[i]!;
    return { key: ch === '’' || ch === '‘' ? "'" : ch, alt: null, start: i, end: i + 1, capitalised: false, isWord: false };
  }
  const j = wordEnd(text, i);
  const key = foldKey(text.slice(i, j));
  const alt = shouting && j - i > 3 ? key[0] + key.slice(1).toLowerCase() : null;
  return { key, alt, start: i, end: j, capitalised: isCapitalised(c, text, i), isWord: true };
}

/** End of the word starting at `i`. */
export function wordEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isWordChar(text.charCodeAt(j), text, j)) j++;
  return j;
}

/** The word token ending right before `pos` (spaces skipped), or null if punctuation or nothing is there. */
export function wordBefore(text: string, pos: number, shouting: boolean): Token | null {
  let i = pos;
  while (i > 0 && isSpace(text.charCodeAt(i - 1), text, i - 1)) i--;
  let j = i;
  while (j > 0 && isWordChar(text.charCodeAt(j - 1), text, j - 1)) j--;
  return j === i ? null : readToken(text, j, shouting);
}

export function isWordStart(text: string, i: number): boolean {
  return isWordChar(text.charCodeAt(i), text, i) && (i === 0 || !isWordChar(text.charCodeAt(i - 1), text, i - 1));
}

export function tokenize(text: string): Token[] {
  const shouting = isShouting(text);
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c, text, i)) {
      i++;
      continue;
    }
    if (!isWordChar(c, text, i)) {
      const ch = text[i]!;
      tokens.push({ key: ch === '’' || ch === '‘' ? "'" : ch, alt: null, start: i, end: i + 1, capitalised: false, isWord: false });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordChar(text.charCodeAt(j), text, j)) j++;
    const key = foldKey(text.slice(i, j));
    const alt = shouting && j - i > 3 ? key[0] + key.slice(1).toLowerCase() : null;
    tokens.push({ key, alt, start: i, end: j, capitalised: isCapitalised(c, text, i), isWord: true });
    i = j;
  }
  return tokens;
}

/** Token keys of a gazetteer phrase, as the matcher walks them. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}
