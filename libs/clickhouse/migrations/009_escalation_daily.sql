-- Escalation as plain numbers per pair (and per conflict) and UTC day, for the dashboard's long ranges.
-- The hourly roll-ups keep uniq states, which stay exact when a batch is written twice but are slow to merge
-- by the hundred thousand (a year of hours). These tables hold a day's numbers finished, recomputed from
-- report_events for whole past days by the escalation roll-up (libs/clickhouse/src/escalation-rollup.ts),
-- which a Temporal Schedule runs. Readers take the days up to the newest one `escalation_rollups` records from
-- here, and later days (today, or days not rolled up yet) from the hourly roll-ups.
--
-- A day is recomputed whole, so a newer computation replaces the older row by row (ReplacingMergeTree on
-- computed_at). The numbers only grow (rows leave report_events only by TTL), so a newer computation
-- covers every key an older one wrote.
CREATE TABLE IF NOT EXISTS pair_escalation_daily
(
    ruleset_version LowCardinality(String),
    day Date,
    actor LowCardinality(String),
    target LowCardinality(String),
    events UInt32,
    reports UInt32,
    max_score Float32,
    computed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYear(day)
ORDER BY (ruleset_version, day, actor, target)
TTL day + INTERVAL {{retention_days}} DAY;

CREATE TABLE IF NOT EXISTS conflict_escalation_daily
(
    ruleset_version LowCardinality(String),
    day Date,
    conflict LowCardinality(String),
    events UInt32,
    reports UInt32,
    max_score Float32,
    computed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYear(day)
ORDER BY (ruleset_version, day, conflict)
TTL day + INTERVAL {{retention_days}} DAY;

CREATE TABLE IF NOT EXISTS escalation_rollups
(
    ruleset_version LowCardinality(String),
    day Date,
    source_rows UInt64,
    last_processed_at DateTime64(3, 'UTC'),
    computed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
ORDER BY (ruleset_version, day)
TTL day + INTERVAL {{retention_days}} DAY;

-- The hourly roll-ups again, sorted by time first. Readers take a span of hours (of every pair), not one pair's
-- whole history, so time first reads a week or today's hours from a few granules; the pair-first tables of
-- migration 006 made every range read every pair's granules. Small granules (256 rows): a uniq state is
-- deserialised for every row of a granule read, and a day of one conflict is only 24 rows. Filled from the old tables (uniq and max:
-- merging rows the views already took in changes nothing); migration 010 drops the old ones.
CREATE TABLE IF NOT EXISTS pair_escalation_hours
(
    ruleset_version LowCardinality(String),
    hour DateTime('UTC'),
    actor LowCardinality(String),
    target LowCardinality(String),
    events AggregateFunction(uniq, String, UInt16),
    reports AggregateFunction(uniq, String),
    max_score AggregateFunction(max, Float32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (ruleset_version, hour, actor, target)
SETTINGS index_granularity = 256;

CREATE MATERIALIZED VIEW IF NOT EXISTS pair_escalation_hours_mv TO pair_escalation_hours AS
SELECT
    ruleset_version,
    toStartOfHour(published_at) AS hour,
    actor,
    target,
    uniqState(report_id, event_index) AS events,
    uniqState(report_id) AS reports,
    maxState(score) AS max_score
FROM report_events
ARRAY JOIN actors AS actor
ARRAY JOIN targets AS target
WHERE NOT negated
GROUP BY ruleset_version, hour, actor, target;

CREATE TABLE IF NOT EXISTS conflict_escalation_hours
(
    ruleset_version LowCardinality(String),
    hour DateTime('UTC'),
    conflict LowCardinality(String),
    events AggregateFunction(uniq, String, UInt16),
    reports AggregateFunction(uniq, String),
    max_score AggregateFunction(max, Float32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (ruleset_version, hour, conflict)
SETTINGS index_granularity = 256;

CREATE MATERIALIZED VIEW IF NOT EXISTS conflict_escalation_hours_mv TO conflict_escalation_hours AS
SELECT
    ruleset_version,
    toStartOfHour(published_at) AS hour,
    conflict,
    uniqState(report_id, event_index) AS events,
    uniqState(report_id) AS reports,
    maxState(score) AS max_score
FROM report_events
WHERE conflict != '' AND NOT negated
GROUP BY ruleset_version, hour, conflict;

INSERT INTO pair_escalation_hours SELECT ruleset_version, hour, actor, target, events, reports, max_score FROM pair_escalation_hourly;

INSERT INTO conflict_escalation_hours SELECT ruleset_version, hour, conflict, events, reports, max_score FROM conflict_escalation_hourly;

DROP VIEW IF EXISTS pair_escalation_hourly_mv;

DROP VIEW IF EXISTS conflict_escalation_hourly_mv;
