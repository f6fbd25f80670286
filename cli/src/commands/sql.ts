import { loadConfigOrExit } from '@wirewatch/config';
import type { Command } from 'commander';

function printRows(rows: Record<string, unknown>[], format: string): void {
  if (format === 'json') {
    for (const row of rows) process.stdout.write(JSON.stringify(row) + '\n');
    return;
  }
  if (rows.length === 0) {
    process.stdout.write('(no rows)\n');
    return;
  }
  console.table(rows);
}

export function registerSql(program: Command): void {
  program
    .command('sql')
    .description('run a SQL query against the read models (through the running runtime in embedded mode)')
    .argument('<query>', 'the SQL query')
    .option('--format <format>', 'table or json (one JSON object per line)', 'table')
    .action(async (query: string, opts: { format: string }) => {
      const config = loadConfigOrExit();
      const { querySomewhere } = await import('@wirewatch/runtime');
      try {
        printRows(await querySomewhere(config, query), opts.format);
      } catch (err) {
        process.stderr.write(`wirewatch sql: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });

  program
    .command('migrate')
    .description('apply the numbered SQL migrations to ClickHouse (idempotent)')
    .action(async () => {
      const config = loadConfigOrExit();
      const { migrationVars, runtimeUrl, withClickHouse } = await import('@wirewatch/runtime');
      const { migrate } = await import('@wirewatch/clickhouse');
      const url = config.CLICKHOUSE_MODE === 'embedded' ? await runtimeUrl(config) : null;
      const result = url
        ? ((await (await fetch(`${url}/v1/migrate`, { method: 'POST' })).json()) as { applied: string[]; alreadyApplied: string[] })
        : await withClickHouse(config, (ch) => migrate(ch, migrationVars(config)));
      process.stdout.write(`applied: ${result.applied.join(', ') || '(none)'}\nalready applied: ${result.alreadyApplied.length}\n`);
    });
}
