import browser from 'webextension-polyfill';

const storageKey = 'serverUrl';

/** The server this browser talks to: the one set on this device, else the build's default. */
export async function getServerUrl(): Promise<string> {
  const stored = (await browser.storage.local.get(storageKey))[storageKey];
  return typeof stored === 'string' && stored ? stored : import.meta.env.WXT_PROFROST_SERVER_URL;
}

export async function setServerUrl(url: string): Promise<void> {
  await browser.storage.local.set({ [storageKey]: url.replace(/\/+$/, '') });
}
