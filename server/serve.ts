import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { type DemoCredentials, seedDemo } from './features/demo/seed.ts';
import { installShippedInstruments } from './features/diagnostics/install-shipped.ts';
import { messages } from './messages.ts';
import { startScoringWorker } from './features/diagnostics/scoring-worker.ts';
import { startCheckpointer } from './platform/database/checkpointer.ts';
import { type Db, openDatabase } from './platform/database/database.ts';

/** How long a stopping server waits for requests in flight before it drops the remaining connections. */
const closeGraceMs = 2000;

export interface RunningServer {
  url: string;
  db: Db;
  /** Present only on the start that created the demo data. */
  demo: DemoCredentials | undefined;
  close(): Promise<void>;
}

/** Opens the database, seeds the demo if asked and the database is new, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  const checkpointer = startCheckpointer(db);
  installShippedInstruments(db);
  const demo = config.demo ? await seedDemo(db) : undefined;
  const scoring = startScoringWorker(db);
  await scoring.ready;
  const app = createApp({ db, config, prepareSubmission: scoring.prepare });
  // After the requests in flight; the last connection to close checkpoints the WAL.
  const closeStorage = async () => {
    await scoring.stop();
    await checkpointer.stop();
    db.close();
  };

  const server = serve({ fetch: app.fetch, port: config.port });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('listening', () => resolve((server.address() as AddressInfo).port));
    server.once('error', (error: NodeJS.ErrnoException) => {
      void closeStorage();
      reject(error.code === 'EADDRINUSE' ? new Error(messages.start.portBusy(config.port)) : error);
    });
  });

  return {
    url: `http://localhost:${port}`,
    db,
    demo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => void closeStorage().then(resolve));
        // Requests in flight get a moment to finish; sockets a browser merely keeps open
        // (keep-alive, preconnect) would otherwise hold the stop for minutes.
        setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), closeGraceMs).unref();
      }),
  };
}
