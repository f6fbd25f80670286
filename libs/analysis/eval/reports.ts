/**
 * Whole-report evaluation on a set of reports and what each should give: the key event (type, actor, target),
 * the troop count of the news, whether the key claim is hedged, and the reports' order by escalation.
 *
 *   npx tsx libs/analysis/eval/reports.ts reports.jsonl expected.jsonl [--errors]
 *
 * `reports.jsonl` holds reports as `wirewatch analyze` reads them; `expected.jsonl` one line per report:
 * `{"id", "key_event": type | null, "key_actor": code | null, "key_target": code | null, "troops": n | null,
 * "hedged": bool, "rank": 1 = most escalatory}`. Prints the counts; writes nothing.
 */
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/analyze.ts';
import type { AnalysisResult, ReportInput } from '../src/types.ts';

interface Expected {
  id: string;
  key_event: string | null;
  key_actor: string | null;
  key_target: string | null;
  troops: number | null;
  hedged: boolean;
  rank: number;
}

const [reportsPath, expectedPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!reportsPath || !expectedPath) {
  process.stderr.write('usage: reports.ts reports.jsonl expected.jsonl [--errors]\n');
  process.exit(2);
}
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
const reports = lines(reportsPath).map((l) => JSON.parse(l) as ReportInput);
const expected = new Map(lines(expectedPath).map((l) => JSON.parse(l) as Expected).map((e) => [e.id, e]));

const analyzer = createAnalyzer();
const results = new Map<string, AnalysisResult>(reports.map((r) => [r.id, analyzer.analyze(r)]));

/** Acts of two parties together, which PLOVER codes with both as actors ("Congo and Rwanda agreed …"). */
const MUTUAL = new Set(['AGREE', 'CONSULT', 'COOPERATE']);

/**
 * The key event is found when a not negated event of its type has its parties (for a mutual act, both among its
 * parties); a non-event report is right when it scores under 10.
 */
function keyFound(result: AnalysisResult, want: Expected): boolean {
  if (want.key_event === null) return result.escalation_score < 10;
  return result.events.some((e) => {
    if (e.type !== want.key_event || e.negated) return false;
    const [actors, targets] = MUTUAL.has(e.type) ? [[...e.actors, ...e.targets], [...e.actors, ...e.targets]] : [e.actors, e.targets];
    return (want.key_actor === null || actors.includes(want.key_actor)) && (want.key_target === null || targets.includes(want.key_target));
  });
}

let key = 0;
let troops = 0;
let hedged = 0;
const errors: string[] = [];
for (const [id, want] of expected) {
  const got = results.get(id);
  if (!got) throw new Error(`no report ${id} in ${reportsPath}`);
  const k = keyFound(got, want);
  const t = got.troops === want.troops;
  const h = got.hedged === want.hedged;
  key += k ? 1 : 0;
  troops += t ? 1 : 0;
  hedged += h ? 1 : 0;
  if (!k || !t || !h) {
    const top = got.events
      .filter((e) => !e.negated)
      .map((e) => `${e.type}${e.background ? '(bg)' : ''} ${e.actors.join(',')}→${e.targets.join(',')}`)
      .slice(0, 6)
      .join('; ');
    errors.push(
      `${id}: want ${want.key_event} ${want.key_actor}→${want.key_target} troops ${want.troops} hedged ${want.hedged}; ` +
        `got score ${got.escalation_score} troops ${got.troops} hedged ${got.hedged}${k ? '' : ' KEY MISSED'} · ${top}`,
    );
  }
}

// Pairs of reports: ordered right when the one ranked more escalatory scores more.
const ids = [...expected.keys()];
let pairs = 0;
let ordered = 0;
for (let i = 0; i < ids.length; i++) {
  for (let j = i + 1; j < ids.length; j++) {
    const a = expected.get(ids[i]!)!;
    const b = expected.get(ids[j]!)!;
    // Non-event reports have no order among themselves: each should score near zero.
    if (a.key_event === null && b.key_event === null) continue;
    const [hi, lo] = a.rank < b.rank ? [a, b] : [b, a];
    pairs++;
    if (results.get(hi.id)!.escalation_score > results.get(lo.id)!.escalation_score) ordered++;
  }
}
const n = expected.size;
process.stdout.write(
  [
    `reports: ${n}`,
    `key event found (type and parties): ${key} / ${n}`,
    `troops right: ${troops} / ${n}`,
    `hedged right: ${hedged} / ${n}`,
    `pairs ordered by escalation: ${ordered} / ${pairs}`,
    `scores by expected rank: ${[...expected.values()].sort((a, b) => a.rank - b.rank).map((e) => `${e.id} ${results.get(e.id)!.escalation_score}`).join(', ')}`,
  ].join('\n') + '\n',
);
if (process.argv.includes('--errors')) process.stdout.write(`\n${errors.join('\n')}\n`);
