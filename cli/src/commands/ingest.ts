import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfigOrExit } from '@wirewatch/config';
import {
  connectKafkaSink,
  createIngestMetrics,
  replayNdjson,
  type DocumentFormat,
  type ReplaySummary,
} from '@wirewatch/ingest';
import { ProduceError, topicNames } from '@wirewatch/kafka';
import { createLogger } from '@wirewatch/log';

const say = (line: string) => process.stdout.write(`${line}\n`);
/** Rejected lines listed one by one in the summary; the rest are counted. */
const LISTED_REJECTIONS = 50;

interface IngestOptions {
  format: DocumentFormat;
  source?: string;
  batchSize: string;
  progress: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'replay an NDJSON file (or - for stdin) of reports straight onto Kafka, validated as the HTTP API does',
    )
    .argument('<file>', 'NDJSON file, one native report or ninjs item per line; - reads stdin')
    .option('--format <format>', 'how to read each line: native, ninjs, or auto (by shape)', 'auto')
    .option('--source <name>', 'source name for ninjs lines that carry none (default: the file name)')
    .option('--batch-size <n>', 'reports per Kafka produce request', '500')
    .option('--no-progress', 'no progress bar even on a terminal')
    .action((file: string, opts: IngestOptions) => replay(file, opts));
}

async function replay(file: string, opts: IngestOptions): Promise<void> {
  const config = loadConfigOrExit();
  if (!['native', 'ninjs', 'auto'].includes(opts.format)) {
    process.stderr.write(`wirewatch ingest: --format must be native, ninjs or auto, not "${opts.format}"\n`);
    process.exitCode = 2;
    return;
  }
  const fromStdin = file === '-';
  const name = fromStdin ? 'stdin' : basename(file);
  let input: Readable;
  let totalBytes: number | undefined;
  try {
    totalBytes = fromStdin ? undefined : statSync(file).size;
    input = fromStdin ? process.stdin : createReadStream(file, { highWaterMark: 1024 * 1024 });
  } catch (err) {
    process.stderr.write(`wirewatch ingest: cannot read ${file}: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }

  const logger = createLogger('ingest-replay', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const kafka = connectKafkaSink(config, logger, createIngestMetrics());
  try {
    await kafka.waitUntilReady(30_000);
  } catch (err) {
    process.stderr.write(
      `wirewatch ingest: ${(err as Error).message}; is it running? (npx wirewatch services up)\n`,
    );
    process.exitCode = 3;
    await kafka.close();
    return;
  }

  const bar = opts.progress && process.stderr.isTTY ? progressBar(totalBytes) : undefined;
  const started = performance.now();
  let summary: ReplaySummary | undefined;
  try {
    summary = await replayNdjson(input, {
      sink: kafka.sink,
      name,
      format: opts.format,
      batchSize: Math.max(1, Number.parseInt(opts.batchSize, 10) || 500),
      ...(opts.source !== undefined ? { defaultSource: opts.source } : {}),
      onProgress: (p) => bar?.update(p.bytes, { lines: p.lines, accepted: p.accepted, rejected: p.rejected }),
    });
  } catch (err) {
    bar?.stop();
    if (!(err instanceof ProduceError)) throw err;
    process.stderr.write(
      `wirewatch ingest: Kafka failed during the replay (${err.message}). Lines sent so far are stored; ` +
        'replaying the whole file again is safe: report ids are stable.\n',
    );
    process.exitCode = 3;
    return;
  } finally {
    await kafka.close();
  }
  bar?.stop();
  printSummary(name, summary, performance.now() - started, topicNames(config.KAFKA_TOPIC_PREFIX).raw);
  if (summary.rejected.length > 0) process.exitCode = 1;
}

function progressBar(totalBytes: number | undefined) {
  const format =
    totalBytes === undefined
      ? 'replaying {value} bytes | {lines} lines | {accepted} accepted | {rejected} rejected'
      : 'replaying [{bar}] {percentage}% | {lines} lines | {accepted} accepted | {rejected} rejected';
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes ?? 0, 0, { lines: 0, accepted: 0, rejected: 0 });
  return bar;
}

function printSummary(name: string, summary: ReplaySummary, elapsedMs: number, topic: string): void {
  const rate = summary.accepted / Math.max(elapsedMs / 1000, 0.001);
  say(
    `${name}: ${summary.lines} lines, ${summary.accepted} accepted onto ${topic}, ${summary.rejected.length} rejected (${rate.toFixed(0)} reports/s)`,
  );
  for (const r of summary.rejected.slice(0, LISTED_REJECTIONS))
    say(`  line ${r.line}: ${r.reason}: ${r.message}`);
  if (summary.rejected.length > LISTED_REJECTIONS)
    say(`  … and ${summary.rejected.length - LISTED_REJECTIONS} more rejected lines`);
}
