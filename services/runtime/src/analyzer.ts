import { createAnalyzer } from '@wirewatch/analysis';
import type { Analyzer } from '@wirewatch/workflows';

/**
 * The analysis engine as the batch activities use it. Stories come from the shared story index
 * (StoryStore), so the analyzer's own index is not consulted.
 */
export function pipelineAnalyzer(): Analyzer {
  return createAnalyzer();
}
