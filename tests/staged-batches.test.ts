import { EmbeddedClickHouse } from '@wirewatch/clickhouse';
import { stageBatch } from '@wirewatch/dispatcher';
import { buildEnvelope, encodeEnvelope, parseNativeReport } from '@wirewatch/schemas';
import { batchIdOf, loadBatch, StagedBatches, type BatchRef } from '@wirewatch/workflows';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from './helpers/corpus.ts';
import { migratedClickHouse } from './helpers/clickhouse.ts';

// A dispatcher hands the batches it staged to a worker in the same process in memory; the worker must see
// exactly what it would read back from raw_reports, malformed messages included.
describe('staged batches handed over in memory', () => {
  let ch: EmbeddedClickHouse;
  afterAll(async () => ch?.close());

  it('decode to the same reports and rejections as the rows read back from ClickHouse', async () => {
    ch = await migratedClickHouse('staged');
    const good = generateCorpus(20).reports.map((r) => {
      const parsed = parseNativeReport(r);
      if (!parsed.ok) throw new Error('corpus report does not parse');
      return encodeEnvelope(buildEnvelope(parsed.value, new Date()));
    });
    const values = [...good.slice(0, 10), Buffer.from('{"not": "an envelope"'), Buffer.from([0xff, 0xfe, 0x41]), ...good.slice(10)];
    const messages = values.map((value, i) => ({ offset: String(100 + i), key: Buffer.from(`k${i}`), value }));
    const ref: BatchRef = {
      batchId: batchIdOf('raw', 0, '100', String(100 + values.length - 1)),
      topic: 'raw',
      partition: 0,
      firstOffset: '100',
      lastOffset: String(100 + values.length - 1),
      count: values.length,
    };
    const staged = new StagedBatches(2);
    staged.set(ref.batchId, await stageBatch(ch, ref, messages));

    const fromMemory = await loadBatch(ch, ref, staged);
    const fromClickHouse = await loadBatch(ch, ref);
    expect(fromMemory).toEqual(fromClickHouse);
    expect(fromMemory.reports).toHaveLength(20);
    expect(fromMemory.rejected.map((r) => [r.offset, r.reason])).toEqual([
      ['110', 'invalid_envelope'],
      ['111', 'invalid_utf8'],
    ]);
    expect(fromMemory.rejected[1]!.bytes).toEqual(values[11]);

    // Bounded: the oldest batch is dropped first, and a batch it no longer holds is read back.
    staged.set('b2', []);
    staged.set('b3', []);
    expect(staged.get(ref.batchId)).toBeUndefined();
    expect(await loadBatch(ch, ref, staged)).toEqual(fromClickHouse);
  });
});
