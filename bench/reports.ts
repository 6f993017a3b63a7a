/**
 * The reports over HTTP on the realistic republic (republic.ts: BENCH_TEACHERS
 * teachers, their earlier self-assessments, the aggregates built), with the
 * real server in a process of its own pinned to core 0 and this process on
 * core 1, as users meet them: the «Обзор» page (the dashboard) for the
 * republic and one municipality, the council's summaries by school
 * (deficits, participation, ИОМ) and the teacher-level export. Each is
 * measured twice: right after a change (a teacher's attempt, sent as the
 * extension sends it: the aggregates follow it and the summaries' base is
 * warmed anew, on its thread) and with the base kept. Meanwhile a probe asks
 * /api/v1/health every 10 ms (its median, p99 and worst: a request held
 * behind the report would show here) and the server's resident memory is
 * sampled every 20 ms (its peak; the kernel's VmHWM too). Before the server
 * starts, building the aggregates from every attempt is timed in this process
 * (what the first start after an upgrade does).
 */
import fs from 'node:fs';
import os from 'node:os';
import { instrumentById } from '../shared/content/index.ts';
import { rebuildReportAggregates } from '../server/features/aggregates/store/rebuild.ts';
import { createCouncilToken } from '../server/platform/database/council-token-store.ts';
import { openDatabase } from '../server/platform/database/database.ts';
import { loadText, memoryOf, type Running, serverArgs, startPinned } from './processes.ts';
import { benchToken, copyRepublic, periods } from './republic.ts';
import { randomAttemptBody } from './setup.ts';

const repeats = Number(process.env.BENCH_REPORT_REPEATS ?? 3);

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} мс`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} МБ`;

/** The value at quantile q of samples (nearest rank). */
function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

interface Watch {
  stop(): Promise<{ health: number[]; failed: number; peakRss: number }>;
}

/** Asks /health every 10 ms and samples the server's RSS every 20 ms until stopped. */
function watch(server: Running): Watch {
  const health: number[] = [];
  let failed = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryOf(server.child.pid!)?.rss ?? 0)), 20);
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      try {
        await (await fetch(`${server.url}/api/v1/health`)).arrayBuffer();
        health.push(performance.now() - start);
      } catch {
        // A kept-alive connection closed under the request (ECONNRESET): counted, not measured.
        failed++;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      clearInterval(sampler);
      return { health, failed, peakRss };
    },
  };
}

/** Reads a whole answer (streamed or not); its time to the last byte and its size. */
async function fetchAll(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return { ms: performance.now() - start, bytes };
}

/** A self-assessment sent as the extension sends it, by the next connected teacher: the change that makes the base stale. */
async function change(server: Running, teacherId: number): Promise<void> {
  const instrument = instrumentById('selfAssessment')!;
  const response = await fetch(`${server.url}/api/v1/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${benchToken(teacherId)}` },
    body: randomAttemptBody(instrument),
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`attempt: ${response.status} ${await response.text()}`);
}

export async function benchReports(): Promise<void> {
  const { dataDir, info, adminCookie } = await copyRepublic();
  const period = periods[1]!.name;
  console.log(
    `\nОтчёты по HTTP: ${info.teachers.toLocaleString('ru-RU')} педагогов, ${info.schools} школ, ${info.attempts.toLocaleString('ru-RU')} попыток; каждый ${repeats} раз(а) сразу после изменения (попытка педагога) и ${repeats} раз(а) с сохранённой базой сводок; /api/v1/health каждые 10 мс, RSS сервера каждые 20 мс | ${loadText()}`,
  );
  const db = openDatabase(dataDir);
  const rebuildStart = performance.now();
  rebuildReportAggregates(db);
  console.log(
    `  построение сводных таблиц из всех попыток (в этом процессе, как при первом запуске после обновления): ${ms(performance.now() - rebuildStart)}`,
  );
  const councilToken = createCouncilToken(db, 'bench');
  db.close();

  const server = await startPinned(serverArgs, { PROFROST_DATA_DIR: dataDir, PROFROST_REPORT_MIN_GROUP: '5' });
  try {
    const admin = { cookie: adminCookie };
    const council = { authorization: `Bearer ${councilToken}` };
    const reports: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: '«Обзор» по республике', path: `/admin/overview?period=${period}`, headers: admin },
      { name: '«Обзор» по муниципалитету', path: `/admin/overview?period=${period}&municipality=${info.municipalityId}`, headers: admin },
      { name: 'deficits.csv?by=school', path: `/api/v1/reports/deficits.csv?by=school&period=${period}`, headers: council },
      { name: 'participation.csv?by=school', path: `/api/v1/reports/participation.csv?by=school&period=${period}`, headers: council },
      { name: 'routes.csv?by=school', path: `/api/v1/reports/routes.csv?by=school&period=${period}`, headers: council },
      { name: 'выгрузка по педагогам', path: `/admin/overview/teachers.csv?period=${period}`, headers: admin },
    ];
    await fetchAll(`${server.url}/api/v1/health`, {});
    let nextTeacher = 0;
    let worstHealth = 0;
    for (const report of reports) {
      for (const when of ['после изменения', 'база сохранена'] as const) {
        const times: number[] = [];
        let bytes = 0;
        const watching = watch(server);
        for (let i = 0; i < repeats; i++) {
          if (when === 'после изменения') {
            await change(server, info.connected[nextTeacher++ % info.connected.length]!);
            // The aggregates follow the attempt behind it (200 ms of quiet), then the base is warmed on its thread.
            await new Promise((resolve) => setTimeout(resolve, 300));
          } else {
            await fetchAll(`${server.url}${report.path}`, report.headers);
          }
          const answer = await fetchAll(`${server.url}${report.path}`, report.headers);
          times.push(answer.ms);
          bytes = answer.bytes;
        }
        const { health, failed, peakRss } = await watching.stop();
        worstHealth = Math.max(worstHealth, ...health);
        console.log(
          `  ${report.name.padEnd(30)} ${when.padEnd(16)} медиана ${ms(quantile(times, 0.5)).padStart(7)}, худший ${ms(Math.max(...times)).padStart(7)}, ${(bytes / 1024).toFixed(0).padStart(5)} КБ | health: ${health.length} запросов, медиана ${ms(quantile(health, 0.5))}, p99 ${ms(quantile(health, 0.99))}, худший ${ms(Math.max(0, ...health))}${failed ? `, ${failed} оборвано` : ''} | RSS до ${mb(peakRss)} | ${loadText()}`,
        );
      }
    }
    const memory = memoryOf(server.child.pid!);
    console.log(
      `  /api/v1/health за всё время: худший ${ms(worstHealth)}; память сервера (RSS): сейчас ${memory ? mb(memory.rss) : '—'}, наибольшая (VmHWM) ${memory ? mb(memory.peak) : '—'}; при загрузке выше числа ядер (${os.cpus().length}) времена завышены`,
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
