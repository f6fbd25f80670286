import { readFileSync } from 'node:fs';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';
import { createKafka, createProducer, sendAcked, topicNames } from '@wirewatch/kafka';
import type { Runtime } from '@wirewatch/runtime';
import { eventually } from './helpers/config.ts';
import { postReport } from './helpers/ingest.ts';
import { repoPath, sharedPath } from './helpers/paths.ts';

/**
 * Feeds a running stack through its real front door: the seed sample and the demo reports over the
 * ingest API (a troop build-up syndicated three ways, a corrected update, non-events), plus one message
 * that is not a report envelope, written straight onto the raw topic so the pipeline dead-letters it.
 * Resolves once every report is in the read models and the dead letter is recorded.
 */
export async function feedStack(runtime: Runtime, config: Config, extra: readonly object[] = []): Promise<{ seedId: string }> {
  const seed = JSON.parse(readFileSync(sharedPath('samples', 'seed-north-korea-troops.json'), 'utf8')) as object;
  const demo = readFileSync(repoPath('demo', 'reports.ndjson'), 'utf8').trim().split('\n');
  const lines = [JSON.stringify(seed), ...demo, ...extra.map((r) => JSON.stringify(r))];
  const ch: ClickHouse = runtime.clickhouse!;
  // One report at a time, each awaited in the read models: reports of one batch run in a known order,
  // while reports on different partitions run in parallel batches and would join stories in either order.
  let seedId = '';
  for (const [i, line] of lines.entries()) {
    const { report_id: id, version } = await postReport(runtime.ingestUrl!, line);
    if (i === 0) seedId = id;
    await eventually(
      () => ch.query<{ n: string }>('SELECT count() AS n FROM stories FINAL WHERE report_id = {id:String} AND version = {version:UInt32}', { id, version }),
      (r) => Number(r[0]?.n) === 1,
      60_000,
    );
  }

  const kafka = createKafka(config);
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    await sendAcked(producer, [{ topic: topicNames(config.KAFKA_TOPIC_PREFIX).raw, messages: [{ key: 'r_not_a_report', value: '{"not": "an envelope"}' }] }]);
  } finally {
    await producer.disconnect();
  }

  await eventually(
    () => ch.query<{ n: string }>('SELECT count() AS n FROM dead_letters FINAL'),
    (r) => Number(r[0]?.n) >= 1,
    60_000,
  );
  return { seedId };
}
