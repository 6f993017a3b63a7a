import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventEntry, MyEventSignUpEntry } from '../../shared/api/events.ts';
import type { RouteResponse } from '../../shared/api/route.ts';
import { catalogueDay } from '../../shared/run-dates.ts';
import type { Db } from '../../server/platform/database/database.ts';
import { insertTeacher } from '../../server/features/roster/store.ts';
import { redeemConnectionCode } from '../../server/platform/database/device-store.ts';
import { issueConnectionCode } from '../../server/features/connection/code-store.ts';
import { markAttendance, setCompetitionResult } from '../../server/features/events/store.ts';
import { teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { sendSitting } from '../helpers/diagnostics.ts';
import { addEvent } from '../helpers/events.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startTestServer } from '../helpers/test-server.ts';

const rows = (db: Db, eventId: string) =>
  db.prepare('SELECT id, status, queued_seq AS seq FROM event_sign_ups WHERE event_id = ? ORDER BY queued_seq').all(eventId) as {
    id: string;
    status: string;
    seq: number;
  }[];

type SignUpBody = { id: string; status: string; waitlistPosition: number | null };

/** 30 confirmed, 170 waitlisted at 1..170 in the order the server queued them. */
function expectThirtySeats(db: Db, eventId: string, responses: { status: number; body: SignUpBody }[]) {
  expect(responses.every((r) => r.status === 201)).toBe(true);
  const stored = rows(db, eventId);
  expect(stored).toHaveLength(200);
  expect(stored.slice(0, 30).every((r) => r.status === 'confirmed')).toBe(true);
  const waiting = stored.filter((r) => r.status === 'waitlisted');
  expect(waiting).toHaveLength(170);
  const positions = new Map(responses.map((r) => [r.body.id, r.body.waitlistPosition]));
  expect(waiting.map((r) => positions.get(r.id))).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
  expect(new Set(stored.map((r) => r.seq)).size).toBe(200);
}

describe('sign-ups for methodical events', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  const signUp = (token: string, eventId: string, body: Record<string, unknown>) => t.json('POST', `/api/v1/events/${eventId}/sign-ups`, body, token);
  const list = async (token: string, query = '') => (await bodyOf(await t.json('GET', `/api/v1/events${query}`, undefined, token))).items as EventEntry[];

  it('gives 30 seats to exactly 30 of 200 teachers signing up at once, the rest wait at 1..170', async () => {
    const eventId = addEvent(t.db, 'crowded', 30);
    const teachers = Array.from({ length: 200 }, (_, i) => teacherWithToken(t.db, i));
    const responses = await Promise.all(
      teachers.map(async ({ token }) => {
        const response = await signUp(token, eventId, { id: uuid() });
        return { status: response.status, body: (await bodyOf(response)) as SignUpBody };
      }),
    );
    expectThirtySeats(t.db, eventId, responses);
    const [event] = await list(teachers[199]!.token);
    expect(event).toMatchObject({ id: 'crowded', seats: 30, seatsTaken: 30, waitlisted: 170, mySignUp: { status: 'waitlisted', waitlistPosition: 170 } });
  });

  it('does the same against a real listening server, with requests truly interleaved', async () => {
    const server = await startTestServer();
    try {
      const eventId = addEvent(server.db, 'crowded', 30);
      const teachers = Array.from({ length: 200 }, (_, i) => teacherWithToken(server.db, i));
      const responses = await Promise.all(
        teachers.map(async ({ token }) => {
          const response = await fetch(`${server.url}/api/v1/events/${eventId}/sign-ups`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ id: uuid() }),
          });
          return { status: response.status, body: (await response.json()) as SignUpBody };
        }),
      );
      expectThirtySeats(server.db, eventId, responses);
    } finally {
      await server.dispose();
    }
  });

  it('moves the first waiting teacher up when a confirmed one cancels; stores one row for a retried id; refuses the id for another request', async () => {
    const eventId = addEvent(t.db, 'small', 2);
    const other = addEvent(t.db, 'other', 2);
    const teachers = Array.from({ length: 4 }, (_, i) => teacherWithToken(t.db, i));
    const ids: string[] = [];
    for (const { token } of teachers) {
      const id = uuid();
      ids.push(id);
      expect((await signUp(token, eventId, { id })).status).toBe(201);
    }
    expect(rows(t.db, eventId).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    // The outbox may send the same sign-up again and again: one row, the stored answer.
    const retries = await Promise.all(Array.from({ length: 20 }, () => signUp(teachers[3]!.token, eventId, { id: ids[3] })));
    expect(retries.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(rows(t.db, eventId)).toHaveLength(4);
    const reused = await signUp(teachers[3]!.token, other, { id: ids[3] });
    expect(reused.status).toBe(409);
    expect((await bodyOf(reused)).error.message).toMatch(/другими данными/);
    const twice = await signUp(teachers[3]!.token, eventId, { id: uuid() });
    expect((await bodyOf(twice)).error).toEqual({ code: 'already_signed_up', message: expect.stringMatching(/уже записаны.*в листе ожидания/) });

    const cancel = await t.json('DELETE', `/api/v1/event-sign-ups/${ids[0]}`, undefined, teachers[0]!.token);
    expect(await bodyOf(cancel)).toMatchObject({ id: ids[0], status: 'cancelled', waitlistPosition: null });
    expect(rows(t.db, eventId).map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted']);
    const event = (await list(teachers[3]!.token, '?kind=methodicalAssociation')).find((e) => e.id === 'small');
    expect(event?.mySignUp).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // Another teacher's sign-up is as unknown as a made-up one.
    const stranger = await t.json('DELETE', `/api/v1/event-sign-ups/${ids[1]}`, undefined, teachers[3]!.token);
    expect(stranger.status).toBe(404);
    expect(rows(t.db, eventId).map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted']);
  });

  it('lists and takes only the events meant for the teacher: her municipality or the republic, her subject, her experience', async () => {
    const math = teacherWithToken(t.db, 1);
    const young = insertTeacher(t.db, {
      municipality: 'Городской округ Белоозёрск',
      school: 'МБОУ «Тестовая школа»',
      lastName: 'Молодая',
      firstName: 'Тест',
      middleName: '',
      position: 'учитель',
      subjects: 'История; обществознание',
      experienceYears: 1,
    });
    addEvent(t.db, 'republic', 10, { kind: 'seminar', audienceSubject: '' });
    addEvent(t.db, 'own', 10, { municipality: 'Городской округ Белоозёрск', audienceSubject: 'Математика' });
    addEvent(t.db, 'history', 10, { audienceSubject: 'история' });
    addEvent(t.db, 'early', 10, { kind: 'consultation', topic: 'аттестация', audienceExperience: 'early' });
    t.db.prepare("INSERT INTO municipalities (name) VALUES ('Тестовый дальний район')").run();
    addEvent(t.db, 'elsewhere', 10, { municipality: 'Тестовый дальний район' });
    addEvent(t.db, 'past', 10, { start: catalogueDay(new Date(), -10), end: catalogueDay(new Date(), -3) });

    expect((await list(math.token)).map((e) => e.id).sort()).toEqual(['own', 'republic']);
    expect((await list(math.token, '?kind=seminar')).map((e) => e.id)).toEqual(['republic']);
    for (const [id, code] of [
      ['elsewhere', 'not_for_teacher'],
      ['history', 'not_for_teacher'],
      ['early', 'not_for_teacher'],
      ['past', 'event_ended'],
      ['nothing', 'event_not_found'],
    ] as const) {
      const refused = await signUp(math.token, id, { id: uuid() });
      expect((await bodyOf(refused)).error.code).toBe(code);
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM event_sign_ups').get()).toEqual({ n: 0 });
    const redeemed = redeemConnectionCode(t.db, issueConnectionCode(t.db, young), 'тест');
    if (!redeemed.ok) throw new Error('could not redeem');
    expect((await list(redeemed.token)).map((e) => e.id).sort()).toEqual(['early', 'history', 'republic']);

    // Bad input changes nothing, and says so in a sentence.
    const bad = await signUp(math.token, 'republic', { id: 'не-uuid' });
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).error.message).toMatch(/^[А-Я]/);
    expect((await t.json('GET', '/api/v1/events?kind=party', undefined, math.token)).status).toBe(400);
    expect(t.db.prepare('SELECT count(*) AS n FROM event_sign_ups').get()).toEqual({ n: 0 });
  });

  it('marks the МО item of her ИОМ done once she is marked present, and takes her rating only then', async () => {
    const { token } = teacherWithToken(t.db, 1);
    await sendSitting(t, token, 'selfAssessment', 'strong');
    const route: RouteResponse = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    const item = route.items.find((i) => i.kind === 'methodicalAssociation' && i.retired === null)!;
    expect(item.status).toBe('suggested');
    const eventId = addEvent(t.db, 'mo', 10);
    const competition = addEvent(t.db, 'contest', 10, { kind: 'competition', stage: 'муниципальный этап' });

    // An item of another kind does not fit the event.
    const course = route.items.find((i) => i.kind === 'competition')!;
    const wrong = await signUp(token, eventId, { id: uuid(), routeItemId: course.id });
    expect(wrong.status).toBe(422);

    const id = uuid();
    expect((await signUp(token, eventId, { id, routeItemId: item.id })).status).toBe(201);
    const afterSignUp: RouteResponse = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    expect(afterSignUp.items.find((i) => i.id === item.id)).toMatchObject({ status: 'accepted' });

    const early = await t.json('POST', `/api/v1/event-sign-ups/${id}/feedback`, { satisfied: 'yes', useful: 'partly', comment: '' }, token);
    expect(early.status).toBe(409);

    expect(markAttendance(t.db, id, true, 'methodist:metodist')).toEqual({ kind: 'marked', routeItemDone: item.id });
    const done: RouteResponse = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, token));
    expect(done.items.find((i) => i.id === item.id)).toMatchObject({ status: 'done' });
    // Once present, the sign-up cannot be cancelled; the rating is taken, and a second replaces it.
    expect((await t.json('DELETE', `/api/v1/event-sign-ups/${id}`, undefined, token)).status).toBe(409);
    const rated = await t.json(
      'POST',
      `/api/v1/event-sign-ups/${id}/feedback`,
      { satisfied: 'partly', useful: 'yes', comment: 'Полезный обмен опытом.' },
      token,
    );
    expect(await bodyOf(rated)).toMatchObject({ attended: true, feedback: { satisfied: 'partly', useful: 'yes', comment: 'Полезный обмен опытом.' } });
    await t.json('POST', `/api/v1/event-sign-ups/${id}/feedback`, { satisfied: 'yes', useful: 'yes', comment: '' }, token);
    const mine = (await bodyOf(await t.json('GET', '/api/v1/me/event-sign-ups', undefined, token))).items;
    expect(mine).toEqual([
      expect.objectContaining({ id, title: 'Заседание МО mo', attended: true, feedback: { satisfied: 'yes', useful: 'yes', comment: '' } }),
    ]);
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'event.attended'").get()).toEqual({ n: 1 });

    // A competition: signed up without the route, marked present, her first open «конкурс» item is done; then a result.
    const contestId = uuid();
    expect((await signUp(token, competition, { id: contestId })).status).toBe(201);
    expect(setCompetitionResult(t.db, contestId, 'laureate', 'admin:admin')).toEqual({ kind: 'notAttended' });
    expect(markAttendance(t.db, contestId, true, 'admin:admin')).toMatchObject({ kind: 'marked', routeItemDone: expect.stringContaining('competition') });
    expect(setCompetitionResult(t.db, contestId, 'laureate', 'admin:admin')).toEqual({ kind: 'saved' });
    expect(setCompetitionResult(t.db, id, 'winner', 'admin:admin')).toEqual({ kind: 'notCompetition' });
    const contest = (await bodyOf(await t.json('GET', '/api/v1/me/event-sign-ups', undefined, token))).items.find(
      (s: MyEventSignUpEntry) => s.id === contestId,
    );
    expect(contest).toMatchObject({ kind: 'competition', attended: true, result: 'laureate' });
  });

  it('does not mark present a teacher still waiting, or before the event begins', async () => {
    const eventId = addEvent(t.db, 'full', 1);
    const later = addEvent(t.db, 'later', 5, { start: catalogueDay(new Date(), 20), end: catalogueDay(new Date(), 20) });
    const [a, b] = [teacherWithToken(t.db, 1), teacherWithToken(t.db, 2)];
    const [first, second, third] = [uuid(), uuid(), uuid()];
    await signUp(a.token, eventId, { id: first });
    await signUp(b.token, eventId, { id: second });
    await signUp(a.token, later, { id: third });
    expect(markAttendance(t.db, second, true, 'test')).toEqual({ kind: 'notConfirmed' });
    expect(markAttendance(t.db, third, true, 'test')).toEqual({ kind: 'notStarted' });
    expect(t.db.prepare('SELECT count(*) AS n FROM event_sign_ups WHERE attended_at IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('gives up her places at events to come when she erases her data, and blanks the comment of her ratings', async () => {
    const soon = addEvent(t.db, 'soon', 1, { start: catalogueDay(new Date(), 3), end: catalogueDay(new Date(), 3) });
    const now = addEvent(t.db, 'now', 5);
    const [leaving, waiting] = [teacherWithToken(t.db, 1), teacherWithToken(t.db, 2)];
    const [held, queued, attendedId] = [uuid(), uuid(), uuid()];
    await signUp(leaving.token, soon, { id: held });
    await signUp(waiting.token, soon, { id: queued });
    await signUp(leaving.token, now, { id: attendedId });
    markAttendance(t.db, attendedId, true, 'test');
    await t.json('POST', `/api/v1/event-sign-ups/${attendedId}/feedback`, { satisfied: 'no', useful: 'no', comment: 'Иванова опоздала.' }, leaving.token);

    expect((await t.json('DELETE', '/api/v1/me', undefined, leaving.token)).status).toBeLessThan(300);
    expect(rows(t.db, soon).map((r) => r.status)).toEqual(['cancelled', 'confirmed']);
    const kept = t.db.prepare('SELECT attended_at IS NOT NULL AS a, feedback_json AS f FROM event_sign_ups WHERE id = ?').get(attendedId) as {
      a: number;
      f: string;
    };
    expect(kept.a).toBe(1);
    expect(JSON.parse(kept.f)).toEqual({ satisfied: 'no', useful: 'no', comment: '' });
  });
});
