import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { formatRuleError, isWindowRule, loadRules, type ReportRule, type Rule, type WindowRule } from '@wirewatch/alerting';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';
import type { Logger } from '@wirewatch/log';
import type { Producer } from 'kafkajs';
import type { SignalSink } from '../activities.ts';
import { connectTemporal } from '../client.ts';
import { ensureIntervalSchedule } from '../schedules.ts';
import { createAlertActivities, type AlertActivities } from './activities.ts';
import { alertingSignalSink } from './sink.ts';
import { temporalAlertStarter } from './starter.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export class RuleLoadError extends Error {
  override name = 'RuleLoadError';
}

/** Loads the configured rule pack (ALERT_RULES); relative paths are taken from the repository root. */
export function loadConfiguredRules(config: Pick<Config, 'ALERT_RULES' | 'ALERT_WEBHOOK_SECRETS'>): Rule[] {
  const result = loadRules(config.ALERT_RULES.map((p) => (isAbsolute(p) ? p : resolve(REPO_ROOT, p))));
  if (!result.ok) throw new RuleLoadError(`alert rules rejected:\n  ${result.errors.map(formatRuleError).join('\n  ')}`);
  const secrets = webhookSecrets(config);
  const missing = result.rules.flatMap((r) =>
    r.notify.flatMap((t) => (t.type === 'webhook' && !secrets.has(t.secret) ? [`rule "${r.id}": no webhook secret "${t.secret}" in ALERT_WEBHOOK_SECRETS`] : [])),
  );
  if (missing.length > 0) throw new RuleLoadError(`alert rules rejected:\n  ${missing.join('\n  ')}`);
  return result.rules;
}

/** ALERT_WEBHOOK_SECRETS as a map from secret name to secret (`name:secret`; the secret may contain colons). */
export function webhookSecrets(config: Pick<Config, 'ALERT_WEBHOOK_SECRETS'>): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const pair of config.ALERT_WEBHOOK_SECRETS) {
    const at = pair.indexOf(':');
    if (at > 0) secrets.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return secrets;
}

export const windowScheduleId = (taskQueue: string): string => `wirewatch-window-rules:${taskQueue}`;

/** Creates (or updates) the Schedule that runs `evaluateWindowRules` every `everySeconds`. */
export async function ensureWindowSchedule(client: Client, taskQueue: string, everySeconds: number): Promise<void> {
  await ensureIntervalSchedule(client, { scheduleId: windowScheduleId(taskQueue), workflowType: 'evaluateWindowRules', taskQueue, everySeconds });
}

export interface Alerting {
  rules: Rule[];
  sink: SignalSink;
  activities: AlertActivities;
  close(): Promise<void>;
}

/**
 * Everything alerting adds to a worker: the rules, the SignalSink that evaluates per-report rules inside
 * the pipeline, the alert activities, and the Schedule for window rules.
 */
export async function startAlerting(
  config: Config,
  deps: { clickhouse: ClickHouse; producer: Producer | null; alertsTopic: string; rulesetVersion: string; log: Logger; rules?: Rule[] },
): Promise<Alerting> {
  const rules = deps.rules ?? loadConfiguredRules(config);
  const reportRules = rules.filter((r): r is ReportRule => r.kind === 'report');
  const windowRules = rules.filter((r): r is WindowRule => isWindowRule(r));
  const client = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  const starter = temporalAlertStarter(client, config.TEMPORAL_TASK_QUEUE);
  if (windowRules.length > 0 && config.ALERT_WINDOW_INTERVAL_S > 0) {
    await ensureWindowSchedule(client, config.TEMPORAL_TASK_QUEUE, config.ALERT_WINDOW_INTERVAL_S);
  }
  deps.log.info({ report: reportRules.length, window: windowRules.length }, 'alert rules loaded');
  return {
    rules,
    sink: alertingSignalSink({ clickhouse: deps.clickhouse, starter, rules: reportRules, log: deps.log }),
    activities: createAlertActivities({
      clickhouse: deps.clickhouse,
      producer: deps.producer,
      alertsTopic: deps.alertsTopic,
      secrets: webhookSecrets(config),
      webhookTimeoutMs: config.ALERT_WEBHOOK_TIMEOUT_MS,
      windowRules,
      rulesetVersion: deps.rulesetVersion,
      starter,
      log: deps.log,
    }),
    close: () => client.connection.close(),
  };
}
