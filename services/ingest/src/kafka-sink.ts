import type { Config } from '@wirewatch/config';
import {
  BatchingProducer,
  createKafka,
  createProducer,
  ensureTopics,
  topicOptionsOf,
  keyPartitioner,
  topicNames,
} from '@wirewatch/kafka';
import type { Logger } from '@wirewatch/log';
import type { IngestMetrics } from './metrics.ts';
import { KafkaReportSink } from './sink.ts';

export type KafkaSinkConfig = Pick<
  Config,
  | 'KAFKA_BROKERS'
  | 'KAFKA_CLIENT_ID'
  | 'KAFKA_TOPIC_PREFIX'
  | 'KAFKA_REPLICATION_FACTOR'
  | 'KAFKA_RAW_PARTITIONS'
  | 'LOG_LEVEL'
  | 'INGEST_PRODUCE_TIMEOUT_MS'
  | 'INGEST_MAX_PENDING_REPORTS'
>;

export interface KafkaSinkHandle {
  sink: KafkaReportSink;
  /** Resolves when connected and topics exist; rejects after timeoutMs. */
  waitUntilReady(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects the ingest sink to Kafka in the background: an idempotent producer, topics created if missing.
 * Until that succeeds (it retries with backoff) the sink is not ready and the API answers 503.
 */
export function connectKafkaSink(
  config: KafkaSinkConfig,
  logger: Logger,
  metrics: IngestMetrics,
): KafkaSinkHandle {
  const kafka = createKafka(config, { logger: logger.child({ component: 'kafkajs' }) });
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  // Filled from the broker's metadata once connected, so requests can be packed per partition.
  const partitionCounts = new Map<string, number>();
  const producer = new BatchingProducer(createProducer(kafka), {
    timeoutMs: config.INGEST_PRODUCE_TIMEOUT_MS,
    maxPendingMessages: config.INGEST_MAX_PENDING_REPORTS,
    partitionOf: keyPartitioner(partitionCounts),
    onAcked: (durationMs) => metrics.produceDuration.observe(durationMs),
  });
  const prepare = async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(admin, config.KAFKA_TOPIC_PREFIX, topicOptionsOf(config));
      if (created.length > 0) logger.info({ topics: created }, 'created Kafka topics');
      const metadata = await admin.fetchTopicMetadata({ topics: [topics.raw, topics.deadletter] });
      for (const { name, partitions } of metadata.topics) partitionCounts.set(name, partitions.length);
    } finally {
      await admin.disconnect();
    }
  };
  void producer.connect({
    prepare,
    onError: (err, attempt) =>
      logger.warn({ err: (err as Error).message, attempt }, 'Kafka not reachable; retrying'),
  });
  const sink = new KafkaReportSink(producer, topics);
  const waitUntilReady = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!sink.ready) {
      if (Date.now() > deadline)
        throw new Error(`Kafka not ready within ${timeoutMs} ms (${config.KAFKA_BROKERS.join(',')})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { sink, waitUntilReady, close: () => producer.close() };
}
