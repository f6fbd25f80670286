import type { AnalysisResult, DedupeResult } from '@wirewatch/analysis';
import { chTime } from '@wirewatch/clickhouse';
import type { StagedReport } from './staged.ts';
import type { BatchRef } from './types.ts';

/** What every row of one report shares: lineage, times and ruleset. */
export interface RowContext {
  ref: BatchRef;
  staged: StagedReport;
  rulesetVersion: string;
  /** The report's times as ClickHouse text, formatted once for all its rows. */
  times: { published_at: string; received_at: string; processed_at: string };
}

export function rowContext(ref: BatchRef, staged: StagedReport, processedAt: string, rulesetVersion: string): RowContext {
  const { envelope } = staged;
  return {
    ref,
    staged,
    rulesetVersion,
    times: {
      published_at: chTime(new Date(envelope.payload.published_at)),
      received_at: chTime(new Date(envelope.received_at)),
      processed_at: processedAt,
    },
  };
}

export function storyRow(ctx: RowContext, story: DedupeResult): object {
  const { envelope } = ctx.staged;
  return {
    ruleset_version: ctx.rulesetVersion,
    story_id: story.story_id,
    report_id: envelope.report_id,
    version: envelope.version,
    source: envelope.source,
    headline: envelope.payload.headline,
    kind: story.kind,
    syndicated: story.syndicated,
    duplicate_of: story.duplicate_of,
    independent_sources: story.independent_sources,
    kafka_partition: ctx.ref.partition,
    kafka_offset: ctx.staged.offset,
    ...ctx.times,
  };
}

export function reportRow(ctx: RowContext, result: AnalysisResult): object {
  const { envelope } = ctx.staged;
  return {
    report_id: envelope.report_id,
    version: envelope.version,
    ruleset_version: result.ruleset_version,
    source: envelope.source,
    source_id: envelope.payload.source_id ?? '',
    url: envelope.payload.url ?? '',
    headline: envelope.payload.headline,
    language: result.language,
    story_id: result.story_id,
    duplicate_of: result.duplicate_of,
    syndicated: result.syndicated,
    independent_sources: result.independent_sources,
    event_types: result.event_types,
    actors: result.actors,
    troops: result.troops,
    hedged: result.hedged,
    escalation_score: result.escalation_score,
    score_contributions: JSON.stringify(result.score_contributions),
    ...ctx.times,
    kafka_partition: ctx.ref.partition,
    kafka_offset: ctx.staged.offset,
  };
}

export function eventRows(ctx: RowContext, result: AnalysisResult): object[] {
  const { envelope } = ctx.staged;
  return result.events.map((event, index) => ({
    report_id: envelope.report_id,
    version: envelope.version,
    ruleset_version: result.ruleset_version,
    event_index: index,
    type: event.type,
    mode: event.mode ?? '',
    actors: event.actors,
    targets: event.targets,
    quantity_value: event.quantity?.value ?? null,
    quantity_unit: event.quantity?.unit ?? '',
    quantity_qualifier: event.quantity?.qualifier ?? '',
    troops: event.quantity && ['troops', 'personnel'].includes(event.quantity.unit) ? Math.round(event.quantity.value) : null,
    assertion: event.assertion,
    negated: event.negated,
    evidence: event.evidence,
    span_start: event.span[0],
    span_end: event.span[1],
    conflict: event.conflict ?? '',
    score: result.escalation_score,
    story_id: result.story_id,
    source: envelope.source,
    ...ctx.times,
  }));
}

export function signalRow(ctx: RowContext, result: AnalysisResult): object {
  const { envelope } = ctx.staged;
  const top = result.events.find((e) => !e.negated) ?? result.events[0];
  return {
    ruleset_version: result.ruleset_version,
    report_id: envelope.report_id,
    version: envelope.version,
    story_id: result.story_id,
    score: result.escalation_score,
    event_types: result.event_types,
    actors: result.actors,
    troops: result.troops,
    hedged: result.hedged,
    independent_sources: result.independent_sources,
    syndicated: result.syndicated,
    headline: envelope.payload.headline,
    evidence: top?.evidence ?? '',
    score_contributions: JSON.stringify(result.score_contributions),
    source: envelope.source,
    ...ctx.times,
  };
}
