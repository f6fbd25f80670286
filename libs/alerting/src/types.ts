/**
 * Shapes shared by rule evaluation (activities) and the alert lifecycle (workflow code). Plain data with
 * no imports, so the deterministic workflow bundle can use them.
 */

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);
export const maxSeverity = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);

/** Where an alert's notifications go. */
export type NotifyTarget =
  | { type: 'webhook'; url: string; /** Name of the HMAC secret in ALERT_WEBHOOK_SECRETS. */ secret: string }
  | { type: 'kafka'; topic: 'alerts' }
  | { type: 'log' };

/** How an alert of one rule lives: all durations in milliseconds. */
export interface AlertPolicy {
  /** After resolution, further matches of the same key within this time do not open a new alert. */
  cooldownMs: number;
  /** An open, unacknowledged alert is notified again after this time. */
  renotifyMs: number;
  /** An alert with no new match for this long resolves itself. */
  quietMs: number;
  notify: NotifyTarget[];
}

/** One evidence sentence, with whether the report asserts it or only alleges it. */
export interface EvidenceItem {
  reportId: string;
  storyId: string;
  source: string;
  sentence: string;
  assertion: string;
}

/**
 * One rule matching one grouping key, from one report (per-report rules) or one window query. Small: it
 * travels through workflow history as a signal, so it carries references and a few sentences, never bodies.
 */
export interface AlertMatch {
  ruleId: string;
  /** The grouping key, e.g. `actor=PRK,target=RUS,event_type=MOBILIZE`: the same key is the same alert. */
  key: string;
  severity: Severity;
  /** `asserted` when some evidence is stated as fact; `hedged` when it is all alleged or unconfirmed. */
  status: 'asserted' | 'hedged';
  /** Identity of the evidence: a report version, or the set of stories behind a window result. */
  evidenceId: string;
  reportIds: string[];
  storyIds: string[];
  /** True for a syndicated copy: another outlet's near-identical text of a story, not an independent source. */
  syndicated: boolean;
  independentSources: number;
  headline: string;
  publishedAt: string;
  evidence: EvidenceItem[];
  /** Why the rule fired, in words (thresholds met, actors, counts). */
  reasons: string[];
}

/**
 * The workflow id of the alert for a rule and key: signal-with-start on it joins matches to one alert.
 * `scope` is the deployment's task queue, so deployments (and test runs) sharing a namespace never join.
 */
export function alertWorkflowId(scope: string, ruleId: string, key: string): string {
  return `alert:${scope}:${ruleId}:${key}`;
}
