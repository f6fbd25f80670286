import { z } from 'zod';
import { reportId } from './identity.ts';
import { NativeReportSchema, type NativeReport } from './report.ts';

export const ENVELOPE_SCHEMA_VERSION = 1;

/** How a report entered wirewatch; kept for lineage, never used for identity. */
export const OriginSchema = z.strictObject({
  channel: z.enum(['api', 'feed', 'replay']),
  /** The API token name, feed name or replayed file name. */
  name: z.string().max(500),
});
export type Origin = z.infer<typeof OriginSchema>;

/**
 * The message on `reports.raw`, keyed by `report_id`. A later version of a report is a new message with the
 * same `report_id` and a higher `version`; consumers keep the highest version.
 */
export const ReportEnvelopeSchema = z
  .strictObject({
    schema_version: z.literal(ENVELOPE_SCHEMA_VERSION),
    report_id: z.string().regex(/^r_[0-9a-f]{16}$/),
    version: z.number().int().min(1),
    source: z.string().min(1),
    /** When wirewatch received it (UTC ISO 8601). */
    received_at: z.iso.datetime({ offset: true }),
    origin: OriginSchema.optional(),
    payload: NativeReportSchema,
  })
  .meta({ id: 'ReportEnvelope', title: 'Kafka envelope of a report on reports.raw' });
export type ReportEnvelope = z.output<typeof ReportEnvelopeSchema>;

export function buildEnvelope(report: NativeReport, receivedAt: Date, origin?: Origin): ReportEnvelope {
  const envelope: ReportEnvelope = {
    schema_version: ENVELOPE_SCHEMA_VERSION,
    report_id: reportId(report),
    version: report.version,
    source: report.source,
    received_at: receivedAt.toISOString(),
    payload: report,
  };
  if (origin !== undefined) envelope.origin = origin;
  return envelope;
}

export const encodeEnvelope = (envelope: ReportEnvelope): Buffer =>
  Buffer.from(JSON.stringify(envelope), 'utf8');

/** Parses a `reports.raw` message value; failures are returned for the consumer to dead-letter. */
export function decodeEnvelope(
  value: Buffer | string,
): { ok: true; envelope: ReportEnvelope } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (err) {
    return { ok: false, error: `not JSON: ${(err as Error).message}` };
  }
  const parsed = ReportEnvelopeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  return { ok: true, envelope: parsed.data };
}

/**
 * A message on `reports.deadletter`: something wirewatch could not process, with its original bytes and why.
 * Written with the original Kafka key when there was one, so the dead letter can be replayed as it was.
 */
export const DeadLetterSchema = z
  .strictObject({
    schema_version: z.literal(ENVELOPE_SCHEMA_VERSION),
    /** The original bytes, base64. */
    original_base64: z.string(),
    /** Machine-readable cause, e.g. `invalid_report`, `invalid_envelope`, `classify_failed`. */
    reason: z.string().min(1),
    /** Human-readable detail: validation issues, error message. */
    detail: z.string().optional(),
    /** The pipeline step that gave up, e.g. `feed.map`, `dispatcher.decode`. */
    step: z.string().min(1),
    /** When it was dead-lettered (UTC ISO 8601). */
    time: z.iso.datetime({ offset: true }),
    /** Where the item came from when it was not a Kafka message (feed URL, file name, …). */
    origin: z.string().optional(),
    report_id: z.string().optional(),
    /** Set when the original was a Kafka message. Key is UTF-8 text (report ids are). */
    original_key: z.string().nullable().optional(),
    original_topic: z.string().optional(),
    original_partition: z.number().int().min(0).optional(),
    /** Kafka offsets are 64-bit: kept as a decimal string. */
    original_offset: z.string().regex(/^\d+$/).optional(),
  })
  .meta({ id: 'DeadLetter', title: 'Kafka envelope of a dead-lettered item on reports.deadletter' });
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export interface DeadLetterInput {
  original: Buffer | string;
  reason: string;
  step: string;
  time: Date;
  detail?: string;
  origin?: string;
  report_id?: string;
  kafka?: { key: Buffer | string | null; topic: string; partition: number; offset: string };
}

export function buildDeadLetter(input: DeadLetterInput): DeadLetter {
  const bytes = typeof input.original === 'string' ? Buffer.from(input.original, 'utf8') : input.original;
  const letter: DeadLetter = {
    schema_version: ENVELOPE_SCHEMA_VERSION,
    original_base64: bytes.toString('base64'),
    reason: input.reason,
    step: input.step,
    time: input.time.toISOString(),
  };
  if (input.detail !== undefined) letter.detail = input.detail;
  if (input.origin !== undefined) letter.origin = input.origin;
  if (input.report_id !== undefined) letter.report_id = input.report_id;
  if (input.kafka !== undefined) {
    const key = input.kafka.key;
    letter.original_key = key === null ? null : typeof key === 'string' ? key : key.toString('utf8');
    letter.original_topic = input.kafka.topic;
    letter.original_partition = input.kafka.partition;
    letter.original_offset = input.kafka.offset;
  }
  return letter;
}

export const encodeDeadLetter = (letter: DeadLetter): Buffer => Buffer.from(JSON.stringify(letter), 'utf8');
