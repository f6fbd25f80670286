import { migrate, openClickHouse, type ClickHouse } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';
import { startDispatcher, type Dispatcher } from '@wirewatch/dispatcher';
import { createKafka, createProducer, ensureTopics, topicNames, topicOptionsOf } from '@wirewatch/kafka';
import { createLogger } from '@wirewatch/log';
import {
  connectTemporal,
  createActivities,
  StagedBatches,
  createRollupActivities,
  deadLetterSink,
  ensureRollupSchedule,
  startAlerting,
  startWorker,
  StoryStore,
  type RunningWorker,
  type SignalSink,
} from '@wirewatch/workflows';
import { startIngest } from '@wirewatch/ingest';
import { RULESET_VERSION } from '@wirewatch/analysis';
import { startDashboardComponent } from '@wirewatch/dashboard';
import type { FastifyInstance } from 'fastify';
import { pipelineAnalyzer } from './analyzer.ts';
import type { Component } from './components.ts';
import { buildControlApp } from './control.ts';


export interface RuntimeOptions {
  components: readonly Component[];
  /** Replaces the default signal hook (alerting plugs in here). */
  signals?: SignalSink;
}

export interface Runtime {
  config: Config;
  clickhouse: ClickHouse | null;
  /** Where the ingest API listens, when this process hosts it. */
  ingestUrl: string | null;
  /** Where the operator dashboard listens, when this process hosts it. */
  dashboardUrl: string | null;
  /** Stops components in dependency order: stop taking reports in, finish the batches in hand, close stores. */
  stop(): Promise<void>;
}

export const migrationVars = (config: Config) => ({ retention_days: config.CLICKHOUSE_RETENTION_DAYS });

/**
 * Starts wirewatch's components in this process. With the embedded ClickHouse, one process hosts them all
 * (only one process may open the chDB folder) and serves `wirewatch sql` on the control endpoint; with a
 * ClickHouse server, each component can run as its own process.
 */
export async function startRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const log = createLogger('runtime', config.LOG_LEVEL);
  const want = new Set(options.components);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err: unknown) => log.error({ err }, 'error while stopping'));
  };

  try {
    const kafka = createKafka(config);
    const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, config.KAFKA_TOPIC_PREFIX, topicOptionsOf(config));
    await admin.disconnect();

    let clickhouse: ClickHouse | null = null;
    let control: FastifyInstance | null = null;
    // Ingest only appends to Kafka: a process that runs nothing else never opens ClickHouse (so, on the embedded
    // default, it can run beside the process that holds the chDB folder).
    const writes = want.has('dispatcher') || want.has('worker') || (config.CLICKHOUSE_MODE === 'embedded' && want.has('dashboard'));
    if (writes || want.has('dashboard')) {
      const ch = await openClickHouse(config);
      clickhouse = ch;
      stops.push(() => ch.close());
      // A dashboard of its own in server mode reads as a read-only user: it leaves migrations to the writers.
      if (writes) await migrate(ch, migrationVars(config));
      if (config.CLICKHOUSE_MODE === 'embedded') {
        const app = buildControlApp(ch, () => migrate(ch, migrationVars(config)));
        await app.listen({ host: config.RUNTIME_HOST, port: config.RUNTIME_PORT });
        control = app;
        stops.push(() => app.close());
      }
    }

    // A dispatcher and a worker in one process hand staged batches over in memory as well as through ClickHouse.
    const staged = want.has('dispatcher') && want.has('worker') ? new StagedBatches(config.DISPATCHER_MAX_BATCHES_IN_FLIGHT * 2) : undefined;

    if (want.has('worker')) {
      const ch = clickhouse!;
      const analyzer = pipelineAnalyzer(config.ANALYSIS_THREADS);
      stops.push(() => analyzer.close());
      const producer = createProducer(kafka);
      await producer.connect();
      stops.push(() => producer.disconnect());
      const stories = await StoryStore.open(ch, { rulesetVersion: analyzer.rulesetVersion, windowDays: config.DEDUPE_WINDOW_DAYS });
      // Alerting: rules from ALERT_RULES evaluate each batch's signals; alert workflows run on this worker.
      const alerting = await startAlerting(config, { clickhouse: ch, producer, alertsTopic: topics.alerts, rulesetVersion: analyzer.rulesetVersion, log });
      stops.push(() => alerting.close());
      const batchActivities = createActivities({
        clickhouse: ch,
        stories,
        analyzer,
        deadLetters: deadLetterSink({ producer, topic: topics.deadletter, clickhouse: ch, log }),
        signals: options.signals ?? alerting.sink,
        signalMinScore: config.SIGNAL_MIN_SCORE,
        log,
        staged,
      });
      const rollup = createRollupActivities({ clickhouse: ch, daysPerStep: config.ESCALATION_ROLLUP_DAYS_PER_STEP, log });
      const activities = { ...batchActivities, ...alerting.activities, ...rollup };
      const worker: RunningWorker = await startWorker({
        address: config.TEMPORAL_ADDRESS,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        activities,
        logLevel: config.LOG_LEVEL,
      });
      stops.push(() => worker.stop());
      if (config.ESCALATION_ROLLUP_INTERVAL_S > 0) {
        const temporal = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
        try {
          await ensureRollupSchedule(temporal, config.TEMPORAL_TASK_QUEUE, config.ESCALATION_ROLLUP_INTERVAL_S);
        } finally {
          await temporal.connection.close();
        }
      }
      log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, ruleset: analyzer.rulesetVersion }, 'worker running');
    }

    if (want.has('dispatcher')) {
      const temporal = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
      stops.push(() => temporal.connection.close());
      const dispatcher: Dispatcher = await startDispatcher(
        { kafka, clickhouse: clickhouse!, temporal, log, staged },
        {
          topic: topics.raw,
          groupId: `${config.KAFKA_TOPIC_PREFIX}wirewatch-dispatcher`,
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          maxReports: config.DISPATCHER_BATCH_MAX_REPORTS,
          maxBytes: config.DISPATCHER_BATCH_MAX_BYTES,
          maxWaitMs: config.DISPATCHER_BATCH_MAX_WAIT_MS,
          maxInFlight: config.DISPATCHER_MAX_BATCHES_IN_FLIGHT,
        },
      );
      stops.push(() => dispatcher.stop());
    }

    let ingestUrl: string | null = null;
    if (want.has('ingest')) {
      const ingest = await startIngest(config);
      stops.push(() => ingest.close());
      await ingest.waitUntilReady(30_000);
      ingestUrl = ingest.url;
    }

    let dashboardUrl: string | null = null;
    if (want.has('dashboard')) {
      const dashboard = await startDashboardComponent(config, {
        kafka,
        clickhouse: clickhouse!,
        rawTopic: topics.raw,
        dispatcherGroup: `${config.KAFKA_TOPIC_PREFIX}wirewatch-dispatcher`,
        rulesetVersion: RULESET_VERSION,
        log,
      });
      stops.push(() => dashboard.close());
      dashboardUrl = dashboard.url;
    }

    log.info({ components: [...want], clickhouse: config.CLICKHOUSE_MODE, control: control !== null }, 'wirewatch running');
    return { config, clickhouse, ingestUrl, dashboardUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
