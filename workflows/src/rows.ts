import type { AnalysisResult, DedupeResult } from '@wirewatch/analysis';
import { chTime, jsonLinesToBytes } from '@wirewatch/clickhouse/port';
import type { StagedReport } from './staged.ts';
import type { BatchRef, SignalRef } from './types.ts';

/**
 * What every row of one report shares: its identity, lineage and times (as ClickHouse text, formatted once for all
 * its rows). Plain data, so it travels with the report to an analysis thread, which writes the report's rows there.
 */
export interface RowHead {
  report_id: string;
  version: number;
  source: string;
  source_id: string;
  url: string;
  headline: string;
  kafka_partition: number;
  kafka_offset: string;
  published_at: string;
  received_at: string;
}

export function rowHead(ref: BatchRef, staged: StagedReport): RowHead {
  const { envelope } = staged;
  return {
    report_id: envelope.report_id,
    version: envelope.version,
    source: envelope.source,
    source_id: envelope.payload.source_id ?? '',
    url: envelope.payload.url ?? '',
    headline: envelope.payload.headline,
    kafka_partition: ref.partition,
    kafka_offset: staged.offset,
    published_at: chTime(new Date(envelope.payload.published_at)),
    received_at: chTime(new Date(envelope.received_at)),
  };
}

export function storyRow(head: RowHead, story: DedupeResult, processedAt: string, rulesetVersion: string): object {
  return {
    ruleset_version: rulesetVersion,
    story_id: story.story_id,
    report_id: head.report_id,
    version: head.version,
    source: head.source,
    headline: head.headline,
    kind: story.kind,
    syndicated: story.syndicated,
    duplicate_of: story.duplicate_of,
    independent_sources: story.independent_sources,
    kafka_partition: head.kafka_partition,
    kafka_offset: head.kafka_offset,
    published_at: head.published_at,
    received_at: head.received_at,
    processed_at: processedAt,
  };
}

export function reportRow(head: RowHead, result: AnalysisResult, processedAt: string): object {
  return {
    report_id: head.report_id,
    version: head.version,
    ruleset_version: result.ruleset_version,
    source: head.source,
    source_id: head.source_id,
    url: head.url,
    headline: head.headline,
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
    published_at: head.published_at,
    received_at: head.received_at,
    processed_at: processedAt,
    kafka_partition: head.kafka_partition,
    kafka_offset: head.kafka_offset,
  };
}

export function eventRows(head: RowHead, result: AnalysisResult, processedAt: string): object[] {
  return result.events.map((event, index) => ({
    report_id: head.report_id,
    version: head.version,
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
    background: event.background === true,
    evidence: event.evidence,
    span_start: event.span[0],
    span_end: event.span[1],
    conflict: event.conflict ?? '',
    score: result.escalation_score,
    story_id: result.story_id,
    source: head.source,
    published_at: head.published_at,
    received_at: head.received_at,
    processed_at: processedAt,
  }));
}

export function signalRow(head: RowHead, result: AnalysisResult, processedAt: string): object {
  // The evidence shown is the report's news: an act it asserts, not one it negates or recalls from long before.
  const top = result.events.find((e) => !e.negated && e.background !== true) ?? result.events.find((e) => !e.negated) ?? result.events[0];
  return {
    ruleset_version: result.ruleset_version,
    report_id: head.report_id,
    version: head.version,
    story_id: result.story_id,
    score: result.escalation_score,
    event_types: result.event_types,
    actors: result.actors,
    troops: result.troops,
    hedged: result.hedged,
    independent_sources: result.independent_sources,
    syndicated: result.syndicated,
    headline: head.headline,
    evidence: top?.evidence ?? '',
    score_contributions: JSON.stringify(result.score_contributions),
    source: head.source,
    published_at: head.published_at,
    received_at: head.received_at,
    processed_at: processedAt,
  };
}

/** JSONEachRow bytes of one table's rows, and how many rows they hold. */
export interface RowBlock {
  bytes: Uint8Array;
  rows: number;
}

/**
 * The rows of analysed reports, serialised for their tables (`reports`, `report_events`, `signals`), with the
 * escalation signals they raise. `written` repeats the report and event rows of the signalling reports only: the
 * alerting hand-on reads them instead of querying the tables it was just written to. Plain data: an analysis thread
 * builds it for the reports it analysed, and nothing of the results has to become objects on the event loop.
 */
export interface AnalysedRows {
  reports: RowBlock;
  events: RowBlock;
  signals: RowBlock;
  written: { reports: RowBlock; events: RowBlock };
  signalRefs: SignalRef[];
}

/** Builds the rows of analysed reports (see AnalysedRows); a report whose score reaches `signalMinScore` signals. */
export function analysedRows(
  analysed: readonly { head: RowHead; result: AnalysisResult }[],
  processedAt: string,
  signalMinScore: number,
): AnalysedRows {
  // Each row is serialised once: a signalling report's lines go to its tables and to `written` alike.
  const reports: string[] = [];
  const events: string[] = [];
  const signals: string[] = [];
  const written = { reports: [] as string[], events: [] as string[] };
  const signalRefs: SignalRef[] = [];
  for (const { head, result } of analysed) {
    const reportLine = JSON.stringify(reportRow(head, result, processedAt));
    const eventLines = eventRows(head, result, processedAt).map((row) => JSON.stringify(row));
    reports.push(reportLine);
    for (const line of eventLines) events.push(line);
    if (result.escalation_score < signalMinScore) continue;
    written.reports.push(reportLine);
    for (const line of eventLines) written.events.push(line);
    signals.push(JSON.stringify(signalRow(head, result, processedAt)));
    signalRefs.push({
      reportId: result.id,
      version: head.version,
      storyId: result.story_id,
      rulesetVersion: result.ruleset_version,
      score: result.escalation_score,
      eventTypes: result.event_types,
      actors: result.actors,
    });
  }
  const block = (lines: readonly string[]): RowBlock => ({ bytes: jsonLinesToBytes(lines), rows: lines.length });
  return {
    reports: block(reports),
    events: block(events),
    signals: block(signals),
    written: { reports: block(written.reports), events: block(written.events) },
    signalRefs,
  };
}

/** One AnalysedRows of several, in order: the parts analysis threads built for consecutive chunks of a batch. */
export function joinAnalysedRows(parts: readonly AnalysedRows[]): AnalysedRows {
  if (parts.length === 1) return parts[0]!;
  const join = (blocks: RowBlock[]): RowBlock => ({ bytes: Buffer.concat(blocks.map((b) => b.bytes)), rows: blocks.reduce((n, b) => n + b.rows, 0) });
  return {
    reports: join(parts.map((p) => p.reports)),
    events: join(parts.map((p) => p.events)),
    signals: join(parts.map((p) => p.signals)),
    written: { reports: join(parts.map((p) => p.written.reports)), events: join(parts.map((p) => p.written.events)) },
    signalRefs: parts.flatMap((p) => p.signalRefs),
  };
}
