import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { catalogueDay } from '../../shared/schemas/program.ts';
import { signUp } from '../../server/features/catalogue/enrollment-store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const catalogueHeader = 'program_id,title,provider,hours,format,competencies,municipality,registry_url,run_id,start,end,seats';

/** Text of a page without tags, for assertions on what a person reads. */
async function textOf(response: Response): Promise<string> {
  return (await response.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('the admin pages, each on its happy path', () => {
  let t: TestApp;
  let admin: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
  });
  afterEach(() => t.dispose());

  const count = (sql: string, ...params: unknown[]) => (t.db.prepare(sql).get(...params) as { n: number }).n;
  const audit = (action: string) => t.db.prepare('SELECT actor, target FROM audit_log WHERE action = ? ORDER BY id').all(action);

  it('navigates every section, the reports ones included, and lands on Обзор', async () => {
    const page = await (await admin.get('/admin/teachers')).text();
    for (const [href, name] of [
      ['/admin/overview', 'Обзор'],
      ['/admin/teachers', 'Педагоги'],
      ['/admin/programs', 'Программы ДПО'],
      ['/admin/demand', 'Спрос'],
      ['/admin/effectiveness', 'Эффективность'],
      ['/admin/roster', 'Реестр педагогов'],
      ['/admin/diagnostics', 'Диагностики'],
      ['/admin/audit', 'Журнал действий'],
    ]) {
      expect(page).toContain(`href="${href}"`);
      expect(page).toContain(`>${name}</a>`);
    }
    expect(page).toContain('<a href="/admin/teachers" aria-current="page">');
    expect((await admin.get('/admin')).headers.get('location')).toBe('/admin/overview');
  });

  it('filters teachers by name and by deficit, and pages a long list', async () => {
    expect(await textOf(await admin.get('/admin/teachers?q=соколова'))).toContain('Соколова Анна Викторовна');
    expect(await textOf(await admin.get('/admin/teachers?q=соколова'))).not.toContain('Бирюков');
    for (let i = 0; i < 60; i++) teacherWithToken(t.db, 100 + i);
    const first = await textOf(await admin.get('/admin/teachers'));
    expect(first).toContain('Страница 1 из 2; всего 68');
    expect(await textOf(await admin.get('/admin/teachers?page=2'))).toContain('Страница 2 из 2; всего 68');

    const token = (await bodyOf(await t.json('POST', '/api/v1/connect', { code: t.demo.teachers[1]!.code, device: 'ноутбук' }))).token;
    await t.json('POST', '/api/v1/attempts', sitting('selfAssessment', 1, '2026-10-01T10:00:00Z'), token);
    const withDeficit = await textOf(await admin.get('/admin/teachers?deficit=methodical'));
    expect(withDeficit).toContain('Бирюков Олег Степанович');
    expect(withDeficit).toContain('всего 1');
  });

  it("shows a teacher's competency profile over time and never their burnout screening", async () => {
    const teacher = t.demo.teachers[0]!;
    const token = (await bodyOf(await t.json('POST', '/api/v1/connect', { code: teacher.code, device: 'ноутбук' }))).token;
    for (const body of [
      sitting('selfAssessment', 2, '2026-09-15T10:00:00Z'),
      sitting('selfAssessment', 4, '2026-11-15T10:00:00Z'),
      sitting('burnoutScreening', 5, '2026-11-16T10:00:00Z'),
    ]) {
      expect((await t.json('POST', '/api/v1/attempts', body, token)).status).toBe(201);
    }
    const page = await admin.get(`/admin/teachers/${teacher.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = await textOf(new Response(html));
    expect(text).toContain('Соколова Анна Викторовна');
    expect(text).toContain('Профиль компетенций сейчас');
    expect(text).toContain('15.09.2026 Самодиагностика профессиональных дефицитов');
    expect(text).toContain('15.11.2026 Самодиагностика профессиональных дефицитов');
    // Growth between the two self-assessments, named by the instrument and the dates compared.
    expect(text).toMatch(/\+\d+(\.\d)? Самодиагностика профессиональных дефицитов: 15\.09\.2026 → 15\.11\.2026/);
    expect(text).toContain('Подключённых устройств: 1');
    expect(html).not.toContain('Профессиональное выгорание: скрининг');
    expect(html).not.toContain('16.11.2026');
    expect(html).not.toMatch(/wellbeing|Risk|риск/);
  });

  it('creates a programme with errors next to the fields, edits, archives, adds and edits a run', async () => {
    const bad = await admin.post('/admin/programs/new', { id: 'Bad id', title: 'ИИ', provider: 'ЦНППМ', hours: 'много', format: 'ochno' });
    expect(bad.status).toBe(400);
    const badText = await textOf(bad);
    expect(badText).toContain('Код программы: сначала строчная латинская буква');
    expect(badText).toContain('Компетенции: отметьте хотя бы одну.');
    expect(count('SELECT count(*) AS n FROM programs WHERE title = ?', 'ИИ')).toBe(0);

    const fields = {
      id: 'ai-basics',
      title: 'Основы ИИ для учителя',
      provider: 'ЦНППМ',
      hours: '36',
      format: 'distance',
      competencies: ['digital', 'methodical'],
      municipality: belo,
      registryUrl: 'https://dppo.apkpro.ru/program/123',
    };
    const created = await admin.post('/admin/programs/new', fields);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/programs/ai-basics');
    const page = await textOf(await admin.get('/admin/programs/ai-basics'));
    expect(page).toContain('Программа сохранена.');
    expect(page).toContain(belo);
    expect((await admin.post('/admin/programs/new', fields)).status).toBe(400);
    const script = await admin.post('/admin/programs/new', { ...fields, id: 'ai-script', registryUrl: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect(await script.text()).toContain('id="registryUrl-error"');

    expect((await admin.post('/admin/programs/ai-basics', { ...fields, hours: '72' })).status).toBe(303);
    expect(count('SELECT hours AS n FROM programs WHERE id = ?', 'ai-basics')).toBe(72);

    // Counted from today: a run that has ended takes no sign-ups.
    const now = new Date();
    const run = { runId: 'ai-basics-1', start: catalogueDay(now, 60), end: catalogueDay(now, 80), seats: '2' };
    const backwards = await admin.post('/admin/programs/ai-basics/runs', { ...run, end: catalogueDay(now, 30) });
    expect(backwards.status).toBe(400);
    expect(await textOf(backwards)).toContain('Окончание: укажите дату не раньше начала потока.');
    expect((await admin.post('/admin/programs/ai-basics/runs', run)).status).toBe(303);
    expect(count('SELECT seats AS n FROM program_runs WHERE id = ?', 'ai-basics-1')).toBe(2);

    // Seats cannot drop below the confirmed sign-ups; adding seats confirms those waiting.
    for (let i = 0; i < 3; i++) {
      const signed = signUp(t.db, { id: uuid(), teacherId: teacherWithToken(t.db, i).teacherId, programId: 'ai-basics', runId: 'ai-basics-1' });
      expect(signed.kind).toBe('created');
    }
    const tooFew = await admin.post('/admin/programs/ai-basics/runs/ai-basics-1', { ...run, seats: '1' });
    expect(tooFew.status).toBe(400);
    expect(await textOf(tooFew)).toContain('Мест не может быть меньше, чем уже подтверждённых записей (2).');
    expect((await admin.post('/admin/programs/ai-basics/runs/ai-basics-1', { ...run, seats: '3' })).status).toBe(303);
    expect(count("SELECT count(*) AS n FROM enrollments WHERE run_id = 'ai-basics-1' AND status = 'confirmed'")).toBe(3);

    expect((await admin.post('/admin/programs/ai-basics/archive', { archived: '1' })).status).toBe(303);
    expect(count('SELECT archived AS n FROM programs WHERE id = ?', 'ai-basics')).toBe(1);
    expect(await textOf(await admin.get('/admin/programs'))).not.toContain('Основы ИИ для учителя');
    expect(await textOf(await admin.get('/admin/programs?archived=1'))).toContain('Основы ИИ для учителя');
    expect(audit('program.create')).toEqual([{ actor: 'staff:admin', target: 'program:ai-basics' }]);
    expect(audit('program.archive')).toEqual([{ actor: 'staff:admin', target: 'program:ai-basics' }]);
  });

  it('lists the enrollments of a run and exports them as CSV', async () => {
    const { programId, runId } = addProgram(t.db, 'export-me', 1);
    const first = teacherWithToken(t.db, 1).teacherId;
    const second = teacherWithToken(t.db, 2).teacherId;
    signUp(t.db, { id: uuid(), teacherId: first, programId, runId });
    signUp(t.db, { id: uuid(), teacherId: second, programId, runId });
    const page = await textOf(await admin.get(`/admin/programs/${programId}/runs/${runId}/enrollments`));
    expect(page).toContain('Учитель1 Тест');
    expect(page).toContain('в листе ожидания');
    const csv = await admin.get(`/admin/programs/${programId}/runs/${runId}/enrollments.csv`);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Фамилия', 'Имя', 'Отчество', 'Муниципалитет', 'Школа', 'Состояние', 'Дата записи']);
    expect(rows.slice(1).map((row) => [row[0], row[5]])).toEqual([
      ['Учитель1', 'место подтверждено'],
      ['Учитель2', 'в листе ожидания'],
    ]);

    // The confirmed one finished the course: staff mark it, and only a confirmed sign-up can be marked.
    const [confirmed, waiting] = t.db.prepare('SELECT id FROM enrollments WHERE run_id = ? ORDER BY queued_seq').all(runId) as { id: string }[];
    const path = `/admin/programs/${programId}/runs/${runId}/enrollments`;
    expect((await admin.post(`${path}/${confirmed!.id}/complete`)).headers.get('location')).toBe(path);
    expect(await textOf(await admin.get(path))).toContain('Обучение отмечено как завершённое: Учитель1 Тест.');
    expect(t.db.prepare('SELECT status FROM enrollments WHERE id = ?').get(confirmed!.id)).toEqual({ status: 'completed' });
    await admin.post(`${path}/${waiting!.id}/complete`);
    expect(await textOf(await admin.get(path))).toContain('Завершить можно только подтверждённую запись, а эта — в листе ожидания.');
    expect(audit('enrollment.complete')).toEqual([{ actor: 'staff:admin', target: confirmed!.id }]);
  });

  it('imports the catalogue only after a preview that lists every broken row, through the CLI code path', async () => {
    const broken = [
      catalogueHeader,
      'lit-reading,Смысловое чтение на уроках,ГАУ ДПО ИРО,36,очно,предметная,,,lit-reading-1,2027-01-10,2027-01-20,25',
      'lit-reading,Смысловое чтение на уроках,ГАУ ДПО ИРО,36,очно,предметная,,,lit-reading-2,2027-13-01,2027-04-20,25',
      'mentor-school,Школа наставника,ЦНППМ,сорок,очно-заочно,коммуникативная,,,mentor-1,2027-02-01,2027-02-10,15',
    ].join('\n');
    const preview = await admin.upload('/admin/programs/import', { name: 'каталог.csv', content: broken });
    expect(preview.status).toBe(200);
    const text = await textOf(preview);
    expect(text).toContain('Строк в файле: 3; без ошибок: 1; с ошибками: 2.');
    expect(text).toContain('3 столбец «start»: нужна дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ');
    expect(text).toContain('4 столбец «hours»: нужно целое число');
    expect(count("SELECT count(*) AS n FROM programs WHERE id IN ('lit-reading', 'mentor-school')")).toBe(0);

    const fixed = broken.replace('2027-13-01', '2027-03-01').replace(',сорок,', ',40,');
    const second = await (await admin.upload('/admin/programs/import', { name: 'каталог.csv', content: fixed })).text();
    expect(second).toContain('Ошибок нет.');
    const uploadId = /name="upload" value="([^"]+)"/.exec(second)![1]!;
    const confirmed = await admin.post('/admin/programs/import/confirm', { upload: uploadId });
    expect(confirmed.status).toBe(303);
    expect(await textOf(await admin.get('/admin/programs'))).toContain('Каталог загружен: новых программ 2, обновлено 0, потоков 3.');
    expect(count("SELECT count(*) AS n FROM program_runs WHERE program_id IN ('lit-reading', 'mentor-school')")).toBe(3);
    expect(audit('catalogue.import')).toEqual([{ actor: 'staff:admin', target: '' }]);
    // The kept file is gone once used: confirming twice does not import twice.
    expect((await admin.post('/admin/programs/import/confirm', { upload: uploadId })).status).toBe(400);
  });

  it('says what is wrong with a file that cannot be read at all', async () => {
    const response = await admin.upload('/admin/programs/import', { name: 'x.csv', content: 'title,provider\nА,Б' });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain('В заголовке нет обязательных столбцов');
    const none = await admin.upload('/admin/roster/import', { name: 'x.csv', content: new Uint8Array([0xff, 0xfe, 0x41]) });
    expect(await textOf(none)).toContain('Файл не в кодировке UTF-8');
    const huge = await admin.upload('/admin/roster/import', { name: 'x.csv', content: 'а'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await textOf(huge)).toContain('Файл слишком большой: можно загрузить не больше 5 МБ.');
  });

  it('imports a roster after its preview and hands out the new codes as a CSV that works for connecting', async () => {
    const file = [
      'Фамилия;Имя;Отчество;Муниципалитет;Школа;Должность;Предметы;Стаж',
      `Новикова;Елена;Игоревна;${belo};МБОУ «Гимназия № 3» г. Белоозёрска;учитель;химия;4`,
      `Соколова;Анна;Викторовна;${belo};МБОУ «Средняя общеобразовательная школа № 1» г. Белоозёрска;учитель;русский язык;2`,
      `Орлов;7;;${belo};МБОУ «Гимназия № 3» г. Белоозёрска;учитель;;`,
    ].join('\r\n');
    const preview = await (await admin.upload('/admin/roster/import', { name: 'список.csv', content: file })).text();
    expect(preview).toContain('Новых педагогов: 1');
    expect(preview).toContain('Уже есть в базе (останутся как есть): 1');
    expect(preview).toContain('столбец «Имя»: только буквы, пробел, дефис и апостроф');
    expect(count("SELECT count(*) AS n FROM teachers WHERE last_name = 'Новикова'")).toBe(0);

    const uploadId = /name="upload" value="([^"]+)"/.exec(preview)![1]!;
    const confirmed = await admin.post('/admin/roster/import/confirm', { upload: uploadId, skipInvalid: '1' });
    expect(confirmed.status).toBe(303);
    const codesPage = confirmed.headers.get('location')!;
    const page = await textOf(await admin.get(codesPage));
    expect(page).toContain('Загружено новых педагогов: 1; уже были: 1; пропущено строк с ошибками: 1.');
    const csv = await admin.get(`${codesPage}/csv`);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="profrost-codes-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Фамилия', 'Имя', 'Отчество', 'Школа', 'Код', 'Действует до']);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 4)).toEqual(['Новикова', 'Елена', 'Игоревна', 'МБОУ «Гимназия № 3» г. Белоозёрска']);
    const connected = await t.json('POST', '/api/v1/connect', { code: rows[1]![4], device: 'ноутбук' });
    expect(connected.status).toBe(201);
    expect(audit('roster.import')).toEqual([{ actor: 'staff:admin', target: '' }]);

    // Another session cannot read these codes.
    const other = await signIn(t.app, 'admin', t.demo.admin.password);
    expect((await other.get(`${codesPage}/csv`)).status).toBe(404);
  });

  it('issues codes to the unconnected teachers of a school, reissues one, and revokes devices', async () => {
    const school = (t.db.prepare('SELECT id FROM schools WHERE name = ?').get('МБОУ «Гимназия № 3» г. Белоозёрска') as { id: number }).id;
    const issued = await admin.post('/admin/roster/issue', { school: String(school) });
    expect(issued.status).toBe(303);
    const page = await textOf(await admin.get(issued.headers.get('location')!));
    expect(page).toContain('Лебедева Ирина Алексеевна');
    expect(page).toContain('Гаврильев Николай Петрович');
    expect(page).not.toContain('Соколова');

    const teacher = t.demo.teachers[0]!;
    const { token } = await bodyOf(await t.json('POST', '/api/v1/connect', { code: teacher.code, device: 'ноутбук' }));
    const reissued = await admin.post(`/admin/roster/teachers/${teacher.id}/code`);
    const code = /<code>([2-9A-Z]{4}-[2-9A-Z]{4})<\/code>/.exec(await (await admin.get(reissued.headers.get('location')!)).text())![1]!;
    expect((await t.json('POST', '/api/v1/connect', { code, device: 'планшет' })).status).toBe(201);

    const revoked = await admin.post(`/admin/roster/teachers/${teacher.id}/revoke`);
    expect(revoked.headers.get('location')).toBe(`/admin/teachers/${teacher.id}`);
    expect(await textOf(await admin.get(`/admin/teachers/${teacher.id}`))).toContain('Отозвано устройств: 2 (Соколова Анна Викторовна).');
    expect((await t.json('GET', '/api/v1/me', undefined, token)).status).toBe(401);
    expect(audit('devices.revoke')).toEqual([{ actor: 'staff:admin', target: `teacher:${teacher.id}` }]);
  });

  it('uploads a new instrument version, listing every problem by path first', async () => {
    const selfAssessment = instrumentById('selfAssessment')!;
    const upload = (content: string) => admin.upload('/admin/diagnostics', { name: 'instrument.json', content, type: 'application/json' });

    expect(await textOf(await upload('{ "id": '))).toContain('Файл — не правильный JSON');
    const broken = structuredClone(selfAssessment) as { version: number; items: { measures: { indicator: string }[]; id: string }[] };
    broken.version = 2;
    broken.items[0]!.measures[0]!.indicator = 'no-such-indicator';
    broken.items[1]!.id = broken.items[2]!.id;
    const invalid = await upload(JSON.stringify(broken));
    expect(invalid.status).toBe(400);
    const invalidText = await textOf(invalid);
    expect(invalidText).toContain('Инструмент не сохранён, в нём есть ошибки:');
    expect(invalidText).toMatch(/items\.2\.id|items\.1\.id/);
    expect(count("SELECT count(*) AS n FROM instruments WHERE id = 'selfAssessment'")).toBe(1);

    const same = await upload(JSON.stringify(selfAssessment));
    expect(await textOf(same)).toContain(`Версия ${selfAssessment.version} инструмента «selfAssessment» уже есть`);

    const next = { ...selfAssessment, version: selfAssessment.version + 1, title: 'Самодиагностика, редакция 2027' };
    const saved = await upload(JSON.stringify(next));
    expect(saved.status).toBe(303);
    const list = await textOf(await admin.get('/admin/diagnostics'));
    expect(list).toContain(`Версия ${next.version} инструмента «selfAssessment» сохранена.`);
    expect(list).toContain('Самодиагностика, редакция 2027');
    expect(audit('instrument.upload')).toEqual([{ actor: 'staff:admin', target: `instrument:selfAssessment@${next.version}` }]);
  });

  it("lists staff actions in the journal with the actor's login and role and the teacher's name, newest first, in words", async () => {
    const teacher = t.demo.teachers[0]!;
    await admin.post(`/admin/roster/teachers/${teacher.id}/code`);
    const text = await textOf(await admin.get('/admin/audit'));
    const reissued = `admin (региональный администратор) выдан код подключения ${teacher.name}`;
    expect(text).toContain(reissued);
    expect(text.indexOf(reissued)).toBeLessThan(text.indexOf('admin (региональный администратор) вход admin (региональный администратор)'));
    // No raw reference is left for a person to decode.
    expect(text).not.toMatch(/staff:|teacher:\d|code\.reissue|\{"/);
    const filtered = await textOf(await admin.get('/admin/audit?action=code.reissue'));
    expect(filtered).toContain('всего 1');
    expect(filtered).not.toContain('admin (региональный администратор) вход');
  });
});

/** A sitting of a shipped instrument: every Likert item at `value`, every choice item at its first option. */
function sitting(instrumentId: string, value: number, completedAt: string) {
  const instrument = instrumentById(instrumentId)!;
  const answers: Record<string, unknown> = {};
  for (const item of instrument.items) {
    answers[item.id] = item.kind === 'likert' ? value : item.kind === 'single' ? item.options[0]!.id : [item.options[0]!.id];
  }
  return { id: uuid(), instrumentId, instrumentVersion: instrument.version, answers, completedAt };
}
