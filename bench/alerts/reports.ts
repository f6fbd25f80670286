/**
 * The alert benchmark's load: background wire reports that fire nothing, with firing reports mixed in at a
 * known interval. Each firing report tells of a country sending troops into a conflict it is not a party to,
 * so each fires `foreign-troops-in-conflict` for its own (actor, conflict) key: one distinct alert apiece.
 *
 * What fires is decided before the run by the same analyzer and rule evaluation the worker uses (a dry run,
 * as `wirewatch rules test` does), so "expected alerts" is exact, not assumed from the templates.
 */
import countriesFile from '../../libs/analysis/data/actors/countries.json' with { type: 'json' };
import { evaluateReport, factsFromAnalysis, type ReportRule, type Rule } from '@wirewatch/alerting';
import { createAnalyzer } from '@wirewatch/analysis';
import { generateCorpus, type CorpusReport } from '../../tests/helpers/corpus.ts';

export interface BenchReport extends CorpusReport {
  /** The alert key this report must open (actor=…,conflict=…); undefined for background. */
  expectedKey?: string;
}

/** One conflict and how a wire report tells of an outside country joining it (written for the benchmark). */
interface ConflictStory {
  conflict: string;
  parties: readonly string[];
  headline: (country: string, troops: string, serial: string) => string;
  body: (country: string, troops: string, serial: string, place: string) => string;
}

const CONFLICT_STORIES: readonly ConflictStory[] = [
  {
    conflict: 'RUS-UKR',
    parties: ['RUS', 'UKR'],
    headline: (c, n, s) => `${c} sends ${n} troops to Russia for its war against Ukraine (${s})`,
    body: (c, n, s, p) =>
      `${c} has sent about ${n} troops to Russia to fight in its war against Ukraine, officials said on Monday. ` +
      `Kyiv called the deployment an escalation. ${s} was filed from ${p} by the regional desk.`,
  },
  {
    conflict: 'ISR-LBN',
    parties: ['ISR', 'LBN'],
    headline: (c, n, s) => `${c} deploys ${n} troops to Lebanon to fight Israel (${s})`,
    body: (c, n, s, p) =>
      `${c} has deployed ${n} troops to Lebanon to fight alongside Hezbollah against Israel, officials said. ` +
      `${s} was filed from ${p} by the regional desk.`,
  },
  {
    conflict: 'ARM-AZE',
    parties: ['ARM', 'AZE'],
    headline: (c, n, s) => `${c} sends ${n} soldiers to help Azerbaijan against Armenia (${s})`,
    body: (c, n, s, p) =>
      `${c} has sent ${n} soldiers to Azerbaijan to join the war against Armenia, the defence ministry said. ` +
      `${s} was filed from ${p} by the regional desk.`,
  },
];

const PLACES = ['the capital', 'the northern desk', 'the border bureau', 'the coastal office', 'the southern bureau'];

/** Firing candidates: every (country, conflict) pair where the country is not a party, in a spread-out order. */
function firingCandidates(tag: string): BenchReport[] {
  const named = countriesFile.countries.filter((c) => c.names.length > 0);
  const out: BenchReport[] = [];
  for (const [ci, country] of named.entries()) {
    for (const [si, story] of CONFLICT_STORIES.entries()) {
      if (story.parties.includes(country.code)) continue;
      const i = out.length;
      // Under 5,000 troops: only the foreign-party rule applies, not the default pack's mobilisation size rule.
      const troops = (1000 + ((ci * 7 + si * 13) % 38) * 100).toLocaleString('en-US');
      const serial = `Dispatch ${tag}-${i}`;
      out.push({
        source: 'bench-wire',
        source_id: `${tag}-fire-${i}`,
        published_at: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000).toISOString(),
        headline: story.headline(country.names[0]!, troops, serial),
        body: story.body(country.names[0]!, troops, serial, PLACES[i % PLACES.length]!),
        language: 'en',
        expectedKey: `actor=${country.code},conflict=${story.conflict}`,
      });
    }
  }
  return out;
}

/** Background: the generated corpus's original stories (deployments, strikes, summons, talks), each unique. */
function backgroundCandidates(count: number, tag: string): BenchReport[] {
  const base = generateCorpus(count * 2).reports.filter((r) => r.source === 'demo-wire' && r.version === undefined);
  const out: BenchReport[] = [];
  for (let i = 0; out.length < count; i++) {
    const r = base[i % base.length]!;
    out.push({ ...r, source_id: `${tag}-bg-${i}`, headline: `${r.headline} [${tag} ${i}]` });
  }
  return out;
}

export interface Load {
  reports: BenchReport[];
  firing: number;
  /** Background reports dropped because the dry run found they would fire. */
  droppedBackground: number;
  /** Firing candidates dropped because the dry run did not give exactly their one key. */
  droppedFiring: number;
}

/**
 * `total` reports in send order, every `fireEvery`-th one firing. The stream is dry-run through one analyzer in
 * that order (its story index sees what the worker's will), and a report is kept only if it does what its
 * role says: a background report matches no rule, a firing report matches exactly its own, not yet used key.
 */
export function buildLoad(total: number, fireEvery: number, rules: readonly Rule[], tag: string): Load {
  const reportRules = rules.filter((r): r is ReportRule => r.kind === 'report');
  const analyzer = createAnalyzer();
  const fires = (r: BenchReport, n: number): string[] => {
    const input = { ...r, id: `dry-${n}` };
    return evaluateReport(reportRules, factsFromAnalysis(analyzer.analyze(input), input)).map((m) => m.key);
  };

  const firing = firingCandidates(tag);
  // About one corpus story in eight would fire (a deployment that reads as a foreign party joining a conflict).
  const background = backgroundCandidates(Math.ceil(total * 1.5), tag);
  const usedKeys = new Set<string>();
  const reports: BenchReport[] = [];
  let droppedBackground = 0;
  let droppedFiring = 0;
  let f = 0;
  let b = 0;
  while (reports.length < total) {
    const wantFiring = (reports.length + 1) % fireEvery === 0;
    if (wantFiring) {
      const candidate = firing[f++];
      if (candidate === undefined) throw new Error(`only ${usedKeys.size} distinct alert keys available: raise --fire-every or shorten the run`);
      const key = candidate.expectedKey!;
      const keys = fires(candidate, reports.length);
      if (keys.length !== 1 || keys[0] !== key || usedKeys.has(key)) {
        droppedFiring++;
        continue;
      }
      usedKeys.add(key);
      reports.push(candidate);
    } else {
      const candidate = background[b++];
      if (candidate === undefined) throw new Error('ran out of background reports');
      if (fires(candidate, reports.length).length > 0) {
        droppedBackground++;
        continue;
      }
      reports.push(candidate);
    }
  }
  return { reports, firing: usedKeys.size, droppedBackground, droppedFiring };
}
