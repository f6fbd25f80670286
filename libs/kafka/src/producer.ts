import {
  Partitioners,
  type Kafka,
  type Message,
  type Producer,
  type ProducerConfig,
  type RecordMetadata,
} from 'kafkajs';

/**
 * A producer that cannot lose or reorder acknowledged writes: idempotent, one request in flight (kafkajs
 * requires it for idempotence). Applied after the caller's options so no override can turn them off.
 * Keys are partitioned with the Java client's murmur2, so other Kafka clients agree on a report's partition.
 * Retries stay bounded (kafkajs warns that this weakens exactly-once): callers get an error rather than a
 * hang, retry, and report ids make the resulting duplicates harmless downstream.
 */
export function createProducer(kafka: Kafka, options: ProducerConfig = {}): Producer {
  return kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    ...options,
    idempotent: true,
    maxInFlightRequests: 1,
  });
}

export interface TopicMessages {
  topic: string;
  messages: Message[];
}

/** Sends and waits for every in-sync replica (acks = all); resolves only once Kafka has stored the messages. */
export async function sendAcked(producer: Producer, batch: TopicMessages[]): Promise<RecordMetadata[]> {
  return producer.sendBatch({ topicMessages: batch, acks: -1 });
}

/**
 * The partition the producer's partitioner (Java-compatible murmur2 on the key) will choose for a keyed
 * message, given each topic's partition count; undefined for unknown topics and unkeyed messages.
 */
export function keyPartitioner(
  partitionCounts: ReadonlyMap<string, number>,
): (topic: string, key: Message['key']) => number | undefined {
  const partitioner = Partitioners.DefaultPartitioner();
  const metadata = new Map<string, { partitionId: number; leader: number }[]>();
  return (topic, key) => {
    const count = partitionCounts.get(topic);
    if (count === undefined || key === null || key === undefined) return undefined;
    let partitions = metadata.get(topic);
    if (partitions === undefined) {
      partitions = Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0 }));
      metadata.set(topic, partitions);
    }
    return partitioner({ topic, partitionMetadata: partitions as never, message: { key, value: null } });
  };
}
