import { describe, expect, it } from 'vitest';
import { createLogger } from '@wirewatch/log';
import { ProduceError } from '@wirewatch/kafka';
import type { DeadLetter } from '@wirewatch/schemas';
import type { Accepted } from './accept.ts';
import { buildIngestApp } from './app.ts';
import type { ReportSink } from './sink.ts';

/** An in-memory sink for HTTP behaviour; the Kafka sink itself is tested against a real broker in tests/. */
class MemorySink implements ReportSink {
  ready = true;
  failWith: ProduceError | undefined;
  reports: Accepted[] = [];
  letters: DeadLetter[] = [];
  async publish(reports: Accepted[]) {
    if (!this.ready) throw new ProduceError('kafka_unavailable', 'not connected to Kafka');
    if (this.failWith) throw this.failWith;
    this.reports.push(...reports);
  }
  async deadLetter(letters: DeadLetter[]) {
    this.letters.push(...letters);
  }
}

const AUTH = { authorization: 'Bearer s3cret' };
const report = (n: number, extra: Record<string, unknown> = {}) => ({
  source: 'example-wire',
  source_id: `EW-${n}`,
  published_at: '2025-03-01T10:00:00Z',
  headline: `Report ${n}`,
  body: 'Text.',
  ...extra,
});

function setup(overrides: { maxBodyBytes?: number; maxBatchLines?: number } = {}) {
  const sink = new MemorySink();
  const app = buildIngestApp({
    sink,
    logger: createLogger('test', 'silent'),
    tokens: ['acme:s3cret', 'other:t0ken'],
    maxBodyBytes: overrides.maxBodyBytes ?? 64 * 1024,
    maxBatchLines: overrides.maxBatchLines ?? 10,
    now: () => new Date('2025-03-01T12:00:00Z'),
  });
  return { app, sink };
}

const post = (
  app: ReturnType<typeof setup>['app'],
  payload: string | Buffer,
  contentType = 'application/json',
  headers = AUTH,
) =>
  app.inject({
    method: 'POST',
    url: '/v1/reports',
    payload,
    headers: { ...headers, 'content-type': contentType },
  });

describe('POST /v1/reports: single', () => {
  it('accepts a native report with 202 and its id, after the sink stored it', async () => {
    const { app, sink } = setup();
    const res = await post(app, JSON.stringify(report(1)));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      status: 'accepted',
      report_id: expect.stringMatching(/^r_[0-9a-f]{16}$/),
      version: 1,
    });
    expect(sink.reports).toHaveLength(1);
    expect(sink.reports[0]!.envelope).toMatchObject({
      origin: { channel: 'api', name: 'acme' },
      received_at: '2025-03-01T12:00:00.000Z',
    });
  });

  it('gives a retried report the same id, and an update the same id with a higher version', async () => {
    const { app } = setup();
    const a = (await post(app, JSON.stringify(report(1)))).json();
    const b = (await post(app, JSON.stringify(report(1)))).json();
    const c = (await post(app, JSON.stringify(report(1, { version: 2, headline: 'Updated' })))).json();
    expect(b.report_id).toBe(a.report_id);
    expect(c).toEqual({ status: 'accepted', report_id: a.report_id, version: 2 });
  });

  it('accepts ninjs by content type and by shape, naming the source after the token unless ?source= says', async () => {
    const { app, sink } = setup();
    const ninjs = {
      uri: 'urn:x:1',
      versioncreated: '2025-03-01T09:00:00Z',
      headlines: [{ value: 'Hello' }],
      body_text: 'b',
    };
    expect((await post(app, JSON.stringify(ninjs), 'application/vnd.iptc.ninjs+json')).statusCode).toBe(202);
    expect(
      (await app.inject({ method: 'POST', url: '/v1/reports?source=wire-x', payload: ninjs, headers: AUTH }))
        .statusCode,
    ).toBe(202);
    expect(sink.reports.map((r) => r.envelope.source)).toEqual(['acme', 'wire-x']);
  });

  it('answers 400 with JSON paths for an invalid report', async () => {
    const { app, sink } = setup();
    const res = await post(app, JSON.stringify(report(1, { published_at: 42, subjects: [1] })));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid_report',
      issues: expect.arrayContaining([
        { path: '$.published_at', message: expect.any(String) },
        expect.objectContaining({ path: '$.subjects[0]' }),
      ]),
    });
    expect(sink.reports).toHaveLength(0);
  });

  it('answers 400 for malformed JSON, invalid UTF-8 and an empty body; 415 for other media types', async () => {
    const { app } = setup();
    expect((await post(app, '{"source": ')).json()).toMatchObject({ error: 'invalid_json' });
    const bad = Buffer.concat([
      Buffer.from('{"source":"x","headline":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const utf = await post(app, bad);
    expect([utf.statusCode, utf.json().error]).toEqual([400, 'invalid_utf8']);
    expect((await post(app, '')).statusCode).toBe(400);
    const xml = await post(app, '<report/>', 'application/xml');
    expect([xml.statusCode, xml.json().error]).toEqual([415, 'unsupported_media_type']);
  });

  it('answers 413 for a body over the limit', async () => {
    const { app, sink } = setup({ maxBodyBytes: 1024 });
    const res = await post(app, JSON.stringify(report(1, { body: 'x'.repeat(2000) })));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'body_too_large' });
    expect(sink.reports).toHaveLength(0);
  });
});

describe('POST /v1/reports: NDJSON batch', () => {
  it('accepts the good lines and reports the bad ones by line number and path', async () => {
    const { app, sink } = setup();
    const body = [
      JSON.stringify(report(1)),
      '{broken',
      '',
      JSON.stringify(report(3, { headline: '' })),
      JSON.stringify(report(4)),
    ].join('\n');
    const res = await post(app, body, 'application/x-ndjson');
    expect(res.statusCode).toBe(202);
    const json = res.json();
    expect(json).toMatchObject({ accepted: 2, rejected: 2 });
    expect(json.results.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [1, 'accepted'],
      [2, 'rejected'],
      [4, 'rejected'],
      [5, 'accepted'],
    ]);
    expect(json.results[2]).toMatchObject({ reason: 'invalid_report', issues: [{ path: '$.headline' }] });
    expect(sink.reports).toHaveLength(2);
  });

  it('rejects only the line with invalid UTF-8', async () => {
    const { app, sink } = setup();
    const body = Buffer.concat([
      Buffer.from(`${JSON.stringify(report(1))}\n{"x":"`),
      Buffer.from([0xff]),
      Buffer.from(`"}\n${JSON.stringify(report(2))}\n`),
    ]);
    const json = (await post(app, body, 'application/x-ndjson')).json();
    expect(json).toMatchObject({
      accepted: 2,
      rejected: 1,
      results: [{ line: 1 }, { line: 2, reason: 'invalid_utf8' }, { line: 3 }],
    });
    expect(sink.reports).toHaveLength(2);
  });

  it('answers 400 when no line is valid, 413 over the line limit, 400 for an empty batch', async () => {
    const { app, sink } = setup({ maxBatchLines: 3 });
    expect((await post(app, '{}\n[]\n', 'application/x-ndjson')).statusCode).toBe(400);
    const tooMany = Array.from({ length: 4 }, (_, i) => JSON.stringify(report(i))).join('\n');
    const res = await post(app, tooMany, 'application/x-ndjson');
    expect([res.statusCode, res.json().error]).toEqual([413, 'batch_too_large']);
    expect((await post(app, '\n\n', 'application/x-ndjson')).json()).toMatchObject({ error: 'empty_batch' });
    expect(sink.reports).toHaveLength(0);
  });
});

describe('auth', () => {
  it('answers 401 without a token, with a wrong one, and with a malformed header', async () => {
    const { app, sink } = setup();
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 's3cret' },
      { authorization: 'Basic s3cret' },
    ]) {
      const res = await post(app, JSON.stringify(report(1)), 'application/json', headers as typeof AUTH);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(sink.reports).toHaveLength(0);
  });

  it('accepts every configured token and records its name', async () => {
    const { app, sink } = setup();
    await post(app, JSON.stringify(report(1)), 'application/json', { authorization: 'Bearer t0ken' });
    expect(sink.reports[0]!.envelope.origin).toEqual({ channel: 'api', name: 'other' });
  });
});

describe('Kafka unavailable', () => {
  it('answers 503 with Retry-After when the sink is not ready or a write fails, never 202', async () => {
    const { app, sink } = setup();
    sink.ready = false;
    const down = await post(app, JSON.stringify(report(1)));
    expect([down.statusCode, down.headers['retry-after']]).toEqual([503, '5']);
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    sink.ready = true;
    sink.failWith = new ProduceError('kafka_timeout', 'Kafka did not acknowledge within 5 ms');
    const slow = await post(
      app,
      [JSON.stringify(report(1)), JSON.stringify(report(2))].join('\n'),
      'application/x-ndjson',
    );
    expect([slow.statusCode, slow.json().error]).toEqual([503, 'kafka_timeout']);
  });
});

describe('operational endpoints', () => {
  it('serves health, readiness, OpenAPI and metrics with counts by reason', async () => {
    const { app } = setup();
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/reports'].post.responses).toHaveProperty('503');
    await post(app, JSON.stringify(report(1)));
    await post(app, '{nope');
    await post(app, JSON.stringify(report(1)), 'application/json', { authorization: 'Bearer x' });
    const metrics = (await app.inject('/metrics')).body;
    expect(metrics).toContain('wirewatch_ingest_reports_accepted_total{channel="api"} 1');
    expect(metrics).toContain(
      'wirewatch_ingest_reports_rejected_total{channel="api",reason="invalid_json"} 1',
    );
    expect(metrics).toContain(
      'wirewatch_ingest_reports_rejected_total{channel="api",reason="unauthorized"} 1',
    );
  });
});
