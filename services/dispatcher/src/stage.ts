import { isUtf8 } from 'node:buffer';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { BatchRef, StagedRow } from '@wirewatch/workflows/types';
import { chTime } from '@wirewatch/clickhouse';
import type { RawMessage } from './batcher.ts';

interface EnvelopeHead {
  report_id?: unknown;
  version?: unknown;
  source?: unknown;
  received_at?: unknown;
}

/** Reads what staging needs from an envelope without validating it: validation is the workflow's job. */
function head(value: string): EnvelopeHead {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as EnvelopeHead) : {};
  } catch {
    return {};
  }
}

/**
 * Writes a batch's messages to `raw_reports`, keyed by (topic, partition, offset) and deduplicated by the
 * batch id, so the workflow reads bodies from ClickHouse rather than from its own history. Every message
 * is staged, malformed ones included, so none is lost before the workflow dead-letters it with a reason.
 * Returns the messages as staged, for a worker in this process (`StagedBatches`).
 */
export async function stageBatch(ch: ClickHouse, ref: BatchRef, messages: readonly RawMessage[]): Promise<StagedRow[]> {
  const stagedAt = chTime(new Date());
  const rows = messages.map((m) => {
    const bytes = m.value ?? Buffer.alloc(0);
    const lossless = isUtf8(bytes);
    const text = lossless ? bytes.toString('utf8') : '';
    const h = lossless ? head(text) : {};
    const receivedAt = typeof h.received_at === 'string' && !Number.isNaN(Date.parse(h.received_at)) ? new Date(h.received_at) : new Date();
    return {
      topic: ref.topic,
      partition: ref.partition,
      offset: m.offset,
      batch_id: ref.batchId,
      report_id: m.key?.toString('utf8') ?? (typeof h.report_id === 'string' ? h.report_id : ''),
      version: typeof h.version === 'number' && Number.isInteger(h.version) && h.version >= 0 ? h.version : 0,
      source: typeof h.source === 'string' ? h.source : '',
      received_at: chTime(receivedAt),
      staged_at: stagedAt,
      encoding: lossless ? 'utf8' : 'base64',
      envelope: lossless ? text : bytes.toString('base64'),
    };
  });
  await ch.insert('raw_reports', rows, { dedupToken: ref.batchId });
  return rows.map((r) => ({ off: r.offset, key: r.report_id, enc: r.encoding, body: r.envelope }));
}
