/**
 * A realistic republic for the benchmarks, generated once and kept on disk
 * (bench/.cache, git-ignored) because generating it takes a minute or more:
 * 100,000 teachers (BENCH_TEACHERS) in about 2,000 schools of 20–80 teachers
 * in 60 municipalities, names drawn from a few dozen common ones (so that a
 * name search matches many, as it does for real), 90 % of them connected,
 * and one to three earlier self-assessments each over two учебных года,
 * scored by the real scoring from answers that follow each teacher's own ability
 * (deficit shares of 20–45 % an area) and stored as the server
 * stores them (result with its indicators, answers, per-area scores), with
 * the report aggregates built. The demo's catalogue and staff are there too.
 *
 * Each measure works on a copy (`copyRepublic`), so every one starts from the
 * same database. A device token is `benchToken(teacherId)`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { framework, instrumentById } from '../shared/content/index.ts';
import type { Instrument } from '../shared/schemas/instrument.ts';
import { rebuildReportAggregates } from '../server/features/aggregates/store/rebuild.ts';
import { foldNewTeacherNames } from '../server/features/teachers/directory-store.ts';
import { rebuildRoute } from '../server/features/route/rebuild.ts';
import { pendingRouteTeachers } from '../server/features/route/store.ts';
import { seedDemo } from '../server/features/demo/seed.ts';
import { encodeAttempt } from '../server/features/diagnostics/attempt-store.ts';
import { installShippedInstruments } from '../server/features/diagnostics/install-shipped.ts';
import { scoreOrThrow } from '../server/features/diagnostics/prepare-submission.ts';
import { hashSecret } from '../server/platform/auth/secrets.ts';
import { databaseFileName, openDatabase } from '../server/platform/database/database.ts';
import { createSession } from '../server/platform/database/session-store.ts';

export const republicTeachers = Number(process.env.BENCH_TEACHERS ?? 100_000);
const municipalities = 60;
/** Bumped whenever what is generated changes, so that an older cache is not used. */
const generation = 5;
const cacheDir = path.resolve('bench/.cache', `republic-${republicTeachers}-g${generation}`);
export const periods = [
  { name: '2025-2026', day: '2025-10-15' },
  { name: '2026-2027', day: '2026-10-15' },
];

const lastNames = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Попов',
  'Васильев',
  'Федоров',
  'Николаев',
  'Егоров',
  'Степанов',
  'Яковлев',
  'Захаров',
  'Максимов',
  'Слепцов',
  'Сивцев',
  'Гоголев',
  'Алексеев',
  'Павлов',
  'Семенов',
  'Григорьев',
  'Аргунов',
  'Винокуров',
  'Ефимов',
  'Кононов',
  'Местников',
  'Неустроев',
  'Окоемов',
  'Протодьяконов',
  'Румянцев',
  'Саввинов',
  'Тарасов',
  'Ушницкий',
  'Харитонов',
  'Черкашин',
  'Шадрин',
  'Эверстов',
  'Ёлкин',
];
const firstNames = [
  ['Айсен', 'Мария'],
  ['Иван', 'Ольга'],
  ['Петр', 'Туйаара'],
  ['Андрей', 'Елена'],
  ['Василий', 'Саргылана'],
  ['Николай', 'Людмила'],
  ['Егор', 'Надежда'],
  ['Алексей', 'Анастасия'],
  ['Михаил', 'Сардаана'],
  ['Семен', 'Айталина'],
  ['Гаврил', 'Нюргуяна'],
  ['Сергей', 'Татьяна'],
];
const middleNames = [
  ['Иванович', 'Ивановна'],
  ['Петрович', 'Петровна'],
  ['Николаевич', 'Николаевна'],
  ['Егорович', 'Егоровна'],
  ['Гаврильевич', 'Гаврильевна'],
  ['Афанасьевич', 'Афанасьевна'],
  ['Семенович', 'Семеновна'],
  ['Алексеевич', 'Алексеевна'],
  ['Иннокентьевич', 'Иннокентьевна'],
];

/** Deterministic pseudo-random numbers, so that every generation makes the same republic. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export const benchToken = (teacherId: number) => `bench-token-${teacherId}`;

export interface RepublicInfo {
  teachers: number;
  schools: number;
  attempts: number;
  /** Ids of the teachers with a device (token: benchToken(id)), in id order. */
  connected: number[];
  /** The admin the staff pages are read as. */
  adminStaffId: number;
  /** Some municipality and school ids, and a common last name, for filters. */
  municipalityId: number;
  schoolId: number;
  commonLastName: string;
  generatedSeconds: number;
}

/**
 * A teacher's standing, kept across her sittings: an ability (bell-shaped around 0.86 of the scale's top, so that
 * about a third of the republic shows a deficit in an area, as real self-assessments do, rather than nearly
 * everyone) and an offset of her own in each area, so that areas and teachers differ.
 */
interface Ability {
  overall: number;
  byArea: Map<string, number>;
}

const areaOfIndicator = new Map(framework.indicators.map((indicator) => [indicator.id, indicator.area]));

function abilityOf(next: () => number): Ability {
  const overall = 0.86 + ((next() + next() + next()) / 3 - 0.5) * 0.9;
  return { overall, byArea: new Map(framework.areas.map((area) => [area.id, (next() - 0.5) * 0.16])) };
}

function answersFor(instrument: Instrument, ability: Ability, next: () => number): Record<string, number | string | string[]> {
  const answers: Record<string, number | string | string[]> = {};
  for (const item of instrument.items) {
    if (item.kind === 'likert') {
      const level = ability.overall + (ability.byArea.get(areaOfIndicator.get(item.measures[0]!.indicator) ?? '') ?? 0);
      const value = Math.min(5, Math.max(1, Math.round(1 + 4 * level + (next() - 0.5) * 1.6)));
      // A reverse item is answered the other way round by the same teacher: 5 there is the worst.
      answers[item.id] = item.reverse ? 6 - value : value;
    } else if (item.kind === 'single') answers[item.id] = item.options[Math.floor(next() * item.options.length)]!.id;
    else answers[item.id] = [item.options[Math.floor(next() * item.options.length)]!.id];
  }
  return answers;
}

async function generate(): Promise<RepublicInfo> {
  const started = performance.now();
  const dir = `${cacheDir}.partial-${process.pid}`;
  fs.rmSync(dir, { recursive: true, force: true });
  const db = openDatabase(dir);
  await seedDemo(db);
  installShippedInstruments(db);
  const instrument = instrumentById('selfAssessment')!;
  const next = random(42);
  const now = new Date().toISOString();
  const connected: number[] = [];
  let attempts = 0;
  let schools = 0;
  let firstMunicipality = 0;
  let firstSchool = 0;
  const adminStaffId = (db.prepare("SELECT id FROM staff WHERE role = 'admin' LIMIT 1").get() as { id: number }).id;
  db.transaction(() => {
    const municipality = db.prepare('INSERT INTO municipalities (name) VALUES (?)');
    const school = db.prepare('INSERT INTO schools (municipality_id, name) VALUES (?, ?)');
    const teacher = db.prepare(
      `INSERT INTO teachers (school_id, last_name, first_name, middle_name, position, subjects, experience_years, created_at)
       VALUES (?, ?, ?, ?, 'учитель', 'математика', ?, ?)`,
    );
    const device = db.prepare(`INSERT INTO devices (teacher_id, token_hash, label, created_at) VALUES (?, ?, 'bench', ?)`);
    const attempt = db.prepare(
      `INSERT INTO attempts (id, teacher_id, instrument_id, instrument_version, completed_at, received_at, answers_json, result_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const score = db.prepare('INSERT INTO attempt_scores (attempt_seq, area, score, level) VALUES (?, ?, ?, ?)');
    const municipalityIds = Array.from({ length: municipalities }, (_, m) => Number(municipality.run(`Нагрузочный район № ${m + 1}`).lastInsertRowid));
    firstMunicipality = municipalityIds[0]!;
    let made = 0;
    while (made < republicTeachers) {
      const size = Math.min(republicTeachers - made, 20 + Math.floor(next() * 61));
      const schoolId = Number(school.run(municipalityIds[schools % municipalities]!, `Нагрузочная школа № ${schools + 1}`).lastInsertRowid);
      firstSchool ||= schoolId;
      schools++;
      for (let i = 0; i < size; i++, made++) {
        const female = next() < 0.75 ? 1 : 0;
        const last = lastNames[Math.floor(next() * lastNames.length)]! + (female ? 'а' : '');
        const first = firstNames[Math.floor(next() * firstNames.length)]![female]!;
        const middle = middleNames[Math.floor(next() * middleNames.length)]![female]!;
        const id = Number(teacher.run(schoolId, last, first, middle, Math.floor(next() * 40), now).lastInsertRowid);
        if (next() < 0.9) {
          device.run(id, hashSecret(benchToken(id)), now);
          connected.push(id);
        }
        const sittings = 1 + Math.floor(next() * 3);
        const ability = abilityOf(next);
        for (let s = 0; s < sittings; s++) {
          const period = periods[s % 2]!;
          const completedAt = `${period.day}T1${s}:00:00+09:00`;
          const scored = scoreOrThrow({ db, framework }, id, {
            id: randomUUID(),
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            answers: answersFor(instrument, ability, next),
            completedAt,
          });
          const row = encodeAttempt({ ...scored, receivedAt: completedAt });
          const { lastInsertRowid: seq } = attempt.run(
            row.id,
            id,
            row.instrumentId,
            row.instrumentVersion,
            row.completedAt,
            row.receivedAt,
            row.answersJson,
            row.resultJson,
          );
          for (const [area, value, level] of row.scores) score.run(seq, area, value, level);
          attempts++;
        }
      }
    }
  })();
  rebuildReportAggregates(db);
  // Every teacher's ИОМ built, as the server builds it after each attempt: otherwise each measure's server
  // would start by rebuilding 100,000 routes, each moving the summaries' base on, and measure that instead.
  const built = new Set<number>();
  for (let pending = pendingRouteTeachers(db, 1000); pending.length > 0; pending = pendingRouteTeachers(db, 1000)) {
    for (const teacherId of pending) {
      if (built.has(teacherId)) throw new Error(`the route of teacher ${teacherId} stays noted after its rebuild`);
      rebuildRoute(db, teacherId, 'teacher');
      built.add(teacherId);
    }
  }
  foldNewTeacherNames(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const info: RepublicInfo = {
    teachers: republicTeachers,
    schools,
    attempts,
    connected,
    adminStaffId,
    municipalityId: firstMunicipality,
    schoolId: firstSchool,
    commonLastName: 'Иванова',
    generatedSeconds: (performance.now() - started) / 1000,
  };
  fs.writeFileSync(path.join(dir, 'republic.json'), JSON.stringify(info));
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.renameSync(dir, cacheDir);
  return info;
}

let cached: Promise<RepublicInfo> | undefined;

/** The republic's facts, generating it first if no cache has it. */
export function republic(): Promise<RepublicInfo> {
  cached ??= (async () => {
    const infoFile = path.join(cacheDir, 'republic.json');
    if (fs.existsSync(infoFile)) return JSON.parse(fs.readFileSync(infoFile, 'utf8')) as RepublicInfo;
    console.log(
      `  (создаю республику на ${republicTeachers.toLocaleString('ru-RU')} педагогов в ${path.relative(process.cwd(), cacheDir)}: один раз, это долго)`,
    );
    const info = await generate();
    console.log(
      `  (готово за ${info.generatedSeconds.toFixed(0)} с: ${info.schools} школ, ${info.attempts.toLocaleString('ru-RU')} попыток, ${(fs.statSync(path.join(cacheDir, databaseFileName)).size / 1024 / 1024).toFixed(0)} МБ)`,
    );
    return info;
  })();
  return cached;
}

/** A fresh copy of the republic in a data folder of its own, with a live admin session; remove it with `fs.rmSync`. */
export async function copyRepublic(): Promise<{ dataDir: string; info: RepublicInfo; adminCookie: string }> {
  const info = await republic();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-bench-republic-'));
  fs.copyFileSync(path.join(cacheDir, databaseFileName), path.join(dataDir, databaseFileName));
  const db = openDatabase(dataDir);
  const { id } = createSession(db, info.adminStaffId);
  db.close();
  return { dataDir, info, adminCookie: `profrost_admin=${id}` };
}
