import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClickHouse, migrate } from '@wirewatch/clickhouse';

/** An embedded ClickHouse of its own (a fresh temporary folder) with every migration applied. */
export async function migratedClickHouse(name: string, database = 'wirewatch'): Promise<EmbeddedClickHouse> {
  const ch = await EmbeddedClickHouse.open(mkdtempSync(join(tmpdir(), `ww-${name}-`)), database);
  await migrate(ch, { retention_days: 3650 });
  return ch;
}
