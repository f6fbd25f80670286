import type { Client, WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { alertWorkflowId, parseRuleFile, type AlertMatch, type AlertState, type Rule } from '@wirewatch/alerting';
import { type ClickHouse } from '@wirewatch/clickhouse';
import { createKafka, createProducer, ensureTopics, topicNames } from '@wirewatch/kafka';
import { createLogger } from '@wirewatch/log';
import { connectTemporal, createAlertActivities, signalAlert, temporalAlertStarter, WORKFLOWS_PATH, type AlertStarter } from '@wirewatch/workflows';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestWebhook, timeSkippingServer } from './alert-support.ts';
import { eventually, isolatedConfig } from './helpers/config.ts';
import { migratedClickHouse } from './helpers/clickhouse.ts';

/**
 * The alert lifecycle on Temporal's time-skipping test server: hours of durable timers pass in moments.
 * Activities are the real ones: ClickHouse (embedded), Kafka, and a real HTTP webhook receiver.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const config = isolatedConfig('alerts', { ALERT_WEBHOOK_SECRETS: 'ops:s3cret' });
const log = createLogger('alert-test', 'error');

function rule(id: string, extra = ''): Rule {
  const yaml = `rules:
  - id: ${id}
    kind: report
    description: test rule ${id}
    severity: medium
    when: { event: { types: [MOBILIZE] } }
    group_by: [actor, target]
    renotify: 1h
    quiet: 1d
    cooldown: 6h
    notify: [{ type: webhook, url: "${webhook.url}", secret: ops }, { type: kafka, topic: alerts }, { type: log }]
${extra}`;
  const parsed = parseRuleFile(`${id}.yaml`, yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.rules[0]!;
}

let n = 0;
function match(r: Rule, key: string, over: Partial<AlertMatch> = {}): AlertMatch {
  n += 1;
  return {
    ruleId: r.id, key, severity: 'medium', status: 'hedged', evidenceId: `r_${n}@1`, reportIds: [`r_${n}`], storyIds: ['st-a'],
    syndicated: false, independentSources: 1, headline: 'Troops reportedly sent', publishedAt: '2025-01-01T00:00:00Z',
    evidence: [{ reportId: `r_${n}`, storyId: 'st-a', source: 'wire', sentence: `Sentence ${n}: troops were allegedly sent.`, assertion: 'alleged' }],
    reasons: ['MOBILIZE'], ...over,
  };
}

let env: TestWorkflowEnvironment;
let ch: ClickHouse;
let producer: Producer;
let bundle: WorkflowBundle;
let starter: AlertStarter;
const webhook = new TestWebhook('s3cret');

const activities = () =>
  createAlertActivities({
    clickhouse: ch, producer, alertsTopic: topicNames(config.KAFKA_TOPIC_PREFIX).alerts, secrets: new Map([['ops', 's3cret']]),
    webhookTimeoutMs: 5000, windowRules: [], rulesetVersion: 'test', starter: null, log,
  });

function worker(): Promise<Worker> {
  return Worker.create({ connection: env.nativeConnection, taskQueue: config.TEMPORAL_TASK_QUEUE, workflowBundle: bundle, activities: activities() });
}

const alertIdOf = async (r: Rule, key: string) =>
  (await eventually(() => env.client.workflow.getHandle(alertWorkflowId(config.TEMPORAL_TASK_QUEUE, r.id, key)).query<AlertState | null>('alertState'), (s) => s !== null))!.alertId;

interface DevServer {
  client: Client;
  taskQueue: string;
  starter: AlertStarter;
  /** A worker on the test's own task queue (not yet running). */
  worker(): Promise<Worker>;
  /** The alert workflow of the test's rule and key. */
  handle: WorkflowHandle;
}

/** Runs a test on the real dev server, on a task queue of its own; the alert is terminated and connections closed after. */
async function onDevServer(queue: string, r: Rule, key: string, test: (dev: DevServer) => Promise<void>): Promise<void> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  const taskQueue = `${config.TEMPORAL_TASK_QUEUE}-${queue}`;
  const handle = client.workflow.getHandle(alertWorkflowId(taskQueue, r.id, key));
  try {
    await test({
      client,
      taskQueue,
      starter: temporalAlertStarter(client, taskQueue),
      worker: () => Worker.create({ connection, taskQueue, workflowBundle: bundle, activities: activities() }),
      handle,
    });
  } finally {
    await handle.terminate('test over').catch(() => undefined);
    await client.connection.close();
    await connection.close();
  }
}

const events = (alertId: string) =>
  ch.query<{ seq: number; event: string; status: string; by: string; notification_seq: number }>(
    'SELECT seq, event, status, by, notification_seq FROM alert_events FINAL WHERE alert_id = {id:String} ORDER BY seq',
    { id: alertId },
  );

describe('alert lifecycle (Temporal time-skipping server, real ClickHouse, Kafka and webhook)', () => {
  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: timeSkippingServer(config) } } });
    ch = await migratedClickHouse('alerts', config.CLICKHOUSE_DATABASE);
    const kafka = createKafka(config);
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, config.KAFKA_TOPIC_PREFIX);
    await admin.disconnect();
    producer = createProducer(kafka);
    await producer.connect();
    await webhook.start();
    bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
    starter = temporalAlertStarter(env.client, config.TEMPORAL_TASK_QUEUE);
  }, 600_000);

  afterAll(async () => {
    await producer?.disconnect();
    await webhook.stop();
    await ch?.close();
    await env?.teardown();
  });

  it('notifies, re-notifies until acknowledged, resolves on a signal and closes after the cooldown', async () => {
    const r = rule('renotify');
    const w = await worker();
    await w.runUntil(async () => {
      await starter.deliver(match(r, 'actor=PRK,target=RUS'), r);
      const alertId = await alertIdOf(r, 'actor=PRK,target=RUS');
      await eventually(async () => webhook.kinds(alertId), (k) => k.length === 1);

      await env.sleep(2.5 * HOUR);
      expect(await eventually(async () => webhook.kinds(alertId), (k) => k.length === 3)).toEqual(['opened', 'renotify', 'renotify']);

      await signalAlert(env.client, alertId, 'ack', 'duty-officer', 'looking');
      await eventually(async () => webhook.kinds(alertId), (k) => k.length === 4);
      await env.sleep(5 * HOUR);
      expect(webhook.kinds(alertId)).toEqual(['opened', 'renotify', 'renotify', 'acknowledged']);

      await signalAlert(env.client, alertId, 'resolve', 'duty-officer', 'confirmed and handled');
      const handle = env.client.workflow.getHandle(alertWorkflowId(config.TEMPORAL_TASK_QUEUE, r.id, 'actor=PRK,target=RUS'));
      const final = await handle.result();
      expect(final).toMatchObject({ status: 'resolved', acknowledgedBy: 'duty-officer', resolvedBy: 'duty-officer', resolution: 'confirmed and handled' });
      expect(webhook.kinds(alertId)).toEqual(['opened', 'renotify', 'renotify', 'acknowledged', 'resolved']);
      expect(webhook.delivered().every((d) => d.signatureValid)).toBe(true);

      const rows = await events(alertId);
      expect(rows.map((e) => e.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.filter((e) => e.event !== 'notified').map((e) => `${e.event}:${e.status}`)).toEqual([
        'opened:open', 'acknowledged:acknowledged', 'resolved:resolved', 'closed:resolved',
      ]);
      // Three targets per notification, five notifications.
      expect(rows.filter((e) => e.event === 'notified')).toHaveLength(15);
      expect(rows.find((e) => e.event === 'acknowledged')?.by).toBe('duty-officer');
    });
  });

  it('a webhook failing twice then succeeding receives exactly one delivery per notification', async () => {
    const r = rule('flaky');
    webhook.failFirst = 2;
    try {
      const w = await worker();
      await w.runUntil(async () => {
        await starter.deliver(match(r, 'actor=BLR,target=UKR'), r);
        const alertId = await alertIdOf(r, 'actor=BLR,target=UKR');
        await eventually(async () => webhook.kinds(alertId), (k) => k.length === 1);
        await env.sleep(70 * MINUTE);
        await eventually(async () => webhook.kinds(alertId), (k) => k.length === 2);
        const attempts = webhook.attempts.filter((a) => a.alertId === alertId);
        expect(attempts.map((a) => `${a.key.slice(alertId.length)}#${a.attempt}`)).toEqual([':n1#1', ':n1#2', ':n1#3', ':n2#1', ':n2#2', ':n2#3']);
        expect(new Set(attempts.map((a) => a.body.sequence))).toEqual(new Set([1, 2]));
        const rows = await eventually(() => events(alertId), (e) => e.filter((x) => x.event === 'notified').length === 6);
        expect(rows.filter((e) => e.event === 'notify_failed')).toEqual([]);
      });
    } finally {
      webhook.failFirst = 0;
    }
  });

  it('syndicated copies never re-fire; an independent report adds evidence', async () => {
    const r = rule('syndication');
    const key = 'actor=PRK,target=RUS';
    const w = await worker();
    await w.runUntil(async () => {
      await starter.deliver(match(r, key), r);
      await starter.deliver(match(r, key, { syndicated: true }), r);
      await starter.deliver(match(r, key, { syndicated: true }), r);
      const alertId = await alertIdOf(r, key);
      const handle = env.client.workflow.getHandle(alertWorkflowId(config.TEMPORAL_TASK_QUEUE, r.id, key));
      await eventually(() => handle.query<AlertState>('alertState'), (s) => s.syndicatedCopies === 2);
      expect(webhook.kinds(alertId)).toEqual(['opened']);

      await starter.deliver(match(r, key, { independentSources: 2, severity: 'high', status: 'asserted' }), r);
      await eventually(async () => webhook.kinds(alertId), (k) => k.length === 2);
      expect(webhook.kinds(alertId)).toEqual(['opened', 'escalated']);
      const state = await handle.query<AlertState>('alertState');
      expect(state).toMatchObject({ matches: 2, severity: 'high', evidenceStatus: 'asserted', independentSources: 2, syndicatedCopies: 2 });
    });
  });

  it('a long-lived alert continues as new before its history grows; its state and numbering carry over', { timeout: 120_000 }, async () => {
    // On the real dev server: the time-skipping test server mishandles local activities across continue-as-new.
    const long = rule('long-lived');
    const key = 'actor=PRK,target=RUS';
    await onDevServer('long', long, key, async ({ client, taskQueue, starter: devStarter, worker, handle }) => {
      await (await worker()).runUntil(async () => {
        await client.workflow.signalWithStart('alertLifecycle', {
          workflowId: handle.workflowId, taskQueue,
          args: [{ policy: { cooldownMs: 3_600_000, renotifyMs: 3_600_000, quietMs: 86_400_000, notify: [{ type: 'log' }] }, historyLimit: 40 }],
          signal: 'alertMatch', signalArgs: [match(long, key)],
        });
        for (let i = 0; i < 12; i++) await devStarter.deliver(match(long, key, { storyIds: [`st-${i}`] }), long);
        const state = await eventually(() => handle.query<AlertState>('alertState'), (s) => s !== null && s.matches === 13, 30_000);
        // The alert id names the first run; the running one is a later run of the chain.
        await eventually(async () => (await handle.describe()).runId.slice(0, 8), (run) => run !== state.alertId.split('#')[1]);
        const rows = await eventually(() => events(state.alertId), (e) => e.length === state.events);
        expect(rows.map((e) => e.seq)).toEqual(rows.map((_, i) => i + 1));
        await signalAlert(client, state.alertId, 'resolve', 'test');
      });
    });
  });

  it('a worker stopped between notifications resumes without losing or repeating one', { timeout: 120_000 }, async () => {
    // On the real dev server, so the re-notification timer fires while no worker runs at all.
    const r: Rule = { ...rule('restart'), renotify: 3000 };
    const key = 'actor=IRN,target=ISR';
    await onDevServer('restart', r, key, async ({ client, starter: devStarter, worker: devWorker, handle }) => {
      let alertId = '';
      await (await devWorker()).runUntil(async () => {
        await devStarter.deliver(match(r, key), r);
        alertId = (await eventually(() => handle.query<AlertState | null>('alertState'), (s) => s !== null))!.alertId;
        await eventually(() => events(alertId), (e) => e.filter((x) => x.event === 'notified').length === 3);
      });
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(webhook.kinds(alertId)).toEqual(['opened']);

      await (await devWorker()).runUntil(async () => {
        await eventually(async () => webhook.kinds(alertId), (k) => k.length >= 3);
        await signalAlert(client, alertId, 'resolve', 'test');
        await eventually(async () => webhook.kinds(alertId), (k) => k.at(-1) === 'resolved');
        await eventually(() => events(alertId), (e) => e.at(-1)?.event === 'notified' && e.at(-1)?.status === 'resolved');
      });
      const attempts = webhook.attempts.filter((a) => a.alertId === alertId);
      expect(attempts.map((a) => a.key.slice(alertId.length))).toEqual(attempts.map((_, i) => `:n${i + 1}`));
      expect(webhook.kinds(alertId).slice(0, 3)).toEqual(['opened', 'renotify', 'renotify']);
      const rows = await events(alertId);
      expect(rows.map((e) => e.seq)).toEqual(rows.map((_, i) => i + 1));
    });
  });
});
