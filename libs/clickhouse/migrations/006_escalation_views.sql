-- Dashboard roll-ups, kept up to date on insert. Only idempotent aggregates (uniq, max), so a batch
-- written again under another token cannot inflate them.
CREATE TABLE IF NOT EXISTS pair_escalation_hourly
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
ORDER BY (ruleset_version, actor, target, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS pair_escalation_hourly_mv TO pair_escalation_hourly AS
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

CREATE TABLE IF NOT EXISTS conflict_escalation_hourly
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
ORDER BY (ruleset_version, conflict, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS conflict_escalation_hourly_mv TO conflict_escalation_hourly AS
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
