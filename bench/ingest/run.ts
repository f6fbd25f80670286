/**
 * Ingest throughput on this machine: HTTP (single reports and NDJSON batches) into the real Kafka, against
 * the raw kafkajs produce rate of the same messages measured in the same run.
 *
 *   npx tsx bench/ingest/run.ts [--seconds 20] [--reports 100000] [--phases raw,single,batch] [--server-cpu-prof DIR]
 *
 * Loopback only; every phase is bounded in count and in time. Uses its own topic prefix and deletes the
 * topics afterwards. Needs Kafka (npx wirewatch services up).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { childEnv, configWith } from '@wirewatch/config';
import { createKafka, createProducer, ensureTopics, sendAcked, topicNames } from '@wirewatch/kafka';
import { buildEnvelope, encodeEnvelope, parseNativeReport, type NativeReport } from '@wirewatch/schemas';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 20);
const MAX_REPORTS = arg('reports', 100_000);
const BATCH_LINES = 500;
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PHASES = new Set((option('phases') ?? 'raw,single,batch').split(','));
/** Writes a V8 CPU profile of the ingest server into this folder (open it in Chrome DevTools). */
const SERVER_CPU_PROF = option('server-cpu-prof');
const TOKEN = 'bench-token';

const prefix = `bench-${Date.now().toString(36)}.`;
const config = configWith({ KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' });
const topics = topicNames(prefix);

/** A report of typical wire size (~1.4 KB of JSON), distinct per n. */
function report(n: number, run: string): NativeReport {
  const sentence = `Officials in the region said on Tuesday that units had moved closer to the line of contact, report ${n}. `;
  const parsed = parseNativeReport({
    source: 'bench-wire',
    source_id: `${run}-${n}`,
    published_at: '2025-06-01T12:00:00Z',
    headline: `Troop movements reported near the border, item ${n}`,
    summary: 'Movements of armour and artillery were reported overnight.',
    body: sentence.repeat(10),
    language: 'en',
    subjects: ['defence', 'conflict'],
  });
  if (!parsed.ok) throw new Error('bench report invalid');
  return parsed.value;
}

interface PhaseResult {
  phase: string;
  reports: number;
  bytes: number;
  seconds: number;
  reportsPerS: number;
  mbPerS: number;
  errors: number;
}

const result = (phase: string, reports: number, bytes: number, seconds: number, errors = 0): PhaseResult => ({
  phase,
  reports,
  bytes,
  seconds: Number(seconds.toFixed(2)),
  reportsPerS: Math.round(reports / seconds),
  mbPerS: Number((bytes / seconds / 1e6).toFixed(2)),
  errors,
});

/** Raw kafkajs: the same envelopes, in produce requests of BATCH_LINES, one in flight (as idempotence requires). */
async function rawKafka(): Promise<PhaseResult> {
  const kafka = createKafka(config);
  const producer = createProducer(kafka);
  await producer.connect();
  const messages = Array.from({ length: MAX_REPORTS }, (_, i) => {
    const envelope = buildEnvelope(report(i, 'raw'), new Date(), { channel: 'replay', name: 'bench' });
    return { key: envelope.report_id, value: encodeEnvelope(envelope) };
  });
  const deadline = Date.now() + SECONDS * 1000;
  const started = performance.now();
  let sent = 0;
  let bytes = 0;
  while (sent < messages.length && Date.now() < deadline) {
    const chunk = messages.slice(sent, sent + BATCH_LINES);
    await sendAcked(producer, [{ topic: topics.raw, messages: chunk }]);
    sent += chunk.length;
    bytes += chunk.reduce((n, m) => n + m.value.length, 0);
  }
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  return result('raw kafkajs sendBatch (500/request)', sent, bytes, seconds);
}

/** Keeps `concurrency` requests in flight until `total` bodies are sent or time is up. */
async function httpLoad(
  phase: string,
  url: string,
  concurrency: number,
  total: number,
  body: (i: number) => { payload: string; reports: number },
  contentType: string,
): Promise<PhaseResult> {
  const agent = new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 10_000 });
  const deadline = Date.now() + SECONDS * 1000;
  let next = 0;
  let reports = 0;
  let bytes = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
      const { payload, reports: n } = body(next++);
      const res = await request(`${url}/v1/reports`, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': contentType, authorization: `Bearer ${TOKEN}` },
        body: payload,
      });
      await res.body.text();
      if (res.statusCode === 202) {
        reports += n;
        bytes += Buffer.byteLength(payload);
      } else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return result(phase, reports, bytes, seconds, errors);
}

async function withServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const profiling = SERVER_CPU_PROF === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', SERVER_CPU_PROF];
  const server = spawn(
    process.execPath,
    [...profiling, '--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))],
    {
      env: childEnv({
        KAFKA_TOPIC_PREFIX: prefix,
        INGEST_PORT: '0',
        INGEST_TOKENS: `bench:${TOKEN}`,
        LOG_LEVEL: 'warn',
        INGEST_MAX_BATCH_LINES: String(BATCH_LINES),
      }),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: server.stdout }).once('line', resolve);
      server.once('exit', (code) => reject(new Error(`ingest server exited with ${code}`)));
    });
    return await work((JSON.parse(line) as { url: string }).url);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

async function main() {
  const kafka = createKafka(config);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, prefix);
  const results: PhaseResult[] = [];
  try {
    if (PHASES.has('raw')) results.push(await rawKafka());
    await withServer(async (url) => {
      if (!PHASES.has('single')) return;
      const singleLines = Array.from({ length: Math.min(MAX_REPORTS, 50_000) }, (_, i) =>
        JSON.stringify(report(i, 'single')),
      );
      results.push(
        await httpLoad(
          'HTTP single report per request (64 connections)',
          url,
          64,
          singleLines.length,
          (i) => ({ payload: singleLines[i]!, reports: 1 }),
          'application/json',
        ),
      );
    });
    await withServer(async (url) => {
      if (!PHASES.has('batch')) return;
      // Bodies are built before the clock starts, so the load generator spends its time sending.
      const batchBodies = Array.from({ length: Math.ceil(MAX_REPORTS / BATCH_LINES) }, (_, b) =>
        Array.from({ length: BATCH_LINES }, (_, i) =>
          JSON.stringify(report(b * BATCH_LINES + i, 'batch')),
        ).join('\n'),
      );
      results.push(
        await httpLoad(
          `HTTP NDJSON ${BATCH_LINES} reports per request (4 connections)`,
          url,
          4,
          batchBodies.length,
          (b) => ({ payload: batchBodies[b]!, reports: BATCH_LINES }),
          'application/x-ndjson',
        ),
      );
    });
  } finally {
    await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
    await admin.disconnect();
  }
  const raw = results.find((r) => r.phase.startsWith('raw')) ?? results[0]!;
  process.stdout.write(
    `${JSON.stringify({ seconds_cap: SECONDS, reports_cap: MAX_REPORTS, results }, null, 2)}\n\n`,
  );
  process.stdout.write(
    '| phase | reports | s | reports/s | MB/s | errors | vs raw kafkajs |\n|---|---|---|---|---|---|---|\n',
  );
  for (const r of results) {
    process.stdout.write(
      `| ${r.phase} | ${r.reports} | ${r.seconds} | ${r.reportsPerS} | ${r.mbPerS} | ${r.errors} | ${(r.reportsPerS / raw.reportsPerS).toFixed(2)} |\n`,
    );
  }
}

await main();
