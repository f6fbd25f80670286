/**
 * End-to-end pipeline benchmark: HTTP ingest → Kafka → dispatcher → Temporal → worker (analysis) → ClickHouse,
 * with `wirewatch run` in a child process (embedded ClickHouse) and the load generated here.
 *
 *   npx tsx bench/pipeline/run.ts [--reports 30000] [--warmup 10000] [--rate 500] [--seconds 30]
 *
 * Measures, in one run: raw Kafka passthrough of the same envelopes (produce + consume in a group), sustained
 * throughput (all reports sent as fast as the API takes them, until every row is visible; first `--warmup` reports
 * to a freshly started process, timed on their own, then `--reports` more: the steady state), latency from ingest
 * (received_at) to rows written (processed_at) at a fixed rate, and the runtime process's peak memory.
 * Requires `npx wirewatch services up`. Writes docs/pipeline-bench.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configWith, type Config } from '@wirewatch/config';
import { createKafka, createProducer, ensureTopics, topicNames, topicOptionsOf } from '@wirewatch/kafka';
import { buildEnvelope, encodeEnvelope, parseNativeReport } from '@wirewatch/schemas';
import { generateCorpus, type CorpusReport } from '../../tests/helpers/corpus.ts';
import { controlQuery, cpuSeconds, startRunProcess } from '../../tests/helpers/run-process.ts';

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '30000' },
    warmup: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '30' },
  },
});
const N = Number(args.reports);
const WARMUP = Number(args.warmup);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const port = () => String(20000 + Math.floor(Math.random() * 20000));

/** No alert rules: this measures the pipeline; bench/alerts measures alerting on top of it. */
const NO_RULES = mkdtempSync(join(tmpdir(), 'ww-bench-norules-'));

function benchConfig(name: string): Config {
  const id = `${name}-${Date.now().toString(36)}`;
  return configWith({
    ALERT_RULES: NO_RULES,
    ALERT_WINDOW_INTERVAL_S: '0',
    ESCALATION_ROLLUP_INTERVAL_S: '0',
    KAFKA_TOPIC_PREFIX: `bench-${id}.`,
    TEMPORAL_TASK_QUEUE: `bench-${id}`,
    CLICKHOUSE_PATH: mkdtempSync(join(tmpdir(), `ww-bench-${name}-`)),
    INGEST_PORT: port(),
    RUNTIME_PORT: port(),
    LOG_LEVEL: 'warn',
  });
}

/** Unique reports: the generated corpus's originals, renumbered so each run has its own ids. */
function uniqueReports(count: number, tag: string): CorpusReport[] {
  const base = generateCorpus(count * 2).reports.filter((r) => r.source === 'demo-wire' && r.version === undefined);
  const out: CorpusReport[] = [];
  for (let i = 0; out.length < count; i++) {
    const r = base[i % base.length]!;
    out.push({ ...r, source_id: `${tag}-${i}`, headline: `${r.headline} [${tag} ${i}]` });
  }
  return out;
}

async function post(config: Config, reports: CorpusReport[]): Promise<void> {
  const res = await fetch(`http://${config.INGEST_HOST}:${config.INGEST_PORT}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer dev-token' },
    body: reports.map((r) => JSON.stringify(r)).join('\n'),
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}

async function countRows(config: Config): Promise<number> {
  const [row] = await controlQuery<{ n: string }>(config, 'SELECT count() AS n FROM reports');
  return Number(row?.n ?? 0);
}

async function rssMb(pid: number): Promise<number> {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Raw Kafka: the same envelopes produced (acks=all, batches of 500) and consumed by a group, end to end. */
async function kafkaPassthrough(config: Config, reports: CorpusReport[]): Promise<number> {
  const kafka = createKafka(config);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, config.KAFKA_TOPIC_PREFIX, topicOptionsOf(config));
  await admin.disconnect();
  const topic = topicNames(config.KAFKA_TOPIC_PREFIX).raw;
  const envelopes = reports.map((r) => {
    const parsed = parseNativeReport(r);
    if (!parsed.ok) throw new Error('bad bench report');
    const env = buildEnvelope(parsed.value, new Date());
    return { key: env.report_id, value: encodeEnvelope(env) };
  });
  const producer = createProducer(kafka);
  const consumer = kafka.consumer({ groupId: `${config.KAFKA_TOPIC_PREFIX}passthrough` });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      seen += batch.messages.length;
      if (seen >= envelopes.length) done();
    },
  });
  const t0 = performance.now();
  for (let i = 0; i < envelopes.length; i += 500) {
    await producer.send({ topic, acks: -1, messages: envelopes.slice(i, i + 500) });
  }
  await all;
  const seconds = (performance.now() - t0) / 1000;
  await consumer.disconnect();
  await producer.disconnect();
  return envelopes.length / seconds;
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const say = (line: string) => {
    process.stdout.write(line + '\n');
    lines.push(line);
  };

  const passthrough = await kafkaPassthrough(benchConfig('kafka'), uniqueReports(N, 'kafka'));
  say(`raw Kafka passthrough (produce acks=all + group consume), ${N} envelopes: ${passthrough.toFixed(0)} reports/s`);

  // Sustained throughput: everything sent as fast as the API takes it; clock stops when every row is visible.
  // Twice, alternating nothing else: all components in one process (`wirewatch run`), then ingest in a process of
  // its own beside the rest (`--only ingest` + `--only dispatcher,worker,dashboard`), as docker-compose deploys it.
  for (const split of [false, true]) {
    const tput = benchConfig(split ? 'throughput-split' : 'throughput');
    const logOf = (what: string) => join(tmpdir(), `ww-bench-${what}-${Date.now()}.log`);
    const runs = split
      ? [
          await startRunProcess(tput, logOf('throughput-pipeline'), ['dispatcher', 'worker', 'dashboard']),
          await startRunProcess(tput, logOf('throughput-ingest'), ['ingest']),
        ]
      : [await startRunProcess(tput, logOf('throughput'))];
    let peakRss = 0;
    const sampler = setInterval(() => {
      void Promise.all(runs.map((r) => rssMb(r.child.pid!))).then((mbs) => (peakRss = Math.max(peakRss, mbs.reduce((a, b) => a + b, 0))));
    }, 500);
    const reports = uniqueReports(WARMUP + N, split ? 'tput-split' : 'tput');
    const cpuOf = () => runs.reduce((sum, r) => sum + cpuSeconds(r.child.pid!), 0);
    const where = split ? 'ingest in its own process' : 'one process';
    // The warm-up (a process just started: its JIT compiles the hot paths) is timed on its own, then the steady state.
    const timeSent = async (from: number, count: number) => {
      const cpuBefore = cpuOf();
      const t0 = performance.now();
      for (let i = from; i < from + count; i += 500) await post(tput, reports.slice(i, Math.min(i + 500, from + count)));
      const sentAt = performance.now();
      while ((await countRows(tput)) < from + count) await sleep(200);
      const seconds = (performance.now() - t0) / 1000;
      return { throughput: count / seconds, sent: (sentAt - t0) / 1000, seconds, cpu: cpuOf() - cpuBefore };
    };
    if (WARMUP > 0) {
      const warm = await timeSent(0, WARMUP);
      say(`warm-up, the first ${WARMUP} reports to a fresh process, ${where}: ${warm.throughput.toFixed(0)} reports/s (${((warm.cpu * 1000) / WARMUP).toFixed(2)} ms of wirewatch CPU per report)`);
    }
    const run = await timeSent(WARMUP, N);
    clearInterval(sampler);
    for (const r of runs.reverse()) await r.stop();
    say(
      `sustained end to end, ${N} reports after the warm-up, ${where}: ${run.throughput.toFixed(0)} reports/s ` +
        `(API accepted them all in ${run.sent.toFixed(1)} s; rows complete after ${run.seconds.toFixed(1)} s); ` +
        `ratio to raw Kafka ${(run.throughput / passthrough).toFixed(3)}; ${((run.cpu * 1000) / N).toFixed(2)} ms of wirewatch CPU per report ` +
        `(${(run.cpu / run.seconds).toFixed(2)} cores); peak RSS ${peakRss.toFixed(0)} MB`,
    );
  }

  // Latency at a fixed rate: batches every 100 ms; latency = processed_at − received_at per report.
  const lat = benchConfig('latency');
  const run2 = await startRunProcess(lat, join(tmpdir(), `ww-bench-latency-${Date.now()}.log`));
  const perTick = Math.max(1, Math.round(RATE / 10));
  const total = perTick * 10 * SECONDS;
  const paced = uniqueReports(total, 'lat');
  const start = performance.now();
  for (let tick = 0; tick * perTick < total; tick++) {
    const due = start + tick * 100;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await post(lat, paced.slice(tick * perTick, (tick + 1) * perTick));
  }
  const actualRate = total / ((performance.now() - start) / 1000);
  while ((await countRows(lat)) < total) await sleep(200);
  const [q] = await controlQuery<{ p50: number; p99: number; max: number }>(
    lat,
    `SELECT quantile(0.5)(ms) AS p50, quantile(0.99)(ms) AS p99, max(ms) AS max
     FROM (SELECT dateDiff('millisecond', received_at, processed_at) AS ms FROM reports FINAL)`,
  );
  await run2.stop();
  say(
    `latency at ${actualRate.toFixed(0)} reports/s for ${SECONDS} s (${total} reports), ingest received → rows written: ` +
      `p50 ${Math.round(q!.p50)} ms, p99 ${Math.round(q!.p99)} ms, max ${Math.round(q!.max)} ms`,
  );

  // The hand-written analysis above the list is kept; only the list of this run's numbers is replaced.
  const path = new URL('../../docs/pipeline-bench.md', import.meta.url);
  const marker = "## The bench's own output, last run";
  const kept = readFileSync(path, 'utf8').split(marker)[0]!;
  const doc = [`${kept}${marker}`, '', ...lines.map((l) => `- ${l}`), ''].join('\n');
  writeFileSync(path, doc);
}

await main();
