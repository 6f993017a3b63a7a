/**
 * The panel's reads over HTTP on the realistic republic (republic.ts): GET
 * /api/v1/me, /me/profile, /me/route, /programs and /instruments at 50
 * connections, each request from another connected teacher in turn, the
 * server pinned to core 0 and autocannon to core 1. Rounds alternate the
 * real server with the ceiling (ceiling-server.ts, a bare node:http that
 * answers at once), so each figure's ratio to the ceiling is of the same moment.
 *
 * Each path's rounds go on through the teachers where the last one stopped (a teacher read once is not read
 * again until every connected one has been), so that no round reads pages the one before it just cached.
 * /me/route is measured twice: a read of a route built today (as after the refresher rebuilt it behind her
 * attempt), and a first read after a run of the catalogue started, which rebuilds the route on the read
 * (rebuild.ts, settleRoute); the bench dates every route's build to today, then to before the first run's start.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';
import { catalogueDay } from '../shared/run-dates.ts';
import { openDatabase } from '../server/platform/database/database.ts';
import { benchToken, copyRepublic } from './republic.ts';
import { ceilingArgs, cpuMicros, loadText, memoryOf, type Running, serverArgs, startPinned } from './processes.ts';

const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const paths = (process.env.BENCH_PANEL_PATHS ?? '/api/v1/me,/api/v1/me/profile,/api/v1/me/route,/api/v1/programs,/api/v1/instruments').split(',');

interface Figure {
  rps: number;
  p99: number;
  cpu: number | undefined;
}

/** Where each path's next request takes its teacher from: rounds go on where the last one stopped. */
type Cursor = { next: number };

async function hammer(server: Running, path: string, teachers: number[], cursor: Cursor = { next: 0 }): Promise<Figure> {
  const before = cpuMicros(server.child.pid!);
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, headers: { authorization: `Bearer ${benchToken(teachers[cursor.next++ % teachers.length]!)}` } }),
      },
    ],
  });
  const after = cpuMicros(server.child.pid!);
  const ok = result['2xx'];
  if (ok === 0 || result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} answers were not 2xx`);
  return { rps: ok / result.duration, p99: result.latency.p99, cpu: before === undefined || after === undefined ? undefined : (after - before) / ok };
}

const line = (f: Figure) => `${f.rps.toFixed(0).padStart(6)} запр/с  p99 ${String(f.p99).padStart(4)} мс  ЦП ${f.cpu?.toFixed(0) ?? '—'} мкс/запр`;

const routePath = '/api/v1/me/route';

/**
 * Dates every route's build to `day`, or to the day before the catalogue's first run started (on the bench's copy,
 * on a connection of its own beside the server's).
 */
function dateRoutes(dataDir: string, day: string | 'before a run started'): void {
  const db = openDatabase(dataDir);
  try {
    const firstStart = (db.prepare('SELECT min(start_date) AS start FROM program_runs').get() as { start: string }).start;
    db.prepare('UPDATE routes SET built_day = ?').run(day === 'before a run started' ? catalogueDay(new Date(`${firstStart}T12:00:00Z`), -1) : day);
  } finally {
    db.close();
  }
}

export async function benchPanel(): Promise<void> {
  console.log(
    `\nЧтения панели по HTTP: ${connections} соединений, ${seconds} с на замер, ${rounds} раунд(а), каждый запрос от следующего подключённого педагога`,
  );
  const { dataDir, info } = await copyRepublic();
  // Each teacher once in a while, as for real: the first /me/route of a teacher also seeds the route.
  const teachers = info.connected;
  // Routes built today (the republic was generated on some earlier day): a read of a built route, as after a teacher's first read of the day.
  dateRoutes(dataDir, catalogueDay(new Date()));
  const real = await startPinned(serverArgs, { PROFROST_DATA_DIR: dataDir });
  const ceiling = await startPinned(ceilingArgs, {});
  // Every path starts at a teacher of its own, so that one path's reads do not warm the next one's pages.
  const cursors = new Map(paths.map((path, i) => [path, { next: Math.floor((i * teachers.length) / paths.length) }]));
  const measure = async (path: string, label: string) => {
    for (let round = 1; round <= rounds; round++) {
      const c = await hammer(ceiling, path, teachers);
      const r = await hammer(real, path, teachers, cursors.get(path));
      console.log(
        `  ${label.padEnd(22)} раунд ${round}: ПрофРост ${line(r)} | потолок ${line(c)} | доля потолка ${(r.rps / c.rps).toFixed(2)} по запр/с, ЦП ×${r.cpu && c.cpu ? (r.cpu / c.cpu).toFixed(1) : '—'} | ${loadText()}`,
      );
    }
  };
  try {
    for (const path of paths) {
      if (path !== routePath) {
        await measure(path, path);
        continue;
      }
      await measure(path, `${path} (построен сегодня)`);
      // A run of the catalogue started since every route was built: a teacher's first read rebuilds hers.
      dateRoutes(dataDir, 'before a run started');
      await measure(path, `${path} (1-е чтение после начала потока: перестройка)`);
    }
    const memory = memoryOf(real.child.pid!);
    if (memory) console.log(`  память сервера (RSS): сейчас ${(memory.rss / 2 ** 20).toFixed(0)} МБ, наибольшая ${(memory.peak / 2 ** 20).toFixed(0)} МБ`);
  } finally {
    await real.stop();
    await ceiling.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
