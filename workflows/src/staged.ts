import { decodeEnvelope, type ReportEnvelope } from '@wirewatch/schemas';
import type { ClickHouse } from '@wirewatch/clickhouse';
import { BoundedMap } from './bounded-map.ts';
import type { BatchRef, StagedRow } from './types.ts';

/** A staged raw message that decoded into a valid report envelope. */
export interface StagedReport {
  offset: string;
  envelope: ReportEnvelope;
}

/** A staged raw message that did not: it is dead-lettered with the reason, never dropped. */
export interface RejectedMessage {
  offset: string;
  key: string;
  bytes: Buffer;
  reason: string;
  detail: string;
}

export class StagingIncomplete extends Error {
  override name = 'StagingIncomplete';
}

/**
 * The batches this process staged, kept in memory for its own worker when dispatcher and worker share a
 * process (the default), so the worker does not read back what was just written. Bounded, oldest dropped
 * first; a batch it no longer holds, or that another process staged, is read from `raw_reports`.
 */
export class StagedBatches extends BoundedMap<string, StagedRow[]> {}

/**
 * A batch's messages, decoded (bodies never pass through history): from this process's staged batches when
 * it holds them, else read back from `raw_reports`.
 */
export async function loadBatch(
  ch: ClickHouse,
  ref: BatchRef,
  staged?: StagedBatches,
): Promise<{ reports: StagedReport[]; rejected: RejectedMessage[] }> {
  const rows =
    staged?.get(ref.batchId) ??
    (await ch.query<StagedRow>(
      `SELECT toString(offset) AS off, any(report_id) AS key, any(encoding) AS enc, any(envelope) AS body
       FROM raw_reports
       WHERE topic = {topic:String} AND partition = {partition:UInt16}
         AND offset BETWEEN {first:UInt64} AND {last:UInt64}
       GROUP BY offset ORDER BY offset`,
      { topic: ref.topic, partition: ref.partition, first: ref.firstOffset, last: ref.lastOffset },
    ));
  if (rows.length !== ref.count) {
    // Staging happens before the workflow starts, so this is a transient read problem: retry.
    throw new StagingIncomplete(`batch ${ref.batchId}: expected ${ref.count} staged messages, found ${rows.length}`);
  }
  const reports: StagedReport[] = [];
  const rejected: RejectedMessage[] = [];
  for (const row of rows) {
    if (row.enc === 'base64') {
      const bytes = Buffer.from(row.body, 'base64');
      rejected.push({ offset: row.off, key: row.key, bytes, reason: 'invalid_utf8', detail: 'message is not valid UTF-8' });
      continue;
    }
    const decoded = decodeEnvelope(row.body);
    if (decoded.ok) reports.push({ offset: row.off, envelope: decoded.envelope });
    else rejected.push({ offset: row.off, key: row.key, bytes: Buffer.from(row.body, 'utf8'), reason: 'invalid_envelope', detail: decoded.error });
  }
  return { reports, rejected };
}
