/**
 * MinHash over word shingles, and the banding (LSH) keys that find near-identical texts without
 * comparing every pair. Used for syndication: the same wire copy run by another outlet.
 *
 * Tokens are maximal runs of ASCII letters and digits, or of non-ASCII letters, lower-cased; a
 * shingle is `shingleSize` consecutive tokens. Token hashes are computed in place (no substrings)
 * and each token is hashed once. `minhash` is classic MinHash (one multiply-add permutation per
 * value); `signatureOf` computes one-permutation MinHash (Li, Owen and Zhang 2012) with optimal
 * densification (Shrivastava 2017): each shingle hash lands in one of `numPerm` bins by its top bits
 * and only that bin keeps a minimum, so the cost per shingle is constant instead of `numPerm`
 * multiply-adds. Both estimate Jaccard similarity as the share of equal signature values.
 */
import { FNV_OFFSET, FNV_PRIME, mix32, seededSequence } from './hash.ts';

export interface MinHashParams {
  numPerm: number;
  shingleSize: number;
  /** Only the first shingles are hashed: copies share their lead, and cost stays bounded. */
  maxShingles: number;
}

/** 200 shingles cover the lead and first paragraphs (about 1.2 KB), which every copy reproduces. */
export const DEFAULT_MINHASH: MinHashParams = { numPerm: 64, shingleSize: 3, maxShingles: 200 };

const PERM_SEED = 0x5eed_0001;
const multipliersCache = new Map<number, { a: Uint32Array; b: Uint32Array }>();

function permutations(numPerm: number): { a: Uint32Array; b: Uint32Array } {
  let p = multipliersCache.get(numPerm);
  if (p === undefined) {
    const a = seededSequence(PERM_SEED, numPerm);
    for (let i = 0; i < numPerm; i++) a[i] = (a[i]! | 1) >>> 0;
    p = { a, b: seededSequence(PERM_SEED ^ 0xffff, numPerm) };
    multipliersCache.set(numPerm, p);
  }
  return p;
}


function isTokenChar(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // Non-ASCII: letters of any script; Latin-1 symbols and general/CJK punctuation split tokens.
  if (c <= 0xbf || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff20) return false;
  return true;
}

/** Token hashes of one text; reused across calls (signatures are computed one at a time). */
let tokenScratch = new Int32Array(1024);

/** Writes FNV-1a hashes of the lower-cased tokens of `text` (at most `max`) into tokenScratch; returns the count. */
function hashTokens(text: string, max: number): number {
  if (tokenScratch.length < max) tokenScratch = new Int32Array(max);
  const out = tokenScratch;
  let n = 0;
  let h = FNV_OFFSET;
  let inToken = false;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    let c = text.charCodeAt(i);
    if (isTokenChar(c)) {
      if (c >= 65 && c <= 90) c |= 0x20;
      h = Math.imul(h ^ c, FNV_PRIME);
      inToken = true;
    } else if (inToken) {
      out[n++] = h;
      if (n === max) return n;
      h = FNV_OFFSET;
      inToken = false;
    }
  }
  if (inToken && n < max) out[n++] = h;
  return n;
}

/** FNV-1a hashes of the lower-cased tokens of `text`, at most `max` of them. */
export function tokenHashes(text: string, max: number): number[] {
  const n = hashTokens(text, max);
  const out: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = tokenScratch[i]! >>> 0;
  return out;
}

/** The hash of the shingle of `k` tokens starting at `i` (fewer when the text is shorter). */
function shingleAt(tokens: Int32Array, i: number, k: number, n: number): number {
  let h = 0x2f9be6cc;
  for (let j = 0; j < k && i + j < n; j++) h = mix32(h ^ tokens[i + j]!) + j;
  return mix32(h);
}

/** Hashes of the `size`-token shingles of `text` (a text shorter than one shingle is one shingle). */
export function shingleHashes(text: string, params: MinHashParams = DEFAULT_MINHASH): number[] {
  const k = params.shingleSize;
  const n = hashTokens(text, params.maxShingles + k - 1);
  const out: number[] = [];
  if (n === 0) return out;
  const count = Math.max(1, n - k + 1);
  for (let i = 0; i < count; i++) out.push(shingleAt(tokenScratch, i, k, n));
  return out;
}

/** The MinHash signature of a set of shingle hashes; an empty set gives all 0xffffffff. */
export function minhash(shingles: readonly number[], numPerm = DEFAULT_MINHASH.numPerm): Uint32Array {
  const { a, b } = permutations(numPerm);
  const sig = new Uint32Array(numPerm).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < numPerm; i++) {
      const v = (Math.imul(x, a[i]!) + b[i]!) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

const EMPTY = 0xffffffff;
/** Densification probes: a fixed sequence per empty bin, the same in every process. */
const MAX_PROBES = 4096;

/**
 * One-permutation MinHash of `text`'s shingles (see the top of the file) into `out` (numPerm values).
 * Bin = the hash's position scaled to numPerm bins; value = the hash re-mixed, so value order does
 * not follow bin order. Empty bins copy the value of a non-empty bin chosen by a fixed probe
 * sequence of their own, so two texts with similar shingle sets fill them alike.
 */
export function signatureOf(text: string, params: MinHashParams, out: Uint32Array): Uint32Array {
  const numPerm = out.length;
  const k = params.shingleSize;
  out.fill(EMPTY);
  const n = hashTokens(text, params.maxShingles + k - 1);
  if (n === 0) return out;
  const count = Math.max(1, n - k + 1);
  const tokens = tokenScratch;
  for (let i = 0; i < count; i++) {
    // Inlined shingleAt: this loop is the hot path of syndication detection.
    let h = 0x2f9be6cc;
    for (let j = 0; j < k && i + j < n; j++) h = mix32(h ^ tokens[i + j]!) + j;
    h = mix32(h);
    const bin = Math.floor((h * numPerm) / 4294967296);
    const v = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    if (v < out[bin]!) out[bin] = v;
  }
  densify(out);
  return out;
}

/** Which bins had a value of their own before densification; reused across calls. */
let filledScratch = new Uint8Array(64);

function densify(sig: Uint32Array): void {
  const numPerm = sig.length;
  let empty = 0;
  for (let i = 0; i < numPerm; i++) if (sig[i] === EMPTY) empty++;
  if (empty === 0 || empty === numPerm) return;
  if (filledScratch.length < numPerm) filledScratch = new Uint8Array(numPerm);
  const filled = filledScratch;
  for (let i = 0; i < numPerm; i++) filled[i] = sig[i] === EMPTY ? 0 : 1;
  for (let i = 0; i < numPerm; i++) {
    if (filled[i] === 1) continue;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const j = Math.floor((mix32(Math.imul(i + 1, 0x9e3779b1) ^ probe) * numPerm) / 4294967296);
      if (filled[j] === 1) {
        sig[i] = sig[j]!;
        break;
      }
    }
  }
}
/** Estimated Jaccard similarity: the share of permutations whose minimum agrees. */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  const n = Math.min(x.length, y.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (x[i] === y[i]) same++;
  return same / n;
}

/**
 * estimateJaccard(x, y) when it is at least `min`, else -1; stops comparing as soon as too many
 * permutations disagree for the estimate to reach `min` (most pairs compared share little).
 */
export function jaccardIfAtLeast(x: Uint32Array, y: Uint32Array, min: number): number {
  const n = Math.min(x.length, y.length);
  if (n === 0) return 0 >= min ? 0 : -1;
  // The fewest agreeing permutations whose share reaches `min`, exactly as the division rounds.
  let need = Math.max(0, Math.ceil(min * n));
  while (need > 0 && (need - 1) / n >= min) need--;
  while (need <= n && need / n < min) need++;
  if (need > n) return -1;
  const allowedMisses = n - need;
  let misses = 0;
  for (let i = 0; i < n; i++) if (x[i] !== y[i] && ++misses > allowedMisses) return -1;
  return (n - misses) / n;
}

/** One key per band: a hash of the band's `rows` signature values, tagged with the band number. */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): number[] {
  const keys: number[] = [];
  for (let band = 0; band < bands; band++) {
    let h = mix32(band + 0x6a09e667);
    for (let r = 0; r < rows; r++) h = mix32(h ^ sig[band * rows + r]!);
    keys.push(h);
  }
  return keys;
}
