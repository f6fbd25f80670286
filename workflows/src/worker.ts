import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import type { Activities } from './activities.ts';

export interface WorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  maxConcurrentActivityTaskExecutions?: number;
  /** wirewatch's LOG_LEVEL; the SDK logs from WARN up unless it is debug or trace. */
  logLevel?: string;
}

export interface RunningWorker {
  worker: Worker;
  /** Drains in-flight tasks and stops polling. */
  stop(): Promise<void>;
}

/**
 * The SDK logs every worker state change and the workflow bundle at INFO; wirewatch's own logs say what
 * matters, so the SDK speaks from WARN up unless wirewatch runs at debug. Installed once per process,
 * before the first worker or connection.
 *
 * The SDK would also start draining its workers on SIGINT/SIGTERM by itself. wirewatch's runtime stops
 * its components in order (dispatcher, then worker, then the stores), so the SDK listens to no signal:
 * a worker draining on its own while the stop closed ClickHouse under its last batch lost that batch's
 * signal rows (seen in the pipeline test's graceful stop).
 */
function installSdkRuntime(logLevel: string): void {
  const level: LogLevel = logLevel === 'debug' || logLevel === 'trace' ? 'INFO' : 'WARN';
  try {
    Runtime.install({ logger: new DefaultLogger(level), shutdownSignals: [] });
  } catch {
    // Already installed (a second worker in this process): keep the first.
  }
}

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/** Starts a worker polling the task queue for batch workflows and their activities. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  installSdkRuntime(options.logLevel ?? 'info');
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: options.activities,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 4,
    // The batch steps (local activities): a few batches at once keep the CPU busy without holding many in memory.
    maxConcurrentLocalActivityExecutions: 8,
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      // Already draining (asked once before): wait for the drain all the same.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
