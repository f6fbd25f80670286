import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import {
  acknowledge,
  applyMatch,
  newAlert,
  nextEvent,
  nextNotification,
  notificationFor,
  resolve,
  type AlertEventRecord,
  type AlertMatch,
  type AlertNotification,
  type AlertPolicy,
  type AlertState,
  type NotificationKind,
  type NotifyTarget,
} from '@wirewatch/alerting/lifecycle';
import type { AlertActivities } from './activities.ts';

/** A new match for the alert's rule and key (sent with signal-with-start, so the first one opens it). */
export const alertMatchSignal = defineSignal<[AlertMatch]>('alertMatch');
/** An operator has seen the alert: no more re-notifications. */
export const alertAckSignal = defineSignal<[{ by: string; note?: string }]>('alertAck');
/** An operator closes the alert. */
export const alertResolveSignal = defineSignal<[{ by: string; reason?: string }]>('alertResolve');
/** The alert as it stands (null before the first match is taken in). */
export const alertStateQuery = defineQuery<AlertState | null>('alertState');

export interface AlertInput {
  policy: AlertPolicy;
  /** The state so far, when a previous run continued as new. */
  carried?: AlertState;
  /** Matches received by the previous run but not yet taken in. */
  pending?: AlertMatch[];
  /** History length after which a run continues as new (Temporal may suggest it earlier). */
  historyLimit?: number;
}

const DEFAULT_HISTORY_LIMIT = 2000;

// Recording a change is one short ClickHouse insert; delivering a notification, one request. Both run as local
// activities, in the worker that holds the workflow task: each spares the server an activity task and a
// workflow task, which is most of an alert's cost to it. Temporal still records each result and retries with
// backoff (on durable timers once past `localRetryThreshold`). Runs started before this replay with regular
// activities (the `alert-steps-local` patch).
const recordOptions = { startToCloseTimeout: '30s', retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' } };
// Deliveries retry with backoff; the notification's idempotency key stays the same on every attempt, so a
// receiver that saw an attempt whose answer was lost can drop the repeat. After the last attempt the failure
// is recorded in alert_events (notify_failed) rather than failing the alert.
const deliveryOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 8, nonRetryableErrorTypes: ['WebhookRejected'] },
};
type AlertSteps = Pick<AlertActivities, 'recordAlertEvents' | 'logAlert' | 'deliverWebhook' | 'publishAlert'>;
// Activity proxies answer any name but hold no keys, so they are picked by name (spreading one copies nothing).
const stepsOf = (records: AlertActivities, deliveries: AlertActivities): AlertSteps => ({
  recordAlertEvents: records.recordAlertEvents,
  logAlert: records.logAlert,
  deliverWebhook: deliveries.deliverWebhook,
  publishAlert: deliveries.publishAlert,
});
const localSteps = stepsOf(
  proxyLocalActivities<AlertActivities>({ ...recordOptions, localRetryThreshold: '10 seconds' }),
  proxyLocalActivities<AlertActivities>({ ...deliveryOptions, localRetryThreshold: '10 seconds' }),
);
const regularSteps = stepsOf(proxyActivities<AlertActivities>(recordOptions), proxyActivities<AlertActivities>(deliveryOptions));

const { runWindowRules } = proxyActivities<AlertActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** A durable timer that can be re-armed or cleared; `due` turns true when it fires. */
class Deadline {
  due = false;
  private scope: CancellationScope | null = null;

  arm(ms: number): void {
    this.clear();
    const scope = new CancellationScope();
    this.scope = scope;
    scope.run(() => sleep(ms)).then(
      () => {
        if (this.scope === scope) {
          this.due = true;
          this.scope = null;
        }
      },
      (err: unknown) => {
        if (!isCancellation(err)) throw err;
      },
    );
  }

  clear(): void {
    this.scope?.cancel();
    this.scope = null;
    this.due = false;
  }
}

const targetName = (t: NotifyTarget): string => (t.type === 'webhook' ? `webhook ${t.url}` : t.type === 'kafka' ? `kafka ${t.topic}` : 'log');

function deliver(steps: AlertSteps, target: NotifyTarget, n: AlertNotification): Promise<unknown> {
  switch (target.type) {
    case 'webhook':
      return steps.deliverWebhook(n, { url: target.url, secret: target.secret });
    case 'kafka':
      return steps.publishAlert(n);
    case 'log':
      return steps.logAlert(n);
  }
}

function failureMessage(err: unknown): string {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure || cause instanceof Error) return cause.message;
  return String(cause);
}

/**
 * One alert: a rule matching one grouping key. Its workflow id is `alert:<rule>:<key>`, and matches arrive by
 * signal-with-start, so every match of the same key joins this alert instead of opening another.
 *
 * open ── notify ── re-notify every `renotifyMs` until acknowledged ── resolved by an operator, or by itself
 * after `quietMs` without a new match ── cooldown: later matches are counted, not reopened ── closed.
 * Every change is appended to alert_events; the run continues as new before its history grows long.
 */
export async function alertLifecycle(input: AlertInput): Promise<AlertState> {
  const { policy } = input;
  const info = workflowInfo();
  const inbox: AlertMatch[] = [...(input.pending ?? [])];
  const commands: ({ kind: 'ack'; by: string; note?: string } | { kind: 'resolve'; by: string; reason?: string })[] = [];
  let state: AlertState | null = input.carried ?? null;

  setHandler(alertMatchSignal, (m) => {
    inbox.push(m);
  });
  setHandler(alertAckSignal, (a) => {
    commands.push({ kind: 'ack', ...a });
  });
  setHandler(alertResolveSignal, (r) => {
    commands.push({ kind: 'resolve', ...r });
  });
  setHandler(alertStateQuery, () => state);

  const renotify = new Deadline();
  const quiet = new Deadline();
  const cooldown = new Deadline();

  const steps = patched('alert-steps-local') ? localSteps : regularSteps;
  // Local activities add their markers when the workflow task completes, so workflowInfo().historyLength can lag
  // behind a burst of them within one task; counting the steps keeps continue-as-new from waiting on a stale length.
  let stepsThisRun = 0;
  const record = async (rows: AlertEventRecord[]) => {
    if (rows.length === 0) return;
    stepsThisRun += 1;
    await steps.recordAlertEvents(rows);
  };

  /** Sends one notification to every target of the rule, in parallel, and records how each went. */
  const notify = async (s: AlertState, kind: NotificationKind) => {
    const n = nextNotification(s, kind);
    stepsThisRun += policy.notify.length;
    const outcomes = await Promise.allSettled(policy.notify.map((t) => deliver(steps, t, n)));
    await record(
      outcomes.map((o, i) =>
        o.status === 'fulfilled'
          ? nextEvent(s, 'notified', { detail: `${kind} via ${targetName(policy.notify[i]!)}`, notificationSeq: n.sequence })
          : nextEvent(s, 'notify_failed', { detail: `${kind} via ${targetName(policy.notify[i]!)}: ${failureMessage(o.reason)}`, notificationSeq: n.sequence }),
      ),
    );
  };

  const resolveNow = async (s: AlertState, by: string, reason: string) => {
    if (!resolve(s, by, reason)) return;
    renotify.clear();
    quiet.clear();
    await record([nextEvent(s, 'resolved', { by, detail: reason })]);
    await notify(s, 'resolved');
    cooldown.arm(policy.cooldownMs);
  };

  if (state === null) {
    // Signal-with-start delivers the first match with the start.
    await condition(() => inbox.length > 0);
    const first = inbox.shift()!;
    state = newAlert(`${info.workflowId}#${info.firstExecutionRunId.slice(0, 8)}`, info.workflowId, first);
    const opened = nextEvent(state, 'opened', { detail: first.reasons.join('; '), reportIds: first.reportIds, storyIds: first.storyIds });
    if (patched('alert-open-alongside')) {
      // The first notification does not wait for the `opened` row: an operator hears of the alert as soon as
      // possible, even while ClickHouse is slow or down (the row is retried until written; numbering is fixed).
      await Promise.all([record([opened]), notify(state, 'opened')]);
    } else {
      await record([opened]);
      await notify(state, 'opened');
    }
    renotify.arm(policy.renotifyMs);
    quiet.arm(policy.quietMs);
  } else if (state.status === 'resolved') {
    cooldown.arm(policy.cooldownMs);
  } else {
    // A new run re-arms its timers in full: a continue-as-new can delay a re-notification by up to one interval.
    if (state.status === 'open') renotify.arm(policy.renotifyMs);
    quiet.arm(policy.quietMs);
  }
  const s = state;

  for (;;) {
    await condition(() => inbox.length > 0 || commands.length > 0 || renotify.due || quiet.due || cooldown.due);

    for (let c = commands.shift(); c !== undefined; c = commands.shift()) {
      if (c.kind === 'ack' && acknowledge(s, c.by)) {
        renotify.clear();
        await record([nextEvent(s, 'acknowledged', { by: c.by, detail: c.note ?? '' })]);
        await notify(s, 'acknowledged');
      } else if (c.kind === 'resolve') {
        await resolveNow(s, c.by, c.reason ?? 'resolved by operator');
      }
    }

    for (let m = inbox.shift(); m !== undefined; m = inbox.shift()) {
      const outcome = applyMatch(s, m);
      if (outcome === 'repeat') continue;
      const detail = outcome === 'syndicated-copy' ? `syndicated copy of a story already in the alert (${m.reportIds.join(', ')})` : m.reasons.join('; ');
      const event = outcome === 'after-resolve' ? 'suppressed' : outcome === 'syndicated-copy' ? 'syndicated_copy' : outcome;
      await record([nextEvent(s, event, { detail, reportIds: m.reportIds, storyIds: m.storyIds })]);
      if (outcome === 'after-resolve') continue;
      quiet.arm(policy.quietMs);
      const kind = notificationFor(outcome);
      if (kind !== null) await notify(s, kind);
    }

    if (renotify.due) {
      renotify.clear();
      if (s.status === 'open') {
        await notify(s, 'renotify');
        renotify.arm(policy.renotifyMs);
      }
    }
    if (quiet.due) {
      quiet.clear();
      await resolveNow(s, 'wirewatch', `no new match for ${policy.quietMs / 1000} s`);
    }
    if (cooldown.due && s.status === 'resolved' && inbox.length === 0) {
      await record([nextEvent(s, 'closed', { detail: `${s.suppressed} matches during the cooldown` })]);
      return s;
    }

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength + stepsThisRun >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT)) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof alertLifecycle>({ ...input, carried: s, pending: [...inbox] });
    }
  }
}

/** Evaluates the window rules (run by a Temporal Schedule): their matches start or update alerts. */
export async function evaluateWindowRules(): Promise<number> {
  return await runWindowRules();
}
