import { describe, expect, it } from 'vitest';
import type { Producer, ProducerBatch } from 'kafkajs';
import { BatchingProducer, ProduceError } from './batching-producer.ts';

/**
 * A stand-in for the kafkajs producer that records requests, to test how writes are packed and settled.
 * The real producer against the real broker is exercised by the ingest integration tests.
 */
function recordingProducer() {
  const requests: ProducerBatch[] = [];
  let release: (() => void) | undefined;
  const state = { fail: false, hold: false };
  const producer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    sendBatch: async (batch: ProducerBatch) => {
      requests.push(batch);
      if (state.hold) await new Promise<void>((r) => (release = r));
      if (state.fail) throw new Error('broker went away');
      return [];
    },
  } as unknown as Producer;
  return { producer, requests, state, release: () => release?.() };
}

const msg = (key: string, bytes = 10) => ({ key, value: Buffer.alloc(bytes) });
const count = (batch: ProducerBatch) => batch.topicMessages!.reduce((n, t) => n + t.messages.length, 0);

async function connected(
  producer: Producer,
  options: Partial<ConstructorParameters<typeof BatchingProducer>[1]> = {},
) {
  const batching = new BatchingProducer(producer, { timeoutMs: 1000, maxPendingMessages: 1000, ...options });
  await batching.connect();
  return batching;
}

describe('BatchingProducer', () => {
  it('refuses writes before it is connected', async () => {
    const { producer } = recordingProducer();
    const batching = new BatchingProducer(producer, { timeoutMs: 1000, maxPendingMessages: 10 });
    await expect(batching.send([{ topic: 't', messages: [msg('a')] }])).rejects.toMatchObject({
      reason: 'kafka_unavailable',
    });
  });

  it('puts writes that arrive while a request is in flight into the next request, with acks = all', async () => {
    const fake = recordingProducer();
    const batching = await connected(fake.producer);
    fake.state.hold = true;
    const first = batching.send([{ topic: 't', messages: [msg('a')] }]);
    const others = [1, 2, 3].map((i) => batching.send([{ topic: 't', messages: [msg(`k${i}`)] }]));
    fake.state.hold = false;
    fake.release();
    await Promise.all([first, ...others]);
    expect(fake.requests.map(count)).toEqual([1, 3]);
    expect(fake.requests.every((r) => r.acks === -1)).toBe(true);
  });

  it('splits a write over requests so no partition exceeds its limit, resolving once all parts are stored', async () => {
    const fake = recordingProducer();
    const batching = await connected(fake.producer, {
      maxPartitionBytes: 1100,
      partitionOf: (_t, key) => Number(String(key).slice(1)) % 2,
    });
    const messages = Array.from({ length: 20 }, (_, i) => msg(`k${i}`, 200 - 64));
    await batching.send([{ topic: 't', messages }]);
    // 10 messages per partition, 203 accounted bytes each (value, key, overhead): 5 fit in 1100 bytes per partition.
    expect(fake.requests.map(count)).toEqual([10, 10]);
    expect(fake.requests[0]!.topicMessages![0]!.messages.map((m) => m.partition)).toContain(1);
  });

  it('fails the callers of a failed request, is not ready, and recovers on the next good request', async () => {
    const fake = recordingProducer();
    const batching = await connected(fake.producer);
    fake.state.fail = true;
    const failed = await batching.send([{ topic: 't', messages: [msg('a')] }]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ProduceError);
    expect((failed as ProduceError).reason).toBe('kafka_error');
    expect(batching.ready).toBe(false);
    fake.state.fail = false;
    await batching.send([{ topic: 't', messages: [msg('a')] }]);
    expect(batching.ready).toBe(true);
  });

  it('answers kafka_timeout at the deadline, and refuses beyond the pending bound', async () => {
    const fake = recordingProducer();
    const batching = await connected(fake.producer, { timeoutMs: 20, maxPendingMessages: 3 });
    fake.state.hold = true;
    const slow = batching.send([{ topic: 't', messages: [msg('a'), msg('b')] }]);
    await expect(batching.send([{ topic: 't', messages: [msg('c'), msg('d')] }])).rejects.toMatchObject({
      reason: 'backpressure',
    });
    await expect(slow).rejects.toMatchObject({ reason: 'kafka_timeout' });
    fake.state.hold = false;
    fake.release();
    await batching.close();
  });
});
