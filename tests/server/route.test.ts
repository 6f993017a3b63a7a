import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { competencyIds } from '../../shared/competencies.ts';
import { instrumentById } from '../../shared/content/index.ts';
import { teacherWithToken } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the teacher’s route (ИОМ)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  const items = (teacherId: number) => t.db.prepare('SELECT * FROM route_items WHERE teacher_id = ? ORDER BY id').all(teacherId);

  it('is seeded once from the recommendations, then the teacher moves items on', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1);
    const [first, second] = await Promise.all([t.json('GET', '/api/v1/me/route', undefined, token), t.json('GET', '/api/v1/me/route', undefined, token)]);
    expect(first.status).toBe(200);
    const route = await bodyOf(first);
    expect(await bodyOf(second)).toEqual(route);
    // No diagnostics yet: every competency asks for one.
    expect(route.items.map((item: { competency: string }) => item.competency).sort()).toEqual([...competencyIds].sort());
    expect(route.items[0]).toMatchObject({ kind: 'selfEducation', status: 'suggested', plannedDate: null, reason: expect.stringMatching(/диагностику/) });
    expect(items(teacherId)).toHaveLength(competencyIds.length);

    const id = route.items[0].id;
    const accepted = await t.json('PUT', `/api/v1/me/route/items/${id}`, { status: 'accepted', plannedDate: '2027-01-20' }, token);
    expect(accepted.status).toBe(200);
    expect(await bodyOf(accepted)).toMatchObject({ id, status: 'accepted', plannedDate: '2027-01-20' });
    // Omitting the date keeps it; null clears it.
    expect(await bodyOf(await t.json('PUT', `/api/v1/me/route/items/${id}`, { status: 'postponed' }, token))).toMatchObject({
      status: 'postponed',
      plannedDate: '2027-01-20',
    });
    expect(await bodyOf(await t.json('PUT', `/api/v1/me/route/items/${id}`, { status: 'done', plannedDate: null }, token))).toMatchObject({
      status: 'done',
      plannedDate: null,
    });

    // Reading again does not seed again.
    const again = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    expect(again.items).toHaveLength(competencyIds.length);
    expect(again.items.find((item: { id: string }) => item.id === id).status).toBe('done');
  });

  it('refuses another teacher’s item with 404 and changes nothing', async () => {
    const owner = teacherWithToken(t.db, 1);
    const stranger = teacherWithToken(t.db, 2);
    const route = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, owner.token));
    const id = route.items[0].id;
    await t.json('GET', '/api/v1/me/route', undefined, stranger.token);
    // An item only the owner has, as the route builder may add.
    t.db
      .prepare(
        `INSERT INTO route_items (id, teacher_id, competency, kind, reason, status, created_at, updated_at)
         VALUES ('mentor-owner', ?, 'methodical', 'mentoring', 'Наставник в школе', 'suggested', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
      )
      .run(owner.teacherId);
    const before = items(owner.teacherId);

    for (const target of ['mentor-owner', 'no-such-item']) {
      const response = await t.json('PUT', `/api/v1/me/route/items/${target}`, { status: 'accepted' }, stranger.token);
      expect(response.status).toBe(404);
      expect((await bodyOf(response)).error).toEqual({ code: 'route_item_not_found', message: expect.stringMatching(/нет/) });
    }
    // The stranger has items of the same name; changing theirs must not touch the owner's.
    expect((await t.json('PUT', `/api/v1/me/route/items/${id}`, { status: 'done' }, stranger.token)).status).toBe(200);
    expect(items(owner.teacherId)).toEqual(before);
    expect(t.db.prepare("SELECT count(*) AS n FROM route_items WHERE teacher_id = ? AND status = 'done'").get(stranger.teacherId)).toEqual({ n: 1 });
  });

  it('refuses malformed updates with a sentence', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1);
    const id = (await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token))).items[0].id;
    const before = items(teacherId);
    for (const body of [
      { status: 'suggested' },
      { status: 'accepted', plannedDate: '20.01.2027' },
      { status: 'accepted', plannedDate: 20270120 },
      { status: 'accepted', extra: true },
      'accepted',
    ]) {
      const response = await t.json('PUT', `/api/v1/me/route/items/${id}`, body, token);
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).error.message).toMatch(/[а-яё]/i);
    }
    expect((await t.json('PUT', `/api/v1/me/route/items/${id}`, undefined, token)).status).toBe(415);
    expect((await t.json('GET', '/api/v1/me/route')).status).toBe(401);
    expect(items(teacherId)).toEqual(before);
  });

  it('after a weak self-diagnostic, recommends courses from the catalogue for the deficits, with mentoring for a high one', async () => {
    const { token } = teacherWithToken(t.db, 1);
    const selfAssessment = instrumentById('selfAssessment')!;
    const answers = Object.fromEntries(selfAssessment.items.map((item) => [item.id, item.kind === 'likert' && item.reverse ? 5 : 1]));
    const sent = await t.json(
      'POST',
      '/api/v1/attempts',
      { id: randomUUID(), instrumentId: selfAssessment.id, instrumentVersion: selfAssessment.version, answers, completedAt: new Date().toISOString() },
      token,
    );
    expect(sent.status).toBe(201);

    const { items } = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    const methodical = items.filter((item: { competency: string }) => item.competency === 'methodical');
    expect(methodical.map((item: { kind: string }) => item.kind)).toEqual(expect.arrayContaining(['course', 'mentoring']));
    const course = methodical.find((item: { kind: string }) => item.kind === 'course');
    expect(course.programId).toEqual(expect.any(String));
    expect(course.reason).toMatch(/дефицит/);
    // Every competency has at least one item: no deficit is left without a recommendation.
    expect(new Set(items.map((item: { competency: string }) => item.competency))).toEqual(new Set(competencyIds));
  });
});
