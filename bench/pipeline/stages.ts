/**
 * Where a batch's time goes inside the worker: staging, loading, story assignment, analysis and the
 * ClickHouse writes, for one batch of generated reports on the embedded ClickHouse. No Kafka or Temporal:
 * the batch activities are called directly, as a retried activity would run them.
 *
 *   npx tsx bench/pipeline/stages.ts [--batch 500] [--batches 6]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '@wirewatch/analysis';
import { EmbeddedClickHouse, migrate } from '@wirewatch/clickhouse';
import { stageBatch } from '@wirewatch/dispatcher';
import { createLogger } from '@wirewatch/log';
import { buildEnvelope, encodeEnvelope, parseNativeReport } from '@wirewatch/schemas';
import { batchIdOf, createActivities, StoryStore, type BatchRef } from '@wirewatch/workflows';
import { generateCorpus } from '../../tests/helpers/corpus.ts';

const { values: args } = parseArgs({ options: { batch: { type: 'string', default: '500' }, batches: { type: 'string', default: '6' } } });
const BATCH = Number(args.batch);
const BATCHES = Number(args.batches);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

const ch = await EmbeddedClickHouse.open(mkdtempSync(join(tmpdir(), 'ww-stages-')), 'wirewatch');
await migrate(ch, { retention_days: 3650 });
const analyzer = createAnalyzer();
const stories = await StoryStore.open(ch, { rulesetVersion: analyzer.rulesetVersion, windowDays: 7 });
const log = createLogger('bench', 'warn');
const timings: Record<string, number> = { stage: 0, dedupeBatch: 0, analyzeAndPersist: 0, analysisOnly: 0 };
let analysisCpu = 0;
const timedAnalyzer = {
  rulesetVersion: analyzer.rulesetVersion,
  analyze: (...a: Parameters<typeof analyzer.analyze>) => {
    const t = process.cpuUsage();
    const r = analyzer.analyze(...a);
    analysisCpu += cpuMs(t);
    return r;
  },
};
const activities = createActivities({
  clickhouse: ch,
  stories,
  analyzer: timedAnalyzer,
  deadLetters: { deadLetter: async () => undefined },
  signals: { handOn: async () => undefined },
  signalMinScore: 40,
  log,
});

const corpus = generateCorpus(BATCH * BATCHES).reports;
let bytes = 0;
for (let b = 0; b < BATCHES; b++) {
  const messages = corpus.slice(b * BATCH, (b + 1) * BATCH).map((r, i) => {
    const parsed = parseNativeReport(r);
    if (!parsed.ok) throw new Error('bad report');
    const env = buildEnvelope(parsed.value, new Date());
    const value = encodeEnvelope(env);
    bytes += value.length;
    return { offset: String(b * BATCH + i), key: Buffer.from(env.report_id), value };
  });
  const ref: BatchRef = {
    batchId: batchIdOf('bench', 0, messages[0]!.offset, messages[messages.length - 1]!.offset),
    topic: 'bench',
    partition: 0,
    firstOffset: messages[0]!.offset,
    lastOffset: messages[messages.length - 1]!.offset,
    count: messages.length,
  };
  let t = performance.now();
  await stageBatch(ch, ref, messages);
  timings.stage! += performance.now() - t;
  t = performance.now();
  const assignments = await activities.dedupeBatch(ref);
  timings.dedupeBatch! += performance.now() - t;
  t = performance.now();
  await activities.analyzeAndPersist(ref, assignments);
  timings.analyzeAndPersist! += performance.now() - t;
}
const reports = BATCH * BATCHES;
process.stdout.write(`${reports} reports in ${BATCHES} batches of ${BATCH} (avg ${(bytes / reports / 1024).toFixed(1)} KB envelope)\n`);
for (const [name, ms] of Object.entries(timings)) {
  if (name === 'analysisOnly') continue;
  process.stdout.write(`  ${name.padEnd(18)} ${(ms / BATCHES).toFixed(0).padStart(6)} ms/batch  ${((ms * 1000) / reports).toFixed(0).padStart(6)} µs/report (wall)\n`);
}
process.stdout.write(`  ${'of which analysis'.padEnd(18)} ${(analysisCpu / BATCHES).toFixed(0).padStart(6)} ms/batch  ${((analysisCpu * 1000) / reports).toFixed(0).padStart(6)} µs/report (CPU)\n`);
await ch.close();
