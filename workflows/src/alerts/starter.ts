import type { Client } from '@temporalio/client';
import { alertWorkflowId, policyOf, type AlertMatch, type Rule } from '@wirewatch/alerting';
import type { AlertInput } from './workflows.ts';

/** Hands a match to its alert: the alert workflow of its rule and key, started if it is not running. */
export interface AlertStarter {
  deliver(match: AlertMatch, rule: Rule): Promise<void>;
}

/**
 * Signal-with-start on `alert:<task queue>:<rule>:<key>`: the first match starts the alert, later ones join it. A
 * closed alert's id can start again (a new alert, with its own alert id).
 */
export function temporalAlertStarter(client: Client, taskQueue: string): AlertStarter {
  return {
    async deliver(match, rule) {
      const input: AlertInput = { policy: policyOf(rule) };
      await client.workflow.signalWithStart('alertLifecycle', {
        workflowId: alertWorkflowId(taskQueue, match.ruleId, match.key),
        taskQueue,
        args: [input],
        signal: 'alertMatch',
        signalArgs: [match],
      });
    },
  };
}
