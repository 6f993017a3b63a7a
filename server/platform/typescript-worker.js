// A worker thread's entry. The server is TypeScript that tsx compiles on the
// fly (bin/profrost.js), and a worker thread starts without the main thread's
// loader, so it registers its own before importing the module it is to run.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
