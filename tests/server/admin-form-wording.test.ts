import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentById } from '../../shared/content/index.ts';
import { validatorWording } from '../../shared/schemas/human-issues.ts';
import { type AdminClient, postLogin, signIn } from '../helpers/admin-client.ts';
import { addProgram } from '../helpers/catalogue.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';

/** What a person reads on the page: the text without tags. */
async function textOf(response: Response): Promise<string> {
  return (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/**
 * Every admin form, posted with bad values: each answer is refused with sentences written for
 * the fields, and none of the validator's own wording («ожидалось…», «получено string», «>=2»)
 * reaches the page.
 */
describe('the admin forms refuse bad values in human Russian', () => {
  let t: TestApp;
  let admin: AdminClient;
  let methodist: AdminClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
    addProgram(t.db, 'ai-basics', 10, { municipality: belo });
  });
  afterAll(() => t.dispose());

  async function refused(response: Response | Promise<Response>, ...sentences: string[]) {
    const answer = await response;
    expect(answer.status).toBe(400);
    const text = await textOf(answer);
    expect(text).not.toMatch(validatorWording);
    for (const sentence of sentences) expect(text).toContain(sentence);
    return text;
  }

  it('sign-in', async () => {
    await refused(postLogin(t.app, '', ''), 'Введите логин и пароль.');
  });

  it('a new programme and its edit: a sentence for each field, summed up at the top', async () => {
    const bad = { id: 'Bad id', title: 'И', provider: 'Ц', hours: '-3', format: 'по почте', registryUrl: 'ftp://x' };
    for (const [client, path] of [
      [admin, '/admin/programs/new'],
      [methodist, '/admin/programs/new'],
      [admin, '/admin/programs/ai-basics'],
    ] as const) {
      const response = await client.post(path, bad);
      const html = await response.clone().text();
      expect(html).toMatch(/<div class="error-summary" role="alert" tabindex="-1"[^>]*data-focus-on-load/);
      await refused(
        response,
        'Форма не сохранена: исправьте, пожалуйста',
        'Название: от 3 до 300 символов.',
        'Организация: от 2 до 300 символов.',
        'Часов: целое число от 1 до 2000.',
        'Компетенции: отметьте хотя бы одну.',
        'Запись в федеральном реестре ДПП: адрес страницы',
      );
    }
    await refused(
      admin.post('/admin/programs/new', { ...bad, id: 'ai-2', hours: '2.5', format: 'ochno', competencies: 'digital' }),
      'Часов: целое число от 1 до 2000.',
    );
    // The code's hint and its error name the same characters.
    const form = await textOf(await admin.get('/admin/programs/new'));
    expect(form).toContain('Сначала строчная латинская буква, дальше латинские буквы, цифры, «-», «_» или «.», всего не больше 64 знаков.');
    await refused(
      admin.post('/admin/programs/new', { ...bad, id: 'Bad id' }),
      'Код программы: сначала строчная латинская буква, дальше латинские буквы, цифры, «-», «_» или «.», всего не больше 64 знаков.',
    );
  });

  it('a new run and its edit', async () => {
    await refused(
      admin.post('/admin/programs/ai-basics/runs', { runId: 'Поток 1', start: '', end: '31.02.2027', seats: '-1' }),
      'Код потока: сначала строчная латинская буква',
      'Начало: укажите дату начала потока.',
      'Окончание: укажите дату не раньше начала потока.',
      'Мест: целое число от 0 до 10 000.',
    );
    await refused(
      admin.post('/admin/programs/ai-basics/runs', { runId: 'ai-1', start: '2027-03-10', end: '2027-03-12', seats: 'десять' }),
      'Мест: целое число от 0 до 10 000.',
    );
    await refused(
      admin.post('/admin/programs/ai-basics/runs', { runId: 'ai-1', start: '2027-03-10', end: '2027-03-01', seats: '10' }),
      'Окончание: укажите дату не раньше начала потока.',
    );
    await refused(
      admin.post('/admin/programs/ai-basics/runs/ai-basics-1', { start: '2027-03-10', end: '2027-03-12', seats: '-1' }),
      'Мест: целое число от 0 до 10 000.',
    );
  });

  it('the catalogue and roster imports list each bad row in words', async () => {
    const catalogue = [
      'program_id,title,provider,hours,format,competencies,municipality,registry_url,run_id,start,end,seats',
      `Bad,И,Ц,-3,по почте,летательная,${belo},ftp://x,r 1,2027-02-31,2027-01-01,-5`,
    ].join('\n');
    const text = await textOf(await admin.upload('/admin/programs/import', { name: 'каталог.csv', content: catalogue }));
    expect(text).not.toMatch(validatorWording);
    expect(text).toContain('с ошибками: 1');
    const roster = ['Фамилия;Имя;Отчество;Муниципалитет;Школа;Стаж', `И1ванов;;Петрович;${belo};;сто`, `;Анна;;${belo};МБОУ СОШ № 1;80`].join('\n');
    const rosterText = await textOf(await methodist.upload('/admin/roster/import', { name: 'реестр.csv', content: roster }));
    expect(rosterText).not.toMatch(validatorWording);
    expect(rosterText).toContain('с ошибками: 2');
    await refused(methodist.upload('/admin/roster/import', { name: 'пусто.csv', content: '' }));
    await refused(methodist.post('/admin/roster/issue', { school: '' }));
  });

  it('a diagnostic uploaded with wrong types and bounds', async () => {
    const instrument = structuredClone(instrumentById('selfAssessment')!) as unknown as Record<string, unknown>;
    instrument.version = 'два';
    instrument.title = 'И';
    (instrument.items as Record<string, unknown>[])[0]!.text = 5;
    const text = await refused(admin.upload('/admin/diagnostics', { name: 'диагностика.json', content: JSON.stringify(instrument), type: 'application/json' }));
    expect(text).toMatch(/нужно целое число|нужно число/);
    expect(text).toContain('нужен текст');
  });
});
