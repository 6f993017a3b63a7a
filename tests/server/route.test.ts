import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { competencyIds } from '../../shared/competencies.ts';
import type { RouteItem, RouteResponse } from '../../shared/api/route.ts';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { sendSitting } from '../helpers/diagnostics.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the teacher’s route (ИОМ)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  const route = async (token: string): Promise<RouteResponse> => bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
  const decide = (token: string, id: string, body: unknown) => t.json('PUT', `/api/v1/me/route/items/${encodeURIComponent(id)}`, body, token);
  const active = (r: RouteResponse) => r.items.filter((item) => item.retired === null);
  const versions = (teacherId: number) => (t.db.prepare('SELECT count(*) AS n FROM route_versions WHERE teacher_id = ?').get(teacherId) as { n: number }).n;
  const programTitles = () => (t.db.prepare('SELECT title FROM programs').all() as { title: string }[]).map((row) => row.title);

  it('walks a teacher from an empty route through a weak and a strong diagnosis, keeping her decisions', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1);

    // Before any diagnostic the route asks for one and holds nothing else.
    const empty = await route(token);
    expect(empty).toMatchObject({ diagnosed: false, items: [], agreement: { state: 'draft' } });

    // A weak self-assessment: course items for the deficits, naming real programmes of the catalogue.
    await sendSitting(t, token, 'selfAssessment', 'weak');
    const weak = await route(token);
    expect(weak.diagnosed).toBe(true);
    expect(weak.version).toBeGreaterThan(empty.version);
    const courses = active(weak).filter((item) => item.kind === 'course');
    expect(courses.length).toBeGreaterThan(0);
    for (const course of courses) {
      expect(programTitles()).toContain(course.course!.title);
      expect(course.description).toBe(course.course!.title);
      expect(course.course).toMatchObject({
        provider: expect.any(String),
        hours: expect.any(Number),
        start: expect.stringMatching(/^\d{4}-/),
        seatsLeft: expect.any(Number),
      });
      expect(course.reason).toMatch(/дефицит/);
    }
    // A high deficit brings mentoring, with a concrete description.
    const mentoring = active(weak).find((item) => item.kind === 'mentoring')!;
    expect(mentoring.description).toMatch(/наставник/);
    // No deficit is left without an item.
    expect(new Set(active(weak).map((item) => item.competency))).toEqual(new Set(competencyIds));

    // «Выполнено» only on an accepted item.
    const refused = await decide(token, courses[0]!.id, { status: 'done' });
    expect(refused.status).toBe(409);
    expect((await bodyOf(refused)).error.message).toMatch(/принят/);

    // Accept one course, postpone the mentoring with a planned month.
    const accepted = courses[0]!;
    expect((await decide(token, accepted.id, { status: 'accepted' })).status).toBe(200);
    const postponed = await decide(token, mentoring.id, { status: 'postponed', plannedMonth: '2027-02' });
    expect(await bodyOf(postponed)).toMatchObject({ status: 'postponed', plannedMonth: '2027-02' });
    const untouched = active(weak).filter((item) => item.id !== accepted.id && item.id !== mentoring.id);

    // A strong re-diagnosis.
    await sendSitting(t, token, 'selfAssessment', 'strong', new Date(Date.now() + 60_000));
    const strong = await route(token);
    expect(strong.version).toBeGreaterThan(weak.version);
    const byId = new Map(strong.items.map((item) => [item.id, item]));
    // The teacher's decisions stay.
    expect(byId.get(accepted.id)).toMatchObject({ status: 'accepted', retired: null });
    expect(byId.get(mentoring.id)).toMatchObject({ status: 'postponed', plannedMonth: '2027-02', retired: null });
    // The suggestions no deficit supports any more are retired, each with a reason the teacher can read.
    for (const item of untouched) {
      const now = byId.get(item.id)!;
      expect(now.status).toBe('suggested');
      expect(now.retired?.reason).toMatch(/дефицит по компетенции «.+» не выявлен \(\d+ из 100\): предложение снято/);
    }
    // Strengths now bring new suggestions: a methodical association and a competition for each competency.
    const kinds = active(strong)
      .filter((item) => item.status === 'suggested')
      .map((item) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['methodicalAssociation', 'competition']));
    expect(versions(teacherId)).toBe(3);

    // Reading again changes nothing: the route is computed when it changes, not on read.
    const again = await route(token);
    expect(again.version).toBe(strong.version);
    expect(versions(teacherId)).toBe(3);
  });

  it('rebuilds after an attempt without waiting for a read', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1);
    await route(token);
    await sendSitting(t, token, 'selfAssessment', 'weak');
    await expect.poll(() => versions(teacherId), { timeout: 5_000 }).toBe(2);
    expect(t.db.prepare('SELECT count(*) AS n FROM route_pending').get()).toEqual({ n: 0 });
  });

  it('follows the catalogue: a run that fills moves the suggestion to the waitlist; a new programme is offered', async () => {
    const { token } = teacherWithToken(t.db, 1);
    // The only digital programme for this test's municipality, with one seat.
    t.db.prepare("UPDATE programs SET archived = 1 WHERE competencies_json LIKE '%digital%'").run();
    addProgram(t.db, 'digital-one', 1, { competencies: ['digital'] });
    await sendSitting(t, token, 'selfAssessment', 'weak');
    const before = await route(token);
    const digital = active(before).find((item) => item.competency === 'digital' && item.kind === 'course')!;
    expect(digital).toMatchObject({ programId: 'digital-one', course: { seatsLeft: 1 } });

    // Another teacher takes the last seat.
    const other = teacherWithToken(t.db, 2);
    expect((await t.json('POST', '/api/v1/programs/digital-one/enrollments', { id: uuid(), runId: 'digital-one-1' }, other.token)).status).toBe(201);
    const full = await route(token);
    expect(full.version).toBeGreaterThan(before.version);
    const same = full.items.find((item) => item.id === digital.id)!;
    expect(same).toMatchObject({ retired: null, course: { seatsLeft: 0 } });
    expect(same.reason).toMatch(/лист ожидания/);

    // A new programme with an open run takes its place; the full one is retired with a reason.
    addProgram(t.db, 'digital-two', 30, { competencies: ['digital'] });
    const opened = await route(token);
    expect(active(opened).find((item) => item.competency === 'digital' && item.kind === 'course')?.programId).toBe('digital-two');
    expect(opened.items.find((item) => item.id === digital.id)?.retired?.reason).toMatch(/Программа больше не подходит/);
  });

  it('records the document of a course taken elsewhere on «Выполнено»', async () => {
    const { token } = teacherWithToken(t.db, 1);
    await sendSitting(t, token, 'selfAssessment', 'weak');
    const course = active(await route(token)).find((item) => item.kind === 'course')!;
    await decide(token, course.id, { status: 'accepted' });
    const evidence = { kind: 'certificate', number: 'УД-0457/26', provider: 'АНО ДПО «Педагогический университет»', hours: 36, date: '2026-11-20' };
    const bad = await decide(token, course.id, { status: 'done', evidence: { ...evidence, hours: 0 } });
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).error.message).toMatch(/час/);
    const done = await bodyOf(await decide(token, course.id, { status: 'done', evidence }));
    expect(done).toMatchObject({ status: 'done', evidence: { ...evidence, confirmedAt: null } });
  });

  it('refuses another teacher’s item with 404 and changes nothing', async () => {
    const owner = teacherWithToken(t.db, 1);
    const stranger = teacherWithToken(t.db, 2);
    await sendSitting(t, owner.token, 'selfAssessment', 'weak');
    const id = (await route(owner.token)).items[0]!.id;
    const before = t.db.prepare('SELECT * FROM route_items WHERE teacher_id = ?').all(owner.teacherId);
    await route(stranger.token);
    for (const target of [id, 'no-such-item']) {
      const response = await decide(stranger.token, target, { status: 'accepted' });
      expect(response.status).toBe(404);
      expect((await bodyOf(response)).error).toEqual({ code: 'route_item_not_found', message: expect.stringMatching(/нет/) });
    }
    expect(t.db.prepare('SELECT * FROM route_items WHERE teacher_id = ?').all(owner.teacherId)).toEqual(before);
  });

  it('refuses malformed updates with a sentence', async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1);
    await sendSitting(t, token, 'selfAssessment', 'weak');
    const id = (await route(token)).items[0]!.id;
    const before = t.db.prepare('SELECT * FROM route_items WHERE teacher_id = ?').all(teacherId);
    for (const body of [
      { status: 'suggested' },
      { status: 'accepted', plannedDate: '20.01.2027' },
      { status: 'accepted', plannedMonth: '2027-13' },
      { status: 'accepted', extra: true },
      {},
      'accepted',
    ]) {
      const response = await decide(token, id, body);
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).error.message).toMatch(/[а-яё]/i);
    }
    expect((await t.json('GET', '/api/v1/me/route')).status).toBe(401);
    expect(t.db.prepare('SELECT * FROM route_items WHERE teacher_id = ?').all(teacherId)).toEqual(before);
  });

  it('suggests burnout prevention privately after a high risk', async () => {
    const { token } = teacherWithToken(t.db, 1);
    await sendSitting(t, token, 'burnoutScreening', 'weak');
    const r = await route(token);
    const privateItem = r.items.find((item: RouteItem) => item.private)!;
    expect(privateItem).toMatchObject({ competency: 'wellbeing', kind: 'course', course: { title: 'Профилактика профессионального выгорания педагога' } });
    expect(privateItem.reason).toMatch(/видите только вы/);
  });
});
