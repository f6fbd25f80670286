import { describe, expect, it } from 'vitest';
import { acknowledge, applyMatch, newAlert, nextEvent, nextNotification, notificationFor, resolve } from './lifecycle.ts';
import type { AlertMatch } from './types.ts';

const match = (over: Partial<AlertMatch> = {}): AlertMatch => ({
  ruleId: 'foreign-troops', key: 'actor=PRK,conflict=RUS-UKR', severity: 'medium', status: 'hedged', evidenceId: 'r_1@1',
  reportIds: ['r_1'], storyIds: ['st-1'], syndicated: false, independentSources: 1, headline: 'h', publishedAt: '',
  evidence: [{ reportId: 'r_1', storyId: 'st-1', source: 'a', sentence: 'North Korea allegedly sent troops.', assertion: 'alleged' }],
  reasons: ['r'], ...over,
});

describe('alert lifecycle transitions', () => {
  it('ignores repeats and syndicated copies, takes in independent evidence, raises severity', () => {
    const s = newAlert('alert:x#1', 'alert:x', match());
    expect(applyMatch(s, match())).toBe('repeat');
    expect(applyMatch(s, match({ evidenceId: 'r_2@1', reportIds: ['r_2'], syndicated: true }))).toBe('syndicated-copy');
    expect(applyMatch(s, match({ evidenceId: 'r_3@1', reportIds: ['r_3'], syndicated: true }))).toBe('syndicated-copy');
    expect(s).toMatchObject({ matches: 1, syndicatedCopies: 2, reportIds: ['r_1'] });
    const rewrite = match({ evidenceId: 'r_4@1', reportIds: ['r_4'], independentSources: 2, evidence: [{ reportId: 'r_4', storyId: 'st-1', source: 'b', sentence: 'Pyongyang sent soldiers.', assertion: 'alleged' }] });
    expect(applyMatch(s, rewrite)).toBe('evidence');
    expect(s).toMatchObject({ matches: 2, independentSources: 2, reportIds: ['r_1', 'r_4'] });
    expect(s.evidence.map((e) => e.sentence)).toEqual(['North Korea allegedly sent troops.', 'Pyongyang sent soldiers.']);
    expect(applyMatch(s, match({ evidenceId: 'r_5@1', storyIds: ['st-2'], severity: 'high', status: 'asserted' }))).toBe('escalated');
    expect(s).toMatchObject({ severity: 'high', evidenceStatus: 'asserted', storyIds: ['st-1', 'st-2'] });
    expect(notificationFor('escalated')).toBe('escalated');
    expect(notificationFor('syndicated-copy')).toBeNull();
  });

  it('acknowledges once, resolves once, and counts matches after resolution without reopening', () => {
    const s = newAlert('a#1', 'a', match());
    expect(acknowledge(s, 'ops')).toBe(true);
    expect(acknowledge(s, 'ops')).toBe(false);
    expect(resolve(s, 'ops', 'handled')).toBe(true);
    expect(resolve(s, 'ops', 'again')).toBe(false);
    expect(applyMatch(s, match({ evidenceId: 'r_9@1', storyIds: ['st-9'] }))).toBe('after-resolve');
    expect(s).toMatchObject({ status: 'resolved', suppressed: 1, acknowledgedBy: 'ops', resolvedBy: 'ops', resolution: 'handled' });
  });

  it('numbers notifications and events; idempotency keys derive from the alert id and sequence', () => {
    const s = newAlert('alert:x#abc', 'alert:x', match());
    expect(nextNotification(s, 'opened')).toMatchObject({ idempotencyKey: 'alert:x#abc:n1', sequence: 1, kind: 'opened' });
    expect(nextNotification(s, 'renotify').idempotencyKey).toBe('alert:x#abc:n2');
    expect(nextEvent(s, 'opened')).toMatchObject({ alert_id: 'alert:x#abc', seq: 1, event: 'opened', status: 'open' });
    expect(nextEvent(s, 'notified', { notificationSeq: 2 })).toMatchObject({ seq: 2, notification_seq: 2 });
  });
});
