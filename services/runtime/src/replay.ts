import { createAnalyzer, type AnalysisResult } from '@wirewatch/analysis';
import { migrate, openClickHouse } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';
import { cutBatches, stageBatch, type RawMessage } from '@wirewatch/dispatcher';
import { createKafka, topicNames } from '@wirewatch/kafka';
import { createLogger } from '@wirewatch/log';
import { batchIdOf, createActivities, recordDeadLetters, StagedBatches, StoryStore, type Analyzer, type BatchRef, type DeadLetterSink } from '@wirewatch/workflows';
import { runtimeUrl } from './clickhouse-access.ts';
import { migrationVars } from './runtime.ts';

export interface ReplayOptions {
  /** Start at the first report received at or after this time… */
  fromTime?: Date;
  /** …or at this offset of every partition. */
  fromOffset?: bigint;
  /** Write rows under this ruleset version (default: the analysis engine's own). */
  ruleset?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ReplaySummary {
  rulesetVersion: string;
  messages: number;
  reports: number;
  duplicates: number;
  deadLettered: number;
  signals: number;
  batches: number;
}

interface PartitionRange {
  partition: number;
  start: bigint;
  /** One past the last offset to replay (the high watermark when the replay began). */
  end: bigint;
}

/** The analysis engine, with its rows labelled with the ruleset version the replay writes under. */
function labelledAnalyzer(label: string | undefined): Analyzer {
  const analyzer = createAnalyzer();
  if (label === undefined) return analyzer;
  return {
    rulesetVersion: label,
    analyze: (report, story, normalized): AnalysisResult => ({ ...analyzer.analyze(report, story, normalized), ruleset_version: label }),
  };
}

/**
 * Re-derives the read models from the raw topic, from a time or offset up to where the log ended when the
 * replay began. It runs the pipeline's own batch activities in this process, under a ruleset version of its
 * own, so its rows sit beside the live ones; a second replay of the same range writes the same rows (dedup
 * tokens, ReplacingMergeTree keys, and the story log's recorded decisions). Replays do not hand signals on
 * to alerting and do not re-send dead letters to Kafka (they are recorded in ClickHouse only).
 */
export async function replay(config: Config, options: ReplayOptions): Promise<ReplaySummary> {
  const log = createLogger('replay', config.LOG_LEVEL);
  if (config.CLICKHOUSE_MODE === 'embedded' && (await runtimeUrl(config))) {
    throw new Error('a running `wirewatch run` holds the embedded ClickHouse folder: stop it before replaying');
  }
  const topic = topicNames(config.KAFKA_TOPIC_PREFIX).raw;
  const kafka = createKafka(config);
  const admin = kafka.admin();
  await admin.connect();
  const ranges: PartitionRange[] = [];
  try {
    const highs = await admin.fetchTopicOffsets(topic);
    const starts = options.fromTime ? await admin.fetchTopicOffsetsByTimestamp(topic, options.fromTime.getTime()) : [];
    for (const h of highs) {
      const low = BigInt(h.low);
      const end = BigInt(h.high);
      const fromTime = starts.find((s) => s.partition === h.partition)?.offset;
      let start = fromTime !== undefined ? BigInt(fromTime) : (options.fromOffset ?? 0n);
      if (start < low) start = low;
      if (start === -1n || start > end) start = end;
      ranges.push({ partition: h.partition, start, end });
    }
  } finally {
    await admin.disconnect();
  }
  const total = ranges.reduce((sum, r) => sum + Number(r.end - r.start), 0);

  const ch = await openClickHouse(config);
  const analyzer = labelledAnalyzer(options.ruleset);
  const summary: ReplaySummary = {
    rulesetVersion: analyzer.rulesetVersion,
    messages: 0,
    reports: 0,
    duplicates: 0,
    deadLettered: 0,
    signals: 0,
    batches: 0,
  };
  try {
    await migrate(ch, migrationVars(config));
    const stories = await StoryStore.open(ch, { rulesetVersion: analyzer.rulesetVersion, windowDays: config.DEDUPE_WINDOW_DAYS });
    const deadLetters: DeadLetterSink = { deadLetter: (ref, step, rejected) => recordDeadLetters(ch, ref, step, rejected) };
    // Each batch is staged and then processed right here: hand it over in memory rather than reading it back.
    const staged = new StagedBatches(2);
    const activities = createActivities({
      clickhouse: ch,
      stories,
      analyzer,
      deadLetters,
      signals: { handOn: async () => undefined },
      signalMinScore: config.SIGNAL_MIN_SCORE,
      log,
      staged,
    });

    const pending = new Map(ranges.filter((r) => r.start < r.end).map((r) => [r.partition, r]));
    options.onProgress?.(0, total);
    if (pending.size === 0) return summary;

    const consumer = kafka.consumer({
      groupId: `${config.KAFKA_TOPIC_PREFIX}wirewatch-replay-${analyzer.rulesetVersion}-${Date.now()}`,
      maxWaitTimeInMs: config.DISPATCHER_BATCH_MAX_WAIT_MS,
      maxBytesPerPartition: config.DISPATCHER_BATCH_MAX_BYTES,
    });
    let finish!: () => void;
    let fail!: (err: unknown) => void;
    const finished = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const range = pending.get(batch.partition);
        if (!range) return;
        const inRange = batch.messages.filter((m) => BigInt(m.offset) >= range.start && BigInt(m.offset) < range.end);
        try {
          for (const messages of cutBatches<RawMessage>(inRange, { maxReports: config.DISPATCHER_BATCH_MAX_REPORTS, maxBytes: config.DISPATCHER_BATCH_MAX_BYTES })) {
            const first = messages[0]!.offset;
            const last = messages[messages.length - 1]!.offset;
            const ref: BatchRef = {
              batchId: `replay:${analyzer.rulesetVersion}:${batchIdOf(topic, batch.partition, first, last)}`,
              topic,
              partition: batch.partition,
              firstOffset: first,
              lastOffset: last,
              count: messages.length,
            };
            staged.set(ref.batchId, await stageBatch(ch, ref, messages));
            const assignments = await activities.dedupeBatch(ref);
            const outcome = await activities.analyzeAndPersist(ref, assignments);
            summary.batches += 1;
            summary.messages += messages.length;
            summary.reports += outcome.summary.persisted;
            summary.duplicates += outcome.summary.duplicates;
            summary.deadLettered += outcome.summary.deadLettered;
            summary.signals += outcome.summary.signals;
            options.onProgress?.(summary.messages, total);
            resolveOffset(last);
            await heartbeat();
          }
        } catch (err) {
          fail(err);
          throw err;
        }
        const lastSeen = batch.messages.length > 0 ? BigInt(batch.messages[batch.messages.length - 1]!.offset) : -1n;
        if (lastSeen + 1n >= range.end) pending.delete(batch.partition);
        if (pending.size === 0) finish();
      },
    });
    // Partitions that start past 0 are sought to their start once the group has assigned them.
    for (const range of pending.values()) {
      if (range.start > 0n) consumer.seek({ topic, partition: range.partition, offset: range.start.toString() });
    }
    try {
      await finished;
    } finally {
      await consumer.disconnect();
    }
    return summary;
  } finally {
    await ch.close();
  }
}
