import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/platform/config.ts';
import { currentPeriod } from '../../../server/features/aggregates/period.ts';
import { agreeRoute } from '../../../server/features/route/store.ts';
import { dashboardData } from '../../../server/features/staff-reports/store/dashboard.ts';
import { countRoutes } from '../../../server/features/summaries/store/route-counts.ts';
import type { RouteResponse } from '../../../shared/api/route.ts';
import { teacherWithToken } from '../../helpers/catalogue.ts';
import { sendSitting } from '../../helpers/diagnostics.ts';
import { bodyOf, createTestApp, type TestApp } from '../../helpers/test-app.ts';

const place = 'Тестовый муниципальный район';

/**
 * A municipality counted by hand, against the `routes` summary and «Обзор».
 * Six teachers, in the running учебный год:
 * - 1: weak, then strong self-assessment: 5 deficits at the first, 5 closed; ИОМ agreed;
 * - 2: weak only: 5 deficits, none closed; two items done (and a private one, not counted);
 * - 3: strong only: no deficit;
 * - 4: weak the year before, strong this year: no deficit at this year's first diagnostic;
 * - 5, 6: no diagnostic, no ИОМ.
 * So: roster 6, with a ИОМ 4, agreed 1, teachers with done items 1, items done 2,
 * deficits at the first diagnostic 10, closed 5.
 */
describe('the ИОМ summary and «Обзор»', () => {
  let t: TestApp;
  let municipalityId: number;
  const period = currentPeriod();
  const startYear = Number(period.slice(0, 4));
  const expected = { roster: 6, withRoute: 4, agreed: 1, teachersDone: 1, itemsDone: 2, deficitsAtFirst: 10, deficitsClosed: 5 };

  beforeEach(async () => {
    t = await createTestApp();
    const teachers = [1, 2, 3, 4, 5, 6].map((n) => teacherWithToken(t.db, 100 + n, place));
    municipalityId = (t.db.prepare('SELECT id FROM municipalities WHERE name = ?').get(place) as { id: number }).id;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const [one, two, three, four] = teachers as [(typeof teachers)[0], (typeof teachers)[0], (typeof teachers)[0], (typeof teachers)[0]];
    await sendSitting(t, one.token, 'selfAssessment', 'weak', ago(3));
    await sendSitting(t, one.token, 'selfAssessment', 'strong', ago(2));
    await sendSitting(t, two.token, 'selfAssessment', 'weak', ago(3));
    await sendSitting(t, two.token, 'burnoutScreening', 'weak', ago(2));
    await sendSitting(t, three.token, 'selfAssessment', 'strong', ago(3));
    await sendSitting(t, four.token, 'selfAssessment', 'weak', new Date(`${startYear}-03-01T09:00:00Z`));
    await sendSitting(t, four.token, 'selfAssessment', 'strong', ago(3));
    for (const teacher of [one, two, three, four]) await t.json('GET', '/api/v1/me/route', undefined, teacher.token);
    agreeRoute(t.db, one.teacherId, 'staff:metodist');
    const route: RouteResponse = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, two.token));
    const done = [...route.items.filter((item) => item.kind === 'mentoring').slice(0, 2), route.items.find((item) => item.private)!];
    expect(done.every(Boolean)).toBe(true);
    for (const item of done) {
      await t.json('PUT', `/api/v1/me/route/items/${item.id}`, { status: 'accepted' }, two.token);
      await t.json('PUT', `/api/v1/me/route/items/${item.id}`, { status: 'done' }, two.token);
    }
  });
  afterEach(() => t.dispose());

  it('counts what was counted by hand', () => {
    expect(countRoutes(t.db, { period, by: 'municipality', municipalityId })).toEqual([{ groupId: 0, municipality: place, ...expected }]);
    expect(countRoutes(t.db, { period, by: 'school', municipalityId })).toEqual([
      { groupId: municipalityId, municipality: place, school: 'МБОУ «Тестовая школа»', ...expected },
    ]);
  });

  it('the council’s summary and «Обзор» give the same figures', async () => {
    const withShares = { ...expected, routeShare: 66.7, agreedShare: 25, closedShare: 50 };
    const dataDir = t.dataDir;
    const open = createApp({ db: t.db, config: { ...loadConfig({}), dataDir, minGroup: 1 } });
    const response = await open.request(`/api/v1/reports/routes.json?period=${period}`, { headers: { authorization: `Bearer ${t.demo.councilToken}` } });
    expect(response.status).toBe(200);
    const summary = await bodyOf(response);
    expect(summary.rows.find((row: { municipality: string }) => row.municipality === place)).toEqual({
      period,
      municipality: place,
      ...withShares,
      suppressed: [],
    });
    const overview = dashboardData(t.db, { period, municipalityId, minGroup: 1 }).routes;
    expect(overview).toEqual({ values: { period, municipality: place, ...withShares }, suppressed: [] });
  });

  it('hides the small numbers, and what would give them away, in both', async () => {
    const response = await t.json('GET', `/api/v1/reports/routes.json?period=${period}&by=school`);
    expect(response.status).toBe(401);
    const summary = await bodyOf(
      await t.app.request(`/api/v1/reports/routes.json?period=${period}&by=school`, { headers: { authorization: `Bearer ${t.demo.councilToken}` } }),
    );
    const row = summary.rows.find((r: { school: string; municipality: string }) => r.municipality === place);
    const overview = dashboardData(t.db, { period, municipalityId, minGroup: 5 }).routes;
    for (const values of [row, overview.values]) {
      // 4 with a ИОМ (and so 2 without) and 1 agreed are not shown, nor their shares; whether the roster of 6 is
      // shown is the shared suppression's choice (it may hide it to protect the small «without» elsewhere).
      expect(values).toMatchObject({ withRoute: null, routeShare: null, agreed: null, agreedShare: null, teachersDone: null, itemsDone: null });
      expect([6, null]).toContain(values.roster);
      expect(values).toMatchObject({ deficitsAtFirst: 10, deficitsClosed: 5, closedShare: 50 });
    }
    expect(row.roster).toBe(overview.values.roster);
  });
});
