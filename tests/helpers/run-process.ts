import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { childEnv, type Config } from '@wirewatch/config';
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

/** Runs `wirewatch run` (all components, embedded ClickHouse) as a child process and waits until it serves. */
export async function startRunProcess(config: Config, logFile: string): Promise<RunProcess> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [repoPath('cli', 'bin', 'wirewatch.js'), 'run'], {
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
          fetch(`http://${config.RUNTIME_HOST}:${config.RUNTIME_PORT}/healthz`),
          fetch(`http://${config.INGEST_HOST}:${config.INGEST_PORT}/readyz`),
        ]);
        return control.ok && ingest.ok;
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
