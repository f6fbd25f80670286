/**
 * What travels through workflow history. Only references and small summaries: report bodies stay in
 * Kafka and the staged `raw_reports` table, so history never holds them.
 */

/** A contiguous run of one partition's offsets, staged in ClickHouse by the dispatcher. */
export interface BatchRef {
  /** Deterministic: topic, partition, first and last offset. Also the workflow id. */
  batchId: string;
  topic: string;
  partition: number;
  /** Offsets as strings: Kafka offsets are 64-bit. */
  firstOffset: string;
  lastOffset: string;
  count: number;
}

/** The story each staged report joined, keyed by report row (partition offset). */
export interface StoryAssignment {
  offset: string;
  reportId: string;
  storyId: string;
  duplicateOf: string | null;
  syndicated: boolean;
  independentSources: number;
  kind: 'new_story' | 'duplicate' | 'new_version' | 'syndicated' | 'rewrite';
}

/** An escalation signal handed on to alerting: small, with references to the rows holding the evidence. */
export interface SignalRef {
  reportId: string;
  version: number;
  storyId: string;
  rulesetVersion: string;
  score: number;
  eventTypes: string[];
  actors: string[];
}

export interface BatchSummary {
  batchId: string;
  reports: number;
  persisted: number;
  duplicates: number;
  deadLettered: number;
  signals: number;
}

export function batchIdOf(topic: string, partition: number, firstOffset: string, lastOffset: string): string {
  return `batch:${topic}:${partition}:${firstOffset}-${lastOffset}`;
}

/** A message as staged in `raw_reports`: its offset, its key (the report id), encoding and text. */
export interface StagedRow {
  off: string;
  key: string;
  enc: string;
  body: string;
}
