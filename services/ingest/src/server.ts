import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@wirewatch/config';
import { createLogger } from '@wirewatch/log';
import { collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { buildIngestApp } from './app.ts';
import { startFeedPoller, type FeedPollerHandle } from './feeds/poller.ts';
import { loadFeedList } from './feeds/feed-list.ts';
import { connectKafkaSink } from './kafka-sink.ts';
import { createIngestMetrics } from './metrics.ts';

export interface IngestHandle {
  app: FastifyInstance;
  /** Base URL the API listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Resolves when connected to Kafka (and topics exist). */
  waitUntilReady(timeoutMs: number): Promise<void>;
  feeds?: FeedPollerHandle;
  close(): Promise<void>;
}

/**
 * Runs the ingest service: the HTTP API on INGEST_HOST:INGEST_PORT (port 0 picks a free one) writing to Kafka,
 * and the feed poller when INGEST_FEEDS_FILE is set. Listening does not wait for Kafka; until it is reachable
 * the API answers 503 and /readyz says so.
 */
export async function startIngest(config: Config): Promise<IngestHandle> {
  const logger = createLogger('ingest', config.LOG_LEVEL);
  const metrics = createIngestMetrics();
  collectDefaultMetrics({ register: metrics.registry });
  const kafka = connectKafkaSink(config, logger, metrics);
  const app = buildIngestApp({
    sink: kafka.sink,
    logger,
    metrics,
    tokens: config.INGEST_TOKENS,
    maxBodyBytes: config.INGEST_MAX_BODY_BYTES,
    maxBatchLines: config.INGEST_MAX_BATCH_LINES,
  });
  const url = await app.listen({ host: config.INGEST_HOST, port: config.INGEST_PORT });
  logger.info({ url }, 'ingest API listening');
  const feeds =
    config.INGEST_FEEDS_FILE === undefined
      ? undefined
      : startFeedPoller({
          feeds: loadFeedList(config.INGEST_FEEDS_FILE),
          sink: kafka.sink,
          statePath: feedStatePath(config),
          logger,
          metrics,
          fetchTimeoutMs: config.INGEST_FEED_TIMEOUT_MS,
          maxFeedBytes: config.INGEST_FEED_MAX_BYTES,
        });
  return {
    app,
    url,
    waitUntilReady: kafka.waitUntilReady,
    ...(feeds ? { feeds } : {}),
    async close() {
      await feeds?.close();
      await app.close();
      await kafka.close();
    },
  };
}

/** The repository root (this file is services/ingest/src/server.ts). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The feed poller's memory of seen items lives with the rest of wirewatch's local state, under WIREWATCH_HOME
 * (relative to the repository root, as for `wirewatch services`), one file per topic prefix.
 */
export function feedStatePath(config: Pick<Config, 'WIREWATCH_HOME' | 'KAFKA_TOPIC_PREFIX'>): string {
  const home = isAbsolute(config.WIREWATCH_HOME)
    ? config.WIREWATCH_HOME
    : resolve(REPO_ROOT, config.WIREWATCH_HOME);
  const suffix =
    config.KAFKA_TOPIC_PREFIX === '' ? '' : `-${config.KAFKA_TOPIC_PREFIX.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return join(home, 'ingest', `feed-state${suffix}.json`);
}
