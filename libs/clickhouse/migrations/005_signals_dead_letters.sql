-- Reports whose escalation score crossed the signal threshold: what alerting and the live feed read.
CREATE TABLE IF NOT EXISTS signals
(
    ruleset_version LowCardinality(String),
    report_id String,
    version UInt32,
    story_id String,
    score Float32,
    event_types Array(LowCardinality(String)),
    actors Array(LowCardinality(String)),
    troops Nullable(UInt32),
    hedged Bool,
    independent_sources UInt16,
    syndicated Bool,
    headline String,
    evidence String,
    score_contributions String,
    source LowCardinality(String),
    published_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    processed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(published_at)
ORDER BY (ruleset_version, report_id, version)
TTL toDateTime(published_at) + INTERVAL {{retention_days}} DAY
SETTINGS non_replicated_deduplication_window = 10000;

-- Everything that could not be processed, with the reason and step; one row per original message and step.
CREATE TABLE IF NOT EXISTS dead_letters
(
    topic LowCardinality(String),
    partition UInt16,
    offset UInt64,
    step LowCardinality(String),
    report_id String,
    reason LowCardinality(String),
    detail String,
    original_base64 String CODEC(ZSTD(3)),
    dead_lettered_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY (topic, partition, offset, step)
SETTINGS non_replicated_deduplication_window = 10000;
