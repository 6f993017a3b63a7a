import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from '../../server/features/catalogue/enrollment-store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';

describe('what a methodist may see and do on the admin pages', () => {
  let t: TestApp;
  let methodist: AdminClient;
  let admin: AdminClient;
  /** A teacher of the methodist's municipality and one of another. */
  let own: number;
  let foreign: number;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
    own = t.demo.teachers[0]!.id; // Соколова, Белоозёрск
    foreign = t.demo.teachers[4]!.id; // Павлова, Заречный район
  });
  afterEach(() => t.dispose());

  const count = (sql: string, ...params: unknown[]) => (t.db.prepare(sql).get(...params) as { n: number }).n;

  it('lists only the teachers of the own municipality', async () => {
    const page = await (await methodist.get('/admin/teachers')).text();
    expect(page).toContain('Соколова Анна Викторовна');
    expect(page).toContain('Гаврильев Николай Петрович');
    expect(page).not.toContain('Павлова');
    expect(page).not.toContain('Кузьмина');
    // Asking for another municipality in the filter changes nothing.
    const zarechId = (t.db.prepare('SELECT id FROM municipalities WHERE name = ?').get(zarech) as { id: number }).id;
    expect(await (await methodist.get(`/admin/teachers?municipality=${zarechId}`)).text()).not.toContain('Павлова');
    // The regional admin sees everyone.
    expect(await (await admin.get('/admin/teachers')).text()).toContain('Павлова Сардаана Ивановна');
  });

  it("refuses another municipality's teacher with a Russian 403 page and shows nothing of them", async () => {
    const refused = await methodist.get(`/admin/teachers/${foreign}`);
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain('Доступ запрещён');
    expect(html).toContain('относится к другому муниципалитету');
    expect(html).not.toContain('Павлова');
    expect((await methodist.get(`/admin/teachers/${own}`)).status).toBe(200);
    expect((await admin.get(`/admin/teachers/${foreign}`)).status).toBe(200);
  });

  it("refuses roster actions on another municipality's teacher and changes nothing", async () => {
    const { teacherId, token } = teacherWithToken(t.db, 1, zarech);
    const codesBefore = count('SELECT count(*) AS n FROM connection_codes WHERE teacher_id = ?', teacherId);
    const reissue = await methodist.post(`/admin/roster/teachers/${teacherId}/code`);
    expect(reissue.status).toBe(403);
    const revoke = await methodist.post(`/admin/roster/teachers/${teacherId}/revoke`);
    expect(revoke.status).toBe(403);
    expect(count('SELECT count(*) AS n FROM connection_codes WHERE teacher_id = ?', teacherId)).toBe(codesBefore);
    expect(count('SELECT count(*) AS n FROM devices WHERE teacher_id = ? AND revoked_at IS NULL', teacherId)).toBe(1);
    expect((await t.json('GET', '/api/v1/me', undefined, token)).status).toBe(200);
    // Schools of another municipality are not offered for codes either.
    const school = (t.db.prepare('SELECT id FROM schools WHERE name = ?').get('МБОУ «Заречная средняя школа»') as { id: number }).id;
    expect((await methodist.post('/admin/roster/issue', { school: String(school) })).status).toBe(400);
  });

  it('loads from a roster file only teachers of the own municipality; the others are listed as invalid rows', async () => {
    const file = [
      'Фамилия;Имя;Отчество;Муниципалитет;Школа;Должность;Предметы;Стаж',
      `Новикова;Елена;Игоревна;${belo};МБОУ «Гимназия № 3» г. Белоозёрска;учитель;химия;4`,
      `Захаров;Пётр;;${zarech};МБОУ «Заречная средняя школа»;учитель;физика;8`,
    ].join('\n');
    const preview = await (await methodist.upload('/admin/roster/import', { name: 'список.csv', content: file })).text();
    expect(preview).toContain(`можно загружать только педагогов своего муниципалитета («${belo}»)`);
    expect(preview).toMatch(/<td class="num">3<\/td>/);
    expect(count('SELECT count(*) AS n FROM teachers WHERE last_name IN (?, ?)', 'Новикова', 'Захаров')).toBe(0);
  });

  it("shows a run's enrollments only of the own municipality, and refuses runs of another municipality's programme", async () => {
    const republic = addProgram(t.db, 'republic-wide', 5);
    const ownTeacher = teacherWithToken(t.db, 2, belo).teacherId;
    const otherTeacher = teacherWithToken(t.db, 3, zarech).teacherId;
    for (const teacherId of [ownTeacher, otherTeacher]) signUp(t.db, { id: uuid(), teacherId, ...republic });
    const path = `/admin/programs/${republic.programId}/runs/${republic.runId}/enrollments`;

    const mine = await (await methodist.get(path)).text();
    expect(mine).toContain('Учитель2 Тест');
    expect(mine).not.toContain('Учитель3 Тест');
    const csv = await (await methodist.get(`${path}.csv`)).text();
    expect(csv).toContain('Учитель2');
    expect(csv).not.toContain('Учитель3');
    const all = await (await admin.get(`${path}.csv`)).text();
    expect(all).toContain('Учитель2');
    expect(all).toContain('Учитель3');

    // Nor may they mark another municipality's teacher as having completed it.
    const foreignSignUp = t.db.prepare('SELECT id FROM enrollments WHERE teacher_id = ?').get(otherTeacher) as { id: string };
    expect((await methodist.post(`${path}/${foreignSignUp.id}/complete`)).status).toBe(403);
    expect(t.db.prepare('SELECT status FROM enrollments WHERE id = ?').get(foreignSignUp.id)).toEqual({ status: 'confirmed' });

    const zarechProgram = addProgram(t.db, 'zarech-only', 5, { municipality: zarech });
    const refused = await methodist.get(`/admin/programs/${zarechProgram.programId}/runs/${zarechProgram.runId}/enrollments`);
    expect(refused.status).toBe(403);
    expect((await methodist.get(`/admin/programs/${zarechProgram.programId}/runs/${zarechProgram.runId}/enrollments.csv`)).status).toBe(403);
  });

  it("changes only the own municipality's programmes", async () => {
    const zarechProgram = addProgram(t.db, 'zarech-course', 5, { municipality: zarech });
    const page = await (await methodist.get(`/admin/programs/${zarechProgram.programId}`)).text();
    expect(page).toContain('вы можете её смотреть, но не менять');
    const archive = await methodist.post(`/admin/programs/${zarechProgram.programId}/archive`, { archived: '1' });
    expect(archive.status).toBe(403);
    expect(count('SELECT archived AS n FROM programs WHERE id = ?', zarechProgram.programId)).toBe(0);

    const created = await methodist.post('/admin/programs/new', {
      id: 'belo-own',
      title: 'Наставничество в школе',
      provider: 'ММС Белоозёрска',
      hours: '16',
      format: 'ochno',
      competencies: ['communicative'],
      // A methodist cannot choose the municipality: the field is ignored.
      municipality: zarech,
    });
    expect(created.status).toBe(303);
    const stored = t.db.prepare('SELECT m.name FROM programs p JOIN municipalities m ON m.id = p.municipality_id WHERE p.id = ?').get('belo-own');
    expect(stored).toEqual({ name: belo });
  });

  it('may not upload instrument versions', async () => {
    const refused = await methodist.upload('/admin/diagnostics', { name: 'x.json', content: '{}', type: 'application/json' });
    expect(refused.status).toBe(403);
    expect(await (await methodist.get('/admin/diagnostics')).text()).toContain('Новые версии загружает региональный администратор.');
  });

  it('sees in the journal only what concerns the own municipality', async () => {
    await admin.post(`/admin/roster/teachers/${foreign}/code`);
    await admin.post(`/admin/roster/teachers/${own}/code`);
    const [ownName, foreignName] = [t.demo.teachers[0]!.name, t.demo.teachers[4]!.name];
    const journal = await (await methodist.get('/admin/audit')).text();
    expect(journal).toContain(`href="/admin/teachers/${own}">${ownName}`);
    expect(journal).not.toContain(foreignName);
    expect(journal).toContain('metodist (методист)');
    const full = await (await admin.get('/admin/audit')).text();
    expect(full).toContain(`href="/admin/teachers/${foreign}">${foreignName}`);
  });
});
