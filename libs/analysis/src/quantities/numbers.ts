/**
 * Numbers as news text writes them: "12,000", "300 000", "1.5 million", "ten thousand",
 * "two hundred and fifty", "tens of thousands", with an optional qualifier before ("about",
 * "at least", "up to"...) normalised to a small vocabulary.
 */
import { HASH_SEED, HashBitmap, hashStep, hashWord } from '../word-hash.ts';

export interface NumberMention {
  value: number;
  qualifier: string | null;
  /** Offsets of the number itself (qualifier excluded). */
  start: number;
  end: number;
  /** Offset where the qualifier begins (equals start when there is none). */
  qualifierStart: number;
  /** Written in digits (as opposed to words). */
  digits: boolean;
  /** Plain four-digit integer without separators (could be a year). */
  yearLike: boolean;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const SUFFIX_SCALE: Record<string, number> = { ...SCALE, m: 1_000_000, mn: 1_000_000, bn: 1_000_000_000, k: 1_000 };

/**
 * Vague plurals ("thousands of", "dozens of") and "several"/"a few" hundred or thousand become their
 * smallest reading, qualified "vague": a floor for a sense of scale, not a count to report as such.
 */
export const VAGUE_QUALIFIER = 'vague';
const VAGUE: Record<string, number> = {
  dozens: 24, scores: 40, hundreds: 200, thousands: 2_000, 'tens of thousands': 20_000,
  'hundreds of thousands': 200_000, millions: 2_000_000,
};

const QUALIFIERS: Array<[RegExp, string]> = [
  [/^(?:about|around|roughly|approximately|some|an estimated|estimated|circa|c\.|~)$/i, 'about'],
  [/^(?:up to|as many as)$/i, 'up to'],
  [/^(?:at least|no fewer than|no less than|a minimum of|at a minimum)$/i, 'at least'],
  [/^(?:more than|over|upwards of|in excess of|above|well over)$/i, 'more than'],
  [/^(?:nearly|almost|close to|just under|just shy of)$/i, 'nearly'],
  [/^(?:fewer than|less than|under|below)$/i, 'fewer than'],
];
const QUALIFIER_BEFORE =
  /(?:^|[^\w])(about|around|roughly|approximately|some|an estimated|estimated|circa|c\.|~|up to|as many as|at least|no fewer than|no less than|a minimum of|at a minimum|more than|well over|over|upwards of|in excess of|above|nearly|almost|close to|just under|just shy of|fewer than|less than|under|below)\s*$/i;

export function normaliseQualifier(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  for (const [re, norm] of QUALIFIERS) if (re.test(t)) return norm;
  return null;
}

// "dozen" scales a number before it ("two dozen"); it opens none, so it is no NUMBER_STARTS word.
const WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(SCALE), 'dozen'].join('|')})`;
const WORD_NUMBER = `(?:(?:a|an)\\s+(?:hundred|thousand|million|dozen)|a\\s+few\\s+(?:hundred|thousand)|several\\s+(?:hundred|thousand)|${WORD}(?:(?:\\s+and\\s+|[\\s-]+)${WORD})*)`;
const VAGUE_NUMBER = '(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)(?=\\s+of\\b)';
const DIGIT_NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d.,]\\d)|\\d+(?:\\.\\d+)?';
// Run on lower-cased text (no 'i' flag, no look-behind: both cost on every sentence).
const NUMBER = new RegExp(
  `(?:(${DIGIT_NUMBER})(?:\\s*(million|billion|thousand|hundred)\\b|(mn|bn|m|k)\\b)?|(${VAGUE_NUMBER})|(${WORD_NUMBER}))(?![\\w])`,
  'g',
);
const WORD_CHAR_BEFORE = /[\w.,]/;
const NUMBER_AT = new RegExp(NUMBER.source, 'y');
/** Words that can open a number; the full pattern runs only where one of these (or a digit) starts a word. */
const NUMBER_STARTS = new Set([
  ...Object.keys(SMALL), ...Object.keys(SCALE), 'a', 'an', 'several', 'dozens', 'scores', 'hundreds', 'thousands',
  'millions', 'tens',
]);

/**
 * Hashes of NUMBER_STARTS (FNV-1a over the lower-case letters), so that a word that opens no number
 * is passed over without cutting it out of the sentence; a word whose hash is present is checked
 * against the set itself.
 */
const NUMBER_START_BITS = new HashBitmap();
for (const word of NUMBER_STARTS) NUMBER_START_BITS.add(hashWord(word));

const SCALE_AFTER_ARTICLE = /^\s+(?:hundred|thousand|million|dozen|few)\b/;
const NO_BEFORE = /\bno\s+$/i;

function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function wordsValue(text: string): number | null {
  const words = text.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w !== 'and');
  if (words[0] === 'a' && words[1] === 'few') words.splice(0, 2, 'three');
  else if (words[0] === 'a' || words[0] === 'an') words[0] = 'one';
  else if (words[0] === 'several') words[0] = 'three';
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'few') continue;
    if (w === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (w in SMALL) {
      current += SMALL[w]!;
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALE) {
      total += (current || 1) * SCALE[w]!;
      current = 0;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

/** All numbers in the text, left to right. */
export function findNumbers(text: string): NumberMention[] {
  const lower = text.toLowerCase();
  // Lower-casing keeps offsets except for a few rare letters (e.g. İ); then scan the text itself.
  const scanned = lower.length === text.length ? lower : text;
  const out: NumberMention[] = [];
  const n = scanned.length;
  let i = 0;
  while (i < n) {
    const c = scanned.charCodeAt(i);
    if (!isDigit(c) && !isLowerLetter(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isLowerLetter(c)) {
      let hash = hashStep(HASH_SEED, c);
      for (let d = j < n ? scanned.charCodeAt(j) : 0; j < n && isLowerLetter(d); d = scanned.charCodeAt(++j)) hash = hashStep(hash, d);
      if (!NUMBER_START_BITS.mayHave(hash)) {
        i = j;
        continue;
      }
      const word = scanned.slice(i, j);
      // "a"/"an" open a number only before a scale or "few"/"dozen" ("a hundred", "a few thousand").
      if (!NUMBER_STARTS.has(word) || ((word === 'a' || word === 'an') && !SCALE_AFTER_ARTICLE.test(scanned.slice(j, j + 10)))) {
        i = j;
        continue;
      }
    }
    // Inside a word or a number ("A4", "1,5"), or a model designation ("F-16", "S-300", "MiG-29"): no count.
    if (i > 0 && (WORD_CHAR_BEFORE.test(scanned[i - 1]!) || (scanned.charCodeAt(i - 1) === 45 && i > 1 && isLowerLetter(scanned.charCodeAt(i - 2))))) {
      while (j < n && (isDigit(scanned.charCodeAt(j)) || isLowerLetter(scanned.charCodeAt(j)))) j++;
      i = j;
      continue;
    }
    NUMBER_AT.lastIndex = i;
    const m = NUMBER_AT.exec(scanned);
    if (!m) {
      while (j < n && isDigit(scanned.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    i = m.index + m[0].length;
    const [whole, digits, wordSuffix, shortSuffix, vague, words] = m;
    const suffix = wordSuffix ?? shortSuffix;
    let value: number | null;
    let qualifier: string | null = null;
    if (digits !== undefined) {
      value = Number(digits.replace(/[, \u00a0\u202f]/g, ''));
      if (suffix) value *= SUFFIX_SCALE[suffix.toLowerCase()] ?? 1;
    } else if (vague !== undefined) {
      value = VAGUE[vague.toLowerCase()] ?? null;
      qualifier = VAGUE_QUALIFIER;
    } else {
      value = wordsValue(words!);
      if (/^(?:several|a few)\b/i.test(words!)) qualifier = VAGUE_QUALIFIER;
    }
    if (value === null || !Number.isFinite(value)) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    // "No one was killed": nobody, not one.
    if (words === 'one' && NO_BEFORE.test(before)) continue;
    const q = QUALIFIER_BEFORE.exec(before);
    let qualifierStart = m.index;
    // A qualifier before a vague number ("some thousands") does not make it a count.
    if (q && qualifier !== VAGUE_QUALIFIER) {
      qualifier = normaliseQualifier(q[1]!) ?? qualifier;
      qualifierStart = m.index - (before.length - before.lastIndexOf(q[1]!));
    }
    out.push({
      value: Math.round(value * 1000) / 1000,
      qualifier,
      start: m.index,
      end: m.index + whole.length,
      qualifierStart,
      digits: digits !== undefined,
      yearLike: digits !== undefined && !suffix && /^\d{4}$/.test(digits) && value >= 1900 && value <= 2100,
    });
  }
  return out;
}
