/**
 * Evaluation of story dedupe. Run: `npx tsx libs/analysis/eval/dedupe.ts`.
 * Prints a table and writes docs/dedupe.md (keeping the benchmark section that bench/dedupe writes).
 *
 * - UCDP: headlines cited for one UCDP event are one story; headlines of different events of the same
 *   day are hard negatives. Round-up headlines (cited for more than one event) and single-word "headlines"
 *   are left out. Measures ROC AUC of the rewrite similarity and precision/recall at the threshold.
 * - STS-B headline pairs: correlation of the term similarity with human similarity (0–5).
 * - A synthetic wire stream (bench/dedupe/corpus.ts): syndicated copies and redeliveries caught.
 * - Memory per stored report and throughput on one core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVAL_DATA, REPO_ROOT, buildCorpus } from '../../../bench/dedupe/corpus.ts';
import type { SyntheticReport } from '../../../bench/dedupe/corpus.ts';
import { StoryIndex, rewriteSimilarity, termFeatures, termSimilarity } from '../src/dedupe/index.ts';
import type { DedupeInput } from '../src/dedupe/index.ts';
import { normalizeReport } from '../src/normalize/index.ts';

const DOC = resolve(REPO_ROOT, 'docs/dedupe.md');
const BENCH_START = '<!-- bench:start -->';
const BENCH_END = '<!-- bench:end -->';
/** The threshold StoryIndex uses by default; kept in step with its options. */
const REWRITE_THRESHOLD = 0.35;

function readJsonl<T>(file: string): T[] {
  return readFileSync(resolve(EVAL_DATA, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

// ---- metrics -----------------------------------------------------------------------------------

/** ROC AUC as the probability that a positive outscores a negative (ties count half). */
export function rocAuc(pos: number[], neg: number[]): number {
  const ns = [...neg].sort((a, b) => a - b);
  const below = (x: number, orEqual: boolean): number => {
    let lo = 0;
    let hi = ns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (orEqual ? ns[mid]! <= x : ns[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let total = 0;
  for (const x of pos) {
    const lt = below(x, false);
    total += lt + (below(x, true) - lt) / 2;
  }
  return total / (pos.length * ns.length);
}

function precisionRecall(pos: number[], neg: number[], threshold: number): { precision: number; recall: number; f1: number } {
  const tp = pos.filter((x) => x >= threshold).length;
  const fp = neg.filter((x) => x >= threshold).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp / pos.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function ranks(x: number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

const spearman = (x: number[], y: number[]): number => pearson(ranks(x), ranks(y));

// ---- UCDP pairs -----------------------------------------------------------------------------------

interface UcdpEvent {
  date_start: string;
  reports: { headline: string; date: string | null; n_events_with_this_headline: number | null }[];
}
interface Headline {
  text: string;
  at: number;
}

/** Report dates come as 2014-01-22 or 22/01/2014. */
function reportDate(s: string): number {
  let m = /^(\d{4})-(\d\d)-(\d\d)/.exec(s);
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  m = /^(\d\d)\/(\d\d)\/(\d{4})/.exec(s);
  if (m) return Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!);
  throw new Error(`unknown date ${s}`);
}

export function ucdpPairs(): { pos: [Headline, Headline][]; neg: [Headline, Headline][] } {
  const pos: [Headline, Headline][] = [];
  const byDay = new Map<string, { event: number; h: Headline }[]>();
  readJsonl<UcdpEvent>('ucdp-ukraine-event-headlines.jsonl').forEach((e, event) => {
    const seen = new Map<string, Headline>();
    for (const r of e.reports) {
      const usable = r.n_events_with_this_headline === 1 && r.date !== null && r.headline.split(/\s+/).length >= 4;
      if (usable && !seen.has(r.headline)) seen.set(r.headline, { text: r.headline, at: reportDate(r.date!) });
    }
    const hs = [...seen.values()].sort((a, b) => (a.text < b.text ? -1 : 1));
    for (let a = 0; a < hs.length; a++) for (let b = a + 1; b < hs.length; b++) pos.push([hs[a]!, hs[b]!]);
    const day = e.date_start.split(' ')[0]!;
    const list = byDay.get(day) ?? [];
    for (const h of hs) list.push({ event, h });
    byDay.set(day, list);
  });
  const neg: [Headline, Headline][] = [];
  for (const list of byDay.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (list[a]!.event !== list[b]!.event && list[a]!.h.text !== list[b]!.h.text) neg.push([list[a]!.h, list[b]!.h]);
      }
    }
  }
  return { pos, neg };
}

const pairScore = ([a, b]: [Headline, Headline]): number =>
  rewriteSimilarity(termFeatures(a.text), termFeatures(b.text), (a.at - b.at) / 3_600_000);

// ---- synthetic stream -------------------------------------------------------------------------

function toInput(r: SyntheticReport): DedupeInput {
  return { ...r, text: normalizeReport(r).text };
}

export function streamCatchRates(corpus: SyntheticReport[]) {
  const index = new StoryIndex();
  const storyOf = new Map<string, string>();
  let copies = 0;
  let copiesCaught = 0;
  let copiesSameStory = 0;
  let repeats = 0;
  let repeatsCaught = 0;
  let originals = 0;
  let originalsMerged = 0;
  for (const r of corpus) {
    const res = index.add(toInput(r));
    if (r.role === 'original') {
      originals++;
      storyOf.set(r.id, res.story_id);
      if (res.kind !== 'new_story') originalsMerged++;
    } else if (r.role === 'copy') {
      copies++;
      if (res.story_id === storyOf.get(r.original)) copiesSameStory++;
      if (res.kind === 'syndicated' && res.story_id === storyOf.get(r.original)) copiesCaught++;
    } else {
      repeats++;
      if (res.kind === 'duplicate' && res.duplicate_of === r.original) repeatsCaught++;
    }
  }
  return { originals, originalsMerged, copies, copiesCaught, copiesSameStory, repeats, repeatsCaught };
}

// ---- memory and speed ---------------------------------------------------------------------------

/** Bytes of heap per stored report; run in a child process with --expose-gc. */
function measureMemoryChild(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const corpus = buildCorpus({ originals: 20_000, copyRate: 0, repeatRate: 0, seed: 7 });
  const index = new StoryIndex({ maxEntries: 1_000_000, windowDays: 3650 });
  gc();
  const before = process.memoryUsage().heapUsed;
  // Normalised texts are dropped as we go: the index keeps only its own compact entries.
  for (const r of corpus) index.add(toInput(r));
  gc();
  const after = process.memoryUsage().heapUsed;
  if (corpus.length === 0) throw new Error('empty corpus'); // keeps the corpus alive until measured
  process.stdout.write(JSON.stringify({ entries: index.size, bytesPerEntry: (after - before) / index.size }));
}

function measureMemory(): { entries: number; bytesPerEntry: number } {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`memory measurement failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { entries: number; bytesPerEntry: number };
}

/** CPU milliseconds of this process: the machine is shared, so wall time says little. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function measureSpeed(corpus: SyntheticReport[]) {
  const kb = corpus.reduce((s, r) => s + r.headline.length + r.body.length, 0) / 1024;
  for (const r of corpus.slice(0, 500)) normalizeReport(r); // warm-up
  let t = cpuMs();
  const inputs = corpus.map(toInput);
  const normalizeMs = cpuMs() - t;
  new StoryIndex().add(inputs[0]!);
  const index = new StoryIndex();
  t = cpuMs();
  for (const r of inputs) index.add(r);
  const dedupeMs = cpuMs() - t;
  return {
    reports: corpus.length,
    avgKb: kb / corpus.length,
    normalizeUsPerKb: (normalizeMs * 1000) / kb,
    normalizePerSec: corpus.length / (normalizeMs / 1000),
    dedupeUsPerReport: (dedupeMs * 1000) / corpus.length,
    dedupePerSec: corpus.length / (dedupeMs / 1000),
  };
}

// ---- report ---------------------------------------------------------------------------------------

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number): string => x.toFixed(3);

function main(): void {
  const { pos, neg } = ucdpPairs();
  const P = pos.map(pairScore);
  const N = neg.map(pairScore);
  const auc = rocAuc(P, N);
  const atDefault = precisionRecall(P, N, REWRITE_THRESHOLD);
  let bestF1 = { threshold: 0, precision: 0, recall: 0, f1: 0 };
  for (let th = 0.05; th <= 0.9; th += 0.025) {
    const pr = precisionRecall(P, N, th);
    if (pr.f1 > bestF1.f1) bestF1 = { threshold: th, ...pr };
  }
  // Base rate: precision a random guess would have on this pair set.
  const baseRate = pos.length / (pos.length + neg.length);

  const sts = readJsonl<{ score_0to5: number; headline1: string; headline2: string }>('stsb-headline-pairs.jsonl');
  const stsSim = sts.map((p) => termSimilarity(termFeatures(p.headline1), termFeatures(p.headline2)).score);
  const stsGold = sts.map((p) => p.score_0to5);
  const stsHigh = sts.map((p, i) => [p.score_0to5, stsSim[i]!] as const);
  const stsAuc = rocAuc(stsHigh.filter(([g]) => g >= 4).map(([, s]) => s), stsHigh.filter(([g]) => g <= 1).map(([, s]) => s));

  const corpus = buildCorpus({ originals: 3000, seed: 42 });
  const rates = streamCatchRates(corpus);
  const speed = measureSpeed(corpus);
  const memory = measureMemory();

  const rows: [string, string][] = [
    ['UCDP pairs (same event / same-day other event)', `${pos.length} / ${neg.length}`],
    ['UCDP ROC AUC (rewrite similarity)', f3(auc)],
    [`UCDP precision / recall at ${REWRITE_THRESHOLD}`, `${pct(atDefault.precision)} / ${pct(atDefault.recall)} (F1 ${f3(atDefault.f1)}; base rate ${pct(baseRate)})`],
    [`UCDP best F1 (threshold ${bestF1.threshold.toFixed(3)})`, `${f3(bestF1.f1)}: P ${pct(bestF1.precision)} / R ${pct(bestF1.recall)}`],
    ['STS-B Pearson / Spearman (term similarity vs 0–5)', `${f3(pearson(stsSim, stsGold))} / ${f3(spearman(stsSim, stsGold))} (n=${sts.length})`],
    ['STS-B ROC AUC (score ≥ 4 vs ≤ 1)', f3(stsAuc)],
    ['Synthetic syndicated copies caught', `${rates.copiesCaught}/${rates.copies} (${pct(rates.copiesCaught / rates.copies)})`],
    ['Synthetic exact repeats caught', `${rates.repeatsCaught}/${rates.repeats} (${pct(rates.repeatsCaught / rates.repeats)})`],
    ['Synthetic originals wrongly merged', `${rates.originalsMerged}/${rates.originals} (${pct(rates.originalsMerged / rates.originals)})`],
    ['Heap per stored report', `${Math.round(memory.bytesPerEntry)} bytes (${memory.entries} entries)`],
    ['Normalise (CPU time)', `${speed.normalizeUsPerKb.toFixed(1)} µs/KB, ${Math.round(speed.normalizePerSec)} reports/s (avg ${speed.avgKb.toFixed(1)} KB)`],
    ['StoryIndex.add (CPU time)', `${speed.dedupeUsPerReport.toFixed(1)} µs/report, ${Math.round(speed.dedupePerSec)} reports/s (${speed.reports} reports)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  writeDoc(rows);
  console.log(`\nwrote ${DOC}`);
}

function writeDoc(rows: [string, string][]): void {
  const previous = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const s = previous.indexOf(BENCH_START);
  const e = previous.indexOf(BENCH_END);
  const bench = s >= 0 && e > s ? previous.slice(s, e + BENCH_END.length) : `${BENCH_START}\n_Not run yet: \`bash bench/dedupe/run.sh\`._\n${BENCH_END}`;
  const table = ['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
  writeFileSync(DOC, `${DOC_HEAD}\n## Measured (\`npx tsx libs/analysis/eval/dedupe.ts\`)\n\n${table}\n\n${DOC_NOTES}\n## Benchmark against datasketch (\`bash bench/dedupe/run.sh\`)\n\n${bench}\n`);
}

const DOC_HEAD = `# Story dedupe

\`StoryIndex\` (libs/analysis/src/dedupe) decides, in arrival order, which story a report belongs to.
It is pure and deterministic: no I/O, no clock, no randomness; story ids are \`st-\` + a 64-bit hash of the
story's first report id, so replaying the same reports gives the same ids. \`export()\` gives the stored
entries (JSON-safe, base64 fingerprints) and \`StoryIndex.restore(entries)\` rebuilds the identical index.

## Method

1. **Repeat**: same source, source id and version as a stored report → \`duplicate\`, \`duplicate_of\` = the first
   report's id. Not stored again.
2. **New version**: same source and source id, another version → \`new_version\`, same story, counts as the
   earlier version did.
3. **Syndicated copy**: MinHash (64 permutations, multiply-add over 32-bit shingle hashes) of the body's word
   3-shingles (first 400 shingles; headline excluded, since outlets rewrite headlines; normalisation has
   already removed datelines, bylines and web furniture). LSH with 16 bands × 4 rows finds candidates; the
   estimated Jaccard must reach 0.5. A copy joins the story with \`syndicated: true\` and does not add an
   independent source. Candidates found through the term index are checked too, so a copy the bands miss
   is still caught.
4. **Independent rewrite**: term features of headline + first 320 body characters: stop words dropped,
   inflections and near-synonyms folded (killed/dead/death toll → one term; shelling/strike/attack → one),
   number words to digits, names (capitalised words outside title-case headlines) reduced to a consonant
   skeleton so transliterations meet (Kiev/Kyiv, Kharkov/Kharkiv, Lugansk/Luhansk). Weights: names 2,
   numbers and content words 1, generic conflict vocabulary 0.1–0.6. Similarity = mean of weighted
   containment and weighted Jaccard, × 0.4 when both sides name places/actors and none agree, × 0.6 when
   numbers all disagree (× 0.8 partly), × 0.85 when more than 36 h apart. Candidates come from an inverted
   index over names, numbers and content words (the 32 most recent reports per term; the 16 sharing most weight are scored, within 72 h). At or above
   the threshold (0.3) the report joins the best match's story; its source is counted once per story.
5. Otherwise a **new story**.

The index keeps reports for \`windowDays\` (default 7, by published_at relative to the newest report seen)
and at most \`maxEntries\` (default 200,000), evicting oldest arrivals first; a story's independent-source
count is derived from its stored reports, so a live index and a restored one always agree.
`;

const DOC_NOTES = `### Reading the numbers

- The UCDP pairs are hard and noisy: a UCDP event cites anything from the precise wire report to a
  general news summary ("Reuters World News Summary", "Two days of bloody unrest in Ukraine"), and
  about 22% of same-event pairs score below 0.02 (no shared weighted term); many same-day negatives are
  near-identical reports of two incidents in one city. Lexical similarity therefore stays well below the 0.90 AUC
  target on this set; closing the gap needs semantic similarity (sentence embeddings), which does not
  fit the throughput budget of the pipeline on one core.
- Precision/recall on UCDP count pairs; the base rate (share of positive pairs) is the precision of a
  random guess. The default threshold (0.3) favours precision over recall: a false merge hides a
  separate incident, a missed rewrite only under-counts a story's independent sources.
- Synthetic originals are built from real conflict headlines of the evaluation sets, so some pairs of
  "different" originals genuinely read alike; the wrongly-merged rate is an upper bound for that stream.
- Heap per stored report includes the index maps and the shared word-term memo (bounded at 100,000 words).
- Throughput is CPU time on a 2-core machine shared with other builds; it varies between runs.
`;

// Run as a script only: the harness functions above are imported by the benchmark and experiments.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--memory')) measureMemoryChild();
  else main();
}
