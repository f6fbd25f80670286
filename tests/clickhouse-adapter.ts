import { toJsonEachRow, type ClickHouse } from '@wirewatch/clickhouse';
import { expect, it } from 'vitest';

/**
 * The contract every ClickHouse adapter meets, run against each real engine (chDB in-process, and a
 * clickhouse-server). Uses only SQL that ClickHouse 18.16 also understands.
 */
export function adapterContract(open: () => Promise<ClickHouse>, opts: { dedupTokens: boolean }): void {
  it('executes DDL, inserts a batch and reads it back', async () => {
    const ch = await open();
    try {
      await ch.exec('DROP TABLE IF EXISTS contract_t');
      await ch.exec('CREATE TABLE contract_t (id UInt32, name String, tags Array(String)) ENGINE = MergeTree ORDER BY id');
      await ch.insert('contract_t', [
        { id: 1, name: "O'Brien", tags: ['a'] },
        { id: 2, name: 'Ünïcödé "quoted"', tags: [] },
      ]);
      const rows = await ch.query<{ id: number; name: string; tags: string[] }>('SELECT id, name, tags FROM contract_t ORDER BY id');
      expect(rows).toEqual([
        { id: 1, name: "O'Brien", tags: ['a'] },
        { id: 2, name: 'Ünïcödé "quoted"', tags: [] },
      ]);
    } finally {
      await ch.close();
    }
  });

  it('inserts rows serialised beforehand as JSONEachRow bytes', async () => {
    const ch = await open();
    try {
      await ch.exec('DROP TABLE IF EXISTS contract_bytes');
      await ch.exec('CREATE TABLE contract_bytes (id UInt32, name String, tags Array(String)) ENGINE = MergeTree ORDER BY id');
      const rows = [
        { id: 1, name: 'Kyiv “quoted” – 日本', tags: ['RUS', 'UKR'] },
        { id: 2, name: 'second', tags: [] },
      ];
      // A view into a larger buffer, as a block handed over from an analysis thread may be.
      const serialised = toJsonEachRow(rows);
      const padded = new Uint8Array(serialised.length + 8);
      padded.set(serialised, 4);
      await ch.insertJsonEachRow('contract_bytes', padded.subarray(4, 4 + serialised.length));
      await ch.insertJsonEachRow('contract_bytes', new Uint8Array(0));
      expect(await ch.query('SELECT id, name, tags FROM contract_bytes ORDER BY id')).toEqual(rows);
    } finally {
      await ch.close();
    }
  });

  it('binds parameters without letting them change the query', async () => {
    const ch = await open();
    try {
      const hostile = "x' OR 1=1 --";
      const rows = await ch.query<{ s: string; n: number }>('SELECT {s:String} AS s, toUInt32({n:UInt32} + 1) AS n', { s: hostile, n: 41 });
      expect(rows).toEqual([{ s: hostile, n: 42 }]);
      const arr = await ch.query<{ c: number }>("SELECT has({xs:Array(String)}, 'b') AS c", { xs: ['a', 'b'] });
      expect(Number(arr[0]?.c)).toBe(1);
    } finally {
      await ch.close();
    }
  });

  it('returns 64-bit integers as strings, smaller ones as numbers', async () => {
    const ch = await open();
    try {
      const rows = await ch.query('SELECT toUInt64(18446744073709551615) AS big, toUInt32(7) AS small');
      expect(rows).toEqual([{ big: '18446744073709551615', small: 7 }]);
    } finally {
      await ch.close();
    }
  });

  it('reports SQL errors with the statement', async () => {
    const ch = await open();
    try {
      await expect(ch.query('SELECT no_such_column FROM system.one')).rejects.toThrow(/no_such_column/);
    } finally {
      await ch.close();
    }
  });

  it.runIf(opts.dedupTokens)('drops a repeated insert with the same deduplication token', async () => {
    const ch = await open();
    try {
      await ch.exec('DROP TABLE IF EXISTS contract_dedup');
      await ch.exec(
        'CREATE TABLE contract_dedup (id UInt32) ENGINE = MergeTree ORDER BY id SETTINGS non_replicated_deduplication_window = 100',
      );
      const rows = [{ id: 1 }, { id: 2 }];
      await ch.insert('contract_dedup', rows, { dedupToken: 'batch-1' });
      await ch.insert('contract_dedup', rows, { dedupToken: 'batch-1' });
      await ch.insert('contract_dedup', rows, { dedupToken: 'batch-2' });
      await ch.insertJsonEachRow('contract_dedup', toJsonEachRow(rows), { dedupToken: 'batch-3' });
      await ch.insertJsonEachRow('contract_dedup', toJsonEachRow(rows), { dedupToken: 'batch-3' });
      const [count] = await ch.query<{ c: string }>('SELECT count() AS c FROM contract_dedup');
      expect(count?.c).toBe('6');
    } finally {
      await ch.close();
    }
  });
}
