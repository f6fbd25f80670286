import { readFileSync } from 'node:fs';
import { startRuntime, type Runtime } from '@wirewatch/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, isolatedConfig } from './helpers/config.ts';
import { postReport } from './helpers/ingest.ts';
import { sharedPath } from './helpers/paths.ts';

const seed = JSON.parse(readFileSync(sharedPath('samples', 'seed-north-korea-troops.json'), 'utf8')) as Record<string, unknown>;

describe('walking skeleton: HTTP → Kafka → Temporal → ClickHouse', () => {
  const config = isolatedConfig('skeleton');
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startRuntime(config, { components: ['ingest', 'dispatcher', 'worker'] });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('lands the seed report in ClickHouse, analysed, and answers `wirewatch sql` through the runtime', async () => {
    const reportId = (await postReport(runtime.ingestUrl!, seed)).report_id;
    expect(reportId).toMatch(/^r_[0-9a-f]{16}$/);

    const ch = runtime.clickhouse!;
    const rows = await eventually(
      () => ch.query<{ report_id: string; source: string; event_types: string[]; actors: string[]; troops: number | null; hedged: boolean; escalation_score: number }>(
        'SELECT report_id, source, event_types, actors, troops, hedged, escalation_score FROM reports FINAL WHERE report_id = {id:String}',
        { id: reportId! },
      ),
      (r) => r.length === 1,
    );
    expect(rows[0]).toMatchObject({ report_id: reportId, source: seed.source });
    expect(rows[0]!.event_types).toContain('MOBILIZE');
    expect(rows[0]!.actors).toEqual(expect.arrayContaining(['PRK', 'RUS']));
    expect(rows[0]!.troops).toBe(10000);
    expect(rows[0]!.hedged).toBe(true);

    const events = await ch.query<{ type: string; actors: string[]; targets: string[] }>(
      "SELECT type, actors, targets FROM report_events FINAL WHERE report_id = {id:String} AND type = 'MOBILIZE'",
      { id: reportId! },
    );
    expect(events.some((e) => e.actors.includes('PRK') && e.targets.includes('RUS'))).toBe(true);

    // Another process reads the same rows through the runtime's control endpoint, as `wirewatch sql` does.
    const viaControl = await fetch(`http://${config.RUNTIME_HOST}:${config.RUNTIME_PORT}/v1/sql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'SELECT count() AS n FROM reports WHERE report_id = {id:String}', params: { id: reportId } }),
    });
    expect(((await viaControl.json()) as { rows: { n: string }[] }).rows[0]!.n).toBe('1');
  });
});

describe('ingest in a process of its own, beside the process that holds the embedded ClickHouse', () => {
  const config = isolatedConfig('split-ingest');
  let pipeline: Runtime;
  let ingest: Runtime;

  beforeAll(async () => {
    pipeline = await startRuntime(config, { components: ['dispatcher', 'worker'] });
    // As `wirewatch run --only ingest` would start it: same topics, its own ports, and no ClickHouse at all.
    ingest = await startRuntime({ ...config, RUNTIME_PORT: config.RUNTIME_PORT + 1 }, { components: ['ingest'] });
  });
  afterAll(async () => {
    await ingest?.stop();
    await pipeline?.stop();
  });

  it('never opens the chDB folder, and what it accepts reaches the other process’s read models', async () => {
    expect(ingest.clickhouse).toBeNull();
    const reportId = (await postReport(ingest.ingestUrl!, { ...seed, source_id: `${String(seed.source_id)}-split` })).report_id;
    const rows = await eventually(
      () => pipeline.clickhouse!.query<{ troops: number | null }>('SELECT troops FROM reports FINAL WHERE report_id = {id:String}', { id: reportId }),
      (r) => r.length === 1,
    );
    expect(rows[0]!.troops).toBe(10000);
  });
});
