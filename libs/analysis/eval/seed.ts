/**
 * Checks the seed sample end to end:
 *
 *   npx tsx libs/analysis/eval/seed.ts
 *
 * Reads <repo>/../shared/data/samples/seed-north-korea-troops.json at run time. Expects a troop
 * deployment with PRK acting and RUS as target (about 10,000 troops, hedged), an ACCUSE for the
 * ambassador summons (KOR → RUS), and a score above any diplomatic-only report. Exits 1 on a failure.
 */
import { checkSeed } from './seed-checks.ts';

const { result, checks } = checkSeed();
for (const [name, ok] of checks) process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}\n`);
process.stdout.write(`\nevent types: ${result.event_types.join(', ')}\nactors: ${result.actors.join(', ')}\nscore: ${result.escalation_score}\n`);
for (const c of result.score_contributions) process.stdout.write(`  ${c.factor.padEnd(20)} ${String(c.points).padStart(6)}  ${c.detail ?? ''}\n`);
if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
