export { startRuntime, migrationVars, type Runtime, type RuntimeOptions } from './runtime.ts';
export { COMPONENTS, type Component } from './components.ts';
export { querySomewhere, runtimeUrl, withClickHouse } from './clickhouse-access.ts';
export { buildControlApp } from './control.ts';
export { replay, type ReplayOptions, type ReplaySummary } from './replay.ts';
