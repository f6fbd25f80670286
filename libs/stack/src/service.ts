import type { ServicePaths } from './paths.ts';
import {
  isOurProcess,
  isPortOpen,
  killProcessGroup,
  readPidFile,
  removePidFile,
  spawnDetached,
  writePidFile,
  type SpawnSpec,
} from './process.ts';

export const SERVICE_NAMES = ['kafka', 'temporal', 'clickhouse'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceStatus {
  name: ServiceName;
  /** running: our process is up and answers; unhealthy: up but not answering; stopped: no process of ours. */
  state: 'running' | 'unhealthy' | 'stopped';
  pid?: number;
  /** Where clients connect, e.g. localhost:9092. */
  endpoint: string;
  ports: number[];
  logFile: string;
}

/** One local service that `wirewatch services` installs, runs and stops. */
export interface ManagedService {
  readonly name: ServiceName;
  readonly ports: number[];
  readonly paths: ServicePaths;
  /** Makes the binaries available; 'cached' when they already were (a fast no-op). */
  install(): Promise<'installed' | 'cached'>;
  /** Prepares configuration/data and spawns the process; does not wait for it to be ready. */
  start(): Promise<void>;
  /** Whether the service answers its protocol (not merely that a port is open). */
  health(): Promise<boolean>;
  /** Whether our process exists (cheap; no protocol check): waiting for health stops early when it died. */
  isAlive(): boolean;
  /** Stops the process group and forgets its pid. */
  stop(): Promise<void>;
  status(): Promise<ServiceStatus>;
}

/**
 * The process side every service shares: a pid file naming the process group leader, recognised by a
 * marker in its command line, so `down` and `status` work from another process than the one that started it.
 */
export class DaemonProcess {
  constructor(
    private readonly paths: ServicePaths,
    /** A string found in the service's command line, so a reused pid is not mistaken for ours. */
    private readonly marker: string,
  ) {}

  /** The pid of our running process, or undefined (a stale pid file is removed). */
  pid(): number | undefined {
    const pid = readPidFile(this.paths.pidFile);
    if (pid === undefined) return undefined;
    if (isOurProcess(pid, this.marker)) return pid;
    removePidFile(this.paths.pidFile);
    return undefined;
  }

  isAlive(): boolean {
    return this.pid() !== undefined;
  }

  async spawn(spec: Omit<SpawnSpec, 'logFile'>): Promise<number> {
    const pid = await spawnDetached({ ...spec, logFile: this.paths.logFile });
    writePidFile(this.paths.pidFile, pid);
    return pid;
  }

  /** Stops the whole process group (a service may fork helpers); SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    const pid = readPidFile(this.paths.pidFile);
    if (pid !== undefined && isOurProcess(pid, this.marker)) await killProcessGroup(pid, graceMs);
    removePidFile(this.paths.pidFile);
  }

  async status(
    name: ServiceName,
    endpoint: string,
    ports: number[],
    health: () => Promise<boolean>,
  ): Promise<ServiceStatus> {
    const pid = this.pid();
    const base = { name, endpoint, ports, logFile: this.paths.logFile };
    if (pid === undefined) return { ...base, state: 'stopped' };
    const healthy = await health().catch(() => false);
    return { ...base, pid, state: healthy ? 'running' : 'unhealthy' };
  }
}

/** Ports among `ports` that something already listens on (before we start: another program has them). */
export async function busyPorts(ports: number[]): Promise<number[]> {
  const busy: number[] = [];
  for (const port of ports) if (await isPortOpen(port)) busy.push(port);
  return busy;
}
