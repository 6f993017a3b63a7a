/**
 * The part of `browser.storage.local` the sync modules use. The background
 * worker passes the real area; unit tests pass an in-memory one with the same
 * behaviour (values are copied as JSON, as the browser does).
 */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Reads one key. */
export async function readKey(area: StorageArea, key: string): Promise<unknown> {
  return (await area.get(key))[key];
}

/** Every key that starts with `prefix`. */
export async function keysWithPrefix(area: StorageArea, prefix: string): Promise<string[]> {
  return Object.keys(await area.get(null)).filter((key) => key.startsWith(prefix));
}
