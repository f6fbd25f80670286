import { chTime, type ClickHouse } from './port.ts';

/**
 * The escalation roll-up: finishes the numbers of whole past days into `pair_escalation_daily` and
 * `conflict_escalation_daily` (migration 009), so that a month or a year of escalation is read as a few
 * thousand plain rows instead of merging hundreds of thousands of hourly uniq states.
 *
 * Each run compares, per ruleset and day before today (UTC), what report_events holds now (row count and
 * latest processed_at) with what it held when the day was last rolled up, and recomputes the days that
 * differ, oldest first. A day is recomputed whole from report_events, counting as the hourly roll-ups do
 * (distinct events and reports, top score, negated and background events left out), then recorded in `escalation_rollups`.
 * Readers take the days up to the newest recorded one from the daily tables and later days from the hourly
 * roll-ups, so a run that dies midway leaves its days to the hourly roll-ups (unrecorded) or to their earlier
 * numbers (recorded with the earlier fingerprint, recomputed by the next run): never counted twice.
 */
export interface RollupOptions {
  /** Days before this time's UTC day are rolled up; today stays with the hourly roll-ups. */
  now: Date;
  /** Days recomputed in this call at most; the rest are left for the next (`pending`). */
  maxDays: number;
}

export interface RollupResult {
  /** Days recomputed, as `ruleset_version/YYYY-MM-DD`, oldest first. */
  rolled: string[];
  /** Changed days left for a later call. */
  pending: number;
}

interface DayState {
  ruleset_version: string;
  day: string;
  source_rows: string;
  last_processed_at: string;
}

const DAY_MS = 86_400_000;

/** The daily tables the roll-up fills: grouping columns and row filter of each (as their hourly roll-ups). */
const TARGETS = [
  {
    table: 'pair_escalation_daily',
    keys: 'actor, target',
    from: 'report_events ARRAY JOIN actors AS actor ARRAY JOIN targets AS target',
    where: 'NOT negated AND NOT background',
  },
  { table: 'conflict_escalation_daily', keys: 'conflict', from: 'report_events', where: "conflict != '' AND NOT negated AND NOT background" },
] as const;

/** Which ruleset days changed since they were last rolled up (or never were), oldest first. */
export async function changedDays(ch: ClickHouse, now: Date): Promise<DayState[]> {
  const before = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const current = await ch.query<DayState>(
    `SELECT ruleset_version, toString(toDate(published_at)) AS day, count() AS source_rows,
            toString(max(processed_at)) AS last_processed_at
     FROM report_events
     WHERE published_at < {before:DateTime64(3, 'UTC')}
     GROUP BY ruleset_version, day`,
    { before: chTime(before) },
  );
  const recorded = await ch.query<DayState>(
    `SELECT ruleset_version, toString(day) AS day, source_rows, toString(last_processed_at) AS last_processed_at
     FROM escalation_rollups FINAL`,
  );
  const seen = new Map(recorded.map((r) => [`${r.ruleset_version}/${r.day}`, `${r.source_rows}/${r.last_processed_at}`]));
  return current
    .filter((c) => seen.get(`${c.ruleset_version}/${c.day}`) !== `${c.source_rows}/${c.last_processed_at}`)
    .sort((a, b) => (a.day === b.day ? a.ruleset_version.localeCompare(b.ruleset_version) : a.day < b.day ? -1 : 1));
}

/** Recomputes the escalation counts of the days that changed (at most `maxDays` of them) and records them. */
export async function rollUpEscalation(ch: ClickHouse, options: RollupOptions): Promise<RollupResult> {
  const changed = await changedDays(ch, options.now);
  const batch = changed.slice(0, Math.max(0, options.maxDays));
  const byRuleset = new Map<string, DayState[]>();
  for (const d of batch) byRuleset.set(d.ruleset_version, [...(byRuleset.get(d.ruleset_version) ?? []), d]);

  for (const [rulesetVersion, days] of byRuleset) {
    const dates = days.map((d) => d.day).sort();
    const params = {
      ruleset_version: rulesetVersion,
      days: dates,
      // The partitions to read: published_at bounds let ClickHouse skip the months outside them.
      from: `${dates[0]!} 00:00:00.000`,
      until: chTime(new Date(Date.parse(`${dates.at(-1)!}T00:00:00Z`) + DAY_MS)),
    };
    for (const t of TARGETS) {
      await ch.exec(
        `INSERT INTO ${t.table}
         SELECT ruleset_version, toDate(published_at) AS day, ${t.keys},
                uniqExact(report_id, event_index) AS events, uniqExact(report_id) AS reports, max(score) AS max_score,
                now64(3, 'UTC') AS computed_at
         FROM ${t.from}
         WHERE ruleset_version = {ruleset_version:String}
           AND published_at >= {from:DateTime64(3, 'UTC')} AND published_at < {until:DateTime64(3, 'UTC')}
           AND has({days:Array(Date)}, toDate(published_at))
           AND ${t.where}
         GROUP BY ruleset_version, day, ${t.keys}`,
        params,
      );
    }
    const computedAt = chTime(new Date());
    await ch.insert(
      'escalation_rollups',
      days.map((d) => ({ ...d, computed_at: computedAt })),
    );
  }
  return { rolled: batch.map((d) => `${d.ruleset_version}/${d.day}`), pending: changed.length - batch.length };
}
