import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.ts';
import { getServerSetting, type ManagedArea, managedCacheKey, refreshManagedUrl } from './server-url.ts';

/** A managed area as headless Chromium has it: it never answers. Each call is a new worker start (a new area object). */
const silentManaged = (): ManagedArea => ({ get: () => new Promise(() => undefined) });
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};

describe('the server address and the policy', () => {
  it('waits for a silent managed area once on a device, and not on the next worker start', async () => {
    const local = memoryStorage({ serverUrl: 'https://typed.example' });
    const first = await timed(() => getServerSetting(local, silentManaged()));
    expect(first.result).toEqual({ url: 'https://typed.example', managed: false });
    expect(first.ms).toBeGreaterThanOrEqual(450);
    expect(local.dump()[managedCacheKey]).toEqual({ url: null });

    const next = await timed(() => getServerSetting(local, silentManaged()));
    expect(next.result).toEqual({ url: 'https://typed.example', managed: false });
    expect(next.ms).toBeLessThan(100);
  });

  it('uses the cached policy at once, and what the policy says now from the next read on', async () => {
    const local = memoryStorage({ [managedCacheKey]: { url: 'https://old.example' } });
    const managed = memoryStorage({ serverUrl: 'https://profrost.edu.example.ru/' });
    expect(await getServerSetting(local, managed)).toEqual({ url: 'https://old.example', managed: true });
    await new Promise((resolve) => setTimeout(resolve, 10)); // the background read lands in the cache
    expect(await getServerSetting(local, managed)).toEqual({ url: 'https://profrost.edu.example.ru', managed: true });

    // The policy is withdrawn: storage.onChanged for the managed area reads it again.
    await managed.remove('serverUrl');
    expect(await refreshManagedUrl(local, managed)).toBeNull();
    expect(await getServerSetting(local, managed)).toMatchObject({ managed: false });
  });

  it('takes a slow policy answer into the cache when it comes', async () => {
    const local = memoryStorage();
    let answer: (items: Record<string, unknown>) => void = () => undefined;
    const slow: ManagedArea = { get: () => new Promise((resolve) => (answer = resolve)) };
    expect(await getServerSetting(local, slow)).toMatchObject({ managed: false }); // after the wait
    answer({ serverUrl: 'https://late.example' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await getServerSetting(local, silentManaged())).toEqual({ url: 'https://late.example', managed: true });
  });
});
