export { buildIngestApp, type IngestAppDeps } from './app.ts';
export { startIngest, feedStatePath, type IngestHandle } from './server.ts';
export {
  startFeedPoller,
  planItems,
  type FeedPollerHandle,
  type FeedPollerOptions,
  type PollOutcome,
} from './feeds/poller.ts';
export { loadFeedList, parseFeedList, type FeedSpec } from './feeds/feed-list.ts';
export { FeedStateStore } from './feeds/state.ts';
export { connectKafkaSink, type KafkaSinkHandle, type KafkaSinkConfig } from './kafka-sink.ts';
export { KafkaReportSink, type ReportSink } from './sink.ts';
export { createIngestMetrics, type IngestMetrics, type Channel } from './metrics.ts';
export {
  acceptLine,
  acceptText,
  splitNdjson,
  type Accepted,
  type AcceptContext,
  type DocumentFormat,
  type Rejection,
} from './accept.ts';
export { replayNdjson, type ReplayOptions, type ReplaySummary } from './replay.ts';
