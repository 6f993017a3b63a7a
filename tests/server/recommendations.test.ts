import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/platform/auth/secrets.ts';
import { insertStaff } from '../../server/platform/database/staff-store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';

describe('addressed recommendations: a group chosen by filters, what each teacher sees, and the reach', () => {
  let t: TestApp;
  let methodist: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
  });
  afterEach(() => t.dispose());

  const schoolOf = (municipality: string) =>
    (
      t.db
        .prepare('SELECT s.id FROM schools s JOIN municipalities m ON m.id = s.municipality_id WHERE s.name = ? AND m.name = ?')
        .get('МБОУ «Тестовая школа»', municipality) as { id: number }
    ).id;
  const stored = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const mine = async (token: string) => (await bodyOf(await t.json('GET', '/api/v1/me/recommendations', undefined, token))).recommendations;
  const signUp = (token: string, programId: string, runId: string) => t.json('POST', `/api/v1/programs/${programId}/enrollments`, { id: uuid(), runId }, token);
  const reach = async (id: number) => {
    const html = await (await methodist.get(`/admin/recommendations/${id}`)).text();
    return Object.fromEntries(
      ['group', 'seen', 'accepted', 'signedUp'].map((name) => [name, Number(new RegExp(`data-reach="${name}">(\\d+)<`).exec(html)?.[1])]),
    );
  };

  it('freezes the group at sending, shows each of its teachers the recommendation, and counts seen, accepted and signed up by hand', async () => {
    const [a, b, c] = [1, 2, 3].map((n) => teacherWithToken(t.db, n, belo));
    const elsewhere = teacherWithToken(t.db, 4, zarech);
    const course = addProgram(t.db, 'rec-course', 10);
    const other = addProgram(t.db, 'rec-other', 10);
    // A sign-up before the recommendation is not its reach.
    expect((await signUp(c!.token, course.programId, course.runId)).status).toBe(201);

    // The group is shown before sending: the three of the test school who teach mathematics.
    const preview = await (await methodist.get(`/admin/recommendations/new?subject=mathematics&school=${schoolOf(belo)}&preview=1`)).text();
    expect(preview).toContain('В группе 3 педагога.');
    const sent = await methodist.post('/admin/recommendations/new', {
      subject: 'mathematics',
      school: String(schoolOf(belo)),
      title: 'Цифровые инструменты на уроке математики',
      body: 'Рекомендую пройти программу до конца полугодия и обсудить опыт на заседании МО.',
      programs: [course.programId],
    });
    expect(sent.status).toBe(303);
    const id = Number(/\/admin\/recommendations\/(\d+)$/.exec(sent.headers.get('location')!)![1]);

    // A teacher added to the school afterwards is not in the group; nor is another municipality's.
    const later = teacherWithToken(t.db, 5, belo);
    expect(await mine(later.token)).toEqual([]);
    expect(await mine(elsewhere.token)).toEqual([]);

    const [seenByA] = await mine(a!.token);
    expect(seenByA).toMatchObject({
      id,
      title: 'Цифровые инструменты на уроке математики',
      from: `Методист: ${belo}`,
      attachments: [{ kind: 'program', id: 'rec-course', title: 'Тестовая программа rec-course' }],
      seen: false,
      accepted: false,
    });

    expect(await reach(id)).toEqual({ group: 3, seen: 0, accepted: 0, signedUp: 0 });
    expect((await t.json('PUT', `/api/v1/me/recommendations/${id}`, { answer: 'seen' }, a!.token)).status).toBe(200);
    // Added to the ИОМ, twice (the outbox may send again): once is counted, one item in the route.
    for (let i = 0; i < 2; i++) {
      const accepted = await t.json('PUT', `/api/v1/me/recommendations/${id}`, { answer: 'accepted' }, b!.token);
      expect(await bodyOf(accepted)).toMatchObject({ seen: true, accepted: true });
    }
    const route = await bodyOf(await t.json('GET', '/api/v1/me/route', undefined, b!.token));
    const items = route.items.filter((item: { programId: string | null }) => item.programId === 'rec-course');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'course', status: 'accepted', runId: course.runId, description: 'Тестовая программа rec-course' });
    expect(items[0].reason).toContain('Цифровые инструменты на уроке математики');
    // b signs up for the attached programme, a for another one: only b's counts.
    expect((await signUp(b!.token, course.programId, course.runId)).status).toBe(201);
    expect((await signUp(a!.token, other.programId, other.runId)).status).toBe(201);

    expect(await reach(id)).toEqual({ group: 3, seen: 2, accepted: 1, signedUp: 1 });
    const list = await (await methodist.get('/admin/recommendations')).text();
    expect(list).toContain('Цифровые инструменты на уроке математики');
  });

  it('lets a methodist address only her municipality’s teachers, and another municipality’s methodist sees nothing of it', async () => {
    const own = teacherWithToken(t.db, 1, belo);
    const foreign = teacherWithToken(t.db, 2, zarech);
    // Asking for another municipality's school gives no group: nothing is sent.
    const refused = await methodist.post('/admin/recommendations/new', {
      school: String(schoolOf(zarech)),
      municipality: String(t.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get(zarech)),
      title: 'Не моим педагогам',
      body: 'Этот текст не должен дойти ни до кого.',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('В выбранную группу не входит ни один педагог');
    expect(stored('recommendations')).toBe(0);
    expect(await mine(foreign.token)).toEqual([]);

    // With no filter at all the group is the methodist's own municipality, never the republic.
    const sent = await methodist.post('/admin/recommendations/new', {
      title: 'Всем педагогам округа',
      body: 'Пройдите диагностику до конца месяца, пожалуйста.',
    });
    expect(sent.status).toBe(303);
    const id = Number(/(\d+)$/.exec(sent.headers.get('location')!)![1]);
    expect(await mine(own.token)).toHaveLength(1);
    expect(await mine(foreign.token)).toEqual([]);
    const group = t.db
      .prepare(
        'SELECT DISTINCT m.name FROM recommendation_teachers g JOIN teachers te ON te.id = g.teacher_id JOIN schools s ON s.id = te.school_id JOIN municipalities m ON m.id = s.municipality_id WHERE g.recommendation_id = ?',
      )
      .pluck()
      .all(id);
    expect(group).toEqual([belo]);

    // A teacher outside the group cannot answer it.
    expect((await t.json('PUT', `/api/v1/me/recommendations/${id}`, { answer: 'accepted' }, foreign.token)).status).toBe(404);
    expect(t.db.prepare('SELECT count(*) FROM recommendation_teachers WHERE accepted_at IS NOT NULL').pluck().get()).toBe(0);

    // Zarechny's methodist neither lists it nor opens it.
    const zarechId = t.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get(zarech) as number;
    insertStaff(t.db, { login: 'zarech', passwordHash: await hashPassword('пароль-заречного-1'), role: 'methodist', municipalityId: zarechId });
    const other = await signIn(t.app, 'zarech', 'пароль-заречного-1');
    expect(await (await other.get('/admin/recommendations')).text()).not.toContain('Всем педагогам округа');
    expect((await other.get(`/admin/recommendations/${id}`)).status).toBe(403);
  });

  it('writes a sentence for each field it refuses, and sends nothing', async () => {
    teacherWithToken(t.db, 1, belo);
    const refused = await methodist.post('/admin/recommendations/new', { title: 'а', body: 'коротко', programs: ['no-such-program'] });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Напишите заголовок рекомендации: от 3 до 200 символов.');
    expect(html).toContain('Напишите текст рекомендации: от 10 до 4000 символов.');
    expect(html).toContain('Одна из выбранных программ не найдена в каталоге');
    expect(stored('recommendations')).toBe(0);
    const invalid = await t.json('PUT', '/api/v1/me/recommendations/1', { answer: 'maybe' }, teacherWithToken(t.db, 2, belo).token);
    expect(invalid.status).toBe(400);
  });
});
