import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type Runtime } from '@wirewatch/runtime';
import { connectTemporal, signalAlert } from '@wirewatch/workflows';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestWebhook } from './alert-support.ts';
import { eventually, isolatedConfig, sleep } from './helpers/config.ts';
import { postReport } from './helpers/ingest.ts';
import { repoPath, sharedPath } from './helpers/paths.ts';

/**
 * Alerting inside the real pipeline: HTTP → Kafka → Temporal (batch workflow, SignalSink, alert workflows)
 * → ClickHouse, with the default pack's foreign-troops rule notifying a real webhook.
 */

const seed = JSON.parse(readFileSync(sharedPath('samples', 'seed-north-korea-troops.json'), 'utf8')) as Record<string, unknown>;
const ALERT_KEY = 'actor=PRK,conflict=RUS-UKR';

// Written for this test: an independent outlet's own account of the same story (not a copy of its text).
const rewrite = {
  source: 'independent-daily',
  source_id: 'nk-troops-russia-rewrite',
  published_at: '2024-10-21T09:00:00Z',
  headline: 'North Korea allegedly sends troops to Russia as Ukraine urges strong reaction',
  body:
    "Ukraine's president Volodymyr Zelenskyy urged allies on Sunday to react strongly after evidence that North Korea is allegedly " +
    "supplying troops to Russia for its war against Ukraine. South Korea's intelligence service said North Korea is preparing to send " +
    '10,000 soldiers to Russia, and about 1,500 have already been dispatched. NATO and the Pentagon said they could not confirm that ' +
    'North Korean troops had been sent to Russia.',
  language: 'en',
};
const sports = {
  source: 'sports-desk',
  source_id: 'derby-late-winner',
  published_at: '2024-10-21T10:00:00Z',
  headline: 'Late winner settles the derby',
  body: 'A header in the final minute gave the home side a 2-1 win in the derby on Sunday, lifting them to third in the table.',
  language: 'en',
};

describe('alerting in the pipeline', () => {
  const webhook = new TestWebhook('pipeline-secret');
  let runtime: Runtime;
  let config: ReturnType<typeof isolatedConfig>;

  const post = async (report: Record<string, unknown>): Promise<string> => (await postReport(runtime.ingestUrl!, report)).report_id;
  const processed = (id: string) =>
    eventually(() => runtime.clickhouse!.query('SELECT 1 FROM stories WHERE report_id = {id:String}', { id }), (r) => r.length > 0);

  beforeAll(async () => {
    await webhook.start();
    // The shipped rule, notifying the test's webhook instead of Kafka and the log.
    const pack = parse(readFileSync(repoPath('rules', 'default.yaml'), 'utf8')) as { rules: Record<string, unknown>[] };
    const rule = pack.rules.find((r) => r.id === 'foreign-troops-in-conflict')!;
    const dir = mkdtempSync(join(tmpdir(), 'ww-alert-rules-'));
    writeFileSync(join(dir, 'rules.yaml'), stringify({ rules: [{ ...rule, notify: [{ type: 'webhook', url: webhook.url, secret: 'ops' }] }] }));
    config = isolatedConfig('alert-pipeline', { ALERT_RULES: dir, ALERT_WEBHOOK_SECRETS: 'ops:pipeline-secret', ALERT_WINDOW_INTERVAL_S: '0' });
    runtime = await startRuntime(config, { components: ['ingest', 'dispatcher', 'worker'] });
  });

  afterAll(async () => {
    await runtime?.stop();
    await webhook.stop();
  });

  it('the seed from three syndicating outlets fires once; a rewrite adds evidence; sport fires nothing', { timeout: 180_000 }, async () => {
    const ids: string[] = [];
    for (const source of ['wire-origin', 'wire-copy-one', 'wire-copy-two']) {
      ids.push(await post({ ...seed, source, source_id: `${source}-nk-troops` }));
      await processed(ids.at(-1)!);
    }
    const opened = await eventually(async () => webhook.delivered(), (d) => d.length >= 1);
    await sleep(2000);
    expect(webhook.delivered()).toHaveLength(1);
    const alert = opened[0]!;
    expect(alert.signatureValid).toBe(true);
    expect(alert.body).toMatchObject({ kind: 'opened', ruleId: 'foreign-troops-in-conflict', key: ALERT_KEY, evidenceStatus: 'hedged', severity: 'medium' });
    const evidence = alert.body.evidence as { sentence: string; assertion: string }[];
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => ['alleged', 'unconfirmed'].includes(e.assertion))).toBe(true);
    expect(evidence.some((e) => /North Korea/.test(e.sentence))).toBe(true);

    const ch = runtime.clickhouse!;
    const alertId = alert.alertId;
    const copies = await eventually(
      () => ch.query<{ event: string }>('SELECT event FROM alert_events FINAL WHERE alert_id = {id:String} ORDER BY seq', { id: alertId }),
      (rows) => rows.filter((r) => r.event === 'syndicated_copy').length === 2,
    );
    expect(copies.filter((r) => r.event === 'opened')).toHaveLength(1);

    const rewriteId = await post(rewrite);
    const update = await eventually(async () => webhook.delivered(), (d) => d.length >= 2);
    expect(update[1]!.body).toMatchObject({ kind: 'updated', alertId, independentSources: 2 });
    expect(update[1]!.body.reportIds).toEqual(expect.arrayContaining([ids[0], rewriteId]));
    expect(update[1]!.body.reportIds).not.toContain(ids[1]);

    const sportId = await post(sports);
    await processed(sportId);
    await sleep(1500);
    expect(webhook.delivered()).toHaveLength(2);

    // An operator acknowledges it through Temporal, as `wirewatch alerts ack` does.
    const client = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
    try {
      const state = await signalAlert(client, alertId, 'ack', 'analyst');
      expect(state?.alertId).toBe(alertId);
      await eventually(async () => webhook.kinds(alertId), (k) => k.at(-1) === 'acknowledged');
      await signalAlert(client, alertId, 'resolve', 'analyst', 'test over');
      await eventually(async () => webhook.kinds(alertId), (k) => k.at(-1) === 'resolved');
    } finally {
      // The alert waits out its cooldown; end it so the shared server is left clean.
      await client.workflow.getHandle(alertId.split('#')[0]!).terminate('test over').catch(() => undefined);
      await client.connection.close();
    }
  });
});
