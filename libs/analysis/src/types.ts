/**
 * Shared shapes of the analysis engine. Pure data: every stage (normalise, dedupe, classify,
 * extract, score) takes and returns these, and the `wirewatch analyze` output is built from them.
 */

/** The 16 PLOVER event types. */
export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Assertion = 'asserted' | 'alleged' | 'denied' | 'unconfirmed';

/** What the analysis reads of a report (the native report shape). */
export interface ReportInput {
  id: string;
  source: string;
  source_id: string;
  /** ISO-8601 time. */
  published_at: string;
  headline: string;
  summary?: string | undefined;
  body: string;
  language?: string | undefined;
  version?: number | undefined;
}

/** A sentence of the normalised text; start/end are offsets into NormalizedReport.text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export interface NormalizedReport {
  /** Headline, summary and body after normalisation, joined by blank lines. */
  text: string;
  sentences: Sentence[];
  /** ISO 639-1 code detected (or declared and confirmed), 'und' when unknown. */
  language: string;
  isEnglish: boolean;
}

export interface Quantity {
  value: number;
  /** troops | personnel | dead | injured | aircraft | vessels | missiles | drones | tanks | … */
  unit: string;
  /** about | up to | at least | more than | nearly | … ; null when exact. */
  qualifier: string | null;
}

export interface AnalysedEvent {
  type: EventType;
  /** PLOVER mode when the text states it (e.g. troops, military, nuclear), else null. */
  mode: string | null;
  /** ISO 3166-1 alpha-3 codes or organisation codes (NATO, UN, EU, AU, ASEAN, IAEA, OSCE). */
  actors: string[];
  targets: string[];
  quantity: Quantity | null;
  /** Every quantity found in the event's sentence, the chosen one included. */
  quantities: Quantity[];
  assertion: Assertion;
  negated: boolean;
  /** The sentence the event was found in, and its offsets in the normalised text. */
  evidence: string;
  span: [number, number];
  /** The ongoing conflict this event belongs to or escalates (e.g. "RUS-UKR"), when one applies. */
  conflict?: string | null;
  /**
   * Set when the sentence dates the act well before the report's news ("a clash in the Galwan Valley in June 2020"):
   * context the report recalls, weighed down in the score and left out of the report's troop count.
   */
  background?: true;
}

export interface ScoreContribution {
  factor: string;
  points: number;
  detail?: string;
}

export interface DedupeResult {
  story_id: string;
  /** The report id this one repeats (same source, source id and version), else null. */
  duplicate_of: string | null;
  /** A near-identical copy of another outlet's text: same story, not an independent source. */
  syndicated: boolean;
  /** Independent sources of the story so far, this report included. */
  independent_sources: number;
  kind: 'new_story' | 'duplicate' | 'new_version' | 'syndicated' | 'rewrite';
}

/** One output line of `wirewatch analyze`. */
export interface AnalysisResult extends DedupeResult {
  id: string;
  ruleset_version: string;
  language: string;
  event_types: EventType[];
  events: AnalysedEvent[];
  actors: string[];
  troops: number | null;
  hedged: boolean;
  escalation_score: number;
  score_contributions: ScoreContribution[];
}
