/**
 * Lexical features of a report's headline and lead for the rewrite similarity: weighted terms
 * after folding inflections and near-synonyms, with names and numbers marked. Two outlets writing
 * up one event independently rarely share phrases, but they share the place, the numbers and the
 * kind of event; different events of one day usually differ in at least one of those.
 */
import { fnv1a, FNV_OFFSET, FNV_PRIME } from './hash.ts';

/** Words that carry no event information. */
const STOPWORDS = new Set(
  `a an the of in on at to and or for by with from as is are was were be been being has have had it its this that
  these those after over into out up down about than then there their they them he she his her we our you i not no
  but if while during amid near new more says said say tells told reports reported report according update wrapup
  urgent edit photos photo video breaking via s also who which what when where how why will would could may might
  can must should just other another some any all both each every such only own same so too very`.split(/\s+/),
);

// Inflections and near-synonyms folded to one term, so "killed", "dead" and "death toll" meet.
const FOLD: Record<string, string> = {};
function fold(term: string, words: string): void {
  for (const w of words.split(/\s+/)) if (w !== '') FOLD[w] = term;
}
fold('kill', 'kill kills killed killing dead deadly deadliest die died dies dying death deaths toll bodies body slain perished fatalities fatality kia lost lose losses liquidated liquidate destroyed destroy destroys eliminated');
fold('wound', 'wound wounds wounded wounding injure injured injures injuring injury injuries hurt casualties casualty');
fold('soldier', 'soldier soldiers serviceman servicemen servicemembers troops troop militiaman militiamen fighter fighters military army forces force marines');
fold('rebel', 'rebel rebels separatist separatists militants militant insurgent insurgents militia militias');
fold('attack', 'shell shells shelled shelling fire fired firing strike strikes struck attack attacks attacked attacking bombardment bombarded bombing bombed shot shoot shooting mortar mortars artillery barrage raid raids assault assaults offensive operation operations ambush ambushed');
fold('missile', 'missile missiles rocket rockets');
fold('drone', 'drone drones uav uavs');
fold('civilian', 'civilian civilians resident residents people person woman women man men child children girl boy');
fold('ukraine', 'ukraine ukrainian ukrainians');
fold('russia', 'russia russian russians');
fold('capture', 'capture captured captures seize seized seizes take took taken');
fold('clash', 'clash clashes clashed fighting fight fought battle battles combat');
fold('protest', 'protest protests protester protesters protestors demonstrators demonstration rally');
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', dozen: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100',
};

// Terms that most conflict reports share: they count, but much less than a place or a number.
const GENERIC_WEIGHT: Record<string, number> = {
  kill: 0.5, wound: 0.5, soldier: 0.4, attack: 0.4, civilian: 0.4, rebel: 0.4, clash: 0.4, missile: 0.6, drone: 0.6,
  ukraine: 0.1, russia: 0.2, east: 0.2, eastern: 0.2, region: 0.1, oblast: 0.1, district: 0.1, village: 0.2, city: 0.1,
  town: 0.2, day: 0.1, hours: 0.1, past: 0.1, last: 0.1, armed: 0.1, ministry: 0.2, defense: 0.2, defence: 0.2,
  official: 0.2, officials: 0.2, government: 0.2, president: 0.2, minister: 0.2, military: 0.2, war: 0.2, monday: 0.3,
  tuesday: 0.3, wednesday: 0.3, thursday: 0.3, friday: 0.3, saturday: 0.3, sunday: 0.3, least: 0.1, nearly: 0.1,
  about: 0.1, several: 0.2, dozens: 0.3, hundreds: 0.3,
};
const ENTITY_WEIGHT = 2;
const NUMBER_WEIGHT = 1;
const DEFAULT_WEIGHT = 1;
/**
 * Terms are packed one per 32-bit word: the top 23 bits are the term's hash, the low 9 bits its code:
 * weight in tenths (low 5 bits) | HEADLINE_FLAG | NUMBER_FLAG | ENTITY_FLAG | BODY_FLAG. Sorted, two
 * sets merge in one pass.
 */
export const ENTITY_FLAG = 0x80;
export const NUMBER_FLAG = 0x40;
/** The term occurs in the headline: where a report states which event it is about. */
export const HEADLINE_FLAG = 0x20;
/** The term occurs in the body lead: the text a syndicated copy reproduces. */
export const BODY_FLAG = 0x100;
const WEIGHT_MASK = 0x1f;
const CODE_MASK = 0x1ff;
const HASH_SHIFT = 9;
/** Words read per text (headline and lead): enough for the lead, bounded cost. */
const MAX_WORDS = 96;

/** Packed, sorted terms of one text (see above). */
export type TermFeatures = Uint32Array;

function stem(w: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) return w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * A spelling-independent key for names, so transliterations meet (Kiev/Kyiv, Kharkov/Kharkiv,
 * Lugansk/Luhansk): the consonant skeleton with h/g/kh folded and doubled letters collapsed.
 */
export function nameKey(lower: string): string {
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    let c = lower[i]!;
    if ('aeiouy'.includes(c)) continue;
    if (c === 'g') c = 'h';
    if (c === 'h' && out.length > 0 && 'kzcs'.includes(out[out.length - 1]!)) continue;
    if (c === 'k' && lower[i + 1] === 'h') c = 'h';
    if (out[out.length - 1] === c) continue;
    out += c;
  }
  // Too short a skeleton would join unrelated names.
  return out.length >= 3 ? out : lower;
}

/**
 * What one word contributes, memoised (a pure function of the word). `plain` is its term as an
 * ordinary word (0 for stop words), `name` its term when the text shows it is a name (0 when it
 * cannot be one: lower-case, a number, a stop word or a folded common word).
 */
interface WordTerms {
  plain: number;
  name: number;
}

const STOP: WordTerms = { plain: 0, name: 0 };

function pack(term: string, code: number): number {
  return ((fnv1a(term) & ~CODE_MASK) | code) >>> 0;
}

function wordTerms(w: string): WordTerms {
  const lower = w.toLowerCase();
  if (STOPWORDS.has(lower)) return STOP;
  const first = lower.charCodeAt(0);
  if (first >= 48 && first <= 57) return { plain: pack(lower.replace(/[.,](?=\d{3}\b)/g, ''), NUMBER_FLAG | (NUMBER_WEIGHT * 10)), name: 0 };
  const numberWord = NUMBER_WORDS[lower];
  if (numberWord !== undefined) return { plain: pack(numberWord, NUMBER_FLAG | (NUMBER_WEIGHT * 10)), name: 0 };
  const folded = FOLD[lower] ?? (GENERIC_WEIGHT[lower] !== undefined ? lower : undefined);
  if (folded !== undefined) return { plain: pack(folded, Math.round((GENERIC_WEIGHT[folded] ?? DEFAULT_WEIGHT) * 10)), name: 0 };
  // Spelling-folded even as a plain word: a name that opens a sentence is not recognisable as a name.
  const plain = pack(nameKey(stem(lower)), DEFAULT_WEIGHT * 10);
  const name = w.length > 1 && w.charCodeAt(0) !== first ? pack(nameKey(lower), ENTITY_FLAG | (ENTITY_WEIGHT * 10)) : 0;
  return { plain, name };
}

/**
 * Words recur across reports, so their terms are memoised, keyed by a hash of the word's characters
 * taken while scanning (no substring unless the word is new); the stored word is compared, so a hash
 * collision costs a recomputation, never a wrong term. A direct-mapped table (one slot per low 16
 * bits of the hash, the newest word wins), bounded by construction, held in typed arrays: a slot's
 * word and terms sit in two runs of memory, not in objects and strings scattered over the heap, whose
 * cache misses cost more than the lookup itself. It changes speed only, never results.
 */
const TERM_MEMO_SLOTS = 1 << 16;
/** Characters a slot holds; a longer word (rare) is worked out each time. */
const MEMO_WORD_CHARS = 15;
/** Per slot: the word's length (0: empty), then its characters. */
const memoWords = new Uint16Array(TERM_MEMO_SLOTS * (MEMO_WORD_CHARS + 1));
/** Per slot: the word's plain term, then its name term. */
const memoTerms = new Uint32Array(TERM_MEMO_SLOTS * 2);

/** Sets `wordPlain[n]` and `wordName[n]` to the terms of the word `text[start, end)`, whose hash is `hash`. */
function termsOfWord(text: string, start: number, end: number, hash: number, n: number): void {
  const length = end - start;
  if (length > MEMO_WORD_CHARS) {
    const t = wordTerms(text.slice(start, end));
    wordPlain[n] = t.plain;
    wordName[n] = t.name;
    return;
  }
  const slot = hash & (TERM_MEMO_SLOTS - 1);
  const at = slot * (MEMO_WORD_CHARS + 1);
  let same = memoWords[at] === length;
  for (let k = 0; same && k < length; k++) same = memoWords[at + 1 + k] === text.charCodeAt(start + k);
  if (!same) {
    const t = wordTerms(text.slice(start, end));
    memoWords[at] = length;
    for (let k = 0; k < length; k++) memoWords[at + 1 + k] = text.charCodeAt(start + k);
    memoTerms[slot * 2] = t.plain;
    memoTerms[slot * 2 + 1] = t.name;
  }
  wordPlain[n] = memoTerms[slot * 2]!;
  wordName[n] = memoTerms[slot * 2 + 1]!;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

// Scratch state of one termFeatures call (it does not re-enter): each word's terms and flags, the packed terms.
const wordPlain = new Uint32Array(MAX_WORDS);
const wordName = new Uint32Array(MAX_WORDS);
const wordFlags = new Uint8Array(MAX_WORDS);
const packedScratch = new Uint32Array(MAX_WORDS);
const CAPITAL = 1;
const SENTENCE_START = 2;
const IN_HEADLINE = 4;

/**
 * Weighted terms of `text`: a headline, then (after a line break) the lead. A capitalised word is a
 * name only where capitals mean something: somewhere in the text it is capitalised neither at the
 * start of a sentence nor in a title-case headline. So "Strait" opening a sentence is a word, "Kharkiv"
 * opening the headline is a name when the lead mentions "in Kharkiv".
 */
export function termFeatures(text: string): TermFeatures {
  // Pass 1: words, with whether they are capitalised, open a sentence, sit in the headline.
  let n = 0;
  let sentenceStart = true;
  let inHeadline = true;
  let headlineWords = 0;
  let headlineCapitals = 0;
  const len = text.length;
  for (let i = 0; i < len && n < MAX_WORDS; ) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      let j = i + 1;
      for (let d = j < len ? text.charCodeAt(j) : 0; j < len && isLetter(d); d = text.charCodeAt(++j)) h = Math.imul(h ^ d, FNV_PRIME);
      const end = j;
      // A possessive or elided ending ("Ukraine's") belongs to the word but not to its term.
      if (j + 1 < len && text.charCodeAt(j) === 39 && isLetter(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < len && isLetter(text.charCodeAt(j))) j++;
      }
      const capital = isUpper(c);
      if (inHeadline) {
        headlineWords++;
        if (capital) headlineCapitals++;
      }
      termsOfWord(text, i, end, h, n);
      wordFlags[n++] = (capital ? CAPITAL : 0) | (sentenceStart ? SENTENCE_START : 0) | (inHeadline ? IN_HEADLINE : 0);
      sentenceStart = false;
      i = j;
    } else if (isDigit(c)) {
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      let j = i + 1;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (!isDigit(d) && !((d === 44 || d === 46) && j + 1 < len && isDigit(text.charCodeAt(j + 1)))) break;
        h = Math.imul(h ^ d, FNV_PRIME);
        j++;
      }
      termsOfWord(text, i, j, h, n);
      wordFlags[n++] = inHeadline ? IN_HEADLINE : 0;
      sentenceStart = false;
      i = j;
    } else {
      if (c === 46 || c === 33 || c === 63 || c === 10) sentenceStart = true;
      if (c === 10) inHeadline = false;
      i++;
    }
  }
  // Title-case and all-caps headlines capitalise every word, so capitals there do not mark names.
  const titleCase = headlineWords >= 4 && headlineCapitals / headlineWords >= 0.6;

  // Names: words capitalised where capitals are informative, anywhere in the text.
  let names = 0;
  const confirmed: number[] = [];
  for (let k = 0; k < n; k++) {
    const f = wordFlags[k]!;
    const name = wordName[k]!;
    if (name === 0 || (f & CAPITAL) === 0 || (f & SENTENCE_START) !== 0 || ((f & IN_HEADLINE) !== 0 && titleCase)) continue;
    if (!confirmed.includes(name)) confirmed[names++] = name;
  }

  // Pass 2: each word's term, marked when it occurs in the headline; then sorted and merged.
  let m = 0;
  for (let k = 0; k < n; k++) {
    const name = wordName[k]!;
    let packed = name !== 0 && names > 0 && confirmed.includes(name) ? name : wordPlain[k]!;
    if (packed === 0) continue;
    packed |= (wordFlags[k]! & IN_HEADLINE) !== 0 ? HEADLINE_FLAG : BODY_FLAG;
    packedScratch[m++] = packed;
  }
  const sorted = packedScratch.subarray(0, m).sort();
  let distinct = 0;
  for (let k = 0; k < m; k++) {
    const x = sorted[k]!;
    if (distinct > 0 && (sorted[distinct - 1]! & ~CODE_MASK) === (x & ~CODE_MASK)) {
      const prev = sorted[distinct - 1]!;
      const weight = Math.max(prev & WEIGHT_MASK, x & WEIGHT_MASK);
      sorted[distinct - 1] = ((prev | x) & ~WEIGHT_MASK) | weight;
    } else sorted[distinct++] = x;
  }
  return sorted.slice(0, distinct);
}

export interface SimilarityBreakdown {
  score: number;
  overlap: number;
  /** Each side names a place or actor the other does not mention (or they share none). */
  namesConflict: boolean;
  /** Each side gives a number the other does not (or they share none). */
  numbersConflict: boolean;
  /** They share a name or a number: something specific, beyond the kind of event. */
  anchored: boolean;
  /**
   * Each body lead names a place or actor, or gives a number, that the other text lacks: near-identical
   * wire templates about different events (a copy reproduces the lead, so its facts agree).
   */
  bodyConflict: boolean;
}

/**
 * Factors for evidence that two texts are about different events. Two write-ups of one event name
 * its place and give its numbers; two events of one kind on one day (another strike, other talks)
 * share the vocabulary of the kind but not the place, the actors or the toll.
 */
const NAMES_CONFLICT_FACTOR = 0.1;
const NUMBERS_CONFLICT_FACTOR = 0.5;
/** Most names on both sides unshared (fewer than 1 in MOSTLY_OTHER_NAMES shared): other people and places. */
const MOSTLY_OTHER_NAMES = 4;
const OTHER_NAMES_FACTOR = 0.5;
/** Shared vocabulary alone (no shared name or number) is weak evidence of one event. */
const UNANCHORED_FACTOR = 0.6;

const HEADLINE_NAME = HEADLINE_FLAG | ENTITY_FLAG;
const HEADLINE_NUMBER = HEADLINE_FLAG | NUMBER_FLAG;
const FACT = ENTITY_FLAG | NUMBER_FLAG;
/** Beyond any 23-bit term hash: marks an exhausted side in the merge. */
const NO_TERM = 1 << 23;

/**
 * Similarity of two feature sets, 0..1: the mean of weighted containment (shared weight over the
 * smaller side) and weighted Jaccard, lowered when names or numbers conflict or nothing specific is shared.
 */
export function termSimilarity(a: TermFeatures, b: TermFeatures): SimilarityBreakdown {
  // One merge pass: totals, shared weight, and what only one side has.
  let weightA = 0;
  let weightB = 0;
  let namesA = 0;
  let namesB = 0;
  let numbersA = 0;
  let numbersB = 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  let namesShared = 0;
  let numbersShared = 0;
  // Headline names and numbers of one side that the other side does not mention at all.
  let namesOnlyA = 0;
  let namesOnlyB = 0;
  let numbersOnlyA = 0;
  let numbersOnlyB = 0;
  // Names and numbers of one body lead that the other text lacks.
  let bodyOnlyA = 0;
  let bodyOnlyB = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! >>> HASH_SHIFT : NO_TERM;
    const y = j < b.length ? b[j]! >>> HASH_SHIFT : NO_TERM;
    if (x < y) {
      const ca = a[i++]! & CODE_MASK;
      weightA += ca & WEIGHT_MASK;
      if (ca & ENTITY_FLAG) namesA++;
      if (ca & NUMBER_FLAG) numbersA++;
      if ((ca & HEADLINE_NAME) === HEADLINE_NAME) namesOnlyA++;
      else if ((ca & HEADLINE_NUMBER) === HEADLINE_NUMBER) numbersOnlyA++;
      if ((ca & BODY_FLAG) !== 0 && (ca & FACT) !== 0) bodyOnlyA++;
    } else if (x > y) {
      const cb = b[j++]! & CODE_MASK;
      weightB += cb & WEIGHT_MASK;
      if (cb & ENTITY_FLAG) namesB++;
      if (cb & NUMBER_FLAG) numbersB++;
      if ((cb & HEADLINE_NAME) === HEADLINE_NAME) namesOnlyB++;
      else if ((cb & HEADLINE_NUMBER) === HEADLINE_NUMBER) numbersOnlyB++;
      if ((cb & BODY_FLAG) !== 0 && (cb & FACT) !== 0) bodyOnlyB++;
    } else {
      const ca = a[i++]! & CODE_MASK;
      const cb = b[j++]! & CODE_MASK;
      weightA += ca & WEIGHT_MASK;
      weightB += cb & WEIGHT_MASK;
      if (ca & ENTITY_FLAG) namesA++;
      if (cb & ENTITY_FLAG) namesB++;
      if (ca & NUMBER_FLAG) numbersA++;
      if (cb & NUMBER_FLAG) numbersB++;
      shared += Math.min(ca & WEIGHT_MASK, cb & WEIGHT_MASK);
      if ((ca | cb) & ENTITY_FLAG) namesShared++;
      if ((ca | cb) & NUMBER_FLAG) numbersShared++;
    }
  }
  if (weightA === 0 || weightB === 0) return { score: 0, overlap: 0, namesConflict: false, numbersConflict: false, anchored: false, bodyConflict: false };
  const containment = shared / Math.min(weightA, weightB);
  const jaccard = shared / (weightA + weightB - shared);
  const overlap = (containment + jaccard) / 2;
  const namesConflict = (namesOnlyA > 0 && namesOnlyB > 0) || (namesA > 0 && namesB > 0 && namesShared === 0);
  const numbersConflict = (numbersOnlyA > 0 && numbersOnlyB > 0) || (numbersA > 0 && numbersB > 0 && numbersShared === 0);
  const anchored = namesShared > 0 || numbersShared > 0;
  let score = overlap;
  if (namesConflict) score *= NAMES_CONFLICT_FACTOR;
  else if (namesA >= 2 && namesB >= 2 && namesShared * MOSTLY_OTHER_NAMES < namesA + namesB - namesShared) score *= OTHER_NAMES_FACTOR;
  if (numbersConflict) score *= NUMBERS_CONFLICT_FACTOR;
  if (!anchored) score *= UNANCHORED_FACTOR;
  return { score, overlap, namesConflict, numbersConflict, anchored, bodyConflict: bodyOnlyA > 0 && bodyOnlyB > 0 };
}

/** Reports more than a day apart are less likely to describe the same event. */
const SAME_DAY_HOURS = 36;
const LATER_DAY_FACTOR = 0.85;

/** The rewrite similarity: term similarity, lowered for reports far apart in time. */
export function rewriteSimilarity(a: TermFeatures, b: TermFeatures, hoursApart: number): number {
  const { score } = termSimilarity(a, b);
  return Math.abs(hoursApart) <= SAME_DAY_HOURS ? score : score * LATER_DAY_FACTOR;
}

/** Whether a packed term is worth indexing for candidate lookup: names, numbers and headline content words. */
export function isIndexTerm(packed: number): boolean {
  const c = packed & CODE_MASK;
  return (c & FACT) !== 0 || ((c & HEADLINE_FLAG) !== 0 && (c & WEIGHT_MASK) >= DEFAULT_WEIGHT * 10);
}

/** The term identity of a packed term (its hash without the code byte). */
export function termKey(packed: number): number {
  return packed >>> HASH_SHIFT;
}

/** The weight of a packed term (tenths). */
export function termWeight(packed: number): number {
  return packed & WEIGHT_MASK;
}
