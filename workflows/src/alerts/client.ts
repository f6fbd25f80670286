import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { AlertState } from '@wirewatch/alerting';

/** The workflow id of an alert id (`alert:<rule>:<key>#<run>` → `alert:<rule>:<key>`); a bare workflow id passes through. */
export const workflowIdOfAlert = (alertId: string): string => alertId.replace(/#[0-9a-f-]+$/, '');

export class AlertNotOpenError extends Error {
  override name = 'AlertNotOpenError';
}

/** Acknowledges or resolves an open alert by signalling its workflow; fails when no such alert is running. */
export async function signalAlert(client: Client, alertId: string, action: 'ack' | 'resolve', by: string, text?: string): Promise<AlertState | null> {
  const handle = client.workflow.getHandle(workflowIdOfAlert(alertId));
  try {
    const description = await handle.describe();
    if (description.status.name !== 'RUNNING') throw new AlertNotOpenError(`alert ${alertId} is ${description.status.name.toLowerCase()}`);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new AlertNotOpenError(`no alert ${alertId}`);
    throw err;
  }
  if (action === 'ack') await handle.signal('alertAck', { by, ...(text ? { note: text } : {}) });
  else await handle.signal('alertResolve', { by, ...(text ? { reason: text } : {}) });
  return handle.query<AlertState | null>('alertState');
}
