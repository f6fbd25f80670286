import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ClickHouse } from './port.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  statements: string[];
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/** Splits a migration file into statements: `;` at the end of a line ends one; `--` comments are dropped. */
function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The numbered SQL files of libs/clickhouse/migrations, in order (`NNN_name.sql`). */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(dir + file, 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file.replace(/\.sql$/, ''),
        statements: splitStatements(sql),
        checksum: createHash('sha256').update(sql).digest('hex').slice(0, 16),
      };
    });
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order. Idempotent: statements use
 * IF NOT EXISTS, and a migration is recorded only after all its statements ran, so a crash midway re-runs it.
 * `vars` fills `{{name}}` placeholders (e.g. retention days from config).
 */
export async function migrate(
  ch: ClickHouse,
  vars: Record<string, string | number> = {},
  dir = MIGRATIONS_DIR,
): Promise<MigrationResult> {
  await ch.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, checksum String, applied_at DateTime)
     ENGINE = ReplacingMergeTree ORDER BY version`,
  );
  const done = new Set(
    (await ch.query<{ version: number }>('SELECT DISTINCT version FROM schema_migrations')).map((r) => Number(r.version)),
  );
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const migration of listMigrations(dir)) {
    if (done.has(migration.version)) {
      result.alreadyApplied.push(migration.name);
      continue;
    }
    for (const statement of migration.statements) {
      await ch.exec(statement.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
        if (!(name in vars)) throw new Error(`migration ${migration.name}: no value for {{${name}}}`);
        return String(vars[name]);
      }));
    }
    await ch.insert('schema_migrations', [
      { version: migration.version, name: migration.name, checksum: migration.checksum, applied_at: Math.floor(Date.now() / 1000) },
    ]);
    result.applied.push(migration.name);
  }
  return result;
}
