import { describe, expect, it } from 'vitest';
import { mean, percent, withSuppression } from './summary.ts';

describe('shares and means', () => {
  it('rounds a share to one decimal of a percent, and has none of nobody', () => {
    expect([percent(1, 3), percent(2, 3), percent(5, 5), percent(0, 7)]).toEqual([33.3, 66.7, 100, 0]);
    expect(percent(0, 0)).toBeNull();
  });

  it('rounds a mean score to one decimal, and has none when nobody was scored', () => {
    expect([mean(205, 3), mean(150, 2), mean(0, 4)]).toEqual([68.3, 75, 0]);
    expect(mean(0, 0)).toBeNull();
  });
});

describe('a row with suppression', () => {
  const derived = { deficitShare: ['deficit', 'scored'], meanScore: ['scored'] };
  const values = { school: 'Школа № 2', scored: 12, deficit: 2, deficitShare: 16.7, meanScore: 71.4 };

  it('nulls the suppressed counts and every value computed from them, and names them', () => {
    const row = withSuppression(values, new Set(['deficit']), derived);
    expect(row).toEqual({
      values: { school: 'Школа № 2', scored: 12, deficit: null, deficitShare: null, meanScore: 71.4 },
      suppressed: ['deficit', 'deficitShare'],
    });
    expect(values.deficit).toBe(2);
  });

  it('names only columns the row has: a hidden count is never shown, so never listed', () => {
    expect(withSuppression(values, new Set(['noDeficit']), derived)).toEqual({ values, suppressed: [] });
  });
});
