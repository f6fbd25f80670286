import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { loadConfigOrExit } from '@wirewatch/config';

const LIST_SQL = `
  SELECT alert_id,
         argMax(rule_id, seq) AS rule,
         argMax(group_key, seq) AS key,
         argMax(status, seq) AS status,
         argMax(severity, seq) AS severity,
         argMax(evidence_status, seq) AS evidence,
         countIf(event IN ('opened', 'evidence', 'escalated')) AS matches,
         countIf(event = 'syndicated_copy') AS copies,
         uniqExactIf(notification_seq, event = 'notified') AS notifications,
         countIf(event = 'notify_failed') AS failed,
         toString(min(at)) AS opened_at,
         toString(max(at)) AS last_change
  FROM alert_events FINAL
  GROUP BY alert_id
  HAVING {all:Bool} OR status != 'resolved'
  ORDER BY last_change DESC
  LIMIT {limit:UInt32}`;

const HISTORY_SQL = `
  SELECT seq, toString(at) AS at, event, status, severity, by, notification_seq, detail
  FROM alert_events FINAL WHERE alert_id = {id:String} ORDER BY seq`;

function print(rows: Record<string, unknown>[], format: string): void {
  if (format === 'json') for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
  else if (rows.length === 0) process.stdout.write('(no alerts)\n');
  else console.table(rows);
}

async function signal(alertId: string, action: 'ack' | 'resolve', by: string, text: string | undefined): Promise<void> {
  const config = loadConfigOrExit();
  const { connectTemporal, signalAlert } = await import('@wirewatch/workflows');
  const client = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  try {
    const state = await signalAlert(client, alertId, action, by, text);
    process.stdout.write(`${alertId}: ${state?.status ?? 'signalled'}\n`);
  } catch (err) {
    process.stderr.write(`wirewatch alerts ${action}: ${(err as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await client.connection.close();
  }
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('alerts raised by the rules: list, history, acknowledge, resolve');

  alerts
    .command('list')
    .description('open and acknowledged alerts (with --all, resolved ones too), newest change first')
    .option('--all', 'include resolved alerts')
    .option('--limit <n>', 'at most this many', '100')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { all?: boolean; limit: string; format: string }) => {
      const config = loadConfigOrExit();
      const { querySomewhere } = await import('@wirewatch/runtime');
      print(await querySomewhere(config, LIST_SQL, { all: opts.all === true, limit: Number(opts.limit) }), opts.format);
    });

  alerts
    .command('history')
    .description("an alert's state changes and notifications, from alert_events")
    .argument('<alert-id>')
    .option('--format <format>', 'table or json', 'table')
    .action(async (alertId: string, opts: { format: string }) => {
      const config = loadConfigOrExit();
      const { querySomewhere } = await import('@wirewatch/runtime');
      print(await querySomewhere(config, HISTORY_SQL, { id: alertId }), opts.format);
    });

  alerts
    .command('ack')
    .description('acknowledge an open alert: it stops re-notifying')
    .argument('<alert-id>')
    .option('--by <name>', 'who acknowledges', userInfo().username)
    .option('--note <text>', 'a note for the alert history')
    .action((alertId: string, opts: { by: string; note?: string }) => signal(alertId, 'ack', opts.by, opts.note));

  alerts
    .command('resolve')
    .description('resolve an alert: it notifies resolution and closes after its cooldown')
    .argument('<alert-id>')
    .option('--by <name>', 'who resolves', userInfo().username)
    .option('--reason <text>', 'why')
    .action((alertId: string, opts: { by: string; reason?: string }) => signal(alertId, 'resolve', opts.by, opts.reason));
}
