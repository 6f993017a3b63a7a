import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { issueConnectionCode } from '../../server/features/connection/code-store.ts';
import { insertTeacher } from '../../server/features/roster/store.ts';
import { redeemConnectionCode } from '../../server/platform/database/device-store.ts';
import { teacherWithToken } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';

/** Today and a day `days` away, as the form and the API take them. */
const day = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('консультации: the council asks, teachers answer once, the council sees suppressed counts', () => {
  let t: TestApp;
  let council: AdminClient;
  let methodist: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    council = await signIn(t.app, t.demo.council.login, t.demo.council.password);
    methodist = await signIn(t.app, t.demo.methodist.login, t.demo.methodist.password);
  });
  afterEach(() => t.dispose());

  const count = (sql: string, ...params: unknown[]) =>
    t.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;

  /** Publishes through the council's form; returns the consultation's id. */
  async function publish(fields: Record<string, string> = {}): Promise<number> {
    const response = await council.post('/admin/consultations', {
      title: 'Нагрузка молодых педагогов',
      text: 'Совет готовит рекомендации по наставничеству.',
      opensOn: day(-1),
      closesOn: day(10),
      audience: 'all',
      'q1-text': 'Хватает ли вам методической поддержки?',
      'q1-kind': 'single',
      'q1-options': 'да\nскорее да\nнет',
      'q2-text': 'Какие формы поддержки нужны?',
      'q2-kind': 'multiple',
      'q2-options': 'наставник\nвебинары\nметодобъединение',
      'q3-text': 'Насколько вы устаёте к концу недели?',
      'q3-kind': 'scale',
      'q4-text': 'Что бы вы предложили?',
      'q4-kind': 'comment',
      ...fields,
    });
    expect(response.status, await response.clone().text()).toBe(303);
    return Number(/\/admin\/consultations\/(\d+)$/.exec(response.headers.get('location')!)![1]);
  }

  const north = 'Северный улус';
  /** A connected teacher of a school, with 1, 5, 15 or 25 years of experience by `n`. */
  function answering(municipality: string, school: string, n: number): { teacherId: number; token: string } {
    const teacherId = insertTeacher(t.db, {
      municipality,
      school,
      lastName: `Отвечающая${n}`,
      firstName: 'Анна',
      middleName: '',
      position: 'учитель',
      subjects: 'история',
      experienceYears: [1, 5, 15, 25][n % 4]!,
    });
    const device = redeemConnectionCode(t.db, issueConnectionCode(t.db, teacherId), 'ноутбук');
    if (!device.ok) throw new Error('not connected');
    return { teacherId, token: device.token };
  }

  const answer = (token: string, id: number, body: unknown) => t.json('PUT', `/api/v1/me/consultations/${id}/answer`, body, token);
  const list = async (token: string) => (await bodyOf(await t.json('GET', '/api/v1/me/consultations', undefined, token))).items as { id: number }[];

  it('refuses a consultation without questions or with bad dates, field by field, and publishes nothing', async () => {
    const response = await council.post('/admin/consultations', {
      title: 'Пустая',
      opensOn: day(3),
      closesOn: day(1),
      audience: 'all',
      'q1-text': 'Да или нет?',
      'q1-kind': 'single',
      'q1-options': 'да',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Дата закрытия не может быть раньше даты открытия.');
    expect(html).toContain('Вопрос 1: нужно от 2 до 6 вариантов ответа');
    expect(count('SELECT count(*) FROM consultations')).toBe(0);
    // Only the council publishes.
    expect((await methodist.post('/admin/consultations', { title: 'x' })).status).toBe(403);
    expect((await methodist.get('/admin/consultations/new')).status).toBe(403);
  });

  it('reaches only its audience: a municipality, a subject, the early-career', async () => {
    const math = teacherWithToken(t.db, 1, belo); // математика, стаж 5
    const far = teacherWithToken(t.db, 2, zarech);
    const zarechId = count('SELECT id FROM municipalities WHERE name = ?', zarech);
    const forZarech = await publish({ audience: 'municipality', municipality: String(zarechId) });
    const forMath = await publish({ audience: 'subject', subject: 'Математика' });
    const forYoung = await publish({ audience: 'earlyCareer' });
    expect((await list(math.token)).map((c) => c.id)).toEqual([forMath]);
    expect((await list(far.token)).map((c) => c.id).sort()).toEqual([forZarech, forMath].sort());
    t.db.prepare('UPDATE teachers SET experience_years = 1 WHERE id = ?').run(math.teacherId);
    expect((await list(math.token)).map((c) => c.id).sort()).toEqual([forMath, forYoung].sort());
    const refused = await answer(math.token, forZarech, { id: randomUUID(), version: 1, answers: [0, [0], 2, ''] });
    expect(refused.status).toBe(403);
    expect((await bodyOf(refused)).error.message).toBe('Эта консультация адресована другим педагогам.');
    expect(count('SELECT count(*) FROM consultation_answers')).toBe(0);
  });

  it('keeps one answer per teacher: a resend changes nothing, a newer version replaces it, an older one is ignored, until it closes', async () => {
    const id = await publish();
    const { teacherId, token } = teacherWithToken(t.db, 1);
    const answerId = randomUUID();
    const first = { id: answerId, version: 1, answers: [0, [0, 2], 4, 'Больше наставников'] };
    expect((await answer(token, id, first)).status).toBe(200);
    expect((await answer(token, id, first)).status).toBe(200);
    expect(count('SELECT count(*) FROM consultation_answers WHERE teacher_id = ?', teacherId)).toBe(1);
    expect(count('SELECT count(*) FROM consultation_choices WHERE teacher_id = ?', teacherId)).toBe(4);
    // Changed: a newer version.
    expect((await answer(token, id, { id: answerId, version: 2, answers: [2, [1], 0, ''] })).status).toBe(200);
    // A late older version does not undo it.
    expect((await answer(token, id, { ...first, version: 1 })).status).toBe(200);
    const mine = (await bodyOf(await t.json('GET', '/api/v1/me/consultations', undefined, token))).items[0];
    expect(mine.myAnswer).toMatchObject({ answers: [2, [1], 0, ''], version: 2 });
    expect(count('SELECT count(*) FROM consultation_comments WHERE teacher_id = ?', teacherId)).toBe(0);
    // An answer that does not fit the questions is refused with a sentence.
    const bad = await answer(token, id, { id: answerId, version: 3, answers: [5, [1], 0, ''] });
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).error.message).toBe('Ответ не принят: вопрос 1: такого варианта нет.');
    // Another teacher cannot take over the answer's id.
    const other = teacherWithToken(t.db, 2);
    expect((await answer(other.token, id, { ...first, version: 5 })).status).toBe(409);
    // Closed yesterday: no more changes.
    t.db.prepare('UPDATE consultations SET closes_on = ? WHERE id = ?').run(day(-1), id);
    const late = await answer(token, id, { id: answerId, version: 4, answers: [1, [1], 1, ''] });
    expect(late.status).toBe(409);
    expect((await bodyOf(late)).error.message).toMatch(/^Консультация закрыта \d\d\.\d\d\.\d{4}: ответы больше не принимаются\.$/);
    expect((await bodyOf(await t.json('GET', '/api/v1/me/consultations', undefined, token))).items[0].myAnswer.version).toBe(2);
  });

  it('shows the council counts with small groups hidden, comments only where at least K answered, and a conclusion teachers see', async () => {
    const id = await publish();
    // Twelve teachers of Белоозёрск and of Северный улус answer, in two schools each and of every experience; two of Заречный район: fewer than K = 5.
    const teachers = [
      ...Array.from({ length: 12 }, (_, i) => answering(belo, `Школа ${i % 2}`, i)),
      ...Array.from({ length: 2 }, (_, i) => answering(zarech, 'Школа З', i)),
      ...Array.from({ length: 12 }, (_, i) => answering(north, `Школа С${i % 2}`, i)),
    ];
    for (const [i, { token }] of teachers.entries()) {
      const response = await answer(token, id, {
        id: randomUUID(),
        version: 1,
        answers: [i % 2, i < 4 ? [0, 1] : [2], 3, i === 0 ? 'Наставник в каждой школе' : ''],
      });
      expect(response.status).toBe(200);
    }
    const page = await (await council.get(`/admin/consultations/${id}`)).text();
    expect(page).toContain('Ответили: <strong>26</strong>');
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th>((?:<td class="num">[^<]*</td>)+)`).exec(page)?.[1] ?? '';
    // The republic: 26 answered; «да» 13, «скорее да» 13, «нет» 0; Северный улус shown whole.
    expect(row('Вся республика')).toBe('<td class="num">26</td><td class="num">13</td><td class="num">13</td><td class="num">0</td>');
    expect(row(north)).toBe('<td class="num">12</td><td class="num">6</td><td class="num">6</td><td class="num">0</td>');
    // Заречный район's two are hidden, and so is Белоозёрск's 12 (else 26 − 12 − 12 gives them away). Where «Ответили»
    // is hidden, the options of a single-choice question are too, even a zero: they add up to it.
    expect(row(zarech)).toBe('<td class="num">скрыто</td><td class="num">скрыто</td><td class="num">скрыто</td><td class="num">скрыто</td>');
    expect(row(belo)).toContain('<td class="num">скрыто</td>');
    expect(page).toContain('Наставник в каждой школе');
    // The methodist of Белоозёрск sees her municipality's results read-only: 12 answered there, so its comment too.
    const own = await (await methodist.get(`/admin/consultations/${id}`)).text();
    expect(own).not.toContain(zarech);
    expect(own).not.toContain(north);
    expect(own).toContain('Наставник в каждой школе');
    expect(own).not.toContain('name="conclusion"');
    // With only two answers, a municipality's comments are not shown.
    const zarechId = count('SELECT id FROM municipalities WHERE name = ?', zarech);
    const small = await publish({ audience: 'municipality', municipality: String(zarechId) });
    await answer(teachers[12]!.token, small, { id: randomUUID(), version: 1, answers: [0, [0], 1, 'Только мой комментарий'] });
    const smallPage = await (await council.get(`/admin/consultations/${small}`)).text();
    expect(smallPage).not.toContain('Только мой комментарий');
    expect(smallPage).toContain('Комментарии показываются, только когда ответили не меньше 5 педагогов.');
    expect((await methodist.get(`/admin/consultations/${small}`)).status).toBe(403);
    // The results as XLSX: numbers typed as numbers, hidden ones as the word.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await council.get(`/admin/consultations/${id}.xlsx`)).arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1));
    const republicYes = rows.find((r) => r.getCell(2).value === 'да' && r.getCell(3).value === 'Вся республика')!;
    expect(republicYes.getCell(4).value).toBe(26);
    expect(republicYes.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(republicYes.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(rows.some((r) => r.getCell(4).value === 'скрыто')).toBe(true);
    // The council publishes a conclusion; teachers of the audience read it.
    expect((await council.post(`/admin/consultations/${id}/conclusion`, { conclusion: 'Совет рекомендует наставника в каждой школе.' })).status).toBe(303);
    expect((await methodist.post(`/admin/consultations/${id}/conclusion`, { conclusion: 'нет' })).status).toBe(403);
    const items = (await bodyOf(await t.json('GET', '/api/v1/me/consultations', undefined, teachers[0]!.token))).items as { id: number; conclusion: string }[];
    expect(items.find((c) => c.id === id)!.conclusion).toBe('Совет рекомендует наставника в каждой школе.');
  });
});
