/**
 * findActorMentions: every country, demonym, capital/place, metonym, organisation and office-holder
 * named in a sentence, resolved to an ISO-3 or organisation code, with offsets in the sentence.
 */
import { gazetteer, type Entry, type MentionKind, type Term, type TrieNode } from './gazetteer.ts';
import { HASH_SEED, hashKey, HashBitmap, hashStep, hashWord } from '../word-hash.ts';
import { foldKey, isShouting, isWordChar, readToken, wordBefore, wordEnd, type Token } from './tokens.ts';

export interface ActorMention {
  code: string;
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
}

interface Match {
  entry: Entry;
  /** The last token of the match. */
  last: Token;
}

function step(node: TrieNode, token: Token): TrieNode | undefined {
  return node.children.get(token.key) ?? (token.alt ? node.children.get(token.alt) : undefined);
}

/**
 * Longest gazetteer phrase starting with `first`; tokens after it are read only while the trie
 * has a branch for them, so most words cost one map lookup.
 */
function longestMatch(root: TrieNode, sentence: string, first: Token, shouting: boolean): Match | null {
  let node = step(root, first);
  if (!node) return null;
  let best: Match | null = node.entry ? { entry: node.entry, last: first } : null;
  let token = first;
  while (node.children.size > 0) {
    const next = readToken(sentence, token.end, shouting);
    if (!next) break;
    node = step(node, next);
    if (!node) break;
    token = next;
    if (node.entry) best = { entry: node.entry, last: token };
  }
  return best;
}

/** Office-holder terms valid at `at`; without a date, the most recent term. */
export function resolveTerm(terms: Term[], at: Date | undefined): Term | null {
  if (!at) {
    let latest: Term | null = null;
    for (const t of terms) if (!latest || t.valid_from > latest.valid_from) latest = t;
    return latest;
  }
  const day = at.toISOString().slice(0, 10);
  for (const t of terms) {
    if (t.valid_from <= day && (t.valid_to === null || day < t.valid_to)) return t;
  }
  return null;
}

/** Capitalised words that sit next to a country name without making it part of a person's name. */
const NOT_NAME_WORDS = new Set([
  'The', 'President', 'King', 'Queen', 'Prince', 'Minister', 'Prime', 'Foreign', 'Defence', 'Defense',
  'Secretary', 'General', 'Chancellor', 'Premier', 'Leader', 'Sheikh', 'Emir', 'Mr', 'Mrs', 'Ms', 'Dr',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February',
  'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'On', 'In', 'And', 'But', 'Both', 'While', 'If', 'When', 'As', 'Now', 'Meanwhile', 'Also',
]);

/**
 * "Jordan Peterson", "Michael Jordan", "Chad Smith": a person-like name written right next to
 * another capitalised word (not a title) is part of a person's name, not the country.
 */
function looksLikePersonName(sentence: string, first: Token, last: Token, shouting: boolean, personLike: Set<string>): boolean {
  if (first !== last || !personLike.has(first.key)) return false;
  const next = readToken(sentence, last.end, shouting);
  if (next && next.isWord && next.capitalised && !NOT_NAME_WORDS.has(next.key)) return true;
  const prev = wordBefore(sentence, first.start, shouting);
  if (!prev || !prev.capitalised || NOT_NAME_WORDS.has(prev.key)) return false;
  // A capitalised word that opens the sentence is not a first name.
  return sentence.slice(0, prev.start).trim().length > 0;
}


/**
 * Hashes of the ASCII words that can start a gazetteer phrase. Most words of a sentence start none,
 * and an ASCII word needs no folding: its hash, taken while finding its end, rules it out without
 * cutting it out of the sentence. (A hash that is present only sends the word to the full check.)
 */
interface StartHashes {
  set: Set<number>;
  /** The same hashes as a bitmap: rules out most words before the Set lookup. */
  bits: HashBitmap;
}
const startHashes = new WeakMap<TrieNode, StartHashes>();
function startHashesOf(root: TrieNode): StartHashes {
  let hashes = startHashes.get(root);
  if (!hashes) {
    hashes = { set: new Set(), bits: new HashBitmap() };
    // Case kept: gazetteer keys are case-sensitive.
    for (const key of root.children.keys()) {
      const h = hashKey(hashWord(key));
      hashes.set.add(h);
      hashes.bits.add(h);
    }
    startHashes.set(root, hashes);
  }
  return hashes;
}

const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

export function findActorMentions(sentence: string, at?: Date): ActorMention[] {
  const { root, personLike } = gazetteer();
  const starts = startHashesOf(root);
  const shouting = isShouting(sentence);
  const mentions: ActorMention[] = [];
  const n = sentence.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(sentence.charCodeAt(i), sentence, i)) {
      i++;
      continue;
    }
    // Cheap test first: most words start no gazetteer phrase.
    let end = i;
    let hash = HASH_SEED;
    while (end < n && isAsciiWordChar(sentence.charCodeAt(end))) hash = hashStep(hash, sentence.charCodeAt(end++));
    const ascii = end >= n || !isWordChar(sentence.charCodeAt(end), sentence, end);
    if (ascii && !(starts.bits.mayHave(hashKey(hash)) && starts.set.has(hashKey(hash))) && !(shouting && end - i > 3)) {
      i = end;
      continue;
    }
    // An ASCII word whose hash is there goes straight to the trie walk, which checks the word itself.
    if (!ascii) {
      end = wordEnd(sentence, i);
      if (!root.children.has(foldKey(sentence.slice(i, end))) && !(shouting && end - i > 3)) {
        i = end;
        continue;
      }
    }
    const first = readToken(sentence, i, shouting)!;
    const match = longestMatch(root, sentence, first, shouting);
    if (!match) {
      i = first.end;
      continue;
    }
    const { entry, last } = match;
    i = last.end;
    if (entry.kind === 'not_actor') continue;
    if (looksLikePersonName(sentence, first, last, shouting, personLike)) continue;
    let code: string;
    if (entry.kind === 'office_holder') {
      const term = resolveTerm(entry.terms, at);
      if (!term) continue;
      code = term.code;
    } else {
      code = entry.code;
    }
    mentions.push({ code, start: first.start, end: last.end, text: sentence.slice(first.start, last.end), kind: entry.kind });
  }
  if (mentions.length > 1) placeOwners(sentence, mentions);
  return mentions;
}

/**
 * "Lebanon's Tripoli", "Lebanon's port city of Tripoli": the country owns the place named after it. Only words that
 * describe a place stand between ("Iran's foreign ministry accused Washington" is no Iranian Washington).
 */
const OWNER_BEFORE =
  /^['’]s\s+(?:(?:northern|southern|eastern|western|central|north-?\w*|south-?\w*|coastal|port|border|second|third|largest|biggest|main|capital|city|town|village|province|region|district|island|enclave|besieged|occupied|embattled|frontline|front-line|key|strategic|holy|ancient|old|historic|industrial)\s+){0,3}(?:of\s+)?$/;
/** "the Lebanese city of Tripoli", "the northern Lebanese port of Tripoli". */
const DEMONYM_BEFORE = /^\s+(?:[a-z-]+\s+){0,2}of\s+$/;
/**
 * "Israel's Washington ambassador", "Russia's Kyiv strike": a place followed by a noun describes it (a post, an
 * act), it is not a place the country owns. A function word or a past tense after it is no such noun.
 */
const DESCRIBES_NOUN_AFTER =
  /^\s+(?!(?:on|in|at|and|or|as|after|before|during|where|which|who|to|from|of|for|with|by|since|near|was|were|is|are|has|had|have|will|would|said|says)\b|[a-z]+ed\b)[a-z]/;

/**
 * A capital or place that another country owns in the sentence's own words is that country's: several cities
 * share a name (Tripoli in Libya and in Lebanon), and the gazetteer gives each name one country ("Tripoli, Lebanon"
 * is an entry of its own).
 */
function placeOwners(sentence: string, mentions: ActorMention[]): void {
  for (let k = 1; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.kind !== 'capital') continue;
    const owner = mentions[k - 1]!;
    if (owner.code === m.code) continue;
    const gap = sentence.slice(owner.end, m.start);
    const owned = (owner.kind === 'country' && OWNER_BEFORE.test(gap)) || (owner.kind === 'demonym' && DEMONYM_BEFORE.test(gap));
    if (owned && !DESCRIBES_NOUN_AFTER.test(sentence.slice(m.end, m.end + 16))) mentions[k] = { ...m, code: owner.code };
  }
}
