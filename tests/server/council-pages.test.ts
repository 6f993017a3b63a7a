import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApp } from '../../server/admin.ts';
import { summaryNames } from '../../shared/api/summaries.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { addAttempt, addTeacher } from '../helpers/reports.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const period = '2025-2026';

describe('the expert council signed in to the admin', () => {
  let t: TestApp;
  let council: AdminClient;
  let methodist: AdminClient;
  beforeAll(async () => {
    t = await createTestApp();
    // Six teachers with a digital deficit (30…55) and six without (85…95) in one school, enough for K = 5.
    for (let i = 0; i < 12; i++) {
      const id = addTeacher(t.db, 'Городской округ Белоозёрск', 'МБОУ «Гимназия № 3» г. Белоозёрска', `Педагогова${i}`);
      addAttempt(t.db, id, '2025-10-10T10:00:00+09:00', { digital: i < 6 ? 30 + 5 * i : 85 + 2 * (i - 6) });
    }
    council = await signIn(t.app, t.demo.council.login, t.demo.council.password);
    methodist = await signIn(t.app, t.demo.methodist.login, t.demo.methodist.password);
  });
  afterAll(() => t.dispose());

  it('lands on the summaries after signing in, with only the council’s sections in the navigation', async () => {
    const start = await council.get('/admin/overview');
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe('/admin/council');
    const page = await (await council.get('/admin/council')).text();
    expect(page).toContain('Сводки экспертного совета');
    expect(page).toContain('sovet (экспертный совет)');
    const nav = /<nav class="sections"[\s\S]*?<\/nav>/.exec(page)![0];
    expect(nav).toContain('Сводки совета');
    expect(nav).toContain('Консультации');
    for (const other of ['Педагоги', 'Обзор', 'Реестр педагогов', 'Журнал действий', 'Спрос']) expect(nav).not.toContain(`>${other}<`);
    // Staff never see the council's section; its pages refuse them too.
    const staffNav = /<nav class="sections"[\s\S]*?<\/nav>/.exec(await (await methodist.get('/admin/teachers')).text())![0];
    expect(staffNav).not.toContain('Сводки совета');
  });

  it('shows every summary as a page with a chart and its table, numbers suppressed as in the API, and no teacher', async () => {
    for (const name of summaryNames) {
      const response = await council.get(`/admin/council/${name}?period=${period}`);
      expect(response.status, name).toBe(200);
      const html = await response.text();
      expect(html).not.toContain('Педагогова');
      expect(html).not.toContain('Соколова');
      expect(html, name).toContain(`/admin/council/${name}.xlsx?period=${period}`);
    }
    const deficits = await (await council.get(`/admin/council/deficits?period=${period}&by=competency`)).text();
    expect(deficits).toContain('<svg class="chart"');
    // Digital: 12 with a result, 6 with a deficit, 50 %; the other competencies have nobody.
    expect(deficits).toMatch(/<td>Цифровая<\/td><td>digital<\/td><td class="num">12<\/td><td class="num">6<\/td>/);
    expect(deficits).toContain('50');
    // A school grouping shows the school's row; a municipality of the demo with fewer than K is hidden.
    const bySchool = await (await council.get(`/admin/council/deficits?period=${period}&by=school`)).text();
    expect(bySchool).toContain('МБОУ «Гимназия № 3» г. Белоозёрска');
    expect((await council.get('/admin/council/deficits?by=nonsense')).status).toBe(400);
    expect((await council.get('/admin/council/nothing')).status).toBe(404);
  });

  it('builds the meeting report for a year and chosen municipalities, each part with its charts and tables, and no teacher', async () => {
    const belo = t.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get('Городской округ Белоозёрск') as number;
    const response = await council.get(`/admin/council/report?period=${period}&municipality=${belo}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`Отчёт к заседанию экспертного совета, ${period} учебный год`);
    expect(html.match(/<section class="council-report-part">/g)).toHaveLength(2);
    expect(html).toContain('<h2>Вся республика</h2>');
    expect(html).toContain('<h2>Городской округ Белоозёрск</h2>');
    expect(html).toContain('<h3>Дефициты, по компетенциям</h3>');
    expect(html.match(/<figure class="council-chart">/g)!.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toContain('Педагогова');
    expect((await council.get('/admin/council/report?period=2025')).status).toBe(400);
    expect((await methodist.get('/admin/council/report')).status).toBe(403);
  });

  it('refuses the council every other admin page, GET and POST, with a sentence, whatever the page', async () => {
    const teacher = t.demo.teachers[0]!.id;
    const routes = adminApp({ db: t.db, minGroup: 5 })
      .routes.filter((route) => route.method === 'GET' || route.method === 'POST')
      .map((route) => ({ method: route.method, path: `/admin${route.path}`.replace(/\/$/, '') }))
      .filter(({ path }) => !/^\/admin\/(council|consultations|logout|login|assets)(\/|$)/.test(path))
      .filter(({ path }) => path !== '/admin' && !path.endsWith('*'));
    const unique = [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
    const paths = unique.map((route) => route.path);
    expect(paths).toEqual(expect.arrayContaining(['/admin/overview/teachers.csv', '/admin/roster', '/admin/audit']));
    expect(paths.filter((path) => path.startsWith('/admin/teachers')).length).toBeGreaterThan(3);
    for (const { method, path } of unique) {
      const concrete = path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, String(teacher));
      // The start page after sign-in leads a member to the council's summaries (tested above).
      if (method === 'GET' && concrete === '/admin/overview') continue;
      const response = method === 'GET' ? await council.get(concrete) : await council.post(concrete, {});
      expect(response.status, `${method} ${concrete}`).toBe(403);
      const html = await response.text();
      expect(html).toContain('Экспертный совет видит только сводки');
      expect(html, `${method} ${concrete}`).not.toContain('Соколова');
    }
    // The same pages still open for staff.
    expect((await methodist.get(`/admin/teachers/${teacher}`)).status).toBe(200);
    expect((await methodist.get('/admin/council')).status).toBe(403);
  });

  it('downloads a summary as XLSX with Russian headers, numbers as numeric cells, «скрыто» as text and a sheet on suppression', async () => {
    const response = await council.get(`/admin/council/deficits.xlsx?period=${period}&by=competency`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const [data, about] = workbook.worksheets;
    expect(data!.name).toBe('Сводка');
    const headers = (data!.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Учебный год',
      'Компетенция',
      'Код компетенции',
      'Педагогов с результатом',
      'С дефицитом',
      'Выраженный дефицит',
      'Умеренный дефицит',
      'Доля с дефицитом, %',
      'Средний балл',
    ]);
    const digital = [...Array(data!.rowCount).keys()].map((i) => data!.getRow(i + 1)).find((row) => row.getCell(3).value === 'digital')!;
    expect(digital.getCell(4).value).toBe(12);
    expect(digital.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(digital.getCell(5).value).toBe(6);
    expect(digital.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(digital.getCell(8).value).toBe(50);
    expect(digital.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    // Выраженный: 30, 35, 40, 45, 50, 55 are all below 60; умеренный none: 0 is shown, both are numbers.
    expect(digital.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(about!.name).toBe('Что скрыто');
    expect(String(about!.getRow(2).getCell(1).value)).toContain('меньше 5 педагогов');
    // A suppressed cell is the word, as text. By municipality, the demo's small municipalities are hidden.
    const byMunicipality = new ExcelJS.Workbook();
    await byMunicipality.xlsx.load(await (await council.get(`/admin/council/participation.xlsx?period=${period}&by=municipality`)).arrayBuffer());
    const cells = byMunicipality.worksheets[0]!.getSheetValues().flat();
    expect(cells).toContain('скрыто');
    // CSV still comes as it did.
    const csv = await council.get(`/admin/council/deficits.csv?period=${period}&by=competency`);
    expect(await csv.text()).toContain('Цифровая,digital,12,6');
  });
});
