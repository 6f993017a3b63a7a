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

/**
 * Keeps only `keep` entries whose keys start with `prefix`: `justWritten`
 * and the most recently fetched others. Every catalogue search is cached
 * under its own query, and storage.local is not endless.
 */
export async function pruneCache(area: StorageArea, prefix: string, keep: number, justWritten: string): Promise<void> {
  const others = Object.entries(await area.get(null)).filter(([key, value]) => key.startsWith(prefix) && key !== justWritten && isCached(value)) as [
    string,
    Cached<unknown>,
  ][];
  if (others.length < keep) return;
  others.sort(([, a], [, b]) => b.fetchedAt.localeCompare(a.fetchedAt));
  await area.remove(others.slice(keep - 1).map(([key]) => key));
}
