import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPrograms } from '../../server/features/demo/catalogue.ts';
import type { Db } from '../../server/platform/database/database.ts';
import { getEnrollment, markEnrollmentCompleted } from '../../server/features/catalogue/enrollment-store.ts';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startTestServer } from '../helpers/test-server.ts';

const rows = (db: Db, runId: string) =>
  db.prepare('SELECT id, teacher_id AS teacherId, status, queued_seq AS seq FROM enrollments WHERE run_id = ? ORDER BY queued_seq').all(runId) as {
    id: string;
    teacherId: number;
    status: string;
    seq: number;
  }[];
/** Sign-ups other than the demo catalogue's own. */
const count = (db: Db) =>
  (
    db
      .prepare('SELECT count(*) AS n FROM enrollments e JOIN program_runs r ON r.id = e.run_id WHERE r.program_id NOT IN (SELECT value FROM json_each(?))')
      .get(JSON.stringify(demoPrograms.map((p) => p.id))) as { n: number }
  ).n;

/** 30 confirmed, 170 waitlisted at 1..170 in the order the server queued them. */
function expectThirtySeats(db: Db, runId: string, responses: { status: number; body: { id: string; status: string; waitlistPosition: number | null } }[]) {
  expect(responses.every((r) => r.status === 201)).toBe(true);
  const stored = rows(db, runId);
  expect(stored).toHaveLength(200);
  expect(stored.filter((r) => r.status === 'confirmed')).toHaveLength(30);
  const waiting = stored.filter((r) => r.status === 'waitlisted');
  expect(waiting).toHaveLength(170);
  // The first 30 in the queue hold the seats; everyone after waits.
  expect(stored.slice(0, 30).every((r) => r.status === 'confirmed')).toBe(true);
  const positions = new Map(responses.map((r) => [r.body.id, r.body.waitlistPosition]));
  expect(waiting.map((r) => positions.get(r.id))).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
  expect(new Set(stored.map((r) => r.seq)).size).toBe(200);
}

describe('sign-ups for programme runs', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('gives 30 seats to exactly 30 of 200 teachers signing up at once, the rest wait at 1..170', async () => {
    const { programId, runId } = addProgram(t.db, 'crowded', 30);
    const teachers = Array.from({ length: 200 }, (_, i) => teacherWithToken(t.db, i));
    const responses = await Promise.all(
      teachers.map(async ({ token }) => {
        const response = await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: uuid(), runId }, token);
        return { status: response.status, body: await bodyOf(response) };
      }),
    );
    expectThirtySeats(t.db, runId, responses);

    // The catalogue shows the seats and each teacher's own place.
    const list = await bodyOf(await t.json('GET', '/api/v1/programs?q=crowded', undefined, teachers[199]!.token));
    const run = list.items[0].runs[0];
    expect(run).toMatchObject({ seats: 30, seatsTaken: 30, waitlisted: 170 });
    expect(run.myEnrollment).toEqual({ id: expect.any(String), status: expect.any(String), waitlistPosition: expect.anything() });
  });

  it('does the same against a real listening server, with requests truly interleaved', async () => {
    const server = await startTestServer();
    try {
      const { programId, runId } = addProgram(server.db, 'crowded', 30);
      const teachers = Array.from({ length: 200 }, (_, i) => teacherWithToken(server.db, i));
      const responses = await Promise.all(
        teachers.map(async ({ token }) => {
          const response = await fetch(`${server.url}/api/v1/programs/${programId}/enrollments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ id: uuid(), runId }),
          });
          return { status: response.status, body: (await response.json()) as { id: string; status: string; waitlistPosition: number | null } };
        }),
      );
      expectThirtySeats(server.db, runId, responses);
    } finally {
      await server.dispose();
    }
  });

  it('moves exactly one waiting teacher up when a confirmed one cancels, and keeps the others in order', async () => {
    const { programId, runId } = addProgram(t.db, 'small', 2);
    const teachers = Array.from({ length: 5 }, (_, i) => teacherWithToken(t.db, i));
    const ids: string[] = [];
    for (const { token } of teachers) {
      const id = uuid();
      ids.push(id);
      expect((await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, token)).status).toBe(201);
    }
    expect(rows(t.db, runId).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);

    const cancel = await t.json('DELETE', `/api/v1/enrollments/${ids[0]}`, undefined, teachers[0]!.token);
    expect(cancel.status).toBe(200);
    expect(await bodyOf(cancel)).toEqual({ id: ids[0], programId, runId, status: 'cancelled', waitlistPosition: null });
    expect(rows(t.db, runId).map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    // Cancelling again is fine and promotes nobody.
    expect((await t.json('DELETE', `/api/v1/enrollments/${ids[0]}`, undefined, teachers[0]!.token)).status).toBe(200);
    expect(rows(t.db, runId).map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    // Leaving the waitlist moves the one behind up a place, without taking a seat.
    expect((await t.json('DELETE', `/api/v1/enrollments/${ids[3]}`, undefined, teachers[3]!.token)).status).toBe(200);
    const replay = await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: ids[4], runId }, teachers[4]!.token);
    expect(replay.status).toBe(200);
    expect(await bodyOf(replay)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // A cancelled teacher may sign up again, under a new id, at the back of the queue.
    const again = await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: uuid(), runId }, teachers[0]!.token);
    expect(again.status).toBe(201);
    expect(await bodyOf(again)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  });

  it('stores one row for the same id sent 100 times, answers each with the stored sign-up, and 409 for a different body', async () => {
    const { programId, runId } = addProgram(t.db, 'retry', 10);
    const other = addProgram(t.db, 'other', 10);
    const { token } = teacherWithToken(t.db, 1);
    const id = uuid();
    const responses = await Promise.all(Array.from({ length: 100 }, () => t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, token)));
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(99).fill(200), 201]);
    for (const response of responses) expect(await bodyOf(response)).toEqual({ id, programId, runId, status: 'confirmed', waitlistPosition: null });
    expect(count(t.db)).toBe(1);

    const different = await t.json('POST', `/api/v1/programs/${other.programId}/enrollments`, { id, runId: other.runId }, token);
    expect(different.status).toBe(409);
    expect((await bodyOf(different)).error).toEqual({ code: 'id_reused', message: expect.stringMatching(/другими данными/) });

    // The same id from another teacher is a different request too.
    const stranger = teacherWithToken(t.db, 2);
    expect((await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, stranger.token)).status).toBe(409);

    // A second sign-up of the same teacher for the same run under a new id.
    const second = await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: uuid(), runId }, token);
    expect(second.status).toBe(409);
    expect((await bodyOf(second)).error).toEqual({ code: 'already_enrolled', message: expect.stringMatching(/уже записаны.*место подтверждено/) });
    expect(count(t.db)).toBe(1);
  });

  it('keeps one teacher out of another’s sign-ups: 404 as if it did not exist, and nothing changes', async () => {
    const { programId, runId } = addProgram(t.db, 'private', 1);
    const owner = teacherWithToken(t.db, 1);
    const stranger = teacherWithToken(t.db, 2);
    const id = uuid();
    await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, owner.token);
    markEnrollmentCompleted(t.db, id, 'test');

    const cancel = await t.json('DELETE', `/api/v1/enrollments/${id}`, undefined, stranger.token);
    const unknown = await t.json('DELETE', `/api/v1/enrollments/${uuid()}`, undefined, stranger.token);
    expect(cancel.status).toBe(404);
    expect(await bodyOf(cancel)).toEqual(await bodyOf(unknown));
    const feedback = await t.json('POST', `/api/v1/enrollments/${id}/feedback`, { useful: 'no', changedInLessons: '', wouldRecommend: false }, stranger.token);
    expect(feedback.status).toBe(404);
    expect(getEnrollment(t.db, id)).toMatchObject({ status: 'completed', teacherId: owner.teacherId, feedback: null });

    // Without a token nothing is reachable at all.
    expect((await t.json('DELETE', `/api/v1/enrollments/${id}`)).status).toBe(401);
    expect((await t.json('GET', '/api/v1/programs')).status).toBe(401);
  });

  it('takes feedback only on a completed programme, and keeps the three answers', async () => {
    const { programId, runId } = addProgram(t.db, 'feedback', 5);
    const { token } = teacherWithToken(t.db, 1);
    const id = uuid();
    await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, token);
    const answers = { useful: 'yes', changedInLessons: 'Стала давать задания на функциональную грамотность в начале урока.', wouldRecommend: true };

    const early = await t.json('POST', `/api/v1/enrollments/${id}/feedback`, answers, token);
    expect(early.status).toBe(409);
    expect((await bodyOf(early)).error.message).toMatch(/после завершения/);

    expect(markEnrollmentCompleted(t.db, id, 'methodist:metodist')).toMatchObject({ kind: 'completed' });
    expect(markEnrollmentCompleted(t.db, id, 'methodist:metodist')).toMatchObject({ kind: 'completed' });
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'enrollment.complete'").get()).toEqual({ n: 1 });
    const response = await t.json('POST', `/api/v1/enrollments/${id}/feedback`, answers, token);
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual({ enrollmentId: id, feedback: answers, submittedAt: expect.any(String) });
    expect(getEnrollment(t.db, id)!.feedback).toMatchObject(answers);
    // Exactly the three answers are stored, and a second answer replaces the first.
    const storedJson = () => (t.db.prepare('SELECT feedback_json AS f FROM enrollments WHERE id = ?').get(id) as { f: string }).f;
    expect(JSON.parse(storedJson())).toEqual(answers);
    const changedMind = { useful: 'partly', changedInLessons: '', wouldRecommend: false };
    expect((await t.json('POST', `/api/v1/enrollments/${id}/feedback`, changedMind, token)).status).toBe(200);
    expect(JSON.parse(storedJson())).toEqual(changedMind);
    expect((await t.json('POST', `/api/v1/enrollments/${id}/feedback`, answers, token)).status).toBe(200);

    // A completed sign-up cannot be cancelled.
    const cancel = await t.json('DELETE', `/api/v1/enrollments/${id}`, undefined, token);
    expect(cancel.status).toBe(409);

    for (const bad of [
      { useful: 'maybe', changedInLessons: '', wouldRecommend: true },
      { useful: 'partly', changedInLessons: 'я'.repeat(2001), wouldRecommend: true },
      { useful: 'partly', changedInLessons: '', wouldRecommend: 'да' },
      { useful: 5, changedInLessons: '', wouldRecommend: true },
      { useful: 'yes', changed: '', wouldRecommend: true },
      { useful: 'yes', changedInLessons: '', wouldRecommend: true, extra: 1 },
    ]) {
      const rejected = await t.json('POST', `/api/v1/enrollments/${id}/feedback`, bad, token);
      expect(rejected.status).toBe(400);
      expect((await bodyOf(rejected)).error.message).toMatch(/[а-яё]/i);
    }
    expect(getEnrollment(t.db, id)!.feedback).toMatchObject(answers);
  });

  describe('the completion rule: completed, or confirmed and the run ended before today', () => {
    const endRun = (runId: string, end: string) =>
      t.db.prepare('UPDATE program_runs SET start_date = ?, end_date = ? WHERE id = ?').run('2020-01-01', end, runId);

    it('shows a confirmed sign-up of an ended run as completed, takes feedback on it, and lists it as mine', async () => {
      const { programId, runId } = addProgram(t.db, 'ended', 1);
      const { token } = teacherWithToken(t.db, 1);
      const waiting = teacherWithToken(t.db, 2);
      const id = uuid();
      const waitId = uuid();
      await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, token);
      await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: waitId, runId }, waiting.token);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      endRun(runId, yesterday);

      const mine = await bodyOf(await t.json('GET', '/api/v1/me/enrollments', undefined, token));
      expect(mine.items).toEqual([
        expect.objectContaining({
          id,
          programId,
          runId,
          status: 'completed',
          waitlistPosition: null,
          end: yesterday,
          feedback: null,
          programTitle: 'Тестовая программа ended',
        }),
      ]);
      // The stored status is untouched; only what the teacher sees follows the rule.
      expect((t.db.prepare('SELECT status FROM enrollments WHERE id = ?').get(id) as { status: string }).status).toBe('confirmed');
      // Whoever still waited when the run ended did not complete it.
      const theirs = await bodyOf(await t.json('GET', '/api/v1/me/enrollments', undefined, waiting.token));
      expect(theirs.items).toEqual([expect.objectContaining({ id: waitId, status: 'waitlisted', waitlistPosition: 1 })]);
      expect(
        (await t.json('POST', `/api/v1/enrollments/${waitId}/feedback`, { useful: 'no', changedInLessons: '', wouldRecommend: false }, waiting.token)).status,
      ).toBe(409);

      const answers = { useful: 'partly', changedInLessons: 'Использую цифровые тренажёры на уроках геометрии.', wouldRecommend: true };
      expect((await t.json('POST', `/api/v1/enrollments/${id}/feedback`, answers, token)).status).toBe(200);
      expect((await bodyOf(await t.json('GET', '/api/v1/me/enrollments', undefined, token))).items[0].feedback).toEqual(answers);
      // Completed, so it cannot be cancelled.
      expect((await t.json('DELETE', `/api/v1/enrollments/${id}`, undefined, token)).status).toBe(409);
    });

    it('keeps a run that ends today open: confirmed, no feedback yet', async () => {
      const { programId, runId } = addProgram(t.db, 'today', 2);
      const { token } = teacherWithToken(t.db, 1);
      const id = uuid();
      await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, token);
      endRun(runId, new Date().toISOString().slice(0, 10));
      expect((await bodyOf(await t.json('GET', '/api/v1/me/enrollments', undefined, token))).items[0].status).toBe('confirmed');
      expect((await t.json('POST', `/api/v1/enrollments/${id}/feedback`, { useful: 'yes', changedInLessons: '', wouldRecommend: true }, token)).status).toBe(
        409,
      );
    });

    it('lists only the teacher’s own sign-ups, cancelled ones too, and needs a token', async () => {
      const { programId, runId } = addProgram(t.db, 'listed', 3);
      const a = teacherWithToken(t.db, 1);
      const b = teacherWithToken(t.db, 2);
      const id = uuid();
      await t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id, runId }, a.token);
      await t.json('DELETE', `/api/v1/enrollments/${id}`, undefined, a.token);
      expect((await bodyOf(await t.json('GET', '/api/v1/me/enrollments', undefined, a.token))).items).toEqual([
        expect.objectContaining({ id, status: 'cancelled', competencies: ['digital'], format: 'distance', hours: 36 }),
      ]);
      expect((await bodyOf(await t.json('GET', '/api/v1/me/enrollments', undefined, b.token))).items).toEqual([]);
      expect((await t.json('GET', '/api/v1/me/enrollments')).status).toBe(401);
    });
  });

  it('refuses malformed, wrongly typed and oversized sign-ups with a sentence, and stores nothing', async () => {
    const { programId, runId } = addProgram(t.db, 'guarded', 5);
    addProgram(t.db, 'old', 5, { runs: [{ id: 'old-1', start: '2020-01-10', end: '2020-01-20', seats: 5 }] });
    addProgram(t.db, 'shelved', 5, { archived: true });
    const { token } = teacherWithToken(t.db, 1);
    const path = `/api/v1/programs/${programId}/enrollments`;
    const cases: [string, unknown, number][] = [
      ['no body', undefined, 415],
      ['an id that is not a uuid', { id: '123', runId }, 400],
      ['a number for the run', { id: uuid(), runId: 42 }, 400],
      ['an array', [{ id: uuid(), runId }], 400],
      ['an extra field', { id: uuid(), runId, status: 'confirmed' }, 400],
      ['an oversized body', { id: uuid(), runId, pad: 'x'.repeat(300 * 1024) }, 413],
    ];
    for (const [, body, status] of cases) {
      const response = await t.json('POST', path, body, token);
      expect(response.status).toBe(status);
      expect((await bodyOf(response)).error.message).toMatch(/[а-яё]/i);
    }
    const broken = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"id":',
    });
    expect(broken.status).toBe(400);

    const refusals: [string, unknown, number, string][] = [
      ['/api/v1/programs/nope/enrollments', { id: uuid(), runId }, 404, 'program_not_found'],
      [path, { id: uuid(), runId: 'old-1' }, 404, 'run_not_found'],
      ['/api/v1/programs/old/enrollments', { id: uuid(), runId: 'old-1' }, 409, 'run_ended'],
      ['/api/v1/programs/shelved/enrollments', { id: uuid(), runId: 'shelved-1' }, 409, 'program_archived'],
    ];
    for (const [url, body, status, code] of refusals) {
      const response = await t.json('POST', url, body, token);
      expect(response.status).toBe(status);
      expect((await bodyOf(response)).error.code).toBe(code);
    }
    expect(count(t.db)).toBe(0);
  });
});
