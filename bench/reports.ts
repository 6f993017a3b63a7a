/**
 * Reports over a republic of 100,000 teachers in 60 municipalities and 2,000
 * schools, each with one to three self-assessments over two учебных года,
 * seeded by direct SQL in one transaction. Prints: building the aggregates
 * from the attempts (what a first start after upgrading does), the extra cost
 * of keeping them per write, the dashboard's data for the republic and one
 * municipality, streaming deficits.csv?by=school over HTTP, the teacher-level
 * export of 100,000 rows, and the latency of /api/v1/health while each
 * export streams. Every figure is repeated so the spread shows the noise of
 * a CPU shared with others.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { competencyIds } from '../shared/competencies.ts';
import { defaultDeficitBands } from '../shared/schemas/instrument.ts';
import { levelFor } from '../shared/scoring/levels.ts';
import { installShippedInstruments } from '../server/features/diagnostics/install-shipped.ts';
import { dashboardData } from '../server/features/staff-reports/store/dashboard.ts';
import { rebuildReportAggregates } from '../server/features/aggregates/store/rebuild.ts';
import { recomputeStanding } from '../server/features/aggregates/store/recompute-standing.ts';
import { teacherExportCsv } from '../server/features/staff-reports/store/teacher-export.ts';
import { startServer } from '../server/serve.ts';
import { createCouncilToken } from '../server/platform/database/council-token-store.ts';
import { type Db, openDatabase } from '../server/platform/database/database.ts';

const teachers = Number(process.env.BENCH_REPORT_TEACHERS ?? 100_000);
const municipalities = 60;
const schools = 2_000;
const repeats = 15;
const periods = [
  { name: '2025-2026', day: '2025-10-15' },
  { name: '2026-2027', day: '2026-10-15' },
];

/** Deterministic pseudo-random numbers, so every run seeds the same republic. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export function seedRepublic(db: Db): number {
  const next = random(42);
  const now = new Date().toISOString();
  let attempts = 0;
  db.transaction(() => {
    const municipality = db.prepare('INSERT INTO municipalities (id, name) VALUES (?, ?)');
    const school = db.prepare('INSERT INTO schools (id, municipality_id, name) VALUES (?, ?, ?)');
    const teacher = db.prepare(
      `INSERT INTO teachers (id, school_id, last_name, first_name, middle_name, position, subjects, experience_years, created_at)
       VALUES (?, ?, ?, 'Имя', 'Отчество', 'учитель', '', ?, ?)`,
    );
    const device = db.prepare(`INSERT INTO devices (teacher_id, token_hash, created_at) VALUES (?, ?, ?)`);
    const attempt = db.prepare(
      `INSERT INTO attempts (id, teacher_id, instrument_id, instrument_version, completed_at, received_at, answers_json, result_json)
       VALUES (?, ?, 'selfAssessment', 1, ?, ?, '{}', ?)`,
    );
    const score = db.prepare('INSERT INTO attempt_scores (attempt_seq, area, score, level) VALUES (?, ?, ?, ?)');
    for (let m = 1; m <= municipalities; m++) municipality.run(m, `Муниципальный район № ${m}`);
    for (let s = 1; s <= schools; s++) school.run(s, 1 + (s % municipalities), `Школа № ${s}`);
    for (let t = 1; t <= teachers; t++) {
      teacher.run(t, 1 + (t % schools), `Педагог ${t}`, Math.floor(next() * 40), now);
      if (next() < 0.7) device.run(t, `bench-${t}`, now);
      const sittings = 1 + Math.floor(next() * 3);
      for (let i = 0; i < sittings; i++) {
        const period = periods[i % 2]!;
        const completedAt = `${period.day}T1${i}:00:00+09:00`;
        const areas: Record<string, { score: number; level: string; answered: number; total: number }> = {};
        for (const area of competencyIds) {
          const value = Math.round(next() * 1000) / 10;
          areas[area] = { score: value, level: levelFor(value, defaultDeficitBands), answered: 6, total: 6 };
        }
        const id = `bench-${t}-${i}`;
        const result = {
          instrumentId: 'selfAssessment',
          instrumentVersion: 1,
          instrumentKind: 'selfAssessment',
          bands: defaultDeficitBands,
          areas,
          indicators: {},
          deficits: [],
        };
        const { lastInsertRowid: seq } = attempt.run(id, t, completedAt, completedAt, JSON.stringify(result));
        for (const [area, r] of Object.entries(areas)) score.run(seq, area, r.score, r.level);
        attempts++;
      }
    }
  })();
  return attempts;
}

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} мс`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} МБ`;

function spread(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`  ${label}: медиана ${ms(median)}, от ${ms(sorted[0]!)} до ${ms(sorted.at(-1)!)} (${samples.length} замеров)`);
}

/** Runs an export to its end while asking /api/v1/health every 20 ms; peak RSS over the baseline and health latencies. */
async function whileStreaming(baseUrl: string, consume: () => Promise<number>): Promise<{ ms: number; bytes: number; peak: number; health: number[] }> {
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  const health: number[] = [];
  let done = false;
  const prober = (async () => {
    while (!done) {
      const start = performance.now();
      await (await fetch(`${baseUrl}/api/v1/health`)).arrayBuffer();
      health.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const start = performance.now();
  const bytes = await consume();
  const elapsed = performance.now() - start;
  done = true;
  await prober;
  clearInterval(sampler);
  return { ms: elapsed, bytes, peak: peak - baseline, health };
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

function latencies(label: string, samples: number[]): void {
  if (samples.length === 0) {
    console.log(`  ${label}: ни одного ответа за время выгрузки`);
    return;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`  ${label}: ${samples.length} запросов, медиана ${ms(sorted[Math.floor(sorted.length / 2)]!)}, худший ${ms(sorted.at(-1)!)}`);
}

export async function benchReports(): Promise<void> {
  const load = () =>
    os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' / ');
  console.log(
    `\nСводки: ${teachers.toLocaleString('ru-RU')} педагогов, ${municipalities} муниципалитетов, ${schools} школ; загрузка машины (1/5/15 мин): ${load()}`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-bench-reports-'));
  try {
    const db = openDatabase(dataDir);
    installShippedInstruments(db);
    const [attempts, seedMs] = timed(() => seedRepublic(db));
    console.log(`  заполнение прямыми INSERT в одной транзакции: ${attempts.toLocaleString('ru-RU')} попыток за ${ms(seedMs)}`);
    const [, rebuildMs] = timed(() => rebuildReportAggregates(db));
    console.log(`  построение сводных таблиц из всех попыток (один раз, при первом запуске после обновления): ${ms(rebuildMs)}`);

    // What each stored attempt costs the aggregates later (pending.ts): recomputing one teacher's standing and moving the counts.
    const perWrite: number[] = [];
    const writes = db.transaction((ids: number[]) => {
      for (const id of ids) perWrite.push(timed(() => recomputeStanding(db, id, periods[1]!.name))[1]);
    });
    for (let round = 0; round < 5; round++) writes(Array.from({ length: 1000 }, (_, i) => 1 + (((round * 1000 + i) * 37) % teachers)));
    const sortedWrites = [...perWrite].sort((a, b) => a - b);
    console.log(
      `  пересчёт сводок на одну попытку (в фоне после записи): медиана ${(sortedWrites[perWrite.length >> 1]! * 1000).toFixed(0)} мкс, 99-й перцентиль ${(sortedWrites[Math.floor(perWrite.length * 0.99)]! * 1000).toFixed(0)} мкс`,
    );

    const period = periods[1]!.name;
    const republic = Array.from({ length: repeats }, () => timed(() => dashboardData(db, { period, minGroup: 5 }))[1]);
    spread('данные «Обзора» по республике', republic);
    const one = Array.from({ length: repeats }, (_, i) => timed(() => dashboardData(db, { period, municipalityId: 1 + (i % municipalities), minGroup: 5 }))[1]);
    spread('данные «Обзора» по одному муниципалитету', one);

    const token = createCouncilToken(db, 'bench');
    db.close();
    const server = await startServer({ port: 0, dataDir, publicUrl: 'http://localhost', demo: false, minGroup: 5 });
    try {
      const url = server.url.replace('localhost', '127.0.0.1');
      await (await fetch(`${url}/api/v1/health`)).arrayBuffer(); // warm up
      for (let round = 1; round <= 3; round++) {
        const csv = await whileStreaming(url, async () => {
          const response = await fetch(`${url}/api/v1/reports/deficits.csv?by=school&period=${period}`, { headers: { authorization: `Bearer ${token}` } });
          if (response.status !== 200) throw new Error(`deficits.csv: ${response.status}`);
          return readAll(response.body!);
        });
        console.log(`  deficits.csv?by=school, раунд ${round}: ${ms(csv.ms)}, ${(csv.bytes / 1024).toFixed(0)} КБ, рост памяти (RSS) ${mb(csv.peak)}`);
        latencies(`    /api/v1/health во время выгрузки`, csv.health);
      }
      for (let round = 1; round <= 3; round++) {
        const exported = await whileStreaming(url, () => readAll(teacherExportCsv(server.db, { period }, { excel: false })));
        console.log(
          `  выгрузка по педагогам (${teachers.toLocaleString('ru-RU')} строк), раунд ${round}: ${ms(exported.ms)}, ${mb(exported.bytes)}, рост памяти (RSS) ${mb(exported.peak)}`,
        );
        latencies(`    /api/v1/health во время выгрузки`, exported.health);
      }
    } finally {
      await server.close();
    }
    console.log(`  загрузка машины в конце (1/5/15 мин): ${load()} — при загрузке выше числа ядер (${os.cpus().length}) времена завышены`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
