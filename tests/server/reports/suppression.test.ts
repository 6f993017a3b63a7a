import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deficitSuppression, deficitsSummary } from '../../../server/features/summaries/store/deficits.ts';
import { participationSummary } from '../../../server/features/summaries/store/participation.ts';
import type { SummaryRow } from '../../../server/features/summaries/summary.ts';
import { type CountRow, type SuppressionSpec, suppressGroup } from '../../../server/features/summaries/suppression.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { eachSmallRepublic } from './fixture.ts';

const period = '2025-2026';

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
      fc.property(fc.array(deficitRow, { minLength: 1, maxLength: 8 }), fc.integer({ min: 3, max: 6 }), (rows, minGroup) => {
        const suppressed = suppressGroup(rows, deficitSuppression, minGroup);
        const known = recoverable(rows, deficitSuppression, suppressed);
        rows.forEach((row, r) => {
          for (const key of [...deficitSuppression.published, ...deficitSuppression.hidden!]) {
            const value = row[key as keyof typeof row];
            // A one-row group's total is the row itself: the level above suppresses it the same way.
            if (value > 0 && value < minGroup && rows.length > 1) expect(known.has(`${r}:${key}`), `${key}=${value} in row ${r}`).toBe(false);
            if (value > 0 && value < minGroup && rows.length === 1 && deficitSuppression.published.includes(key)) expect(suppressed[r]!.has(key)).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('shows everything when every count is 0 or at least K', () => {
    const rows = [
      { scored: 10, deficit: 5, highDeficit: 0, moderateDeficit: 5, noDeficit: 5 },
      { scored: 7, deficit: 0, highDeficit: 0, moderateDeficit: 0, noDeficit: 7 },
    ];
    expect(suppressGroup(rows, deficitSuppression, 5).map((s) => [...s])).toEqual([[], []]);
  });

  describe('on the summaries', () => {
    let db: Db;
    eachSmallRepublic((fresh) => (db = fresh));
    const rowsOf = (summary: { rows: Iterable<SummaryRow> }) => [...summary.rows];

    it('defeats subtracting the shown schools from the municipality total', () => {
      const minGroup = 3;
      const municipalities = rowsOf(deficitsSummary(db, { period, by: 'municipality', minGroup }));
      const schools = rowsOf(deficitsSummary(db, { period, by: 'school', minGroup }));
      // Школа № 2 has 2 teachers with a result: hidden. Школа № 1 (6) is hidden with it, or 6 = total − 2 would give it away.
      const north = schools.filter((row) => row.values.municipality === 'Северный район');
      expect(north.map((row) => row.values.scored)).toEqual([null, null]);
      expect(north.every((row) => row.suppressed.includes('scored'))).toBe(true);
      // Both municipalities have 2 teachers at умеренный: hidden. In Северный район 2 = deficit − high, so its high
      // (3) goes; then Южный район's high (0) goes too, or the republic's high (3) minus it would give Северный's.
      // Южный район's deficit (2) goes, and with it Северный's, or the republic's 7 minus it would give 2.
      const south = municipalities.find((row) => row.values.municipality === 'Южный район')!;
      const north2 = municipalities.find((row) => row.values.municipality === 'Северный район')!;
      expect(south.values).toMatchObject({ scored: 5, deficit: null, highDeficit: null, moderateDeficit: null, deficitShare: null, meanScore: 82.8 });
      expect(north2.values).toMatchObject({ scored: 8, deficit: null, highDeficit: null, moderateDeficit: null, deficitShare: null, meanScore: 68.8 });
      const republic = rowsOf(deficitsSummary(db, { period, by: 'competency', minGroup }))[0]!;
      expect(republic.values).toMatchObject({ scored: 13, deficit: 7, highDeficit: 3, moderateDeficit: 4 });
    });

    it('hides small schools at the default K = 5 and keeps no share or mean that would give a count away', () => {
      const rows = rowsOf(participationSummary(db, { period, by: 'school', minGroup: 5 }));
      const small = rows.find((row) => row.values.school === 'Школа № 2')!;
      expect(small.values).toMatchObject({ roster: null, diagnosed: null, diagnosedShare: null });
      // Школа № 1 (roster 6) is the only other school of the municipality: hidden as well.
      expect(rows.find((row) => row.values.school === 'Школа № 1')!.values.roster).toBeNull();
      for (const row of rowsOf(deficitsSummary(db, { period, by: 'school', minGroup: 5 }))) {
        if (row.values.scored === null) expect(row.values.meanScore).toBeNull();
        if (row.values.deficit === null) expect(row.values.deficitShare).toBeNull();
      }
    });
  });
});
