import type { AnalysisResult } from '@wirewatch/analysis';
import type { EventCondition, GroupField, ReportRule } from './schema.ts';
import { maxSeverity, type AlertMatch, type EvidenceItem, type Severity } from './types.ts';

/** One event of a report, as rules see it (a `report_events` row or an AnalysedEvent). */
export interface EventFacts {
  type: string;
  mode: string;
  actors: string[];
  targets: string[];
  troops: number | null;
  assertion: string;
  negated: boolean;
  /** Dated well before the report's news ("12,000 soldiers deployed in late 2024"): recalled, not reported. */
  background: boolean;
  evidence: string;
  conflict: string;
}

/** What per-report rules read of one analysed report: the `reports` row and its `report_events`. */
export interface ReportFacts {
  reportId: string;
  version: number;
  storyId: string;
  source: string;
  headline: string;
  publishedAt: string;
  score: number;
  independentSources: number;
  syndicated: boolean;
  events: EventFacts[];
}

const TROOP_UNITS = new Set(['troops', 'personnel']);

/** Facts from an analysis result (the dry run of `wirewatch rules test`, the same fields the tables hold). */
export function factsFromAnalysis(
  result: AnalysisResult,
  report: { source: string; headline: string; published_at: string; version?: number | undefined },
): ReportFacts {
  return {
    reportId: result.id,
    version: report.version ?? 1,
    storyId: result.story_id,
    source: report.source,
    headline: report.headline,
    publishedAt: report.published_at,
    score: result.escalation_score,
    independentSources: result.independent_sources,
    syndicated: result.syndicated,
    events: result.events.map((e) => ({
      type: e.type,
      mode: e.mode ?? '',
      actors: e.actors,
      targets: e.targets,
      troops: e.quantity && TROOP_UNITS.has(e.quantity.unit) ? Math.round(e.quantity.value) : null,
      assertion: e.assertion,
      negated: e.negated,
      background: e.background === true,
      evidence: e.evidence,
      conflict: e.conflict ?? '',
    })),
  };
}

/** The parties of a named conflict (`RUS-UKR` → RUS, UKR). */
const conflictParties = (conflict: string): string[] => conflict.split('-').filter((p) => p.length > 0);

/** Event-level tests: type, mode, assertion, negation, troops, conflict membership, evidence text. */
function eventMatches(c: EventCondition, e: EventFacts, pattern: RegExp | null): boolean {
  if (!c.types.includes(e.type as never)) return false;
  if (c.modes && !c.modes.includes(e.mode)) return false;
  if (e.negated && !c.include_negated) return false;
  if (e.background && !c.include_background) return false;
  if (c.assertion && !c.assertion.includes(e.assertion as never)) return false;
  if (c.min_troops !== undefined && (e.troops === null || e.troops < c.min_troops)) return false;
  if (c.conflict && e.conflict === '') return false;
  if (pattern && !pattern.test(e.evidence)) return false;
  return true;
}

/** The (actor, target) pairs of an event that satisfy the rule's actor-level tests. */
function pairsOf(c: EventCondition, e: EventFacts, needTarget: boolean): [string, string][] {
  const actors = e.actors.length > 0 ? e.actors : [''];
  const targets = e.targets.length > 0 ? e.targets : [''];
  const pairs: [string, string][] = [];
  for (const actor of actors) {
    for (const target of targets) {
      if (actor !== '' && actor === target) continue;
      if (needTarget && target === '') continue;
      if (c.actors && !c.actors.includes(actor)) continue;
      if (c.targets && !c.targets.includes(target)) continue;
      if (c.conflict === 'foreign' && (actor === '' || conflictParties(e.conflict).includes(actor))) continue;
      pairs.push([actor, target]);
    }
  }
  return pairs;
}

function keyOf(groupBy: readonly GroupField[], facts: ReportFacts, e: EventFacts, actor: string, target: string): string | null {
  const parts: string[] = [];
  for (const field of groupBy) {
    const value = { actor, target, event_type: e.type, conflict: e.conflict, story: facts.storyId }[field];
    // A key with a missing part would lump unrelated reports together: such events do not match.
    if (value === '') return null;
    parts.push(`${field}=${value}`);
  }
  return parts.join(',');
}

const HEDGED = new Set(['alleged', 'unconfirmed']);
const MAX_EVIDENCE_PER_MATCH = 3;
const MAX_SENTENCE_CHARS = 400;

interface KeyAccumulator {
  events: EventFacts[];
  pairs: Set<string>;
}

function describe(rule: ReportRule, facts: ReportFacts, acc: KeyAccumulator, hedged: boolean): string[] {
  const e = acc.events[0]!;
  const reasons = [`${e.type}${e.mode ? ` (${e.mode})` : ''} ${[...acc.pairs].join(', ')}`];
  if (rule.when.event.conflict && e.conflict) {
    reasons.push(rule.when.event.conflict === 'foreign' ? `joins the ${e.conflict} conflict as an outside party` : `within the ${e.conflict} conflict`);
  }
  const troops = Math.max(...acc.events.map((x) => x.troops ?? 0));
  if (troops > 0) reasons.push(`${troops} troops${rule.when.event.min_troops ? ` (≥ ${rule.when.event.min_troops})` : ''}`);
  if (rule.when.min_score !== undefined) reasons.push(`score ${facts.score} ≥ ${rule.when.min_score}`);
  if (rule.when.min_independent_sources !== undefined) {
    reasons.push(`${facts.independentSources} independent sources ≥ ${rule.when.min_independent_sources}`);
  }
  reasons.push(hedged ? `hedged: only ${[...new Set(acc.events.map((x) => x.assertion))].join('/')}` : 'asserted');
  return reasons;
}

/**
 * Evaluates per-report rules on one report: one match per rule and grouping key, carrying the evidence
 * sentences of the events behind it. Pure: the same facts and rules give the same matches.
 */
export function evaluateReport(rules: readonly ReportRule[], facts: ReportFacts): AlertMatch[] {
  const matches: AlertMatch[] = [];
  for (const rule of rules) {
    const { when } = rule;
    if (when.min_score !== undefined && facts.score < when.min_score) continue;
    if (when.min_independent_sources !== undefined && facts.independentSources < when.min_independent_sources) continue;
    const pattern = when.event.evidence_matches ? new RegExp(when.event.evidence_matches, 'i') : null;
    const needTarget = rule.group_by.includes('target');
    const byKey = new Map<string, KeyAccumulator>();
    for (const e of facts.events) {
      if (!eventMatches(when.event, e, pattern)) continue;
      for (const [actor, target] of pairsOf(when.event, e, needTarget)) {
        const key = keyOf(rule.group_by, facts, e, actor, target);
        if (key === null) continue;
        const acc = byKey.get(key) ?? { events: [], pairs: new Set<string>() };
        if (!acc.events.includes(e)) acc.events.push(e);
        acc.pairs.add(`${actor || '?'}→${target || '?'}`);
        byKey.set(key, acc);
      }
    }
    for (const [key, acc] of byKey) {
      const hedged = acc.events.every((e) => HEDGED.has(e.assertion));
      const severity: Severity = hedged && rule.alleged_severity ? rule.alleged_severity : rule.severity;
      matches.push({
        ruleId: rule.id,
        key,
        severity,
        status: hedged ? 'hedged' : 'asserted',
        evidenceId: `${facts.reportId}@${facts.version}`,
        reportIds: [facts.reportId],
        storyIds: [facts.storyId],
        syndicated: facts.syndicated,
        independentSources: facts.independentSources,
        headline: facts.headline,
        publishedAt: facts.publishedAt,
        evidence: evidenceOf(facts, acc.events),
        reasons: describe(rule, facts, acc, hedged),
      });
    }
  }
  return matches;
}

/** Distinct evidence sentences, asserted ones first, trimmed: they travel through workflow history. */
function evidenceOf(facts: ReportFacts, events: EventFacts[]): EvidenceItem[] {
  const ordered = [...events].sort((a, b) => Number(HEDGED.has(a.assertion)) - Number(HEDGED.has(b.assertion)));
  const out: EvidenceItem[] = [];
  for (const e of ordered) {
    if (out.some((x) => x.sentence === e.evidence.slice(0, MAX_SENTENCE_CHARS))) continue;
    out.push({ reportId: facts.reportId, storyId: facts.storyId, source: facts.source, sentence: e.evidence.slice(0, MAX_SENTENCE_CHARS), assertion: e.assertion });
    if (out.length === MAX_EVIDENCE_PER_MATCH) break;
  }
  return out;
}

/** The highest severity among matches (for summaries). */
export const highestSeverity = (matches: readonly AlertMatch[]): Severity | null =>
  matches.reduce<Severity | null>((s, m) => (s === null ? m.severity : maxSeverity(s, m.severity)), null);
