import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@wirewatch/config';
import { createKafka } from '@wirewatch/kafka';
import { isolatedConfig } from './helpers/config.ts';

/** Config for one ingest test file: its own topics and WIREWATCH_HOME on the shared real Kafka. */
export function ingestConfig(name: string, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return isolatedConfig(name, {
    WIREWATCH_HOME: mkdtempSync(join(tmpdir(), `ww-${name}-home-`)),
    INGEST_TOKENS: 'acme:acme-s3cret,other:other-t0ken',
    ...overrides,
  });
}

export interface ReadMessage {
  key: string | null;
  value: Buffer;
  partition: number;
  offset: string;
  headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning with a fresh consumer group until `expected` messages arrived and then
 * `settleMs` passed without more (so extra, duplicate messages would be seen), or until `timeoutMs`.
 */
export async function readTopic(
  config: Config,
  topic: string,
  options: { expected: number; settleMs?: number; timeoutMs?: number },
): Promise<ReadMessage[]> {
  const settleMs = options.settleMs ?? 1500;
  const timeoutMs = options.timeoutMs ?? 45_000;
  const kafka = createKafka({ ...config, LOG_LEVEL: 'error' }, { clientId: 'ingest-test-reader' });
  const consumer = kafka.consumer({ groupId: `reader-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  const messages: ReadMessage[] = [];
  let lastArrival = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          if (v !== undefined) headers[k] = String(v);
        messages.push({
          key: message.key?.toString('utf8') ?? null,
          value: message.value ?? Buffer.alloc(0),
          partition,
          offset: message.offset,
          headers,
        });
        lastArrival = Date.now();
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (messages.length >= options.expected && Date.now() - lastArrival >= settleMs) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

export const authHeader = (token = 'acme-s3cret') => ({ authorization: `Bearer ${token}` });

/** A valid native report, distinct per `n`. */
export function nativeReport(n: number | string, extra: Record<string, unknown> = {}) {
  return {
    source: 'test-wire',
    source_id: `TW-${n}`,
    published_at: '2025-05-01T08:00:00Z',
    headline: `Border incident number ${n} reported`,
    body: `Officials said incident ${n} involved an exchange of fire near a crossing point.`,
    language: 'en',
    ...extra,
  };
}
