import fs from 'node:fs';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { type DemoCredentials, seedDemo } from '../../server/features/demo/seed.ts';
import { installShippedInstruments } from '../../server/features/diagnostics/install-shipped.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { tempDataDir } from './test-server.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  demo: DemoCredentials;
  dataDir: string;
  /** Sends JSON with an optional device token, as the extension's background worker does. */
  json(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
  dispose(): void;
}

/** A response's JSON body, loosely typed: tests assert its shape themselves. */
// biome-ignore lint/suspicious/noExplicitAny: loosely typed on purpose, as said above.
export async function bodyOf(response: Response): Promise<any> {
  return response.json();
}

/** The real app in-process (`app.request`) over a real SQLite file with the demo republic. */
export async function createTestApp(): Promise<TestApp> {
  const dataDir = tempDataDir();
  const db = openDatabase(dataDir);
  installShippedInstruments(db);
  const demo = (await seedDemo(db))!;
  const app = createApp({ db, config: { ...loadConfig({}), dataDir } });
  return {
    app,
    db,
    demo,
    dataDir,
    async json(method, path, body, token) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    },
    dispose() {
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
