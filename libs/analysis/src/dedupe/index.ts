/**
 * Story dedupe: which reports tell the same story. Exact repeats and new versions by key,
 * syndicated copies by MinHash/LSH over body shingles, independent rewrites by a weighted
 * term similarity of headline and lead.
 */
export { StoryIndex, bodyOf, leadOf, encodeFingerprint, decodeFingerprint } from './story-index.ts';
export type { DedupeInput, StoryIndexEntry, StoryIndexOptions } from './story-index.ts';
export { termFeatures, termSimilarity, rewriteSimilarity } from './features.ts';
export type { TermFeatures, SimilarityBreakdown } from './features.ts';
export { minhash, signatureOf, shingleHashes, estimateJaccard, bandKeys, DEFAULT_MINHASH } from './minhash.ts';
export type { MinHashParams } from './minhash.ts';

/**
 * The version of the story-matching method. Bump it when the dedupe logic or its thresholds change: it is
 * part of RULESET_VERSION, so re-derived rows land under a new ruleset beside the old ones.
 */
export const DEDUPE_METHOD_VERSION = '2026.11.27-names-veto';
