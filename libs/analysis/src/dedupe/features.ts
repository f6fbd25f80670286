/**
 * Lexical features of a report's headline and lead for the rewrite similarity: weighted terms
 * after folding inflections and near-synonyms, with names and numbers marked. Two outlets writing
 * up one event independently rarely share phrases, but they share the place, the numbers and the
 * kind of event; different events of one day usually differ in at least one of those.
 */
import { fnv1a } from './hash.ts';

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
 * Terms are packed one per 32-bit word: the top 24 bits are the term's hash, the low byte its code,
 * weight in tenths (low 6 bits) | ENTITY_FLAG | NUMBER_FLAG. Sorted, two sets merge in one pass.
 */
export const ENTITY_FLAG = 0x80;
export const NUMBER_FLAG = 0x40;
const WEIGHT_MASK = 0x3f;
const CODE_MASK = 0xff;

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

const WORD_RE = /[A-Za-z\u00C0-\u024F]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*/g;

/** Title-case and all-caps headlines capitalise every word, so capitals there do not mark names. */
function capitalsMarkNames(words: string[]): boolean {
  let caps = 0;
  let lettered = 0;
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) continue;
    lettered++;
    if (w[0] !== w[0]!.toLowerCase()) caps++;
  }
  return lettered < 4 || caps / lettered < 0.6;
}

/** A word's term: its packed hash (top 24 bits) and code. */
function wordTerm(w: string, lower: string, nameCandidate: boolean): number {
  let code: number;
  let term: string;
  if (lower.charCodeAt(0) <= 57) {
    term = lower.replace(/[.,](?=\d{3}\b)/g, '');
    code = NUMBER_FLAG | (NUMBER_WEIGHT * 10);
  } else if (NUMBER_WORDS[lower] !== undefined) {
    term = NUMBER_WORDS[lower]!;
    code = NUMBER_FLAG | (NUMBER_WEIGHT * 10);
  } else if (FOLD[lower] !== undefined || GENERIC_WEIGHT[lower] !== undefined) {
    term = FOLD[lower] ?? lower;
    code = Math.round((GENERIC_WEIGHT[term] ?? DEFAULT_WEIGHT) * 10);
  } else if (nameCandidate && w[0] !== lower[0] && w.length > 1) {
    term = nameKey(lower);
    code = ENTITY_FLAG | (ENTITY_WEIGHT * 10);
  } else {
    // Spelling-folded too: a name at the start of a headline is not recognisable as a name.
    term = nameKey(stem(lower));
    code = DEFAULT_WEIGHT * 10;
  }
  return ((fnv1a(term) & ~CODE_MASK) | code) >>> 0;
}

/**
 * Words recur across reports, so their terms are memoised (a pure function of the word and of
 * whether it may be a name). Bounded: cleared when full, which changes speed only, never results.
 */
const termMemo = new Map<string, number>();
const TERM_MEMO_MAX = 100_000;

/** Weighted terms of `text` (a headline and lead), at most `maxTerms` distinct terms. */
export function termFeatures(text: string, maxTerms = 48): TermFeatures {
  const words = text.match(WORD_RE) ?? [];
  const namesByCapitals = capitalsMarkNames(words);
  const byHash = new Map<number, number>();
  for (let k = 0; k < words.length && byHash.size < maxTerms; k++) {
    let w = words[k]!;
    const apostrophe = w.indexOf("'");
    if (apostrophe > 0) w = w.slice(0, apostrophe);
    const nameCandidate = namesByCapitals && k > 0;
    const memoKey = nameCandidate ? w : `\u0000${w}`;
    let packed = termMemo.get(memoKey);
    if (packed === undefined) {
      const lower = w.toLowerCase();
      packed = STOPWORDS.has(lower) ? 0 : wordTerm(w, lower, nameCandidate);
      if (termMemo.size >= TERM_MEMO_MAX) termMemo.clear();
      termMemo.set(memoKey, packed);
    }
    if (packed === 0) continue;
    const h = packed & ~CODE_MASK;
    const code = packed & CODE_MASK;
    const prev = byHash.get(h);
    byHash.set(h, prev === undefined ? code : Math.max(prev & WEIGHT_MASK, code & WEIGHT_MASK) | ((prev | code) & ~WEIGHT_MASK));
  }
  const packed = new Uint32Array(byHash.size);
  let k = 0;
  for (const [h, code] of byHash) packed[k++] = ((h & ~CODE_MASK) | code) >>> 0;
  return packed.sort();
}

export interface SimilarityBreakdown {
  score: number;
  overlap: number;
  namesDisagree: boolean;
  numbersDisagree: boolean;
}

/** Penalties when both texts name places/actors or give numbers and none of them agree. */
const NAMES_DISAGREE_FACTOR = 0.4;
const NUMBERS_DISAGREE_FACTOR = 0.6;
const PARTIAL_NUMBERS_FACTOR = 0.8;

/**
 * Similarity of two feature sets, 0..1: the mean of weighted containment (shared weight over the
 * smaller side) and weighted Jaccard, lowered when names or numbers disagree.
 */
export function termSimilarity(a: TermFeatures, b: TermFeatures): SimilarityBreakdown {
  let i = 0;
  let j = 0;
  let shared = 0;
  let wa = 0;
  let wb = 0;
  let namesA = 0;
  let namesB = 0;
  let namesShared = 0;
  let numsA = 0;
  let numsB = 0;
  let numsShared = 0;
  for (let k = 0; k < a.length; k++) {
    const c = a[k]! & CODE_MASK;
    wa += c & WEIGHT_MASK;
    if (c & ENTITY_FLAG) namesA++;
    if (c & NUMBER_FLAG) numsA++;
  }
  for (let k = 0; k < b.length; k++) {
    const c = b[k]! & CODE_MASK;
    wb += c & WEIGHT_MASK;
    if (c & ENTITY_FLAG) namesB++;
    if (c & NUMBER_FLAG) numsB++;
  }
  while (i < a.length && j < b.length) {
    const x = a[i]! >>> 8;
    const y = b[j]! >>> 8;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const ca = a[i]! & CODE_MASK;
      const cb = b[j]! & CODE_MASK;
      shared += Math.min(ca & WEIGHT_MASK, cb & WEIGHT_MASK);
      if ((ca | cb) & ENTITY_FLAG) namesShared++;
      if ((ca | cb) & NUMBER_FLAG) numsShared++;
      i++;
      j++;
    }
  }
  if (wa === 0 || wb === 0) return { score: 0, overlap: 0, namesDisagree: false, numbersDisagree: false };
  const containment = shared / Math.min(wa, wb);
  const jaccard = shared / (wa + wb - shared);
  const overlap = (containment + jaccard) / 2;
  const namesDisagree = namesA > 0 && namesB > 0 && namesShared === 0;
  // Any number on the side with fewer numbers that the other side lacks is a disagreement
  // (a toll of 2 against a toll of 4, the 12th against the 16th).
  const numbersDisagree = numsA > 0 && numsB > 0 && numsShared < Math.min(numsA, numsB);
  let score = overlap;
  if (namesDisagree) score *= NAMES_DISAGREE_FACTOR;
  if (numbersDisagree) score *= numsShared === 0 ? NUMBERS_DISAGREE_FACTOR : PARTIAL_NUMBERS_FACTOR;
  return { score, overlap, namesDisagree, numbersDisagree };
}

/** Reports more than a day apart are less likely to describe the same event. */
const SAME_DAY_HOURS = 36;
const LATER_DAY_FACTOR = 0.85;

/** The rewrite similarity: term similarity, lowered for reports far apart in time. */
export function rewriteSimilarity(a: TermFeatures, b: TermFeatures, hoursApart: number): number {
  const { score } = termSimilarity(a, b);
  return Math.abs(hoursApart) <= SAME_DAY_HOURS ? score : score * LATER_DAY_FACTOR;
}

/** Whether a packed term is worth indexing for candidate lookup: names, numbers and content words. */
export function isIndexTerm(packed: number): boolean {
  const c = packed & CODE_MASK;
  return (c & ENTITY_FLAG) !== 0 || (c & WEIGHT_MASK) >= DEFAULT_WEIGHT * 10;
}

/** The term identity of a packed term (its hash without the code byte). */
export function termKey(packed: number): number {
  return packed >>> 8;
}

/** The weight of a packed term (tenths). */
export function termWeight(packed: number): number {
  return packed & WEIGHT_MASK;
}
