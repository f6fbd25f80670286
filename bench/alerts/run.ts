/**
 * Alerting latency benchmark: ingest → webhook delivery at a fixed rate, through the whole stack.
 *
 *   npx tsx bench/alerts/run.ts [--rate 500] [--seconds 30] [--fire-every 50] [--warmup 20] [--drain 120]
 *                               [--max-load 3 --wait-minutes 20] [--doc]
 *
 * `wirewatch run` (ingest, dispatcher, worker, embedded ClickHouse) runs in a child process with its own topics,
 * task queue and data folder, and the shipped `foreign-troops-in-conflict` rule notifying a webhook served here
 * on 127.0.0.1 (HMAC checked on every delivery). NDJSON batches are posted every 100 ms at the given rate; every
 * `fire-every`-th report must open its own alert (distinct key), the rest fire nothing (both checked by a dry run
 * beforehand). First `--warmup` seconds of background reports at the same rate (nothing fires) bring the runtime's
 * and the broker's JIT-compiled code to steady state, as in a long-running deployment; the measurement starts once
 * their rows are written. Latency of a firing report = webhook receipt − the moment the bench posted its batch. With
 * `--max-load`, the run first waits (checking every minute, up to `--wait-minutes`) for the 1-minute load
 * average to drop below it. `--doc` writes the results into the Speed section of docs/alerting.md.
 * Requires `npx wirewatch services up`.
 */
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alertWorkflowId } from '@wirewatch/alerting';
import { configWith, type Config } from '@wirewatch/config';
import { connectTemporal, loadConfiguredRules } from '@wirewatch/workflows';
import { parse, stringify } from 'yaml';
import { eventually } from '../../tests/helpers/config.ts';
import { controlQuery, cpuSeconds, startRunProcess, type RunProcess } from '../../tests/helpers/run-process.ts';
import { buildLoad, type BenchReport, type Load } from './reports.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '30' },
    'fire-every': { type: 'string', default: '50' },
    warmup: { type: 'string', default: '20' },
    drain: { type: 'string', default: '120' },
    'max-load': { type: 'string' },
    'wait-minutes': { type: 'string', default: '20' },
    doc: { type: 'boolean', default: false },
  },
});
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const FIRE_EVERY = Number(args['fire-every']);
const DRAIN_S = Number(args.drain);
const WARMUP_S = Number(args.warmup);
const RULE_ID = 'foreign-troops-in-conflict';
const TICK_MS = 100;
/** Posts still waiting for their 202 before the generator holds back (bounded load, no runaway queue). */
const MAX_IN_FLIGHT = 8;
const REPO = new URL('../../', import.meta.url);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const port = () => String(20000 + Math.floor(Math.random() * 20000));

// ---------------------------------------------------------------------------------------------------------
// The webhook receiver: what a real one does (check the signature, drop repeated idempotency keys), plus a
// receipt time per delivery.

interface Receipt {
  idempotencyKey: string;
  alertKey: string;
  kind: string;
  receivedAt: number;
  signatureValid: boolean;
}

class Receiver {
  readonly receipts: Receipt[] = [];
  private server!: Server;
  url = '';

  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const receivedAt = Date.now();
        const raw = Buffer.concat(chunks).toString('utf8');
        const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-wirewatch-signature'] ?? ''));
        const expected = sig ? createHmac('sha256', this.secret).update(`${sig[1]}.${raw}`).digest('hex') : '';
        const body = JSON.parse(raw) as { key?: string; kind?: string };
        this.receipts.push({
          idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
          alertKey: String(body.key),
          kind: String(body.kind),
          receivedAt,
          signatureValid: sig !== null && sig[2] === expected,
        });
        // A bad signature is refused as a real receiver would (and shows up in the counts).
        res.statusCode = sig !== null && sig[2] === expected ? 204 : 401;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** First valid receipt of each `opened` alert key. */
  firstOpened(): Map<string, Receipt> {
    const out = new Map<string, Receipt>();
    for (const r of this.receipts) if (r.signatureValid && r.kind === 'opened' && !out.has(r.alertKey)) out.set(r.alertKey, r);
    return out;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Setup: the shipped rule pointed at the receiver, and a configuration of the benchmark's own.

function writeRules(dir: string, webhookUrl: string): void {
  const pack = parse(readFileSync(new URL('rules/default.yaml', REPO), 'utf8')) as { rules: Record<string, unknown>[] };
  const rule = pack.rules.find((r) => r.id === RULE_ID);
  if (rule === undefined) throw new Error(`rules/default.yaml has no rule ${RULE_ID}`);
  writeFileSync(join(dir, 'rules.yaml'), stringify({ rules: [{ ...rule, notify: [{ type: 'webhook', url: webhookUrl, secret: 'bench' }] }] }));
}

function benchConfig(id: string, rulesDir: string, secret: string, dataDir: string): Config {
  return configWith({
    KAFKA_TOPIC_PREFIX: `bench-${id}.`,
    TEMPORAL_TASK_QUEUE: `bench-${id}`,
    CLICKHOUSE_PATH: dataDir,
    INGEST_PORT: port(),
    RUNTIME_PORT: port(),
    LOG_LEVEL: 'warn',
    ALERT_RULES: rulesDir,
    ALERT_WEBHOOK_SECRETS: `bench:${secret}`,
    // Window rules and the escalation roll-up are not part of this measurement (and no Schedule is left behind
    // on the shared server).
    ALERT_WINDOW_INTERVAL_S: '0',
    ESCALATION_ROLLUP_INTERVAL_S: '0',
  });
}

/** Waits (checking each minute, bounded) for the 1-minute load average to drop below `max`. */
async function waitForQuietMachine(max: number, minutes: number): Promise<void> {
  for (let i = 0; i < minutes && loadavg()[0]! >= max; i++) {
    process.stdout.write(`load ${loadavg()[0]!.toFixed(2)} ≥ ${max}: waiting a minute (${i + 1}/${minutes})\n`);
    await sleep(60_000);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The load generator: one NDJSON batch per 100 ms tick, posted without waiting for the previous answer.

interface Sent {
  sentAt: number;
  reportId: string;
}

async function postBatch(config: Config, batch: BenchReport[]): Promise<{ sentAt: number; ids: string[] }> {
  const body = batch.map(({ expectedKey: _k, ...r }) => JSON.stringify(r)).join('\n');
  const sentAt = Date.now();
  const res = await fetch(`http://${config.INGEST_HOST}:${config.INGEST_PORT}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer dev-token' },
    body,
  });
  const answer = (await res.json()) as { results?: { status: string; report_id?: string }[] };
  if (res.status !== 202 || answer.results?.some((r) => r.status !== 'accepted')) {
    throw new Error(`ingest answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return { sentAt, ids: answer.results!.map((r) => r.report_id!) };
}

/** Waits until the run's read model holds at least `count` reports (the warm-up's rows are written), bounded. */
async function waitForRows(config: Config, count: number): Promise<void> {
  const written = async () => Number((await controlQuery<{ n: string }>(config, 'SELECT toString(count()) AS n FROM reports FINAL'))[0]?.n ?? 0);
  await eventually(written, (n) => n >= count, DRAIN_S * 1000);
}

async function generateLoad(config: Config, reports: BenchReport[]): Promise<{ sent: Map<string, Sent>; ids: string[]; seconds: number; maxLagMs: number }> {
  const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
  const sent = new Map<string, Sent>();
  const ids: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let maxLagMs = 0;
  const start = Date.now();
  for (let tick = 0; tick * perTick < reports.length; tick++) {
    const due = start + tick * TICK_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    maxLagMs = Math.max(maxLagMs, Date.now() - due);
    const batch = reports.slice(tick * perTick, (tick + 1) * perTick);
    const p = postBatch(config, batch).then(({ sentAt, ids: batchIds }) => {
      batch.forEach((r, i) => {
        ids.push(batchIds[i]!);
        if (r.expectedKey !== undefined) sent.set(r.expectedKey, { sentAt, reportId: batchIds[i]! });
      });
    });
    const tracked = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return { sent, ids, seconds: (Date.now() - start) / 1000, maxLagMs };
}

// ---------------------------------------------------------------------------------------------------------
// Numbers.

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `p50 ${quantile(s, 0.5)} ms, p99 ${quantile(s, 0.99)} ms, max ${s.at(-1) ?? NaN} ms (n=${s.length})`;
}

interface Row {
  report_id: string;
  received: string;
  processed: string;
}

/** Replaces the measured block of docs/alerting.md's Speed section (between its markers). */
function writeDoc(lines: string[]): void {
  const url = new URL('docs/alerting.md', REPO);
  const doc = readFileSync(url, 'utf8');
  const start = '<!-- bench/alerts/run.ts: start -->';
  const end = '<!-- bench/alerts/run.ts: end -->';
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error('docs/alerting.md has no Speed section markers');
  writeFileSync(url, doc.slice(0, a + start.length) + '\n' + lines.join('\n') + '\n' + doc.slice(b));
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const id = `alerts-${Date.now().toString(36)}`;
  const secret = randomBytes(16).toString('hex');
  const receiver = new Receiver(secret);
  await receiver.start();
  const rulesDir = mkdtempSync(join(tmpdir(), 'ww-bench-alert-rules-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'ww-bench-alerts-'));
  writeRules(rulesDir, receiver.url);
  const config = benchConfig(id, rulesDir, secret, dataDir);

  const total = Math.round(RATE * SECONDS);
  let load: Load | undefined;
  let run: RunProcess | undefined;
  const logFile = join(tmpdir(), `ww-bench-alerts-${Date.now()}.log`);
  const receivedKeys = () => new Set(receiver.receipts.map((r) => r.alertKey));
  const onSignal = () => void run?.kill().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const t0 = performance.now();
    const rules = loadConfiguredRules(config);
    load = buildLoad(total, FIRE_EVERY, rules, id);
    // Background only (a report that would fire is dropped by the dry run), with ids and headlines of its own.
    const warmup = buildLoad(Math.round(RATE * WARMUP_S), Number.MAX_SAFE_INTEGER, rules, `${id}w`).reports;
    process.stdout.write(
      `load: ${total} reports, ${load.firing} firing (1 in ${FIRE_EVERY}); dry run ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(dropped ${load.droppedBackground} background that would fire, ${load.droppedFiring} firing candidates that would not fire their key)\n`,
    );

    // After the dry run (itself a burst of CPU), so the measurement starts on the quietest machine available.
    if (args['max-load'] !== undefined) await waitForQuietMachine(Number(args['max-load']), Number(args['wait-minutes']));

    run = await startRunProcess(config, logFile);
    if (warmup.length > 0) {
      const t = performance.now();
      await generateLoad(config, warmup);
      await waitForRows(config, warmup.length);
      process.stdout.write(`warm-up: ${warmup.length} reports at ${RATE}/s, rows written ${((performance.now() - t) / 1000).toFixed(1)} s after the first post\n`);
    }
    const measuredFrom = Date.now();
    const loadBefore = execFileSync('uptime', { encoding: 'utf8' }).trim();
    const cpuBefore = cpuSeconds(run.child.pid!);
    const wallBefore = Date.now();
    const gen = await generateLoad(config, load.reports);
    const lastPost = Date.now();

    // Drain: until every expected alert has arrived, bounded.
    const deadline = lastPost + DRAIN_S * 1000;
    while (receiver.firstOpened().size < load.firing && Date.now() < deadline) await sleep(250);
    await sleep(2000); // late duplicates, if any, arrive now
    const cpu = cpuSeconds(run.child.pid!) - cpuBefore;
    const wall = (Date.now() - wallBefore) / 1000;
    const loadAfter = execFileSync('uptime', { encoding: 'utf8' }).trim();

    const opened = receiver.firstOpened();
    const expected = new Set(gen.sent.keys());
    const unexpected = [...receivedKeys()].filter((k) => !expected.has(k));
    const keyCounts = new Map<string, number>();
    for (const r of receiver.receipts) if (r.signatureValid) keyCounts.set(r.idempotencyKey, (keyCounts.get(r.idempotencyKey) ?? 0) + 1);
    const repeatedDeliveries = [...keyCounts.values()].reduce((n, c) => n + c - 1, 0);
    const openedPerKey = new Map<string, number>();
    for (const r of receiver.receipts) if (r.kind === 'opened') openedPerKey.set(r.alertKey, (openedPerKey.get(r.alertKey) ?? 0) + 1);
    const duplicateAlerts = [...openedPerKey.values()].reduce((n, c) => n + c - 1, 0);
    const badSignatures = receiver.receipts.filter((r) => !r.signatureValid).length;

    // Stage times from the read model: ingest received_at and processed_at of the firing reports.
    const firingIds = [...gen.sent.values()].map((s) => s.reportId);
    const rows = await controlQuery<Row>(
      config,
      `SELECT report_id, toString(toUnixTimestamp64Milli(received_at)) AS received, toString(toUnixTimestamp64Milli(processed_at)) AS processed
       FROM reports FINAL WHERE report_id IN {ids:Array(String)}`,
      { ids: firingIds },
    );
    const byId = new Map(rows.map((r) => [r.report_id, { received: Number(r.received), processed: Number(r.processed) }]));
    const [all] = await controlQuery<{ n: string; p50: number; p99: number; last: string }>(
      config,
      `SELECT toString(count()) AS n, quantile(0.5)(ms) AS p50, quantile(0.99)(ms) AS p99, toString(max(done)) AS last FROM (
         SELECT dateDiff('millisecond', received_at, processed_at) AS ms, toUnixTimestamp64Milli(processed_at) AS done FROM reports FINAL
         WHERE received_at >= fromUnixTimestamp64Milli({from:Int64}))`,
      { from: String(measuredFrom) },
    );

    // The alert workflow's first activity records `opened` (its `at` is that activity's clock): the split
    // between getting the match to a running alert and delivering its first notification.
    const openedRows = await controlQuery<{ group_key: string; at: string }>(
      config,
      `SELECT group_key, toString(min(toUnixTimestamp64Milli(at))) AS at FROM alert_events FINAL WHERE event = 'opened' GROUP BY group_key`,
    );
    const openedAt = new Map(openedRows.map((r) => [r.group_key, Number(r.at)]));

    const e2e: number[] = [];
    const fromReceived: number[] = [];
    const ingest: number[] = [];
    const pipeline: number[] = [];
    const toAlert: number[] = [];
    const toWebhook: number[] = [];
    for (const [key, s] of gen.sent) {
      const got = opened.get(key);
      if (got === undefined) continue;
      e2e.push(got.receivedAt - s.sentAt);
      const row = byId.get(s.reportId);
      if (row === undefined) continue;
      fromReceived.push(got.receivedAt - row.received);
      ingest.push(row.received - s.sentAt);
      pipeline.push(row.processed - row.received);
      const at = openedAt.get(key);
      if (at === undefined) continue;
      toAlert.push(at - row.processed);
      toWebhook.push(got.receivedAt - at);
    }

    const lines = [
      `- Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gen.ids.length} reports posted in ${gen.seconds.toFixed(1)} s ` +
        `(${(gen.ids.length / gen.seconds).toFixed(0)} reports/s asked ${RATE}; batches of ${Math.round((RATE * TICK_MS) / 1000)} every ${TICK_MS} ms; ` +
        `largest send delay ${gen.maxLagMs} ms), 1 in ${FIRE_EVERY} firing, after a ${WARMUP_S} s warm-up at the same rate.`,
      `- Machine load: before \`${loadBefore.replace(/^.*load average/, 'load average')}\`, after \`${loadAfter.replace(/^.*load average/, 'load average')}\` (2 cores, shared).`,
      `- Alerts: expected ${gen.sent.size}, delivered ${opened.size}, unexpected keys ${unexpected.length}, duplicate alerts ${duplicateAlerts}, ` +
        `repeated deliveries of one idempotency key ${repeatedDeliveries}, bad signatures ${badSignatures}.`,
      `- **Posted → webhook received: ${summary(e2e)}.**`,
      `- Ingest received_at → webhook received: ${summary(fromReceived)}.`,
      `- Where the time goes (firing reports): posted → received_at ${summary(ingest)}; received_at → processed_at (Kafka, dispatcher batch, ` +
        `batch workflow, dedupe, the batch's analysis: processed_at is stamped when its rows are about to be written) ${summary(pipeline)}; processed_at → alert recorded ` +
        `\`opened\` (the batch's ClickHouse writes, signal sink, signal-with-start, alert workflow task, its first step) ${summary(toAlert)}; \`opened\` → webhook received (delivery) ${summary(toWebhook)}.`,
      `- All ${all?.n ?? 0} reports, received_at → processed_at: p50 ${Math.round(all?.p50 ?? NaN)} ms, p99 ${Math.round(all?.p99 ?? NaN)} ms; ` +
        `last row written ${((Number(all?.last ?? 0) - lastPost) / 1000).toFixed(1)} s after the last post.`,
      `- The \`wirewatch run\` process used ${cpu.toFixed(1)} CPU s in ${wall.toFixed(1)} s (${(cpu / wall).toFixed(2)} cores on average; ` +
        `${((cpu * 1000) / gen.ids.length).toFixed(2)} ms of CPU per report), besides Temporal, Kafka and the bench itself.`,
    ];
    if (opened.size < gen.sent.size) lines.push(`- ${gen.sent.size - opened.size} expected alerts had not arrived ${DRAIN_S} s after the last post.`);
    process.stdout.write(lines.join('\n') + '\n');
    if (args.doc) writeDoc(lines);
  } finally {
    if (run !== undefined) {
      await cleanUp(config, [...new Set([...(load?.reports ?? []).flatMap((r) => (r.expectedKey ? [r.expectedKey] : [])), ...receivedKeys()])]);
      await run.stop();
    }
    await receiver.stop();
    rmSync(rulesDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    process.stdout.write(`runtime log: ${logFile}\n`);
  }
}

/** Alerts live on (re-notify, quiet, cooldown timers): end the run's alert workflows on the shared server. */
async function cleanUp(config: Config, keys: string[]): Promise<void> {
  const client = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  try {
    let ended = 0;
    for (let i = 0; i < keys.length; i += 20) {
      const results = await Promise.all(
        keys.slice(i, i + 20).map((key) =>
          client.workflow
            .getHandle(alertWorkflowId(config.TEMPORAL_TASK_QUEUE, RULE_ID, key))
            .terminate('benchmark over')
            .then(() => true, () => false),
        ),
      );
      ended += results.filter(Boolean).length;
    }
    process.stdout.write(`terminated ${ended} alert workflows\n`);
  } finally {
    await client.connection.close();
  }
}

await main();
