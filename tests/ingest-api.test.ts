/**
 * The ingest API against the real Kafka (`wirewatch services up`): what it answers 202 is on `reports.raw`
 * exactly once per accepted request, keyed by report id; what it refuses gets the right answer and never
 * disturbs the valid traffic sent alongside.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicNames } from '@wirewatch/kafka';
import { startIngest, type IngestHandle } from '@wirewatch/ingest';
import { decodeEnvelope, type ReportEnvelope } from '@wirewatch/schemas';
import { repoPath } from './helpers/paths.ts';
import { authHeader, ingestConfig, nativeReport, readTopic } from './ingest-support.ts';

interface BadCase {
  name: string;
  content_type: string;
  body?: string;
  body_base64?: string;
  body_generate?: 'ten_megabytes' | 'too_many_lines';
  auth?: string;
  status: number;
  error?: string;
  path?: string;
}

const MAX_BATCH_LINES = 200;
const corpus = JSON.parse(
  readFileSync(repoPath('tests', 'fixtures', 'ingest', 'bad-inputs.json'), 'utf8'),
) as { cases: BadCase[] };

function bodyOf(c: BadCase): Buffer {
  if (c.body_base64 !== undefined) return Buffer.from(c.body_base64, 'base64');
  if (c.body_generate === 'ten_megabytes')
    return Buffer.from(JSON.stringify(nativeReport('big', { body: 'x'.repeat(10 * 1024 * 1024) })));
  if (c.body_generate === 'too_many_lines') {
    return Buffer.from(
      Array.from({ length: MAX_BATCH_LINES + 1 }, (_, i) => JSON.stringify(nativeReport(`over-${i}`))).join(
        '\n',
      ),
    );
  }
  return Buffer.from(c.body ?? '');
}

describe('ingest API on real Kafka', () => {
  const config = ingestConfig('ingest-api', { INGEST_MAX_BATCH_LINES: String(MAX_BATCH_LINES) });
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  let ingest: IngestHandle;

  const post = (
    body: string | Buffer,
    contentType = 'application/json',
    headers: Record<string, string> = authHeader(),
  ) =>
    fetch(`${ingest.url}/v1/reports`, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, ...headers },
    });

  beforeAll(async () => {
    ingest = await startIngest(config);
    await ingest.waitUntilReady(60_000);
  });
  afterAll(async () => {
    await ingest?.close();
  });

  it('is ready once connected to Kafka', async () => {
    expect((await fetch(`${ingest.url}/readyz`)).status).toBe(200);
  });

  it('stores every accepted report exactly once per accepted request, whatever bad traffic runs alongside', async () => {
    const singles = Array.from({ length: 40 }, (_, i) => nativeReport(`single-${i}`));
    const batch = Array.from({ length: 60 }, (_, i) => nativeReport(`batch-${i}`));
    const batchBody = [
      ...batch.map((r) => JSON.stringify(r)),
      '{"broken',
      JSON.stringify({ ...nativeReport('bad'), published_at: 'soon' }),
    ].join('\n');
    const html = nativeReport('html', {
      headline: 'Strike on <b>depot</b><script>fetch("//evil")</script>',
      body: '<p>Smoke rose.</p><img src=x onerror="alert(1)"><script>alert(2)</script><p>No casualties.</p>',
    });
    const retried = nativeReport('retried');
    const update = nativeReport('retried', {
      version: 2,
      versioncreated: '2025-05-01T09:00:00Z',
      headline: 'Updated headline',
    });

    const goodTraffic = [
      ...singles.map((r) => post(JSON.stringify(r))),
      post(batchBody, 'application/x-ndjson'),
      post(JSON.stringify(html)),
    ];
    const badTraffic = corpus.cases.map(async (c) => {
      const headers: Record<string, string> =
        c.auth === undefined ? authHeader() : c.auth === 'none' ? {} : { authorization: c.auth };
      const res = await post(bodyOf(c), c.content_type, headers);
      return { c, status: res.status, json: (await res.json()) as Record<string, unknown> };
    });
    const [good, bad] = await Promise.all([Promise.all(goodTraffic), Promise.all(badTraffic)]);

    // Each bad input gets its answer…
    for (const { c, status, json } of bad) {
      expect({ name: c.name, status }).toEqual({ name: c.name, status: c.status });
      if (c.error !== undefined)
        expect({ name: c.name, error: json.error }).toEqual({ name: c.name, error: c.error });
      if (c.path !== undefined) {
        const paths = ((json.issues as { path: string }[] | undefined) ?? []).map((i) => i.path);
        expect({ name: c.name, paths }).toEqual({ name: c.name, paths: expect.arrayContaining([c.path]) });
      }
    }
    // …and the good traffic is all accepted.
    expect(good.map((r) => r.status)).toEqual(good.map(() => 202));
    const batchJson = (await good[singles.length]!.json()) as {
      accepted: number;
      rejected: number;
      results: { line: number; status: string }[];
    };
    expect(batchJson).toMatchObject({ accepted: 60, rejected: 2 });
    expect(batchJson.results.filter((r) => r.status === 'rejected').map((r) => r.line)).toEqual([61, 62]);

    // A retried POST gives the same id; an update the same id with version 2.
    const first = (await (await post(JSON.stringify(retried))).json()) as { report_id: string };
    const again = (await (await post(JSON.stringify(retried))).json()) as { report_id: string };
    const updated = (await (await post(JSON.stringify(update))).json()) as {
      report_id: string;
      version: number;
    };
    expect(again.report_id).toBe(first.report_id);
    expect(updated).toMatchObject({ report_id: first.report_id, version: 2 });

    const expected = singles.length + 60 + 1 + 3;
    const messages = await readTopic(config, topics.raw, { expected });
    expect(messages).toHaveLength(expected);
    const envelopes: ReportEnvelope[] = messages.map((m) => {
      const decoded = decodeEnvelope(m.value);
      if (!decoded.ok) throw new Error(decoded.error);
      expect(m.key).toBe(decoded.envelope.report_id);
      return decoded.envelope;
    });
    const bySourceId = new Map<string, ReportEnvelope[]>();
    for (const e of envelopes)
      bySourceId.set(e.payload.source_id!, [...(bySourceId.get(e.payload.source_id!) ?? []), e]);
    for (const r of [...singles, ...batch, html]) expect(bySourceId.get(r.source_id)).toHaveLength(1);
    expect(
      bySourceId
        .get('TW-retried')!
        .map((e) => e.version)
        .sort(),
    ).toEqual([1, 1, 2]);
    expect(new Set(bySourceId.get('TW-retried')!.map((e) => e.report_id)).size).toBe(1);
    // Nothing from the bad corpus reached Kafka.
    expect(
      [...bySourceId.keys()].filter(
        (k) => k === 'x' || k.startsWith('TW-over') || k === 'TW-big' || k === 'TW-bad',
      ),
    ).toEqual([]);

    // Markup arrived as text, scripts gone.
    const stored = bySourceId.get('TW-html')![0]!.payload;
    expect(stored.headline).toBe('Strike on depot');
    expect(stored.body).toBe('Smoke rose.\n\nNo casualties.');

    // The same report id always lands on the same partition (keyed by report id).
    const partitions = new Set(messages.filter((m) => m.key === first.report_id).map((m) => m.partition));
    expect(partitions.size).toBe(1);
  });

  it('counts accepted and rejected reports in /metrics, with produce latency in ms', async () => {
    const text = await (await fetch(`${ingest.url}/metrics`)).text();
    expect(text).toMatch(/wirewatch_ingest_reports_accepted_total\{channel="api"\} (\d+)/);
    expect(text).toContain('wirewatch_ingest_reports_rejected_total{channel="api",reason="unauthorized"} 4');
    expect(text).toContain(
      'wirewatch_ingest_reports_rejected_total{channel="api",reason="body_too_large"} 1',
    );
    expect(text).toMatch(/wirewatch_ingest_produce_duration_ms_count \d+/);
  });
});

describe('ingest API: a batch at the size limits', () => {
  const config = ingestConfig('ingest-large', {
    INGEST_MAX_BODY_BYTES: String(6 * 1024 * 1024),
    INGEST_MAX_BATCH_LINES: '5000',
  });
  let ingest: IngestHandle;
  beforeAll(async () => {
    ingest = await startIngest(config);
    await ingest.waitUntilReady(60_000);
  });
  afterAll(async () => {
    await ingest?.close();
  });

  it('stores a 5 MB, 3,500-line batch: split into requests Kafka accepts, all 202 after all are stored', async () => {
    const lines = Array.from({ length: 3500 }, (_, i) =>
      JSON.stringify(nativeReport(`large-${i}`, { body: 'z'.repeat(1400) })),
    );
    const body = lines.join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(5_000_000);
    const res = await fetch(`${ingest.url}/v1/reports`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-ndjson', ...authHeader() },
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 3500, rejected: 0 });
    const messages = await readTopic(config, topicNames(config.KAFKA_TOPIC_PREFIX).raw, { expected: 3500 });
    expect(messages).toHaveLength(3500);
    expect(new Set(messages.map((m) => m.key)).size).toBe(3500);
  });
});
