import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summaryNames } from '../../../shared/api/summaries.ts';
import { hashPassword } from '../../../server/platform/auth/secrets.ts';
import { createCouncilToken } from '../../../server/platform/database/council-token-store.ts';
import { findMunicipalityId } from '../../../server/features/roster/store.ts';
import { insertStaff } from '../../../server/platform/database/staff-store.ts';
import { type AdminClient, signIn } from '../../helpers/admin-client.ts';
import { uuid } from '../../helpers/catalogue.ts';
import { addAttempt } from '../../helpers/reports.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { mentorCategory, person, tokenFor, zarech } from './mentoring-helpers.ts';

const today = new Date().toISOString().slice(0, 10);
const secret = 'Секретная заметка 7f3a: обсудили конфликт с завучем';

describe('«Наставничество» for staff', () => {
  let t: TestApp;
  let methodist: AdminClient;
  let admin: AdminClient;
  let foreign: AdminClient;
  let mentee: number;
  let mentor: number;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
    const zarechId = findMunicipalityId(t.db, zarech, (v) => v)!;
    insertStaff(t.db, { login: 'zarech', passwordHash: await hashPassword('zarech-пароль-1'), role: 'methodist', municipalityId: zarechId });
    foreign = await signIn(t.app, 'zarech', 'zarech-пароль-1');
    mentee = person(t.db, 'Новикова', { experienceYears: 1, subjects: 'математика' });
    mentor = person(t.db, 'Старцева', { category: mentorCategory, subjects: 'математика' });
    addAttempt(t.db, mentee, '2026-10-01T10:00:00.000Z', { methodical: 30, digital: 90 });
  });
  afterEach(() => t.dispose());

  const pairs = () => (t.db.prepare('SELECT count(*) AS n FROM mentoring_pairs').get() as { n: number }).n;

  async function pairThem(client: AdminClient) {
    const page = await (await client.get(`/admin/mentoring?mentee=${mentee}`)).text();
    expect(page).toContain('Кого предложить в наставники: Новикова Мария Ивановна');
    expect(page).toContain(`data-mentor="${mentor}"`);
    return client.post('/admin/mentoring/pairs', { mentee: String(mentee), mentor: String(mentor), startedOn: today, endsOn: '' });
  }

  it('flags an early-career teacher without a mentor with her high deficit, then pairs her from the suggestions', async () => {
    const before = await (await methodist.get('/admin/mentoring')).text();
    expect(before).toContain(`<li data-teacher="${mentee}"><strong>Новикова Мария Ивановна</strong>`);
    expect(before).toContain('Выраженный дефицит: методическая');
    const response = await pairThem(methodist);
    expect(response.status).toBe(303);
    expect(pairs()).toBe(1);
    const after = await (await methodist.get('/admin/mentoring')).text();
    expect(after).toContain('Наставник назначен.');
    expect(after).toMatch(/<td>Старцева Мария Ивановна<\/td><td>Новикова Мария Ивановна<\/td>/);
    expect(after).toContain('методическая');
    const audit = t.db.prepare("SELECT actor, target FROM audit_log WHERE action = 'mentoring.pair'").get();
    expect(audit).toEqual({ actor: 'staff:metodist', target: `teacher:${mentee}` });
  });

  it("shows another municipality's methodist nothing of the pair and refuses her pairing or ending it", async () => {
    await pairThem(methodist);
    const pairId = (t.db.prepare('SELECT id FROM mentoring_pairs').get() as { id: number }).id;
    const page = await (await foreign.get(`/admin/mentoring?mentee=${mentee}`)).text();
    expect(page).not.toContain('Новикова');
    expect(page).not.toContain('Старцева');
    const other = person(t.db, 'Ещёмолодая', { experienceYears: 0 });
    const refused = await foreign.post('/admin/mentoring/pairs', { mentee: String(other), mentor: String(mentor), startedOn: today });
    expect(refused.status).toBe(403);
    const end = await foreign.post(`/admin/mentoring/pairs/${pairId}/end`, { reason: 'чужая пара' });
    expect(end.status).toBe(403);
    expect(pairs()).toBe(1);
    expect((t.db.prepare('SELECT ended_at FROM mentoring_pairs').get() as { ended_at: string | null }).ended_at).toBeNull();
  });

  it('counts the meetings without their notes: no staff page, export, summary or audit entry contains a note', async () => {
    await pairThem(methodist);
    const pairId = (t.db.prepare('SELECT id FROM mentoring_pairs').get() as { id: number }).id;
    const mentorToken = tokenFor(t.db, mentor);
    const logged = await t.json(
      'POST',
      '/api/v1/mentoring/meetings',
      { id: uuid(), pairId, heldOn: today, minutes: 50, competency: 'methodical', note: secret },
      mentorToken,
    );
    expect(logged.status).toBe(201);
    await t.json('POST', `/api/v1/mentoring/pairs/${pairId}/end-request`, { reason: 'Пора заканчивать' }, mentorToken);

    const page = await (await methodist.get('/admin/mentoring')).text();
    expect(page).toMatch(new RegExp(`data-pair="${pairId}"[\\s\\S]*?<td class="meetings">1</td><td>50</td>`));
    expect(page).toContain('наставник: Пора заканчивать');

    const council = createCouncilToken(t.db, 'Совет');
    const staffPaths = [
      '/admin/overview',
      '/admin/teachers',
      `/admin/teachers/${mentee}`,
      `/admin/teachers/${mentor}`,
      `/admin/teachers/${mentee}/route`,
      '/admin/programs',
      '/admin/demand',
      '/admin/effectiveness',
      '/admin/roster',
      '/admin/audit',
      '/admin/mentoring',
      `/admin/mentoring?mentee=${mentee}`,
      '/admin/overview/teachers.csv',
      '/admin/overview/teachers.csv?excel=1',
    ];
    for (const client of [methodist, admin]) {
      for (const path of staffPaths) {
        const body = await (await client.get(path)).text();
        expect(body, path).not.toContain('7f3a');
      }
    }
    for (const name of summaryNames) {
      for (const format of ['csv', 'json']) {
        const response = await t.app.request(`/api/v1/reports/${name}.${format}`, { headers: { authorization: `Bearer ${council}` } });
        expect(response.status, name).toBe(200);
        expect(await response.text(), name).not.toContain('7f3a');
      }
    }
    const audit = t.db.prepare('SELECT group_concat(details_json) AS all_details FROM audit_log').get() as { all_details: string };
    expect(audit.all_details).not.toContain('7f3a');
    // The pair's two teachers do read it.
    const forMentee = await (await t.json('GET', '/api/v1/me/mentoring', undefined, tokenFor(t.db, mentee))).text();
    expect(forMentee).toContain(secret);
  });

  it('ends a pair with a reason, which frees the mentee for another mentor', async () => {
    await pairThem(methodist);
    const pairId = (t.db.prepare('SELECT id FROM mentoring_pairs').get() as { id: number }).id;
    const short = await methodist.post(`/admin/mentoring/pairs/${pairId}/end`, { reason: '' });
    expect(short.status).toBe(303);
    expect(await (await methodist.get('/admin/mentoring')).text()).toContain('Напишите причину завершения');
    await methodist.post(`/admin/mentoring/pairs/${pairId}/end`, { reason: 'Наставник уволился' });
    const page = await (await methodist.get('/admin/mentoring')).text();
    expect(page).toContain('Пара завершена.');
    expect(page).toContain(`data-teacher="${mentee}"`);
  });
});
