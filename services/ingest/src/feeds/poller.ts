import { createHash } from 'node:crypto';
import type { Logger } from '@wirewatch/log';
import { ProduceError } from '@wirewatch/kafka';
import {
  buildDeadLetter,
  feedItemToNative,
  parseFeed,
  reportId,
  type DeadLetter,
  type FeedItem,
} from '@wirewatch/schemas';
import { toEnvelope, type Accepted } from '../accept.ts';
import type { IngestMetrics } from '../metrics.ts';
import type { ReportSink } from '../sink.ts';
import type { FeedSpec } from './feed-list.ts';
import { FeedStateStore, type FeedState } from './state.ts';

export interface FeedPollerOptions {
  feeds: FeedSpec[];
  sink: ReportSink;
  /** File of the poller's durable memory (see FeedStateStore). */
  statePath: string;
  logger: Logger;
  metrics: IngestMetrics;
  /** Limit for one fetch, headers and body together. */
  fetchTimeoutMs: number;
  maxFeedBytes: number;
  /** Longest wait between polls of a failing feed. */
  maxBackoffMs?: number;
  now?: () => Date;
}

export interface FeedPollerHandle {
  /** Polls every feed once now, in parallel; resolves when all are done (for tests and `--once`). */
  pollAll(): Promise<PollOutcome[]>;
  close(): Promise<void>;
}

export type PollOutcome =
  | { feed: string; outcome: 'ok'; accepted: number; seen: number; deadLettered: number }
  | { feed: string; outcome: 'not_modified' }
  | {
      feed: string;
      outcome: 'http_error' | 'timeout' | 'malformed' | 'too_large' | 'kafka_error' | 'error';
      error: string;
    };

const USER_AGENT = 'wirewatch-feed-poller/1';

/**
 * Polls each configured RSS/Atom feed on its own timer. Feeds are independent: one that hangs, fails or
 * serves garbage is retried with exponential backoff and reported in logs and metrics, while the others go on.
 */
export function startFeedPoller(options: FeedPollerOptions): FeedPollerHandle {
  const store = new FeedStateStore(options.statePath);
  const closing = new AbortController();
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Map<string, Promise<PollOutcome>>();
  const failures = new Map<string, number>();
  const now = options.now ?? (() => new Date());
  const maxBackoffMs = options.maxBackoffMs ?? 30 * 60_000;

  const pollFeed = (feed: FeedSpec): Promise<PollOutcome> => {
    // One poll per feed at a time: a manual pollAll() during a scheduled poll joins it.
    const running = inFlight.get(feed.name);
    if (running) return running;
    const poll = pollOnce(feed, { ...options, store, now, signal: closing.signal })
      .catch((err: unknown): PollOutcome => ({
        feed: feed.name,
        outcome: 'error',
        error: (err as Error).message,
      }))
      .then((outcome) => record(feed, outcome))
      .finally(() => inFlight.delete(feed.name));
    inFlight.set(feed.name, poll);
    return poll;
  };

  const record = (feed: FeedSpec, result: PollOutcome): PollOutcome => {
    const { metrics, logger } = options;
    metrics.feedPolls.inc({ feed: feed.name, outcome: result.outcome });
    if (result.outcome === 'ok' || result.outcome === 'not_modified') {
      failures.set(feed.name, 0);
      metrics.feedConsecutiveFailures.set({ feed: feed.name }, 0);
      metrics.feedLastSuccess.set({ feed: feed.name }, now().getTime() / 1000);
      if (result.outcome === 'ok' && result.accepted + result.deadLettered > 0)
        logger.info(result, 'feed polled');
    } else {
      const n = (failures.get(feed.name) ?? 0) + 1;
      failures.set(feed.name, n);
      metrics.feedConsecutiveFailures.set({ feed: feed.name }, n);
      logger.warn(
        { ...result, url: feed.url, consecutiveFailures: n, retryInMs: delayFor(feed) },
        'feed poll failed',
      );
    }
    return result;
  };

  /** The healthy interval, or exponential backoff with jitter after failures. */
  const delayFor = (feed: FeedSpec): number => {
    const n = failures.get(feed.name) ?? 0;
    const base = feed.interval_s * 1000;
    if (n === 0) return base;
    const backoff = Math.min(maxBackoffMs, base * 2 ** Math.min(n, 16));
    return Math.round(backoff * (0.8 + 0.4 * Math.random()));
  };

  const schedule = (feed: FeedSpec, delayMs: number) => {
    if (closing.signal.aborted) return;
    const timer = setTimeout(() => {
      void pollFeed(feed).then(() => schedule(feed, delayFor(feed)));
    }, delayMs);
    timers.set(feed.name, timer);
  };

  for (const feed of options.feeds) schedule(feed, 0);

  return {
    pollAll: () => Promise.all(options.feeds.map(pollFeed)),
    async close() {
      closing.abort();
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled(inFlight.values());
    },
  };
}

interface PollContext extends FeedPollerOptions {
  store: FeedStateStore;
  now: () => Date;
  signal: AbortSignal;
}

class PollFailure extends Error {
  constructor(
    readonly outcome: 'http_error' | 'timeout' | 'malformed' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

/** One poll: conditional GET, parse, map, write to Kafka, then remember. Expected failures are returned. */
async function pollOnce(feed: FeedSpec, ctx: PollContext): Promise<PollOutcome> {
  const previous = ctx.store.get(feed.url);
  let fetched: { status: 304 } | { status: 200; body: string; etag?: string; lastModified?: string };
  try {
    fetched = await fetchFeed(feed, previous, ctx);
  } catch (err) {
    if (err instanceof PollFailure) return { feed: feed.name, outcome: err.outcome, error: err.message };
    throw err;
  }
  if (fetched.status === 304) return { feed: feed.name, outcome: 'not_modified' };

  const parsed = parseFeed(fetched.body);
  if (!parsed.ok) {
    return {
      feed: feed.name,
      outcome: 'malformed',
      error: parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    };
  }

  const plan = planItems(feed, parsed.value.items, parsed.value.language, previous, ctx.now());
  try {
    if (plan.accepted.length > 0) await ctx.sink.publish(plan.accepted);
    if (plan.deadLetters.length > 0) await ctx.sink.deadLetter(plan.deadLetters);
  } catch (err) {
    if (err instanceof ProduceError) return { feed: feed.name, outcome: 'kafka_error', error: err.message };
    throw err;
  }
  // Remember only what Kafka has acknowledged, and the validators of the document it came from.
  const next: FeedState = { ...plan.state };
  if (fetched.etag !== undefined) next.etag = fetched.etag;
  else delete next.etag;
  if (fetched.lastModified !== undefined) next.last_modified = fetched.lastModified;
  else delete next.last_modified;
  await ctx.store.put(feed.url, next);

  const { metrics } = ctx;
  metrics.received.inc({ channel: 'feed' }, parsed.value.items.length);
  metrics.accepted.inc({ channel: 'feed' }, plan.accepted.length);
  metrics.feedItems.inc({ feed: feed.name, outcome: 'accepted' }, plan.accepted.length);
  metrics.feedItems.inc({ feed: feed.name, outcome: 'seen' }, plan.seen);
  metrics.feedItems.inc({ feed: feed.name, outcome: 'dead_lettered' }, plan.deadLetters.length);
  for (const letter of plan.deadLetters) {
    metrics.rejected.inc({ channel: 'feed', reason: letter.reason });
    metrics.deadLettered.inc({ reason: letter.reason });
  }
  return {
    feed: feed.name,
    outcome: 'ok',
    accepted: plan.accepted.length,
    seen: plan.seen,
    deadLettered: plan.deadLetters.length,
  };
}

async function fetchFeed(feed: FeedSpec, previous: FeedState, ctx: PollContext) {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  };
  if (previous.etag !== undefined) headers['if-none-match'] = previous.etag;
  if (previous.last_modified !== undefined) headers['if-modified-since'] = previous.last_modified;
  const timeout = AbortSignal.timeout(ctx.fetchTimeoutMs);
  const signal = AbortSignal.any([timeout, ctx.signal]);
  const started = performance.now();
  try {
    const response = await fetch(feed.url, { headers, signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 304 as const };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PollFailure('http_error', `HTTP ${response.status} ${response.statusText}`);
    }
    const body = await readLimited(response, ctx.maxFeedBytes);
    const result: { status: 200; body: string; etag?: string; lastModified?: string } = { status: 200, body };
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag !== null) result.etag = etag;
    if (lastModified !== null) result.lastModified = lastModified;
    return result;
  } catch (err) {
    if (err instanceof PollFailure) throw err;
    if (timeout.aborted)
      throw new PollFailure('timeout', `no complete answer within ${ctx.fetchTimeoutMs} ms`);
    if (ctx.signal.aborted) throw new PollFailure('timeout', 'poller closing');
    throw new PollFailure('http_error', `fetch failed: ${(err as Error).message}${causeOf(err)}`);
  } finally {
    ctx.metrics.feedFetchDuration.observe({ feed: feed.name }, performance.now() - started);
  }
}

const causeOf = (err: unknown): string => {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message})` : '';
};

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new PollFailure('too_large', `feed document is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

interface ItemPlan {
  accepted: Accepted[];
  deadLetters: DeadLetter[];
  seen: number;
  state: FeedState;
}

/**
 * Decides, purely, what each item of a fetched document becomes: a new report, a new version of one already
 * ingested (its `updated` time changed), nothing (already ingested), or a dead letter (invalid, once).
 */
export function planItems(
  feed: FeedSpec,
  items: FeedItem[],
  language: string | undefined,
  previous: FeedState,
  at: Date,
): ItemPlan {
  const state: FeedState = { ...previous, items: { ...previous.items }, dead: { ...previous.dead } };
  const plan: ItemPlan = { accepted: [], deadLetters: [], seen: 0, state };
  const origin = { channel: 'feed' as const, name: feed.name };
  for (const item of items) {
    const mapped = feedItemToNative(item, feed.source, language);
    if (!mapped.ok) {
      const original = JSON.stringify(item.raw);
      const key = createHash('sha256').update(original).digest('hex').slice(0, 32);
      if (state.dead[key] !== undefined) {
        plan.seen += 1;
        continue;
      }
      state.dead[key] = at.getTime();
      plan.deadLetters.push(
        buildDeadLetter({
          original,
          reason: 'invalid_feed_item',
          step: 'feed.map',
          time: at,
          origin: feed.url,
          detail: mapped.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        }),
      );
      continue;
    }
    const report = mapped.value;
    const id = reportId(report);
    const seen = state.items[id];
    const versioncreated = report.versioncreated ?? null;
    if (seen !== undefined && (versioncreated === null || versioncreated <= (seen.versioncreated ?? ''))) {
      plan.seen += 1;
      continue;
    }
    // An item seen before with a newer `updated` time is the next version of the same report.
    const version = seen === undefined ? report.version : seen.version + 1;
    const outcome = toEnvelope({ ...report, version }, at, origin);
    if (!outcome.ok) {
      const { reason, message } = outcome.rejection;
      plan.deadLetters.push(
        buildDeadLetter({
          original: JSON.stringify(item.raw),
          reason,
          step: 'feed.envelope',
          time: at,
          origin: feed.url,
          detail: message,
          report_id: id,
        }),
      );
      continue;
    }
    plan.accepted.push(outcome.value);
    state.items[id] = { version, versioncreated, at: at.getTime() };
  }
  return plan;
}
