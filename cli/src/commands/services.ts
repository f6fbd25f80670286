import type { Command } from 'commander';

export function registerServices(program: Command): void {
  program.command('services').description('(not built yet)').action(() => {
    process.stderr.write('wirewatch services: not built yet\n');
    process.exitCode = 1;
  });
}
