/**
 * Writes the UCDP evaluation pairs of libs/analysis/eval/dedupe.ts, with wirewatch's lexical rewrite
 * score, as JSON lines for bench/dedupe/semantic.py: {label, a, b, a_at, b_at, lexical}.
 *
 *   npx tsx bench/dedupe/ucdp-pairs.ts OUT.jsonl
 */
import { writeFileSync } from 'node:fs';
import { ucdpPairs } from '../../libs/analysis/eval/dedupe.ts';
import { rewriteSimilarity, termFeatures } from '../../libs/analysis/src/dedupe/index.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: ucdp-pairs.ts OUT.jsonl');
const { pos, neg } = ucdpPairs();
const lines: string[] = [];
for (const [label, pairs] of [[1, pos], [0, neg]] as const) {
  for (const [a, b] of pairs) {
    const lexical = rewriteSimilarity(termFeatures(a.text), termFeatures(b.text), (a.at - b.at) / 3_600_000);
    lines.push(JSON.stringify({ label, a: a.text, b: b.text, a_at: a.at, b_at: b.at, lexical }));
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
