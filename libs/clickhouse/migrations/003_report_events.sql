-- One row per event found in a report: PLOVER type and mode, who acts on whom, quantities, whether the
-- claim is asserted or only alleged, the evidence sentence, and the report's score.
CREATE TABLE IF NOT EXISTS report_events
(
    report_id String,
    version UInt32,
    ruleset_version LowCardinality(String),
    event_index UInt16,
    type LowCardinality(String),
    mode LowCardinality(String),
    actors Array(LowCardinality(String)),
    targets Array(LowCardinality(String)),
    quantity_value Nullable(Float64),
    quantity_unit LowCardinality(String),
    quantity_qualifier LowCardinality(String),
    troops Nullable(UInt32),
    assertion LowCardinality(String),
    negated Bool,
    evidence String,
    span_start UInt32,
    span_end UInt32,
    -- The named conflict this event belongs to or escalates ('' when none), e.g. RUS-UKR.
    conflict LowCardinality(String),
    score Float32,
    story_id String,
    source LowCardinality(String),
    published_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    processed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(published_at)
ORDER BY (ruleset_version, report_id, version, event_index)
TTL toDateTime(published_at) + INTERVAL {{retention_days}} DAY
SETTINGS non_replicated_deduplication_window = 10000;
