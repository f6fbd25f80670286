import { loadConfigOrExit } from '@wirewatch/config';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';

/** `--from` takes an offset (digits) or a time (ISO 8601). */
function parseFrom(value: string): { fromOffset: bigint } | { fromTime: Date } {
  if (/^\d+$/.test(value)) return { fromOffset: BigInt(value) };
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`--from: "${value}" is neither an offset nor an ISO 8601 time`);
  return { fromTime: new Date(time) };
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('re-derive the read models from the raw Kafka topic, under a ruleset version of their own')
    .requiredOption('--from <time|offset>', 'where to start: an ISO 8601 time or an offset of every partition', parseFrom)
    .option('--ruleset <version>', 'ruleset version to write the rows under (default: the analysis engine’s)')
    .action(async (opts: { from: { fromOffset: bigint } | { fromTime: Date }; ruleset?: string }) => {
      const config = loadConfigOrExit();
      const { replay } = await import('@wirewatch/runtime');
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'replay [{bar}] {value}/{total} messages  {eta}s left' }, Presets.shades_classic) : null;
      try {
        const summary = await replay(config, {
          ...opts.from,
          ...(opts.ruleset ? { ruleset: opts.ruleset } : {}),
          onProgress: (done, total) => {
            if (!bar) return;
            if (done === 0) bar.start(total, 0);
            else bar.update(done);
          },
        });
        bar?.stop();
        process.stdout.write(
          `replayed ${summary.messages} messages in ${summary.batches} batches under ruleset ${summary.rulesetVersion}: ` +
            `${summary.reports} reports written, ${summary.duplicates} repeats, ${summary.deadLettered} dead-lettered, ${summary.signals} signals\n`,
        );
      } catch (err) {
        bar?.stop();
        process.stderr.write(`wirewatch replay: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
