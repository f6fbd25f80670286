-- Reports as they arrived on the raw Kafka topic, one row per (partition, offset). Batch workflows read
-- report bodies from here by batch reference, so bodies never travel through Temporal history.
-- A re-delivered batch writes the same (partition, offset) rows, which collapse on merge and under FINAL.
CREATE TABLE IF NOT EXISTS raw_reports
(
    topic LowCardinality(String),
    partition UInt16,
    offset UInt64,
    batch_id String,
    report_id String,
    version UInt32,
    source LowCardinality(String),
    received_at DateTime64(3, 'UTC'),
    staged_at DateTime64(3, 'UTC'),
    -- 'utf8' for the envelope's JSON text; 'base64' when the message bytes were not valid UTF-8.
    encoding LowCardinality(String),
    envelope String CODEC(ZSTD(3))
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (topic, partition, offset)
SETTINGS non_replicated_deduplication_window = 10000;
