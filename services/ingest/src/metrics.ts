import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Channels a report can arrive through; a label on every ingest metric. */
export type Channel = 'api' | 'feed' | 'replay';

/** Prometheus metrics of the ingest service and feed poller. Names carry their unit. */
export function createIngestMetrics(registry: Registry = new Registry()) {
  const registers = [registry];
  return {
    registry,
    received: new Counter({
      name: 'wirewatch_ingest_reports_received_total',
      help: 'Reports (documents, NDJSON lines, feed items) received, before validation.',
      labelNames: ['channel'] as const,
      registers,
    }),
    accepted: new Counter({
      name: 'wirewatch_ingest_reports_accepted_total',
      help: 'Reports acknowledged by Kafka on the raw topic.',
      labelNames: ['channel'] as const,
      registers,
    }),
    rejected: new Counter({
      name: 'wirewatch_ingest_reports_rejected_total',
      help: 'Reports refused, by reason; each ends in an error answer or on the dead-letter topic.',
      labelNames: ['channel', 'reason'] as const,
      registers,
    }),
    deadLettered: new Counter({
      name: 'wirewatch_ingest_dead_letters_total',
      help: 'Items written to the dead-letter topic, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    produceDuration: new Histogram({
      name: 'wirewatch_ingest_produce_duration_ms',
      help: 'Time from handing a produce request to Kafka until it was acknowledged, in milliseconds.',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000],
      registers,
    }),
    httpRequests: new Counter({
      name: 'wirewatch_ingest_http_requests_total',
      help: 'HTTP requests answered, by route and status code.',
      labelNames: ['route', 'status'] as const,
      registers,
    }),
    feedPolls: new Counter({
      name: 'wirewatch_feed_polls_total',
      help: 'Feed polls by outcome: ok, not_modified, http_error, timeout, malformed, kafka_error, error.',
      labelNames: ['feed', 'outcome'] as const,
      registers,
    }),
    feedItems: new Counter({
      name: 'wirewatch_feed_items_total',
      help: 'Feed items by outcome: accepted, seen (already ingested), dead_lettered.',
      labelNames: ['feed', 'outcome'] as const,
      registers,
    }),
    feedConsecutiveFailures: new Gauge({
      name: 'wirewatch_feed_consecutive_failures',
      help: 'Failed polls in a row per feed; 0 when the last poll succeeded.',
      labelNames: ['feed'] as const,
      registers,
    }),
    feedLastSuccess: new Gauge({
      name: 'wirewatch_feed_last_success_timestamp_seconds',
      help: 'Unix time of the last successful poll per feed.',
      labelNames: ['feed'] as const,
      registers,
    }),
    feedFetchDuration: new Histogram({
      name: 'wirewatch_feed_fetch_duration_ms',
      help: 'Time to fetch one feed document, in milliseconds.',
      labelNames: ['feed'] as const,
      buckets: [10, 50, 100, 250, 500, 1000, 2500, 5000, 15_000],
      registers,
    }),
  };
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
