import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoResults } from '../../../server/features/demo/results.ts';
import { seedDemo } from '../../../server/features/demo/seed.ts';
import { dashboardData } from '../../../server/features/staff-reports/store/dashboard.ts';
import { effectivenessPageData } from '../../../server/features/staff-reports/pages.ts';
import { currentPeriod } from '../../../server/features/aggregates/period.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { emptyDatabase } from '../../helpers/reports.ts';

describe('the demo’s results for the report pages', () => {
  let db: Db;
  let dispose: () => void;
  beforeAll(async () => {
    ({ db, dispose } = emptyDatabase());
    await seedDemo(db);
    seedDemoResults(db);
  });
  afterAll(() => dispose());

  it('gives the running year’s dashboard numbers that are large enough to show, and growth against last year', () => {
    const data = dashboardData(db, { period: currentPeriod(), minGroup: 5 });
    expect(data.participation.values.diagnosed).toBeGreaterThanOrEqual(5);
    expect(data.competencies).toHaveLength(5);
    expect(data.competencies.some((row) => row.values.deficitShare !== null)).toBe(true);
    expect(data.growth.some((row) => typeof row.values.growth === 'number')).toBe(true);
    // The first named teacher is left without results, to take the first diagnostic in the demo journal.
    expect(db.prepare('SELECT count(*) AS n FROM attempts WHERE teacher_id = (SELECT min(id) FROM teachers)').get()).toEqual({ n: 0 });
  });

  it('has a completed programme with enough completers and feedback to compare', () => {
    const [previous] = dashboardData(db, { period: currentPeriod(), minGroup: 5 }).previousPeriod.split(' ');
    const rows = effectivenessPageData(db, { period: previous!, minGroup: 5 }).programs.rows;
    const row = rows.find((r) => r.values.programId === 'formative-assessment')!;
    expect(row.values.completers as number).toBeGreaterThanOrEqual(5);
    expect(typeof row.values.completersGrowth).toBe('number');
  });
});
