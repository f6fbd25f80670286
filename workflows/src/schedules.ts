import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

/** A workflow that a Temporal Schedule starts every `everySeconds` on the task queue. */
export interface IntervalSchedule {
  scheduleId: string;
  workflowType: string;
  taskQueue: string;
  everySeconds: number;
}

/** Creates the Schedule, or brings an existing one with that id up to date (interval, workflow, queue). */
export async function ensureIntervalSchedule(client: Client, schedule: IntervalSchedule): Promise<void> {
  const options = {
    scheduleId: schedule.scheduleId,
    spec: { intervals: [{ every: `${schedule.everySeconds}s` }] },
    action: {
      type: 'startWorkflow' as const,
      workflowType: schedule.workflowType,
      taskQueue: schedule.taskQueue,
      args: [],
      // A run nobody picks up (no worker on the queue) times out instead of lingering.
      workflowExecutionTimeout: `${Math.max(2 * schedule.everySeconds, 600)}s`,
    },
    // One run at a time: a slow run delays the next tick rather than piling runs up.
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  };
  try {
    await client.schedule.create(options);
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(options.scheduleId).update((prev) => ({ ...prev, spec: options.spec, action: options.action, policies: options.policies }));
  }
}

export const rollupScheduleId = (taskQueue: string): string => `wirewatch-escalation-rollup:${taskQueue}`;

/** The Schedule that keeps the escalation counts finished (`rollUpEscalationCounts`). */
export async function ensureRollupSchedule(client: Client, taskQueue: string, everySeconds: number): Promise<void> {
  await ensureIntervalSchedule(client, {
    scheduleId: rollupScheduleId(taskQueue),
    workflowType: 'rollUpEscalationCounts',
    taskQueue,
    everySeconds,
  });
}
