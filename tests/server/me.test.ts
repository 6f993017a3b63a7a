import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/platform/auth/secrets.ts';
import { findDeviceByToken } from '../../server/platform/database/device-store.ts';
import { issueConnectionCode } from '../../server/features/connection/code-store.ts';
import { addProgram } from '../helpers/catalogue.ts';
import { addEvent } from '../helpers/events.ts';
import { markAttendance, setCompetitionResult } from '../../server/features/events/store.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('/api/v1/me', () => {
  let t: TestApp;
  let a: { id: number; name: string; token: string };
  let b: { id: number; name: string; token: string };

  async function connect(index: number) {
    const teacher = t.demo.teachers[index]!;
    const response = await t.json('POST', '/api/v1/connect', { code: teacher.code, device: `ноутбук ${index}` });
    expect(response.status).toBe(201);
    return { id: teacher.id, name: teacher.name, token: (await bodyOf(response)).token as string };
  }

  beforeEach(async () => {
    t = await createTestApp();
    a = await connect(0);
    b = await connect(1);
  });
  afterEach(() => t.dispose());

  const count = (sql: string, ...params: unknown[]) => (t.db.prepare(sql).get(...params) as { n: number }).n;

  /** A diagnostic sitting, a sign-up and a route item of a teacher, written as the other parts of the server write them. */
  function giveHistory(teacherId: number, suffix: string) {
    t.db
      .prepare(
        `INSERT INTO instruments (id, version, kind, title, definition_json, created_at) VALUES ('test-self', 1, 'selfAssessment', 'Самооценка', '{}', '2026-01-01T00:00:00Z')
       ON CONFLICT DO NOTHING`,
      )
      .run();
    const attemptId = randomUUID();
    t.db
      .prepare(
        `INSERT INTO attempts (id, teacher_id, instrument_id, instrument_version, completed_at, received_at, answers_json, result_json)
       VALUES (?, ?, 'test-self', 1, '2026-10-01T10:00:00Z', '2026-10-01T10:00:05Z', ?, ?)`,
      )
      .run(attemptId, teacherId, JSON.stringify({ q1: 4, q2: 2 }), JSON.stringify({ areas: { digital: 55 } }));
    t.db
      .prepare(`INSERT INTO attempt_scores (attempt_seq, area, score, level) SELECT seq, 'digital', 55, 'highDeficit' FROM attempts WHERE id = ?`)
      .run(attemptId);
    const { programId, runId } = addProgram(t.db, `prog-${suffix}`, 3);
    const enrollmentId = randomUUID();
    t.db
      .prepare(
        `INSERT INTO enrollments (id, teacher_id, run_id, status, queued_seq, request_hash, feedback_json, created_at, updated_at)
       VALUES (?, ?, ?, 'completed', 1, 'h', ?, '2026-10-02T00:00:00Z', '2026-10-03T00:00:00Z')`,
      )
      .run(enrollmentId, teacherId, runId, JSON.stringify({ useful: 'yes', changedInLessons: 'Веду уроки в 5«Б» с планшетами', wouldRecommend: true }));
    t.db
      .prepare(
        `INSERT INTO route_items (id, teacher_id, competency, kind, program_id, run_id, reason, status, planned_date, created_at, updated_at)
       VALUES ('item-1', ?, 'digital', 'course', ?, ?, 'Дефицит цифровой компетенции', 'accepted', NULL, '2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z')`,
      )
      .run(teacherId, programId, runId);
    return { attemptId, enrollmentId, programId, runId };
  }

  describe('GET', () => {
    it("returns the teacher's own record with experience, early career and default preferences", async () => {
      const response = await t.json('GET', '/api/v1/me', undefined, a.token);
      expect(response.status).toBe(200);
      const record = await bodyOf(response);
      expect(record).toMatchObject({
        id: a.id,
        name: a.name,
        school: t.demo.teachers[0]!.school,
        municipality: expect.any(String),
        category: null,
        preferences: { formats: [], from: null, to: null, hoursBudget: null },
      });
      expect(Array.isArray(record.subjects)).toBe(true);
      expect(record.earlyCareer).toBe(record.experienceYears === null ? null : record.experienceYears < 3);
    });

    it('refuses a request without a token, with a stranger token and with the council token', async () => {
      const none = await t.json('GET', '/api/v1/me');
      expect(none.status).toBe(401);
      expect((await bodyOf(none)).error.message).toMatch(/Нужен токен устройства/);
      expect((await t.json('GET', '/api/v1/me', undefined, 'made-up-token')).status).toBe(401);
      const council = await t.json('GET', '/api/v1/me', undefined, t.demo.councilToken);
      expect(council.status).toBe(401);
      expect((await bodyOf(council)).error).toEqual({ code: 'unauthorized', message: expect.stringMatching(/не действует/) });
      expect((await t.json('GET', '/api/v1/me/export', undefined, t.demo.councilToken)).status).toBe(401);
      expect((await t.json('DELETE', '/api/v1/me', undefined, t.demo.councilToken)).status).toBe(401);
    });
  });

  describe('PATCH', () => {
    it('changes only the fields sent and reads them back', async () => {
      const before = await bodyOf(await t.json('GET', '/api/v1/me', undefined, a.token));
      const response = await t.json(
        'PATCH',
        '/api/v1/me',
        {
          subjects: ['информатика', 'математика'],
          category: { level: 'highest', status: 'mentor' },
          experienceYears: 2,
          preferences: { formats: ['distance'], hoursBudget: 72 },
        },
        a.token,
      );
      expect(response.status).toBe(200);
      const after = await bodyOf(response);
      expect(after).toMatchObject({
        position: before.position,
        subjects: ['информатика', 'математика'],
        category: { level: 'highest', status: 'mentor' },
        experienceYears: 2,
        earlyCareer: true,
        preferences: { formats: ['distance'], from: null, to: null, hoursBudget: 72 },
      });
      expect(await bodyOf(await t.json('GET', '/api/v1/me', undefined, a.token))).toEqual(after);

      const second = await bodyOf(await t.json('PATCH', '/api/v1/me', { position: 'учитель-методист', experienceYears: 12 }, a.token));
      expect(second).toMatchObject({ position: 'учитель-методист', experienceYears: 12, earlyCareer: false, subjects: ['информатика', 'математика'] });

      const cleared = await bodyOf(await t.json('PATCH', '/api/v1/me', { category: null, experienceYears: null }, a.token));
      expect(cleared).toMatchObject({ category: null, experienceYears: null, earlyCareer: null });
    });

    it.each([
      ['an unknown field', { nickname: 'Ира' }, /nickname|ключ|поле/i],
      ['a name, which comes from the roster', { lastName: 'Петрова' }, /lastName|ключ/i],
      ['a category that does not exist', { category: { level: 'second' } }, /category/],
      ['a status without the highest category', { category: { level: 'first', status: 'methodist' } }, /высшей категории/],
      ['negative experience', { experienceYears: -1 }, /experienceYears/],
      ['a subject with a comma', { subjects: ['физика, астрономия'] }, /без запятых/],
      ['nothing to change', {}, /ни одного поля/],
      ['an unknown preference', { preferences: { colour: 'синий' } }, /preferences/],
      ['a period that ends before it starts', { preferences: { from: '2027-03-01', to: '2027-01-01' } }, /раньше, чем начался/],
      ['a NUL character in the position', { position: 'учитель\u0000математики' }, /служебный невидимый символ/],
      ['a control character in a subject', { subjects: ['физика\u001b[31m'] }, /служебный невидимый символ/],
    ])('refuses %s with 400, a Russian sentence, and changes nothing', async (_, body, message) => {
      const before = await bodyOf(await t.json('GET', '/api/v1/me', undefined, a.token));
      const response = await t.json('PATCH', '/api/v1/me', body, a.token);
      expect(response.status).toBe(400);
      const { error } = await bodyOf(response);
      expect(error.message).toMatch(/[а-яё]/i);
      expect(error.message).toMatch(message);
      expect(await bodyOf(await t.json('GET', '/api/v1/me', undefined, a.token))).toEqual(before);
    });
  });

  describe('isolation between teachers', () => {
    it("never lets teacher B read or change teacher A's data", async () => {
      const aBefore = await bodyOf(await t.json('GET', '/api/v1/me', undefined, a.token));
      giveHistory(a.id, 'a');

      const bRecord = await bodyOf(await t.json('GET', '/api/v1/me', undefined, b.token));
      expect(bRecord.id).toBe(b.id);
      expect(bRecord.name).toBe(b.name);

      // The body cannot name another teacher: an id in it is an unknown field.
      const sneaky = await t.json('PATCH', '/api/v1/me', { id: a.id, position: 'директор' }, b.token);
      expect(sneaky.status).toBe(400);
      await t.json('PATCH', '/api/v1/me', { position: 'завуч' }, b.token);
      expect(await bodyOf(await t.json('GET', '/api/v1/me', undefined, a.token))).toEqual(aBefore);

      const bExport = await bodyOf(await t.json('GET', '/api/v1/me/export', undefined, b.token));
      expect(bExport.teacher.id).toBe(b.id);
      expect(bExport.attempts).toEqual([]);
      expect(bExport.enrollments).toEqual([]);
      expect(bExport.routeItems).toEqual([]);
      expect(JSON.stringify(bExport)).not.toContain(a.name.split(' ')[0]);

      expect((await t.json('DELETE', '/api/v1/me', undefined, b.token)).status).toBe(204);
      expect(await bodyOf(await t.json('GET', '/api/v1/me', undefined, a.token))).toEqual(aBefore);
      expect(count('SELECT count(*) AS n FROM route_items WHERE teacher_id = ?', a.id)).toBe(1);
      expect(count('SELECT count(*) AS n FROM attempts WHERE teacher_id = ? AND answers_json != ?', a.id, '{}')).toBe(1);
    });
  });

  describe('GET /export', () => {
    it('gives everything stored about the teacher, without token or code hashes', async () => {
      const { attemptId, enrollmentId, runId } = giveHistory(a.id, 'a');
      const response = await t.json('GET', '/api/v1/me/export', undefined, a.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/attachment/);
      const data = await bodyOf(response);
      expect(data.teacher).toMatchObject({ id: a.id, name: a.name, createdAt: expect.any(String) });
      expect(data.devices).toEqual([{ id: expect.any(Number), label: 'ноутбук 0', createdAt: expect.any(String), revokedAt: null }]);
      expect(data.connectionCodes).toEqual([{ createdAt: expect.any(String), expiresAt: expect.any(String), usedAt: expect.any(String) }]);
      expect(data.attempts).toEqual([
        expect.objectContaining({
          id: attemptId,
          instrumentId: 'test-self',
          answers: { q1: 4, q2: 2 },
          result: { areas: { digital: 55 } },
          scores: [{ area: 'digital', score: 55, level: 'highDeficit' }],
        }),
      ]);
      expect(data.enrollments).toEqual([
        expect.objectContaining({ id: enrollmentId, runId, status: 'completed', feedback: expect.objectContaining({ useful: 'yes' }) }),
      ]);
      expect(data.routeItems).toEqual([expect.objectContaining({ id: 'item-1', competency: 'digital', status: 'accepted' })]);

      const text = JSON.stringify(data);
      expect(text).not.toContain(hashSecret(a.token));
      const hashes = t.db.prepare('SELECT code_hash AS h FROM connection_codes WHERE teacher_id = ?').all(a.id) as { h: string }[];
      for (const { h } of hashes) expect(text).not.toContain(h);
      expect(text).not.toMatch(/token_?hash|code_?hash/i);
    });
  });

  describe('GET /export: events', () => {
    it('lists her sign-ups for events with attendance, a competition’s result and her rating, and none of another teacher’s', async () => {
      addEvent(t.db, 'contest-export', 5, { kind: 'competition', title: 'Учитель года: муниципальный этап' });
      const id = randomUUID();
      expect((await t.json('POST', '/api/v1/events/contest-export/sign-ups', { id }, a.token)).status).toBe(201);
      expect(markAttendance(t.db, id, true, 'test').kind).toBe('marked');
      expect(setCompetitionResult(t.db, id, 'winner', 'test').kind).toBe('saved');
      const rating = { satisfied: 'yes', useful: 'partly', comment: 'Полезно.' };
      expect((await t.json('POST', `/api/v1/event-sign-ups/${id}/feedback`, rating, a.token)).status).toBe(200);
      const data = await bodyOf(await t.json('GET', '/api/v1/me/export', undefined, a.token));
      expect(data.eventSignUps).toEqual([
        expect.objectContaining({
          id,
          eventId: 'contest-export',
          eventTitle: 'Учитель года: муниципальный этап',
          kind: 'competition',
          status: 'confirmed',
          attendedAt: expect.any(String),
          result: 'winner',
          feedback: rating,
        }),
      ]);
      expect((await bodyOf(await t.json('GET', '/api/v1/me/export', undefined, b.token))).eventSignUps).toEqual([]);
    });
  });

  describe('DELETE', () => {
    it('erases personal data in one go; the token then gets 401 and aggregates stay right', async () => {
      const { attemptId, enrollmentId, runId } = giveHistory(a.id, 'a');
      // A second device of the same teacher.
      const second = await bodyOf(await t.json('POST', '/api/v1/connect', { code: issueConnectionCode(t.db, a.id), device: 'телефон' }));
      const spareCode = issueConnectionCode(t.db, a.id);
      const teachersBefore = count('SELECT count(*) AS n FROM teachers');

      const response = await t.json('DELETE', '/api/v1/me', undefined, a.token);
      expect(response.status).toBe(204);

      for (const token of [a.token, second.token]) {
        const after = await t.json('GET', '/api/v1/me', undefined, token);
        expect(after.status).toBe(401);
        expect((await t.json('GET', '/api/v1/me/export', undefined, token)).status).toBe(401);
        expect(findDeviceByToken(t.db, token)).toBeUndefined();
      }
      // An unused code handed out before cannot bring the account back.
      const redeem = await t.json('POST', '/api/v1/connect', { code: spareCode, device: 'ноутбук' });
      expect(redeem.status).toBe(404);

      const row = t.db.prepare('SELECT * FROM teachers WHERE id = ?').get(a.id) as Record<string, unknown>;
      expect(row).toMatchObject({ last_name: '', first_name: '', middle_name: '', position: '', subjects: '', experience_years: null, category: '' });
      expect(row.erased_at).toEqual(expect.any(String));
      expect(count('SELECT count(*) AS n FROM teachers')).toBe(teachersBefore);
      expect(count('SELECT count(*) AS n FROM devices WHERE teacher_id = ? AND revoked_at IS NULL', a.id)).toBe(0);
      expect(count("SELECT count(*) AS n FROM devices WHERE teacher_id = ? AND label != ''", a.id)).toBe(0);

      // Answers gone, scores kept: the municipality's deficit counts do not change.
      expect((t.db.prepare('SELECT answers_json AS a FROM attempts WHERE id = ?').get(attemptId) as { a: string }).a).toBe('{}');
      expect(count('SELECT count(*) AS n FROM attempt_scores s JOIN attempts a ON a.seq = s.attempt_seq WHERE a.id = ?', attemptId)).toBe(1);
      expect(count('SELECT count(*) AS n FROM route_items WHERE teacher_id = ?', a.id)).toBe(0);
      // The sign-up stays, anonymous, so the run's seats still add up; the free text of the feedback is gone.
      const enrollment = t.db.prepare('SELECT status, feedback_json AS f FROM enrollments WHERE id = ?').get(enrollmentId) as { status: string; f: string };
      expect(enrollment.status).toBe('completed');
      expect(JSON.parse(enrollment.f)).toEqual({ useful: 'yes', changedInLessons: '', wouldRecommend: true });
      expect(count("SELECT count(*) AS n FROM enrollments WHERE run_id = ? AND status IN ('confirmed', 'completed')", runId)).toBe(1);

      expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'teacher.erase' AND target = ?", `teacher:${a.id}`)).toBe(1);
      // The other teacher is untouched.
      expect((await t.json('GET', '/api/v1/me', undefined, b.token)).status).toBe(200);
    });

    it('gives the erased teacher’s places on runs still to come to the teachers waiting for them', async () => {
      // One seat: a holds it, b waits. And a waits on another full run, behind b.
      const upcoming = addProgram(t.db, 'upcoming', 1);
      const full = addProgram(t.db, 'full', 1);
      const signUp = async (program: { programId: string; runId: string }, token: string) =>
        bodyOf(await t.json('POST', `/api/v1/programs/${program.programId}/enrollments`, { id: randomUUID(), runId: program.runId }, token));
      const held = await signUp(upcoming, a.token);
      const waiting = await signUp(upcoming, b.token);
      await signUp(full, b.token);
      const queued = await signUp(full, a.token);
      expect([held.status, waiting.status, queued.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);

      expect((await t.json('DELETE', '/api/v1/me', undefined, a.token)).status).toBe(204);

      const statusOf = (id: string) => (t.db.prepare('SELECT status FROM enrollments WHERE id = ?').get(id) as { status: string }).status;
      expect(statusOf(held.id)).toBe('cancelled');
      expect(statusOf(queued.id)).toBe('cancelled');
      // b sees the seat as theirs at once.
      const mine = await bodyOf(await t.json('GET', '/api/v1/me/enrollments', undefined, b.token));
      expect(mine.items.find((e: { id: string }) => e.id === waiting.id)).toMatchObject({ status: 'confirmed', waitlistPosition: null });
      const audit = t.db.prepare("SELECT details_json AS d FROM audit_log WHERE action = 'teacher.erase'").get() as { d: string };
      expect(JSON.parse(audit.d)).toMatchObject({ placesReleased: 2 });
    });
  });
});
