/**
 * The panel's reads over HTTP on the realistic republic (republic.ts): GET
 * /api/v1/me, /me/profile, /me/route, /programs and /instruments at 50
 * connections, each request from another connected teacher in turn, the
 * server pinned to core 0 and autocannon to core 1. Rounds alternate the
 * real server with the ceiling (ceiling-server.ts, a bare node:http that
 * answers at once), so each figure's ratio to the ceiling is of the same moment.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';
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

async function hammer(server: Running, path: string, teachers: number[]): Promise<Figure> {
  let next = 0;
  const before = cpuMicros(server.child.pid!);
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, headers: { authorization: `Bearer ${benchToken(teachers[next++ % teachers.length]!)}` } }),
      },
    ],
  });
  const after = cpuMicros(server.child.pid!);
  const ok = result['2xx'];
  if (ok === 0 || result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} answers were not 2xx`);
  return { rps: ok / result.duration, p99: result.latency.p99, cpu: before === undefined || after === undefined ? undefined : (after - before) / ok };
}

const line = (f: Figure) => `${f.rps.toFixed(0).padStart(6)} запр/с  p99 ${String(f.p99).padStart(4)} мс  ЦП ${f.cpu?.toFixed(0) ?? '—'} мкс/запр`;

export async function benchPanel(): Promise<void> {
  console.log(
    `\nЧтения панели по HTTP: ${connections} соединений, ${seconds} с на замер, ${rounds} раунд(а), каждый запрос от следующего подключённого педагога`,
  );
  const { dataDir, info } = await copyRepublic();
  // Each teacher once in a while, as for real: the first /me/route of a teacher also seeds the route.
  const teachers = info.connected;
  const real = await startPinned(serverArgs, { PROFROST_DATA_DIR: dataDir });
  const ceiling = await startPinned(ceilingArgs, {});
  try {
    for (const path of paths) {
      for (let round = 1; round <= rounds; round++) {
        const c = await hammer(ceiling, path, teachers);
        const r = await hammer(real, path, teachers);
        console.log(
          `  ${path.padEnd(22)} раунд ${round}: ПрофРост ${line(r)} | потолок ${line(c)} | доля потолка ${(r.rps / c.rps).toFixed(2)} по запр/с, ЦП ×${r.cpu && c.cpu ? (r.cpu / c.cpu).toFixed(1) : '—'} | ${loadText()}`,
        );
      }
    }
    const memory = memoryOf(real.child.pid!);
    if (memory) console.log(`  память сервера (RSS): сейчас ${(memory.rss / 2 ** 20).toFixed(0)} МБ, наибольшая ${(memory.peak / 2 ** 20).toFixed(0)} МБ`);
  } finally {
    await real.stop();
    await ceiling.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
