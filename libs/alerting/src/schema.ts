// The types entry only: loading the whole engine (its rule data) is not needed to validate rules.
import { EVENT_TYPES } from '@wirewatch/analysis/types';
import { z } from 'zod';
import { parseDuration } from './duration.ts';
import { SEVERITIES } from './types.ts';

/**
 * The rule file format. Rules are data: YAML files validated by this schema, so an operator can add or
 * tune a rule without touching code. Every object is strict, so a misspelt field is an error, not a no-op.
 */

const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) {
    ctx.addIssue({ code: 'custom', message: `not a duration: ${JSON.stringify(text)} (write e.g. 90s, 15m, 6h, 7d)` });
    return z.NEVER;
  }
  return ms;
});

const severity = z.enum(SEVERITIES);
const eventType = z.enum(EVENT_TYPES);
/** Actor codes as the analysis writes them: ISO 3166-1 alpha-3 or organisation codes (NATO, UN, …). */
const actorCode = z.string().regex(/^[A-Z]{2,6}$/, 'an actor code such as RUS or NATO');
const pattern = z.string().refine((text) => {
  try {
    new RegExp(text, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const target = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }),
    /** Name of the signing secret in ALERT_WEBHOOK_SECRETS; the secret itself never sits in a rule file. */
    secret: z.string().regex(/^[A-Za-z0-9_-]+$/, 'a secret name (letters, digits, _ and -)'),
  }),
  z.strictObject({ type: z.literal('kafka'), topic: z.literal('alerts').default('alerts') }),
  z.strictObject({ type: z.literal('log') }),
]);

/** What one event of a report must look like for a per-report rule to match. */
const eventCondition = z.strictObject({
  types: z.array(eventType).min(1),
  modes: z.array(z.string().min(1)).min(1).optional(),
  /** The acting side must be one of these. */
  actors: z.array(actorCode).min(1).optional(),
  /** The side acted on must be one of these. */
  targets: z.array(actorCode).min(1).optional(),
  assertion: z.array(z.enum(['asserted', 'alleged', 'denied', 'unconfirmed'])).min(1).optional(),
  /** Negated events ("did not send troops") never match unless this is true. */
  include_negated: z.boolean().default(false),
  /** Events the report dates well before its news (a recalled war, an earlier deployment) never match unless this is true. */
  include_background: z.boolean().default(false),
  /** Troops or personnel counted in the event's sentence. */
  min_troops: z.number().int().positive().optional(),
  /** `any`: the event belongs to a named ongoing conflict; `foreign`: also, its actor is not a party to it. */
  conflict: z.enum(['any', 'foreign']).optional(),
  /** A case-insensitive regular expression the evidence sentence must match. */
  evidence_matches: pattern.optional(),
});

const windowEvents = z.strictObject({
  types: z.array(eventType).min(1),
  modes: z.array(z.string().min(1)).min(1).optional(),
  evidence_matches: pattern.optional(),
});

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes, at most 63'),
  description: z.string().min(1),
  severity,
  /** Severity when every piece of evidence is only alleged or unconfirmed (hedged reporting). */
  alleged_severity: severity.optional(),
  cooldown: duration.prefault('6h'),
  renotify: duration.prefault('1h'),
  quiet: duration.prefault('24h'),
  notify: z.array(target).min(1),
};

export const GROUP_FIELDS = ['actor', 'target', 'event_type', 'conflict', 'story'] as const;

const reportRule = z.strictObject({
  ...common,
  kind: z.literal('report'),
  when: z.strictObject({
    event: eventCondition,
    min_score: z.number().min(0).max(100).optional(),
    /** Independent outlets that carried the story so far (syndicated copies do not count). */
    min_independent_sources: z.number().int().positive().optional(),
  }),
  group_by: z.array(z.enum(GROUP_FIELDS)).min(1),
});

const pairSurgeRule = z.strictObject({
  ...common,
  kind: z.literal('pair_surge'),
  event_types: z.array(eventType).min(1).optional(),
  window: duration.prefault('6h'),
  baseline: duration.prefault('7d'),
  /** How many times the pair's baseline rate of stories the recent window must reach. */
  factor: z.number().positive(),
  min_stories: z.number().int().positive().default(3),
});

const countRule = z.strictObject({
  ...common,
  kind: z.literal('count'),
  events: windowEvents,
  /** Count per side acted on (default) or per acting side. */
  per: z.enum(['target', 'actor']).default('target'),
  window: duration,
  /** Distinct stories (syndicated copies of one story count once). */
  min_stories: z.number().int().positive(),
});

const sequenceRule = z.strictObject({
  ...common,
  kind: z.literal('sequence'),
  first: windowEvents,
  then: windowEvents,
  /** Both must involve the same pair of actors (either direction) within this time of each other. */
  within: duration,
});

export const ruleSchema = z
  .discriminatedUnion('kind', [reportRule, pairSurgeRule, countRule, sequenceRule])
  .superRefine((rule, ctx) => {
    if (rule.kind === 'pair_surge' && rule.window >= rule.baseline) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: 'must be shorter than baseline' });
    }
  });

export const ruleFileSchema = z.strictObject({
  rules: z.array(z.unknown()).min(1, 'a rule file holds at least one rule'),
});

export type Rule = z.infer<typeof ruleSchema>;
export type ReportRule = Extract<Rule, { kind: 'report' }>;
export type PairSurgeRule = Extract<Rule, { kind: 'pair_surge' }>;
export type CountRule = Extract<Rule, { kind: 'count' }>;
export type SequenceRule = Extract<Rule, { kind: 'sequence' }>;
export type WindowRule = PairSurgeRule | CountRule | SequenceRule;
export type EventCondition = z.infer<typeof eventCondition>;
export type WindowEvents = z.infer<typeof windowEvents>;
export type GroupField = (typeof GROUP_FIELDS)[number];

export const isWindowRule = (rule: Rule): rule is WindowRule => rule.kind !== 'report';
