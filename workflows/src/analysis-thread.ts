/**
 * One analysis thread of the pool (analysis-pool.ts): prepares reports for the story index, analyses them with its
 * own analyzer and writes their rows, and posts the outcome back. Loaded through analysis-thread.mjs, which
 * registers the TypeScript loader first.
 */
import { parentPort } from 'node:worker_threads';
import { createAnalyzer, normalizeReport, StoryIndex, type NormalizedReport } from '@wirewatch/analysis';
import { chTime } from '@wirewatch/clickhouse/port';
import { BoundedMap } from './bounded-map.ts';
import type { AnalysisJob, AnalysisRequest, AnalysisResponse, PrepareJob, PreparedReport } from './analysis-pool.ts';
import { analysedRows, type AnalysedRows, type RowBlock } from './rows.ts';

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

/** The chunk's rows; `processed_at` is stamped once its analysis is done, as the event loop would stamp it. */
function analyzeChunk(jobs: AnalysisJob[], signalMinScore: number): { rows: AnalysedRows; transfer: ArrayBuffer[] } {
  const analysed = jobs.map((job) => ({ head: job.head, result: analyze(job) }));
  const rows = analysedRows(analysed, chTime(new Date()), signalMinScore);
  // Each block is copied into a buffer of its own, exactly its size, and moved to the event loop without a copy.
  const transfer: ArrayBuffer[] = [];
  const own = (block: RowBlock): RowBlock => {
    const bytes = new Uint8Array(block.bytes);
    transfer.push(bytes.buffer);
    return { bytes, rows: block.rows };
  };
  return {
    rows: {
      reports: own(rows.reports),
      events: own(rows.events),
      signals: own(rows.signals),
      written: { reports: own(rows.written.reports), events: own(rows.written.events) },
      signalRefs: rows.signalRefs,
    },
    transfer,
  };
}

port.on('message', (request: AnalysisRequest) => {
  try {
    if (request.kind === 'prepare') {
      port.postMessage({ id: request.id, results: request.jobs.map(prepare) } satisfies AnalysisResponse);
      return;
    }
    for (const key of request.release ?? []) kept.delete(key);
    const { rows, transfer } = analyzeChunk(request.jobs, request.signalMinScore);
    port.postMessage({ id: request.id, results: rows } satisfies AnalysisResponse, transfer);
  } catch (err) {
    port.postMessage({ id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies AnalysisResponse);
  }
});
