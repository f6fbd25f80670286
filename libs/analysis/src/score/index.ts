export { conflictOf, eventContributions, scoreReport, scoring, type Conflict, type ScoreInput, type ScoreResult, type ScoringTables } from './score.ts';
