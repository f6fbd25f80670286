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
  off: string;
  key: string;
  enc: string;
  body: string;
}

export class StagingIncomplete extends Error {
  override name = 'StagingIncomplete';
}

/** Reads a batch's messages back from `raw_reports` and decodes each (bodies never pass through history). */
export async function loadBatch(ch: ClickHouse, ref: BatchRef): Promise<{ reports: StagedReport[]; rejected: RejectedMessage[] }> {
  const rows = await ch.query<StagedRow>(
    `SELECT toString(offset) AS off, any(report_id) AS key, any(encoding) AS enc, any(envelope) AS body
     FROM raw_reports
     WHERE topic = {topic:String} AND partition = {partition:UInt16}
       AND offset BETWEEN {first:UInt64} AND {last:UInt64}
     GROUP BY offset ORDER BY offset`,
    { topic: ref.topic, partition: ref.partition, first: ref.firstOffset, last: ref.lastOffset },
  );
  if (rows.length !== ref.count) {
    // Staging happens before the workflow starts, so this is a transient read problem: retry.
    throw new StagingIncomplete(`batch ${ref.batchId}: expected ${ref.count} staged messages, found ${rows.length}`);
  }
  const reports: StagedReport[] = [];
  const rejected: RejectedMessage[] = [];
  for (const row of rows) {
    const bytes = row.enc === 'base64' ? Buffer.from(row.body, 'base64') : Buffer.from(row.body, 'utf8');
    if (row.enc === 'base64') {
      rejected.push({ offset: row.off, key: row.key, bytes, reason: 'invalid_utf8', detail: 'message is not valid UTF-8' });
      continue;
    }
    const decoded = decodeEnvelope(row.body);
    if (decoded.ok) reports.push({ offset: row.off, envelope: decoded.envelope });
    else rejected.push({ offset: row.off, key: row.key, bytes, reason: 'invalid_envelope', detail: decoded.error });
  }
  return { reports, rejected };
}
