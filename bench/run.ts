/**
 * `npm run bench`: every benchmark, printing figures; none of them pass or fail.
 * BENCH_ONLY=attempts, extension or reports (comma-separated) runs only those named.
 */
import os from 'node:os';
import { benchAttempts } from './attempts.ts';
import { benchExtension } from './extension.ts';
import { benchReports } from './reports.ts';

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const selected = (name: string) => !only || only.includes(name);

console.log(`Машина: ${os.cpus().length} ядра, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`);
if (selected('attempts')) await benchAttempts();
if (selected('extension')) await benchExtension();
if (selected('reports')) await benchReports();
