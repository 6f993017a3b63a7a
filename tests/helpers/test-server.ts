import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type RunningServer, startServer } from '../../server/serve.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server and removes its data folder. */
  dispose(): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-test-'));
}

/** Call in a describe: gives a fresh data folder per call, and removes them all after each test. */
export function useTempDataDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };
}

/** The real server on a free port with a real SQLite file in a fresh folder. */
export async function startTestServer(options: { demo?: boolean; dataDir?: string; port?: number } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const server = await startServer({
    port: options.port ?? 0,
    dataDir,
    publicUrl: 'http://localhost',
    demo: options.demo ?? true,
    minGroup: 5,
    timeZone: 'Europe/Moscow',
  });
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
