/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { type ExtensionBrowser, launchWithExtension, launchWithoutExtension, type PlainBrowser, parsedScripts, setServerUrl } from './chromium.ts';
import { PANEL_FRAME, panelOf } from './panel-frame.ts';

/** What the journal page looks like to its own scripts and styles: everything outside our shadow host. */
interface PageLayout {
  boxes: string[];
  styles: string[];
  scrollSize: [number, number];
  head: string;
  styleSheets: number;
  /** Elements of the page that are not the journal's own (ours, if any). */
  foreign: string[];
}

function layoutOf(page: Page): Promise<PageLayout> {
  return page.evaluate(() => {
    const properties = ['display', 'position', 'font-family', 'font-size', 'line-height', 'color', 'background-color', 'margin', 'padding', 'overflow'];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    const own = [...document.querySelectorAll('*')].filter((element) => element.tagName.toLowerCase() !== 'profrost-panel');
    return {
      boxes: own.map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return `${describe(element)} ${x},${y} ${width}×${height}`;
      }),
      styles: own.map((element) => {
        const style = getComputedStyle(element);
        return `${describe(element)} ${properties.map((property) => style.getPropertyValue(property)).join('; ')}`;
      }),
      scrollSize: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
      head: document.head.innerHTML,
      styleSheets: document.styleSheets.length,
      foreign: [...document.querySelectorAll('profrost-panel')].map(describe),
    };
  });
}

describe('the journal page with the extension', () => {
  let server: TestServer;
  let withExtension: ExtensionBrowser;
  let without: PlainBrowser;
  let baseline: PageLayout;

  beforeAll(async () => {
    server = await startTestServer();
    [withExtension, without] = await Promise.all([launchWithExtension(), launchWithoutExtension()]);
    await setServerUrl(withExtension, server.url);
    const page = await without.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    baseline = await layoutOf(page);
    await page.close();
  });
  afterAll(async () => {
    await withExtension?.close();
    await without?.close();
    await server?.dispose();
  });

  it('keeps every element box and computed style of the journal, with the launcher and with the panel open', async () => {
    expect(baseline.boxes.length).toBeGreaterThan(20); // the demo journal really is a page with content
    const page = await withExtension.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    const launcher = page.getByRole('button', { name: 'Профиль педагога' });
    await launcher.waitFor();

    const withLauncher = await layoutOf(page);
    expect(withLauncher.foreign).toEqual(['profrost-panel']); // one host element, everything else in its shadow root
    expect({ ...withLauncher, foreign: [] }).toEqual({ ...baseline, foreign: [] });

    await launcher.click();
    await panelOf(page).waitFor();
    const withPanel = await layoutOf(page);
    expect({ ...withPanel, foreign: [] }).toEqual({ ...baseline, foreign: [] });
    await page.close();
  });

  it('opens the panel as a frame of the extension only when the teacher clicks, closes it back to a focused launcher, and keeps one launcher', async () => {
    const page = await withExtension.context.newPage();
    const scripts = await parsedScripts(page);
    await page.goto(`${server.url}/demo/journal`);
    const launcher = page.getByRole('button', { name: 'Профиль педагога' });
    await launcher.waitFor();
    const panelCode = (url: string) => url.startsWith('chrome-extension://') && /\/chunks\/panel-[^/]+\.js$/.test(url);
    expect(scripts.urls().some((url) => url.endsWith('/content-scripts/content.js'))).toBe(true);
    expect(await page.locator(PANEL_FRAME).count()).toBe(0);

    await launcher.click();
    const panel = panelOf(page);
    await expect.poll(() => panel.textContent()).toContain('Соколова Анна Викторовна');
    // The panel's code runs in the extension's frame, never in the journal's document.
    expect(scripts.urls().filter(panelCode)).toEqual([]);
    // The frame takes the panel's place and size: fixed to the viewport, at its right edge.
    const frame = page.locator(PANEL_FRAME);
    expect(await frame.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
    expect(await frame.getAttribute('title')).toBe('Профиль педагога');
    // The focus went into the panel (its first field); Escape closes it and gives the focus back to the launcher.
    await expect
      .poll(() => panel.evaluate((main) => document.hasFocus() && document.activeElement !== document.body && main.contains(document.activeElement)))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => frame.count()).toBe(0);
    await expect.poll(() => launcher.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);

    // Opened again and closed by its button: the same.
    await launcher.click();
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('Соколова Анна Викторовна');
    // A click from inside the frame, queued after the evaluation returns: the close takes the frame's renderer away, and
    // a call still waiting on it (Playwright's own click, or an evaluation that clicks at once) may never hear back.
    await panel.evaluate((main) => {
      const close = main.querySelector<HTMLButtonElement>('button[aria-label="Закрыть"]');
      setTimeout(() => close?.click(), 0);
    });
    await expect.poll(() => frame.count()).toBe(0);
    await expect.poll(() => launcher.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    expect(await page.locator('profrost-panel').count()).toBe(1);
    await scripts.session.detach();
    await page.close();
  });

  it('follows a single-page journal: the launcher leaves on a page that is not a teacher page and comes back once', async () => {
    const page = await withExtension.context.newPage();
    await page.goto(`${server.url}/demo/journal`);
    const launchers = page.locator('profrost-panel');
    await page.getByRole('button', { name: 'Профиль педагога' }).waitFor();

    // The journal's own script changes the URL without a reload, as Сетевой город and МЭШ do.
    await page.evaluate(() => history.pushState(null, '', '/demo/journal/login'));
    await expect.poll(() => launchers.count(), { timeout: 5000 }).toBe(0);
    await page.evaluate(() => history.pushState(null, '', '/demo/journal'));
    await expect.poll(() => launchers.count(), { timeout: 5000 }).toBe(1);
    await page.waitForTimeout(1500); // another round of WXT's URL watcher: still exactly one
    expect(await launchers.count()).toBe(1);
    await page.close();
  });
});
