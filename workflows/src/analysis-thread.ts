/**
 * One analysis thread of the pool (analysis-pool.ts): analyses the jobs it is sent with its own analyzer and
 * posts the results back. Loaded through analysis-thread.mjs, which registers the TypeScript loader first.
 */
import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from '@wirewatch/analysis';
import type { AnalysisRequest, AnalysisResponse } from './analysis-pool.ts';

const analyzer = createAnalyzer();
const port = parentPort!;

port.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { id: request.id, results: request.jobs.map((j) => analyzer.analyze(j.report, j.story, j.normalized)) };
  } catch (err) {
    response = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(response);
});
