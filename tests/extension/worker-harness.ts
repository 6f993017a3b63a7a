import { createWorker } from '../../extension/background/worker.ts';
import type { Bridge } from '../../extension/panel/bridge.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { memoryStorage, type MemoryStorage } from '../../extension/testing/memory-storage.ts';

export const testServerUrl = 'http://profrost.test';

export interface Harness {
  t: TestApp;
  storage: MemoryStorage;
  worker: ReturnType<typeof createWorker>;
  /** The panel's bridge, wired straight to the worker and the storage's change events. */
  bridge: Bridge;
  /** While true, every request fails as if the server were down. */
  offline: boolean;
  /** Requests the worker has sent to the server (or tried to). */
  fetched: number;
  dispose(): void;
}

/**
 * The real background worker over an in-memory storage.local, talking to the
 * real server in-process (its SQLite file, its demo republic) through
 * `app.request`; `offline` cuts the line.
 */
export async function workerHarness(): Promise<Harness> {
  const t = await createTestApp();
  const storage = memoryStorage({ serverUrl: testServerUrl });
  const harness: Harness = {
    t,
    storage,
    offline: false,
    fetched: 0,
    worker: undefined as never,
    bridge: undefined as never,
    dispose: () => t.dispose(),
  };
  harness.worker = createWorker({
    local: storage,
    // A PIN's hash as the extension makes it, with fewer rounds: the tests check the rule, not the cost.
    pinIterations: 1000,
    fetch: async (input, init) => {
      harness.fetched++;
      if (harness.offline) throw new TypeError('Failed to fetch');
      return t.app.request(input.replace(testServerUrl, ''), init);
    },
  });
  harness.bridge = {
    send: (request) => harness.worker.handle(request),
    onStoredChange: (listener) => storage.onChanged(listener),
  };
  return harness;
}
