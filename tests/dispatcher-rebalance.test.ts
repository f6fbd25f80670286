import { createAnalyzer } from '@wirewatch/analysis';
import { EmbeddedClickHouse, migrate } from '@wirewatch/clickhouse';
import { startDispatcher, type Dispatcher, type DispatcherOptions } from '@wirewatch/dispatcher';
import { createKafka, createProducer, ensureTopics, topicNames } from '@wirewatch/kafka';
import { createLogger } from '@wirewatch/log';
import { buildEnvelope, encodeEnvelope, parseNativeReport } from '@wirewatch/schemas';
import {
  connectTemporal,
  createActivities,
  StoryStore,
  startWorker,
  type RunningWorker,
} from '@wirewatch/workflows';
import type { Client } from '@temporalio/client';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, isolatedConfig } from './helpers/config.ts';
import { generateCorpus } from './helpers/corpus.ts';

// Two dispatchers in one consumer group: the second joins mid-stream (a rebalance), then the first leaves
// gracefully (another rebalance). Every message must still end in exactly one set of rows.
describe('dispatcher under rebalances and graceful shutdown', () => {
  const config = isolatedConfig('rebalance');
  const log = createLogger('test', 'warn');
  const kafka = createKafka(config);
  const topic = topicNames(config.KAFKA_TOPIC_PREFIX).raw;
  const corpus = generateCorpus(600);
  let ch: EmbeddedClickHouse;
  let worker: RunningWorker;
  let temporal: Client;
  let producer: Producer;

  const options: DispatcherOptions = {
    topic,
    groupId: `${config.KAFKA_TOPIC_PREFIX}dispatcher`,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    maxReports: 50,
    maxBytes: 1024 * 1024,
    maxWaitMs: 100,
    maxInFlight: 4,
  };

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    // Several partitions, so that both dispatchers of the group own some.
    await ensureTopics(admin, config.KAFKA_TOPIC_PREFIX, { rawPartitions: 6 });
    await admin.disconnect();
    ch = await EmbeddedClickHouse.open(config.CLICKHOUSE_PATH, config.CLICKHOUSE_DATABASE);
    await migrate(ch, { retention_days: 3650 });
    const analyzer = createAnalyzer();
    const activities = createActivities({
      clickhouse: ch,
      stories: await StoryStore.open(ch, { rulesetVersion: analyzer.rulesetVersion, windowDays: 7 }),
      analyzer,
      deadLetters: { deadLetter: async () => undefined },
      signals: { handOn: async () => undefined },
      signalMinScore: 40,
      log,
    });
    worker = await startWorker({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      activities,
    });
    temporal = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
    producer = createProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await worker?.stop();
    await temporal?.connection.close();
    await ch?.close();
  });

  async function produce(from: number, to: number): Promise<void> {
    const messages = corpus.reports.slice(from, to).map((r) => {
      const parsed = parseNativeReport(r);
      if (!parsed.ok) throw new Error('corpus report invalid');
      const envelope = buildEnvelope(parsed.value, new Date());
      return { key: envelope.report_id, value: encodeEnvelope(envelope) };
    });
    await producer.send({ topic, acks: -1, messages });
  }

  const storyRows = async () =>
    Number((await ch.query<{ n: string }>('SELECT count() AS n FROM stories FINAL'))[0]?.n ?? 0);

  it('loses nothing and duplicates nothing', async () => {
    const deps = { kafka, clickhouse: ch, temporal, log };
    const first: Dispatcher = await startDispatcher(deps, options);
    await produce(0, 200);
    await eventually(storyRows, (n) => n >= 50, 60_000);

    const second: Dispatcher = await startDispatcher(deps, options);
    await produce(200, 400);
    await eventually(storyRows, (n) => n >= 250, 90_000);

    await first.stop();
    await produce(400, 600);
    await eventually(storyRows, (n) => n >= corpus.reports.length, 120_000);
    await second.stop();

    const [row] = await ch.query<{ stories: string; raw: string; reports: string; versions: string }>(
      `SELECT (SELECT count() FROM stories FINAL) AS stories,
              (SELECT uniqExact(partition, offset) FROM raw_reports) AS raw,
              (SELECT count() FROM reports FINAL) AS reports,
              (SELECT uniqExact(report_id, version) FROM reports) AS versions`,
    );
    expect(Number(row!.stories)).toBe(corpus.reports.length);
    expect(Number(row!.raw)).toBe(corpus.reports.length);
    expect(Number(row!.reports)).toBe(corpus.distinctVersions);
    expect(Number(row!.versions)).toBe(corpus.distinctVersions);
    const kinds = await ch.query<{ kind: string; n: string }>('SELECT kind, count() AS n FROM stories FINAL GROUP BY kind');
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(byKind.duplicate).toBe(corpus.repeats);
    expect(byKind.new_version).toBe(corpus.updates);
    expect(first.stats().reportsDispatched + second.stats().reportsDispatched).toBeGreaterThanOrEqual(corpus.reports.length);
  }, 300_000);
});
