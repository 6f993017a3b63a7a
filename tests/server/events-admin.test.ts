import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueDay } from '../../shared/run-dates.ts';
import { signUpForEvent } from '../../server/features/events/store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { addEvent } from '../helpers/events.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';

const form = (extra: Record<string, string> = {}) => ({
  id: 'mo-math-dec',
  kind: 'methodicalAssociation',
  title: 'Заседание МО учителей математики',
  topic: 'Функциональная грамотность',
  stage: '',
  municipality: '',
  start: catalogueDay(new Date()),
  end: catalogueDay(new Date()),
  place: 'МБОУ «СОШ № 1», кабинет 12',
  seats: '25',
  audienceSubject: 'математика',
  audienceExperience: '',
  ...extra,
});

describe('«Мероприятия» on the admin pages', () => {
  let t: TestApp;
  let methodist: AdminClient;
  let admin: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
  });
  afterEach(() => t.dispose());

  const events = () => t.db.prepare('SELECT id, municipality_id AS municipalityId, seats FROM events ORDER BY id').all();
  const attended = (id: string) =>
    t.db.prepare('SELECT attended_at IS NOT NULL AS a, result FROM event_sign_ups WHERE id = ?').get(id) as { a: number; result: string | null };

  it('creates an event from the form, and refuses a wrong one with a sentence for each field, saving nothing', async () => {
    const wrong = await admin.post('/admin/events', form({ title: 'М', seats: 'много', end: catalogueDay(new Date(), -1), id: 'Мероприятие' }));
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('Название: от 3 до 300 знаков.');
    expect(html).toContain('Мест: целое число от 0 до 10 000.');
    expect(html).toContain('Код мероприятия: латинские буквы');
    expect(events()).toEqual([]);

    const created = await admin.post('/admin/events', form());
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/events/mo-math-dec');
    expect(events()).toEqual([{ id: 'mo-math-dec', municipalityId: null, seats: 25 }]);
    const page = await (await admin.get('/admin/events/mo-math-dec')).text();
    expect(page).toContain('Мероприятие «Заседание МО учителей математики» сохранено.');
    expect(page).toContain('заседание МО');
    expect(await (await admin.get('/admin/events')).text()).toContain('Заседание МО учителей математики');

    // The same code again is refused.
    const again = await admin.post('/admin/events', form());
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Мероприятие с таким кодом уже есть');
  });

  it('lets a methodist create only her municipality’s events and change none of another’s', async () => {
    expect((await methodist.post('/admin/events', form({ id: 'own-mo', municipality: zarech }))).status).toBe(303);
    const beloId = (t.db.prepare('SELECT id FROM municipalities WHERE name = ?').get(belo) as { id: number }).id;
    // Whatever she sends, the organiser is her own municipality.
    expect(events()).toEqual([{ id: 'own-mo', municipalityId: beloId, seats: 25 }]);

    addEvent(t.db, 'zarech-seminar', 10, { kind: 'seminar', municipality: zarech });
    addEvent(t.db, 'republic-contest', 10, { kind: 'competition' });
    const list = await (await methodist.get('/admin/events')).text();
    expect(list).toContain('Заседание МО учителей математики');
    expect(list).toContain('Заседание МО republic-contest');
    expect(list).not.toContain('zarech-seminar');
    const refused = await methodist.post('/admin/events/zarech-seminar', form({ id: 'zarech-seminar', seats: '1' }));
    expect(refused.status).toBe(403);
    expect((await methodist.post('/admin/events/republic-contest', form({ id: 'republic-contest', seats: '1' }))).status).toBe(403);
    expect(events()).toContainEqual(expect.objectContaining({ id: 'zarech-seminar', seats: 10 }));
    expect(events()).toContainEqual(expect.objectContaining({ id: 'republic-contest', seats: 10 }));
  });

  it('marks attendance and results only for the teachers of her municipality, and shows no one else', async () => {
    addEvent(t.db, 'contest', 10, { kind: 'competition', stage: 'муниципальный этап' });
    const own = teacherWithToken(t.db, 1, belo);
    const foreign = teacherWithToken(t.db, 2, zarech);
    const [ownId, foreignId] = [uuid(), uuid()];
    signUpForEvent(t.db, { id: ownId, teacherId: own.teacherId, eventId: 'contest' });
    signUpForEvent(t.db, { id: foreignId, teacherId: foreign.teacherId, eventId: 'contest' });

    const page = await (await methodist.get('/admin/events/contest')).text();
    expect(page).toContain('Учитель1 Тест');
    expect(page).not.toContain('Учитель2');
    expect(page).toContain('Вы видите записи педагогов только вашего муниципалитета.');

    const refused = await methodist.post(`/admin/events/contest/sign-ups/${foreignId}/attendance`, { present: '1' });
    expect(refused.status).toBe(403);
    expect(attended(foreignId)).toEqual({ a: 0, result: null });
    expect((await methodist.post(`/admin/events/contest/sign-ups/${foreignId}/result`, { result: 'winner' })).status).toBe(403);

    expect((await methodist.post(`/admin/events/contest/sign-ups/${ownId}/attendance`, { present: '1' })).status).toBe(303);
    expect((await methodist.post(`/admin/events/contest/sign-ups/${ownId}/result`, { result: 'prizeWinner' })).status).toBe(303);
    expect(attended(ownId)).toEqual({ a: 1, result: 'prizeWinner' });
    const after = await (await methodist.get('/admin/events/contest')).text();
    expect(after).toContain('Результат сохранён: Учитель1 Тест.');
    expect(after).toMatch(/<option value="prizeWinner" selected="">призёр<\/option>/);

    // The admin sees both and may mark the other.
    const all = await (await admin.get('/admin/events/contest')).text();
    expect(all).toContain('Учитель2 Тест');
    expect((await admin.post(`/admin/events/contest/sign-ups/${foreignId}/attendance`, { present: '1' })).status).toBe(303);
    expect(attended(foreignId)).toEqual({ a: 1, result: null });
    expect(t.db.prepare("SELECT actor FROM audit_log WHERE action = 'event.attended' ORDER BY id").all()).toEqual([
      { actor: 'staff:metodist' },
      { actor: 'staff:admin' },
    ]);
  });
});
