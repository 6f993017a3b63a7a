/**
 * What the HTTP benchmarks share: the servers run in processes of their own
 * pinned to core 0 (`taskset -c 0`), the load generator (this process) to
 * core 1, where the machine has them; each server's CPU time is read from
 * /proc; every figure is printed with the machine's load average.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { freePort } from '../tests/helpers/free-port.ts';

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return os.cpus().length >= 2;
  } catch {
    return false;
  }
})();

/** Pins this process (the load generator) to core 1; servers started after go to core 0. */
export function pinLoadGenerator(): string {
  if (!hasTaskset) return 'без закрепления за ядрами (нет taskset или одно ядро)';
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  return 'сервер на ядре 0 (taskset -c 0), нагрузка (autocannon) на ядре 1';
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process (or one of its threads) has used so far, in µs; undefined where /proc is missing. */
export function cpuMicros(pid: number, thread?: number): number | undefined {
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

/**
 * Waits until a server just started has settled: its CPU under 10 % over half a second, after at least 1.5 s (the
 * served server warms the summaries' base a second after its start: 15 s of CPU on the bench republic, which the
 * first figures would otherwise count), and at most 90 s. A measurement is of a server at work, not of its start.
 */
async function settled(pid: number): Promise<void> {
  const started = Date.now();
  let before = cpuMicros(pid);
  if (before === undefined) return;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuMicros(pid);
    if (now === undefined || Date.now() - started > 90_000) return;
    if (Date.now() - started >= 1_500 && now - before < 50_000) return;
    before = now;
  }
}

/** The process's resident memory now and at its peak, in bytes (VmRSS, VmHWM); undefined where /proc is missing. */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** The load average over 1, 5 and 15 minutes, as printed beside every figure. */
export const loadText = () =>
  `загрузка ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join('/')}`;

export interface Running {
  child: ChildProcess;
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Node's options for the servers, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where their time goes (not allowed in NODE_OPTIONS). */
const serverNodeOptions = process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];

/** Starts `node args…` on core 0 with the data folder, and waits for it to say it listens. */
export async function startPinned(args: string[], env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const command = hasTaskset ? 'taskset' : process.execPath;
  const nodeArgs = [...serverNodeOptions, ...args];
  const commandArgs = hasTaskset ? ['-c', '0', process.execPath, ...nodeArgs] : nodeArgs;
  const child = spawn(command, commandArgs, {
    env: { ...process.env, PORT: String(port), PROFROST_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ПрофРост работает') && resolve());
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  child.stdout!.resume();
  await settled(child.pid!);
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export const ceilingArgs = ['--import', 'tsx', 'bench/ceiling-server.ts'];
export const serverArgs = ['bin/profrost.js', 'serve'];
