import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { Logger } from '@wirewatch/log';
import { batchIdOf, type BatchRef, type StagedRow } from '@wirewatch/workflows/types';
import type { Consumer, Kafka } from 'kafkajs';
import { cutBatches, type BatchLimits, type RawMessage } from './batcher.ts';
import { stageBatch } from './stage.ts';

export interface DispatcherOptions extends BatchLimits {
  topic: string;
  groupId: string;
  taskQueue: string;
  /** Upper bound on a fetch's wait: the time bound of a micro-batch. */
  maxWaitMs: number;
  /** Batch workflows started but not finished; at the cap, consumption waits. */
  maxInFlight: number;
}

export interface DispatcherDeps {
  kafka: Kafka;
  clickhouse: ClickHouse;
  temporal: Client;
  log: Logger;
  /** A worker in this process (StagedBatches): given each staged batch, so it need not read it back. */
  staged?: { set(batchId: string, rows: StagedRow[]): unknown };
}

export interface Dispatcher {
  /** Finishes the batch in hand, commits, leaves the group. In-flight workflows carry on in Temporal. */
  stop(): Promise<void>;
  stats(): { batchesStarted: number; reportsDispatched: number; inFlight: number };
}

/**
 * Kafka → Temporal. Consumes the raw topic, cuts each partition's messages into micro-batches, stages
 * them in ClickHouse and starts one workflow per batch under a deterministic id. Offsets are committed
 * only after Temporal accepted the start, so a crash re-delivers the batch and the id stops a second run.
 */
export async function startDispatcher(deps: DispatcherDeps, options: DispatcherOptions): Promise<Dispatcher> {
  const { kafka, clickhouse, temporal, log } = deps;
  const inFlight = new Set<Promise<unknown>>();
  let batchesStarted = 0;
  let stopping = false;
  let reportsDispatched = 0;

  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    // The broker holds a fetch until a batch's worth of bytes is there or the time bound has passed, so a
    // batch fills for up to maxWaitMs instead of leaving with the first few reports: every batch has a
    // fixed cost (workflow, staging and writes), and at 500 reports/s many near-empty batches cost more
    // latency than waiting does (docs/pipeline-bench.md).
    maxWaitTimeInMs: options.maxWaitMs,
    minBytes: options.maxBytes,
    maxBytesPerPartition: options.maxBytes,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });

  async function waitForCapacity(heartbeat: () => Promise<void>): Promise<void> {
    while (inFlight.size >= options.maxInFlight) {
      const tick = new Promise((resolve) => setTimeout(resolve, 1_000));
      await Promise.race([...inFlight, tick]);
      await heartbeat();
    }
  }

  async function dispatch(partition: number, messages: RawMessage[]): Promise<BatchRef> {
    const firstOffset = messages[0]!.offset;
    const lastOffset = messages[messages.length - 1]!.offset;
    const ref: BatchRef = {
      batchId: batchIdOf(options.topic, partition, firstOffset, lastOffset),
      topic: options.topic,
      partition,
      firstOffset,
      lastOffset,
      count: messages.length,
    };
    const staged = await stageBatch(clickhouse, ref, messages);
    deps.staged?.set(ref.batchId, staged);
    try {
      const handle = await temporal.workflow.start('processBatch', {
        taskQueue: options.taskQueue,
        workflowId: ref.batchId,
        args: [ref],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      const done: Promise<unknown> = handle
        .result()
        .catch((err: unknown) => {
          // After stop() the client is closing; the workflow itself carries on in Temporal.
          if (!stopping) log.error({ err, batchId: ref.batchId }, 'batch workflow failed');
        })
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
      batchesStarted += 1;
    } catch (err) {
      // Started before (a redelivered batch): the first run owns it; just move the offset on.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      log.info({ batchId: ref.batchId }, 'batch already started; skipping redelivery');
    }
    reportsDispatched += messages.length;
    return ref;
  }

  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 2,
    eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
      for (const messages of cutBatches(batch.messages, options)) {
        if (!isRunning() || isStale()) return;
        await waitForCapacity(heartbeat);
        const ref = await dispatch(batch.partition, messages);
        // Temporal has the batch: move this consumer past it, then commit for the group.
        resolveOffset(ref.lastOffset);
        const next = (BigInt(ref.lastOffset) + 1n).toString();
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
        await heartbeat();
      }
    },
  });
  log.info({ topic: options.topic, groupId: options.groupId }, 'dispatcher consuming');

  return {
    async stop() {
      stopping = true;
      await consumer.disconnect();
      log.info({ batchesStarted, reportsDispatched }, 'dispatcher stopped');
    },
    stats: () => ({ batchesStarted, reportsDispatched, inFlight: inFlight.size }),
  };
}
