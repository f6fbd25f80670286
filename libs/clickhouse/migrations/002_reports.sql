-- One row per report version and ruleset version: what the analysis made of it. A replay under a new
-- ruleset writes beside the old rows; a retried write of the same batch collapses (ReplacingMergeTree + dedup token).
CREATE TABLE IF NOT EXISTS reports
(
    report_id String,
    version UInt32,
    ruleset_version LowCardinality(String),
    source LowCardinality(String),
    source_id String,
    url String,
    headline String,
    language LowCardinality(String),
    story_id String,
    duplicate_of Nullable(String),
    syndicated Bool,
    independent_sources UInt16,
    event_types Array(LowCardinality(String)),
    actors Array(LowCardinality(String)),
    troops Nullable(UInt32),
    hedged Bool,
    escalation_score Float32,
    score_contributions String,
    published_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    processed_at DateTime64(3, 'UTC'),
    kafka_partition UInt16,
    kafka_offset UInt64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(published_at)
ORDER BY (ruleset_version, report_id, version)
TTL toDateTime(published_at) + INTERVAL {{retention_days}} DAY
SETTINGS non_replicated_deduplication_window = 10000;
