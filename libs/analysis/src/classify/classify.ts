import type { EventType } from '../types.ts';
import { foldedHashStep, lexicon as defaultLexicon, type CompiledLexicon, type Governs, type Trigger } from './lexicon.ts';
import { HASH_SEED, hashKey } from '../word-hash.ts';

/** One event found in a sentence; offsets are within the sentence. */
export interface EventMention {
  type: EventType;
  mode: string | null;
  trigger: { start: number; end: number };
  /** The words that triggered it. */
  text: string;
  /** Set when the event is the content of an accusation ("accused X of shelling"): report it as alleged. */
  claimed: boolean;
  /** The subject receives the act ("received jets from Denmark"): read its actors and targets swapped. */
  receiverSubject?: boolean;
  /** The event is what a verb of saying before it reports: that verb's subject acts, the event's own subject is acted on. */
  reportedSubject?: boolean;
  /**
   * Later words of the same type merged into this event ("were killed in a Russian drone attack on Odesa"):
   * where the first names nobody, the actors and targets are read at these.
   */
  alsoAt?: { start: number; end: number }[];
}

interface Candidate {
  trigger: Trigger;
  type: EventType;
  mode: string | null;
  start: number;
  end: number;
  claimed: boolean;
  dropped: boolean;
}

/** ASCII letters: a word (where an anchor can start) begins with one. */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
/** A word continues over letters, apostrophes and hyphens ("Russia's", "anti-war"). */
function isWordPart(c: number): boolean {
  return isLetter(c) || c === 39 || c === 0x2019 || c === 45;
}

/** The anchor word spelled by sentence[start, end) (compared lower-cased), if the lexicon has one. */
function anchorAt(sentence: string, start: number, end: number, hash: number, lex: CompiledLexicon): Trigger[] | undefined {
  const key = hashKey(hash);
  if (!lex.anchorBits.mayHave(key)) return undefined;
  const list = lex.anchorsByHash.get(key);
  if (!list) return undefined;
  const length = end - start;
  outer: for (const anchor of list) {
    if (anchor.word.length !== length) continue;
    for (let k = 0; k < length; k++) {
      let c = sentence.charCodeAt(start + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== anchor.word.charCodeAt(k)) continue outer;
    }
    return anchor.triggers;
  }
  return undefined;
}
const LOOK_BEHIND = 90;
/** A day or an adverb of time between a verb and its complement: "vowed on Monday to blockade", "threatened again to cut". */
const TIME_WORDS = '(?:(?:on\\s+)?(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|today|yesterday|again|also)\\s+)?';
const IMMEDIATE_COMPLEMENT = new RegExp(`^\\s*${TIME_WORDS}(?:to\\s+)?(?:\\w+ly\\s+)?(?:resume\\s+|launch\\s+|carry\\s+out\\s+|keep\\s+|continue\\s+(?:to\\s+)?)?(?:(?:a|an|new|fresh|more|further|renewed)\\s+)?$`, 'i');
const LOOK_AHEAD = 90;
/** Where a clause ends: what follows is no longer the complement of a verb before it. */
const CLAUSE_BOUNDARY =
  /[;:!?]|\s[-–—]\s|\s(?:but|while|whereas|although|though|after|before|because|since|when|amid|despite)\s|,\s+(?:and|which|who|where|saying|adding)\s|\sand\s+(?:said|says|added|announced|warned|insisted|stressed|vowed|pledged)\s/gi;

/**
 * "vow new offensive as rockets kill 30": "as" opening a clause of its own (not "such as", "as well as", "as a
 * result", "as he embarked"). It ends what a governing word covers, not the clause a mode is read from ("killed as
 * militants use artillery" is still an artillery attack).
 */
const AS_CLAUSE = /(?<!\b(?:such|same|so|just|known|well|regarded|seen|described|designated|listed|served|serve|serves|serving|acting|act|acts|acted|as|used|identified|named|sworn|elected|appointed|returned|remain|remains|remained))\sas\s(?!(?:he|she|it|they|we|I|well|a|an|part|much|many|far|long|soon|of|to|if|though|for|possible|usual|such|its|their|his|her|one|a result|expected|planned|agreed)\b)/;

function findCandidates(sentence: string, lex: CompiledLexicon): Candidate[] {
  const found: Candidate[] = [];
  const n = sentence.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(sentence.charCodeAt(i))) {
      i++;
      continue;
    }
    // One pass over the word's characters hashes it; only a known anchor costs more than that.
    const at = i;
    let hash = foldedHashStep(HASH_SEED, sentence.charCodeAt(i));
    for (i++; i < n; i++) {
      const c = sentence.charCodeAt(i);
      if (!isWordPart(c)) break;
      hash = foldedHashStep(hash, c);
    }
    const triggers = anchorAt(sentence, at, i, hash, lex);
    if (!triggers) continue;
    let best: Candidate | null = null;
    let before: string | null = null;
    for (const trigger of triggers) {
      // Sticky test, then lastIndex is the match's end: no match array is built.
      const re = trigger.re;
      re.lastIndex = at;
      if (!re.test(sentence)) continue;
      const end = re.lastIndex;
      if (best && (trigger.priority < best.trigger.priority || (trigger.priority === best.trigger.priority && end <= best.end))) continue;
      if (trigger.unlessBefore || trigger.requiresBefore) {
        before ??= sentence.slice(Math.max(0, at - LOOK_BEHIND), at);
        if (trigger.unlessBefore?.test(before)) continue;
        if (trigger.requiresBefore && !trigger.requiresBefore.test(before)) continue;
      }
      if (trigger.unlessAfter?.test(sentence.slice(end, end + LOOK_AHEAD))) continue;
      best = { trigger, type: trigger.type, mode: trigger.mode, start: at, end, claimed: false, dropped: false };
    }
    if (best) found.push(best);
  }
  return found;
}

/** A match inside an earlier, longer match is part of that phrase ("suspended military aid"). */
function dropOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start && c.start === last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept;
}

/** Clause boundaries of the sentence being classified, found once: [start, end] of each boundary match. */
let boundaryCache: { sentence: string; marks: [number, number][] } = { sentence: '', marks: [] };

function boundaries(sentence: string): [number, number][] {
  if (boundaryCache.sentence !== sentence) {
    const marks: [number, number][] = [];
    CLAUSE_BOUNDARY.lastIndex = 0;
    for (let m = CLAUSE_BOUNDARY.exec(sentence); m; m = CLAUSE_BOUNDARY.exec(sentence)) marks.push([m.index, m.index + m[0].length]);
    boundaryCache = { sentence, marks };
  }
  return boundaryCache.marks;
}

function clauseEnd(sentence: string, from: number): number {
  for (const [start] of boundaries(sentence)) if (start >= from) return start;
  return sentence.length;
}

function clauseStart(sentence: string, before: number): number {
  let start = 0;
  for (const [s, e] of boundaries(sentence)) {
    if (s >= before) break;
    start = e;
  }
  return start;
}

function threatenMode(text: string, lex: CompiledLexicon): string | null {
  return lex.threatenModes.find((r) => r.re.test(text))?.mode ?? null;
}

/**
 * What may stand between a frame and a governor it covers: "to" ("threatened [to] break off relations"),
 * then up to four words that are articles, possessives or names ("rejected [a U.S.] request").
 */
const OBJECT_GAP = new RegExp(`^\\s+${TIME_WORDS}(?:to\\s+)?(?:(?:an?|the|its|their|his|her|this|that|[\\w.'’-]+['’]s?|[A-Z][\\w.-]*)\\s+){0,4}$`);

/** Answers to a request, an offer or a proposal, and the auxiliary that makes one the sentence's main verb. */
const ANSWER_TYPES: ReadonlySet<EventType> = new Set(['REJECT', 'AGREE', 'CONCEDE']);
const PASSIVE_MAIN_VERB = /\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?$/;

/** "ordered the army to", "orders its troops to": an order to one's own forces. */
const ORDER_TO_OWN_FORCES =
  /^order\w*\s+(?:(?:the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}(?:army|troops|military|armed forces|forces|navy|air force|police|soldiers|units|security forces|reservists|marines|battalions|brigades|divisions|tanks|warships)\s+to$/i;
/** Where troops are ordered to: "to the border", "to the front", "to the region". */
const TO_A_PLACE = /^\s*(?:(?:move|advance|head|deploy|relocate|redeploy)\s+(?:closer\s+)?(?:to(?:wards?)?\s+)?)?(?:the\s+)?(?:[\w-]+\s+)?(?:border|administrative line|line|borders|frontier|front|front line|frontline|region|area|city|capital|south|north|east|west|zone)\b/i;

/** An -ing form right after a word, with no comma before it: it describes that noun ("a statement condemning …"). */
function describesNoun(sentence: string, c: Candidate): boolean {
  const firstWordEnd = sentence.indexOf(' ', c.start);
  const wordEnd = firstWordEnd < 0 || firstWordEnd > c.end ? c.end : firstWordEnd;
  if (wordEnd - c.start < 5 || !sentence.startsWith('ing', wordEnd - 3)) return false;
  let k = c.start - 1;
  while (k >= 0 && sentence.charCodeAt(k) === 32) k--;
  return k >= 0 && isLetter(sentence.charCodeAt(k));
}

/**
 * Verbs like "threatened to", "demanded", "agreed to", "accused … of" take the events after them as
 * their content: "threatened to shell the town" is a threat, not shelling.
 */
function applyGovernors(sentence: string, cs: Candidate[], lex: CompiledLexicon): void {
  cs.forEach((g, i) => {
    const kind: Governs | null = g.trigger.governs;
    if (!kind || g.dropped) return;
    // A participle that describes the frame's object ("vetoed a resolution condemning the annexation") is
    // part of that object: the frame covers it as it covers any event there.
    const governors = cs.slice(i + 1).filter((c) => c.trigger.governs && !c.dropped && !(kind === 'frame' && describesNoun(sentence, c)));
    // A frame's object may itself be a governing word ("rejected a U.S. request to interrogate …",
    // "threatened to break off relations with …"): a governor right after the frame is its object, and
    // the frame covers it and what it governs.
    const objectGovernor = kind === 'frame' && governors[0] !== undefined && OBJECT_GAP.test(sentence.slice(g.end, governors[0].start));
    const nextGovernor = objectGovernor ? governors[1] : governors[0];
    const rest = sentence.slice(g.end);
    const asClause = rest.includes(' as ') ? AS_CLAUSE.exec(rest) : null;
    const windowEnd = Math.min(clauseEnd(sentence, g.end), nextGovernor?.start ?? sentence.length, asClause ? g.end + asClause.index : sentence.length);
    const embedded = cs.filter((c) => c !== g && !c.dropped && c.start >= g.end && c.start < windowEnd);
    const complement = sentence.slice(g.end, windowEnd);
    if (kind === 'claim') {
      embedded.forEach((e) => (e.claimed = true));
      return;
    }
    if (kind === 'frame') {
      // An order to one's own forces is the act ordered: "ordered the army to withdraw" is a withdrawal,
      // "ordered troops to the border" a deployment.
      // The order's own words end at its first "to" ("ordered units to move closer to the line").
      const words = sentence.slice(g.start, g.end);
      const firstTo = words.indexOf(' to ');
      const order = firstTo < 0 ? words : words.slice(0, firstTo + 3);
      if (g.type === 'REQUEST' && ORDER_TO_OWN_FORCES.test(order)) {
        if (embedded.length > 0) g.dropped = true;
        else if (TO_A_PLACE.test(firstTo < 0 ? complement : sentence.slice(g.start + firstTo + 3, windowEnd))) {
          g.type = 'MOBILIZE';
          g.mode = 'troops';
        }
        return;
      }
      // "A U.S. request to join the programme was turned down by Ottawa": the answer given to the frame, as the main
      // verb of the sentence the frame is the subject of, is an act of its own.
      for (const e of embedded) if (!(ANSWER_TYPES.has(e.type) && PASSIVE_MAIN_VERB.test(sentence.slice(Math.max(g.end, e.start - 20), e.start)))) e.dropped = true;
      if (g.type === 'THREATEN' && !g.mode) g.mode = threatenMode(complement, lex);
      return;
    }
    // intent: a promise of cooperation is AGREE; a declared intent to use force or pressure is a threat.
    for (const e of embedded) {
      if (e.type === 'MOBILIZE') continue;
      // Only the verb the intent governs directly decides ("vowed to shell", not "offered to hand over suspects of a bombing").
      const direct = IMMEDIATE_COMPLEMENT.test(sentence.slice(g.end, e.start));
      if (direct && lex.toThreaten.has(e.type) && g.type === 'AGREE') {
        g.type = 'THREATEN';
        g.mode = threatenMode(complement, lex);
      }
      e.dropped = true;
    }
  });
}

/**
 * "will provide aid" is a promise (AGREE); "would impose a curfew" a threat (THREATEN); an intent or a
 * possibility with a condition attached ("will withdraw … unless", "may halt … if") is a threat.
 */
const UNLESS = /\bunless\b/i;
const NEGATED_BEFORE = /\b(?:not|never|no longer)\b|n't\b/i;

function applyIntentMarkers(sentence: string, cs: Candidate[], lex: CompiledLexicon): void {
  for (const c of cs) {
    if (c.dropped) continue;
    const intentAgree = c.trigger.governs === 'intent' && c.type === 'AGREE';
    if (!intentAgree && !lex.toAgree.has(c.type) && !lex.toThreaten.has(c.type)) continue;
    const rest = sentence.slice(c.end);
    const conditional = lex.condition.test(rest);
    if (intentAgree && conditional && UNLESS.test(rest)) {
      c.type = 'THREATEN';
      c.mode = threatenMode(sentence.slice(c.end, clauseEnd(sentence, c.end)), lex);
      continue;
    }
    const toAgree = lex.toAgree.has(c.type);
    const toThreaten = lex.toThreaten.has(c.type);
    if (!toAgree && !toThreaten) continue;
    const from = Math.max(clauseStart(sentence, c.start), c.start - 60);
    const before = sentence.slice(from, c.start);
    if (NEGATED_BEFORE.test(before)) continue;
    const intent = lex.intentMarkers.test(before);
    const possible = lex.modalMarkers.test(before) && conditional;
    const unless = UNLESS.test(rest);
    if (intent && toAgree && !unless) {
      c.type = 'AGREE';
      c.mode = null;
    } else if ((intent && (toThreaten || unless)) || (possible && toThreaten)) {
      const mode = threatenMode(sentence.slice(c.start, clauseEnd(sentence, c.end)), lex);
      // Strikes and protests planned are a threat to restrict, not to use force ("workers plan nationwide strikes").
      c.mode = c.type === 'PROTEST' ? (mode === null || mode === 'violence' ? 'restrict' : mode) : (mode ?? 'violence');
      c.type = 'THREATEN';
    }
  }
}

/** "if the other is attacked": a hypothetical act is not an event (PLOVER's hypothetical context). */
const HYPOTHETICAL_BEFORE = /\b(?:if|unless|in case|in the event that|should)\s+(?:[\w'’-]+\s+){0,4}$/i;
/**
 * "warned that any incursion would draw a response": an act a warning calls "any" has not happened. A negated one
 * ("did not fire any missiles") stays, to be reported as negated.
 */
const ANY_BEFORE = /\bany\s+(?:[\w'’-]+\s+){0,3}$/i;
const NEGATION_WORD = /\b(?:not|never|no|without|den(?:y|ies|ied))\b|n['’]t\b/i;

/** Cheap necessary condition for HYPOTHETICAL_BEFORE: one of its words is there at all. */
const HYPOTHETICAL_WORD = /if|unless|case|event|should|any/i;

/**
 * An act prepared for, rehearsed, plotted or feared is not one that happened: "massed troops in preparation for a
 * fresh offensive", "ahead of an expanded ground operation", "drills to rehearse repelling an invasion", "amid fears
 * of renewed clashes", "plotting sabotage", "an anticipated RSF offensive", "possible Iranian retaliation". (Plans and intentions are the intent markers' business: "plans to withdraw" is AGREE.)
 */
const PLANNED_BEFORE =
  /\b(?:in preparation for|preparations? for|ahead of|prepar(?:e|es|ed|ing) (?:the ground )?for|prepar(?:e|es|ed|ing) acts? of|plott?(?:ing|ed|s)?|plots? to|rehears(?:e|es|ed|ing)|simulat(?:e|es|ed|ing)|practi[cs](?:e|es|ed|ing)|fears? (?:of|that)|feared|risks? of|threat of|danger of|possibility of|prospect of|spectre of)\s+(?:[\w'’-]+\s+){0,6}$|\b(?:a|an|the|its|their|any)\s+(?:[\w-]+\s+)?(?:anticipated|expected|possible|potential|looming|imminent|planned|feared|impending)\s+(?:[\w'’-]+\s+){0,2}$|\b(?:upcoming|forthcoming|scheduled)\s+(?:[\w'’-]+\s+){0,3}$/i;
/** "… to leave within 48 hours or face attack", "warnings that they would face torture": an act someone may yet face. */
const FACING_BEFORE =
  /\b(?:or\s+fac(?:e|es|ing)|(?:would|could|may|might|will|to)\s+fac(?:e|es)|risks?\s+facing|that\s+(?:they|he|she|it|we)\s+(?:faced|face|faces|would\s+face))\s+(?:[\w'’-]+\s+){0,2}$/i;
/** "an alleged sabotage plot", "a bomb plan": an act named as what is plotted. */
const PLOT_AFTER = /^\s+(?:plot|plots|plan|plans|scheme|schemes|conspiracy)\b/i;

/** "a Chinese blockade of or attack on Taiwan could constitute a threat": an act named as the subject of a possibility. */
const INDEFINITE_BEFORE = /\b(?:a|an|any)\s+(?:[\w'’-]+\s+){0,4}$/i;
const POSSIBLE_AFTER = /^[^,;.]{0,50}?\b(?:could|would|might|may)\s+(?:(?:well|also|even)\s+)?(?:constitute|be|amount|mean|trigger|lead|prompt|provoke|spark|draw|result|pose|cause|justify|warrant|invite)\b/i;

/** "which would allow Russia to save its Iskander missiles for strikes": what a thing would make possible has not happened. */
const ENABLED_BEFORE = /\b(?:would|could|might|may|will)\s+(?:allow|enable|let|help|permit|free up)\b[^,;.]{0,90}$/i;
/** Cheap necessary condition for PLANNED_BEFORE. */
const PLANNED_WORD = /prepar|ahead|plot|rehears|simulat|practi|fear|risk|threat|danger|possib|prospect|spectre|anticipat|expect|potential|looming|imminent|planned|impending|upcoming|forthcoming|scheduled|\bfac(?:e|es|ed|ing)\b/i;
const ENABLING_WORD = /allow|enable|let|help|permit|free up/i;

function dropHypothetical(sentence: string, cs: Candidate[]): void {
  for (const c of cs) {
    if (c.trigger.governs) continue;
    // The clause-limited window is the end of the 50 characters before: without one of the words
    // there, there is none in it, and its clause start need not be found.
    const near = sentence.slice(Math.max(0, c.start - 50), c.start);
    const conditional = HYPOTHETICAL_WORD.test(near);
    const planned = PLANNED_WORD.test(near);
    // Only a hostile act: "said it would allow the return of inspectors" is a promise.
    const enabling = (c.type === 'ASSAULT' || c.type === 'COERCE') && ENABLING_WORD.test(sentence.slice(Math.max(0, c.start - 100), c.start));
    if (PLOT_AFTER.test(sentence.slice(c.end, c.end + 12))) {
      c.dropped = true;
      continue;
    }
    if (!conditional && !planned && !enabling) {
      if (INDEFINITE_BEFORE.test(near) && !PAST_TENSE.test(sentence.slice(c.start, c.end)) && POSSIBLE_AFTER.test(sentence.slice(c.end, c.end + 70))) c.dropped = true;
      continue;
    }
    const clause = clauseStart(sentence, c.start);
    const before = sentence.slice(Math.max(clause, c.start - 50), c.start);
    if (conditional && (HYPOTHETICAL_BEFORE.test(before) || (ANY_BEFORE.test(before) && !NEGATION_WORD.test(before)))) c.dropped = true;
    else if (planned && (PLANNED_BEFORE.test(before) || FACING_BEFORE.test(before))) c.dropped = true;
    else if (enabling && ENABLED_BEFORE.test(sentence.slice(Math.max(clause, c.start - 100), c.start))) c.dropped = true;
  }
}

/**
 * A past act named as a time anchor ("since last month's invasion", "after bloody clashes on Friday",
 * "following the attack", "during the attack") dates the sentence's main act; it is not what the sentence
 * reports. The words between the preposition and the trigger must open a noun phrase (a determiner, a
 * possessive, a number, a time word or a lower-case modifier: "after border clashes"), and a past-tense trigger
 * is a verb, so a clause with its own subject ("after Israel strikes Gaza", "after troops attacked the town") is
 * not taken for one.
 */
const TIME_ANCHOR_BEFORE =
  /\b(?:[Ss]ince|[Aa]fter|[Ff]ollowing|[Bb]efore|[Dd]uring|[Aa]mid|[Dd]espite|[Ii]n the wake of|[Pp]rior to|[Ii]n (?:retaliation|response|revenge|reprisal) (?:for|to))\s+(?:(?:the|a|an|last|this|that|these|those|its|their|his|her|our|recent|earlier|previous|weeks? of|days? of|months? of|years? of|deadly|bloody|heavy|fierce|fresh|renewed|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|[\w.-]+['’]s?)\s+(?:[\w.'’-]+\s+){0,3}|(?!to\s)[a-z][a-z-]*\s+(?:(?!to\s)[a-z][a-z-]*\s+)?)?$/;
/**
 * A relative clause on the anchored act is background too ("after two days of fighting that killed 49 soldiers"),
 * and so is a passive clause ("summoned the ambassador after an aid worker was killed in Gaza").
 */
const TIME_ANCHOR_RELATIVE =
  /\b(?:since|after|following|in the wake of)\s+(?:[\w.'’-]+\s+){1,6}(?:that|which|was|were|had been|has been|have been)\s+(?:(?:have|has|had)\s+)?(?:\w+ly\s+)?$/i;

/** "Norway marks anniversary of massacre", "a memorial to the victims of the bombing": the act is remembered. */
const ANNIVERSARY_BEFORE =
  /\b(?:anniversary|anniversaries|commemorat\w+|remembrance|memorials?(?: service)?)(?: (?:of|for|to)(?: the)?(?: victims of)?)?\s+(?:(?:the|a|an|[\w.-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}$/i;
/**
 * "in protest at the arrest of activists", "to protest the decision to send troops", "gathered to denounce the raid",
 * "a statement condemning the shelling": the act protested or denounced is what the protest or the statement is
 * about, not a new act of the sentence.
 */
const PROTESTED_BEFORE =
  /\b(?:in protest (?:at|of|against|over)|to (?:protest|denounce|condemn|decry)(?: against| at| over)?|(?:protesting|denouncing|condemning|decrying)(?: against| at| over)?|(?:demonstrat(?:e|es|ed|ing)|rall(?:y|ies|ied|ying)) against)\s+(?:(?:the|a|an|[\w.-]+['’]s?)\s+)?(?:[\w.'’-]+\s+){0,3}$/i;
/** Cheap necessary condition for ANNIVERSARY_BEFORE. */
const ANNIVERSARY_WORD = /annivers|commemorat|remembrance|memorial/i;

/**
 * What a row, a protest or a measure is about: "the diplomatic row over the hijacking", "a protest over the bombing of
 * its embassy", "sanctions over the crackdown", "those behind the bombing". A noun phrase with a determiner (not
 * "over 100 killed").
 */
const ABOUT_BEFORE = /\b(?:over|about|regarding|concerning|behind|responsible for)\s+(?:the|a|an|its|their|his|her|this|that|[\w.-]+['’]s)\s+(?:[\w.'’-]+\s+){0,5}$/i;
/** Cheap necessary condition for TIME_ANCHOR_BEFORE and ABOUT_BEFORE. */
const TIME_ANCHOR_WORD = /since|after|following|before|during|amid|despite|wake|prior|retaliation|response|revenge|reprisal|over|about|regarding|concerning|behind|responsible/i;
/** Either's cheap condition, tested once per sentence: most sentences have neither. */
const BACKGROUND_WORD = new RegExp(`${TIME_ANCHOR_WORD.source}|${ANNIVERSARY_WORD.source}`, 'i');
/** Cheap necessary condition for PROTESTED_BEFORE (its words are lower case where it can match). */
const mayBeProtested = (text: string): boolean =>
  text.includes('protest') || text.includes('demonstrat') || text.includes('rall') || text.includes('denounc') || text.includes('condemn');

/**
 * "after Pahalgam massacre", "since the Bucha killings": a place's name before a noun of violence. Not a trigger that
 * may be a verb ("after Israel strikes Gaza"): only singular nouns and "-ings".
 */
const NAMED_ANCHOR_BEFORE = /\b(?:[Aa]fter|[Ff]ollowing|[Ss]ince|[Dd]espite|[Ii]n the wake of)\s+(?:the\s+)?[A-Z][\w'’-]+\s+$/;
const NOUN_TRIGGER = /^(?:[a-z]+(?:ings|[^s\W])|[a-z]+ings?)$/;
function namedAnchor(sentence: string, c: Candidate, before: string): boolean {
  return NAMED_ANCHOR_BEFORE.test(before) && NOUN_TRIGGER.test(sentence.slice(c.start, c.end));
}

/** Past-tense trigger words, and a few present-tense ones, are verbs, not the nouns a time anchor names ("after a vehicle kills"). */
const PAST_TENSE = /^(?:[a-z]+ed|kills|hits|shoots|wounds|injures)\b/i;

/** Cheap necessary condition for DISTANT_PAST. */
const DISTANT_PAST_WORD = /ago|last|in [12]/i;
/**
 * A past dated well before the report's own news: "18 years ago", "last March", "in 1988". An act so dated in
 * its own stretch of the sentence ("for assets they lost when the dictator expelled them 18 years ago") is
 * background to the sentence's main act. "Last week" or "last Friday" are left alone: wire copy dates its news so.
 */
const DISTANT_PAST =
  /\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few) (?:days|weeks|months|years|decades) ago|(?:a|one) (?:month|year|decade) ago|last (?:year|January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter)|in (?:19|20)\d\d)\b/i;
/** Where a stretch of the sentence ends: punctuation, or a relative or temporal clause ("when", "whom", "where", "that"). */
const STRETCH_BREAK = /[,;:()]|\s(?:when|whom|who|where|which|while|that)\s/gi;

/** The stretch of the sentence around an act: between the punctuation or relative clauses on either side of it. */
function stretchAround(sentence: string, at: { start: number; end: number }): string {
  let start = 0;
  let end = sentence.length;
  STRETCH_BREAK.lastIndex = 0;
  for (let m = STRETCH_BREAK.exec(sentence); m; m = STRETCH_BREAK.exec(sentence)) {
    if (m.index + m[0].length <= at.start) start = m.index + m[0].length;
    else if (m.index >= at.end) {
      end = m.index;
      break;
    }
  }
  return sentence.slice(start, end);
}

/** Whether the stretch of the sentence around an act dates it in the distant past. */
function inDistantPast(sentence: string, c: Candidate): boolean {
  return DISTANT_PAST.test(stretchAround(sentence, c));
}

/**
 * A date well before the report's news: a year or a decade ("in 2020", "in June 2020", "in late 2024", "in the early
 * 1990s"), or years ago. A year counts only when it is before the year the report was published (any year when the
 * date is unknown); months of the report's own year count when they end three months or more before its month ("in
 * March and April 2025" in a report of November 2025), and so does a month named without a year ("estimated in March
 * that Ethiopia had massed 60,000 troops" in a report of August; a later month is the year's future, not its past).
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;
/** A month or a span of months ("March", "March and April", "June-July"), each name captured. */
const MONTH_SPAN = `${MONTH}(?:\\s+(?:and|or|to|through|until)\\s+${MONTH}|\\s*[-–]\\s*${MONTH})?`;
const PART_OF = '(?:(?:early|mid|late)[- ])?';
/** A month named in full or by its usual abbreviation ("Nov.", "Sept."), captured. */
const MONTH_OR_ABBREVIATION = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`;
const monthIndex = (name: string): number => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
const DATED_BEFORE = new RegExp(
  `\\b(?:(?:in|during|between|of|from)\\s+${PART_OF}(?:${MONTH_SPAN}\\s+)?((?:19|20)\\d\\d)\\b(?!s)|` +
    `(?:in|during)\\s+${PART_OF}${MONTH_SPAN}\\b(?!['’]|\\s+\\d)|` +
    String.raw`in the (?:early |mid-?|late )?(?:19|20)\d0s|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:years|decades) ago|(?:a|one) (?:year|decade) ago|last year|` +
    // A full date with its year: "on Nov. 1, 2024", "on 1 November 2024".
    `(?:on\\s+)?(?:\\d{1,2}\\s+)?${MONTH_OR_ABBREVIATION}\\.?\\s+(?:\\d{1,2},?\\s+)?((?:19|20)\\d\\d)\\b(?!s))`,
  'gi',
);
/** Words that date a sentence in the report's own days: it is news, whatever earlier date it also names. */
const NEWS_TIME = /\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|overnight|this (?:week|month|morning|evening)|on \w+ \d{1,2}(?:,| \d{4})?|late on \w+day)\b/i;

/** A month (full name or abbreviation) of the report's own year that ends three months or more before the report's month. */
const monthsBefore = (month: string, published: Date): boolean => monthIndex(month) <= published.getUTCMonth() - 3;

function datedBefore(text: string, published: Date | undefined): boolean {
  DATED_BEFORE.lastIndex = 0;
  for (let m = DATED_BEFORE.exec(text); m; m = DATED_BEFORE.exec(text)) {
    // A year: in a month span (m[1]–m[4]) or a full date (m[8], m[9]).
    const year = m[4] ?? m[9];
    const yearless = m[7] ?? m[6] ?? m[5];
    if (yearless !== undefined) {
      if (published !== undefined && monthsBefore(yearless, published)) return true;
      continue;
    }
    if (year === undefined || published === undefined || Number(year) < published.getUTCFullYear()) return true;
    const lastMonth = m[3] ?? m[2] ?? m[1] ?? m[8];
    if (Number(year) === published.getUTCFullYear() && lastMonth !== undefined && monthsBefore(lastMonth, published)) return true;
  }
  return false;
}

/** Cheap necessary condition for DATED_BEFORE: a year, a decade, "ago", "last year" or a month. */
const DATED_WORD = new RegExp(`[12]\\d\\d\\d|\\bago\\b|last year|(?:in|during)\\s+${PART_OF}${MONTH}\\b`, 'i');

/**
 * Whether an act is background to the report's news: the stretch around it is dated before the news ("after a clash
 * in the Galwan Valley in June 2020"), or the whole sentence is and names no day of the news ("Armenia and Azerbaijan
 * fought two wars, in the early 1990s and in 2020, which together killed tens of thousands").
 */
export function isBackground(sentence: string, trigger: { start: number; end: number }, published?: Date): boolean {
  if (!DATED_WORD.test(sentence)) return false;
  return datedBefore(stretchAround(sentence, trigger), published) || (!NEWS_TIME.test(sentence) && datedBefore(sentence, published));
}

/**
 * Background acts (time anchors, acts of the distant past) are dropped when the sentence reports a main act of
 * another type.
 */
function dropBackgroundActs(sentence: string, cs: Candidate[]): void {
  // One test of the whole sentence rules out most sentences: no anchor word, no date in the past.
  const protested = mayBeProtested(sentence);
  const mayBeAnchored = protested || BACKGROUND_WORD.test(sentence);
  const mayBePast = cs.length > 1 && DISTANT_PAST_WORD.test(sentence);
  if (!mayBeAnchored && !mayBePast) return;
  let anchored: Candidate[] | null = null;
  for (const c of cs) {
    if (c.dropped || c.trigger.governs) continue;
    if (mayBeAnchored) {
      const before = sentence.slice(Math.max(0, c.start - 60), c.start);
      // An act remembered is no act now, whatever else the sentence reports.
      if (ANNIVERSARY_WORD.test(before) && ANNIVERSARY_BEFORE.test(before)) {
        c.dropped = true;
        continue;
      }
      if (
        TIME_ANCHOR_WORD.test(before) &&
        ((!PAST_TENSE.test(sentence.slice(c.start, c.end)) && (TIME_ANCHOR_BEFORE.test(before) || ABOUT_BEFORE.test(before) || namedAnchor(sentence, c, before))) ||
          TIME_ANCHOR_RELATIVE.test(before))
      ) {
        (anchored ??= []).push(c);
        continue;
      }
      if (protested && c.type !== 'PROTEST' && mayBeProtested(before) && PROTESTED_BEFORE.test(before)) {
        (anchored ??= []).push(c);
        continue;
      }
    }
    if (mayBePast && inDistantPast(sentence, c)) (anchored ??= []).push(c);
  }
  if (anchored === null) return;
  // Only when the sentence reports an act of its own: "Three dead after Russian strike" is the strike.
  // An anchor of the main act's own type stays, to be merged into it: "died after the shelling of …" says
  // how they died.
  const main = cs.filter((c) => !c.dropped && !anchored.includes(c));
  if (main.length === 0) return;
  for (const c of anchored) if (!main.some((m) => m.type === c.type)) c.dropped = true;
}

/**
 * What a protest or a threat demands is its purpose, not a second event (the PLOVER gold codes "staged
 * demonstrations to demand reforms", "blocked roads demanding that he be reinstated" and "would blockade Paris to
 * demand an end to the reform" as one PROTEST or THREATEN): a request in its clause, introduced as a purpose ("to
 * demand", "to press their demands", "in demand of") or a manner ("demanding", "calling for"), is covered by it. A
 * request with a subject of its own stays ("marched, and the union demanded").
 */
const PURPOSE_BEFORE = /\b(?:to|in)\s+(?:press\s+(?:their|its|his|her|the)\s+)?$/;
const MANNER_TRIGGER = /^(?:demanding|calling|urging|pressing|seeking|asking|denouncing|condemning|decrying)\b/i;
const MAX_PURPOSE_GAP = 100;

function dropProtestDemands(sentence: string, cs: Candidate[]): void {
  let pressure: Candidate | null = null;
  for (const c of cs) {
    if (c.dropped) continue;
    if (c.type === 'PROTEST' || c.type === 'THREATEN') pressure = c;
    else if ((c.type === 'REQUEST' || (c.type === 'ACCUSE' && pressure?.type === 'PROTEST')) && pressure !== null && c.start - pressure.end <= MAX_PURPOSE_GAP && clauseStart(sentence, c.start) <= pressure.start) {
      const gap = sentence.slice(pressure.end, c.start);
      const trigger = sentence.slice(c.start, c.end);
      if (MANNER_TRIGGER.test(trigger) || PURPOSE_BEFORE.test(gap)) c.dropped = true;
    }
  }
}

/**
 * The damage a riot does is the riot: "Rioters torched shops and overturned cars", "protesters stormed and set fire to
 * the embassy" are one PROTEST (PLOVER's riot mode), not an assault besides.
 */
function dropRiotDamage(cs: Candidate[]): void {
  if (!cs.some((c) => c.type === 'PROTEST' && !c.dropped)) return;
  for (const c of cs) if (c.type === 'ASSAULT' && c.mode === 'destroy') c.dropped = true;
}

/**
 * "delivered drones, guided bombs and artillery ammunition to the RSF": weapons listed after aid are what was given,
 * not an attack.
 */
const WEAPON_NOUN = /^(?:bombs?|missiles?|rockets?|shells?|drones?|munitions|ammunition|artillery|mortars?|grenades?)\b/i;
const LIST_GAP = /^(?:,?\s+(?:and\s+)?(?:[\w'’-]+\s*){0,3})*$/;
const NOT_A_LIST = /[;.:]|\b(?:which|that|who|while|after|before|as|but|when|to)\b/i;
function dropAidWeapons(sentence: string, cs: Candidate[]): void {
  for (const aid of cs) {
    if (aid.type !== 'AID' || aid.dropped) continue;
    for (const c of cs) {
      if (c.type !== 'ASSAULT' || c.start < aid.end || c.start - aid.end > 80 || !WEAPON_NOUN.test(sentence.slice(c.start, c.end))) continue;
      const gap = sentence.slice(aid.end, c.start);
      if (LIST_GAP.test(gap) && !NOT_A_LIST.test(gap)) c.dropped = true;
    }
  }
}

/** "arrested 25 Palestinians in overnight raids": the raids are how the arrests were made, not an attack besides. */
const RAID_OF_ARREST = /^raids?\b/i;
const IN_BEFORE = /\b(?:in|during)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$/i;
function dropArrestRaids(sentence: string, cs: Candidate[]): void {
  if (!cs.some((c) => c.type === 'COERCE' && !c.dropped)) return;
  for (const c of cs) {
    if (c.type === 'ASSAULT' && RAID_OF_ARREST.test(sentence.slice(c.start, c.end)) && IN_BEFORE.test(sentence.slice(Math.max(0, c.start - 40), c.start))) c.dropped = true;
  }
}

/** A few acts change category with their object: sending peacekeepers is aid, not a show of force. */
function applyReclassify(sentence: string, cs: Candidate[], lex: CompiledLexicon): void {
  for (const c of cs) {
    const rule = lex.reclassify.find((r) => r.type === c.type && r.re.test(sentence.slice(c.start, c.end)));
    if (rule) {
      c.type = rule.to;
      c.mode = rule.mode;
    }
  }
}

/** Sports, markets and figures of speech borrow the vocabulary of war. */
function applyNonEventContexts(sentence: string, cs: Candidate[], lex: CompiledLexicon): void {
  // The contexts are whole-sentence searches: run them only when they could drop something.
  if (!cs.some((c) => !c.dropped && lex.blockableTypes.has(c.type))) return;
  const blocked = new Set<EventType>();
  let figurative: boolean | null = null;
  for (const ctx of lex.nonEventContexts) {
    if (!cs.some((c) => ctx.blocks.has(c.type)) || !ctx.re.test(sentence)) continue;
    // A real military report that happens to mention a stadium or oil prices stays an event (an accident only
    // when it names a hostile act); a figure of speech does not become one by its military word.
    figurative ??= lex.nonEventContexts.find((c) => c.id === 'figurative')?.re.test(sentence) ?? false;
    if (!figurative && ctx.overruledBy.test(sentence)) continue;
    ctx.blocks.forEach((t) => blocked.add(t));
  }
  if (blocked.size === 0) return;
  for (const c of cs) if (blocked.has(c.type)) c.dropped = true;
}

function refineMode(sentence: string, c: Candidate, lex: CompiledLexicon): void {
  const rules = lex.modeRules.get(c.type);
  // Only an ASSAULT's mode can be overridden by the clause (see below): others keep a mode they have.
  if (!rules || (c.mode && c.type !== 'ASSAULT')) return;
  // What is given says how it helps ("delivered medicines" is humanitarian, whoever's drones carried them); otherwise
  // the clause around the trigger says how: "killed … in a car bomb explosion" (a suicide blast is a suicide attack).
  const own = c.type === 'ASSAULT' ? null : sentence.slice(c.start, c.end);
  const window = sentence.slice(clauseStart(sentence, c.start), clauseEnd(sentence, c.end));
  const specific = (own !== null ? rules.find((r) => r.re.test(own)) : undefined) ?? rules.find((r) => r.re.test(window));
  // A mode the trigger itself names (e.g. hunger strike) is more specific than the clause's words,
  // except where the clause adds a more specific kind of the same act (a suicide bombing).
  if (!c.mode || (specific && c.type === 'ASSAULT' && specific.mode === 'suicide-attack')) c.mode = specific?.mode ?? c.mode;
}

/** Events one sentence reports, in order of their trigger words. */
export function classifySentence(sentence: string, lex: CompiledLexicon = defaultLexicon): EventMention[] {
  const candidates = dropOverlaps(findCandidates(sentence, lex));
  if (candidates.length === 0) return [];
  applyNonEventContexts(sentence, candidates, lex);
  applyReclassify(sentence, candidates, lex);
  dropHypothetical(sentence, candidates);
  applyGovernors(sentence, candidates, lex);
  applyIntentMarkers(sentence, candidates, lex);
  if (candidates.length > 1) {
    dropProtestDemands(sentence, candidates);
    dropRiotDamage(candidates);
    dropArrestRaids(sentence, candidates);
    dropAidWeapons(sentence, candidates);
  }
  dropBackgroundActs(sentence, candidates);
  const events: EventMention[] = [];
  for (const c of candidates) {
    if (c.dropped) continue;
    refineMode(sentence, c, lex);
    const mention: EventMention = { type: c.type, mode: c.mode, trigger: { start: c.start, end: c.end }, text: sentence.slice(c.start, c.end), claimed: c.claimed };
    if (c.trigger.receiverSubject) mention.receiverSubject = true;
    if (c.trigger.reportedSubject) mention.reportedSubject = true;
    events.push(mention);
  }
  return mergeSameType(events);
}

/**
 * Modes that say little: which weapon was used (what was done, "abducted", "executed", says more), or that people
 * demonstrated (what they did, "blocked major roads", "rioted", says more).
 */
const GENERIC_MODES: ReadonlySet<string> = new Set(['firearms', 'heavy-weapons', 'explosives', 'demo']);

/**
 * One event per type per sentence ("attacked … and killed" is one assault); a later mention may supply a
 * missing mode, or a more telling one ("Gunmen abducted 80 schoolchildren" is ASSAULT/abduct, not firearms;
 * "Hundreds of protesters blocked roads" PROTEST/obstruct), and
 * is kept as a place to read the actors at.
 */
function mergeSameType(events: EventMention[]): EventMention[] {
  if (events.length < 2) return events;
  const byType = new Map<EventType, EventMention>();
  for (const e of events) {
    const first = byType.get(e.type);
    if (!first) byType.set(e.type, e);
    else {
      if (e.mode && (!first.mode || (GENERIC_MODES.has(first.mode) && !GENERIC_MODES.has(e.mode)))) first.mode = e.mode;
      (first.alsoAt ??= []).push(e.trigger);
    }
  }
  return [...byType.values()].sort((a, b) => a.trigger.start - b.trigger.start);
}

/**
 * What a body sentence needs to keep an event of a type its report's headline rules out: a hostile act of its own
 * ("hostile"), or a hostile act and a side of it ("sides").
 */
export type HeadlineBlock = 'hostile' | 'sides';

/**
 * The event types a report's headline rules out for the whole report, found in a headline that names no hostile
 * act. An accident or a disaster (`headline_sets_report`: "Bus crash kills 43", "Military plane crash kills 20")
 * leaves a body sentence its events only where it names a hostile act of its own ("At least 43 people were killed
 * when the bus left the road" is the crash). A match, a market or a figure of speech (`headline_blocks`: "Inter edge
 * Napoli in title battle", "Wall St rallies") borrows the words of hostile acts too ("under bombardment for much of
 * the half"): there a body sentence must also name a side of the act.
 */
export function headlineBlocks(headline: string, lex: CompiledLexicon = defaultLexicon): ReadonlyMap<EventType, HeadlineBlock> {
  const blocked = new Map<EventType, HeadlineBlock>();
  for (const ctx of lex.nonEventContexts) {
    if (!ctx.headlineSetsReport || !ctx.re.test(headline) || ctx.overruledBy.test(headline)) continue;
    const need: HeadlineBlock = ctx.overruledBy === lex.hostileContext ? 'hostile' : 'sides';
    ctx.headlineBlocks.forEach((t) => blocked.set(t, blocked.get(t) === 'sides' ? 'sides' : need));
  }
  return blocked;
}

/** Whether a body sentence names a hostile act, and so keeps its events under an accident headline. */
export function hasHostileContext(sentence: string, lex: CompiledLexicon = defaultLexicon): boolean {
  return lex.hostileContext.test(sentence);
}

/** Help that will not be given: "would not send weapons", "won't withdraw", "refuses to hold talks". */
const REFUSAL_BEFORE = /(?:\b(?:will|would|shall)\s+(?:not|never)|\bwon['’]t|\bnot\s+(?:be\s+)?(?:willing|prepared|ready)\s+to)\s+(?:[\w-]+\s+)?$/i;
const REFUSABLE: ReadonlySet<EventType> = new Set(['AID', 'COOPERATE', 'CONSULT', 'RETREAT']);

/**
 * Cooperation that is negated ("will not accept refugees") is a refusal, and so is help or a retreat declared
 * not to come ("would not send weapons to Ukraine"); negated conflict stays negated. `before` is the sentence
 * before the trigger.
 */
export function resolveNegation(type: EventType, negated: boolean, before = ''): { type: EventType; negated: boolean } {
  if (negated && (type === 'AGREE' || type === 'CONCEDE' || type === 'SUPPORT')) return { type: 'REJECT', negated: false };
  if (negated && REFUSABLE.has(type) && REFUSAL_BEFORE.test(before.slice(-40))) return { type: 'REJECT', negated: false };
  return { type, negated };
}

export const rulesetVersionOfLexicon = (): string => defaultLexicon.version;
