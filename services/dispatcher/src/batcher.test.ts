import { describe, expect, it } from 'vitest';
import { cutBatches, type RawMessage } from './batcher.ts';

const msg = (offset: number, size: number): RawMessage => ({ offset: String(offset), key: null, value: Buffer.alloc(size) });

describe('cutBatches', () => {
  it('bounds batches by count', () => {
    const batches = cutBatches([0, 1, 2, 3, 4].map((o) => msg(o, 10)), { maxReports: 2, maxBytes: 1000 });
    expect(batches.map((b) => b.map((m) => m.offset))).toEqual([['0', '1'], ['2', '3'], ['4']]);
  });

  it('bounds batches by bytes, but never leaves a large message out', () => {
    const batches = cutBatches([msg(0, 600), msg(1, 600), msg(2, 5000), msg(3, 10)], { maxReports: 100, maxBytes: 1000 });
    expect(batches.map((b) => b.map((m) => m.offset))).toEqual([['0'], ['1'], ['2'], ['3']]);
  });

  it('returns nothing for nothing', () => {
    expect(cutBatches([], { maxReports: 10, maxBytes: 10 })).toEqual([]);
  });
});
