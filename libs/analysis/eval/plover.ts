/**
 * PLOVER evaluation: event types and actor codes against the PLOVER gold-standard sentences.
 *
 *   npx tsx libs/analysis/eval/plover.ts [--errors] [--file sentences.jsonl]
 *
 * Reads <repo>/../shared/data/eval/plover-gold-standard.jsonl at run time (never copied into the
 * repository), prints a table and writes docs/eval-plover.md. With `--file`, scores another set of
 * sentences coded in the same shape (an analyst's own, or one written to test the rules) and only prints.
 *
 * The gold file predates the 16-type PLOVER used here, so its labels are mapped (see LABEL_MAP):
 * DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE (merged in PLOVER 0.7), FIGHT → ASSAULT (FIGHT
 * was folded into ASSAULT), COERCE/destroy → ASSAULT/destroy (moved by PLOVER 0.7), FIGHT/deport → COERCE.
 * Actor codes: JAP → JPN, ITL → ITA, VTN → VNM (non-ISO codes in the gold); our organisation codes
 * (UN, EU, NATO, …) are compared as the gold's generic IGO, and the NGOs it names (Amnesty, HRW, MSF) as NGO;
 * gold ISM/IMG/MNC codes, and NGOs the gazetteer does not know, count as misses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSentence } from '../src/classify/index.ts';
import type { AnalysedEvent, EventType } from '../src/types.ts';
import { goldNumber } from './gold.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fileArg = process.argv.indexOf('--file');
const GOLD = fileArg >= 0 ? resolve(process.argv[fileArg + 1]!) : join(REPO, '..', 'shared', 'data', 'eval', 'plover-gold-standard.jsonl');
const REPORT = join(REPO, 'docs', 'eval-plover.md');

/** The event types the quality target is set on. */
const TARGET_TYPES: EventType[] = ['THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'ACCUSE', 'AID', 'AGREE'];
const ALL_TYPES: EventType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

const LABEL_MAP: Record<string, EventType> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };
const CODE_MAP: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };
const ORGANISATIONS = new Set(['UN', 'EU', 'NATO', 'AU', 'ASEAN', 'IAEA', 'OSCE', 'ARAB_LEAGUE', 'OAS', 'ECOWAS', 'WHO', 'ICC', 'IMF', 'WB', 'OPEC', 'G7', 'G20', 'APEC', 'OIC', 'GCC', 'SCO', 'CSTO', 'AL', 'ICRC', 'WFP', 'UNHCR', 'UNICEF', 'CIS', 'IGAD', 'LAS', 'SADC', 'IGO']);
/** Non-governmental organisations the gazetteer names, compared as the gold's generic NGO. */
const NGOS = new Set(['AMNESTY', 'HRW', 'MSF']);

interface GoldActor { code: string }
interface GoldRow {
  id: string;
  event: string;
  mode: string | null;
  text: string;
  source: GoldActor[] | null;
  target: GoldActor[] | string | null;
  size?: string | null;
  dead?: string | null;
  injured?: string | null;
}

/**
 * The gold's counts written as numbers (vague ones such as "Thousands" are left out), with the units that
 * measure each: a crowd, a deportation or an arrest is counted in people or troops, never in dead or wounded.
 */
const GOLD_COUNTS: Array<{ field: 'size' | 'dead' | 'injured'; fits: (unit: string) => boolean }> = [
  { field: 'size', fits: (unit) => unit !== 'dead' && unit !== 'injured' && unit !== 'casualties' },
  { field: 'dead', fits: (unit) => unit === 'dead' },
  { field: 'injured', fits: (unit) => unit === 'injured' },
];

function goldType(row: GoldRow): EventType {
  if (row.event === 'COERCE' && row.mode === 'destroy') return 'ASSAULT';
  if (row.event === 'FIGHT' && row.mode === 'deport') return 'COERCE';
  return LABEL_MAP[row.event] ?? (row.event as EventType);
}

const ourCode = (code: string): string => (ORGANISATIONS.has(code) ? 'IGO' : NGOS.has(code) ? 'NGO' : code);
/** A set coded here may name the organisation (UN, AU) where the PLOVER gold writes IGO: both compare as IGO. */
const goldCodes = (actors: GoldActor[] | string | null): Set<string> =>
  new Set(Array.isArray(actors) ? actors.map((a) => ourCode(CODE_MAP[a.code] ?? a.code)) : []);
const ourCodes = (codes: string[]): Set<string> => new Set(codes.map(ourCode));

interface Counts { tp: number; fp: number; fn: number }
const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const prf = (c: Counts) => {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

function addSets(c: Counts, gold: Set<string>, predicted: Set<string>): void {
  for (const x of predicted) if (gold.has(x)) c.tp++; else c.fp++;
  for (const x of gold) if (!predicted.has(x)) c.fn++;
}

// One sentence can carry several gold events (one row each): evaluate per sentence, multi-label.
const rows = readFileSync(GOLD, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as GoldRow);
const bySentence = new Map<string, GoldRow[]>();
for (const r of rows) bySentence.set(r.text, [...(bySentence.get(r.text) ?? []), r]);

const perType = new Map<EventType, Counts>(ALL_TYPES.map((t) => [t, counts()]));
const source = counts();
const target = counts();
const errors: string[] = [];
/** Events of the gold's type whose actor codes differ from the gold's. */
const actorErrors: string[] = [];
/** Gold counts: how many, how many among the matching event's quantities, how many as its own quantity. */
const quantity = { gold: 0, found: 0, own: 0 };
const started = performance.now();
for (const [text, golds] of bySentence) {
  const events = analyzeSentence(text).filter((e) => !e.negated);
  const predicted = new Set(events.map((e) => e.type));
  const gold = new Set(golds.map(goldType));
  for (const t of ALL_TYPES) {
    const c = perType.get(t)!;
    if (predicted.has(t) && gold.has(t)) c.tp++;
    else if (predicted.has(t)) c.fp++;
    else if (gold.has(t)) c.fn++;
  }
  if (![...gold].every((t) => predicted.has(t)) || [...predicted].some((t) => !gold.has(t))) {
    errors.push(`gold ${[...gold].join('+')} · got ${[...predicted].join('+') || '—'} · ${text.slice(0, 110)}`);
  }
  // Actors and counts are scored on the event whose type the gold agrees with.
  for (const g of golds) {
    const e: AnalysedEvent | undefined = events.find((x) => x.type === goldType(g));
    if (e) {
      const wanted = { source: goldCodes(g.source), target: goldCodes(g.target) };
      const got = { source: ourCodes(e.actors), target: ourCodes(e.targets) };
      addSets(source, wanted.source, got.source);
      addSets(target, wanted.target, got.target);
      if (!sameSet(wanted.source, got.source) || !sameSet(wanted.target, got.target)) {
        actorErrors.push(`actors ${goldType(g)} gold ${[...wanted.source].join(',')}>${[...wanted.target].join(',')} · got ${[...got.source].join(',')}>${[...got.target].join(',')} · ${text.slice(0, 110)}`);
      }
    }
    for (const { field, fits } of GOLD_COUNTS) {
      const value = goldNumber(g[field]);
      if (value === null) continue;
      quantity.gold++;
      const matches = (q: { value: number; unit: string } | null): boolean => q !== null && q.value === value && fits(q.unit);
      if (e?.quantities.some(matches)) quantity.found++;
      if (e && matches(e.quantity)) quantity.own++;
    }
  }
}
const elapsedMs = performance.now() - started;

const fmt = (x: number) => x.toFixed(2);
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const lines: string[] = [];
lines.push('| type | gold | P | R | F1 |', '|---|---:|---:|---:|---:|');
for (const t of ALL_TYPES) {
  const c = perType.get(t)!;
  const m = prf(c);
  lines.push(`| ${TARGET_TYPES.includes(t) ? `**${t}**` : t} | ${c.tp + c.fn} | ${fmt(m.p)} | ${fmt(m.r)} | ${fmt(m.f1)} |`);
}
const macro = TARGET_TYPES.reduce((s, t) => s + prf(perType.get(t)!).f1, 0) / TARGET_TYPES.length;
const macroAll = ALL_TYPES.reduce((s, t) => s + prf(perType.get(t)!).f1, 0) / ALL_TYPES.length;
const src = prf(source);
const tgt = prf(target);
const actorF1 = prf({ tp: source.tp + target.tp, fp: source.fp + target.fp, fn: source.fn + target.fn }).f1;
const summary = [
  `- sentences: ${bySentence.size} (${rows.length} gold events)`,
  `- **macro-F1 over ${TARGET_TYPES.join(', ')}: ${fmt(macro)}** (target ≥ 0.80)`,
  `- macro-F1 over all 16 types: ${fmt(macroAll)}`,
  `- actor codes, source: P ${fmt(src.p)} R ${fmt(src.r)} F1 ${fmt(src.f1)}; target: P ${fmt(tgt.p)} R ${fmt(tgt.r)} F1 ${fmt(tgt.f1)}; **combined F1 ${fmt(actorF1)}** (target ≥ 0.85)`,
  `- counts (the gold's size, dead and injured written as numbers, ${quantity.gold}): found with the right kind of unit among the quantities of the event of the gold's type ${quantity.found} (${pct(quantity.found, quantity.gold)}), as that event's own quantity ${quantity.own} (${pct(quantity.own, quantity.gold)}; an attack's own quantity is its dead, so its wounded count only among its quantities)`,
  `- time: ${elapsedMs.toFixed(0)} ms for all sentences`,
];

process.stdout.write(`${lines.join('\n')}\n\n${summary.join('\n')}\n`);
if (process.argv.includes('--errors')) process.stdout.write(`\n${errors.join('\n')}\n\n${actorErrors.join('\n')}\n`);

if (fileArg < 0) writeFileSync(
  REPORT,
  `# PLOVER gold-standard evaluation

Generated by \`npx tsx libs/analysis/eval/plover.ts\` over the PLOVER gold-standard sentences
(openeventdata/PLOVER, CC BY-SA 4.0), read at run time from \`../shared/data/eval\`.

How it is scored:
- Per sentence, multi-label: the set of event types found (negated events excluded) against the
  set of gold types of that sentence. A type found but not in the gold is a false positive, even
  when the sentence does report such an event (the gold labels one event per row).
- Gold labels are mapped to the 16-type PLOVER used here: DEMAND → REQUEST, DISAPPROVE and
  INVESTIGATE → ACCUSE, FIGHT → ASSAULT, COERCE/destroy → ASSAULT, FIGHT/deport → COERCE.
- Actor codes are scored on the events whose type matches the gold: source ↔ our actors, target ↔
  our targets, as sets of codes. JAP → JPN, ITL → ITA, VTN → VNM; our organisation codes (UN, EU,
  NATO, …) count as the gold's IGO. Gold NGO/ISM/IMG codes are never produced and count as misses.
- Counts are scored on the event whose type matches the gold: the gold's value must be among that
  event's quantities, in a unit of its kind (size: people, troops, hardware; dead; injured).

${lines.join('\n')}

${summary.join('\n')}
`,
);
