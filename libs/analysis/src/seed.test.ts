import { describe, expect, it } from 'vitest';
import { checkSeed } from '../eval/seed-checks.ts';

describe('the seed sample (read from the shared evaluation data)', () => {
  it('meets every acceptance check: PRK → RUS troops, 10,000, hedged, the summons, the score', () => {
    const { checks } = checkSeed();
    expect(checks.filter(([, ok]) => !ok).map(([name]) => name)).toEqual([]);
  });
});
