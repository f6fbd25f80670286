import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { Config } from '@wirewatch/config';
import { REPO_ROOT, type ServicePaths } from './paths.ts';
import { runLogged } from './process.ts';
import { DaemonProcess, type ManagedService, type ServiceStatus } from './service.ts';

/** The Maven project that names the broker's jars; its hash tells whether the installed jars are current. */
export const KAFKA_POM = join(REPO_ROOT, 'libs/stack/kafka/pom.xml');
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const STOP_GRACE_MS = 20_000;

/**
 * Apache Kafka, single node in KRaft mode (broker and controller in one JVM), jars from Maven Central.
 * Layout: WIREWATCH_HOME/kafka/{libs,config,data}.
 */
export class KafkaService implements ManagedService {
  readonly name = 'kafka' as const;
  readonly ports: number[];
  private readonly daemon: DaemonProcess;
  private readonly libsDir: string;
  private readonly configDir: string;
  private readonly dataDir: string;

  constructor(
    private readonly config: Config,
    readonly paths: ServicePaths,
  ) {
    this.ports = [config.KAFKA_PORT, config.KAFKA_CONTROLLER_PORT];
    this.daemon = new DaemonProcess(paths, 'kafka.Kafka');
    this.libsDir = join(paths.dir, 'libs');
    this.configDir = join(paths.dir, 'config');
    this.dataDir = join(paths.dir, 'data');
  }

  async install(): Promise<'installed' | 'cached'> {
    const wanted = createHash('sha256').update(readFileSync(KAFKA_POM)).digest('hex');
    const stamp = join(this.libsDir, '.pom-sha256');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return 'cached';

    // Resolve into a fresh folder and swap it in, so an interrupted download never looks installed.
    const partial = `${this.libsDir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await runLogged({
      command: 'mvn',
      args: [
        '-B',
        '-q',
        '-f',
        KAFKA_POM,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${partial}`,
      ],
      cwd: REPO_ROOT,
      logFile: this.paths.installLogFile,
      timeoutMs: INSTALL_TIMEOUT_MS,
    });
    writeFileSync(join(partial, '.pom-sha256'), `${wanted}\n`);
    rmSync(this.libsDir, { recursive: true, force: true });
    renameSync(partial, this.libsDir);
    return 'installed';
  }

  async start(): Promise<void> {
    this.writeConfig();
    if (!existsSync(join(this.dataDir, 'meta.properties'))) await this.formatStorage();
    await this.daemon.spawn({
      command: 'java',
      args: [
        '-Xms256m',
        '-Xmx1g',
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${join(this.configDir, 'log4j2.xml')}`,
        '-cp',
        `${this.libsDir}/*`,
        'kafka.Kafka',
        join(this.configDir, 'server.properties'),
      ],
      cwd: this.paths.dir,
    });
  }

  /** Ready when the broker answers metadata requests (the port opens a little before that). */
  async health(): Promise<boolean> {
    const kafka = new Kafka({
      clientId: 'wirewatch-services-health',
      brokers: [`127.0.0.1:${this.config.KAFKA_PORT}`],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      retry: { retries: 0 },
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return cluster.brokers.length > 0 && cluster.controller !== null;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    await this.daemon.stop(STOP_GRACE_MS);
  }

  status(): Promise<ServiceStatus> {
    return this.daemon.status(this.name, `localhost:${this.config.KAFKA_PORT}`, this.ports, () =>
      this.health(),
    );
  }

  isAlive(): boolean {
    return this.daemon.isAlive();
  }

  /**
   * One node is both broker and controller, with a static one-voter quorum (so a changed controller port
   * needs no re-format). Internal topics and ISR fit one broker; topics are created by our code.
   */
  private writeConfig(): void {
    const { KAFKA_PORT: port, KAFKA_CONTROLLER_PORT: controllerPort } = this.config;
    mkdirSync(this.configDir, { recursive: true });
    const properties = [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://localhost:${port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      `log.dirs=${this.dataDir}`,
      'num.partitions=1',
      'default.replication.factor=1',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=10',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'transaction.state.log.num.partitions=10',
      'share.coordinator.state.topic.replication.factor=1',
      'share.coordinator.state.topic.min.isr=1',
      'min.insync.replicas=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'delete.topic.enable=true',
      '',
    ].join('\n');
    writeFileSync(join(this.configDir, 'server.properties'), properties);
    // Console only: the process's stdout is already its log file under WIREWATCH_HOME/logs.
    writeFileSync(
      join(this.configDir, 'log4j2.xml'),
      [
        '<Configuration status="warn">',
        '  <Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="[%d] %p %m (%c)%n"/></Console></Appenders>',
        '  <Loggers>',
        '    <Logger name="org.apache.kafka.common.config.AbstractConfig" level="warn"/>',
        '    <Logger name="kafka.server.KafkaConfig" level="warn"/>',
        '    <Root level="info"><AppenderRef ref="out"/></Root>',
        '  </Loggers>',
        '</Configuration>',
        '',
      ].join('\n'),
    );
  }

  /** First start only: KRaft needs its log folder formatted with a cluster id (a base64url UUID). */
  private async formatStorage(): Promise<void> {
    const clusterId = randomBytes(16).toString('base64url');
    await runLogged({
      command: 'java',
      args: [
        `-Dlog4j2.configurationFile=${join(this.configDir, 'log4j2.xml')}`,
        '-cp',
        `${this.libsDir}/*`,
        'kafka.tools.StorageTool',
        'format',
        '--ignore-formatted',
        // One id in 64 starts with '-', which as a separate argument reads as an option: keep it attached.
        `--cluster-id=${clusterId}`,
        '-c',
        join(this.configDir, 'server.properties'),
      ],
      cwd: this.paths.dir,
      logFile: this.paths.logFile,
      timeoutMs: 60_000,
    });
  }
}
