import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProduceError } from '@wirewatch/kafka';
import type { Accepted } from './accept.ts';
import { replayNdjson } from './replay.ts';
import type { ReportSink } from './sink.ts';

const line = (n: number) =>
  JSON.stringify({
    source: 'w',
    source_id: `${n}`,
    published_at: '2025-01-01T00:00:00Z',
    headline: `h${n}`,
    body: 'b',
  });

class MemorySink implements ReportSink {
  ready = true;
  requests: Accepted[][] = [];
  failAfter = Infinity;
  async publish(reports: Accepted[]) {
    if (this.requests.length >= this.failAfter) throw new ProduceError('kafka_error', 'broker gone');
    this.requests.push(reports);
  }
  async deadLetter() {}
}

/** Splits text into chunks at awkward places, as streams do. */
const chunked = (data: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)),
  );

describe('replayNdjson', () => {
  it('handles lines split across chunks, CRLF, blank lines and a last line without newline', async () => {
    const text = `${line(1)}\r\n\n${line(2)}\n{bad\n${line(3)}`;
    const sink = new MemorySink();
    const summary = await replayNdjson(chunked(Buffer.from(text), 7), {
      sink,
      name: 'f.ndjson',
      batchSize: 2,
    });
    expect(summary).toMatchObject({ lines: 5, accepted: 3, rejected: [{ line: 4, reason: 'invalid_json' }] });
    expect(sink.requests.map((r) => r.length)).toEqual([2, 1]);
  });

  it('rejects a line with invalid UTF-8 and keeps going', async () => {
    const data = Buffer.concat([
      Buffer.from(`${line(1)}\n"`),
      Buffer.from([0xfe]),
      Buffer.from(`"\n${line(2)}\n`),
    ]);
    const summary = await replayNdjson(Readable.from([data]), { sink: new MemorySink(), name: 'f' });
    expect(summary).toMatchObject({ accepted: 2, rejected: [{ line: 2, reason: 'invalid_utf8' }] });
  });

  it('stops with the ProduceError when Kafka fails', async () => {
    const sink = new MemorySink();
    sink.failAfter = 1;
    const text = Array.from({ length: 10 }, (_, i) => line(i)).join('\n');
    await expect(
      replayNdjson(Readable.from([Buffer.from(text)]), { sink, name: 'f', batchSize: 3, maxInFlight: 1 }),
    ).rejects.toBeInstanceOf(ProduceError);
  });
});
