/**
 * Events of one sentence, complete: classified, with actors and targets, the quantities that measure
 * them, assertion status and negation, and the ongoing conflict they belong to.
 */
import { assignRoles, findActorMentions, type ActorMention, type Roles, type Span } from '../actors/index.ts';
import { accusationDenied, assessAssertion } from '../assertion/index.ts';
import { findQuantities, type QuantityMention } from '../quantities/index.ts';
import { conflictOf } from '../score/index.ts';
import type { AnalysedEvent, EventType, Quantity } from '../types.ts';
import { classifySentence, isBackground, resolveNegation } from './classify.ts';

/** Which quantities speak to the size of which event. */
const RELEVANT_UNITS: Partial<Record<EventType, string[]>> = {
  MOBILIZE: ['troops', 'personnel', 'battalions', 'brigades', 'divisions', 'aircraft', 'vessels', 'missiles', 'tanks', 'drones'],
  AID: ['troops', 'personnel', 'missiles', 'shells', 'tanks', 'drones', 'aircraft', 'armoured vehicles'],
  ASSAULT: ['dead', 'injured', 'casualties', 'troops', 'personnel', 'missiles', 'drones', 'shells', 'tanks', 'aircraft', 'vessels', 'armoured vehicles'],
  COERCE: ['people'],
  PROTEST: ['people'],
  RETREAT: ['troops', 'people'],
};

const STRONG_SUBJECT = { strongSubjectOnly: true } as const;
const RECEIVER_SUBJECT = { receiverSubject: true } as const;
const REPORTED_SUBJECT = { reportedSubject: true } as const;

const toQuantity = (q: QuantityMention): Quantity => ({ value: q.value, unit: q.unit, qualifier: q.qualifier });

/** An attack is measured by its dead first, then by its casualties and wounded, then by anything else it names. */
const ASSAULT_UNIT_RANK: Record<string, number> = { dead: 0, casualties: 1, injured: 2 };

/**
 * The quantity nearest the trigger among those that measure this kind of event (the first on a tie); for an attack,
 * its dead before its wounded ("One serviceman killed, three wounded" is measured by the one killed). The counts of
 * one list add up.
 */
function chooseQuantity(type: EventType, trigger: { start: number; end: number }, mentions: QuantityMention[], quantities: Quantity[]): Quantity | null {
  const units = RELEVANT_UNITS[type];
  if (!units) return null;
  let best = -1;
  let bestRank = Infinity;
  let bestDistance = Infinity;
  for (let k = 0; k < mentions.length; k++) {
    const q = mentions[k]!;
    if (!units.includes(q.unit)) continue;
    const rank = type === 'ASSAULT' ? (ASSAULT_UNIT_RANK[q.unit] ?? 3) : 0;
    const distance = q.end <= trigger.start ? trigger.start - q.end : q.start >= trigger.end ? q.start - trigger.end : 0;
    if (rank < bestRank || (rank === bestRank && distance < bestDistance)) {
      best = k;
      bestRank = rank;
      bestDistance = distance;
    }
  }
  if (best < 0) return null;
  // "Two soldiers, one rebel killed": the counts of one list end at the same state and add up.
  const chosen = mentions[best]!;
  let total = 0;
  let parts = 0;
  for (const q of mentions) {
    if (q.unit === chosen.unit && q.end === chosen.end) {
      total += q.value;
      parts++;
    }
  }
  return parts > 1 ? { value: total, unit: chosen.unit, qualifier: chosen.qualifier } : quantities[best]!;
}

/**
 * A passive casualty verb names no actor ("Two soldiers were killed in an Israeli strike on Lebanon"): the
 * same act named later in the sentence may. The victims read at the first word stay the targets.
 */
function readAtLaterWords(sentence: string, mentions: ActorMention[], later: Span[], type: EventType, first: Roles): Roles {
  let read = first;
  for (const at of later) {
    const there = assignRoles(sentence, mentions, at, type, STRONG_SUBJECT);
    if (there.actors.length === 0 && (there.targets.length === 0 || read.targets.length > 0)) continue;
    const targets = read.targets;
    read = targets.length > 0 ? { actors: there.actors.filter((c) => !targets.includes(c)), targets } : there;
    if (read.actors.length > 0) break;
  }
  return read;
}

/**
 * ", accusing …": an -ing form right after a comma opens a clause whose subject is the sentence's. Not after a
 * reporting clause ("…, the United Nations said, demanding their release", "…, the commander said on Sunday, warning"),
 * whose speaker is that subject.
 */
const PARTICIPLE = /^[a-z]+ing\b/;
const REPORTING_CLAUSE_END = /\b(?:said|says|say|told|reported|reports|announced|stated|added)\b[^,;]{0,24}$/;
function participleAfterComma(sentence: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && sentence.charCodeAt(k) === 32) k--;
  if (k < 0 || sentence.charCodeAt(k) !== 44 || !PARTICIPLE.test(sentence.slice(start, start + 24))) return false;
  return !REPORTING_CLAUSE_END.test(sentence.slice(Math.max(0, k - 40), k));
}

/** Events of one sentence; `offset` places the sentence in the normalised text. */
export function analyzeSentence(sentence: string, offset = 0, at?: Date): AnalysedEvent[] {
  const mentions = classifySentence(sentence);
  if (mentions.length === 0) return [];
  // Actors, quantities and the sentence-wide cues are found once for all the sentence's events.
  const actorMentions = findActorMentions(sentence, at);
  const quantityMentions = findQuantities(sentence);
  const quantities = quantityMentions.map(toQuantity);
  const events: AnalysedEvent[] = [];
  for (const m of mentions) {
    const status = assessAssertion(sentence, m.trigger);
    const { type, negated } = resolveNegation(m.type, status.negated, sentence.slice(0, m.trigger.start));
    let read = assignRoles(sentence, actorMentions, m.trigger, type, m.receiverSubject ? RECEIVER_SUBJECT : m.reportedSubject ? REPORTED_SUBJECT : undefined);
    if (m.alsoAt !== undefined && read.actors.length === 0 && actorMentions.length > 0) read = readAtLaterWords(sentence, actorMentions, m.alsoAt, type, read);
    let roles = m.receiverSubject ? { actors: read.targets, targets: read.actors } : read;
    if (events.length > 0 && roles.actors.every((c) => roles.targets.includes(c)) && participleAfterComma(sentence, m.trigger.start)) {
      // "…severed relations with the Emirates, accusing Abu Dhabi of arming the RSF": the participle's subject is the
      // sentence's, who did its first act.
      const actors = events[0]!.actors.filter((c) => !roles.targets.includes(c));
      if (actors.length > 0) roles = { actors, targets: roles.targets };
    }
    let assertion = m.claimed && status.assertion === 'asserted' ? 'alleged' : status.assertion;
    if (type === 'ACCUSE' && assertion === 'denied' && !accusationDenied(sentence, m.trigger)) assertion = 'asserted';
    const event: AnalysedEvent = {
      type,
      mode: type === m.type ? m.mode : null,
      actors: roles.actors,
      targets: roles.targets,
      quantity: chooseQuantity(type, m.trigger, quantityMentions, quantities),
      quantities: quantities.slice(),
      assertion,
      negated,
      evidence: sentence,
      span: [offset, offset + sentence.length],
    };
    event.conflict = conflictOf(event)?.id ?? null;
    if (isBackground(sentence, m.trigger, at)) event.background = true;
    events.push(event);
  }
  return events;
}
