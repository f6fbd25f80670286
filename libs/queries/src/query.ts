import { chTime, type QueryParams } from '@wirewatch/clickhouse';

/** Where a parameter's value comes from when the caller gives none. */
export type ParamDefault =
  | { kind: 'value'; value: string | number }
  /** The time of the call, less some hours (0 for now). */
  | { kind: 'hours_ago'; hours: number }
  /** The ruleset version the running analysis writes. */
  | { kind: 'current_ruleset' };

export interface ParamSpec {
  /** ClickHouse type, as in the `{name:Type}` placeholder. */
  type: string;
  description: string;
  default: ParamDefault;
}

/** One named, parameterised question over the read models, in plain ClickHouse SQL. */
export interface NamedQuery {
  name: string;
  /** The question it answers, as an analyst would ask it. */
  question: string;
  /** What the answer means, and what to read it with (a sentence or two). */
  notes?: string;
  sql: string;
  params: Record<string, ParamSpec>;
  /** A table that exists only when an optional part of wirewatch (e.g. alerting) is installed. */
  requiresTable?: string;
}

export const TIME = "DateTime64(3, 'UTC')";

export const value = (v: string | number): ParamDefault => ({ kind: 'value', value: v });
export const hoursAgo = (hours: number): ParamDefault => ({ kind: 'hours_ago', hours });
export const now: ParamDefault = hoursAgo(0);
export const currentRuleset: ParamDefault = { kind: 'current_ruleset' };

/** What defaults are resolved against. */
export interface ParamContext {
  now: Date;
  rulesetVersion: string;
}

export class QueryParamError extends Error {
  override name = 'QueryParamError';
}

const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*):([^}]+)\}/g;

/** The parameters a query's SQL names, with the type each placeholder gives. */
export function placeholders(sql: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of sql.matchAll(placeholder)) found.set(match[1]!, match[2]!.trim());
  return found;
}

function resolveDefault(spec: ParamSpec, ctx: ParamContext): string | number {
  const d = spec.default;
  if (d.kind === 'value') return d.value;
  if (d.kind === 'current_ruleset') return ctx.rulesetVersion;
  return chTime(new Date(ctx.now.getTime() - d.hours * 3_600_000));
}

export type GivenParams = Record<string, string | number | readonly string[] | undefined>;

function coerce(name: string, spec: ParamSpec, raw: string | number | readonly string[]): string | number | string[] {
  if (spec.type.startsWith('Array(')) {
    // A URL gives a list as one comma-separated value.
    const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
    return items.map((x) => x.trim()).filter((x) => x.length > 0);
  }
  if (Array.isArray(raw)) throw new QueryParamError(`${name}: expected one ${spec.type}, got a list`);
  raw = raw as string | number;
  if (/^U?Int\d+$/.test(spec.type)) {
    const n = Number(raw);
    if (!Number.isInteger(n) || (spec.type.startsWith('U') && n < 0)) throw new QueryParamError(`${name}: expected ${spec.type}, got ${JSON.stringify(raw)}`);
    return n;
  }
  if (/^Float\d+$/.test(spec.type)) {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new QueryParamError(`${name}: expected ${spec.type}, got ${JSON.stringify(raw)}`);
    return n;
  }
  if (spec.type.startsWith('DateTime')) {
    const text = String(raw);
    // Accept ISO-8601 from URLs and callers; ClickHouse reads `YYYY-MM-DD hh:mm:ss.sss`.
    const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
    if (Number.isNaN(date.getTime())) throw new QueryParamError(`${name}: expected a time, got ${JSON.stringify(raw)}`);
    return chTime(date);
  }
  return String(raw);
}

/**
 * The parameter values to run a query with: the caller's values where given (checked against the
 * declared type), defaults otherwise. Unknown names are refused so a typo does not silently fall back.
 */
export function resolveParams(query: NamedQuery, given: GivenParams, ctx: ParamContext): QueryParams {
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(query.params, name)) throw new QueryParamError(`${query.name}: unknown parameter ${name}`);
  }
  const out: QueryParams = {};
  for (const [name, spec] of Object.entries(query.params)) {
    const raw = given[name];
    out[name] = coerce(name, spec, raw === undefined || raw === '' ? resolveDefault(spec, ctx) : raw);
  }
  return out;
}

/** A parameter default as the analyst docs show it. */
export function describeDefault(d: ParamDefault): string {
  if (d.kind === 'value') return typeof d.value === 'string' ? `'${d.value}'` : String(d.value);
  if (d.kind === 'current_ruleset') return 'the running ruleset';
  return d.hours === 0 ? 'now' : `now − ${d.hours} h`;
}
