import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, ITopicConfig } from 'kafkajs';

/**
 * Every Kafka topic wirewatch uses: names, partition counts and retention live here and nowhere else.
 * Names are prefixed with KAFKA_TOPIC_PREFIX so tests and environments can share one broker.
 */
export const TOPICS = {
  /** Every accepted report, keyed by report_id, kept forever: the system of record that can be replayed. */
  raw: {
    name: 'reports.raw',
    /** When created; KAFKA_RAW_PARTITIONS overrides it (see the config schema for the trade-off). */
    partitions: 1,
    config: { 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' },
  },
  /** Items that could not be processed, with their original bytes and why; kept forever for repair and replay. */
  deadletter: {
    name: 'reports.deadletter',
    partitions: 1,
    config: { 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' },
  },
  /** Escalation alerts raised by the analysis, keyed by alert id; kept 90 days (ClickHouse keeps the history). */
  alerts: {
    name: 'alerts',
    partitions: 3,
    config: { 'retention.ms': String(90 * 24 * 3600 * 1000), 'cleanup.policy': 'delete' },
  },
} as const;

/**
 * Largest message value wirewatch writes: under the broker's default message.max.bytes (1 MiB + 12 bytes)
 * with room for key, headers and batch overhead. Larger reports are refused at the edge with a clear error.
 */
export const MAX_MESSAGE_BYTES = 1_000_000;

export type TopicKey = keyof typeof TOPICS;
export type TopicNames = Record<TopicKey, string>;

/** The full topic names for a prefix, e.g. `t123.reports.raw`. */
export function topicNames(prefix: string): TopicNames {
  return {
    raw: `${prefix}${TOPICS.raw.name}`,
    deadletter: `${prefix}${TOPICS.deadletter.name}`,
    alerts: `${prefix}${TOPICS.alerts.name}`,
  };
}

export interface TopicOptions {
  /** Replication factor of created topics (1 for a single broker). */
  replicationFactor?: number;
  /** Partitions of the raw topic, if created. An existing topic keeps the partitions it has. */
  rawPartitions?: number;
}

/** The topic options a configuration asks for. */
export const topicOptionsOf = (config: { KAFKA_REPLICATION_FACTOR: number; KAFKA_RAW_PARTITIONS: number }): TopicOptions => ({
  replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  rawPartitions: config.KAFKA_RAW_PARTITIONS,
});

/** How long `ensureTopics` waits for every partition of wirewatch's topics to have a leader. */
const LEADERS_TIMEOUT_MS = 30_000;

/**
 * Creates whichever of wirewatch's topics are missing, then waits until every partition of every one of
 * them has a leader: safe to call at every start, and the topics are usable when it returns. Two
 * processes starting together both call it. kafkajs answers the one whose creation loses the race with
 * `false` at once, without waiting for leaders; that caller went on while the broker was still electing
 * them, and its first produce or subscribe failed with UNKNOWN_TOPIC_OR_PARTITION. Returns the names
 * this call created (none when another caller's creation won).
 */
export async function ensureTopics(admin: Admin, prefix: string, options: TopicOptions = {}): Promise<string[]> {
  const replicationFactor = options.replicationFactor ?? 1;
  const existing = new Set(await admin.listTopics());
  const names = topicNames(prefix);
  const missing: ITopicConfig[] = (Object.keys(TOPICS) as TopicKey[])
    .filter((key) => !existing.has(names[key]))
    .map((key) => ({
      topic: names[key],
      numPartitions: key === 'raw' ? (options.rawPartitions ?? TOPICS.raw.partitions) : TOPICS[key].partitions,
      replicationFactor,
      configEntries: Object.entries(TOPICS[key].config).map(([name, value]) => ({ name, value })),
    }));
  let created: string[] = [];
  if (missing.length > 0) {
    try {
      // false: another process created (some of) them in the meantime; that is the state we want.
      if (await admin.createTopics({ topics: missing, waitForLeaders: true })) created = missing.map((t) => t.topic);
    } catch (err) {
      if ((err as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw err;
    }
  }
  await waitForLeaders(admin, Object.values(names), LEADERS_TIMEOUT_MS);
  return created;
}

/** Resolves once every partition of `topics` has a leader; throws after `timeoutMs`, naming the topics. */
export async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      const leaderless = found.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
      if (found.length === topics.length && leaderless.length === 0) return;
      last = `without a leader: ${leaderless.map((t) => t.name).join(', ') || 'some topics missing'}`;
    } catch (err) {
      // UNKNOWN_TOPIC_OR_PARTITION and LEADER_NOT_AVAILABLE while the broker is still creating them.
      last = (err as Error).message;
    }
    if (Date.now() >= deadline) throw new Error(`Kafka topics ${topics.join(', ')} not ready after ${timeoutMs} ms (${last})`);
    await sleep(100);
  }
}
