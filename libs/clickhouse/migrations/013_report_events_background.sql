-- Events a report dates well before its news ("a clash in June 2020", "12,000 soldiers deployed in late
-- 2024"): the analysis marks them background and weighs them down in the score. Kept as a column so that
-- alert rules, troop queries and the escalation roll-ups leave them out, and analysts can too. Rows written
-- before this migration read false, as they were analysed then.
ALTER TABLE report_events ADD COLUMN IF NOT EXISTS background Bool DEFAULT false AFTER negated;

-- The hourly escalation roll-ups of migration 009 count the news, not what a report recalls: the views are
-- made again with the new filter (migrations run before the pipeline writes, so no insert falls between).
DROP VIEW IF EXISTS pair_escalation_hours_mv;

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
WHERE NOT negated AND NOT background
GROUP BY ruleset_version, hour, actor, target;

DROP VIEW IF EXISTS conflict_escalation_hours_mv;

CREATE MATERIALIZED VIEW IF NOT EXISTS conflict_escalation_hours_mv TO conflict_escalation_hours AS
SELECT
    ruleset_version,
    toStartOfHour(published_at) AS hour,
    conflict,
    uniqState(report_id, event_index) AS events,
    uniqState(report_id) AS reports,
    maxState(score) AS max_score
FROM report_events
WHERE conflict != '' AND NOT negated AND NOT background
GROUP BY ruleset_version, hour, conflict;
