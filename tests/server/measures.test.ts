import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attemptStore } from '../../server/features/diagnostics/attempt-store.ts';
import { hashPassword } from '../../server/platform/auth/secrets.ts';
import { insertStaff } from '../../server/platform/database/staff-store.ts';
import { framework } from '../../shared/content/shipped-framework.ts';
import { instrumentById } from '../../shared/content/index.ts';
import { scoreAttempt } from '../../shared/scoring/score-attempt.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { summaryOf } from '../../server/features/summaries/summaries.ts';
import { teacherWithToken } from '../helpers/catalogue.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const belo = 'Городской округ Белоозёрск';
const zarech = 'Заречный муниципальный район';

describe('measures: logged with a target group, their effect beside a comparable group, the plan for the year', () => {
  let t: TestApp;
  let methodist: AdminClient;
  beforeEach(async () => {
    t = await createTestApp();
    methodist = await signIn(t.app, 'metodist', t.demo.methodist.password);
  });
  afterEach(() => t.dispose());

  const instrument = instrumentById('selfAssessment')!;
  /** A self-assessment on `day` where every item of the digital competency scores `strong` (100) or weak (0); the rest middling. */
  function selfAssessment(teacherId: number, day: string, strong: boolean) {
    const answers = Object.fromEntries(
      instrument.items.map((item) => {
        const digital = item.measures.every((measure) => framework.indicators.find((i) => i.id === measure.indicator)?.area === 'digital');
        const high = item.kind === 'likert' && item.reverse ? 1 : 5;
        const low = item.kind === 'likert' && item.reverse ? 5 : 1;
        return [item.id, digital ? (strong ? high : low) : 3];
      }),
    );
    const at = `${day}T09:00:00.000Z`;
    const result = scoreAttempt(instrument, { instrumentId: instrument.id, instrumentVersion: instrument.version, answers }, framework);
    attemptStore(t.db).saveNow({
      id: randomUUID(),
      teacherId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      completedAt: at,
      receivedAt: at,
      answers,
      result,
    });
    return result.areas.digital!.score;
  }

  it('counts a measure’s effect as a hand count does, and lists it on the year’s plan and in its CSV', async () => {
    // Three teachers of the test school (the target group) and one of another Белоозёрск school (comparable).
    const [a, b, c] = [1, 2, 3].map((n) => teacherWithToken(t.db, n, belo).teacherId);
    const other = t.demo.teachers[1]!.id; // Бирюков, школа № 1
    expect(selfAssessment(a!, '2025-09-10', false)).toBe(0);
    expect(selfAssessment(a!, '2026-01-15', true)).toBe(100);
    selfAssessment(b!, '2025-09-12', false); // 0
    selfAssessment(b!, '2026-01-20', false); // 0
    selfAssessment(c!, '2025-09-12', true); // before only: left out of the means
    selfAssessment(other, '2025-09-01', true); // 100
    selfAssessment(other, '2026-02-01', true); // 100
    const school = t.db
      .prepare("SELECT s.id FROM schools s JOIN municipalities m ON m.id = s.municipality_id WHERE s.name = 'МБОУ «Тестовая школа»' AND m.name = ?")
      .pluck()
      .get(belo);

    const logged = await methodist.post('/admin/measures/new', {
      kind: 'seminar',
      title: 'Цикл семинаров по цифровым инструментам',
      competency: 'digital',
      targetValue: '60',
      start: '2025-10-01',
      end: '2025-12-20',
      school: String(school),
    });
    expect(logged.status).toBe(303);
    const id = Number(/(\d+)$/.exec(logged.headers.get('location')!)![1]);
    const page = await (await methodist.get(`/admin/measures/${id}`)).text();
    const row = (group: string) =>
      [...new RegExp(`<tr data-group="${group}">(.*?)</tr>`, 's').exec(page)![1]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    // Target: 3 teachers, 2 measured; before (0 + 0) / 2 = 0, after (100 + 0) / 2 = 50, +50.
    expect(row('target')).toEqual(['3', '2', '0', '50', '+50']);
    // Comparable: the other Белоозёрск teachers; only Бирюков was measured both times, 100 → 100.
    const comparable = t.db
      .prepare(
        "SELECT count(*) FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id WHERE m.name = ? AND s.name <> 'МБОУ «Тестовая школа»'",
      )
      .pluck()
      .get(belo) as number;
    expect(row('comparison')).toEqual([String(comparable), '1', '100', '100', '±0']);
    expect(page).toContain('Целевое значение 60 пока не достигнуто.');

    const plan = await (await methodist.get('/admin/measures?period=2025-2026')).text();
    expect(plan).toContain('Цикл семинаров по цифровым инструментам');
    // October, November and December run: three filled months of twelve.
    expect(plan.match(/class="month on"/g)).toHaveLength(3);
    const bytes = Buffer.from(await (await methodist.get('/admin/measures/plan.csv?period=2025-2026')).arrayBuffer());
    // A BOM, then the Russian header: Excel opens it as it is.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('Мера;Вид;Компетенция')).toBe(true);
    expect(csv).toContain('Цикл семинаров по цифровым инструментам;Семинар, мастер-класс;Цифровая;;60;01.10.2025;20.12.2025;3;0;50;50;100;100;0');

    // The council's summary of measures: the same counts, without the measure's title, each measure suppressed alone.
    const council = (minGroup: number) =>
      [...summaryOf(t.db, { report: 'measures', by: 'competency', period: '2025-2026', minGroup }).rows].find((r) => r.values.measureId === id)!;
    expect(council(1).values).toMatchObject({
      measureKind: 'Семинар, мастер-класс',
      municipality: belo,
      competencyId: 'digital',
      targetTeachers: 3,
      targetMeasured: 2,
      targetBefore: 0,
      targetAfter: 50,
      targetChange: 50,
      comparableMeasured: 1,
      comparableChange: 0,
    });
    expect(JSON.stringify(council(1).values)).not.toContain('Цикл семинаров');
    // K = 2: the one comparable teacher and her change are hidden; so is the group's 2 measured (3 − 2 would give away the
    // one who was not), with every mean taken over them; the group of 3 stays.
    expect(council(2).values).toMatchObject({
      targetTeachers: 3,
      targetMeasured: null,
      targetBefore: null,
      targetAfter: null,
      targetChange: null,
      comparableMeasured: null,
      comparableChange: null,
    });
    // K = 4: the group itself is small.
    expect(council(4).values.targetTeachers).toBeNull();
  });

  it('keeps a methodist to her municipality, and writes a sentence for each field it refuses', async () => {
    const refused = await methodist.post('/admin/measures/new', {
      kind: 'nonsense',
      title: 'x',
      competency: '',
      targetValue: '120',
      start: '2025-13-01',
      end: '',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    for (const sentence of [
      'Выберите вид меры.',
      'Напишите название меры',
      'Выберите компетенцию',
      'Целевое значение — целый балл от 0 до 100',
      'Укажите дату начала',
      'Укажите дату окончания',
    ]) {
      expect(html).toContain(sentence);
    }
    expect(t.db.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(0);

    const logged = await methodist.post('/admin/measures/new', {
      kind: 'consultations',
      title: 'Консультации для молодых педагогов',
      competency: 'methodical',
      start: '2025-10-01',
      end: '2025-10-31',
      experienceBand: 'early',
    });
    expect(logged.status).toBe(303);
    const id = Number(/(\d+)$/.exec(logged.headers.get('location')!)![1]);
    const group = t.db
      .prepare(
        'SELECT DISTINCT m.name FROM measure_teachers g JOIN teachers te ON te.id = g.teacher_id JOIN schools s ON s.id = te.school_id JOIN municipalities m ON m.id = s.municipality_id WHERE g.measure_id = ?',
      )
      .pluck()
      .all(id);
    expect(group).toEqual([belo]);
    const zarechId = t.db.prepare('SELECT id FROM municipalities WHERE name = ?').pluck().get(zarech) as number;
    insertStaff(t.db, { login: 'zarech', passwordHash: await hashPassword('пароль-заречного-1'), role: 'methodist', municipalityId: zarechId });
    const other = await signIn(t.app, 'zarech', 'пароль-заречного-1');
    expect((await other.get(`/admin/measures/${id}`)).status).toBe(403);
    expect(await (await other.get('/admin/measures?period=2025-2026')).text()).not.toContain('Консультации для молодых педагогов');
    expect(await (await other.get('/admin/measures/plan.csv?period=2025-2026')).text()).not.toContain('Консультации для молодых педагогов');
  });
});
