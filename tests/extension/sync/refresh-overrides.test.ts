import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOverrideRefresher, overrideRefreshIntervalMs } from '../../../extension/background/refresh-overrides.ts';
import { applyOverrides, OVERRIDE_STORAGE_KEY } from '../../../extension/journals/override.ts';
import { builtInAdapters } from '../../../extension/journals/registry.ts';
import { clearOverrides, publishOverrides } from '../../../server/features/journal-overrides/store.ts';
import { setSetting } from '../../../server/platform/database/settings-store.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { memoryStorage, type MemoryStorage } from '../../../extension/testing/memory-storage.ts';
import { testServerUrl } from '../worker-harness.ts';

const killSwitch = { version: 1 as const, adapters: [{ id: 'sgo', enabled: false }] };

/** The background worker's refresher against the real server in-process, over an in-memory storage.local. */
describe('refreshing the journal adapter overrides', () => {
  let t: TestApp;
  let storage: MemoryStorage;
  let clock: number;
  let offline: boolean;
  let requests: number;
  let asked: string[];
  let refresh: ReturnType<typeof createOverrideRefresher>;

  beforeEach(async () => {
    t = await createTestApp();
    storage = memoryStorage({ serverUrl: testServerUrl });
    clock = Date.parse('2026-11-23T10:00:00Z');
    offline = false;
    requests = 0;
    asked = [];
    refresh = createOverrideRefresher({
      local: storage,
      now: () => clock,
      fetch: async (input, init) => {
        requests++;
        asked.push(input);
        if (offline) throw new TypeError('Failed to fetch');
        return t.app.request(input.replace(testServerUrl, ''), init);
      },
    });
  });
  afterEach(() => t.dispose());

  const cached = () => storage.dump()[OVERRIDE_STORAGE_KEY];
  const sgoEnabled = () => applyOverrides(builtInAdapters, cached()).find((adapter) => adapter.id === 'sgo')!.enabled;

  it('caches the published document where the content script reads it', async () => {
    publishOverrides(t.db, killSwitch, 'test');
    expect(await refresh()).toBe('stored');
    expect(cached()).toEqual(killSwitch);
    expect(sgoEnabled()).toBe(false);
  });

  it('asks at most every 30 minutes, and again once they have passed', async () => {
    expect(await refresh()).toBe('stored');
    publishOverrides(t.db, killSwitch, 'test');
    clock += overrideRefreshIntervalMs - 1000;
    expect(await refresh()).toBe('notDue');
    expect(requests).toBe(1);
    expect(sgoEnabled()).toBe(true);
    clock += 1000;
    expect(await refresh()).toBe('stored');
    expect(requests).toBe(2);
    expect(sgoEnabled()).toBe(false);
  });

  it('worker start and the alarm at once make one request', async () => {
    const outcomes = await Promise.all([refresh(), refresh()]);
    expect(outcomes).toEqual(['stored', 'stored']);
    expect(requests).toBe(1);
  });

  it('asks a newly set server at once', async () => {
    await refresh();
    await storage.set({ serverUrl: 'http://other.test' });
    expect(await refresh()).toBe('stored');
    expect(asked).toEqual([`${testServerUrl}/api/v1/journal-overrides`, 'http://other.test/api/v1/journal-overrides']);
  });

  it('ignores a document the extension would not accept, and keeps the cached one', async () => {
    publishOverrides(t.db, killSwitch, 'test');
    await refresh();
    // A server of another version, or a tampered database: the document's envelope is wrong.
    setSetting(t.db, 'journal_overrides', JSON.stringify({ version: 2, adapters: [], script: 'alert(1)' }));
    clock += overrideRefreshIntervalMs;
    expect(await refresh()).toBe('refused');
    expect(cached()).toEqual(killSwitch);
  });

  it('keeps the cached document while the server is down, and tries again 30 minutes later', async () => {
    publishOverrides(t.db, killSwitch, 'test');
    await refresh();
    clearOverrides(t.db, 'test');
    offline = true;
    clock += overrideRefreshIntervalMs;
    expect(await refresh()).toBe('failed');
    expect(cached()).toEqual(killSwitch);
    clock += 60_000;
    expect(await refresh()).toBe('notDue');
    offline = false;
    clock += overrideRefreshIntervalMs;
    expect(await refresh()).toBe('stored');
    expect(cached()).toEqual({ version: 1, adapters: [] });
    expect(sgoEnabled()).toBe(true);
  });
});
