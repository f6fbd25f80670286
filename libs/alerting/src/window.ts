import type { CountRule, PairSurgeRule, SequenceRule, WindowEvents, WindowRule } from './schema.ts';
import type { AlertMatch } from './types.ts';

/**
 * Window rules look at many reports at once, so they run as ClickHouse queries over `report_events`
 * (on a schedule) rather than on one report. This module only builds the SQL and reads its rows: the
 * caller runs the query. Stories, not reports, are counted, so five syndicated copies count once.
 */

export type WindowParams = Record<string, string | number | readonly string[]>;

export interface WindowQuery {
  sql: string;
  params: WindowParams;
  /** Turns the query's rows into matches. */
  toMatches(rows: Record<string, unknown>[]): AlertMatch[];
}

/** The events a window rule counts: reported now, neither negated nor recalled from well before the news. */
const COUNTED = 'NOT negated AND NOT background';

/** `2024-10-21 06:00:00.000`: ClickHouse DateTime64 text for a parameter. */
const chTime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

function eventFilter(prefix: string, events: WindowEvents, params: WindowParams): string {
  params[`${prefix}_types`] = events.types;
  let sql = `type IN {${prefix}_types:Array(String)}`;
  if (events.modes) {
    params[`${prefix}_modes`] = events.modes;
    sql += ` AND mode IN {${prefix}_modes:Array(String)}`;
  }
  if (events.evidence_matches) {
    // ClickHouse's match() is RE2; (?i) makes it case-insensitive like the per-report rules.
    params[`${prefix}_re`] = `(?i)${events.evidence_matches}`;
    sql += ` AND match(evidence, {${prefix}_re:String})`;
  }
  return sql;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/** Evidence identity of a window result: the stories behind it, so the same result never re-fires. */
const evidenceIdOf = (ruleId: string, stories: string[]): string => `${ruleId}:${[...stories].sort().join('+')}`;

function pairSurge(rule: PairSurgeRule, rulesetVersion: string, asOfMs: number): WindowQuery {
  const windowH = rule.window / 3_600_000;
  const baselineH = rule.baseline / 3_600_000;
  const params: WindowParams = {
    rs: rulesetVersion,
    as_of: chTime(asOfMs),
    recent_from: chTime(asOfMs - rule.window),
    baseline_from: chTime(asOfMs - rule.window - rule.baseline),
    window_h: windowH,
    baseline_h: baselineH,
    factor: rule.factor,
    min_stories: rule.min_stories,
  };
  let types = '';
  if (rule.event_types) {
    params.types = rule.event_types;
    types = 'AND type IN {types:Array(String)}';
  }
  // Rates in stories per hour; an empty baseline counts as one story, so a pair never seen before
  // needs `factor` times that floor (and min_stories) to fire.
  const sql = `
    SELECT actor, target,
           uniqExactIf(story_id, published_at >= {recent_from:DateTime64(3)}) AS recent,
           uniqExactIf(story_id, published_at < {recent_from:DateTime64(3)}) AS baseline,
           groupUniqArrayIf(20)(story_id, published_at >= {recent_from:DateTime64(3)}) AS stories,
           groupUniqArrayIf(20)(report_id, published_at >= {recent_from:DateTime64(3)}) AS reports,
           groupUniqArrayIf(3)(evidence, published_at >= {recent_from:DateTime64(3)}) AS evidence,
           max(score) AS max_score
    FROM report_events FINAL
    ARRAY JOIN actors AS actor
    ARRAY JOIN targets AS target
    WHERE ruleset_version = {rs:String} AND ${COUNTED} AND actor != target ${types}
      AND published_at >= {baseline_from:DateTime64(3)} AND published_at < {as_of:DateTime64(3)}
    GROUP BY actor, target
    HAVING recent >= {min_stories:UInt32}
       AND recent / {window_h:Float64} >= {factor:Float64} * greatest(baseline, 1) / {baseline_h:Float64}
    ORDER BY actor, target`;
  return {
    sql,
    params,
    toMatches: (rows) =>
      rows.map((r) => {
        const stories = strings(r.stories);
        const recent = Number(r.recent);
        const baseline = Number(r.baseline);
        const rate = recent / windowH / (Math.max(baseline, 1) / baselineH);
        return windowMatch(rule, `actor=${r.actor},target=${r.target}`, stories, strings(r.reports), strings(r.evidence), [
          `${r.actor}→${r.target}: ${recent} stories in the last ${windowH} h against ${baseline} in the ${baselineH} h before`,
          `rate ${rate.toFixed(1)}× the baseline (≥ ${rule.factor}×)`,
        ]);
      }),
  };
}

function count(rule: CountRule, rulesetVersion: string, asOfMs: number): WindowQuery {
  const params: WindowParams = { rs: rulesetVersion, as_of: chTime(asOfMs), from: chTime(asOfMs - rule.window), min_stories: rule.min_stories };
  const side = rule.per === 'target' ? 'targets' : 'actors';
  const sql = `
    SELECT side,
           uniqExact(story_id) AS n,
           groupUniqArray(20)(story_id) AS stories,
           groupUniqArray(20)(report_id) AS reports,
           groupUniqArray(3)(evidence) AS evidence
    FROM report_events FINAL
    ARRAY JOIN ${side} AS side
    WHERE ruleset_version = {rs:String} AND ${COUNTED} AND ${eventFilter('ev', rule.events, params)}
      AND published_at >= {from:DateTime64(3)} AND published_at < {as_of:DateTime64(3)}
    GROUP BY side
    HAVING n >= {min_stories:UInt32}
    ORDER BY side`;
  return {
    sql,
    params,
    toMatches: (rows) =>
      rows.map((r) =>
        windowMatch(rule, `${rule.per}=${r.side}`, strings(r.stories), strings(r.reports), strings(r.evidence), [
          `${r.n} distinct stories of ${rule.events.types.join('/')} ${rule.per === 'target' ? 'toward' : 'by'} ${r.side} within ${rule.window / 3_600_000} h (≥ ${rule.min_stories})`,
        ]),
      ),
  };
}

function sequence(rule: SequenceRule, rulesetVersion: string, asOfMs: number): WindowQuery {
  // Look back two spans, so a pair whose first event came just before the latest window is still seen.
  const params: WindowParams = { rs: rulesetVersion, as_of: chTime(asOfMs), from: chTime(asOfMs - 2 * rule.within), within_s: rule.within / 1000 };
  const side = (name: string, filter: string) => `
    SELECT least(actor, target) AS a, greatest(actor, target) AS b, story_id, report_id, evidence, published_at
    FROM report_events FINAL
    ARRAY JOIN actors AS actor
    ARRAY JOIN targets AS target
    WHERE ruleset_version = {rs:String} AND ${COUNTED} AND actor != target AND ${filter}
      AND published_at >= {from:DateTime64(3)} AND published_at < {as_of:DateTime64(3)}`;
  const firstFilter = eventFilter('first', rule.first, params);
  const thenFilter = eventFilter('then', rule.then, params);
  const sql = `
    SELECT f.a AS a, f.b AS b,
           groupUniqArray(10)(f.story_id) AS first_stories, groupUniqArray(10)(t.story_id) AS then_stories,
           groupUniqArray(10)(f.report_id) AS first_reports, groupUniqArray(10)(t.report_id) AS then_reports,
           any(f.evidence) AS first_evidence, any(t.evidence) AS then_evidence
    FROM (${side('first', firstFilter)}) AS f
    INNER JOIN (${side('then', thenFilter)}) AS t ON f.a = t.a AND f.b = t.b
    WHERE abs(dateDiff('second', f.published_at, t.published_at)) <= {within_s:UInt32}
      AND f.story_id != t.story_id
    GROUP BY a, b
    ORDER BY a, b`;
  return {
    sql,
    params,
    toMatches: (rows) =>
      rows.map((r) =>
        windowMatch(
          rule,
          `pair=${r.a}-${r.b}`,
          [...strings(r.first_stories), ...strings(r.then_stories)],
          [...strings(r.first_reports), ...strings(r.then_reports)],
          [String(r.first_evidence), String(r.then_evidence)],
          [`${rule.first.types.join('/')} and ${rule.then.types.join('/')} between ${r.a} and ${r.b} within ${rule.within / 3_600_000} h of each other`],
        ),
      ),
  };
}

function windowMatch(rule: WindowRule, key: string, stories: string[], reports: string[], evidence: string[], reasons: string[]): AlertMatch {
  const unique = [...new Set(stories)].sort();
  return {
    ruleId: rule.id,
    key,
    severity: rule.severity,
    status: 'asserted',
    evidenceId: evidenceIdOf(rule.id, unique),
    reportIds: [...new Set(reports)].sort(),
    storyIds: unique,
    syndicated: false,
    independentSources: unique.length,
    headline: rule.description,
    publishedAt: '',
    evidence: evidence
      .filter((s) => s.length > 0)
      .map((sentence) => ({ reportId: '', storyId: '', source: '', sentence: sentence.slice(0, 400), assertion: '' })),
    reasons,
  };
}

/** The query that evaluates one window rule at `asOfMs` over the rows of one ruleset version. */
export function windowQuery(rule: WindowRule, rulesetVersion: string, asOfMs: number): WindowQuery {
  switch (rule.kind) {
    case 'pair_surge':
      return pairSurge(rule, rulesetVersion, asOfMs);
    case 'count':
      return count(rule, rulesetVersion, asOfMs);
    case 'sequence':
      return sequence(rule, rulesetVersion, asOfMs);
  }
}
