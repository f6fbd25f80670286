import type { Command } from 'commander';

export function registerAnalyze(program: Command): void {
  program.command('analyze').description('(not built yet)').action(() => {
    process.stderr.write('wirewatch analyze: not built yet\n');
    process.exitCode = 1;
  });
}
