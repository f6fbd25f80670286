import { describe, expect, it } from 'vitest';
import { bearerToken, cookieValue, DashboardAuth } from './auth.ts';

describe('DashboardAuth', () => {
  it('knows tokens by name, including tokens with colons, and nothing else', () => {
    const auth = new DashboardAuth(['ana:t1', 'ops:a:b:c', 'broken', ':nameless', 'empty:'], 60_000);
    expect(auth.operatorOfToken('t1')).toEqual({ name: 'ana' });
    expect(auth.operatorOfToken('a:b:c')).toEqual({ name: 'ops' });
    expect(auth.operatorOfToken('nameless')).toBeNull();
    expect(auth.operatorOfToken('')).toBeNull();
    expect(auth.operatorOfToken(undefined)).toBeNull();
    expect(auth.operatorOfToken('dev-token')).toBeNull();
  });

  it('keeps a login session until it expires or ends', () => {
    let now = 1_000;
    const auth = new DashboardAuth(['ana:t1'], 10_000, () => now);
    const session = auth.startSession({ name: 'ana' });
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(session.maxAgeSeconds).toBe(10);
    expect(auth.operatorOfSession(session.id)).toEqual({ name: 'ana' });
    expect(auth.operatorOfSession('forged')).toBeNull();
    now += 10_000;
    expect(auth.operatorOfSession(session.id)).toBeNull();
    const again = auth.startSession({ name: 'ana' });
    auth.endSession(again.id);
    expect(auth.operatorOfSession(again.id)).toBeNull();
  });

  it('reads cookies and bearer tokens from headers', () => {
    expect(cookieValue('a=1; ww_session=abc%20d; b=2', 'ww_session')).toBe('abc d');
    expect(cookieValue('xww_session=1', 'ww_session')).toBeUndefined();
    expect(cookieValue(undefined, 'ww_session')).toBeUndefined();
    expect(bearerToken('Bearer  tok ')).toBe('tok');
    expect(bearerToken('Basic tok')).toBeUndefined();
  });
});
