export { buildDashboardApp, type DashboardOptions } from './app.ts';
export { startDashboard, type RunningDashboard } from './server.ts';
export { startDashboardComponent, type DashboardComponentDeps } from './component.ts';
export { kafkaLagProbe, temporalFailuresProbe, unavailableProbes, type HealthProbes } from './health.ts';
export { type AlertActions } from './views.ts';
export { escapeHtml } from './html.ts';
