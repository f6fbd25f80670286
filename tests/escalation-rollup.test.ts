import { NativeConnection, Worker } from '@temporalio/worker';
import { changedDays, chTime, rollUpEscalation, type ClickHouse } from '@wirewatch/clickhouse';
import { createLogger } from '@wirewatch/log';
import { getQuery, resolveParams } from '@wirewatch/queries';
import { connectTemporal, createRollupActivities, ensureRollupSchedule, rollupScheduleId, WORKFLOWS_PATH } from '@wirewatch/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, isolatedConfig } from './helpers/config.ts';
import { migratedClickHouse } from './helpers/clickhouse.ts';

/**
 * The escalation roll-up on the embedded engine: finished counts of past days must read exactly as the hourly
 * uniq roll-ups they replace, follow late rows, never count a day twice, and run from its Temporal Schedule.
 */

const NOW = new Date('2025-03-10T15:30:00Z');
const HOUR = 3_600_000;
const RS = 'rollup-test';

let ch: ClickHouse;
let row = 0;

function event(at: number, actors: string[], targets: string[], extra: { score?: number; conflict?: string; negated?: boolean; background?: boolean; report?: string; index?: number; version?: number } = {}) {
  row += 1;
  const t = chTime(new Date(at));
  return {
    report_id: extra.report ?? `r_${row}`, version: extra.version ?? 1, ruleset_version: RS, event_index: extra.index ?? 0,
    type: 'ASSAULT', mode: '', actors, targets, quantity_value: null, quantity_unit: '', quantity_qualifier: '', troops: null,
    assertion: 'asserted', negated: extra.negated ?? false, background: extra.background ?? false, evidence: 'e', span_start: 0, span_end: 1,
    conflict: extra.conflict ?? '', score: extra.score ?? 40, story_id: 'st', source: 'wire',
    published_at: t, received_at: t, processed_at: chTime(new Date(NOW.getTime() - HOUR)),
  };
}

/**
 * Three past days and today: several pairs, a conflict, a report with two events, one in two versions, a negated event,
 * an event a report recalls from long before (background).
 */
function rows(ruleset = RS) {
  const day = (d: number, h: number) => Date.parse('2025-03-10T00:00:00Z') - d * 24 * HOUR + h * HOUR + 17 * 60_000;
  const events = [
    event(day(3, 1), ['RUS'], ['UKR'], { score: 70, conflict: 'RUS-UKR' }),
    event(day(3, 1), ['RUS'], ['UKR'], { report: 'r_two', index: 0, score: 55, conflict: 'RUS-UKR' }),
    event(day(3, 1), ['RUS'], ['UKR'], { report: 'r_two', index: 1, score: 55, conflict: 'RUS-UKR' }),
    event(day(3, 1), ['RUS'], ['UKR'], { report: 'r_two', index: 1, version: 2, score: 60, conflict: 'RUS-UKR' }),
    event(day(3, 9), ['PRK', 'RUS'], ['UKR'], { score: 80, conflict: 'RUS-UKR' }),
    event(day(2, 4), ['ISR'], ['IRN'], { score: 65, conflict: 'ISR-IRN' }),
    event(day(2, 23), ['ISR'], ['IRN'], { score: 30, conflict: 'ISR-IRN' }),
    event(day(2, 23), ['CHN'], ['TWN'], { score: 45, negated: true }),
    event(day(2, 20), ['ARM'], ['AZE'], { score: 25, background: true, conflict: 'ARM-AZE' }),
    event(day(1, 12), ['CHN'], ['TWN'], { score: 50 }),
    event(day(1, 12), ['UKR'], ['RUS'], { score: 20, conflict: 'RUS-UKR' }),
    event(day(0, 10), ['RUS'], ['UKR'], { score: 90, conflict: 'RUS-UKR' }),
    event(day(0, 14), ['IND'], ['PAK'], { score: 35 }),
  ];
  return events.map((e) => ({ ...e, ruleset_version: ruleset }));
}

async function run(name: string, given: Record<string, string | number>) {
  const query = getQuery(name)!;
  return ch.query(query.sql, resolveParams(query, given, { now: NOW, rulesetVersion: RS }));
}

/** Every escalation read over days: series per pair and conflict, the strongest pairs, over ranges that cross rolled-up days and today. */
async function allViews() {
  const until = chTime(new Date(NOW.getTime() + 60_000));
  const since = chTime(new Date(NOW.getTime() - 4 * 24 * HOUR));
  return {
    pairs: await run('pair_escalation_per_day', { since, until }),
    pairRusUkr: await run('pair_escalation_per_day', { since, until, actor: 'RUS', target: 'UKR' }),
    conflicts: await run('conflict_escalation_per_day', { since, until }),
    top1: await run('top_escalating_pairs_by_day', { until, days: 1 }),
    top2: await run('top_escalating_pairs_by_day', { until, days: 2 }),
  };
}

/** The same numbers from the hourly uniq roll-ups alone, summed into days (what the daily tables must equal). */
async function fromHourlyStates() {
  return ch.query(
    `SELECT toString(toDate(hour)) AS day, actor, target, uniqMerge(events) AS events, uniqMerge(reports) AS reports, maxMerge(max_score) AS max_score
     FROM pair_escalation_hours WHERE ruleset_version = '${RS}' AND hour < '2025-03-10 00:00:00'
     GROUP BY day, actor, target ORDER BY day, actor, target`,
  );
}

describe('escalation roll-up', () => {
  let beforeRollup: Awaited<ReturnType<typeof allViews>>;

  beforeAll(async () => {
    ch = await migratedClickHouse('rollup');
    await ch.insert('report_events', rows());
    beforeRollup = await allViews();
  });
  afterAll(async () => {
    await ch?.close();
  });

  it('reads the hourly roll-ups alone before anything is rolled up', () => {
    const pairs = beforeRollup.pairs as { bucket: string; actor: string; target: string; events: string; reports: string; max_score: number }[];
    // The day of r_two: four distinct events (r_two#1, in two versions, counts once) in three reports.
    expect(pairs.find((p) => p.actor === 'RUS' && p.target === 'UKR' && p.bucket.startsWith('2025-03-07'))).toMatchObject({ events: '4', reports: '3', max_score: 80 });
    // A negated event is not counted.
    expect(pairs.some((p) => p.actor === 'CHN' && p.bucket.startsWith('2025-03-08'))).toBe(false);
    // Nor is an event the report dates well before its news.
    expect(pairs.some((p) => p.actor === 'ARM')).toBe(false);
    expect(beforeRollup.conflicts.some((c) => (c as { conflict: string }).conflict === 'ARM-AZE')).toBe(false);
    expect(beforeRollup.top1).toEqual([
      expect.objectContaining({ actor: 'RUS', target: 'UKR', events_in_window: '1', events_before: '0', top_score: 90 }),
      expect.objectContaining({ actor: 'IND', target: 'PAK', events_in_window: '1' }),
    ]);
    expect(beforeRollup.conflicts).toContainEqual(expect.objectContaining({ conflict: 'ISR-IRN', bucket: '2025-03-08 00:00:00', events: '2', max_score: 65 }));
  });

  it('rolls up changed past days oldest first, a few at a time, and reads the same numbers from them', async () => {
    expect((await changedDays(ch, NOW)).map((d) => d.day)).toEqual(['2025-03-07', '2025-03-08', '2025-03-09']);
    const first = await rollUpEscalation(ch, { now: NOW, maxDays: 2 });
    expect(first).toEqual({ rolled: [`${RS}/2025-03-07`, `${RS}/2025-03-08`], pending: 1 });
    // Half rolled up: the rolled days from the daily tables, the rest from the hourly roll-ups.
    expect(await allViews()).toEqual(beforeRollup);
    expect(await rollUpEscalation(ch, { now: NOW, maxDays: 2 })).toEqual({ rolled: [`${RS}/2025-03-09`], pending: 0 });
    expect(await allViews()).toEqual(beforeRollup);
    // Today is never rolled up; nothing has changed, so a further run does nothing.
    expect(await rollUpEscalation(ch, { now: NOW, maxDays: 10 })).toEqual({ rolled: [], pending: 0 });
    const daily = await ch.query(
      `SELECT toString(day) AS day, actor, target, events, reports, max_score FROM pair_escalation_daily FINAL WHERE ruleset_version = '${RS}' ORDER BY day, actor, target`,
    );
    expect(daily.map((r) => ({ ...r, events: String(r.events), reports: String(r.reports) }))).toEqual(
      (await fromHourlyStates()).map((r) => ({ ...r, events: String(r.events), reports: String(r.reports) })),
    );
  });

  it('recomputes a rolled-up day when a late report lands in it, and once only', async () => {
    await ch.insert('report_events', [{ ...event(Date.parse('2025-03-08T04:40:00Z'), ['ISR'], ['IRN'], { score: 95, conflict: 'ISR-IRN' }), processed_at: chTime(NOW) }]);
    expect((await changedDays(ch, NOW)).map((d) => d.day)).toEqual(['2025-03-08']);
    expect(await rollUpEscalation(ch, { now: NOW, maxDays: 10 })).toEqual({ rolled: [`${RS}/2025-03-08`], pending: 0 });
    const day = await run('pair_escalation_per_day', { since: '2025-03-08 00:00:00.000', until: '2025-03-08 23:59:59.000', actor: 'ISR' });
    expect(day).toEqual([expect.objectContaining({ actor: 'ISR', target: 'IRN', events: '3', reports: '3', max_score: 95 })]);
    const conflict = await run('conflict_escalation_per_day', { since: '2025-03-08 00:00:00.000', until: '2025-03-08 23:59:59.000', conflict: 'ISR-IRN' });
    expect(conflict).toEqual([expect.objectContaining({ conflict: 'ISR-IRN', events: '3', max_score: 95 })]);
    // The older computation of that day stays stored until a merge; FINAL reads the newer one only.
    expect(await rollUpEscalation(ch, { now: NOW, maxDays: 10 })).toEqual({ rolled: [], pending: 0 });
  });

  it('ignores daily rows beyond the newest recorded day (a run that died before recording them)', async () => {
    const since = '2025-03-09 00:00:00.000';
    const before = await run('pair_escalation_per_day', { since, until: chTime(NOW) });
    await ch.insert('pair_escalation_daily', [
      { ruleset_version: RS, day: '2025-03-10', actor: 'RUS', target: 'UKR', events: 99, reports: 99, max_score: 99, computed_at: chTime(NOW) },
    ]);
    expect(await run('pair_escalation_per_day', { since, until: chTime(NOW) })).toEqual(before);
  });

  it('runs from its Temporal Schedule on the worker', async () => {
    // Rows of a ruleset of its own in the same engine (one embedded data directory per process).
    const ruleset = 'rollup-schedule-test';
    await ch.insert('report_events', rows(ruleset));
    const config = isolatedConfig('rollup');
    const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
    const client = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
    const schedule = client.schedule.getHandle(rollupScheduleId(config.TEMPORAL_TASK_QUEUE));
    try {
      const worker = await Worker.create({
        connection,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowsPath: WORKFLOWS_PATH,
        // One day per step: the workflow loops over steps until nothing is pending.
        activities: createRollupActivities({ clickhouse: ch, daysPerStep: 1, log: createLogger('rollup-test', 'error'), now: () => NOW }),
      });
      await worker.runUntil(async () => {
        await ensureRollupSchedule(client, config.TEMPORAL_TASK_QUEUE, 2);
        const rolled = await eventually(
          () => ch.query<{ day: string }>(`SELECT toString(day) AS day FROM escalation_rollups FINAL WHERE ruleset_version = '${ruleset}' ORDER BY day`),
          (r) => r.length === 3,
          60_000,
        );
        expect(rolled.map((r) => r.day)).toEqual(['2025-03-07', '2025-03-08', '2025-03-09']);
        expect((await schedule.describe()).action).toMatchObject({ workflowType: 'rollUpEscalationCounts' });
      });
    } finally {
      await schedule.delete().catch(() => undefined);
      await client.connection.close();
      await connection.close();
    }
  });
});
