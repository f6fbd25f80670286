import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from './activities.ts';
import type { BatchRef, BatchSummary } from './types.ts';

// Retries: transient failures (ClickHouse or Kafka unavailable) retry with backoff; bad data is never
// retried — the activities dead-letter it and carry on with the rest of the batch.
// Activities heartbeat as they go, so a worker that dies mid-batch is noticed within the heartbeat
// timeout and the batch is retried elsewhere, rather than after the whole start-to-close timeout.
const { dedupeBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', nonRetryableErrorTypes: ['InvalidBatch'] },
});
const { analyzeAndPersist } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', nonRetryableErrorTypes: ['InvalidBatch'] },
});
const { handOnSignals } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2s', maximumInterval: '1 minute' },
});

/**
 * One micro-batch of the raw topic: dedupe into stories, analyse and persist the read models, then hand
 * escalation signals on to alerting. The workflow id is the batch id, so a redelivered batch cannot run twice.
 */
export async function processBatch(ref: BatchRef): Promise<BatchSummary> {
  const stories = await dedupeBatch(ref);
  const outcome = await analyzeAndPersist(ref, stories);
  if (outcome.signals.length > 0) await handOnSignals(ref.batchId, outcome.signals);
  return outcome.summary;
}

// Alert lifecycles and window-rule evaluation run on the same worker.
export * from './alerts/workflows.ts';
