import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { type TestServer, startTestServer } from '../helpers/test-server.ts';
import { extensionDir } from './build-extension.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends PlainBrowser {
  worker: Worker;
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** More command-line flags (e.g. journalHostArgs of tests/browser/journal-hosts.ts). */
  args?: string[];
  /** A profile to start in and keep (a browser restart); by default a fresh one that close() removes. */
  userDataDir?: string;
}

/** Debian's Chromium, headless, in a fresh profile that close() removes (or in `userDataDir`, kept). */
async function launchChromium(extraArgs: string[], { args = [], userDataDir }: LaunchOptions = {}): Promise<PlainBrowser> {
  const profile = userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...extraArgs, ...args],
  });
  return {
    context,
    async close() {
      await context.close();
      if (!userDataDir) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The same Chromium, same flags and profile kind, without the extension: the baseline of comparisons. */
export function launchWithoutExtension(): Promise<PlainBrowser> {
  return launchChromium([]);
}

/** The same, with the built extension loaded unpacked (`dir`: another build of it). */
export async function launchWithExtension(dir = extensionDir, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const browser = await launchChromium([`--disable-extensions-except=${dir}`, `--load-extension=${dir}`], options);
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  return { ...browser, worker };
}

/** Points the extension at a server, as a teacher does in the panel's settings. */
export async function setServerUrl(browser: ExtensionBrowser, url: string): Promise<void> {
  await browser.worker.evaluate((serverUrl) => chrome.storage.local.set({ serverUrl }), url);
}

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

/** A page's global, as far as reading its text needs (this file is compiled without the DOM's types; a string expression instead of a function would need eval, which chrome:// pages forbid). */
type TextPage = { document: { body: { innerText: string } } };

/**
 * Stops the running service workers of the browser's profile, `expected` of
 * them (the extension's: as Chrome does after it has been idle for a while),
 * through chrome://serviceworker-internals: CDP's ServiceWorker.stopAllWorkers
 * does not reach an extension's worker. The next event a worker listens to
 * starts it again. With `expected` 0 (a browser without the extension) it only
 * takes the same steps: the control of a comparison.
 */
export async function stopServiceWorkers(context: BrowserContext, expected = 1): Promise<void> {
  const internals = await context.newPage();
  try {
    await internals.goto('chrome://serviceworker-internals/');
    const stop = internals.getByRole('button', { name: 'Stop' });
    if (expected > 0) await stop.nth(expected - 1).waitFor();
    else await internals.locator('#serviceworker-list [data-partition-id]').waitFor({ state: 'attached' });
    for (const button of await stop.all()) await button.click();
    // biome-ignore lint/performance/useDomNodeTextContent: the status as the page shows it, in one piece, is what is looked for.
    await internals.waitForFunction(() => !(globalThis as unknown as TextPage).document.body.innerText.includes('Running Status: RUNNING'));
  } finally {
    await internals.close();
  }
}

/** Whether an extension service worker is running now (chrome://serviceworker-internals, as stopServiceWorkers reads it). */
export async function serviceWorkerRunning(context: BrowserContext): Promise<boolean> {
  const internals = await context.newPage();
  try {
    await internals.goto('chrome://serviceworker-internals/');
    await internals.locator('#serviceworker-list [data-partition-id]').waitFor({ state: 'attached' });
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property; read as stopServiceWorkers reads it.
    return (await internals.locator('body').innerText()).includes('Running Status: RUNNING');
  } finally {
    await internals.close();
  }
}

/** The scripts Chromium has parsed in this page, in any world (the page's and the extension's). */
export async function parsedScripts(page: Page): Promise<{ urls: () => string[]; session: CDPSession }> {
  const session = await page.context().newCDPSession(page);
  const urls: string[] = [];
  session.on('Debugger.scriptParsed', (event) => urls.push(event.url));
  await session.send('Debugger.enable');
  return { urls: () => [...urls], session };
}

/** The server on a free port with its demo data, and Chromium with the extension pointed at it; close() ends both. */
export async function startServerWithExtension(): Promise<{ server: TestServer; browser: ExtensionBrowser; close(): Promise<void> }> {
  const server = await startTestServer();
  const browser = await launchWithExtension();
  await setServerUrl(browser, server.url);
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.dispose();
    },
  };
}

/**
 * Debian's Chromium, headless, without the extension: for the server's own
 * pages (the admin pages). Not a persistent profile, so that a test can open
 * fresh contexts (one per signed-in staff member) that accept downloads.
 */
export async function launchPlain(): Promise<PlainBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const context = await browser.newContext({ acceptDownloads: true, locale: 'ru-RU' });
  return {
    context,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
