import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncilToken, findCouncilToken, revokeCouncilToken } from '../../../server/platform/database/council-token-store.ts';
import { redeemConnectionCode } from '../../../server/platform/database/device-store.ts';
import { bodyOf, createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { addAttempt, addTeacher } from '../../helpers/reports.ts';

const awkwardSchool = 'Школа "Радуга"; корпус 2,\nфилиал «Ёлочка»';
const formulaSchool = '=HYPERLINK("http://example.ru","школа")';
const period = '2025-2026';

describe('the council’s summaries over HTTP', () => {
  let t: TestApp;
  let token: string;
  const get = (path: string, bearer: string | null = token) => t.app.request(path, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  beforeAll(async () => {
    t = await createTestApp();
    token = t.demo.councilToken;
    // Six teachers in each of two schools with awkward names, enough to be shown at K = 5:
    // digital 30, 35 … 55 (all выраженный) and 85, 87 … 95 (no deficit).
    for (const [school, base] of [
      [awkwardSchool, 30],
      [formulaSchool, 85],
    ] as const) {
      for (let i = 0; i < 6; i++) {
        const id = addTeacher(t.db, 'Район "Кавычки"; и точка с запятой', school, `Педагог ${i}`);
        addAttempt(t.db, id, '2025-10-10T10:00:00+09:00', { digital: base + i * (base < 60 ? 5 : 2) });
      }
    }
  });
  afterAll(() => t.dispose());

  it('needs a council token: none, a revoked one and a teacher’s device token get 401 with a sentence', async () => {
    const none = await get('/api/v1/reports/deficits.csv', null);
    expect(none.status).toBe(401);
    expect((await bodyOf(none)).error.message).toMatch(/токен экспертного совета/i);

    const device = redeemConnectionCode(t.db, t.demo.teachers[1]!.code, 'ноутбук');
    expect(device.ok).toBe(true);
    expect((await get('/api/v1/reports/deficits.csv', device.ok ? device.token : '')).status).toBe(401);

    const revoked = createCouncilToken(t.db, 'Совет прошлого созыва');
    expect((await get('/api/v1/reports/deficits.csv', revoked)).status).toBe(200);
    expect(revokeCouncilToken(t.db, findCouncilToken(t.db, revoked)!.id)).toBe(true);
    const refused = await get('/api/v1/reports/deficits.csv', revoked);
    expect(refused.status).toBe(401);
    expect((await bodyOf(refused)).error.message).toMatch(/отозван/);
  });

  it('writes CSV that csv-parse reads back with Russian text, quotes, semicolons and newlines intact', async () => {
    const response = await get(`/api/v1/reports/deficits.csv?by=school&period=${period}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toContain('deficits-school-2025-2026.csv');
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const awkward = rows.find((row) => row['Образовательная организация'] === awkwardSchool);
    expect(awkward).toEqual({
      'Учебный год': period,
      Муниципалитет: 'Район "Кавычки"; и точка с запятой',
      'Образовательная организация': awkwardSchool,
      Компетенция: 'Цифровая',
      'Код компетенции': 'digital',
      'Педагогов с результатом': '6',
      'С дефицитом': '6',
      'Выраженный дефицит': '6',
      'Умеренный дефицит': '0',
      'Доля с дефицитом, %': '100',
      'Средний балл': '42.5',
    });
    // A name that a spreadsheet would run as a formula stays text.
    expect(rows.some((row) => row['Образовательная организация'] === `'${formulaSchool}`)).toBe(true);
    expect(text).not.toContain('wellbeing');
  });

  it('gives Russian Excel UTF-8 with BOM, semicolons and decimal commas with ?excel=1', async () => {
    const response = await get(`/api/v1/reports/deficits.csv?by=school&period=${period}&excel=1`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parse(text, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(rows.find((row) => row['Образовательная организация'] === awkwardSchool)!['Средний балл']).toBe('42,5');
  });

  it('gives the same summary as JSON, suppressed values as null and named', async () => {
    const response = await get(`/api/v1/reports/deficits.json?by=school&period=${period}`);
    expect(response.status).toBe(200);
    const body = await bodyOf(response);
    expect(body).toMatchObject({ report: 'deficits', period, by: 'school', minGroup: 5 });
    expect(body.columns[0]).toEqual({ key: 'period', header: 'Учебный год' });
    const awkward = body.rows.find((row: { school: string }) => row.school === awkwardSchool);
    expect(awkward).toMatchObject({ scored: 6, deficit: 6, highDeficit: 6, meanScore: 42.5, suppressed: [] });
  });

  it('refuses a malformed period and a grouping the summary does not have, with a sentence', async () => {
    const badPeriod = await get('/api/v1/reports/deficits.csv?period=2025-2027');
    expect(badPeriod.status).toBe(400);
    expect((await bodyOf(badPeriod)).error.message).toContain('2025-2026');
    const badBy = await get('/api/v1/reports/demand.csv?by=school');
    expect(badBy.status).toBe(400);
    expect((await bodyOf(badBy)).error.message).toContain('by=municipality|competency');
  });

  it('describes the summaries and their columns in the OpenAPI document', async () => {
    const document = await bodyOf(await t.app.request('/api/v1/openapi.json'));
    const csv = document.paths['/api/v1/reports/deficits.csv'].get;
    expect(csv.security).toEqual([{ council: [] }]);
    expect(csv.description).toContain('deficitShare — Доля с дефицитом, %');
    expect(csv.parameters.map((p: { name: string }) => p.name)).toEqual(['period', 'by', 'excel']);
    expect(Object.keys(csv.responses['200'].content)).toEqual(['text/csv']);
    expect(document.paths['/api/v1/reports/programs.json'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('rows');
  });

  it('serves every summary in both formats', async () => {
    for (const report of ['deficits', 'demand', 'participation', 'growth', 'programs']) {
      const csv = await get(`/api/v1/reports/${report}.csv?period=${period}`);
      expect(csv.status, report).toBe(200);
      expect((parse(await csv.text(), { columns: true }) as unknown[]).length, report).toBeGreaterThanOrEqual(0);
      const json = await get(`/api/v1/reports/${report}.json?period=${period}`);
      expect(json.status, report).toBe(200);
      expect(Array.isArray((await bodyOf(json)).rows), report).toBe(true);
    }
  });
});
