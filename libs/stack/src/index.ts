import { loadConfig, type Config } from '@wirewatch/config';
import { ClickhouseServerService } from './clickhouse-server.ts';
import { KafkaService } from './kafka.ts';
import { TemporalService } from './temporal.ts';
import { stackPaths, type StackPaths } from './paths.ts';
import { StackError, waitForPortsClosed, waitUntil, withLockFile } from './process.ts';
import {
  busyPorts,
  SERVICE_NAMES,
  type ManagedService,
  type ServiceName,
  type ServiceStatus,
} from './service.ts';

export { StackError } from './process.ts';
export { stackPaths, REPO_ROOT, type StackPaths } from './paths.ts';
export { SERVICE_NAMES, type ManagedService, type ServiceName, type ServiceStatus } from './service.ts';

/** Waiting for another `services up|down` to finish: installs can take minutes on a cold machine. */
const LOCK_TIMEOUT_MS = 15 * 60_000;
const PORTS_RELEASED_TIMEOUT_MS = 15_000;

export interface StackOptions {
  config?: Config;
  /** Progress lines for a person ("kafka: installing…"); silent when absent. */
  onProgress?: (line: string) => void;
}

export interface UpResult {
  name: ServiceName;
  outcome: 'already-running' | 'started';
  install: 'installed' | 'cached' | 'skipped';
  endpoint: string;
  elapsedMs: number;
}

function createServices(config: Config, paths: StackPaths): Record<ServiceName, ManagedService> {
  return {
    kafka: new KafkaService(config, paths.service('kafka')),
    temporal: new TemporalService(config, paths.service('temporal')),
    clickhouse: new ClickhouseServerService(config, paths.service('clickhouse')),
  };
}

/** The services `services up` starts when not told which: clickhouse-server only when configured. */
export function defaultServices(config: Config, withClickhouseServer = false): ServiceName[] {
  return withClickhouseServer || config.STACK_CLICKHOUSE_SERVER
    ? ['kafka', 'temporal', 'clickhouse']
    : ['kafka', 'temporal'];
}

/** Parses `--only kafka,temporal`; throws on an unknown name. */
export function parseServiceNames(list: string): ServiceName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const name of names) {
    if (!(SERVICE_NAMES as readonly string[]).includes(name)) {
      throw new StackError(`unknown service "${name}" (known: ${SERVICE_NAMES.join(', ')})`);
    }
  }
  return names as ServiceName[];
}

/**
 * Installs what is missing, starts and health-checks each named service, in order. A service that is
 * already running and healthy is left alone, so a second `up` is a fast no-op.
 */
export async function servicesUp(names: ServiceName[], opts: StackOptions = {}): Promise<UpResult[]> {
  const config = opts.config ?? loadConfig();
  const paths = stackPaths(config);
  const services = createServices(config, paths);
  const say = opts.onProgress ?? (() => undefined);
  return withLockFile(paths.lockFile, LOCK_TIMEOUT_MS, async () => {
    const results: UpResult[] = [];
    for (const name of names) results.push(await bringUp(services[name], config, say));
    return results;
  });
}

async function bringUp(
  service: ManagedService,
  config: Config,
  say: (line: string) => void,
): Promise<UpResult> {
  const started = Date.now();
  const { name } = service;
  const result = (outcome: UpResult['outcome'], install: UpResult['install']): UpResult => ({
    name,
    outcome,
    install,
    endpoint: '',
    elapsedMs: Date.now() - started,
  });

  const before = await service.status();
  if (before.state === 'running') {
    say(`${name}: already running (pid ${before.pid}) at ${before.endpoint}`);
    return { ...result('already-running', 'skipped'), endpoint: before.endpoint };
  }
  // Our process is up but not answering: restart it rather than guess whether it will recover.
  if (before.state === 'unhealthy') {
    say(`${name}: running but not answering; restarting`);
    await service.stop();
  }

  const busy = await busyPorts(service.ports);
  if (busy.length > 0) {
    throw new StackError(
      `${name}: port ${busy.join(', ')} already in use by a process wirewatch did not start`,
    );
  }

  say(`${name}: installing (cached after the first time)…`);
  const install = await service.install();
  say(`${name}: ${install === 'cached' ? 'already installed' : 'installed'}; starting`);
  await service.start();

  const timeoutMs = config.STACK_START_TIMEOUT_S * 1000;
  const outcome = await waitUntil(() => service.health(), { timeoutMs, stillAlive: () => service.isAlive() });
  if (outcome !== 'ok') {
    await service.stop();
    const why =
      outcome === 'died'
        ? 'exited during start-up'
        : `not healthy after ${config.STACK_START_TIMEOUT_S} s (STACK_START_TIMEOUT_S)`;
    throw new StackError(`${name}: ${why}`, service.paths.logFile);
  }
  const status = await service.status();
  say(
    `${name}: running (pid ${status.pid}) at ${status.endpoint} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { ...result('started', install), endpoint: status.endpoint };
}

/** Stops every named service (all by default) and checks their ports are free afterwards. */
export async function servicesDown(
  names: readonly ServiceName[] = SERVICE_NAMES,
  opts: StackOptions = {},
): Promise<void> {
  const config = opts.config ?? loadConfig();
  const paths = stackPaths(config);
  const services = createServices(config, paths);
  const say = opts.onProgress ?? (() => undefined);
  await withLockFile(paths.lockFile, LOCK_TIMEOUT_MS, async () => {
    const stuck: string[] = [];
    for (const name of [...names].reverse()) {
      const service = services[name];
      const wasAlive = service.isAlive();
      await service.stop();
      if (!wasAlive) {
        say(`${name}: not running`);
        continue;
      }
      const open = await waitForPortsClosed(service.ports, PORTS_RELEASED_TIMEOUT_MS);
      if (open.length > 0) stuck.push(`${name} (port ${open.join(', ')})`);
      else say(`${name}: stopped`);
    }
    if (stuck.length > 0) throw new StackError(`ports still open after stopping: ${stuck.join('; ')}`);
  });
}

/** The state of every service, read from pid files and a protocol-level health check. */
export async function servicesStatus(opts: StackOptions = {}): Promise<ServiceStatus[]> {
  const config = opts.config ?? loadConfig();
  const services = createServices(config, stackPaths(config));
  return Promise.all(SERVICE_NAMES.map((name) => services[name].status()));
}
