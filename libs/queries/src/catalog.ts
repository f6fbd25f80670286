import { currentRuleset, hoursAgo, now, TIME, value, type NamedQuery, type ParamSpec } from './query.ts';

// Parameters most queries share. Times are UTC; windows are [since, until].
const ruleset: ParamSpec = { type: 'String', description: 'ruleset version whose rows to read', default: currentRuleset };
const since = (hours: number, what = 'publication time'): ParamSpec => ({
  type: TIME,
  description: `start of the window (${what})`,
  default: hoursAgo(hours),
});
const until = (what = 'publication time'): ParamSpec => ({ type: TIME, description: `end of the window (${what})`, default: now });
const limit = (n: number): ParamSpec => ({ type: 'UInt32', description: 'rows to return at most', default: value(n) });
// Those of the escalation series.
const actor: ParamSpec = { type: 'String', description: "acting party code, e.g. PRK ('' for any)", default: value('') };
const target: ParamSpec = { type: 'String', description: "party acted on, e.g. UKR ('' for any)", default: value('') };
const conflict: ParamSpec = { type: 'String', description: "conflict code, e.g. RUS-UKR ('' for the top ones)", default: value('') };
const bucketHours: ParamSpec = { type: 'UInt32', description: 'hours per bucket: 1, 6 or 24', default: value(1) };
const strongest = (what: string): ParamSpec => ({ type: 'UInt32', description: `${what} to return at most, strongest first`, default: value(8) });


/**
 * The `days` CTE of the per-day queries: one row per UTC day and key in [first, last] (Date expressions). Days
 * before `open_from` (the day after the newest one the escalation roll-up recorded) come from the daily table,
 * later ones (today, or days not rolled up yet) from the hourly uniq roll-up, merged into days.
 */
const dailyRows = (kind: 'pair' | 'conflict', keys: string, first: string, last: string) => `(SELECT if(count() = 0, toDate(0), max(day) + 1) FROM escalation_rollups WHERE ruleset_version = {ruleset_version:String}) AS open_from,
    days AS (
        SELECT day, ${keys}, events, reports, max_score
        FROM ${kind}_escalation_daily FINAL
        WHERE ruleset_version = {ruleset_version:String} AND day >= ${first} AND day <= ${last} AND day < open_from
        UNION ALL
        SELECT toDate(hour) AS day, ${keys}, uniqMerge(events) AS events, uniqMerge(reports) AS reports, maxMerge(max_score) AS max_score
        FROM ${kind}_escalation_hours
        WHERE ruleset_version = {ruleset_version:String}
          AND hour >= toDateTime(greatest(${first}, open_from), 'UTC') AND hour < toDateTime(${last} + 1, 'UTC')
        GROUP BY day, ${keys})`;

/**
 * A pair's escalation series from the hourly roll-up, for the pairs `which` selects (a condition on actor, target):
 * the strongest ones, or those named.
 */
const pairSeriesPerHour = (which: string) => `SELECT
    toStartOfInterval(hour, toIntervalHour({bucket_hours:UInt32})) AS bucket,
    actor,
    target,
    uniqMerge(events) AS events,
    uniqMerge(reports) AS reports,
    round(maxMerge(max_score), 1) AS max_score
FROM pair_escalation_hours
WHERE ruleset_version = {ruleset_version:String}
  AND hour BETWEEN toStartOfHour({since:${TIME}}) AND {until:${TIME}}
  AND ${which}
GROUP BY bucket, actor, target
ORDER BY actor, target, bucket`;

/** The same series by whole UTC days, from the daily counts and, for later days, the hourly roll-up. */
const pairSeriesPerDay = (which: string) => `WITH
    toDate({since:${TIME}}) AS first_day,
    toDate({until:${TIME}}) AS last_day,
    ${dailyRows('pair', 'actor, target', 'first_day', 'last_day')}
SELECT
    toDateTime(day, 'UTC') AS bucket,
    actor,
    target,
    sum(events) AS events,
    sum(reports) AS reports,
    round(max(max_score), 1) AS max_score
FROM days
WHERE ${which}
GROUP BY bucket, actor, target
ORDER BY actor, target, bucket
SETTINGS do_not_merge_across_partitions_select_final = 1`;

/** The pairs a caller names, as `ACTOR>TARGET`. */
const NAMED_PAIRS = "has({pairs:Array(String)}, concat(actor, '>', target))";
const namedPairs: ParamSpec = { type: 'Array(String)', description: 'pairs as ACTOR>TARGET (comma-separated in a URL)', default: value('') };

const DAILY_NOTE =
  'For windows of a month or more. Days are whole UTC days: those the escalation roll-up has finished come from the daily ' +
  'tables (plain numbers; a late report shows there within a minute), today and any day not rolled up yet from the hourly ' +
  'uniq roll-up; both count the same way. ';

const DAY = 24;
const MONTH = 30 * DAY;

/**
 * The named questions wirewatch answers from its ClickHouse read models. The dashboard API runs these
 * and docs/analyst-queries.md is generated from them, so an analyst reads the exact SQL the dashboard runs.
 * Every query is plain ClickHouse SQL with `{name:Type}` parameters: it runs on the embedded engine and
 * on a ClickHouse server alike.
 */
export const QUERIES = [
  {
    name: 'top_escalating_pairs',
    question: 'Which actor pairs escalated most in the last 24 hours, and is it more than in the 24 hours before?',
    notes:
      'Reads the hourly pair roll-up (AggregatingMergeTree), so it finishes the aggregates with -Merge combinators ' +
      '(for windows up to about a week; `top_escalating_pairs_by_day` for longer); ' +
      '`-MergeIf` splits the window from the one before it. The `limit` pairs with the highest score in the window are ' +
      'picked with maxMerge alone (max states are cheap to merge, uniq states are not), then counted. Negated events are not counted.',
    sql: `WITH
    {until:${TIME}} AS window_end,
    toStartOfHour(window_end - toIntervalHour({hours:UInt32})) AS window_start,
    window_start - toIntervalHour({hours:UInt32}) AS previous_start
SELECT
    actor,
    target,
    uniqMergeIf(events, hour >= window_start) AS events_in_window,
    uniqMergeIf(events, hour < window_start) AS events_before,
    uniqMergeIf(reports, hour >= window_start) AS reports_in_window,
    round(maxMergeIf(max_score, hour >= window_start), 1) AS top_score
FROM pair_escalation_hours
WHERE ruleset_version = {ruleset_version:String}
  AND hour >= previous_start AND hour <= window_end
  AND (actor, target) IN (
      SELECT actor, target FROM pair_escalation_hours
      WHERE ruleset_version = {ruleset_version:String} AND hour >= window_start AND hour <= window_end
      GROUP BY actor, target
      ORDER BY maxMerge(max_score) DESC, actor, target
      LIMIT {limit:UInt32})
GROUP BY actor, target
HAVING events_in_window > 0
ORDER BY top_score DESC, events_in_window - events_before DESC, events_in_window DESC, actor, target
LIMIT {limit:UInt32}`,
    params: {
      ruleset_version: ruleset,
      until: until(),
      hours: { type: 'UInt32', description: 'length of the window in hours', default: value(24) },
      limit: limit(20),
    },
  },
  {
    name: 'top_escalating_pairs_by_day',
    question: 'Which actor pairs escalated most over the last weeks or months, and is it more than in as many days before?',
    notes:
      DAILY_NOTE +
      'The window is the last `days` days up to today included; the one before it is as long. The `limit` pairs with ' +
      'the highest score in the window are returned. Negated events are not counted.',
    sql: `WITH
    toDate({until:${TIME}}) AS last_day,
    last_day - {days:UInt32} + 1 AS first_day,
    first_day - {days:UInt32} AS previous_first_day,
    ${dailyRows('pair', 'actor, target', 'previous_first_day', 'last_day')}
SELECT
    actor,
    target,
    sumIf(events, day >= first_day) AS events_in_window,
    sumIf(events, day < first_day) AS events_before,
    sumIf(reports, day >= first_day) AS reports_in_window,
    round(maxIf(max_score, day >= first_day), 1) AS top_score
FROM days
GROUP BY actor, target
HAVING events_in_window > 0
ORDER BY top_score DESC, events_in_window - events_before DESC, events_in_window DESC, actor, target
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: {
      ruleset_version: ruleset,
      until: until(),
      days: { type: 'UInt32', description: 'length of the window in days (today included)', default: value(30) },
      limit: limit(20),
    },
  },
  {
    name: 'troop_deployment_claims',
    question: 'Which troop deployments are claimed, by whom against whom, with what evidence, and is the claim asserted or only alleged?',
    notes: 'Latest version of each report only. `assertion` is asserted, alleged, denied or unconfirmed.',
    sql: `SELECT
    published_at,
    source,
    report_id,
    version,
    arrayStringConcat(actors, ',') AS actors,
    arrayStringConcat(targets, ',') AS targets,
    troops,
    quantity_qualifier AS qualifier,
    assertion,
    evidence,
    story_id
FROM report_events FINAL
WHERE ruleset_version = {ruleset_version:String}
  AND type = 'MOBILIZE' AND troops IS NOT NULL AND NOT negated AND NOT background
  AND published_at BETWEEN {since:${TIME}} AND {until:${TIME}}
  AND (report_id, version) IN (
      SELECT report_id, max(version) FROM reports
      WHERE ruleset_version = {ruleset_version:String} AND published_at BETWEEN {since:${TIME}} AND {until:${TIME}}
      GROUP BY report_id)
ORDER BY published_at DESC, report_id, event_index
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: { ruleset_version: ruleset, since: since(MONTH), until: until(), limit: limit(100) },
  },
  {
    name: 'stories_by_independent_sources',
    question: 'Which stories are reported by the most independent sources (syndicated copies not counted), and when were they first seen and last updated?',
    notes:
      'Independent sources are the distinct sources of a story that are neither syndicated copies nor repeats. ' +
      'Stories are picked by a report published in the window; their reports are counted from `lookback_days` ' +
      'before the window on, which bounds the read (stories grow within the dedupe window, 7 days by default).',
    sql: `SELECT
    story_id,
    argMin(headline, published_at) AS headline,
    uniqExactIf(source, kind NOT IN ('syndicated', 'duplicate')) AS independent_sources,
    countIf(kind = 'syndicated') AS syndicated_copies,
    uniqExact(report_id) AS reports,
    groupUniqArray(source) AS sources,
    min(published_at) AS first_seen,
    max(processed_at) AS last_updated
FROM stories FINAL
WHERE ruleset_version = {ruleset_version:String}
  AND published_at >= {since:${TIME}} - toIntervalDay({lookback_days:UInt32})
  AND story_id IN (
      SELECT story_id FROM stories
      WHERE ruleset_version = {ruleset_version:String} AND published_at BETWEEN {since:${TIME}} AND {until:${TIME}})
GROUP BY story_id
ORDER BY independent_sources DESC, reports DESC, last_updated DESC, story_id
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: {
      ruleset_version: ruleset,
      since: since(7 * DAY),
      until: until(),
      lookback_days: { type: 'UInt32', description: 'days before the window whose reports still count', default: value(30) },
      limit: limit(50),
    },
  },
  {
    name: 'story_reports',
    question: 'Which reports make up a story, and which of them are syndicated copies, rewrites or new versions?',
    sql: `SELECT
    report_id,
    version,
    source,
    headline,
    kind,
    syndicated,
    duplicate_of,
    published_at,
    processed_at
FROM stories FINAL
WHERE ruleset_version = {ruleset_version:String} AND story_id = {story_id:String}
ORDER BY published_at, report_id, version
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: { ruleset_version: ruleset, story_id: { type: 'String', description: 'the story', default: value('') } },
  },
  {
    name: 'ingest_to_visible_lag',
    question: 'How long does a report take from being accepted by ingest to being visible in the read models (percentiles)?',
    notes:
      'processed_at − received_at of each report row written in the window; a replay shows up as long lags. ' +
      'Rows as written (no FINAL): a retried batch is dropped on insert by its deduplication token.',
    sql: `SELECT
    count() AS reports,
    round(quantileExact(0.5)(lag_ms)) AS p50_ms,
    round(quantileExact(0.9)(lag_ms)) AS p90_ms,
    round(quantileExact(0.95)(lag_ms)) AS p95_ms,
    round(quantileExact(0.99)(lag_ms)) AS p99_ms,
    max(lag_ms) AS max_ms
FROM (
    SELECT toUnixTimestamp64Milli(processed_at) - toUnixTimestamp64Milli(received_at) AS lag_ms
    FROM reports
    WHERE ruleset_version = {ruleset_version:String}
      AND processed_at BETWEEN {since:${TIME}} AND {until:${TIME}})`,
    params: { ruleset_version: ruleset, since: since(DAY, 'processing time'), until: until('processing time') },
  },
  {
    name: 'dead_letters_by_reason',
    question: 'What could not be processed, at which step and why, and how often?',
    sql: `SELECT
    reason,
    step,
    count() AS letters,
    min(dead_lettered_at) AS first_at,
    max(dead_lettered_at) AS last_at,
    any(detail) AS example_detail
FROM dead_letters FINAL
WHERE dead_lettered_at BETWEEN {since:${TIME}} AND {until:${TIME}}
GROUP BY reason, step
ORDER BY letters DESC, reason, step`,
    params: { since: since(MONTH, 'dead-letter time'), until: until('dead-letter time') },
  },
  {
    name: 'recent_dead_letters',
    question: 'Which messages were dead-lettered most recently, and where are they in the log?',
    sql: `SELECT
    dead_lettered_at,
    topic,
    partition,
    offset,
    step,
    reason,
    detail,
    report_id
FROM dead_letters FINAL
WHERE dead_lettered_at BETWEEN {since:${TIME}} AND {until:${TIME}}
ORDER BY dead_lettered_at DESC, topic, partition, offset
LIMIT {limit:UInt32}`,
    params: { since: since(MONTH, 'dead-letter time'), until: until('dead-letter time'), limit: limit(20) },
  },
  {
    name: 'conflict_escalation_per_hour',
    question: 'How did escalation evolve hour by hour (or in longer buckets) in each named conflict?',
    notes:
      "Reads the hourly conflict roll-up (for windows up to about a week; `conflict_escalation_per_day` for longer) and finishes it with uniqMerge/maxMerge. `conflict` = '' means the `top` " +
      'conflicts by peak score; `bucket_hours` (1, 6 or 24) sums hours into longer buckets.',
    sql: `SELECT
    toStartOfInterval(hour, toIntervalHour({bucket_hours:UInt32})) AS bucket,
    conflict,
    uniqMerge(events) AS events,
    uniqMerge(reports) AS reports,
    round(maxMerge(max_score), 1) AS max_score
FROM conflict_escalation_hours
WHERE ruleset_version = {ruleset_version:String}
  AND hour BETWEEN toStartOfHour({since:${TIME}}) AND {until:${TIME}}
  AND conflict IN (
      SELECT conflict FROM conflict_escalation_hours
      WHERE ruleset_version = {ruleset_version:String}
        AND hour BETWEEN toStartOfHour({since:${TIME}}) AND {until:${TIME}}
        AND ({conflict:String} = '' OR conflict = {conflict:String})
      GROUP BY conflict
      ORDER BY maxMerge(max_score) DESC, conflict
      LIMIT {top:UInt32})
GROUP BY bucket, conflict
ORDER BY conflict, bucket`,
    params: {
      ruleset_version: ruleset,
      since: since(7 * DAY),
      until: until(),
      conflict,
      bucket_hours: bucketHours,
      top: strongest('conflicts'),
    },
  },
  {
    name: 'conflict_escalation_per_day',
    question: 'How did escalation evolve day by day in each named conflict, over months?',
    notes:
      DAILY_NOTE +
      "`conflict` = '' means the `top` conflicts by peak score.",
    sql: `WITH
    toDate({since:${TIME}}) AS first_day,
    toDate({until:${TIME}}) AS last_day,
    ${dailyRows('conflict', 'conflict', 'first_day', 'last_day')}
SELECT bucket, conflict, events, reports, max_score
FROM (
    -- Conflicts are few, so they are ranked by peak score in the same pass (a window over the days).
    SELECT *, dense_rank() OVER (ORDER BY peak DESC, conflict) AS strength
    FROM (
        SELECT
            toDateTime(day, 'UTC') AS bucket,
            conflict,
            sum(events) AS events,
            sum(reports) AS reports,
            round(max(days.max_score), 1) AS max_score,
            max(max(days.max_score)) OVER (PARTITION BY conflict) AS peak
        FROM days
        WHERE {conflict:String} = '' OR conflict = {conflict:String}
        GROUP BY bucket, conflict))
WHERE strength <= {top:UInt32}
ORDER BY conflict, bucket
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: {
      ruleset_version: ruleset,
      since: since(30 * DAY),
      until: until(),
      conflict,
      top: strongest('conflicts'),
    },
  },
  {
    name: 'pair_escalation_per_hour',
    question: 'How did escalation between two actors (or the strongest pairs) evolve hour by hour (or in longer buckets)?',
    notes:
      "Reads the hourly pair roll-up (for windows up to about a week; `pair_escalation_per_day` for longer) and finishes it with uniqMerge/maxMerge. '' for actor or target means any; " +
      'the `top` pairs by peak score are returned; `bucket_hours` (1, 6 or 24) sums hours into longer buckets.',
    sql: pairSeriesPerHour(`(actor, target) IN (
      SELECT actor, target FROM pair_escalation_hours
      WHERE ruleset_version = {ruleset_version:String}
        AND hour BETWEEN toStartOfHour({since:${TIME}}) AND {until:${TIME}}
        AND ({actor:String} = '' OR actor = {actor:String})
        AND ({target:String} = '' OR target = {target:String})
      GROUP BY actor, target
      ORDER BY maxMerge(max_score) DESC, actor, target
      LIMIT {top:UInt32})`),
    params: {
      ruleset_version: ruleset,
      since: since(7 * DAY),
      until: until(),
      actor,
      target,
      bucket_hours: bucketHours,
      top: strongest('pairs'),
    },
  },
  {
    name: 'escalation_of_pairs_per_hour',
    question: 'How did escalation evolve hour by hour (or in longer buckets) for the actor pairs I name?',
    notes:
      'Reads the hourly pair roll-up for the named pairs only (windows up to about a week; `escalation_of_pairs_per_day` ' +
      'for longer). `pairs` names each pair as `ACTOR>TARGET` (e.g. `PRK>RUS,RUS>UKR`); `bucket_hours` (1, 6 or 24) sums ' +
      'hours into longer buckets.',
    sql: pairSeriesPerHour(NAMED_PAIRS),
    params: {
      ruleset_version: ruleset,
      since: since(7 * DAY),
      until: until(),
      pairs: namedPairs,
      bucket_hours: bucketHours,
    },
  },
  {
    name: 'pair_escalation_per_day',
    question: 'How did escalation between two actors (or the strongest pairs) evolve day by day, over months?',
    notes:
      DAILY_NOTE +
      "'' for actor or target means any; the `top` pairs by peak score are returned.",
    sql: pairSeriesPerDay(`(actor, target) IN (
      SELECT actor, target FROM days
      WHERE ({actor:String} = '' OR actor = {actor:String}) AND ({target:String} = '' OR target = {target:String})
      GROUP BY actor, target
      ORDER BY max(max_score) DESC, actor, target
      LIMIT {top:UInt32})`),
    params: {
      ruleset_version: ruleset,
      since: since(30 * DAY),
      until: until(),
      actor,
      target,
      top: strongest('pairs'),
    },
  },
  {
    name: 'escalation_of_pairs_per_day',
    question: 'How did escalation evolve day by day, over months, for the actor pairs I name?',
    notes:
      DAILY_NOTE +
      "`pairs` names each pair as `ACTOR>TARGET` (e.g. `PRK>RUS,RUS>UKR`). The dashboard charts the pairs of its top-pairs " +
      'table with it, reading the days once instead of picking pairs first.',
    sql: pairSeriesPerDay(NAMED_PAIRS),
    params: {
      ruleset_version: ruleset,
      since: since(30 * DAY),
      until: until(),
      pairs: namedPairs,
    },
  },
  {
    name: 'assertion_per_actor',
    question: 'For each actor, how many of the events it takes part in are asserted, alleged, denied or unconfirmed?',
    notes: 'An actor counts once per event it is named in as an acting party; negated events are left out.',
    sql: `SELECT
    actor,
    count() AS events,
    countIf(assertion = 'asserted') AS asserted,
    countIf(assertion = 'alleged') AS alleged,
    countIf(assertion = 'denied') AS denied,
    countIf(assertion = 'unconfirmed') AS unconfirmed,
    round(alleged / events, 2) AS alleged_share
FROM report_events FINAL
ARRAY JOIN actors AS actor
WHERE ruleset_version = {ruleset_version:String}
  AND NOT negated
  AND published_at BETWEEN {since:${TIME}} AND {until:${TIME}}
GROUP BY actor
ORDER BY events DESC, actor
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: { ruleset_version: ruleset, since: since(MONTH), until: until(), limit: limit(50) },
  },
  {
    name: 'syndication_per_source',
    question: 'How much of what each source publishes is a syndicated copy of someone else’s story?',
    notes: "kind is new_story, rewrite, syndicated, new_version or duplicate (a repeat of the same report).",
    sql: `SELECT
    source,
    count() AS reports,
    countIf(kind = 'syndicated') AS syndicated_copies,
    countIf(kind = 'duplicate') AS repeats,
    countIf(kind IN ('new_story', 'rewrite')) AS original,
    round(syndicated_copies / reports, 3) AS syndication_ratio
FROM stories FINAL
WHERE ruleset_version = {ruleset_version:String}
  AND published_at BETWEEN {since:${TIME}} AND {until:${TIME}}
GROUP BY source
ORDER BY reports DESC, source
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: { ruleset_version: ruleset, since: since(MONTH), until: until(), limit: limit(100) },
  },
  {
    name: 'updated_reports',
    question: 'Which reports were updated after publication, and what does their latest version say compared with the first?',
    sql: `SELECT
    report_id,
    max(version) AS latest_version,
    count() AS versions,
    argMin(headline, version) AS first_headline,
    argMax(headline, version) AS latest_headline,
    argMin(escalation_score, version) AS first_score,
    argMax(escalation_score, version) AS latest_score,
    argMax(source, version) AS source,
    max(processed_at) AS last_processed
FROM reports FINAL
WHERE ruleset_version = {ruleset_version:String}
  AND published_at BETWEEN {since:${TIME}} AND {until:${TIME}}
GROUP BY report_id
HAVING versions > 1
ORDER BY last_processed DESC, report_id
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: { ruleset_version: ruleset, since: since(MONTH), until: until(), limit: limit(50) },
  },
  {
    name: 'events_by_ruleset_version',
    question: 'How many events of each type did each ruleset version find (e.g. before and after a replay under new rules)?',
    sql: `SELECT
    ruleset_version,
    type,
    count() AS events,
    uniqExact(report_id) AS reports,
    round(avg(score), 1) AS avg_report_score,
    min(processed_at) AS first_written,
    max(processed_at) AS last_written
FROM report_events FINAL
WHERE published_at BETWEEN {since:${TIME}} AND {until:${TIME}}
GROUP BY ruleset_version, type
ORDER BY ruleset_version, events DESC, type
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: { since: since(MONTH), until: until() },
  },
  {
    name: 'latest_signals',
    question: 'Which reports crossed the escalation threshold most recently, with score, actors, troops and evidence?',
    notes: 'The live feed of the dashboard. score_contributions is JSON: the factors that make up the score.',
    sql: `SELECT
    report_id,
    version,
    story_id,
    round(score, 1) AS score,
    event_types,
    actors,
    troops,
    hedged,
    independent_sources,
    syndicated,
    headline,
    evidence,
    score_contributions,
    source,
    published_at,
    processed_at
FROM signals FINAL
WHERE ruleset_version = {ruleset_version:String}
  AND processed_at BETWEEN {since:${TIME}} AND {until:${TIME}}
  AND score >= {min_score:Float32}
ORDER BY processed_at DESC, score DESC, report_id
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params: {
      ruleset_version: ruleset,
      since: since(7 * DAY, 'processing time'),
      until: until('processing time'),
      min_score: { type: 'Float32', description: 'lowest score shown', default: value(0) },
      limit: limit(50),
    },
  },
  {
    name: 'report_events_of',
    question: 'What events were found in these reports: type, parties, troops, assertion status and evidence sentence?',
    notes:
      'A lookup by key: `LIMIT 1 BY` the sorting key keeps one row per key, as FINAL would (a retried write repeats ' +
      'identical rows), without FINAL merging every part that holds a matching granule.',
    sql: `SELECT
    report_id,
    version,
    event_index,
    type,
    mode,
    actors,
    targets,
    troops,
    quantity_value,
    quantity_unit,
    quantity_qualifier,
    assertion,
    negated,
    background,
    evidence,
    conflict
FROM report_events
WHERE ruleset_version = {ruleset_version:String} AND has({report_ids:Array(String)}, report_id)
ORDER BY report_id, version, event_index
LIMIT 1 BY report_id, version, event_index`,
    params: {
      ruleset_version: ruleset,
      report_ids: { type: 'Array(String)', description: 'report ids (comma-separated in a URL)', default: value('') },
    },
  },
  {
    name: 'throughput_per_minute',
    question: 'How many reports and events were processed per minute, and how many of them became signals?',
    notes: 'Counts rows as written (no FINAL): a retried batch is dropped on insert by its deduplication token.',
    sql: `SELECT
    toStartOfMinute(processed_at) AS minute,
    count() AS reports,
    sum(length(event_types)) AS event_types,
    countIf(escalation_score >= {min_score:Float32}) AS signals
FROM reports
WHERE processed_at BETWEEN {since:${TIME}} AND {until:${TIME}}
GROUP BY minute
ORDER BY minute`,
    params: {
      since: since(1, 'processing time'),
      until: until('processing time'),
      min_score: { type: 'Float32', description: 'signal threshold (SIGNAL_MIN_SCORE)', default: value(40) },
    },
  },
  {
    name: 'alerts_latest',
    question: 'Which alerts are open, acknowledged or resolved, at what severity, and on which reports?',
    notes: 'The latest state of each alert from its change log (alert_events); needs alerting to be installed.',
    requiresTable: 'alert_events',
    sql: `SELECT
    alert_id,
    any(workflow_id) AS workflow_id,
    any(rule_id) AS rule_id,
    any(group_key) AS group_key,
    argMax(status, seq) AS status,
    argMax(severity, seq) AS severity,
    argMax(evidence_status, seq) AS evidence_status,
    argMax(event, seq) AS last_event,
    argMax(\`by\`, seq) AS last_by,
    argMax(detail, seq) AS detail,
    groupUniqArrayArray(report_ids) AS report_ids,
    min(at) AS opened_at,
    max(at) AS updated_at
FROM alert_events FINAL
WHERE at >= {since:${TIME}}
GROUP BY alert_id
ORDER BY status = 'resolved', updated_at DESC, alert_id
LIMIT {limit:UInt32}`,
    params: { since: since(MONTH, 'change time'), limit: limit(50) },
  },
] as const satisfies readonly NamedQuery[];

export type QueryName = (typeof QUERIES)[number]['name'];

const byName = new Map<string, NamedQuery>(QUERIES.map((q) => [q.name, q]));

export function getQuery(name: string): NamedQuery | undefined {
  return byName.get(name);
}
