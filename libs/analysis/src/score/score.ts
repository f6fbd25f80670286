import scoringData from '../../data/scoring.json' with { type: 'json' };
import type { AnalysedEvent, Assertion, EventType, ScoreContribution } from '../types.ts';

/**
 * Escalation score, 0–100, of one report, with every contribution listed so that the score can be
 * explained and audited. The scale is documented in docs/analysis.md; the weights are data
 * (data/scoring.json).
 *
 *   event points = severity(type) + mode bonus + magnitude (log scale) + third-party entry
 *   report       = top event × assertion factor × context factor (background dated well before the news, or
 *                  an act after the lead, counts less) + a share of the other events
 *                  + corroboration by independent sources, × source reliability, clamped to 0..100
 */

export interface Conflict {
  id: string;
  sides: string[][];
}

export interface ScoringTables {
  version: string;
  severity: Record<EventType, number>;
  modeBonus: Record<string, number>;
  magnitude: { name: string; units: string[]; perDecade: number; max: number }[];
  thirdParty: { points: number; types: Set<string> };
  assertionFactor: Record<Assertion, number>;
  /** The weight of an act the report dates well before its news (`AnalysedEvent.background`). */
  backgroundFactor: number;
  /** The weight of an act found after the report's lead (its headline and first `leadSentences` sentences). */
  afterLeadFactor: number;
  leadSentences: number;
  otherEventsShare: number;
  otherEventsMax: number;
  corroboration: { pointsPerDoubling: number; max: number };
  reliability: { default: number; sources: Record<string, number> };
  conflicts: Conflict[];
}

export const scoring: ScoringTables = {
  version: scoringData.version,
  severity: scoringData.severity as Record<EventType, number>,
  modeBonus: scoringData.mode_bonus as Record<string, number>,
  magnitude: Object.entries(scoringData.magnitude).map(([name, m]) => ({ name, units: m.units, perDecade: m.per_decade, max: m.max })),
  thirdParty: { points: scoringData.third_party_entry.points, types: new Set(scoringData.third_party_entry.types) },
  assertionFactor: scoringData.assertion_factor as Record<Assertion, number>,
  backgroundFactor: scoringData.background_factor,
  afterLeadFactor: scoringData.after_lead_factor,
  leadSentences: scoringData.lead_sentences,
  otherEventsShare: scoringData.other_events_share,
  otherEventsMax: scoringData.other_events_max,
  corroboration: { pointsPerDoubling: scoringData.corroboration.points_per_doubling, max: scoringData.corroboration.max },
  reliability: scoringData.source_reliability as { default: number; sources: Record<string, number> },
  conflicts: scoringData.conflicts,
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * "TYPE/mode", the key of a mode bonus, built once per type and mode: a key built anew per event
 * costs a string and a hash for every property lookup.
 */
const modeKeys = new Map<EventType, Map<string, string>>();
function modeKeyOf(type: EventType, mode: string | null): string {
  let byMode = modeKeys.get(type);
  if (byMode === undefined) {
    byMode = new Map();
    modeKeys.set(type, byMode);
  }
  const m = mode ?? '';
  let key = byMode.get(m);
  if (key === undefined) {
    key = `${type}/${m}`;
    byMode.set(m, key);
  }
  return key;
}

/** Per conflict, the side of each code in it: built once per conflict list. */
const sideTables = new WeakMap<Conflict[], { id: string; sides: Map<string, number> }[]>();
/** The last list asked for (nearly always the default one): saves a WeakMap lookup per event. */
let lastSides: { conflicts: Conflict[]; tables: { id: string; sides: Map<string, number> }[] } | null = null;
function sidesOf(conflicts: Conflict[]): { id: string; sides: Map<string, number> }[] {
  if (lastSides !== null && lastSides.conflicts === conflicts) return lastSides.tables;
  let tables = sideTables.get(conflicts);
  if (!tables) {
    tables = conflicts.map((c) => {
      const sides = new Map<string, number>();
      // The first side listing a code wins, as a search of the sides in order would find.
      c.sides.forEach((side, k) => side.forEach((code) => sides.has(code) || sides.set(code, k)));
      return { id: c.id, sides };
    });
    sideTables.set(conflicts, tables);
  }
  lastSides = { conflicts, tables };
  return tables;
}

function anyIn(codes: string[], sides: Map<string, number>): boolean {
  for (const code of codes) if (sides.has(code)) return true;
  return false;
}

/** Whether some actor and some target sit on different sides of the conflict. */
function opposed(event: Pick<AnalysedEvent, 'actors' | 'targets'>, sides: Map<string, number>): boolean {
  for (const a of event.actors) {
    const side = sides.get(a);
    if (side === undefined) continue;
    for (const t of event.targets) {
      const other = sides.get(t);
      if (other !== undefined && other !== side) return true;
    }
  }
  return false;
}

/**
 * The ongoing conflict an event belongs to, and whether it brings a third party into it: military
 * support for, or force against, a belligerent by a state outside the war escalates that war.
 * Looked for in this order, so that a belligerent of one war is never read as an outsider to another
 * war of the same state (Hezbollah's LBN firing on ISR is ISR-LBN, not a third party in ISR-PSE):
 *  1. an actor and a target on opposite sides of a conflict;
 *  2. an actor in a conflict, with no target named (then every actor must be a side of it) or a target on its
 *     own side ("Ukrainian forces shelled Donetsk", M23 rebels, coded COD, seizing Goma: the war's fighting on
 *     one side's soil);
 *  3. a target in a conflict whose actors are all outside it: a third party.
 */
export function conflictOf(event: Pick<AnalysedEvent, 'actors' | 'targets'>, conflicts = scoring.conflicts): { id: string; thirdParty: boolean } | null {
  if (event.actors.length === 0 && event.targets.length === 0) return null;
  const tables = sidesOf(conflicts);
  for (const c of tables) if (opposed(event, c.sides)) return { id: c.id, thirdParty: false };
  for (const c of tables) {
    // With no one acted on, every one acting must be a side: India and China holding talks are not the India–Pakistan war.
    const sided = event.targets.length === 0 ? event.actors.every((code) => c.sides.has(code)) : anyIn(event.actors, c.sides) && anyIn(event.targets, c.sides);
    if (sided) return { id: c.id, thirdParty: false };
  }
  if (event.actors.length === 0) return null;
  for (const c of tables) if (anyIn(event.targets, c.sides) && !anyIn(event.actors, c.sides)) return { id: c.id, thirdParty: true };
  return null;
}

/**
 * The largest count of the event in `units`, or -Infinity when it names none. The event's own quantity counts too:
 * it may add up a list ("Two soldiers, one rebel killed" is 3).
 */
function largestCount(event: AnalysedEvent, units: readonly string[]): number {
  let value = -Infinity;
  for (const q of event.quantities) if (units.includes(q.unit) && q.value > value) value = q.value;
  const own = event.quantity;
  if (own && units.includes(own.unit) && own.value > value) value = own.value;
  return value;
}

function magnitudePoints(event: AnalysedEvent, tables: ScoringTables): ScoreContribution[] {
  const out: ScoreContribution[] = [];
  for (const m of tables.magnitude) {
    const value = largestCount(event, m.units);
    if (value === -Infinity) continue;
    const points = Math.min(m.max, m.perDecade * Math.log10(1 + value));
    out.push({ factor: `magnitude_${m.name}`, points: round1(points), detail: `${value} ${m.name}` });
  }
  return out;
}

/** The contributions of one event, before its assertion discount. */
export function eventContributions(event: AnalysedEvent, tables: ScoringTables = scoring): ScoreContribution[] {
  if (event.negated) return [];
  const severity = tables.severity[event.type] ?? 0;
  const modeKey = modeKeyOf(event.type, event.mode);
  const out: ScoreContribution[] = [];
  if (severity > 0) out.push({ factor: 'severity', points: severity, detail: event.type });
  const bonus = tables.modeBonus[modeKey];
  if (bonus) out.push({ factor: 'mode', points: bonus, detail: modeKey });
  if (severity > 0 || bonus) out.push(...magnitudePoints(event, tables));
  const conflict = conflictOf(event, tables.conflicts);
  if (conflict?.thirdParty && (tables.thirdParty.types.has(event.type) || tables.thirdParty.types.has(modeKey))) {
    out.push({
      factor: 'third_party_entry',
      points: tables.thirdParty.points,
      detail: `${event.actors.join('+')} → ${event.targets.join('+')} escalates ${conflict.id}`,
    });
  }
  return out;
}

const sum = (cs: ScoreContribution[]): number => cs.reduce((s, c) => s + c.points, 0);

/**
 * The sum of `eventContributions(event)`, added in the same order (so equal to the last bit), without
 * building the contributions: only the top event of a report needs them spelled out.
 */
function eventPoints(event: AnalysedEvent, tables: ScoringTables): number {
  if (event.negated) return 0;
  const severity = tables.severity[event.type] ?? 0;
  const modeKey = modeKeyOf(event.type, event.mode);
  const bonus = tables.modeBonus[modeKey];
  let points = 0;
  if (severity > 0) points += severity;
  if (bonus) points += bonus;
  if (severity > 0 || bonus) {
    for (const m of tables.magnitude) {
      const value = largestCount(event, m.units);
      if (value !== -Infinity) points += round1(Math.min(m.max, m.perDecade * Math.log10(1 + value)));
    }
  }
  const conflict = event.actors.length > 0 ? conflictOf(event, tables.conflicts) : null;
  if (conflict?.thirdParty && (tables.thirdParty.types.has(event.type) || tables.thirdParty.types.has(modeKey))) {
    points += tables.thirdParty.points;
  }
  return points;
}

export interface ScoreInput {
  events: AnalysedEvent[];
  source: string;
  /** Independent sources of the story so far (syndicated copies do not count). */
  independentSources: number;
  /** Per-source reliability weights (1 = neutral), overriding the defaults in the data file. */
  sourceReliability?: Record<string, number> | undefined;
  /**
   * Where the report's lead ends in the normalised text: wire copy puts its news first, then background, quotes and
   * analysis. Events that start at or after it, of a type and parties the lead does not report, weigh
   * `afterLeadFactor`. Absent, every event is in the lead.
   */
  leadEnd?: number;
}

export interface ScoreResult {
  score: number;
  contributions: ScoreContribution[];
  /** The event that drives the score, or null when the report has none that escalates. */
  top: AnalysedEvent | null;
}

/**
 * Whether `other` tells the act `event` tells: the same type, not negated, acting or acted on by one of `event`'s
 * parties (by anyone, when `event` names none). A headline and its lead, or a lead and a later paragraph, tell one
 * act so.
 */
export function sameAct(event: AnalysedEvent, other: AnalysedEvent): boolean {
  if (other.type !== event.type || other.negated) return false;
  if (event.actors.length + event.targets.length === 0) return true;
  const names = (c: string): boolean => other.actors.includes(c) || other.targets.includes(c);
  return event.actors.some(names) || event.targets.some(names);
}

/**
 * An act after the lead that the lead does not report. A later paragraph often gives the lead's act its numbers
 * ("about 10,000 soldiers"), and that detail is the news.
 */
function afterLead(event: AnalysedEvent, events: AnalysedEvent[], leadEnd: number | undefined): boolean {
  if (leadEnd === undefined || event.span[0] < leadEnd) return false;
  return !events.some((e) => e.span[0] < leadEnd && sameAct(event, e));
}

/** How much an event counts for its place in the report: background and acts the lead does not report count less. */
function contextFactor(event: AnalysedEvent, later: boolean, tables: ScoringTables): number {
  return (event.background ? tables.backgroundFactor : 1) * (later ? tables.afterLeadFactor : 1);
}

export function scoreReport(input: ScoreInput, tables: ScoringTables = scoring): ScoreResult {
  const scored: { event: AnalysedEvent; points: number; later: boolean }[] = [];
  for (const event of input.events) {
    const base = eventPoints(event, tables);
    if (base <= 0) continue;
    const later = afterLead(event, input.events, input.leadEnd);
    scored.push({ event, points: base * tables.assertionFactor[event.assertion] * contextFactor(event, later, tables), later });
  }
  scored.sort((a, b) => b.points - a.points);
  const top = scored[0];
  if (!top) return { score: 0, contributions: [], top: null };

  const parts = eventContributions(top.event, tables);
  const contributions: ScoreContribution[] = [...parts];
  const full = sum(parts);
  const asserted = full * tables.assertionFactor[top.event.assertion];
  if (asserted < full) contributions.push({ factor: 'assertion', points: round1(asserted - full), detail: top.event.assertion });
  if (top.points < asserted) {
    const why = [top.event.background ? 'dated well before the news' : '', top.later ? 'not in the lead' : ''];
    contributions.push({ factor: 'context', points: round1(top.points - asserted), detail: why.filter((w) => w !== '').join(', ') });
  }

  // Other escalating events add a share each, once per type, so repetition does not inflate the score.
  const seenTypes = new Set<string>([top.event.type]);
  let others = 0;
  for (const s of scored.slice(1)) {
    if (seenTypes.has(s.event.type)) continue;
    seenTypes.add(s.event.type);
    others += s.points * tables.otherEventsShare;
  }
  others = Math.min(tables.otherEventsMax, others);
  if (others > 0) contributions.push({ factor: 'other_events', points: round1(others), detail: [...seenTypes].slice(1).join(',') });

  const extraSources = Math.max(0, input.independentSources - 1);
  if (extraSources > 0) {
    const points = Math.min(tables.corroboration.max, tables.corroboration.pointsPerDoubling * Math.log2(1 + extraSources));
    contributions.push({ factor: 'corroboration', points: round1(points), detail: `${input.independentSources} independent sources` });
  }

  const weight = input.sourceReliability?.[input.source] ?? tables.reliability.sources[input.source] ?? tables.reliability.default;
  const beforeWeight = sum(contributions);
  if (weight !== 1) contributions.push({ factor: 'source_reliability', points: round1(beforeWeight * (weight - 1)), detail: `${input.source} × ${weight}` });

  const raw = sum(contributions);
  const score = round1(Math.max(0, Math.min(100, raw)));
  if (score !== round1(raw)) contributions.push({ factor: 'cap', points: round1(score - raw) });
  return { score, contributions, top: top.event };
}
