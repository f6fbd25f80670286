import { rollUpEscalation, type ClickHouse } from '@wirewatch/clickhouse';
import type { Logger } from '@wirewatch/log';

export interface RollupActivities {
  /** One step of the escalation roll-up: recomputes up to `daysPerStep` changed past days. */
  rollUpEscalationStep(): Promise<{ rolled: number; pending: number }>;
}

export function createRollupActivities(deps: { clickhouse: ClickHouse; daysPerStep: number; log: Logger; now?: () => Date }): RollupActivities {
  return {
    async rollUpEscalationStep() {
      const result = await rollUpEscalation(deps.clickhouse, { now: (deps.now ?? (() => new Date()))(), maxDays: deps.daysPerStep });
      if (result.rolled.length > 0) deps.log.info({ days: result.rolled, pending: result.pending }, 'escalation counts rolled up');
      return { rolled: result.rolled.length, pending: result.pending };
    },
  };
}
