/**
 * POST /api/v1/attempts at 50 concurrent connections on the realistic
 * republic (republic.ts: 100,000 teachers, their earlier attempts, the
 * aggregates built), each submission from the next connected teacher, so
 * that per-teacher work (the report aggregates) cannot coalesce as it would
 * with a few teachers submitting thousands of times. Three servers, each in
 * its own process pinned to core 0 with autocannon on core 1, alternated in
 * every round so that the machine's noise shows as the spread between rounds:
 * the real server (`profrost serve`), the same work on bare node:http
 * (bare-attempts-server.ts), and the ceiling (ceiling-server.ts: reads the
 * body, answers).
 *
 * The headline counts the work written behind each attempt in: the measured
 * window runs until the report aggregates and the teachers' ИОМ have caught
 * up with every attempt answered, and the CPU per attempt is the server's
 * over that whole window.
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { instrumentById } from '../shared/content/index.ts';
import { databaseFileName } from '../server/platform/database/database.ts';
import { ceilingArgs, cpuMicros, loadText, memoryOf, serverArgs, startPinned } from './processes.ts';
import { benchToken, copyRepublic } from './republic.ts';
import { randomAttemptBody } from './setup.ts';

const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const instrument = instrumentById('selfAssessment')!;

/**
 * Bodies made before measuring, each with its own id (every target gets a
 * fresh database, so they are reused across measures): making one costs the
 * load generator ~50 µs, CPU the server would otherwise share with it.
 */
const bodies = Array.from({ length: seconds * 8000 }, () => randomAttemptBody(instrument));

interface Target {
  name: string;
  args: string[];
  /** Whether it keeps the report aggregates (the ceiling stores nothing). */
  aggregates: boolean;
}
const targets: Target[] = [
  { name: 'ПрофРост (Hono)', args: serverArgs, aggregates: true },
  { name: 'голый node:http', args: ['--import', 'tsx', path.resolve('bench/bare-attempts-server.ts')], aggregates: true },
  { name: 'потолок', args: ceilingArgs, aggregates: false },
];

async function measure(target: Target) {
  const { dataDir, info } = await copyRepublic();
  const teachers = info.connected;
  const server = await startPinned(target.args, { PROFROST_DATA_DIR: dataDir });
  try {
    const pid = server.child.pid!;
    const cpuBefore = cpuMicros(pid);
    let next = 0;
    const started = performance.now();
    const result = await autocannon({
      url: `${server.url}/api/v1/attempts`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const i = next++;
            return {
              ...request,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${benchToken(teachers[i % teachers.length]!)}` },
              body: bodies[i % bodies.length]!,
            };
          },
        },
      ],
    });
    const cpuAnswered = cpuMicros(pid);
    const load = loadText();
    // The aggregates are written behind (server/features/aggregates/store/pending.ts): the window ends when they have caught up.
    const catchUpStart = performance.now();
    if (target.aggregates) await caughtUp(dataDir);
    const catchUpSeconds = (performance.now() - catchUpStart) / 1000;
    const windowSeconds = (performance.now() - started) / 1000;
    const cpuCaughtUp = cpuMicros(pid);
    const memory = memoryOf(pid);
    const ok = result['2xx'];
    if (ok === 0 || result.non2xx > 0) throw new Error(`${target.name}: ${result.non2xx} answers were not 2xx`);
    const per = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : (b - a) / ok);
    return {
      answeredRps: ok / result.duration,
      p99: result.latency.p99,
      /** Attempts per second with their aggregates applied too, over the whole window. */
      sustained: ok / windowSeconds,
      catchUpSeconds,
      cpuAnswer: per(cpuBefore, cpuAnswered),
      cpuAggregates: per(cpuAnswered, cpuCaughtUp),
      cpuTotal: per(cpuBefore, cpuCaughtUp),
      rssPeak: memory?.peak,
      load,
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Resolves once no attempt waits for the report aggregates or for its teacher's ИОМ to be rebuilt (both written
 * behind each attempt, and both part of what an attempt costs), read through a connection of its own.
 */
async function caughtUp(dataDir: string): Promise<void> {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    const pending = db.prepare('SELECT (SELECT count(*) FROM report_pending) + (SELECT count(*) FROM route_pending)').pluck();
    while ((pending.get() as number) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    db.close();
  }
}

type Figure = Awaited<ReturnType<typeof measure>>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const us = (micros: number | undefined) => (micros === undefined ? '—' : micros.toFixed(0));

export async function benchAttempts(): Promise<void> {
  console.log(
    `\nPOST /api/v1/attempts на реалистичной республике: ${connections} соединений, ${seconds} с нагрузки на замер (окно длится, пока сводки и ИОМ не догонят), ${rounds} раунд(а), «${instrument.title}» (${instrument.items.length} вопросов), каждая попытка от следующего подключённого педагога`,
  );
  const figures = new Map<string, Figure[]>(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= rounds; round++) {
    const ofRound = new Map<string, Figure>();
    for (const target of targets) {
      const f = await measure(target);
      figures.get(target.name)!.push(f);
      ofRound.set(target.name, f);
    }
    const ceiling = ofRound.get('потолок')!;
    const bare = ofRound.get('голый node:http')!;
    for (const target of targets) {
      const f = ofRound.get(target.name)!;
      const ratios =
        target.name === 'потолок'
          ? ''
          : ` | ЦП ×${f.cpuTotal && ceiling.cpuTotal ? (f.cpuTotal / ceiling.cpuTotal).toFixed(1) : '—'} потолка` +
            (target.name === 'голый node:http' ? '' : `, ×${f.cpuTotal && bare.cpuTotal ? (f.cpuTotal / bare.cpuTotal).toFixed(2) : '—'} голого`);
      console.log(
        `  раунд ${round} ${target.name.padEnd(16)} ${f.sustained.toFixed(0).padStart(6)} попыток/с со сводками и ИОМ (ответы ${f.answeredRps.toFixed(0)}/с, p99 ${f.p99} мс, сводки и ИОМ догнали за ${f.catchUpSeconds.toFixed(1)} с)` +
          `  ЦП ${us(f.cpuTotal)} мкс/попытку (ответ ${us(f.cpuAnswer)} + сводки и ИОМ ${us(f.cpuAggregates)})${ratios}` +
          `  RSS ≤ ${f.rssPeak ? (f.rssPeak / 2 ** 20).toFixed(0) : '—'} МБ | ${f.load}`,
      );
    }
  }
  for (const target of targets) {
    const list = figures.get(target.name)!;
    console.log(
      `  итог ${target.name.padEnd(16)} медиана ${median(list.map((f) => f.sustained)).toFixed(0)} попыток/с со сводками и ИОМ, p99 худший ${Math.max(...list.map((f) => f.p99))} мс, ЦП медиана ${us(median(list.flatMap((f) => (f.cpuTotal === undefined ? [] : [f.cpuTotal]))))} мкс/попытку`,
    );
  }
}
