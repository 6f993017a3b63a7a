import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const gymnasium = 'МБОУ «Гимназия № 3» г. Белоозёрска';
const zarechSchool = 'МБОУ «Заречная средняя школа»';

describe('subjects and school flags on the staff pages', () => {
  let t: TestApp;
  let methodist: AdminClient;
  let admin: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
  });
  afterEach(() => t.dispose());

  const schoolId = (name: string) => (t.db.prepare('SELECT id FROM schools WHERE name = ?').get(name) as { id: number }).id;
  const names = async (client: AdminClient, query: string) => {
    const html = await (await client.get(`/admin/teachers?${query}`)).text();
    return ['Соколова', 'Бирюков', 'Лебедева', 'Гаврильев', 'Павлова', 'Егоров', 'Кузьмина', 'Алексеев'].filter((name) => html.includes(`>${name} `));
  };

  it('filters «Педагоги» by subject, read from the roster’s spelling, a teacher with two subjects under each', async () => {
    expect(await names(methodist, 'subject=mathematics')).toEqual(['Бирюков']);
    expect(await names(methodist, 'subject=informatics')).toEqual(['Гаврильев']);
    expect(await names(methodist, 'subject=physics')).toEqual(['Гаврильев']);
    expect(await names(methodist, 'subject=literature')).toEqual(['Соколова']);
    expect(await names(methodist, 'subject=foreignLanguage')).toEqual(['Лебедева']);
    // Another municipality's teachers stay out of a methodist's list whatever the subject.
    expect(await names(methodist, 'subject=history')).toEqual([]);
    expect(await names(admin, 'subject=history')).toEqual(['Егоров']);
    // A changed «Предметы» is read again before the next filter.
    t.db.prepare("UPDATE teachers SET subjects = 'Рус. яз., математика и информатика' WHERE last_name = 'Лебедева'").run();
    expect(await names(methodist, 'subject=mathematics')).toEqual(['Бирюков', 'Лебедева']);
    expect(await names(methodist, 'subject=foreignLanguage')).toEqual([]);
  });

  it('finds the teachers whose subjects are unread from an index of those alone, not a scan of the roster on every page', () => {
    // Read at the server's start: nothing is left for a request.
    expect(t.db.prepare('SELECT count(*) FROM teachers WHERE subjects_read IS NOT subjects').pluck().get()).toBe(0);
    const plan = t.db.prepare('EXPLAIN QUERY PLAN SELECT id, subjects FROM teachers WHERE subjects_read IS NOT subjects').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('; ')).toContain('USING INDEX teachers_subjects_unread');
  });

  it('marks a school ШНОР on its page, and «Педагоги» filters by the mark', async () => {
    const id = schoolId(gymnasium);
    expect(await names(methodist, 'schoolFlag=lowResults')).toEqual([]);
    const saved = await methodist.post(`/admin/schools/${id}`, { flags: ['lowResults'] });
    expect(saved.status).toBe(303);
    const page = await (await methodist.get(`/admin/schools/${id}`)).text();
    expect(page).toContain('Отметки школы сохранены.');
    expect(page).toMatch(/id="flag-lowResults"[^>]*checked/);
    expect(await names(methodist, 'schoolFlag=lowResults')).toEqual(['Лебедева', 'Гаврильев']);
    expect(await names(methodist, 'schoolFlag=lowResults&subject=physics')).toEqual(['Гаврильев']);
    expect(await names(methodist, 'schoolFlag=adverseConditions')).toEqual([]);
    const list = await (await methodist.get('/admin/schools?flag=lowResults')).text();
    expect(list).toContain('Гимназия № 3');
    expect(list).not.toContain('Средняя общеобразовательная школа № 1');
    // Unchecking every box clears the mark.
    await methodist.post(`/admin/schools/${id}`, {});
    expect(await names(methodist, 'schoolFlag=lowResults')).toEqual([]);
  });

  it('marks schools from a CSV with Russian headers after a preview; rows of another municipality or unknown schools are refused', async () => {
    const belo = 'Городской округ Белоозёрск';
    const file = [
      'Муниципалитет;Образовательная организация;ШНОР;Неблагоприятные социальные условия',
      `${belo};${gymnasium};да;`,
      `${belo};МБОУ «Средняя общеобразовательная школа № 1» г. Белоозёрска;;да`,
      `Заречный муниципальный район;${zarechSchool};да;да`,
      `${belo};МБОУ «Нет такой школы»;да;`,
      `${belo};${gymnasium};может быть;`,
    ].join('\r\n');
    const preview = await methodist.upload('/admin/schools/import', { name: 'школы.csv', content: file });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Строк в файле: 5; без ошибок: 2; с ошибками: 3.');
    expect(html).toContain('можно отмечать только школы своего муниципалитета');
    expect(html).toContain('школы «МБОУ «Нет такой школы»» в муниципалитете «Городской округ Белоозёрск» нет в реестре педагогов');
    expect(html).toContain('в столбцах отметок должно быть «да» или пусто');
    // Nothing is saved before the confirmation.
    expect(await names(methodist, 'schoolFlag=lowResults')).toEqual([]);
    const upload = /name="upload" value="([^"]+)"/.exec(html)![1]!;
    expect((await methodist.post('/admin/schools/import/confirm', { upload })).status).toBe(400);
    expect((await methodist.post('/admin/schools/import/confirm', { upload, skipInvalid: '1' })).status).toBe(303);
    expect(await names(methodist, 'schoolFlag=lowResults')).toEqual(['Лебедева', 'Гаврильев']);
    expect(await names(methodist, 'schoolFlag=adverseConditions')).toEqual(['Соколова', 'Бирюков']);
    const zarech = t.db.prepare('SELECT low_results AS a, adverse_conditions AS b FROM schools WHERE id = ?').get(schoolId(zarechSchool));
    expect(zarech).toEqual({ a: 0, b: 0 });
  });

  it('refuses a methodist another municipality’s school, and changes nothing', async () => {
    const id = schoolId(zarechSchool);
    expect((await methodist.get(`/admin/schools/${id}`)).status).toBe(403);
    expect((await methodist.post(`/admin/schools/${id}`, { flags: ['lowResults', 'adverseConditions'] })).status).toBe(403);
    const flags = t.db.prepare('SELECT low_results AS a, adverse_conditions AS b FROM schools WHERE id = ?').get(id);
    expect(flags).toEqual({ a: 0, b: 0 });
    expect(await (await methodist.get('/admin/schools')).text()).not.toContain('Заречная');
    // The regional administrator may.
    expect((await admin.post(`/admin/schools/${id}`, { flags: ['adverseConditions'] })).status).toBe(303);
    expect(await names(admin, 'schoolFlag=adverseConditions')).toEqual(['Павлова', 'Егоров']);
  });
});
