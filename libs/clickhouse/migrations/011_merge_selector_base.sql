-- Fewer, larger background merges. Every pipeline batch writes a small part to each of these tables, a few
-- a second, and with ClickHouse's default (merge_selector_base = 5) parts of equal size were merged five at a
-- time: each row was rewritten 3.7 times on average (bench/pipeline/stages.ts, 40 batches of 250 reports),
-- and merges took more CPU than the analysis. At 10 a merge waits for about ten parts of a size, which halves
-- the rows rewritten and the merge time; tables keep a few more parts between merges (docs/architecture.md).
ALTER TABLE raw_reports MODIFY SETTING merge_selector_base = 10;

ALTER TABLE reports MODIFY SETTING merge_selector_base = 10;

ALTER TABLE report_events MODIFY SETTING merge_selector_base = 10;

ALTER TABLE stories MODIFY SETTING merge_selector_base = 10;

ALTER TABLE story_log MODIFY SETTING merge_selector_base = 10;

ALTER TABLE signals MODIFY SETTING merge_selector_base = 10;

ALTER TABLE dead_letters MODIFY SETTING merge_selector_base = 10;

ALTER TABLE alert_events MODIFY SETTING merge_selector_base = 10;

ALTER TABLE pair_escalation_hours MODIFY SETTING merge_selector_base = 10;

ALTER TABLE conflict_escalation_hours MODIFY SETTING merge_selector_base = 10;

ALTER TABLE pair_escalation_daily MODIFY SETTING merge_selector_base = 10;

ALTER TABLE conflict_escalation_daily MODIFY SETTING merge_selector_base = 10;

ALTER TABLE escalation_rollups MODIFY SETTING merge_selector_base = 10;
