/** `npm run bench`: every benchmark, printing figures; none of them pass or fail. */
import os from 'node:os';
import { benchAttempts } from './attempts.ts';
import { benchReports } from './reports.ts';

console.log(`Машина: ${os.cpus().length} ядра, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`);
await benchAttempts();
// BENCH_SKIP_REPORTS=1 runs the attempts benchmark alone.
if (process.env.BENCH_SKIP_REPORTS !== '1') await benchReports();
