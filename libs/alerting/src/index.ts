/**
 * Alerting on escalation signals: rules as data (YAML validated by zod), their pure evaluation on one
 * report or as window queries, and the alert lifecycle's state transitions. No I/O beyond reading rule files.
 */
export * from './types.ts';
export { parseDuration, formatDuration } from './duration.ts';
export { ruleSchema, ruleFileSchema, isWindowRule, GROUP_FIELDS, type Rule, type ReportRule, type WindowRule, type PairSurgeRule, type CountRule, type SequenceRule, type EventCondition, type GroupField } from './schema.ts';
export { loadRules, parseRuleFile, ruleFilesOf, formatRuleError, policyOf, type RuleError, type RuleFileResult } from './load.ts';
export { evaluateReport, factsFromAnalysis, highestSeverity, type EventFacts, type ReportFacts } from './evaluate.ts';
export { windowQuery, type WindowQuery, type WindowParams } from './window.ts';
export * from './lifecycle.ts';
