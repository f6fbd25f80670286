import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClickHouse, GroupedInsert, type ClickHouse, type InsertOptions } from '@wirewatch/clickhouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real embedded engine underneath; the wrapper only counts the inserts that reach it and can refuse one.
class CountingClickHouse {
  inserts: { rows: number; token: string | undefined }[] = [];
  failNext = false;
  constructor(readonly ch: ClickHouse) {}
  async insert(table: string, rows: readonly object[], options: InsertOptions = {}): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('refused');
    }
    this.inserts.push({ rows: rows.length, token: options.dedupToken });
    await this.ch.insert(table, rows, options);
  }
}

describe('GroupedInsert on the embedded engine', () => {
  let ch: EmbeddedClickHouse;
  beforeAll(async () => {
    ch = await EmbeddedClickHouse.open(mkdtempSync(join(tmpdir(), 'ww-grouped-')), 'grouped');
    await ch.exec(
      `CREATE TABLE IF NOT EXISTS events (id String, seq UInt32) ENGINE = ReplacingMergeTree ORDER BY (id, seq)
       SETTINGS non_replicated_deduplication_window = 1000`,
    );
  });
  afterAll(async () => ch?.close());

  const count = async (id: string) => Number((await ch.query<{ c: string }>('SELECT count() AS c FROM events WHERE id = {id:String}', { id }))[0]!.c);

  it('writes a lone write at once, and many concurrent writes in few blocks, every row once', async () => {
    const counting = new CountingClickHouse(ch);
    const writer = new GroupedInsert(counting as unknown as ClickHouse, 'events');
    await writer.insert([{ id: 'lone', seq: 1 }], 'lone:1');
    expect(counting.inserts).toEqual([{ rows: 1, token: 'lone:1' }]);

    counting.inserts = [];
    await Promise.all(Array.from({ length: 60 }, (_, i) => writer.insert([{ id: 'burst', seq: i }], `burst:${i}`)));
    expect(await count('burst')).toBe(60);
    // The first goes alone; the other 59 queue behind it and go together.
    expect(counting.inserts.map((i) => i.rows)).toEqual([1, 59]);
  });

  it('a group of one keeps its token, so a retried write is dropped by the engine', async () => {
    const writer = new GroupedInsert(ch, 'events');
    await writer.insert([{ id: 'retry', seq: 1 }], 'retry:1');
    await writer.insert([{ id: 'retry', seq: 1 }], 'retry:1');
    expect(await count('retry')).toBe(1);
  });

  it('a failed insert fails every write of its group and none after it', async () => {
    const counting = new CountingClickHouse(ch);
    const writer = new GroupedInsert(counting as unknown as ClickHouse, 'events');
    counting.failNext = true;
    const first = writer.insert([{ id: 'fail', seq: 1 }]);
    const later = writer.insert([{ id: 'fail', seq: 2 }]);
    await expect(first).rejects.toThrow('refused');
    await expect(later).resolves.toBeUndefined();
    expect(await count('fail')).toBe(1);
  });

  it('bounds a block by rows', async () => {
    const counting = new CountingClickHouse(ch);
    const writer = new GroupedInsert(counting as unknown as ClickHouse, 'events', 10);
    await Promise.all(Array.from({ length: 25 }, (_, i) => writer.insert([{ id: 'bounded', seq: i }])));
    expect(counting.inserts.map((i) => i.rows)).toEqual([1, 10, 10, 4]);
    expect(await count('bounded')).toBe(25);
  });
});
