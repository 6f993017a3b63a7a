/**
 * Profiles the real server on the republic for one panel read:
 * `BENCH_PROFILE_PATH=/api/v1/programs node --import tsx bench/profile-panel.ts`
 * starts the server with --cpu-prof (pinned to core 0), warms it, loads it with autocannon
 * (50 connections, each request from the next connected teacher), stops it and prints self
 * time by function (top 40) and by file from its .cpuprofile, with the CPU µs per request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchToken, copyRepublic } from './republic.ts';
import { cpuMicros, loadText, pinLoadGenerator, serverArgs, startPinned } from './processes.ts';

const target = process.env.BENCH_PROFILE_PATH ?? '/api/v1/me';
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
pinLoadGenerator();
const { dataDir, info } = await copyRepublic();
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-profile-'));
const server = await startPinned([`--cpu-prof`, `--cpu-prof-dir=${profileDir}`, ...serverArgs], { PROFROST_DATA_DIR: dataDir });
let next = 0;
const run = (duration: number) =>
  autocannon({
    url: `${server.url}${target}`,
    connections: 50,
    duration,
    requests: [
      { method: 'GET', setupRequest: (r) => ({ ...r, headers: { authorization: `Bearer ${benchToken(info.connected[next++ % info.connected.length]!)}` } }) },
    ],
  });
await run(2);
const before = cpuMicros(server.child.pid!)!;
const result = await run(seconds);
const cpu = (cpuMicros(server.child.pid!)! - before) / result['2xx'];
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const file = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))!;
const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const total = profile.samples.length;
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  if (!hits) continue;
  const where = node.callFrame.url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
  const name = `${node.callFrame.functionName || '(anon)'} ${where}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
  const key = where.replace(/node_modules\/([^/]+(\/[^/]+)?)\/.*/, 'node_modules/$1') || node.callFrame.functionName;
  byFile.set(key, (byFile.get(key) ?? 0) + hits);
}
const show = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([name, hits]) => console.log(`${((100 * hits) / total).toFixed(1).padStart(5)} %  ${name}`));
console.log(
  `${target}: ${(result['2xx'] / result.duration).toFixed(0)} req/s, p99 ${result.latency.p99} ms, CPU ${cpu.toFixed(0)} µs/req, ${loadText()}; profile ${path.join(profileDir, file)}`,
);
console.log('--- self time by function');
show(byFunction, Number(process.env.BENCH_PROFILE_TOP ?? 45));
console.log('--- by file');
show(byFile, 25);
