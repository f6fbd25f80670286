import type { Config } from '@wirewatch/config';
import { EmbeddedClickHouse } from './embedded.ts';
import type { ClickHouse } from './port.ts';
import { ServerClickHouse } from './server.ts';

export * from './port.ts';
export { EmbeddedClickHouse } from './embedded.ts';
export { ServerClickHouse } from './server.ts';
export { migrate, listMigrations, type MigrationResult } from './migrate.ts';
export { GroupedInsert } from './grouped-insert.ts';
export { changedDays, rollUpEscalation, type RollupOptions, type RollupResult } from './escalation-rollup.ts';

/** Opens the adapter the configuration names (CLICKHOUSE_MODE). */
export async function openClickHouse(config: Config): Promise<ClickHouse> {
  if (config.CLICKHOUSE_MODE === 'embedded') {
    return EmbeddedClickHouse.open(config.CLICKHOUSE_PATH, config.CLICKHOUSE_DATABASE);
  }
  return ServerClickHouse.open({
    url: config.CLICKHOUSE_URL,
    username: config.CLICKHOUSE_USER,
    password: config.CLICKHOUSE_PASSWORD,
    database: config.CLICKHOUSE_DATABASE,
  });
}
