-- Daily roll-ups beside the hourly ones, so month- and year-long escalation charts merge a few hundred
-- rows per pair instead of thousands. Same idempotent aggregates (uniq, max). The MVs keep them up to date;
-- the INSERTs fill them from what report_events already holds when the migration runs.
CREATE TABLE IF NOT EXISTS pair_escalation_daily
(
    ruleset_version LowCardinality(String),
    day Date,
    actor LowCardinality(String),
    target LowCardinality(String),
    events AggregateFunction(uniq, String, UInt16),
    reports AggregateFunction(uniq, String),
    max_score AggregateFunction(max, Float32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (ruleset_version, actor, target, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS pair_escalation_daily_mv TO pair_escalation_daily AS
SELECT
    ruleset_version,
    toDate(published_at) AS day,
    actor,
    target,
    uniqState(report_id, event_index) AS events,
    uniqState(report_id) AS reports,
    maxState(score) AS max_score
FROM report_events
ARRAY JOIN actors AS actor
ARRAY JOIN targets AS target
WHERE NOT negated
GROUP BY ruleset_version, day, actor, target;

INSERT INTO pair_escalation_daily
SELECT
    ruleset_version,
    toDate(published_at) AS day,
    actor,
    target,
    uniqState(report_id, event_index) AS events,
    uniqState(report_id) AS reports,
    maxState(score) AS max_score
FROM report_events
ARRAY JOIN actors AS actor
ARRAY JOIN targets AS target
WHERE NOT negated
GROUP BY ruleset_version, day, actor, target;

CREATE TABLE IF NOT EXISTS conflict_escalation_daily
(
    ruleset_version LowCardinality(String),
    day Date,
    conflict LowCardinality(String),
    events AggregateFunction(uniq, String, UInt16),
    reports AggregateFunction(uniq, String),
    max_score AggregateFunction(max, Float32)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (ruleset_version, conflict, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS conflict_escalation_daily_mv TO conflict_escalation_daily AS
SELECT
    ruleset_version,
    toDate(published_at) AS day,
    conflict,
    uniqState(report_id, event_index) AS events,
    uniqState(report_id) AS reports,
    maxState(score) AS max_score
FROM report_events
WHERE conflict != '' AND NOT negated
GROUP BY ruleset_version, day, conflict;

INSERT INTO conflict_escalation_daily
SELECT
    ruleset_version,
    toDate(published_at) AS day,
    conflict,
    uniqState(report_id, event_index) AS events,
    uniqState(report_id) AS reports,
    maxState(score) AS max_score
FROM report_events
WHERE conflict != '' AND NOT negated
GROUP BY ruleset_version, day, conflict;
