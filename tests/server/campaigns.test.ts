import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentPeriod, periodDates } from '../../server/features/aggregates/period.ts';
import { issueConnectionCode } from '../../server/features/connection/code-store.ts';
import { insertTeacher } from '../../server/features/roster/store.ts';
import { hashPassword } from '../../server/platform/auth/secrets.ts';
import { redeemConnectionCode } from '../../server/platform/database/device-store.ts';
import { insertStaff } from '../../server/platform/database/staff-store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { sendSitting } from '../helpers/diagnostics.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';
const school = 'МБОУ «Школа кампании»';
const otherSchool = 'МБОУ «Вторая школа кампании»';

const day = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The window the tests open: from today for ten days, inside the running учебный год. */
const period = currentPeriod();
const window = { opensOn: day(0), closesOn: [day(10), periodDates(period).end].sort()[0]! };

describe('диагностические кампании: who has not taken the diagnostic, by school, and a reminder in her panel', () => {
  let t: TestApp;
  let methodist: AdminClient;
  let admin: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, t.demo.methodist.login, t.demo.methodist.password);
    admin = await signIn(t.app, t.demo.admin.login, t.demo.admin.password);
  });
  afterEach(() => t.dispose());

  function teacher(municipality: string, schoolName: string, lastName: string): { teacherId: number; token: string } {
    const teacherId = insertTeacher(t.db, {
      municipality,
      school: schoolName,
      lastName,
      firstName: 'Анна',
      middleName: 'Петровна',
      position: 'учитель',
      subjects: 'история',
      experienceYears: 5,
    });
    const device = redeemConnectionCode(t.db, issueConnectionCode(t.db, teacherId), 'ноутбук');
    if (!device.ok) throw new Error('not connected');
    return { teacherId, token: device.token };
  }

  async function open(client: AdminClient, fields: Record<string, string | string[]> = {}): Promise<number> {
    const response = await client.post('/admin/campaigns', { period, ...window, where: '', ...fields });
    expect(response.status, await response.clone().text()).toBe(303);
    return Number(/\/admin\/campaigns\/(\d+)$/.exec(response.headers.get('location')!)![1]);
  }

  const mine = async (token: string) =>
    (await bodyOf(await t.json('GET', '/api/v1/me/campaigns', undefined, token))).items as { id: number; taken: boolean; reminders: { text: string }[] }[];
  const municipalityId = (name: string) => t.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get(name) as number;

  it('lists who has not by school; her attempt in the window takes her off the list and off her panel', async () => {
    const anna = teacher(belo, school, 'Кампаниева');
    const vera = teacher(belo, school, 'Непройдёнова');
    const far = teacher(zarech, otherSchool, 'Заречная');
    const id = await open(methodist, { where: String(municipalityId(belo)) });

    // Her panel: the campaign is open and not taken; a teacher of another municipality is not addressed.
    expect(await mine(anna.token)).toMatchObject([{ id, taken: false, reminders: [] }]);
    expect(await mine(far.token)).toEqual([]);

    let page = await (await methodist.get(`/admin/campaigns/${id}`)).text();
    expect(page).toContain('Кампаниева Анна Петровна');
    expect(page).toContain('Непройдёнова Анна Петровна');
    expect(page).not.toContain('Заречная');

    // The burnout screening is not the diagnostic; the self-assessment is.
    await sendSitting(t, anna.token, 'burnoutScreening', 'strong');
    expect(await mine(anna.token)).toMatchObject([{ taken: false }]);
    await sendSitting(t, anna.token, 'selfAssessment', 'strong');
    expect(await mine(anna.token)).toMatchObject([{ taken: true }]);
    page = await (await methodist.get(`/admin/campaigns/${id}`)).text();
    expect(page).not.toContain('Кампаниева');
    expect(page).toContain('Непройдёнова');
    expect(page).toMatch(/Школа кампании.*?<td class="num">2<\/td><td class="num">1<\/td><td class="num">1<\/td>/s);

    // An attempt from before the window does not count.
    await sendSitting(t, vera.token, 'selfAssessment', 'strong', new Date(`${periodDates(period).start}T10:00:00Z`));
    expect(await mine(vera.token)).toMatchObject([{ taken: window.opensOn === periodDates(period).start }]);
  });

  it('a reminder reaches those who had not taken it, in the chosen school only, and shows in their panel', async () => {
    const anna = teacher(belo, school, 'Кампаниева');
    const vera = teacher(belo, school, 'Напомненная');
    const boris = teacher(belo, otherSchool, 'Другошкольный');
    await sendSitting(t, anna.token, 'selfAssessment', 'strong');
    const id = await open(admin); // the republic's
    const schoolId = t.db.prepare('SELECT id FROM schools WHERE name = ?').pluck().get(school) as number;

    const sent = await methodist.post(`/admin/campaigns/${id}/reminders`, { school: String(schoolId), text: 'Пройдите диагностику до пятницы.' });
    expect(sent.status).toBe(303);
    expect(await mine(vera.token)).toMatchObject([{ id, taken: false, reminders: [{ text: 'Пройдите диагностику до пятницы.' }] }]);
    expect(await mine(anna.token)).toMatchObject([{ taken: true, reminders: [] }]);
    expect(await mine(boris.token)).toMatchObject([{ taken: false, reminders: [] }]);
    expect(await (await methodist.get(`/admin/campaigns/${id}`)).text()).toContain('Пройдите диагностику до пятницы.');

    // An empty text is refused with a sentence, and nothing is sent.
    const refused = await methodist.post(`/admin/campaigns/${id}/reminders`, { school: '', text: '  ' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Текст напоминания: от 1 до 500 знаков.');
    expect(t.db.prepare('SELECT count(*) FROM campaign_reminders').pluck().get()).toBe(1);
  });

  it('refuses a window outside the учебный год or upside down, field by field, and opens nothing', async () => {
    const { start } = periodDates(period);
    const response = await methodist.post('/admin/campaigns', { period, opensOn: day(5), closesOn: day(1), where: String(municipalityId(belo)) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Дата закрытия не может быть раньше даты открытия.');
    const outside = await admin.post('/admin/campaigns', { period, opensOn: `${Number(start.slice(0, 4)) - 1}-10-01`, closesOn: day(1), where: '' });
    expect(await outside.text()).toContain(`Сроки кампании должны быть внутри учебного года ${period}`);
    // A methodist cannot open the republic's campaign, nor another municipality's.
    expect((await methodist.post('/admin/campaigns', { period, ...window, where: '' })).status).toBe(400);
    expect((await methodist.post('/admin/campaigns', { period, ...window, where: String(municipalityId(zarech)) })).status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM diagnostic_campaigns').pluck().get()).toBe(0);
  });

  it('another municipality’s methodist is refused; on the republic’s campaign she sees only her own teachers; the council has no access', async () => {
    teacher(belo, school, 'Белоозёрская');
    teacher(zarech, otherSchool, 'Заречная');
    const beloCampaign = await open(methodist, { where: String(municipalityId(belo)) });
    const republic = await open(admin);
    insertStaff(t.db, { login: 'zarech', passwordHash: await hashPassword('пароль-заречного-1'), role: 'methodist', municipalityId: municipalityId(zarech) });
    const other = await signIn(t.app, 'zarech', 'пароль-заречного-1');

    expect((await other.get(`/admin/campaigns/${beloCampaign}`)).status).toBe(403);
    const beloSchoolId = t.db.prepare('SELECT id FROM schools WHERE name = ?').pluck().get(school) as number;
    expect((await other.post(`/admin/campaigns/${beloCampaign}/reminders`, { school: '', text: 'чужое' })).status).toBe(403);
    const list = await (await other.get('/admin/campaigns')).text();
    expect(list).not.toContain(`/admin/campaigns/${beloCampaign}"`);

    const page = await (await other.get(`/admin/campaigns/${republic}`)).text();
    expect(page).toContain('Заречная');
    expect(page).not.toContain('Белоозёрская');
    expect(page).not.toContain(school);
    // A reminder to another municipality's school is refused, and nobody of it gets one.
    const refused = await other.post(`/admin/campaigns/${republic}/reminders`, { school: String(beloSchoolId), text: 'чужой школе' });
    expect(refused.status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM campaign_reminders').pluck().get()).toBe(0);

    const council = await signIn(t.app, t.demo.council.login, t.demo.council.password);
    for (const path of ['/admin/campaigns', `/admin/campaigns/${republic}`]) {
      const response = await council.get(path);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('Заречная');
    }
  });
});
