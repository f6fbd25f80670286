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
  /**
   * Partition of a message, as the producer's partitioner will choose it. When given, produce requests are
   * filled up to the per-partition limit in every partition; without it, up to that limit in total.
   */
  partitionOf?: (topic: string, key: Message['key']) => number | undefined;
  /** Bytes per partition in one request; Kafka's default message.max.bytes is about 1 MiB per record batch. */
  maxPartitionBytes?: number;
  /** Bytes in one request across all partitions (only with partitionOf). */
  maxRequestBytes?: number;
  /** Called after each acknowledged request, for metrics. */
  onAcked?: (durationMs: number, messages: number) => void;
}

/** One caller's write: settled once all its messages are acknowledged, or at the first failure. */
interface Write {
  remaining: number;
  settled: boolean;
  timer: NodeJS.Timeout | undefined;
  resolve: () => void;
  reject: (err: ProduceError) => void;
}

function settle(write: Write, err?: ProduceError): void {
  if (write.settled) return;
  write.settled = true;
  clearTimeout(write.timer);
  if (err) write.reject(err);
  else write.resolve();
}

interface Queued {
  topic: string;
  message: Message;
  bytes: number;
  slot: string;
  write: Write;
}

const messageBytes = (m: Message): number =>
  (Buffer.isBuffer(m.value) ? m.value.length : Buffer.byteLength(m.value ?? '')) +
  (m.key ? Buffer.byteLength(m.key) : 0) +
  64;

/**
 * Puts the writes of many concurrent callers into few produce requests: while one request is in flight,
 * new writes queue up and go out together in the next one, filled up to Kafka's per-partition size limit
 * (a large write is split over several requests). Each caller's promise resolves only after Kafka
 * acknowledged all of its messages (acks = all), or rejects with a ProduceError.
 */
export class BatchingProducer {
  private queue: Queued[] = [];
  private head = 0;
  /** Messages taken from the queue into the request now in flight. */
  private inFlight = 0;
  private flushing = false;
  private connected = false;
  private lastRequestFailed = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly producer: Producer,
    private readonly options: BatchingProducerOptions,
  ) {}

  /** True once connected to Kafka and the last produce request did not fail. */
  get ready(): boolean {
    return this.connected && !this.lastRequestFailed && !this.closed;
  }

  /** Messages queued or in flight: what maxPendingMessages bounds. */
  private get pendingMessages(): number {
    return this.queue.length - this.head + this.inFlight;
  }

  /**
   * Connects, then runs `prepare` (e.g. creating topics); on failure retries in the background with backoff
   * until it succeeds or close() is called. Resolves after the first attempt either way.
   */
  async connect(
    options: { prepare?: () => Promise<void>; onError?: (err: unknown, attempt: number) => void } = {},
  ): Promise<void> {
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

  /** Stores the messages in Kafka; resolves when all are acknowledged. */
  send(batch: TopicMessages[]): Promise<void> {
    if (this.closed) return Promise.reject(new ProduceError('kafka_unavailable', 'producer is closed'));
    if (!this.connected)
      return Promise.reject(new ProduceError('kafka_unavailable', 'not connected to Kafka'));
    const count = batch.reduce((n, t) => n + t.messages.length, 0);
    if (count === 0) return Promise.resolve();
    if (this.pendingMessages + count > this.options.maxPendingMessages) {
      return Promise.reject(
        new ProduceError(
          'backpressure',
          `more than ${this.options.maxPendingMessages} messages waiting for Kafka`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const write: Write = { remaining: count, settled: false, timer: undefined, resolve, reject };
      // The deadline runs from the caller's point of view: queued behind a slow request counts too.
      write.timer = setTimeout(
        () =>
          settle(
            write,
            new ProduceError(
              'kafka_timeout',
              `Kafka did not acknowledge within ${this.options.timeoutMs} ms`,
            ),
          ),
        this.options.timeoutMs,
      );
      for (const { topic, messages } of batch) {
        for (const message of messages) {
          const partition = this.options.partitionOf?.(topic, message.key);
          // With a known partition the message carries it, so the size accounting matches what kafkajs sends.
          const placed = partition === undefined ? message : { ...message, partition };
          this.queue.push({
            topic,
            message: placed,
            bytes: messageBytes(message),
            slot: `${topic}\u0000${partition ?? '*'}`,
            write,
          });
        }
      }
      if (!this.flushing) void this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    this.flushing = true;
    try {
      while (this.head < this.queue.length) {
        const request = this.takeRequest();
        if (request.length > 0) await this.flushOnce(request);
        if (this.head > 4096 && this.head * 2 > this.queue.length) {
          this.queue = this.queue.slice(this.head);
          this.head = 0;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Takes queued messages in order while every partition stays under its limit (a single oversized message
   * still goes alone, for Kafka to judge). Messages of writes that already failed are dropped: their
   * callers were told nothing is known to be stored.
   */
  private takeRequest(): Queued[] {
    const perPartition = this.options.maxPartitionBytes ?? 900 * 1024;
    const total = this.options.partitionOf ? (this.options.maxRequestBytes ?? 8 * 1024 * 1024) : perPartition;
    const slots = new Map<string, number>();
    const taken: Queued[] = [];
    let bytes = 0;
    while (this.head < this.queue.length) {
      const next = this.queue[this.head]!;
      if (next.write.settled) {
        this.head += 1;
        continue;
      }
      const slotBytes = slots.get(next.slot) ?? 0;
      if (taken.length > 0 && (slotBytes + next.bytes > perPartition || bytes + next.bytes > total)) break;
      slots.set(next.slot, slotBytes + next.bytes);
      bytes += next.bytes;
      taken.push(next);
      this.head += 1;
    }
    return taken;
  }

  private async flushOnce(items: Queued[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of items) {
      const list = byTopic.get(topic);
      if (list) list.push(message);
      else byTopic.set(topic, [message]);
    }
    // Callers whose deadline passes get their answer then; the request itself is still awaited here, so that
    // only one is ever in flight and the queue (bounded by maxPendingMessages) absorbs the wait.
    this.inFlight = items.length;
    const started = performance.now();
    try {
      await sendAcked(
        this.producer,
        [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      );
      this.options.onAcked?.(performance.now() - started, items.length);
      this.lastRequestFailed = false;
      for (const { write } of items) {
        write.remaining -= 1;
        if (write.remaining === 0) settle(write);
      }
    } catch (err) {
      this.lastRequestFailed = true;
      const failure = new ProduceError('kafka_error', `Kafka write failed: ${(err as Error).message}`, err);
      for (const { write } of items) settle(write, failure);
    } finally {
      this.inFlight = 0;
    }
  }

  /** Waits for queued writes to finish, then disconnects. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    while (this.flushing) await new Promise((r) => setTimeout(r, 10));
    for (let i = this.head; i < this.queue.length; i++) {
      settle(this.queue[i]!.write, new ProduceError('kafka_unavailable', 'producer closed'));
    }
    this.queue = [];
    this.head = 0;
    if (this.connected) await this.producer.disconnect().catch(() => undefined);
    this.connected = false;
  }
}
