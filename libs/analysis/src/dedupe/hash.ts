/** 32-bit hashing used by dedupe: FNV-1a for strings, a murmur3 finaliser to spread bits. */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function fnv1a(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** murmur3's fmix32: every input bit affects every output bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A fixed pseudo-random sequence (splitmix32), so hash parameters are the same in every process. */
export function seededSequence(seed: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = mix32(state);
  }
  return out;
}

/** A 64-bit hex digest of `s` from two independent FNV-1a passes: stable ids without a crypto import. */
export function hex64(s: string): string {
  const a = mix32(fnv1a(s));
  const b = mix32(fnv1a(s, 0x9747b28c));
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
