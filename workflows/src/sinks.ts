import { chTime, type ClickHouse } from '@wirewatch/clickhouse';
import { sendAcked } from '@wirewatch/kafka';
import type { Logger } from '@wirewatch/log';
import { buildDeadLetter, encodeDeadLetter } from '@wirewatch/schemas';
import type { Producer } from 'kafkajs';
import type { DeadLetterSink, SignalSink } from './activities.ts';
import type { RejectedMessage } from './staged.ts';
import type { BatchRef, SignalRef } from './types.ts';

/**
 * Records rejected messages in the `dead_letters` table, one row per original offset and step; the token
 * derived from the batch id makes a retried write a no-op.
 */
export async function recordDeadLetters(
  ch: ClickHouse,
  ref: BatchRef,
  step: string,
  rejected: readonly RejectedMessage[],
  time: Date = new Date(),
): Promise<void> {
  await ch.insert(
    'dead_letters',
    rejected.map((r) => ({
      topic: ref.topic,
      partition: ref.partition,
      offset: r.offset,
      step,
      report_id: r.key,
      reason: r.reason,
      detail: r.detail,
      original_base64: r.bytes.toString('base64'),
      dead_lettered_at: chTime(time),
    })),
    { dedupToken: `${ref.batchId}:dead_letters:${step}` },
  );
}

/**
 * Dead letters go to the dead-letter topic (original key and bytes, with why, where and when) and to the
 * `dead_letters` table. The table row is keyed by the original offset and step, so a retried activity
 * leaves one row; the topic is at-least-once and its messages carry the same original offset.
 */
export function deadLetterSink(deps: { producer: Producer; topic: string; clickhouse: ClickHouse; log: Logger }): DeadLetterSink {
  return {
    async deadLetter(ref: BatchRef, step: string, rejected: readonly RejectedMessage[]) {
      const time = new Date();
      const letters = rejected.map((r) =>
        buildDeadLetter({
          original: r.bytes,
          reason: r.reason,
          detail: r.detail,
          step,
          time,
          report_id: r.key,
          kafka: { key: r.key, topic: ref.topic, partition: ref.partition, offset: r.offset },
        }),
      );
      await sendAcked(deps.producer, [
        { topic: deps.topic, messages: letters.map((l) => ({ key: l.original_key ?? null, value: encodeDeadLetter(l) })) },
      ]);
      await recordDeadLetters(deps.clickhouse, ref, step, rejected, time);
      for (const l of letters) deps.log.warn({ offset: l.original_offset, reason: l.reason, detail: l.detail }, 'dead-lettered');
    },
  };
}

/** The default signal hook: logs each signal. Alerting replaces it with rule evaluation. */
export function loggingSignalSink(log: Logger): SignalSink {
  return {
    async handOn(batchId: string, signals: readonly SignalRef[]) {
      for (const s of signals) log.info({ batchId, ...s }, 'escalation signal');
    },
  };
}
