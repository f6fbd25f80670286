import cues from '../../data/events/assertion.json' with { type: 'json' };
import type { Assertion } from '../types.ts';

/**
 * How firmly a report asserts an event: stated as fact, attributed as a claim, reported as
 * unverified, or denied — and whether the sentence negates it ("did not send troops"). Read from
 * cue phrases around the trigger; the cues are data (data/events/assertion.json).
 */
export interface AssertionResult {
  assertion: Assertion;
  negated: boolean;
}

interface Span {
  start: number;
  end: number;
}

const re = (source: string): RegExp => new RegExp(source, 'i');

const DENIED_BEFORE = re(cues.denied.before);
const DENIED_SENTENCE = re(cues.denied.sentence);
const DENIED_AFTER = re(cues.denied.after);
const UNCONFIRMED_SENTENCE = re(cues.unconfirmed.sentence);
const UNCONFIRMED_BEFORE = re(cues.unconfirmed.before);
const UNCONFIRMED_AFTER = re(cues.unconfirmed.after);
const UNCONFIRMS_PREVIOUS = re(cues.unconfirmed.next_sentence);
const ALLEGED_BEFORE = re(cues.alleged.before);
const ALLEGED_AFTER = re(cues.alleged.after);
const NEGATION_BEFORE = re(cues.negation.before);
const NEGATION_EXCEPTIONS = re(cues.negation.exceptions);

/** A passive trigger can carry its own modal: "troops could be deployed". */
const MODAL_IN_TRIGGER = /\b(?:could|might|may)\b/i;

/** How far back a negation can reach: "did not immediately send" but not across a clause. */
const NEGATION_REACH = 40;
/** Clause punctuation stops a modal or negation from reaching the trigger. */
const CLAUSE_BREAK = /[;:]|,\s+(?:but|while|and|which|who)\s/g;

function clauseBefore(sentence: string, at: number, reach: number): string {
  const text = sentence.slice(Math.max(0, at - reach), at);
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) start = m.index + m[0].length;
  return text.slice(start);
}

export function isNegated(sentence: string, trigger: Span): boolean {
  const before = clauseBefore(sentence, trigger.start, NEGATION_REACH);
  if (!NEGATION_BEFORE.test(before)) return false;
  // "not only supplied weapons but also troops" asserts both.
  return !NEGATION_EXCEPTIONS.test(sentence.slice(Math.max(0, trigger.start - NEGATION_REACH), trigger.end + 10));
}

/** Cues that hold for a whole sentence, found once for all of its events (the last sentence is kept). */
let sentenceCues = { sentence: '', denied: false, unconfirmed: false };
function cuesOf(sentence: string): { denied: boolean; unconfirmed: boolean } {
  if (sentenceCues.sentence !== sentence) {
    sentenceCues = { sentence, denied: DENIED_SENTENCE.test(sentence), unconfirmed: UNCONFIRMED_SENTENCE.test(sentence) };
  }
  return sentenceCues;
}

export function assessAssertion(sentence: string, trigger: Span): AssertionResult {
  const negated = isNegated(sentence, trigger);
  // The trigger word itself ("denied entry", "claims to be building") is the event, not a cue about it.
  const before = sentence.slice(0, trigger.start);
  const rest = sentence.slice(trigger.end);
  const after = rest.slice(0, 90);
  const cues = cuesOf(sentence);
  let assertion: Assertion = 'asserted';
  if (DENIED_BEFORE.test(before) || cues.denied || ((after.includes(',') || rest.includes(';')) && DENIED_AFTER.test(rest))) assertion = 'denied';
  else if (
    cues.unconfirmed ||
    UNCONFIRMED_BEFORE.test(clauseBefore(sentence, trigger.start, 80)) ||
    UNCONFIRMED_AFTER.test(after) ||
    MODAL_IN_TRIGGER.test(sentence.slice(trigger.start, trigger.end))
  ) {
    assertion = 'unconfirmed';
  } else if (ALLEGED_BEFORE.test(before) || ALLEGED_AFTER.test(rest)) assertion = 'alleged';
  return { assertion, negated };
}

/**
 * An accusation is itself denied only by a denial before it ("denied accusing Kyiv of …"): a denial after it ("…, but
 * New Delhi dismissed the charge as baseless") denies what it charges, and leaves the accusation made.
 */
export function accusationDenied(sentence: string, trigger: Span): boolean {
  return DENIED_BEFORE.test(sentence.slice(0, trigger.start));
}

/**
 * Whether a sentence of its own says the one before it could not be verified: wire copy writes "Reuters could
 * not independently verify the claim." after the claim.
 */
export function unconfirmsPrevious(sentence: string): boolean {
  return UNCONFIRMS_PREVIOUS.test(sentence);
}

/** The stronger of two hedges: denied > unconfirmed > alleged > asserted. */
const STRENGTH: Record<Assertion, number> = { asserted: 0, alleged: 1, unconfirmed: 2, denied: 3 };
export function strongerHedge(a: Assertion, b: Assertion): Assertion {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}
