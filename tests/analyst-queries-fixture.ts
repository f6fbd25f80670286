import { readFileSync } from 'node:fs';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';
import { createKafka, createProducer, sendAcked, topicNames } from '@wirewatch/kafka';
import type { Runtime } from '@wirewatch/runtime';
import { eventually } from './helpers/config.ts';
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
  const res = await fetch(`${runtime.ingestUrl}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer dev-token' },
    body: lines.join('\n') + '\n',
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  const accepted = (await res.json()) as { accepted: number; results: { status: string; report_id?: string }[] };
  if (accepted.accepted !== lines.length) throw new Error(`ingest refused lines: ${JSON.stringify(accepted.results)}`);
  const seedId = accepted.results[0]!.report_id!;

  const kafka = createKafka(config);
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    await sendAcked(producer, [{ topic: topicNames(config.KAFKA_TOPIC_PREFIX).raw, messages: [{ key: 'r_not_a_report', value: '{"not": "an envelope"}' }] }]);
  } finally {
    await producer.disconnect();
  }

  const ch: ClickHouse = runtime.clickhouse!;
  // Stories hold every accepted line (repeats included); dead_letters the bad message.
  const expected = lines.length;
  await eventually(
    () => ch.query<{ stories: string; letters: string }>(
      'SELECT (SELECT count() FROM stories FINAL) AS stories, (SELECT count() FROM dead_letters FINAL) AS letters',
    ),
    (r) => Number(r[0]?.stories) >= expected && Number(r[0]?.letters) >= 1,
    90_000,
  );
  return { seedId };
}
