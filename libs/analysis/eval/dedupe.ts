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
import { REPO_ROOT, buildCorpus, readJsonl } from '../../../bench/dedupe/corpus.ts';
import { generateCorpus } from '../../../tests/helpers/corpus.ts';
import type { SyntheticReport } from '../../../bench/dedupe/corpus.ts';
import { StoryIndex, rewriteSimilarity, termFeatures, termSimilarity } from '../src/dedupe/index.ts';
import type { DedupeInput } from '../src/dedupe/index.ts';
import { normalizeReport } from '../src/normalize/index.ts';

const DOC = resolve(REPO_ROOT, 'docs/dedupe.md');
const BENCH_START = '<!-- bench:start -->';
const BENCH_END = '<!-- bench:end -->';
/** The threshold StoryIndex uses by default; kept in step with its options. */
const REWRITE_THRESHOLD = 0.35;

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

/**
 * The pipeline's test corpus (tests/helpers/corpus.ts): template stories that differ only in actors,
 * places and numbers, with copies, updates and repeats. Every original must start its own story.
 */
export function pipelineCorpusKinds(size = 1000): { kinds: Record<string, number>; originals: number } {
  const corpus = generateCorpus(size);
  const index = new StoryIndex();
  const kinds: Record<string, number> = { new_story: 0, syndicated: 0, new_version: 0, duplicate: 0, rewrite: 0 };
  for (const r of corpus.reports) {
    const res = index.add({ ...r, id: `${r.source}/${r.source_id}`, text: normalizeReport(r).text });
    kinds[res.kind] = (kinds[res.kind] ?? 0) + 1;
  }
  return { kinds, originals: corpus.stories };
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
  // Two halves by day (even and odd days): how much the AUC moves between independent subsets.
  const half = (pairs: [Headline, Headline][], scores: number[], h: number): number[] =>
    scores.filter((_, i) => Math.floor(pairs[i]![0].at / 86_400_000) % 2 === h);
  const halves = [0, 1].map((h) => rocAuc(half(pos, P, h), half(neg, N, h)));
  // Same-event pairs with no shared weighted term cannot outrank anything lexically: they bound the AUC.
  const unreachable = P.filter((x) => x === 0).length / P.length;
  const negZero = N.filter((x) => x === 0).length / N.length;
  const aucCeiling = 1 - unreachable + unreachable * (negZero / 2);
  const pipeline = pipelineCorpusKinds();
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
    ['UCDP ROC AUC (rewrite similarity)', `${f3(auc)} (halves by day: ${halves.map(f3).join(' / ')})`],
    ['UCDP same-event pairs with no shared term', `${pct(unreachable)} (same-day other events: ${pct(negZero)}); lexical AUC ceiling ≈ ${f3(aucCeiling)}`],
    [`UCDP precision / recall at ${REWRITE_THRESHOLD}`, `${pct(atDefault.precision)} / ${pct(atDefault.recall)} (F1 ${f3(atDefault.f1)}; base rate ${pct(baseRate)})`],
    [`UCDP best F1 (threshold ${bestF1.threshold.toFixed(3)})`, `${f3(bestF1.f1)}: P ${pct(bestF1.precision)} / R ${pct(bestF1.recall)}`],
    ['STS-B Pearson / Spearman (term similarity vs 0–5)', `${f3(pearson(stsSim, stsGold))} / ${f3(spearman(stsSim, stsGold))} (n=${sts.length})`],
    ['STS-B ROC AUC (score ≥ 4 vs ≤ 1)', f3(stsAuc)],
    [
      'Pipeline test corpus (1,000 reports)',
      `${pipeline.kinds.new_story} new_story (of ${pipeline.originals} originals), ${pipeline.kinds.syndicated} syndicated, ${pipeline.kinds.new_version} new_version, ${pipeline.kinds.duplicate} duplicate, ${pipeline.kinds.rewrite} rewrite`,
    ],
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
3. **Syndicated copy**: one-permutation MinHash (64 bins; Li, Owen and Zhang 2012, with Shrivastava's
   optimal densification for empty bins) of the body's word 3-shingles (first 200 shingles, about 1.2 KB;
   headline excluded, since outlets rewrite headlines; normalisation has already removed bylines and web
   furniture). Each shingle updates one bin instead of 64 permutations. LSH with 16 bands × 4 rows finds
   candidates; the estimated Jaccard must reach 0.5. Below 0.8, a candidate whose body lead names a place
   or actor, or gives a number, that the new report lacks, while the new report's body lead does the same
   the other way round, is a wire template reused for another event, not a copy. A copy joins the story
   with \`syndicated: true\` and does not add an independent source. Candidates found through the term
   index are checked too, so a copy the bands miss is still caught.
4. **Independent rewrite**: term features of headline + first 320 body characters: stop words dropped,
   inflections and near-synonyms folded (killed/dead/death toll → one term; shelling/strike/attack → one),
   number words to digits, names reduced to a consonant skeleton so transliterations meet (Kiev/Kyiv,
   Kharkov/Kharkiv, Lugansk/Luhansk). A capitalised word is a name only if somewhere in the text it is
   capitalised where capitals are informative: not opening a sentence, not in a title-case headline
   ("Negotiators met…" is a word, "Kharkiv" opening a headline is a name when the lead says "in Kharkiv").
   Each term records whether it occurs in the headline and/or the body lead. Weights: names 2, numbers and
   content words 1, generic conflict vocabulary 0.1–0.6. Overlap = mean of weighted containment and
   weighted Jaccard. Then evidence of a different event:
   - names conflict (each headline names a place/actor the other text never mentions, or both name
     places/actors and share none): × 0.1;
   - otherwise, most names unshared (fewer than a quarter of the union shared, two or more each): × 0.5;
   - numbers conflict (each headline gives a number the other text lacks, or both give numbers and share
     none): × 0.5;
   - nothing specific shared (no common name or number: template words only): × 0.6;
   - more than 36 h apart: × 0.85.
   Candidates come from an inverted index over names, numbers and headline content words (the 32 most recent
   reports per term; the 8 sharing most weight are scored, within 72 h). At or above the threshold (0.35)
   the report joins the best match's story; its source is counted once per story.
5. Otherwise a **new story**.

The index keeps reports for \`windowDays\` (default 7, by published_at relative to the newest report seen)
and at most \`maxEntries\` (default 200,000), evicting oldest arrivals first; a story's independent-source
count is derived from its stored reports, so a live index and a restored one always agree.
`;

const DOC_NOTES = `### Reading the numbers

- **Different events on one topic.** The pipeline test corpus is the hard case for template reuse: every
  "strike kills N in X" or "trade talks between A and B resume" story uses the same words and differs only
  in actors, places and numbers. Before the name/number vetoes, 0.3 overlap of template words merged about
  350 of its 542 originals into earlier stories (192 new stories, 350 rewrites); now each original is its own
  story and copies, updates and repeats are recognised exactly. Unit tests (features.test.ts,
  story-index.test.ts) cover strikes, talks and troop moves that must stay apart and rewrites (other wording,
  transliterated place) that must join.
- **UCDP** pairs are hard and noisy: a UCDP event cites anything from the precise wire report to a general
  news summary ("Reuters World News Summary", "Two days of bloody unrest in Ukraine"), and many same-day
  negatives are near-identical reports of two incidents in one city (UCDP codes them as separate events).
  Same-event pairs that share no weighted term score 0 and can at best tie with the same-day negatives that
  also score 0; that bounds the ROC AUC of any score built on shared terms (the "lexical AUC ceiling" row).
  The 0.90 target is above that ceiling: it is out of reach for this method, whatever the weights. The
  name/number vetoes raised the AUC from 0.752 to the value above; both halves (even and odd days) moved
  alike, so the change is not fitted to one subset. The factors were chosen on this set among a handful
  of round values (0.05/0.1/0.15/0.3 for names, 0.3/0.5/0.7 for numbers); a held-out set may score a little lower.
- **Sentence embeddings do not close the gap either** (\`bash bench/dedupe/semantic.sh\`, 2026-11-28). The
  script embeds every UCDP headline with all-MiniLM-L6-v2, the quantised ONNX build that langchain4j ships on
  Maven Central: mean pooling, then cosine.
  - Cosine alone: ROC AUC 0.710, below the lexical score's 0.777.
  - Lexical × cosine: 0.778. Lexical + w × cosine: 0.739–0.769 for w from 2 down to 0.1.
  - Held out by day parity: the weight chosen on one half scores 0.790 and 0.746 on the other half, against
    0.796 and 0.755 for the lexical score alone there.
  - Cost: about 6 ms of CPU per headline on one thread, thirty times the whole analysis budget per report.

  What separates these pairs is event identity: the same incident against another incident of the same kind,
  on the same day, in the same war. Neither shared words nor topical closeness measure it. The 0.90 target
  looks out of reach on headlines alone.
- No IDF weighting is used: weights are fixed by term class. Document frequencies were tried on 2026-11-28. They
  were taken over the 1,286 UCDP headlines themselves, unlabelled, as a streaming index could learn them from its
  own window, and multiplied into the class weights. The AUC came out at 0.767 (log N/df), 0.772 (log(1 + N/df)),
  0.775 (its square root) and 0.774 (capped at 3), against 0.777 without. The class weights already demote the
  common conflict vocabulary, so IDF adds nothing here, and the index does not derive it.
- Precision/recall on UCDP count pairs; the base rate (share of positive pairs) is the precision of a
  random guess. The threshold (0.35) favours precision over recall: a false merge hides a separate
  incident, a missed rewrite only under-counts a story's independent sources.
- Synthetic originals are built from real conflict headlines of the evaluation sets, so some pairs of
  "different" originals genuinely read alike; the wrongly-merged rate is an upper bound for that stream
  (76/3000 before this change, at threshold 0.3).
- **Speed, before and after, in one run** (same process, same 6,366-report stream, CPU time, machine
  under a load average of 10–25): the previous \`StoryIndex.add\` 476 µs/report, this one 154 µs/report
  (3.1× less CPU). The gains: one-permutation MinHash over 200 shingles (one bin update per shingle instead
  of 64 multiply-adds over 400), no O(n) scan of the index when a story's last independent report is
  evicted (per-story entry counts), word terms memoised by a hash of their characters, one-pass similarity,
  8 instead of 16 candidates scored, and only names, numbers and headline words indexed. The ≈ 50 µs/report
  budget is not met on this loaded machine: about half of what remains is fingerprinting (the lead's term
  features and the body signature), the rest candidate lookup, scoring and bookkeeping.
- Heap per stored report includes the index maps and the shared word-term memo (bounded at 100,000 words).
- Throughput is CPU time on a 2-core machine shared with other builds (load average above 20 during these
  runs); absolute numbers vary between runs by 2×, so compare ratios measured in one run (below).
`;

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--memory')) measureMemoryChild();
  else main();
}
