import type { Message, Producer } from 'kafkajs';
import { sendAcked, type TopicMessages } from './producer.ts';

/** Why a write was not stored. All are retriable by the caller: the data was fine, Kafka was not. */
export class ProduceError extends Error {
  override name = 'ProduceError';
  constructor(
    readonly reason: 'kafka_unavailable' | 'kafka_timeout' | 'kafka_error' | 'backpressure',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export interface BatchingProducerOptions {
  /** A write not acknowledged within this time fails (the caller answers "try again"). */
  timeoutMs: number;
  /** Messages waiting for Kafka beyond this are refused at once, so memory stays bounded. */
  maxPendingMessages: number;
  /** Upper bound of one produce request; Kafka's default message.max.bytes is about 1 MiB per record batch. */
  maxRequestBytes?: number;
  /** Called after each acknowledged request, for metrics. */
  onAcked?: (durationMs: number, messages: number) => void;
}

interface Pending {
  batch: TopicMessages[];
  count: number;
  bytes: number;
  settled: boolean;
  resolve: () => void;
  reject: (err: ProduceError) => void;
}

const messageBytes = (m: Message): number =>
  (Buffer.isBuffer(m.value) ? m.value.length : Buffer.byteLength(m.value ?? '')) + (m.key ? Buffer.byteLength(m.key) : 0);

/**
 * Puts the writes of many concurrent callers into few produce requests: while one request is in flight,
 * new writes queue up and go out together in the next one. Each caller's promise resolves only after
 * Kafka acknowledged all of its messages (acks = all), or rejects with a ProduceError.
 */
export class BatchingProducer {
  private queue: Pending[] = [];
  private pendingMessages = 0;
  private flushing = false;
  private connected = false;
  private lastRequestFailed = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly producer: Producer,
    private readonly options: BatchingProducerOptions,
  ) {}

  /** True once connected to Kafka and the last produce request did not fail for lack of Kafka. */
  get ready(): boolean {
    return this.connected && !this.lastRequestFailed && !this.closed;
  }

  /**
   * Connects, then runs `prepare` (e.g. creating topics); on failure retries in the background with backoff
   * until it succeeds or close() is called. Resolves after the first attempt either way.
   */
  async connect(options: { prepare?: () => Promise<void>; onError?: (err: unknown, attempt: number) => void } = {}): Promise<void> {
    const { prepare, onError } = options;
    let attempt = 0;
    const tryConnect = async (): Promise<void> => {
      if (this.closed) return;
      attempt += 1;
      try {
        await this.producer.connect();
        await prepare?.();
        if (this.closed) {
          await this.producer.disconnect().catch(() => undefined);
          return;
        }
        this.connected = true;
      } catch (err) {
        onError?.(err, attempt);
        const delayMs = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
        this.reconnectTimer = setTimeout(() => void tryConnect(), delayMs);
      }
    };
    await tryConnect();
  }

  /** Stores the messages in Kafka; resolves when acknowledged. */
  send(batch: TopicMessages[]): Promise<void> {
    if (this.closed) return Promise.reject(new ProduceError('kafka_unavailable', 'producer is closed'));
    if (!this.connected) return Promise.reject(new ProduceError('kafka_unavailable', 'not connected to Kafka'));
    const count = batch.reduce((n, t) => n + t.messages.length, 0);
    if (count === 0) return Promise.resolve();
    if (this.pendingMessages + count > this.options.maxPendingMessages) {
      return Promise.reject(new ProduceError('backpressure', `more than ${this.options.maxPendingMessages} messages waiting for Kafka`));
    }
    const bytes = batch.reduce((n, t) => n + t.messages.reduce((b, m) => b + messageBytes(m), 0), 0);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ batch, count, bytes, settled: false, resolve, reject });
      this.pendingMessages += count;
      if (!this.flushing) void this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.flushOnce(this.takeRequest());
    } finally {
      this.flushing = false;
    }
  }

  /** Takes queued writes up to the request size limit (always at least one, whatever its size). */
  private takeRequest(): Pending[] {
    const limit = this.options.maxRequestBytes ?? 900 * 1024;
    const taken: Pending[] = [];
    let bytes = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (taken.length > 0 && bytes + next.bytes > limit) break;
      taken.push(this.queue.shift()!);
      bytes += next.bytes;
    }
    return taken;
  }

  private async flushOnce(items: Pending[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const item of items) {
      for (const { topic, messages } of item.batch) {
        const list = byTopic.get(topic) ?? [];
        for (const m of messages) list.push(m);
        byTopic.set(topic, list);
      }
    }
    const count = items.reduce((n, i) => n + i.count, 0);
    const settle = (err?: ProduceError) => {
      for (const item of items) {
        if (item.settled) continue;
        item.settled = true;
        if (err) item.reject(err);
        else item.resolve();
      }
    };
    // Callers get their answer at the deadline; the request itself is still awaited below so that only one
    // is ever in flight and the queue (bounded by maxPendingMessages) absorbs the wait.
    const timer = setTimeout(
      () => settle(new ProduceError('kafka_timeout', `Kafka did not acknowledge within ${this.options.timeoutMs} ms`)),
      this.options.timeoutMs,
    );
    const started = performance.now();
    try {
      await sendAcked(this.producer, [...byTopic].map(([topic, messages]) => ({ topic, messages })));
      this.options.onAcked?.(performance.now() - started, count);
      this.lastRequestFailed = false;
      settle();
    } catch (err) {
      this.lastRequestFailed = true;
      settle(new ProduceError('kafka_error', `Kafka write failed: ${(err as Error).message}`, err));
    } finally {
      clearTimeout(timer);
      this.pendingMessages -= count;
    }
  }

  /** Waits for queued writes to finish, then disconnects. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    while (this.flushing) await new Promise((r) => setTimeout(r, 10));
    for (const item of this.queue) item.reject(new ProduceError('kafka_unavailable', 'producer closed'));
    this.queue = [];
    if (this.connected) await this.producer.disconnect().catch(() => undefined);
    this.connected = false;
  }
}
