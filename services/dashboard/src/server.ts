import { buildDashboardApp, type DashboardOptions } from './app.ts';

export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/** Serves the dashboard on host:port (port 0: a free one). */
export async function startDashboard(options: DashboardOptions & { host: string; port: number }): Promise<RunningDashboard> {
  const app = buildDashboardApp(options);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${options.host}:${port}`, close: () => app.close() };
}
