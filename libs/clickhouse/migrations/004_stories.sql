-- Story membership: which story each report message joined and how (new story, syndicated copy,
-- independent rewrite, new version, repeat). One row per raw-topic message, so a repeat is kept beside the
-- report it repeats; a redelivered message (same partition and offset) collapses. Independent sources of a story = distinct sources of its
-- rows that are neither syndicated copies nor repeats (see the story_sources view).
CREATE TABLE IF NOT EXISTS stories
(
    ruleset_version LowCardinality(String),
    story_id String,
    report_id String,
    version UInt32,
    source LowCardinality(String),
    headline String,
    kind LowCardinality(String),
    syndicated Bool,
    duplicate_of Nullable(String),
    independent_sources UInt16,
    kafka_partition UInt16,
    kafka_offset UInt64,
    published_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    processed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(published_at)
ORDER BY (ruleset_version, story_id, report_id, version, kafka_partition, kafka_offset)
TTL toDateTime(published_at) + INTERVAL {{retention_days}} DAY
SETTINGS non_replicated_deduplication_window = 10000;

CREATE VIEW IF NOT EXISTS story_sources AS
SELECT
    ruleset_version,
    story_id,
    argMin(headline, published_at) AS headline,
    uniqExactIf(source, kind NOT IN ('syndicated', 'duplicate')) AS independent_sources,
    countIf(kind = 'syndicated') AS syndicated_copies,
    uniqExact(report_id) AS reports,
    min(published_at) AS first_seen,
    max(processed_at) AS last_updated
FROM stories FINAL
GROUP BY ruleset_version, story_id;
