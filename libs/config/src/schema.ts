import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
/** A port to listen on; 0 lets the system pick a free one (tests). */
const listenPort = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');
const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0));

/**
 * Every setting wirewatch reads, named as the environment variable that sets it.
 * Names carry their subsystem (KAFKA_, TEMPORAL_, CLICKHOUSE_, INGEST_, …) and units where they have one.
 * The same names are valid keys of the optional YAML config file (WIREWATCH_CONFIG_FILE).
 */
export const ConfigSchema = z.object({
  WIREWATCH_CONFIG_FILE: z.string().optional(),
  /** Folder for everything the project installs and runs locally: service binaries, their data and logs. */
  WIREWATCH_HOME: z.string().default('.wirewatch'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  KAFKA_BROKERS: csv.default(['localhost:9092']),
  KAFKA_CLIENT_ID: z.string().default('wirewatch'),
  /** Ports of the local Kafka started by `wirewatch services up`. */
  KAFKA_PORT: port.default(9092),
  KAFKA_CONTROLLER_PORT: port.default(9093),
  /** Prefix for topic names, so tests and environments can share one broker. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** Replication factor of topics wirewatch creates (1 for the single local broker). */
  KAFKA_REPLICATION_FACTOR: positiveInt.default(1),
  /**
   * Partitions of the raw topic when wirewatch creates it. Each partition's reports are cut into their own
   * micro-batches, and a batch has a fixed cost (its workflow, staging, story-log and read-model writes), so
   * fewer partitions make fewer, fuller batches: one partition measured ~2.5× lower p99 latency than six at
   * 500 reports/s (docs/pipeline-bench.md). Batches are analysed by Temporal workers, which scale without
   * partitions; more partitions only spread the dispatching of batches over more runtime processes.
   */
  KAFKA_RAW_PARTITIONS: positiveInt.default(1),

  TEMPORAL_ADDRESS: z.string().default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('wirewatch'),
  /** Ports of the local Temporal dev server started by `wirewatch services up`. */
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),

  CLICKHOUSE_MODE: z.enum(['embedded', 'server']).default('embedded'),
  /** Data folder of the embedded (chDB) engine; only one process may open it. */
  CLICKHOUSE_PATH: z.string().default('data/chdb'),
  CLICKHOUSE_URL: z.string().url().default('http://localhost:8123'),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z.string().default('wirewatch'),
  /** Read-model rows older than this (by publication time) expire; the Kafka log keeps everything. */
  CLICKHOUSE_RETENTION_DAYS: positiveInt.default(3650),
  /** Ports of the local clickhouse-server started by `wirewatch services up --with-clickhouse-server`. */
  CLICKHOUSE_HTTP_PORT: port.default(8123),
  CLICKHOUSE_TCP_PORT: port.default(9000),

  INGEST_HOST: z.string().default('127.0.0.1'),
  INGEST_PORT: listenPort.default(8080),
  /** Bearer tokens accepted by the ingest API, as `name:token` pairs separated by commas. */
  INGEST_TOKENS: csv.default(['dev:dev-token']),
  INGEST_MAX_BODY_BYTES: positiveInt.default(5 * 1024 * 1024),
  INGEST_MAX_BATCH_LINES: positiveInt.default(5000),
  /** A report not acknowledged by Kafka within this time is answered 503 (the client retries; ids are stable). */
  INGEST_PRODUCE_TIMEOUT_MS: positiveInt.default(10_000),
  /** Reports waiting for Kafka beyond this are refused with 503 at once, bounding memory. */
  INGEST_MAX_PENDING_REPORTS: positiveInt.default(50_000),
  /** YAML/JSON file listing the RSS/Atom feeds to poll (`feeds: [{ url, source, interval_s }]`); none when unset. */
  INGEST_FEEDS_FILE: z.string().optional(),
  /** Time limit of one feed fetch, headers and body together. */
  INGEST_FEED_TIMEOUT_MS: positiveInt.default(15_000),
  /** Largest feed document fetched; a larger one counts as a failed poll. */
  INGEST_FEED_MAX_BYTES: positiveInt.default(10 * 1024 * 1024),

  // Upper bounds, reached only when reports arrive faster than the wait bound lets a batch close (a backlog, or
  // more than ~4,000 reports/s): ClickHouse's cost per report halves from 250-report to 1,000-report batches, and
  // sustained throughput rose from ~1,500 to ~1,750–2,000 reports/s going from 500 to 2,000 (docs/pipeline-bench.md).
  // A 2,000-report batch's story assignments are about 330 KB of workflow history.
  DISPATCHER_BATCH_MAX_REPORTS: positiveInt.default(2000),
  DISPATCHER_BATCH_MAX_BYTES: positiveInt.default(4 * 1024 * 1024),
  // Longer waits make fewer, fuller batches: each batch costs ~60 ms of ClickHouse statements and a part per
  // table to merge later. At 500 reports/s with ten new alerts a second, 500 ms gave p99 ingest → webhook 1.8 and
  // 4.5 s against 7.7 and 10.8 s for 250 ms, alternated in one sitting (docs/alerting.md).
  DISPATCHER_BATCH_MAX_WAIT_MS: positiveInt.default(500),
  DISPATCHER_MAX_BATCHES_IN_FLIGHT: positiveInt.default(8),

  /**
   * Worker threads that analyse batches beside the event loop, which keeps serving ingest, Kafka, Temporal
   * and ClickHouse meanwhile; 0 analyses on the event loop.
   */
  ANALYSIS_THREADS: z.coerce.number().int().min(0).max(64).default(1),
  /** Days of publication time the story index looks back when matching a report to a story. */
  DEDUPE_WINDOW_DAYS: positiveInt.default(7),
  /** Reports whose escalation score reaches this become signals (0–100). */
  SIGNAL_MIN_SCORE: z.coerce.number().min(0).max(100).default(40),

  /** Alert rule files or folders of YAML files, comma-separated; relative paths from the repository root. */
  ALERT_RULES: csv.default(['rules']),
  /** Webhook signing secrets as `name:secret` pairs, comma-separated; rule files name them, never hold them. */
  ALERT_WEBHOOK_SECRETS: csv.default([]),
  /** Time limit of one webhook delivery attempt. */
  ALERT_WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
  /** How often the Temporal Schedule evaluates window rules; 0 creates no schedule. */
  ALERT_WINDOW_INTERVAL_S: z.coerce.number().int().min(0).default(300),

  /** How often the Temporal Schedule finishes changed past days into the escalation counts; 0 creates no schedule. */
  ESCALATION_ROLLUP_INTERVAL_S: z.coerce.number().int().min(0).default(60),
  /** Days the escalation roll-up recomputes per activity (each reads that day's events; smaller steps hold ClickHouse less long). */
  ESCALATION_ROLLUP_DAYS_PER_STEP: positiveInt.default(7),

  /** Address of the control endpoint of the embedded runtime (answers `wirewatch sql` from other processes). */
  RUNTIME_HOST: z.string().default('127.0.0.1'),
  RUNTIME_PORT: port.default(8090),

  /** Where the operator dashboard listens (hosted by `wirewatch run`); 0 picks a free port (tests). */
  DASHBOARD_HOST: z.string().default('127.0.0.1'),
  DASHBOARD_PORT: listenPort.default(8070),
  /** Who may open the dashboard and its API, as `name:token` pairs separated by commas (ingest tokens do not). */
  DASHBOARD_TOKENS: csv.default(['operator:dev-dashboard-token']),
  /** How long a dashboard login lasts. */
  DASHBOARD_SESSION_HOURS: positiveInt.default(12),
  /** How often open dashboard views refresh themselves. */
  DASHBOARD_REFRESH_MS: positiveInt.default(5000),

  /** Whether `wirewatch services up` also starts the (old, Debian) clickhouse-server for contract tests. */
  STACK_CLICKHOUSE_SERVER: bool.default(false),
  /** Seconds to wait for a service to become healthy before failing with its log tail. */
  STACK_START_TIMEOUT_S: positiveInt.default(120),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export const CONFIG_KEYS = Object.keys(ConfigSchema.shape) as (keyof Config)[];
