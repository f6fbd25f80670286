import { describe, expect, it } from 'vitest';
import { epochSeconds, parseContributions, parseRange, toSeries, windowOf } from './views.ts';

describe('dashboard views: shaping', () => {
  it('pivots hourly rows into aligned series, strongest first, with gaps as null', () => {
    const rows = [
      { bucket: '2026-11-20 06:00:00', actor: 'BLR', target: 'LTU', events: '2', max_score: 55 },
      { bucket: '2026-11-20 08:00:00', actor: 'BLR', target: 'LTU', events: '1', max_score: 40 },
      { bucket: '2026-11-20 07:00:00', actor: 'RUS', target: 'UKR', events: '3', max_score: 80 },
    ];
    const set = toSeries(rows, (r) => `${String(r.actor)} → ${String(r.target)}`);
    expect(set.x).toEqual([epochSeconds('2026-11-20 06:00:00'), epochSeconds('2026-11-20 07:00:00'), epochSeconds('2026-11-20 08:00:00')]);
    expect(set.series.map((s) => s.label)).toEqual(['RUS → UKR', 'BLR → LTU']);
    expect(set.series[1]).toMatchObject({ max_score: [55, null, 40], events: [2, null, 1], peak: 55 });
    expect(toSeries(rows, (r) => String(r.actor), 1).series).toHaveLength(1);
    expect(toSeries([], () => '')).toEqual({ x: [], series: [] });
  });

  it('reads score contributions defensively', () => {
    expect(parseContributions('[{"factor":"troops","points":12.5,"detail":"10000"},{"nope":1}]')).toEqual([
      { factor: 'troops', points: 12.5, detail: '10000' },
    ]);
    expect(parseContributions('not json')).toEqual([]);
    expect(parseContributions('{"factor":"x"}')).toEqual([]);
  });

  it('turns range names into windows ending a minute after now', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(windowOf('24h', now)).toEqual({ since: '2026-11-26T12:00:00.000Z', until: '2026-11-27T12:01:00.000Z' });
    expect(windowOf('all', now).since).toBe('1970-01-01T00:00:00.000Z');
    expect(parseRange('30d', '7d')).toBe('30d');
    expect(parseRange('constructor', '7d')).toBe('7d');
    expect(parseRange(undefined, '24h')).toBe('24h');
  });
});
