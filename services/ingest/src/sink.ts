import { BatchingProducer, type TopicNames } from '@wirewatch/kafka';
import { encodeDeadLetter, type DeadLetter } from '@wirewatch/schemas';
import type { Accepted } from './accept.ts';

/** Where accepted reports and dead letters go. Kafka in production; the HTTP app only needs this much. */
export interface ReportSink {
  /** True when writes can be expected to succeed (connected to Kafka). */
  readonly ready: boolean;
  /** Resolves once every report is stored (acknowledged by all in-sync replicas). */
  publish(reports: Accepted[]): Promise<void>;
  /** Resolves once every dead letter is stored. */
  deadLetter(letters: DeadLetter[]): Promise<void>;
}

const REPORT_HEADERS: Record<string, string> = {
  'content-type': 'application/json',
  'wirewatch-schema': 'report-envelope/1',
};

/** Writes reports to `reports.raw` keyed by report_id, and dead letters to `reports.deadletter`. */
export class KafkaReportSink implements ReportSink {
  constructor(
    private readonly producer: BatchingProducer,
    private readonly topics: TopicNames,
  ) {}

  get ready(): boolean {
    return this.producer.ready;
  }

  publish(reports: Accepted[]): Promise<void> {
    const messages = reports.map(({ envelope, bytes }) => ({
      key: envelope.report_id,
      value: bytes,
      headers: REPORT_HEADERS,
    }));
    return this.producer.send([{ topic: this.topics.raw, messages }]);
  }

  deadLetter(letters: DeadLetter[]): Promise<void> {
    const messages = letters.map((letter) => ({
      // The original Kafka key when there was one, so a repaired item lands on the same partition.
      key: letter.original_key ?? letter.report_id ?? null,
      value: encodeDeadLetter(letter),
      headers: {
        'content-type': 'application/json',
        'wirewatch-reason': letter.reason,
        'wirewatch-step': letter.step,
      },
    }));
    return this.producer.send([{ topic: this.topics.deadletter, messages }]);
  }
}
