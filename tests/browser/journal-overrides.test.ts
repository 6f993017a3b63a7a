import { describe, expect, it } from 'vitest';
import { OVERRIDES_CHECKED_KEY } from '../../extension/background/refresh-overrides.ts';
import { OVERRIDE_STORAGE_KEY } from '../../extension/journals/override.ts';
import { publishOverrides } from '../../server/features/journal-overrides/store.ts';
import { parsedScripts } from './chromium.ts';
import { useServerWithExtension } from './with-extension.ts';

declare const chrome: {
  runtime: { reload(): void };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } };
};

describe('a kill switch the server publishes', () => {
  const env = useServerWithExtension();

  it('switches the demo journal adapter off without a new release', async () => {
    const { server, browser } = env;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await page.getByRole('button', { name: 'Профиль педагога' }).waitFor();

    const killSwitch = { version: 1 as const, adapters: [{ id: 'demo', enabled: false }] };
    publishOverrides(server.db, killSwitch, 'test');
    // Half an hour later (the worker may already have asked this server) the browser restarts the worker, which asks again.
    const restarted = browser.context.waitForEvent('serviceworker');
    await browser.worker
      .evaluate(async (key) => {
        await chrome.storage.local.remove(key);
        chrome.runtime.reload();
      }, OVERRIDES_CHECKED_KEY)
      .catch(() => undefined); // the reload ends the worker the call runs in
    const worker = await restarted;
    await expect.poll(() => worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], OVERRIDE_STORAGE_KEY)).toEqual(killSwitch);

    await page.close();

    // The background reads the cached switch at the load and injects nothing: not even the content script is parsed.
    const journal = await browser.context.newPage();
    const scripts = await parsedScripts(journal);
    await journal.goto(`${server.url}/demo/journal`);
    await journal.locator('.ej-user__name').waitFor();
    await journal.waitForTimeout(500);
    expect(await journal.locator('profrost-panel').count()).toBe(0);
    expect(scripts.urls().filter((url) => url.startsWith('chrome-extension://'))).toEqual([]);
    await scripts.session.detach();
    await journal.close();
  });
});
