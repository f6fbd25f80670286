import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from './activities.ts';

export interface WorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  maxConcurrentActivityTaskExecutions?: number;
}

export interface RunningWorker {
  worker: Worker;
  /** Drains in-flight tasks and stops polling. */
  stop(): Promise<void>;
}

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/** Starts a worker polling the task queue for batch workflows and their activities. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: options.activities,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 4,
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
