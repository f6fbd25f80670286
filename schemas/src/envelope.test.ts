import { describe, expect, it } from 'vitest';
import {
  buildDeadLetter,
  buildEnvelope,
  DeadLetterSchema,
  decodeEnvelope,
  encodeEnvelope,
} from './envelope.ts';
import { reportId } from './identity.ts';
import { parseNativeReport } from './report.ts';

const report = parseNativeReport({
  source: 'example-wire',
  source_id: 'EW-7',
  published_at: '2025-03-01T10:15:00Z',
  headline: 'Airspace closed',
  body: 'Flights were diverted.',
  version: 2,
});

describe('report envelope', () => {
  it('round-trips through bytes', () => {
    if (!report.ok) throw new Error('fixture invalid');
    const envelope = buildEnvelope(report.value, new Date('2025-03-01T10:16:00Z'), {
      channel: 'api',
      name: 'dev',
    });
    expect(envelope.report_id).toBe(reportId({ source: 'example-wire', source_id: 'EW-7' }));
    expect(envelope.version).toBe(2);
    expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual({ ok: true, envelope });
  });

  it('reports why bytes are not an envelope', () => {
    expect(decodeEnvelope('{oops')).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(decodeEnvelope('{"schema_version":1}')).toMatchObject({ ok: false });
  });
});

describe('dead letter', () => {
  it('keeps the original bytes and Kafka coordinates', () => {
    const letter = buildDeadLetter({
      original: Buffer.from([0xff, 0xfe, 0x00]),
      reason: 'invalid_envelope',
      step: 'dispatcher.decode',
      time: new Date('2025-03-01T00:00:00Z'),
      kafka: {
        key: Buffer.from('r_0123456789abcdef'),
        topic: 'reports.raw',
        partition: 3,
        offset: '9007199254740993',
      },
    });
    expect(DeadLetterSchema.parse(letter)).toEqual(letter);
    expect(Buffer.from(letter.original_base64, 'base64')).toEqual(Buffer.from([0xff, 0xfe, 0x00]));
    expect(letter.original_key).toBe('r_0123456789abcdef');
    expect(letter.original_offset).toBe('9007199254740993');
  });
});
