/**
 * Reads a .cpuprofile (bench/profile-panel.ts writes one): each function's inclusive time as a share of the busy samples,
 * `node --import tsx bench/profile-read.ts FILE [regex] [count]`.
 */
import fs from 'node:fs';
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const profile = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as { nodes: Node[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(`${process.cwd()}/`, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')}:${n.callFrame.lineNumber + 1}`;
let busy = 0;
const inclusive = new Map<string, number>();
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  if (!hits || n.callFrame.functionName === '(idle)') continue;
  busy += hits;
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const k = name(byId.get(id)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + hits);
  }
}
const filter = new RegExp(process.argv[3] ?? '.');
[...inclusive]
  .filter(([k]) => filter.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(process.argv[4] ?? 40))
  .forEach(([k, h]) => console.log(`${((100 * h) / busy).toFixed(1).padStart(5)} %  ${k}`));
