import type { Client } from '@temporalio/client';
import type { Admin } from 'kafkajs';

export interface PartitionLag {
  partition: number;
  /** Next offset the group will read (-1 when it has committed nothing). */
  committed: string;
  /** Next offset to be written (high watermark). */
  end: string;
  lag: number;
}

export interface ConsumerLag {
  topic: string;
  groupId: string;
  total: number;
  partitions: PartitionLag[];
}

export interface FailedWorkflows {
  count: number;
  recent: { workflowId: string; runId: string; closedAt: string | null }[];
}

/** What the health view asks outside ClickHouse: Kafka for consumer lag, Temporal for failed batch workflows. */
export interface HealthProbes {
  consumerLag(): Promise<ConsumerLag>;
  failedWorkflows(): Promise<FailedWorkflows>;
}

/**
 * Consumer lag of the dispatcher's group on the raw topic: the group's committed offsets against the
 * topic's high watermarks. A partition the group never committed on counts from its low watermark.
 */
export function kafkaLagProbe(admin: Admin, topic: string, groupId: string): HealthProbes['consumerLag'] {
  return async () => {
    const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    const committedByPartition = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, p.offset]));
    const partitions = ends
      .map((p) => {
        const done = committedByPartition.get(p.partition) ?? '-1';
        const from = BigInt(done) >= 0n ? BigInt(done) : BigInt(p.low);
        return { partition: p.partition, committed: done, end: p.high, lag: Number(BigInt(p.high) - from) };
      })
      .sort((a, b) => a.partition - b.partition);
    return { topic, groupId, partitions, total: partitions.reduce((n, p) => n + p.lag, 0) };
  };
}

/** Batch workflows of this task queue that failed (Temporal visibility), with the latest few. */
export function temporalFailuresProbe(client: Client, taskQueue: string): HealthProbes['failedWorkflows'] {
  const query = `WorkflowType = 'processBatch' AND ExecutionStatus = 'Failed' AND TaskQueue = '${taskQueue.replace(/'/g, "\\'")}'`;
  return async () => {
    const { count } = await client.workflow.count(query);
    const recent: FailedWorkflows['recent'] = [];
    for await (const wf of client.workflow.list({ query, pageSize: 5 })) {
      recent.push({ workflowId: wf.workflowId, runId: wf.runId, closedAt: wf.closeTime?.toISOString() ?? null });
      if (recent.length >= 5) break;
    }
    return { count, recent };
  };
}

/** Probes that report they are not connected (a dashboard started without Kafka or Temporal access). */
export const unavailableProbes: HealthProbes = {
  consumerLag: () => Promise.reject(new Error('Kafka lag is not available in this process')),
  failedWorkflows: () => Promise.reject(new Error('Temporal is not available in this process')),
};
