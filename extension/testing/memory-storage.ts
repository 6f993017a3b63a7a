import type { StorageArea } from '../sync/storage-area.ts';

/**
 * `storage.local` in memory, for unit tests: values go in and out as JSON
 * copies, as the browser stores them, and listeners hear every change.
 */
export interface MemoryStorage extends StorageArea {
  /** Called with the changed keys after every set or remove. */
  onChanged(listener: (keys: string[]) => void): () => void;
  /** Everything stored, as plain data. */
  dump(): Record<string, unknown>;
}

export function memoryStorage(initial: Record<string, unknown> = {}): MemoryStorage {
  const data = new Map<string, string>(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  const listeners = new Set<(keys: string[]) => void>();
  const notify = (keys: string[]) => queueMicrotask(() => listeners.forEach((listener) => listener(keys)));
  return {
    async get(keys) {
      const wanted = keys === null || keys === undefined ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      const result: Record<string, unknown> = {};
      for (const key of wanted) {
        const value = data.get(key);
        if (value !== undefined) result[key] = JSON.parse(value);
      }
      return result;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, JSON.stringify(value));
      notify(Object.keys(items));
    },
    async remove(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      for (const key of list) data.delete(key);
      notify(list);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dump: () => Object.fromEntries([...data].map(([k, v]) => [k, JSON.parse(v)])),
  };
}
