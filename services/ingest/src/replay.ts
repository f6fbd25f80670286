import type { Readable } from 'node:stream';
import { acceptLine, type Accepted, type DocumentFormat, type RejectReason } from './accept.ts';
import type { ReportSink } from './sink.ts';

export interface ReplayOptions {
  sink: ReportSink;
  /** Names the replay in each envelope's origin (usually the file name). */
  name: string;
  format?: DocumentFormat;
  /** Source for ninjs lines that carry none. */
  defaultSource?: string;
  /** Reports per produce request. */
  batchSize?: number;
  /** Produce requests awaiting acknowledgement at once; reading pauses beyond it. */
  maxInFlight?: number;
  now?: () => Date;
  onProgress?: (progress: { bytes: number; lines: number; accepted: number; rejected: number }) => void;
}

export interface ReplaySummary {
  lines: number;
  bytes: number;
  accepted: number;
  rejected: { line: number; reason: RejectReason | 'line_too_long'; message: string }[];
}

/** Lines longer than this are refused unread, so one runaway line cannot exhaust memory. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Replays an NDJSON stream (file or stdin) straight onto Kafka, through the same validation as the HTTP API.
 * Returns a summary with every rejected line and why. Throws a ProduceError if Kafka fails: lines already sent
 * stay sent, and replaying the file again is safe because report ids are stable.
 */
export async function replayNdjson(input: Readable, options: ReplayOptions): Promise<ReplaySummary> {
  const batchSize = options.batchSize ?? 500;
  const maxInFlight = options.maxInFlight ?? 4;
  const now = options.now ?? (() => new Date());
  const summary: ReplaySummary = { lines: 0, bytes: 0, accepted: 0, rejected: [] };
  const context = {
    format: options.format ?? 'auto',
    defaultSource: options.defaultSource ?? options.name,
    receivedAt: now(),
    origin: { channel: 'replay' as const, name: options.name },
  };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let batch: Accepted[] = [];

  const progress = () =>
    options.onProgress?.({
      bytes: summary.bytes,
      lines: summary.lines,
      accepted: summary.accepted,
      rejected: summary.rejected.length,
    });

  const flush = async () => {
    if (batch.length === 0) return;
    const reports = batch;
    batch = [];
    const sent: Promise<void> = options.sink.publish(reports).then(
      () => {
        summary.accepted += reports.length;
        inFlight.delete(sent);
        progress();
      },
      (err: unknown) => {
        failure ??= err;
        inFlight.delete(sent);
      },
    );
    inFlight.add(sent);
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    if (failure !== undefined) throw failure;
  };

  const handleLine = async (bytes: Buffer) => {
    summary.lines += 1;
    const lineNumber = summary.lines;
    let text = bytes;
    if (text.length > 0 && text[text.length - 1] === 0x0d) text = text.subarray(0, text.length - 1);
    if (text.toString('latin1').trim() === '') return;
    const outcome = acceptLine({ line: lineNumber, bytes: text }, { ...context, receivedAt: now() });
    if (outcome.ok) {
      batch.push(outcome.value);
      if (batch.length >= batchSize) await flush();
    } else {
      summary.rejected.push({
        line: lineNumber,
        reason: outcome.rejection.reason,
        message: outcome.rejection.message,
      });
    }
  };

  let pending: Buffer = Buffer.alloc(0);
  let skippingLongLine = false;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    summary.bytes += data.length;
    let start = 0;
    let newline = data.indexOf(0x0a, start);
    while (newline !== -1) {
      const piece = data.subarray(start, newline);
      if (skippingLongLine) {
        skippingLongLine = false;
      } else {
        await handleLine(pending.length > 0 ? Buffer.concat([pending, piece]) : piece);
      }
      pending = Buffer.alloc(0);
      start = newline + 1;
      newline = data.indexOf(0x0a, start);
    }
    if (!skippingLongLine) pending = Buffer.concat([pending, data.subarray(start)]);
    if (pending.length > MAX_LINE_BYTES) {
      summary.lines += 1;
      summary.rejected.push({
        line: summary.lines,
        reason: 'line_too_long',
        message: `line longer than ${MAX_LINE_BYTES} bytes`,
      });
      pending = Buffer.alloc(0);
      skippingLongLine = true;
    }
    progress();
  }
  if (pending.length > 0 && !skippingLongLine) await handleLine(pending);
  await flush();
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  progress();
  return summary;
}
