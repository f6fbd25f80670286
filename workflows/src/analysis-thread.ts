/**
 * One analysis thread of the pool (analysis-pool.ts): prepares reports for the story index and analyses them
 * with its own analyzer, and posts the results back. Loaded through analysis-thread.mjs, which registers the
 * TypeScript loader first.
 */
import { parentPort } from 'node:worker_threads';
import { createAnalyzer, normalizeReport, StoryIndex, type NormalizedReport } from '@wirewatch/analysis';
import { BoundedMap } from './bounded-map.ts';
import type { AnalysisJob, AnalysisRequest, AnalysisResponse, PrepareJob, PreparedReport } from './analysis-pool.ts';

const analyzer = createAnalyzer();
// Only its fingerprint() is used: it depends on the index's options (the defaults, as the story store's index),
// never on what the index holds.
const fingerprints = new StoryIndex();
const port = parentPort!;

/** Normalisations made by `prepare`, by key, for the analysis of the same reports; oldest dropped first. */
const kept = new BoundedMap<string, NormalizedReport>(20_000);

function prepare(job: PrepareJob): PreparedReport {
  const normalized = normalizeReport(job.report);
  kept.set(job.key, normalized);
  const { id, source, source_id, published_at, headline } = job.report;
  return { text: normalized.text, fingerprint: fingerprints.fingerprint({ id, source, source_id, published_at, headline, text: normalized.text }) };
}

function analyze(job: AnalysisJob) {
  let normalized = job.normalized;
  if (normalized === undefined && job.key !== undefined) {
    normalized = kept.get(job.key);
    kept.delete(job.key);
  }
  return analyzer.analyze(job.report, job.story, normalized);
}

port.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    if (request.kind === 'analyze') for (const key of request.release ?? []) kept.delete(key);
    response = { id: request.id, results: request.kind === 'prepare' ? request.jobs.map(prepare) : request.jobs.map(analyze) };
  } catch (err) {
    response = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(response);
});
