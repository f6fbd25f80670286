import { openClickHouse, type ClickHouse, type QueryParams } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';

/** The control endpoint of a running embedded runtime, or null when none answers. */
export async function runtimeUrl(config: Config): Promise<string | null> {
  const url = `http://${config.RUNTIME_HOST}:${config.RUNTIME_PORT}`;
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return res.ok ? url : null;
  } catch {
    return null;
  }
}

/**
 * Runs a query wherever the data is: on a ClickHouse server directly; in embedded mode through the
 * running runtime (which holds the chDB folder), or by opening the folder when no runtime runs.
 */
export async function querySomewhere(config: Config, sql: string, params?: QueryParams): Promise<Record<string, unknown>[]> {
  if (config.CLICKHOUSE_MODE === 'embedded') {
    const url = await runtimeUrl(config);
    if (url) {
      const res = await fetch(`${url}/v1/sql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: sql, params }),
      });
      const body = (await res.json()) as { rows?: Record<string, unknown>[]; error?: string };
      if (!res.ok) throw new Error(body.error ?? `runtime answered ${res.status}`);
      return body.rows ?? [];
    }
  }
  const ch = await openClickHouse(config);
  try {
    return await ch.query(sql, params);
  } finally {
    await ch.close();
  }
}

export async function withClickHouse<T>(config: Config, fn: (ch: ClickHouse) => Promise<T>): Promise<T> {
  const ch = await openClickHouse(config);
  try {
    return await fn(ch);
  } finally {
    await ch.close();
  }
}
