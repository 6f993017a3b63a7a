/**
 * POST /api/v1/attempts at 50 concurrent connections: the real server
 * (`profrost serve`) and the bare node:http yardstick, each in its own
 * process with its own fresh database, measured alternately in one run so
 * that the machine's noise shows as the spread between rounds.
 *
 * Besides requests per second, each measure reports the server process's
 * CPU time per answered request (from /proc, on Linux) and the machine's
 * load average: on a shared machine the throughput swings with whatever
 * else runs, while the CPU cost of a request moves much less.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { instrumentById } from '../shared/content/index.ts';
import { databaseFileName } from '../server/platform/database/database.ts';
import { freePort } from '../tests/helpers/free-port.ts';
import { prepareDataDir, randomAttemptBody } from './setup.ts';

const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const instrument = instrumentById('selfAssessment')!;

/**
 * Bodies made before measuring, each with its own id (every target gets a
 * fresh database, so they are reused across measures): making one costs the
 * load generator ~50 µs, CPU the server would otherwise share with it.
 */
const bodies = Array.from({ length: seconds * 6000 }, () => randomAttemptBody(instrument));

/**
 * The submissions come from distinct connected teachers in turn, as many as
 * there are prepared bodies: in a real peak (a republic at a deadline) each
 * teacher submits once or twice, so per-teacher work (the report aggregates)
 * cannot coalesce as it would with a few teachers submitting thousands of times.
 */
const teachers = bodies.length;

/** CPU time (user + system) a process has used so far, in µs; undefined where /proc is missing. */
const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();
function cpuMicros(pid: number, thread?: number): number | undefined {
  try {
    const fields = fs
      .readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8')
      .split(') ')[1]!
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks;
  } catch {
    return undefined;
  }
}

interface Target {
  name: string;
  args: string[];
}
const targets: Target[] = [
  { name: 'ПрофРост (Hono)', args: [path.resolve('bin/profrost.js'), 'serve'] },
  { name: 'голый node:http', args: ['--import', 'tsx', path.resolve('bench/bare-attempts-server.ts')] },
];

/** One prepared republic, copied for each measure so that each starts from the same fresh database. */
let template: Promise<{ dataDir: string; tokens: string[] }> | undefined;

async function start(target: Target): Promise<{ child: ChildProcess; port: number; tokens: string[]; dataDir: string }> {
  template ??= prepareDataDir(teachers);
  const { dataDir: templateDir, tokens } = await template;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-bench-'));
  fs.cpSync(templateDir, dataDir, { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, target.args, {
    env: { ...process.env, PORT: String(port), PROFROST_DATA_DIR: dataDir, PROFROST_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ПрофРост работает') && resolve());
    child.once('exit', (code) => reject(new Error(`${target.name} exited with ${code}`)));
  });
  return { child, port, tokens, dataDir };
}

async function measure(target: Target) {
  const server = await start(target);
  const cpuBefore = cpuMicros(server.child.pid!);
  // The requests' thread alone (its id is the process's): the one a request waits for, beside the WAL checkpointer's and V8's.
  const mainBefore = cpuMicros(server.child.pid!, server.child.pid!);
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/api/v1/attempts`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens[i % teachers]}` },
            body: bodies[i] ?? randomAttemptBody(instrument),
          };
        },
      },
    ],
  });
  const cpuAfter = cpuMicros(server.child.pid!);
  const mainAfter = cpuMicros(server.child.pid!, server.child.pid!);
  const load = os.loadavg()[0]!;
  // The aggregates are written behind (server/features/aggregates/store/pending.ts): how long they take to catch up after the peak, and at what CPU cost.
  const catchUpStart = performance.now();
  await caughtUp(server.dataDir);
  const catchUpSeconds = (performance.now() - catchUpStart) / 1000;
  const cpuCaughtUp = cpuMicros(server.child.pid!);
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  const ok = result['2xx'];
  if (ok === 0 || result.non2xx > 0) throw new Error(`${target.name}: ${result.non2xx} answers were not 2xx`);
  const cpuPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / ok;
  const mainPerRequest = mainBefore === undefined || mainAfter === undefined ? undefined : (mainAfter - mainBefore) / ok;
  const cpuCatchUpPerRequest = cpuAfter === undefined || cpuCaughtUp === undefined ? undefined : (cpuCaughtUp - cpuAfter) / ok;
  return {
    rps: ok / result.duration,
    p99: result.latency.p99,
    cpuPerRequest,
    mainPerRequest,
    load,
    catchUpSeconds,
    cpuCatchUpPerRequest,
    /** Attempts per second with their aggregates applied too: what the server sustains without ever falling behind. */
    sustained: ok / (result.duration + catchUpSeconds),
  };
}

/** Resolves once no attempt waits for the report aggregates, read through a connection of its own. */
async function caughtUp(dataDir: string): Promise<void> {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    const pending = db.prepare('SELECT count(*) FROM report_pending').pluck();
    while ((pending.get() as number) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    db.close();
  }
}

type Figure = Awaited<ReturnType<typeof measure>>;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => (xs.length > 1 ? ((Math.max(...xs) - Math.min(...xs)) / mean(xs)) * 100 : 0);
const cpuText = (micros: number | undefined) => (micros === undefined ? 'ЦП —' : `ЦП ${micros.toFixed(0).padStart(4)} мкс/запр`);
const cpuFigures = (list: Figure[]) => list.flatMap((f) => (f.cpuPerRequest === undefined ? [] : [f.cpuPerRequest]));

export async function benchAttempts(): Promise<void> {
  console.log(
    `\nPOST /api/v1/attempts: ${connections} соединений, ${seconds} с на замер, ${rounds} ${rounds === 1 ? 'раунд' : rounds < 5 ? 'раунда' : 'раундов'}, «${instrument.title}» (${instrument.items.length} вопросов), ${teachers} педагогов по очереди`,
  );
  const figures = new Map<string, Figure[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const figure = await measure(target);
      (figures.get(target.name) ?? figures.set(target.name, []).get(target.name)!).push(figure);
      console.log(
        `  раунд ${round}  ${target.name.padEnd(18)} ${figure.rps.toFixed(0).padStart(6)} запр/с   p99 ${String(figure.p99).padStart(4)} мс   ${cpuText(figure.cpuPerRequest)} (из них поток запросов ${figure.mainPerRequest?.toFixed(0) ?? '—'})   загрузка машины ${figure.load.toFixed(1)}\n` +
          `           сводки догнали за ${figure.catchUpSeconds.toFixed(1)} с (ЦП ${figure.cpuCatchUpPerRequest?.toFixed(0) ?? '—'} мкс на попытку); с ними ${figure.sustained.toFixed(0)} попыток/с без отставания`,
      );
    }
  }
  const [real, bare] = targets.map((t) => figures.get(t.name)!);
  for (const [name, list] of figures) {
    const rps = list.map((f) => f.rps);
    const cpu = cpuFigures(list);
    console.log(
      `  итог   ${name.padEnd(18)} ${mean(rps).toFixed(0).padStart(6)} запр/с (разброс ${spread(rps).toFixed(0)}%)   p99 ${Math.max(...list.map((f) => f.p99))} мс (худший)   ${cpuText(cpu.length ? median(cpu) : undefined)} (медиана, разброс ${spread(cpu).toFixed(0)}%)`,
    );
  }
  console.log(
    `  с пересчётом сводок, без отставания: ПрофРост ${mean(real!.map((f) => f.sustained)).toFixed(0)} попыток/с, голый ${mean(bare!.map((f) => f.sustained)).toFixed(0)} попыток/с`,
  );
  // Each round's pair ran back to back, so their ratio is less exposed to the machine's drift than the means' ratio.
  const roundRatios = real!.map((f, i) => f.rps / bare![i]!.rps);
  console.log(
    `  отношение ПрофРост / голый node:http: ${(mean(real!.map((f) => f.rps)) / mean(bare!.map((f) => f.rps))).toFixed(2)} по запр/с` +
      ` (по раундам ${roundRatios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  const [realCpu, bareCpu] = [cpuFigures(real!), cpuFigures(bare!)];
  if (realCpu.length && bareCpu.length) {
    console.log(`  отношение по ЦП на запрос (голый / ПрофРост): ${(median(bareCpu) / median(realCpu)).toFixed(2)}`);
  }
  fs.rmSync((await template!).dataDir, { recursive: true, force: true });
  console.log(
    `  загрузка машины (loadavg за 1 мин, ядер ${os.cpus().length}): от ${Math.min(...[...figures.values()].flat().map((f) => f.load)).toFixed(1)} до ${Math.max(...[...figures.values()].flat().map((f) => f.load)).toFixed(1)}`,
  );
}
