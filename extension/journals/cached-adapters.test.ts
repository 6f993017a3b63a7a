import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.ts';
import { currentAdapters } from './cached-adapters.ts';
import { OVERRIDE_STORAGE_KEY } from './override.ts';
import { builtInAdapters } from './registry.ts';

const enabledIds = (adapters: { id: string; enabled: boolean }[]) => adapters.filter((adapter) => adapter.enabled).map((adapter) => adapter.id);

describe('the adapters in force', () => {
  it('are the built-in ones while nothing is cached', async () => {
    expect(await currentAdapters(memoryStorage())).toEqual(builtInAdapters);
  });

  it('carry the cached kill switch', async () => {
    const local = memoryStorage({ [OVERRIDE_STORAGE_KEY]: { version: 1, adapters: [{ id: 'demo', enabled: false }] } });
    const adapters = await currentAdapters(local);
    expect(enabledIds(adapters)).not.toContain('demo');
    expect(enabledIds(adapters)).toEqual(enabledIds(builtInAdapters).filter((id) => id !== 'demo'));
  });

  it('stay as shipped when the cache is broken or the storage cannot be read', async () => {
    expect(await currentAdapters(memoryStorage({ [OVERRIDE_STORAGE_KEY]: { version: 99 } }))).toEqual(builtInAdapters);
    const failing = { get: () => Promise.reject(new Error('storage is gone')) };
    expect(await currentAdapters(failing)).toEqual(builtInAdapters);
  });
});
