/**
 * When Kafka cannot store a report, the API says so (503 with Retry-After) and never answers 202 for it.
 */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { topicNames } from '@wirewatch/kafka';
import { startIngest, type IngestHandle } from '@wirewatch/ingest';
import { decodeEnvelope } from '@wirewatch/schemas';
import { authHeader, ingestConfig, nativeReport, readTopic } from './ingest-support.ts';

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('ingest when Kafka does not acknowledge', () => {
  const handles: IngestHandle[] = [];
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
  });

  it('answers 503 with Retry-After when no broker listens, and is not ready', async () => {
    // LOG_LEVEL fatal: kafkajs logs every refused connection as an error, which is the point here.
    const config = ingestConfig('ingest-down', {
      KAFKA_BROKERS: `127.0.0.1:${await deadPort()}`,
      LOG_LEVEL: 'fatal',
    });
    const ingest = await startIngest(config);
    handles.push(ingest);
    const ready = await fetch(`${ingest.url}/readyz`);
    expect(ready.status).toBe(503);
    const res = await fetch(`${ingest.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader() },
      body: JSON.stringify(nativeReport(1)),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ error: 'kafka_unavailable' });
    // Validation still answers while Kafka is down: a bad report is a 400, not a 503.
    const bad = await fetch(`${ingest.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader() },
      body: '{"nope": 1}',
    });
    expect(bad.status).toBe(400);
  });

  it('answers 503 when Kafka is slower than the produce timeout, and 202 only for what is on the topic', async () => {
    const config = ingestConfig('ingest-timeout', { INGEST_PRODUCE_TIMEOUT_MS: '1' });
    const ingest = await startIngest(config);
    handles.push(ingest);
    await ingest.waitUntilReady(60_000);
    // Several large batches at once: each needs more than a millisecond to be acknowledged.
    const batches = Array.from({ length: 4 }, (_, b) =>
      Array.from({ length: 500 }, (_, i) =>
        JSON.stringify(nativeReport(`slow-${b}-${i}`, { body: 'y'.repeat(1500) })),
      ).join('\n'),
    );
    const answers = await Promise.all(
      batches.map(async (body) => {
        const res = await fetch(`${ingest.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson', ...authHeader() },
          body,
        });
        return {
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          json: (await res.json()) as { results?: { report_id?: string }[] },
        };
      }),
    );
    expect(answers.some((a) => a.status === 503)).toBe(true);
    for (const a of answers) expect([202, 503]).toContain(a.status);
    for (const a of answers.filter((x) => x.status === 503)) expect(a.retryAfter).toBe('5');
    // Whatever was answered 202 is on the topic (503s may or may not have been stored: the client retries).
    const acceptedIds = answers
      .filter((a) => a.status === 202)
      .flatMap((a) => a.json.results!.map((r) => r.report_id!));
    const messages = await readTopic(config, topicNames(config.KAFKA_TOPIC_PREFIX).raw, {
      expected: acceptedIds.length,
      settleMs: 3000,
    });
    const stored = new Set(
      messages.map((m) => {
        const d = decodeEnvelope(m.value);
        return d.ok ? d.envelope.report_id : '';
      }),
    );
    for (const id of acceptedIds) expect(stored.has(id)).toBe(true);
  });
});
