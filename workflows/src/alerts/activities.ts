import { createHmac } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { windowQuery, type AlertEventRecord, type AlertNotification, type WindowRule } from '@wirewatch/alerting';
import { chTime, GroupedInsert, type ClickHouse } from '@wirewatch/clickhouse';
import { sendAcked } from '@wirewatch/kafka';
import type { Logger } from '@wirewatch/log';
import type { Producer } from 'kafkajs';
import type { AlertStarter } from './starter.ts';

export interface AlertActivityDeps {
  clickhouse: ClickHouse;
  /** Producer for the `alerts` topic; null where no rule notifies Kafka. */
  producer: Producer | null;
  alertsTopic: string;
  /** Webhook signing secrets by name (ALERT_WEBHOOK_SECRETS). */
  secrets: ReadonlyMap<string, string>;
  webhookTimeoutMs: number;
  /** Window rules and where their matches go (the Schedule's activity). */
  windowRules: readonly WindowRule[];
  rulesetVersion: string;
  starter: AlertStarter | null;
  log: Logger;
  now?: () => Date;
}

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, so a receiver can also refuse stale replays. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** The webhook body: the notification as built by the workflow, so every attempt sends the same JSON. */
export const webhookBody = (n: AlertNotification): string => JSON.stringify({ type: `alert.${n.kind}`, ...n });

/** Alert activities: notification delivery, the alert_events log, and window-rule evaluation. */
export function createAlertActivities(deps: AlertActivityDeps) {
  const now = deps.now ?? (() => new Date());
  // Many alerts record a change or two each at about the same time: one block for all of them, not one each
  // (each insert costs the embedded engine several ms, and they queue behind the batch writes).
  const alertEvents = new GroupedInsert(deps.clickhouse, 'alert_events');

  return {
    /** Appends alert state changes; a retried write is dropped by its token or collapsed by (alert_id, seq). */
    async recordAlertEvents(rows: AlertEventRecord[]): Promise<void> {
      if (rows.length === 0) return;
      const at = chTime(now());
      const first = rows[0]!;
      const last = rows[rows.length - 1]!;
      await alertEvents.insert(
        rows.map((r) => ({ ...r, at })),
        `alert_events:${first.alert_id}:${first.seq}-${last.seq}`,
      );
    },

    /**
     * POSTs the notification, signed. Transient failures (network, 5xx, 408, 429) throw and are retried by
     * Temporal with backoff; other 4xx answers will not improve and fail at once (WebhookRejected).
     */
    async deliverWebhook(n: AlertNotification, target: { url: string; secret: string }): Promise<{ status: number }> {
      const secret = deps.secrets.get(target.secret);
      if (secret === undefined) {
        throw ApplicationFailure.nonRetryable(`no webhook secret named "${target.secret}" in ALERT_WEBHOOK_SECRETS`, 'WebhookRejected');
      }
      const attempt = Context.current().info.attempt;
      const body = webhookBody(n);
      const res = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': n.idempotencyKey,
          'x-wirewatch-alert-id': n.alertId,
          'x-wirewatch-delivery-attempt': String(attempt),
          'x-wirewatch-signature': signatureHeader(secret, body, Math.floor(now().getTime() / 1000)),
        },
        body,
        signal: AbortSignal.timeout(deps.webhookTimeoutMs),
      }).catch((err: unknown) => {
        deps.log.warn({ alertId: n.alertId, notification: n.sequence, attempt, url: target.url, err: (err as Error).message }, 'webhook unreachable');
        throw err;
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { status: res.status };
      deps.log.warn({ alertId: n.alertId, notification: n.sequence, attempt, url: target.url, status: res.status }, 'webhook delivery failed');
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        throw ApplicationFailure.nonRetryable(`webhook answered ${res.status}`, 'WebhookRejected');
      }
      throw new Error(`webhook answered ${res.status}`);
    },

    /** Publishes the notification on the `alerts` topic, keyed by alert id (at least once; consumers dedupe by idempotency key). */
    async publishAlert(n: AlertNotification): Promise<void> {
      if (deps.producer === null) throw ApplicationFailure.nonRetryable('no Kafka producer for alerts', 'WebhookRejected');
      await sendAcked(deps.producer, [
        {
          topic: deps.alertsTopic,
          messages: [{ key: n.alertId, value: JSON.stringify({ type: `alert.${n.kind}`, ...n }), headers: { 'idempotency-key': n.idempotencyKey } }],
        },
      ]);
    },

    async logAlert(n: AlertNotification): Promise<void> {
      const fields = { alertId: n.alertId, rule: n.ruleId, key: n.key, kind: n.kind, severity: n.severity, status: n.status, evidence: n.evidenceStatus, idempotencyKey: n.idempotencyKey };
      if (n.kind === 'resolved' || n.kind === 'acknowledged') deps.log.info(fields, 'alert');
      else deps.log.warn({ ...fields, headline: n.headline, reasons: n.reasons }, 'alert');
    },

    /** Runs every window rule's query and hands its matches to the alerts. Returns how many matched. */
    async runWindowRules(): Promise<number> {
      const asOf = now().getTime();
      let matched = 0;
      for (const rule of deps.windowRules) {
        const q = windowQuery(rule, deps.rulesetVersion, asOf);
        const matches = q.toMatches(await deps.clickhouse.query(q.sql, q.params));
        for (const m of matches) await deps.starter?.deliver(m, rule);
        matched += matches.length;
      }
      return matched;
    },
  };
}

export type AlertActivities = ReturnType<typeof createAlertActivities>;
