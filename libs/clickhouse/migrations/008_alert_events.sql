-- Every state change of every alert (opened, evidence, escalated, notified, notify_failed, acknowledged,
-- resolved, closed), numbered per alert. Alert workflows write each step's rows with a dedup token, and
-- (alert_id, seq) is the sorting key of a ReplacingMergeTree, so a retried write leaves one row per change.
CREATE TABLE IF NOT EXISTS alert_events
(
    alert_id String,
    seq UInt32,
    workflow_id String,
    rule_id LowCardinality(String),
    group_key String,
    event LowCardinality(String),
    status LowCardinality(String),
    severity LowCardinality(String),
    -- 'asserted' once any evidence states the event as fact, 'hedged' while all of it is alleged.
    evidence_status LowCardinality(String),
    -- Who caused the change: an operator for acknowledge/resolve, else 'wirewatch'.
    by String,
    detail String,
    report_ids Array(String),
    story_ids Array(String),
    -- The notification this row is about (notified / notify_failed), else 0.
    notification_seq UInt32,
    at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (alert_id, seq)
TTL toDateTime(at) + INTERVAL {{retention_days}} DAY
SETTINGS non_replicated_deduplication_window = 10000;
