import { readFileSync } from 'node:fs';
import { RULESET_VERSION } from '@wirewatch/analysis';
import { rollUpEscalation } from '@wirewatch/clickhouse';
import { ANALYST_DOC_PATH, QUERIES, getQuery, renderAnalystDoc, resolveParams, type GivenParams } from '@wirewatch/queries';
import { startRuntime, type Runtime } from '@wirewatch/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedStack } from './analyst-queries-fixture.ts';
import { isolatedConfig } from './helpers/config.ts';
import { repoPath } from './helpers/paths.ts';

type Row = Record<string, unknown>;

// A second outlet's own account of the demo's Belarus build-up: same story, independent source.
const INDEPENDENT_REWRITE = {
  source: 'steppe-courier',
  source_id: 'sc-101',
  published_at: '2026-11-20T08:15:00Z',
  headline: 'Belarus sends about 6,000 troops and tanks toward Lithuanian border',
  body:
    'Belarusian units numbering about 6,000 troops, backed by dozens of tanks, have moved toward the border with Lithuania, ' +
    'officials in Vilnius said on Friday. Lithuania called the deployment near Hrodna the largest this year; Minsk said it was an exercise.',
  language: 'en',
};

// Publication windows wide enough for the seed (2024) and the demo reports (2026).
const PUBLISHED = { since: '2024-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' };

describe('analyst queries on the real pipeline (embedded ClickHouse)', () => {
  const config = isolatedConfig('analyst');
  let runtime: Runtime;
  let seedId: string;
  const results = new Map<string, Row[]>();
  const skipped: string[] = [];

  /** Runs a catalogue query as the dashboard API does: defaults resolved against now and the running ruleset. */
  async function run(name: string, given: GivenParams = {}): Promise<Row[]> {
    const query = getQuery(name)!;
    const known = Object.fromEntries(Object.entries({ ...PUBLISHED, ...given }).filter(([k]) => k in query.params));
    return runtime.clickhouse!.query<Row>(query.sql, resolveParams(query, known, { now: new Date(), rulesetVersion: RULESET_VERSION }));
  }

  beforeAll(async () => {
    runtime = await startRuntime(config, { components: ['ingest', 'dispatcher', 'worker'] });
    ({ seedId } = await feedStack(runtime, config, [INDEPENDENT_REWRITE]));
    const until = new Date(Date.now() + 60_000).toISOString();
    const tables = new Set((await runtime.clickhouse!.query<{ name: string }>('SELECT name FROM system.tables WHERE database = currentDatabase()')).map((t) => t.name));
    for (const q of QUERIES) {
      // Optional parts (alerting) bring their own tables; their queries run when those are migrated.
      if ('requiresTable' in q && !tables.has(q.requiresTable)) {
        skipped.push(q.name);
        continue;
      }
      const given: GivenParams = { until };
      // Pair windows are counted back from `until`; reach back to the seed's day.
      if (q.name === 'top_escalating_pairs') Object.assign(given, { until: PUBLISHED.until, hours: 24 * 1000 });
      if (q.name === 'top_escalating_pairs_by_day') given.days = 2000;
      if (q.name === 'escalation_of_pairs_per_day' || q.name === 'escalation_of_pairs_per_hour') given.pairs = ['PRK>RUS', 'XXX>YYY'];
      if (q.name === 'report_events_of') given.report_ids = seedId;
      results.set(q.name, await run(q.name, given));
    }
  }, 240_000);
  afterAll(async () => {
    await runtime?.stop();
  });

  it('runs every query in the catalogue', () => {
    expect([...results.keys(), ...skipped].sort()).toEqual(QUERIES.map((q) => q.name).sort());
    expect(skipped.filter((name) => !('requiresTable' in getQuery(name)!))).toEqual([]);
  });

  it('top_escalating_pairs: the seed makes PRK → RUS a pair, with events and a score', () => {
    const rows = results.get('top_escalating_pairs')!;
    const pair = rows.find((r) => r.actor === 'PRK' && r.target === 'RUS');
    expect(pair).toBeDefined();
    expect(Number(pair!.events_in_window)).toBeGreaterThan(0);
    expect(Number(pair!.top_score)).toBeGreaterThan(0);
  });

  it('troop_deployment_claims: the seed’s 10,000 North Korean troops, alleged, with the evidence sentence', () => {
    const rows = results.get('troop_deployment_claims')!;
    const seedClaim = rows.find((r) => r.report_id === seedId);
    expect(seedClaim).toMatchObject({ troops: 10000, actors: expect.stringContaining('PRK') });
    expect(['alleged', 'unconfirmed']).toContain(seedClaim!.assertion);
    expect(String(seedClaim!.evidence)).toMatch(/troops|soldiers/i);
    // The Belarus build-up from the demo is a claim too (about 6,000).
    expect(rows.some((r) => r.troops === 6000 && r.qualifier === 'about')).toBe(true);
  });

  it('stories_by_independent_sources: the Belarus build-up has independent sources and a syndicated copy', () => {
    const rows = results.get('stories_by_independent_sources')!;
    const top = rows[0]!;
    expect(String(top.headline)).toMatch(/Belarus|Lithuania/);
    expect(Number(top.independent_sources)).toBeGreaterThanOrEqual(2);
    expect(Number(top.syndicated_copies)).toBeGreaterThanOrEqual(1);
    expect(Number(top.reports)).toBe(3);
    expect(new Date(String(top.first_seen) + 'Z').getTime()).toBeLessThanOrEqual(new Date(String(top.last_updated) + 'Z').getTime());
  });

  it('story_reports lists a story’s reports with how each joined', async () => {
    const story = results.get('stories_by_independent_sources')![0]!;
    const rows = await run('story_reports', { story_id: String(story.story_id) });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.kind)).toContain('syndicated');
  });

  it('ingest_to_visible_lag: percentiles over every report written, in order', () => {
    const [lag] = results.get('ingest_to_visible_lag')!;
    expect(Number(lag!.reports)).toBeGreaterThanOrEqual(8);
    expect(Number(lag!.p50_ms)).toBeGreaterThan(0);
    expect(Number(lag!.p50_ms)).toBeLessThanOrEqual(Number(lag!.p95_ms));
    expect(Number(lag!.p95_ms)).toBeLessThanOrEqual(Number(lag!.max_ms));
    expect(Number(lag!.max_ms)).toBeLessThan(120_000);
  });

  it('dead_letters_by_reason and recent_dead_letters: the message that was not an envelope', () => {
    expect(results.get('dead_letters_by_reason')).toEqual([
      expect.objectContaining({ reason: 'invalid_envelope', step: 'workflow.decode', letters: '1' }),
    ]);
    expect(results.get('recent_dead_letters')![0]).toMatchObject({ reason: 'invalid_envelope', report_id: 'r_not_a_report' });
  });

  it('escalation_of_pairs_per_hour: the named pairs only, as the strongest-pairs series gives them', () => {
    const named = results.get('escalation_of_pairs_per_hour')!;
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual(results.get('pair_escalation_per_hour')!.filter((r) => r.actor === 'PRK' && r.target === 'RUS'));
  });

  it('conflict and pair escalation per hour come from the roll-ups, hour by hour', () => {
    const pairs = results.get('pair_escalation_per_hour')!;
    expect(pairs.some((r) => r.actor === 'PRK' && r.target === 'RUS' && String(r.bucket).startsWith('2024-10-2'))).toBe(true);
    for (const r of pairs) expect(Number(r.events)).toBeGreaterThan(0);
    const conflicts = results.get('conflict_escalation_per_hour')!;
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.some((r) => r.conflict === 'RUS-UKR')).toBe(true);
  });

  it('escalation per day and the strongest pairs by day read the same before and after the daily roll-up', async () => {
    const daily = ['pair_escalation_per_day', 'conflict_escalation_per_day', 'top_escalating_pairs_by_day', 'escalation_of_pairs_per_day'] as const;
    expect(results.get('pair_escalation_per_day')).toContainEqual(expect.objectContaining({ actor: 'PRK', target: 'RUS' }));
    expect(results.get('conflict_escalation_per_day')).toContainEqual(expect.objectContaining({ conflict: 'RUS-UKR' }));
    expect(results.get('top_escalating_pairs_by_day')).toContainEqual(expect.objectContaining({ actor: 'PRK', target: 'RUS' }));
    // The named pairs only, with the same days and numbers as the strongest-pairs series gives for them.
    const named = results.get('escalation_of_pairs_per_day')!;
    expect(new Set(named.map((r) => `${String(r.actor)}>${String(r.target)}`))).toEqual(new Set(['PRK>RUS']));
    expect(named).toEqual(results.get('pair_escalation_per_day')!.filter((r) => r.actor === 'PRK' && r.target === 'RUS'));
    const rolled = await rollUpEscalation(runtime.clickhouse!, { now: new Date(), maxDays: 5000 });
    expect(rolled.rolled.length).toBeGreaterThan(0);
    for (const name of daily) {
      const given: GivenParams = {
        until: new Date(Date.now() + 60_000).toISOString(),
        ...(name === 'top_escalating_pairs_by_day' ? { days: 2000 } : {}),
        ...(name === 'escalation_of_pairs_per_day' ? { pairs: ['PRK>RUS', 'XXX>YYY'] } : {}),
      };
      expect(await run(name, given), name).toEqual(results.get(name));
    }
  });

  it('assertion_per_actor: PRK has alleged events; the counts add up', () => {
    const rows = results.get('assertion_per_actor')!;
    const prk = rows.find((r) => r.actor === 'PRK');
    expect(Number(prk!.alleged)).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Number(r.asserted) + Number(r.alleged) + Number(r.denied) + Number(r.unconfirmed)).toBe(Number(r.events));
    }
  });

  it('syndication_per_source: a source republished the Belarus wire copy; ratios are copies over reports', () => {
    const rows = results.get('syndication_per_source')!;
    const copying = rows.filter((r) => Number(r.syndicated_copies) > 0);
    expect(copying.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r.syndication_ratio)).toBeCloseTo(Number(r.syndicated_copies) / Number(r.reports), 3);
    // Which of the two identical wire copies counts as the original depends on processing order.
    expect(copying.map((r) => r.source)).toEqual([expect.stringMatching(/^(demo-wire|harbour-times)$/)]);
  });

  it('updated_reports: the corrected drone-strike report, first and latest headline', () => {
    expect(results.get('updated_reports')).toEqual([
      expect.objectContaining({ latest_version: 2, versions: '2', first_headline: expect.stringMatching(/two killed/), latest_headline: expect.stringMatching(/three killed/) }),
    ]);
  });

  it('events_by_ruleset_version: the running ruleset found MOBILIZE events', () => {
    const rows = results.get('events_by_ruleset_version')!;
    expect(rows.every((r) => r.ruleset_version === RULESET_VERSION)).toBe(true);
    expect(rows.find((r) => r.type === 'MOBILIZE')).toBeDefined();
  });

  it('latest_signals and report_events_of: the seed is a signal, its events carry evidence and assertion', () => {
    const signal = results.get('latest_signals')!.find((r) => r.report_id === seedId);
    expect(signal).toMatchObject({ actors: expect.arrayContaining(['PRK', 'RUS']), troops: 10000, hedged: true });
    expect(JSON.parse(String(signal!.score_contributions))).toEqual(expect.arrayContaining([expect.objectContaining({ factor: expect.any(String) })]));
    const events = results.get('report_events_of')!;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.report_id === seedId && String(e.evidence).length > 0)).toBe(true);
  });

  it('throughput_per_minute counts the reports just processed', () => {
    const rows = results.get('throughput_per_minute')!;
    expect(rows.reduce((n, r) => n + Number(r.reports), 0)).toBeGreaterThanOrEqual(8);
  });

  it(`${ANALYST_DOC_PATH} is generated from the catalogue and up to date (npm run doc -w @wirewatch/queries)`, () => {
    expect(readFileSync(repoPath(ANALYST_DOC_PATH), 'utf8')).toBe(renderAnalystDoc());
  });
});
