import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEvent } from '../../server/features/events/store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Events from CSV (issue 22): the programmes' preview, then the confirmation; a methodist loads her municipality's only. */
describe('loading events from CSV', () => {
  let t: TestApp;
  let methodist: AdminClient;
  let admin: AdminClient;
  let own: string;
  beforeAll(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
    own = t.demo.methodist.municipality;
  });
  afterAll(() => t.dispose());

  const file = (rows: string[]) => ({
    name: 'events.csv',
    content: ['Код;Вид;Название;Муниципалитет;Начало;Окончание;Место;Мест;Предмет', ...rows].join('\n'),
  });
  const upload = (client: AdminClient, rows: string[]) => client.upload('/admin/events-import', file(rows));
  const uploadId = (html: string) => /name="upload" value="([^"]+)"/.exec(html)![1]!;

  it('is linked from «Мероприятия»', async () => {
    expect(await (await methodist.get('/admin/events')).text()).toContain('href="/admin/events-import"');
  });

  it('lists every broken row before saving anything, then saves the valid rows only when told to skip the others', async () => {
    const preview = await upload(methodist, [
      `mo-import;заседание МО;Заседание МО учителей физики;${own};15.10.2026;15.10.2026;Школа № 1;30;физика`,
      `contest-import;конкурс;Учитель года;${own};2026-11-01;2026-11-20;Дом учителя;50;`,
      `bad-date;семинар;Семинар без даты;${own};завтра;2026-11-20;Школа;20;`,
      `bad-kind;пикник;Пикник;${own};2026-11-01;2026-11-01;Парк;20;`,
      'republic-import;семинар;Республиканский семинар;;2026-11-01;2026-11-01;ИРО;20;',
    ]);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Строк в файле: 5; без ошибок: 2; с ошибками: 3.');
    expect(html).toContain('Начало: дата пишется как 2025-10-15 или 15.10.2025');
    expect(html).toContain('Вид: «пикник» — не вид мероприятия');
    expect(html).toContain(`можно загружать только мероприятия своего муниципалитета («${own}»)`);
    expect(findEvent(t.db, 'mo-import')).toBeUndefined();

    // Without skipping, nothing is saved.
    expect((await methodist.post('/admin/events-import/confirm', { upload: uploadId(html) })).status).toBe(400);
    expect(findEvent(t.db, 'mo-import')).toBeUndefined();
    const confirmed = await methodist.post('/admin/events-import/confirm', { upload: uploadId(html), skipInvalid: '1' });
    expect(confirmed.status).toBe(303);
    expect(findEvent(t.db, 'mo-import')).toMatchObject({
      kind: 'methodicalAssociation',
      start: '2026-10-15',
      seats: 30,
      municipality: own,
      audienceSubject: 'физика',
    });
    expect(findEvent(t.db, 'contest-import')).toMatchObject({ kind: 'competition', end: '2026-11-20' });
    expect(findEvent(t.db, 'republic-import')).toBeUndefined();
  });

  it('lets the regional admin load republic events, and says what is wrong with a file without the needed columns', async () => {
    const html = await (await upload(admin, ['republic-import;семинар;Республиканский семинар;;2026-11-01;2026-11-01;ИРО;20;'])).text();
    expect(html).toContain('без ошибок: 1; с ошибками: 0');
    expect((await admin.post('/admin/events-import/confirm', { upload: uploadId(html) })).status).toBe(303);
    expect(findEvent(t.db, 'republic-import')).toMatchObject({ municipality: null, title: 'Республиканский семинар' });
    const broken = await admin.upload('/admin/events-import', { name: 'x.csv', content: 'Код;Название\nx;y' });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('В заголовке файла нет столбцов: Вид, Начало, Окончание, Место, Мест.');
  });
});
