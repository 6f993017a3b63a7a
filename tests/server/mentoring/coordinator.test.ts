import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminApp } from '../../../server/admin.ts';
import { hashPassword } from '../../../server/platform/auth/secrets.ts';
import { insertStaff } from '../../../server/platform/database/staff-store.ts';
import { type AdminClient, signIn } from '../../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { mentorCategory, person, placeOf, school2 } from './mentoring-helpers.ts';

const today = new Date().toISOString().slice(0, 10);

/** A school's координатор наставничества: «Наставничество» of her school, and no other page. */
describe('the school coordinator', () => {
  let t: TestApp;
  let coordinator: AdminClient;
  let ownMentee: number;
  let ownMentor: number;
  let otherMentee: number;
  let otherMentor: number;
  beforeEach(async () => {
    t = await createTestApp();
    ownMentee = person(t.db, 'Своякова', { experienceYears: 1 });
    ownMentor = person(t.db, 'Наставникова', { category: mentorCategory });
    otherMentee = person(t.db, 'Чужакова', { school: school2, experienceYears: 0 });
    otherMentor = person(t.db, 'Соседкина', { school: school2, category: mentorCategory });
    const { municipalityId, schoolId } = placeOf(t.db, ownMentee);
    insertStaff(t.db, { login: 'koord', passwordHash: await hashPassword('koord-пароль-1'), role: 'coordinator', municipalityId, schoolId });
    coordinator = await signIn(t.app, 'koord', 'koord-пароль-1');
  });
  afterEach(() => t.dispose());

  const pairs = () => t.db.prepare('SELECT mentee_id AS mentee, mentor_id AS mentor FROM mentoring_pairs').all();
  const pair = (mentee: number, mentor: number) =>
    coordinator.post('/admin/mentoring/pairs', { mentee: String(mentee), mentor: String(mentor), startedOn: today, endsOn: '' });

  it('sees and pairs her own school’s teachers only', async () => {
    const page = await (await coordinator.get('/admin/mentoring')).text();
    expect(page).toContain('Своякова');
    expect(page).not.toContain('Чужакова');
    const suggestions = await (await coordinator.get(`/admin/mentoring?mentee=${ownMentee}`)).text();
    expect(suggestions).toContain(`data-mentor="${ownMentor}"`);
    expect(suggestions).not.toContain(`data-mentor="${otherMentor}"`);
    // Another school's teachers, as mentee or as mentor: refused, nothing stored.
    expect((await pair(otherMentee, otherMentor)).status).toBe(403);
    expect((await pair(ownMentee, otherMentor)).status).toBe(403);
    expect((await pair(otherMentee, ownMentor)).status).toBe(403);
    expect(pairs()).toEqual([]);
    expect((await pair(ownMentee, ownMentor)).status).toBe(303);
    expect(pairs()).toEqual([{ mentee: ownMentee, mentor: ownMentor }]);
  });

  it('opens no other admin page, GET or POST, and starts on «Наставничество»', async () => {
    const start = await coordinator.get('/admin/overview');
    expect([start.status, start.headers.get('location')]).toEqual([303, '/admin/mentoring']);
    const teacher = t.demo.teachers[0]!.id;
    const routes = adminApp({ db: t.db, minGroup: 5 })
      .routes.filter((route) => route.method === 'GET' || route.method === 'POST')
      .map((route) => ({ method: route.method, path: `/admin${route.path}`.replace(/\/$/, '') }))
      .filter(({ path }) => !/^\/admin\/(mentoring|logout|login|assets)(\/|$)/.test(path))
      .filter(({ path }) => path !== '/admin' && path !== '/admin/overview' && !path.endsWith('*'));
    const unique = [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
    expect(unique.map((route) => route.path)).toEqual(expect.arrayContaining(['/admin/teachers', '/admin/roster', '/admin/council']));
    for (const { method, path } of unique) {
      const concrete = path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, String(teacher));
      const response = method === 'GET' ? await coordinator.get(concrete) : await coordinator.post(concrete, {});
      expect(response.status, `${method} ${concrete}`).toBe(403);
      expect(await response.text()).toContain('Координатору наставничества открыт только раздел «Наставничество»');
    }
  });
});
