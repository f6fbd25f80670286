import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { childEnv, type Config } from '@wirewatch/config';
import type { Component } from '@wirewatch/runtime/components';
import { eventually } from './config.ts';
import { repoPath } from './paths.ts';

/** The environment that gives a child process exactly this configuration. */
export function envOf(config: Config): NodeJS.ProcessEnv {
  const settings: Partial<Record<keyof Config, string>> = {};
  for (const [key, value] of Object.entries(config) as [keyof Config, unknown][]) {
    if (value === undefined) continue;
    settings[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return childEnv(settings);
}

export interface RunProcess {
  child: ChildProcess;
  /** Sends SIGTERM and waits for a graceful exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
}

/**
 * Runs `wirewatch run` as a child process and waits until it serves: all components by default (embedded
 * ClickHouse), or the `only` subset (`--only`); a process without ClickHouse (ingest alone) has no control endpoint.
 */
export async function startRunProcess(config: Config, logFile: string, only?: Component[]): Promise<RunProcess> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const args = ['run', ...(only ? ['--only', only.join(',')] : [])];
  const withControl = !only || only.some((c) => c !== 'ingest');
  const withIngest = !only || only.includes('ingest');
  // The launcher itself, as `npx wirewatch` runs it: its first line gives node the flags the service runs with.
  const child = spawn(repoPath('cli', 'bin', 'wirewatch.js'), args, {
    cwd: repoPath(),
    env: envOf(config),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`wirewatch run exited with ${child.exitCode}; see ${logFile}`);
      try {
        const [control, ingest] = await Promise.all([
          withControl ? fetch(`http://${config.RUNTIME_HOST}:${config.RUNTIME_PORT}/healthz`) : null,
          withIngest ? fetch(`http://${config.INGEST_HOST}:${config.INGEST_PORT}/readyz`) : null,
        ]);
        return (control?.ok ?? true) && (ingest?.ok ?? true);
      } catch {
        return false;
      }
    },
    (ok) => ok,
    90_000,
  );
  return {
    child,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Queries the read models through a running process's control endpoint. */
export async function controlQuery<T = Record<string, unknown>>(config: Config, query: string, params?: Record<string, unknown>): Promise<T[]> {
  const res = await fetch(`http://${config.RUNTIME_HOST}:${config.RUNTIME_PORT}/v1/sql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, params }),
  });
  const body = (await res.json()) as { rows?: T[]; error?: string };
  if (!res.ok) throw new Error(body.error ?? `control endpoint answered ${res.status}`);
  return body.rows ?? [];
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s on Linux). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
