/**
 * The analysis pipeline for one report: normalise → dedupe → classify → actors and quantities →
 * assertion → score. Pure and deterministic: no I/O, no clock (time comes from the report).
 */
import { z } from 'zod';
import { ACTOR_DATA_FILES } from './actors/index.ts';
import { strongerHedge, unconfirmsPrevious } from './assertion/index.ts';
import { analyzeSentence, hasHostileContext, headlineBlocks, lexicon } from './classify/index.ts';
import { DEDUPE_METHOD_VERSION, StoryIndex, type DedupeInput } from './dedupe/index.ts';
import { normalizeReport, PART_SEPARATOR } from './normalize/index.ts';
import { VAGUE_QUALIFIER } from './quantities/index.ts';
import { sameAct, scoreReport, scoring } from './score/index.ts';
import assertionCues from '../data/events/assertion.json' with { type: 'json' };
import lexiconData from '../data/events/lexicon.json' with { type: 'json' };
import scoringData from '../data/scoring.json' with { type: 'json' };
import { createHash } from 'node:crypto';
import type { AnalysedEvent, AnalysisResult, DedupeResult, EventType, NormalizedReport, Quantity, ReportInput } from './types.ts';

export { analyzeSentence };

/**
 * The version of the rules every output carries: the version string the rules declare, plus a digest
 * of the rule data (events, assertion cues, scoring, actors) and the story-matching method, so that any
 * change to them changes it even if the declared version was not bumped.
 */
export const RULESET_VERSION: string = (() => {
  const digest = createHash('sha256')
    .update(JSON.stringify([lexiconData, assertionCues, scoringData, ACTOR_DATA_FILES, DEDUPE_METHOD_VERSION]))
    .digest('hex')
    .slice(0, 8);
  return `${lexicon.version}+${digest}`;
})();

/** A wire report as the analysis accepts it; the CLI and other edges validate input with this. */
export const reportInputSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  source_id: z.string().min(1),
  published_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time'),
  headline: z.string(),
  summary: z.string().optional(),
  body: z.string(),
  language: z.string().optional(),
  version: z.number().int().nonnegative().optional(),
});

export interface AnalyzerOptions {
  /** Per-source reliability weights (1 = neutral) over the defaults in data/scoring.json. */
  sourceReliability?: Record<string, number>;
  /** Days a story stays open for new reports in the analyzer's own story index. */
  dedupeWindowDays?: number;
}

export interface Analyzer {
  readonly rulesetVersion: string;
  /**
   * Analyses one report. Pass the story it joined when a shared story index decided it (the
   * pipeline does); otherwise the analyzer's own index assigns it, in call order. Pass the report's
   * normalisation when the caller has it already (the pipeline normalises once, for dedupe and analysis).
   */
  analyze(report: ReportInput, story?: DedupeResult, normalized?: NormalizedReport): AnalysisResult;
}

/** The types of the events a report asserts (negated ones left out), in order of first mention. */
function eventTypesOf(events: AnalysedEvent[]): EventType[] {
  const types = new Set<EventType>();
  for (const e of events) if (!e.negated) types.add(e.type);
  return [...types];
}

/** Every actor and target code of the report's events, in order of first mention. */
function actorsOf(events: AnalysedEvent[]): string[] {
  const codes = new Set<string>();
  for (const e of events) {
    for (const code of e.actors) codes.add(code);
    for (const code of e.targets) codes.add(code);
  }
  return [...codes];
}

/** What the story index reads of a report (named fields: copying the whole report costs more). */
function dedupeInput(report: ReportInput, text: string): DedupeInput {
  return {
    id: report.id,
    source: report.source,
    source_id: report.source_id,
    version: report.version,
    published_at: report.published_at,
    headline: report.headline,
    text,
  };
}

/**
 * Troops a report says were (or are to be) sent: the largest count on a troop movement it does not
 * negate and does not date well before its news (an earlier deployment it recalls). "Thousands of soldiers" gives
 * no count: its floor (2,000) is not a number the report states.
 */
function troopsOf(events: AnalysedEvent[]): number | null {
  let troops: number | null = null;
  for (const e of events) {
    if (e.negated || e.background || !(e.type === 'MOBILIZE' || (e.type === 'AID' && e.mode === 'military'))) continue;
    const q: Quantity | null = e.quantity;
    if (q === null || (q.unit !== 'troops' && q.unit !== 'personnel') || q.qualifier === VAGUE_QUALIFIER) continue;
    if (troops === null || q.value > troops) troops = q.value;
  }
  return troops;
}

/** Where the report's lead ends: after its headline and first `count` sentences of text. */
function leadEnd(normalized: NormalizedReport, count: number): number {
  const bodyStart = headlineEnd(normalized.text);
  let seen = 0;
  for (const s of normalized.sentences) {
    if (s.start < bodyStart) continue;
    if (seen === count) return s.start;
    seen++;
  }
  return normalized.text.length;
}

/** Where the headline ends in the normalised text. */
function headlineEnd(text: string): number {
  const end = text.indexOf(PART_SEPARATOR);
  return end < 0 ? text.length : end;
}

/**
 * A headline restates its report's lead in fewer words and drops the attribution: "Ukraine says North Korean
 * troops have entered combat" over a body that says it "citing intelligence", which "could not be verified". A
 * headline event is hedged as the first body event of the same type and the same parties is; a hedged headline
 * hedges the body's events of that type and those parties in turn.
 */
function hedgeHeadline(events: AnalysedEvent[], end: number): void {
  for (const h of events) {
    if (h.span[0] >= end) break;
    if (h.negated) continue;
    const alike = (b: AnalysedEvent): boolean => b.span[0] >= end && sameAct(h, b);
    if (h.assertion === 'asserted') {
      const lead = events.find(alike);
      if (lead !== undefined) h.assertion = lead.assertion;
    } else {
      // "Ethiopia masses 25,000 troops near Eritrea border, diplomats say; Addis Ababa denies": the headline's hedge is
      // the story's, and holds for the body's telling of the same act.
      for (const b of events) if (alike(b)) b.assertion = strongerHedge(b.assertion, h.assertion);
    }
  }
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stories = new StoryIndex(options.dedupeWindowDays === undefined ? {} : { windowDays: options.dedupeWindowDays });
  return {
    rulesetVersion: RULESET_VERSION,
    analyze(report, story, given) {
      const normalized = given ?? normalizeReport(report);
      const dedupe = story ?? stories.add(dedupeInput(report, normalized.text));
      const published = new Date(report.published_at);
      const at = Number.isNaN(published.getTime()) ? undefined : published;
      const events: AnalysedEvent[] = [];
      if (normalized.isEnglish) {
        const blocked = headlineBlocks(report.headline);
        let previous = 0;
        for (const s of normalized.sentences) {
          const found = analyzeSentence(s.text, s.start, at);
          if (found.length === 0) {
            // "Reuters could not independently verify the claim.": the sentence before is unconfirmed.
            if (previous < events.length && unconfirmsPrevious(s.text)) {
              for (let k = previous; k < events.length; k++) events[k]!.assertion = strongerHedge(events[k]!.assertion, 'unconfirmed');
            }
            previous = events.length;
            continue;
          }
          previous = events.length;
          if (blocked.size > 0 && found.some((e) => blocked.has(e.type))) {
            // Under a headline of a crash, a body sentence keeps such an event only if it names a hostile act; under a
            // match or a market, also a side of it ("Separately, Russian missiles struck Kharkiv", not "we attacked for
            // 45 minutes" or "it looks like a war zone").
            const hostile = hasHostileContext(s.text);
            for (const e of found) {
              const need = blocked.get(e.type);
              if (need === undefined || (hostile && (need === 'hostile' || e.actors.length + e.targets.length > 0))) events.push(e);
            }
          } else for (const e of found) events.push(e);
        }
        if (report.headline.trim() !== '') hedgeHeadline(events, headlineEnd(normalized.text));
      }
      const scored = scoreReport({
        events,
        source: report.source,
        independentSources: dedupe.independent_sources,
        sourceReliability: options.sourceReliability,
        leadEnd: leadEnd(normalized, scoring.leadSentences),
      });
      return {
        id: report.id,
        ruleset_version: RULESET_VERSION,
        language: normalized.language,
        event_types: eventTypesOf(events),
        events,
        actors: actorsOf(events),
        troops: troopsOf(events),
        hedged: scored.top !== null && scored.top.assertion !== 'asserted',
        escalation_score: scored.score,
        score_contributions: scored.contributions,
        story_id: dedupe.story_id,
        duplicate_of: dedupe.duplicate_of,
        syndicated: dedupe.syndicated,
        independent_sources: dedupe.independent_sources,
        kind: dedupe.kind,
      };
    },
  };
}

/** One report through a fresh analyzer: convenient for a single report; a stream needs one analyzer. */
export function analyzeReport(report: ReportInput, options: AnalyzerOptions = {}): AnalysisResult {
  return createAnalyzer(options).analyze(report);
}

export { scoring };
