/**
 * The seed sample's acceptance checks (issue: MOBILIZE with PRK acting and RUS as target, 10,000 troops,
 * hedged, an ACCUSE for the ambassador summons, a score above any diplomatic-only report). Shared by the
 * eval script (seed.ts) and the unit test (seed.test.ts), so both check the same things.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../bench/dedupe/corpus.ts';
import { createAnalyzer } from '../src/analyze.ts';
import type { AnalysisResult, ReportInput } from '../src/types.ts';

export const SEED_PATH = join(REPO_ROOT, '..', 'shared', 'data', 'samples', 'seed-north-korea-troops.json');

/** Diplomatic-only reports of our own making: talks, protests by note, demands. */
const DIPLOMATIC = [
  'The foreign ministers met in Vienna and agreed to resume talks on the disputed border next month.',
  'The ministry summoned the ambassador to protest remarks by the defence minister and demanded an apology.',
  'The government condemned the vote and urged the council to reconsider its decision.',
];

export function checkSeed(): { result: AnalysisResult; checks: [string, boolean][] } {
  const seed = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Omit<ReportInput, 'id'>;
  const analyzer = createAnalyzer();
  const result = analyzer.analyze({ id: 'seed', ...seed });
  const diplomatic = DIPLOMATIC.map((body, i) =>
    analyzer.analyze({ id: `dip-${i}`, source: 'seed-check', source_id: `dip-${i}`, published_at: seed.published_at, headline: 'Diplomatic note', body }),
  );
  const maxDiplomatic = Math.max(...diplomatic.map((d) => d.escalation_score));
  const mobilize = result.events.filter((e) => e.type === 'MOBILIZE' && e.actors.includes('PRK') && e.targets.includes('RUS'));
  const checks: [string, boolean][] = [
    ['MOBILIZE with PRK acting and RUS as target', mobilize.length > 0],
    ['MOBILIZE mode troops', mobilize.some((e) => e.mode === 'troops')],
    ['troops = 10000', result.troops === 10000],
    ['hedged', result.hedged],
    ['ACCUSE: KOR summons the RUS ambassador', result.events.some((e) => e.type === 'ACCUSE' && e.actors.includes('KOR') && e.targets.includes('RUS'))],
    [`score ${result.escalation_score} above any diplomatic-only report (${maxDiplomatic})`, result.escalation_score > maxDiplomatic],
    ['third-party entry into RUS-UKR', result.score_contributions.some((c) => c.factor === 'third_party_entry')],
  ];
  return { result, checks };
}
