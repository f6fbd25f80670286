import { Partitioners, type Kafka, type Message, type Producer, type ProducerConfig, type RecordMetadata } from 'kafkajs';

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
