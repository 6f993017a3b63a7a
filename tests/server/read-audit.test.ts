import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Text of a page without tags, for assertions on what a person reads. */
async function textOf(response: Response): Promise<string> {
  return (await response.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

describe('reads of personal data leave a trace in Журнал действий', () => {
  let t: TestApp;
  let admin: AdminClient;
  let methodist: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
  });
  afterEach(() => t.dispose());

  const logged = (action: string) =>
    t.db.prepare('SELECT actor, target, details_json AS details FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
      actor: string;
      target: string;
      details: string;
    }[];

  it('keeps who opened which teacher’s profile and ИОМ, and shows it by name', async () => {
    const teacher = t.demo.teachers[0]!;
    expect((await methodist.get(`/admin/teachers/${teacher.id}`)).status).toBe(200);
    expect(logged('teacher.view')).toEqual([{ actor: 'staff:metodist', target: `teacher:${teacher.id}`, details: '{"parts":["profile","route"]}' }]);
    // A page refused for another municipality's teacher is no read.
    expect((await methodist.get(`/admin/teachers/${t.demo.teachers[4]!.id}`)).status).toBe(403);
    expect(logged('teacher.view')).toHaveLength(1);

    const journal = await textOf(await admin.get('/admin/audit?action=teacher.view'));
    expect(journal).toContain(`metodist (методист) открыт профиль и ИОМ педагога ${teacher.name} открыто: профиль, ИОМ`);
  });

  it('keeps the teacher-level exports with their scope', async () => {
    const exported = await methodist.get('/admin/overview/teachers.csv?period=2026-2027');
    expect(exported.status).toBe(200);
    const [entry] = logged('teachers.export');
    expect(entry!.actor).toBe('staff:metodist');
    expect(JSON.parse(entry!.details)).toMatchObject({ period: '2026-2027', municipalityId: expect.any(Number) });
    expect(await textOf(await admin.get('/admin/audit?action=teachers.export'))).toContain(
      `выгружен список педагогов (CSV) вся система учебный год: 2026-2027; муниципалитет: ${t.demo.methodist.municipality}`,
    );
  });

  it('keeps every council pull: which token, which summary, period and grouping', async () => {
    const pulled = await t.app.request('/api/v1/reports/deficits.json?period=2026-2027&by=municipality', {
      headers: { authorization: `Bearer ${t.demo.councilToken}` },
    });
    expect(pulled.status).toBe(200);
    await pulled.text();
    const refused = await t.app.request('/api/v1/reports/deficits.json', { headers: { authorization: 'Bearer not-a-token' } });
    expect(refused.status).toBe(401);
    const entries = logged('council.pull');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toMatch(/^council_token:\d+$/);
    expect(JSON.parse(entries[0]!.details)).toEqual({ summary: 'deficits.json', period: '2026-2027', by: 'municipality' });
    expect(await textOf(await admin.get('/admin/audit?action=council.pull'))).toMatch(
      /экспертный совет: токен «[^»]+» экспертный совет получил сводку .* сводка: deficits\.json; учебный год: 2026-2027; в разрезе: муниципалитеты/,
    );
  });

  it('filters the journal by person and by days', async () => {
    await methodist.get(`/admin/teachers/${t.demo.teachers[0]!.id}`);
    await admin.get(`/admin/teachers/${t.demo.teachers[4]!.id}`);
    const onlyMethodist = await textOf(await admin.get('/admin/audit?action=teacher.view&actor=staff:metodist'));
    expect(onlyMethodist).toContain('всего 1');
    expect(onlyMethodist).toContain(t.demo.teachers[0]!.name);
    expect(onlyMethodist).not.toContain(`ИОМ педагога ${t.demo.teachers[4]!.name}`);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await textOf(await admin.get(`/admin/audit?action=teacher.view&from=${today}&to=${today}`))).toContain('всего 2');
    expect(await textOf(await admin.get(`/admin/audit?action=teacher.view&from=${tomorrow}`))).toContain('Ничего не найдено.');
    expect(await textOf(await admin.get(`/admin/audit?action=teacher.view&to=${yesterday}`))).toContain('Ничего не найдено.');
    const bad = await textOf(await admin.get('/admin/audit?from=вчера'));
    expect(bad).toContain('Дата — в формате ДД.ММ.ГГГГ');
  });
});
