/**
 * Quantities: counts of troops and personnel, casualties (dead, injured), people affected, and
 * military hardware (aircraft, vessels, missiles, drones, tanks), each with its qualifier.
 * A number becomes a quantity only next to a unit word ("12,000 troops", "killed 23",
 * "10,000-strong force", "a brigade of 3,000"): "45,000 fans", years, money, percentages and
 * ages are not quantities. A person named without a number counts one where a casualty state or verb
 * says so ("Ukrainian soldier killed", "killed the deputy commander").
 */
import type { Quantity } from '../types.ts';
import { findActorMentions } from '../actors/index.ts';
import { findNumbers, type NumberMention } from './numbers.ts';

export { VAGUE_QUALIFIER } from './numbers.ts';

export interface QuantityMention extends Quantity {
  start: number;
  end: number;
}

/** Unit nouns (lower-case; longest first where one is a prefix of another). */
const UNIT_WORDS: Array<[string, string]> = [
  ['special forces', 'troops'], ['special operations forces', 'troops'], ['ground forces', 'troops'],
  ['service members', 'troops'], ['servicemembers', 'troops'], ['servicemen', 'troops'], ['troops', 'troops'],
  ['troop', 'troops'], ['soldiers', 'troops'], ['soldier', 'troops'], ['forces', 'troops'], ['reservists', 'troops'],
  ['marines', 'troops'], ['paratroopers', 'troops'], ['commandos', 'troops'], ['conscripts', 'troops'],
  ['mercenaries', 'troops'], ['peacekeepers', 'troops'], ['fighters', 'troops'], ['militiamen', 'troops'],
  ['guerrillas', 'troops'], ['guerillas', 'troops'], ['sailors', 'troops'], ['airmen', 'troops'], ['infantrymen', 'troops'],
  ['recruits', 'troops'], ['serviceman', 'troops'], ['militiaman', 'troops'], ['militants', 'troops'],
  ['rebels', 'troops'], ['separatists', 'troops'], ['insurgents', 'troops'], ['military personnel', 'troops'],
  ['revolutionary guards', 'troops'], ['military advisers', 'personnel'], ['military advisors', 'personnel'],
  ['military instructors', 'personnel'], ['military trainers', 'personnel'],
  ['personnel carriers', 'armoured vehicles'], ['personnel', 'personnel'], ['staff', 'personnel'],
  ['battalions', 'battalions'], ['battalion', 'battalions'], ['brigades', 'brigades'], ['brigade', 'brigades'],
  ['divisions', 'divisions'],
  ['fighter jets', 'aircraft'], ['aircraft', 'aircraft'], ['warplanes', 'aircraft'], ['planes', 'aircraft'],
  ['jets', 'aircraft'], ['bombers', 'aircraft'], ['helicopters', 'aircraft'], ['gunships', 'aircraft'],
  ['airplanes', 'aircraft'], ['aeroplanes', 'aircraft'],
  ['aircraft carriers', 'vessels'], ['warships', 'vessels'], ['ships', 'vessels'], ['vessels', 'vessels'],
  ['boats', 'vessels'], ['submarines', 'vessels'], ['destroyers', 'vessels'], ['frigates', 'vessels'],
  ['carriers', 'vessels'], ['corvettes', 'vessels'], ['gunboats', 'vessels'],
  ['ballistic missiles', 'missiles'], ['cruise missiles', 'missiles'], ['missiles', 'missiles'], ['missile', 'missiles'],
  ['rockets', 'missiles'], ['projectiles', 'missiles'], ['shells', 'shells'],
  ['drones', 'drones'], ['drone', 'drones'], ['uavs', 'drones'], ['unmanned aerial vehicles', 'drones'],
  ['tanks', 'tanks'], ['armoured vehicles', 'armoured vehicles'], ['armored vehicles', 'armoured vehicles'],
  ['people', 'people'], ['persons', 'people'], ['civilians', 'people'], ['refugees', 'people'], ['protesters', 'people'],
  ['protestors', 'people'], ['demonstrators', 'people'], ['prisoners', 'people'], ['detainees', 'people'],
  ['hostages', 'people'], ['person', 'people'], ['suicide bombers', 'people'], ['workers', 'people'],
  ['students', 'people'], ['journalists', 'people'], ['activists', 'people'], ['supporters', 'people'],
  ['diplomats', 'people'], ['officials', 'people'], ['advisers', 'people'], ['advisors', 'people'],
  ['settlers', 'people'], ['pilgrims', 'people'], ['children', 'people'], ['women', 'people'], ['men', 'people'],
  ['nationals', 'people'], ['citizens', 'people'], ['passengers', 'people'], ['migrants', 'people'], ['residents', 'people'], ['villagers', 'people'],
  ['civilian', 'people'], ['policemen', 'people'], ['policeman', 'people'], ['police officers', 'people'], ['guards', 'people'],
  ['medics', 'people'], ['volunteers', 'people'], ['child', 'people'], ['boys', 'people'], ['girls', 'people'],
  ['schoolchildren', 'people'], ['teenagers', 'people'],
  ['kurds', 'people'], ['serbs', 'people'], ['croats', 'people'], ['bosniaks', 'people'], ['tamils', 'people'],
  ['uighurs', 'people'], ['uyghurs', 'people'], ['rohingya', 'people'], ['hutus', 'people'], ['tutsis', 'people'],
  ['pashtuns', 'people'], ['chechens', 'people'], ['arabs', 'people'], ['yazidis', 'people'], ['shiites', 'people'],
  ['sunnis', 'people'], ['muslims', 'people'], ['christians', 'people'], ['jews', 'people'],
  ['casualties', 'casualties'],
];
const UNIT_BY_FIRST_WORD = new Map<string, Array<[string[], string]>>();
for (const [phrase, unit] of UNIT_WORDS) {
  const words = phrase.split(' ');
  const list = UNIT_BY_FIRST_WORD.get(words[0]!) ?? [];
  list.push([words, unit]);
  UNIT_BY_FIRST_WORD.set(words[0]!, list);
}

/** Words allowed between a number and its unit ("1,500 more North Korean special forces"). */
const MODIFIERS = new Set([
  'more', 'additional', 'extra', 'new', 'elite', 'combat', 'ground', 'active', 'active-duty', 'regular', 'foreign',
  'armed', 'military', 'heavily', 'well', 'trained', 'fresh', 'reserve', 'government', 'rebel', 'enemy', 'allied',
  'coalition', 'infantry', 'marine', 'naval', 'air', 'army', 'navy', 'police', 'security', 'pro-government',
  'of', 'its', 'their', 'his', 'her', 'the', 'our', 'fighter', 'attack', 'ballistic', 'cruise', 'long-range',
  'short-range', 'medium-range', 'hypersonic', 'anti-ship', 'surface-to-air', 'air-to-air', 'kamikaze', 'unmanned',
  'main', 'battle', 'armoured', 'armored', 'nuclear', 'nuclear-capable', 'guided', 'interceptor', 'coast', 'guard',
  'patrol', 'landing', 'amphibious', 'suicide', 'attack', 'unarmed', 'uniformed', 'other', 'others', 'innocent',
  'ethnic', 'deployed', 'stationed', 'wounded', 'injured', 'dead', 'killed', 'missing', 'militant', 'separatist',
  'peacekeeping', 'paramilitary', 'border', 'defence', 'defense', 'spy', 'surveillance', 'transport', 'cargo',
  'stealth', 'multi-role', 'helicopter', 'assault', 'tank', 'artillery', 'mortar', 'rocket', 'anti-tank', 'soviet-era',
  'frontline', 'front-line', 'top', 'senior', 'young', 'civilian', 'local', 'palestinian',
]);
const MAX_GAP_WORDS = 4;
/** Words that open a phrase or a clause: none stands between a count and its unit ("1 and 2 brigades"). */
const NOT_A_MODIFIER = new Set([
  'and', 'or', 'but', 'to', 'in', 'on', 'at', 'by', 'from', 'with', 'for', 'than', 'per', 'as', 'into', 'over', 'under',
  'after', 'before', 'while', 'when', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'be', 'been', 'said', 'says',
  'times', 'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'who', 'which', 'that', 'these', 'those', 'a', 'an',
]);

const KILLED_OR_WOUNDED_BEFORE = /\b(?:killed|killing|kills|dead)\s+(?:or|and)\s+(?:wounded|wounding|injured|injuring|wounds)\s+(?:(?:at least|more than|up to|about|around|nearly|some|over)\s+)?$/i;
/** Acts on people: "arrested 12", "deported 168 Liberians". */
const PEOPLE_VERB_BEFORE =
  /\b(?:arrested|arresting|detained|detaining|deported|deporting|kidnapped|kidnapping|abducted|abducting|expelled|expelling|captured|capturing|evacuated|evacuating|displaced|displacing|held|holding|freed|freeing|released|releasing)\s+(?:(?:an estimated|at least|more than|up to|about|around|nearly|some|over|roughly|approximately|as many as)\s+)?$/i;
const CASUALTY_VERB_BEFORE =
  /\b(killed|killing|kills|kill|slew|slaying|executed|wounded|wounding|wounds|injured|injuring|injures|injure)\s+(?:all\s+)?(?:(?:an estimated|at least|more than|up to|about|around|nearly|some|over|roughly|approximately|as many as)\s+)?$/i;
/** "the death toll rose to 57", "Death toll in the center of Donetsk due to the shelling … increased to two". */
const DEATH_TOLL_BEFORE = /\bdeath toll\b[^.;:!?]{0,110}?\s(?:to|of|at|is|was|reached|reaches|hit|hits|stood at|stands at)\s+(?:\w+\s+)?$/i;
/** "the death of two Ukrainian soldiers", "deaths of 12 civilians". */
const DEATH_OF_BEFORE = /\bdeaths? of\s+(?:(?:an estimated|at least|more than|up to|about|around|nearly|some|over)\s+)?$/i;
/** A word of a noun phrase: any word but one that opens a clause or a phrase of its own. */
const NOUN = String.raw`\s+(?!(?:and|or|but|in|on|at|of|from|by|with|after|as|to|for|near|during|while|said|says|were|was|are|is|have|has|had)\b)[\p{L}][\p{L}'’.-]*`;
/** People named one at a time: "Ukrainian soldier killed", "A journalist has been killed", "killed the deputy chief". */
const ONE_PERSON_WORDS: ReadonlySet<string> = new Set([
  'soldier', 'serviceman', 'servicewoman', 'militiaman', 'civilian', 'man', 'woman', 'child', 'boy', 'girl', 'teenager',
  'journalist', 'reporter', 'photographer', 'policeman', 'policewoman', 'officer', 'fighter', 'rebel', 'militant',
  'protester', 'protestor', 'demonstrator', 'activist', 'prisoner', 'detainee', 'hostage', 'resident', 'villager',
  'commander', 'volunteer', 'medic', 'guard', 'driver', 'farmer', 'worker', 'student', 'priest', 'official', 'diplomat',
  'pilot', 'sailor', 'marine', 'paratrooper', 'settler', 'migrant', 'refugee', 'leader', 'chief', 'mayor', 'lawmaker',
  'politician', 'businessman',
]);
const ONE_PERSON = `(?:${[...ONE_PERSON_WORDS].join('|')})`;
/**
 * Another count in the same list: "Two soldiers, one rebel killed", "9 civilians and 35 militiamen killed", "two
 * soldiers, army medic killed".
 */
const NEXT_COUNT = String.raw`(?:(?:,|\s+and)(?:\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)(?:${NOUN}){1,3}?|(?:${NOUN}){0,2}?\s+${ONE_PERSON}))`;
/** What may stand between the dead or wounded and their state: "were", "have been", "reportedly", "said". */
const AUXILIARIES: ReadonlySet<string> = new Set(['were', 'was', 'been', 'are', 'is', 'have', 'has', 'had', 'reportedly', 'said']);
/** A casualty state ahead, after its auxiliaries. */
const STATE_AHEAD = String.raw`\s+(?=(?:(?:${[...AUXILIARIES].join('|')})\s+)*(?:killed|dead|died|die|dies|slain|wounded|injured|hurt)\b)`;
/** Cheap necessary condition for NOUNS_THEN_STATE and LIST_THEN_STATE. */
const STATE_WORD = /kill|dead|die|slain|wound|injur|hurt/;
/**
 * "Four border guards killed", "One DPR serviceman killed", "Three schoolboys were killed": a casualty state after a
 * noun phrase of up to three words that are no unit the table knows ("Two attacks in Donetsk killed …" is no count).
 */
const NOUNS_THEN_STATE = new RegExp(String.raw`^(?:${NOUN}){1,3}?${STATE_AHEAD}`, 'u');
/**
 * After a count of people and its unit, the rest of the list before the state: "Two soldiers[, one rebel] killed".
 * Only after a unit of people: "violated the ceasefire 13 times, one soldier killed" and "26 truce breaches, one
 * serviceman killed" count no dead.
 */
const LIST_THEN_STATE = new RegExp(String.raw`^${NEXT_COUNT}+${STATE_AHEAD}`, 'u');
const PEOPLE_UNITS: ReadonlySet<string> = new Set(['troops', 'personnel', 'people']);
const TROOP_CONTAINER_BEFORE =
  /\b(?:brigade|battalion|division|force|contingent|unit|corps|deployment|detachment|garrison|regiment|army)\s+of\s+(?:(?:an estimated|at least|more than|up to|about|around|nearly|some|over|roughly|approximately|as many as)\s+)?$/i;
const STATE_AFTER =
  /^((?:\s+(?:were|was|have been|had been|are|is|have|has|had|reportedly|were reported|have reportedly been|had reportedly been|also|being|been|confirmed|left|said))*)\s+(killed or wounded|killed or injured|dead or wounded|killed|dead|died|die|dies|slain|deaths|fatalities|wounded|injured|hurt|casualties)\b/i;
/** "Two bombers killed 23": a state verb without auxiliary and with an object is active, not a count of victims. */
const ACTIVE_OBJECT_AFTER =
  /^\s+(?:\d|(?:the|a|an|at least|more than|some|about|dozens|scores|hundreds|thousands|one|two|three|four|five|six|seven|eight|nine|ten|\p{Lu})\b)/u;
const NOT_A_COUNT_AFTER = /^(?:\s*(?:%|per ?cent\b|percent\b)|-year-old\b|\s*-?\s*years?[- ]old\b|\s*(?:times|years|months|weeks|days|hours|minutes|km|kilometres|kilometers|miles|metres|meters|kg|tons|tonnes|dollars|euros|pounds|yuan|rubles|roubles|shillings|won|yen)\b)/i;
const MONEY_BEFORE = /(?:[$€£¥]|US\$|USD|EUR|aged|age|ages|Resolution|resolution|No\.|number)\s*$/;
const YEAR_CONTEXT_BEFORE =
  /\b(?:in|since|by|until|till|from|during|of|early|late|mid|before|after|year|January|February|March|April|May|June|July|August|September|October|November|December)\s+$/i;
const MONTH_BEFORE = /\b(?:(?:on|in|since|by|until|from|of|late|early|mid|last|next)\s+May|January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$/;

function casualtyUnit(verb: string): string {
  return /^(?:wound|injur)/i.test(verb) ? 'injured' : 'dead';
}

function stateUnit(state: string): string {
  const s = state.toLowerCase();
  if (/ or /.test(s)) return 'casualties';
  if (s === 'wounded' || s === 'injured' || s === 'hurt') return 'injured';
  if (s === 'casualties') return 'casualties';
  return 'dead';
}

interface UnitHit {
  unit: string;
  end: number;
  /** Number of modifier words skipped before the unit. */
  gap: number;
}

/** "Palestinians", "Liberians", "Turks": a plural demonym names people. */
function isPeoplePlural(word: string): boolean {
  if (!word.endsWith('s')) return false;
  const [m] = findActorMentions(word);
  return m !== undefined && m.kind === 'demonym' && m.text === word;
}

const NEXT_WORD = /\s*([\p{L}](?:[\p{L}.'’-]|(?<=[-\dA-Z])\d)*)/uy;
const CAPITALISED = /^\p{Lu}/u;

/** The word without a possessive ("Korea's") and without a sentence-final period (but "U.S." kept). */
function bareWord(word: string): string {
  let w = word;
  const last = w.length - 1;
  if (last >= 1 && w.charCodeAt(last) === 115 /* s */ && (w.charCodeAt(last - 1) === 39 || w.charCodeAt(last - 1) === 0x2019)) w = w.slice(0, -2);
  if (w.length >= 2 && w.indexOf('.') === w.length - 1) w = w.slice(0, -1);
  return w;
}

/** Finds the unit noun after a number, skipping up to MAX_GAP_WORDS modifiers. */
function unitAfter(text: string, from: number): UnitHit | null {
  const re = NEXT_WORD;
  re.lastIndex = from;
  const words: Array<{ word: string; original: string; end: number; capitalised: boolean }> = [];
  for (let k = 0; k < MAX_GAP_WORDS + 3; k++) {
    const m = re.exec(text);
    if (!m) break;
    const raw = bareWord(m[1]!);
    words.push({ word: raw.toLowerCase(), original: raw, end: m.index + m[0].length, capitalised: CAPITALISED.test(raw) });
  }
  let free = false;
  for (let k = 0; k < words.length && k <= MAX_GAP_WORDS; k++) {
    const candidates = UNIT_BY_FIRST_WORD.get(words[k]!.word);
    if (candidates) {
      for (const [phrase, unit] of candidates) {
        if (phrase.every((w, o) => words[k + o]?.word === w)) {
          return { unit, end: words[k + phrase.length - 1]!.end, gap: k };
        }
      }
    }
    const w = words[k]!;
    if (free) return null;
    if (w.capitalised && isPeoplePlural(w.original)) return { unit: 'people', end: w.end, gap: k };
    // Proper adjectives ("North Korean", "U.S.") and known modifiers may sit in between, and one other word right
    // before the unit ("thousands of university students"), but no word that opens a phrase of its own.
    if (!(w.capitalised || MODIFIERS.has(w.word) || /^[\p{L}]+-(?:made|built|led|backed|era|class)$/u.test(w.word))) {
      if (NOT_A_MODIFIER.has(w.word)) return null;
      free = true;
    }
  }
  return null;
}

function isNotACount(text: string, n: NumberMention): boolean {
  const after = text.slice(n.end, n.end + 24);
  const before = text.slice(Math.max(0, n.qualifierStart - 16), n.qualifierStart);
  if (NOT_A_COUNT_AFTER.test(after) || MONEY_BEFORE.test(before) || MONTH_BEFORE.test(before)) return true;
  return n.yearLike && (YEAR_CONTEXT_BEFORE.test(before) || /^\s*[,.)]/.test(after));
}

function make(n: NumberMention, unit: string, end: number): QuantityMention {
  return { value: n.value, unit, qualifier: n.qualifier, start: n.qualifierStart, end };
}

/** "were killed", "dead", "wounded" after a count, unless the verb is active ("bombers killed 23"). */
function casualtyStateAt(text: string, from: number): { unit: string; end: number } | null {
  const state = STATE_AFTER.exec(text.slice(from, from + 60));
  if (!state) return null;
  const end = from + state[0].length;
  if (!state[1] && ACTIVE_OBJECT_AFTER.test(text.slice(end, end + 20))) return null;
  return { unit: stateUnit(state[2]!), end };
}

function quantityOf(text: string, n: NumberMention): QuantityMention | null {
  if (isNotACount(text, n)) return null;
  const before = text.slice(Math.max(0, n.qualifierStart - 60), n.qualifierStart);

  if (KILLED_OR_WOUNDED_BEFORE.test(before)) return make(n, 'casualties', n.end);
  const verb = CASUALTY_VERB_BEFORE.exec(before);
  if (verb) {
    const hit = unitAfter(text, n.end);
    return make(n, casualtyUnit(verb[1]!), hit && hit.unit !== 'casualties' ? hit.end : n.end);
  }
  if (before.includes('eath') && DEATH_OF_BEFORE.test(before)) {
    const hit = unitAfter(text, n.end);
    return make(n, 'dead', hit ? hit.end : n.end);
  }
  // A death toll's verb may come long after it: a longer stretch before the number is read.
  if (text.includes('toll') && DEATH_TOLL_BEFORE.test(text.slice(Math.max(0, n.qualifierStart - 140), n.qualifierStart))) {
    return make(n, 'dead', n.end);
  }

  const after = text.slice(n.end);
  if (/^-strong\b/.test(after)) {
    const hit = unitAfter(text, n.end + '-strong'.length);
    return make(n, 'troops', hit ? hit.end : n.end + '-strong'.length);
  }

  const hit = unitAfter(text, n.end);
  // A year directly followed by a unit ("2022 troops") is too ambiguous unless adjacent and unqualified.
  if (n.yearLike && (!hit || hit.gap > 0 || n.qualifier)) return null;
  if (hit) {
    let state = casualtyStateAt(text, hit.end);
    if (!state && PEOPLE_UNITS.has(hit.unit) && (text.charCodeAt(hit.end) === 44 || text.startsWith(' and ', hit.end))) {
      const rest = text.slice(hit.end, hit.end + 80);
      const list = STATE_WORD.test(rest) ? LIST_THEN_STATE.exec(rest) : null;
      if (list) state = casualtyStateAt(text, hit.end + list[0].length - 1);
    }
    return state ? make(n, state.unit, state.end) : make(n, hit.unit, hit.end);
  }
  const state = n.value > 0 ? casualtyStateAt(text, n.end) : null;
  if (state) return make(n, state.unit, state.end);
  const ahead = n.value > 0 ? text.slice(n.end, n.end + 80) : '';
  const nouns = STATE_WORD.test(ahead) ? NOUNS_THEN_STATE.exec(ahead) : null;
  if (nouns) {
    const nounState = casualtyStateAt(text, n.end + nouns[0].length - 1);
    if (nounState) return make(n, nounState.unit, nounState.end);
  }
  if (TROOP_CONTAINER_BEFORE.test(before)) return make(n, 'troops', n.end);
  if (PEOPLE_VERB_BEFORE.test(before)) return make(n, 'people', n.end);
  return null;
}

/** Casualty states and verbs, found by a plain scan before any person is looked for. */
const CASUALTY_WORD = /\b(?:killed|killing|kills|dead|died|dies|die|slain|wounded|wounding|injured|injuring|hurt)\b/gi;
/** Those of them that take an object: "killed a soldier" (not "died", "dead", "hurt"). */
const CASUALTY_VERB = /^(?:kill|wound|injur)/i;
/** "killed a Ukrainian soldier", "wounded the deputy chief": one person as the object, read at the verb's end. */
const ONE_PERSON_OBJECT = new RegExp(String.raw`\s+(?:an?|the)\s+(?:[\p{L}][\p{L}.'’-]*\s+){0,3}?${ONE_PERSON}\b(?!['’-])`, 'iuy');
const LIST_SEPARATOR = /,|\sand\s/;
/** A word that makes the person no count: "no soldier was killed", "every civilian killed". */
const NOT_ONE_BEFORE = /\b(?:no|not a single|not one|every|each|any|per|neither|nor)\s+(?:[\p{L}.'’-]+\s+){0,2}$/iu;

/** A letter (any script above ASCII counts), an apostrophe or a hyphen. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 || (c > 127 && c !== 0x2014 && c !== 0x2013 && c !== 0xa0);
}

/** The word ending at or before `end` (spaces skipped): its start and its lower-case letters, or null. */
function wordBefore(text: string, end: number): { start: number; word: string } | null {
  let e = end;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let b = e;
  while (b > 0 && isWordChar(text.charCodeAt(b - 1))) b--;
  return b < e ? { start: b, word: text.slice(b, e).toLowerCase() } : null;
}

/**
 * One dead or wounded person named without a number ("Ukrainian soldier killed", "A girl died", "killed the
 * deputy commander"), and each person of a list before the state ("Soldier and civilian killed" is two), where no
 * count in the sentence already covers them.
 */
function onePersonCasualties(sentence: string, counted: QuantityMention[]): QuantityMention[] {
  const out: QuantityMention[] = [];
  // A person inside a count's own phrase is that count ("One soldier was killed"); one after a comma or "and" is
  // the next item of its list ("two soldiers, army medic killed").
  const covered = (start: number, end: number): boolean =>
    counted.some((q) => q.start < end && start < q.end && !(q.start < start && LIST_SEPARATOR.test(sentence.slice(q.start, start))));
  const addPerson = (start: number, unit: string, end: number): void => {
    if (covered(start, end) || NOT_ONE_BEFORE.test(sentence.slice(Math.max(0, start - 40), start))) return;
    out.push({ value: 1, unit, qualifier: null, start, end });
  };
  CASUALTY_WORD.lastIndex = 0;
  for (let m = CASUALTY_WORD.exec(sentence); m; m = CASUALTY_WORD.exec(sentence)) {
    // The person before the state, past its auxiliaries ("A journalist has been killed").
    let w = wordBefore(sentence, m.index);
    while (w && AUXILIARIES.has(w.word)) w = wordBefore(sentence, w.start);
    if (w && ONE_PERSON_WORDS.has(w.word)) {
      const state = casualtyStateAt(sentence, w.start + w.word.length);
      if (state) {
        addPerson(w.start, state.unit, state.end);
        // The persons listed before it: "Soldier and civilian killed", "Child, man killed".
        for (let item = listItemBefore(sentence, w.start); item !== null; item = listItemBefore(sentence, item)) addPerson(item, state.unit, state.end);
      }
    }
    // The person after a casualty verb.
    if (CASUALTY_VERB.test(m[0])) {
      ONE_PERSON_OBJECT.lastIndex = m.index + m[0].length;
      const object = ONE_PERSON_OBJECT.exec(sentence);
      if (object) addPerson(m.index, casualtyUnit(m[0]), object.index + object[0].length);
    }
  }
  return out;
}

/** The start of the person listed before the one at `start` ("[Soldier] and civilian", "[Child], man"), or null. */
function listItemBefore(sentence: string, start: number): number | null {
  let k = start;
  // Up to two modifiers of the later person ("Soldier and local civilian").
  for (let skipped = 0; skipped <= 2; skipped++) {
    const w = wordBefore(sentence, k);
    if (!w) return null;
    let sep = w.start;
    while (sep > 0 && sentence.charCodeAt(sep - 1) === 32) sep--;
    if (w.word === 'and' || sentence.charCodeAt(sep - 1) === 44 /* , */) {
      const end = w.word === 'and' ? w.start : sep - 1;
      const person = wordBefore(sentence, end);
      return person && ONE_PERSON_WORDS.has(person.word) ? person.start : null;
    }
    k = w.start;
  }
  return null;
}

export function findQuantities(sentence: string): QuantityMention[] {
  const out: QuantityMention[] = [];
  for (const n of findNumbers(sentence)) {
    const q = quantityOf(sentence, n);
    if (q) out.push(q);
  }
  if (!STATE_WORD.test(sentence)) return out;
  const ones = onePersonCasualties(sentence, out);
  if (ones.length === 0) return out;
  return [...out, ...ones].sort((a, b) => a.start - b.start);
}
