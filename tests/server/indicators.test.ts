import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { hashPassword } from '../../server/platform/auth/secrets.ts';
import { insertStaff } from '../../server/platform/database/staff-store.ts';
import type { Db } from '../../server/platform/database/database.ts';
import { summaryOf } from '../../server/features/summaries/summaries.ts';
import { summaryBase } from '../../server/features/summaries/store/base.ts';
import { markAttendance } from '../../server/features/events/store.ts';
import { signIn } from '../helpers/admin-client.ts';
import { addAttempt, addTeacher, emptyDatabase } from '../helpers/reports.ts';

/**
 * «Показатели» (issue 22) against a municipality counted by hand: Северный, nine teachers in two schools, every
 * count and its complement 0 or at least K = 3, so nothing of the municipality is hidden; Южный, three teachers
 * with nothing done. The teachers are T1…T9 below, and what each did is written beside.
 */

const period = '2025-2026';

function event(db: Db, id: string, kind: string, day: string): void {
  db.prepare(
    `INSERT INTO events (id, kind, title, start_date, end_date, place, seats, created_at, updated_at)
     VALUES (?, ?, 'Мероприятие', ?, ?, 'Школа', 100, ?, ?)`,
  ).run(id, kind, day, day, day, day);
}

function signUp(db: Db, teacherId: number, eventId: string, given: { attended?: boolean; result?: string; satisfied?: string }): void {
  const feedback = given.satisfied === undefined ? null : JSON.stringify({ satisfied: given.satisfied, useful: 'yes', comment: '' });
  db.prepare(
    `INSERT INTO event_sign_ups (id, teacher_id, event_id, status, queued_seq, request_hash, attended_at, result, feedback_json, created_at, updated_at)
     VALUES (?, ?, ?, 'confirmed', 0, '', ?, ?, ?, '2025-09-01', '2025-09-01')`,
  ).run(randomUUID(), teacherId, eventId, given.attended === false ? null : '2025-10-10T10:00:00Z', given.result ?? null, feedback);
}

function enrol(db: Db, teacherId: number, status: string): void {
  db.prepare(
    `INSERT INTO enrollments (id, teacher_id, run_id, status, queued_seq, request_hash, created_at, updated_at)
     VALUES (?, ?, 'run', ?, 0, '', '2025-09-01', '2025-09-01')`,
  ).run(randomUUID(), teacherId, status);
}

function seed(db: Db): { north: number[]; south: number[] } {
  const north = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => addTeacher(db, 'Северный', i <= 5 ? 'Школа А' : 'Школа Б', `Т${i}`, 10));
  const south = [1, 2, 3].map((i) => addTeacher(db, 'Южный', 'Школа Ю', `Ю${i}`, 10));
  const [t1, t2, t3, t4, t5, t6, t7, t8, t9] = north as [number, number, number, number, number, number, number, number, number];
  // Diagnosed: T1–T4; with a deficit: T1–T3 (50 points), T4 without (90).
  for (const t of [t1, t2, t3]) addAttempt(db, t, '2025-10-01T10:00:00+09:00', { methodical: 50 });
  addAttempt(db, t4, '2025-10-01T10:00:00+09:00', { methodical: 90 });
  // With an ИОМ built from a diagnostic: T1–T3.
  for (const t of [t1, t2, t3])
    db.prepare(
      `INSERT OR REPLACE INTO routes (teacher_id, version, built_at, built_day, catalogue_generation, diagnosed) VALUES (?, 1, '2025-10-02', '2025-10-02', 0, 1)`,
    ).run(t);
  // ДПО: T5–T7 completed, T8 confirmed on the run that has ended (so completed); T1 cancelled.
  db.prepare(
    `INSERT INTO programs (id, title, provider, hours, format, competencies_json, created_at, updated_at)
     VALUES ('p', 'Программа', 'ИРО', 36, 'очно', '["methodical"]', '2025-09-01', '2025-09-01')`,
  ).run();
  db.prepare(`INSERT INTO program_runs (id, program_id, start_date, end_date, seats) VALUES ('run', 'p', '2025-11-01', '2026-03-01', 30)`).run();
  for (const t of [t5, t6, t7]) enrol(db, t, 'completed');
  enrol(db, t8, 'confirmed');
  enrol(db, t1, 'cancelled');
  // МО: T1–T5 present, T6 signed up and absent; last year T6–T8 present.
  event(db, 'mo', 'methodicalAssociation', '2025-10-10');
  event(db, 'mo-last', 'methodicalAssociation', '2024-11-01');
  event(db, 'contest', 'competition', '2026-02-01');
  for (const t of [t1, t2, t3]) signUp(db, t, 'mo', { satisfied: 'yes' });
  for (const t of [t4, t5]) signUp(db, t, 'mo', { satisfied: 'no' });
  signUp(db, t6, 'mo', { attended: false });
  for (const t of [t6, t7, t8]) signUp(db, t, 'mo-last', {});
  // Competition: T1 winner, T2 prize-winner, T3 laureate, T4–T6 participants. T1 rated it «да» too, T6 «нет».
  signUp(db, t1, 'contest', { result: 'winner', satisfied: 'yes' });
  signUp(db, t2, 'contest', { result: 'prizeWinner' });
  signUp(db, t3, 'contest', { result: 'laureate' });
  for (const t of [t4, t5]) signUp(db, t, 'contest', { result: 'participant' });
  signUp(db, t6, 'contest', { result: 'participant', satisfied: 'no' });
  // Categories: first T1–T3; highest with педагог-методист T4–T6; without a category T7–T9.
  for (const [t, category] of [
    [t1, 'first'],
    [t2, 'first'],
    [t3, 'first'],
    [t4, 'highest:methodist'],
    [t5, 'highest:methodist'],
    [t6, 'highest:methodist'],
    [t7, 'none'],
    [t8, 'none'],
    [t9, 'none'],
  ] as const)
    db.prepare('UPDATE teachers SET category = ? WHERE id = ?').run(category, t);
  return { north, south };
}

describe('«Показатели» (issue 22)', () => {
  const { db, dispose } = emptyDatabase();
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    seed(db);
    const southId = (db.prepare(`SELECT id FROM municipalities WHERE name = 'Южный'`).get() as { id: number }).id;
    const passwordHash = await hashPassword('пароль-для-теста');
    insertStaff(db, { login: 'admin', passwordHash, role: 'admin', municipalityId: null });
    insertStaff(db, { login: 'south', passwordHash, role: 'methodist', municipalityId: southId });
    app = createApp({ db, config: { ...loadConfig({}), minGroup: 3 } });
  });
  afterAll(dispose);

  it('counts every indicator of a municipality as counted by hand', () => {
    const rows = [...summaryOf(db, { report: 'indicators', period, by: 'municipality', minGroup: 3 }).rows];
    const north = rows.find((row) => row.values.municipality === 'Северный')!;
    expect(north.suppressed).toEqual([]);
    expect(north.values).toMatchObject({
      roster: 9,
      diagnosed: 4,
      diagnosedShare: 44.4,
      withDeficit: 3,
      withDeficitShare: 33.3,
      withRoute: 3,
      dpoCompleted: 4,
      attendedMo: 5,
      moShare: 55.6,
      competed: 6,
      awarded: 3,
      awardedShare: 33.3,
      categoryNone: 3,
      categoryFirst: 3,
      categoryHighest: 3,
      statusMethodist: 3,
      statusMentor: 0,
      rated: 6,
      satisfied: 3,
      satisfiedShare: 50,
    });
    const south = rows.find((row) => row.values.municipality === 'Южный')!;
    expect(south.values).toMatchObject({ roster: 3, diagnosed: 0, attendedMo: 0, competed: 0, rated: 0, satisfiedShare: null });
    // Last year: the МО of 2024 counts T6–T8, and nothing of this year does.
    const last = [...summaryOf(db, { report: 'indicators', period: '2024-2025', by: 'municipality', minGroup: 3 }).rows];
    expect(last.find((row) => row.values.municipality === 'Северный')!.values).toMatchObject({ attendedMo: 3, competed: 0, dpoCompleted: 0 });
  });

  it('hides a count of fewer than K teachers, and its share', () => {
    const rows = [...summaryOf(db, { report: 'indicators', period, by: 'municipality', minGroup: 4 }).rows];
    const north = rows.find((row) => row.values.municipality === 'Северный')!;
    // Three awarded of nine: below K = 4, so hidden with its share.
    expect(north.values.awarded).toBeNull();
    expect(north.values.awardedShare).toBeNull();
    expect(north.suppressed).toEqual(expect.arrayContaining(['awarded', 'awardedShare']));
  });

  it('shows the regional admin the republic and every municipality, this year beside last, with how each is computed', async () => {
    const admin = await signIn(app, 'admin', 'пароль-для-теста');
    const page = await (await admin.get(`/admin/indicators?period=${period}`)).text();
    expect(page).toContain('Вся республика');
    expect(page).toContain('Северный');
    expect(page).toContain('Южный');
    expect(page).toContain('2024-2025 учебный год');
    expect(page).toContain('Доля педагогов реестра, отмеченных участниками хотя бы одного заседания МО в учебном году.');
    // Северный's МО line: 5 of 9 this year, 3 of 9 last year.
    const north = page.slice(page.indexOf('<h2>Северный</h2>'), page.indexOf('<h2>Южный</h2>'));
    const mo = /<tr data-indicator="methodicalAssociation">([\s\S]*?)<\/tr>/.exec(north)![1]!;
    expect(mo).toMatch(/55,6\s%\s\(5 из 9\)[\s\S]*33,3\s%\s\(3 из 9\)/);
    // Every indicator is computed; Северный has no early-career teacher, so no share of them.
    expect(page).not.toContain('пока не вычисляется');
    expect(/<tr data-indicator="earlyCareerWithMentor">([\s\S]*?)<\/tr>/.exec(north)![1]).toMatch(/<td class="num">—<\/td><td class="num">—<\/td>/);
  });

  it('shows a methodist her municipality only, in the page and in its CSV', async () => {
    const methodist = await signIn(app, 'south', 'пароль-для-теста');
    const page = await (await methodist.get(`/admin/indicators?period=${period}`)).text();
    expect(page).toContain('Южный');
    expect(page).not.toContain('Северный');
    expect(page).not.toContain('Вся республика');
    const csv = await (await methodist.get(`/admin/indicators/indicators.csv?period=${period}`)).text();
    expect(csv).toContain('Южный');
    expect(csv).not.toContain('Северный');
    expect(csv.split('\n')[0]).toContain('Участвовали в работе МО');
  });

  it('counts a teacher marked present at once, also where the base was kept', () => {
    const attendedMo = () =>
      [...summaryOf(db, { report: 'indicators', period, by: 'municipality', minGroup: 3 }, summaryBase(db, { period, minGroup: 3 })).rows].find(
        (row) => row.values.municipality === 'Северный',
      )!.values.attendedMo;
    expect(attendedMo()).toBe(5);
    const absent = db.prepare(`SELECT s.id FROM event_sign_ups s WHERE s.event_id = 'mo' AND s.attended_at IS NULL`).get() as { id: string };
    expect(markAttendance(db, absent.id, true, 'test', new Date('2025-10-10T12:00:00Z')).kind).toBe('marked');
    expect(attendedMo()).toBe(6);
  });
});
