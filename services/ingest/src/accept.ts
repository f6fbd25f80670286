import {
  buildEnvelope,
  encodeEnvelope,
  looksLikeNinjs,
  ninjsToNative,
  parseNativeReport,
  type Issue,
  type NativeReport,
  type Origin,
  type ReportEnvelope,
} from '@wirewatch/schemas';
import { MAX_MESSAGE_BYTES } from '@wirewatch/kafka';

/**
 * The one validation path for every way a report arrives (HTTP, file replay): bytes → text → JSON →
 * native report → Kafka envelope. Each step returns its outcome; nothing here does I/O.
 */

/** How a JSON document is to be read: as ninjs, as native, or decided by its shape. */
export type DocumentFormat = 'native' | 'ninjs' | 'auto';

export type Rejection = { reason: RejectReason; message: string; issues?: Issue[] };
export type RejectReason = 'invalid_utf8' | 'invalid_json' | 'invalid_report' | 'report_too_large';
export type Accepted = { envelope: ReportEnvelope; bytes: Buffer };
export type Outcome = { ok: true; value: Accepted } | { ok: false; rejection: Rejection };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; rejection: Rejection } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, rejection: { reason: 'invalid_utf8', message: 'body is not valid UTF-8' } };
  }
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; rejection: Rejection } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return {
      ok: false,
      rejection: { reason: 'invalid_json', message: `malformed JSON: ${(err as Error).message}` },
    };
  }
}

/** Validates a parsed JSON value as a report in the given format. */
export function toNative(
  value: unknown,
  format: DocumentFormat,
  defaultSource: string,
): { ok: true; report: NativeReport } | { ok: false; rejection: Rejection } {
  const asNinjs = format === 'ninjs' || (format === 'auto' && looksLikeNinjs(value));
  const result = asNinjs ? ninjsToNative(value, defaultSource) : parseNativeReport(value);
  if (result.ok) return { ok: true, report: result.value };
  const first = result.issues[0];
  const message = first ? `${first.path}: ${first.message}` : 'invalid report';
  return { ok: false, rejection: { reason: 'invalid_report', message, issues: result.issues } };
}

/** Wraps a valid report in its Kafka envelope, refusing one too large for a Kafka message. */
export function toEnvelope(report: NativeReport, receivedAt: Date, origin: Origin): Outcome {
  const envelope = buildEnvelope(report, receivedAt, origin);
  const bytes = encodeEnvelope(envelope);
  if (bytes.length > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      rejection: {
        reason: 'report_too_large',
        message: `report is ${bytes.length} bytes encoded; the limit is ${MAX_MESSAGE_BYTES}`,
      },
    };
  }
  return { ok: true, value: { envelope, bytes } };
}

export interface AcceptContext {
  format: DocumentFormat;
  defaultSource: string;
  receivedAt: Date;
  origin: Origin;
}

/** One JSON document (already UTF-8 text) → envelope, or why not. */
export function acceptText(text: string, context: AcceptContext): Outcome {
  const json = parseJson(text);
  if (!json.ok) return json;
  const native = toNative(json.value, context.format, context.defaultSource);
  if (!native.ok) return native;
  return toEnvelope(native.report, context.receivedAt, context.origin);
}

/** One line of an NDJSON body, numbered from 1 as editors do. */
export interface NdjsonLine {
  line: number;
  bytes: Buffer;
}

/**
 * Splits an NDJSON body into its non-blank lines. Splitting on the 0x0A byte is safe before decoding:
 * that byte never occurs inside a multi-byte UTF-8 sequence, so one line with bad bytes spoils only itself.
 */
export function splitNdjson(body: Buffer): NdjsonLine[] {
  const lines: NdjsonLine[] = [];
  let start = 0;
  let line = 1;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    let slice = body.subarray(start, end);
    if (slice.length > 0 && slice[slice.length - 1] === 0x0d) slice = slice.subarray(0, slice.length - 1);
    if (!isBlank(slice)) lines.push({ line, bytes: slice });
    start = end + 1;
    line += 1;
  }
  return lines;
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** One NDJSON line → envelope, or why not. */
export function acceptLine(line: NdjsonLine, context: AcceptContext): Outcome {
  const text = decodeUtf8(line.bytes);
  if (!text.ok) return { ok: false, rejection: { ...text.rejection, message: 'line is not valid UTF-8' } };
  return acceptText(text.text, context);
}
