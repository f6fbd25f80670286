import { loadConfigOrExit } from '@wirewatch/config';
import { COMPONENTS, type Component } from '@wirewatch/runtime/components';
import type { Command } from 'commander';

function parseComponents(value: string): Component[] {
  const names = value.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(COMPONENTS as readonly string[]).includes(name)) {
      throw new Error(`--only: unknown component "${name}" (expected ${COMPONENTS.join(', ')})`);
    }
  }
  return names as Component[];
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run the pipeline: ingest API, dispatcher and worker (all in one process by default)')
    .option('--only <components>', `comma-separated subset of ${COMPONENTS.join(',')}`, parseComponents)
    .action(async (opts: { only?: Component[] }) => {
      const config = loadConfigOrExit();
      const components = opts.only ?? [...COMPONENTS];
      if (config.CLICKHOUSE_MODE === 'embedded' && components.length < COMPONENTS.length && components.some((c) => c !== 'ingest')) {
        process.stderr.write(
          'wirewatch run: with the embedded ClickHouse, the dispatcher and worker share one process (one process may open the chDB folder); run them together\n',
        );
      }
      const { startRuntime } = await import('@wirewatch/runtime');
      const runtime = await startRuntime(config, { components });
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`wirewatch: ${signal}: finishing work in hand…\n`);
        runtime.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            process.stderr.write(`wirewatch: error while stopping: ${String(err)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    });
}
