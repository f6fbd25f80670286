/** The parts of wirewatch a runtime process can host. */
export const COMPONENTS = ['ingest', 'dispatcher', 'worker', 'dashboard'] as const;
export type Component = (typeof COMPONENTS)[number];
