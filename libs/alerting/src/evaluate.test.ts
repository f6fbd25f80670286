import { createAnalyzer } from '@wirewatch/analysis';
import { describe, expect, it } from 'vitest';
import { evaluateReport, factsFromAnalysis, type ReportFacts } from './evaluate.ts';
import { parseRuleFile } from './load.ts';
import type { ReportRule } from './schema.ts';

function rules(yaml: string): ReportRule[] {
  const r = parseRuleFile('t.yaml', yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rules as ReportRule[];
}

const foreignTroops = rules(`
rules:
  - id: foreign-troops
    kind: report
    description: foreign troops enter a conflict
    severity: high
    alleged_severity: medium
    when: { event: { types: [MOBILIZE], modes: [troops], conflict: foreign }, min_score: 40 }
    group_by: [actor, conflict]
    notify: [{ type: log }]
  - id: big-mobilisation
    kind: report
    description: many troops
    severity: high
    when: { event: { types: [MOBILIZE], min_troops: 5000 }, min_independent_sources: 2 }
    group_by: [actor, target, event_type]
    notify: [{ type: log }]
`);

const event = (over: Partial<ReportFacts['events'][number]>): ReportFacts['events'][number] => ({
  type: 'MOBILIZE', mode: 'troops', actors: ['BLR'], targets: ['RUS'], troops: null, assertion: 'asserted', negated: false, background: false,
  evidence: 'Belarus sent troops to Russia.', conflict: 'RUS-UKR', ...over,
});
const facts = (events: ReportFacts['events'], over: Partial<ReportFacts> = {}): ReportFacts => ({
  reportId: 'r_1', version: 1, storyId: 'st-1', source: 'wire', headline: 'h', publishedAt: '2025-01-01T00:00:00Z',
  score: 60, independentSources: 1, syndicated: false, events, ...over,
});

describe('per-report rules', () => {
  it('matches a party from outside the conflict, keyed by actor and conflict', () => {
    const m = evaluateReport(foreignTroops, facts([event({})]));
    expect(m.map((x) => [x.ruleId, x.key, x.severity, x.status])).toEqual([['foreign-troops', 'actor=BLR,conflict=RUS-UKR', 'high', 'asserted']]);
    expect(m[0]!.evidence).toEqual([{ reportId: 'r_1', storyId: 'st-1', source: 'wire', sentence: 'Belarus sent troops to Russia.', assertion: 'asserted' }]);
    expect(m[0]!.reasons).toContain('joins the RUS-UKR conflict as an outside party');
  });

  it('does not match a party to the conflict, a negated event, a low score, or an event outside any conflict', () => {
    expect(evaluateReport(foreignTroops, facts([event({ actors: ['RUS'], targets: ['UKR'] })]))).toEqual([]);
    expect(evaluateReport(foreignTroops, facts([event({ negated: true })]))).toEqual([]);
    expect(evaluateReport(foreignTroops, facts([event({})], { score: 39 }))).toEqual([]);
    expect(evaluateReport(foreignTroops, facts([event({ conflict: '' })]))).toEqual([]);
  });

  it('lowers the severity when all evidence is alleged, and keeps it when any is asserted', () => {
    const alleged = evaluateReport(foreignTroops, facts([event({ assertion: 'alleged' })]));
    expect(alleged[0]).toMatchObject({ severity: 'medium', status: 'hedged' });
    const mixed = evaluateReport(foreignTroops, facts([event({ assertion: 'alleged' }), event({ evidence: 'Minsk confirmed it.', assertion: 'asserted' })]));
    expect(mixed[0]).toMatchObject({ severity: 'high', status: 'asserted' });
    expect(mixed[0]!.evidence.map((e) => e.assertion)).toEqual(['asserted', 'alleged']);
  });

  it('applies troop thresholds and minimum independent sources', () => {
    const big = [event({ troops: 8000 })];
    expect(evaluateReport(foreignTroops.slice(1), facts(big))).toEqual([]);
    expect(evaluateReport(foreignTroops.slice(1), facts(big, { independentSources: 2 })).map((m) => m.key)).toEqual(['actor=BLR,target=RUS,event_type=MOBILIZE']);
    expect(evaluateReport(foreignTroops.slice(1), facts([event({ troops: 4000 })], { independentSources: 2 }))).toEqual([]);
  });

  it('leaves out events the report dates well before its news, unless the rule includes them', () => {
    const recalled = [event({ troops: 12000, background: true })];
    expect(evaluateReport(foreignTroops, facts(recalled, { independentSources: 2 }))).toEqual([]);
    const [, big] = foreignTroops;
    const including = { ...big!, when: { ...big!.when, event: { ...big!.when.event, include_background: true } } };
    expect(evaluateReport([including], facts(recalled, { independentSources: 2 })).map((m) => m.key)).toEqual(['actor=BLR,target=RUS,event_type=MOBILIZE']);
  });

  it('does not fire a troop rule on a deployment the report recalls from an earlier year', () => {
    const analyzer = createAnalyzer();
    const report = { id: 'r_c', source: 'wire-c', source_id: 'c', published_at: '2026-06-01T08:00:00Z', headline: 'Belarus and Russia hold talks in Minsk',
      body: 'The defence ministers of Belarus and Russia met in Minsk on Monday to discuss military cooperation. ' +
        'Belarus deployed 12,000 troops to its border with Ukraine in 2022, when the war began, officials recalled.' };
    const result = analyzer.analyze(report);
    const recalled = result.events.find((e) => e.type === 'MOBILIZE');
    expect(recalled).toMatchObject({ background: true, quantity: { value: 12000, unit: 'troops' } });
    const facts = factsFromAnalysis(result, report);
    expect(facts.events.find((e) => e.type === 'MOBILIZE')?.background).toBe(true);
    expect(evaluateReport(foreignTroops.slice(1), { ...facts, independentSources: 2 })).toEqual([]);
  });

  it('works on the analysis engine output, and a sports report matches nothing', () => {
    const analyzer = createAnalyzer();
    const troops = { id: 'r_a', source: 'wire-a', source_id: 'a', published_at: '2025-03-01T08:00:00Z', headline: 'Belarus sends troops to Russia',
      body: 'Belarus has sent 6,000 troops to Russia to fight in the war against Ukraine, the defence ministry in Minsk said on Saturday.' };
    const sport = { id: 'r_b', source: 'wire-b', source_id: 'b', published_at: '2025-03-01T08:00:00Z', headline: 'Late goal wins the derby',
      body: 'A late goal from the captain gave the home side a 2-1 win in the derby on Saturday.' };
    const m = evaluateReport(foreignTroops, factsFromAnalysis(analyzer.analyze(troops), troops));
    expect(m.map((x) => x.key)).toContain('actor=BLR,conflict=RUS-UKR');
    expect(evaluateReport(foreignTroops, factsFromAnalysis(analyzer.analyze(sport), sport))).toEqual([]);
  });
});
