import { createHash, timingSafeEqual } from 'node:crypto';

/** API tokens by name, from INGEST_TOKENS (`name:token` pairs). Removing a pair from config revokes it. */
export class TokenRegistry {
  private readonly tokens: { name: string; digest: Buffer }[];

  constructor(pairs: readonly string[]) {
    this.tokens = pairs.map((pair) => {
      const colon = pair.indexOf(':');
      const name = pair.slice(0, colon).trim();
      const token = pair.slice(colon + 1).trim();
      if (colon <= 0 || name === '' || token === '')
        throw new Error(`INGEST_TOKENS: expected name:token, got "${pair.slice(0, 40)}"`);
      return { name, digest: digest(token) };
    });
  }

  /** The token's name for an `Authorization: Bearer <token>` header, or undefined when it is missing or unknown. */
  authenticate(header: string | undefined): string | undefined {
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) return undefined;
    const presented = digest(match[1]!);
    // Compare fixed-length digests in constant time, against every token, so timing reveals nothing.
    let found: string | undefined;
    for (const { name, digest: known } of this.tokens) if (timingSafeEqual(known, presented)) found ??= name;
    return found;
  }
}

const digest = (token: string): Buffer => createHash('sha256').update(token).digest();
