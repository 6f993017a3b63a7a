import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deficitSuppression } from './store/deficits.ts';
import { type CountRow, type SuppressionSpec, suppressGroup } from './suppression.ts';

/**
 * What a reader of the published numbers can work out: within a row through
 * its relations, and down a column against the group's total, which is
 * published one level up. Returns every cell (row:key) that a reader can
 * learn, repeating until nothing new is learnt.
 */
function recoverable(rows: CountRow[], spec: SuppressionSpec, suppressed: Set<string>[]): Set<string> {
  const known = new Set<string>();
  rows.forEach((_, r) => spec.published.forEach((key) => !suppressed[r]!.has(key) && known.add(`${r}:${key}`)));
  const keys = [...spec.published, ...(spec.hidden ?? [])];
  let learnt = true;
  while (learnt) {
    learnt = false;
    for (let r = 0; r < rows.length; r++) {
      for (const { total, parts } of spec.relations) {
        const unknown = [total, ...parts].filter((key) => !known.has(`${r}:${key}`));
        if (unknown.length === 1) {
          known.add(`${r}:${unknown[0]}`);
          learnt = true;
        }
      }
    }
    if (rows.length < 2) continue;
    for (const key of keys) {
      const unknown = rows.map((_, r) => r).filter((r) => !known.has(`${r}:${key}`));
      if (unknown.length === 1) {
        known.add(`${unknown[0]}:${key}`);
        learnt = true;
      }
    }
  }
  return known;
}

describe('small-cell suppression', () => {
  const count = fc.integer({ min: 0, max: 12 });
  const deficitRow = fc.record({ high: count, moderate: count, fine: count }).map(({ high, moderate, fine }) => ({
    scored: high + moderate + fine,
    deficit: high + moderate,
    highDeficit: high,
    moderateDeficit: moderate,
    noDeficit: fine,
  }));

  it('never lets a count of 1 to K−1 teachers be read or worked out, by row or against the total', () => {
    fc.assert(
      fc.property(fc.array(deficitRow, { minLength: 1, maxLength: 8 }), fc.integer({ min: 3, max: 6 }), (rows, k) => {
        const suppressed = suppressGroup(rows, deficitSuppression, k);
        const known = recoverable(rows, deficitSuppression, suppressed);
        rows.forEach((row, r) => {
          for (const key of [...deficitSuppression.published, ...deficitSuppression.hidden!]) {
            const value = row[key as keyof typeof row];
            // A one-row group's total is the row itself: the level above suppresses it the same way.
            if (value > 0 && value < k && rows.length > 1) expect(known.has(`${r}:${key}`), `${key}=${value} in row ${r}`).toBe(false);
            if (value > 0 && value < k && rows.length === 1 && deficitSuppression.published.includes(key)) expect(suppressed[r]!.has(key)).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('hides a small count, the cell that would give it back, and a small hidden count’s giveaway', () => {
    // high 2 < K: hidden. deficit = high + moderate would give it back, so moderate (the smaller) goes too.
    // Teachers without a deficit (4, not shown) = scored − deficit would be known: deficit goes as well.
    const row = { scored: 10, deficit: 6, highDeficit: 2, moderateDeficit: 4, noDeficit: 4 };
    expect([...suppressGroup([row], deficitSuppression, 5)[0]!].sort()).toEqual(['deficit', 'highDeficit', 'moderateDeficit']);
  });

  it('hides, down a column, the smallest other unit, so the group’s total does not give a small unit back', () => {
    const school = (scored: number, high: number) => ({ scored, deficit: high, highDeficit: high, moderateDeficit: 0, noDeficit: scored - high });
    const suppressed = suppressGroup([school(12, 6), school(2, 0), school(9, 5)], deficitSuppression, 3);
    expect(suppressed.map((keys) => [...keys])).toEqual([[], ['scored'], ['scored']]);
  });

  it('shows everything when every count is 0 or at least K', () => {
    const rows = [
      { scored: 10, deficit: 5, highDeficit: 0, moderateDeficit: 5, noDeficit: 5 },
      { scored: 7, deficit: 0, highDeficit: 0, moderateDeficit: 0, noDeficit: 7 },
    ];
    expect(suppressGroup(rows, deficitSuppression, 5).map((s) => [...s])).toEqual([[], []]);
  });
});
