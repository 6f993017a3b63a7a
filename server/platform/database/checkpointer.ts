import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.ts';

export interface CheckpointerOptions {
  /** How often the worker copies the WAL back into the database file. */
  everyMs?: number;
  /** WAL pages (4 KB each) after which the server's own connection checkpoints, should the worker fall behind. */
  backstopPages?: number;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * The worker's whole program, plain CommonJS so that it needs no TypeScript
 * loader: a second connection that checkpoints PASSIVE, which never waits
 * for the writer nor makes it wait.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
let failed = false;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    failed = false;
  } catch (error) {
    if (!failed) parentPort.postMessage(String(error));
    failed = true;
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * WAL checkpoints on a thread of their own. Left to itself SQLite
 * checkpoints inside the commit that grows the WAL past 1000 pages: that
 * commit, and every submission waiting in its group (storage/attempts.ts),
 * pays for copying about 4 MB back into the database file and syncing it,
 * on the thread that answers requests. Here a worker thread does it a few
 * times a second instead, beside the requests; the server's connection keeps
 * a far higher threshold of its own, so that the WAL stays bounded even if
 * the worker cannot keep up.
 */
export function startCheckpointer(db: Db, { everyMs = 250, backstopPages = 8000 }: CheckpointerOptions = {}): Checkpointer {
  db.pragma(`wal_autocheckpoint = ${backstopPages}`);
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name, everyMs },
  });
  // A checkpoint that fails (a disk error) is retried on the next tick, and the backstop still holds.
  worker.on('message', (error: string) => console.error('WAL checkpoint:', error));
  worker.on('error', (error) => console.error('WAL checkpoint worker:', error));
  worker.unref();
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      // A worker gone for good: SQLite's own checkpoints again, at its usual threshold.
      if (!stopping && db.open) db.pragma('wal_autocheckpoint = 1000');
      resolve();
    }),
  );
  return {
    stop: () => {
      stopping = true;
      // Referenced again, so that the process waits for the thread's end instead of leaving this promise unsettled.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
