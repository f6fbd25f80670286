export { conflictOf, eventContributions, sameAct, scoreReport, scoring, type Conflict, type ScoreInput, type ScoreResult, type ScoringTables } from './score.ts';
