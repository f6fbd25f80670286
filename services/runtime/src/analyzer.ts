import { createAnalyzer } from '@wirewatch/analysis';
import { AnalysisPool, type Analyzer } from '@wirewatch/workflows';

/**
 * The analysis engine as the batch activities use it. Stories come from the shared story index
 * (StoryStore), so the analyzer's own index is not consulted. With `threads` > 0, batches are analysed in
 * that many worker threads (ANALYSIS_THREADS); a single report is still analysed here.
 */
export function pipelineAnalyzer(threads = 0): Analyzer & { close(): Promise<void> } {
  const analyzer = createAnalyzer();
  if (threads === 0) return { rulesetVersion: analyzer.rulesetVersion, analyze: analyzer.analyze, close: async () => undefined };
  const pool = new AnalysisPool(threads);
  return {
    rulesetVersion: analyzer.rulesetVersion,
    analyze: analyzer.analyze,
    analyzeMany: (jobs, release, signalMinScore) => pool.analyzeMany(jobs, release, signalMinScore),
    prepareMany: (jobs) => pool.prepareMany(jobs),
    close: () => pool.close(),
  };
}
