import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from './activities.ts';
import type { RollupActivities } from './rollup.ts';
import type { BatchRef, BatchSummary } from './types.ts';

// Retries: transient failures (ClickHouse or Kafka unavailable) retry with backoff; bad data is never
// retried — the activities dead-letter it and carry on with the rest of the batch.
const retry = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', nonRetryableErrorTypes: ['InvalidBatch'] };

// The batch steps run as local activities: in the worker that holds the workflow task, with no server round
// trip per step, so a batch costs the server one workflow task instead of seven (a ~5-report batch took
// ~700 ms of round trips as regular activities on the dev server). A worker that dies mid-batch lets the
// workflow task time out; another worker replays it and runs the steps again, which is safe because every
// step is idempotent (story_log keyed by offset, dedup tokens from the batch id). A step still failing after
// `localRetryThreshold` backs off on a durable timer instead of in worker memory.
const local = proxyLocalActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  localRetryThreshold: '10 seconds',
  retry,
});

// Histories started before the batch steps became local activities replay with regular activities.
// Activities heartbeat as they go, so a worker that dies mid-batch is noticed within the heartbeat timeout.
const { dedupeBatch, analyzeAndPersist } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry,
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
  const steps = patched('batch-steps-local') ? local : { dedupeBatch, analyzeAndPersist, handOnSignals };
  const stories = await steps.dedupeBatch(ref);
  const outcome = await steps.analyzeAndPersist(ref, stories);
  if (outcome.signals.length > 0) await steps.handOnSignals(ref.batchId, outcome.signals);
  return outcome.summary;
}

const { rollUpEscalationStep } = proxyActivities<RollupActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5s', maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** The most steps one run takes; a backlog beyond it (a replayed year) carries over to the next run. */
const ROLLUP_STEPS_PER_RUN = 100;

/**
 * Keeps the escalation counts finished (run by a Temporal Schedule): recomputes changed past days a few at a
 * time, so a long backlog never holds ClickHouse for long in one go. Returns the days rolled up.
 */
export async function rollUpEscalationCounts(): Promise<number> {
  let days = 0;
  for (let step = 0; step < ROLLUP_STEPS_PER_RUN; step++) {
    const { rolled, pending } = await rollUpEscalationStep();
    days += rolled;
    if (pending === 0) break;
  }
  return days;
}

// Alert lifecycles and window-rule evaluation run on the same worker.
export * from './alerts/workflows.ts';
