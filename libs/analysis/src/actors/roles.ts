/**
 * assignRoles: who acts and who is acted on, for an event whose trigger sits at a span of the
 * sentence. Shallow, rule-based reading of English news syntax (see docs/actors.md):
 *  - actor: the subject, i.e. the mention group nearest before the trigger ("Russia and Belarus
 *    agreed", "Russia's invasion of Ukraine"); in the passive the "by" agent ("was attacked by X");
 *  - target: the first object group after the trigger ("to Russia", "against Ukraine", "summoned
 *    the Russian ambassador"), or in the passive the subject;
 *  - mentions only in passing are neither: attributions (", Yonhap said", "according to Seoul"),
 *    relative clauses (", which borders Poland,"), modifiers ("Iranian-made", "pro-Russian"), media
 *    after the trigger; locations ("in Seoul") are used only when nothing stronger is there.
 */
import type { EventType } from '../types.ts';
import type { ActorMention } from './mentions.ts';
import domesticGroupsFile from '../../data/actors/domestic_groups.json' with { type: 'json' };
import { gazetteer } from './gazetteer.ts';
import { wordBefore } from './tokens.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Roles {
  actors: string[];
  targets: string[];
}

/** Event types where several subjects act together and none is the other's target. */
const SYMMETRIC_TYPES: ReadonlySet<EventType> = new Set(['AGREE', 'CONSULT', 'COOPERATE', 'SUPPORT']);

const MODIFIER_AFTER =
  /^-(?:backed|made|built|born|based|supplied|funded|sponsored|designed|educated|member|trained|brokered|style|era|aligned|allied|linked|affiliated|leaning|friendly)\b/;
const MODIFIER_BEFORE = /\b(?:pro|anti|ex|non|post|pre)-$/i;
/** Prepositions that make the following place a location rather than a participant. */
const LOCATIVE_WORDS = ['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'within', 'around', 'off'];
const AGENT_WORDS = ['by'];
const TO_WORD = ['to'];
const OF_WORD = ['of'];
const PREPOSITIONS = ['with', 'to', 'against', 'toward', 'towards', 'into', 'over', 'on', 'for'];
/** "according to the official Russian news agency": words that make the source someone else. */
const OTHER_SOURCE_WORDS = new Set(['reports', 'sources', 'officials']);
/** "ethnic Albanians" are a people, not the Albanian state. */
const ETHNIC_BEFORE = /\bethnic\s+$/i;
/** A place named as a border ("on the Thai border") is a location, like "in Seoul". */
const BORDER_AFTER = /^\s*(?:-\w+\s+)?(?:border|frontier)\b/;
const MEDIA_AFTER = /^\s*(?:state\s+|official\s+)?(?:news agency|newspaper|daily|media|television|TV|radio|broadcaster|press agency|news service)\b/;
const CONJUNCTION_ONLY = /^[\s,]*(?:(?:and|or|&|\/|as well as|along with|together with|plus)\s+)?(?:the\s+)?$/;
const POSSESSIVE_GAP = /^['’]s?\s*$/;
/** "Bulgarian President Todor Zhivkov": a demonym and a name joined by a title are one actor. */
const TITLE_GAP = /^\s+(?:[A-Z][\w.-]*\s+){1,4}$/;

const CLAUSE_WORDS_AFTER_COMMA = new Set([
  'after', 'while', 'as', 'but', 'despite', 'before', 'because', 'although', 'though', 'when', 'since', 'amid',
  'following', 'saying', 'describing', 'becoming', 'who', 'which', 'whose', 'where',
]);
const REPORTING_VERB = /\b(?:said|says|say|told|reported|reports|announced|quoted|added|stated|claimed|confirmed|according)\b/;
/** ", Russia warns of civil war", ", Lavrov arrives for talks": a headline's second clause, a name and its verb. */
const NAME_THEN_VERB = /^\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+[a-z]+s\b/;
const DASH_AFTER = /\s[-–—]\s/;
/** ", as …", ", while …", ", when …": a subordinate clause with a subject of its own. */
const SUBORDINATE_OPENER = /,\s+(?:as|while|whereas|when|because|although|though)\s/g;

/** Where the last subordinate clause opened between `from` and `to` starts its words, or -1. */
function lastSubordinateOpener(sentence: string, from: number, to: number): number {
  let at = -1;
  const comma = sentence.indexOf(',', from);
  if (comma < 0 || comma >= to) return -1;
  SUBORDINATE_OPENER.lastIndex = comma;
  for (let m = SUBORDINATE_OPENER.exec(sentence); m && m.index < to; m = SUBORDINATE_OPENER.exec(sentence)) at = m.index + m[0].length;
  return at;
}

/** Words that open a new clause even without a comma. */
const CLAUSE_WORDS = /\s(?:after|following|before|despite|because|while|although|unless|if|whereas|without|who|which|whose|where|according to|(?<!such |same |known |well )as(?= (?:the )?[A-Z]))\s/;

/**
 * Where the object region of a trigger ends: a new clause (";", "after", ", but"), a relative
 * clause (", which"), or an attribution (", officials said", "according to").
 */
function objectRegionEnd(sentence: string, from: number): number {
  let end = sentence.indexOf(';', from);
  if (end < 0) end = sentence.length;
  // "… in the Kupyansk direction - Russian Defense Ministry": a spaced dash sets off who reports it.
  const dash = DASH_AFTER.exec(sentence.slice(from, end));
  if (dash) end = from + dash.index;
  const clause = CLAUSE_WORDS.exec(sentence.slice(from, end));
  if (clause) end = from + clause.index;
  for (let comma = sentence.indexOf(',', from); comma >= 0 && comma < end; comma = sentence.indexOf(',', comma + 1)) {
    let next = sentence.indexOf(',', comma + 1);
    if (next < 0 || next > comma + 90) next = Math.min(sentence.length, comma + 90);
    const segment = sentence.slice(comma + 1, next);
    const firstWord = /^\s*([a-z]+)/.exec(segment);
    if ((firstWord && CLAUSE_WORDS_AFTER_COMMA.has(firstWord[1]!)) || REPORTING_VERB.test(segment) || NAME_THEN_VERB.test(segment)) return comma;
  }
  return end;
}

/**
 * Looks back from `pos` over up to `maxWords` lower-case words (no punctuation, no capitalised
 * word in between) for one of `wanted`; returns where it starts, or -1. The words passed on the way
 * are added to `passed` when one is given. Words are compared in place (a substring per word looked
 * at costs more than the search: this runs for every mention).
 */
function findWordBefore(sentence: string, pos: number, wanted: readonly string[], maxWords: number, passed: string[] | null = null): number {
  let i = pos;
  for (let k = 0; k <= maxWords; k++) {
    while (i > 0 && sentence.charCodeAt(i - 1) === 32) i--;
    let j = i;
    while (j > 0) {
      const c = sentence.charCodeAt(j - 1);
      if ((c >= 97 && c <= 122) || c === 45) j--;
      else break;
    }
    if (j === i || (j > 0 && sentence.charCodeAt(j - 1) !== 32)) return -1;
    for (const w of wanted) if (w.length === i - j && sentence.startsWith(w, j)) return j;
    passed?.push(sentence.slice(j, i));
    i = j;
  }
  return -1;
}

/** "in Eastern Ukraine", "in East India": a capitalised compass word between the preposition and the place. */
const LOCATIVE_COMPASS_BEFORE = new RegExp(
  String.raw`\b(?:${LOCATIVE_WORDS.join('|')})\s+(?:the\s+)?(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|North-?[Ee]astern|North-?[Ww]estern|South-?[Ee]astern|South-?[Ww]estern|Upper|Lower)\s+$`,
);

/** Cheap test for LOCATIVE_COMPASS_BEFORE: the word before starts with a capital a compass word can start with. */
function afterCompassWord(sentence: string, start: number): boolean {
  if (sentence.charCodeAt(start - 1) !== 32) return false;
  let w = start - 1;
  while (w > 0 && sentence.charCodeAt(w - 1) !== 32) w--;
  const c = sentence.charCodeAt(w);
  // N, S, E, W, C(entral), U(pper), L(ower)
  return w < start - 1 && (c === 78 || c === 83 || c === 69 || c === 87 || c === 67 || c === 85 || c === 76);
}

/** "off" places only at sea ("off the coast of Somalia", "off Yemen"); elsewhere it is a particle ("broke off relations with"). */
const OFF_A_COAST = /^off\s+(?:(?:the\s+)?(?:[a-z-]+\s+)?(?:coast|coasts|shore|shores|coastline)\s+of\s+)?$/;

function isLocative(sentence: string, m: ActorMention): boolean {
  const at = findWordBefore(sentence, m.start, LOCATIVE_WORDS, 4);
  if (at >= 0 && (!sentence.startsWith('off', at) || OFF_A_COAST.test(sentence.slice(at, m.start)))) return true;
  if (afterCompassWord(sentence, m.start) && LOCATIVE_COMPASS_BEFORE.test(sentence.slice(Math.max(0, m.start - 30), m.start))) return true;
  // Cheap test first: the regular expression only where "border" or "frontier" follows closely.
  const after = sentence.slice(m.end, m.end + 30);
  if ((after.includes('border') || after.includes('frontier')) && BORDER_AFTER.test(after)) return true;
  // "strayed into Moldovan airspace", "on Polish soil": a country's ground, sea or sky is a place.
  return PLACE_NOUN_AFTER.test(after);
}

const PLACE_NOUN_AFTER = /^\s+(?:airspace|territory|territorial waters|waters|soil|skies)\b/i;

/** "according to Seoul", "according to the Russian defence ministry" (but not "according to reports the UK"). */
function isAccordingTo(sentence: string, m: ActorMention): boolean {
  const passed: string[] = [];
  const to = findWordBefore(sentence, m.start, TO_WORD, 3, passed);
  if (to < 0 || passed.some((w) => OTHER_SOURCE_WORDS.has(w))) return false;
  return /\baccording\s+$/i.test(sentence.slice(Math.max(0, to - 12), to));
}

/** Verbs after which a passive subject is the one acted on ("was attacked", "were sanctioned"). */
const VICTIM_TYPES: ReadonlySet<EventType> = new Set(['ASSAULT', 'COERCE', 'ACCUSE', 'PROTEST', 'SANCTION', 'THREATEN', 'REJECT']);
/** Acts that answer someone else's: the "by" after them names the one answered, not the actor. */
const ANSWERING_TYPES: ReadonlySet<EventType> = new Set(['ACCUSE', 'PROTEST', 'REQUEST', 'REJECT']);
/** Complaint-like types: "protested to X over Y" targets Y, X is only the addressee. */
const ADDRESSEE_TYPES: ReadonlySet<EventType> = new Set(['ACCUSE', 'PROTEST', 'REQUEST']);
/** "is opposed to", "is committed to", "were sent to": adjectival or motion, not an agentless passive. */
const NOT_PASSIVE_AFTER = /^\s*(?:to|that|about)\b/i;
const PASSIVE_AUX_BEFORE = /\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\w+ly\s+)?$/i;
const PARTICIPLE_START = /^\w+(?:ed|en|wn|t)\b/i;
const PASSIVE_IN_TRIGGER = /^(?:(?:was|were|is|are|be|being|has been|have been|had been|been)\s+)(?:\w+ly\s+)?\w+(?:ed|en|wn)\b/i;

interface Candidate {
  mention: ActorMention;
  locative: boolean;
  /** Named after "of" by a noun that does not act ("the evacuation of Gaza"): a subject only when nothing else is. */
  ofObject: boolean;
  /** Introduced by "by". */
  agent: boolean;
  /** Introduced by "to". */
  addressee: boolean;
}

const BY_AT_END = /\bby$/;
const AGENT_RIGHT_AFTER = /^\s+by\s+(?:the\s+)?$/;
const BY_RIGHT_AFTER = /^\s+by\s/;
const PASSIVE_BY_BEFORE =
  /\b(?:(?:hit|struck|targeted|damaged|destroyed|killed|wounded|injured|attacked|shelled|bombed|rocked|shaken)\s+by|(?:hit|slapped|targeted|punished)\s+with)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}$/i;
const PARTICIPLE_END = /\w(?:ed|en|wn)$/;
/**
 * "the dispatch of North Korean troops", "More French soldiers to …", "detected 125 Chinese military aircraft": the
 * demonym in the trigger names whose troops or craft move, not the one who reports them.
 */
const WHOSE_TROOPS = /\sof\s|^(?:more|additional|extra)\s|^(?:detected|spotted|tracked|sighted|detects|spots|tracks)\s/i;
const TO_AT_END = /\s(?:to|that|about)$/;

/**
 * Headlines drop the auxiliary: "Two Ukrainian soldiers killed in Russian shelling", "Russian journalist
 * arrested in Georgia", "firms accused of supplying drones". A participle of a verb that needs an object,
 * followed by no object (a preposition, punctuation or the end), is a passive.
 */
const REDUCED_PASSIVE_VERB =
  /^(?:killed|wounded|injured|attacked|shot|arrested|detained|expelled|sanctioned|struck|shelled|bombed|abducted|kidnapped|executed|captured|seized|targeted|banned|jailed|sentenced|deported|raided|ambushed|beaten|tortured|assassinated|massacred|slain|hanged|imprisoned|evicted|fined|indicted|punished|besieged|hijacked|murdered|raped|gang-raped|hit|destroyed|eliminated|liquidated|neutrali[sz]ed|downed|shot down|intercepted|damaged|repelled|repulsed|shot at|fired at|fired on|fired upon)$/i;
const NO_OBJECT_AFTER =
  /^(?:\s*(?:[,;:.!?]|$)|\s+(?:in|by|during|near|at(?!\s+(?:least|most)\b)|on|as|after|from|over(?!\s+(?:\d|a\s|an\s|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|dozens|hundreds|thousands))|for|of|amid|while|outside|inside|when|across|along|off)\b|\s+and\b(?!\s+\w+(?:ed|en)\s+(?:(?:the|a|an|its|their|his|her|several|dozens)\b|\d)))/i;
/** Verbs of saying take their object after a time ("condemned on Monday the attack"): passive only before "of"/"for". */
const REDUCED_PASSIVE_CLAIM = /^(?:accused|blamed|condemned|critici[sz]ed|charged|suspected)(?:\s+of)?$/i;
const CLAIM_OBJECT_AFTER = /^\s+(?:of|for)\b/i;
const ACTIVE_BEFORE = /\b(?:has|have|had|who|which|that|to)\s+(?:\w+ly\s+)?$/i;

function isPassive(sentence: string, trigger: Span, hasAgent: boolean): boolean {
  const before = sentence.slice(Math.max(0, trigger.start - 30), trigger.start);
  const text = sentence.slice(trigger.start, trigger.end).trim();
  if (text.endsWith('by') && BY_AT_END.test(text)) return true;
  // "units destroyed by Russian troops": a participle with its agent right after it.
  if (hasAgent && PARTICIPLE_END.test(text) && BY_RIGHT_AFTER.test(sentence.slice(trigger.end, trigger.end + 5))) return true;
  const passiveForm = (PASSIVE_AUX_BEFORE.test(before) && PARTICIPLE_START.test(text)) || PASSIVE_IN_TRIGGER.test(text);
  // "is opposed to": the trigger may end with the "to" that makes it no passive.
  if (passiveForm) return hasAgent || !(NOT_PASSIVE_AFTER.test(sentence.slice(trigger.end, trigger.end + 10)) || TO_AT_END.test(text));
  if (ACTIVE_BEFORE.test(before)) return false;
  const after = sentence.slice(trigger.end, trigger.end + 40);
  return (REDUCED_PASSIVE_VERB.test(text) && NO_OBJECT_AFTER.test(after)) || (REDUCED_PASSIVE_CLAIM.test(text) && (text.endsWith(' of') || CLAIM_OBJECT_AFTER.test(after)));
}

/** What stands between a mention and the next when that one is an item of a list, not an appositive (", the "). */
const LIST_ITEM_GAP = /^,\s+(?:a|an|the)\s+$/;

/** Spans of parentheses and of appositives right after a mention (", a key U.S. ally in ...,"). */
function asideSpans(sentence: string, mentions: ActorMention[]): Span[] {
  const spans: Span[] = [];
  if (sentence.includes('(')) for (const m of sentence.matchAll(/\([^()]*\)/g)) spans.push({ start: m.index, end: m.index + m[0].length });
  for (const mention of mentions) {
    if (sentence.charCodeAt(mention.end) !== 44) continue; // an appositive starts with a comma
    const appositive = /^,\s+(?:a|an|the)\s[^,;]*,/.exec(sentence.slice(mention.end, mention.end + 120));
    if (!appositive) continue;
    const end = mention.end + appositive[0].length;
    // "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": a name alone between the commas is the next item of a list.
    if (mentions.some((other) => other.end === end - 1 && LIST_ITEM_GAP.test(sentence.slice(mention.end, other.start)))) continue;
    spans.push({ start: mention.end, end });
  }
  return spans;
}

const RELATIVE_CLAUSE = /,\s*(?:who|which|whose|where|when)\b[^,;]*(?:,|;|$)/g;

/** Spans of ", who/which/whose/where ... ," clauses. */
function relativeClauseSpans(sentence: string): Span[] {
  const spans: Span[] = [];
  // Every relative pronoun starts with "wh": most sentences have no clause to look for.
  // (A plain exec loop: matchAll builds a new RegExp and an iterator per call.)
  if (!sentence.includes(',') || !sentence.includes('wh')) return spans;
  RELATIVE_CLAUSE.lastIndex = 0;
  for (let m = RELATIVE_CLAUSE.exec(sentence); m; m = RELATIVE_CLAUSE.exec(sentence)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** What of a mention's passing-ness does not depend on the trigger: modifiers, attributions, a media name after it. */
interface MentionFacts {
  candidate: Candidate;
  /** A modifier ("Iranian-made", "pro-Russian", "ethnic Albanians") or an attribution ("according to Seoul"). */
  passing: boolean;
  /** Followed by "news agency", "newspaper"...: passing when it comes after the trigger (found when first asked). */
  mediaAfter: boolean | null;
}

/** "Iranian-made", "pro-Russian", "ethnic Albanians": the regular expressions run only where a hyphen or "ethnic" is next to the mention. */
function isModifier(sentence: string, m: ActorMention): boolean {
  if (sentence.charCodeAt(m.end) === 45 && MODIFIER_AFTER.test(sentence.slice(m.end, m.end + 40))) return true;
  const before = sentence.slice(Math.max(0, m.start - 12), m.start);
  if (sentence.charCodeAt(m.start - 1) === 45 && MODIFIER_BEFORE.test(before)) return true;
  return (before.includes('thnic') || before.includes('THNIC')) && ETHNIC_BEFORE.test(before);
}

/**
 * "with Omani mediation", "under the auspices of OSCE mediators", "mediated by the United Arab Emirates": a mediator
 * of the act is neither side of it ("agreed to US mediation" makes the mediation the object, and the mediator a side).
 */
const MEDIATOR_AFTER = /^\s+(?:mediation|mediators?)\b/i;
const MEDIATION_BEFORE = /\b(?:with|under|through|via|amid|auspices of)\s+(?:the\s+)?$/i;
const MEDIATOR_BEFORE = /\b(?:mediated|brokered|facilitated)\s+by\s+(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s+(?:and\s+)?(?:the\s+)?){0,3}$/;
function isMediator(sentence: string, m: ActorMention): boolean {
  const before = sentence.slice(Math.max(0, m.start - 60), m.start);
  const after = sentence.slice(m.end, m.end + 12);
  if (after.includes('ediat') && MEDIATOR_AFTER.test(after)) return MEDIATION_BEFORE.test(before);
  // The mediators may be a list: "brokered by Egypt, Qatar and the United States".
  return before.includes(' by') && MEDIATOR_BEFORE.test(before);
}

function mentionFacts(sentence: string, m: ActorMention): MentionFacts {
  const passing = isModifier(sentence, m) || isAccordingTo(sentence, m) || isMediator(sentence, m);
  return { candidate: candidate(sentence, m), passing, mediaAfter: passing ? false : null };
}

function isPassing(sentence: string, facts: MentionFacts, trigger: Span, asides: Span[]): boolean {
  const m = facts.candidate.mention;
  if (facts.passing) return true;
  if (m.start >= trigger.end) {
    facts.mediaAfter ??= MEDIA_AFTER.test(sentence.slice(m.end, m.end + 40));
    if (facts.mediaAfter) return true;
  }
  for (const r of asides) {
    const containsTrigger = trigger.start >= r.start && trigger.start < r.end;
    if (m.start >= r.start && m.end <= r.end && !containsTrigger) return true;
  }
  return false;
}

/** Nouns whose "of" names who acts: "the government of Israel", "the army of Sudan". */
const ACTOR_HEADS = new Set([
  'government', 'president', 'minister', 'ministry', 'army', 'forces', 'troops', 'military', 'navy', 'king', 'leader',
  'leaders', 'state', 'republic', 'kingdom', 'people', 'parliament', 'council', 'office', 'embassy', 'ambassador',
  'police', 'authorities', 'officials', 'spokesman', 'spokeswoman', 'representative', 'representatives', 'delegation',
  'members', 'regime', 'cabinet', 'emir', 'sultan', 'premier', 'chancellor', 'secretary', 'envoy', 'commander',
]);

/**
 * "the evacuation of northern Gaza", "residents of Kharkiv": a place named after "of" (an adjective or two
 * between) belongs to the noun before it, and is no subject for a later trigger (`ofObject`), unless that
 * noun is one that acts ("the government of Israel"): then `headStart` is where that noun starts.
 */
function ofPhrase(sentence: string, m: ActorMention): { ofObject: boolean; headStart: number; actOf: boolean } {
  const of = findWordBefore(sentence, m.start, OF_WORD, 2);
  if (of < 0) return { ofObject: false, headStart: -1, actOf: false };
  const head = wordBefore(sentence, of, false);
  const key = head?.key.toLowerCase();
  // "the offensive of Ukrainian troops": who carries out the act.
  if (key !== undefined && ACT_HEADS.has(key)) return { ofObject: false, headStart: -1, actOf: true };
  if (head === null || key === undefined || !ACTOR_HEADS.has(key)) return { ofObject: true, headStart: -1, actOf: false };
  return { ofObject: false, headStart: head.start, actOf: false };
}

/** Acts whose "of" names who carries them out ("the offensive of Ukrainian troops"), not whom they hit. */
const ACT_HEADS = new Set(['offensive', 'counteroffensive', 'counter-offensive', 'advance']);

/**
 * "by the Armed Forces of Ukraine", "the strike of the Armed Forces of Ukraine": the agent's head noun names the
 * country after "of".
 */
const AGENT_BEFORE_HEAD = /\b(?:by|(?:strikes?|attacks?|shelling|offensive|fire|bombardment|raids?|assault|invasion) of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$/i;

function candidate(sentence: string, m: ActorMention): Candidate {
  const before = sentence.slice(Math.max(0, m.start - 8), m.start);
  const of = ofPhrase(sentence, m);
  return {
    mention: m,
    locative: isLocative(sentence, m),
    ofObject: of.ofObject,
    agent:
      of.actOf ||
      findWordBefore(sentence, m.start, AGENT_WORDS, 3) >= 0 ||
      (of.headStart >= 0 && AGENT_BEFORE_HEAD.test(sentence.slice(Math.max(0, of.headStart - 40), of.headStart))),
    addressee: before.includes('to') && /\bto\s+(?:the\s+)?$/.test(before),
  };
}

/**
 * Everything about a sentence's mentions that does not depend on the event: computed once for the
 * sentence and reused for each of its events (the last sentence is kept; events come sentence by sentence).
 */
interface PreparedSentence {
  sentence: string;
  mentions: ActorMention[];
  asides: Span[];
  /** In text order. */
  facts: MentionFacts[];
  /** Where the sentence names a country's own people or bodies (`domestic_groups.json`), found when first asked. */
  groups: GroupWord[] | null;
}
let prepared: PreparedSentence | null = null;

function prepare(sentence: string, mentions: ActorMention[]): PreparedSentence {
  if (prepared && prepared.sentence === sentence && prepared.mentions === mentions) return prepared;
  const asides = relativeClauseSpans(sentence);
  for (const span of asideSpans(sentence, mentions)) asides.push(span);
  // findActorMentions gives them in text order already: sort (a copy) only when they are not.
  let ordered = mentions;
  for (let k = 1; k < mentions.length; k++) {
    if (mentions[k]!.start < mentions[k - 1]!.start) {
      ordered = [...mentions].sort((a, b) => a.start - b.start);
      break;
    }
  }
  const facts: MentionFacts[] = [];
  for (const m of ordered) {
    const f = mentionFacts(sentence, m);
    // "in Donetsk and Zaporozhye": a place joined to a place by "and" or "or" is a place too.
    const left = facts[facts.length - 1]?.candidate;
    if (left?.locative && !f.candidate.locative && PLACE_KINDS.has(m.kind) && PLACE_AND.test(sentence.slice(left.mention.end, m.start))) f.candidate.locative = true;
    facts.push(f);
  }
  prepared = { sentence, mentions, asides, facts, groups: null };
  return prepared;
}

const PLACE_KINDS: ReadonlySet<string> = new Set(['country', 'capital']);
const PLACE_AND = /^\s+(?:and|or)\s+(?:the\s+)?$/;

/** Extends the group at index `at` over neighbours joined only by "and", ",", "or"... */
function conjoinedGroup(sentence: string, list: Candidate[], at: number, direction: -1 | 1): Candidate[] {
  const group = [list[at]!];
  for (let k = at + direction; k >= 0 && k < list.length; k += direction) {
    const [left, right] = direction === 1 ? [list[k - 1]!, list[k]!] : [list[k]!, list[k + 1]!];
    const gap = sentence.slice(left.mention.end, right.mention.start);
    const sameEntity = left.mention.code === right.mention.code && (POSSESSIVE_GAP.test(gap) || TITLE_GAP.test(gap));
    if (!CONJUNCTION_ONLY.test(gap) && !sameEntity) break;
    // "Meeting in Seoul, Japan and the US agreed": a location does not join a group of participants.
    if (list[k]!.locative !== list[at]!.locative) break;
    group.push(list[k]!);
  }
  return direction === 1 ? group : group.reverse();
}

/** Lower-case modifiers at most ("drone", "air"): "in Russian drone attacks", "in an Israeli strike". */
const MODIFIER_GAP = /^\s+(?:(?!(?:during|in|on|at|after|before|of|for|with|from|into|near|since|amid|over)\s)[a-z-]+\s+){0,2}$/;

/** "US", "U.S.", "UK": short forms that stand as adjectives ("killed in a US drone strike"). */
const ABBREVIATION = /^[A-Z][A-Z.]{1,4}$/;

/** Only capitalised words (titles, names) or an article before the sentence's first mention: it is the subject. */
const OPENING_SUBJECT = /^(?:(?:[Tt]he|[A-Z][\w.'’-]*)\s+)*$/;

/** "… cooperation with North Korea and warned": a verb coordinated after a preposition's object. */
const AND_BEFORE_VERB = /^\s*,?\s+and\s+(?:\w+ly\s+)?$/;
const AND_RIGHT_BEFORE = /\band\s+(?:\w+ly\s+)?$/;

/**
 * The mention ends the object of a preposition ("cooperation with North Korea", "sanctions against Iran") right
 * before "and <trigger>": the trigger's subject is that of the verb before ("He urged Russia to cease cooperation
 * with North Korea and warned that …"), not the mention.
 */
function endsObjectBefore(sentence: string, c: Candidate, trigger: Span): boolean {
  const m = c.mention;
  return (
    m.end <= trigger.start &&
    AND_BEFORE_VERB.test(sentence.slice(m.end, trigger.start)) &&
    findWordBefore(sentence, m.start, PREPOSITIONS, 2) >= 0
  );
}

/** A demonym, or a short form before a lower-case word ("a US drone strike"), describes a noun: it is no place. */
function modifiesNoun(sentence: string, c: Candidate): boolean {
  const m = c.mention;
  return m.kind === 'demonym' || (ABBREVIATION.test(m.text) && /^\s+[a-z]/.test(sentence.slice(m.end, m.end + 3)));
}

/**
 * A demonym (or a short form) right before a nominal act names who acts, even after "in": "killed in
 * Russian shelling", "in a US drone strike". A full name there is where it happened: "in Afghanistan blast".
 */
function modifiesTrigger(sentence: string, c: Candidate, trigger: Span): boolean {
  const m = c.mention;
  return (m.kind === 'demonym' || ABBREVIATION.test(m.text)) && standsBefore(sentence, c, trigger);
}

/** The mention stands right before the trigger, with at most two lower-case modifiers between ("Kabul cafe bombing"). */
function standsBefore(sentence: string, c: Candidate, trigger: Span): boolean {
  return c.mention.end <= trigger.start && MODIFIER_GAP.test(sentence.slice(c.mention.end, trigger.start));
}

/** Acts named by a noun that a place before them can locate: "Kabul bombing", "Donetsk shelling", "Slavyansk raid". */
const NOMINAL_ACT =
  /^(?:(?:suicide|car|truck|roadside|drone|missile|rocket|air|mortar|artillery|market|cafe|bus)\s+)?(?:bombings?|shellings?|shootings?|fighting|killings?|stabbings?|rioting|blasts?|explosions?|raids?|air ?strikes?|airstrikes?|sieges?|massacres?|clashes|violence|unrest|riots?)$/;

/** The place right before a nominal act (lower-case modifiers between), or null. */
function placeOfAct(sentence: string, c: Candidate, trigger: Span): Candidate | null {
  if (c.mention.kind !== 'capital' || !standsBefore(sentence, c, trigger)) return null;
  return NOMINAL_ACT.test(sentence.slice(trigger.start, trigger.end).toLowerCase()) ? c : null;
}

/**
 * The subject group: nearest strong mention before the trigger, else (unless `strongOnly`) the nearest
 * mention of any kind.
 */
function subjectGroup(sentence: string, before: Candidate[], strongOnly = false, trigger?: Span): Candidate[] {
  let pick = -1;
  // Only a trigger right after "and" can be a coordinated verb: tested once, not per mention.
  const coordinated = trigger !== undefined && AND_RIGHT_BEFORE.test(sentence.slice(Math.max(0, trigger.start - 16), trigger.start));
  for (let k = before.length - 1; k >= 0; k--) {
    const c = before[k]!;
    // The verbs share the sentence's subject: the first mention, when nothing but names or titles stand before it.
    if (coordinated && endsObjectBefore(sentence, c, trigger!)) {
      const first = before[0]!;
      return first !== c && OPENING_SUBJECT.test(sentence.slice(0, first.mention.start)) ? conjoinedGroup(sentence, before, 0, 1) : [];
    }
    if ((!c.locative && !c.ofObject) || (trigger !== undefined && modifiesTrigger(sentence, c, trigger))) {
      pick = k;
      break;
    }
  }
  if (pick < 0 && !strongOnly) pick = before.length - 1;
  if (pick < 0) return [];
  return conjoinedGroup(sentence, before, pick, -1);
}

/** The object group: first strong mention after the trigger, else the first locative one. */
function objectGroup(sentence: string, after: Candidate[], skipAgents: boolean, skipAddressee: boolean): Candidate[] {
  let strong = -1;
  let any = -1;
  let beyondAddressee = -1;
  for (let k = 0; k < after.length; k++) {
    const c = after[k]!;
    if (skipAgents && c.agent) continue;
    if (any < 0) any = k;
    if (c.locative) continue;
    if (strong < 0) strong = k;
    else if (beyondAddressee < 0 && !c.addressee) beyondAddressee = k;
  }
  let pick = strong >= 0 ? strong : any;
  if (strong >= 0 && skipAddressee && after[strong]!.addressee && beyondAddressee >= 0) pick = beyondAddressee;
  if (pick < 0) return [];
  return conjoinedGroup(sentence, after, pick, 1);
}

/** The group's codes, each once, in order (groups are a few mentions: a list beats a Set). */
function codes(group: Candidate[]): string[] {
  const out: string[] = [];
  for (const c of group) if (!out.includes(c.mention.code)) out.push(c.mention.code);
  return out;
}

/** A reporting verb (or noun) that a modal's clause depends on: "said that X must", "a reminder to X that it must". */
const REPORTING_BEFORE =
  /\b(?:said|says|say|declared|declares|reiterated|insisted|stressed|reminder|concluded|concludes|announced|told|warned|added|found|finds|determined|ruled|documented|believes|believed|accused|alleged)\b/g;

/**
 * "Russia said that Sudan must return the helicopter", "Amnesty said Myanmar's army had committed war crimes": a
 * request or an accusation in reported speech (a trigger with `"subject": "reported"`). The speaker (the subject of
 * the reporting verb) acts; the subject of "must" or "committed" is acted on. Without this, the nearest mention
 * before the trigger (Sudan, Myanmar) would be taken for the one acting.
 */
function reportedContent(sentence: string, trigger: Span, before: Candidate[]): Roles | null {
  let verbStart = -1;
  let verbEnd = -1;
  REPORTING_BEFORE.lastIndex = 0;
  for (let m = REPORTING_BEFORE.exec(sentence); m && m.index < trigger.start; m = REPORTING_BEFORE.exec(sentence)) {
    verbStart = m.index;
    verbEnd = m.index + m[0].length;
  }
  if (verbStart < 0) return null;
  const addressed = before.filter((c) => c.mention.start >= verbEnd);
  const speakers = before.filter((c) => c.mention.start < verbStart);
  if (addressed.length === 0 || speakers.length === 0) return null;
  // The one asked is the subject of the modal: the group nearest before it ("told France that Russia must" → Russia).
  return { actors: codes(subjectGroup(sentence, speakers)), targets: codes(subjectGroup(sentence, addressed)) };
}

/** Threats and demands name their addressee in the condition: "… unless Israel rescinds", "… if the United States goes ahead". */
const CONDITIONED_TYPES: ReadonlySet<EventType> = new Set(['THREATEN']);
const CONDITION_AT = /^\s*(?:unless|if)\s/i;
/** Only the condition's subject: the mention right after "unless"/"if" (and an article). */
const CONDITION_SUBJECT_GAP = /^\s*(?:unless|if)\s+(?:the\s+)?$/i;

function conditionSubject(sentence: string, usable: Candidate[], objectEnd: number): Candidate[] {
  if (!CONDITION_AT.test(sentence.slice(objectEnd, objectEnd + 9))) return [];
  const inCondition = usable.filter((c) => c.mention.start > objectEnd && !c.locative);
  const first = inCondition[0];
  if (!first || !CONDITION_SUBJECT_GAP.test(sentence.slice(objectEnd, first.mention.start))) return [];
  return conjoinedGroup(sentence, inCondition, 0, 1);
}

/** A verb of saying or knowing: what follows it is what the subject says, not what the subject does. */
const SPEAKER_VERB =
  /\b(?:said|says|say|told|tells|reported|reports|announced|announces|confirmed|confirms|claimed|claims|alleged|alleges|stated|states|added|adds|insisted|insists|believes|believed|estimated|estimates|finds)\b/;
/** The same, global: every verb of saying in a stretch, the last one wins. */
const SPEAKER_VERBS = new RegExp(SPEAKER_VERB.source, 'g');
const RESPONSIBILITY = /^\s+(?:credit|responsibility)\b/;
/** What makes "announced" report a clause rather than name a measure: "announced that …", "announced, …". */
const CLAUSE_AFTER_VERB = /^\s*(?:,|that\b|on \w+ that\b)/;
/** "China is believed to have supplied …", "is said to": a passive verb of saying hedges the subject's act. */
const HEDGE_BEFORE = /\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$/;
/** "Ukraine said it shot down …", "… that its forces …": a pronoun after the verb is the speaker again. */
const SPEAKER_AGAIN = /\b(?:it|they|he|she|we|its|their|his|her|our)\b/;

/**
 * "The Pentagon said militias attacked a U.S. base": when a verb of saying stands between the subject
 * group and the trigger, the group is the one speaking, not the one acting, unless a pronoun takes it up
 * again ("Ukraine said it shot down …"). The event then has no known actor (or, passive, no known target).
 */
/** The words between a group and the trigger after it. */
function gapToTrigger(sentence: string, group: Candidate[], trigger: Span): string {
  return sentence.slice(group[group.length - 1]!.mention.end, trigger.start);
}

function onlySpeaks(sentence: string, group: Candidate[], trigger: Span, eventType: EventType): boolean {
  if (group.length === 0) return false;
  const gap = gapToTrigger(sentence, group, trigger);
  const verb = SPEAKER_VERB.exec(gap);
  if (verb === null || HEDGE_BEFORE.test(gap.slice(0, verb.index))) return false;
  const rest = gap.slice(verb.index + verb[0].length);
  // "The EU announced 50 million euros in aid": announcing a measure is taking it, unless a clause follows. An
  // attack announced is reported ("the ministry announced the failure of the offensive of Ukrainian troops").
  if (verb[0].startsWith('announce') && eventType !== 'ASSAULT' && !CLAUSE_AFTER_VERB.test(rest)) return false;
  // "The Houthis claimed responsibility for a drone attack": the claimant did it (the claim makes it alleged).
  if (verb[0].startsWith('claim') && RESPONSIBILITY.test(rest)) return false;
  return !SPEAKER_AGAIN.test(rest);
}

/** Before a sentence's opening participle: nothing, or an opening quote. */
const NOTHING_BEFORE = /^[\s"“‘']*$/;
/** Between the comma closing an opening participle's phrase and the subject: articles and title words. */
const SUBJECT_AFTER_COMMA = /^,\s+(?:(?:the|a|an)\s+)?$/i;

/**
 * "Accusing Kyiv of sabotage, Moscow suspended the grain deal", "Bowing to pressure from the opposition, Togo's
 * parliament voted …": a participle opening the sentence takes its subject from the clause after its comma; what its
 * own phrase names is acted on. Null when the trigger is no such participle.
 */
function frontedParticiple(sentence: string, usable: Candidate[], trigger: Span): Roles | null {
  if (!NOTHING_BEFORE.test(sentence.slice(0, trigger.start))) return null;
  const firstWordEnd = sentence.indexOf(' ', trigger.start);
  if (!sentence.startsWith('ing', (firstWordEnd < 0 || firstWordEnd > trigger.end ? trigger.end : firstWordEnd) - 3)) return null;
  const comma = sentence.indexOf(',', trigger.end);
  if (comma < 0) return null;
  const afterComma = usable.findIndex((c) => c.mention.start > comma);
  if (afterComma < 0 || !SUBJECT_AFTER_COMMA.test(sentence.slice(comma, usable[afterComma]!.mention.start))) return null;
  const subject = conjoinedGroup(sentence, usable, afterComma, 1);
  const inPhrase = usable.filter((c) => c.mention.start >= trigger.end && c.mention.end <= comma);
  const targets = codes(objectGroup(sentence, inPhrase, false, false));
  const actors = codes(subject);
  return { actors, targets: targets.filter((code) => !actors.includes(code)) };
}

/** A speech act told by a participle after a comma: ", accusing", ", warning", ", demanding". */
const SPEECH_ACT_PARTICIPLE =
  /^(?:accusing|blaming|warning|threatening|demanding|urging|calling|condemning|denouncing|rejecting|vowing|pledging|promising|insisting|protesting|criticising|criticizing|appealing|asking)\b/i;
const COMMA_BEFORE = /,\s*$/;
/** Between a speaker and its verb: a title or a name ("'s foreign minister, Nikol Pashinyan,"), no clause. */
const SPEAKER_GAP = /^(?:['’]s)?(?:\s+[\w.'’-]+|,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*,){0,6},?\s+$/;

/**
 * "The Armenian prime minister said talks had failed, accusing Azerbaijan of shelling villages": a speech act
 * in a participle after a comma is the speaker's own act, whatever the reported clause between names. Returns
 * the group that speaks (the subject of the last verb of saying before the trigger), or null when the trigger
 * is no such participle or no one speaks.
 */
function speakersAct(sentence: string, before: Candidate[], trigger: Span): Candidate[] | null {
  if (before.length === 0 || !COMMA_BEFORE.test(sentence.slice(Math.max(0, trigger.start - 3), trigger.start))) return null;
  if (!SPEECH_ACT_PARTICIPLE.test(sentence.slice(trigger.start, trigger.end))) return null;
  const head = sentence.slice(0, trigger.start);
  let verbAt = -1;
  SPEAKER_VERBS.lastIndex = 0;
  for (let m = SPEAKER_VERBS.exec(head); m; m = SPEAKER_VERBS.exec(head)) verbAt = m.index;
  if (verbAt < 0) return null;
  const speakers = subjectGroup(sentence, before.filter((c) => c.mention.end <= verbAt));
  if (speakers.length === 0) return null;
  // The group must be the verb's own subject ("Guyana's foreign minister said"), not a mention in a clause before
  // it ("sanctions on Iranian companies, the Treasury Department said").
  return SPEAKER_GAP.test(sentence.slice(speakers[speakers.length - 1]!.mention.end, verbAt)) ? speakers : null;
}

/** "… with North Korea and warned that his country would respond …": a subject of its own between mention and trigger. */
const PRONOUN_SUBJECT_BEFORE = /\b(?:his|her|their|our) (?:country|government|nation|people)\s+(?:would|will|could|may|might|should|must|has|had|is|was)\b/;

/** Whether the trigger's own subject is a pronoun's country, not the group named before it. */
function pronounSubjectBetween(sentence: string, group: Candidate[], trigger: Span): boolean {
  if (group.length === 0) return false;
  const gap = gapToTrigger(sentence, group, trigger);
  return (gap.includes('his ') || gap.includes('her ') || gap.includes('their ') || gap.includes('our ')) && PRONOUN_SUBJECT_BEFORE.test(gap);
}

/** The first place named among `list` ("in Kharkiv"; not "in Russian shelling"), with the places joined to it. */
function placeGroup(sentence: string, list: Candidate[]): Candidate[] {
  const place = list.findIndex((c) => c.locative && !modifiesNoun(sentence, c));
  return place >= 0 ? conjoinedGroup(sentence, list, place, 1) : [];
}

const wordsPattern = (words: string[]): string => words.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|');
/**
 * Every group word of the sentence in one scan: group 1 is a word of people, group 2 an organised group's, group 3
 * a word of those held (only a coercion's targets).
 */
const GROUP_WORDS = new RegExp(
  `\\b(?:(${wordsPattern(domesticGroupsFile.people)})|(${wordsPattern(domesticGroupsFile.organised)})|(${wordsPattern(domesticGroupsFile.held)}))\\b`,
  'g',
);

interface GroupWord {
  start: number;
  /** A political body or an armed group, never filled in for an attack. */
  organised: boolean;
  /** People named only as those arrested or detained: filled in as a coercion's target and nothing else. */
  held: boolean;
}

function groupWords(p: PreparedSentence): GroupWord[] {
  if (p.groups === null) {
    p.groups = [];
    GROUP_WORDS.lastIndex = 0;
    for (let m = GROUP_WORDS.exec(p.sentence); m; m = GROUP_WORDS.exec(p.sentence)) p.groups.push({ start: m.index, organised: m[2] !== undefined, held: m[3] !== undefined });
  }
  return p.groups;
}

/** The one country the sentence's usable mentions name, or null when they name none, several, or an organisation. */
function soleCountry(usable: Candidate[]): string | null {
  let code: string | null = null;
  for (const c of usable) {
    if (code === null) code = c.mention.code;
    else if (c.mention.code !== code) return null;
  }
  return code !== null && gazetteer().countryCodes.has(code) ? code : null;
}

/**
 * "The Mozambique government accepted demands from rebels", "Islamic fundamentalists demanded the resignation
 * of the Algerian President": a group of the country's own people, named without it, in a sentence that names
 * that one country and nothing else, belongs to it. PLOVER codes such acts MOZ → MOZ, DZA → DZA.
 * An unnamed armed group or political body is no one's in an attack: "militants attacked an Israeli post" is not
 * Israel's act, and "US drone strikes killed al-Qaeda leaders" no attack on the United States.
 */
function fillDomestic(p: PreparedSentence, usable: Candidate[], roles: Roles, subjectFrom: number, trigger: Span, objectEnd: number, eventType: EventType): Roles {
  if (roles.actors.length > 0 && roles.targets.length > 0) return roles;
  const country = soleCountry(usable);
  if (country === null) return roles;
  const attack = eventType === 'ASSAULT';
  const names = (from: number, to: number, held: boolean): boolean =>
    groupWords(p).some((g) => g.start >= from && g.start < to && !(attack && g.organised) && (!g.held || held));
  let { actors, targets } = roles;
  // A protest's trigger may be its people ("100,000 demonstrators marched through Belgrade").
  const subjectTo = eventType === 'PROTEST' ? trigger.end : trigger.start;
  if (actors.length === 0 && targets.length > 0 && names(subjectFrom, subjectTo, false)) actors = [country];
  else if (targets.length === 0 && actors.length > 0 && names(trigger.end, objectEnd, eventType === 'COERCE')) targets = [country];
  return actors === roles.actors && targets === roles.targets ? roles : { actors, targets };
}

export interface RoleOptions {
  /**
   * Only a mention that is no place ("in Kabul") may be the subject. For a second reading of an act at a
   * later word ("killed in Afghanistan blast"): the place where it happened does not act.
   */
  strongSubjectOnly?: boolean;
  /**
   * The trigger's subject suffers the act ("lost 70 servicemen", "suffered heavy losses"): the caller swaps the
   * roles, so a place after the trigger, which would be acted on, is left out rather than made the one acting.
   */
  receiverSubject?: boolean;
  /** The trigger is what a verb of saying before it reports: that verb's subject acts, the trigger's subject is acted on. */
  reportedSubject?: boolean;
}

export function assignRoles(sentence: string, mentions: ActorMention[], trigger: Span, eventType: EventType, options?: RoleOptions): Roles {
  const p = prepare(sentence, mentions);
  const { asides, facts } = p;
  const usable: Candidate[] = [];
  for (const f of facts) if (!isPassing(sentence, f, trigger, asides)) usable.push(f.candidate);

  const clauseStart = sentence.lastIndexOf(';', trigger.start) + 1;
  const objectEnd = objectRegionEnd(sentence, trigger.end);

  let before = usable.filter((c) => c.mention.start >= clauseStart && c.mention.start < trigger.start);
  // "Serbia eased measures in Montenegro, as authorities in Croatia cracked down …": a subordinate clause after a
  // comma has its own subject, when it names anyone.
  if (before.length > 1) {
    const opener = lastSubordinateOpener(sentence, before[0]!.mention.end, trigger.start);
    const own = opener < 0 ? before : before.filter((c) => c.mention.start >= opener);
    if (own.length > 0) before = own;
  }
  const after = usable.filter((c) => c.mention.start >= trigger.start && c.mention.start < objectEnd);

  // "the dispatch of North Korean troops to Russia", "sent hundreds of Revolutionary Guards advisers to Yemen",
  // "deployment of NATO peacekeeping troops": whose troops the trigger names (a demonym, a force, an organisation;
  // not a country or a capital, which are where they go) acts, wherever the sentence puts its subject.
  if (eventType === 'MOBILIZE' || eventType === 'AID') {
    const own = after.filter((c) => c.mention.kind !== 'country' && c.mention.kind !== 'capital' && c.mention.end <= trigger.end);
    if (own.length > 0 && WHOSE_TROOPS.test(sentence.slice(trigger.start, own[0]!.mention.start))) {
      const rest = after.filter((c) => !own.includes(c));
      return { actors: codes(own), targets: codes(objectGroup(sentence, rest, false, false)).filter((code) => !own.some((c) => c.mention.code === code)) };
    }
  }

  // Not an attack or a protest: "Fighting raged in Khartoum, …", "Rioting spread …" open with a gerund that is the subject.
  const fronted = trigger.start < 3 && eventType !== 'ASSAULT' && eventType !== 'PROTEST' ? frontedParticiple(sentence, usable, trigger) : null;
  if (fronted) return fronted;
  const reported = options?.reportedSubject ? reportedContent(sentence, trigger, before) : null;
  if (reported) return reported;

  // "Vatican Embassy in Syria hit by mortar fire", "Russian banks were hit with new US sanctions": a nominal act that
  // is the agent of a passive verb before it. The subject is hit; a demonym on the act ("by Russian mortar fire") is
  // who fired.
  const byAt = VICTIM_TYPES.has(eventType) ? Math.max(sentence.lastIndexOf(' by ', trigger.start), sentence.lastIndexOf(' with ', trigger.start)) : -1;
  if (byAt >= 0 && byAt > trigger.start - 50) {
    const passive = PASSIVE_BY_BEFORE.exec(sentence.slice(Math.max(0, trigger.start - 50), trigger.start));
    if (passive !== null) {
      const verbAt = trigger.start - passive[0].length;
      const firing = before.filter((c) => c.mention.start >= verbAt && modifiesTrigger(sentence, c, trigger));
      const hit = subjectGroup(sentence, before.filter((c) => c.mention.end <= verbAt));
      // As in any passive: a speaker is no victim, and with nobody named the place it happened in is hit.
      const victims = hit.length > 0 && !onlySpeaks(sentence, hit, trigger, eventType) ? hit : placeGroup(sentence, after);
      return { actors: codes(firing), targets: codes(victims) };
    }
  }
  // "Kabul bombing kills 10", "Rebel toll from Slavyansk raid": a place right before a nominal act is where it
  // happened, not who did it.
  const site = before.length > 0 ? placeOfAct(sentence, before[before.length - 1]!, trigger) : null;
  if (site !== null) before = before.slice(0, -1);
  const speakerAct = speakersAct(sentence, before, trigger);
  const nearest = speakerAct ?? subjectGroup(sentence, before, options?.strongSubjectOnly, trigger);
  const subject = speakerAct === null && (onlySpeaks(sentence, nearest, trigger, eventType) || pronounSubjectBetween(sentence, nearest, trigger)) ? [] : nearest;
  const agentAt = after.findIndex((c) => c.agent);
  const agent = agentAt >= 0 ? conjoinedGroup(sentence, after, agentAt, 1) : [];

  if ((agent.length > 0 || VICTIM_TYPES.has(eventType)) && isPassive(sentence, trigger, agent.length > 0)) {
    // "A camp was attacked by militiamen": the by-agent acts, the grammatical subject is acted on.
    if (agent.length > 0 || subject.length > 0) return { actors: codes(agent), targets: codes(subject) };
    // Nobody named before a passive: the place it happened in is acted on ("Two people were killed in Kharkiv").
    // A passive has no object, so nothing else after it is ("killed when Russian drones attacked").
    return { actors: [], targets: codes(placeGroup(sentence, after)) };
  }

  // "ceasefire violations by India", "the shelling by Ukrainian forces": a nominal act's agent right after it acts,
  // whatever the sentence's subject (who only reports or protests it). Not in a complaint or a refusal, whose "by"
  // names the one complained of ("investigating war crimes by Croatian extremists", "rejected calls by Annan").
  const agentOfAct = !ANSWERING_TYPES.has(eventType) && agent.length > 0 && AGENT_RIGHT_AFTER.test(sentence.slice(trigger.end, agent[0]!.mention.start));
  let actors = codes(subject.length > 0 && !agentOfAct ? subject : agent);
  const object = objectGroup(sentence, after, subject.length === 0 || agentOfAct, ADDRESSEE_TYPES.has(eventType));
  let targets = options?.receiverSubject && object.every((c) => c.locative) ? [] : codes(object);
  // "Chinese Premier Li Peng arrived in Hanoi …, the first by a Chinese head of government": a visit or a talk is with
  // someone else; when the object names only the actor again and the act happens in another country, that country
  // is the other side (a domestic act, "Syrian opposition offers Assad a truce", stays SYR → SYR).
  if (SYMMETRIC_TYPES.has(eventType) && actors.length > 0 && targets.length > 0 && targets.every((code) => actors.includes(code))) {
    const place = usable.find((c) => c.locative && !actors.includes(c.mention.code));
    if (place) targets = [place.mention.code];
  }
  // "Britain sent two Royal Navy ships carrying relief to Bangladesh", "Iran sent 300 Revolutionary Guards advisers to
  // help the Houthis": the first object of a sending names the sender's own force; who receives it is named after.
  if ((eventType === 'MOBILIZE' || eventType === 'AID') && actors.length > 0 && targets.length > 0 && targets.every((code) => actors.includes(code))) {
    const receivers = objectGroup(sentence, after.filter((c) => !actors.includes(c.mention.code)), false, false);
    if (receivers.length > 0) targets = codes(receivers);
  }
  // A threat's object may be the threatener again ("warned that Tehran would not stand idly by if Israel …"):
  // then the one its condition names is threatened.
  if (CONDITIONED_TYPES.has(eventType) && targets.every((code) => actors.includes(code))) {
    const conditioned = codes(conditionSubject(sentence, usable, objectEnd));
    if (conditioned.length > 0 || targets.length === 0) targets = conditioned;
  }
  // Protesters named by no country ("Demonstrators in Baghdad blocked a road") are the people of the place where
  // they protest: PLOVER codes a protest's unnamed crowd so.
  if (actors.length === 0 && eventType === 'PROTEST') actors = codes(placeGroup(sentence, usable));
  if (actors.length >= 2 && SYMMETRIC_TYPES.has(eventType)) {
    // "Israel and the PLO agreed to resume talks in Cairo": where parties meet or agree is no party (a single party's
    // place is often its counterpart: "arrives in Venezuela for a state visit").
    targets = object.every((c) => c.locative) ? [] : targets.filter((code) => !actors.includes(code));
  }
  if (site !== null && targets.length === 0 && !actors.includes(site.mention.code)) targets = [site.mention.code];
  // A resignation, a surrender or a withdrawal on one's own ground acts on no one: "Georgian President Eduard
  // Shevardnadze resigned … in Tbilisi", "Ugandan rebels surrendered in Soroti" have no target.
  if (eventType === 'RETREAT' && targets.length > 0 && targets.every((code) => actors.includes(code))) targets = [];
  // A protest or a coercion that names no one acted on is the country's own affair ("Soweto residents staged a
  // march", "Martial law was declared across Poland"): PLOVER codes it ZAF → ZAF, POL → POL.
  if ((eventType === 'PROTEST' || eventType === 'COERCE') && actors.length === 1 && targets.length === 0 && gazetteer().countryCodes.has(actors[0]!)) {
    targets = [actors[0]!];
  }
  return fillDomestic(p, usable, { actors, targets }, clauseStart, trigger, objectEnd, eventType);
}
