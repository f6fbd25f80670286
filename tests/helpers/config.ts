import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configWith, type Config } from '@wirewatch/config';

/**
 * A configuration of its own for one test file: its own topics (prefix), Temporal task queue, embedded
 * ClickHouse folder and free ports, on the shared real services (Kafka, Temporal) started by
 * `wirewatch services up`.
 */
export function isolatedConfig(name: string, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  const id = `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  return configWith({
    KAFKA_TOPIC_PREFIX: `t-${id}.`,
    TEMPORAL_TASK_QUEUE: `test-${id}`,
    CLICKHOUSE_MODE: 'embedded',
    CLICKHOUSE_PATH: mkdtempSync(join(tmpdir(), `ww-${name}-`)),
    INGEST_PORT: '0',
    RUNTIME_PORT: String(20000 + Math.floor(Math.random() * 20000)),
    DASHBOARD_PORT: '0',
    LOG_LEVEL: 'warn',
    DISPATCHER_BATCH_MAX_WAIT_MS: '100',
    // No window-rule or roll-up schedule per test run on the shared Temporal; tests that need one turn it on.
    ALERT_WINDOW_INTERVAL_S: '0',
    ESCALATION_ROLLUP_INTERVAL_S: '0',
    ...overrides,
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns a value that `done` accepts, or fails after `timeoutMs` with the last value. */
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await sleep(250);
    last = await probe();
  }
  return last;
}
