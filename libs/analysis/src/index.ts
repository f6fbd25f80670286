/**
 * The wirewatch analysis engine: pure, deterministic functions from a wire report to its events,
 * actors, quantities, assertion status and escalation score.
 */
export * from './types.ts';
export { analyzeReport, analyzeSentence, createAnalyzer, reportInputSchema, RULESET_VERSION, type Analyzer, type AnalyzerOptions } from './analyze.ts';
export { classifySentence, resolveNegation, lexicon, type EventMention } from './classify/index.ts';
export { assessAssertion, isNegated, strongerHedge, type AssertionResult } from './assertion/index.ts';
export { conflictOf, eventContributions, scoreReport, scoring, type ScoreInput, type ScoreResult } from './score/index.ts';
export * from './normalize/index.ts';
export * from './dedupe/index.ts';
export * from './actors/index.ts';
export * from './quantities/index.ts';
