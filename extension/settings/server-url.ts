import type { StorageArea } from '../sync/storage-area.ts';

const storageKey = 'serverUrl';

/** The part of `storage.managed` we read: what a school's IT pushed by policy (see public/managed_schema.json). */
export interface ManagedArea {
  get(keys: string): Promise<Record<string, unknown>>;
}

export interface ServerSetting {
  url: string;
  /** Set by policy: the teacher cannot change it. */
  managed: boolean;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().replace(/\/+$/, '') : null;
}

/**
 * How long to wait for the managed area. Without a policy it may fail
 * (Firefox) or never answer at all (headless Chromium); both count as empty.
 */
const managedTimeoutMs = 500;

async function readManagedUrl(managed: ManagedArea): Promise<string | null> {
  try {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), managedTimeoutMs));
    const items = await Promise.race([managed.get(storageKey), timeout]);
    return nonEmpty(items?.[storageKey]);
  } catch {
    return null;
  }
}

/** A policy changes rarely: read it once per worker start (the browser restarts the worker often). */
const managedReads = new WeakMap<ManagedArea, Promise<string | null>>();

function managedUrl(managed: ManagedArea | undefined): Promise<string | null> {
  if (!managed) return Promise.resolve(null);
  let read = managedReads.get(managed);
  if (!read) {
    read = readManagedUrl(managed);
    managedReads.set(managed, read);
  }
  return read;
}

/** The server this browser talks to: the policy's, else the one set on this device, else the build's default. */
export async function getServerSetting(local: StorageArea, managed?: ManagedArea): Promise<ServerSetting> {
  const fromPolicy = await managedUrl(managed);
  if (fromPolicy) return { url: fromPolicy, managed: true };
  const stored = nonEmpty((await local.get(storageKey))[storageKey]);
  return { url: stored ?? import.meta.env.WXT_PROFROST_SERVER_URL ?? 'http://localhost:8787', managed: false };
}

/** Checks and stores the address a teacher typed; returns false when it is not an http(s) address. */
export async function setServerUrl(local: StorageArea, url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  await local.set({ [storageKey]: parsed.origin + parsed.pathname.replace(/\/+$/, '') });
  return true;
}
