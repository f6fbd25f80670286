/**
 * Word hashes for the sentence scanners (classify, actor mentions, numbers): FNV-1a over a word's character
 * codes, taken while a scanner walks to the word's end, so a word that cannot match is passed over without
 * cutting it out of the sentence. Anything a hash lets through is checked against the word itself.
 */
import { FNV_OFFSET, FNV_PRIME } from './dedupe/hash.ts';

export const HASH_SEED = FNV_OFFSET | 0;

/** One FNV-1a step over a character code, case kept. */
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);

/** The hash of a whole word, case kept. */
export function hashWord(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/**
 * The map key of a word hash: its low 30 bits. V8 keeps integers of up to 31 bits (signed) unboxed,
 * and a Map or Set looks those up much faster than a boxed number; the few extra collisions are
 * settled by comparing the word, as all collisions are.
 */
export const hashKey = (hash: number): number => hash & 0x3fffffff;

/**
 * A filter over 32-bit word hashes that answers "certainly not in the set" with one typed-array
 * load: a bitmap of the hashes' low 16 bits. A few hundred or thousand hashes set a small share of
 * the 65,536 bits, so most words of a sentence are ruled out without a Map or Set lookup; the rest
 * go on to the exact lookup, which alone decides.
 */
export class HashBitmap {
  private readonly bits = new Uint32Array(2048);

  add(hash: number): void {
    const b = hash & 0xffff;
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  mayHave(hash: number): boolean {
    const b = hash & 0xffff;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}
