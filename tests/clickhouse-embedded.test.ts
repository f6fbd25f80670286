import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClickHouse, listMigrations, migrate } from '@wirewatch/clickhouse';
import { describe, expect, it } from 'vitest';
import { adapterContract } from './clickhouse-adapter.ts';

const path = mkdtempSync(join(tmpdir(), 'ww-chdb-'));

describe('embedded ClickHouse (chDB)', () => {
  adapterContract(() => EmbeddedClickHouse.open(path, 'contract'), { dedupTokens: true });

  it('applies every migration once, and again as a no-op', async () => {
    const ch = await EmbeddedClickHouse.open(path, 'migrations_test');
    try {
      const first = await migrate(ch, { retention_days: 30 });
      expect(first.applied).toEqual(listMigrations().map((m) => m.name));
      const second = await migrate(ch, { retention_days: 30 });
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(first.applied);
      const recorded = await ch.query<{ c: string }>('SELECT count() AS c FROM schema_migrations FINAL');
      expect(Number(recorded[0]?.c)).toBe(first.applied.length);
      // Every read-model table merges ten parts of a size at a time (migration 011), a table added later included.
      const tables = await ch.query<{ name: string; engine_full: string }>(
        `SELECT name, engine_full FROM system.tables
         WHERE database = currentDatabase() AND engine LIKE '%MergeTree' AND name != 'schema_migrations'`,
      );
      expect(tables.length).toBeGreaterThanOrEqual(13);
      for (const t of tables) expect(t.engine_full, t.name).toContain('merge_selector_base = 10');
    } finally {
      await ch.close();
    }
  });
});
