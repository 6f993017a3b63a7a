import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/platform/auth/secrets.ts';
import { insertStaff } from '../../server/platform/database/staff-store.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const zarech = 'Заречный муниципальный район';

describe('methodical associations (МО): a subject’s teachers by default, moved by a methodist, a filter on «Педагоги» and for a group', () => {
  let t: TestApp;
  let methodist: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
  });
  afterEach(() => t.dispose());

  const teacherId = (lastName: string) => t.db.prepare('SELECT id FROM teachers WHERE last_name = ?').pluck().get(lastName) as number;
  const names = async (query: string, client = methodist) => {
    const html = await (await client.get(`/admin/teachers?${query}`)).text();
    return ['Соколова', 'Бирюков', 'Лебедева', 'Гаврильев', 'Павлова', 'Егоров', 'Кузьмина', 'Алексеев'].filter((name) => html.includes(`>${name} `));
  };
  const create = async (subject: string, name: string, client = methodist, extra: Record<string, string> = {}) => {
    const response = await client.post('/admin/associations', { subject, name, ...extra });
    expect(response.status).toBe(303);
    return Number(/\/admin\/associations\/(\d+)$/.exec(response.headers.get('location') ?? '')![1]);
  };
  const members = async (id: number) => {
    const html = await (await methodist.get(`/admin/associations/${id}`)).text();
    const table = /<table class="association-members">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    return ['Соколова', 'Бирюков', 'Лебедева', 'Гаврильев'].filter((name) => table.includes(`>${name} `));
  };

  it('puts a municipality’s teachers into the МО of each of their subjects, moves one to another МО or out, and filters «Педагоги» by it', async () => {
    const physics = await create('physics', 'МО учителей физики');
    const maths = await create('mathematics', 'МО учителей математики');
    const informatics = await create('informatics', 'МО учителей информатики');
    // Гаврильев teaches physics and informatics: he is in both by default.
    expect(await members(physics)).toEqual(['Гаврильев']);
    expect(await members(informatics)).toEqual(['Гаврильев']);
    expect(await members(maths)).toEqual(['Бирюков']);
    expect(await names(`association=${physics}`)).toEqual(['Гаврильев']);

    // Moved from physics to mathematics: out of one, into the other, still in informatics.
    const moved = await methodist.post(`/admin/associations/${physics}/move`, { teacher: String(teacherId('Гаврильев')), to: String(maths) });
    expect(moved.status).toBe(303);
    expect(await members(physics)).toEqual([]);
    expect(await members(maths)).toEqual(['Бирюков', 'Гаврильев']);
    expect(await members(informatics)).toEqual(['Гаврильев']);
    expect(await names(`association=${maths}`)).toEqual(['Бирюков', 'Гаврильев']);
    expect(await names(`association=${physics}`)).toEqual([]);
    // The physics page lists him as taken out, and he can be brought back.
    const page = await (await methodist.get(`/admin/associations/${physics}`)).text();
    expect(page).toContain('Исключены из МО');
    expect((await methodist.post(`/admin/associations/${physics}/back`, { teacher: String(teacherId('Гаврильев')) })).status).toBe(303);
    expect(await members(physics)).toEqual(['Гаврильев']);

    // Out of every МО: Бирюков taken out of mathematics is in no list.
    await methodist.post(`/admin/associations/${maths}/move`, { teacher: String(teacherId('Бирюков')), to: 'out' });
    expect(await members(maths)).toEqual(['Гаврильев']);

    // A new subject in the roster counts wherever no one decided otherwise.
    t.db.prepare("UPDATE teachers SET subjects = 'английский язык; информатика' WHERE last_name = 'Лебедева'").run();
    expect(await members(informatics)).toEqual(['Лебедева', 'Гаврильев']);

    // The list shows the МО with their members’ counts.
    const list = await (await methodist.get('/admin/associations')).text();
    expect(list).toContain('МО учителей физики');
    expect(list).toMatch(/МО учителей информатики[\s\S]*?<td class="num">2<\/td>/);
  });

  it('sets a leader among the municipality’s teachers only, refuses a second МО of a subject, and explains each refusal', async () => {
    const maths = await create('mathematics', 'МО учителей математики');
    expect((await methodist.post(`/admin/associations/${maths}`, { name: 'МО математиков', leader: String(teacherId('Бирюков')) })).status).toBe(303);
    const page = await (await methodist.get(`/admin/associations/${maths}`)).text();
    expect(page).toContain('МО математиков');
    expect(page).toMatch(/<option value="\d+" selected="">Бирюков Олег Степанович<\/option>/);

    const foreignLeader = await methodist.post(`/admin/associations/${maths}`, { name: 'МО математиков', leader: String(teacherId('Егоров')) });
    expect(foreignLeader.status).toBe(400);
    expect(await foreignLeader.text()).toContain('Руководителем может быть только педагог этого муниципалитета.');
    const again = await methodist.post('/admin/associations', { subject: 'mathematics', name: 'Второе МО математиков' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('В этом муниципалитете уже есть МО по этому предмету');
    const empty = await methodist.post('/admin/associations', { subject: '', name: 'x' });
    expect(await empty.text()).toContain('Выберите предмет МО.');
    expect(t.db.prepare('SELECT count(*) FROM methodical_associations').pluck().get()).toBe(1);
    expect(t.db.prepare('SELECT leader_id FROM methodical_associations').pluck().get()).toBe(teacherId('Бирюков'));
  });

  it('refuses another municipality’s methodist every МО page and change, and shows her none of it', async () => {
    const maths = await create('mathematics', 'МО учителей математики');
    const zarechId = t.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get(zarech) as number;
    insertStaff(t.db, { login: 'zarech', passwordHash: await hashPassword('пароль-заречного-1'), role: 'methodist', municipalityId: zarechId });
    const other = await signIn(t.app, 'zarech', 'пароль-заречного-1');
    expect((await other.get(`/admin/associations/${maths}`)).status).toBe(403);
    expect((await other.post(`/admin/associations/${maths}`, { name: 'Чужое МО', leader: '' })).status).toBe(403);
    expect((await other.post(`/admin/associations/${maths}/move`, { teacher: String(teacherId('Бирюков')), to: 'out' })).status).toBe(403);
    expect(await (await other.get('/admin/associations')).text()).not.toContain('МО учителей математики');
    // Her «Педагоги» filtered by it show none of the other municipality's teachers.
    expect(await names(`association=${maths}`, other)).toEqual([]);
    expect(await members(maths)).toEqual(['Бирюков']);
    // Her own МО of the same subject is hers, with her teachers only.
    const history = await create('history', 'МО историков', other);
    expect(await names(`association=${history}`, other)).toEqual(['Егоров']);
    expect((await methodist.get(`/admin/associations/${history}`)).status).toBe(403);
    // A methodist cannot move a teacher into another municipality's МО.
    const refused = await methodist.post(`/admin/associations/${maths}/move`, { teacher: String(teacherId('Бирюков')), to: String(history) });
    expect(refused.status).toBe(400);
    expect(await members(maths)).toEqual(['Бирюков']);
    expect(t.db.prepare('SELECT count(*) FROM methodical_association_members').pluck().get()).toBe(0);
  });

  it('chooses a recommendation’s group by МО', async () => {
    const maths = await create('mathematics', 'МО учителей математики');
    await methodist.post(`/admin/associations/${maths}/move`, { teacher: String(teacherId('Бирюков')), to: 'out' });
    const physics = await create('physics', 'МО учителей физики');
    const preview = await (await methodist.get(`/admin/recommendations/new?association=${physics}&preview=1`)).text();
    expect(preview).toMatch(/<option value="\d+" selected="">МО учителей физики<\/option>/);
    expect(preview).toContain('Гаврильев Николай Петрович');
    expect(preview).not.toContain('Бирюков Олег');
    const empty = await (await methodist.get(`/admin/recommendations/new?association=${maths}&preview=1`)).text();
    expect(empty).not.toContain('Бирюков Олег');
  });

  it('groups its members’ deficits by МО: counts on the list and in the CSV, by competency on the МО’s page, each opening those teachers', async () => {
    const maths = await create('mathematics', 'МО учителей математики');
    const physics = await create('physics', 'МО учителей физики');
    await create('informatics', 'МО учителей информатики');
    await methodist.post(`/admin/associations/${physics}/move`, { teacher: String(teacherId('Гаврильев')), to: String(maths) });
    // Their current profiles, as the standings keep them: Бирюков выраженный in methodical, none in digital; Гаврильев
    // умеренный in methodical and выраженный in digital.
    const stand = (lastName: string, area: string, level: string) =>
      t.db
        .prepare(
          `INSERT OR REPLACE INTO teacher_standings (teacher_id, area, score, level, school_id, municipality_id)
           SELECT t.id, ?, 50, ?, t.school_id, s.municipality_id FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.last_name = ?`,
        )
        .run(area, level, lastName);
    t.db.prepare('DELETE FROM teacher_standings WHERE teacher_id IN (?, ?)').run(teacherId('Бирюков'), teacherId('Гаврильев'));
    stand('Бирюков', 'methodical', 'highDeficit');
    stand('Бирюков', 'digital', 'noDeficit');
    stand('Гаврильев', 'methodical', 'moderateDeficit');
    stand('Гаврильев', 'digital', 'highDeficit');

    // The list: members, passed a diagnostic, with a deficit.
    const list = await (await methodist.get('/admin/associations')).text();
    const rowOf = (name: string) =>
      [...(new RegExp(`${name}</a>[\\s\\S]*?</tr>`).exec(list)?.[0] ?? '').matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => m[1]);
    expect(rowOf('МО учителей математики')).toEqual(['2', '2', '2']);
    expect(rowOf('МО учителей физики')).toEqual(['0', '0', '0']);
    expect(rowOf('МО учителей информатики')).toEqual(['1', '1', '1']);

    // The МО's page: by competency, with a result, with a deficit (a link to those teachers), of them выраженный.
    const page = await (await methodist.get(`/admin/associations/${maths}`)).text();
    const table = /<table class="association-deficits"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    const cells = [
      ...table.matchAll(/<tr><td>([^<]+)<\/td><td class="num">(\d+)<\/td><td class="num">(?:<a[^>]*>)?(\d+)(?:<\/a>)?<\/td><td class="num">(\d+)<\/td>/g),
    ].map((m) => m.slice(1).join(' '));
    expect(cells).toEqual(['Методическая 2 2 1', 'Цифровая 2 1 1']);
    expect(await names(`association=${maths}&deficit=methodical`)).toEqual(['Бирюков', 'Гаврильев']);
    expect(await names(`association=${maths}&deficit=digital`)).toEqual(['Гаврильев']);
    expect(await (await methodist.get(`/admin/associations/${physics}`)).text()).toContain('У членов этого МО пока нет результатов диагностики.');

    // The CSV: one row an МО, numbers as numbers; another municipality's methodist gets none of these.
    const csv = await (await methodist.get('/admin/associations/deficits.csv')).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Муниципалитет;МО;Предмет;Педагогов;Прошли диагностику;С дефицитом;');
    expect(lines.find((line) => line.includes('МО учителей математики'))).toMatch(/;Математика;2;2;2;0;2;0;0;1$/);
    const zarechId = t.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get(zarech) as number;
    insertStaff(t.db, { login: 'zarech', passwordHash: await hashPassword('пароль-заречного-1'), role: 'methodist', municipalityId: zarechId });
    const other = await signIn(t.app, 'zarech', 'пароль-заречного-1');
    expect(await (await other.get('/admin/associations/deficits.csv')).text()).not.toContain('МО учителей');
  });
});
