/** A Kafka message as the dispatcher sees it. */
export interface RawMessage {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

export interface BatchLimits {
  maxReports: number;
  maxBytes: number;
}

/**
 * Cuts one partition's fetched messages into micro-batches bounded by count and bytes, in offset order.
 * (The time bound is the consumer's fetch wait: a fetch returns after at most that long.)
 */
export function cutBatches<T extends RawMessage>(messages: readonly T[], limits: BatchLimits): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = (message.value?.length ?? 0) + (message.key?.length ?? 0);
    if (current.length > 0 && (current.length >= limits.maxReports || bytes + size > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
