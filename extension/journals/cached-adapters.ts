import type { StorageArea } from '../sync/storage-area.ts';
import type { JournalAdapter } from '../../shared/journals/adapter-schema.ts';
import { applyOverrides, OVERRIDE_STORAGE_KEY } from './override.ts';
import { builtInAdapters } from './registry.ts';

/**
 * The adapters in force now: the built-in ones with the overrides the server
 * published (cached by background/refresh-overrides.ts) applied. A storage
 * that cannot be read leaves the adapters as shipped.
 */
export async function currentAdapters(local: Pick<StorageArea, 'get'>): Promise<JournalAdapter[]> {
  const cached = await local.get(OVERRIDE_STORAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  return applyOverrides(builtInAdapters, cached[OVERRIDE_STORAGE_KEY]);
}
