import { ApplicationFailure, Context } from '@temporalio/activity';
import { normalizeReport, type AnalysisResult, type DedupeResult, type NormalizedReport, type ReportInput } from '@wirewatch/analysis';
import { chTime, type ClickHouse } from '@wirewatch/clickhouse';
import type { Logger } from '@wirewatch/log';
import type { ReportEnvelope } from '@wirewatch/schemas';
import type { AnalysisJob, PrepareJob, PreparedReport } from './analysis-pool.ts';
import { BoundedMap } from './bounded-map.ts';
import { loadBatch, type RejectedMessage, type StagedBatches, type StagedReport } from './staged.ts';
import { analysedRows, rowHead, storyRow, type AnalysedRows, type RowBlock, type RowHead } from './rows.ts';
import type { BatchRef, BatchSummary, SignalRef, StoryAssignment } from './types.ts';

/** The analysis engine as the pipeline uses it: pure, given the story the report joined. */
export interface Analyzer {
  readonly rulesetVersion: string;
  analyze(report: ReportInput, story: DedupeResult, normalized?: NormalizedReport): AnalysisResult;
  /**
   * Analyses many reports off the event loop (worker threads) and writes their rows there, in job order; without it,
   * `analyze` runs here. `release` names prepared keys that will not be analysed (duplicates), whose kept
   * normalisations can go; a report scoring `signalMinScore` or more raises a signal.
   */
  analyzeMany?(jobs: AnalysisJob[], release: string[], signalMinScore: number): Promise<AnalysedRows>;
  /**
   * Normalises and fingerprints many reports off the event loop, for the story index, keeping each
   * normalisation for the analysis of the same key; without it, both are done here.
   */
  prepareMany?(jobs: PrepareJob[]): Promise<PreparedReport[]>;
}

/**
 * A report offered to the shared story index, keyed by where it sits in the log, with its normalised text
 * and, when it was computed off the event loop, its fingerprint.
 */
export interface StoryCandidate {
  key: string;
  report: ReportInput;
  text: string;
  fingerprint?: Uint32Array | undefined;
}

/** The shared story index: assigns each candidate, in order, to a story. Idempotent per key. */
export interface StoryAssigner {
  assign(candidates: readonly StoryCandidate[]): Promise<DedupeResult[]>;
}

/** Where rejected messages go: the dead-letter topic and the dead_letters table, with their reason. */
export interface DeadLetterSink {
  deadLetter(ref: BatchRef, step: string, rejected: readonly RejectedMessage[]): Promise<void>;
}

/**
 * The rows a batch wrote for its signalling reports (`reports` and `report_events`, as JSONEachRow), kept in memory
 * for the hand-on that follows on the same worker.
 */
export interface WrittenRows {
  reports: RowBlock;
  events: RowBlock;
}

/**
 * The hook alerting plugs into: receives every batch's escalation signals, with the rows written for them
 * when the batch was persisted by this worker (the usual case); without them, a sink reads ClickHouse.
 */
export interface SignalSink {
  handOn(batchId: string, signals: readonly SignalRef[], written?: WrittenRows): Promise<void>;
}

export interface ActivityDeps {
  clickhouse: ClickHouse;
  stories: StoryAssigner;
  analyzer: Analyzer;
  deadLetters: DeadLetterSink;
  signals: SignalSink;
  /** Reports scoring at least this become signals. */
  signalMinScore: number;
  log: Logger;
  now?: () => Date;
  /** The batches this process's dispatcher staged, when it runs here: read from memory instead of ClickHouse. */
  staged?: StagedBatches;
}

export function toReportInput(envelope: ReportEnvelope): ReportInput {
  const p = envelope.payload;
  return {
    id: envelope.report_id,
    source: p.source,
    source_id: p.source_id ?? p.url ?? envelope.report_id,
    published_at: p.published_at,
    headline: p.headline,
    summary: p.summary,
    body: p.body,
    language: p.language,
    version: envelope.version,
  };
}

/**
 * Tells Temporal this activity is alive. A no-op for local activities (the workflow task is what the server
 * watches) and outside a worker (replay).
 */
function heartbeat(): void {
  try {
    const context = Context.current();
    if (!context.info.isLocal) context.heartbeat();
  } catch {
    // Not running as a Temporal activity.
  }
}

const keyOf = (ref: BatchRef, offset: string): string => `${ref.topic}:${ref.partition}:${offset}`;

/** Batch activities, built from their dependencies so tests and runtimes inject real ones. */
export function createActivities(deps: ActivityDeps) {
  const now = deps.now ?? (() => new Date());
  // The batch decoded and normalised by dedupeBatch, kept for analyzeAndPersist when it runs on the same worker
  // (the usual case), so a batch is read, validated and normalised once. Bounded; a miss just does it again.
  interface Prepared {
    reports: StagedReport[];
    /** Empty when the analysis threads normalised the batch (they keep the normalisations themselves). */
    normalized: Map<string, NormalizedReport>;
    preparedInThreads: boolean;
  }
  const recent = new BoundedMap<string, Prepared>(16);
  // Likewise the rows analyzeAndPersist wrote for the batch's signals, for handOnSignals.
  const written = new BoundedMap<string, WrittenRows>(16);

  async function load(ref: BatchRef): Promise<StagedReport[]> {
    try {
      const { reports, rejected } = await loadBatch(deps.clickhouse, ref, deps.staged);
      if (rejected.length > 0) await deps.deadLetters.deadLetter(ref, 'workflow.decode', rejected);
      return reports;
    } catch (err) {
      if ((err as Error).name === 'ClickHouseError' && /UNKNOWN_TABLE/.test((err as Error).message)) {
        throw ApplicationFailure.nonRetryable(`read models are not migrated: ${(err as Error).message}`, 'InvalidBatch');
      }
      throw err;
    }
  }

  return {
    /** Joins each report of the batch to a story in the shared index (and dead-letters undecodable ones). */
    async dedupeBatch(ref: BatchRef): Promise<StoryAssignment[]> {
      const reports = await load(ref);
      const inputs = reports.map((r) => toReportInput(r.envelope));
      const keys = reports.map((r) => keyOf(ref, r.offset));
      let candidates: StoryCandidate[];
      const normalized = new Map<string, NormalizedReport>();
      const preparedInThreads = deps.analyzer.prepareMany !== undefined && deps.analyzer.analyzeMany !== undefined && reports.length > 1;
      if (preparedInThreads) {
        const prepared = await deps.analyzer.prepareMany!(reports.map((_, i) => ({ key: keys[i]!, report: inputs[i]! })));
        candidates = prepared.map((p, i) => ({ key: keys[i]!, report: inputs[i]!, text: p.text, fingerprint: p.fingerprint }));
      } else {
        reports.forEach((r, i) => normalized.set(r.offset, normalizeReport(inputs[i]!)));
        candidates = reports.map((r, i) => ({ key: keys[i]!, report: inputs[i]!, text: normalized.get(r.offset)!.text }));
      }
      recent.set(ref.batchId, { reports, normalized, preparedInThreads });
      heartbeat();
      const results = await deps.stories.assign(candidates);
      return reports.map((r, i) => {
        const d = results[i]!;
        return {
          offset: r.offset,
          reportId: r.envelope.report_id,
          storyId: d.story_id,
          duplicateOf: d.duplicate_of,
          syndicated: d.syndicated,
          independentSources: d.independent_sources,
          kind: d.kind,
        };
      });
    },

    /** Analyses the batch's reports and writes every read model, idempotently (dedup tokens from the batch id). */
    async analyzeAndPersist(
      ref: BatchRef,
      assignments: StoryAssignment[],
    ): Promise<{ summary: BatchSummary; signals: SignalRef[] }> {
      const prepared = recent.get(ref.batchId);
      recent.delete(ref.batchId);
      const staged = prepared?.reports ?? (await loadBatch(deps.clickhouse, ref, deps.staged)).reports;
      deps.staged?.delete(ref.batchId);
      const reports = new Map(staged.map((r) => [r.offset, r]));
      const analysed: { staged: StagedReport; story: DedupeResult; head: RowHead }[] = [];
      for (const assignment of assignments) {
        const report = reports.get(assignment.offset);
        if (!report) throw new Error(`batch ${ref.batchId}: offset ${assignment.offset} vanished from staging`);
        const story: DedupeResult = {
          story_id: assignment.storyId,
          duplicate_of: assignment.duplicateOf,
          syndicated: assignment.syndicated,
          independent_sources: assignment.independentSources,
          kind: assignment.kind,
        };
        analysed.push({ staged: report, story, head: rowHead(ref, report) });
      }
      const todo = analysed.filter((a) => a.story.kind !== 'duplicate');
      // Analyse first, then stamp processed_at: it is when the rows are written, so ingest-to-visible lag measured
      // from it includes the analysis. Analysis threads stamp the rows they write as they finish.
      let rows: AnalysedRows;
      let processedAt: string;
      // A batch the threads prepared is analysed there too, if only to release what they kept for its duplicates.
      if (deps.analyzer.analyzeMany && (todo.length > 1 || prepared?.preparedInThreads)) {
        const release = analysed.filter((a) => a.story.kind === 'duplicate').map((a) => keyOf(ref, a.staged.offset));
        rows = await deps.analyzer.analyzeMany(
          todo.map((a) => ({
            report: toReportInput(a.staged.envelope),
            story: a.story,
            head: a.head,
            normalized: prepared?.normalized.get(a.staged.offset),
            key: keyOf(ref, a.staged.offset),
          })),
          release,
          deps.signalMinScore,
        );
        processedAt = chTime(now());
      } else {
        const results = todo.map((a, i) => {
          if (i % 50 === 0) heartbeat();
          const result = deps.analyzer.analyze(toReportInput(a.staged.envelope), a.story, prepared?.normalized.get(a.staged.offset));
          return { head: a.head, result };
        });
        processedAt = chTime(now());
        rows = analysedRows(results, processedAt, deps.signalMinScore);
      }
      const stories = analysed.map((a) => storyRow(a.head, a.story, processedAt, deps.analyzer.rulesetVersion));
      const duplicates = analysed.length - todo.length;
      // One block per table, each with a token derived from the workflow's batch id: a retried activity
      // writes identical blocks, which ClickHouse drops.
      const token = (table: string) => `${ref.batchId}:${deps.analyzer.rulesetVersion}:${table}`;
      heartbeat();
      await deps.clickhouse.insert('stories', stories, { dedupToken: token('stories') });
      await deps.clickhouse.insertJsonEachRow('reports', rows.reports.bytes, { dedupToken: token('reports') });
      await deps.clickhouse.insertJsonEachRow('report_events', rows.events.bytes, { dedupToken: token('report_events') });
      await deps.clickhouse.insertJsonEachRow('signals', rows.signals.bytes, { dedupToken: token('signals') });
      const signals = rows.signalRefs;
      if (signals.length > 0) written.set(ref.batchId, rows.written);
      deps.log.debug({ batchId: ref.batchId, reports: rows.reports.rows, events: rows.events.rows }, 'batch persisted');
      return {
        summary: {
          batchId: ref.batchId,
          reports: ref.count,
          persisted: rows.reports.rows,
          duplicates,
          deadLettered: ref.count - assignments.length,
          signals: signals.length,
        },
        signals,
      };
    },

    /** Hands the batch's escalation signals on to alerting. */
    async handOnSignals(batchId: string, signals: SignalRef[]): Promise<void> {
      const rows = written.get(batchId);
      await deps.signals.handOn(batchId, signals, rows);
      written.delete(batchId);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
