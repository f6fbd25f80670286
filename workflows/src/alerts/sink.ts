import { evaluateReport, type EventFacts, type ReportFacts, type ReportRule } from '@wirewatch/alerting';
import { bufferOf, parseJsonEachRow, type ClickHouse } from '@wirewatch/clickhouse';
import type { Logger } from '@wirewatch/log';
import type { SignalSink, WrittenRows } from '../activities.ts';
import type { RowBlock } from '../rows.ts';
import type { SignalRef } from '../types.ts';
import type { AlertStarter } from './starter.ts';

interface ReportRow {
  report_id: string;
  version: number;
  story_id: string;
  source: string;
  headline: string;
  published_at: string;
  escalation_score: number;
  independent_sources: number;
  syndicated: boolean;
}
interface EventRow extends Omit<EventFacts, 'troops'> {
  report_id: string;
  version: number;
  event_index: number;
  troops: number | null;
}

/** Report facts from read-model rows (as written, or as read back), for the signals asked for. */
function factsOf(reports: readonly ReportRow[], events: readonly EventRow[], wanted: ReadonlySet<string>): ReportFacts[] {
  const eventsOf = new Map<string, EventRow[]>();
  for (const e of events) {
    const key = `${e.report_id}@${e.version}`;
    if (!wanted.has(key)) continue;
    const list = eventsOf.get(key) ?? [];
    list.push(e);
    eventsOf.set(key, list);
  }
  const facts: ReportFacts[] = [];
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
      score: Number(r.escalation_score),
      independentSources: Number(r.independent_sources),
      syndicated: Boolean(r.syndicated),
      events: (eventsOf.get(key) ?? [])
        .sort((a, b) => Number(a.event_index) - Number(b.event_index))
        .map((e) => ({ type: e.type, mode: e.mode, actors: e.actors, targets: e.targets, troops: e.troops === null ? null : Number(e.troops), assertion: e.assertion, negated: Boolean(e.negated), background: Boolean(e.background), evidence: e.evidence, conflict: e.conflict })),
    });
  }
  return facts;
}

/**
 * The facts per-report rules read: from the rows the batch just wrote when the worker still holds them (the
 * usual case: the hand-on runs right after the batch's writes, on the same worker), else loaded by report id
 * from the read models (signals carry only references, so report bodies never pass through workflow history).
 */
export async function loadReportFacts(ch: ClickHouse, signals: readonly SignalRef[], written?: WrittenRows): Promise<ReportFacts[]> {
  if (written) {
    const wanted = new Set(signals.map((s) => `${s.reportId}@${s.version}`));
    const text = (block: RowBlock) => bufferOf(block.bytes).toString('utf8');
    const facts = factsOf(parseJsonEachRow<ReportRow>(text(written.reports)), parseJsonEachRow<EventRow>(text(written.events)), wanted);
    if (facts.length === wanted.size) return facts;
  }
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
                escalation_score, independent_sources, syndicated
         FROM reports FINAL WHERE ruleset_version = {rs:String} AND report_id IN {ids:Array(String)}`,
        params,
      ),
      ch.query<EventRow>(
        `SELECT report_id, version, event_index, type, mode, actors, targets, troops, assertion, negated, background, evidence, conflict
         FROM report_events FINAL WHERE ruleset_version = {rs:String} AND report_id IN {ids:Array(String)}`,
        params,
      ),
    ]);
    facts.push(...factsOf(reports, events, wanted));
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
    async handOn(batchId: string, signals: readonly SignalRef[], written?: WrittenRows) {
      if (deps.rules.length === 0 || signals.length === 0) return;
      const facts = await loadReportFacts(deps.clickhouse, signals, written);
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
