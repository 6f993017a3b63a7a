/**
 * `npm run bench`: every benchmark, printing figures; none of them pass or fail.
 * BENCH_ONLY=attempts, panel, staff, extension or reports (comma-separated) runs only those named;
 * BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers.
 * The HTTP ones (attempts, panel, staff) run on the realistic republic (republic.ts, generated
 * once into bench/.cache), with the server pinned to core 0 and this process, the load generator, to core 1.
 */
import os from 'node:os';
import { benchAttempts } from './attempts.ts';
import { benchExtension } from './extension.ts';
import { benchPanel } from './panel.ts';
import { pinLoadGenerator } from './processes.ts';
import { benchReports } from './reports.ts';
import { benchStaffPages } from './staff-pages.ts';

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const selected = (name: string) => !only || only.includes(name);

console.log(`Машина: ${os.cpus().length} ядра, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}; ${pinLoadGenerator()}`);
if (selected('attempts')) await benchAttempts();
if (selected('panel')) await benchPanel();
if (selected('staff')) await benchStaffPages();
if (selected('extension')) await benchExtension();
if (selected('reports')) await benchReports();
