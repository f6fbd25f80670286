import { Client, Connection } from '@temporalio/client';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { Config } from '@wirewatch/config';
import type { Logger } from '@wirewatch/log';
import { signalAlert } from '@wirewatch/workflows';
import type { Kafka } from 'kafkajs';
import { kafkaLagProbe, temporalFailuresProbe, type HealthProbes } from './health.ts';
import { startDashboard, type RunningDashboard } from './server.ts';
import type { AlertActions } from './views.ts';

export interface DashboardComponentDeps {
  kafka: Kafka;
  clickhouse: ClickHouse;
  /** The raw topic and the dispatcher's consumer group, whose lag the health view shows. */
  rawTopic: string;
  dispatcherGroup: string;
  rulesetVersion: string;
  log: Logger;
}

/**
 * The dashboard as a runtime component: reads through the runtime's ClickHouse (in embedded mode the one
 * the runtime opened), asks Kafka for the dispatcher's lag and Temporal for failed batch workflows, and
 * acknowledges or resolves alerts by signalling their alert workflows. Temporal is connected on first
 * use, so the dashboard still serves the read models while it is down.
 */
export async function startDashboardComponent(config: Config, deps: DashboardComponentDeps): Promise<RunningDashboard> {
  const admin = deps.kafka.admin();
  await admin.connect();
  let temporal: Promise<{ client: Client; connection: Connection }> | null = null;
  const connectTemporal = () => {
    temporal ??= Connection.connect({ address: config.TEMPORAL_ADDRESS, connectTimeout: '5s' }).then(
      (connection) => ({ connection, client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }) }),
      (err: unknown) => {
        temporal = null;
        throw err;
      },
    );
    return temporal;
  };
  // Operators act on alerts through the alert workflows; the workflow then records the change in alert_events.
  const alerts: AlertActions = {
    act: async (alertId, action, by, note) => signalAlert((await connectTemporal()).client, alertId, action, by, note),
  };
  const health: HealthProbes = {
    consumerLag: kafkaLagProbe(admin, deps.rawTopic, deps.dispatcherGroup),
    failedWorkflows: async () => temporalFailuresProbe((await connectTemporal()).client, config.TEMPORAL_TASK_QUEUE)(),
  };
  try {
    const dashboard = await startDashboard({
      host: config.DASHBOARD_HOST,
      port: config.DASHBOARD_PORT,
      tokens: config.DASHBOARD_TOKENS,
      sessionHours: config.DASHBOARD_SESSION_HOURS,
      refreshMs: config.DASHBOARD_REFRESH_MS,
      clickhouse: deps.clickhouse,
      rulesetVersion: deps.rulesetVersion,
      signalMinScore: config.SIGNAL_MIN_SCORE,
      health,
      alerts,
    });
    deps.log.info({ url: dashboard.url }, 'dashboard listening');
    return {
      url: dashboard.url,
      async close() {
        await dashboard.close();
        await admin.disconnect();
        const t = await temporal?.catch(() => null);
        await t?.connection.close();
      },
    };
  } catch (err) {
    await admin.disconnect();
    throw err;
  }
}
