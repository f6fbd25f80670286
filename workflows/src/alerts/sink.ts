import { evaluateReport, type EventFacts, type ReportFacts, type ReportRule } from '@wirewatch/alerting';
import type { ClickHouse } from '@wirewatch/clickhouse';
import type { Logger } from '@wirewatch/log';
import type { SignalSink } from '../activities.ts';
import type { SignalRef } from '../types.ts';
import type { AlertStarter } from './starter.ts';

interface ReportRow {
  report_id: string;
  version: number;
  story_id: string;
  source: string;
  headline: string;
  published_at: string;
  score: number;
  independent_sources: number;
  syndicated: boolean;
}
interface EventRow extends Omit<EventFacts, 'troops'> {
  report_id: string;
  version: number;
  troops: number | null;
}

/**
 * The facts per-report rules read, loaded by report id from the read models the batch just wrote
 * (signals carry only references, so report bodies never pass through workflow history).
 */
export async function loadReportFacts(ch: ClickHouse, signals: readonly SignalRef[]): Promise<ReportFacts[]> {
  const facts: ReportFacts[] = [];
  const byRuleset = new Map<string, SignalRef[]>();
  for (const s of signals) byRuleset.set(s.rulesetVersion, [...(byRuleset.get(s.rulesetVersion) ?? []), s]);
  for (const [rs, refs] of byRuleset) {
    const ids = [...new Set(refs.map((r) => r.reportId))];
    const wanted = new Set(refs.map((r) => `${r.reportId}@${r.version}`));
    const params = { rs, ids };
    const [reports, events] = await Promise.all([
      ch.query<ReportRow>(
        `SELECT report_id, version, story_id, source, headline, toString(published_at) AS published_at,
                escalation_score AS score, independent_sources, syndicated
         FROM reports FINAL WHERE ruleset_version = {rs:String} AND report_id IN {ids:Array(String)}`,
        params,
      ),
      ch.query<EventRow>(
        `SELECT report_id, version, type, mode, actors, targets, troops, assertion, negated, evidence, conflict
         FROM report_events FINAL WHERE ruleset_version = {rs:String} AND report_id IN {ids:Array(String)}
         ORDER BY report_id, version, event_index`,
        params,
      ),
    ]);
    const eventsOf = new Map<string, EventFacts[]>();
    for (const e of events) {
      const key = `${e.report_id}@${e.version}`;
      const list = eventsOf.get(key) ?? [];
      list.push({ type: e.type, mode: e.mode, actors: e.actors, targets: e.targets, troops: e.troops === null ? null : Number(e.troops), assertion: e.assertion, negated: Boolean(e.negated), evidence: e.evidence, conflict: e.conflict });
      eventsOf.set(key, list);
    }
    for (const r of reports) {
      const key = `${r.report_id}@${r.version}`;
      if (!wanted.has(key)) continue;
      facts.push({
        reportId: r.report_id,
        version: Number(r.version),
        storyId: r.story_id,
        source: r.source,
        headline: r.headline,
        publishedAt: r.published_at,
        score: Number(r.score),
        independentSources: Number(r.independent_sources),
        syndicated: Boolean(r.syndicated),
        events: eventsOf.get(key) ?? [],
      });
    }
  }
  return facts;
}

const MAX_SIGNALS_IN_FLIGHT = 16;

/**
 * The alerting SignalSink: evaluates per-report rules on each batch's signals and hands every match to its
 * alert workflow. A retried hand-on sends the same matches again; the alert ignores evidence it already holds.
 */
export function alertingSignalSink(deps: { clickhouse: ClickHouse; starter: AlertStarter; rules: readonly ReportRule[]; log: Logger }): SignalSink {
  const ruleById = new Map(deps.rules.map((r) => [r.id, r]));
  return {
    async handOn(batchId: string, signals: readonly SignalRef[]) {
      if (deps.rules.length === 0 || signals.length === 0) return;
      const facts = await loadReportFacts(deps.clickhouse, signals);
      const matches = facts.flatMap((f) => evaluateReport(deps.rules, f));
      // In order per alert (a syndicated copy after its original), alerts in parallel up to a bound.
      const perAlert = new Map<string, typeof matches>();
      for (const m of matches) perAlert.set(`${m.ruleId}\u0000${m.key}`, [...(perAlert.get(`${m.ruleId}\u0000${m.key}`) ?? []), m]);
      const queues = [...perAlert.values()];
      const worker = async () => {
        for (let q = queues.shift(); q !== undefined; q = queues.shift()) {
          for (const m of q) await deps.starter.deliver(m, ruleById.get(m.ruleId)!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(MAX_SIGNALS_IN_FLIGHT, queues.length) }, worker));
      if (matches.length > 0) deps.log.info({ batchId, signals: signals.length, matches: matches.length, alerts: perAlert.size }, 'alert rules matched');
    },
  };
}
