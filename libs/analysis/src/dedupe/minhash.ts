/**
 * MinHash over word shingles, and the banding (LSH) keys that find near-identical texts without
 * comparing every pair. Used for syndication: the same wire copy run by another outlet.
 *
 * Tokens are maximal runs of ASCII letters and digits, or of non-ASCII letters, lower-cased; a
 * shingle is `shingleSize` consecutive tokens. Token hashes are computed in place (no substrings),
 * and each of the `numPerm` permutations is a multiply-add over the 32-bit shingle hash: an odd
 * multiplier makes it a true permutation of the 32-bit space.
 */
import { mix32, seededSequence } from './hash.ts';

export interface MinHashParams {
  numPerm: number;
  shingleSize: number;
  /** Only the first shingles are hashed: copies share their lead, and cost stays bounded. */
  maxShingles: number;
}

export const DEFAULT_MINHASH: MinHashParams = { numPerm: 64, shingleSize: 3, maxShingles: 400 };

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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

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

/** FNV-1a hashes of the lower-cased tokens of `text`, at most `max` of them. */
export function tokenHashes(text: string, max: number): number[] {
  const out: number[] = [];
  let h = FNV_OFFSET;
  let inToken = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    let c = text.charCodeAt(i);
    if (isTokenChar(c)) {
      if (c >= 65 && c <= 90) c |= 0x20;
      h = Math.imul(h ^ c, FNV_PRIME);
      inToken = true;
    } else if (inToken) {
      out.push(h >>> 0);
      h = FNV_OFFSET;
      inToken = false;
    }
  }
  if (inToken && out.length < max) out.push(h >>> 0);
  return out;
}

/** Hashes of the `size`-token shingles of `text` (a text shorter than one shingle is one shingle). */
export function shingleHashes(text: string, params: MinHashParams = DEFAULT_MINHASH): number[] {
  const k = params.shingleSize;
  const tokens = tokenHashes(text, params.maxShingles + k - 1);
  const out: number[] = [];
  if (tokens.length === 0) return out;
  const count = Math.max(1, tokens.length - k + 1);
  for (let i = 0; i < count; i++) {
    let h = 0x2f9be6cc;
    for (let j = 0; j < k && i + j < tokens.length; j++) h = mix32(h ^ tokens[i + j]!) + j;
    out.push(mix32(h));
  }
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

/** Estimated Jaccard similarity: the share of permutations whose minimum agrees. */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  const n = Math.min(x.length, y.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (x[i] === y[i]) same++;
  return same / n;
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
