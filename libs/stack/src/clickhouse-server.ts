import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { childEnv, type Config } from '@wirewatch/config';
import type { ServicePaths } from './paths.ts';
import { runLogged, StackError } from './process.ts';
import { DaemonProcess, type ManagedService, type ServiceStatus } from './service.ts';

/** Debian's package (bookworm ships 18.16); only the server adapter's contract tests use it. */
export const CLICKHOUSE_SERVER_BINARY = '/usr/sbin/clickhouse-server';
const APT_PACKAGES = ['clickhouse-server', 'clickhouse-client'];
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const STOP_GRACE_MS = 15_000;

/**
 * clickhouse-server run as our own child process (not through systemd) with a configuration of ours:
 * data under WIREWATCH_HOME/clickhouse/data, listening on 127.0.0.1 only, user `default` without password.
 * Version 18.16 runs as root without complaint, so no user switch is needed.
 */
export class ClickhouseServerService implements ManagedService {
  readonly name = 'clickhouse' as const;
  readonly ports: number[];
  private readonly daemon: DaemonProcess;
  private readonly configFile: string;
  private readonly dataDir: string;

  constructor(
    private readonly config: Config,
    readonly paths: ServicePaths,
  ) {
    this.ports = [config.CLICKHOUSE_HTTP_PORT, config.CLICKHOUSE_TCP_PORT];
    this.configFile = join(paths.dir, 'config.xml');
    this.dataDir = join(paths.dir, 'data');
    // Our configuration path tells our server apart from any system-wide clickhouse-server.
    this.daemon = new DaemonProcess(paths, this.configFile);
  }

  async install(): Promise<'installed' | 'cached'> {
    if (existsSync(CLICKHOUSE_SERVER_BINARY)) return 'cached';
    if (process.getuid?.() !== 0) {
      throw new StackError(
        `clickhouse: ${CLICKHOUSE_SERVER_BINARY} is missing; install it as root: apt-get install -y ${APT_PACKAGES.join(' ')}`,
      );
    }
    const apt = (args: string[]) =>
      runLogged({
        command: 'apt-get',
        args,
        cwd: '/',
        logFile: this.paths.installLogFile,
        timeoutMs: INSTALL_TIMEOUT_MS,
        env: { ...childEnv(), DEBIAN_FRONTEND: 'noninteractive' },
      });
    // Package lists are fetched only when they do not know the package yet.
    if (!aptKnows(APT_PACKAGES[0]!)) await apt(['update', '-q']);
    await apt(['install', '-y', '-q', '--no-install-recommends', ...APT_PACKAGES]);
    if (!existsSync(CLICKHOUSE_SERVER_BINARY)) {
      throw new StackError(
        `clickhouse: apt-get installed no ${CLICKHOUSE_SERVER_BINARY}`,
        this.paths.installLogFile,
      );
    }
    return 'installed';
  }

  async start(): Promise<void> {
    this.writeConfig();
    await this.daemon.spawn({
      command: CLICKHOUSE_SERVER_BINARY,
      args: [`--config-file=${this.configFile}`],
      cwd: this.paths.dir,
    });
  }

  async health(): Promise<boolean> {
    const body = await httpGet(`http://127.0.0.1:${this.config.CLICKHOUSE_HTTP_PORT}/ping`, 1_000);
    return body.startsWith('Ok.');
  }

  isAlive(): boolean {
    return this.daemon.isAlive();
  }

  async stop(): Promise<void> {
    await this.daemon.stop(STOP_GRACE_MS);
  }

  status(): Promise<ServiceStatus> {
    return this.daemon.status(
      this.name,
      `http://localhost:${this.config.CLICKHOUSE_HTTP_PORT}`,
      this.ports,
      () => this.health(),
    );
  }

  /** Logs go to the console, which is our log file; caches are kept small for a 2-core, shared machine. */
  private writeConfig(): void {
    mkdirSync(this.dataDir, { recursive: true });
    const data = (sub: string) => join(this.dataDir, sub) + '/';
    writeFileSync(
      this.configFile,
      `<?xml version="1.0"?>
<yandex>
    <logger>
        <level>information</level>
        <console>1</console>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>${this.config.CLICKHOUSE_HTTP_PORT}</http_port>
    <tcp_port>${this.config.CLICKHOUSE_TCP_PORT}</tcp_port>
    <path>${this.dataDir}/</path>
    <tmp_path>${data('tmp')}</tmp_path>
    <user_files_path>${data('user_files')}</user_files_path>
    <format_schema_path>${data('format_schemas')}</format_schema_path>
    <users_config>users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mark_cache_size>268435456</mark_cache_size>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <max_concurrent_queries>50</max_concurrent_queries>
</yandex>
`,
    );
    writeFileSync(
      join(this.paths.dir, 'users.xml'),
      `<?xml version="1.0"?>
<yandex>
    <profiles>
        <default><max_memory_usage>4000000000</max_memory_usage></default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
`,
    );
  }
}

/** Whether apt's package lists know `name` (they are empty on a fresh machine until `apt-get update`). */
function aptKnows(name: string): boolean {
  try {
    const policy = execFileSync('apt-cache', ['policy', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return /Candidate: (?!\(none\))/.test(policy);
  } catch {
    return false;
  }
}

/**
 * The body of a 200 response. No keep-alive agent: a pooled socket would hold a short-lived CLI process
 * open for seconds after its work is done.
 */
function httpGet(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${response.statusCode}`)),
      );
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}
