import { readKey, type StorageArea } from './storage-area.ts';

/**
 * The last answer of the server for each thing the panel shows, so that the
 * panel still has something to show when the server is down, with the time
 * it was fetched.
 */
export interface Cached<T> {
  data: T;
  fetchedAt: string;
}

function isCached(value: unknown): value is Cached<unknown> {
  return typeof value === 'object' && value !== null && 'data' in value && typeof (value as Cached<unknown>).fetchedAt === 'string';
}

export async function readCache<T>(area: StorageArea, key: string): Promise<Cached<T> | null> {
  const stored = await readKey(area, key);
  return isCached(stored) ? (stored as Cached<T>) : null;
}

export async function writeCache<T>(area: StorageArea, key: string, data: T, at: Date = new Date()): Promise<Cached<T>> {
  const entry: Cached<T> = { data, fetchedAt: at.toISOString() };
  await area.set({ [key]: entry });
  return entry;
}
