/**
 * Sentence splitting for wire English. A period ends a sentence unless it belongs to an
 * abbreviation (Gen., Oct., Mr.), a reference number (No. 10), an initial, or a decimal;
 * a period glued to the next sentence ("first phase.On Monday") still ends one.
 * Line breaks always end a sentence: headlines and paragraphs never run into each other.
 */
import type { Sentence } from '../types.ts';

// Titles, months and corporate suffixes that are written with a period and followed by a name or number.
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Rev', 'Hon', 'Gov', 'Sen', 'Rep', 'Pres', 'Amb',
  'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Sgt', 'Cpl', 'Pvt', 'Adm', 'Cmdr', 'Cdr', 'Brig', 'Gens', 'Lieut', 'Insp', 'Supt',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
  'Inc', 'Corp', 'Ltd', 'Co', 'Bros', 'Dept', 'Univ', 'Assn', 'Mt', 'Ft', 'Ave', 'Blvd', 'Rd',
  'vs', 'v', 'approx', 'est', 'cf', 'al', 'e.g', 'i.e', 'a.m', 'p.m', 'Ph.D',
]);
// Abbreviations that are only abbreviations before a number ("No. 10", "Art. 5", "p. 12").
const NUMBER_ABBREVIATIONS = new Set(['No', 'Nos', 'no', 'Art', 'art', 'Fig', 'fig', 'Vol', 'vol', 'p', 'pp', 'Para', 'para', 'Sec', 'sec', 'Ch', 'ch']);
// After an acronym such as "U.S." the sentence has ended only if a typical sentence opener follows.
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There',
  'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'As', 'If', 'When', 'While', 'After', 'Before', 'Since',
  'Its', 'His', 'Her', 'Their', 'Our', 'Some', 'Many', 'Most', 'No', 'Not', 'However', 'Meanwhile', 'Earlier',
  'Later', 'Separately', 'Also', 'According', 'Officials', 'Russia', 'Ukraine', 'China',
]);
const ACRONYM_RE = /^(?:[A-Za-z]\.)+[A-Za-z]$/;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const DIGIT_RE = /[0-9]/;
const CLOSERS = new Set(['"', "'", ')', ']', '\u201D', '\u2019']);
const OPENERS = new Set(['"', "'", '(', '[', '\u201C', '\u2018']);
// Scripts without letter case (CJK, Arabic, …) start sentences with any letter.
const UNCASED_LETTER_RE = /[\p{Lo}]/u;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** The word that ends at `end` (exclusive), without leading quotes or brackets. */
function wordBefore(text: string, from: number, end: number): string {
  let s = end;
  while (s > from && !isSpace(text[s - 1])) s--;
  while (s < end && OPENERS.has(text[s]!)) s++;
  return text.slice(s, end);
}

function wordAt(text: string, start: number): string {
  let e = start;
  while (e < text.length && /[\p{L}\p{N}]/u.test(text[e]!)) e++;
  return text.slice(start, e);
}

function canStartSentence(c: string): boolean {
  return UPPER_RE.test(c) || DIGIT_RE.test(c) || OPENERS.has(c) || UNCASED_LETTER_RE.test(c);
}

/** Whether the single period at `dot`, followed by whitespace and then `next`, ends a sentence. */
function periodEndsSentence(text: string, from: number, dot: number, next: number): boolean {
  const word = wordBefore(text, from, dot);
  const nextChar = text[next]!;
  if (word === '') return true;
  if (ABBREVIATIONS.has(word)) return false;
  if (NUMBER_ABBREVIATIONS.has(word)) return !DIGIT_RE.test(nextChar);
  if (word.length === 1 && UPPER_RE.test(word)) return false; // an initial: "John F. Kennedy"
  if (ACRONYM_RE.test(word)) return SENTENCE_OPENERS.has(wordAt(text, next));
  return true;
}

/** "first phase.On Monday": lower-case letter, period, capitalised word with no space between. */
function isGluedBoundary(text: string, from: number, dot: number): boolean {
  const before = text[dot - 1];
  const after = text[dot + 1];
  const afterNext = text[dot + 2];
  if (before === undefined || after === undefined || afterNext === undefined) return false;
  if (!LOWER_RE.test(before) || !UPPER_RE.test(after) || !LOWER_RE.test(afterNext)) return false;
  const word = wordBefore(text, from, dot);
  // Abbreviations, and web addresses or file names such as "Reuters.Com", are not boundaries.
  return word.length >= 3 && !ABBREVIATIONS.has(word) && !word.includes('.') && !word.includes('/');
}

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const PERIOD = 46;
const EXCLAMATION = 33;
const QUESTION = 63;
const IDEOGRAPHIC_PERIOD = 0x3002;

function isTerminatorCode(c: number): boolean {
  return c === PERIOD || c === EXCLAMATION || c === QUESTION || c === IDEOGRAPHIC_PERIOD;
}

/**
 * Splits `text` into sentences. `offset` is added to every start/end, so a caller can split one
 * field of a larger text and still get offsets into the whole; `text.slice(start - offset, end - offset)`
 * equals each sentence's text.
 */
export function splitSentences(text: string, offset = 0): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  const emit = (s: number, e: number): void => {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s + offset, end: e + offset });
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      emit(start, i);
      start = i + 1;
      continue;
    }
    if (!isTerminatorCode(code)) continue;
    let j = i + 1;
    while (j < n && isTerminatorCode(text.charCodeAt(j))) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    if (j >= n) break;
    const after = text.charCodeAt(j);
    if (after === SPACE || after === TAB) {
      let k = j + 1;
      while (k < n && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
      if (k >= n || text.charCodeAt(k) === NEWLINE) {
        i = k - 1;
        continue;
      }
      const single = j === i + 1 && code === PERIOD;
      if (canStartSentence(text[k]!) && (!single || periodEndsSentence(text, start, i, k))) {
        emit(start, j);
        start = k;
      }
      i = k - 1;
    } else if (after === NEWLINE) {
      i = j - 1;
    } else if (code === PERIOD && j === i + 1) {
      if (isGluedBoundary(text, start, i)) {
        emit(start, i + 1);
        start = i + 1;
      }
    } else if (UNCASED_LETTER_RE.test(text[j]!)) {
      // CJK text puts no space after its sentence ends.
      emit(start, j);
      start = j;
      i = j - 1;
    }
  }
  emit(start, n);
  return out;
}
