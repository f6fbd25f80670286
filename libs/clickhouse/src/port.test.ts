import { describe, expect, it } from 'vitest';
import { parseJsonEachRow, toJsonEachRow } from './port.ts';

describe('toJsonEachRow', () => {
  it('writes one JSON line per row, as UTF-8', () => {
    const rows = [{ id: 'a', n: 1, tags: ['RUS', 'UKR'], none: null }, { id: 'b', text: 'Kyiv “quoted” – dash, 日本, 🚀' }];
    const bytes = toJsonEachRow(rows);
    expect(bytes.toString('utf8')).toBe(`${JSON.stringify(rows[0])}\n${JSON.stringify(rows[1])}\n`);
    expect(parseJsonEachRow(bytes.toString('utf8'))).toEqual(rows);
  });

  it('grows past its first estimate for long rows of multi-byte text', () => {
    const rows = [{ id: 'short' }, { id: 'long', text: '€'.repeat(20_000) }, { id: 'after' }];
    const bytes = toJsonEachRow(rows);
    expect(bytes.length).toBe(Buffer.byteLength(rows.map((r) => JSON.stringify(r) + '\n').join('')));
    expect(parseJsonEachRow(bytes.toString('utf8'))).toEqual(rows);
  });

  it('gives no bytes for no rows', () => {
    expect(toJsonEachRow([]).length).toBe(0);
  });
});
