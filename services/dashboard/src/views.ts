import type { ClickHouse } from '@wirewatch/clickhouse';
import { getQuery, resolveParams, type GivenParams, type QueryName } from '@wirewatch/queries';
import type { HealthProbes } from './health.ts';

type Row = Record<string, unknown>;

/** The time ranges views offer, as hours back from now. */
export const RANGES = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24, '1y': 365 * 24, all: null } as const;
export type RangeName = keyof typeof RANGES;
/** How far back 'all' reaches where a query needs a length: twenty years. */
const ALL_HOURS = 20 * 365 * 24;

export function parseRange(text: unknown, fallback: RangeName): RangeName {
  return typeof text === 'string' && Object.hasOwn(RANGES, text) ? (text as RangeName) : fallback;
}

/** The [since, until] window of a range, as ISO-8601 times. `until` reaches a minute ahead for clock skew. */
export function windowOf(range: RangeName, now: Date): { since: string; until: string } {
  const hours = RANGES[range];
  const since = hours === null ? new Date(0) : new Date(now.getTime() - hours * 3_600_000);
  return { since: since.toISOString(), until: new Date(now.getTime() + 60_000).toISOString() };
}

/** ClickHouse's `YYYY-MM-DD hh:mm:ss[.sss]` (UTC) as epoch seconds. */
export const epochSeconds = (text: unknown): number => Date.parse(`${String(text).replace(' ', 'T')}Z`) / 1000;

export interface SeriesSet {
  /** Bucket starts, as epoch seconds, ascending. */
  x: number[];
  series: { label: string; max_score: (number | null)[]; events: (number | null)[]; peak: number }[];
}

/**
 * Pivots roll-up rows (one per bucket and key) into aligned chart series: one per key (pair or conflict), the strongest
 * `max` keys by peak score, with gaps (null) in hours a key has no events.
 */
export function toSeries(rows: readonly Row[], keyOf: (row: Row) => string, max = 8): SeriesSet {
  const hours = [...new Set(rows.map((r) => epochSeconds(r.bucket)))].sort((a, b) => a - b);
  const index = new Map(hours.map((h, i) => [h, i]));
  const byKey = new Map<string, { max_score: (number | null)[]; events: (number | null)[]; peak: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    let s = byKey.get(key);
    if (!s) {
      s = { max_score: hours.map(() => null), events: hours.map(() => null), peak: 0 };
      byKey.set(key, s);
    }
    const i = index.get(epochSeconds(row.bucket))!;
    const score = Number(row.max_score);
    s.max_score[i] = score;
    s.events[i] = Number(row.events);
    s.peak = Math.max(s.peak, score);
  }
  const series = [...byKey.entries()]
    .map(([label, s]) => ({ label, ...s }))
    .sort((a, b) => b.peak - a.peak || a.label.localeCompare(b.label))
    .slice(0, max);
  return { x: hours, series };
}

export interface ScoreContribution {
  factor: string;
  points: number;
  detail?: string;
}

/** score_contributions is JSON written by the pipeline; a row that cannot be read shows no contributions. */
export function parseContributions(text: unknown): ScoreContribution[] {
  try {
    const parsed = JSON.parse(String(text)) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null && typeof (c as Row).factor === 'string')
      .map((c) => ({ factor: String(c.factor), points: Number(c.points) || 0, ...(c.detail !== undefined ? { detail: String(c.detail) } : {}) }));
  } catch {
    return [];
  }
}

/** What the alerts panel can do besides reading: acknowledge and resolve through the alert workflows. */
export interface AlertActions {
  act(alertId: string, action: 'ack' | 'resolve', by: string, note?: string): Promise<unknown>;
}

export interface ViewDeps {
  clickhouse: ClickHouse;
  rulesetVersion: string;
  signalMinScore: number;
  health: HealthProbes;
  alerts: AlertActions | null;
  now?: () => Date;
}

/** The dashboard's views, each a few catalogue queries shaped for the page. */
export function createViews(deps: ViewDeps) {
  const now = deps.now ?? (() => new Date());
  let alertTableSeen = false;

  function run(name: QueryName, given: GivenParams = {}): Promise<Row[]> {
    const query = getQuery(name)!;
    const params = resolveParams(query, given, { now: now(), rulesetVersion: deps.rulesetVersion });
    return deps.clickhouse.query<Row>(query.sql, params);
  }

  /** Runs a probe; its failure is shown in its panel instead of failing the view. */
  async function settle<T>(probe: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
    try {
      return { ok: true, value: await probe() };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }

  async function alertsInstalled(): Promise<boolean> {
    if (alertTableSeen) return true;
    const rows = await deps.clickhouse.query<{ n: string }>(
      "SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = 'alert_events'",
    );
    alertTableSeen = Number(rows[0]?.n ?? 0) > 0;
    return alertTableSeen;
  }

  return {
    run,

    async feed(range: RangeName) {
      const signals = await run('latest_signals', { ...windowOf(range, now()), limit: 50 });
      const ids = [...new Set(signals.map((s) => String(s.report_id)))];
      const events = ids.length > 0 ? await run('report_events_of', { report_ids: ids }) : [];
      const eventsOf = new Map<string, Row[]>();
      for (const e of events) {
        const key = `${String(e.report_id)}#${String(e.version)}`;
        eventsOf.set(key, [...(eventsOf.get(key) ?? []), e]);
      }
      return {
        range,
        signalMinScore: deps.signalMinScore,
        signals: signals.map((s) => ({
          ...s,
          score_contributions: parseContributions(s.score_contributions),
          events: eventsOf.get(`${String(s.report_id)}#${String(s.version)}`) ?? [],
        })),
      };
    },

    async escalation(range: RangeName, filter: { actor?: string; target?: string; conflict?: string }) {
      const window = windowOf(range, now());
      // 'all' compares against a window as long again before it, which must stay within DateTime's range (1970+).
      const hours = RANGES[range] ?? ALL_HOURS;
      // Hourly points up to a week (from the hourly roll-ups); days beyond, from the finished daily counts.
      const daily = hours > 7 * 24;
      // The strongest pairs of a week or more, window against window, by whole days (the daily counts).
      const topByDay = hours >= 7 * 24;
      const bucket_hours = daily ? 24 : 1;
      const pairFilter = { actor: filter.actor ?? '', target: filter.target ?? '' };
      const topPairs = () =>
        topByDay
          ? run('top_escalating_pairs_by_day', { until: window.until, days: Math.ceil(hours / 24), limit: 10 })
          : run('top_escalating_pairs', { until: window.until, hours, limit: 10 });
      const seriesOf = (named: string[]) =>
        named.length === 0
          ? Promise.resolve([])
          : daily
            ? run('escalation_of_pairs_per_day', { ...window, pairs: named })
            : run('escalation_of_pairs_per_hour', { ...window, pairs: named, bucket_hours });
      /** The top-pairs table and the chart's pair series. */
      const topAndPairSeries = async (): Promise<readonly [Row[], Row[]]> => {
        const { actor, target } = pairFilter;
        // One pair named in full: its series alone.
        if (actor !== '' && target !== '') return Promise.all([topPairs(), seriesOf([`${actor}>${target}`])]);
        // One side named: the strongest pairs with it.
        if (actor !== '' || target !== '') {
          return Promise.all([
            topPairs(),
            daily
              ? run('pair_escalation_per_day', { ...window, ...pairFilter, top: 8 })
              : run('pair_escalation_per_hour', { ...window, ...pairFilter, bucket_hours, top: 8 }),
          ]);
        }
        // No filter: the chart shows the strongest pairs of the table, so the roll-ups are read once, for those pairs.
        const top = await topPairs();
        return [top, await seriesOf(top.slice(0, 8).map((p) => `${String(p.actor)}>${String(p.target)}`))];
      };
      const [[top, pairs], conflicts] = await Promise.all([
        topAndPairSeries(),
        daily
          ? run('conflict_escalation_per_day', { ...window, conflict: filter.conflict ?? '', top: 8 })
          : run('conflict_escalation_per_hour', { ...window, conflict: filter.conflict ?? '', bucket_hours, top: 8 }),
      ]);
      return {
        range,
        bucketHours: bucket_hours,
        pairs: toSeries(pairs, (r) => `${String(r.actor)} → ${String(r.target)}`),
        conflicts: toSeries(conflicts, (r) => String(r.conflict)),
        top,
      };
    },

    async stories(range: RangeName) {
      return { range, stories: await run('stories_by_independent_sources', { ...windowOf(range, now()), limit: 50 }) };
    },

    async story(storyId: string) {
      return { story_id: storyId, reports: await run('story_reports', { story_id: storyId }) };
    },

    async alerts(range: RangeName) {
      if (!(await alertsInstalled())) return { configured: false as const, actions: false, alerts: [] };
      const alerts = await run('alerts_latest', { since: windowOf(range, now()).since, limit: 50 });
      return { configured: true as const, actions: deps.alerts !== null, alerts };
    },

    async health(range: RangeName) {
      const window = windowOf(range, now());
      const lastHour = windowOf('24h', now());
      const [throughput, lag, deadLetters, recentDeadLetters, consumerLag, failedWorkflows] = await Promise.all([
        settle(() => run('throughput_per_minute', { since: new Date(now().getTime() - 3_600_000).toISOString(), until: lastHour.until, min_score: deps.signalMinScore })),
        settle(() => run('ingest_to_visible_lag', window)),
        settle(() => run('dead_letters_by_reason', window)),
        settle(() => run('recent_dead_letters', { ...window, limit: 10 })),
        settle(() => deps.health.consumerLag()),
        settle(() => deps.health.failedWorkflows()),
      ]);
      return { range, throughput, lag, deadLetters, recentDeadLetters, consumerLag, failedWorkflows };
    },
  };
}

export type Views = ReturnType<typeof createViews>;
