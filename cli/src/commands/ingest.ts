import type { Command } from 'commander';

export function registerIngest(program: Command): void {
  program.command('ingest').description('(not built yet)').action(() => {
    process.stderr.write('wirewatch ingest: not built yet\n');
    process.exitCode = 1;
  });
}
