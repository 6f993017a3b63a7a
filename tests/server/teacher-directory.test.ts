import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompetencyId, competencyIds } from '../../shared/competencies.ts';
import { framework, instrumentById } from '../../shared/content/index.ts';
import { currentProfile } from '../../shared/profile/current-profile.ts';
import { decodeResult } from '../../shared/scoring/compact-result.ts';
import { hasDeficit } from '../../shared/scoring/deficits.ts';
import { applyPendingStandings } from '../../server/features/aggregates/store/pending.ts';
import { rebuildReportAggregates } from '../../server/features/aggregates/store/rebuild.ts';
import { foldText } from '../../server/features/catalogue/program-store.ts';
import { attemptStore } from '../../server/features/diagnostics/attempt-store.ts';
import { scoreOrThrow } from '../../server/features/diagnostics/prepare-submission.ts';
import { eraseTeacher } from '../../server/features/me/store.ts';
import { insertTeacher } from '../../server/features/roster/store.ts';
import { listTeachers, type TeacherFilter } from '../../server/features/teachers/directory-store.ts';
import type { StaffScope } from '../../server/platform/auth/scope.ts';
import type { Db } from '../../server/platform/database/database.ts';
import { type AdminClient, signIn } from '../helpers/admin-client.ts';
import { aggregateSnapshot } from '../helpers/reports.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * «Педагоги» reads indexes (a folded-name trigram index, the teachers'
 * standings kept with the report aggregates, keyset paging): it must answer
 * exactly what reading every teacher's attempts answered before. The
 * reference below is that reading, done the slow way in the test.
 */

const lastNames = ['Ёлкина', 'Елкин', 'СЛЕПЦОВ', 'Слепцова', 'Һоров', 'Иванова', 'Ли', 'Ан', "О'Нил", 'Иванов-Петров'];
const firstNames = ['Мария', 'Айсен', 'Ёся', 'Ия', 'Пётр'];

function sitting(instrumentId: string, value: (i: number) => number, completedAt: string) {
  const instrument = instrumentById(instrumentId)!;
  const answers: Record<string, number | string | string[]> = {};
  instrument.items.forEach((item, i) => {
    if (item.kind === 'likert') answers[item.id] = value(i);
    else if (item.kind === 'single') answers[item.id] = item.options[value(i) % item.options.length]!.id;
    else answers[item.id] = [item.options[value(i) % item.options.length]!.id];
  });
  return { id: randomUUID(), instrumentId, instrumentVersion: instrument.version, answers, completedAt };
}

/** 200 more teachers in two municipalities, with self-assessments, knowledge tests and screenings over three years. */
function seedMore(db: Db): void {
  const attempts = attemptStore(db);
  let n = 0;
  for (let i = 0; i < 200; i++) {
    const id = insertTeacher(db, {
      municipality: i % 3 === 0 ? 'Городской округ Белоозёрск' : 'Тестовый улус',
      school: `Школа ${i % 7}`,
      lastName: lastNames[i % lastNames.length]!,
      firstName: firstNames[(i >> 1) % firstNames.length]!,
      middleName: i % 4 === 0 ? '' : 'Семёновна',
      position: 'учитель',
      subjects: '',
      experienceYears: i % 30,
    });
    const sittings = i % 5;
    for (let s = 0; s < sittings; s++) {
      const instrumentId = ['selfAssessment', 'methodicalTest', 'burnoutScreening'][(i + s) % 3]!;
      const completedAt = `${2024 + (s % 3)}-${s % 2 ? '03' : '10'}-1${s}T10:00:00.000+09:00`;
      const value = (k: number) => 1 + ((i * 7 + s * 3 + k) % 5);
      attempts.saveNow(scoredSitting(db, id, sitting(instrumentId, value, completedAt)));
      n++;
    }
  }
  expect(n).toBeGreaterThan(300);
}

function scoredSitting(db: Db, teacherId: number, body: ReturnType<typeof sitting>) {
  return scoreOrThrow({ db, framework }, teacherId, body);
}

interface ReferenceRow {
  id: number;
  levels: Record<CompetencyId, string> | null;
}

/** What the list answered before: every teacher of the scope and filter, by name, their standings from all their competency attempts. */
function reference(db: Db, scope: StaffScope, filter: TeacherFilter): ReferenceRow[] {
  const teachers = db
    .prepare(
      `SELECT t.id, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName, t.school_id AS schoolId, s.municipality_id AS municipalityId
       FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.erased_at IS NULL`,
    )
    .all() as { id: number; lastName: string; firstName: string; middleName: string; schoolId: number; municipalityId: number }[];
  const attempts = db
    .prepare(
      `SELECT a.id, a.teacher_id AS teacherId, a.instrument_id AS instrumentId, a.instrument_version AS instrumentVersion, a.completed_at AS completedAt, a.result_json AS resultJson
       FROM attempts a JOIN instruments i ON i.id = a.instrument_id AND i.version = a.instrument_version WHERE i.kind <> 'screening'`,
    )
    .all() as { id: string; teacherId: number; instrumentId: string; instrumentVersion: number; completedAt: string; resultJson: string }[];
  const q = filter.q ? foldText(filter.q).replace(/\s+/g, ' ') : null;
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return teachers
    .filter((t) => scope.kind === 'admin' || (scope.kind === 'methodist' && t.municipalityId === scope.municipalityId))
    .filter((t) => q === null || foldText(`${t.lastName} ${t.firstName} ${t.middleName}`).includes(q))
    .filter((t) => filter.municipalityId === undefined || t.municipalityId === filter.municipalityId)
    .filter((t) => filter.schoolId === undefined || t.schoolId === filter.schoolId)
    .map((t) => {
      const own = attempts.filter((a) => a.teacherId === t.id);
      const result = (json: string) => {
        const decoded = decodeResult(json);
        delete decoded.areas.wellbeing;
        return decoded;
      };
      const profile = own.length
        ? currentProfile(
            own.map((a) => ({
              attemptId: a.id,
              instrumentId: a.instrumentId,
              instrumentVersion: a.instrumentVersion,
              completedAt: a.completedAt,
              result: result(a.resultJson),
            })),
          ).competencies
        : null;
      return { t, profile };
    })
    .filter(({ profile }) => filter.deficit === undefined || (profile !== null && hasDeficit(profile[filter.deficit].level)))
    .sort(({ t: a }, { t: b }) => compare(a.lastName, b.lastName) || compare(a.firstName, b.firstName) || compare(a.middleName, b.middleName) || a.id - b.id)
    .map(({ t, profile }) => ({
      id: t.id,
      levels: profile && (Object.fromEntries(competencyIds.map((c) => [c, profile[c].level])) as Record<CompetencyId, string>),
    }));
}

describe('«Педагоги» on indexed reads', () => {
  let t: TestApp;
  let admin: AdminClient;
  let scopes: StaffScope[];
  beforeAll(async () => {
    t = await createTestApp();
    seedMore(t.db);
    applyPendingStandings(t.db);
    const municipalityIds = (t.db.prepare('SELECT id FROM municipalities ORDER BY id').pluck().all() as number[]).slice(0, 2);
    scopes = [{ kind: 'admin', staffId: 1 }, ...municipalityIds.map((municipalityId) => ({ kind: 'methodist' as const, staffId: 2, municipalityId }))];
    admin = await signIn(t.app, 'admin', t.demo.admin.password);
  });
  afterAll(() => t.dispose());

  const schoolId = () => t.db.prepare("SELECT id FROM schools WHERE name = 'Школа 3'").pluck().get() as number;
  const filters = (): TeacherFilter[] => [
    {},
    { q: 'елкин' },
    { q: 'ЁЛКИН' },
    { q: 'ё' },
    { q: 'ли' },
    { q: 'слепцов' },
    { q: '  айсен   семеновна ' },
    { q: 'һор' },
    { q: "о'нил" },
    { q: 'ва-п' },
    { q: 'нет такого' },
    { q: '"' },
    { schoolId: schoolId() },
    ...competencyIds.map((deficit) => ({ deficit })),
    { q: 'ова', deficit: 'methodical' },
    { q: 'ия', deficit: 'digital', schoolId: schoolId() },
  ];

  const pageOf = (rows: { id: number; standings: Record<CompetencyId, { level: string }> | null }[]) =>
    rows.map((row) => ({
      id: row.id,
      levels: row.standings && (Object.fromEntries(competencyIds.map((c) => [c, row.standings![c].level])) as Record<CompetencyId, string>),
    }));

  it('answers every filter, scope and page as reading every teacher’s attempts did', () => {
    let compared = 0;
    for (const scope of scopes) {
      for (const filter of filters()) {
        const expected = reference(t.db, scope, filter);
        for (const offset of [0, 7, expected.length - 3]) {
          if (offset < 0) continue;
          // Both ways of reading a name search's page: by the trigram index, and walking the name index.
          for (const walkAbove of [2000, 0]) {
            const { items, total } = listTeachers(t.db, scope, filter, { limit: 10, offset }, walkAbove);
            expect(total, JSON.stringify({ scope, filter })).toBe(expected.length);
            expect(pageOf(items), JSON.stringify({ scope, filter, offset, walkAbove })).toEqual(expected.slice(offset, offset + 10));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
    // The filters are not vacuous: some find many, the deficit ones find some and not all.
    expect(reference(t.db, scopes[0]!, { deficit: 'methodical' }).length).toBeGreaterThan(5);
    expect(reference(t.db, scopes[0]!, { q: 'елкин' }).length).toBeGreaterThan(20);
  });

  it('pages forwards and backwards by key with no teacher twice and none left out', () => {
    for (const filter of [{}, { deficit: 'subject' as const }, { q: 'ова' }]) {
      const expected = reference(t.db, scopes[0]!, filter).map((row) => row.id);
      const forwards: number[][] = [];
      let page = listTeachers(t.db, scopes[0]!, filter, { limit: 9, offset: 0 }).items.map((row) => row.id);
      while (page.length > 0) {
        forwards.push(page);
        expect(listTeachers(t.db, scopes[0]!, filter, { limit: 9, after: page.at(-1)! }, 0).items.map((row) => row.id)).toEqual(
          listTeachers(t.db, scopes[0]!, filter, { limit: 9, after: page.at(-1)! }).items.map((row) => row.id),
        );
        page = listTeachers(t.db, scopes[0]!, filter, { limit: 9, after: page.at(-1)! }).items.map((row) => row.id);
      }
      expect(forwards.flat()).toEqual(expected);
      // Back from the last page, each page is the one before it.
      for (let i = forwards.length - 1; i > 0; i--) {
        const previous = listTeachers(t.db, scopes[0]!, filter, { limit: 9, before: forwards[i]![0]! }).items.map((row) => row.id);
        expect(previous).toEqual(forwards[i - 1]);
      }
    }
  });

  it('keeps the standings and the folded names up to date as attempts come in and names change', () => {
    const [teacher] = reference(t.db, scopes[0]!, { q: 'иванов-петров' });
    // A strong sitting, then a weak one: the newest decides.
    for (const [value, day] of [
      [5, '2027-01-10'],
      [1, '2027-01-11'],
    ] as const) {
      attemptStore(t.db).saveNow(
        scoredSitting(
          t.db,
          teacher!.id,
          sitting('selfAssessment', () => value, `${day}T10:00:00.000+09:00`),
        ),
      );
    }
    applyPendingStandings(t.db);
    expect(listTeachers(t.db, scopes[0]!, { deficit: 'methodical' }, { limit: 500, offset: 0 }).items.map((row) => row.id)).toContain(teacher!.id);
    expect(pageOf(listTeachers(t.db, scopes[0]!, {}, { limit: 1000, offset: 0 }).items)).toEqual(reference(t.db, scopes[0]!, {}));

    // A name written by other code than the roster's (a plain UPDATE), and a new teacher: both found by their new names.
    t.db.prepare("UPDATE teachers SET last_name = 'Переименованная' WHERE id = ?").run(teacher!.id);
    const fresh = insertTeacher(t.db, {
      municipality: 'Тестовый улус',
      school: 'Школа 1',
      lastName: 'Новенькая',
      firstName: 'Ёлка',
      middleName: '',
      position: '',
      subjects: '',
      experienceYears: 1,
    });
    expect(listTeachers(t.db, scopes[0]!, { q: 'переименов' }, { limit: 10, offset: 0 }).items.map((row) => row.id)).toEqual([teacher!.id]);
    expect(listTeachers(t.db, scopes[0]!, { q: 'иванов-петров' }, { limit: 100, offset: 0 }).items.map((row) => row.id)).not.toContain(teacher!.id);
    expect(listTeachers(t.db, scopes[0]!, { q: 'новенькая елка' }, { limit: 10, offset: 0 }).items.map((row) => row.id)).toEqual([fresh]);
    // So do the report counts, with attempts that came in out of order (a year after a later one).
    const counts = aggregateSnapshot(t.db);
    rebuildReportAggregates(t.db);
    expect(aggregateSnapshot(t.db)).toEqual(counts);

    // An erased teacher leaves every list and every count, the deficit ones included, and a rebuild does not bring them back.
    const [erased] = reference(t.db, scopes[0]!, { deficit: 'methodical' });
    expect(eraseTeacher(t.db, erased!.id, 'test')).toBe(true);
    for (const scope of scopes) {
      const { items, total } = listTeachers(t.db, scope, { deficit: 'methodical' }, { limit: 1000, offset: 0 });
      expect(items.map((row) => row.id)).toEqual(reference(t.db, scope, { deficit: 'methodical' }).map((row) => row.id));
      expect(total).toBe(items.length);
    }
    // A rebuild of the aggregates gives the same standings as those kept one attempt at a time.
    const kept = t.db.prepare('SELECT * FROM teacher_standings ORDER BY teacher_id, area').all();
    rebuildReportAggregates(t.db);
    expect(t.db.prepare('SELECT * FROM teacher_standings ORDER BY teacher_id, area').all()).toEqual(kept);
  });

  it('links «Вперёд» and «Назад» to the rows around the page, and those links show the neighbouring pages', async () => {
    const textIds = (html: string) => [...html.matchAll(/href="\/admin\/teachers\/(\d+)"/g)].map((m) => Number(m[1]));
    const first = await (await admin.get('/admin/teachers')).text();
    const next = /href="([^"]*after=\d+[^"]*)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const second = await (await admin.get(next!)).text();
    expect(second).toContain('Страница 2 из');
    const expected = reference(t.db, scopes[0]!, {}).map((row) => row.id);
    expect(textIds(second)).toEqual(expected.slice(50, 100));
    const back = /href="([^"]*page=1[^"]*)"/.exec(second)?.[1]?.replaceAll('&amp;', '&');
    expect(textIds(await (await admin.get(back!)).text())).toEqual(expected.slice(0, 50));
  });

  it('offers the schools of one municipality to filter by, not the whole republic’s', async () => {
    const schoolOptions = (html: string) => [...html.matchAll(/<option value="(\d+)"[^>]*>Школа \d/g)].map((m) => Number(m[1]));
    const all = await (await admin.get('/admin/teachers')).text();
    expect(all).toContain('чтобы выбрать школу, выберите муниципалитет');
    expect(schoolOptions(all)).toEqual([]);
    const ulus = t.db.prepare("SELECT id FROM municipalities WHERE name = 'Тестовый улус'").pluck().get() as number;
    const ofUlus = t.db.prepare('SELECT id FROM schools WHERE municipality_id = ? ORDER BY name').pluck().all(ulus) as number[];
    expect(ofUlus.length).toBeGreaterThan(3);
    expect(schoolOptions(await (await admin.get(`/admin/teachers?municipality=${ulus}`)).text())).toEqual(ofUlus);
  });
});
