/**
 * POST /api/v1/attempts at 50 concurrent connections: the real server
 * (`profrost serve`) and the bare node:http yardstick, each in its own
 * process with its own fresh database, measured alternately in one run so
 * that the machine's noise shows as the spread between rounds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { instrumentById } from '../shared/content/index.ts';
import { freePort } from '../tests/helpers/free-port.ts';
import { prepareDataDir, randomAttemptBody } from './setup.ts';

const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const instrument = instrumentById('selfAssessment')!;

interface Target {
  name: string;
  args: string[];
}
const targets: Target[] = [
  { name: 'ПрофРост (Hono)', args: [path.resolve('bin/profrost.js'), 'serve'] },
  { name: 'голый node:http', args: ['--import', 'tsx', path.resolve('bench/bare-attempts-server.ts')] },
];

async function start(target: Target): Promise<{ child: ChildProcess; port: number; token: string; dataDir: string }> {
  const { dataDir, token } = await prepareDataDir();
  const port = await freePort();
  const child = spawn(process.execPath, target.args, {
    env: { ...process.env, PORT: String(port), PROFROST_DATA_DIR: dataDir, PROFROST_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ПрофРост работает') && resolve());
    child.once('exit', (code) => reject(new Error(`${target.name} exited with ${code}`)));
  });
  return { child, port, token, dataDir };
}

async function measure(target: Target) {
  const server = await start(target);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/api/v1/attempts`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        setupRequest: (request) => ({ ...request, body: randomAttemptBody(instrument) }),
      },
    ],
  });
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  const ok = result['2xx'];
  if (ok === 0 || result.non2xx > 0) throw new Error(`${target.name}: ${result.non2xx} answers were not 2xx`);
  return { rps: ok / result.duration, p99: result.latency.p99, errors: result.errors + result.timeouts };
}

export async function benchAttempts(): Promise<void> {
  console.log(`\nPOST /api/v1/attempts: ${connections} соединений, ${seconds} с на замер, ${rounds} раунда, «${instrument.title}» (${instrument.items.length} вопросов)`);
  const figures = new Map<string, { rps: number; p99: number }[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const figure = await measure(target);
      (figures.get(target.name) ?? figures.set(target.name, []).get(target.name)!).push(figure);
      console.log(`  раунд ${round}  ${target.name.padEnd(18)} ${figure.rps.toFixed(0).padStart(6)} запр/с   p99 ${figure.p99} мс`);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const spread = (xs: number[]) => (xs.length > 1 ? ((Math.max(...xs) - Math.min(...xs)) / mean(xs)) * 100 : 0);
  const [real, bare] = targets.map((t) => figures.get(t.name)!);
  for (const [name, list] of figures) {
    const rps = list.map((f) => f.rps);
    console.log(`  итог   ${name.padEnd(18)} ${mean(rps).toFixed(0).padStart(6)} запр/с (разброс ${spread(rps).toFixed(0)}%)   p99 ${Math.max(...list.map((f) => f.p99))} мс (худший)`);
  }
  console.log(`  отношение ПрофРост / голый node:http: ${(mean(real!.map((f) => f.rps)) / mean(bare!.map((f) => f.rps))).toFixed(2)}`);
}
