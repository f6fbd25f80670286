-- The shared story index's own log: every report offered to it, in arrival order, with what it decided.
-- Workers rebuild the in-memory index from it on start (within the dedupe window) and catch up on rows
-- other workers wrote. `key` (topic:partition:offset) makes a redelivered report get its first answer
-- again: when a key was logged twice (two workers racing on overlapping batches), the first row wins.
CREATE TABLE IF NOT EXISTS story_log
(
    seq UInt64,
    key String,
    report_id String,
    source LowCardinality(String),
    source_id String,
    version UInt32,
    published_at DateTime64(3, 'UTC'),
    headline String,
    text String CODEC(ZSTD(3)),
    story_id String,
    kind LowCardinality(String),
    syndicated Bool,
    duplicate_of Nullable(String),
    independent_sources UInt16,
    ruleset_version LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(published_at)
ORDER BY (ruleset_version, seq)
TTL toDateTime(published_at) + INTERVAL {{retention_days}} DAY;
