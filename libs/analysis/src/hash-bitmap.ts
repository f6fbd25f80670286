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
