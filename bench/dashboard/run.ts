// Dashboard API latency with 10 million report-event rows (embedded ClickHouse).
//   npx tsx bench/dashboard/run.ts [--events 10000000] [--runs 40] [--fresh]
// Generates the rows once under data/bench-dashboard (reused by later runs unless --fresh), serves the
// dashboard on a free port and times each view's API over HTTP, one request at a time, after a warm-up.
import { rmSync } from 'node:fs';

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RULESET_VERSION } from '@wirewatch/analysis';
import { EmbeddedClickHouse, migrate, rollUpEscalation } from '@wirewatch/clickhouse';
import { startDashboard, unavailableProbes } from '@wirewatch/dashboard';
import { generate } from './generate.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '40' },
    fresh: { type: 'boolean', default: false },
  },
});
const events = Number(values.events);
const runs = Number(values.runs);
const folder = fileURLToPath(new URL(`../../data/bench-dashboard-${events}`, import.meta.url));
const log = (line: string) => process.stdout.write(`${line}\n`);

if (values.fresh) rmSync(folder, { recursive: true, force: true });
const ch = await EmbeddedClickHouse.open(folder, 'wirewatch');
await migrate(ch, { retention_days: 3650 });

const n = (await ch.query<{ n: string }>('SELECT count() AS n FROM report_events'))[0]?.n ?? '0';
if (Number(n) < events) {
  log(`generating ${events.toLocaleString('en-US')} report-event rows in ${folder}`);
  await generate(ch, { events, rulesetVersion: RULESET_VERSION }, log);
  // Merged parts, as a long-running store has; FINAL then has little left to collapse.
  const start = performance.now();
  for (const table of ['report_events', 'reports', 'stories', 'signals', 'pair_escalation_hours', 'conflict_escalation_hours']) {
    await ch.exec(`OPTIMIZE TABLE ${table} FINAL`);
  }
  log(`  OPTIMIZE … FINAL: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
// The escalation roll-up, as the runtime's Schedule keeps it: every past day finished into plain counts.
{
  const start = performance.now();
  let days = 0;
  for (let pending = 1; pending > 0; ) {
    const result = await rollUpEscalation(ch, { now: new Date(), maxDays: 31 });
    days += result.rolled.length;
    pending = result.pending;
  }
  if (days > 0) {
    for (const table of ['pair_escalation_daily', 'conflict_escalation_daily']) await ch.exec(`OPTIMIZE TABLE ${table} FINAL`);
    log(`escalation roll-up: ${days} days in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}
const counts = await ch.query<Record<string, string>>(
  `SELECT (SELECT count() FROM report_events) AS report_events, (SELECT count() FROM reports) AS reports,
          (SELECT count() FROM stories) AS stories, (SELECT count() FROM signals) AS signals,
          (SELECT count() FROM pair_escalation_hours) AS pair_hours, (SELECT count() FROM pair_escalation_daily) AS pair_daily`,
);
log(`rows: ${JSON.stringify(counts[0])}`);
// The rules change as the analysis evolves; read the rows of the ruleset they were generated under.
const rulesetVersion = (await ch.query<{ rv: string }>('SELECT any(ruleset_version) AS rv FROM reports'))[0]?.rv ?? RULESET_VERSION;

const token = 'bench-token';
const dashboard = await startDashboard({
  host: '127.0.0.1',
  port: 0,
  tokens: [`bench:${token}`],
  sessionHours: 1,
  refreshMs: 5000,
  clickhouse: ch,
  rulesetVersion,
  signalMinScore: 40,
  // Kafka and Temporal are outside this measurement: the health view's ClickHouse queries are what grow with rows.
  health: unavailableProbes,
  alerts: null,
});

const VIEWS = [
  '/api/feed?range=24h',
  '/api/feed?range=7d',
  '/api/escalation?range=7d',
  '/api/escalation?range=30d',
  '/api/escalation?range=1y',
  '/api/escalation?range=7d&actor=RUS&target=UKR',
  '/api/stories?range=24h',
  '/api/stories?range=7d',
  '/api/health?range=24h',
  '/api/alerts?range=30d',
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
log(`\n| view | p50 ms | p95 ms | max ms | response KB |\n|---|---:|---:|---:|---:|`);
for (const path of VIEWS) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 3; i += 1) {
    const start = performance.now();
    const res = await fetch(`${dashboard.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}: ${Buffer.from(body).toString()}`);
    if (i >= 3) times.push(performance.now() - start);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  log(`| \`${path}\` | ${quantile(times, 0.5).toFixed(0)} | ${quantile(times, 0.95).toFixed(0)} | ${times.at(-1)!.toFixed(0)} | ${(bytes / 1024).toFixed(0)} |`);
}

await dashboard.close();
await ch.close();
