import { decodeEnvelope, type ReportEnvelope } from '@wirewatch/schemas';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { BatchRef } from './types.ts';

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

interface StagedRow {
  offset: string;
  report_id: string;
  encoding: string;
  envelope: string;
}

export class StagingIncomplete extends Error {
  override name = 'StagingIncomplete';
}

/** Reads a batch's messages back from `raw_reports` and decodes each (bodies never pass through history). */
export async function loadBatch(ch: ClickHouse, ref: BatchRef): Promise<{ reports: StagedReport[]; rejected: RejectedMessage[] }> {
  const rows = await ch.query<StagedRow>(
    `SELECT toString(offset) AS offset, any(report_id) AS report_id, any(encoding) AS encoding, any(envelope) AS envelope
     FROM raw_reports
     WHERE topic = {topic:String} AND partition = {partition:UInt16}
       AND offset BETWEEN {first:UInt64} AND {last:UInt64}
     GROUP BY offset ORDER BY toUInt64(offset)`,
    { topic: ref.topic, partition: ref.partition, first: ref.firstOffset, last: ref.lastOffset },
  );
  if (rows.length !== ref.count) {
    // Staging happens before the workflow starts, so this is a transient read problem: retry.
    throw new StagingIncomplete(`batch ${ref.batchId}: expected ${ref.count} staged messages, found ${rows.length}`);
  }
  const reports: StagedReport[] = [];
  const rejected: RejectedMessage[] = [];
  for (const row of rows) {
    const bytes = row.encoding === 'base64' ? Buffer.from(row.envelope, 'base64') : Buffer.from(row.envelope, 'utf8');
    if (row.encoding === 'base64') {
      rejected.push({ offset: row.offset, key: row.report_id, bytes, reason: 'invalid_utf8', detail: 'message is not valid UTF-8' });
      continue;
    }
    const decoded = decodeEnvelope(row.envelope);
    if (decoded.ok) reports.push({ offset: row.offset, envelope: decoded.envelope });
    else rejected.push({ offset: row.offset, key: row.report_id, bytes, reason: 'invalid_envelope', detail: decoded.error });
  }
  return { reports, rejected };
}
