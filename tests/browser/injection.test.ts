/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serviceWorkerRunning, stopServiceWorkers } from './chromium.ts';
import { useServerWithExtension } from './with-extension.ts';
import { panelOf } from './panel-frame.ts';

declare const chrome: { runtime: { reload(): void } };

/*
 * The content script is not in the manifest: the background injects it when a
 * journal tab has loaded (background/inject-content.ts). These tests check
 * what the teacher would notice: one launcher, after every kind of navigation
 * (a single-page journal's own navigation: tests/browser/host-page.test.ts;
 * a switched-off journal: tests/browser/journal-overrides.test.ts).
 */

const launcherName = 'Профиль педагога';
const launchers = (page: Page) => page.getByRole('button', { name: launcherName });
/** Every launcher host in the page (a second injection would add a second one). */
const hosts = (page: Page) => page.locator('profrost-panel');

/** One launcher, and it stays one: a second injection would add its own a moment later. */
async function expectOneLauncher(page: Page) {
  await launchers(page).waitFor();
  await page.waitForTimeout(700);
  expect(await hosts(page).count()).toBe(1);
  expect(await launchers(page).count()).toBe(1);
}

describe('the content script, injected after the journal has loaded', () => {
  const env = useServerWithExtension();

  /** A new tab on the demo journal, with its one launcher. */
  async function openJournal(): Promise<Page> {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.url}/demo/journal`);
    await expectOneLauncher(page);
    return page;
  }

  it('shows the launcher on the demo journal only after the page has loaded', async () => {
    const { server, browser } = env;
    const page = await browser.context.newPage();
    // Noted by the page itself: was anything of ours in the page when its load event fired?
    await page.addInitScript(() => {
      addEventListener('load', () => {
        (window as unknown as { oursAtLoad: number }).oursAtLoad = document.querySelectorAll('profrost-panel').length;
      });
    });
    await page.goto(`${server.url}/demo/journal`);
    await expectOneLauncher(page);
    expect(await page.evaluate(() => (window as unknown as { oursAtLoad?: number }).oursAtLoad)).toBe(0);
    await page.close();
  });

  it('a reload, and going back and forward, each leave exactly one launcher', async () => {
    const { server } = env;
    const page = await openJournal();

    await page.reload();
    await expectOneLauncher(page);

    await page.goto(`${server.url}/demo/journal/login`);
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await page.goBack(); // may come from the back/forward cache, with its launcher still in it
    await expectOneLauncher(page);
    await page.goForward();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await page.waitForTimeout(700);
    expect(await hosts(page).count()).toBe(0); // the sign-in page is not a teacher page
    await page.goBack();
    await expectOneLauncher(page);
    await page.close();
  });

  it('the launcher opens the panel (the extension page, framed in the launcher shadow root)', async () => {
    const { server, browser } = env;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    await launchers(page).click();
    await expect.poll(() => panelOf(page).count()).toBe(1);
    await page.close();
  });

  it('a journal tab open while the extension is updated gets one working launcher without a reload', async () => {
    const { browser } = env;
    const page = await openJournal();
    await page.evaluate(() => document.querySelector('profrost-panel')?.setAttribute('data-before-update', ''));

    // An update (here: a reload of the unpacked extension) ends the old content script; the new worker injects into open tabs.
    const restarted = browser.context.waitForEvent('serviceworker');
    await browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the reload ends the worker the call runs in
    browser.worker = await restarted; // the next tests talk to the new worker
    // The old launcher goes (its content script can no longer reach the worker), a new one comes.
    await expect.poll(() => page.locator('profrost-panel:not([data-before-update])').count()).toBe(1);
    await expect.poll(() => page.locator('profrost-panel[data-before-update]').count()).toBe(0);
    await expectOneLauncher(page);
    await launchers(page).click();
    await expect.poll(() => panelOf(page).count()).toBe(1);
    await page.close();
  });

  it('a journal load wakes the extension worker when it is asleep, and the launcher still comes, once', async () => {
    const { server, browser } = env;
    const page = await openJournal();
    await stopServiceWorkers(browser.context); // waits until it has stopped
    await page.goto(`${server.url}/demo/journal`);
    await expectOneLauncher(page);
    await page.close();
  });

  it('wakes a sleeping worker when the pointer comes onto the launcher, before any click', async () => {
    const { browser } = env;
    const page = await openJournal();
    await stopServiceWorkers(browser.context);
    expect(await serviceWorkerRunning(browser.context)).toBe(false);
    await launchers(page).hover();
    await expect.poll(() => serviceWorkerRunning(browser.context), { timeout: 5_000 }).toBe(true);
    expect(await panelOf(page).count()).toBe(0);
    await page.close();
  });

  it('lets a sleeping worker sleep through pages of other sites', async () => {
    const { server, browser } = env;
    const page = await openJournal();
    await stopServiceWorkers(browser.context);
    // A page of the journal's host that is no journal page, and pages of a host the extension knows nothing of.
    await page.goto(`${server.url}/api/v1/health`);
    const elsewhere = new URL(server.url);
    elsewhere.hostname = '127.0.0.1';
    await page.goto(`${elsewhere.origin}/api/v1/health`);
    await page.goto(`${elsewhere.origin}/demo/journal`);
    await page.waitForTimeout(1000);
    expect(await serviceWorkerRunning(browser.context)).toBe(false);
    await page.close();
  });
});
