/**
 * Tokens for gazetteer matching: runs of letters/digits, and every other non-space character on
 * its own, so "U.S." is U . S . and "Russia's" is Russia ' s. Keys are compared case-sensitively
 * ("US" is not "us") with diacritics folded (Côte = Cote) and curly apostrophes made straight.
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

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const DIACRITICS = /\p{M}/gu;
const UPPER_START = /^\p{Lu}/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;
const LOWERCASE = /\p{Ll}/u;

export function foldKey(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(DIACRITICS, '').replace(/[’‘`´]/g, "'");
}

export function tokenize(text: string): Token[] {
  const shouting = !LOWERCASE.test(text);
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const key = foldKey(raw);
    const isWord = WORDLIKE.test(raw);
    const alt = shouting && isWord && raw.length > 3 ? key[0] + key.slice(1).toLowerCase() : null;
    tokens.push({
      key,
      alt,
      start: m.index,
      end: m.index + raw.length,
      capitalised: UPPER_START.test(raw),
      isWord,
    });
  }
  return tokens;
}

/** Token keys of a gazetteer phrase, as the matcher walks them. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}
