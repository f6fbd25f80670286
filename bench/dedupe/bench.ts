/**
 * Syndication benchmark: wirewatch's MinHash + LSH (libs/analysis/src/dedupe/minhash.ts) against
 * datasketch, same stream, same shingles, same parameters. Both sides take the normalised body text
 * and do tokenising, shingling, MinHash, LSH query, Jaccard check and insert; both run on one core.
 * Writes the result into the benchmark section of docs/dedupe.md. Run through bench/dedupe/run.sh.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bandKeys, bodyOf, DEFAULT_MINHASH, estimateJaccard, signatureOf, StoryIndex } from '../../libs/analysis/src/dedupe/index.ts';
import { normalizeReport } from '../../libs/analysis/src/normalize/index.ts';
import { REPO_ROOT, buildCorpus } from './corpus.ts';

const PARAMS = { numPerm: 64, bands: 16, rows: 4, threshold: 0.5, shingleSize: DEFAULT_MINHASH.shingleSize, maxShingles: DEFAULT_MINHASH.maxShingles };
const OUT_DIR = resolve(REPO_ROOT, '.wirewatch/bench');
const DOC = resolve(REPO_ROOT, 'docs/dedupe.md');
const BENCH_START = '<!-- bench:start -->';
const BENCH_END = '<!-- bench:end -->';

/**
 * CPU seconds of this process. Throughput is measured in CPU time on both sides (Python:
 * time.process_time), since the machine is shared and wall time depends on what else runs.
 */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

interface Doc {
  id: string;
  original: string;
  body: string;
}

/** The same loop as the datasketch side, over our signatures. */
function runOurs(docs: Doc[]): { seconds: number; matches: (string | null)[] } {
  const params = { numPerm: PARAMS.numPerm, shingleSize: PARAMS.shingleSize, maxShingles: PARAMS.maxShingles };
  const start = cpuSeconds();
  const buckets = new Map<number, number[]>();
  const sigs: Uint32Array[] = [];
  const ids: string[] = [];
  const seen = new Set<string>();
  const matches: (string | null)[] = [];
  for (const d of docs) {
    // The signature StoryIndex stores: one-permutation MinHash (one bin update per shingle).
    const sig = signatureOf(d.body, params, new Uint32Array(PARAMS.numPerm));
    const keys = bandKeys(sig, PARAMS.bands, PARAMS.rows);
    let best = -1;
    let bestJ = 0;
    for (const key of keys) {
      for (const at of buckets.get(key) ?? []) {
        const j = estimateJaccard(sig, sigs[at]!);
        if (j > bestJ) {
          best = at;
          bestJ = j;
        }
      }
    }
    matches.push(best >= 0 && bestJ >= PARAMS.threshold ? ids[best]! : null);
    if (!seen.has(d.id)) {
      seen.add(d.id);
      const at = sigs.length;
      sigs.push(sig);
      ids.push(d.id);
      for (const key of keys) {
        const list = buckets.get(key);
        if (list === undefined) buckets.set(key, [at]);
        else list.push(at);
      }
    }
  }
  return { seconds: cpuSeconds() - start, matches };
}

/** Precision: predicted matches that copy the same original. Recall: reports with an earlier copy that were matched. */
function score(docs: Doc[], matches: (string | null)[]) {
  const originalOf = new Map(docs.map((d) => [d.id, d.original]));
  const seenOriginals = new Set<string>();
  let predicted = 0;
  let correct = 0;
  let positives = 0;
  let found = 0;
  docs.forEach((d, i) => {
    const isCopy = seenOriginals.has(d.original);
    seenOriginals.add(d.original);
    if (isCopy) positives++;
    const m = matches[i];
    if (m !== null && m !== undefined) {
      predicted++;
      if (originalOf.get(m) === d.original) {
        correct++;
        if (isCopy) found++;
      }
    }
  });
  return { precision: predicted === 0 ? 1 : correct / predicted, recall: positives === 0 ? 1 : found / positives, positives };
}

function main(): void {
  const originals = Number(process.argv[2] ?? 4000);
  const python = process.argv[3] ?? 'python3';
  const datasketchVersion = process.argv[4] ?? 'unknown';
  const corpus = buildCorpus({ originals, seed: 1234, repeatRate: 0 });
  const docs: Doc[] = corpus.map((r) => ({ id: r.id, original: r.original, body: bodyOf(r.headline, normalizeReport(r).text) }));
  mkdirSync(OUT_DIR, { recursive: true });
  const file = resolve(OUT_DIR, 'dedupe-stream.jsonl');
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const kb = docs.reduce((s, d) => s + d.body.length, 0) / 1024 / docs.length;

  runOurs(docs.slice(0, 300)); // warm-up (JIT)
  const ours = runOurs(docs);
  const py = spawnSync(python, [resolve(REPO_ROOT, 'bench/dedupe/datasketch_bench.py'), file, ...[PARAMS.numPerm, PARAMS.bands, PARAMS.rows, PARAMS.threshold, PARAMS.shingleSize, PARAMS.maxShingles].map(String)], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (py.status !== 0) throw new Error(`datasketch side failed: ${py.stderr}`);
  const theirs = JSON.parse(py.stdout) as { seconds: number; matches: (string | null)[] };

  // The whole StoryIndex (syndication + rewrite candidates + bookkeeping), for context.
  const index = new StoryIndex();
  const inputs = corpus.map((r) => ({ ...r, text: normalizeReport(r).text }));
  let t = cpuSeconds();
  for (const r of inputs) index.add(r);
  const storyIndexSeconds = cpuSeconds() - t;
  t = cpuSeconds();
  for (const r of corpus) normalizeReport(r);
  const normalizeSeconds = cpuSeconds() - t;

  const so = score(docs, ours.matches);
  const st = score(docs, theirs.matches);
  const rps = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US');
  const agree = ours.matches.filter((m, i) => (m === null) === (theirs.matches[i] === null)).length / docs.length;
  const lines = [
    `Stream: ${docs.length} reports (${originals} originals, ${so.positives} syndicated copies), average body ${kb.toFixed(1)} KB; ` +
      `parameters: ${PARAMS.numPerm} signature values (datasketch: permutations; wirewatch: one-permutation bins), ${PARAMS.bands} bands × ${PARAMS.rows} rows, Jaccard ≥ ${PARAMS.threshold}, ` +
      `${PARAMS.shingleSize}-word shingles (first ${PARAMS.maxShingles}). One core each, throughput in CPU time; datasketch ${datasketchVersion} on CPython.`,
    '',
    '| implementation | reports/s | precision | recall |',
    '|---|---|---|---|',
    `| wirewatch minhash.ts (tokenise + one-permutation MinHash + LSH + check) | ${rps(docs.length, ours.seconds)} | ${(so.precision * 100).toFixed(1)}% | ${(so.recall * 100).toFixed(1)}% |`,
    `| datasketch MinHash + MinHashLSH (same loop) | ${rps(docs.length, theirs.seconds)} | ${(st.precision * 100).toFixed(1)}% | ${(st.recall * 100).toFixed(1)}% |`,
    '',
    `Speed-up: ${(theirs.seconds / ours.seconds).toFixed(1)}×. Both sides agree on copy / not copy for ${(agree * 100).toFixed(1)}% of reports.`,
    `For context on the same stream: full \`StoryIndex.add\` ${rps(docs.length, storyIndexSeconds)} reports/s; \`normalizeReport\` ${rps(docs.length, normalizeSeconds)} reports/s.`,
    `Measured ${new Date().toISOString().slice(0, 10)} on the project machine (2 cores, shared with other work: absolute numbers vary run to run).`,
  ];
  const section = `${BENCH_START}\n${lines.join('\n')}\n${BENCH_END}`;
  console.log(lines.join('\n'));
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Story dedupe\n\n${BENCH_START}\n${BENCH_END}\n`;
  const s = doc.indexOf(BENCH_START);
  const e = doc.indexOf(BENCH_END);
  writeFileSync(DOC, s >= 0 && e > s ? doc.slice(0, s) + section + doc.slice(e + BENCH_END.length) : `${doc}\n${section}\n`);
}

main();
