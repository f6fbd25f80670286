import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A person or tool allowed into the dashboard, named by its DASHBOARD_TOKENS entry. */
export interface Operator {
  name: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Dashboard access: bearer tokens from DASHBOARD_TOKENS (`name:token` pairs) for the API, and login
 * sessions (an HttpOnly cookie holding a random id) for the browser. Ingest tokens are a separate list
 * and open nothing here.
 */
export class DashboardAuth {
  private readonly tokens: { name: string; digest: Buffer }[];
  private readonly sessions = new Map<string, { operator: Operator; expiresAt: number }>();

  constructor(
    pairs: readonly string[],
    private readonly sessionMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = pairs.flatMap((pair) => {
      const at = pair.indexOf(':');
      // A token may itself contain colons; an entry without a name or token is ignored.
      if (at <= 0 || at === pair.length - 1) return [];
      return [{ name: pair.slice(0, at), digest: digest(pair.slice(at + 1)) }];
    });
  }

  /** The operator a token belongs to. Compares digests in constant time so timing does not leak tokens. */
  operatorOfToken(token: string | undefined): Operator | null {
    if (!token) return null;
    const d = digest(token);
    for (const t of this.tokens) if (timingSafeEqual(d, t.digest)) return { name: t.name };
    return null;
  }

  startSession(operator: Operator): { id: string; maxAgeSeconds: number } {
    this.dropExpired();
    const id = randomBytes(32).toString('hex');
    this.sessions.set(id, { operator, expiresAt: this.now() + this.sessionMs });
    return { id, maxAgeSeconds: Math.floor(this.sessionMs / 1000) };
  }

  operatorOfSession(id: string | undefined): Operator | null {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session.operator;
  }

  endSession(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}

export const SESSION_COOKIE = 'ww_session';

/** Reads one cookie from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1]?.trim();
}
