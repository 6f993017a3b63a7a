import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteItem, RouteResponse } from '../../shared/api/route.ts';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { sendSitting } from '../helpers/diagnostics.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { routeIsStale, settleRoute } from '../../server/features/route/rebuild.ts';
import { routeView } from '../../server/features/route/view.ts';
import { catalogueDay } from '../../shared/run-dates.ts';

/**
 * The panel's reads keep what every teacher reads alike (issue 19): the catalogue's answer for a teacher
 * without a sign-up on the page is written once a kept page (catalogue/api.ts), the ИОМ's programmes come
 * from the kept listing (findListedProgram). Whatever changes what a teacher sees must show at her next read.
 */
describe('the panel’s reads after a change', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  const read = async (path: string, token: string) => {
    const response = await t.json('GET', path, undefined, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return response.text();
  };
  const programs = async (token: string) => JSON.parse(await read('/api/v1/programs?limit=100', token));
  const signUp = async (token: string, programId: string, runId: string) => {
    const response = await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: uuid(), runId }, token);
    expect(response.status).toBe(201);
  };
  // biome-ignore lint/suspicious/noExplicitAny: the answer is read loosely, as bodyOf gives it.
  const runOf = (body: any, programId: string) => body.items.find((item: { id: string }) => item.id === programId)?.runs[0];

  it('«Курсы»: two teachers read the same answer until one signs up; then each sees her own, and a new programme shows to both', async () => {
    const anna = teacherWithToken(t.db, 1);
    const olga = teacherWithToken(t.db, 2);
    const { programId, runId } = addProgram(t.db, 'fresh', 2);

    const [first, second] = [await read('/api/v1/programs?limit=100', anna.token), await read('/api/v1/programs?limit=100', olga.token)];
    expect(second).toBe(first);
    expect(runOf(JSON.parse(first), programId)).toMatchObject({ seatsTaken: 0, myEnrollment: null });

    await signUp(anna.token, programId, runId);
    expect(runOf(await programs(anna.token), programId)).toMatchObject({ seatsTaken: 1, myEnrollment: { status: 'confirmed' } });
    expect(runOf(await programs(olga.token), programId)).toMatchObject({ seatsTaken: 1, myEnrollment: null });

    addProgram(t.db, 'later', 5);
    for (const token of [anna.token, olga.token]) expect(runOf(await programs(token), 'later')).toMatchObject({ seats: 5, myEnrollment: null });
  });

  it('«Маршрут»: a built ИОМ shows its programme’s new title and the seats another teacher took, without being rebuilt', async () => {
    const { token } = teacherWithToken(t.db, 1);
    const other = teacherWithToken(t.db, 2);
    await sendSitting(t, token, 'selfAssessment', 'weak');
    const before: RouteResponse = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    const course = before.items.find((item: RouteItem) => item.kind === 'course' && item.retired === null && item.course?.seatsLeft)!;
    expect(course).toBeDefined();

    t.db.prepare('UPDATE programs SET title = ? WHERE id = ?').run('Курс под новым названием', course.programId);
    await signUp(other.token, course.programId!, course.runId!);

    const after: RouteResponse = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    expect(after.version).toBe(before.version);
    const now = after.items.find((item) => item.id === course.id)!;
    expect(now.course).toMatchObject({ title: 'Курс под новым названием', seatsLeft: course.course!.seatsLeft! - 1, enrollment: null });
  });

  it('«Маршрут»: a route built on an earlier day is read as it is until a run starts, then rebuilt without the run that started', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1);
    await sendSitting(t, token, 'selfAssessment', 'weak');
    const built: RouteResponse = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    const today = catalogueDay(new Date());
    const firstStart = (t.db.prepare('SELECT min(start_date) AS start FROM program_runs WHERE start_date >= ?').get(today) as { start: string }).start;
    expect(firstStart > today).toBe(true);
    expect(built.items.some((item) => item.kind === 'course' && item.retired === null)).toBe(true);

    // The day the catalogue's next run starts: no run has started since the route was built, so it is read as it is.
    const quietDay = new Date(`${firstStart}T12:00:00Z`);
    expect(routeIsStale(t.db, teacherId, quietDay)).toBeNull();
    expect(routeView(t.db, teacherId, { includePrivate: true }, settleRoute(t.db, teacherId, quietDay))).toEqual(built);

    // The day after it started: the route is rebuilt, and no suggestion offers a run that has started.
    const dayAfter = new Date(`${catalogueDay(quietDay, 1)}T12:00:00Z`);
    expect(routeIsStale(t.db, teacherId, dayAfter)).toBe('catalogue');
    const rebuilt = routeView(t.db, teacherId, { includePrivate: true }, settleRoute(t.db, teacherId, dayAfter));
    expect(rebuilt.builtAt).not.toBe(built.builtAt);
    for (const item of rebuilt.items.filter((i) => i.kind === 'course' && i.retired === null)) expect(item.course!.start! >= catalogueDay(dayAfter)).toBe(true);
  });

  it('«Профиль»: a new sitting shows at the next read', async () => {
    const { token } = teacherWithToken(t.db, 1);
    await sendSitting(t, token, 'selfAssessment', 'weak');
    const weak = JSON.parse(await read('/api/v1/me/profile', token));
    expect(weak.profile.deficits.length).toBeGreaterThan(0);

    await sendSitting(t, token, 'selfAssessment', 'strong', new Date(Date.now() + 60_000));
    const strong = JSON.parse(await read('/api/v1/me/profile', token));
    expect(strong.profile.deficits).toEqual([]);
    expect(Object.values(strong.growth.competencies).flat().length).toBeGreaterThan(0);
  });
});
