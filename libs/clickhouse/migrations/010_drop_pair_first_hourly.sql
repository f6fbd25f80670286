-- The pair-first hourly roll-ups of migration 006, replaced by the time-first ones of migration 009 (which
-- copied their rows). Dropped in a migration of their own so that 009, if interrupted, can run again.
DROP TABLE IF EXISTS pair_escalation_hourly;

DROP TABLE IF EXISTS conflict_escalation_hourly;
