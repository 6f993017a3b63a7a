import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datedDemoPrograms, demoPrograms } from '../../server/features/demo/catalogue.ts';
import { demoSeededAt } from '../../server/features/demo/seed.ts';
import { getProgram } from '../../server/features/catalogue/program-store.ts';
import { addProgram, teacherWithToken, uuid } from '../helpers/catalogue.ts';
import { bodyOf, createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';

describe('GET /api/v1/programs', () => {
  let t: TestApp;
  let token: string;
  beforeEach(async () => {
    t = await createTestApp();
    // The first demo teacher works in Белоозёрск.
    token = (await bodyOf(await t.json('POST', '/api/v1/connect', { code: t.demo.teachers[0]!.code, device: 'ноутбук' }))).token;
  });
  afterEach(() => t.dispose());

  const get = async (query: string, as = token) => {
    const response = await t.json('GET', `/api/v1/programs${query}`, undefined, as);
    expect(response.status).toBe(200);
    return bodyOf(response);
  };
  const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id).sort();
  const demoIds = (keep: (p: (typeof demoPrograms)[number]) => boolean) =>
    demoPrograms
      .filter((p) => !p.archived && keep(p))
      .map((p) => p.id)
      .sort();

  it('shows by default the teacher’s municipality and the republic-wide programmes, never archived ones', async () => {
    const body = await get('?limit=100');
    expect(ids(body)).toEqual(demoIds((p) => p.municipality == null || p.municipality === belo));
    expect(body.total).toBe(body.items.length);
    expect(ids(body)).not.toContain('interactive-board');
    expect(getProgram(t.db, 'interactive-board')?.archived).toBe(true);

    expect(ids(await get(`?limit=100&municipality=${encodeURIComponent(zarech)}`))).toEqual(
      demoIds((p) => p.municipality == null || p.municipality === zarech),
    );
    expect(ids(await get('?limit=100&municipality=all'))).toEqual(demoIds(() => true));
    const unknown = await t.json('GET', `/api/v1/programs?municipality=${encodeURIComponent('Атлантида')}`, undefined, token);
    expect(unknown.status).toBe(400);
    expect((await bodyOf(unknown)).error.message).toMatch(/Муниципалитета «Атлантида» нет/);
  });

  it('filters by competency, format and start date', async () => {
    const digital = await get('?competency=digital&municipality=all&limit=100');
    expect(ids(digital)).toEqual(demoIds((p) => p.competencies.includes('digital')));
    const distance = await get('?format=distance&municipality=all&limit=100');
    expect(ids(distance)).toEqual(demoIds((p) => p.format === 'distance'));
    expect(distance.items.every((item: { format: string }) => item.format === 'distance')).toBe(true);

    // The demo's dates count from the day it was seeded; its second run of math-fgos starts in the spring.
    const catalogue = datedDemoPrograms(demoSeededAt(t.db)!);
    const [autumnMath, springMath] = catalogue.find((p) => p.id === 'math-fgos')!.runs!;
    const startsFrom = (id: string, day: string) => catalogue.find((p) => p.id === id)!.runs!.some((run) => run.start >= day);
    const spring = await get(`?startingAfter=${springMath!.start}&municipality=all&limit=100`);
    expect(ids(spring)).toEqual(demoIds((p) => startsFrom(p.id, springMath!.start)));
    expect(ids(spring)).not.toEqual(demoIds(() => true));
    // Only the runs from that day are listed.
    const math = spring.items.find((item: { id: string }) => item.id === 'math-fgos');
    expect(math.runs.map((run: { start: string }) => run.start)).toEqual([springMath!.start]);
    expect(autumnMath!.start < springMath!.start).toBe(true);

    const both = await get(`?competency=digital&format=distance&startingAfter=${springMath!.start}&municipality=all`);
    expect(ids(both)).toEqual(demoIds((p) => p.competencies.includes('digital') && p.format === 'distance' && startsFrom(p.id, springMath!.start)));
  });

  it('searches title and provider in any case, Cyrillic included, ё as е', async () => {
    expect(ids(await get('?q=ВЫГОРАНИЯ'))).toEqual(['burnout']);
    expect(ids(await get('?q=выгорания'))).toEqual(['burnout']);
    expect(ids(await get(`?q=${encodeURIComponent('обновленных фгос')}`))).toEqual(['math-fgos']);
    const provider = await get(`?q=${encodeURIComponent('цнппм')}&limit=100&municipality=all`);
    expect(provider.total).toBe(demoPrograms.filter((p) => !p.archived && p.provider.includes('ЦНППМ')).length);
    expect((await get('?q=%25')).total).toBe(0);
  });

  it('pages with a total, nearest start first, and refuses a page larger than 100', async () => {
    const all = await get('?municipality=all&limit=100');
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 4) {
      const page = await get(`?municipality=all&limit=4&offset=${offset}`);
      expect(page.total).toBe(all.total);
      expect(page).toMatchObject({ limit: 4, offset });
      pages.push(...page.items.map((item: { id: string }) => item.id));
    }
    expect(pages).toEqual(all.items.map((item: { id: string }) => item.id));
    const firstStarts = all.items.map((item: { runs: { start: string }[] }) => item.runs[0]!.start);
    expect(firstStarts).toEqual([...firstStarts].sort());
    expect((await get('?municipality=all&offset=1000')).items).toEqual([]);

    for (const query of ['?limit=101', '?limit=0', '?limit=abc', '?offset=-1', '?competency=magic', '?format=online', '?startingAfter=01.02.2027']) {
      const response = await t.json('GET', `/api/v1/programs${query}`, undefined, token);
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).error).toEqual({ code: 'invalid_query', message: expect.stringMatching(/[а-яё]/i) });
    }
  });

  it('shows seats, seats taken, the waitlist and the teacher’s own sign-up on each run', async () => {
    const burnout = (await get('?q=выгорания')).items[0];
    const seeded = t.db.prepare("SELECT start_date AS start, end_date AS end FROM program_runs WHERE id = 'burnout-1'").get() as { start: string; end: string };
    expect(burnout.runs[0]).toEqual({
      id: 'burnout-1',
      ...seeded,
      seats: 3,
      seatsTaken: 3,
      waitlisted: 1,
      myEnrollment: null,
    });
    const id = uuid();
    expect((await t.json('POST', '/api/v1/programs/burnout/enrollments', { id, runId: 'burnout-1' }, token)).status).toBe(201);
    const after = (await get('?q=выгорания')).items[0];
    expect(after.runs[0]).toMatchObject({ seatsTaken: 3, waitlisted: 2, myEnrollment: { id, status: 'waitlisted', waitlistPosition: 2 } });
    expect(after.runs[1].myEnrollment).toBeNull();

    // Another teacher sees the same seats, and not this teacher's sign-up.
    const other = teacherWithToken(t.db, 1);
    const seen = (await get('?q=выгорания', other.token)).items[0];
    expect(seen.runs[0]).toMatchObject({ waitlisted: 2, myEnrollment: null });

    // Cancelled sign-ups are not shown as the teacher's own.
    await t.json('DELETE', `/api/v1/enrollments/${id}`, undefined, token);
    expect((await get('?q=выгорания')).items[0].runs[0].myEnrollment).toBeNull();
  });

  it('gives extra seats from a re-saved programme to those waiting', async () => {
    addProgram(t.db, 'grow', 1);
    const a = teacherWithToken(t.db, 1);
    const b = teacherWithToken(t.db, 2);
    await t.json('POST', '/api/v1/programs/grow/enrollments', { id: uuid(), runId: 'grow-1' }, a.token);
    await t.json('POST', '/api/v1/programs/grow/enrollments', { id: uuid(), runId: 'grow-1' }, b.token);
    expect(getProgram(t.db, 'grow')!.runs[0]).toMatchObject({ seatsTaken: 1, waitlisted: 1 });
    addProgram(t.db, 'grow', 2);
    expect(getProgram(t.db, 'grow')!.runs[0]).toMatchObject({ seats: 2, seatsTaken: 2, waitlisted: 0 });
  });
});
