import browser from 'webextension-polyfill';
import type { Requests } from '../background/protocol.ts';
import { type MountPanel, publishedMountPanel } from './panel-handle.ts';

let loading: Promise<MountPanel> | null = null;

/**
 * Content script side: the panel's mount function, asking the background
 * worker to inject the panel's bundle the first time. Later opens (and SPA
 * re-mounts of the launcher) reuse it; a failed load may be retried.
 */
export function loadPanel(): Promise<MountPanel> {
  const published = publishedMountPanel();
  if (published) return Promise.resolve(published);
  loading ??= (async () => {
    const request: Requests['loadPanel']['request'] = { type: 'loadPanel' };
    await browser.runtime.sendMessage(request);
    const mount = publishedMountPanel();
    if (!mount) throw new Error('the panel bundle did not start');
    return mount;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
