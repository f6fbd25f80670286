/**
 * Evaluates actor extraction (findActorMentions + assignRoles) and quantities (findQuantities)
 * against the PLOVER gold-standard sentences, read at run time from <repo>/../shared/data.
 *
 *   npx tsx libs/analysis/eval/actors.ts [--errors] [--file path.jsonl]
 *
 * Scoring (see docs/actors.md): per sentence, the set of source codes and the set of target
 * codes are compared with the gold sets; precision/recall/F1 are micro-averaged over all
 * (sentence, role, code) items. Gold typos JAP/ITL/VTN count as JPN/ITA/VNM. Gold's generic
 * organisation codes IGO and NGO match any organisation code we output (UN, EU, ICRC, ...).
 * Gold's other generic codes (IMG, ISM, ...) name no state or organisation we resolve: they are
 * reported in the "strict" line and left out of the "resolvable" line.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignRoles, findActorMentions } from '../src/actors/index.ts';
import { gazetteer } from '../src/actors/gazetteer.ts';
import { findQuantities } from '../src/quantities/index.ts';
import type { EventType } from '../src/types.ts';
import { goldNumber } from './gold.ts';

interface GoldActor {
  actorText: string;
  code: string;
}
interface GoldRow {
  id: string;
  event: string;
  text: string;
  markup: string;
  source: GoldActor[] | null;
  target: GoldActor[] | string | null;
  size: string | null;
  dead: string | null;
  injured: string | null;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const goldPath =
  fileArg >= 0 ? resolve(args[fileArg + 1]!) : resolve(repoRoot, '../shared/data/eval/plover-gold-standard.jsonl');
const showErrors = args.includes('--errors');

/** PLOVER gold categories outside the 16 types the engine uses, mapped to their nearest type. */
const EVENT_MAP: Record<string, EventType> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  FIGHT: 'ASSAULT',
  INVESTIGATE: 'ACCUSE',
};
const GOLD_TYPOS: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };
const ORG = 'ORG';

const { countryCodes } = gazetteer();

function normaliseGold(code: string): string {
  const c = GOLD_TYPOS[code] ?? code;
  return c === 'IGO' || c === 'NGO' ? ORG : c;
}
function normalisePredicted(code: string): string {
  return countryCodes.has(code) ? code : ORG;
}
function resolvable(code: string): boolean {
  return code === ORG || countryCodes.has(code);
}

/** The first (EVT: ...) span of the markup, located in the plain text. */
function locateTrigger(row: GoldRow): { start: number; end: number } {
  const at = row.markup.indexOf('(EVT:');
  if (at < 0) return { start: 0, end: 0 };
  const phrase = row.markup.slice(at + 5).split(')')[0]!.trim();
  const prefix = row.markup
    .slice(0, at)
    .replace(/\((?:SRC\/TAR|SRC|TAR|EVT|LOC):\s*/g, '')
    .replace(/[{}]/g, '');
  const estimate = prefix.length - (prefix.match(/\)/g)?.length ?? 0) + (row.text.length - row.text.trimStart().length);
  const firstWord = phrase.split(/\s+/)[0] ?? phrase;
  let best = -1;
  for (let i = row.text.indexOf(firstWord); i >= 0; i = row.text.indexOf(firstWord, i + 1)) {
    if (best < 0 || Math.abs(i - estimate) < Math.abs(best - estimate)) best = i;
  }
  if (best < 0) return { start: Math.min(estimate, row.text.length), end: Math.min(estimate, row.text.length) };
  const length = row.text.startsWith(phrase, best) ? phrase.length : firstWord.length;
  return { start: best, end: best + length };
}

function goldCodes(actors: GoldActor[] | string | null): string[] {
  if (!Array.isArray(actors)) return [];
  return [...new Set(actors.map((a) => normaliseGold(a.code)))];
}

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  add(predicted: string[], gold: string[]): void {
    for (const p of predicted) {
      if (gold.includes(p)) this.tp++;
      else this.fp++;
    }
    for (const g of gold) if (!predicted.includes(g)) this.fn++;
  }
  get precision(): number {
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn);
  }
  get f1(): number {
    const { precision: p, recall: r } = this;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  row(label: string): string {
    const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
    return `${label.padEnd(28)}${pct(this.precision)}${pct(this.recall)}${pct(this.f1)}   ${this.tp}/${this.fp}/${this.fn}`;
  }
}

const rows: GoldRow[] = readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldRow);

const strict = { source: new Score(), target: new Score(), all: new Score() };
const fair = { source: new Score(), target: new Score(), all: new Score() };
const quantity = {
  size: { gold: 0, found: 0 },
  dead: { gold: 0, found: 0, spurious: 0 },
  injured: { gold: 0, found: 0, spurious: 0 },
};
const errors: string[] = [];
let mentionsSeen = 0;
const started = performance.now();

for (const row of rows) {
  const type = EVENT_MAP[row.event] ?? (row.event as EventType);
  const mentions = findActorMentions(row.text);
  mentionsSeen += mentions.length;
  const roles = assignRoles(row.text, mentions, locateTrigger(row), type);
  const predicted = {
    source: [...new Set(roles.actors.map(normalisePredicted))],
    target: [...new Set(roles.targets.map(normalisePredicted))],
  };
  const gold = { source: goldCodes(row.source), target: goldCodes(row.target) };
  for (const role of ['source', 'target'] as const) {
    strict[role].add(predicted[role], gold[role]);
    strict.all.add(predicted[role], gold[role]);
    const g = gold[role].filter(resolvable);
    fair[role].add(predicted[role], g);
    fair.all.add(predicted[role], g);
  }
  if (
    showErrors &&
    (predicted.source.join() !== gold.source.join() || predicted.target.join() !== gold.target.join())
  ) {
    errors.push(
      `${row.id} ${row.event}\n  ${row.markup.trim()}\n  gold S=${gold.source} T=${gold.target}  got S=${predicted.source} T=${predicted.target}  mentions=${mentions.map((m) => `${m.text}:${m.code}`).join(', ')}`,
    );
  }

  const quantities = findQuantities(row.text);
  const size = goldNumber(row.size);
  if (size !== null) {
    quantity.size.gold++;
    if (quantities.some((q) => q.value === size)) quantity.size.found++;
  }
  for (const unit of ['dead', 'injured'] as const) {
    const want = goldNumber(row[unit]);
    const got = quantities.filter((q) => q.unit === unit);
    if (want !== null) {
      quantity[unit].gold++;
      if (got.some((q) => q.value === want)) quantity[unit].found++;
    }
    quantity[unit].spurious += got.filter((q) => q.value !== want).length;
  }
}
const elapsedMs = performance.now() - started;

if (showErrors) console.log(errors.join('\n') + '\n');
console.log(`PLOVER gold standard: ${rows.length} sentences, ${mentionsSeen} actor mentions found`);
console.log(`${''.padEnd(28)}  prec  recall    F1   tp/fp/fn`);
console.log(fair.source.row('source (resolvable gold)'));
console.log(fair.target.row('target (resolvable gold)'));
console.log(fair.all.row('all codes (resolvable gold)'));
console.log(strict.source.row('source (strict)'));
console.log(strict.target.row('target (strict)'));
console.log(strict.all.row('all codes (strict)'));
console.log('');
console.log(`quantities   size: ${quantity.size.found}/${quantity.size.gold} numeric gold sizes found`);
console.log(
  `             dead: ${quantity.dead.found}/${quantity.dead.gold} found, ${quantity.dead.spurious} other dead counts`,
);
console.log(
  `          injured: ${quantity.injured.found}/${quantity.injured.gold} found, ${quantity.injured.spurious} other injured counts`,
);
console.log(`time: ${elapsedMs.toFixed(0)} ms for ${rows.length} sentences (mentions, roles, quantities)`);
