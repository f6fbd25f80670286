import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClickHouse } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';
import { createKafka, createProducer, topicNames } from '@wirewatch/kafka';
import { replay } from '@wirewatch/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, isolatedConfig } from './helpers/config.ts';
import { generateCorpus, MALFORMED_MESSAGES, type CorpusReport } from './helpers/corpus.ts';
import { sharedPath } from './helpers/paths.ts';
import { controlQuery, startRunProcess, type RunProcess } from './helpers/run-process.ts';

// 1,000 reports: the generated corpus (stories, syndicated copies, wire updates, producer repeats) plus the
// shared seed report and two outlets syndicating it; three malformed messages go straight onto the raw topic.
const seed = JSON.parse(readFileSync(sharedPath('samples', 'seed-north-korea-troops.json'), 'utf8')) as CorpusReport;
const corpus = generateCorpus(997);
const seedCopies: CorpusReport[] = ['harbour-times', 'coast-herald'].map((outlet) => ({
  ...seed,
  source: outlet,
  source_id: `${outlet}-seed`,
}));
const reports = [...corpus.reports, seed, ...seedCopies];
const expected = {
  versions: corpus.distinctVersions + 3,
  reportIds: corpus.distinctReports + 3,
  repeats: corpus.repeats,
  updates: corpus.updates,
  syndicated: corpus.syndicatedCopies + seedCopies.length,
  originals: corpus.stories + 1,
  deadLetters: MALFORMED_MESSAGES.length,
};

function runConfig(name: string): Config {
  const port = () => String(20000 + Math.floor(Math.random() * 20000));
  return isolatedConfig(name, { INGEST_PORT: port(), RUNTIME_PORT: port(), DISPATCHER_BATCH_MAX_REPORTS: '100' });
}

async function ingestAll(config: Config): Promise<void> {
  const url = `http://${config.INGEST_HOST}:${config.INGEST_PORT}/v1/reports`;
  for (let i = 0; i < reports.length; i += 100) {
    const body = reports.slice(i, i + 100).map((r) => JSON.stringify(r)).join('\n');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer dev-token' },
      body,
    });
    expect(res.status).toBe(202);
    const answer = (await res.json()) as { accepted: number; rejected: number };
    expect(answer).toMatchObject({ accepted: Math.min(100, reports.length - i), rejected: 0 });
  }
  const kafka = createKafka(config);
  const producer = createProducer(kafka);
  await producer.connect();
  await producer.send({
    topic: topicNames(config.KAFKA_TOPIC_PREFIX).raw,
    acks: -1,
    messages: MALFORMED_MESSAGES.map((m) => ({ key: m.key, value: m.value })),
  });
  await producer.disconnect();
}

const visible = async (config: Config) => {
  const [row] = await controlQuery<{ reports: string; dead: string }>(
    config,
    `SELECT (SELECT count() FROM reports FINAL) AS reports, (SELECT count() FROM dead_letters FINAL) AS dead`,
  );
  return { reports: Number(row?.reports), dead: Number(row?.dead) };
};
const complete = (v: { reports: number; dead: number }) => v.reports === expected.versions && v.dead === expected.deadLetters;

interface Snapshot {
  ruleset: string;
  counts: Record<string, number>;
  signals: number;
  /** Per report version: its story's independent sources and whether it became a signal. */
  corroboration: Record<string, { indep: number; signal: boolean }>;
  kinds: Record<string, number>;
  deadLetters: Record<string, number>;
  /** What the analysis made of each report version: independent of batch boundaries and arrival order. */
  reports: string[];
  syndicatedWithOriginal: number;
}

async function snapshot(config: Config, ruleset?: string): Promise<Snapshot> {
  const ch = await EmbeddedClickHouse.open(config.CLICKHOUSE_PATH, config.CLICKHOUSE_DATABASE);
  try {
    const rs = ruleset ?? (await ch.query<{ r: string }>('SELECT any(ruleset_version) AS r FROM reports'))[0]!.r;
    const one = async (sql: string) => Number((await ch.query<{ n: string }>(sql, { rs }))[0]?.n);
    const counts = {
      reports: await one('SELECT count() AS n FROM reports FINAL WHERE ruleset_version = {rs:String}'),
      reportVersions: await one('SELECT uniqExact(report_id, version) AS n FROM reports WHERE ruleset_version = {rs:String}'),
      reportIds: await one('SELECT uniqExact(report_id) AS n FROM reports FINAL WHERE ruleset_version = {rs:String}'),
      events: await one('SELECT count() AS n FROM report_events FINAL WHERE ruleset_version = {rs:String}'),
      storyRows: await one('SELECT count() AS n FROM stories FINAL WHERE ruleset_version = {rs:String}'),
    };
    // Which reports cross the signal threshold depends in part on corroboration (independent sources of the
    // story), and stories grow in arrival order, which differs across partitions from run to run: see
    // expectSignalsDifferOnlyByCorroboration.
    const signals = await one('SELECT count() AS n FROM signals FINAL WHERE ruleset_version = {rs:String}');
    const kinds = Object.fromEntries(
      (await ch.query<{ kind: string; n: string }>(
        'SELECT kind, count() AS n FROM stories FINAL WHERE ruleset_version = {rs:String} GROUP BY kind',
        { rs },
      )).map((r) => [r.kind, Number(r.n)]),
    );
    const deadLetters = Object.fromEntries(
      (await ch.query<{ reason: string; n: string }>('SELECT reason, count() AS n FROM dead_letters FINAL GROUP BY reason')).map((r) => [
        r.reason,
        Number(r.n),
      ]),
    );
    const rows = await ch.query<{ k: string }>(
      `SELECT concat(report_id, '/', toString(version), ' ', arrayStringConcat(event_types, ','), ' ', arrayStringConcat(actors, ','),
                     ' troops=', toString(troops), ' hedged=', toString(hedged)) AS k
       FROM reports FINAL WHERE ruleset_version = {rs:String} ORDER BY k`,
      { rs },
    );
    // A syndicated copy must sit in the same story as the report it copies (same headline, other outlet).
    const syndicatedWithOriginal = await one(
      `SELECT count() AS n
       FROM (SELECT story_id, headline FROM stories FINAL WHERE ruleset_version = {rs:String} AND kind = 'syndicated') AS copy
       INNER JOIN (SELECT story_id, headline FROM stories FINAL
                   WHERE ruleset_version = {rs:String} AND kind IN ('new_story', 'rewrite')) AS original
       ON copy.story_id = original.story_id AND copy.headline = original.headline`,
    );
    const corroborationRows = await ch.query<{ k: string; indep: number; signal: number }>(
      `SELECT concat(report_id, '/', toString(version)) AS k, independent_sources AS indep,
              (report_id, version) IN (SELECT report_id, version FROM signals FINAL WHERE ruleset_version = {rs:String}) AS signal
       FROM reports FINAL WHERE ruleset_version = {rs:String}`,
      { rs },
    );
    const corroboration = Object.fromEntries(corroborationRows.map((r) => [r.k, { indep: Number(r.indep), signal: Boolean(r.signal) }]));
    return { ruleset: rs, counts, signals, corroboration, kinds, deadLetters, reports: rows.map((r) => r.k), syndicatedWithOriginal };
  } finally {
    await ch.close();
  }
}

/**
 * Two runs over the same log may disagree on which reports are signals only where stories grew in another
 * order: a report can cross the threshold in one run only if its story's independent-source count differs.
 */
function expectSignalsDifferOnlyByCorroboration(a: Snapshot, b: Snapshot): void {
  expect(Object.keys(b.corroboration).sort()).toEqual(Object.keys(a.corroboration).sort());
  for (const [key, x] of Object.entries(a.corroboration)) {
    const y = b.corroboration[key]!;
    if (x.signal !== y.signal) expect(y.indep, `${key} is a signal in one run only, with the same corroboration`).not.toBe(x.indep);
  }
}

describe('pipeline end to end: 1,000 reports through Kafka, Temporal and ClickHouse', () => {
  const undisturbed = runConfig('e2e-calm');
  const killed = runConfig('e2e-kill');
  let calm: Snapshot;
  const logDir = mkdtempSync(join(tmpdir(), 'ww-e2e-logs-'));

  beforeAll(async () => {
    const run: RunProcess = await startRunProcess(undisturbed, join(logDir, 'calm.log'));
    try {
      await ingestAll(undisturbed);
      await eventually(() => visible(undisturbed), complete, 240_000);
    } finally {
      expect(await run.stop()).toBe(0);
    }
    calm = await snapshot(undisturbed);
  }, 400_000);

  afterAll(() => undefined);

  it('writes exact rows: every version once, repeats and dead letters accounted for, nothing lost', () => {
    expect(calm.counts.reports).toBe(expected.versions);
    expect(calm.counts.reportVersions).toBe(expected.versions);
    expect(calm.counts.reportIds).toBe(expected.reportIds);
    expect(calm.counts.storyRows).toBe(reports.length);
    expect(calm.kinds.duplicate).toBe(expected.repeats);
    expect(calm.kinds.new_version).toBe(expected.updates);
    expect(calm.kinds.syndicated).toBe(expected.syndicated);
    expect((calm.kinds.new_story ?? 0) + (calm.kinds.rewrite ?? 0)).toBe(expected.originals);
    expect(calm.syndicatedWithOriginal).toBe(expected.syndicated);
    expect(calm.deadLetters).toEqual({ invalid_envelope: 2, invalid_utf8: 1 });
    expect(calm.counts.events).toBeGreaterThan(expected.versions);
    expect(calm.signals).toBeGreaterThan(0);
  });

  it('after SIGKILL of the process hosting dispatcher and worker, and a restart, the tables equal the undisturbed run', async () => {
    let run = await startRunProcess(killed, join(logDir, 'killed.log'));
    await ingestAll(killed);
    // Kill while batches are in flight: some rows are visible, not all.
    await eventually(() => visible(killed), (v) => v.reports >= 50, 120_000);
    await run.kill();
    run = await startRunProcess(killed, join(logDir, 'killed-restart.log'));
    try {
      await eventually(() => visible(killed), complete, 240_000);
    } finally {
      await run.stop();
    }
    const after = await snapshot(killed, calm.ruleset);
    expect(after.counts).toEqual(calm.counts);
    expectSignalsDifferOnlyByCorroboration(calm, after);
    expect(after.kinds.duplicate).toBe(calm.kinds.duplicate);
    expect(after.kinds.new_version).toBe(calm.kinds.new_version);
    expect(after.kinds.syndicated).toBe(calm.kinds.syndicated);
    expect(after.deadLetters).toEqual(calm.deadLetters);
    expect(after.reports).toEqual(calm.reports);
  }, 400_000);

  it('replay re-derives the same rows under a new ruleset version beside the old, and again gives the same rows', async () => {
    const first = await replay(undisturbed, { fromOffset: 0n, ruleset: 'replay-test' });
    expect(first.messages).toBe(reports.length + MALFORMED_MESSAGES.length);
    const replayed = await snapshot(undisturbed, 'replay-test');
    expect(replayed.ruleset).toBe('replay-test');
    expect(replayed.counts).toEqual(calm.counts);
    expectSignalsDifferOnlyByCorroboration(calm, replayed);
    expect(replayed.reports).toEqual(calm.reports);

    const second = await replay(undisturbed, { fromOffset: 0n, ruleset: 'replay-test' });
    expect(second.messages).toBe(first.messages);
    expect(await snapshot(undisturbed, 'replay-test')).toEqual(replayed);
    // The live rows are untouched.
    expect(await snapshot(undisturbed, calm.ruleset)).toEqual(calm);
  }, 300_000);
});
