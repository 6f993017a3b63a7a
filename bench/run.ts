/** `npm run bench`: every benchmark, printing figures; none of them pass or fail. */
import os from 'node:os';
import { benchAttempts } from './attempts.ts';

console.log(`Машина: ${os.cpus().length} ядра, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`);
await benchAttempts();
