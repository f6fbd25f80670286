/**
 * findActorMentions: every country, demonym, capital/place, metonym, organisation and office-holder
 * named in a sentence, resolved to an ISO-3 or organisation code, with offsets in the sentence.
 */
import { gazetteer, type Entry, type MentionKind, type Term, type TrieNode } from './gazetteer.ts';
import { tokenize, type Token } from './tokens.ts';

export interface ActorMention {
  code: string;
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
}

interface Match {
  entry: Entry;
  /** Index of the last token of the match. */
  last: number;
}

function step(node: TrieNode, token: Token): TrieNode | undefined {
  return node.children.get(token.key) ?? (token.alt ? node.children.get(token.alt) : undefined);
}

/** Longest gazetteer phrase starting at token i. */
function longestMatch(root: TrieNode, tokens: Token[], i: number): Match | null {
  let node: TrieNode | undefined = root;
  let best: Match | null = null;
  for (let j = i; j < tokens.length; j++) {
    node = step(node, tokens[j]!);
    if (!node) break;
    if (node.entry) best = { entry: node.entry, last: j };
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
function looksLikePersonName(tokens: Token[], first: number, last: number, personLike: Set<string>): boolean {
  if (first !== last || !personLike.has(tokens[first]!.key)) return false;
  const next = tokens[last + 1];
  if (next && next.isWord && next.capitalised && !NOT_NAME_WORDS.has(next.key)) return true;
  const prev = tokens[first - 1];
  return !!prev && prev.isWord && prev.capitalised && first - 1 > 0 && !NOT_NAME_WORDS.has(prev.key);
}

export function findActorMentions(sentence: string, at?: Date): ActorMention[] {
  const { root, personLike } = gazetteer();
  const tokens = tokenize(sentence);
  const mentions: ActorMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const match = token.isWord ? longestMatch(root, tokens, i) : null;
    if (!match) {
      i++;
      continue;
    }
    const { entry, last } = match;
    const first = i;
    const start = token.start;
    const end = tokens[last]!.end;
    i = last + 1;
    if (entry.kind === 'not_actor') continue;
    if (looksLikePersonName(tokens, first, last, personLike)) continue;
    let code: string;
    if (entry.kind === 'office_holder') {
      const term = resolveTerm(entry.terms, at);
      if (!term) continue;
      code = term.code;
    } else {
      code = entry.code;
    }
    mentions.push({ code, start, end, text: sentence.slice(start, end), kind: entry.kind });
  }
  return mentions;
}
