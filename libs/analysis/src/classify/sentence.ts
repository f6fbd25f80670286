/**
 * Events of one sentence, complete: classified, with actors and targets, the quantities that measure
 * them, assertion status and negation, and the ongoing conflict they belong to.
 */
import { assignRoles, findActorMentions } from '../actors/index.ts';
import { assessAssertion } from '../assertion/index.ts';
import { findQuantities, type QuantityMention } from '../quantities/index.ts';
import { conflictOf } from '../score/index.ts';
import type { AnalysedEvent, EventType, Quantity } from '../types.ts';
import { classifySentence, resolveNegation } from './classify.ts';

/** Which quantities speak to the size of which event. */
const RELEVANT_UNITS: Partial<Record<EventType, string[]>> = {
  MOBILIZE: ['troops', 'personnel', 'battalions', 'brigades', 'divisions', 'aircraft', 'vessels', 'missiles', 'tanks', 'drones'],
  AID: ['troops', 'personnel', 'missiles', 'shells', 'tanks', 'drones', 'aircraft', 'armoured vehicles'],
  ASSAULT: ['dead', 'injured', 'casualties', 'missiles', 'drones', 'shells'],
  COERCE: ['people'],
  PROTEST: ['people'],
  RETREAT: ['troops', 'people'],
};

const toQuantity = (q: QuantityMention): Quantity => ({ value: q.value, unit: q.unit, qualifier: q.qualifier });

/** The quantity nearest the trigger among those that measure this kind of event. */
function chooseQuantity(type: EventType, trigger: { start: number; end: number }, quantities: QuantityMention[]): Quantity | null {
  const units = RELEVANT_UNITS[type];
  if (!units) return null;
  const distance = (q: QuantityMention) => (q.end <= trigger.start ? trigger.start - q.end : q.start >= trigger.end ? q.start - trigger.end : 0);
  const best = quantities.filter((q) => units.includes(q.unit)).sort((a, b) => distance(a) - distance(b))[0];
  return best ? toQuantity(best) : null;
}

/** Events of one sentence; `offset` places the sentence in the normalised text. */
export function analyzeSentence(sentence: string, offset = 0, at?: Date): AnalysedEvent[] {
  const mentions = classifySentence(sentence);
  if (mentions.length === 0) return [];
  const actorMentions = findActorMentions(sentence, at);
  const quantities = findQuantities(sentence);
  return mentions.map((m) => {
    const status = assessAssertion(sentence, m.trigger);
    const { type, negated } = resolveNegation(m.type, status.negated);
    const roles = assignRoles(sentence, actorMentions, m.trigger, type);
    const assertion = m.claimed && status.assertion === 'asserted' ? 'alleged' : status.assertion;
    const event: AnalysedEvent = {
      type,
      mode: type === m.type ? m.mode : null,
      actors: roles.actors,
      targets: roles.targets,
      quantity: chooseQuantity(type, m.trigger, quantities),
      quantities: quantities.map(toQuantity),
      assertion,
      negated,
      evidence: sentence,
      span: [offset, offset + sentence.length],
    };
    event.conflict = conflictOf(event)?.id ?? null;
    return event;
  });
}
