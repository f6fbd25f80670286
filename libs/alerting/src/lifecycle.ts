/**
 * The alert lifecycle as pure state transitions: what a new match, an acknowledgement or a resolution does
 * to an alert, which notification it sends and which event it records. The Temporal workflow drives these
 * with signals and durable timers; keeping them here makes them deterministic by construction and testable
 * without a server. No imports beyond types: this module runs inside the workflow sandbox.
 */
import { maxSeverity, severityRank, type AlertMatch, type EvidenceItem, type Severity } from './types.ts';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface AlertState {
  alertId: string;
  workflowId: string;
  ruleId: string;
  key: string;
  status: AlertStatus;
  severity: Severity;
  /** `asserted` once any evidence states the event as fact; `hedged` while all of it is alleged. */
  evidenceStatus: 'asserted' | 'hedged';
  headline: string;
  reasons: string[];
  /** The latest evidence sentences (bounded). */
  evidence: EvidenceItem[];
  /** Evidence already taken in (bounded), so a retried or repeated match is ignored. */
  evidenceIds: string[];
  storyIds: string[];
  reportIds: string[];
  independentSources: number;
  matches: number;
  /** Syndicated copies of stories already in the alert: counted, never notified. */
  syndicatedCopies: number;
  /** Matches that arrived after resolution, within the cooldown: counted, never reopened. */
  suppressed: number;
  /** Notifications sent so far: the sequence number in each notification's idempotency key. */
  notifications: number;
  /** alert_events rows written so far: the row's sequence number. */
  events: number;
  acknowledgedBy: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export type MatchOutcome = 'opened' | 'evidence' | 'escalated' | 'repeat' | 'syndicated-copy' | 'after-resolve';
export type NotificationKind = 'opened' | 'updated' | 'escalated' | 'renotify' | 'acknowledged' | 'resolved';

const MAX_EVIDENCE = 20;
const MAX_IDS = 1000;

const keepLast = <T>(items: T[], max: number): T[] => (items.length > max ? items.slice(items.length - max) : items);
const union = (into: string[], more: readonly string[]): string[] => keepLast([...into, ...more.filter((x) => !into.includes(x))], MAX_IDS);

export function newAlert(alertId: string, workflowId: string, first: AlertMatch): AlertState {
  return {
    alertId,
    workflowId,
    ruleId: first.ruleId,
    key: first.key,
    status: 'open',
    severity: first.severity,
    evidenceStatus: first.status,
    headline: first.headline,
    reasons: first.reasons,
    evidence: keepLast([...first.evidence], MAX_EVIDENCE),
    evidenceIds: [first.evidenceId],
    storyIds: [...first.storyIds],
    reportIds: [...first.reportIds],
    independentSources: first.independentSources,
    matches: 1,
    syndicatedCopies: 0,
    suppressed: 0,
    notifications: 0,
    events: 0,
    acknowledgedBy: null,
    resolvedBy: null,
    resolution: null,
  };
}

/**
 * Takes a further match into the alert. A match already taken in is a repeat; a syndicated copy of a
 * story the alert already holds adds nothing (five outlets carrying one wire story are one source); an
 * independent report adds evidence and may raise the severity.
 */
export function applyMatch(state: AlertState, m: AlertMatch): MatchOutcome {
  if (state.evidenceIds.includes(m.evidenceId)) return 'repeat';
  state.evidenceIds = keepLast([...state.evidenceIds, m.evidenceId], MAX_IDS);
  if (state.status === 'resolved') {
    state.suppressed += 1;
    return 'after-resolve';
  }
  if (m.syndicated && m.storyIds.every((s) => state.storyIds.includes(s))) {
    state.syndicatedCopies += 1;
    return 'syndicated-copy';
  }
  const before = state.severity;
  state.matches += 1;
  state.severity = maxSeverity(state.severity, m.severity);
  if (m.status === 'asserted') state.evidenceStatus = 'asserted';
  state.evidence = keepLast([...state.evidence, ...m.evidence.filter((e) => !state.evidence.some((x) => x.sentence === e.sentence))], MAX_EVIDENCE);
  state.storyIds = union(state.storyIds, m.storyIds);
  state.reportIds = union(state.reportIds, m.reportIds);
  state.independentSources = Math.max(state.independentSources, m.independentSources);
  state.reasons = m.reasons;
  return severityRank(state.severity) > severityRank(before) ? 'escalated' : 'evidence';
}

/** What a match outcome notifies, if anything. */
export function notificationFor(outcome: MatchOutcome): NotificationKind | null {
  switch (outcome) {
    case 'opened':
      return 'opened';
    case 'evidence':
      return 'updated';
    case 'escalated':
      return 'escalated';
    default:
      return null;
  }
}

export function acknowledge(state: AlertState, by: string): boolean {
  if (state.status !== 'open') return false;
  state.status = 'acknowledged';
  state.acknowledgedBy = by;
  return true;
}

export function resolve(state: AlertState, by: string, reason: string): boolean {
  if (state.status === 'resolved') return false;
  state.status = 'resolved';
  state.resolvedBy = by;
  state.resolution = reason;
  return true;
}

/** What webhooks, the `alerts` topic and the log receive. Built in the workflow, so every retry sends the same bytes. */
export interface AlertNotification {
  /** `<alert id>:n<sequence>`: the same notification retried carries the same key. */
  idempotencyKey: string;
  alertId: string;
  workflowId: string;
  sequence: number;
  kind: NotificationKind;
  ruleId: string;
  key: string;
  severity: Severity;
  status: AlertStatus;
  evidenceStatus: 'asserted' | 'hedged';
  headline: string;
  reasons: string[];
  evidence: EvidenceItem[];
  storyIds: string[];
  reportIds: string[];
  independentSources: number;
  matches: number;
  syndicatedCopies: number;
}

export function nextNotification(state: AlertState, kind: NotificationKind): AlertNotification {
  state.notifications += 1;
  return {
    idempotencyKey: `${state.alertId}:n${state.notifications}`,
    alertId: state.alertId,
    workflowId: state.workflowId,
    sequence: state.notifications,
    kind,
    ruleId: state.ruleId,
    key: state.key,
    severity: state.severity,
    status: state.status,
    evidenceStatus: state.evidenceStatus,
    headline: state.headline,
    reasons: state.reasons,
    evidence: state.evidence.slice(-5),
    storyIds: state.storyIds.slice(-50),
    reportIds: state.reportIds.slice(-50),
    independentSources: state.independentSources,
    matches: state.matches,
    syndicatedCopies: state.syndicatedCopies,
  };
}

/** One row of `alert_events`: every state change, numbered per alert. */
export interface AlertEventRecord {
  alert_id: string;
  seq: number;
  workflow_id: string;
  rule_id: string;
  group_key: string;
  event: string;
  status: AlertStatus;
  severity: Severity;
  evidence_status: string;
  by: string;
  detail: string;
  report_ids: string[];
  story_ids: string[];
  notification_seq: number;
}

export function nextEvent(
  state: AlertState,
  event: string,
  extra: { by?: string; detail?: string; reportIds?: readonly string[]; storyIds?: readonly string[]; notificationSeq?: number } = {},
): AlertEventRecord {
  state.events += 1;
  return {
    alert_id: state.alertId,
    seq: state.events,
    workflow_id: state.workflowId,
    rule_id: state.ruleId,
    group_key: state.key,
    event,
    status: state.status,
    severity: state.severity,
    evidence_status: state.evidenceStatus,
    by: extra.by ?? 'wirewatch',
    detail: extra.detail ?? '',
    report_ids: [...(extra.reportIds ?? [])],
    story_ids: [...(extra.storyIds ?? [])],
    notification_seq: extra.notificationSeq ?? 0,
  };
}

export * from './types.ts';
